"""``essplanner team ...`` and the review verbs of ``essplanner post``: what each person
may do, refused in one line (exit 2) when their role does not allow it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from essplanner.cli.main import main


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("ESSPLANNER_DATA_DIR", str(data))
    db = f"sqlite:///{tmp_path / 'x.db'}"

    def _run(*args: str, who: str = "claire") -> tuple[int, str, str]:
        # who uses this installation: the identity kept in the settings
        (data / "settings.json").write_text(json.dumps({
            "timezone": "Europe/Paris", "user_name": who.title(),
            "user_email": f"{who}@asso.example"}))
        code = main(["--lang", "en", "--db", db, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_team_and_review_verbs(run) -> None:
    code, out, _ = run("team", "whoami", "--json")
    me = json.loads(out)
    assert code == 0 and (me["name"], me["role"], me["approval_required"]) == (
        "Claire", "administrator", False)
    assert set(me["can"]) >= {"approve", "manage_accounts"}
    assert run("team", "add", "Lina", "--email", "lina@asso.example")[0] == 0
    assert run("team", "add", "Paul", "--email", "paul@asso.example", "--role", "approver")[0] == 0
    code, out, _ = run("team", "approval", "on")
    assert (code, out.strip()) == (0, "Posts need approval before they go out.")
    code, out, _ = run("team", "list", "--json")
    assert [(m["name"], m["role"]) for m in json.loads(out)] == [
        ("Claire", "administrator"), ("Lina", "contributor"), ("Paul", "approver")]

    code, out, _ = run("post", "add", "--text", "Collecte samedi", who="lina")
    post_id = out.strip()
    code, out, err = run("post", "approve", post_id, who="lina")
    assert (code, out, err) == (2, "", "essplanner: Only approvers can approve posts.\n")
    code, _, err = run("team", "approval", "off", who="lina")
    assert (code, err) == (
        2, "essplanner: Only administrators can change the workspace's settings.\n")
    code, _, err = run("team", "role", "lina", "administrator", who="lina")
    assert (code, err) == (2, "essplanner: Only administrators can change the team's members.\n")
    assert run("post", "submit", post_id, "--comment", "Relis-moi @Paul", who="lina")[0] == 0

    with pytest.raises(SystemExit) as usage:  # argparse: the comment is required
        run("post", "request-changes", post_id, who="paul")
    assert usage.value.code == 2
    assert run("post", "request-changes", post_id, "--comment", "Ajoute l'heure",
               who="paul")[0] == 0
    assert run("post", "comment", post_id, "C'est", "fait", "@paul", who="lina")[0] == 0
    assert run("post", "submit", post_id, who="lina")[0] == 0
    code, out, _ = run("post", "approve", post_id, "--json", who="paul")
    assert code == 0 and json.loads(out)["state"] == "approved"

    code, out, _ = run("post", "comments", post_id, "--json")
    comments = json.loads(out)
    assert [(c["author"], c["text"]) for c in comments] == [
        ("Lina", "Relis-moi @Paul"), ("Paul", "Ajoute l'heure"), ("Lina", "C'est fait @paul")]
    assert comments[0]["mentions"] == comments[2]["mentions"] != []
    code, out, _ = run("post", "history", post_id, "--json")
    assert [(h["who"], h["what"]) for h in json.loads(out)] == [
        ("Lina", "created"), ("Lina", "submitted"), ("Paul", "changes_requested"),
        ("Lina", "commented"), ("Lina", "submitted"), ("Paul", "approved")]
    code, out, _ = run("post", "history", post_id)
    assert "\tPaul\tasked for changes (Ajoute l'heure)" in out
    shown = json.loads(run("post", "show", post_id, "--json")[1])
    assert len(shown["comments"]) == 3 and shown["history"][-1]["what"] == "approved"
    listed = json.loads(run("post", "list", "--json")[1])
    assert listed[0]["comments"] == shown["comments"]

    assert run("team", "role", "lina@asso.example", "approver")[0] == 0
    code, _, err = run("team", "grant", "lina", "--role", "approver")
    assert code == 2 and err.count("\n") == 1 and "only on a shared PostgreSQL" in err


def test_the_refusal_is_in_french_too(run, tmp_path: Path, capsys) -> None:
    run("team", "add", "Lina", "--email", "lina@asso.example")
    post_id = run("post", "add", "--text", "Bonjour")[1].strip()
    (tmp_path / "data" / "settings.json").write_text(json.dumps({
        "user_name": "Lina", "user_email": "lina@asso.example"}))
    code = main(["--lang", "fr", "--db", f"sqlite:///{tmp_path / 'x.db'}", "post", "approve",
                 post_id])
    assert (code, capsys.readouterr().err) == (
        2, "essplanner: Seuls les approbateurs peuvent approuver les publications.\n")
