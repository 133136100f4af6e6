"""What the user does to posts from any view — move, delete, save — made undoable."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from essplanner.domain import DeliveryState, Post, SeriesScope
from essplanner.errors import ConflictError, EssPlannerError, ValidationError
from essplanner.timeutil import localize
from essplanner.ui import messages
from essplanner.ui.calendar.series_scope import SeriesCommand, ask_scope
from essplanner.ui.calendar.undo import (
    CreateCommand,
    DeleteCommand,
    EditCommand,
    RescheduleCommand,
    UndoContext,
)
from essplanner.ui.labels import fmt_datetime
from essplanner.ui.plain import plain

#: time given to a post without one when it is dropped on a day
DEFAULT_TIME = time(10, 0)

if TYPE_CHECKING:
    from essplanner.workspace import Workspace



class PostActions(QObject):
    """Turns requests from the views into service calls on the undo stack."""

    def __init__(self, workspace: Workspace, zone: ZoneInfo, stack: QUndoStack,
                 window: QWidget, status: Callable[[str], None]) -> None:
        super().__init__(window)
        self.ws = workspace
        self.zone = zone
        self.stack = stack
        self.window = window
        self.status = status
        self.context = UndoContext(workspace.posts, self.report)

    def report(self, message: str) -> None:
        messages.warning(self.window, self.tr("ESS Planner"), plain(message))

    # ---- moves (drag and drop, keyboard)
    def move(self, posts: Sequence[tuple[int, int]], target: date | datetime) -> None:
        """Move posts to a day (keeping their local time of day) or to a local time."""
        commands: list[RescheduleCommand] = []
        for post_id, version in posts:
            try:
                before = self.ws.posts.get(post_id)
                if before.version != version:
                    raise ConflictError(self.tr(
                        "This post was changed elsewhere since the calendar showed it; it "
                        "was not moved. The calendar is up to date now: try again."))
                when, note = self._new_time(before, target)
            except EssPlannerError as exc:
                self.report(str(exc))
                continue
            if when == before.scheduled_at:
                continue
            try:
                self.ws.posts.check_move(before, when)
            except EssPlannerError:
                self.report(self.tr("“%1” has already gone out on some accounts; it stays "
                                    "where it is.").replace("%1", before.display_title))
                continue
            text = self.tr("Move “%1” to %2").replace("%1", before.display_title).replace(
                "%2", fmt_datetime(when.astimezone(self.zone)))
            if before.series_id is not None and len(posts) == 1:
                scope = ask_scope(self.window, self.tr("Move a recurring post"))
                if scope is None:
                    return
                if scope is not SeriesScope.THIS:
                    self.stack.push(SeriesCommand(
                        self.ws.series, text, functools.partial(
                            self.ws.series.move, before.id, when, scope=scope), self.report))
                    return
            commands.append(RescheduleCommand(self.context, before, when, text))
            if note:
                self.status(note)
        if len(commands) == 1:
            self.stack.push(commands[0])
        elif commands:
            self.stack.beginMacro(self.tr("Move %n post(s)", "", len(commands)))
            for command in commands:
                self.stack.push(command)
            self.stack.endMacro()

    def move_by_days(self, post_id: int, days: int) -> None:
        try:
            post = self.ws.posts.get(post_id)
        except EssPlannerError as exc:
            self.report(str(exc))
            return
        if post.scheduled_at is None:
            return
        local = post.scheduled_at.astimezone(self.zone)
        self.move([(post.id, post.version)], local.date() + timedelta(days=days))

    def _new_time(self, post: Post, target: date | datetime) -> tuple[datetime, str]:
        if isinstance(target, datetime):
            naive = target.replace(tzinfo=None)
        else:
            wall = (post.scheduled_at.astimezone(self.zone).time().replace(tzinfo=None)
                    if post.scheduled_at else DEFAULT_TIME)
            naive = datetime.combine(target, wall)
        try:
            parsed = localize(naive, self.zone)
        except ValidationError as exc:
            # The wall-clock time falls in the spring-forward gap: the hour after it exists.
            later = localize(naive + timedelta(hours=1), self.zone)
            return later.utc, str(exc)
        return parsed.utc, parsed.note

    # ---- delete
    def delete(self, post_id: int) -> None:
        try:
            before = self.ws.posts.get(post_id)
        except EssPlannerError as exc:
            self.report(str(exc))
            return
        published = [t.account_name for t in before.targets
                     if t.state is DeliveryState.PUBLISHED]
        if published and messages.question(
                self.window, self.tr("Delete the post?"),
                plain(self.tr("“%1” is online on %2. Deleting it here does not remove it "
                              "from there; ESS Planner only forgets it. Delete it?")
                      .replace("%1", before.display_title)
                      .replace("%2", ", ".join(published))),
        ) != QMessageBox.StandardButton.Yes:
            return
        text = self.tr("Delete “%1”").replace("%1", before.display_title)
        if before.series_id is not None:
            scope = ask_scope(self.window, self.tr("Delete a recurring post"))
            if scope is None:
                return
            self.stack.push(SeriesCommand(self.ws.series, text, functools.partial(
                self.ws.series.delete, post_id, scope=scope), self.report))
        else:
            self.stack.push(DeleteCommand(self.context, before, text))
        self.status(self.tr("Post deleted. Undo with Ctrl+Z."))

    # ---- saves made by the editor
    def record_save(self, before: Post | None, after: Post) -> None:
        """Put a save the editor already made on the undo stack."""
        if before is None:
            self.stack.push(CreateCommand(self.context, after, self.tr("Create “%1”").replace(
                "%1", after.display_title)))
        else:
            self.stack.push(EditCommand(self.context, before, after, self.tr(
                "Edit “%1”").replace("%1", after.display_title)))
