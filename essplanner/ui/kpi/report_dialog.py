"""The dialog that saves the report for the board, the general assembly or funders."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from essplanner.domain import Period
from essplanner.errors import EssPlannerError
from essplanner.i18n import language
from essplanner.kpi.periods import DateRange, period_of
from essplanner.ui.plain import plain_label
from essplanner.workspace import Workspace


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ReportDialog(QDialog):
    """Choose the period, language and format; then where to save. :attr:`saved` is the file."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *,
                 span: DateRange | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.saved: Path | None = None
        self.setWindowTitle(self.tr("Report for the board and funders"))
        span = span or period_of(workspace.kpis.today(), Period.MONTH)
        self.start = QDateEdit(_qdate(span.start), self)
        self.end = QDateEdit(_qdate(span.last), self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
        self.lang = QComboBox(self)
        self.lang.addItem("Français", "fr")
        self.lang.addItem("English", "en")
        self.lang.setCurrentIndex(0 if language() == "fr" else 1)
        self.format = QComboBox(self)
        self.format.addItem(self.tr("PDF, to print or send"), "pdf")
        self.format.addItem(self.tr("CSV, for a spreadsheet"), "csv")
        self.organisation = QLineEdit(str(workspace.settings.extra.get("organisation", "")),
                                      self)
        self.organisation.setPlaceholderText(self.tr("Name of the organisation (optional)"))
        self.include_tests = QCheckBox(
            self.tr("Count the posts of test accounts (nothing was sent on them)"), self)
        self.error = plain_label(QLabel(self))
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        intro = QLabel(self.tr(
            "Posts by objective and persona, each KPI against its target, reach, the best "
            "posts and the gaps to fill, for the period you choose."), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&From:"), self.start)
        form.addRow(self.tr("&To:"), self.end)
        form.addRow(self.tr("&Language:"), self.lang)
        form.addRow(self.tr("F&ormat:"), self.format)
        form.addRow(self.tr("&Organisation:"), self.organisation)
        form.addRow("", self.include_tests)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def span(self) -> DateRange | None:
        first: date = self.start.date().toPython()  # type: ignore[assignment]
        last: date = self.end.date().toPython()  # type: ignore[assignment]
        return DateRange.inclusive(first, last) if last >= first else None

    def choose_file(self, fmt: str) -> Path | None:
        """Where to save (a file dialog; tests replace it)."""
        name, _filter = QFileDialog.getSaveFileName(
            self, self.windowTitle(), f"rapport.{fmt}" if self.lang.currentData() == "fr"
            else f"report.{fmt}",
            self.tr("PDF documents (*.pdf)") if fmt == "pdf" else self.tr("CSV tables (*.csv)"))
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == f".{fmt}" else path.with_suffix(f".{fmt}")

    def write(self, path: Path) -> None:
        from essplanner.kpi import report

        span = self.span()
        assert span is not None
        data = report.build(self.ws, span, lang=str(self.lang.currentData()),
                            organisation=self.organisation.text().strip(),
                            include_test_accounts=True if self.include_tests.isChecked()
                            else None)
        if self.format.currentData() == "csv":
            report.write_csv(data, path)
        else:
            from essplanner.ui.kpi.report_pdf import write_pdf

            write_pdf(data, path)

    def accept(self) -> None:
        if self.span() is None:
            self.error.setText(self.tr("The end of the period is before its start."))
            self.error.show()
            return
        path = self.choose_file(str(self.format.currentData()))
        if path is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.write(path)
        except EssPlannerError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.saved = path
        super().accept()
        parent = self.parentWidget()
        bar = getattr(parent, "statusBar", None)
        if callable(bar):
            bar().showMessage(self.tr("Report saved to %1.").replace("%1", str(path)), 10000)

