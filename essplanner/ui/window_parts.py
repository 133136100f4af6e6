"""Pieces of the main window: its actions, menus and toolbar, and its banners.

Kept apart from :mod:`essplanner.ui.mainwindow` so that the window's behaviour
reads on its own. Every shortcut is listed in :func:`shortcut_rows` (Help ›
Keyboard shortcuts, and the README).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from essplanner.ui.consents.actions import open_register
from essplanner.ui.planning.actions import connect_month_view, open_days, open_events
from essplanner.ui.templates.actions import new_post_from_template, open_evergreen_library
from essplanner.ui.undo_actions import keep_short

if TYPE_CHECKING:
    from essplanner.ui.mainwindow import MainWindow

translate = QCoreApplication.translate


def _action(
    window: MainWindow,
    text: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    slot: object = None,
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if slot is not None:
        action.triggered.connect(slot)
    return action


def build_actions(w: MainWindow) -> None:
    """Create the window's actions, menus and toolbar (``menu_file``, ``menu_view``...)."""
    w.action_new = _action(
        w, translate("MainWindow", "&New post…"), QKeySequence.StandardKey.New, w.new_post
    )
    w.action_new_from_template = _action(
        w, translate("MainWindow", "New post from &template…"), "Ctrl+Shift+T",
        lambda: new_post_from_template(w)
    )
    w.action_evergreen = _action(
        w, translate("MainWindow", "&Evergreen posts…"), None, lambda: open_evergreen_library(w)
    )
    w.action_load_example = _action(
        w, translate("MainWindow", "Load the &example workspace"), None, w.on_load_example
    )
    w.action_quit = _action(
        w, translate("MainWindow", "&Quit"), QKeySequence.StandardKey.Quit, w.close
    )
    w.action_undo = w.undo_stack.createUndoAction(w, translate("MainWindow", "&Undo"))
    w.action_undo.setShortcut(QKeySequence("Ctrl+Z"))
    w.action_redo = w.undo_stack.createRedoAction(w, translate("MainWindow", "&Redo"))
    w.action_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    keep_short(w.undo_stack, w.action_undo, w.action_redo)
    w.action_open = _action(w, translate("MainWindow", "&Open post"), "Ctrl+O", w.open_current)
    w.action_delete = _action(
        w,
        translate("MainWindow", "&Delete post"),
        QKeySequence.StandardKey.Delete,
        w.delete_current,
    )
    w.action_later = _action(
        w,
        translate("MainWindow", "Move one day &later"),
        "Alt+Shift+Right",
        lambda: w.move_current(1),
    )
    w.action_earlier = _action(
        w,
        translate("MainWindow", "Move one day &earlier"),
        "Alt+Shift+Left",
        lambda: w.move_current(-1),
    )
    w.action_today = _action(w, translate("MainWindow", "&Today"), "Ctrl+T", w.go_today)
    w.action_previous = _action(
        w,
        translate("MainWindow", "&Previous month"),
        QKeySequence.StandardKey.MoveToPreviousPage,
        lambda: w.step(-1),
    )
    w.action_next = _action(
        w,
        translate("MainWindow", "&Next month"),
        QKeySequence.StandardKey.MoveToNextPage,
        lambda: w.step(1),
    )
    w.action_goto = _action(w, translate("MainWindow", "&Go to date…"), "Ctrl+G", w.go_to_date)
    w.action_search = _action(
        w, translate("MainWindow", "&Search…"), QKeySequence.StandardKey.Find, w.focus_search
    )
    w.action_refresh = _action(w, translate("MainWindow", "&Refresh"), "F5", w.refresh)
    group = QActionGroup(w)
    w.view_actions = {}
    for kind, text, key in (
        ("month", translate("MainWindow", "&Month"), "Ctrl+1"),
        ("week", translate("MainWindow", "&Week"), "Ctrl+2"),
        ("agenda", translate("MainWindow", "&Agenda"), "Ctrl+3"),
    ):
        action = _action(w, text, key, lambda _c=False, k=kind: w.set_view(k))
        action.setCheckable(True)
        group.addAction(action)
        w.view_actions[kind] = action
    w.view_actions["month"].setChecked(True)
    colour_group = QActionGroup(w)
    w.colour_actions = {}
    for value, text in (
        ("objective", translate("MainWindow", "Colour by &objective")),
        ("platform", translate("MainWindow", "Colour by &network")),
    ):
        action = _action(w, text, None, lambda _c=False, v=value: w.set_colour_by(v))
        action.setCheckable(True)
        action.setChecked(w.ws.settings.calendar_colour_by == value)
        colour_group.addAction(action)
        w.colour_actions[value] = action
    w.action_personas = _action(
        w, translate("MainWindow", "&Personas…"), "Ctrl+Shift+P", w.open_personas
    )
    w.action_objectives = _action(
        w, translate("MainWindow", "&Objectives and KPIs…"), "Ctrl+Shift+O", w.open_objectives
    )
    w.action_prepare_posts = _action(
        w, translate("MainWindow", "Prepare the posts of an &event…"), None, w.prepare_event_posts
    )
    w.action_events = _action(
        w, translate("MainWindow", "E&vents and campaigns…"), None, lambda: open_events(w)
    )
    w.action_days = _action(
        w, translate("MainWindow", "A&wareness days…"), None, lambda: open_days(w)
    )
    w.action_image_rights = _action(
        w, translate("MainWindow", "&Image rights…"), "Ctrl+Shift+I", lambda: open_register(w)
    )
    connect_month_view(w)
    w.action_attention = _action(
        w, translate("MainWindow", "Needs &attention"), "Ctrl+Shift+A", w.show_attention
    )
    w.action_shortcuts = _action(
        w,
        translate("MainWindow", "&Keyboard shortcuts"),
        QKeySequence.StandardKey.HelpContents,
        lambda: ShortcutsDialog(w).exec(),
    )
    w.action_open_logs = _action(
        w, translate("MainWindow", "Open the &log folder"), None, w.on_open_logs
    )
    w.action_about = _action(w, translate("MainWindow", "&About ESS Planner"), None, w.on_about)

    toolbar = QToolBar(translate("MainWindow", "Navigation"), w)
    toolbar.setObjectName("navigation")
    toolbar.setMovable(False)
    for item in (
        w.action_new,
        None,
        w.action_undo,
        w.action_redo,
        None,
        w.action_today,
        w.action_previous,
        w.action_next,
        w.action_goto,
        None,
        *w.view_actions.values(),
        None,
    ):
        if item is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(item)
    w.colour_combo = QComboBox(toolbar)
    w.colour_combo.addItem(translate("MainWindow", "Colour by objective"), "objective")
    w.colour_combo.addItem(translate("MainWindow", "Colour by network"), "platform")
    w.colour_combo.setCurrentIndex(0 if w.ws.settings.calendar_colour_by != "platform" else 1)
    w.colour_combo.currentIndexChanged.connect(
        lambda i: w.colour_actions[str(w.colour_combo.itemData(i))].trigger()
    )
    for value, action in w.colour_actions.items():
        action.triggered.connect(
            lambda _c=False, v=value: w.colour_combo.setCurrentIndex(0 if v == "objective" else 1)
        )
    toolbar.addWidget(w.colour_combo)
    w.addToolBar(toolbar)
    new_button = toolbar.widgetForAction(w.action_new)
    if isinstance(new_button, QToolButton):
        new_menu = QMenu(new_button)
        new_menu.addAction(w.action_new)
        new_menu.addAction(w.action_new_from_template)
        new_button.setMenu(new_menu)
        new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)

    menu = w.menuBar()
    w.menu_file = menu.addMenu(translate("MainWindow", "&File"))
    w.menu_file.addAction(w.action_new)
    w.menu_file.addAction(w.action_new_from_template)
    w.menu_file.addAction(w.action_load_example)
    w.menu_file.addSeparator()
    w.menu_file.addAction(w.action_quit)
    w.menu_edit = menu.addMenu(translate("MainWindow", "&Edit"))
    for item in (
        w.action_undo,
        w.action_redo,
        None,
        w.action_open,
        w.action_delete,
        w.action_later,
        w.action_earlier,
        None,
        w.action_search,
    ):
        if item is None:
            w.menu_edit.addSeparator()
        else:
            w.menu_edit.addAction(item)
    w.menu_view = menu.addMenu(translate("MainWindow", "&View"))
    for item in (
        *w.view_actions.values(),
        None,
        w.action_today,
        w.action_previous,
        w.action_next,
        w.action_goto,
        w.action_refresh,
        None,
        *w.colour_actions.values(),
        None,
        w.filters_dock.toggleViewAction(),
        w.search_dock.toggleViewAction(),
        w.action_attention,
    ):
        if item is None:
            w.menu_view.addSeparator()
        else:
            w.menu_view.addAction(item)
    w.menu_tools = menu.addMenu(translate("MainWindow", "&Tools"))
    w.menu_tools.addAction(w.action_personas)
    w.menu_tools.addAction(w.action_objectives)
    w.menu_tools.addAction(w.action_events)
    w.menu_tools.addAction(w.action_prepare_posts)
    w.menu_tools.addAction(w.action_days)
    w.menu_tools.addAction(w.action_evergreen)
    w.menu_tools.addAction(w.action_image_rights)
    w.menu_help = menu.addMenu(translate("MainWindow", "&Help"))
    w.menu_help.addAction(w.action_shortcuts)
    w.menu_help.addAction(w.action_open_logs)
    w.menu_help.addAction(w.action_about)


