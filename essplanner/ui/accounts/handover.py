"""The account's handover register entry, edited (Tools › Accounts › Handover…), and the
handover checklist of a departing volunteer saved as a PDF (Handover checklist…).

No secret is typed here: the register refuses what looks like a password, a token or
recovery codes (the service says why, under the form).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from essplanner.domain import AccountHandover, LoginKind
from essplanner.errors import EssPlannerError
from essplanner.services.handover import HandoverEntry, parse_admins
from essplanner.ui import messages
from essplanner.ui.labels import fmt_datetime, platform_label
from essplanner.ui.plain import plain, plain_label
from essplanner.workspace import Workspace


class HandoverDialog(QDialog):
    """One account's register entry: who connected it, whose login, backup administrators,
    where the recovery codes are kept; its login's end (read only). OK saves; a refusal
    keeps the dialog open with the reason."""

    def __init__(self, workspace: Workspace, account_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from essplanner.timeutil import get_zone

        self.ws = workspace
        self.entry: HandoverEntry = workspace.handover.entry(account_id)
        account, handover = self.entry.account, self.entry.handover
        zone = get_zone(workspace.settings.timezone)
        self.setWindowTitle(self.tr("Handover: %1").replace("%1", account.name))

        self.connected_by = QLineEdit(account.connected_by, self)
        self.login_kind = QComboBox(self)
        for kind, text in ((LoginKind.UNKNOWN, self.tr("Not known")),
                           (LoginKind.ASSOCIATION, self.tr("The association's own login")),
                           (LoginKind.PERSONAL, self.tr("A person's private login (risk)"))):
            self.login_kind.addItem(text, kind.value)
        self.login_kind.setCurrentIndex(max(0, self.login_kind.findData(
            handover.login_kind.value)))
        self.login_owner = QLineEdit(handover.login_owner, self)
        self.login_owner.setPlaceholderText(self.tr("the person who holds the login"))
        self.backup_admins = QLineEdit(", ".join(handover.backup_admins), self)
        self.backup_admins.setPlaceholderText(self.tr("names, separated by commas"))
        self.recovery_place = QLineEdit(handover.recovery_codes_place, self)
        self.recovery_place.setPlaceholderText(self.tr(
            "e.g. the office safe, the association's password manager"))
        self.recovery_place.setToolTip(self.tr(
            "Where the two-factor recovery codes are kept: a place, never the codes."))
        connected_at = (fmt_datetime(account.connected_at.astimezone(zone))
                        if account.connected_at else self.tr("not known"))
        ends = (fmt_datetime(self.entry.login_ends.astimezone(zone))
                if self.entry.login_ends else self.tr("no known end"))
        self.risk = plain_label(QLabel(self.tr(
            "Risk: if this person leaves, the association loses the account. Move it to the "
            "association's own login and name a backup administrator."), self))
        self.risk.setWordWrap(True)
        self.risk.setStyleSheet("color: #b71c1c;")
        self.status = plain_label(QLabel(self))
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)

        form = QFormLayout()
        form.addRow(self.tr("Network"), plain_label(QLabel(platform_label(
            self.entry.account.settings.get("mimic") or account.platform), self)))
        form.addRow(self.tr("Connected &by"), self.connected_by)
        form.addRow(self.tr("Connected on"), plain_label(QLabel(connected_at, self)))
        form.addRow(self.tr("&Login"), self.login_kind)
        form.addRow(self.tr("&Whose login"), self.login_owner)
        form.addRow(self.tr("&Backup administrators"), self.backup_admins)
        form.addRow(self.tr("&Recovery codes kept at"), self.recovery_place)
        form.addRow(self.tr("Login ends"), plain_label(QLabel(ends, self)))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.risk)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.login_kind.currentIndexChanged.connect(self._update_risk)
        self.buttons.accepted.connect(self.on_accept)
        self.buttons.rejected.connect(self.reject)
        self._update_risk()
        self.resize(520, 0)

    def _update_risk(self) -> None:
        self.risk.setVisible(self.login_kind.currentData() == LoginKind.PERSONAL.value)

    def handover(self) -> AccountHandover:
        return AccountHandover(
            login_kind=LoginKind(str(self.login_kind.currentData() or "")),
            login_owner=self.login_owner.text(),
            backup_admins=parse_admins(self.backup_admins.text()),
            recovery_codes_place=self.recovery_place.text())

    def on_accept(self) -> None:
        try:
            self.ws.handover.set(self.entry.account.id, self.handover(),
                                 connected_by=self.connected_by.text())
        except EssPlannerError as exc:
            self.status.setText(str(exc))
            return
        self.accept()


def save_checklist(parent: QWidget, workspace: Workspace) -> Path | None:
    """Ask whose checklist (the people the register names, or a name typed) and where to
    save it; write the PDF. Returns the file written, or None."""
    title = QCoreApplication.translate("Handover", "Handover checklist")
    people = workspace.handover.people()
    if not people:
        messages.information(parent, title, QCoreApplication.translate(
            "Handover", "The register names nobody yet: fill in the accounts' handover "
            "first."))
        return None
    person, ok = QInputDialog.getItem(
        parent, title, QCoreApplication.translate("Handover", "Who is leaving?"), people, 0,
        True)
    if not ok or not person.strip():
        return None
    try:
        checklist = workspace.handover.checklist(person, zone=workspace.settings.timezone)
    except EssPlannerError as exc:
        messages.warning(parent, title, plain(str(exc)))
        return None
    name, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Handover", "Save the handover checklist"),
        str(Path.home() / f"handover-{checklist.person}.pdf"),
        QCoreApplication.translate("Handover", "PDF (*.pdf)"))
    if not name:
        return None
    from essplanner.ui.accounts.handover_pdf import write_checklist_pdf

    path = Path(name)
    try:
        write_checklist_pdf(checklist, path)
    except EssPlannerError as exc:
        messages.warning(parent, title, plain(str(exc)))
        return None
    return path
