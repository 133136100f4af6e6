"""``essplanner post edit``: some fields changed, the rest kept; a stale ``--expect-version``
refused (exit 1), nothing overwritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from essplanner.cli.main import main


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    data = tmp_path / "data"

    def _run(*args: str) -> tuple[int, str, str]:
        try:
            code = main(["--lang", "en", "--data-dir", str(data), *args])
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_post_edit_changes_what_is_given_and_refuses_a_stale_version(run) -> None:
    code, out, _err = run("post", "add", "--title", "Kermesse", "--text", "Samedi",
                          "--hashtag", "ESS", "--json")
    assert code == 0
    first = json.loads(out)
    code, out, err = run("post", "edit", str(first["id"]), "--text", "Dimanche", "--json")
    assert code == 0, err
    edited = json.loads(out)
    assert (edited["title"], edited["text"], edited["version"]) == (
        "Kermesse", "Dimanche", first["version"] + 1)
    # an edit made on the first version: someone saved since, refused
    code, _out, err = run("post", "edit", str(first["id"]), "--title", "Autre",
                          "--expect-version", str(first["version"]))
    assert code == 1
    assert "Someone else changed this post" in err and len(err.strip().splitlines()) == 1
    code, out, _err = run("post", "show", str(first["id"]), "--json")
    assert json.loads(out)["title"] == "Kermesse"
    code, _out, err = run("post", "edit", str(first["id"]))
    assert code == 2 and "Give at least one field to change" in err
