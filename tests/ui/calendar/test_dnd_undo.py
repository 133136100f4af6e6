"""Drag and drop reschedules through the services, keeps the local time, and undoes."""

from datetime import UTC, date, datetime, time

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from essplanner.domain import DeliveryState, PostDraft
from essplanner.ui.calendar.month_model import Role
from essplanner.ui.calendar.post_model import POST_MIME, Chip, decode_posts, encode_posts
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace

from ..conftest import paris

pytestmark = pytest.mark.gui


def _drop(widget, pos: QPoint, data: QMimeData) -> None:
    """What Qt delivers when a drag enters the view, moves to ``pos`` and is released."""
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, Qt.DropAction.MoveAction, data, buttons, mods)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted(), "the view refused the drag"
    move = QDragMoveEvent(pos, Qt.DropAction.MoveAction, data, buttons, mods)
    QApplication.sendEvent(widget, move)
    assert move.isAccepted(), "the view refused the drop position"
    drop = QDropEvent(QPointF(pos), Qt.DropAction.MoveAction, data, buttons, mods)
    QApplication.sendEvent(widget, drop)
    assert drop.isAccepted()


def _chip(window: MainWindow, day: date) -> Chip:
    return window.month_model.index_of(day).data(Role.CHIPS)[0]


def _cell_centre(window: MainWindow, day: date) -> QPoint:
    view = window.month_view
    rect = view.visualRect(window.month_model.index_of(day))
    return QPoint(rect.center().x(), rect.bottom() - 6)


def test_dropping_a_post_on_another_day_keeps_its_local_time_across_dst(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, make_post) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    # 10:30 in Paris on Friday 2 April 2027 is 08:30 UTC (summer time, UTC+2)
    post = make_post("Atelier", at=paris(2027, 4, 2, 10, 30), schedule=True,
                     accounts=(account.id,))
    assert post.scheduled_at == datetime(2027, 4, 2, 8, 30, tzinfo=UTC)
    window.show_date(date(2027, 4, 2))
    chip = _chip(window, date(2027, 4, 2))
    data = encode_posts([chip])
    assert decode_posts(data) == [(post.id, post.version)]
    # dropped on Friday 26 March, before the clocks go forward: still 10:30 on the wall
    # clock, which is 09:30 UTC there (UTC+1)
    window.step_month(-1)
    _drop(window.month_view.viewport(), _cell_centre(window, date(2027, 3, 26)), data)
    moved = workspace.posts.get(post.id)
    assert moved.scheduled_at == datetime(2027, 3, 26, 9, 30, tzinfo=UTC)
    assert moved.targets[0].state is DeliveryState.SCHEDULED
    assert moved.targets[0].next_attempt_at == moved.scheduled_at
    assert [c.post_id for c in window.month_model.chips_on(date(2027, 3, 26))] == [post.id]
    assert window.undo_stack.count() == 1

    window.action_undo.trigger()
    assert workspace.posts.get(post.id).scheduled_at == datetime(2027, 4, 2, 8, 30, tzinfo=UTC)
    assert window.month_model.chips_on(date(2027, 3, 26)) == ()
    window.action_redo.trigger()
    again = workspace.posts.get(post.id)
    assert again.scheduled_at == datetime(2027, 3, 26, 9, 30, tzinfo=UTC)
    assert again.targets[0].next_attempt_at == again.scheduled_at


def test_the_undo_shortcuts_are_ctrl_z_and_ctrl_shift_z(window: MainWindow) -> None:
    from PySide6.QtGui import QKeySequence

    assert window.action_undo.shortcut() == QKeySequence("Ctrl+Z")
    assert QKeySequence("Ctrl+Shift+Z") in window.action_redo.shortcuts()


def test_a_drop_onto_the_spring_forward_gap_moves_to_the_hour_after(
        window: MainWindow, workspace: Workspace, make_post) -> None:
    post = make_post("nuit", at=paris(2027, 3, 20, 2, 30))
    window.show_date(date(2027, 3, 20))
    _drop(window.month_view.viewport(), _cell_centre(window, date(2027, 3, 28)),
          encode_posts([_chip(window, date(2027, 3, 20))]))
    # 02:30 does not exist in Paris on 28 March 2027: 03:30 is used, and the user is told
    assert workspace.posts.get(post.id).scheduled_at == paris(2027, 3, 28, 3, 30)
    assert "does not exist" in window.statusBar().currentMessage()


