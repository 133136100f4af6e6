"""``essplanner desktop install|uninstall``: the launcher and icon in the user's XDG folders."""

from __future__ import annotations

import configparser
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from essplanner import assets
from essplanner.cli import desktop
from essplanner.cli.main import main
from tests.conftest import need


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


@pytest.fixture
def console_script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This run is the ``essplanner`` console script of an install in a folder with a space."""
    script = tmp_path / "my apps" / "bin" / "essplanner"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.setattr(sys, "argv", [str(script)])
    return script


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def _validate(path: Path) -> None:
    tool = shutil.which("desktop-file-validate")
    need(tool is not None, "desktop-file-validate (apt-get install desktop-file-utils)")
    done = subprocess.run([tool, str(path)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_install_writes_a_valid_launcher_running_this_essplanner(
        xdg: Path, console_script: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "desktop", "install"]) == 0
    out = capsys.readouterr().out
    launcher = xdg / "applications" / f"{assets.APP_ID}.desktop"
    assert f"Launcher installed: {launcher}" in out
    entry = _entry(launcher)
    assert entry["Exec"] == f'"{console_script}"'
    assert entry["TryExec"] == str(console_script)
    assert entry["Icon"] == assets.ICON_NAME and entry["Type"] == "Application"
    for size in assets.ICON_SIZES:
        installed = xdg / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "essplanner.png"
        assert installed.read_bytes() == assets.icon_png(size).read_bytes()
    assert (xdg / "icons/hicolor/scalable/apps/essplanner.svg").read_bytes() == \
        assets.icon_svg().read_bytes()
    _validate(launcher)


def test_install_again_updates_in_place(xdg: Path, console_script: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr", "desktop", "install"]) == 0
    first = (xdg / "applications" / f"{assets.APP_ID}.desktop").read_text()
    capsys.readouterr()
    assert main(["--lang", "fr", "desktop", "install", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["updated"] is True and shown["command"] == [str(console_script)]
    assert (xdg / "applications" / f"{assets.APP_ID}.desktop").read_text() == first
    assert sorted(p.name for p in (xdg / "applications").iterdir()) == [
        f"{assets.APP_ID}.desktop"]  # no temporary file left behind


def test_the_data_folder_given_goes_into_the_launcher(
        xdg: Path, console_script: Path, tmp_path: Path) -> None:
    data = tmp_path / "Association 100%"
    assert main(["--lang", "en", "--data-dir", str(data), "desktop", "install"]) == 0
    launcher = xdg / "applications" / f"{assets.APP_ID}.desktop"
    # quoted for the space, % doubled; the file format then escapes nothing more here
    assert _entry(launcher)["Exec"] == (
        f'"{console_script}" --data-dir "{str(data).replace("%", "%%")}"')
    _validate(launcher)


def test_uninstall_removes_only_ours_and_says_when_there_is_nothing(
        xdg: Path, console_script: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "desktop", "install"]) == 0
    other = xdg / "applications" / "org.example.Other.desktop"
    other.write_text("[Desktop Entry]\n")
    capsys.readouterr()
    assert main(["--lang", "en", "desktop", "uninstall"]) == 0
    assert "Removed the launcher and the icon (10 files)." in capsys.readouterr().out
    assert other.exists()
    assert not list((xdg / "icons").rglob("essplanner.*"))
    assert main(["--lang", "fr", "desktop", "uninstall"]) == 0
    assert "Rien à retirer\u00a0: aucun lanceur dans" in capsys.readouterr().out


def test_a_relative_xdg_data_home_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert desktop.Locations.current().data_home == tmp_path / ".local" / "share"


def test_the_command_of_a_bundle_and_of_python_m(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    bundle = tmp_path / "essplanner" / "essplanner"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle))
    assert desktop.launcher_command() == [str(bundle)]
    monkeypatch.delattr(sys, "frozen")
    monkeypatch.setattr(sys, "argv", ["/src/essplanner/__main__.py"])
    assert desktop.launcher_command() == [str(bundle), "-m", "essplanner"]


def test_exec_quoting_follows_the_desktop_entry_spec() -> None:
    assert desktop.exec_value(["/usr/bin/essplanner"]) == "/usr/bin/essplanner"
    # quoted, then ", `, $ and \ escaped inside the quotes, then every \ doubled by the file
    assert desktop.exec_value(['/opt/a "b" $c\\d']) == '"/opt/a \\\\"b\\\\" \\\\$c\\\\\\\\d"'


def test_missing_desktop_files_are_a_clear_error(
        xdg: Path, console_script: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(assets, "resource_dir", lambda: tmp_path / "nowhere")
    assert main(["--lang", "en", "desktop", "install"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("essplanner: This installation of ESS Planner lacks its desktop files")
    assert "Traceback" not in err and not (xdg / "applications").exists()


def test_not_offered_on_windows_and_macos(monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert main(["--lang", "en", "desktop", "install"]) == 2
    assert "the installer adds ESS Planner to the menu" in capsys.readouterr().err
