"""The wheel: built from the sdist, installed into a fresh environment outside the source tree,
the app is French, has its icon, installs a valid launcher; the AppStream data validates.

What this proves rests on the package's own files coming from the wheel: the fresh
environment borrows only the *dependencies* of the test's Python (PySide6 and the rest,
so nothing is downloaded), through a folder of links that leaves out every trace of the
project (its editable-install finder, its metadata); the app runs with its working
directory outside the repository and no PYTHONPATH, and reports where it was loaded from.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from essplanner.assets import APP_ID
from tests.conftest import need

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
import essplanner
from essplanner import assets
from essplanner.app import qt_application
from essplanner.i18n import set_language
from essplanner.settings import Paths
from essplanner.workspace import Workspace
from essplanner.ui.bridge import Bridge
from essplanner.ui.mainwindow import MainWindow

set_language("fr")
app, translators = qt_application("fr")
ws = Workspace.open(paths=Paths.resolve(sys.argv[1]))
window = MainWindow(ws, Bridge())
print(json.dumps({
    "package": essplanner.__file__,
    "resources": str(assets.resource_dir()),
    "sys_path": sys.path,
    "menus": [action.text() for action in window.menuBar().actions()],
    "icon_null": window.windowIcon().isNull(),
    "icon_sizes": sorted(s.width() for s in window.windowIcon().availableSizes()),
    "desktop_file": app.desktopFileName(),
}))
ws.close()
"""


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, capture_output=True, text=True, **kwargs)  # type: ignore[call-overload]
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done  # type: ignore[no-any-return]


def _dependencies_only(target: Path) -> Path:
    """Links to this Python's installed packages, minus the project itself."""
    target.mkdir()
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        name = entry.name.lower()
        if name.startswith(("essplanner", "__editable__", "_essplanner")) or \
                name.endswith(".pth") or name == "__pycache__":
            continue
        (target / entry.name).symlink_to(entry)
    return target


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    try:
        import build  # noqa: F401
    except ImportError:
        need(False, "the 'build' package (pip install -e '.[test]')")
    out = tmp_path_factory.mktemp("dist")
    # a copy, so that the build's egg-info never lands in the checkout (and on sys.path);
    # without the compiled catalogs a checkout may have: the build makes its own
    source = tmp_path_factory.mktemp("source") / "essplanner"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", ".peers", "build", "dist", "*.egg-info", "__pycache__", ".*_cache",
        "*.qm", "*.mo"))
    # sdist first, then the wheel from the unpacked sdist: what pip/pipx do with the sdist.
    # No isolation: the build requirements are the test extra's, nothing is downloaded.
    _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)])
    (found,) = out.glob("essplanner-*.whl")
    return found


def test_the_wheel_carries_translations_icons_and_desktop_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    res = "essplanner/resources"
    assert {f"{res}/i18n/essplanner_fr.qm", f"{res}/i18n/essplanner_en.qm",
            f"{res}/icons/hicolor/scalable/apps/essplanner.svg",
            f"{res}/icons/hicolor/512x512/apps/essplanner.png",
            f"{res}/applications/{APP_ID}.desktop", f"{res}/metainfo/{APP_ID}.metainfo.xml",
            "essplanner/migrations/env.py", "essplanner/locale/fr/LC_MESSAGES/essplanner.mo",
            "essplanner/demo/data/fr/posts.toml"} <= names
    assert not any(n.endswith(".ts") for n in names)
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "essplanner.publishers" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_from_the_wheel_the_app_is_french_with_its_icon_and_launcher(
        wheel: Path, tmp_path: Path) -> None:
    validate = shutil.which("desktop-file-validate")
    appstream = shutil.which("appstreamcli")
    need(validate is not None, "desktop-file-validate (apt-get install desktop-file-utils)")
    need(appstream is not None, "appstreamcli (apt-get install appstream)")
    assert validate and appstream
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
          "--no-deps", "--no-index", "--ignore-installed", str(wheel)], env=clean)
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                      "['purelib'])"]).stdout.strip())
    (site / "dependencies.pth").write_text(f"{_dependencies_only(tmp_path / 'deps')}\n")

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path / "home"),
           "XDG_DATA_HOME": str(tmp_path / "share"), "QT_QPA_PLATFORM": "offscreen",
           "LANG": "C.UTF-8"}
    data = tmp_path / "data"

    probe = json.loads(_run([str(python), "-c", PROBE, str(data)], cwd=outside, env=env).stdout)
    assert probe["package"].startswith(str(site)), probe["package"]
    assert probe["resources"] == str(site / "essplanner" / "resources")
    assert not [p for p in probe["sys_path"] if p and Path(p).resolve().is_relative_to(ROOT)]
    assert probe["menus"] == ["&Fichier", "É&dition", "&Affichage", "&Outils", "Aid&e"]
    assert probe["icon_null"] is False and probe["icon_sizes"][-1] == 512
    assert probe["desktop_file"] == APP_ID

    shot = tmp_path / "month-fr.png"
    _run(["essplanner", "--lang", "fr", "--data-dir", str(data), "screenshot", "--out",
          str(shot)], cwd=outside, env=env)
    assert shot.stat().st_size > 10_000

    done = _run(["essplanner", "--lang", "fr", "desktop", "install"], cwd=outside, env=env)
    launcher = tmp_path / "share" / "applications" / f"{APP_ID}.desktop"
    assert f"Lanceur installé\u00a0: {launcher}" in done.stdout
    assert f"Exec={venv / 'bin' / 'essplanner'}\n" in launcher.read_text()
    checked = _run([validate, str(launcher)])
    assert not checked.stdout.strip(), checked.stdout
    assert (tmp_path / "share/icons/hicolor/48x48/apps/essplanner.png").is_file()

    metainfo = site / "essplanner" / "resources" / "metainfo" / f"{APP_ID}.metainfo.xml"
    _run([appstream, "validate", "--no-net", str(metainfo)])
