"""The dialog where the team types in a result: donations received, sign-ups, help requests."""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from essplanner.domain import KpiSource
from essplanner.errors import EssPlannerError
from essplanner.kpi.progress import OutcomeRecord
from essplanner.timeutil import localize
from essplanner.ui.plain import plain_label
from essplanner.workspace import Workspace


class OutcomeDialog(QDialog):
    """Record an outcome entry for a KPI fed by the team's entries.

    After ``accept()``, :attr:`entry` holds what was stored.
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *,
                 kpi_id: int | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.entry: OutcomeRecord | None = None
        self.setWindowTitle(self.tr("Record an outcome"))
        self.setMinimumWidth(460)

        intro = QLabel(self.tr(
            "Results that matter beyond « being present »: donations received, volunteers "
            "signed up, help requests, workshop sign-ups…"), self)
        intro.setWordWrap(True)
        self.kpi = QComboBox(self)
        self._kpis = [(o, x) for o in workspace.objectives.all() for x in o.kpis
                      if x.source is KpiSource.OUTCOMES]
        for objective, kpi in self._kpis:
            self.kpi.addItem(f"{kpi.name} — {objective.name}", kpi.id)
        if kpi_id is not None and (found := self.kpi.findData(kpi_id)) >= 0:
            self.kpi.setCurrentIndex(found)
        self.amount = QDoubleSpinBox(self)
        self.amount.setRange(-1_000_000_000, 1_000_000_000)
        self.amount.setDecimals(2)
        self.amount.setValue(1)
        self.amount.setGroupSeparatorShown(True)
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        today = workspace.kpis.today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.source = QLineEdit(self)
        self.source.setPlaceholderText(self.tr("HelloAsso, cheque, stand at the market…"))
        sources = sorted({o.source for o in workspace.kpis.outcomes(limit=500) if o.source})
        completer = QCompleter(sources, self.source)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.source.setCompleter(completer)
        self.note = QLineEdit(self)
        self.error = plain_label(QLabel(self))
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)

        form = QFormLayout()
        form.addRow(self.tr("&KPI:"), self.kpi)
        form.addRow(self.tr("&Amount:"), self.amount)
        form.addRow(self.tr("&Date:"), self.day)
        form.addRow(self.tr("&Source:"), self.source)
        form.addRow(self.tr("&Note:"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if not self._kpis:
            self._show_error(self.tr(
                "No KPI is fed by outcome entries yet. Add one to an objective first (for "
                "example « Dons reçus », source: outcome entries)."))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self._connect()
        self.on_kpi_changed()

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.kpi.currentIndexChanged.connect(self.on_kpi_changed)

    def on_kpi_changed(self) -> None:
        unit = next((x.unit for _o, x in self._kpis if x.id == self.kpi.currentData()), "")
        self.amount.setSuffix(f" {unit}" if unit else "")

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def occurred_at(self) -> datetime | None:
        """Now for today; noon, local time, for an earlier day."""
        day = self.day.date().toPython()
        if day == self.ws.kpis.today():
            return None
        return localize(datetime.combine(day, time(12)), self.ws.kpis.zone).utc  # type: ignore[arg-type]

    def accept(self) -> None:
        kpi_id = self.kpi.currentData()
        if kpi_id is None:
            return
        try:
            self.entry = self.ws.kpis.add_outcome(
                int(kpi_id), amount=self.amount.value(), occurred_at=self.occurred_at(),
                source=self.source.text(), note=self.note.text())
        except EssPlannerError as exc:
            self._show_error(str(exc))
            return
        super().accept()
