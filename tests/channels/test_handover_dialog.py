"""The handover register in the accounts dialog: edited (codes refused under the form, the
dialog kept open), and the checklist saved as a PDF (needs-attention's side:
tests/ui/calendar/test_handover_attention.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from essplanner.domain import AccountHandover, LoginKind
from essplanner.ui.accounts.dialog import AccountsDialog
from essplanner.ui.accounts.handover import HandoverDialog
from essplanner.ui.bridge import Bridge
from essplanner.workspace import Workspace

pytestmark = pytest.mark.gui


def _dialog(qtbot: QtBot, workspace: Workspace) -> AccountsDialog:
    bridge = Bridge()
    workspace.subscribe(bridge.emit_change)
    dialog = AccountsDialog(workspace, bridge)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_handover_is_edited_and_codes_are_refused_under_the_form(
        qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Asso Mastodon",
                                     settings={"mimic": "mastodon"}, connected_by="lea")
    dialog = _dialog(qtbot, workspace)
    dialog.select(account.id)
    seen: list[tuple[bool, str, bool]] = []

    def fill(self: HandoverDialog) -> int:
        assert self.connected_by.text() == "lea"
        assert not self.risk.isVisibleTo(self)
        self.connected_by.setText("Léa Martin")
        self.login_kind.setCurrentIndex(self.login_kind.findData(LoginKind.PERSONAL.value))
        assert self.risk.isVisibleTo(self)  # the risk is said as it is chosen
        self.login_owner.setText("Léa Martin")
        self.backup_admins.setText("Bruno; Chloé")
        self.recovery_place.setText("4821 9930 1177 5532")
        self.on_accept()
        seen.append((self.result() == 1, self.status.text(), self.isVisible()))
        self.recovery_place.setText("the office safe")
        self.on_accept()
        return int(self.result())

    monkeypatch.setattr(HandoverDialog, "exec", fill)
    assert dialog.handover_button.isEnabled()
    dialog.handover_button.click()
    [(accepted, status, _visible)] = seen
    assert not accepted and "never the codes" in status
    assert workspace.accounts.get(account.id).handover == AccountHandover(
        login_kind=LoginKind.PERSONAL, login_owner="Léa Martin", backup_admins=("Bruno", "Chloé"),
        recovery_codes_place="the office safe")
    assert workspace.accounts.get(account.id).connected_by == "Léa Martin"


def test_the_checklist_button_saves_the_pdf_of_the_person_chosen(
        qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    workspace.accounts.add(platform="dryrun", name="Asso Mastodon",
                           settings={"mimic": "mastodon"}, connected_by="Léa Martin")
    dialog = _dialog(qtbot, workspace)
    asked: list[list[str]] = []
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(
        lambda _p, _t, _l, items, *_a: (asked.append(list(items)), ("Léa Martin", True))[1]))
    out = tmp_path / "lea.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *_a, **_k: (str(out), "")))
    dialog.checklist_button.click()
    assert asked == [["Léa Martin"]]
    assert out.read_bytes().startswith(b"%PDF")
    assert str(out) in dialog.info.text()
