"""The personas panel: the people the posts speak to, with their networks and expectations."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)
from shiboken6 import isValid

from essplanner.domain import Persona, PersonaRemoval, Segment
from essplanner.errors import EssPlannerError
from essplanner.ui import messages
from essplanner.ui.check_model import CheckItem, CheckListModel
from essplanner.ui.empty_state import EmptyState
from essplanner.ui.labels import KNOWN_PLATFORMS, platform_label, segment_label
from essplanner.ui.panels.list_form import RecordListModel, lay_out_list_and_form
from essplanner.ui.plain import plain
from essplanner.ui.style import platform_icon
from essplanner.workspace import Workspace

ModelIndex = QModelIndex | QPersistentModelIndex


class PersonaListModel(RecordListModel[Persona]):
    """Personas by name, with their age and networks as a second line of tooltip."""

    ID_ROLE = Qt.ItemDataRole.UserRole + 90

    def record_data(self, persona: Persona, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if persona.age:
                return self.tr("%1, %2 years old").replace("%1", persona.name).replace(
                    "%2", str(persona.age))
            return persona.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain(", ".join(platform_label(n) for n in persona.networks)) or None
        if role == self.ID_ROLE:
            return persona.id
        return None


class DeletePersonaCommand(QUndoCommand):
    """Deleting a persona (archived when published posts name it), undone by
    :meth:`~essplanner.services.personas.PersonaService.restore`. It may outlive the
    panel on the main window's stack: it only redraws a panel still open."""

    def __init__(self, workspace: Workspace, persona: Persona,
                 dialog: PersonasDialog | None = None) -> None:
        super().__init__(QCoreApplication.translate("PersonasDialog", "Delete the persona %1")
                         .replace("%1", persona.name))
        self.ws = workspace
        self.persona = persona
        self.dialog = dialog
        self.removal: PersonaRemoval | None = None

    def redo(self) -> None:
        self.removal = self.ws.personas.delete(self.persona.id)
        self._redraw(None)

    def undo(self) -> None:
        assert self.removal is not None
        self._redraw(self.ws.personas.restore(self.removal).id)

    def _redraw(self, select: int | None) -> None:
        if self.dialog is not None and isValid(self.dialog):
            self.dialog.reload(select=select)


