"""The application's icon, from the PNG sizes shipped with the app (essplanner/assets.py).

Set on the QApplication (every window, the taskbar), used by the tray icon; the
launcher names the same icon (``Icon=essplanner``) in the desktop's icon theme.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QIcon

from essplanner.assets import ICON_SIZES, icon_png

log = logging.getLogger(__name__)


def app_icon() -> QIcon:
    """Every size of the icon (PNGs: no SVG plugin needed); empty if the files are missing."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = icon_png(size)
        if path.is_file():
            icon.addFile(str(path))
    if icon.isNull():
        log.warning("application icon not found in %s", icon_png(ICON_SIZES[0]).parents[3])
    return icon
