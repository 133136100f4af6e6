"""The wheel build compiles the Qt and gettext translations and adds the icons and desktop files.

Everything else is in pyproject.toml. ``build_py`` stages ``resources/`` into the
package as ``essplanner/resources/`` (tools/package_resources.py), so ``pip install``
or ``pipx install`` of the sdist or a checkout gives the French app with its icon,
without ``make`` (docs/decisions/0016-packaging.md).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def _package_resources():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "package_resources", HERE / "tools" / "package_resources.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildPyWithResources(build_py):
    """``build_py``, then ``essplanner/resources/`` written into the build folder."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads the source tree's resources/ (essplanner/assets.py)
        resources = _package_resources()
        package = Path(self.build_lib) / "essplanner"
        for path in resources.stage(package / "resources"):
            self.announce(f"staged {path}", level=2)
        # the .mo are not tracked (make builds them in a checkout): compiled from the .po
        for path in resources.compile_catalogs(package / "locale"):
            self.announce(f"compiled {path}", level=2)


setup(cmdclass={"build_py": BuildPyWithResources})
