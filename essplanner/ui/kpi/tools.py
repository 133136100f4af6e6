"""The KPI actions of the main window (Tools menu): the dashboard, the coverage view,
recording an outcome, importing web visits (in a worker thread) and the board report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QWidget

from essplanner.errors import EssPlannerError
from essplanner.ui import messages
from essplanner.ui.bridge import Bridge
from essplanner.ui.plain import plain
from essplanner.ui.tasks import TaskRunner
from essplanner.workspace import Workspace

if TYPE_CHECKING:
    # the dashboard (QtCharts) and the report are loaded when first opened, not at start
    from essplanner.ui.kpi.dashboard import DashboardWindow


class KpiTools(QObject):
    """The KPI actions of the main window and the windows they open."""

    def __init__(self, window: QMainWindow, workspace: Workspace, bridge: Bridge) -> None:
        super().__init__(window)
        self.window = window
        self.ws = workspace
        self.bridge = bridge
        self.dashboard: DashboardWindow | None = None
        self.coverage: QWidget | None = None
        self.runner = TaskRunner(self)
        self.action_dashboard = QAction(self.tr("&Dashboard of objectives and KPIs"), window)
        self.action_dashboard.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.action_coverage = QAction(self.tr("&Coverage by persona and objective"), window)
        self.action_coverage.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.action_outcome = QAction(self.tr("Record an &outcome…"), window)
        # not Ctrl+Shift+O: Tools › Objectives has it (a key bound twice fires neither)
        self.action_outcome.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.action_visits = QAction(self.tr("Import web &visits (CSV)…"), window)
        self.action_report = QAction(self.tr("Board &report (PDF or CSV)…"), window)
        self.action_report.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.action_dashboard.triggered.connect(self.on_dashboard)
        self.action_coverage.triggered.connect(self.on_coverage)
        self.action_outcome.triggered.connect(self.on_outcome)
        self.action_visits.triggered.connect(self.on_import_visits)
        self.action_report.triggered.connect(self.on_report)

    def actions(self) -> list[QAction]:
        return [self.action_dashboard, self.action_coverage, self.action_outcome,
                self.action_visits, self.action_report]

    def on_dashboard(self) -> DashboardWindow:
        from essplanner.ui.kpi.dashboard import DashboardWindow

        if self.dashboard is None:
            self.dashboard = DashboardWindow(self.ws, self.bridge, self.window)
            self.dashboard.setWindowFlag(Qt.WindowType.Window)
            self.dashboard.tools_bar.addSeparator()
            for action in (self.action_outcome, self.action_visits, self.action_report,
                           self.action_coverage):
                self.dashboard.tools_bar.addAction(action)
        self.dashboard.show()
        self.dashboard.raise_()
        self.dashboard.activateWindow()
        return self.dashboard

    def on_coverage(self) -> QWidget:
        from essplanner.ui.kpi.coverage import CoverageWindow

        if self.coverage is None:
            self.coverage = CoverageWindow(self.ws, self.bridge, self.window)
            self.coverage.setWindowFlag(Qt.WindowType.Window)
            # a post made to fill a gap opens in the editor and can be undone
            open_post = getattr(self.window, "open_post", None)
            if open_post is not None:
                self.coverage.post_activated.connect(open_post)
            actions = getattr(self.window, "actions_", None)
            if actions is not None:
                self.coverage.post_created.connect(lambda post: actions.record_save(None, post))
        self.coverage.show()
        self.coverage.raise_()
        return self.coverage

    def on_outcome(self) -> None:
        from essplanner.ui.kpi.outcome_dialog import OutcomeDialog

        parent = self.dashboard if self.dashboard and self.dashboard.isVisible() else self.window
        dialog = OutcomeDialog(self.ws, parent)
        if dialog.exec() and dialog.entry is not None:
            if self.dashboard is not None:
                from essplanner.ui.kpi.dashboard import AddOutcomeCommand

                self.dashboard.undo_stack.push(AddOutcomeCommand(self.dashboard, dialog.entry))
            self.window.statusBar().showMessage(self.tr("Outcome recorded."), 5000)

    def on_import_visits(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self.window, self.tr("Import web visits"), "",
            self.tr("CSV exports (*.csv *.tsv *.txt);;All files (*)"))
        if name:
            self.import_visits(Path(name))

    def import_visits(self, path: Path) -> None:
        """Import in a worker thread; the result is shown when it is done."""
        self.window.statusBar().showMessage(self.tr("Importing %1…").replace("%1", path.name))
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.runner.run(lambda: self.ws.kpis.import_visits(path), self._imported,
                        self._import_failed)

    def _imported(self, result: Any) -> None:
        from essplanner.kpi.report import number

        QApplication.restoreOverrideCursor()
        self.window.statusBar().showMessage(
            self.tr("%1 visits imported (%2 new lines, %3 updated).")
            .replace("%1", number(result.visits)).replace("%2", str(result.inserted))
            .replace("%3", str(result.replaced)), 10000)

    def _import_failed(self, exc: BaseException) -> None:
        QApplication.restoreOverrideCursor()
        self.window.statusBar().clearMessage()
        if not isinstance(exc, EssPlannerError):
            raise exc  # a bug: the error reporter logs it and names the log file
        messages.warning(self.window, self.tr("Import web visits"), plain(str(exc)))

    def on_report(self) -> None:
        from essplanner.ui.kpi.report_dialog import ReportDialog

        span = self.dashboard.span if self.dashboard is not None else None
        ReportDialog(self.ws, self.window, span=span).exec()


def install(window: QMainWindow, workspace: Workspace, bridge: Bridge) -> KpiTools:
    """Add the KPI tools to the window's Tools menu (``window.menu_tools``)."""
    tools = KpiTools(window, workspace, bridge)
    menu = window.menu_tools  # type: ignore[attr-defined]
    if not menu.isEmpty():
        menu.addSeparator()
    for action in tools.actions():
        menu.addAction(action)
    window.kpi_tools = tools  # type: ignore[attr-defined]  # keeps it alive with the window
    return tools
