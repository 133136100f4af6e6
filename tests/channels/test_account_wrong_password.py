"""A wrong password keeps the account dialog open to correct it; nothing is stored
(issue 18, item 8)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from essplanner.channels import accounts as core
from essplanner.ui.accounts.dialog import AccountsDialog
from essplanner.ui.accounts.editor import AccountEditor
from essplanner.ui.bridge import Bridge
from essplanner.workspace import Workspace

WRONG = "7012345678:AAwrongTOKENtypedBYhandNOTtheRIGHTone12"


def test_refused_credentials_store_nothing(workspace: Workspace, telegram) -> None:
    fake, url = telegram
    with pytest.raises(core.CredentialsRefused, match="Unauthorized"):
        core.connect_account(workspace, platform="telegram", name="Canal", secret=WRONG,
                             api_url=url, settings={"chat_id": "@asso_energie"})
    assert workspace.accounts.all() == []
    outcome = core.connect_account(workspace, platform="telegram", name="Canal",
                                   secret=fake.token, api_url=url,
                                   settings={"chat_id": "@asso_energie"})
    assert outcome.ok and outcome.account.handle == "@asso_energie"
    assert workspace.secrets.get(outcome.account.id) == fake.token
    assert outcome.account.settings["checked_at"]


@pytest.mark.gui
def test_a_wrong_password_keeps_the_dialog_open_to_correct_it(
        qtbot: QtBot, workspace: Workspace, telegram) -> None:
    fake, url = telegram
    bridge = Bridge()
    workspace.subscribe(bridge.emit_change)
    accounts = AccountsDialog(workspace, bridge)
    qtbot.addWidget(accounts)
    editor = AccountEditor(workspace, accounts.runner, parent=accounts)
    editor.show()
    qtbot.waitExposed(editor)
    editor.platform.setCurrentIndex(editor.platform.findData("telegram"))
    editor.name.setText("Canal")
    editor.edits["chat_id"].setText("@asso_energie")
    editor.edits["api_url"].setText(url)
    secret = editor.edits["secret"]
    secret.setText(WRONG)
    ok = editor.buttons.button(editor.buttons.StandardButton.Ok)

    with qtbot.waitSignal(editor.login_checked, timeout=20_000):
        ok.click()
    assert editor.isVisible() and editor.result() != editor.DialogCode.Accepted
    assert workspace.accounts.all() == []  # not added, not even flagged "reconnect"
    assert "refused" in editor.status.text() and "Unauthorized" in editor.status.text()
    assert editor.focusWidget() is secret and secret.selectedText() == WRONG
    assert ok.isEnabled()  # typed values kept: correct and try again
    assert editor.name.text() == "Canal" and editor.edits["chat_id"].text() == "@asso_energie"

    secret.setText(fake.token)
    with qtbot.waitSignal(editor.login_checked, timeout=20_000):
        ok.click()
    assert editor.result() == editor.DialogCode.Accepted and not editor.isVisible()
    stored = workspace.accounts.all()
    assert [a.name for a in stored] == ["Canal"]
    assert workspace.secrets.get(stored[0].id) == fake.token
    assert editor.outcome is not None and editor.outcome.ok  # type: ignore[union-attr]
