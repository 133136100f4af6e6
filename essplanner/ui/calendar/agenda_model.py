"""The agenda as a tree model: days that have posts, each with its posts in time order.

Built over the filtered proxy. Top-level rows are days (and a last "No date"
group for posts not yet placed); their children are the posts. When only the
content of posts changed, their rows emit ``dataChanged``; when days or the order
of posts change, the model resets (an agenda page holds a few dozen rows).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from essplanner.ui.calendar.month_model import chips_of
from essplanner.ui.calendar.post_model import (
    POST_MIME,
    Chip,
    chip_data,
    decode_posts,
    encode_posts,
)
from essplanner.ui.labels import fmt_day_heading

ModelIndex = QModelIndex | QPersistentModelIndex
_TOP = 0xFFFFFFFF  # internal id of day rows; a post row stores its day's row


class AgendaRole(enum.IntEnum):
    """Roles of the day rows (post rows answer the :class:`PostRole` roles)."""

    DAY = Qt.ItemDataRole.UserRole + 40  # date, or None for the "No date" group
    IS_DAY = Qt.ItemDataRole.UserRole + 41  # bool
    IS_TODAY = Qt.ItemDataRole.UserRole + 42  # bool


Group = tuple[date | None, tuple[Chip, ...]]


class AgendaModel(QAbstractItemModel):
    """Days with posts, and the posts under them.

    Signals: ``move_requested(list[(post_id, version)], date)`` for posts dropped on a day.
    """

    move_requested = Signal(object, object)

    def __init__(
        self,
        source: QAbstractItemModel,
        *,
        today: Callable[[], date],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self.today = today
        self._groups: list[Group] = self._group()
        for signal in (
            source.modelReset,
            source.layoutChanged,
            source.rowsInserted,
            source.rowsRemoved,
            source.dataChanged,
            source.rowsMoved,
        ):
            signal.connect(self._rebuild)

    def _group(self) -> list[Group]:
        dated: dict[date, list[Chip]] = {}
        undated: list[Chip] = []
        for chip in chips_of(self._source):
            if chip.local_date is None:
                undated.append(chip)
            else:
                dated.setdefault(chip.local_date, []).append(chip)
        groups: list[Group] = [(d, tuple(c)) for d, c in sorted(dated.items())]
        if undated:
            groups.append((None, tuple(undated)))
        return groups

    def _rebuild(self, *_args: object) -> None:
        fresh = self._group()
        same_shape = [(d, [c.post_id for c in cs]) for d, cs in fresh] == [
            (d, [c.post_id for c in cs]) for d, cs in self._groups
        ]
        if not same_shape:
            self.beginResetModel()
            self._groups = fresh
            self.endResetModel()
            return
        old = self._groups
        self._groups = fresh
        for g, ((_day, chips), (_old_day, old_chips)) in enumerate(zip(fresh, old, strict=True)):
            for r, (chip, before) in enumerate(zip(chips, old_chips, strict=True)):
                if chip != before:
                    index = self.createIndex(r, 0, g)
                    self.dataChanged.emit(index, index)

    # ---- helpers
    def chip(self, index: ModelIndex) -> Chip | None:
        if not index.isValid() or index.internalId() == _TOP:
            return None
        return self._groups[index.internalId()][1][index.row()]

    def day_of(self, index: ModelIndex) -> date | None:
        if not index.isValid():
            return None
        group = index.row() if index.internalId() == _TOP else index.internalId()
        return self._groups[group][0]

    def index_of_post(self, post_id: int) -> QModelIndex:
        for g, (_day, chips) in enumerate(self._groups):
            for r, chip in enumerate(chips):
                if chip.post_id == post_id:
                    return self.createIndex(r, 0, g)
        return QModelIndex()

    def index_of_day(self, day: date) -> QModelIndex:
        """The row of ``day``, or of the first day after it."""
        for g, (d, _chips) in enumerate(self._groups):
            if d is not None and d >= day:
                return self.createIndex(g, 0, _TOP)
        return QModelIndex()

    # ---- Qt model API
    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _TOP) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != _TOP or parent.column() != 0:
            return QModelIndex()
        group = parent.row()
        if group >= len(self._groups) or row >= len(self._groups[group][1]):
            return QModelIndex()
        return self.createIndex(row, 0, group)

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, _TOP)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() != _TOP:
            chip = self.chip(index)
            return chip_data(chip, role) if chip is not None else None
        day, chips = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return fmt_day_heading(day) if day else self.tr("No date yet")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            heading = fmt_day_heading(day) if day else self.tr("No date yet")
            return self.tr("%1: %n post(s)", "", len(chips)).replace("%1", heading)
        if role == AgendaRole.DAY:
            return day
        if role == AgendaRole.IS_DAY:
            return True
        if role == AgendaRole.IS_TODAY:
            return day is not None and day == self.today()
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() == _TOP:
            if self._groups[index.row()][0] is not None:
                flags |= Qt.ItemFlag.ItemIsDropEnabled
            return flags
        chip = self.chip(index)
        if chip is not None and chip.movable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags | Qt.ItemFlag.ItemNeverHasChildren

    # ---- drag and drop: posts move between days, keeping their time of day
    def mimeTypes(self) -> list[str]:
        return [POST_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        chips = [c for c in (self.chip(i) for i in indexes) if c is not None]
        return encode_posts(chips)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex
    ) -> bool:
        return bool(decode_posts(data)) and self.day_of(parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ModelIndex
    ) -> bool:
        posts, day = decode_posts(data), self.day_of(parent)
        if not posts or day is None:
            return False
        self.move_requested.emit(posts, day)
        return False
