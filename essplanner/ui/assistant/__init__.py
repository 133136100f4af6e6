"""The first-run assistant (:mod:`.wizard`, its steps in :mod:`.pages`), offered at the first
start of an empty workspace and from Help › Start again."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

from essplanner.services import starter

if TYPE_CHECKING:
    from essplanner.ui.assistant.wizard import FirstRunWizard
    from essplanner.workspace import Workspace


def open_assistant(window: Any, workspace: Workspace) -> FirstRunWizard:
    """Show the assistant over ``window`` (window-modal; it deletes itself when closed)."""
    from essplanner.ui.assistant.wizard import FirstRunWizard

    wizard = FirstRunWizard(workspace, window)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.example_requested.connect(window.on_load_example)
    wizard.open()
    return wizard


def offer_at_start(window: Any, workspace: Workspace) -> FirstRunWizard | None:
    """Open the assistant if this is a first start: never finished, and nothing created yet."""
    if not starter.is_new(workspace):
        return None
    return open_assistant(window, workspace)


def install(window: Any, workspace: Workspace) -> QAction:
    """Add Help › Start again… to the main window."""
    action = QAction(QCoreApplication.translate("MainWindow", "&Start again…"), window)
    action.setToolTip(QCoreApplication.translate(
        "MainWindow", "The first-run assistant: association, personas, objectives, a first "
        "account"))
    action.triggered.connect(lambda: open_assistant(window, workspace))
    actions = window.menu_help.actions()
    window.menu_help.insertAction(actions[0] if actions else None, action)
    return action
