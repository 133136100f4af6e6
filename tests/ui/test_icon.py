"""The application's icon and launcher id are set on the QApplication (window, taskbar, tray)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow

from essplanner.app import qt_application
from essplanner.assets import APP_ID, ICON_SIZES
from essplanner.ui.icon import app_icon
from essplanner.ui.translations import remove_translators

pytestmark = pytest.mark.gui


def test_the_app_icon_has_every_shipped_size(qapp: QApplication) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert sorted(s.width() for s in icon.availableSizes()) == sorted(ICON_SIZES)


def test_every_window_gets_the_icon_and_the_launcher_id(qapp: QApplication) -> None:
    app, translators = qt_application("fr")
    try:
        assert app is qapp
        assert app.desktopFileName() == APP_ID
        window = QMainWindow()
        assert not window.windowIcon().isNull()
        assert window.windowIcon().cacheKey() == app.windowIcon().cacheKey()
        assert QApplication.translate("MainWindow", "&File") == "&Fichier"
    finally:
        remove_translators(app, translators)
        app.setWindowIcon(app_icon().__class__())
