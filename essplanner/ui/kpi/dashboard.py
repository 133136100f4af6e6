"""The KPI dashboard: progress of each objective against its target, over time, reach per
persona and per platform, the best posts, the outcome entries; charts exportable as PNG.

:func:`essplanner.ui.kpi.tools.install` adds the dashboard, the coverage view, the outcome dialog, the import of
web visits and the board report to the main window's Tools menu.
"""

from __future__ import annotations

from datetime import date, timedelta
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPainter, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from essplanner.domain import Change, Period
from essplanner.errors import EssPlannerError
from essplanner.i18n import _
from essplanner.kpi.periods import DateRange, label, next_start, period_of, period_start
from essplanner.kpi.progress import KpiProgress, OutcomeRecord, ReachRow, Status
from essplanner.kpi.service import Dashboard
from essplanner.ui import messages
from essplanner.ui.bridge import Bridge
from essplanner.ui.kpi import charts
from essplanner.ui.kpi.models import BestPostsModel, KpiTableModel, OutcomeModel, Role
from essplanner.ui.plain import plain
from essplanner.ui.undo_actions import keep_short
from essplanner.workspace import Workspace


class ChartPanel(QFrame):
    """A chart that can be saved as a PNG image (context menu); with nothing to draw, a
    sentence saying why (``empty``) takes its place."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.view = QChartView(self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(280)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.action_export = QAction(self.tr("Export as PNG…"), self.view)
        self.view.addAction(self.action_export)
        self.action_export.triggered.connect(self.on_export)
        self.empty = QLabel(self)
        self.empty.setObjectName("emptyChart")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMinimumHeight(280)
        self.empty.setContentsMargins(24, 12, 24, 12)
        self.empty.setStyleSheet("#emptyChart { color: palette(mid); }")
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.view)
        layout.addWidget(self.empty)

    def set_chart(self, chart: QChart, *, empty: str = "") -> None:
        """Show ``chart``; or, when ``empty`` says why there is nothing to draw, its title
        and that sentence instead of blank axes."""
        old = self.view.chart()
        self.view.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()  # a chart view never deletes the chart it gives up
        if empty:
            self.empty.setText(f"<b>{escape(chart.title())}</b><br><br>{escape(empty)}")
        self.empty.setVisible(bool(empty))
        self.view.setVisible(not empty)

    def save_png(self, path: Path) -> bool:
        return self.view.grab().save(str(path), "PNG")

    def on_export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the chart"), f"{self.view.chart().title() or 'chart'}.png",
            self.tr("PNG images (*.png)"))
        if name and not self.save_png(Path(name)):
            messages.warning(self, self.tr("Export the chart"),
                                self.tr("The image could not be saved to %1.").replace("%1",
                                                                                        name))


def _table(model: Any, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.setMinimumHeight(180)
    return view


class DeleteOutcomeCommand(QUndoCommand):
    """Deleting an outcome entry, undone by putting it back."""

    def __init__(self, window: DashboardWindow, entry: OutcomeRecord) -> None:
        super().__init__(QCoreApplication.translate("DashboardWindow", "Delete the entry %1")
                         .replace("%1", entry.kpi_name))
        self.window = window
        self.entry = entry

    def redo(self) -> None:
        self.entry = self.window.ws.kpis.delete_outcome(self.entry.id)

    def undo(self) -> None:
        self.entry = self.window.ws.kpis.restore_outcome(self.entry)


class AddOutcomeCommand(QUndoCommand):
    """An entry typed in the dialog (already stored when pushed)."""

    def __init__(self, window: DashboardWindow, entry: OutcomeRecord) -> None:
        super().__init__(QCoreApplication.translate("DashboardWindow", "Record %1")
                         .replace("%1", entry.kpi_name))
        self.window = window
        self.entry = entry
        self._stored = True

    def redo(self) -> None:
        if not self._stored:
            self.entry = self.window.ws.kpis.restore_outcome(self.entry)
            self._stored = True

    def undo(self) -> None:
        self.entry = self.window.ws.kpis.delete_outcome(self.entry.id)
        self._stored = False


class DashboardWindow(QMainWindow):
    """Objectives against their targets for a period. Signals: ``reloaded()``."""

    reloaded = Signal()

    def __init__(self, workspace: Workspace, bridge: Bridge,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.bridge = bridge
        self.data: Dashboard | None = None
        self.undo_stack = QUndoStack(self)
        self.setWindowTitle(self.tr("Dashboard — objectives and KPIs"))
        self.resize(1280, 900)
        today = workspace.kpis.today()
        self.span = period_of(today, Period.MONTH)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)

        self._build_toolbar()
        self.content = QWidget()
        self.content.setObjectName("dashboardContent")
        self.title = QLabel(self.content)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel(self.content)
        self.summary.setWordWrap(True)
        self.progress_chart = ChartPanel(self.content)
        self.trend_chart = ChartPanel(self.content)
        self.persona_chart = ChartPanel(self.content)
        self.platform_chart = ChartPanel(self.content)
        self.kpi_model = KpiTableModel(self)
        self.kpi_view = _table(self.kpi_model, self.content)
        self.best_model = BestPostsModel(self)
        self.best_view = _table(self.best_model, self.content)
        self.outcome_model = OutcomeModel(self)
        self.outcome_view = _table(self.outcome_model, self.content)
        self.delete_button = QPushButton(self.tr("&Delete the entry"), self.content)
        self.add_button = QPushButton(self.tr("&Record an outcome…"), self.content)

        grid = QGridLayout(self.content)
        grid.addWidget(self.title, 0, 0, 1, 2)
        grid.addWidget(self.summary, 1, 0, 1, 2)
        grid.addWidget(self.progress_chart, 2, 0)
        grid.addWidget(self.trend_chart, 2, 1)
        grid.addWidget(self._titled(self.tr("KPIs against their targets"), self.kpi_view),
                       3, 0, 1, 2)
        grid.addWidget(self.persona_chart, 4, 0)
        grid.addWidget(self.platform_chart, 4, 1)
        grid.addWidget(self._titled(self.tr("Best posts"), self.best_view), 5, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        outcomes = self._titled(self.tr("Outcome entries of the period"), self.outcome_view)
        outcomes_layout = outcomes.layout()
        assert isinstance(outcomes_layout, QVBoxLayout)
        outcomes_layout.addLayout(buttons)
        grid.addWidget(outcomes, 5, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.content)
        self.setCentralWidget(scroll)
        self._connect()
        # through set_span: the date fields show the period, not QDateEdit's 1 January 2000
        self.set_span(self.span, Period.MONTH)

    # ---- building
    def _titled(self, title: str, widget: QWidget) -> QWidget:
        box = QWidget(self.content)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 0, 0)
        heading = QLabel(f"<b>{title}</b>", box)
        layout.addWidget(heading)
        layout.addWidget(widget)
        return box

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Period"), self)
        bar.setObjectName("dashboardPeriod")
        bar.setMovable(False)
        self.period = QComboBox(bar)
        for name, value in ((self.tr("Month"), Period.MONTH.value),
                            (self.tr("Quarter"), Period.QUARTER.value),
                            (self.tr("Year"), Period.YEAR.value), (self.tr("Chosen dates"), "")):
            self.period.addItem(name, value)
        self.start = QDateEdit(bar)
        self.end = QDateEdit(bar)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
        self.action_previous = QAction(self.tr("&Previous"), self)
        self.action_previous.setShortcut(QKeySequence(QKeySequence.StandardKey.MoveToPreviousPage))
        self.action_next = QAction(self.tr("&Next"), self)
        self.action_next.setShortcut(QKeySequence(QKeySequence.StandardKey.MoveToNextPage))
        self.action_refresh = QAction(self.tr("&Refresh"), self)
        self.action_refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.action_export = QAction(self.tr("&Export as PNG…"), self)
        self.action_export.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.action_undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.action_undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.action_redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.action_redo.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        keep_short(self.undo_stack, self.action_undo, self.action_redo)
        bar.addWidget(QLabel(self.tr("Period:"), bar))
        bar.addWidget(self.period)
        bar.addAction(self.action_previous)
        bar.addAction(self.action_next)
        bar.addWidget(self.start)
        bar.addWidget(QLabel("–", bar))
        bar.addWidget(self.end)
        bar.addSeparator()
        bar.addAction(self.action_refresh)
        bar.addAction(self.action_export)
        bar.addAction(self.action_undo)
        bar.addAction(self.action_redo)
        self.addToolBar(bar)
        self.tools_bar = bar

    def _connect(self) -> None:
        """All signal wiring of the dashboard, in one place."""
        self.period.currentIndexChanged.connect(self.on_period_changed)
        self.start.dateChanged.connect(self.on_dates_edited)
        self.end.dateChanged.connect(self.on_dates_edited)
        self.action_previous.triggered.connect(lambda: self.step(-1))
        self.action_next.triggered.connect(lambda: self.step(1))
        self.action_refresh.triggered.connect(self.reload)
        self.action_export.triggered.connect(self.on_export)
        self.delete_button.clicked.connect(self.on_delete_outcome)
        self.add_button.clicked.connect(self.on_record_outcome)
        self.outcome_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.bridge.changed.connect(self.on_changed)
        self._reload_timer.timeout.connect(self.reload)

    # ---- the period shown
    def period_kind(self) -> Period | None:
        value = self.period.currentData()
        return Period(value) if value else None

    def set_span(self, span: DateRange, kind: Period | None = None) -> None:
        """Show ``span`` (a whole month, quarter or year when ``kind`` says so)."""
        self.span = span
        index = self.period.findData(kind.value if kind is not None else "")
        for widget in (self.period, self.start, self.end):
            widget.blockSignals(True)
        self.period.setCurrentIndex(index)
        self.start.setDate(QDate(span.start.year, span.start.month, span.start.day))
        self.end.setDate(QDate(span.last.year, span.last.month, span.last.day))
        for widget in (self.period, self.start, self.end):
            widget.blockSignals(False)
        custom = kind is None
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        self.action_previous.setEnabled(not custom)
        self.action_next.setEnabled(not custom)
        self.reload()

    def step(self, delta: int) -> None:
        kind = self.period_kind()
        if kind is None:
            return
        start = self.span.start
        start = next_start(start, kind) if delta > 0 else \
            period_start(start - timedelta(days=1), kind)
        self.set_span(period_of(start, kind), kind)

    def on_period_changed(self) -> None:
        kind = self.period_kind()
        if kind is None:
            self.set_span(self.span, None)
        else:
            anchor = min(self.span.last, self.ws.kpis.today())
            self.set_span(period_of(anchor, kind), kind)

    def on_dates_edited(self) -> None:
        first: date = self.start.date().toPython()  # type: ignore[assignment]
        last: date = self.end.date().toPython()  # type: ignore[assignment]
        if last >= first:
            self.set_span(DateRange.inclusive(first, last), None)

    # ---- data
    def reload(self) -> None:
        """Read the period's measurements again and redraw everything."""
        self.data = data = self.ws.kpis.dashboard(self.span)
        kind = self.period_kind()
        self.title.setText(self.tr("Dashboard — %1").replace(
            "%1", label(self.span, kind) if kind else label(self.span)))
        reached = sum(1 for p in data.progress if p.latest and
                      p.latest.status is Status.REACHED)
        visits = round(sum(r.visits for r in data.by_platform))
        # one message per count: each gets its own plural form ("1 publication publiée")
        self.summary.setText(" · ".join((
            self.tr("%Ln post(s) published", "", data.published_posts),
            self.tr("%Ln interaction(s)", "", round(data.interactions)),
            self.tr("%Ln web visit(s) from the posts' links", "", visits),
            self.tr("%n of %1 KPI(s) reached", "", reached).replace(
                "%1", str(len(data.progress))),
        )))
        measured = _measured(data.progress)
        no_measurement = self.tr("No measurement in this period yet — record an outcome or "
                                 "import visits.")
        no_kpi = self.tr("No KPI with a target yet — give your objectives a KPI and its "
                         "target to follow them here.")
        self.progress_chart.set_chart(
            charts.progress_bars(data.progress, self.tr("Share of each target reached")),
            empty="" if measured else no_kpi if not _targets(data.progress) else no_measurement)
        self.trend_chart.set_chart(
            charts.progress_over_time(data.history, self.tr("Progress over the last six months")),
            empty="" if _measured(data.history) else
            no_kpi if not _targets(data.history) else no_measurement)
        no_reach = self.tr("No interactions measured in this period yet — they are read from "
                           "the networks once posts are published.")
        self.persona_chart.set_chart(
            charts.reach_bars(data.by_persona, self.tr("Reach per persona (interactions)")),
            empty="" if _reached(data.by_persona) else no_reach if data.by_persona else
            self.tr("No persona yet — describe the people your posts speak to (Tools › "
                    "Personas)."))
        self.platform_chart.set_chart(
            charts.reach_bars(data.by_platform, self.tr("Reach per platform"), visits=True),
            empty="" if _reached(data.by_platform) else no_reach)
        self.kpi_model.set_progress(data.progress)
        self._fit_rows(self.kpi_view, 12)
        self.best_model.set_rows(data.best_posts)
        self.outcome_model.set_rows(self.ws.kpis.outcomes(span=self.span))
        self._update_buttons()
        self.reloaded.emit()

    @staticmethod
    def _fit_rows(view: QTableView, most: int) -> None:
        """Tall enough for its rows (up to ``most``), so that the KPIs show without scrolling."""
        rows = min(view.model().rowCount(), most)
        height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth() + sum(
            view.verticalHeader().sectionSize(r) for r in range(rows))
        view.setMinimumHeight(max(180, height + 2))

    def on_changed(self, change: Change) -> None:
        if change.measurements or change.objectives or change.posts or change.personas \
                or change.accounts:
            self._reload_timer.start()  # many changes in a row: one reload

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.outcome_view.selectionModel().hasSelection())

    # ---- actions
    def on_record_outcome(self) -> None:
        from essplanner.ui.kpi.outcome_dialog import OutcomeDialog

        dialog = OutcomeDialog(self.ws, self)
        if dialog.exec() and dialog.entry is not None:
            self.undo_stack.push(AddOutcomeCommand(self, dialog.entry))
            self.statusBar().showMessage(self.tr("Outcome recorded."), 5000)

    def on_delete_outcome(self) -> None:
        rows = self.outcome_view.selectionModel().selectedRows()
        if not rows:
            return
        entry = rows[0].data(Role.ITEM)
        try:
            self.undo_stack.push(DeleteOutcomeCommand(self, entry))
        except EssPlannerError as exc:
            messages.warning(self, self.windowTitle(), plain(str(exc)))
            return
        self.statusBar().showMessage(self.tr("Entry deleted (Ctrl+Z to undo)."), 5000)

    def on_export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the dashboard"), "dashboard.png",
            self.tr("PNG images (*.png)"))
        if not name:
            return
        if self.save_png(Path(name)):
            self.statusBar().showMessage(self.tr("Saved to %1.").replace("%1", name), 5000)
        else:
            messages.warning(self, self.tr("Export the dashboard"),
                                self.tr("The image could not be saved to %1.").replace("%1",
                                                                                        name))

    def save_png(self, path: Path) -> bool:
        """The whole dashboard (not only what the window shows) as a PNG image."""
        self.content.adjustSize()
        size = self.content.size().expandedTo(self.content.minimumSizeHint())
        self.content.resize(size)
        return self.content.grab().save(str(path), "PNG")


