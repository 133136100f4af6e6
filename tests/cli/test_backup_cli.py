"""``essplanner backup now|list|restore`` and ``essplanner workspace export|import``."""

from __future__ import annotations

import errno
import json
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from essplanner.cli.main import main

PARIS = ZoneInfo("Europe/Paris")  # the zone of the settings written below
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)

    def _run(*args: str, data: str = "data") -> tuple[int, str, str]:
        folder = tmp_path / data
        folder.mkdir(exist_ok=True)
        settings = folder / "settings.json"
        if not settings.exists():
            settings.write_text('{"timezone": "Europe/Paris"}')
        code = main(["--lang", "en", "--data-dir", str(folder), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def _one_clear_line(err: str) -> None:
    assert err.count("\n") == 1 and err.startswith("essplanner: "), err
    assert "Traceback" not in err


#: upcoming posts start some weeks after the (possibly moved) clock, read once: the command
#: line has no injected clock, so a fixed date would be in the past some day
FIRST = (datetime.now(UTC) + timedelta(days=30)).replace(hour=9, minute=0, second=0,
                                                         microsecond=0)


def _when(n: int) -> datetime:
    """The time of the n-th upcoming post."""
    return FIRST + timedelta(days=n)


def _add_posts(run: Run, *titles: str, data: str = "data") -> None:
    for n, title in enumerate(titles, start=1):
        code, _out, err = run("post", "add", "--title", title, "--text", title, "--at",
                              _when(n).isoformat(), data=data)
        assert code == 0, err


def test_backup_now_list_and_restore(run: Run, tmp_path: Path) -> None:
    _add_posts(run, "Vœux", "Galette")
    code, out, _err = run("backup", "now", "--json")
    assert code == 0
    made = json.loads(out)
    assert made["counts"]["posts"] == 2 and made["kind"] == "backup"
    assert [u["title"] for u in made["upcoming"]] == ["Vœux", "Galette"]
    code, out, _err = run("backup", "list")
    assert code == 0 and Path(made["file"]).name in out and "2 posts" in out

    _add_posts(run, "Ajout")
    # without --yes (and no terminal to ask on): shows what it holds, changes nothing
    code, out, err = run("backup", "restore", Path(made["file"]).name)
    assert code == 2
    assert "Backup of" in out and "2 posts" in out and f"{_when(1).astimezone(PARIS):%Y-%m-%d %H:%M}  Vœux" in out
    _one_clear_line(err)
    assert len(json.loads(run("post", "list", "--json")[1])) == 3

    code, out, _err = run("backup", "restore", made["file"], "--yes")
    assert code == 0, out
    assert "Workspace restored" in out and "essplanner-safety-" in out
    assert [p["title"] for p in json.loads(run("post", "list", "--json")[1])] == [
        "Vœux", "Galette"]


def test_workspace_export_and_import_into_an_empty_folder(run: Run, tmp_path: Path) -> None:
    _add_posts(run, "Vœux")
    assert run("account", "add", "dryrun", "--name", "Essai")[0] == 0
    archive = tmp_path / "ws.zip"
    code, out, err = run("workspace", "export", str(archive))
    assert code == 0, err
    assert "No secret is in it" in out
    code, out, err = run("workspace", "import", str(archive), data="elsewhere")
    assert code == 0, err
    assert "Exported workspace of" in out and "1 account is marked to reconnect" in out
    posts = json.loads(run("post", "list", "--json", data="elsewhere")[1])
    assert [(p["title"], p["scheduled_at"]) for p in posts] == [
        ("Vœux", f"{_when(1):%Y-%m-%dT%H:%M:%SZ}")]
    assert "needs reconnecting" in run("account", "list", data="elsewhere")[1]
    # a second time: the folder is no longer empty
    code, _out, err = run("workspace", "import", str(archive), data="elsewhere")
    assert code == 2
    _one_clear_line(err)
    assert "already holds a workspace" in err and "--replace" in err
    code, out, err = run("workspace", "import", str(archive), "--replace", data="elsewhere")
    assert code == 0 and "essplanner-safety-" in out


def test_clear_errors_never_a_traceback(run: Run, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    _add_posts(run, "Vœux")
    corrupt = tmp_path / "corrupt.zip"
    corrupt.write_bytes(b"\x00" * 100)
    foreign = tmp_path / "foreign.zip"
    with zipfile.ZipFile(foreign, "w") as zf:
        zf.writestr("hello.txt", "hi")
    cases = [
        (("backup", "restore", str(corrupt), "--yes"), "not an ESS Planner backup"),
        (("backup", "restore", str(foreign), "--yes"), "not an ESS Planner backup"),
        (("workspace", "import", str(corrupt)), "not an ESS Planner backup"),
        (("backup", "restore", str(tmp_path / "nope.zip"), "--yes"), "does not exist"),
        (("workspace", "export", str(tmp_path / "no" / "such" / "x.zip")), "does not exist"),
    ]
    for args, message in cases:
        code, _out, err = run(*args)
        assert code == 2, (args, err)
        _one_clear_line(err)
        assert message in err

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "write", full)
    for args in (("backup", "now"), ("workspace", "export", str(tmp_path / "x.zip"))):
        code, _out, err = run(*args)
        assert code == 1
        _one_clear_line(err)
        assert "disk is full" in err
    assert len(json.loads(run("post", "list", "--json")[1])) == 1


def test_french_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "x.zip"
    bad.write_text("non")
    code = main(["--lang", "fr", "--data-dir", str(tmp_path / "d"), "backup", "restore",
                 str(bad), "--yes"])
    err = capsys.readouterr().err
    assert code == 2 and "n’est pas une sauvegarde" in err
