"""Nothing stuck in silence: a target that will not go out without a person has its own
chip mark and tooltip, and a row in needs attention with the one action that unblocks it."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from essplanner import models
from essplanner.domain import DeliveryState, Holdup, PostStatus
from essplanner.ui.accounts.dialog import AccountsDialog
from essplanner.ui.mainwindow import MainWindow
from essplanner.ui.menu_actions import install_accounts
from essplanner.workspace import Workspace

from ..conftest import paris

pytestmark = pytest.mark.gui


def test_a_target_waiting_for_reconnection_is_in_needs_attention_with_reconnect(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, make_post,
        monkeypatch: pytest.MonkeyPatch) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Asso Mastodon",
                                     settings={"mimic": "mastodon"})
    post = make_post("Assemblée générale", title="AG", at=paris(2026, 11, 28, 9),
                     schedule=True, accounts=(account.id,))
    workspace.accounts.update(account.id, needs_reconnect=True,
                              reconnect_reason="Token has expired")
    window.refresh()

    chip = window.month_model.chips_on(date(2026, 11, 28))[0]
    assert chip.status is PostStatus.ATTENTION  # not a blue "scheduled" chip
    assert chip.targets[0].holdup is Holdup.RECONNECT
    assert "must be reconnected" in chip.tooltip()
    assert "scheduled" not in chip.tooltip()

    model = window.attention_model
    assert model.rowCount() == 1
    item = model.item(0)
    assert (item.post_id, item.holdup) == (post.id, Holdup.RECONNECT)
    assert "must be reconnected" in model.index(0, 2).data()
    panel = window.attention
    panel.table.selectRow(0)
    assert panel.action_button.isVisibleTo(panel)
    assert panel.action_button.text().startswith("Reconnect")

    install_accounts(window, workspace, window.bridge)
    asked: list[int] = []
    monkeypatch.setattr(AccountsDialog, "on_reconnect",
                        lambda self: asked.append(self.selected().id))
    panel.action_button.click()
    assert asked == [account.id]  # the account's reconnection opened
    window._accounts_dialog.close()

    workspace.accounts.update(account.id, needs_reconnect=False, reconnect_reason="")
    window.refresh()
    assert model.rowCount() == 0


@pytest.mark.parametrize(("setup", "holdup", "action"), [
    ("disabled", Holdup.DISABLED, "Enable the account"),
    ("retrying", Holdup.RETRYING, "Retry now"),
    ("missed", Holdup.MISSED, "Publish now"),
    ("failed", Holdup.FAILED, "Retry"),
    ("unconfirmed", Holdup.UNCONFIRMED, "Mark as published…"),
])
def test_each_stuck_target_has_its_action(qtbot: QtBot, window: MainWindow,
                                          workspace: Workspace, make_post, setup: str,
                                          holdup: Holdup, action: str) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    post = make_post("Texte", title="P", at=paris(2026, 11, 28, 9), schedule=True,
                     accounts=(account.id,))
    target_id = post.targets[0].id
    values: dict[str, object] = {
        "disabled": {}, "retrying": {"attempt_count": 1, "last_error": "429 Too Many"},
        "missed": {"state": "missed"}, "failed": {"state": "failed", "last_error": "refusé"},
        "unconfirmed": {"state": "unconfirmed"}}[setup]  # type: ignore[assignment]
    if setup == "disabled":
        workspace.accounts.update(account.id, enabled=False)
    else:
        with workspace.db.write() as s:
            s.execute(update(models.Target).where(models.Target.id == target_id)
                      .values(**values))  # type: ignore[arg-type]
    window.refresh()
    model = window.attention_model
    assert [model.item(r).holdup for r in range(model.rowCount())] == [holdup]
    panel = window.attention
    panel.table.selectRow(0)
    assert panel.action_button.text() == action
    panel.action_button.click()
    state = workspace.posts.get(post.id).targets[0].state
    if setup == "unconfirmed":
        assert state is DeliveryState.PUBLISHED
    else:
        assert state is DeliveryState.SCHEDULED
        if setup == "disabled":
            assert workspace.accounts.get(account.id).enabled
    qtbot.waitUntil(lambda: model.rowCount() == 0)
