"""Who uses this computer: asked by the first-run assistant, edited in Preferences with the
person's role; the workspace's approval rule, for administrators."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from essplanner.domain import Member, Role
from essplanner.settings import Settings
from essplanner.ui.assistant.wizard import FirstRunWizard, Step
from essplanner.ui.settings_dialog import SettingsDialog
from essplanner.workspace import Workspace
from tests.helpers.first_start import fresh  # noqa: F401 - fixture

from ..conftest import Dialogs
from .conftest import Crew

pytestmark = pytest.mark.gui

NEXT = QWizard.WizardButton.NextButton
FINISH = QWizard.WizardButton.FinishButton


@pytest.fixture
def preferences(qtbot: QtBot, workspace: Workspace) -> Callable[[], SettingsDialog]:
    def make() -> SettingsDialog:
        dialog = SettingsDialog(workspace, open_folder=lambda _path: None)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog
    return make


def test_preferences_change_who_i_am(workspace: Workspace, dialogs: Dialogs,
                                    preferences: Callable[[], SettingsDialog]) -> None:
    dialog = preferences()
    assert dialog.tabs.tabText(1) == "Team"
    assert dialog.tabs.currentIndex() == 0  # this computer's preferences first
    you = dialog.team.fields
    assert you.identity() == ("", "")  # nobody said yet: alone on the laptop
    assert dialog.team.role.text().startswith("Your role: Administrator (")
    you.name.setText("Marie Dupont")
    you.email.setText("marie@energie-solidaire")  # no domain
    dialog.accept()
    assert dialog.isVisible()  # refused, nothing saved
    assert dialogs.texts() == ["“marie@energie-solidaire” is not an e-mail address."]
    assert dialog.tabs.currentWidget().isAncestorOf(you.email)  # the Team page, shown
    assert not workspace.paths.settings_file.exists()

    you.email.setText("marie@energie-solidaire.org")
    you.name.setText("")
    dialog.accept()
    assert dialogs.texts()[-1] == "Give your name too: your teammates see it on what you write."
    you.name.setText("  Marie Dupont ")
    dialog.accept()
    assert not dialog.isVisible()
    saved = Settings.load(workspace.paths.settings_file)
    assert (saved.user_name, saved.user_email) == ("Marie Dupont", "marie@energie-solidaire.org")
    me = workspace.team.me()
    assert (me.name, me.email, me.role) == ("Marie Dupont", "marie@energie-solidaire.org",
                                           Role.ADMINISTRATOR)
    assert [m.name for m in workspace.team.members()] == ["Marie Dupont"]  # renamed, not two
    assert preferences().team.fields.identity() == ("Marie Dupont",
                                                    "marie@energie-solidaire.org")


def test_only_an_administrator_turns_the_approval_rule_on(
        workspace: Workspace, crew: Crew, become: Callable[[Member], Member],
        preferences: Callable[[], SettingsDialog]) -> None:
    assert not workspace.team.approval_required()
    dialog = preferences()  # Alice, the administrator
    assert dialog.team.approval.isEnabled() and not dialog.team.approval.isChecked()
    dialog.team.approval.setChecked(True)
    dialog.accept()
    assert workspace.team.approval_required()  # in the database: every computer obeys it

    become(crew.paul)
    dialog = preferences()
    assert dialog.team.approval.isChecked() and not dialog.team.approval.isEnabled()
    assert dialog.team.approval.toolTip() == \
        "Only administrators can change the workspace's settings."
    assert dialog.team.role.text() == "Your role: Approver (approves posts and schedules them)"
    dialog.team.approval.setChecked(False)  # not possible by hand; even so, not written
    dialog.accept()
    assert workspace.team.approval_required()


def test_the_first_run_assistant_asks_who_i_am(
        qtbot: QtBot, fresh: Workspace, dialogs: Dialogs) -> None:  # noqa: F811
    wizard = FirstRunWizard(fresh)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.button(NEXT).click()
    assert wizard.currentId() == Step.ASSOCIATION
    you = wizard.association.you
    you.name.setText("Karim Haddad")
    you.email.setText("karim")
    wizard.button(NEXT).click()
    assert wizard.currentId() == Step.ASSOCIATION  # refused with a message
    assert dialogs.texts() == ["“karim” is not an e-mail address."]
    you.email.setText("karim@energie-solidaire.org")
    wizard.button(NEXT).click()
    for _step in range(3):
        wizard.skip()
    assert wizard.currentId() == Step.PUBLISHING
    wizard.button(FINISH).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert (fresh.settings.user_name, fresh.settings.user_email) == (
        "Karim Haddad", "karim@energie-solidaire.org")
    saved = Settings.load(fresh.paths.settings_file)
    assert saved.user_email == "karim@energie-solidaire.org" and saved.first_run_done
    assert fresh.team.me().name == "Karim Haddad"


def test_the_assistant_can_leave_the_identity_empty(
        qtbot: QtBot, fresh: Workspace, dialogs: Dialogs) -> None:  # noqa: F811
    wizard = FirstRunWizard(fresh)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.button(NEXT).click()
    wizard.button(NEXT).click()  # nothing typed: nothing asked
    assert wizard.currentId() == Step.PERSONAS and dialogs.shown == []
