"""The evergreen library (Tools › Evergreen posts): each reusable post with its last use,
how often it was reused and when it is available again; "Reuse…" makes a new post."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any
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
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from essplanner import APP_DISPLAY_NAME
from essplanner.domain import Change
from essplanner.errors import EssPlannerError, ValidationError
from essplanner.services.evergreen import EvergreenPost
from essplanner.timeutil import localize
from essplanner.ui import messages
from essplanner.ui.bridge import Bridge
from essplanner.ui.calendar.when_dialog import DateTimeDialog
from essplanner.ui.labels import fmt_datetime
from essplanner.ui.plain import plain, plain_label
from essplanner.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(enum.IntEnum):
    TITLE = 0
    LAST_USED = 1
    REUSED = 2
    AVAILABLE = 3


class EvergreenModel(QAbstractTableModel):
    """One row per evergreen post; ``ENTRY_ROLE`` holds its :class:`EvergreenPost`."""

    def __init__(self, zone: ZoneInfo, now: Callable[[], datetime],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.now = now
        self.entries: list[EvergreenPost] = []

    def set_entries(self, entries: Sequence[EvergreenPost]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole \
                or not 0 <= section < len(Column):
            return None
        return (self.tr("Post"), self.tr("Last used"), self.tr("Times reused"),
                self.tr("Available again"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries) \
                or not 0 <= index.column() < len(Column):
            return None
        entry = self.entries[index.row()]
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == Column.TITLE:
            return plain(entry.title)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = Column(index.column())
        if column is Column.TITLE:
            return entry.title
        if column is Column.LAST_USED:
            return fmt_datetime(entry.last_used.astimezone(self.zone)) if entry.last_used \
                else self.tr("never")
        if column is Column.REUSED:
            if entry.max_reuses is None:
                return str(entry.times_reused)
            return self.tr("%1 of %2").replace("%1", str(entry.times_reused)).replace(
                "%2", str(entry.max_reuses))
        if entry.exhausted:
            return self.tr("never (maximum reached)")
        free = entry.available_from
        if free is None or free <= self.now():
            return self.tr("now")
        return fmt_datetime(free.astimezone(self.zone))


class EvergreenDialog(QDialog):
    """The evergreen library. Signals: ``reused(object)``: the new post (a domain Post)."""

    reused = Signal(object)

    def __init__(self, workspace: Workspace, zone: ZoneInfo, bridge: Bridge | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.zone = zone
        self.setWindowTitle(self.tr("Evergreen posts"))
        self.resize(860, 480)
        self.model = EvergreenModel(zone, workspace.clock.now, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        intro = plain_label(QLabel(self.tr(
            "Posts marked “Evergreen” in the editor. Reusing one makes a new post with the "
            "same content on new targets; the original is never changed."), self))
        intro.setWordWrap(True)
        self.empty = plain_label(QLabel(self.tr(
            "No evergreen post yet: tick “Evergreen” in a post's editor."), self))
        self.schedule_check = QCheckBox(self.tr("&Schedule the new post (else a draft)"), self)
        self.reuse_button = QPushButton(self.tr("&Reuse…"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.reuse_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.schedule_check)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.reuse_button.clicked.connect(self.on_reuse)
        self.table.doubleClicked.connect(lambda _index: self.on_reuse())
        self.table.selectionModel().selectionChanged.connect(self._enable)
        if bridge is not None:
            bridge.changed.connect(self.on_changed)
        self.reload()

    def reload(self) -> None:
        self.model.set_entries(self.ws.evergreen.library())
        self.empty.setVisible(not self.model.entries)
        if self.model.entries and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        self._enable()

    def on_changed(self, change: Change) -> None:
        if change.posts:
            self.reload()

    def current(self) -> EvergreenPost | None:
        index = self.table.currentIndex()
        value = index.siblingAtColumn(0).data(ENTRY_ROLE) if index.isValid() else None
        return value if isinstance(value, EvergreenPost) else None

    def _enable(self, *_args: object) -> None:
        entry = self.current()
        self.reuse_button.setEnabled(entry is not None and not entry.exhausted)

    def first_time(self, entry: EvergreenPost) -> datetime:
        """When to propose the reuse: the first allowed time, at the original's time of day."""
        return first_time(entry, self.ws.clock.now(), self.zone)

    def on_reuse(self) -> None:
        entry = self.current()
        if entry is None or entry.exhausted:
            return
        when = self.first_time(entry).astimezone(self.zone)
        dialog = DateTimeDialog(when, str(self.zone), title=self.tr("Reuse"), prompt=self.tr(
            "When should the new post go out?"), parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            chosen = localize(dialog.local(), self.zone).utc
            post = self.ws.evergreen.reuse(entry.post_id, chosen,
                                           schedule=self.schedule_check.isChecked())
        except EssPlannerError as exc:
            messages.warning(self, APP_DISPLAY_NAME, plain(str(exc)))
            return
        self.reload()
        self.reused.emit(post)


def first_time(entry: EvergreenPost, now: datetime, zone: ZoneInfo) -> datetime:
    """The first time ``entry`` may be reused from ``now`` on, at its original's local time
    of day when it has one."""
    start = max(now, entry.available_from or now)
    if entry.uses:
        clock_time = entry.uses[0].astimezone(zone).time()
        day = start.astimezone(zone).date()
        for offset in range(3):
            try:
                candidate = localize(datetime.combine(day + timedelta(days=offset), clock_time),
                                     zone).utc
            except ValidationError:
                continue  # that time does not exist that day (DST)
            if candidate >= start:
                start = candidate
                break
    return entry.first_free(start, start + timedelta(days=3650)) or start
