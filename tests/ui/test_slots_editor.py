"""Posting slots in the accounts dialog: saved as typed, mistakes named, no post moved
without asking."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from essplanner.domain import PostDraft
from essplanner.services.slots import Slot, parse_slots
from essplanner.timeutil import FakeClock
from essplanner.ui.accounts.dialog import AccountsDialog
from essplanner.ui.bridge import Bridge
from essplanner.workspace import Workspace

from .conftest import Dialogs, paris

pytestmark = pytest.mark.gui


def _dialog(qtbot: QtBot, workspace: Workspace) -> AccountsDialog:
    bridge = Bridge()
    workspace.subscribe(bridge.emit_change)
    dialog = AccountsDialog(workspace, bridge)
    qtbot.addWidget(dialog)
    return dialog


def test_slots_typed_in_the_dialog_are_stored_and_a_mistake_is_named(
        qtbot: QtBot, workspace: Workspace, dialogs: Dialogs) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    dialog = _dialog(qtbot, workspace)
    dialog.select(account.id)
    assert dialog.slots.account == account and dialog.slots.edit.text() == ""
    dialog.slots.edit.setText("lundi 9h, wed 18:30")
    assert dialog.slots.save()
    assert workspace.slots.slots(account.id) == (Slot(0, 540), Slot(2, 1110))
    assert dialog.slots.edit.text() == "Mon 09:00, Wed 18:30"
    dialog.slots.edit.setText("mon 9:00, plus tard")
    assert not dialog.slots.save()
    assert "'plus tard' is not a posting slot" in dialogs.texts()[-1]
    assert workspace.slots.slots(account.id) == (Slot(0, 540), Slot(2, 1110))


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No,
                                    QMessageBox.StandardButton.Yes])
def test_changing_slots_asks_before_moving_queued_posts(
        qtbot: QtBot, workspace: Workspace, dialogs: Dialogs, clock: FakeClock,
        answer: QMessageBox.StandardButton) -> None:
    clock.set(datetime(2026, 11, 27, 9, 0, tzinfo=UTC))  # Friday, 10:00 in Paris
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    workspace.slots.set_slots(account.id, parse_slots("mon 09:00, wed 09:00"))
    ids = [workspace.slots.enqueue(workspace.posts.create(
        PostDraft(body=body, account_ids=(account.id,))).id).id for body in ("a", "b")]
    dialog = _dialog(qtbot, workspace)
    dialog.select(account.id)
    dialogs.answer = answer
    dialog.slots.edit.setText("fri 17:00")
    assert dialog.slots.save()
    assert "2 queued post(s) no longer sit on a slot" in dialogs.texts()[-1]
    moved = [workspace.posts.get(i).scheduled_at for i in ids]
    if answer == QMessageBox.StandardButton.No:
        assert moved == [paris(2026, 11, 30, 9), paris(2026, 12, 2, 9)]
    else:
        assert moved == [paris(2026, 11, 27, 17), paris(2026, 12, 4, 17)]
