"""View › Review: the posts waiting for an approver, oldest first, with who submitted them
and when; a double-click opens the post. Approvers get a desktop notification when a post
is submitted.

Both read :meth:`ReviewService.review_list` again when a change names posts (the window's
``bridge.changed``) or when the window re-reads the database (another computer's writes):
what is new in the list since the last look is what was just submitted. No timer decides.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from essplanner.domain import Change, Comment, TeamAction
from essplanner.errors import EssPlannerError
from essplanner.ui.empty_state import EmptyState
from essplanner.ui.labels import fmt_datetime

if TYPE_CHECKING:
    from essplanner.workspace import Workspace

log = logging.getLogger(__name__)

ModelIndex = QModelIndex | QPersistentModelIndex
POST_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class ReviewRow:
    """One post waiting for review, as the list shows it."""

    post_id: int
    title: str
    submitted_by: str
    submitted_at: datetime | None
    scheduled_at: datetime | None
    #: approved before, edited since: back in review
    changed_since_approval: bool = False


def review_rows(workspace: Workspace) -> list[ReviewRow]:
    """The posts in review, oldest submission first."""
    return [ReviewRow(post_id=item.post_id, title=item.title,
                      submitted_by=item.submitted_by, submitted_at=item.submitted_at,
                      scheduled_at=item.scheduled_at,
                      changed_since_approval=item.changed_since_approval)
            for item in workspace.reviews.review_list()]


class ReviewModel(QAbstractTableModel):
    """The review list: post, submitted by, submitted on, planned for."""

    def __init__(self, read: Callable[[], Sequence[ReviewRow]], zone: ZoneInfo,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read = read
        self.zone = zone
        self.rows: list[ReviewRow] = []

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = list(self._read())
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Post"), self.tr("Submitted by"), self.tr("Submitted on"),
                self.tr("Planned for"))[section]

    def _when(self, value: datetime | None) -> str:
        return fmt_datetime(value.astimezone(self.zone)) if value is not None else "—"

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == POST_ID_ROLE:
            return row.post_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == 0:
                return (self.tr("%1 (changed since its approval)").replace("%1", row.title)
                        if row.changed_since_approval else row.title)
            if column == 1:
                return row.submitted_by
            if column == 2:
                return self._when(row.submitted_at)
            return self._when(row.scheduled_at) if row.scheduled_at else self.tr("no date")
        return None

    def post_ids(self) -> list[int]:
        return [row.post_id for row in self.rows]


class ReviewPanel(QWidget):
    """The review list in its dock. Signals: ``open_post(int)``."""

    open_post = Signal(int)

    def __init__(self, model: ReviewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.setAccessibleName(self.tr("Posts waiting for review"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = EmptyState(
            self.tr("Nothing waiting for review"),
            self.tr("Posts submitted for review appear here, oldest first, until an approver "
                    "approves them or asks for changes."),
            self.tr("Refresh"), self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        # a double-click or Enter (doubleClicked too would open it twice)
        self.table.activated.connect(self._activated)
        self.empty.activated.connect(model.reload)
        model.modelReset.connect(self._update_page)
        self._update_page()

    def _update_page(self) -> None:
        self.pages.setCurrentWidget(self.table if self.model.rowCount() else self.empty)

    def _activated(self, index: QModelIndex) -> None:
        post_id = index.data(POST_ID_ROLE)
        if isinstance(post_id, int):
            self.open_post.emit(post_id)


class ReviewWatch(QObject):
    """Keeps the review list current and tells approvers what was just submitted.

    Signals: ``submitted(list)`` — the :class:`ReviewRow` of posts newly in review, submitted
    by someone else, when this person may approve them; ``mentioned(list)`` — the comments
    (:class:`~essplanner.domain.Comment`) naming this person with @, written by someone else
    since the last look.
    """

    submitted = Signal(list)
    mentioned = Signal(list)

    def __init__(self, workspace: Workspace, model: ReviewModel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.model = model
        self._known: set[int] = set()
        self._last_mention = 0  # the newest comment naming me already seen

    def start(self) -> None:
        """The first read: what is already waiting, or already written, is not news."""
        self.reload(notify=False)
        self.read_mentions(notify=False)

    def read_mentions(self, *, notify: bool = True) -> list[Comment]:
        """The comments naming me written by others since the last look."""
        me = self.ws.team.me()
        if not me.id:  # not a member (a read-only database): nobody can name me
            return []
        try:
            comments = self.ws.reviews.mentioning(me.id)
        except EssPlannerError as exc:
            log.warning("mentions not read: %s", exc)
            return []
        new = [c for c in comments if c.id > self._last_mention and c.author_id != me.id]
        self._last_mention = max([self._last_mention, *(c.id for c in comments)])
        if notify and new:
            new.reverse()  # oldest first, as written
            self.mentioned.emit(new)
        return new if notify else []

    def reload(self, *, notify: bool = True) -> list[ReviewRow]:
        try:
            self.model.reload()
        except EssPlannerError as exc:  # the database went away: the window says so
            log.warning("review list not read: %s", exc)
            return []
        rows = self.model.rows
        new = [row for row in rows if row.post_id not in self._known]
        self._known = {row.post_id for row in rows}
        if not notify or not new:
            return []
        me = self.ws.team.me()
        if not self.ws.team.can(TeamAction.APPROVE):
            return []
        news = [row for row in new if row.submitted_by != me.name]
        if news:
            self.submitted.emit(news)
        return news

    def on_changed(self, change: Change) -> None:
        if change.posts:
            self.reload()
            self.read_mentions()

    def refresh(self) -> None:
        """The window read the database again (another computer may have written)."""
        self.reload()
        self.read_mentions()

    def notification(self, rows: Sequence[ReviewRow]) -> tuple[str, str]:
        """The title and text of the approvers' notification."""
        if len(rows) == 1:
            row = rows[0]
            return (self.tr("Post to review"),
                    self.tr("%1 submitted “%2” for review.").replace("%1", row.submitted_by)
                    .replace("%2", row.title))
        return (self.tr("%n posts to review", "", len(rows)),
                "\n".join(f"{row.title} — {row.submitted_by}" for row in rows[:5]))

    def mention_notification(self, comments: Sequence[Comment]) -> tuple[str, str]:
        """The title and text of the notification of comments naming me."""
        titles: dict[int, str] = {}
        for comment in comments:
            if comment.post_id not in titles:
                try:
                    titles[comment.post_id] = self.ws.posts.get(comment.post_id).display_title
                except EssPlannerError:  # deleted meanwhile
                    titles[comment.post_id] = ""
        if len(comments) == 1:
            comment = comments[0]
            return (self.tr("%1 mentioned you").replace("%1", comment.author_name),
                    self.tr("On “%1”: %2").replace("%1", titles[comment.post_id])
                    .replace("%2", _shortened(comment.body)))
        return (self.tr("%n comments mention you", "", len(comments)),
                "\n".join(f"{c.author_name} — {titles[c.post_id]}" for c in comments[:5]))


def _shortened(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
