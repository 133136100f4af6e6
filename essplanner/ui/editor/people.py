"""Who appears in the post's photos: the editor asks, for each image, and a face detector
hints how many faces it seems to show.

The answer belongs to the image, not to the post: it is stored at once with
:meth:`ConsentService.tag_photo`, keyed by the file's checksum, so that the same photo
attached again (to this post or another one) shows its people again. Hashing the file
and counting its faces (:mod:`essplanner.services.faces`, OpenCV) run on a worker
thread; the rows fill in when they are done.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from essplanner import domain
from essplanner.errors import EssPlannerError
from essplanner.services.media import sha256_file
from essplanner.ui import messages
from essplanner.ui.editor.media_model import MediaListModel, thumbnail
from essplanner.ui.editor.state import EditorProblem, EditorState, Level, MediaDraft
from essplanner.ui.plain import plain, plain_label
from essplanner.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from essplanner.workspace import Workspace

PERSON_ID = Qt.ItemDataRole.UserRole + 1
PERSON_NAME = Qt.ItemDataRole.UserRole + 2
#: how many names the completer offers at most
MATCHES = 12
HINT_STYLE = "color: #8a5a00;"


def look_up(ws: Workspace, path: str) -> tuple[str, domain.PhotoPeople]:
    """(checksum, who was said to appear in it): on a worker thread."""
    checksum = sha256_file(Path(path))
    return checksum, ws.consents.photo_people(checksum)


def detect(ws: Workspace, path: str, checksum: str) -> int:
    """Count the faces of the image and remember the count: on a worker thread."""
    from essplanner.services.faces import count_faces

    count = count_faces(Path(path))
    ws.consents.record_faces(checksum, count)
    return count


class PhotoRow(QFrame):
    """One image: "Who appears in this photo?", the people said, a field to add one from
    the register, "New person…", "No identifiable person", and the detector's hint.

    Signals: ``answered(PhotoPeople)`` (an answer was stored), ``new_person_requested(str)``
    (the name typed, not in the register).
    """

    answered = Signal(object)
    new_person_requested = Signal(str)

    def __init__(self, ws: Workspace, draft: MediaDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.path = draft.path
        self.is_video = draft.is_video
        self.checksum: str | None = None
        self.people: domain.PhotoPeople | None = None
        self.detecting = False
        self.error = ""
        self.setObjectName("photoPeople")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.picture = QLabel(self)
        self.picture.setFixedSize(QSize(56, 56))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if not draft.is_video and Path(draft.path).exists():
            self.picture.setPixmap(thumbnail(draft.path, QSize(56, 56)))
        self.question = QLabel(self)
        self.question.setTextFormat(Qt.TextFormat.RichText)
        asked = self.tr("Who appears in this photo?")
        self.question.setText(f"<b>{escape(asked)}</b> "
                              f"<span style='color:#666'>{escape(draft.name)}</span>")
        self.chips = QHBoxLayout()
        self.chips.setSpacing(4)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Type a name from the register…"))
        self.search.setAccessibleName(self.tr("Add a person who appears in the photo"))
        self.matches = QStandardItemModel(self)
        self.completer = QCompleter(self.matches, self)
        # the register's search ignores accents and case ("helene" finds Hélène); the
        # completer shows what it found as it is
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.setCompleter(self.completer)
        self.new_button = QPushButton(self.tr("New person…"), self)
        self.nobody = QCheckBox(self.tr("No identifiable person"), self)
        self.hint = plain_label(QLabel(self))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)

        top = QHBoxLayout()
        top.addLayout(self.chips)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.nobody)
        bottom.addWidget(self.hint, 1)
        column = QVBoxLayout()
        column.setSpacing(4)
        column.addWidget(self.question)
        column.addLayout(top)
        column.addLayout(bottom)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        row.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(column, 1)

        self.search.textEdited.connect(self._fill_matches)
        self.search.returnPressed.connect(self._typed)
        # the overload that gives the row (and so the person), not only the shown text
        self.completer.activated[QModelIndex].connect(  # type: ignore[index]
            self._chosen)
        self.new_button.clicked.connect(
            lambda: self.new_person_requested.emit(self.search.text().strip()))
        self.nobody.toggled.connect(self._nobody_toggled)
        self._enable()
        self._redraw()

    # ---- what the worker found
    def set_people(self, checksum: str, people: domain.PhotoPeople) -> None:
        self.checksum = checksum
        self.people = people
        self._enable()
        self._redraw()

    def set_faces(self, count: int) -> None:
        self.detecting = False
        if self.people is not None:
            self.people = dataclasses.replace(self.people, faces=count)
        self._redraw()

    def set_error(self, message: str) -> None:
        self.detecting = False
        self.error = message
        self._redraw()

    # ---- answers
    def person_ids(self) -> tuple[int, ...]:
        return self.people.person_ids if self.people is not None else ()

    def add_person(self, person_id: int) -> None:
        """Say that this person appears in the photo."""
        if person_id not in self.person_ids():
            self._store((*self.person_ids(), person_id), no_person=False)
        self.search.clear()

    def remove_person(self, person_id: int) -> None:
        self._store(tuple(i for i in self.person_ids() if i != person_id), no_person=False)

    def unanswered_faces(self) -> int:
        """The faces the detector found when no one is named and "no identifiable person"
        is not ticked (else 0)."""
        people = self.people
        if people is None or people.person_ids or people.no_person:
            return 0
        return people.faces or 0

    def _store(self, person_ids: tuple[int, ...], *, no_person: bool) -> None:
        if self.checksum is None:
            return
        faces = self.people.faces if self.people is not None else None
        try:
            stored = self.ws.consents.tag_photo(self.checksum, list(person_ids),
                                                no_person=no_person)
        except EssPlannerError as exc:
            messages.warning(self.window(), self.tr("Who appears in this photo?"),
                             plain(str(exc)))
            self._redraw()
            return
        if stored.faces is None and faces is not None:  # a count made meanwhile
            stored = dataclasses.replace(stored, faces=faces)
        self.people = stored
        self._redraw()
        self.answered.emit(stored)

    def _nobody_toggled(self, on: bool) -> None:
        people = self.people
        if people is None or on == people.no_person:
            return
        self._store((), no_person=on)

    def _fill_matches(self, text: str) -> None:
        self.matches.clear()
        if not text.strip():
            return
        chosen = set(self.person_ids())
        for person in self.ws.consents.people(text.strip()):
            if person.id in chosen or person.erased_at is not None:
                continue
            label = person.name + (f" — {person.contact}" if person.contact else "")
            item = QStandardItem(label)
            item.setData(person.id, PERSON_ID)
            item.setData(person.name, PERSON_NAME)
            self.matches.appendRow(item)
            if self.matches.rowCount() >= MATCHES:
                break

    def _chosen(self, index: QModelIndex) -> None:
        person_id = index.data(PERSON_ID)
        if person_id is not None:
            self.add_person(int(person_id))

    def _typed(self) -> None:
        """Return in the field: the one person it matches, else "New person…" with the name."""
        text = self.search.text().strip()
        if not text:
            return
        self._fill_matches(text)
        found = [self.matches.item(row) for row in range(self.matches.rowCount())]
        exact = [i for i in found if str(i.data(PERSON_NAME)).casefold() == text.casefold()]
        pick = exact if len(exact) == 1 else found
        if len(pick) == 1:
            self.add_person(int(pick[0].data(PERSON_ID)))
        elif not found:
            self.new_person_requested.emit(text)
        else:
            self.completer.complete()

    # ---- drawing
    def _enable(self) -> None:
        known = self.checksum is not None
        nobody = self.people is not None and self.people.no_person
        self.search.setEnabled(known and not nobody)
        self.new_button.setEnabled(known and not nobody)
        self.nobody.setEnabled(known)

    def _redraw(self) -> None:
        while self.chips.count():
            item = self.chips.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for person_id in self.person_ids():
            try:
                person = self.ws.consents.person(person_id)
                name = person.name if person.erased_at is None else self.tr("(erased)")
            except EssPlannerError:
                name = self.tr("(erased)")
            chip = QToolButton(self)
            chip.setText(f"{name} ✕")
            remove = self.tr("Remove %1 from this photo").replace("%1", name)
            chip.setToolTip(plain(remove))
            chip.setAccessibleName(remove)
            chip.setAutoRaise(False)
            chip.clicked.connect(functools.partial(self.remove_person, person_id))
            self.chips.addWidget(chip)
        self.nobody.blockSignals(True)
        self.nobody.setChecked(self.people is not None and self.people.no_person)
        self.nobody.blockSignals(False)
        self._enable()
        self.hint.setText(self.hint_text())
        self.hint.setVisible(bool(self.hint.text()))

    def hint_text(self) -> str:
        """What the detector's count says next to the answer."""
        if self.error:
            return self.error
        if self.detecting:
            return self.tr("Looking for faces…")
        people = self.people
        if people is None or people.faces is None:
            return ""
        tagged = len(people.person_ids)
        if people.faces == 0:
            return "" if tagged or people.no_person else self.tr("No face found.")
        if people.no_person:
            return self.tr("This photo seems to show %n face(s): can nobody really be "
                           "recognised?", "", people.faces)
        if tagged == 0:
            return self.tr("This photo seems to show %n face(s), none tagged.", "",
                           people.faces)
        if tagged < people.faces:
            return self.tr("This photo seems to show %n face(s), more than the people "
                           "named (%1).", "", people.faces).replace("%1", str(tagged))
        return ""


