"""The steps of the first-run assistant. Each page gathers choices and creates nothing
(except a real account, connected with the accounts dialog's own form and checks):
:mod:`essplanner.services.starter` applies them when the assistant finishes.

Every page but the first can be skipped: :attr:`StepPage.skipped` then stays True and
the page's choices are left out.
"""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from essplanner.domain import ObjectiveKind, Period, Segment
from essplanner.errors import EssPlannerError
from essplanner.i18n import language
from essplanner.services import starter
from essplanner.services.starter import (
    Association,
    ObjectiveTemplate,
    PersonaTemplate,
    TrialAccount,
)
from essplanner.ui import messages
from essplanner.ui.assistant.drafts import DraftListModel
from essplanner.ui.labels import (
    KNOWN_PLATFORMS,
    objective_kind_label,
    period_label,
    platform_label,
    segment_label,
)
from essplanner.ui.settings_dialog import LanguageCombo, TimeZoneCombo, hint
from essplanner.ui.team.identity import IdentityFields

if TYPE_CHECKING:
    from essplanner.ui.tasks import TaskRunner
    from essplanner.workspace import Workspace


def _wrapped(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class StepPage(QWizardPage):
    """A step that may be skipped ("Skip this step": its choices are left out)."""

    skippable = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.skipped = False
        self.skipping = False  # set by the wizard while it skips this page

    def validatePage(self) -> bool:
        self.skipped = self.skipping
        return True if self.skipping else self.check()

    def check(self) -> bool:
        """Whether the page's choices can be kept (a message says why not)."""
        return True

    def refuse(self, text: str) -> bool:
        messages.warning(self, self.title(), text)
        return False


class WelcomePage(StepPage):
    skippable = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to ESS Planner"))
        steps = [
            self.tr("who your association is: its name, logo and time zone;"),
            self.tr("the people your posts speak to (personas);"),
            self.tr("what your posts are for (objectives and their indicators);"),
            self.tr("a first account to publish on, or a test account;"),
            self.tr("publishing while the window is closed."),
        ]
        intro = html.escape(self.tr("A few steps set up your workspace:"))
        items = "".join(f"<li>{html.escape(step)}</li>" for step in steps)
        outline = QLabel(f"<p>{intro}</p><ol>{items}</ol>", self)
        outline.setTextFormat(Qt.TextFormat.RichText)
        outline.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(outline)
        layout.addWidget(_wrapped(self.tr(
            "Every step can be skipped and done later from the menus. You can come back to "
            "this assistant at any time: Help › Start again."), self))
        layout.addSpacing(12)
        layout.addWidget(_wrapped(self.tr(
            "Just looking? “Load the example workspace” fills the calendar with the month of "
            "an association fighting energy poverty, on test accounts that publish nothing."),
            self))
        layout.addStretch(1)


class AssociationPage(StepPage):
    """The association's name and logo; the language and time zone of this computer."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        settings = workspace.settings
        self.setTitle(self.tr("Your association"))
        self.setSubTitle(self.tr("Its name and logo appear in reports; the time zone is the "
                                 "one posts are planned in."))
        self.name = QLineEdit(settings.organisation_name, self)
        self.name.setPlaceholderText(self.tr("e.g. Énergie Solidaire"))
        self.logo = QLineEdit(settings.organisation_logo, self)
        self.logo.setPlaceholderText(self.tr("An image file (PNG, JPEG, SVG…)"))
        self.browse = QPushButton(self.tr("&Choose…"), self)
        self.preview = QLabel(self)
        self.preview.setFixedSize(72, 72)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.language = LanguageCombo(self)
        self.language.set_language(settings.language)
        self.timezone = TimeZoneCombo(self)
        self.timezone.set_zone(settings.timezone)

        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(self.browse)
        logo_label = QLabel(self.tr("&Logo:"), self)
        logo_label.setBuddy(self.logo)
        form = QFormLayout(self)
        form.addRow(self.tr("&Name of the association:"), self.name)
        form.addRow(logo_label, logo_row)
        form.addRow("", self.preview)
        form.addRow(self.tr("La&nguage:"), self.language)
        form.addRow("", hint(self.tr("A new language applies at the next start."), self))
        form.addRow(self.tr("&Time zone:"), self.timezone)
        form.addRow("", hint(self.tr("Type to search, e.g. “Paris” or “Montreal”."), self))
        # who uses this computer: it signs what they write, submit and approve
        self.you = IdentityFields(settings.user_name, settings.user_email, self)
        heading = self.tr("You")
        you = QLabel(f"<b>{html.escape(heading)}</b>", self)
        form.addRow(you)
        self.you.add_rows(form)
        form.addRow("", hint(self.tr("Your teammates see your name on the posts you write, "
                                     "submit, approve or comment."), self))
        self.browse.clicked.connect(self.choose_logo)
        self.logo.textChanged.connect(self._show_preview)
        self._show_preview()

    def choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("The association's logo"), str(Path.home()),
            self.tr("Images (%1)").replace(
                "%1", " ".join(f"*{s}" for s in starter.LOGO_SUFFIXES)))
        if path:
            self.logo.setText(path)

    def _show_preview(self) -> None:
        path = self.logo.text().strip()
        pixmap = QPixmap(path) if path else QPixmap()
        if pixmap.isNull():
            self.preview.clear()
        else:
            self.preview.setPixmap(pixmap.scaled(
                self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))

    def association(self) -> Association:
        logo = self.logo.text().strip()
        return Association(name=self.name.text().strip(), logo=Path(logo) if logo else None,
                           language=self.language.language(), timezone=self.timezone.chosen())

    def check(self) -> bool:
        logo = self.logo.text().strip()
        if logo and not QImageReader(logo).canRead():
            return self.refuse(self.tr("The logo %1 is not an image this app can read.")
                               .replace("%1", logo))
        problem = self.you.problem()
        if problem:
            return self.refuse(problem)
        try:
            starter.check_association(self.association())
        except EssPlannerError as exc:
            return self.refuse(str(exc))
        return True


def _network_text(networks: tuple[str, ...]) -> str:
    return ", ".join(platform_label(n) if n in KNOWN_PLATFORMS else n for n in networks)


def _networks_from(text: str) -> tuple[str, ...]:
    known = {platform_label(p).casefold(): p for p in KNOWN_PLATFORMS}
    known.update({p: p for p in KNOWN_PLATFORMS})
    found = []
    for raw in text.split(","):
        part = raw.strip()
        if part:
            found.append(known.get(part.casefold(), part))
    return tuple(found)


class ChooseAndEditPage(StepPage):
    """A list of suggestions to tick on the left, the current one's form on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListView(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.add_button = QPushButton(self)
        self.form = QFormLayout()
        self._showing = False

    def lay_out(self, intro: str) -> None:
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.add_button)
        grid = QGridLayout(self)
        grid.addWidget(_wrapped(intro, self), 0, 0, 1, 2)
        grid.addLayout(left, 1, 0)
        grid.addLayout(self.form, 1, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)

    def select(self, row: int) -> None:
        model = self.list.model()
        if 0 <= row < model.rowCount():
            self.list.setCurrentIndex(model.index(row, 0))

    def current_row(self) -> int:
        index = self.list.currentIndex()
        return index.row() if index.isValid() else -1


