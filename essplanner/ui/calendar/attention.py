"""Needs attention: every target that will not go out without the user (failed, unconfirmed,
missed, waiting for its account), each with the one action that unblocks it."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING
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
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from essplanner.channels.accounts import try_again
from essplanner.domain import ACCOUNT_HOLDUPS, DeliveryState, Holdup
from essplanner.errors import EssPlannerError
from essplanner.services.calendar import AttentionItem
from essplanner.timeutil import localize
from essplanner.ui import messages
from essplanner.ui.labels import delivery_label, fmt_datetime, holdup_action, holdup_label
from essplanner.ui.plain import plain
from essplanner.ui.style import DELIVERY_COLOURS, HOLDUP_COLOUR, platform_icon, state_icon

ModelIndex = QModelIndex | QPersistentModelIndex

if TYPE_CHECKING:
    from essplanner.workspace import Workspace



class AttentionRole(enum.IntEnum):
    ITEM = Qt.ItemDataRole.UserRole + 80  # AttentionItem


class AttentionModel(QAbstractTableModel):
    """One row per target that needs the user: post, account, state, when, what went wrong."""

    COLUMNS = 5

    def __init__(self, loader: Callable[[], Sequence[AttentionItem]], zone: ZoneInfo,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._zone = zone
        self._items: list[AttentionItem] = []

    def reload(self) -> None:
        fresh = list(self._loader())
        if [i.target_id for i in fresh] != [i.target_id for i in self._items]:
            self.beginResetModel()
            self._items = fresh
            self.endResetModel()
            return
        old, self._items = self._items, fresh
        for row, (a, b) in enumerate(zip(old, fresh, strict=True)):
            if a != b:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMNS - 1))

    def item(self, row: int) -> AttentionItem:
        return self._items[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [self.tr("Post"), self.tr("Account"), self.tr("State"), self.tr("Planned for"),
                self.tr("What happened")][section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == AttentionRole.ITEM:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            when = item.scheduled_at.astimezone(self._zone) if item.scheduled_at else None
            state = (holdup_label(item.holdup) if item.holdup is not None
                     else delivery_label(item.state))
            return [item.title, item.account_name, state,
                    fmt_datetime(when) if when else "", self._explain(item)][column]
        if role == Qt.ItemDataRole.DecorationRole:
            if column == 1:
                return platform_icon(item.platform)
            if column == 2:
                waiting = item.state is DeliveryState.SCHEDULED and item.holdup is not None
                return state_icon(HOLDUP_COLOUR if waiting else DELIVERY_COLOURS[item.state])
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return plain(self._explain(item))
        return None

    def _explain(self, item: AttentionItem) -> str:
        if item.holdup is Holdup.RECONNECT:
            return self.tr("The account %1 must be reconnected before this post can go out.") \
                .replace("%1", item.account_name)
        if item.holdup is Holdup.DISABLED:
            return self.tr("The account %1 is disabled: nothing goes out there.") \
                .replace("%1", item.account_name)
        blocked = item.holdup in (Holdup.NEEDS_CREDITS, Holdup.NEEDS_UPDATE,
                                  Holdup.NEEDS_ACCESS)
        if blocked and not item.last_error:
            return self.tr("The network refuses every post of %1 until you act on its side; "
                           "then choose \"%2\".").replace("%1", item.account_name) \
                .replace("%2", holdup_action(item.holdup) if item.holdup else "")
        if item.holdup is Holdup.AWAITING_APPROVAL:
            return self.tr("The team's rule: it goes out at its time only once an approver "
                           "has approved it.")
        if item.last_error:
            return item.last_error
        if item.state is DeliveryState.MISSED:
            return self.tr("It was due while no publishing service was running.")
        if item.state is DeliveryState.UNCONFIRMED:
            return self.tr("The network did not answer: the post may or may not be online.")
        return ""

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)


class AttentionPanel(QWidget):
    """The list and its answers. Signals: ``open_post(int)``, ``count_changed(int)``,
    ``reconnect_requested(int)`` (an account id: open its reconnection),
    ``handover_requested(int)`` (an account id: open its handover register entry)."""

    open_post = Signal(int)
    count_changed = Signal(int)
    reconnect_requested = Signal(int)
    handover_requested = Signal(int)

    def __init__(self, workspace: Workspace, model: AttentionModel, zone: ZoneInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.model = model
        self.zone = zone
        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.empty = QLabel(self.tr("Nothing needs your attention."), self)
        # the one action that unblocks the selected row (its text follows the row)
        self.action_button = QPushButton(self)
        self.action_button.setDefault(True)
        self.retry_button = QPushButton(self.tr("&Retry"), self)
        self.published_button = QPushButton(self.tr("&Mark as published"), self)
        self.reschedule_button = QPushButton(self.tr("Re&schedule…"), self)
        self.cancel_button = QPushButton(self.tr("&Cancel the post"), self)
        self.open_button = QPushButton(self.tr("&Open"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.action_button)
        for button in (self.retry_button, self.published_button, self.reschedule_button,
                       self.cancel_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.action_button.clicked.connect(self.on_unblock)
        self.retry_button.clicked.connect(self.on_retry)
        self.published_button.clicked.connect(self.on_mark_published)
        self.reschedule_button.clicked.connect(self.on_reschedule)
        self.cancel_button.clicked.connect(self.on_cancel)
        self.open_button.clicked.connect(self._open)
        self.table.doubleClicked.connect(lambda _i: self._open())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def selected(self) -> AttentionItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def _update_buttons(self, *_args: object) -> None:
        item = self.selected()
        post = item is not None and item.holdup not in (  # else an account
            Holdup.LOGIN_ENDING, Holdup.PRIVATE_LOGIN)
        for button in (self.retry_button, self.published_button, self.reschedule_button,
                       self.cancel_button, self.open_button):
            button.setEnabled(post)
        holdup = item.holdup if item is not None else None
        self.action_button.setVisible(holdup is not None)
        if holdup is not None:
            self.action_button.setText(holdup_action(holdup))
        waiting = holdup in ACCOUNT_HOLDUPS or holdup in (
            Holdup.RETRYING, Holdup.LOGIN_ENDING, Holdup.AWAITING_APPROVAL, Holdup.PRIVATE_LOGIN)
        self.published_button.setVisible(not waiting)
        count = self.model.rowCount()
        self.empty.setVisible(count == 0)
        self.table.setVisible(count > 0)
        self.count_changed.emit(count)

    def _open(self) -> None:
        item = self.selected()
        if item is not None and item.post_id:
            self.open_post.emit(item.post_id)

    def _act(self, action: Callable[[], object]) -> None:
        try:
            action()
        except EssPlannerError as exc:
            messages.warning(self, self.tr("Needs attention"), plain(str(exc)))

    def on_unblock(self) -> None:
        """The selected row's one action (its button says which)."""
        item = self.selected()
        if item is None or item.holdup is None:
            return
        holdup = item.holdup
        if holdup in (Holdup.RECONNECT, Holdup.LOGIN_ENDING):
            self.reconnect_requested.emit(item.account_id)
        elif holdup is Holdup.PRIVATE_LOGIN:
            self.handover_requested.emit(item.account_id)
        elif holdup is Holdup.DISABLED:
            self._act(lambda: self.ws.accounts.update(item.account_id, enabled=True))
            self.model.reload()
        elif holdup in (Holdup.NEEDS_CREDITS, Holdup.NEEDS_UPDATE, Holdup.NEEDS_ACCESS):
            self._act(lambda: try_again(self.ws, item.account_id))
            self.model.reload()
        elif holdup is Holdup.AWAITING_APPROVAL:  # the editor has Approve
            self.open_post.emit(item.post_id)
        elif holdup is Holdup.UNCONFIRMED:
            self.on_mark_published()
        elif holdup is Holdup.MISSED:
            self._act(lambda: self.ws.posts.retry(item.post_id, target_ids=[item.target_id]))
        elif holdup is Holdup.RETRYING:
            self._act(lambda: self.ws.posts.retry(item.post_id, target_ids=[item.target_id],
                                                  when=self.ws.clock.now()))
        else:
            self.on_retry()

    def on_retry(self) -> None:
        item = self.selected()
        if item is None:
            return
        if item.state is DeliveryState.UNCONFIRMED and messages.question(
                self, self.tr("Send again?"),
                plain(self.tr("%1 may already be online on %2: the network did not confirm "
                              "it. Check the account first. Send it again anyway?")
                      .replace("%1", item.title).replace("%2", item.account_name)),
        ) != QMessageBox.StandardButton.Yes:
            return
        self._act(lambda: self.ws.posts.retry(item.post_id, target_ids=[item.target_id]))

    def on_mark_published(self) -> None:
        item = self.selected()
        if item is not None:
            self._act(lambda: self.ws.posts.mark_published(item.target_id))

    def on_reschedule(self) -> None:
        item = self.selected()
        if item is None:
            return
        from essplanner.ui.calendar.when_dialog import DateTimeDialog

        start = max(item.scheduled_at or self.ws.clock.now(), self.ws.clock.now())
        dialog = DateTimeDialog(start.astimezone(self.zone), str(self.zone),
                                title=self.tr("Reschedule"),
                                prompt=self.tr("When should %1 go out on %2?")
                                .replace("%1", item.title).replace("%2", item.account_name),
                                parent=self)
        if dialog.exec() != DateTimeDialog.DialogCode.Accepted:
            return
        self.reschedule(item, dialog.local())

    def reschedule(self, item: AttentionItem, local: datetime) -> None:
        """A missed post moves with its other targets; a failed or unconfirmed target is
        tried again at that time."""
        def run() -> None:
            when = localize(local, self.zone).utc
            if item.state is DeliveryState.MISSED:
                self.ws.posts.reschedule(item.post_id, when)
            else:
                self.ws.posts.retry(item.post_id, target_ids=[item.target_id], when=when)
        self._act(run)

    def on_cancel(self) -> None:
        item = self.selected()
        if item is None:
            return
        if messages.question(
                self, self.tr("Cancel the post?"),
                plain(self.tr("Cancel %1 on every account where it has not gone out yet?")
                      .replace("%1", item.title))) != QMessageBox.StandardButton.Yes:
            return
        self._act(lambda: self.ws.posts.cancel(item.post_id))
