"""The accounts dialog: a real model, checks on a worker thread, keyring errors shown."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import requests
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from essplanner.credentials import MemoryStore
from essplanner.errors import CredentialError
from essplanner.ui.accounts.dialog import AccountsDialog, AccountsModel, Column, Role
from essplanner.ui.accounts.editor import AccountEditor
from essplanner.ui.bridge import Bridge
from essplanner.ui.menu_actions import install_accounts as install
from essplanner.ui.tasks import TaskRunner
from essplanner.workspace import Workspace

pytestmark = pytest.mark.gui


def _dialog(qtbot: QtBot, workspace: Workspace) -> AccountsDialog:
    bridge = Bridge()
    workspace.subscribe(bridge.emit_change)
    dialog = AccountsDialog(workspace, bridge)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _editor_fills(monkeypatch: pytest.MonkeyPatch, platform: str | None, name: str,
                  values: dict[str, str], seen: list[AccountEditor] | None = None) -> None:
    from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

    def fake_exec(self: AccountEditor) -> int:
        if platform is not None:
            self.platform.setCurrentIndex(self.platform.findData(platform))
            self.name.setText(name)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # nothing typed yet
        for key, value in values.items():
            self.edits[key].setText(value)
        assert self.edits["secret"].echoMode() == QLineEdit.EchoMode.Password
        assert ok.isEnabled()
        if seen is not None:
            seen.append(self)
        self.on_accept()
        if self._busy:  # a new account: the editor logs in on a worker before closing
            from PySide6.QtCore import QEventLoop

            loop = QEventLoop()
            self.login_checked.connect(loop.quit)
            loop.exec()
        return int(self.result())

    monkeypatch.setattr(AccountEditor, "exec", fake_exec)


def test_the_model_passes_the_model_tester(qtbot: QtBot, qtmodeltester: ModelTester,
                                           workspace: Workspace) -> None:
    a = workspace.accounts.add(platform="dryrun", name="Essai")
    b = workspace.accounts.add(platform="bluesky", name="Bluesky", handle="asso.bsky.social")
    workspace.accounts.update(b.id, needs_reconnect=True, reconnect_reason="Token has expired")
    model = AccountsModel({"bluesky": "Bluesky"})
    model.set_accounts(workspace.accounts.all())
    qtmodeltester.check(model)
    row = model.row_of(b.id)
    assert row is not None
    status = model.index(row, Column.STATUS)
    assert status.data() == "Reconnect needed"
    assert status.data(0x03) == "Token has expired"  # tooltip: the reason
    assert model.index(row, Column.PLATFORM).data() == "Bluesky"
    model.set_busy(a.id, True)
    assert model.index(model.row_of(a.id) or 0, Column.STATUS).data(Role.BUSY) is True
    qtmodeltester.check(model)


def test_add_check_reconnect_and_remove_through_the_dialog(
        qtbot: QtBot, workspace: Workspace, telegram, monkeypatch: pytest.MonkeyPatch) -> None:
    fake, url = telegram
    dialog = _dialog(qtbot, workspace)
    _editor_fills(monkeypatch, "telegram", "Canal",
                  {"secret": fake.token, "chat_id": "@asso_energie", "api_url": url})
    main_thread = threading.current_thread()
    checked_in: list[threading.Thread] = []
    from essplanner.channels import accounts as core

    real_connect = core.connect_account

    def spy(ws: Workspace, **values: Any) -> Any:
        checked_in.append(threading.current_thread())
        return real_connect(ws, **values)

    monkeypatch.setattr(core, "connect_account", spy)
    with qtbot.waitSignal(dialog.task_finished, timeout=20_000):
        dialog.add_button.click()
    assert checked_in and checked_in[0] is not main_thread  # the network call ran on a worker
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, Column.HANDLE).data() == "@asso_energie"
    assert dialog.model.index(0, Column.STATUS).data() == "Connected"
    assert "connected as @asso_energie" in dialog.info.text()
    account = workspace.accounts.all()[0]
    assert workspace.secrets.get(account.id) == fake.token

    fake.token = "7012345678:AAnewTOKENafterREVOKEjustNOW1234567"
    dialog.view.selectRow(0)
    with qtbot.waitSignal(dialog.task_finished, timeout=20_000):
        dialog.check_button.click()
    assert dialog.model.index(0, Column.STATUS).data() == "Reconnect needed"
    assert "Unauthorized" in dialog.model.index(0, Column.STATUS).data(0x03)
    assert dialog.reconnect_button.isEnabled() and dialog.reconnect_button.isDefault()

    _editor_fills(monkeypatch, None, "", {"secret": fake.token})
    with qtbot.waitSignal(dialog.task_finished, timeout=20_000):
        dialog.reconnect_button.click()
    assert dialog.model.index(0, Column.STATUS).data() == "Connected"
    assert workspace.secrets.get(account.id) == fake.token

    from PySide6.QtWidgets import QMessageBox

    from essplanner.ui import messages

    monkeypatch.setattr(messages, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.task_finished, timeout=20_000):
        dialog.remove_button.click()
    assert dialog.model.rowCount() == 0
    assert workspace.secrets.get(account.id) is None
    assert "removed" in dialog.info.text()


class _NoKeyring(MemoryStore):
    def check_available(self) -> None:
        raise CredentialError("No keyring is available to keep the account's secret safely. "
                              "Open your desktop session's keyring; nothing was stored.")


def test_a_missing_keyring_is_shown_clearly_and_nothing_is_stored(
        qtbot: QtBot, paths, clock, monkeypatch: pytest.MonkeyPatch) -> None:

    from essplanner.settings import Settings
    from essplanner.ui import messages

    ws = Workspace.open(paths=paths, settings=Settings(), clock=clock, secrets=_NoKeyring())
    try:
        dialog = _dialog(qtbot, ws)
        shown: list[str] = []
        monkeypatch.setattr(messages, "warning",
                            lambda parent, title, text, *a: shown.append(text))
        editors: list[AccountEditor] = []
        _editor_fills(monkeypatch, "bluesky", "Bluesky",
                      {"handle": "asso.bsky.social", "secret": "abcd-efgh-ijkl-mnop"},
                      editors)
        dialog.add_button.click()
        # said in the editor, which stays open (before any network call)
        assert "No keyring is available" in editors[0].status.text()
        assert shown == []
        assert ws.accounts.all() == []
        assert dialog.model.rowCount() == 0
    finally:
        ws.close()


def test_the_form_follows_the_platform(qtbot: QtBot, workspace: Workspace) -> None:
    from PySide6.QtWidgets import QLineEdit

    runner = TaskRunner()
    editor = AccountEditor(workspace, runner)
    qtbot.addWidget(editor)
    editor.platform.setCurrentIndex(editor.platform.findData("mastodon"))
    assert set(editor.edits) == {"api_url", "secret", "visibility"}
    assert not editor.browser_button.isHidden()
    editor.platform.setCurrentIndex(editor.platform.findData("bluesky"))
    assert set(editor.edits) == {"handle", "secret", "api_url", "appview_url"}
    assert editor.edits["secret"].echoMode() == QLineEdit.EchoMode.Password
    assert editor.browser_button.isHidden()
    assert editor.platform.itemData(editor.platform.count() - 1) == "dryrun"  # last


def test_a_mastodon_account_connects_through_the_browser(
        qtbot: QtBot, workspace: Workspace, mastodon, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QDesktopServices

    fake, url = mastodon

    def browser(qurl: Any) -> bool:  # the user's browser approves and follows the redirect
        threading.Thread(target=requests.get, args=(qurl.toString(),),
                         kwargs={"timeout": 10}, daemon=True).start()
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(browser))
    dialog = _dialog(qtbot, workspace)
    editor = AccountEditor(workspace, dialog.runner)
    qtbot.addWidget(editor)
    editor.platform.setCurrentIndex(editor.platform.findData("mastodon"))
    editor.name.setText("Masto")
    editor.edits["api_url"].setText(url)
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        editor.browser_button.click()
    assert "@asso@127.0.0.1" in editor.status.text()
    assert not editor.edits["secret"].isEnabled()
    with qtbot.waitSignal(editor.login_checked, timeout=20_000):
        editor.on_accept()  # logs in with the token received, then stores the account
    assert editor.result() == editor.DialogCode.Accepted
    values = editor.result_values
    assert values is not None and values["secret"] == fake.token
    assert set(values["extra_secrets"]) == {"app_secret"}
    assert values["settings"]["client_id"] in fake.apps


def test_install_adds_the_accounts_action_to_the_tools_menu(qtbot: QtBot,
                                                            workspace: Workspace) -> None:
    from essplanner.ui.mainwindow import MainWindow

    bridge = Bridge()
    window = MainWindow(workspace, bridge)
    qtbot.addWidget(window)
    action = install(window, workspace, bridge)
    assert action in window.menu_tools.actions()
    action.trigger()
    assert window._accounts_dialog.isVisible()
    window._accounts_dialog.close()
