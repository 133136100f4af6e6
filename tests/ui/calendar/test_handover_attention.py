"""Issue 16 item 6 in needs-attention: an account in a person's private login is a risk,
shown with its one action (open the account's handover)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from essplanner.domain import AccountHandover, Holdup, LoginKind
from essplanner.ui.accounts.dialog import AccountsDialog
from essplanner.ui.mainwindow import MainWindow
from essplanner.ui.menu_actions import install_accounts as install
from essplanner.workspace import Workspace

pytestmark = pytest.mark.gui


def test_a_private_login_is_a_risk_in_needs_attention_and_opens_its_handover(
        qtbot: QtBot, window: MainWindow, workspace: Workspace,
        monkeypatch: pytest.MonkeyPatch) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Asso Mastodon",
                                     settings={"mimic": "mastodon"}, connected_by="Léa")
    workspace.handover.set(account.id, AccountHandover(login_kind=LoginKind.PERSONAL,
                                                       login_owner="Léa"))
    window.refresh()
    model = window.attention_model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.item(0).holdup is Holdup.PRIVATE_LOGIN
    assert model.index(0, 2).data() == "risk: in a private login"
    assert "Léa's private login" in model.index(0, 4).data()
    panel = window.attention
    panel.table.selectRow(0)
    assert panel.action_button.text() == "Handover…"
    assert not panel.open_button.isEnabled() and not panel.retry_button.isEnabled()
    # the accounts feature answers: the account's handover opens
    install(window, workspace, window.bridge)
    opened: list[int] = []
    monkeypatch.setattr(AccountsDialog, "edit_handover",
                        lambda self, account_id=None: opened.append(account_id) or False)
    with qtbot.waitSignal(window.handover_requested) as asked:
        panel.action_button.click()
    assert asked.args == [account.id]
    assert opened == [account.id]
    window._accounts_dialog.close()
