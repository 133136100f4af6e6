"""From an event, "Prepare the posts…": the drafts it calls for, as one undoable command.

:class:`PreparePostsDialog` proposes an announcement (D-14), a reminder (D-1), a post on
the day and a thank-you (D+1); the person ticks which and changes their times.
:class:`PreparePostsCommand` creates the chosen drafts (tied to the event's objective and
campaign) and, undone, deletes them again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDateTime, QTimeZone
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from essplanner.domain import Post
from essplanner.errors import EssPlannerError
from essplanner.services.planning import PlannedPost
from essplanner.ui.plain import plain

if TYPE_CHECKING:
    from essplanner.workspace import Workspace

translate = QCoreApplication.translate


class PreparePostsCommand(QUndoCommand):
    """Create an event's drafts; undo deletes them (redo creates them again)."""

    def __init__(self, ws: Workspace, event_id: int, planned: Sequence[PlannedPost],
                 text: str, report: Callable[[str], None]) -> None:
        super().__init__(text)
        self.ws = ws
        self.event_id = event_id
        self.planned = tuple(planned)
        self.report = report
        self.created: list[Post] = []

    def redo(self) -> None:
        try:
            self.created = self.ws.planning.prepare_posts(self.event_id, self.planned,
                                                          self.ws.posts)
        except EssPlannerError as exc:
            self.report(str(exc))
            self.setObsolete(True)

    def undo(self) -> None:
        for post in self.created:
            try:
                self.ws.posts.delete(post.id, expected_version=post.version)
            except EssPlannerError as exc:
                self.report(str(exc))  # edited since: kept, and said so
        self.created = []


class PreparePostsDialog(QDialog):
    """The drafts proposed for an event: a tick and a local date-time each."""

    def __init__(self, planned: Sequence[PlannedPost], zone: ZoneInfo, event_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Prepare the posts"))
        self._planned = list(planned)
        self._zone = QTimeZone(str(zone).encode())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(plain(self.tr("Drafts for “%1”: tick those you want and "
                                              "change their times.").replace("%1", event_name)),
                                self))
        grid = QGridLayout()
        self.ticks: list[QCheckBox] = []
        self.times: list[QDateTimeEdit] = []
        for row, item in enumerate(self._planned):
            tick = QCheckBox(item.title, self)
            tick.setChecked(item.chosen)
            when = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(item.when.timestamp()),
                                                              self._zone), self)
            when.setTimeZone(self._zone)
            when.setCalendarPopup(True)
            tick.toggled.connect(when.setEnabled)
            grid.addWidget(tick, row, 0)
            grid.addWidget(when, row, 1)
            self.ticks.append(tick)
            self.times.append(when)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def planned(self) -> list[PlannedPost]:
        """What the person chose."""
        return [replace(item, chosen=tick.isChecked(), when=datetime.fromtimestamp(
                    edit.dateTime().toSecsSinceEpoch(), UTC))
                for item, tick, edit in zip(self._planned, self.ticks, self.times,
                                            strict=True)]


def prepare_posts(window: QWidget, ws: Workspace, zone: ZoneInfo, stack: object,
                  event_id: int, report: Callable[[str], None]) -> None:
    """Ask which drafts, then push the command on the window's undo stack."""
    from PySide6.QtGui import QUndoStack

    event = ws.planning.event(event_id)
    dialog = PreparePostsDialog(ws.planning.plan_posts(event_id, zone), zone, event.name,
                                window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    assert isinstance(stack, QUndoStack)
    stack.push(PreparePostsCommand(
        ws, event_id, dialog.planned(),
        translate("PreparePostsDialog", "Prepare the posts of “%1”").replace("%1", event.name), report))


def choose_event(window: QWidget, ws: Workspace, zone: ZoneInfo) -> int | None:
    """Which event (a list of the events to come, the nearest first)."""
    from PySide6.QtWidgets import QInputDialog

    from essplanner.services.planning import event_days

    today = ws.clock.now().astimezone(zone).date()
    events = [e for e in ws.planning.events() if event_days(e, zone)[1] >= today]
    if not events:
        from essplanner.ui import messages

        messages.information(
            window, translate("PreparePostsDialog", "Prepare the posts"),
            translate("PreparePostsDialog",
                      "No event to come: add one with Tools › Events and campaigns…"))
        return None
    labels = [f"{event_days(e, zone)[0].isoformat()} — {e.name}" for e in events]
    label, ok = QInputDialog.getItem(window, translate("PreparePostsDialog", "Prepare the posts"),
                                     translate("PreparePostsDialog", "Event:"), labels, 0, False)
    return events[labels.index(label)].id if ok else None