class PersonasDialog(QDialog):
    """Create, edit and delete personas (Tools › Personas). Deleting can be undone
    (Ctrl+Z here, or Edit › Undo of the window when given its ``undo_stack``)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *,
                 undo_stack: QUndoStack | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.action_undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.action_undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.action_redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.action_redo.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        self.addActions([self.action_undo, self.action_redo])
        self.setWindowTitle(self.tr("Personas"))
        self.model = PersonaListModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.new_button = QPushButton(self.tr("&New persona"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
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
        self.motivation.setPlaceholderText(self.tr("What drives them, what they look for"))
        self.networks = CheckListModel(self)
        self.networks.set_items([CheckItem(p, platform_label(p), platform_icon(p))
                                 for p in KNOWN_PLATFORMS])
        self.networks_view = QListView(self)
        self.networks_view.setModel(self.networks)
        self.networks_view.setMaximumHeight(130)
        self.other_networks = QLineEdit(self)
        self.other_networks.setPlaceholderText(self.tr("Others, separated by commas (local "
                                                       "groups, newsletter…)"))
        self.expected = QPlainTextEdit(self)
        self.expected.setTabChangesFocus(True)
        self.expected.setPlaceholderText(self.tr("Tips, testimonies, infographics, short "
                                                 "videos…"))
        self.save_button = QPushButton(self.tr("&Save the persona"), self)

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Age:"), self.age)
        form.addRow(self.tr("&Segment:"), self.segment)
        form.addRow(self.tr("&Motivation:"), self.motivation)
        form.addRow(self.tr("Net&works used:"), self.networks_view)
        form.addRow("", self.other_networks)
        form.addRow(self.tr("&Expected content:"), self.expected)
        form.addRow("", self.save_button)
        self.empty = EmptyState(
            self.tr("No personas yet"),
            self.tr("A persona is a portrait of someone your posts speak to: a retired "
                    "beneficiary, a young volunteer, a donor… Give each one a name, what "
                    "drives them, the networks they use and the content they expect; then tag "
                    "each post with the personas it is for, and see who the month forgets."),
            self.tr("Add a persona"), self)
        self.parts = lay_out_list_and_form(self, list_view=self.list, new_button=self.new_button,
                                           delete_button=self.delete_button, form=form,
                                           empty=self.empty, size=(820, 560))
        self.empty.activated.connect(self.start_first)
        self.new_button.clicked.connect(self.new_persona)
        self.delete_button.clicked.connect(self.delete_persona)
        self.save_button.clicked.connect(self.save_persona)
        self.list.selectionModel().currentChanged.connect(self._show_current)
        self._current: Persona | None = None
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.model.set_records(self.ws.personas.all())
        row = self.model.row_of(select) if select is not None else 0
        if self.model.rowCount():
            self.list.selectionModel().setCurrentIndex(
                self.model.index(max(0, row), 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect)
        else:
            self.new_persona()
        self.parts.show_empty(self.model.rowCount() == 0)

    def start_first(self) -> None:
        """The empty state's button: show the form for the first persona."""
        self.parts.show_empty(False)
        self.new_persona()

    def _show_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.show_persona(self.model.record(current.row()) if current.isValid() else None)

    def show_persona(self, persona: Persona | None) -> None:
        self._current = persona
        self.name.setText(persona.name if persona else "")
        self.age.setValue(persona.age or 0 if persona else 0)
        self.segment.setCurrentIndex(max(0, self.segment.findData(
            persona.segment.value if persona and persona.segment else None)))
        self.motivation.setPlainText(persona.motivation if persona else "")
        known = [n.lower() for n in (persona.networks if persona else ())
                 if n.lower() in KNOWN_PLATFORMS]
        self.networks.set_checked(known)
        others = [n for n in (persona.networks if persona else ())
                  if n.lower() not in KNOWN_PLATFORMS]
        self.other_networks.setText(", ".join(others))
        self.expected.setPlainText(persona.expected_content if persona else "")
        self.delete_button.setEnabled(persona is not None)

    def new_persona(self) -> None:
        self.list.clearSelection()
        self.show_persona(None)
        self.name.setFocus()

    def _networks(self) -> list[str]:
        others = [n.strip() for n in self.other_networks.text().split(",") if n.strip()]
        return [str(k) for k in self.networks.checked()] + others

    def save_persona(self) -> None:
        segment = self.segment.currentData()
        values = {
            "name": self.name.text(), "age": self.age.value() or None,
            "segment": Segment(segment) if segment else None,
            "motivation": self.motivation.toPlainText(), "networks": tuple(self._networks()),
            "expected_content": self.expected.toPlainText(),
        }
        try:
            if self._current is None:
                saved = self.ws.personas.add(**values)  # type: ignore[arg-type]
            else:
                saved = self.ws.personas.update(Persona(id=self._current.id,
                                                        **values))  # type: ignore[arg-type]
        except EssPlannerError as exc:
            messages.warning(self, self.tr("Personas"), plain(str(exc)))
            return
        self.reload(select=saved.id)

    def delete_persona(self) -> None:
        persona = self._current
        if persona is None:
            return
        try:
            usage = self.ws.personas.usage(persona.id)
        except EssPlannerError as exc:
            messages.warning(self, self.tr("Personas"), plain(str(exc)))
            return
        if usage.posts == 0:
            text = self.tr("Delete %1? No post names this persona.").replace("%1", persona.name)
        else:
            text = self.tr("%1 is used by %n post(s)", "", usage.posts).replace(
                "%1", persona.name)
            if usage.published:
                text += " " + self.tr("(%n published)", "", usage.published)
            text += ". "
            if usage.published:
                text += self.tr("Published posts keep it: it is archived, hidden from the "
                                "lists and from the coverage of the weeks to come. The "
                                "others no longer name it.")
            else:
                text += self.tr("These posts keep their text; they no longer name this "
                                "persona.")
        text += "\n\n" + self.tr("You can undo this with Ctrl+Z.")
        if messages.question(self, self.tr("Delete the persona?"), text) \
                != QMessageBox.StandardButton.Yes:
            return
        try:
            self.undo_stack.push(DeletePersonaCommand(self.ws, persona, self))
        except EssPlannerError as exc:
            messages.warning(self, self.tr("Personas"), str(exc))