def keys(*sequences: str | QKeySequence.StandardKey) -> str:
    """Key names as the menus show them, in the user's language ("Ctrl+Maj+Z" in French:
    Qt's own translator names the keys)."""
    native = QKeySequence.SequenceFormat.NativeText
    return " / ".join(QKeySequence(s).toString(native) for s in sequences)


def shortcut_rows() -> list[tuple[str, str]]:
    """(keys, what they do): the calendar's and the editor's shortcuts."""
    std = QKeySequence.StandardKey
    return [
        (keys(std.New), translate("Shortcuts", "New post")),
        (keys("Ctrl+Shift+T"), translate("Shortcuts", "New post from a template")),
        (keys("Ctrl+1", "Ctrl+2", "Ctrl+3"), translate("Shortcuts", "Month, week or agenda view")),
        (keys("Ctrl+T"), translate("Shortcuts", "Today")),
        (keys("PgUp", "PgDown"), translate("Shortcuts", "Previous / next month or week")),
        (keys("Ctrl+G"), translate("Shortcuts", "Go to a date")),
        (keys("F5"), translate("Shortcuts", "Refresh: read again what other programs changed")),
        (
            translate("Shortcuts", "Arrows"),
            translate("Shortcuts", "Move between days (month) or posts (week)"),
        ),
        (keys("Alt+Up", "Alt+Down"), translate("Shortcuts", "Previous / next post of the day")),
        (keys("Return"), translate("Shortcuts", "Open the post (or write one on that day)")),
        (keys("Alt+Shift+Right", "Alt+Shift+Left"),
         translate("Shortcuts", "Move the post one day later / earlier")),
        (keys("Del"), translate("Shortcuts", "Delete the post")),
        (keys("Ctrl+Z", "Ctrl+Shift+Z"),
         translate("Shortcuts", "Undo / redo (moves, edits, deletions)")),
        (keys(std.Find), translate("Shortcuts", "Search titles and texts")),
        (keys("Ctrl+Shift+A"), translate("Shortcuts", "Needs attention")),
        (keys("Ctrl+Shift+P", "Ctrl+Shift+O"), translate("Shortcuts", "Personas / objectives")),
        (keys("Ctrl+Shift+N"), translate("Shortcuts", "Accounts")),
        (keys("Ctrl+Shift+I"), translate("Shortcuts", "Image rights: people and consents")),
        (keys("Ctrl+Shift+D", "Ctrl+Shift+C"),
         translate("Shortcuts", "Dashboard / coverage by persona and objective")),
        (keys("Ctrl+Shift+E", "Ctrl+Shift+R"),
         translate("Shortcuts", "Record an outcome / board report")),
        (keys("Ctrl+S"), translate("Shortcuts", "Editor: save")),
        (keys("Ctrl+Return"), translate("Shortcuts", "Editor: save and schedule")),
        (keys("Esc"), translate("Shortcuts", "Editor: close (asks before losing changes)")),
    ]


