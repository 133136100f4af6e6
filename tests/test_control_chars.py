"""Control characters: refused when typed or imported, escaped when printed (issue 10)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from essplanner import domain
from essplanner.cli.main import main
from essplanner.controlchars import json_safe, terminal_safe
from essplanner.errors import ValidationError
from essplanner.workspace import Workspace

# What a terminal must never receive raw: C0 (ESC, BEL, CR), DEL, C1 (CSI) and direction
# overrides.
RAW = ("\x1b", "\x07", "\r", "\x7f", "\x9b", "\u202e")


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text('{"timezone": "Europe/Paris"}')

    def _run(*args: str) -> tuple[int, str, str]:
        try:
            code = main(["--lang", "en", "--data-dir", str(data), *args])
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    _run.database = data / "essplanner.sqlite3"  # type: ignore[attr-defined]
    return _run


def test_a_terminal_escape_in_a_title_is_refused_at_input(run) -> None:
    code, out, err = run("post", "add", "--title", "\x1b[2J", "--text", "Bonjour")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "Title: the invisible control character U+001B is not allowed" in err
    assert "\x1b" not in err
    assert json.loads(run("post", "list", "--json")[1]) == []


def test_the_csv_import_refuses_control_characters_with_its_line(run, tmp_path: Path) -> None:
    file = tmp_path / "posts.csv"
    file.write_text("title,text\nAtelier,Bonjour\nRéunion,\"Salut \x1b]0;pwned\x07\"\n",
                    encoding="utf-8")
    code, _, err = run("import", "csv", str(file))
    assert code == 2
    assert "Text: the invisible control character U+001B is not allowed" in err
    assert json.loads(run("post", "list", "--json")[1]) == []  # all or nothing


def test_stored_escapes_are_printed_as_visible_escapes(run) -> None:
    assert run("account", "add", "dryrun", "--name", "Essai")[0] == 0
    code, out, err = run("post", "add", "--title", "Atelier", "--text", "Bonjour",
                         "--account", "Essai")
    assert code == 0, err
    post_id = int(out)
    title = "Atelier \x1b]0;pwned\x07 \x9b2J \u202eevil\x7f"
    error = "refused \x1b[31mred\x1b[0m\r"
    # Written behind the application's back (an older version, SQL, another tool).
    with sqlite3.connect(run.database) as db:
        db.execute("UPDATE post SET title = ? WHERE id = ?", (title, post_id))
        assert db.execute("UPDATE target SET state = 'failed', last_error = ? "
                          "WHERE post_id = ?", (error, post_id)).rowcount == 1

    for args in (("post", "list"), ("post", "show", str(post_id))):
        code, out, err = run(*args)
        assert code == 0, err
        for char in RAW:
            assert char not in out, (args, repr(char))
        assert "Atelier \\x1b]0;pwned\\x07 \\x9b2J \\u202eevil\\x7f" in out
        code, out, err = run(*args, "--json")
        assert code == 0, err
        for char in RAW:
            assert char not in out, (args, repr(char))
        data = json.loads(out)
        post = data[0] if isinstance(data, list) else data
        assert post["title"] == title  # the same data, escaped as JSON allows


def test_posts_are_checked_in_the_service_layer(workspace: Workspace) -> None:
    posts = workspace.posts
    for draft in (domain.PostDraft(title="a\u202eb", body="x"),
                  domain.PostDraft(title="a\tb", body="x"),
                  domain.PostDraft(body="ding\x07"),
                  domain.PostDraft(body="x", call_to_action="Don\x1b"),
                  domain.PostDraft(body="x", hashtags=("ok", "b\x85d"))):
        with pytest.raises(ValidationError, match="invisible control character"):
            posts.create(draft)
    post = posts.create(domain.PostDraft(title="Atelier", body="Ligne 1\r\nLigne\t2\rfin"))
    assert post.body == "Ligne 1\nLigne\t2\nfin"  # line ends as LF, TAB kept
    arabic = "\u2067مرحبا\u2069 ESS"  # isolates are ordinary in right-to-left texts
    assert posts.create(domain.PostDraft(body=arabic)).body == arabic
    with pytest.raises(ValidationError, match=r"U\+001B"):
        posts.update(post.id, domain.PostDraft(title="Atelier\x1b[2J", body="x"),
                     expected_version=post.version)
    assert posts.get(post.id).title == "Atelier"


def test_escaping_keeps_tab_and_newline_and_json_stays_json() -> None:
    assert terminal_safe("a\tb\nc\x1b[2Jd\x9b\u2066") == "a\tb\nc\\x1b[2Jd\\x9b\\u2066"
    text = json.dumps({"t": "x\x7f\x9b\u202e"}, ensure_ascii=False)
    assert json.loads(json_safe(text)) == {"t": "x\x7f\x9b\u202e"}
    assert not any(c in json_safe(text) for c in "\x7f\x9b\u202e")
