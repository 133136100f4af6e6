"""The layout the personas and objectives panels share: a list with New and Delete under
it, the selected item's form beside it, and Close at the bottom."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

ModelIndex = QModelIndex | QPersistentModelIndex


class HasId(Protocol):
    @property
    def id(self) -> int: ...


T = TypeVar("T", bound=HasId)


@dataclass(frozen=True)
class ListFormParts:
    """What :func:`lay_out_list_and_form` built: the Close box, and the stack that shows the
    list and form, or the empty state when there is nothing yet."""

    close: QDialogButtonBox
    pages: QStackedWidget
    content: QWidget
    empty: QWidget

    def show_empty(self, empty: bool) -> None:
        self.pages.setCurrentWidget(self.empty if empty else self.content)


def lay_out_list_and_form(dialog: QDialog, *, list_view: QWidget, new_button: QPushButton,
                          delete_button: QPushButton, form: QFormLayout, empty: QWidget,
                          size: tuple[int, int]) -> ListFormParts:
    """Arrange ``dialog`` (``empty``: what it shows while the list is empty); the Close box
    is already wired to ``reject``."""
    content = QWidget(dialog)
    left = QVBoxLayout()
    left.addWidget(list_view, 1)
    row = QHBoxLayout()
    row.addWidget(new_button)
    row.addWidget(delete_button)
    left.addLayout(row)
    body = QHBoxLayout(content)
    body.setContentsMargins(0, 0, 0, 0)
    body.addLayout(left, 1)
    body.addLayout(form, 2)
    pages = QStackedWidget(dialog)
    pages.addWidget(content)
    pages.addWidget(empty)
    close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    layout = QVBoxLayout(dialog)
    layout.addWidget(pages, 1)
    layout.addWidget(close)
    dialog.resize(*size)
    close.rejected.connect(dialog.reject)
    return ListFormParts(close=close, pages=pages, content=content, empty=empty)


class RecordListModel(QAbstractListModel, Generic[T]):
    """A list of records with an ``id`` (personas, objectives); subclasses say what each
    role shows in :meth:`record_data`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[T] = []

    def set_records(self, records: Sequence[T]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> T:
        return self._records[row]

    def row_of(self, record_id: int) -> int:
        return next((i for i, r in enumerate(self._records) if r.id == record_id), -1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        return self.record_data(self._records[index.row()], role)

    def record_data(self, record: T, role: int) -> object:
        raise NotImplementedError

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)