class PersonasPage(ChooseAndEditPage):
    """The guide's personas (Marie, Karim, Sophie) as templates, or new ones."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Who your posts speak to"))
        self.setSubTitle(self.tr("Tick the personas that resemble your public and adapt "
                                 "them, or write your own."))
        self.model: DraftListModel[PersonaTemplate] = DraftListModel(
            lambda p: p.motivation, self)
        self.model.set_drafts(starter.persona_templates(language()))
        self.list.setModel(self.model)
        self.add_button.setText(self.tr("&Add a persona from scratch"))
        self.name = QLineEdit(self)
        self.age = QSpinBox(self)
        self.age.setRange(0, 129)
        self.age.setSpecialValueText(self.tr("not given"))
        self.segment = QComboBox(self)
        self.segment.addItem(self.tr("not given"), None)
        for segment in Segment:
            self.segment.addItem(segment_label(segment), segment.value)
        self.motivation = QPlainTextEdit(self)
        self.motivation.setTabChangesFocus(True)
        self.networks = QLineEdit(self)
        self.networks.setPlaceholderText(self.tr("Facebook, Instagram, local groups…"))
        self.expected = QPlainTextEdit(self)
        self.expected.setTabChangesFocus(True)
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow(self.tr("&Age:"), self.age)
        self.form.addRow(self.tr("&Segment:"), self.segment)
        self.form.addRow(self.tr("&Motivation:"), self.motivation)
        self.form.addRow(self.tr("Net&works used:"), self.networks)
        self.form.addRow(self.tr("&Expected content:"), self.expected)
        self.lay_out(self.tr(
            "A persona is a portrait of someone your posts speak to. The three below are the "
            "examples of the communication guide ESS Planner follows; tick those you keep."))
        self.list.selectionModel().currentChanged.connect(self._show)
        self.add_button.clicked.connect(self.add_new)
        self.name.textEdited.connect(self._keep)
        self.age.valueChanged.connect(self._keep)
        self.segment.currentIndexChanged.connect(self._keep)
        self.motivation.textChanged.connect(self._keep)
        self.networks.textEdited.connect(self._keep)
        self.expected.textChanged.connect(self._keep)
        self.select(0)

    def _show(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        persona = self.model.draft(current.row())
        self._showing = True
        try:
            self.name.setText(persona.name)
            self.age.setValue(persona.age or 0)
            self.segment.setCurrentIndex(max(0, self.segment.findData(
                persona.segment.value if persona.segment else None)))
            self.motivation.setPlainText(persona.motivation)
            self.networks.setText(_network_text(persona.networks))
            self.expected.setPlainText(persona.expected_content)
        finally:
            self._showing = False

    def _keep(self, *_args: Any) -> None:
        row = self.current_row()
        if self._showing or row < 0:
            return
        segment = self.segment.currentData()
        self.model.replace(row, PersonaTemplate(
            name=self.name.text().strip(), age=self.age.value() or None,
            segment=Segment(segment) if segment else None,
            motivation=self.motivation.toPlainText().strip(),
            networks=_networks_from(self.networks.text()),
            expected_content=self.expected.toPlainText().strip()))

    def add_new(self) -> None:
        row = self.model.add(PersonaTemplate(name=""), checked=True)
        self.select(row)
        self.name.setFocus()

    def templates(self) -> tuple[PersonaTemplate, ...]:
        return tuple(self.model.checked())

    def check(self) -> bool:
        names = [p.name.strip().casefold() for p in self.templates()]
        if any(not n for n in names):
            return self.refuse(self.tr("Every ticked persona needs a name."))
        if len(set(names)) != len(names):
            return self.refuse(self.tr("Two ticked personas have the same name."))
        return True


class ObjectivesPage(ChooseAndEditPage):
    """The guide's objectives, each with a measurable indicator (name, target, unit)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("What your posts are for"))
        self.setSubTitle(self.tr("Tick your objectives; give each indicator a target you can "
                                 "check at the end of the period."))
        self.model: DraftListModel[ObjectiveTemplate] = DraftListModel(
            lambda o: o.description, self)
        self.model.set_drafts(starter.objective_templates(language()))
        self.list.setModel(self.model)
        self.add_button.setText(self.tr("&Add an objective from scratch"))
        self.name = QLineEdit(self)
        self.kind = QComboBox(self)
        for kind in ObjectiveKind:
            self.kind.addItem(objective_kind_label(kind), kind.value)
        self.description = QLineEdit(self)
        self.kpi_name = QLineEdit(self)
        self.target = QDoubleSpinBox(self)
        self.target.setRange(0, 1e9)
        self.target.setDecimals(0)
        self.unit = QLineEdit(self)
        self.unit.setPlaceholderText(self.tr("people, requests, €…"))
        self.period = QComboBox(self)
        for period in Period:
            if period is not Period.CAMPAIGN:
                self.period.addItem(period_label(period), period.value)
        self.form.addRow(self.tr("&Objective:"), self.name)
        self.form.addRow(self.tr("&Kind:"), self.kind)
        self.form.addRow(self.tr("&Description:"), self.description)
        self.form.addRow(self.tr("&Indicator (KPI):"), self.kpi_name)
        self.form.addRow(self.tr("&Target:"), self.target)
        self.form.addRow(self.tr("&Unit:"), self.unit)
        self.form.addRow(self.tr("&Period:"), self.period)
        self.source_note = hint("", self)
        self.form.addRow("", self.source_note)
        self.lay_out(self.tr(
            "Beyond being present: the guide suggests measuring people made aware of your "
            "cause, requests for help received, volunteers recruited and donations."))
        self.list.selectionModel().currentChanged.connect(self._show)
        self.add_button.clicked.connect(self.add_new)
        for edit in (self.name, self.description, self.kpi_name, self.unit):
            edit.textEdited.connect(self._keep)
        self.kind.currentIndexChanged.connect(self._keep)
        self.target.valueChanged.connect(self._keep)
        self.period.currentIndexChanged.connect(self._keep)
        self.select(0)

    def _show(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        objective = self.model.draft(current.row())
        self._showing = True
        try:
            self.name.setText(objective.name)
            self.kind.setCurrentIndex(max(0, self.kind.findData(objective.kind.value)))
            self.description.setText(objective.description)
            self.kpi_name.setText(objective.kpi_name)
            self.target.setValue(objective.target)
            self.unit.setText(objective.unit)
            self.period.setCurrentIndex(max(0, self.period.findData(objective.period.value)))
            self.source_note.setText(
                self.tr("Measured from the networks' statistics of your posts.")
                if objective.metric else
                self.tr("Counted by your team: Tools › Record an outcome…"))
        finally:
            self._showing = False

    def _keep(self, *_args: Any) -> None:
        row = self.current_row()
        if self._showing or row < 0:
            return
        self.model.replace(row, replace(
            self.model.draft(row), name=self.name.text().strip(),
            kind=ObjectiveKind(str(self.kind.currentData())),
            description=self.description.text().strip(), kpi_name=self.kpi_name.text().strip(),
            target=self.target.value(), unit=self.unit.text().strip(),
            period=Period(str(self.period.currentData()))))

    def add_new(self) -> None:
        row = self.model.add(ObjectiveTemplate(name="", kpi_name=""), checked=True)
        self.select(row)
        self.name.setFocus()

    def templates(self) -> tuple[ObjectiveTemplate, ...]:
        return tuple(self.model.checked())

    def check(self) -> bool:
        kept = self.templates()
        names = [o.name.strip().casefold() for o in kept]
        if any(not n for n in names):
            return self.refuse(self.tr("Every ticked objective needs a name."))
        if len(set(names)) != len(names):
            return self.refuse(self.tr("Two ticked objectives have the same name."))
        if any(not o.kpi_name.strip() for o in kept):
            return self.refuse(self.tr("Every ticked objective needs an indicator, so that "
                                       "its progress can be measured."))
        return True


class AccountPage(StepPage):
    """A test account that imitates a network, or a real one connected with its guide beside."""

    def __init__(self, workspace: Workspace, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.runner = runner
        self.connected: list[str] = []
        self.setTitle(self.tr("A first account"))
        self.setSubTitle(self.tr("Where posts go out. A test account lets you try everything "
                                 "first: it publishes nothing."))
        networks = sorted((i for i in workspace.registry.available() if i.platform != "dryrun"),
                          key=lambda i: i.display_name.casefold())
        self.test_choice = QRadioButton(self.tr("A &test account that publishes nothing"), self)
        self.real_choice = QRadioButton(self.tr("A &real account"), self)
        group = QButtonGroup(self)
        group.addButton(self.test_choice)
        group.addButton(self.real_choice)
        self.test_choice.setChecked(True)
        self.mimic = QComboBox(self)
        self.platform = QComboBox(self)
        for info in networks:
            self.mimic.addItem(info.display_name, info.platform)
            self.platform.addItem(info.display_name, info.platform)
        self.test_name = QLineEdit(self)
        self.connect_button = QPushButton(self.tr("&Connect the account…"), self)
        self.status = _wrapped("", self)
        self.guide = QTextBrowser(self)
        self.guide.setOpenExternalLinks(True)

        test_form = QFormLayout()
        test_form.addRow(self.tr("&Imitates:"), self.mimic)
        test_form.addRow(self.tr("&Name:"), self.test_name)
        test_form.addRow("", hint(self.tr(
            "Posts are checked with the rules of the chosen network (length, images…) and "
            "recorded instead of sent."), self))
        real_form = QFormLayout()
        real_form.addRow(self.tr("&Platform:"), self.platform)
        real_form.addRow("", self.connect_button)
        real_form.addRow("", self.status)
        left = QVBoxLayout()
        left.addWidget(self.test_choice)
        left.addLayout(test_form)
        left.addSpacing(12)
        left.addWidget(self.real_choice)
        left.addLayout(real_form)
        left.addStretch(1)
        row = QHBoxLayout(self)
        row.addLayout(left, 2)
        row.addWidget(self.guide, 3)

        self.mimic.currentIndexChanged.connect(self._update)
        self.platform.currentIndexChanged.connect(self._update)
        self.test_choice.toggled.connect(self._update)
        self.test_name.textEdited.connect(lambda _t: setattr(self, "_name_edited", True))
        self.connect_button.clicked.connect(self.connect_account)
        self._name_edited = False
        self.set_mimic("mastodon")
        self._update()

    def set_mimic(self, platform: str) -> None:
        index = self.mimic.findData(platform)
        if index >= 0:
            self.mimic.setCurrentIndex(index)

    def _shown_platform(self) -> str:
        combo = self.mimic if self.test_choice.isChecked() else self.platform
        return str(combo.currentData() or "")

    def _update(self, *_args: Any) -> None:
        testing = self.test_choice.isChecked()
        self.mimic.setEnabled(testing)
        self.test_name.setEnabled(testing)
        self.platform.setEnabled(not testing)
        self.connect_button.setEnabled(not testing)
        if not self._name_edited:
            self.test_name.setText(self.tr("%1 (test)").replace("%1", self.mimic.currentText()))
        self.show_guide(self._shown_platform())

    def show_guide(self, platform: str) -> None:
        path = starter.platform_guide(platform, language())
        if path is None:
            self.guide.setPlainText(self.tr(
                "Connecting an account: Tools › Accounts… › Add…, then follow what the form "
                "asks for this platform."))
            return
        self.guide.setMarkdown(path.read_text(encoding="utf-8"))

    def connect_account(self) -> None:
        """The accounts dialog's own form, for the chosen platform; checked on a worker."""
        from essplanner.channels import accounts as core
        from essplanner.ui.accounts.editor import AccountEditor

        editor = AccountEditor(self.ws, self.runner, parent=self)
        editor.platform.setCurrentIndex(max(0, editor.platform.findData(
            self.platform.currentData())))
        if editor.exec() != QDialog.DialogCode.Accepted or editor.result_values is None:
            return
        values = editor.result_values
        self.status.setText(self.tr("Connecting %1…").replace("%1", values["name"]))

        def work() -> core.CheckOutcome:
            account = core.add_account(self.ws, **values)
            return core.check_account(self.ws, account.id)

        def done(outcome: core.CheckOutcome) -> None:
            self.connected.append(outcome.account.name)
            self.status.setText(
                self.tr("%1 is connected.").replace("%1", outcome.account.name) if outcome.ok
                else self.tr("%1 was added but not confirmed: %2").replace(
                    "%1", outcome.account.name).replace("%2", outcome.message))

        def failed(exc: Exception) -> None:
            self.status.setText(str(exc))
            messages.report_error(self, self.tr("The account was not added"), exc)

        self.runner.run(work, done, failed)

    def test_account(self) -> TrialAccount | None:
        if not self.test_choice.isChecked() or not self.mimic.count():
            return None
        return TrialAccount(name=self.test_name.text().strip(),
                           mimic=str(self.mimic.currentData()))

    def check(self) -> bool:
        if not self.test_choice.isChecked():
            return True
        name = self.test_name.text().strip()
        if not name:
            return self.refuse(self.tr("The test account needs a name."))
        if any(a.name.casefold() == name.casefold() for a in self.ws.accounts.all()):
            return self.refuse(self.tr("An account named %1 already exists.")
                               .replace("%1", name))
        return True


class PublishingPage(StepPage):
    """Background publishing, and what finishing will create."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Publishing while the window is closed"))
        self.background = QCheckBox(self.tr("Publish in the &background"), self)
        self.background.setChecked(workspace.settings.background_publishing)
        self.summary = _wrapped("", self)
        self.summary.setObjectName("summary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.background)
        layout.addWidget(hint(self.tr("Posts go out even when the window is closed."), self))
        layout.addSpacing(18)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(hint(self.tr("Everything can be changed later: Edit › Preferences, "
                                      "Tools › Personas, Objectives and Accounts."), self))

    def set_summary(self, lines: list[str]) -> None:
        self.summary.setText("\n".join(lines))
