"""The editor's "Add to the queue": saved, then scheduled at the next free posting slot."""

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from essplanner.domain import DeliveryState, EditorialState
from essplanner.services.slots import parse_slots
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace

from ..conftest import paris

pytestmark = pytest.mark.gui


def test_add_to_the_queue_saves_and_takes_the_next_free_slot_and_undoes(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    workspace.slots.set_slots(account.id, parse_slots("mon 09:00"))
    window.new_post(day=date(2026, 12, 3))
    editor = window.editors[-1]
    qtbot.waitExposed(editor)
    editor.form.body_edit.setPlainText("L'astuce du lundi")
    editor.form.state_combo.setCurrentIndex(
        editor.form.state_combo.findData(EditorialState.APPROVED.value))
    editor.form.accounts.set_checked([account.id])
    assert editor.add_to_queue(), editor.form.message.text()
    [post] = workspace.slots.queue(account.id)
    # the test clock says Friday 27 November 2026: the next Monday 09:00 in Paris
    assert post.scheduled_at == paris(2026, 11, 30, 9)
    assert {t.state for t in post.targets} == {DeliveryState.SCHEDULED}
    window.undo_stack.undo()
    assert workspace.posts.get(post.id).scheduled_at != post.scheduled_at


def test_add_to_the_queue_without_slots_says_what_to_do(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    window.new_post(day=date(2026, 12, 3))
    editor = window.editors[-1]
    editor.form.body_edit.setPlainText("Bonjour")
    editor.form.accounts.set_checked([account.id])
    assert not editor.add_to_queue()
    assert "No free posting slot for Essai" in editor.form.message.text()
    assert workspace.slots.queue() == []
