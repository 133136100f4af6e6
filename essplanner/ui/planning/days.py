"""Tools › Awareness days…: the shipped list loaded in one click, an iCalendar file or
https address imported, the days of the coming months with their suggested personas and
objectives, one removed (undoable). The calendar's "Awareness days" toggle hides them."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from essplanner.domain import ObjectiveKind, Segment
from essplanner.errors import EssPlannerError
from essplanner.services.awareness import ImportResult, read_source
from essplanner.ui.labels import objective_kind_label, segment_label
from essplanner.ui.plain import plain_label
from essplanner.ui.planning.commands import RemoveDayCommand, Report, id_map
from essplanner.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from essplanner.workspace import Workspace

UID_ROLE = Qt.ItemDataRole.UserRole


def _names(values: tuple[str, ...], kind: type[Segment] | type[ObjectiveKind]) -> str:
    names = []
    for value in values:
        try:
            names.append(segment_label(Segment(value)) if kind is Segment
                         else objective_kind_label(ObjectiveKind(value)))
        except ValueError:
            names.append(value)
    return ", ".join(names)


class AwarenessDialog(QDialog):
    """The awareness days of the coming months, and where they come from."""

    def __init__(self, ws: Workspace, zone: ZoneInfo, stack: QUndoStack, report: Report,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.zone = zone
        self.stack = stack
        self.report = report
        self.tasks = TaskRunner(self)
        self.setWindowTitle(self.tr("Awareness days"))
        self.resize(820, 500)
        self.load_button = QPushButton(self.tr("&Load the list of ESS Planner"), self)
        self.load_button.setToolTip(self.tr("International and French days about poverty, "
                                            "volunteering, disability, environment, food "
                                            "waste…; loading it again adds only what is new"))
        self.file_button = QPushButton(self.tr("Import a &file (.ics)…"), self)
        self.url_button = QPushButton(self.tr("Import from an &address…"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.months = QSpinBox(self)
        self.months.setRange(1, 24)
        self.months.setValue(3)
        self.months.setSuffix(self.tr(" months"))
        self.status = plain_label(QLabel(self))
        self.status.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Date"), self.tr("Day"), self.tr("For personas"),
                                   self.tr("For objectives")])
        self.empty = plain_label(QLabel(self.tr(
            "No awareness day in these months. Load the list of ESS Planner, or import a "
            "calendar of days (.ics)."), self))
        self.empty.setWordWrap(True)
        top = QHBoxLayout()
        for button in (self.load_button, self.file_button, self.url_button):
            top.addWidget(button)
        top.addStretch(1)
        shown = QHBoxLayout()
        shown.addWidget(QLabel(self.tr("Days of the coming"), self))
        shown.addWidget(self.months)
        shown.addStretch(1)
        shown.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addLayout(shown)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.load_button.clicked.connect(self.load_shipped)
        self.file_button.clicked.connect(self.import_file)
        self.url_button.clicked.connect(self.import_url)
        self.remove_button.clicked.connect(self.remove_current)
        self.months.valueChanged.connect(self.reload)
        self.tree.currentItemChanged.connect(
            lambda *_a: self.remove_button.setEnabled(self.tree.currentItem() is not None))
        self.reload()

    def today(self) -> date:
        return self.ws.clock.now().astimezone(self.zone).date()

    def reload(self) -> None:
        start = self.today()
        end = start + timedelta(days=round(self.months.value() * 30.44))
        self.tree.clear()
        uids = {d.id: d.uid for d in self.ws.days.days()}
        for day, marks in sorted(self.ws.days.on(start, end).items()):
            for mark in marks:
                item = QTreeWidgetItem([day.strftime("%d/%m/%Y"), mark.name,
                                        _names(mark.personas, Segment),
                                        _names(mark.objectives, ObjectiveKind)])
                item.setData(0, UID_ROLE, uids.get(mark.day_id, ""))
                self.tree.addTopLevelItem(item)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        self.empty.setVisible(self.tree.topLevelItemCount() == 0)
        self.remove_button.setEnabled(self.tree.currentItem() is not None)

    def _done(self, result: ImportResult) -> None:
        text = self.tr("%n day(s) added", "", result.added)
        if result.updated:
            text += ", " + self.tr("%n updated", "", result.updated)
        if result.unchanged:
            text += ", " + self.tr("%n already there", "", result.unchanged)
        if result.skipped:
            text += ", " + self.tr("%n timed event(s) left out", "", result.skipped)
        self.status.setText(text + ".")
        self.reload()

    def _failed(self, message: str) -> None:
        self.status.setText("⚠ " + message)

    def load_shipped(self) -> None:
        try:
            self._done(self.ws.days.import_shipped())
        except EssPlannerError as exc:
            self._failed(str(exc))

    def import_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import awareness days"), "",
            self.tr("iCalendar files (*.ics);;All files (*)"))
        if not path:
            return
        try:
            data, source = read_source(path)
            self._done(self.ws.days.import_ics(data, source=source))
        except EssPlannerError as exc:
            self._failed(str(exc))

    def import_url(self) -> None:
        url, ok = QInputDialog.getText(self, self.tr("Import awareness days"),
                                       self.tr("Address of an iCalendar file (https://…):"))
        url = url.strip()
        if not ok or not url:
            return
        if not url.lower().startswith(("https://", "http://")):
            self._failed(self.tr("Write an address starting with https://."))
            return
        self.url_button.setEnabled(False)
        self.status.setText(self.tr("Reading %1…").replace("%1", url))
        days = self.ws.days

        def work() -> ImportResult:
            data, source = read_source(url)
            return days.import_ics(data, source=source)

        def failed(exc: Exception) -> None:
            self.url_button.setEnabled(True)
            self._failed(str(exc) if isinstance(exc, EssPlannerError) else repr(exc))

        def done(result: ImportResult) -> None:
            self.url_button.setEnabled(True)
            self._done(result)

        self.tasks.run(work, done, failed)

    def remove_current(self) -> None:
        item = self.tree.currentItem()
        uid = str(item.data(0, UID_ROLE)) if item is not None else ""
        if not uid:
            return
        try:
            day = self.ws.days.remove(uid)
        except EssPlannerError as exc:
            self._failed(str(exc))
            return
        self.stack.push(RemoveDayCommand(
            self.tr("Remove the awareness day “%1”").replace("%1", day.name), self.ws,
            id_map(self.stack), self.report, day))
        self.status.setText(self.tr("“%1” removed (Edit › Undo puts it back).").replace(
            "%1", day.name))
        self.reload()
