"""Daily use of the calendar (issue 18): search that finds, readable week and month chips,
a context menu, changes made elsewhere shown at once, the window remembered."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QFont, QFontMetrics, QHelpEvent, QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from essplanner.domain import DeliveryState, EditorialState
from essplanner.services.calendar import CalendarEntry, TargetBadge
from essplanner.ui.bridge import Bridge
from essplanner.ui.calendar.chip_painter import chip_mark
from essplanner.ui.calendar.month_model import Role
from essplanner.ui.calendar.post_model import Chip, PostRole
from essplanner.ui.calendar.week_view import MIN_LANE_W, place_day
from essplanner.ui.labels import fmt_time
from essplanner.ui.mainwindow import WATCH_MS, MainWindow
from essplanner.workspace import Workspace

from ..conftest import paris

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[3]


def _shown(window: MainWindow) -> set[str]:
    return {c.title for r in range(6) for col in range(7)
            for c in window.month_model.index(r, col).data(Role.CHIPS)}


def _search(window: MainWindow, text: str) -> None:
    window.filters.search.setText(text)
    window.filters._debounce.stop()
    window.filters._changed()


# ---- item 3: search


def test_benevoles_finds_benevoles_in_another_month_and_jumps_to_it(
        window: MainWindow, make_post) -> None:
    far = make_post("Rejoignez l'équipe", title="Appel aux Bénévoles",
                    at=paris(2027, 3, 12, 9))
    make_post("Merci", title="Collecte", at=paris(2026, 11, 28, 9))
    window.after_first_paint()
    window.show_date(date(2026, 12, 3))

    _search(window, "benevoles")

    panel = window.search_panel
    assert window.search_dock.isVisible()
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 1).data() == "Appel aux Bénévoles"
    assert "12" in panel.model.index(0, 0).data()
    # nothing matches in December: the view says so and offers to clear the filters
    assert window.banners.no_match.isVisible()
    assert "1" in window.banners.no_match_label.text()

    panel.open_row(0)
    assert window.month_model.month == date(2027, 3, 1)
    assert window.month_view.current_post_id == far.id
    assert window.month_view.current_date() == date(2027, 3, 12)
    assert not window.banners.no_match.isVisible()


def test_search_result_jumps_within_the_week_view(window: MainWindow, make_post) -> None:
    far = make_post("x", title="Fête des bénévoles", at=paris(2027, 2, 3, 15))
    window.after_first_paint()
    window.set_view("week", date(2026, 11, 27))
    _search(window, "FETE")
    window.search_panel.open_row(0)
    assert window.week_view.week_start == date(2027, 2, 1)
    assert window.week_view.currentIndex().data().endswith("Fête des bénévoles")
    assert window.current_post_id() == far.id


def test_an_empty_filter_result_says_so_and_clears(window: MainWindow, make_post,
                                                   qtbot: QtBot) -> None:
    make_post("Merci", title="Collecte", at=paris(2026, 11, 28, 9))
    window.after_first_paint()
    assert not window.banners.no_match.isVisible()
    _search(window, "introuvable")
    assert _shown(window) == set()
    assert window.banners.no_match.isVisible()
    assert window.banners.clear_filters_button.isVisible()
    assert "No post of this period matches the filters." in \
        window.banners.no_match_label.text()
    assert window.search_panel.summary.text().startswith("No post contains")

    qtbot.mouseClick(window.banners.clear_filters_button, Qt.MouseButton.LeftButton)
    assert window.filters.search.text() == ""
    assert _shown(window) == {"Collecte"}
    assert not window.banners.no_match.isVisible()
    assert not window.search_dock.isVisible()


# ---- item 4: a readable calendar


def test_place_day_groups_columns_and_never_overlaps() -> None:
    # three overlapping, then one alone later
    assert place_day([0, 10, 20, 200], 30, 5) == [(0, 0, 3), (10, 1, 3), (20, 2, 3),
                                                   (200, 0, 1)]
    # a column frees: reused, and the group keeps its width
    assert place_day([0, 10, 35], 30, 5) == [(0, 0, 2), (10, 1, 2), (35, 0, 2)]
    # more than fit side by side: under the column that frees first
    assert place_day([0, 5, 10], 30, 2) == [(0, 0, 2), (5, 1, 2), (30, 0, 2)]


def test_five_posts_within_half_an_hour_do_not_overlap_in_the_week(
        window: MainWindow, make_post) -> None:
    ids = [make_post(f"texte {m}", title=f"Post de {m}", at=paris(2026, 11, 25, 10, m)).id
           for m in (0, 5, 10, 20, 30)]
    window.set_view("week", date(2026, 11, 25))
    view = window.week_view
    rows = {window.proxy.index(r, 0).data(PostRole.POST_ID): r
            for r in range(window.proxy.rowCount())}
    rects = [view._rects[rows[i]] for i in ids]
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.intersects(b), (a, b)
    # wide enough to read each post's time: no sliver, no time printed over another
    small = QFont(view.font())
    small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
    small.setBold(True)
    time_width = QFontMetrics(small).horizontalAdvance(fmt_time(time(10, 30)))
    assert all(r.width() >= min(MIN_LANE_W - 2, view._column_width() - 6) for r in rects)
    assert all(r.width() >= time_width + 10 for r in rects)
    # all in Wednesday's column
    left = 56 + 2 * view._column_width()
    assert all(left <= r.left() and r.right() <= left + view._column_width() for r in rects)


def _chip(*states: DeliveryState) -> Chip:
    entry = CalendarEntry(
        post_id=1, version=1, title="t", text="", link_url="", scheduled_at=None,
        editorial_state=EditorialState.APPROVED,
        targets=tuple(TargetBadge(target_id=i, account_id=i, account_name="a",
                                  platform="bluesky", state=s) for i, s in enumerate(states)))
    return Chip(entry=entry, local_start=None)


def test_status_marks_differ_by_shape_not_only_by_colour() -> None:
    shapes = [chip_mark(_chip(*states))[0] for states in (
        (), (DeliveryState.SCHEDULED,), (DeliveryState.PUBLISHED,), (DeliveryState.FAILED,),
        (DeliveryState.CANCELLED,))]
    assert len(set(shapes)) == 5, shapes
    assert chip_mark(_chip(DeliveryState.UNCONFIRMED))[0] == "question"
    assert chip_mark(_chip(DeliveryState.PUBLISHED))[0] == "check"


def test_a_post_waiting_for_a_person_has_the_waits_shape_in_amber() -> None:
    from dataclasses import replace

    from essplanner.domain import Holdup
    from essplanner.ui.style import HOLDUP_COLOUR

    def waiting(holdup: Holdup) -> Chip:
        chip = _chip(DeliveryState.SCHEDULED)
        badge = replace(chip.entry.targets[0], holdup=holdup)
        return Chip(entry=replace(chip.entry, targets=(badge,)), local_start=None)

    marks = {h: chip_mark(waiting(h)) for h in (Holdup.RECONNECT, Holdup.DISABLED,
                                                 Holdup.RETRYING)}
    assert {shape for shape, _colour in marks.values()} == {"cycle", "pause", "dots"}
    assert {colour.name() for _shape, colour in marks.values()} == {HOLDUP_COLOUR.name()}
    assert chip_mark(_chip(DeliveryState.SCHEDULED))[0] == "clock"


def test_month_chips_show_two_lines_of_title(window: MainWindow, make_post) -> None:
    post = make_post("x", title="Atelier réparation de vélos au local de l'association",
                     at=paris(2026, 11, 26, 10))
    rect = window.month_view.chip_rect(post.id)
    assert rect is not None
    line = QFontMetrics(window.month_view.delegate.small_font(window.month_view.font())).height()
    assert rect.height() >= 2 * line
    window.month_view.grab()  # paints without error


def test_chips_carry_rich_tooltips_in_every_view(window: MainWindow, make_post,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QToolTip

    shown: list[str] = []
    # the offscreen platform cannot raise a tooltip window: record what would show
    monkeypatch.setattr(QToolTip, "showText",
                        staticmethod(lambda _pos, text, *_a: shown.append(text)))
    post = make_post("Le texte entier", title="Collecte", at=paris(2026, 11, 26, 10))
    rect = window.month_view.chip_rect(post.id)
    assert rect is not None
    chip = window.month_view.chip_at(rect.center())
    assert chip is not None and "<b>Collecte</b>" in chip.tooltip()
    event = QHelpEvent(
        QEvent.Type.ToolTip, rect.center(), window.month_view.viewport().mapToGlobal(
            rect.center()))
    assert window.month_view.viewportEvent(event)
    assert shown == [chip.tooltip()]
    for kind in ("week", "agenda"):
        window.set_view(kind, date(2026, 11, 26))
        view = window.view_widget(kind)
        model = view.model()
        tips = [model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole)
                for r in range(model.rowCount())]
        if kind == "agenda":
            day = model.index(0, 0)
            tips = [model.index(r, 0, day).data(Qt.ItemDataRole.ToolTipRole)
                    for r in range(model.rowCount(day))]
        assert any(t and "<b>Collecte</b>" in t for t in tips), kind


def test_context_menu_on_chips_with_hooks(window: MainWindow, make_post) -> None:
    post = make_post("x", title="Collecte", at=paris(2026, 11, 26, 10))
    added: list[int] = []
    window.post_menu_hooks.append(lambda menu, post_id: (
        added.append(post_id), menu.addAction("Open on the network")))
    menu = window.post_menu(post.id)
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Edit…", "Move to…", "Delete", "Open on the network"]
    assert added == [post.id]

    requested: list[tuple[int, QPoint]] = []
    # the window shows the menu (modal: not here); the view only asks for it
    window.month_view.context_menu_requested.disconnect(window.show_post_menu)
    window.month_view.context_menu_requested.connect(
        lambda pid, pos: requested.append((pid, pos)))
    rect = window.month_view.chip_rect(post.id)
    assert rect is not None
    QApplication.sendEvent(window.month_view.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, rect.center(),
        window.month_view.viewport().mapToGlobal(rect.center())))
    assert [pid for pid, _pos in requested] == [post.id]

    window.set_view("week", date(2026, 11, 26))
    week = window.week_view
    week_hits: list[int] = []
    week.context_menu_requested.disconnect(window.show_post_menu)
    week.context_menu_requested.connect(lambda pid, _pos: week_hits.append(pid))
    center = week.visualRect(week.model().index(0, 0)).center()
    QApplication.sendEvent(week.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, center, week.viewport().mapToGlobal(center)))
    assert week_hits == [post.id]


def test_delete_from_the_context_menu(window: MainWindow, workspace: Workspace,
                                      make_post) -> None:
    post = make_post("x", title="Collecte", at=paris(2026, 11, 26, 10))
    window.after_first_paint()
    menu = window.post_menu(post.id)
    next(a for a in menu.actions() if a.text().replace("&", "") == "Delete").trigger()
    assert _shown(window) == set()
    window.undo_stack.undo()
    assert _shown(window) == {"Collecte"}


def test_window_size_position_and_view_are_remembered(qtbot: QtBot,
                                                      workspace: Workspace) -> None:
    first = MainWindow(workspace, Bridge())
    qtbot.addWidget(first)
    first.resize(700, 520)  # within the offscreen screen (800×600)
    first.show()
    first.set_view("week")
    size = (first.width(), first.height())
    assert size != (1280, 820)  # not the default size
    first.close()

    second = MainWindow(workspace, Bridge())
    qtbot.addWidget(second)
    assert second.view_kind == "week"
    assert second.view_actions["week"].isChecked()
    assert second.height() == size[1] and second.width() < 1280  # not the default
    second.close()


# ---- item 5: changes made elsewhere


def test_a_change_by_another_process_reaches_the_open_month_view(
        window: MainWindow, workspace: Workspace) -> None:
    # The window asks the read model every second (well within the 2 s promised)...
    assert window._watch_timer.isActive() and window._watch_timer.interval() == WATCH_MS
    assert WATCH_MS <= 1000
    assert not window.poll_changes()
    # ...so a post added by the command line, in another process,
    subprocess.run(
        [sys.executable, "-m", "essplanner", "--data-dir", str(workspace.paths.data_dir),
         "post", "add", "--title", "Depuis la ligne de commande", "--text", "Bonjour",
         "--at", "2026-11-26T10:00:00+01:00"],
        check=True, cwd=ROOT, capture_output=True, timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(
            [*os.environ.get("PYTHONPATH", "").split(os.pathsep), str(ROOT)])})
    # is in the month view at the next tick.
    assert window.poll_changes()
    assert "Depuis la ligne de commande" in _shown(window)
    assert not window.poll_changes()


def test_view_refresh_f5_rereads_what_others_wrote(window: MainWindow, workspace: Workspace,
                                                   qtbot: QtBot) -> None:
    assert window.action_refresh.shortcut() == QKeySequence("F5")
    assert window.action_refresh in window.menu_view.actions()
    window._watch_timer.stop()
    import sqlite3

    from essplanner import domain

    workspace.posts.create(domain.PostDraft(title="Ailleurs", body="b"),
                           scheduled_at=paris(2026, 11, 20, 9))
    other = sqlite3.connect(str(workspace.paths.database_file))
    other.execute("UPDATE post SET title = 'Renommé ailleurs'")
    other.commit()
    other.close()
    window.action_refresh.trigger()
    assert "Renommé ailleurs" in _shown(window)


def test_on_a_low_window_the_filters_scroll_rather_than_squeeze_their_lists(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    """At 1280×600 every list of the filter panel still shows three whole rows (all of a
    shorter one): the panel scrolls instead of cutting each list to a row and a half."""
    from PySide6.QtWidgets import QScrollArea

    from essplanner.demo.loader import load_demo
    from essplanner.domain import Change

    load_demo(workspace, lang="fr")
    window.on_changed(Change(personas=True, objectives=True, accounts=True))
    window.resize(1280, 600)
    panel = window.filters
    for _ in range(5):
        QApplication.processEvents()
    checked = 0
    for view in panel.lists.values():
        rows = min(view.model().rowCount(), 3)
        if rows:
            assert view.viewport().height() >= rows * view.sizeHintForRow(0), \
                view.accessibleName()
            checked += 1
    assert checked == 5
    scroll = panel.findChild(QScrollArea)
    assert scroll is not None and scroll.verticalScrollBar().maximum() > 0