class PeoplePanel(QWidget):
    """The question for every image of the post, in the order of the images.

    Signals: ``changed()`` — an answer was stored or a count arrived (check again).
    """

    changed = Signal()

    def __init__(self, ws: Workspace, media: MediaListModel, dialog_parent: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.media = media
        self.dialog_parent = dialog_parent
        self.rows: dict[str, PhotoRow] = {}
        self.person_form: QDialog | None = None  # the "New person…" form open
        self.runner = TaskRunner(self)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(4)
        for signal in (media.rowsInserted, media.rowsRemoved, media.rowsMoved,
                       media.modelReset):
            signal.connect(self.sync)
        self.sync()

    def sync(self, *_args: object) -> None:
        """One row per image, in their order; new images are looked up on a worker."""
        items = self.media.items()
        paths = list(dict.fromkeys(m.path for m in items))
        for path in set(self.rows) - set(paths):
            row = self.rows.pop(path)
            self.box.removeWidget(row)
            row.deleteLater()
        for draft in items:
            if draft.path not in self.rows:
                self.rows[draft.path] = self._new_row(draft)
        for position, path in enumerate(paths):
            self.box.removeWidget(self.rows[path])
            self.box.insertWidget(position, self.rows[path])
        self.setVisible(bool(paths))

    def _new_row(self, draft: MediaDraft) -> PhotoRow:
        row = PhotoRow(self.ws, draft, self)
        row.answered.connect(functools.partial(self._answered, row))
        row.new_person_requested.connect(functools.partial(self.new_person, row))
        ws, path = self.ws, draft.path
        self.runner.run(lambda: look_up(ws, path), functools.partial(self._looked, path),
                        functools.partial(self._failed, path))
        return row

    def _looked(self, path: str, found: tuple[str, domain.PhotoPeople]) -> None:
        row = self.rows.get(path)
        if row is None:
            return  # removed meanwhile
        checksum, people = found
        row.detecting = people.faces is None and not row.is_video
        row.set_people(checksum, people)
        if row.detecting:
            ws = self.ws
            self.runner.run(lambda: detect(ws, path, checksum),
                            functools.partial(self._detected, path),
                            functools.partial(self._failed, path))
        self.changed.emit()

    def _detected(self, path: str, count: int) -> None:
        row = self.rows.get(path)
        if row is not None:
            row.set_faces(count)
            self.changed.emit()

    def _failed(self, path: str, exc: Exception) -> None:
        row = self.rows.get(path)
        if row is None:
            return
        if isinstance(exc, EssPlannerError | OSError):
            row.set_error(self.tr("Faces could not be looked for: %1").replace("%1", str(exc)))
        else:
            row.set_error("")
            messages.report_error(self.dialog_parent, self.tr("Who appears in this photo?"),
                                  exc)

    def _answered(self, source: PhotoRow, people: domain.PhotoPeople) -> None:
        for row in self.rows.values():  # the same picture under another name
            if row is not source and row.checksum == people.checksum:
                row.set_people(people.checksum, people)
        self.changed.emit()

    def new_person(self, row: PhotoRow, name: str = "") -> None:
        """"New person…": the register's form; the person made appears in the photo."""
        from essplanner.ui.consents.forms import PersonForm

        form = PersonForm(None, self.dialog_parent, name=name)

        def submit(values: dict[str, object]) -> None:
            person = self.ws.consents.add_person(**values)  # type: ignore[arg-type]
            row.add_person(person.id)

        form.submit = submit
        form.open()
        self.person_form = form

    def problems(self, state: EditorState, accounts: Sequence[domain.Account],
                 at: datetime) -> list[EditorProblem]:
        """Photos that seem to show faces nobody named, and the consents that do not
        allow the ticked networks at ``at`` (the publishing time)."""
        found: list[EditorProblem] = []
        for number, draft in enumerate(state.media, start=1):
            row = self.rows.get(draft.path)
            faces = row.unanswered_faces() if row is not None else 0
            if faces:
                found.append(EditorProblem(
                    Level.WARNING,
                    self.tr("Image %1 (%2) seems to show %n face(s): say who appears in it, "
                            "or that nobody can be recognised.", "", faces)
                    .replace("%1", str(number)).replace("%2", draft.name), "people"))
        checksums = list(dict.fromkeys(
            row.checksum for draft in state.media
            if (row := self.rows.get(draft.path)) is not None and row.checksum))
        chosen = [a.id for a in accounts if a.id in state.account_ids]
        if checksums and chosen:
            # the accounts' networks as the scheduling check sees them (a test account
            # counts as the network it imitates)
            found.extend(EditorProblem(Level.ERROR, p.message, "people")
                         for p in self.ws.consents.check_accounts(checksums, chosen, at))
        return found

    def wait(self) -> None:
        """Wait for the look-ups and counts under way (tests)."""
        self.runner.wait()
