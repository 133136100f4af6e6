"""The first-run assistant: who the association is, its personas and objectives, a first
account, background publishing. Shown at the first start, and from Help › Start again.

Nothing is created until Finish (but a real account, connected in its step); then
:func:`essplanner.services.starter.apply` creates what was kept through the services.
"Skip this step" leaves a step's choices out; "Load the example workspace" is one click
away on every step.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from essplanner.errors import EssPlannerError
from essplanner.services import starter
from essplanner.services.starter import StartPlan, StartResult
from essplanner.ui import messages
from essplanner.ui.assistant.pages import (
    AccountPage,
    AssociationPage,
    ObjectivesPage,
    PersonasPage,
    PublishingPage,
    StepPage,
    WelcomePage,
)
from essplanner.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from essplanner.workspace import Workspace


class Step(enum.IntEnum):
    WELCOME = 0
    ASSOCIATION = 1
    PERSONAS = 2
    OBJECTIVES = 3
    ACCOUNT = 4
    PUBLISHING = 5


LOAD_EXAMPLE = QWizard.WizardButton.CustomButton1
SKIP = QWizard.WizardButton.CustomButton2


class FirstRunWizard(QWizard):
    """The assistant. Signals: ``example_requested()`` (the user chose the example workspace
    instead; the assistant is closed by then)."""

    example_requested = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.result_: StartResult | None = None
        self.runner = TaskRunner(self)
        self.setWindowTitle(self.tr("Getting started with ESS Planner"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.welcome = WelcomePage(self)
        self.association = AssociationPage(workspace, self)
        self.personas = PersonasPage(self)
        self.objectives = ObjectivesPage(self)
        self.account = AccountPage(workspace, self.runner, self)
        self.publishing = PublishingPage(workspace, self)
        for step, page in zip(Step, self.steps(), strict=True):
            self.setPage(step, page)
        self.setOption(QWizard.WizardOption.HaveCustomButton1)
        self.setOption(QWizard.WizardOption.HaveCustomButton2)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(LOAD_EXAMPLE, self.tr("Load the &example workspace"))
        self.setButtonText(SKIP, self.tr("&Skip this step"))
        self.setButtonLayout([LOAD_EXAMPLE, QWizard.WizardButton.Stretch,
                              QWizard.WizardButton.BackButton, SKIP,
                              QWizard.WizardButton.NextButton,
                              QWizard.WizardButton.FinishButton,
                              QWizard.WizardButton.CancelButton])
        self.button(LOAD_EXAMPLE).setToolTip(self.tr(
            "An association's month of posts, personas and objectives, on test accounts: "
            "to look around before setting up your own."))
        self.customButtonClicked.connect(self._on_custom_button)
        self.currentIdChanged.connect(self._on_step_changed)
        self.resize(900, 620)

    def steps(self) -> list[StepPage]:
        return [self.welcome, self.association, self.personas, self.objectives, self.account,
                self.publishing]

    # ---- buttons
    def _on_custom_button(self, which: int) -> None:
        if which == LOAD_EXAMPLE.value:
            self.load_example()
        elif which == SKIP.value:
            self.skip()

    def _on_step_changed(self, step: int) -> None:
        page = self.page(step)
        self.button(SKIP).setVisible(isinstance(page, StepPage) and page.skippable)
        if step == Step.PUBLISHING:
            self.publishing.set_summary(self.summary())

    def skip(self) -> None:
        """Leave the current step's choices out and go on (or finish, on the last step)."""
        page = self.currentPage()
        if not isinstance(page, StepPage) or not page.skippable:
            return
        page.skipping = True
        try:
            if self.currentId() == Step.PUBLISHING:
                if self.validateCurrentPage():
                    self.accept()
            else:
                self.next()
        finally:
            page.skipping = False

    def load_example(self) -> None:
        self.reject()
        self.example_requested.emit()

    # ---- result
    def plan(self) -> StartPlan:
        """What finishing creates, from the steps that were not skipped."""
        return StartPlan(
            association=None if self.association.skipped else self.association.association(),
            personas=() if self.personas.skipped else self.personas.templates(),
            objectives=() if self.objectives.skipped else self.objectives.templates(),
            test_account=None if self.account.skipped else self.account.test_account(),
            background_publishing=(None if self.publishing.skipped
                                   else self.publishing.background.isChecked()),
        )

    def summary(self) -> list[str]:
        """What Finish will do, one line per kind of thing (on the last step)."""
        plan = self.plan()
        lines = [self.tr("Finish creates:")]
        if plan.personas:
            lines.append(self.tr("• personas: %1").replace(
                "%1", ", ".join(p.name for p in plan.personas)))
        if plan.objectives:
            lines.append(self.tr("• objectives: %1").replace(
                "%1", ", ".join(o.name for o in plan.objectives)))
        if plan.test_account is not None:
            lines.append(self.tr("• a test account: %1").replace("%1", plan.test_account.name))
        if len(lines) == 1:
            lines = [self.tr("Finish creates nothing: the steps were skipped or left empty.")]
        if self.account.connected:
            lines.append(self.tr("Already connected: %1").replace(
                "%1", ", ".join(self.account.connected)))
        return lines

    def accept(self) -> None:
        # the last step's own check ran (Finish, or skip); the plan's check may still refuse
        try:
            self.result_ = starter.apply(self.ws, self.plan())
            name, email = self.association.you.identity()
            if not self.association.skipped and (name or email):
                self.ws.team.set_identity(name, email)  # checked by the step already
        except EssPlannerError as exc:
            messages.warning(self, self.windowTitle(), str(exc))
            return
        except OSError as exc:
            messages.warning(self, self.windowTitle(), self.tr(
                "The settings could not be saved: %1").replace("%1", str(exc)))
            return
        if self.result_.problems:
            messages.warning(self, self.windowTitle(), self.tr(
                "Some things were not created:\n%1").replace(
                "%1", "\n".join(self.result_.problems)))
        super().accept()

    def reject(self) -> None:
        """Closed without finishing: not offered again at start (Help › Start again is)."""
        try:
            starter.finish_without_changes(self.ws)
        except OSError as exc:
            messages.warning(self, self.windowTitle(), self.tr(
                "The settings could not be saved: %1").replace("%1", str(exc)))
        super().reject()
