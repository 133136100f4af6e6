"""Search results over all dates: a list of date, title and networks that jumps to the post.

The filter panel's search box filters the period on screen; the same words are looked
up over every date by the calendar read model
(:meth:`essplanner.services.calendar_reader.CalendarReader.search`, case and accents
ignored), and the matches are listed here. Activating a row emits ``open_result`` with
the post's number and local date; the window shows that period and selects the post.
"""

from __future__ import annotations

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
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from essplanner.services.calendar import CalendarEntry, SearchResult
from essplanner.ui.calendar.post_model import Chip
from essplanner.ui.labels import fmt_datetime, platform_label, status_label

ModelIndex = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractTableModel):
    """One row per post found: when, title, networks."""

    COLUMNS = 3

    def __init__(self, zone: ZoneInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._chips: list[Chip] = []
        self.total = 0
        self.text = ""

    def set_result(self, text: str, result: SearchResult) -> None:
        self.beginResetModel()
        self.text = text
        self._chips = [Chip.of(e, self._zone) for e in result.entries]
        self.total = result.total
        self.endResetModel()

    def entry(self, row: int) -> CalendarEntry:
        return self._chips[row].entry

    def chip(self, row: int) -> Chip:
        return self._chips[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._chips)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("When"), self.tr("Title"), self.tr("Networks"))[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._chips):
            return None
        chip = self._chips[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return fmt_datetime(chip.local_start) if chip.local_start else self.tr(
                    "No date")
            if index.column() == 1:
                return chip.title
            return ", ".join(platform_label(p) for p in chip.platforms)
        if role == Qt.ItemDataRole.ToolTipRole:
            return chip.tooltip()
        if role == Qt.ItemDataRole.AccessibleTextRole and index.column() == 1:
            return f"{chip.title}, {status_label(chip.status)}"
        return None


class SearchPanel(QWidget):
    """The results of the current search. Signals: ``open_result(post_id, date | None)``."""

    open_result = Signal(int, object)

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SearchResultsModel(zone, self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Search results"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._activated)

    def set_result(self, text: str, result: SearchResult) -> None:
        self.model.set_result(text, result)
        if not result.total:
            summary = self.tr("No post contains “%1”, at any date.").replace("%1", text)
        elif result.truncated:
            summary = self.tr("%n post(s) found; the first %1 are listed.", "",
                              result.total).replace("%1", str(len(result.entries)))
        else:
            summary = self.tr("%n post(s) found, at every date.", "", result.total)
        self.summary.setText(summary)

    def open_row(self, row: int) -> None:
        chip = self.model.chip(row)
        self.open_result.emit(chip.post_id, chip.local_date)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_row(index.row())
