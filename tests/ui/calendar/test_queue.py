"""The queue dock (drag to reorder, one undoable step) and the week view's empty slots."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from essplanner.domain import PostDraft
from essplanner.services.slots import parse_slots
from essplanner.ui.calendar.week_view import GUTTER_W
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace

from ..conftest import paris

pytestmark = pytest.mark.gui

# the test clock says Friday 27 November 2026, 10:00 in Paris


def _queued(ws: Workspace, account_id: int, *bodies: str) -> list[int]:
    return [ws.slots.enqueue(ws.posts.create(PostDraft(body=b, account_ids=(account_id,))).id).id
            for b in bodies]


def test_dragging_a_queued_post_swaps_the_slots_in_one_undoable_step(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, model_check) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    workspace.slots.set_slots(account.id, parse_slots("mon 09:00, tue 09:00"))
    first, second, third = _queued(workspace, account.id, "un", "deux", "trois")
    times = [workspace.posts.get(i).scheduled_at for i in (first, second, third)]
    assert times == [paris(2026, 11, 30, 9), paris(2026, 12, 1, 9), paris(2026, 12, 7, 9)]

    window.queue_dock.show()
    panel = window.queue_panel
    model_check(panel.model)
    assert panel.model.post_ids() == [first, second, third]
    assert "deux" in panel.model.index(1, 0).data()
    # what QListView asks of the model when the last row is dropped on top
    assert not panel.model.moveRow(QModelIndex(), 2, QModelIndex(), 0)
    assert [workspace.posts.get(i).scheduled_at for i in (third, first, second)] == times
    assert panel.model.post_ids() == [third, first, second]
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText() == "Reorder the queue"

    window.undo_stack.undo()
    assert [workspace.posts.get(i).scheduled_at for i in (first, second, third)] == times
    assert panel.model.post_ids() == [first, second, third]
    window.undo_stack.redo()
    assert panel.model.post_ids() == [third, first, second]


def test_the_week_view_draws_each_empty_slot_of_the_accounts_shown(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    facebook = workspace.accounts.add(platform="dryrun", name="Facebook")
    mastodon = workspace.accounts.add(platform="dryrun", name="Mastodon")
    workspace.slots.set_slots(facebook.id, parse_slots("mon 09:00, wed 18:30"))
    workspace.slots.set_slots(mastodon.id, parse_slots("wed 18:30"))
    window.set_view("week", date(2026, 11, 30))
    view = window.week_view

    def drawn() -> list[tuple[str, datetime]]:
        return sorted((item.account_name, item.local) for _rect, item in
                      view.free_slot_rects())

    assert drawn() == [("Facebook", datetime(2026, 11, 30, 9, 0)),
                       ("Facebook", datetime(2026, 12, 2, 18, 30)),
                       ("Mastodon", datetime(2026, 12, 2, 18, 30))]
    rects = {(item.account_name, item.local): rect for rect, item in view.free_slot_rects()}
    monday = rects[("Facebook", datetime(2026, 11, 30, 9, 0))]
    assert monday.top() == view.point_of(date(2026, 11, 30),
                                         datetime(2026, 11, 30, 9, 0).time()).y() \
        + view.verticalOffset() - 2
    assert GUTTER_W <= monday.left() < GUTTER_W + view.viewport().width() / 7
    # two accounts' slots at one time sit side by side, never on top of each other
    wednesday = [rects[(name, datetime(2026, 12, 2, 18, 30))]
                 for name in ("Facebook", "Mastodon")]
    assert not wednesday[0].intersects(wednesday[1])

    # a queued post fills Monday's slot: it is no longer drawn empty
    _queued(workspace, facebook.id, "astuce du lundi")
    assert ("Facebook", datetime(2026, 11, 30, 9, 0)) not in drawn()

    # filtering on one account hides the other's slots
    window.filters.accounts.set_checked({mastodon.id})
    assert window.proxy.post_filter.account_ids == {mastodon.id}
    assert drawn() == [("Mastodon", datetime(2026, 12, 2, 18, 30))]
