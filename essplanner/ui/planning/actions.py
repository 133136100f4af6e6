"""The main window's commands for events, campaigns and awareness days: Tools › Events
and campaigns…, Tools › Awareness days…, and an event strip of the month view (double
click: the event; context menu: edit it, prepare its posts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from essplanner.ui.mainwindow import MainWindow
    from essplanner.ui.planning.days import AwarenessDialog
    from essplanner.ui.planning.events import PlanningDialog


def planning_dialog(window: MainWindow) -> PlanningDialog:
    from essplanner.ui.planning.events import PlanningDialog

    dialog = PlanningDialog(window.ws, window.zone, window.undo_stack, window._report, window)
    dialog.prepare_requested.connect(window.prepare_event_posts)
    return dialog


def open_events(window: MainWindow, event_id: int | None = None) -> PlanningDialog | None:
    """Tools › Events and campaigns…; with ``event_id``, that event's form opens too."""
    if not window.ready:
        return None
    dialog = planning_dialog(window)
    dialog.setModal(True)
    dialog.show()
    if event_id is not None:
        dialog.select(dialog.events, event_id)
        dialog.edit_event(event_id).finished.connect(lambda _r: dialog.reload())
    return dialog


def open_days(window: MainWindow) -> AwarenessDialog | None:
    """Tools › Awareness days…"""
    from essplanner.ui.planning.days import AwarenessDialog

    if not window.ready:
        return None
    dialog = AwarenessDialog(window.ws, window.zone, window.undo_stack, window._report, window)
    dialog.setModal(True)
    dialog.show()
    return dialog


def event_menu(window: MainWindow, event_id: int) -> QMenu:
    menu = QMenu(window)
    menu.addAction(QCoreApplication.translate("PlanningDialog", "&Edit the event…"),
                   lambda: open_events(window, event_id))
    menu.addAction(QCoreApplication.translate("PlanningDialog", "&Prepare the posts…"),
                   lambda: window.prepare_event_posts(event_id))
    return menu


def connect_month_view(window: MainWindow) -> None:
    """An event strip of the month view opens its event, or its menu."""
    view = window.month_view
    view.event_activated.connect(lambda event_id: open_events(window, event_id))

    def show_menu(event_id: int, where: QPoint) -> None:
        event_menu(window, event_id).popup(where)

    view.event_menu_requested.connect(show_menu)
