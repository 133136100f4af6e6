"""Tools › Image rights…: the register of the people who may appear in the association's
images, and their consents.

People are listed and searched (accents and case ignored), added and edited (a minor
with their legal guardian); each one's consents are listed, added (where the images may
be used, from and until when, the signed form attached) and withdrawn. Withdrawing shows
what it touches: the scheduled posts it blocks and the published posts that show the
person, with their links. A person's data is exported (GDPR right of access) or erased
(right to erasure: the record of what was done stays, as the law requires).

Editing a person goes on the window's undo stack. Adding a person or a consent,
withdrawing a consent and erasing a person are written in the register's proof log:
they are confirmed (or corrected by another record), not undone.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from essplanner import domain
from essplanner.errors import EssPlannerError
from essplanner.ui import messages
from essplanner.ui.consents.forms import ConsentForm, PersonForm
from essplanner.ui.consents.models import (
    ConsentModel,
    ImpactModel,
    PeopleModel,
    ProofModel,
    Role,
    person_status,
)
from essplanner.ui.empty_state import EmptyState
from essplanner.ui.labels import platform_label
from essplanner.ui.plain import plain, plain_label
from essplanner.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from essplanner.workspace import Workspace

Report = Callable[[str], None]


def person_fields(person: domain.Person) -> dict[str, Any]:
    """What ``add_person`` and ``update_person`` take, from a person."""
    return {"name": person.name, "contact": person.contact, "minor": person.minor,
            "guardian_name": person.guardian_name, "notes": person.notes}


class PersonCommand(QUndoCommand):
    """A person's details changed, on the window's stack; built after the change
    succeeded, so the first redo does nothing."""

    def __init__(self, text: str, ws: Workspace, report: Report, before: domain.Person,
                 after: domain.Person, on_done: Callable[[], None]) -> None:
        super().__init__(text)
        self.ws, self.report, self.on_done = ws, report, on_done
        self.before, self.after = before, after
        self._first = True

    def _apply(self, person: domain.Person) -> None:
        try:
            self.ws.consents.update_person(person.id, **person_fields(person))
        except EssPlannerError as exc:
            self.report(str(exc))
            self.setObsolete(True)
        self.on_done()

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class ImpactView(QWidget):
    """The posts a withdrawal touches, with a line that counts them; double-clicking a
    published one opens it on its network; "Delete from the network" deletes the selected
    one where its network allows it.

    Signals: ``delete_requested(ImpactRow)``.
    """

    delete_requested = Signal(object)

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = plain_label(QLabel(self))
        self.summary.setWordWrap(True)
        self.model = ImpactModel(zone, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self.open)
        self.delete_button = QPushButton(self.tr("&Delete from the network…"), self)
        self.delete_button.setToolTip(self.tr("For the networks that let ESS Planner delete "
                                              "a post (Mastodon); on the others, open the "
                                              "post and delete it there"))
        self.delete_button.setEnabled(False)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())
        self.delete_button.clicked.connect(self._delete)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.delete_button)
        layout.addLayout(row)

    def current(self) -> domain.ImpactRow | None:
        index = self.table.currentIndex()
        row = index.data(Role.ITEM) if index.isValid() else None
        return row if isinstance(row, domain.ImpactRow) else None

    def _enable(self) -> None:
        row = self.current()
        self.delete_button.setEnabled(row is not None and row.can_delete)

    def _delete(self) -> None:
        row = self.current()
        if row is not None and row.can_delete:
            self.delete_requested.emit(row)

    def set_impact(self, impact: domain.WithdrawalImpact, *, done: bool) -> None:
        self.model.set_impact(impact)
        self.table.resizeColumnsToContents()
        scheduled, published = len(impact.scheduled), len(impact.published)
        if not scheduled and not published:
            self.summary.setText(self.tr("No post shows this person."))
        elif done:
            self.summary.setText(
                self.tr("%n scheduled post(s) blocked.", "", scheduled) + " "
                + self.tr("%n published post(s) show this person: delete them on each "
                          "network.", "", published))
        else:
            self.summary.setText(
                self.tr("%n scheduled post(s) will be blocked.", "", scheduled) + " "
                + self.tr("%n published post(s) show this person.", "", published))
        self.table.setVisible(bool(scheduled or published))
        self.delete_button.setVisible(any(r.can_delete for r in impact.published))
        self._enable()

    def open(self, index: QModelIndex) -> None:
        url = index.data(Role.URL)
        if url:
            QDesktopServices.openUrl(QUrl(str(url)))


class WithdrawDialog(QDialog):
    """Withdraw a consent: what it will block first, a note, then what it blocked."""

    def __init__(self, ws: Workspace, zone: ZoneInfo, person: domain.Person,
                 consent: domain.Consent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.person, self.consent = ws, person, consent
        self.result_impact: domain.WithdrawalImpact | None = None
        self.setWindowTitle(self.tr("Withdraw the consent of %1").replace("%1", person.name))
        self.intro = plain_label(QLabel(self.tr(
            "From now on, no post may use a photo of %1 on the networks this consent "
            "covered.").replace("%1", person.name), self))
        self.intro.setWordWrap(True)
        self.impact = ImpactView(zone, self)
        self.impact.set_impact(ws.consents.impact(person.id), done=False)
        self.impact.delete_requested.connect(self.delete_from_network)
        self.runner = TaskRunner(self)
        self.done_label = plain_label(QLabel(self))
        self.done_label.setWordWrap(True)
        self.done_label.hide()
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(self.tr("How the withdrawal was asked (letter, email, in "
                                             "person…), for the record"))
        self.note.setFixedHeight(60)
        self.buttons = QDialogButtonBox(self)
        self.withdraw_button = self.buttons.addButton(
            self.tr("&Withdraw the consent"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.withdraw)
        self.buttons.rejected.connect(self.reject)
        self.error = plain_label(QLabel(self))
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.impact, 1)
        layout.addWidget(self.done_label)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(720, 420)

    def withdraw(self) -> None:
        if self.result_impact is not None:
            self.accept()
            return
        try:
            impact = self.ws.consents.withdraw(self.consent.id,
                                               self.note.toPlainText().strip())
        except EssPlannerError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.result_impact = impact
        self.intro.setText(self.tr("The consent is withdrawn; the register keeps the record of "
                                   "when and why."))
        self.impact.set_impact(impact, done=True)
        self.note.setReadOnly(True)
        self.buttons.clear()
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.accept)

    def delete_from_network(self, row: domain.ImpactRow) -> None:
        """Delete a published post from its network, once confirmed (the network is
        called on a worker thread); the list is read again after."""
        from essplanner.channels.deletion import delete_from_network

        answer = messages.question(
            self, self.tr("Delete from the network"),
            plain(self.tr("Delete “%1” from %2? It disappears from the network for good.")
                  .replace("%1", row.title).replace("%2", row.account_name
                                                    or platform_label(row.platform))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        ws, person_id = self.ws, self.person.id
        self.impact.delete_button.setEnabled(False)
        self.runner.run(lambda: delete_from_network(ws, row.target_id, person_id=person_id),
                        lambda _post: self._deleted(row), self._not_deleted)

    def _deleted(self, row: domain.ImpactRow) -> None:
        self.done_label.setText(self.tr("“%1” was deleted from %2.").replace(
            "%1", row.title).replace("%2", row.account_name or platform_label(row.platform)))
        self.done_label.show()
        self.impact.set_impact(self.ws.consents.impact(self.person.id),
                               done=self.result_impact is not None)

    def _not_deleted(self, exc: Exception) -> None:
        self.impact._enable()
        messages.report_error(self, self.tr("Delete from the network"), exc)


class ConsentRegister(QDialog):
    """The image-rights register (Tools › Image rights…)."""

    def __init__(self, ws: Workspace, zone: ZoneInfo, stack: QUndoStack, report: Report,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.zone, self.stack, self.report = ws, zone, stack, report
        self.setWindowTitle(self.tr("Image rights"))
        self.resize(1000, 600)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search a name…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the register"))
        self.add_button = QPushButton(self.tr("&Add a person…"), self)
        self.people = PeopleModel(self)
        self.people_view = self._table(self.people)
        self.people_view.setAccessibleName(self.tr("People"))
        self.no_match = plain_label(QLabel(self))
        self.no_match.hide()

        self.details = QWidget(self)
        self.heading = plain_label(QLabel(self.details))
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.facts = plain_label(QLabel(self.details))
        self.facts.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("&Edit…"), self.details)
        self.consents = ConsentModel(self)
        self.consents_view = self._table(self.consents)
        self.consents_view.setAccessibleName(self.tr("Consents"))
        self.proof = ProofModel(zone, self)
        self.proof_view = self._table(self.proof)
        self.proof_view.setAccessibleName(self.tr("History"))
        self.proof_view.setToolTip(self.tr("What was done and when: the register keeps it as "
                                           "proof"))
        self.add_consent_button = QPushButton(self.tr("Add a &consent…"), self.details)
        self.withdraw_button = QPushButton(self.tr("&Withdraw…"), self.details)
        self.open_form_button = QPushButton(self.tr("&Open the signed form"), self.details)
        self.print_button = QPushButton(self.tr("Consent &form (PDF)…"), self.details)
        self.print_button.setToolTip(self.tr("The form to print and sign, in French and "
                                             "English, filled with this person's name"))
        self.export_button = QPushButton(self.tr("E&xport the data…"), self.details)
        self.export_button.setToolTip(self.tr("Everything the register holds about this "
                                              "person, in a JSON file (right of access)"))
        self.erase_button = QPushButton(self.tr("E&rase…"), self.details)
        self.erase_button.setToolTip(self.tr("Delete this person's data (right to erasure); "
                                             "the record of consents stays"))

        self.empty = EmptyState(
            self.tr("No one in the register yet"),
            self.tr("A photo of a person is personal data: record here the people who may "
                    "appear in the association's photos, and their consent (where the images "
                    "may be used, until when, the signed form). The editor then checks each "
                    "photo before it is published."),
            self.tr("Add a person…"), self)
        self._lay_out()
        self._connect()
        self.reload()

    def _table(self, model: Any) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _lay_out(self) -> None:
        left = QWidget(self)
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.add_button)
        left_box.addLayout(top)
        left_box.addWidget(self.people_view, 1)
        left_box.addWidget(self.no_match)

        box = QVBoxLayout(self.details)
        box.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.edit_button)
        box.addLayout(head)
        box.addWidget(self.facts)
        box.addWidget(self.consents_view, 3)
        consent_buttons = QHBoxLayout()
        for button in (self.add_consent_button, self.withdraw_button, self.open_form_button,
                       self.print_button):
            consent_buttons.addWidget(button)
        consent_buttons.addStretch(1)
        box.addLayout(consent_buttons)
        heading = self.tr("History")
        history = QLabel(f"<b>{escape(heading)}</b>", self.details)
        box.addWidget(history)
        box.addWidget(self.proof_view, 2)
        data_buttons = QHBoxLayout()
        data_buttons.addStretch(1)
        data_buttons.addWidget(self.export_button)
        data_buttons.addWidget(self.erase_button)
        box.addLayout(data_buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([460, 700])
        self.stackw = QStackedWidget(self)
        self.stackw.addWidget(self.empty)
        self.stackw.addWidget(splitter)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stackw, 1)
        layout.addWidget(close)

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda _t: self.reload())
        self.add_button.clicked.connect(lambda: self.edit_person(None))
        self.empty.activated.connect(lambda: self.edit_person(None))
        self.edit_button.clicked.connect(lambda: self._with_person(self.edit_person))
        self.people_view.doubleClicked.connect(lambda _i: self._with_person(self.edit_person))
        self.people_view.selectionModel().currentRowChanged.connect(
            lambda *_a: self.show_person())
        self.consents_view.selectionModel().currentRowChanged.connect(
            lambda *_a: self._enable())
        self.add_consent_button.clicked.connect(lambda: self._with_person(self.add_consent))
        self.withdraw_button.clicked.connect(lambda: self._with_consent(self.withdraw))
        self.open_form_button.clicked.connect(lambda: self._with_consent(self.open_form))
        self.print_button.clicked.connect(lambda: self._with_person(self.print_form))
        self.export_button.clicked.connect(lambda: self._with_person(self.export))
        self.erase_button.clicked.connect(lambda: self._with_person(self.erase))
        for keys, slot in (
            (QKeySequence.StandardKey.Find, self._focus_search),
            (QKeySequence.StandardKey.New, lambda: self.edit_person(None)),
            (QKeySequence("F2"), lambda: self._with_person(self.edit_person)),
            (QKeySequence("Ctrl+Shift+N"), lambda: self._with_person(self.add_consent)),
            (QKeySequence.StandardKey.Undo, self.stack.undo),
            (QKeySequence.StandardKey.Redo, self.stack.redo),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            self.addAction(action)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # ---- what is shown
    def current_person(self) -> domain.Person | None:
        index = self.people_view.currentIndex()
        person = index.data(Role.ITEM) if index.isValid() else None
        return person if isinstance(person, domain.Person) else None

    def current_consent(self) -> domain.Consent | None:
        index = self.consents_view.currentIndex()
        consent = index.data(Role.ITEM) if index.isValid() else None
        return consent if isinstance(consent, domain.Consent) else None

    def _with_person(self, act: Callable[[int], object]) -> None:
        person = self.current_person()
        if person is not None:
            act(person.id)

    def _with_consent(self, act: Callable[[domain.Consent], object]) -> None:
        consent = self.current_consent()
        if consent is not None:
            act(consent)

    def today(self) -> date:
        return self.ws.clock.now().astimezone(self.zone).date()

    def reload(self, select: int | None = None) -> None:
        """Read the register again, keeping (or moving to) the selected person."""
        current = self.current_person()
        chosen = select if select is not None else (current.id if current else None)
        query = self.search.text().strip()
        today = self.today()
        people = [p for p in self.ws.consents.people(query) if p.erased_at is None]
        self.people.set_people([(p, person_status(p, self.ws.consents.consents(p.id), today))
                                for p in people])
        everyone = bool(people) or bool(query) or bool(self.ws.consents.people())
        self.stackw.setCurrentIndex(1 if everyone else 0)
        self.no_match.setText(self.tr("Nobody matches “%1”.").replace("%1", query)
                              if query and not people else "")
        self.no_match.setVisible(bool(query and not people))
        row = self.people.row_of(chosen) if chosen is not None else -1
        if row < 0 and people:
            row = 0
        if row >= 0:
            self.people_view.setCurrentIndex(self.people.index(row, 0))
        self.show_person()

    def show_person(self) -> None:
        person = self.current_person()
        self.details.setEnabled(person is not None)
        if person is None:
            self.heading.setText("")
            self.facts.setText("")
            self.consents.set_consents(None, [], self.today())
            self.proof.set_entries([])
            self._enable()
            return
        self.heading.setText(person.name)
        facts = [person.contact] if person.contact else []
        if person.minor:
            facts.append(self.tr("Minor; legal guardian: %1").replace(
                "%1", person.guardian_name or self.tr("not said")))
        if person.notes:
            facts.append(person.notes)
        self.facts.setText("\n".join(facts))
        consents = self.ws.consents.consents(person.id)
        self.consents.set_consents(person, consents, self.today())
        if consents:
            self.consents_view.setCurrentIndex(self.consents.index(0, 0))
        self.proof.set_entries(self.ws.consents.proof_log(person.id))
        self._enable()

    def _enable(self) -> None:
        consent = self.current_consent()
        self.withdraw_button.setEnabled(consent is not None and consent.withdrawn_at is None)
        self.open_form_button.setEnabled(consent is not None)
        self.open_form_button.setText(
            self.tr("&Open the signed form") if consent is None or consent.form_path
            else self.tr("A&ttach the signed form…"))

    def select(self, person_id: int) -> None:
        row = self.people.row_of(person_id)
        if row >= 0:
            self.people_view.setCurrentIndex(self.people.index(row, 0))

    # ---- people
    def edit_person(self, person_id: int | None) -> PersonForm:
        """The person's form (a new person if None); shown and returned."""
        before = self.ws.consents.person(person_id) if person_id is not None else None
        form = PersonForm(before, self)

        def submit(values: dict[str, Any]) -> None:
            if before is None:
                after = self.ws.consents.add_person(**values)
            else:
                after = self.ws.consents.update_person(before.id, **values)
                self.stack.push(PersonCommand(
                    self.tr("Change “%1” in the image rights").replace("%1", after.name),
                    self.ws, self.report, before, after, self.reload))
            if self.search.text() and before is None:
                self.search.clear()
            self.reload(select=after.id)

        form.submit = submit
        form.open()
        return form

    def export(self, person_id: int) -> str | None:
        """Save everything about the person in a JSON file; the path, or None."""
        person = self.ws.consents.person(person_id)
        suggested = str(Path.home() / f"{person.name or 'person'}.json")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the data of %1").replace("%1", person.name), suggested,
            self.tr("JSON (*.json)"))
        if not path:
            return None
        try:
            data = self.ws.consents.export_person(person_id)
            Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str),
                                  encoding="utf-8")
        except EssPlannerError as exc:
            messages.warning(self, self.tr("Export the data"), plain(str(exc)))
            return None
        except OSError as exc:
            messages.warning(self, self.tr("Export the data"), plain(
                self.tr("The file could not be written: %1").replace(
                    "%1", exc.strerror or str(exc))))
            return None
        messages.information(self, self.tr("Export the data"), plain(
            self.tr("The data of %1 is in %2.").replace("%1", person.name).replace("%2", path)))
        return path

    def erase(self, person_id: int) -> bool:
        """Erase the person's data, once confirmed."""
        person = self.ws.consents.person(person_id)
        answer = messages.question(
            self, self.tr("Erase %1?").replace("%1", person.name),
            plain(self.tr("Erase %1 from the register? Their name, contact, notes and signed "
                          "forms are deleted for good; the photos that show them stay "
                          "blocked. The record of consents given and withdrawn stays, "
                          "without their name, as the law requires. This cannot be undone.")
                  .replace("%1", person.name)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.ws.consents.erase_person(person_id)
        except EssPlannerError as exc:
            self.report(str(exc))
            return False
        self.reload()
        return True

    # ---- consents
    def add_consent(self, person_id: int) -> ConsentForm:
        person = self.ws.consents.person(person_id)
        form = ConsentForm(person, self.today(), self)

        def submit(values: dict[str, Any]) -> None:
            self.ws.consents.add_consent(person_id, **values)
            self.reload(select=person_id)

        form.submit = submit
        form.open()
        return form

    def withdraw(self, consent: domain.Consent) -> WithdrawDialog | None:
        person = self.current_person()
        if person is None:
            return None
        dialog = WithdrawDialog(self.ws, self.zone, person, consent, self)
        dialog.finished.connect(lambda _r: self.reload(select=person.id))
        dialog.open()
        return dialog

    def open_form(self, consent: domain.Consent, path: str | None = None) -> None:
        """Open the consent's signed form; without one, attach it (asked for when
        ``path`` is None)."""
        if consent.form_path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(consent.form_path))
            return
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Signed form"), str(Path.home()),
                self.tr("Scans and PDF (*.pdf *.jpg *.jpeg *.png)"))
        if not path:
            return
        try:
            self.ws.consents.attach_form(consent.id, Path(path))
        except EssPlannerError as exc:
            messages.warning(self, self.tr("Signed form"), plain(str(exc)))
            return
        self.reload()

    def print_form(self, person_id: int, path: str | None = None) -> str | None:
        """Write the consent form to print and sign (PDF, French then English), filled
        with the association's and the person's names; the path, or None."""
        from essplanner.services.consent_rules import consent_platform
        from essplanner.ui.consents.form_pdf import COMMON_NETWORKS, FormFacts, write_form

        person = self.ws.consents.person(person_id)
        if path is None:
            suggested = Path.home() / self.tr("consent form %1.pdf").replace("%1", person.name)
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Consent form"), str(suggested), self.tr("PDF (*.pdf)"))
        if not path:
            return None
        networks = tuple(dict.fromkeys(
            consent_platform(a.platform, a.settings) for a in self.ws.accounts.all()
            if a.platform != domain.TEST_PLATFORM or a.settings.get("mimic")))
        facts = FormFacts(organisation=self.ws.settings.organisation_name,
                          networks=networks or COMMON_NETWORKS, person_name=person.name,
                          guardian_name=person.guardian_name if person.minor else "")
        try:
            write_form(Path(path), facts)
        except (EssPlannerError, OSError) as exc:
            text = exc.strerror or str(exc) if isinstance(exc, OSError) else str(exc)
            messages.warning(self, self.tr("Consent form"), plain(text))
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        return path
