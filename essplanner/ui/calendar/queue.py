"""The queue: posts placed by "Add to the queue", in slot order, reordered by drag and drop.

Reordering does not move slots: the posts swap the times they hold, the first taking the
earliest (:meth:`SlotService.reorder`), as one undoable command. The week view's empty
slots come from :func:`free_slots_of_week`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, cast
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from essplanner.domain import Account, Post
from essplanner.errors import EssPlannerError
from essplanner.services.calendar import shown_platform
from essplanner.ui.labels import fmt_time, fmt_week_day

if TYPE_CHECKING:
    from essplanner.services.slots import SlotService
    from essplanner.ui.calendar.post_model import PostFilter

ModelIndex = QModelIndex | QPersistentModelIndex
POST_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class FreeSlotItem:
    """An empty slot drawn in the week view: its local wall-clock time and whose it is."""

    local: datetime  # naive, in the workspace's zone
    account_id: int
    account_name: str


def free_slots_of_week(slots: SlotService, accounts: Sequence[Account], start: date,
                       zone: ZoneInfo, post_filter: PostFilter | None) -> list[FreeSlotItem]:
    """The week's empty slots of the accounts the filters show (none for hidden ones)."""
    shown = [a for a in accounts
             if post_filter is None
             or ((not post_filter.account_ids or a.id in post_filter.account_ids)
                 and (not post_filter.platforms
                      or shown_platform(a.platform, a.settings) in post_filter.platforms))]
    names = {a.id: a.name for a in shown}
    if not names:
        return []
    begin = datetime.combine(start, time(0), tzinfo=zone)
    end = datetime.combine(start + timedelta(days=7), time(0), tzinfo=zone)
    return [FreeSlotItem(f.when.astimezone(zone).replace(tzinfo=None), f.account_id,
                         names[f.account_id])
            for f in slots.free_slots(begin, end, list(names))]


class ReorderQueueCommand(QUndoCommand):
    """Give queued posts their slots in a new order; undo gives them back the old one."""

    def __init__(self, slots: SlotService, before: Sequence[int], after: Sequence[int],
                 text: str, report: Callable[[str], None]) -> None:
        super().__init__(text)
        self.slots = slots
        self.before = list(before)
        self.after = list(after)
        self.report = report

    def _apply(self, order: list[int]) -> None:
        try:
            self.slots.reorder(order)
        except EssPlannerError as exc:
            self.report(str(exc))
            self.setObsolete(True)

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class QueueModel(QAbstractListModel):
    """The queued posts of one account (or all), in time order.

    Signals: ``reorder_requested(list before, list after)``: post ids, when a row was
    dragged elsewhere (the model itself changes only when the database did)."""

    reorder_requested = Signal(object, object)

    def __init__(self, zone: ZoneInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.posts: list[Post] = []

    def set_posts(self, posts: Sequence[Post]) -> None:
        self.beginResetModel()
        self.posts = list(posts)
        self.endResetModel()

    def post_ids(self) -> list[int]:
        return [p.id for p in self.posts]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.posts)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.posts):
            return None
        post = self.posts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            when = ""
            if post.scheduled_at is not None:
                local = post.scheduled_at.astimezone(self.zone)
                when = f"{fmt_week_day(local.date())} {fmt_time(local.time())}"
            accounts = ", ".join(t.account_name for t in post.targets)
            return f"{when} — {post.display_title} ({accounts})"
        if role == POST_ID_ROLE:
            return post.id
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled)

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def moveRows(self, source_parent: ModelIndex, source_row: int, count: int,
                 destination_parent: ModelIndex, destination_child: int) -> bool:
        """What a drop in the list asks (QListView's internal move): the new order goes
        out as ``reorder_requested``; the rows move when the database says so."""
        if (source_parent.isValid() or destination_parent.isValid() or count < 1
                or source_row < 0 or source_row + count > len(self.posts)):
            return False
        before = self.post_ids()
        moving = before[source_row:source_row + count]
        rest = before[:source_row] + before[source_row + count:]
        at = destination_child - (count if destination_child > source_row else 0)
        after = rest[:max(0, at)] + moving + rest[max(0, at):]
        if after != before:
            self.reorder_requested.emit(before, after)
        return False


class QueuePanel(QWidget):
    """The queue dock: an account chooser, the list, and what dragging does.

    Signals: ``open_post(int)``, ``reorder_requested(list, list)`` (from the model)."""

    open_post = Signal(int)
    reorder_requested = Signal(object, object)

    def __init__(self, slots: SlotService, zone: ZoneInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slots = slots
        self.account = QComboBox(self)
        self.account.setAccessibleName(self.tr("Account"))
        self.model = QueueModel(zone, self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setAccessibleName(self.tr("Queued posts"))
        hint = QLabel(self.tr(
            "Drag a post up or down: the posts keep the same slots and take them in the new "
            "order (Edit › Undo puts them back). A post for several accounts goes out at one "
            "time on all of them: the queue gives it the earliest slot free on every one."),
            self)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.account)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)
        self.model.reorder_requested.connect(self.reorder_requested)
        self.view.doubleClicked.connect(self._on_double_clicked)
        self.view.activated.connect(self._on_double_clicked)
        self.account.currentIndexChanged.connect(lambda _i: self.reload())

    def set_accounts(self, accounts: Sequence[Account]) -> None:
        current = self.account.currentData()
        self.account.blockSignals(True)
        self.account.clear()
        self.account.addItem(self.tr("All accounts"), None)
        for a in accounts:
            self.account.addItem(a.name, a.id)
        found = self.account.findData(current)
        self.account.setCurrentIndex(max(0, found))
        self.account.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        account_id = cast(int | None, self.account.currentData())
        self.model.set_posts(self.slots.queue(account_id))

    def _on_double_clicked(self, index: QModelIndex) -> None:
        post_id = index.data(POST_ID_ROLE)
        if isinstance(post_id, int):
            self.open_post.emit(post_id)
