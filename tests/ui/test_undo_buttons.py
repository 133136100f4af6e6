"""Undo/redo toolbar buttons stay short; the command they act on is in their tooltip
(issue 18, item 8: a long title pushed the toolbar off a 1280-pixel screen)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QToolBar
from pytestqt.qtbot import QtBot

from essplanner.i18n import set_language
from essplanner.ui.bridge import Bridge
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace

pytestmark = pytest.mark.gui

LONG = ("Déplacer « Appel aux bénévoles pour la grande collecte solidaire de printemps "
        "au marché couvert »")


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    from essplanner.ui.translations import install_translators, remove_translators

    previous = QLocale()
    set_language("fr")
    translators = install_translators(qapp, "fr")
    yield
    remove_translators(qapp, translators)
    QLocale.setDefault(previous)
    set_language("en")


class Nothing(QUndoCommand):
    """A command that changes nothing, with a long text (as moving a long-titled post)."""

    def redo(self) -> None:
        pass

    def undo(self) -> None:
        pass


def test_undo_and_redo_buttons_stay_short_at_1280_pixels(
        qtbot: QtBot, workspace: Workspace, french: None) -> None:
    window = MainWindow(workspace, Bridge())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    toolbar = window.findChild(QToolBar, "navigation")
    assert toolbar is not None
    undo_button = toolbar.widgetForAction(window.action_undo)
    redo_button = toolbar.widgetForAction(window.action_redo)
    width_before = toolbar.sizeHint().width()

    window.undo_stack.push(Nothing(LONG))
    assert undo_button.text() == "Annuler"
    assert window.action_undo.toolTip() == f"Annuler\u00a0: {LONG}"
    assert window.action_undo.text().endswith(LONG)  # the Edit menu keeps the whole text

    window.undo_stack.undo()
    assert undo_button.text() == "Annuler" and redo_button.text() == "Rétablir"
    assert window.action_redo.toolTip() == f"Rétablir\u00a0: {LONG}"
    assert window.action_undo.toolTip() == "Rien à annuler"
    assert toolbar.sizeHint().width() == width_before
    assert toolbar.sizeHint().width() <= 1280
    # every toolbar button is on screen, none pushed into the overflow menu
    for action in toolbar.actions():
        widget = toolbar.widgetForAction(action)
        if widget is not None and not action.isSeparator():
            assert widget.isVisible(), action.text()
