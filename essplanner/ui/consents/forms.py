"""The forms of the image-rights register: a person, and one of their consents.

Both are shared: the register opens them, and so does the editor's "New person…" when
a photo shows someone not yet in the register. A refused value is said under the fields
and the form stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from essplanner.errors import EssPlannerError
from essplanner.ui.check_model import CheckItem, CheckListModel
from essplanner.ui.labels import KNOWN_PLATFORMS, platform_label, pydate, qdate
from essplanner.ui.plain import plain_label
from essplanner.ui.style import platform_icon

if TYPE_CHECKING:
    from essplanner import domain

DATE_FORMAT = "dd/MM/yyyy"


class _Form(QDialog):
    """A form whose OK runs ``submit`` with :meth:`values`; an :class:`EssPlannerError`
    is shown under the fields and the form stays open."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.submit: Callable[[dict[str, Any]], None] | None = None
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error = plain_label(QLabel(self))
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def try_accept(self) -> None:
        try:
            values = self.values()
            if self.submit is not None:
                self.submit(values)
        except EssPlannerError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()


class PersonForm(_Form):
    """A person's name, contact, whether a minor (and their legal guardian), notes."""

    def __init__(self, person: domain.Person | None, parent: QWidget | None = None, *,
                 name: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New person") if person is None else self.tr("Person"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("First name and last name"))
        self.contact = QLineEdit(self)
        self.contact.setPlaceholderText(self.tr("Email, phone or address"))
        self.minor = QCheckBox(self.tr("&Minor (under 18)"), self)
        self.guardian = QLineEdit(self)
        self.guardian.setPlaceholderText(self.tr("Who signs for them"))
        self.notes = QPlainTextEdit(self)
        self.notes.setFixedHeight(70)
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow(self.tr("&Contact:"), self.contact)
        self.form.addRow("", self.minor)
        self.form.addRow(self.tr("Legal &guardian:"), self.guardian)
        self.form.addRow(self.tr("N&otes:"), self.notes)
        self.finish()
        if person is not None:
            self.name.setText(person.name)
            self.contact.setText(person.contact)
            self.minor.setChecked(person.minor)
            self.guardian.setText(person.guardian_name)
            self.notes.setPlainText(person.notes)
        else:
            self.name.setText(name)
        self.minor.toggled.connect(self.guardian.setEnabled)
        self.guardian.setEnabled(self.minor.isChecked())
        self.resize(440, self.sizeHint().height())
        self.name.setFocus()

    def values(self) -> dict[str, Any]:
        minor = self.minor.isChecked()
        return {"name": self.name.text().strip(), "contact": self.contact.text().strip(),
                "minor": minor, "guardian_name": self.guardian.text().strip() if minor else "",
                "notes": self.notes.toPlainText().strip()}


class ConsentForm(_Form):
    """A consent: where the images may be used (all social networks or named ones, the
    website, print), from and until when, the guardian's signature for a minor, and the
    signed form (a scan or a PDF)."""

    def __init__(self, person: domain.Person, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Consent of %1").replace("%1", person.name))
        self.all_networks = QCheckBox(self.tr("All &social networks"), self)
        self.all_networks.setChecked(True)
        self.networks = CheckListModel(self)
        self.networks.set_items([CheckItem(p, platform_label(p), platform_icon(p))
                                 for p in KNOWN_PLATFORMS])
        self.networks_view = QListView(self)
        self.networks_view.setModel(self.networks)
        self.networks_view.setAccessibleName(self.tr("Networks"))
        self.networks_view.setMaximumHeight(120)
        self.networks_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.website = QCheckBox(self.tr("The association's &website"), self)
        self.print_ = QCheckBox(self.tr("&Print (flyers, posters, newsletter)"), self)
        self.starts_on = QDateEdit(self)
        self.ends_on = QDateEdit(self)
        for edit in (self.starts_on, self.ends_on):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(DATE_FORMAT)
        self.open_ended = QCheckBox(self.tr("No end date"), self)
        self.guardian_signed = QCheckBox(self.tr("Signed by the legal &guardian"), self)
        self.form_path = ""
        self.form_label = plain_label(QLabel(self.tr("No signed form attached"), self))
        self.attach_button = QPushButton(self.tr("A&ttach the signed form…"), self)
        ends = QHBoxLayout()
        ends.addWidget(self.ends_on)
        ends.addWidget(self.open_ended)
        ends.addStretch(1)
        attach = QHBoxLayout()
        attach.addWidget(self.form_label, 1)
        attach.addWidget(self.attach_button)
        self.form.addRow(self.tr("Networks:"), self.all_networks)
        self.form.addRow("", self.networks_view)
        self.form.addRow(self.tr("Also:"), self.website)
        self.form.addRow("", self.print_)
        self.form.addRow(self.tr("&From:"), self.starts_on)
        self.form.addRow(self.tr("&Until:"), ends)
        self.form.addRow("", self.guardian_signed)
        self.form.addRow(self.tr("Signed form:"), attach)
        self.finish()
        self.starts_on.setDate(qdate(today))
        self.ends_on.setDate(qdate(date(today.year + 2, today.month, min(today.day, 28))))
        self.guardian_signed.setVisible(person.minor)
        self.all_networks.toggled.connect(self._enable)
        self.open_ended.toggled.connect(lambda on: self.ends_on.setEnabled(not on))
        self.attach_button.clicked.connect(lambda: self.attach())  # noqa: PLW0108
        self._enable(True)
        self.resize(480, self.sizeHint().height())

    def _enable(self, all_networks: bool) -> None:
        self.networks_view.setEnabled(not all_networks)

    def attach(self, path: str | None = None) -> None:
        """Attach the signed form (asked for when ``path`` is None)."""
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Signed form"), str(Path.home()),
                self.tr("Scans and PDF (*.pdf *.jpg *.jpeg *.png)"))
        if path:
            self.form_path = path
            self.form_label.setText(Path(path).name)

    def values(self) -> dict[str, Any]:
        return {
            "all_networks": self.all_networks.isChecked(),
            "platforms": () if self.all_networks.isChecked()
            else tuple(str(p) for p in self.networks.checked()),
            "website": self.website.isChecked(),
            "print_": self.print_.isChecked(),
            "starts_on": pydate(self.starts_on.date()),
            "ends_on": None if self.open_ended.isChecked() else pydate(self.ends_on.date()),
            "guardian_signed": self.guardian_signed.isChecked(),
            "form": Path(self.form_path) if self.form_path else None,
        }

