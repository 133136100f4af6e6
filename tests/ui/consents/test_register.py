"""Tools › Image rights…: the register of people and their consents, from the window."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import ClassVar
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from essplanner import domain
from essplanner.publishers.base import BasePublisher, Receipt
from essplanner.publishers.rules import PlatformRules
from essplanner.services.media import sha256_file
from essplanner.ui.consents.forms import ConsentForm, PersonForm
from essplanner.ui.consents.models import Role
from essplanner.ui.consents.register import ConsentRegister
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace
from tests.conftest import need
from tests.ui.conftest import Dialogs, paris

pytestmark = pytest.mark.gui

PARIS = ZoneInfo("Europe/Paris")


def register_of(qtbot: QtBot, window: MainWindow) -> ConsentRegister:
    window.action_image_rights.trigger()
    (found,) = window.findChildren(ConsentRegister)
    qtbot.addWidget(found)
    return found


def names(register: ConsentRegister) -> list[str]:
    model = register.people
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def column(register: ConsentRegister, col: int) -> list[str]:
    model = register.consents
    return [model.index(r, col).data() for r in range(model.rowCount())]


def everyone_agrees(workspace: Workspace, person_id: int) -> domain.Consent:
    return workspace.consents.add_consent(
        person_id, all_networks=True, platforms=(), website=True, print_=False,
        starts_on=date(2026, 1, 1), ends_on=date(2027, 12, 31), guardian_signed=False,
        form=None)


def test_the_menu_opens_the_register_and_an_empty_one_explains_itself(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    assert window.action_image_rights in window.menu_tools.actions()
    register = register_of(qtbot, window)
    assert register.stackw.currentWidget() is register.empty
    assert "personal data" in register.empty.text.text()
    register.empty.button.click()
    (form,) = register.findChildren(PersonForm)
    form.name.setText("Awa Diallo")
    form.contact.setText("awa@example.org")
    form.buttons.accepted.emit()
    assert form.result() == 1
    assert register.stackw.currentWidget() is not register.empty
    assert names(register) == ["Awa Diallo"]
    assert register.heading.text() == "Awa Diallo"


def test_a_minor_is_added_with_a_guardian_and_an_edit_is_undone(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    register = register_of(qtbot, window)
    form = register.edit_person(None)
    form.name.setText("Lucas Petit")
    assert not form.guardian.isEnabled()
    form.minor.setChecked(True)
    form.guardian.setText("Claire Petit")
    form.buttons.accepted.emit()
    (lucas,) = workspace.consents.people()
    assert lucas.minor and lucas.guardian_name == "Claire Petit"
    assert register.people.index(0, 1).data() == "yes"
    assert "legal guardian: Claire Petit" in register.facts.text()

    form = register.edit_person(lucas.id)
    assert form.name.text() == "Lucas Petit"
    form.name.setText("Lucas Petit-Martin")
    form.buttons.accepted.emit()
    assert workspace.consents.person(lucas.id).name == "Lucas Petit-Martin"
    assert window.undo_stack.undoText() == "Change “Lucas Petit-Martin” in the image rights"
    window.undo_stack.undo()
    assert workspace.consents.person(lucas.id).name == "Lucas Petit"
    assert names(register) == ["Lucas Petit"]
    window.undo_stack.redo()
    assert workspace.consents.person(lucas.id).name == "Lucas Petit-Martin"


def test_an_empty_name_is_refused_in_the_form(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    register = register_of(qtbot, window)
    form = register.edit_person(None)
    form.buttons.accepted.emit()
    assert form.result() == 0 and form.error.isVisibleTo(form) and form.error.text()
    assert workspace.consents.people() == []


def test_the_search_ignores_accents_and_says_when_nobody_matches(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    for name in ("Hélène Martin", "Awa Diallo", "Éric Dupont"):
        workspace.consents.add_person(name)
    register = register_of(qtbot, window)
    assert sorted(names(register)) == ["Awa Diallo", "Hélène Martin", "Éric Dupont"]
    qtbot.keyClicks(register.search, "helene")
    assert names(register) == ["Hélène Martin"]
    register.search.setText("zorro")
    assert names(register) == []
    assert register.no_match.text() == "Nobody matches “zorro”."
    assert register.stackw.currentWidget() is not register.empty
    # Ctrl+F comes back to the search field
    register.activateWindow()
    qtbot.waitUntil(register.isActiveWindow)
    register.people_view.setFocus()
    assert not register.search.hasFocus()
    qtbot.keyClick(register.people_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert register.search.hasFocus()


def test_a_consent_with_named_networks_and_its_signed_form(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path) -> None:
    lucas = workspace.consents.add_person("Lucas Petit", minor=True,
                                          guardian_name="Claire Petit")
    register = register_of(qtbot, window)
    scan = tmp_path / "autorisation.pdf"
    scan.write_bytes(b"%PDF-1.4\n%signed\n")
    form = register.add_consent(lucas.id)
    assert form.guardian_signed.isVisibleTo(form)
    form.all_networks.setChecked(False)
    form.networks.set_checked(["facebook", "instagram"])
    form.print_.setChecked(True)
    form.starts_on.setDate(QDate(2026, 12, 1))
    form.ends_on.setDate(QDate(2027, 11, 30))
    form.guardian_signed.setChecked(True)
    form.attach(str(scan))
    assert form.form_label.text() == "autorisation.pdf"
    form.buttons.accepted.emit()
    assert form.result() == 1
    (consent,) = workspace.consents.consents(lucas.id)
    assert consent.platforms == ("facebook", "instagram") and consent.print_
    assert consent.guardian_signed and Path(consent.form_path).read_bytes() == scan.read_bytes()
    assert column(register, 0) == ["Facebook, Instagram, print"]
    assert column(register, 3) == ["attached"]
    assert column(register, 4) == ["Not valid yet"]  # today is 27 November 2026
    assert register.open_form_button.isEnabled()
    assert register.people.index(0, 2).data() == "Not valid yet"


def test_the_consent_form_refuses_a_consent_that_covers_nothing(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    awa = workspace.consents.add_person("Awa Diallo")
    register = register_of(qtbot, window)
    form = register.add_consent(awa.id)
    form.all_networks.setChecked(False)
    form.buttons.accepted.emit()
    assert form.result() == 0 and form.error.text()
    assert workspace.consents.consents(awa.id) == []


def _post_showing(workspace: Workspace, photo: Path, account: domain.Account, *,
                  title: str, day: int, schedule: bool) -> domain.Post:
    return workspace.posts.create(
        domain.PostDraft(title=title, body="Merci !", account_ids=(account.id,),
                         editorial_state=domain.EditorialState.APPROVED,
                         media=(domain.MediaInput(path=str(photo), alt_text="Awa au marché"),)),
        scheduled_at=paris(2026, 12, day, 10), schedule=schedule)


def test_withdrawing_shows_the_posts_it_blocks_and_those_online(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path,
        speak: Callable[[str], None]) -> None:
    speak("en")
    photo = tmp_path / "marche.jpg"
    Image.new("RGB", (64, 48), "orange").save(photo)
    awa = workspace.consents.add_person("Awa Diallo")
    consent = everyone_agrees(workspace, awa.id)
    workspace.consents.tag_photo(sha256_file(photo), [awa.id])
    account = workspace.accounts.add(platform="dryrun", name="Page",
                                     settings={"mimic": "facebook"})
    online = _post_showing(workspace, photo, account, title="Marché de Noël", day=1,
                           schedule=False)
    workspace.posts.mark_published(online.targets[0].id,
                                   remote_url="https://facebook.com/asso/posts/1")
    coming = _post_showing(workspace, photo, account, title="Rappel du marché", day=12,
                           schedule=True)
    assert coming.targets[0].state is domain.DeliveryState.SCHEDULED

    register = register_of(qtbot, window)
    assert register.withdraw_button.isEnabled()
    dialog = register.withdraw(consent)
    assert dialog is not None
    impact = dialog.impact
    assert impact.summary.text() == ("1 scheduled post will be blocked. 1 published post "
                                     "shows this person.")
    rows = [(impact.model.index(r, 1).data(), impact.model.index(r, 3).data(),
             impact.model.index(r, 0).data(Role.URL)) for r in range(impact.model.rowCount())]
    assert rows == [
        ("Rappel du marché", "Blocked: it will not be published", ""),
        ("Marché de Noël", "Online: delete it on the network (double-click opens it)",
         "https://facebook.com/asso/posts/1")]
    dialog.note.setPlainText("Courriel du 26 novembre")
    dialog.buttons.accepted.emit()
    (withdrawn,) = workspace.consents.consents(awa.id)
    assert withdrawn.withdrawn_at is not None
    assert withdrawn.withdrawal_note == "Courriel du 26 novembre"
    assert impact.summary.text().startswith("1 scheduled post blocked.")
    dialog.accept()
    assert column(register, 4)[0].startswith("Withdrawn on")
    assert not register.withdraw_button.isEnabled()
    assert register.people.index(0, 2).data().startswith("Withdrawn on")
    history = [(register.proof.index(r, 1).data(), register.proof.index(r, 2).data())
               for r in range(register.proof.rowCount())]
    assert history[0][0] == "Consent withdrawn"
    assert "Courriel du 26 novembre" in history[0][1]
    assert "Consent recorded" in [what for what, _detail in history]


def test_a_persons_data_is_exported_to_a_json_file(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, dialogs: Dialogs) -> None:
    awa = workspace.consents.add_person("Awa Diallo", contact="awa@example.org")
    everyone_agrees(workspace, awa.id)
    register = register_of(qtbot, window)
    target = tmp_path / "awa.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target), "JSON (*.json)"))
    assert register.export(awa.id) == str(target)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert "Awa Diallo" in json.dumps(data, ensure_ascii=False)
    assert "awa@example.org" in json.dumps(data)
    assert dialogs.texts()[-1] == f"The data of Awa Diallo is in {target}."


def test_erasing_asks_first_then_removes_the_person_and_keeps_the_proof(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, dialogs: Dialogs) -> None:
    from PySide6.QtWidgets import QMessageBox

    awa = workspace.consents.add_person("Awa Diallo", contact="awa@example.org")
    everyone_agrees(workspace, awa.id)
    register = register_of(qtbot, window)
    dialogs.answer = QMessageBox.StandardButton.Cancel
    assert not register.erase(awa.id)
    assert names(register) == ["Awa Diallo"]
    dialogs.answer = QMessageBox.StandardButton.Yes
    assert register.erase(awa.id)
    assert "cannot be undone" in dialogs.texts()[-1]
    assert names(register) == []
    assert register.stackw.currentWidget() is register.empty
    assert workspace.consents.people() == []
    (erased,) = workspace.consents.people(erased=True)
    assert erased.erased_at is not None and erased.name == "" and erased.contact == ""
    assert workspace.consents.proof_log(awa.id)  # the record stays


def test_the_models_pass_the_model_tester(
        qtbot: QtBot, window: MainWindow, workspace: Workspace,
        model_check: object) -> None:
    awa = workspace.consents.add_person("Awa Diallo")
    everyone_agrees(workspace, awa.id)
    register = register_of(qtbot, window)
    for model in (register.people, register.consents, register.proof):
        model_check(model)  # type: ignore[operator]
    register.reload()


def test_the_list_says_where_each_persons_consent_stands(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    consents = workspace.consents
    karim = consents.add_person("Karim Benali")  # today is 27 November 2026
    consents.add_consent(karim.id, all_networks=True, starts_on=date(2026, 11, 1),
                         ends_on=date(2026, 12, 31))
    awa = consents.add_person("Awa Diallo")
    everyone_agrees(workspace, awa.id)
    helene = consents.add_person("Hélène Martin")
    consents.add_consent(helene.id, all_networks=True, starts_on=date(2025, 1, 1),
                         ends_on=date(2025, 12, 31))
    latest = consents.add_consent(helene.id, all_networks=True, starts_on=date(2026, 1, 1))
    consents.withdraw(latest.id)
    consents.add_person("Sofia Haddad")
    register = register_of(qtbot, window)
    status = {register.people.index(r, 0).data(): register.people.index(r, 2).data()
              for r in range(register.people.rowCount())}
    assert status["Karim Benali"].startswith("Consent until ")
    assert status["Karim Benali"].endswith(", ends soon")
    assert status["Awa Diallo"].startswith("Consent until ")
    assert not status["Awa Diallo"].endswith("soon")
    assert status["Hélène Martin"].startswith("Withdrawn on ")  # the latest one
    assert status["Sofia Haddad"] == "No consent"
    register.select(helene.id)
    assert column(register, 4)[0].startswith("Withdrawn on ")  # the latest first
    assert column(register, 4)[1] == "Expired"
    assert register.current_consent() == consents.consent(latest.id)


def test_a_consent_without_its_form_gets_it_attached_later(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    awa = workspace.consents.add_person("Awa Diallo")
    consent = everyone_agrees(workspace, awa.id)
    register = register_of(qtbot, window)
    assert register.open_form_button.text() == "A&ttach the signed form…"
    scan = tmp_path / "scan.jpg"
    Image.new("RGB", (40, 60), "white").save(scan)
    register.open_form(consent, str(scan))
    (stored,) = workspace.consents.consents(awa.id)
    assert stored.form_path and Path(stored.form_path).read_bytes() == scan.read_bytes()
    assert register.open_form_button.text() == "&Open the signed form"
    register.open_form_button.click()
    assert opened == [stored.form_path]


def test_the_consent_form_to_sign_names_the_person_and_the_association(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    need(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils) is not installed")
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    workspace.settings.organisation_name = "Énergie Solidaire"
    workspace.accounts.add(platform="dryrun", name="Insta", settings={"mimic": "instagram"})
    lucas = workspace.consents.add_person("Lucas Petit", minor=True,
                                          guardian_name="Claire Petit")
    register = register_of(qtbot, window)
    out = tmp_path / "formulaire.pdf"
    assert register.print_form(lucas.id, str(out)) == str(out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    for expected in ("Énergie Solidaire", "Lucas Petit", "Claire Petit", "Instagram"):
        assert expected in text


def test_keyboard_shortcuts_of_the_register(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    assert window.action_image_rights.shortcut().toString() == "Ctrl+Shift+I"
    awa = workspace.consents.add_person("Awa Diallo")
    register = register_of(qtbot, window)
    register.activateWindow()
    qtbot.waitUntil(register.isActiveWindow)
    register.people_view.setFocus()
    view = register.people_view
    qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    (new,) = register.findChildren(PersonForm)
    assert new.windowTitle() == "New person"
    new.reject()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    edit = [f for f in register.findChildren(PersonForm) if f is not new]
    assert [f.name.text() for f in edit] == ["Awa Diallo"]
    edit[0].name.setText("Awa Diallo-Sy")
    edit[0].buttons.accepted.emit()
    assert names(register) == ["Awa Diallo-Sy"]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert workspace.consents.person(awa.id).name == "Awa Diallo"
    assert names(register) == ["Awa Diallo"]
    qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    (consent_form,) = register.findChildren(ConsentForm)
    assert consent_form.windowTitle() == "Consent of Awa Diallo"


class DeletingNet(BasePublisher):
    """A network that lets a published post be deleted; it remembers what was deleted."""

    platform: ClassVar[str] = "deletingnet"
    display_name: ClassVar[str] = "DeletingNet"
    RULES: ClassVar[PlatformRules] = PlatformRules(platform="deletingnet", text_limit=500,
                                                   display_name="DeletingNet")
    can_delete: ClassVar[bool] = True
    deleted: ClassVar[list[str]] = []

    def delete(self, receipt: Receipt, context: object) -> None:
        DeletingNet.deleted.append(receipt.remote_id)


def test_a_published_post_is_deleted_from_its_network_after_the_withdrawal(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path,
        speak: Callable[[str], None], dialogs: Dialogs) -> None:
    from sqlalchemy import update

    from essplanner import models

    speak("en")
    DeletingNet.deleted.clear()
    workspace.registry.register("deletingnet", DeletingNet)
    photo = tmp_path / "marche.jpg"
    Image.new("RGB", (64, 48), "orange").save(photo)
    awa = workspace.consents.add_person("Awa Diallo")
    consent = everyone_agrees(workspace, awa.id)
    workspace.consents.tag_photo(sha256_file(photo), [awa.id])
    account = workspace.accounts.add(platform="deletingnet", name="Asso sur DeletingNet")
    post = _post_showing(workspace, photo, account, title="Marché de Noël", day=1,
                         schedule=False)
    with workspace.db.write() as s:
        s.execute(update(models.Target).where(models.Target.id == post.targets[0].id).values(
            state=domain.DeliveryState.PUBLISHED.value, remote_id="status-42",
            remote_url="https://deleting.example/@asso/42", published_at=paris(2026, 11, 20, 9)))
    register = register_of(qtbot, window)
    dialog = register.withdraw(consent)
    assert dialog is not None
    dialog.buttons.accepted.emit()  # withdrawn
    impact = dialog.impact
    assert impact.model.index(0, 3).data() == "Online: delete it from here, or on the network"
    assert impact.model.index(0, 2).data().startswith("Asso sur DeletingNet (")
    assert impact.delete_button.isVisible() and not impact.delete_button.isEnabled()
    impact.table.setCurrentIndex(impact.model.index(0, 0))
    assert impact.delete_button.isEnabled()
    impact.delete_button.click()
    assert dialogs.shown[-1][0] == "question"
    dialog.runner.wait()
    qtbot.waitUntil(dialog.done_label.isVisible)
    assert DeletingNet.deleted == ["status-42"]
    assert dialog.done_label.text() == "“Marché de Noël” was deleted from Asso sur DeletingNet."
    assert impact.model.rowCount() == 0
    assert workspace.posts.get(post.id).targets[0].state is domain.DeliveryState.CANCELLED
    assert any(e.action is domain.ConsentAction.DELETED_POST
               for e in workspace.consents.proof_log(awa.id))
