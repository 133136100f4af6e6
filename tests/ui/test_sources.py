"""PySide6's import hook must not keep the source of every module the app imports."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.helpers.shifted import pythonpath

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import linecache, sys
    sys.path.insert(0, {folder!r})
    spare = {spare}
    import PySide6.QtCore
    if spare:
        from essplanner.ui.sources import spare_sources
        assert spare_sources()
        assert spare_sources()  # twice is harmless
    import plain_module, qt_module
    cached = [name for name in linecache.cache if name.endswith(("plain_module.py", "qt_module.py"))]
    print(sorted(n.rsplit("/", 1)[-1] for n in cached))
""")


def run_child(tmp_path: Path, *, spare: bool) -> str:
    (tmp_path / "plain_module.py").write_text("VALUE = 1\n" * 200)
    (tmp_path / "qt_module.py").write_text("from PySide6.QtCore import QObject\nVALUE = 2\n")
    done = subprocess.run(
        [sys.executable, "-c", CHILD.format(folder=str(tmp_path), spare=spare)],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
        env={"PYTHONPATH": pythonpath(str(ROOT)), "QT_QPA_PLATFORM": "offscreen",
             "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_without_the_fix_pyside_keeps_the_sources(tmp_path: Path) -> None:
    # The reason the fix exists: if this ever fails, PySide6 stopped caching and the fix
    # (essplanner/ui/sources.py) can go.
    assert run_child(tmp_path, spare=False) == "['plain_module.py', 'qt_module.py']"


def test_spare_sources_keeps_no_source_in_memory(tmp_path: Path) -> None:
    assert run_child(tmp_path, spare=True) == "[]"


def test_the_check_still_tells_modules_using_pyside_apart(tmp_path: Path) -> None:
    import types

    from essplanner.ui.sources import uses_pyside

    (tmp_path / "a.py").write_text("import PySide6\n")
    (tmp_path / "b.py").write_text("import os\n")
    import importlib.machinery

    def module(name: str) -> types.ModuleType:
        loader = importlib.machinery.SourceFileLoader(name, str(tmp_path / f"{name}.py"))
        mod = types.ModuleType(name)
        mod.__loader__ = loader
        return mod

    def never(_module: types.ModuleType) -> bool:
        raise AssertionError("the fallback is only for modules without a loader source")

    assert uses_pyside(module("a"), never) is True
    assert uses_pyside(module("b"), never) is False
    assert uses_pyside(types.ModuleType("built"), lambda m: True) is True
