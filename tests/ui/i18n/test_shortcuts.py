"""No key is bound twice in the main window (Qt fires neither of two actions sharing one),
and F1 names the keys in the user's language, as the menus do."""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from essplanner.ui.bridge import Bridge
from essplanner.ui.mainwindow import MainWindow
from essplanner.ui.window_parts import keys, shortcut_rows
from essplanner.workspace import Workspace

pytestmark = pytest.mark.gui


def _window_with_every_feature(qtbot: QtBot, workspace: Workspace) -> MainWindow:
    """The window with what app.run_gui installs (the publishing host not started)."""
    from essplanner.services.background import BackgroundPublishing
    from essplanner.ui import (
        assistant,
        backups as backup_actions,
        exchange_actions,
    )
    from essplanner.ui.kpi import tools as kpi_tools
    from essplanner.ui.menu_actions import install_accounts, install_preferences
    from essplanner.ui.publishing import PublishingHost, install_menu

    bridge = Bridge()
    window = MainWindow(workspace, bridge)
    qtbot.addWidget(window)
    exchange_actions.install(window, workspace, bridge)
    kpi_tools.install(window, workspace, bridge)
    install_accounts(window, workspace, bridge)
    host = PublishingHost(window, workspace, bridge, make_service=lambda: None,  # type: ignore[arg-type,return-value]
                          background=BackgroundPublishing(workspace.paths))
    install_menu(window, host)
    backup_actions.install(window, workspace, bridge, check_now=False)
    install_preferences(window, workspace)
    assistant.install(window, workspace)
    return window


def bindings(window: MainWindow) -> dict[str, list[str]]:
    """Each key sequence of the window's actions and shortcuts -> what it triggers."""
    found: dict[str, list[str]] = defaultdict(list)
    portable = QKeySequence.SequenceFormat.PortableText
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            if not sequence.isEmpty():
                found[sequence.toString(portable)].append(action.text() or action.objectName())
    for shortcut in window.findChildren(QShortcut):
        for sequence in shortcut.keys():
            if not sequence.isEmpty():
                found[sequence.toString(portable)].append(shortcut.objectName() or "QShortcut")
    return found


def test_no_shortcut_of_the_main_window_is_ambiguous(qtbot: QtBot,
                                                     workspace: Workspace) -> None:
    window = _window_with_every_feature(qtbot, workspace)
    found = bindings(window)
    assert "Ctrl+Shift+A" in found and "Ctrl+Shift+O" in found  # the check sees them
    assert "Ctrl+," in found  # Edit › Preferences
    ambiguous = {key: what for key, what in found.items() if len(set(what)) > 1}
    assert ambiguous == {}


def test_the_check_catches_a_key_bound_twice(qtbot: QtBot, workspace: Workspace) -> None:
    window = _window_with_every_feature(qtbot, workspace)
    extra = QAction("Another thing", window)
    extra.setShortcut(QKeySequence("Ctrl+Shift+A"))
    window.addAction(extra)
    assert len(bindings(window)["Ctrl+Shift+A"]) == 2


def test_help_names_the_keys_in_french(qapp: QApplication) -> None:
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load("qtbase_fr", folder):
        pytest.skip("Qt's French translation is not installed")
    previous = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))
    qapp.installTranslator(translator)
    try:
        assert keys("Ctrl+Shift+Z") == "Ctrl+Maj+Z"
        rows = dict((text, k) for k, text in shortcut_rows())
        assert any("Maj" in k for k in rows.values())
        assert not any("Shift" in k or "Right" in k for k in rows.values())
    finally:
        qapp.removeTranslator(translator)
        QLocale.setDefault(previous)
