"""``essplanner template list``, ``post add --template``, ``post evergreen`` and ``reuse``."""

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from essplanner.cli.main import main


def _ahead(days: int) -> datetime:
    """09:00 UTC some days after the real clock (the command line has no injected clock)."""
    return (datetime.now(UTC) + timedelta(days=days)).replace(hour=9, minute=0, second=0,
                                                                microsecond=0)


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("ESSPLANNER_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    db = f"sqlite:///{tmp_path / 'x.db'}"

    def _run(*args: str, lang: str = "en") -> tuple[int, str, str]:
        code = main(["--lang", lang, "--db", db, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_template_list_in_both_languages(run) -> None:
    code, out, _ = run("template", "list", "--json")
    assert code == 0
    names = [t["name"] for t in json.loads(out)]
    assert "Beneficiary testimony" in names and len(names) == 7
    code, out, _ = run("template", "list", lang="fr")
    assert code == 0
    assert "Témoignage de bénéficiaire [guide]" in out


def test_post_add_from_a_template(run) -> None:
    run("persona", "add", "Marie", "--segment", "beneficiaries")
    run("persona", "add", "Karim", "--segment", "volunteers")
    run("objective", "add", "Sensibilisation", "--kind", "awareness", "--kpi", "Vues",
        "--target", "100")
    run("objective", "add", "Dons", "--kind", "donations", "--kpi", "Dons", "--target", "10")
    code, out, err = run("post", "add", "--template", "beneficiary-testimony",
                         "--title", "Le témoignage de Jeanne", lang="fr")
    assert code == 0, err
    assert "Droit à l’image" in err and "[crochets]" in err
    post = json.loads(run("post", "show", out.strip(), "--json")[1])
    assert post["title"] == "Le témoignage de Jeanne"
    assert post["text"].startswith("« [La phrase la plus forte")
    assert post["personas"] == ["Marie"]
    assert sorted(post["objectives"]) == ["Dons", "Sensibilisation"]
    assert post["targets"] == []
    # its own text wins; scheduled when given a time and an account
    run("account", "add", "dryrun", "--name", "Essai")
    code, out, err = run("post", "add", "--template", "Call for volunteers", "--text",
                         "We need 3 volunteers on Saturday.", "--account", "Essai",
                         "--at", _ahead(3).isoformat())
    assert code == 0, err
    post = json.loads(run("post", "show", out.strip(), "--json")[1])
    assert post["text"] == "We need 3 volunteers on Saturday."
    assert post["personas"] == ["Karim"]
    assert [t["state"] for t in post["targets"]] == ["scheduled"]
    code, _, err = run("post", "add", "--template", "nothing like it")
    assert code == 2 and "There is no template 'nothing like it'" in err
    code, _, err = run("post", "add", "--title", "no text")
    assert code == 2 and "--template" in err


def test_save_as_template_then_post_evergreen_and_reuse(run) -> None:
    run("account", "add", "dryrun", "--name", "Essai")
    first = _ahead(2)
    code, out, _ = run("post", "add", "--text", "Trois gestes", "--account", "Essai",
                       "--at", first.isoformat())
    post_id = out.strip()
    code, out, err = run("template", "save", post_id, "--name", "Gestes", "--json")
    assert code == 0, err
    assert json.loads(out)["source"] == "saved"
    code, out, _ = run("post", "add", "--template", "gestes")
    assert json.loads(run("post", "show", out.strip(), "--json")[1])["text"] == "Trois gestes"

    code, out, err = run("post", "evergreen", post_id, "--cooldown-days", "10",
                         "--max-reuses", "1", "--json")
    assert code == 0, err
    entry = json.loads(out)
    assert (entry["cooldown_days"], entry["max_reuses"], entry["times_reused"]) == (10, 1, 0)
    code, _, err = run("post", "reuse", post_id, "--at", (first + timedelta(days=9)).isoformat())
    assert code == 2 and "wait 10 days" in err
    code, out, err = run("post", "reuse", post_id, "--at",
                         (first + timedelta(days=10)).isoformat())
    assert code == 0, err
    copy = json.loads(run("post", "show", out.strip(), "--json")[1])
    assert copy["id"] != int(post_id) and [t["state"] for t in copy["targets"]] == ["scheduled"]
    code, _, err = run("post", "reuse", post_id, "--at", (first + timedelta(days=40)).isoformat())
    assert code == 2 and "its maximum" in err
    code, out, _ = run("post", "evergreens")
    assert "reused 1 of 1 times" in out and "never (maximum reached)" in out
