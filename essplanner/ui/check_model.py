"""A list of things the user ticks (filters, a post's personas, objectives and accounts)."""

from __future__ import annotations

import enum
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from essplanner.ui.plain import plain

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

ModelIndex = QModelIndex | QPersistentModelIndex


class CheckRole(enum.IntEnum):
    KEY = Qt.ItemDataRole.UserRole + 60  # the item's key (an id, a platform, a state)


@dataclass(frozen=True)
class CheckItem:
    key: Hashable
    label: str
    icon: QIcon | None = None
    tooltip: str = ""


class CheckListModel(QAbstractListModel):
    """Checkable items identified by key. Signals: ``checked_changed()``."""

    checked_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[CheckItem] = []
        self._checked: set[Hashable] = set()

    def set_items(self, items: Sequence[CheckItem]) -> None:
        """Replace the items, keeping the ticks of keys that are still there."""
        self.beginResetModel()
        self._items = list(items)
        keys = {i.key for i in self._items}
        before = set(self._checked)
        self._checked &= keys
        self.endResetModel()
        if before != self._checked:
            self.checked_changed.emit()

    def items(self) -> list[CheckItem]:
        return list(self._items)

    def checked(self) -> list[Hashable]:
        """Checked keys, in list order."""
        return [i.key for i in self._items if i.key in self._checked]

    def set_checked(self, keys: Iterable[Hashable]) -> None:
        wanted = set(keys) & {i.key for i in self._items}
        if wanted == self._checked:
            return
        changed = wanted ^ self._checked
        self._checked = wanted
        for row, item in enumerate(self._items):
            if item.key in changed:
                index = self.index(row, 0)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.label
        if role == Qt.ItemDataRole.CheckStateRole:
            return (Qt.CheckState.Checked if item.key in self._checked
                    else Qt.CheckState.Unchecked)
        if role == Qt.ItemDataRole.DecorationRole:
            return item.icon
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain(item.tooltip) or None
        if role == CheckRole.KEY:
            return item.key
        return None

    def setData(self, index: ModelIndex, value: object,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        key = self._items[index.row()].key
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        if checked == (key in self._checked):
            return True
        if checked:
            self._checked.add(key)
        else:
            self._checked.discard(key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()
        return True

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemNeverHasChildren)
