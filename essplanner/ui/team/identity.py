"""Who uses this computer: a name and an e-mail, asked by the first-run assistant and kept in
the settings; in Edit › Preferences with the person's role and, for administrators, the
workspace's approval rule.

The identity is how teammates see who wrote, submitted, approved or commented a post; on a
shared database the e-mail finds the person's row (:meth:`TeamService.me`). Alone on a
laptop, it only signs the history.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from essplanner.domain import Role, TeamAction
from essplanner.errors import ValidationError
from essplanner.ui.team.roles import refusal

if TYPE_CHECKING:
    from essplanner.workspace import Workspace

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def role_label(role: Role) -> str:
    return {
        Role.CONTRIBUTOR: QCoreApplication.translate("Team", "Contributor"),
        Role.APPROVER: QCoreApplication.translate("Team", "Approver"),
        Role.ADMINISTRATOR: QCoreApplication.translate("Team", "Administrator"),
    }[role]


def role_text(role: Role) -> str:
    """What a role lets a person do, in one sentence."""
    return {
        Role.CONTRIBUTOR: QCoreApplication.translate(
            "Team", "writes posts and submits them for review"),
        Role.APPROVER: QCoreApplication.translate(
            "Team", "approves posts and schedules them"),
        Role.ADMINISTRATOR: QCoreApplication.translate(
            "Team", "approves posts, manages the accounts, the settings and the people"),
    }[role]


def identity_problem(name: str, email: str) -> str | None:
    """Why a name and e-mail cannot be kept (None: they can, or both are left empty)."""
    if not name and not email:
        return None
    if not email or not EMAIL.match(email):
        return QCoreApplication.translate(
            "Team", "“%1” is not an e-mail address.").replace("%1", email)
    if not name:
        return QCoreApplication.translate(
            "Team", "Give your name too: your teammates see it on what you write.")
    return None


class IdentityFields(QObject):
    """Your name and e-mail: two fields, added to the form of a page (the assistant's
    association step, Preferences' Team page) so that they line up with its other rows."""

    def __init__(self, name: str, email: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.name = QLineEdit(name, parent)
        self.name.setPlaceholderText(self.tr("e.g. Marie Dupont"))
        self.email = QLineEdit(email, parent)
        self.email.setPlaceholderText(self.tr("e.g. marie@energie-solidaire.org"))

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(self.tr("Your na&me:"), self.name)
        form.addRow(self.tr("Your &e-mail:"), self.email)

    def identity(self) -> tuple[str, str]:
        return self.name.text().strip(), self.email.text().strip()

    def problem(self) -> str | None:
        return identity_problem(*self.identity())


class TeamPreferences(QGroupBox):
    """Preferences' "You and your team": the identity, the role, and the workspace's rule
    "posts need approval", which only an administrator changes (it is in the database, so
    every computer and the publishing service obey it)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("You and your team"))
        self.ws = workspace
        settings = workspace.settings
        self.fields = IdentityFields(settings.user_name, settings.user_email, self)
        team = workspace.team
        me = team.me()
        self.role = QLabel(self)
        self.role.setWordWrap(True)
        self.role.setText(self.tr("Your role: %1 (%2)").replace("%1", role_label(me.role))
                          .replace("%2", role_text(me.role)))
        self._approval_before = team.approval_required()
        self.approval = QCheckBox(self.tr("Posts need &approval before they are scheduled"),
                                  self)
        self.approval.setChecked(self._approval_before)
        refused = refusal(workspace, TeamAction.MANAGE_SETTINGS)
        self.approval.setEnabled(not refused)
        self.approval.setToolTip(refused)
        note = QLabel(self.tr(
            "For the whole team: a post goes out at its time only once an approver has "
            "approved it; editing an approved post sends it back to review."), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(dark);")
        form = QFormLayout(self)
        self.fields.add_rows(form)
        form.addRow(self.role)
        form.addRow(self.approval)
        form.addRow(note)

    def changed(self) -> bool:
        settings = self.ws.settings
        return self.fields.identity() != (settings.user_name, settings.user_email)

    def check(self) -> None:
        """ValidationError for an identity that cannot be kept (before anything is saved)."""
        problem = self.fields.problem() if self.changed() else None
        if problem:
            raise ValidationError(problem)

    def apply(self) -> bool:
        """Keep a new identity (in the settings and the team) and, if an administrator
        changed it, the workspace's rule (in the database); whether anything changed."""
        changed = False
        if self.changed():
            self.ws.team.set_identity(*self.fields.identity())
            changed = True
        wanted = self.approval.isChecked()
        if self.approval.isEnabled() and wanted != self._approval_before:
            self.ws.team.set_approval_required(wanted)
            self._approval_before = wanted
            changed = True
        return changed
