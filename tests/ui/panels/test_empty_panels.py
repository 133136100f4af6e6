"""Empty panels say what they are for and how to fill them, in English and in French."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from essplanner.ui.accounts.dialog import AccountsDialog
from essplanner.ui.bridge import Bridge
from essplanner.ui.panels.objectives import ObjectivesDialog
from essplanner.ui.panels.personas import PersonasDialog
from essplanner.workspace import Workspace
from tests.helpers.first_start import french, fresh  # noqa: F401 - fixtures

pytestmark = pytest.mark.gui


def test_the_personas_panel_explains_itself_until_there_is_one(qtbot: QtBot,
                                                               workspace: Workspace) -> None:
    dialog = PersonasDialog(workspace)
    qtbot.addWidget(dialog)
    assert dialog.parts.pages.currentWidget() is dialog.empty
    assert dialog.empty.title.text() == "No personas yet"
    assert "A persona is a portrait of someone your posts speak to" in dialog.empty.text.text()
    assert dialog.empty.button.text() == "Add a persona"
    dialog.empty.button.click()
    assert dialog.parts.pages.currentWidget() is dialog.parts.content
    dialog.name.setText("Marie")
    dialog.save_button.click()
    assert [p.name for p in workspace.personas.all()] == ["Marie"]
    assert dialog.parts.pages.currentWidget() is dialog.parts.content
    dialog.delete_persona()  # the test's dialogs answer Yes
    assert dialog.parts.pages.currentWidget() is dialog.empty


def test_the_objectives_panel_explains_itself(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = ObjectivesDialog(workspace)
    qtbot.addWidget(dialog)
    assert dialog.parts.pages.currentWidget() is dialog.empty
    assert "measurable indicator with a target" in dialog.empty.text.text()
    assert dialog.empty.button.text() == "Add an objective"
    dialog.empty.button.click()
    assert dialog.parts.pages.currentWidget() is dialog.parts.content
    workspace.objectives.add(name="Dons")
    again = ObjectivesDialog(workspace)
    qtbot.addWidget(again)
    assert again.parts.pages.currentWidget() is again.parts.content


def test_the_accounts_panel_explains_itself_and_connects(
        qtbot: QtBot, fresh: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    bridge = Bridge()
    fresh.subscribe(bridge.emit_change)
    dialog = AccountsDialog(fresh, bridge)
    qtbot.addWidget(dialog)
    assert dialog.pages.currentWidget() is dialog.empty
    assert "where planned posts go out at their time" in dialog.empty.text.text()
    opened: list[bool] = []
    from essplanner.ui.accounts import editor

    monkeypatch.setattr(editor.AccountEditor, "exec",
                        lambda self: opened.append(True) or QDialog.DialogCode.Rejected)
    dialog.empty.button.click()  # "Connect an account" opens the usual form
    assert opened == [True]
    fresh.accounts.add(platform="dryrun", name="Essai")  # the bridge tells the dialog
    assert dialog.pages.currentWidget() is dialog.view


def test_the_empty_panels_speak_french(qtbot: QtBot, workspace: Workspace,
                                       fresh: Workspace, french) -> None:  # noqa: F811
    personas = PersonasDialog(workspace)
    objectives = ObjectivesDialog(workspace)
    accounts = AccountsDialog(fresh, Bridge())
    for widget in (personas, objectives, accounts):
        qtbot.addWidget(widget)
    assert personas.empty.title.text() == "Aucun persona pour l’instant"
    assert personas.empty.button.text() == "Ajouter un persona"
    assert objectives.empty.button.text() == "Ajouter un objectif"
    assert "indicateur mesurable" in objectives.empty.text.text()
    assert accounts.empty.button.text() == "Connecter un compte"
    assert "ne publie rien" in accounts.empty.text.text()
