"""The assistant's lists of suggestions: templates the user ticks and edits before anything
is created (personas, objectives)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

ModelIndex = QModelIndex | QPersistentModelIndex


class Named(Protocol):
    @property
    def name(self) -> str: ...


T = TypeVar("T", bound=Named)


class DraftListModel(QAbstractListModel, Generic[T]):
    """Templates with a tick each; ``describe`` gives an item's tooltip.

    Signals: ``checked_changed()`` when a tick changes.
    """

    checked_changed = Signal()

    def __init__(self, describe: Callable[[T], str] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._drafts: list[T] = []
        self._checked: list[bool] = []
        self._describe = describe

    def set_drafts(self, drafts: Sequence[T], *, checked: bool = False) -> None:
        self.beginResetModel()
        self._drafts = list(drafts)
        self._checked = [checked] * len(self._drafts)
        self.endResetModel()

    def add(self, draft: T, *, checked: bool = True) -> int:
        row = len(self._drafts)
        self.beginInsertRows(QModelIndex(), row, row)
        self._drafts.append(draft)
        self._checked.append(checked)
        self.endInsertRows()
        if checked:
            self.checked_changed.emit()
        return row

    def draft(self, row: int) -> T:
        return self._drafts[row]

    def replace(self, row: int, draft: T) -> None:
        """Keep the user's edit of the item at ``row``."""
        self._drafts[row] = draft
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole,
                                             Qt.ItemDataRole.ToolTipRole])

    def is_checked(self, row: int) -> bool:
        return self._checked[row]

    def set_checked_rows(self, rows: Sequence[int]) -> None:
        wanted = set(rows)
        for row in range(len(self._drafts)):
            self.setData(self.index(row, 0), row in wanted, Qt.ItemDataRole.CheckStateRole)

    def checked(self) -> list[T]:
        """The ticked drafts, in list order."""
        return [d for d, c in zip(self._drafts, self._checked, strict=True) if c]

    # ---- Qt
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._drafts)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._drafts):
            return None
        draft = self._drafts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return draft.name or self.tr("(no name yet)")
        if role == Qt.ItemDataRole.CheckStateRole:
            return (Qt.CheckState.Checked if self._checked[index.row()]
                    else Qt.CheckState.Unchecked)
        if role == Qt.ItemDataRole.ToolTipRole and self._describe is not None:
            return self._describe(draft) or None
        return None

    def setData(self, index: ModelIndex, value: object,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, True)
        if self._checked[index.row()] != checked:
            self._checked[index.row()] = checked
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
            self.checked_changed.emit()
        return True

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemNeverHasChildren)
