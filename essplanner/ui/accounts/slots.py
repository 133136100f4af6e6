"""The posting slots of the account chosen in the accounts dialog.

Saving never moves a post: when queued posts no longer sit on a slot, the person is told
how many and asked whether to put them on the next free slots.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget

from essplanner.domain import Account
from essplanner.errors import EssPlannerError
from essplanner.services.slots import SlotService, format_slots, parse_slots
from essplanner.ui import messages
from essplanner.ui.plain import plain


class SlotsEditor(QWidget):
    """A line "mon 09:00, wed 18:30" and its Save button, for one account at a time."""

    def __init__(self, slots: SlotService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slots = slots
        self.account: Account | None = None
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("for example: mon 09:00, wed 18:30"))
        self.edit.setToolTip(self.tr(
            "Weekly times, in the workspace's time zone, at which “Add to the queue” places "
            "this account's posts. Changing them moves no scheduled post."))
        label = QLabel(self.tr("Posting &slots:"), self)
        label.setBuddy(self.edit)
        self.save_button = QPushButton(self.tr("Save slots"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.save_button)
        self.save_button.clicked.connect(self.save)
        self.edit.returnPressed.connect(self.save)
        self.set_account(None)

    def set_account(self, account: Account | None) -> None:
        self.account = account
        self.edit.setEnabled(account is not None)
        self.save_button.setEnabled(account is not None)
        self.edit.setText(format_slots(self.slots.slots(account.id)) if account else "")

    def save(self) -> bool:
        """Store the slots typed; says whether they were stored."""
        if self.account is None:
            return False
        try:
            saved = self.slots.set_slots(self.account.id, parse_slots(self.edit.text()))
        except EssPlannerError as exc:
            messages.warning(self, self.tr("Posting slots"), plain(str(exc)))
            return False
        self.edit.setText(format_slots(saved.slots))
        if saved.off_slot:
            answer = messages.question(
                self, self.tr("Posting slots"),
                self.tr("%n queued post(s) no longer sit on a slot of this account. They were "
                        "not moved. Put them on the next free slots now?", "",
                        len(saved.off_slot)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                try:
                    self.slots.requeue(saved.off_slot)
                except EssPlannerError as exc:
                    messages.warning(self, self.tr("Posting slots"), plain(str(exc)))
        return True
