"""The files shipped with the app: compiled Qt translations, icons, launcher, AppStream data.

Installed (wheel, bundle) they are inside the package, in ``essplanner/resources/``,
put there by the build (``tools/package_resources.py``, called by ``setup.py`` and the
PyInstaller spec). In a source checkout (``make run``, an editable install) they are
read from the repository's ``resources/`` folder, where ``make`` compiles the ``.qm``.
No Qt here: the command line (``essplanner desktop install``) uses it too.
"""

from __future__ import annotations

from pathlib import Path

#: the AppStream component id, also the launcher's file name (``<id>.desktop``)
APP_ID = "io.github.essplanner.EssPlanner"
#: the icon's name in the freedesktop icon theme (``Icon=`` of the launchers)
ICON_NAME = "essplanner"
#: the PNG sizes shipped (rendered from the SVG by tools/render_icons.py)
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

_PACKAGE = Path(__file__).resolve().parent


def resource_dir() -> Path:
    """``essplanner/resources`` when installed, else the source tree's ``resources/``."""
    installed = _PACKAGE / "resources"
    if installed.is_dir():
        return installed
    source = _PACKAGE.parent / "resources"
    if (_PACKAGE.parent / "pyproject.toml").is_file() and source.is_dir():
        return source
    return installed  # a broken install: callers find the files missing


def qt_translations_dir() -> Path:
    """Where ``essplanner_<lang>.qm`` are."""
    return resource_dir() / "i18n"


def icon_png(size: int) -> Path:
    return resource_dir() / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"


def icon_svg() -> Path:
    return resource_dir() / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg"


def desktop_entry() -> Path:
    """The launcher template (``Exec=essplanner``)."""
    return resource_dir() / "applications" / f"{APP_ID}.desktop"


def metainfo() -> Path:
    return resource_dir() / "metainfo" / f"{APP_ID}.metainfo.xml"