def _targets(progress: tuple[KpiProgress, ...]) -> bool:
    return any(p.kpi.target_value > 0 and p.periods for p in progress)


def _measured(progress: tuple[KpiProgress, ...]) -> bool:
    """Whether any KPI with a target has a value in its periods (else the chart is blank)."""
    return any(v.value for p in progress if p.kpi.target_value > 0 for v in p.periods)


def _reached(rows: tuple[ReachRow, ...]) -> bool:
    return any(r.interactions or r.visits for r in rows)


def save_dashboard_png(ws: Workspace, span: DateRange, path: Path, *,
                       lang: str | None = None) -> None:
    """Render the dashboard of ``span`` to a PNG file, with no window shown."""
    from essplanner.i18n import language

    app = QApplication.instance() or QApplication(["essplanner"])
    assert isinstance(app, QApplication)
    from PySide6.QtCore import QLocale

    from essplanner.ui.translations import install_translators

    locale = QLocale()
    translators = install_translators(app, lang or language())
    window = DashboardWindow(ws, Bridge())
    window.resize(1400, 1000)
    whole = period_of(span.start, Period.MONTH)
    window.set_span(span, Period.MONTH if whole == span else None)
    window.content.resize(1400, window.content.sizeHint().height())
    if not window.save_png(path):
        raise EssPlannerError(_("Cannot write {file}: {error}", file=str(path), error="PNG"))
    window.deleteLater()
    # leave the application as it was (the command line renders and goes on)
    for translator in translators:
        app.removeTranslator(translator)  # type: ignore[arg-type]
    QLocale.setDefault(locale)
