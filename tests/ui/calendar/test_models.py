"""Every model of the calendar and editor passes Qt's model tester, and updates are targeted."""

from datetime import date, timedelta

import pytest
from pytestqt.qtbot import QtBot

from essplanner import domain
from essplanner.demo.loader import load_demo
from essplanner.services.calendar import attention_items
from essplanner.ui.calendar.attention import AttentionModel
from essplanner.ui.calendar.month_model import Role
from essplanner.ui.calendar.post_model import PostFilter, PostRole
from essplanner.ui.check_model import CheckItem, CheckListModel
from essplanner.ui.editor.media_model import MediaListModel
from essplanner.ui.editor.preview import ProblemModel
from essplanner.ui.editor.state import EditorProblem, Level, MediaDraft
from essplanner.ui.mainwindow import MainWindow
from essplanner.ui.panels.objectives import KpiTableModel, ObjectiveListModel
from essplanner.ui.panels.personas import PersonaListModel
from essplanner.workspace import Workspace

from ..conftest import paris

pytestmark = pytest.mark.gui


def test_calendar_models_pass_the_model_tester(model_check, window: MainWindow,
                                               workspace: Workspace) -> None:
    load_demo(workspace, lang="fr")
    window.on_changed(domain.Change(personas=True, objectives=True, accounts=True))
    for model in (window.post_model, window.proxy, window.month_model, window.agenda_model):
        model_check(model)
    window.set_view("agenda")
    assert window.agenda_model.rowCount() > 3
    model_check(window.agenda_model)
    window.set_view("week")
    model_check(window.proxy)


def test_models_stay_consistent_through_changes(model_check, window: MainWindow,
                                                workspace: Workspace, make_post) -> None:
    load_demo(workspace, lang="en")
    window.refresh()
    window.set_view("agenda")
    model_check(window.agenda_model)
    model_check(window.month_model)
    # the tester keeps watching while posts are added, moved, filtered, deleted
    post = make_post("new one", at=paris(2026, 11, 20, 9))
    workspace.posts.reschedule(post.id, paris(2026, 11, 21, 9))
    window.proxy.set_filter(PostFilter(text="new"))
    window.proxy.set_filter(PostFilter())
    workspace.posts.delete(post.id)
    assert window.post_model.row_of(post.id) is None


def test_editor_and_panel_models_pass_the_model_tester(model_check,
                                                       qtbot: QtBot, workspace: Workspace) -> None:
    checks = CheckListModel()
    checks.set_items([CheckItem(1, "Marie"), CheckItem(2, "Karim")])
    checks.set_checked([2])
    model_check(checks)
    media = MediaListModel()
    media.set_items([MediaDraft("/nonexistent/a.png", "a"), MediaDraft("/nonexistent/b.png")])
    model_check(media)
    media.move(0, 1)
    assert [m.path for m in media.items()] == ["/nonexistent/b.png", "/nonexistent/a.png"]
    problems = ProblemModel()
    problems.set_problems([EditorProblem(Level.WARNING, "w"), EditorProblem(Level.ERROR, "e")])
    assert [p.message for p in problems.problems()] == ["e", "w"]
    model_check(problems)
    load_demo(workspace, lang="fr")
    personas = PersonaListModel()
    personas.set_records(workspace.personas.all())
    model_check(personas)
    objectives = ObjectiveListModel()
    objectives.set_records(workspace.objectives.all())
    model_check(objectives)
    kpis = KpiTableModel()
    kpis.set_kpis(workspace.objectives.all()[0].kpis)
    model_check(kpis)
    kpis.add()
    from zoneinfo import ZoneInfo

    attention = AttentionModel(lambda: attention_items(workspace.db), ZoneInfo("Europe/Paris"))
    attention.reload()
    model_check(attention)