def test_week_view_drop_moves_to_another_day_and_time(qtbot: QtBot, window: MainWindow,
                                                      workspace: Workspace, make_post) -> None:
    post = make_post("Réunion", at=paris(2026, 11, 24, 9, 0))
    window.set_view("week", date(2026, 11, 24))
    view = window.week_view
    assert view.week_start == date(2026, 11, 23)
    index = window.proxy.index(0, 0)
    assert view.visualRect(index).isValid()
    data = window.proxy.mimeData([index])
    target = view.point_of(date(2026, 11, 26), time(14, 15))
    assert view.slot_at(target) == (date(2026, 11, 26), time(14, 15))
    _drop(view.viewport(), target, data)
    assert workspace.posts.get(post.id).scheduled_at == paris(2026, 11, 26, 14, 15)
    window.undo_stack.undo()
    assert workspace.posts.get(post.id).scheduled_at == paris(2026, 11, 24, 9, 0)


def test_agenda_drop_on_a_day_heading(window: MainWindow, workspace: Workspace,
                                      make_post) -> None:
    first = make_post("a", at=paris(2026, 11, 10, 18, 0))
    make_post("b", at=paris(2026, 11, 14, 9, 0))
    window.set_view("agenda", date(2026, 11, 1))
    model = window.agenda_model
    day_index = model.index_of_day(date(2026, 11, 14))
    assert model.canDropMimeData(encode_posts([_only(window, first.id)]),
                                 Qt.DropAction.MoveAction, -1, -1, day_index)
    model.dropMimeData(encode_posts([_only(window, first.id)]), Qt.DropAction.MoveAction, -1,
                       -1, day_index)
    assert workspace.posts.get(first.id).scheduled_at == paris(2026, 11, 14, 18, 0)


def _only(window: MainWindow, post_id: int) -> Chip:
    return next(c for c in window.proxy.chips() if c.post_id == post_id)


def test_published_posts_cannot_be_dragged(window: MainWindow, workspace: Workspace,
                                           make_post, monkeypatch) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    post = make_post("parti", at=paris(2026, 11, 28, 9), schedule=True, accounts=(account.id,))
    workspace.posts.mark_published(post.targets[0].id)
    chip = _only(window, post.id)
    assert not chip.movable
    row = window.post_model.row_of(post.id)
    assert not window.post_model.flags(window.post_model.index(row, 0)) & \
        Qt.ItemFlag.ItemIsDragEnabled
    reports: list[str] = []
    monkeypatch.setattr(window.actions_, "report", reports.append)
    asked: list[int] = []
    rule = workspace.posts.check_move
    monkeypatch.setattr(workspace.posts, "check_move",
                        lambda p, when: (asked.append(p.id), rule(p, when)))
    window.actions_.move([(post.id, workspace.posts.get(post.id).version)], date(2026, 11, 29))
    assert workspace.posts.get(post.id).scheduled_at == paris(2026, 11, 28, 9)
    assert asked == [post.id]  # the service's rule, the only one
    assert reports == ["“parti” has already gone out on some accounts; it stays where it is."]
    assert not window.undo_stack.count()


def test_a_stale_drag_is_refused_as_a_conflict(window: MainWindow, workspace: Workspace,
                                               make_post, monkeypatch) -> None:
    reports: list[str] = []
    monkeypatch.setattr(window.actions_, "report", reports.append)
    post = make_post("x", at=paris(2026, 11, 12, 9))
    data = encode_posts([_only(window, post.id)])
    workspace.posts.update(post.id, PostDraft(body="changed elsewhere"),
                           expected_version=post.version)
    _drop(window.month_view.viewport(), _cell_centre(window, date(2026, 11, 13)), data)
    assert workspace.posts.get(post.id).scheduled_at == paris(2026, 11, 12, 9)
    assert reports and "changed elsewhere" in reports[0]


def test_keyboard_move_delete_and_their_undo(qtbot: QtBot, window: MainWindow,
                                             workspace: Workspace, make_post) -> None:
    post = make_post("clavier", at=paris(2026, 11, 12, 9))
    window.month_view.setFocus()
    window.month_view.select_date(date(2026, 11, 12))
    assert window.current_post_id() == post.id
    qtbot.keyClick(window.month_view, Qt.Key.Key_Right,
                   Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert workspace.posts.get(post.id).scheduled_at == paris(2026, 11, 13, 9)
    window.month_view.select_date(date(2026, 11, 13))
    window.action_delete.trigger()
    assert window.post_model.row_of(post.id) is None
    window.action_undo.trigger()  # the deletion
    restored = workspace.posts.get(post.id)
    assert restored.body == "clavier" and restored.scheduled_at == paris(2026, 11, 13, 9)
    window.action_undo.trigger()  # the move
    assert workspace.posts.get(post.id).scheduled_at == paris(2026, 11, 12, 9)
    assert POST_MIME in window.post_model.mimeTypes()
