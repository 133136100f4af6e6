"""The main window: month, week and agenda views of the posts, filters, needs attention, menus.

Feature modules (accounts, dashboard, publishing service...) add their actions to
``menu_file``, ``menu_view``, ``menu_tools`` and ``menu_help`` from their own
``install(window, ...)`` functions, called by app.py. ``bridge.changed(Change)``
is the one redraw signal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QObject, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from essplanner import APP_DISPLAY_NAME, __version__
from essplanner.domain import Change
from essplanner.errors import EssPlannerError
from essplanner.services.calendar import AttentionItem, CalendarEntry, SearchResult
from essplanner.timeutil import day_bounds, get_zone
from essplanner.ui import messages
from essplanner.ui.bridge import Bridge
from essplanner.ui.calendar.marks import Shown
from essplanner.ui.calendar.month_model import MonthModel, first_day_of_week
from essplanner.ui.calendar.month_view import MonthView
from essplanner.ui.calendar.post_model import PostFilter, PostFilterProxy, PostListModel, PostRole
from essplanner.ui.editor.host import EditorHost
from essplanner.ui.labels import month_title, qdate, week_title
from essplanner.ui.plain import plain, plain_label
from essplanner.ui.window_parts import Banners, build_actions

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from essplanner.dataplace import DataPlace
    from essplanner.services.changes import ChangeWatcher, PostgresListener
    from essplanner.ui.calendar.agenda_model import AgendaModel
    from essplanner.ui.calendar.agenda_view import AgendaView
    from essplanner.ui.calendar.attention import AttentionModel, AttentionPanel
    from essplanner.ui.calendar.filters import FilterPanel
    from essplanner.ui.calendar.post_actions import PostActions
    from essplanner.ui.calendar.queue import QueuePanel
    from essplanner.ui.calendar.search import SearchPanel
    from essplanner.ui.calendar.week_view import WeekView
    from essplanner.ui.editor.editor import PostEditor
    from essplanner.workspace import Workspace

VIEWS = ("month", "week", "agenda")
FILTERS_WIDTH = 210
#: how often the calendar re-reads the database for changes made by other programs
REFRESH_MS = 60_000
#: how often the window asks whether another program wrote to the database (cheap)
WATCH_MS = 1000
#: where the window keeps its size, position, docks and view (in the config folder)
WINDOW_STATE_FILE = "window.ini"


class MainWindow(QMainWindow):
    """The calendar window. Signals: ``month_changed(date)``, ``view_changed(str)``,
    ``reconnect_requested(int)`` (an account to reconnect: the accounts feature answers),
    ``refreshed()`` (it read the database again),
    ``handover_requested(int)`` (an account's handover register entry to edit, likewise),
    ``resync_requested()`` (the change listener reconnected: re-read everything)."""

    month_changed = Signal(object)
    view_changed = Signal(str)
    reconnect_requested = Signal(int)
    #: the window read the database again (View › Refresh, another program's writes)
    refreshed = Signal()
    #: an account's handover register entry to edit (the accounts feature answers)
    handover_requested = Signal(int)
    #: the change listener reconnected (emitted from its thread): re-read everything
    resync_requested = Signal()

    first_paint: QObject | None = None  # set by ui/startup.py

    # built by window_parts.build_actions
    action_new: QAction
    action_prepare_posts: QAction
    action_events: QAction
    action_days: QAction
    action_image_rights: QAction
    action_new_from_template: QAction
    action_evergreen: QAction
    action_load_example: QAction
    action_quit: QAction
    action_undo: QAction
    action_redo: QAction
    action_open: QAction
    action_delete: QAction
    action_later: QAction
    action_earlier: QAction
    action_today: QAction
    action_previous: QAction
    action_next: QAction
    action_goto: QAction
    action_search: QAction
    action_refresh: QAction
    action_personas: QAction
    action_objectives: QAction
    action_attention: QAction
    action_shortcuts: QAction
    action_open_logs: QAction
    action_about: QAction
    view_actions: dict[str, QAction]
    colour_actions: dict[str, QAction]
    colour_combo: QComboBox
    menu_file: QMenu
    menu_edit: QMenu
    menu_view: QMenu
    menu_tools: QMenu
    menu_help: QMenu

    def __init__(self, workspace: Workspace, bridge: Bridge,
                 parent: QWidget | None = None) -> None:
        """``workspace`` is a full :class:`Workspace`, or, while the app starts, a
        :class:`~essplanner.ui.startup.StartupWorkspace` that only reads the calendar;
        :meth:`attach` then hands over the full one."""
        super().__init__(parent)
        self.ws = workspace
        self.bridge = bridge
        self.zone: ZoneInfo = get_zone(workspace.settings.timezone)
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.resize(1280, 820)
        self.view_kind = "month"
        self.anchor = self.today()
        self.editor_host = EditorHost(self)

        self.undo_stack = QUndoStack(self)
        self.actions_: PostActions | None = None
        self.post_model = PostListModel(self._read_entries, self._read_entries_by_id,
                                        self.zone, self)
        self.proxy = PostFilterProxy(self)
        self.proxy.setSourceModel(self.post_model)
        self.month_model = MonthModel(self.proxy, today=self.today, parent=self)
        self._attention_model: AttentionModel | None = None

        self.month_view = MonthView(self)
        self.month_view.setModel(self.month_model)
        # The week and agenda views, and the needs-attention panel, are built the first
        # time they are shown: nothing hidden delays the first paint of the calendar.
        self._week_view: WeekView | None = None
        self._agenda_view: AgendaView | None = None
        self._agenda_model: AgendaModel | None = None
        self._attention: AttentionPanel | None = None
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.month_view)
        self.set_colour_by(workspace.settings.calendar_colour_by, save=False)

        self.title = QLabel(self)
        self.title.setObjectName("monthTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.banners = Banners(self)
        self.empty_banner = self.banners.empty
        self.load_example_button = self.banners.load_example_button

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.banners.recovery)
        layout.addWidget(self.empty_banner)
        layout.addWidget(self.banners.no_match)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        # The filter panel fills its dock right after the first paint; the placeholder
        # keeps its width so that the calendar does not move when it arrives.
        self._filters: FilterPanel | None = None
        self.filters_dock = QDockWidget(self.tr("Filters"), self)
        self.filters_dock.setObjectName("filters")
        placeholder = QWidget(self.filters_dock)
        placeholder.setFixedWidth(FILTERS_WIDTH)
        self.filters_dock.setWidget(placeholder)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.filters_dock)
        self.attention_dock = QDockWidget(self.tr("Needs attention"), self)
        self.attention_dock.setObjectName("attention")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.attention_dock)
        self.attention_dock.hide()
        self._search: SearchPanel | None = None
        self._search_text = ""
        self.search_dock = QDockWidget(self.tr("Search results"), self)
        self.search_dock.setObjectName("search")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.search_dock)
        self.search_dock.hide()
        self._queue: QueuePanel | None = None
        self.queue_dock = QDockWidget(self.tr("Queue"), self)
        self.queue_dock.setObjectName("queue")
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.queue_dock)
        self.queue_dock.hide()
        #: functions adding actions to a post's context menu: ``hook(menu, post_id)``
        self.post_menu_hooks: list[Callable[[QMenu, int], None]] = []

        build_actions(self)
        self.menu_view.addAction(self.queue_dock.toggleViewAction())
        self._connect()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._refresh_timer.start()
        # Writes of other programs (command line, publishing service, a teammate) show
        # within a second or two: the read model says cheaply whether anything changed.
        self._watcher: ChangeWatcher | None = self.ws.calendar.watcher()
        from essplanner.ui.uploads_status import UploadStatus

        # where the data lives, for good: the transient messages (showMessage) pass by
        self.data_place = QLabel(self)
        self.data_place.setObjectName("dataPlace")
        self.statusBar().addPermanentWidget(self.data_place)
        self.upload_status = UploadStatus(self)
        self.statusBar().addPermanentWidget(self.upload_status)
        self._watch_timer = QTimer(self)
        self._watch_timer.setInterval(WATCH_MS)
        self._watch_timer.timeout.connect(self.poll_changes)
        if self._watcher is not None:
            self._watch_timer.start()
        self._listener: PostgresListener | None = None
        #: closed (closeEvent accepted): what was queued to read later reads nothing
        self._closed = False
        self.resync_requested.connect(self.refresh)
        self._listen()
        self._attention_timer = QTimer(self)
        self._attention_timer.setSingleShot(True)
        self._attention_timer.setInterval(0)
        self._attention_timer.timeout.connect(self._reload_attention)
        self.show_date(self.anchor)
        self._restore_window_state()
        if self.ready:
            self._attached()
            # What the first paint does not need waits until the calendar is on screen.
            QTimer.singleShot(0, self.after_first_paint)

    # ---- the workspace
    @property
    def ready(self) -> bool:
        """Whether the full workspace (services) is there, not just the start-up reader."""
        return hasattr(self.ws, "posts")

    def attach(self, workspace: Workspace) -> None:
        """Take over the full workspace once it is loaded (after the first paint)."""
        self.ws = workspace
        self._attached()
        self.post_model.refresh()  # anything written since the first read
        self.after_first_paint()

    def _listen(self) -> None:
        """On PostgreSQL, hear the changes others commit as they commit them (the poll
        then stops): each reaches the window as the services' own changes do, through the
        bridge, naming the posts to redraw (docs/decisions/0024-live-updates.md)."""
        if self._listener is not None or not hasattr(self.ws.calendar, "listener"):
            return
        self._listener = self.ws.calendar.listener(
            on_change=self.bridge.emit_change, on_resync=self.resync_requested.emit)
        if self._listener is not None:
            self._watch_timer.stop()
            if self._watcher is not None:
                self._watcher.close()
                self._watcher = None

    @property
    def listener(self) -> PostgresListener | None:
        """The change listener (PostgreSQL), or None when the window polls."""
        return self._listener

    def _attached(self) -> None:
        from essplanner.ui.calendar.post_actions import PostActions

        self._listen()

        self.actions_ = PostActions(self.ws, self.zone, self.undo_stack, self, self._status)
        self.reload_marks()
        if self._attention is not None:
            self._attention.ws = self.ws
        self._show_place(self.ws.calendar.place())

    def _show_place(self, place: DataPlace) -> None:
        # a file or host name is the computer's text, never markup
        plain_label(self.data_place).setText(place.status)
        self.data_place.setToolTip(plain(place.detail))

    # The calendar read model (services/calendar_reader.py) chooses how to read: the
    # standard library's sqlite3 when it can, SQLAlchemy otherwise.
    def _read_entries(self, start: datetime, end: datetime, undated: bool,
                      ) -> list[CalendarEntry]:
        return self.ws.calendar.entries(start, end, include_unscheduled=undated)

    def _read_entries_by_id(self, ids: Iterable[int]) -> list[CalendarEntry]:
        return self.ws.calendar.entries_by_id(ids)

    def _read_attention(self) -> list[AttentionItem]:
        if not self.ready:
            return []
        from essplanner.channels.accounts import login_attention

        # logins running out first: reconnecting them keeps posts from failing
        return login_attention(self.ws) + self.ws.calendar.attention_items()

    def _has_posts(self) -> bool:
        return self.ws.calendar.has_posts()

    # ---- wiring
    def _connect(self) -> None:
        """All signal wiring of the window, in one place."""
        self.bridge.changed.connect(self.on_changed)
        self.month_model.move_requested.connect(self.move_posts)
        self.month_view.post_activated.connect(self.open_post)
        self.month_view.day_activated.connect(lambda day: self.new_post(day=day))
        self.month_view.navigate_requested.connect(self._navigate_to)
        self.month_view.more_clicked.connect(lambda day: self.set_view("week", day))
        self.month_view.context_menu_requested.connect(self.show_post_menu)
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved,
                       self.proxy.layoutChanged):
            signal.connect(self._update_no_match)
        self.banners.clear_filters_button.clicked.connect(self.clear_filters)
        self.attention_dock.visibilityChanged.connect(
            lambda visible: visible and self.attention)
        self.queue_dock.visibilityChanged.connect(self._on_queue_shown)
        self.banners.attention_button.clicked.connect(self.show_attention)
        self.banners.open_recovered.connect(self.open_recovered)
        self.load_example_button.clicked.connect(self.on_load_example)

    # ---- views built on first use
    @property
    def week_view(self) -> WeekView:
        if self._week_view is None:
            from essplanner.ui.calendar.week_view import WeekView

            view = WeekView(self)
            view.chips.colour_by = self.month_view.delegate.colour_by
            view.setModel(self.proxy)
            view.move_requested.connect(self.move_posts)
            view.activated.connect(self._open_index)
            view.doubleClicked.connect(self._open_index)
            view.slot_activated.connect(lambda when: self.new_post(when=when))
            view.context_menu_requested.connect(self.show_post_menu)
            self.stack.addWidget(view)
            self._week_view = view
        return self._week_view

    @property
    def agenda_model(self) -> AgendaModel:
        if self._agenda_model is None:
            from essplanner.ui.calendar.agenda_model import AgendaModel

            self._agenda_model = AgendaModel(self.proxy, today=self.today, parent=self)
            self._agenda_model.move_requested.connect(self.move_posts)
        return self._agenda_model

    @property
    def agenda_view(self) -> AgendaView:
        if self._agenda_view is None:
            from essplanner.ui.calendar.agenda_view import AgendaView

            view = AgendaView(self)
            view.delegate.chips.colour_by = self.month_view.delegate.colour_by
            view.setModel(self.agenda_model)
            view.activated.connect(self._open_index)
            view.doubleClicked.connect(self._open_index)
            view.context_menu_requested.connect(self.show_post_menu)
            self.stack.addWidget(view)
            self._agenda_view = view
        return self._agenda_view

    @property
    def filters(self) -> FilterPanel:
        if self._filters is None:
            from essplanner.ui.calendar.filters import FilterPanel

            panel = FilterPanel(self.filters_dock)
            panel.setMinimumWidth(FILTERS_WIDTH)
            panel.filter_changed.connect(self._on_filter)
            panel.marks.shown_changed.connect(self.set_marks_shown)
            old = self.filters_dock.widget()
            self.filters_dock.setWidget(panel)
            if old is not None:
                old.deleteLater()
            self._filters = panel
        return self._filters

    def set_marks_shown(self, shown: Shown) -> None:
        """Show or hide campaigns, events and awareness days (the filter panel's toggles)."""
        self.month_model.set_shown(shown)
        if self._week_view is not None:
            self._week_view.set_shown(shown)

    def prepare_event_posts(self, event_id: int | None = None) -> None:
        """Tools › Prepare the posts of an event…: its drafts, as one undoable step."""
        if not self.ready:
            return
        from essplanner.ui.calendar.prepare_posts import choose_event, prepare_posts

        if not isinstance(event_id, int) or isinstance(event_id, bool):
            event_id = choose_event(self, self.ws, self.zone)
        if event_id is not None:
            prepare_posts(self, self.ws, self.zone, self.undo_stack, event_id,
                          self._report)

    def _report(self, message: str) -> None:
        from essplanner.ui import messages
        from essplanner.ui.plain import plain

        messages.warning(self, self.tr("ESS Planner"), plain(message))

    def _reload_attention(self) -> None:
        self.attention_model.reload()

    @property
    def attention_model(self) -> AttentionModel:
        if self._attention_model is None:
            from essplanner.ui.calendar.attention import AttentionModel

            model = AttentionModel(self._read_attention, self.zone, self)
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
                signal.connect(lambda *_a: self.banners.set_attention_count(
                    self.attention_model.rowCount()))
            self._attention_model = model
        return self._attention_model

    @property
    def attention(self) -> AttentionPanel:
        if self._attention is None:
            from essplanner.ui.calendar.attention import AttentionPanel

            panel = AttentionPanel(self.ws, self.attention_model, self.zone, self)
            panel.open_post.connect(self.open_post)
            panel.reconnect_requested.connect(self.reconnect_requested)
            panel.handover_requested.connect(self.handover_requested)
            self.attention_dock.setWidget(panel)
            self._attention = panel
        return self._attention

    @property
    def queue_panel(self) -> QueuePanel:
        if self._queue is None:
            from essplanner.ui.calendar.queue import QueuePanel

            panel = QueuePanel(self.ws.slots, self.zone, self.queue_dock)
            panel.open_post.connect(self.open_post)
            panel.reorder_requested.connect(self.reorder_queue)
            self.queue_dock.setWidget(panel)
            self._queue = panel
        return self._queue

    def _on_queue_shown(self, visible: bool) -> None:
        if visible and self.ready:
            self.queue_panel.set_accounts(self.ws.accounts.all())

    def _report_queue(self, message: str) -> None:
        messages.warning(self, self.tr("Queue"), plain(message))

    def reorder_queue(self, before: list[int], after: list[int]) -> None:
        """Give the queued posts their slots in a new order, as one undoable step."""
        from essplanner.ui.calendar.queue import ReorderQueueCommand

        self.undo_stack.push(ReorderQueueCommand(
            self.ws.slots, before, after, self.tr("Reorder the queue"), self._report_queue))

    def update_free_slots(self) -> None:
        """Draw the week's empty posting slots of the accounts the filters show."""
        if self._week_view is None or not self.ready:
            return
        from essplanner.ui.calendar.queue import free_slots_of_week

        self._week_view.set_free_slots(free_slots_of_week(
            self.ws.slots, self.ws.accounts.all(), self._week_view.week_start, self.zone,
            self.proxy.post_filter))

    def view_widget(self, kind: str) -> QWidget:
        return {"month": self.month_view, "week": self.week_view,
                "agenda": self.agenda_view}[kind]

    def after_first_paint(self) -> None:
        # Queued at start-up, it may come after a close, and then after the workspace's
        # close too: reading would reopen its connections, left open for good.
        if not self.ready or self._closed:
            return
        self.reload_choices()
        self.attention_model.reload()
        self.banners.check_recovery(self.ws.paths.autosave_dir)

    # ---- data
    def today(self) -> date:
        return self.ws.clock.now().astimezone(self.zone).date()

    def _status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def reload_choices(self) -> None:
        self.filters.set_choices(self.ws.personas.all(), self.ws.objectives.all(),
                                 self.ws.accounts.all())

    def refresh(self) -> None:
        """Re-read the visible period (other programs may have changed it): View › Refresh."""
        self.post_model.refresh()
        if self.ready:
            self.reload_marks()
            self.attention_model.reload()
            if self._filters is not None:
                self.reload_choices()
            # videos being sent: their progress, written by the publishing service, is
            # what changed the database every second or so
            self.upload_status.show_uploads(self.ws.posts.uploads_under_way())
            self.update_free_slots()
        if self._search_text:
            self.run_search(self._search_text)
        self._update_empty_banner()
        self.refreshed.emit()

    def poll_changes(self) -> bool:
        """Re-read what is shown if another program wrote to the database since the last
        look; says whether it did (called every second by a timer)."""
        if self._watcher is None or not self._watcher.changed():
            return False
        self.refresh()
        return True

    # ---- search over all dates, and filters that hide everything
    def _on_filter(self, post_filter: PostFilter) -> None:
        self.proxy.set_filter(post_filter)
        self.update_free_slots()
        text = post_filter.text.strip()
        if text != self._search_text:
            self.run_search(text)
        self._update_no_match()

    @property
    def search_panel(self) -> SearchPanel:
        if self._search is None:
            from essplanner.ui.calendar.search import SearchPanel

            panel = SearchPanel(self.zone, self.search_dock)
            panel.open_result.connect(self.go_to_post)
            self.search_dock.setWidget(panel)
            self._search = panel
        return self._search

    def run_search(self, text: str) -> SearchResult | None:
        """Look ``text`` up over every date and list what is found (empty: hide the list)."""
        self._search_text = text.strip()
        if not self._search_text:
            self.search_dock.hide()
            return None
        result = self.ws.calendar.search(self._search_text)
        self.search_panel.set_result(self._search_text, result)
        self.search_dock.show()
        self._update_no_match()
        return result

    def go_to_post(self, post_id: int, day: date | None) -> None:
        """Show the period holding the post and select it there (undated: open it)."""
        if day is None:
            self.open_post(post_id)
            return
        self.show_date(day)
        if self.view_kind == "month":
            self.month_view.select_date(day)
            self.month_view.set_current_post(post_id)
        elif self.view_kind == "week":
            row = self.post_model.row_of(post_id)
            if row is not None:
                index = self.proxy.mapFromSource(self.post_model.index(row, 0))
                if index.isValid():
                    self.week_view.setCurrentIndex(index)
                    self.week_view.scrollTo(index)
        else:
            index = self.agenda_model.index_of_post(post_id)
            if index.isValid():
                self.agenda_view.setCurrentIndex(index)
                self.agenda_view.scrollTo(index)

    def clear_filters(self) -> None:
        self.filters.clear()

    def _update_no_match(self, *_args: object) -> None:
        active = self.proxy.post_filter.active
        self.banners.set_no_match(
            active and self.proxy.rowCount() == 0,
            elsewhere=self._search.model.total if self._search and self._search_text else 0)

    def on_changed(self, change: Change) -> None:
        if not self.ready:
            return  # attach() reads everything again
        self.post_model.apply_change(change)
        self._attention_timer.start()
        if change.personas or change.objectives or change.accounts:
            self.reload_choices()
        if change.consents:  # a consent given or withdrawn changes the editors' checks
            for editor in self.editors:
                editor.recheck()
        self.update_free_slots()
        if self._queue is not None and self.queue_dock.isVisible():
            if change.accounts:
                self._queue.set_accounts(self.ws.accounts.all())
            else:
                self._queue.reload()
        if change.planning:
            self.reload_marks()
        self._update_empty_banner()

    def _update_empty_banner(self) -> None:
        self.empty_banner.setVisible(not self._has_posts())

    # ---- a post's context menu (month, week and agenda views)
    def post_menu(self, post_id: int) -> QMenu:
        """Edit, Move to…, Delete, then what ``post_menu_hooks`` add."""
        menu = QMenu(self)
        menu.addAction(self.tr("&Edit…"), lambda: self.open_post(post_id))
        menu.addAction(self.tr("&Move to…"), lambda: self.move_post_to(post_id))
        menu.addSeparator()
        menu.addAction(self.tr("&Delete"), lambda: self._delete(post_id))
        for hook in self.post_menu_hooks:
            hook(menu, post_id)
        return menu

    def show_post_menu(self, post_id: int, global_pos: QPoint) -> None:
        menu = self.post_menu(post_id)
        menu.exec(global_pos)
        menu.deleteLater()

    def move_post_to(self, post_id: int) -> None:
        from essplanner.ui.calendar.when_dialog import DateTimeDialog

        actions = self.require_actions()
        if actions is None:
            return
        try:
            post = self.ws.posts.get(post_id)
        except EssPlannerError as exc:
            messages.warning(self, self.tr("ESS Planner"), str(exc))
            return
        start = (post.scheduled_at.astimezone(self.zone) if post.scheduled_at
                 else datetime.combine(self.anchor, datetime.min.time()).replace(hour=9))
        dialog = DateTimeDialog(start, str(self.zone), title=self.tr("Move the post"),
                                prompt=post.display_title, parent=self)
        if dialog.exec() == DateTimeDialog.DialogCode.Accepted:
            actions.move([(post.id, post.version)], dialog.local())

    def _delete(self, post_id: int) -> None:
        actions = self.require_actions()
        if actions is not None:
            actions.delete(post_id)

    # ---- navigation
    def set_view(self, kind: str, day: date | None = None) -> None:
        if kind not in VIEWS:
            raise ValueError(kind)
        self.view_kind = kind
        self.stack.setCurrentWidget(self.view_widget(kind))
        self.view_actions[kind].setChecked(True)
        self.show_date(day or self.anchor)
        self.view_changed.emit(kind)

    def show_date(self, day: date) -> None:
        """Show the period of the current view that contains ``day``."""
        self.anchor = day
        today = self.today()
        if self.view_kind == "week":
            start = first_day_of_week(day)
            self._load(start, start + timedelta(days=7))
            self.week_view.set_week(start, today=today,
                                    now=self.ws.clock.now().astimezone(self.zone))
            self.update_free_slots()
            self.title.setText(week_title(start))
            self.action_previous.setText(self.tr("&Previous week"))
            self.action_next.setText(self.tr("&Next week"))
        else:
            self.month_model.set_month(day)
            month = self.month_model.month
            if self.view_kind == "month":
                self._load(self.month_model.grid_start, self.month_model.grid_end)
                self.month_view.select_date(day)
            else:
                following = (month + timedelta(days=32)).replace(day=1)
                self._load(month, following, undated=True)
                index = self.agenda_model.index_of_day(day)
                if index.isValid():
                    self.agenda_view.scrollTo(index)
                    self.agenda_view.setCurrentIndex(index)
            self.title.setText(month_title(month))
            self.action_previous.setText(self.tr("&Previous month"))
            self.action_next.setText(self.tr("&Next month"))
        self.reload_marks()
        self._update_empty_banner()
        self.month_changed.emit(self.month_model.month)

    def reload_marks(self) -> None:
        """Read the campaigns, events and awareness days of what is shown (the month grid,
        the week) once; the views paint from what they are given."""
        if not self.ready:
            return
        model = self.month_model
        model.set_marks(self.ws.planning.marks(model.grid_start, model.grid_end, self.zone))
        if self._week_view is not None:
            start = self._week_view.week_start
            if start != date.min:
                self._week_view.set_marks(self.ws.planning.marks(
                    start, start + timedelta(days=7), self.zone))

    def _load(self, start: date, end: date, *, undated: bool = False) -> None:
        self.post_model.set_range(day_bounds(start, self.zone)[0],
                                  day_bounds(end, self.zone)[0], undated=undated)

    def show_month(self, day: date) -> None:
        if self.view_kind == "week":
            self.set_view("month", day)
        else:
            self.show_date(day)

    def step(self, delta: int) -> None:
        if self.view_kind == "week":
            self.show_date(self.anchor + timedelta(days=7 * delta))
        else:
            self.step_month(delta)

    def step_month(self, delta: int) -> None:
        month = self.month_model.month
        total = month.year * 12 + month.month - 1 + delta
        self.show_date(date(total // 12, total % 12 + 1, 1))

    def go_today(self) -> None:
        self.show_date(self.today())
        if self.view_kind == "week":
            self.week_view.scroll_to_time(self.ws.clock.now().astimezone(self.zone).time())

    def _navigate_to(self, day: date) -> None:
        self.show_date(day)

    def go_to_date(self) -> None:
        from essplanner.ui.calendar.when_dialog import DateDialog

        dialog = DateDialog(self.anchor, self)
        if dialog.exec() == DateDialog.DialogCode.Accepted:
            self.show_date(dialog.day())

    def selected_date(self) -> date | None:
        if self.view_kind == "month":
            return self.month_view.current_date()
        return self.anchor

    # ---- posts
    def current_post_id(self) -> int | None:
        if self.view_kind == "month":
            return self.month_view.current_post_id
        if self.view_kind == "week":
            index = self.week_view.currentIndex()
            value = index.data(PostRole.POST_ID) if index.isValid() else None
            return value if isinstance(value, int) else None
        return self.agenda_view.current_post_id()

    def _open_index(self, index: object) -> None:
        post_id = index.data(PostRole.POST_ID) if hasattr(index, "data") else None
        if isinstance(post_id, int):
            self.open_post(post_id)

    def open_current(self) -> None:
        post_id = self.current_post_id()
        if post_id is not None:
            self.open_post(post_id)

    def require_actions(self) -> PostActions | None:
        if self.actions_ is None:
            self._status(self.tr("Still opening the workspace; try again in a moment."))
        return self.actions_

    def move_posts(self, posts: Sequence[tuple[int, int]], target: date | datetime) -> None:
        actions = self.require_actions()
        if actions is not None:
            actions.move(posts, target)

    def delete_current(self) -> None:
        post_id = self.current_post_id()
        actions = self.require_actions()
        if post_id is not None and actions is not None:
            actions.delete(post_id)

    def move_current(self, days: int) -> None:
        post_id = self.current_post_id()
        actions = self.require_actions()
        if post_id is not None and actions is not None:
            actions.move_by_days(post_id, days)

    def open_post(self, post_id: int) -> None:
        self.editor_host.open_post(post_id)

    def new_post(self, *, day: date | None = None, when: datetime | None = None) -> None:
        self.editor_host.new_post(day=day, when=when)

    def open_recovered(self) -> None:
        self.editor_host.open_recovered()

    @property
    def editors(self) -> list[PostEditor]:
        """The editors open now."""
        return self.editor_host.editors

    # ---- preferences
    def set_colour_by(self, value: str, *, save: bool = True) -> None:
        painters = [self.month_view.delegate.chips]
        if self._week_view is not None:
            painters.append(self._week_view.chips)
        if self._agenda_view is not None:
            painters.append(self._agenda_view.delegate.chips)
        for painter in painters:
            painter.colour_by = value
        for view in (self.month_view, self._week_view, self._agenda_view):
            if view is not None:
                view.viewport().update()
        if save and self.ws.settings.calendar_colour_by != value:
            self.ws.settings.calendar_colour_by = value
            self.ws.settings.save(self.ws.paths.settings_file)

    def focus_search(self) -> None:
        self.filters_dock.show()
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def show_attention(self) -> None:
        self.attention_dock.show()
        self.attention_dock.raise_()
        self.attention.table.setFocus()

    # ---- menus' slots
    def on_load_example(self) -> None:
        from essplanner.demo.loader import load_demo
        from essplanner.i18n import language

        if self.require_actions() is None:
            return
        try:
            change = load_demo(self.ws, lang=language())
        except EssPlannerError as exc:

            messages.information(self, self.tr("Example workspace"), plain(str(exc)))
            return
        self.bridge.emit_change(change)
        self.show_date(self.today())

    def open_personas(self) -> None:
        from essplanner.ui.panels.personas import PersonasDialog

        if self.require_actions() is None:
            return
        PersonasDialog(self.ws, self, undo_stack=self.undo_stack).exec()

    def open_objectives(self) -> None:
        from essplanner.ui.panels.objectives import ObjectivesDialog

        if self.require_actions() is None:
            return
        ObjectivesDialog(self.ws, self).exec()

    def on_open_logs(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ws.paths.log_dir)))

    def on_about(self) -> None:

        messages.about(self, self.tr("About ESS Planner"), self.tr(
            "<b>ESS Planner</b> %1<br>Plan, tag by persona and objective, and publish the posts "
            "of associations, cooperatives and foundations.").replace("%1", __version__))

    def close_editors(self) -> bool:
        """Close the open editors (each may ask about unsaved changes); False if one stays."""
        return all(editor.close() for editor in list(self.editors))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.close_editors():
            event.ignore()
            return
        self._closed = True
        self._refresh_timer.stop()
        self._watch_timer.stop()
        self._attention_timer.stop()
        if self._watcher is not None:
            self._watcher.close()
            self._watcher = None
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
        self.save_window_state()
        # The workspace's calendar reader is the workspace's: Workspace.close() closes it.
        super().closeEvent(event)

    # ---- size, position, docks and view, remembered per data folder
    def _window_state(self) -> QSettings:
        from PySide6.QtCore import QSettings

        path = self.ws.paths.config_dir / WINDOW_STATE_FILE
        return QSettings(str(path), QSettings.Format.IniFormat)

    def save_window_state(self) -> None:
        state = self._window_state()
        state.setValue("geometry", self.saveGeometry())
        state.setValue("docks", self.saveState())
        state.setValue("view", self.view_kind)
        state.sync()

    def _restore_window_state(self) -> None:
        if not (self.ws.paths.config_dir / WINDOW_STATE_FILE).is_file():
            return
        from PySide6.QtCore import QByteArray

        state = self._window_state()
        geometry = state.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        docks = state.value("docks")
        if isinstance(docks, QByteArray):
            self.restoreState(docks)
            self.search_dock.hide()  # shown again by the next search
        view = state.value("view")
        if isinstance(view, str) and view in VIEWS and view != self.view_kind:
            self.set_view(view)

    @staticmethod
    def qdate(day: date) -> QDate:
        return qdate(day)