def test_a_change_repaints_only_the_days_it_touches(qtbot: QtBot, window: MainWindow,
                                                    workspace: Workspace, make_post) -> None:
    first = make_post("first", at=paris(2026, 11, 10, 9))
    make_post("second", at=paris(2026, 11, 12, 9))
    changed: list[date] = []
    resets: list[bool] = []
    window.month_model.dataChanged.connect(
        lambda top, bottom, roles=(): changed.extend(
            window.month_model.date_at(r, c) for r in range(top.row(), bottom.row() + 1)
            for c in range(top.column(), bottom.column() + 1)))
    window.month_model.modelReset.connect(lambda: resets.append(True))
    workspace.posts.reschedule(first.id, paris(2026, 11, 11, 9))
    assert sorted(set(changed)) == [date(2026, 11, 10), date(2026, 11, 11)]
    assert resets == []
    chips = window.month_model.index_of(date(2026, 11, 11)).data(Role.CHIPS)
    assert [c.post_id for c in chips] == [first.id]
    assert window.month_model.index_of(date(2026, 11, 10)).data(Role.CHIPS) == ()


def test_a_filter_that_changes_most_days_signals_the_grid_once(
        window: MainWindow, workspace: Workspace, make_post) -> None:
    """Where more than a week of days changes at once (a filter, a new period), the grid
    is told once, not day by day; a change of one or two days stays targeted (above)."""
    for day in range(2, 27, 2):  # 13 days with a post
        make_post(f"post {day}", at=paris(2026, 11, day, 9))
    model = window.month_model
    signals: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(lambda top, bottom, roles=(): signals.append(
        (top.row(), top.column(), bottom.row(), bottom.column())))
    window.proxy.set_filter(PostFilter(statuses=frozenset({domain.PostStatus.PUBLISHED})))
    assert signals == [(0, 0, 5, 6)]
    assert all(model.chips_on(model.date_at(r, c)) == () for r in range(6) for c in range(7))
    signals.clear()
    window.proxy.set_filter(PostFilter())
    assert signals == [(0, 0, 5, 6)]
    assert sum(len(model.chips_on(model.date_at(r, c))) for r in range(6)
               for c in range(7)) == 13


def test_the_post_model_reloads_only_the_posts_a_change_names(
        window: MainWindow, workspace: Workspace, make_post) -> None:
    a = make_post("a", at=paris(2026, 11, 10, 9))
    b = make_post("b", at=paris(2026, 11, 11, 9))
    rows_before = {window.post_model.row_of(a.id), window.post_model.row_of(b.id)}
    fetched: list[set[int]] = []
    original = window.post_model._fetcher
    window.post_model._fetcher = lambda ids: fetched.append(set(ids)) or original(ids)
    workspace.posts.update(a.id, domain.PostDraft(body="a edited"), expected_version=a.version)
    assert fetched == [{a.id}]
    assert {window.post_model.row_of(a.id), window.post_model.row_of(b.id)} == rows_before
    index = window.post_model.index(window.post_model.row_of(a.id), 0)
    assert index.data(PostRole.CHIP).text == "a edited"
    # moved out of the visible grid: the row goes away
    workspace.posts.reschedule(a.id, paris(2027, 3, 1, 9))
    assert window.post_model.row_of(a.id) is None
    window.step_month(4)
    assert window.post_model.row_of(a.id) is not None
    assert window.month_model.index_of(date(2027, 3, 1)).data(Role.CHIPS)[0].post_id == a.id
    assert window.month_model.month == date(2027, 3, 1)
    assert window.post_model.range[0] is not None
    assert window.post_model.range[1] - window.post_model.range[0] >= timedelta(days=41)


def test_the_post_model_keeps_time_order_by_moving_rows(window: MainWindow,
                                                        workspace: Workspace,
                                                        make_post) -> None:
    a = make_post("a", at=paris(2026, 11, 10, 9))
    b = make_post("b", at=paris(2026, 11, 11, 9))
    c = make_post("c", at=paris(2026, 11, 12, 9))
    model = window.post_model

    def order() -> list[int]:
        return [model.chip(r).post_id for r in range(model.rowCount())]

    assert order() == [a.id, b.id, c.id]
    moves: list[tuple[int, int]] = []
    model.rowsMoved.connect(lambda _p, start, _end, _dp, row: moves.append((start, row)))
    workspace.posts.reschedule(a.id, paris(2026, 11, 11, 12))
    assert order() == [b.id, a.id, c.id]
    assert moves == [(0, 2)]  # Qt counts the destination before the move
    workspace.posts.reschedule(c.id, paris(2026, 11, 1, 8))
    assert order() == [c.id, b.id, a.id]
    # the filtered, visible order follows
    assert [ch.post_id for ch in window.proxy.chips()] == [c.id, b.id, a.id]