class ShortcutsDialog(QDialog):
    """Help › Keyboard shortcuts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QDialogButtonBox, QTableWidget, QTableWidgetItem

        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows()
        # A read-only help table of fixed text, not domain data: item widgets are fine here.
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        for row, (keys, text) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(620, 520)


class Banners(QObject):
    """The window's messages above the calendar, and the attention button of the status bar.

    Signals: ``open_recovered()`` (the user wants the drafts found after a crash).
    """

    open_recovered = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.empty = QWidget(window)
        layout = QHBoxLayout(self.empty)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            QLabel(
                self.tr(
                    "No posts yet. Load the example workspace to see how an association plans a month."
                ),
                self.empty,
            )
        )
        self.load_example_button = QPushButton(self.tr("Load the example workspace"), self.empty)
        layout.addWidget(self.load_example_button)
        layout.addStretch(1)

        # Filters that hide every post of the period: say so, and offer the way back.
        self.no_match = QWidget(window)
        self.no_match.setObjectName("noMatchBanner")
        self.no_match.setStyleSheet("#noMatchBanner { background: #e3f2fd; }")
        row = QHBoxLayout(self.no_match)
        self.no_match_label = QLabel(self.no_match)
        self.no_match_label.setWordWrap(True)
        self.clear_filters_button = QPushButton(self.tr("&Clear the filters"), self.no_match)
        row.addWidget(self.no_match_label, 1)
        row.addWidget(self.clear_filters_button)
        self.no_match.hide()

        self.recovery = QWidget(window)
        self.recovery.setObjectName("recoveryBanner")
        self.recovery.setStyleSheet("#recoveryBanner { background: #fff3cd; }")
        row = QHBoxLayout(self.recovery)
        self.recovery_label = QLabel(self.recovery)
        self.recover_button = QPushButton(self.tr("&Reopen them"), self.recovery)
        self.forget_button = QPushButton(self.tr("&Discard them"), self.recovery)
        row.addWidget(self.recovery_label, 1)
        row.addWidget(self.recover_button)
        row.addWidget(self.forget_button)
        self.recovery.hide()
        self.recover_button.clicked.connect(self._recover)
        self.forget_button.clicked.connect(self._forget)
        self._autosave_dir: Path | None = None

        self.attention_button = QToolButton(window)
        self.attention_button.setAutoRaise(True)
        self.attention_button.hide()
        window.statusBar().addPermanentWidget(self.attention_button)

    def set_attention_count(self, count: int) -> None:
        self.attention_button.setVisible(count > 0)
        self.attention_button.setText(self.tr("⚠ %n post(s) need attention", "", count))
        title = (
            self.tr("Needs attention (%1)").replace("%1", str(count))
            if count
            else self.tr("Needs attention")
        )
        self.window.attention_dock.setWindowTitle(title)

    def set_no_match(self, shown: bool, *, elsewhere: int = 0) -> None:
        """Show or hide the "no post matches the filters" banner; ``elsewhere`` counts the
        posts the search found at other dates."""
        if shown:
            text = self.tr("No post of this period matches the filters.")
            if elsewhere:
                text += " " + self.tr(
                    "The search finds %n post(s) at other dates: see Search results.", "",
                    elsewhere)
            self.no_match_label.setText(text)
        self.no_match.setVisible(shown)

    def check_recovery(self, autosave_dir: Path) -> None:
        from essplanner.ui.editor.autosave import AutosaveStore

        self._autosave_dir = autosave_dir
        count = len(AutosaveStore(autosave_dir).pending())
        if count:
            self.recovery_label.setText(
                self.tr(
                    "%n draft(s) typed before ESS Planner closed unexpectedly were kept.", "", count
                )
            )
        self.recovery.setVisible(count > 0)

    def _recover(self) -> None:
        self.recovery.hide()
        self.open_recovered.emit()

    def _forget(self) -> None:
        from essplanner.ui.editor.autosave import AutosaveStore

        if self._autosave_dir is not None:
            store = AutosaveStore(self._autosave_dir)
            for entry in store.pending():
                store.discard(entry.path)
        self.recovery.hide()
