"""The main window: the calendar of stored posts, navigation, menus."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QLocale, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from essplanner import APP_DISPLAY_NAME, __version__
from essplanner.domain import Change, Post, PostQuery
from essplanner.errors import EssPlannerError
from essplanner.timeutil import get_zone
from essplanner.ui.bridge import Bridge
from essplanner.ui.calendar_model import MonthModel
from essplanner.ui.calendar_view import MonthView
from essplanner.workspace import Workspace


class MainWindow(QMainWindow):
    """The calendar window. Signals: ``month_changed(date)``."""

    month_changed = Signal(object)

    def __init__(self, workspace: Workspace, bridge: Bridge,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.bridge = bridge
        self.zone: ZoneInfo = get_zone(workspace.settings.timezone)
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.resize(1200, 800)

        self.month_model = MonthModel(self._load_posts, self.zone, today=self._today, parent=self)
        self.month_view = MonthView(self)
        self.month_view.setModel(self.month_model)
        self.month_view.delegate.colour_by = workspace.settings.calendar_colour_by

        self.title = QLabel(self)
        self.title.setObjectName("monthTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)

        self.empty_banner = QWidget(self)
        banner_layout = QHBoxLayout(self.empty_banner)
        banner_layout.addWidget(QLabel(self.tr(
            "No posts yet. Load the example workspace to see how an association plans a month."),
            self.empty_banner))
        self.load_example_button = QPushButton(self.tr("Load the example workspace"),
                                               self.empty_banner)
        banner_layout.addWidget(self.load_example_button)
        banner_layout.addStretch(1)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.title)
        layout.addWidget(self.empty_banner)
        layout.addWidget(self.month_view, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._connect()
        self.statusBar().showMessage(self.tr("Database: %1").replace("%1", workspace.db.describe()))
        self.show_month(self._today())

    # ---- building
    def _build_actions(self) -> None:
        self.action_today = QAction(self.tr("&Today"), self)
        self.action_today.setShortcut(QKeySequence("Ctrl+T"))
        self.action_previous = QAction(self.tr("&Previous month"), self)
        self.action_previous.setShortcut(QKeySequence(QKeySequence.StandardKey.MoveToPreviousPage))
        self.action_next = QAction(self.tr("&Next month"), self)
        self.action_next.setShortcut(QKeySequence(QKeySequence.StandardKey.MoveToNextPage))
        self.action_load_example = QAction(self.tr("Load the &example workspace"), self)
        self.action_open_logs = QAction(self.tr("Open the &log folder"), self)
        self.action_about = QAction(self.tr("&About ESS Planner"), self)
        self.action_quit = QAction(self.tr("&Quit"), self)
        self.action_quit.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))

        toolbar = QToolBar(self.tr("Navigation"), self)
        toolbar.setObjectName("navigation")
        toolbar.setMovable(False)
        toolbar.addAction(self.action_today)
        toolbar.addAction(self.action_previous)
        toolbar.addAction(self.action_next)
        self.addToolBar(toolbar)

        # Feature modules (accounts, dashboard, publishing service...) add their actions to
        # these menus from their own ``install(window, ...)`` functions, called by app.py.
        menu = self.menuBar()
        self.menu_file = menu.addMenu(self.tr("&File"))
        self.menu_file.addAction(self.action_load_example)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.action_quit)
        self.menu_view = menu.addMenu(self.tr("&View"))
        self.menu_view.addAction(self.action_today)
        self.menu_view.addAction(self.action_previous)
        self.menu_view.addAction(self.action_next)
        self.menu_tools = menu.addMenu(self.tr("&Tools"))
        self.menu_help = menu.addMenu(self.tr("&Help"))
        self.menu_help.addAction(self.action_open_logs)
        self.menu_help.addAction(self.action_about)

    def _connect(self) -> None:
        """All signal wiring of the window, in one place."""
        self.action_today.triggered.connect(lambda: self.show_month(self._today()))
        self.action_previous.triggered.connect(lambda: self.step_month(-1))
        self.action_next.triggered.connect(lambda: self.step_month(1))
        self.action_load_example.triggered.connect(self.on_load_example)
        self.load_example_button.clicked.connect(self.on_load_example)
        self.action_open_logs.triggered.connect(self.on_open_logs)
        self.action_about.triggered.connect(self.on_about)
        self.action_quit.triggered.connect(self.close)
        self.bridge.changed.connect(self.on_changed)

    # ---- data
    def _today(self) -> date:
        return self.ws.clock.now().astimezone(self.zone).date()

    def _load_posts(self, start: datetime, end: datetime) -> list[Post]:
        return self.ws.posts.query(PostQuery(start=start, end=end))

    def show_month(self, day: date) -> None:
        self.month_model.set_month(day)
        month = self.month_model.month
        locale = QLocale()
        name = locale.standaloneMonthName(month.month, QLocale.FormatType.LongFormat)
        self.title.setText(f"{name[:1].upper()}{name[1:]} {month.year}")
        self.month_view.setCurrentIndex(self.month_model.index_of(day))
        self._update_empty_banner()
        self.month_changed.emit(month)

    def step_month(self, delta: int) -> None:
        month = self.month_model.month
        total = month.year * 12 + month.month - 1 + delta
        self.show_month(date(total // 12, total % 12 + 1, 1))

    def _update_empty_banner(self) -> None:
        has_posts = bool(self.ws.posts.query(PostQuery(include_unscheduled=True)))
        self.empty_banner.setVisible(not has_posts)

    # ---- slots
    def on_changed(self, change: Change) -> None:
        self.month_model.reload()
        self._update_empty_banner()

    def on_load_example(self) -> None:
        from essplanner.demo import load_demo
        from essplanner.i18n import language

        try:
            change = load_demo(self.ws, lang=language())
        except EssPlannerError as exc:
            QMessageBox.information(self, self.tr("Example workspace"), str(exc))
            return
        self.bridge.emit_change(change)
        self.show_month(self._today())

    def on_open_logs(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ws.paths.log_dir)))

    def on_about(self) -> None:
        QMessageBox.about(self, self.tr("About ESS Planner"), self.tr(
            "<b>ESS Planner</b> %1<br>Plan, tag by persona and objective, and publish the posts "
            "of associations, cooperatives and foundations.").replace("%1", __version__))

    def selected_date(self) -> date | None:
        index = self.month_view.currentIndex()
        if not index.isValid():
            return None
        return self.month_model.date_at(index.row(), index.column())

    @staticmethod
    def qdate(day: date) -> QDate:
        return QDate(day.year, day.month, day.day)


__all__ = ["MainWindow"]
