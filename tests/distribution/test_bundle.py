"""The standalone bundle (`make bundle`, packaging/essplanner.spec) on a machine without the
project's environment: an empty HOME, a PATH without any venv, a real X display (Xvfb).

The build takes minutes: it is kept in build/bundle-test/<hash of what goes in>/ and
reused while the sources, the spec and the tool versions stay the same.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.conftest import need

pytestmark = [pytest.mark.slow, pytest.mark.peer]
ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "build" / "bundle-test"


def _inputs_hash() -> str:
    digest = hashlib.sha256()
    for tool in ("pyinstaller", "pyside6-essentials", "pyside6-addons"):
        digest.update(f"{tool}={version(tool)}\n".encode())
    digest.update(sys.version.encode())
    files = [ROOT / "pyproject.toml", ROOT / "tools" / "package_resources.py"]
    for folder, patterns in (("essplanner", ("*",)), ("resources", ("*",)),
                             ("packaging", ("*",))):
        for pattern in patterns:
            files += (ROOT / folder).rglob(pattern)
    for path in sorted(p for p in set(files) if p.is_file() and "__pycache__" not in p.parts
                       and p.suffix != ".qm"):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="module")
def bundle() -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        need(False, "PyInstaller (pip install -e '.[test]', as make test does)")
    folder = CACHE / _inputs_hash()
    program = folder / "dist" / "essplanner" / "essplanner"
    if not program.is_file():
        if CACHE.is_dir():  # an older build: about 300 MB each
            for old in CACHE.iterdir():
                shutil.rmtree(old, ignore_errors=True)
        done = subprocess.run(
            [sys.executable, "-m", "PyInstaller", str(ROOT / "packaging" / "essplanner.spec"),
             "--noconfirm", "--log-level", "WARN", "--distpath", str(folder / "dist"),
             "--workpath", str(folder / "work")],
            capture_output=True, text=True, cwd=ROOT)
        assert done.returncode == 0, done.stderr[-4000:]
        shutil.rmtree(folder / "work", ignore_errors=True)
    return program


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, capture_output=True, text=True, env=env, cwd=cwd, timeout=300)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.mark.timeout(1800)  # a cold build: PyInstaller on two busy cores
def test_the_bundle_starts_in_french_with_every_plugin_without_the_venv(
        bundle: Path, tmp_path: Path) -> None:
    xvfb = shutil.which("xvfb-run")
    need(xvfb is not None, "xvfb-run (apt-get install xvfb)")
    assert xvfb
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}

    internal = bundle.parent / "_internal"
    for name in ("essplanner_fr.qm", "essplanner_en.qm"):
        assert (internal / "essplanner" / "resources" / "i18n" / name).is_file()
    assert (internal / "essplanner" / "resources" / "icons" / "hicolor" / "256x256" / "apps"
            / "essplanner.png").is_file()
    # every data file the wheel ships (pyproject's package-data) is in the bundle too: the
    # example's images, the guide's templates, the shipped client ids, the migrations
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"]["essplanner"]
    source = ROOT / "essplanner"
    shipped = {p.relative_to(source) for pattern in patterns
               if not pattern.startswith(("resources/", "locale/"))
               for p in source.glob(pattern) if p.is_file() and "__pycache__" not in p.parts}
    assert shipped, patterns
    missing = sorted(str(p) for p in shipped if not (internal / "essplanner" / p).is_file())
    assert missing == []

    shown = json.loads(_run([str(bundle), "--lang", "fr", "account", "platforms", "--json"],
                            env, tmp_path).stdout)
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "entry-points"]["essplanner.publishers"]
    assert sorted(p["platform"] for p in shown["platforms"]) == sorted(declared)
    assert shown["failures"] in ({}, [])

    _run([str(bundle), "--lang", "fr", "demo", "load"], env, tmp_path)
    shot = tmp_path / "bundle-fr.png"
    _run([xvfb, "-a", "-s", "-screen 0 1280x800x24", str(bundle), "--lang", "fr", "screenshot",
          "--out", str(shot), "--size", "1280x800"], env, tmp_path)
    assert shot.stat().st_size > 20_000
    # everything it wrote is under the empty HOME (platformdirs), nothing beside the bundle
    assert (home / ".local" / "share" / "essplanner" / "essplanner.sqlite3").is_file()
    shutil.copyfile(shot, bundle.parents[2] / "bundle-fr.png")  # kept beside the build, to look at
