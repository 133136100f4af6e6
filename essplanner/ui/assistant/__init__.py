"""The first-run assistant (:mod:`.wizard`, its steps in :mod:`.pages`), offered at the first
start of an empty workspace and from Help › Start again."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

from essplanner.services import starter

if TYPE_CHECKING:
    from essplanner.ui.assistant.wizard import FirstRunWizard
    from essplanner.workspace import Workspace


# told when the assistant finished (it may have changed background publishing)
OnFinished = Callable[[Collection[str]], object]


def open_assistant(window: Any, workspace: Workspace, *,
                   on_finished: OnFinished | None = None) -> FirstRunWizard:
    """Show the assistant over ``window`` (window-modal; it deletes itself when closed)."""
    from essplanner.ui.assistant.wizard import FirstRunWizard

    wizard = FirstRunWizard(workspace, window)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.example_requested.connect(window.on_load_example)
    if on_finished is not None:
        wizard.accepted.connect(lambda: on_finished(frozenset({"background_publishing"})))
    wizard.open()
    return wizard


def offer_at_start(window: Any, workspace: Workspace, *,
                   on_finished: OnFinished | None = None) -> FirstRunWizard | None:
    """Open the assistant if this is a first start: never finished, and nothing created yet."""
    if not starter.is_new(workspace):
        return None
    return open_assistant(window, workspace, on_finished=on_finished)


def install(window: Any, workspace: Workspace, *,
            on_finished: OnFinished | None = None) -> QAction:
    """Add Help › Start again… to the main window (``on_finished``: told when it is
    finished, as the settings dialog's ``on_saved``)."""
    action = QAction(QCoreApplication.translate("MainWindow", "&Start again…"), window)
    action.setToolTip(QCoreApplication.translate(
        "MainWindow", "The first-run assistant: association, personas, objectives, a first "
        "account"))
    action.triggered.connect(lambda: open_assistant(window, workspace, on_finished=on_finished))
    actions = window.menu_help.actions()
    window.menu_help.insertAction(actions[0] if actions else None, action)
    return action
