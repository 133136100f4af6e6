"""Qt translators: Qt's own strings and ours (``essplanner_<lang>.qm``) in the chosen language.

The core's messages are translated by :mod:`essplanner.i18n`; this is the Qt side, shared
by the desktop app and the GUI verbs of the command line (screenshot, dashboard). Our
``.qm`` are inside the installed package, or in the source tree's ``resources/i18n``
(:func:`essplanner.assets.qt_translations_dir`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from essplanner import APP_NAME
from essplanner.assets import qt_translations_dir


def install_translators(app: object, lang: str) -> list[object]:
    """Qt's own strings and ours in ``lang``; returns the translators (keep them alive)."""
    assert isinstance(app, QApplication)
    QLocale.setDefault(QLocale("fr_FR" if lang == "fr" else "en_GB"))
    translators: list[object] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase", qt_dir), (APP_NAME, str(translations_dir()))):
        translator = QTranslator(app)
        if translator.load(f"{name}_{lang}", folder):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def translations_dir() -> os.PathLike[str]:
    return qt_translations_dir()


def remove_translators(app: object, translators: Iterable[object]) -> None:
    """Uninstall what :func:`install_translators` installed."""
    assert isinstance(app, QApplication)
    for translator in translators:
        assert isinstance(translator, QTranslator)
        app.removeTranslator(translator)
