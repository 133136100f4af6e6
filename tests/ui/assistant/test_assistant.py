"""The first-run assistant, walked as a volunteer would: every step filled, every step
skipped, closed, the example chosen instead, and offered only at a first start."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from essplanner.domain import KpiSource, ObjectiveKind, Period
from essplanner.settings import Settings
from essplanner.timeutil import local_zone_name
from essplanner.ui.assistant import install, offer_at_start
from essplanner.ui.assistant.wizard import LOAD_EXAMPLE, SKIP, FirstRunWizard, Step
from essplanner.ui.bridge import Bridge
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace
from tests.helpers.first_start import fresh  # noqa: F401 - fixture

from ..conftest import Dialogs

pytestmark = pytest.mark.gui

NEXT = QWizard.WizardButton.NextButton
FINISH = QWizard.WizardButton.FinishButton


@pytest.fixture
def wizard(qtbot: QtBot, fresh: Workspace) -> FirstRunWizard:  # noqa: F811
    wiz = FirstRunWizard(fresh)
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.waitExposed(wiz)
    return wiz


def _logo(tmp_path: Path) -> Path:
    image = QImage(48, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a7"))
    path = tmp_path / "Logo asso.PNG"
    assert image.save(str(path), "PNG")
    return path


def _click(wizard: FirstRunWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), which
    button.click()


def test_every_step_filled_creates_exactly_what_was_chosen(
        wizard: FirstRunWizard, fresh: Workspace, tmp_path: Path,  # noqa: F811
        dialogs: Dialogs) -> None:
    assert wizard.currentId() == Step.WELCOME
    assert not wizard.button(SKIP).isVisible()  # nothing to skip on the welcome page
    assert wizard.button(LOAD_EXAMPLE).isVisible()
    _click(wizard, NEXT)

    page = wizard.association
    assert page.timezone.zone() == local_zone_name()  # the system's, until changed
    page.name.setText("Énergie Solidaire")
    page.logo.setText(str(_logo(tmp_path)))
    assert page.preview.pixmap() is not None and not page.preview.pixmap().isNull()
    page.language.set_language("fr")
    # another zone than the computer's (make test runs the suite with TZ=Europe/Paris too)
    zone = "America/Montreal" if local_zone_name() == "Europe/Paris" else "Europe/Paris"
    page.timezone.setCurrentText(zone)
    _click(wizard, NEXT)

    assert wizard.currentId() == Step.PERSONAS
    personas = wizard.personas
    assert [personas.model.draft(r).name for r in range(3)] == ["Marie", "Karim", "Sophie"]
    personas.model.set_checked_rows([0, 2])  # Marie and Sophie
    personas.select(2)
    assert personas.networks.text() == "Facebook, Local groups"
    personas.age.setValue(41)  # the templates are editable
    personas.expected.setPlainText("Emergency aid, local contacts.")
    _click(wizard, NEXT)

    assert wizard.currentId() == Step.OBJECTIVES
    objectives = wizard.objectives
    names = [objectives.model.draft(r).name for r in range(objectives.model.rowCount())]
    assert names == ["Awareness", "Requests for help", "Volunteer recruitment", "Donations"]
    objectives.model.set_checked_rows([1, 2])
    objectives.select(2)
    assert objectives.kpi_name.text() == "Volunteers recruited"
    objectives.target.setValue(8)
    objectives.unit.setText("volunteers")
    objectives.unit.textEdited.emit("volunteers")
    _click(wizard, NEXT)

    assert wizard.currentId() == Step.ACCOUNT
    account = wizard.account
    assert account.test_choice.isChecked()
    account.set_mimic("mastodon")
    assert account.test_name.text() == "Mastodon (test)"
    assert "Mastodon" in account.guide.toPlainText()  # the platform guide beside the choice
    _click(wizard, NEXT)

    assert wizard.currentId() == Step.PUBLISHING
    summary = wizard.publishing.summary.text()
    assert "Marie, Sophie" in summary and "Mastodon (test)" in summary
    wizard.publishing.background.setChecked(False)
    _click(wizard, FINISH)

    assert wizard.result() == QWizard.DialogCode.Accepted
    assert dialogs.shown == []
    assert [p.name for p in fresh.personas.all()] == ["Marie", "Sophie"]
    sophie = fresh.personas.find(["Sophie"])[0]
    assert (sophie.age, sophie.expected_content) == (41, "Emergency aid, local contacts.")
    assert sophie.networks == ("facebook", "Local groups")
    made = {o.name: o for o in fresh.objectives.all()}
    assert sorted(made) == ["Requests for help", "Volunteer recruitment"]
    volunteers = made["Volunteer recruitment"]
    assert volunteers.kind is ObjectiveKind.VOLUNTEERS
    [kpi] = volunteers.kpis
    assert (kpi.name, kpi.target_value, kpi.unit, kpi.period, kpi.source) == (
        "Volunteers recruited", 8.0, "volunteers", Period.MONTH, KpiSource.OUTCOMES)
    [test_account] = fresh.accounts.all()
    assert (test_account.platform, test_account.name, test_account.settings) == (
        "dryrun", "Mastodon (test)", {"mimic": "mastodon"})
    saved = Settings.load(fresh.paths.settings_file)
    assert saved.organisation_name == "Énergie Solidaire"
    assert (saved.language, saved.timezone) == ("fr", zone)
    assert saved.background_publishing is False and saved.first_run_done is True
    logo = Path(saved.organisation_logo)
    assert logo.parent.parent == fresh.paths.data_dir and logo.name == "logo.png"
    assert logo.read_bytes() == (tmp_path / "Logo asso.PNG").read_bytes()


def test_skipping_every_step_creates_nothing_but_remembers_the_first_start(
        wizard: FirstRunWizard, fresh: Workspace, tmp_path: Path) -> None:  # noqa: F811
    _click(wizard, NEXT)
    wizard.association.name.setText("Not kept")
    wizard.association.logo.setText(str(_logo(tmp_path)))
    seen = []
    while wizard.isVisible():
        seen.append(Step(wizard.currentId()))
        if wizard.currentId() == Step.PERSONAS:
            wizard.personas.model.set_checked_rows([0, 1, 2])  # ticked, then skipped
        if wizard.currentId() == Step.PUBLISHING:
            wizard.publishing.background.setChecked(False)
        _click(wizard, SKIP)
    assert seen == [Step.ASSOCIATION, Step.PERSONAS, Step.OBJECTIVES, Step.ACCOUNT,
                    Step.PUBLISHING]
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert fresh.personas.all() == [] and fresh.objectives.all() == []
    assert fresh.accounts.all() == []
    saved = Settings.load(fresh.paths.settings_file)
    assert saved.first_run_done is True
    assert saved == Settings(first_run_done=True)  # nothing else changed
    assert not (fresh.paths.data_dir / "organisation").exists()


def test_a_skipped_step_counts_again_when_revisited_and_validated(
        wizard: FirstRunWizard, fresh: Workspace) -> None:  # noqa: F811
    _click(wizard, NEXT)
    _click(wizard, NEXT)
    wizard.personas.model.set_checked_rows([1])
    _click(wizard, SKIP)
    assert wizard.personas.skipped
    wizard.back()
    _click(wizard, NEXT)  # Karim is kept after all
    assert not wizard.personas.skipped
    while wizard.currentId() != Step.PUBLISHING:
        _click(wizard, SKIP)
    _click(wizard, FINISH)
    assert [p.name for p in fresh.personas.all()] == ["Karim"]


def test_mistakes_are_refused_with_a_message_and_nothing_is_created(
        wizard: FirstRunWizard, fresh: Workspace, tmp_path: Path,  # noqa: F811
        dialogs: Dialogs) -> None:
    _click(wizard, NEXT)
    wizard.association.timezone.setCurrentText("Europe/Atlantis")
    _click(wizard, NEXT)
    assert wizard.currentId() == Step.ASSOCIATION
    assert dialogs.texts() == ["Unknown time zone 'Europe/Atlantis'."]
    not_an_image = tmp_path / "logo.png"
    not_an_image.write_text("hello", encoding="utf-8")
    wizard.association.timezone.setCurrentText("Europe/Paris")
    wizard.association.logo.setText(str(not_an_image))
    _click(wizard, NEXT)
    assert wizard.currentId() == Step.ASSOCIATION
    assert "is not an image" in dialogs.texts()[-1]
    wizard.association.logo.clear()
    _click(wizard, NEXT)

    wizard.personas.add_new()  # from scratch, ticked, but no name yet
    _click(wizard, NEXT)
    assert wizard.currentId() == Step.PERSONAS
    assert dialogs.texts()[-1] == "Every ticked persona needs a name."
    wizard.personas.name.setText("Jeanne")
    wizard.personas.name.textEdited.emit("Jeanne")
    _click(wizard, NEXT)
    assert wizard.currentId() == Step.OBJECTIVES
    assert fresh.personas.all() == []  # nothing before Finish


def test_closing_the_assistant_is_remembered(wizard: FirstRunWizard,
                                              fresh: Workspace) -> None:  # noqa: F811
    _click(wizard, NEXT)
    wizard.association.name.setText("Not kept")
    wizard.reject()
    saved = Settings.load(fresh.paths.settings_file)
    assert saved.first_run_done and saved.organisation_name == ""


def test_the_example_workspace_is_one_click_away_on_every_step(
        wizard: FirstRunWizard, fresh: Workspace, qtbot: QtBot) -> None:  # noqa: F811
    for _step in range(3):
        assert wizard.button(LOAD_EXAMPLE).isVisible()
        _click(wizard, NEXT)
    with qtbot.waitSignal(wizard.example_requested):
        _click(wizard, LOAD_EXAMPLE)
    assert not wizard.isVisible()
    assert Settings.load(fresh.paths.settings_file).first_run_done


@pytest.fixture
def main_window(qtbot: QtBot, fresh: Workspace) -> MainWindow:  # noqa: F811
    window = MainWindow(fresh, Bridge())
    qtbot.addWidget(window)
    return window


def _offered(window: MainWindow, ws: Workspace) -> Callable[[], FirstRunWizard | None]:
    def offer() -> FirstRunWizard | None:
        wizard = offer_at_start(window, ws)
        if wizard is not None:
            wizard.reject()
        return wizard
    return offer


def test_offered_at_a_first_start_only(main_window: MainWindow, fresh: Workspace) -> None:  # noqa: F811
    offer = _offered(main_window, fresh)
    fresh.personas.add(name="Marie")
    assert offer() is None  # something was created already (by the command line...)
    fresh.personas.delete(fresh.personas.all()[0].id)
    assert offer() is not None  # empty and never finished: offered, then closed
    assert fresh.settings.first_run_done
    assert offer() is None  # closed once: only Help › Start again opens it now


def test_help_start_again_opens_the_assistant(main_window: MainWindow,
                                              fresh: Workspace) -> None:  # noqa: F811
    fresh.settings.first_run_done = True
    action = install(main_window, fresh)
    assert main_window.menu_help.actions()[0] is action
    action.trigger()
    [wizard] = main_window.findChildren(FirstRunWizard)
    assert wizard.isVisible() and wizard.currentId() == Step.WELCOME
    wizard.reject()


def test_the_suggestion_models_pass_the_model_tester(
        wizard: FirstRunWizard, model_check: Callable[[object], None]) -> None:
    model_check(wizard.personas.model)
    model_check(wizard.objectives.model)
    wizard.personas.add_new()
    wizard.personas.model.set_checked_rows([0])
    assert [p.name for p in wizard.personas.templates()] == ["Marie"]
