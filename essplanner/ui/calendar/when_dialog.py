"""Small dialogs that ask for a date ("Go to date") or a date and time ("Reschedule")."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from essplanner.ui.labels import pydate, qdate
from essplanner.ui.plain import plain_label


class DateDialog(QDialog):
    """Pick a day on a calendar (keyboard friendly: arrows, Enter)."""

    def __init__(self, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Go to date"))
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setSelectedDate(qdate(day))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.calendar)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.calendar.activated.connect(lambda _d: self.accept())

    def day(self) -> date:
        return pydate(self.calendar.selectedDate())


class DateTimeDialog(QDialog):
    """Pick a local date and time, in the zone named below the fields."""

    def __init__(self, when: datetime, zone_name: str, *, title: str, prompt: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.date_edit = QDateEdit(qdate(when.date()), self)
        self.date_edit.setCalendarPopup(True)
        self.time_edit = QTimeEdit(QTime(when.hour, when.minute), self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        form = QFormLayout()
        form.addRow(self.tr("&Date:"), self.date_edit)
        form.addRow(self.tr("&Time:"), self.time_edit)
        form.addRow("", QLabel(self.tr("Time zone: %1").replace("%1", zone_name), self))
        layout = QVBoxLayout(self)
        if prompt:
            label = plain_label(QLabel(prompt, self))
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addLayout(form)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def local(self) -> datetime:
        """The chosen wall-clock time (naive; the caller localizes it, DST-aware)."""
        d: QDate = self.date_edit.date()
        t: QTime = self.time_edit.time()
        return datetime.combine(pydate(d), time(t.hour(), t.minute()))
