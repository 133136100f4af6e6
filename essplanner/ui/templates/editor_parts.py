"""What the post editor gains from templates and evergreen posts: the "evergreen" row
(reusable, cooldown, maximum of reuses) and "Save as template…"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QInputDialog, QLabel, QSpinBox, QWidget

from essplanner.errors import EssPlannerError
from essplanner.services.evergreen import DEFAULT_COOLDOWN_DAYS
from essplanner.services.templates import PostTemplate
from essplanner.workspace import Workspace


class EvergreenRow(QWidget):
    """Evergreen or not, the days to wait between two uses, the maximum of reuses.

    Signals: ``changed()`` when the person changes any of them (not when loaded)."""

    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.check = QCheckBox(self.tr("E&vergreen: can be reused to fill gaps"), self)
        self.check.setToolTip(self.tr("Reusable posts are listed in Tools › Evergreen posts "
                                      "and proposed where the coverage has gaps."))
        self.cooldown = QSpinBox(self)
        self.cooldown.setRange(0, 730)
        self.cooldown.setValue(DEFAULT_COOLDOWN_DAYS)
        self.cooldown.setSuffix(self.tr(" days between uses"))
        self.cooldown.setAccessibleName(self.tr("Days between two uses"))
        self.max_reuses = QSpinBox(self)
        self.max_reuses.setRange(0, 999)
        self.max_reuses.setSpecialValueText(self.tr("no limit"))
        self.max_reuses.setPrefix(self.tr("at most "))
        self.max_reuses.setAccessibleName(self.tr("Maximum number of reuses"))
        self.limit_label = QLabel(self.tr("reuses"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.cooldown)
        layout.addWidget(self.max_reuses)
        layout.addWidget(self.limit_label)
        layout.addStretch(1)
        self._loading = False
        self.check.toggled.connect(self._on_changed)
        self.cooldown.valueChanged.connect(self._on_changed)
        self.max_reuses.valueChanged.connect(self._on_changed)
        self._enable()

    def load(self, post_id: int | None) -> None:
        entry = self.ws.evergreen.find(post_id) if post_id is not None else None
        self._loading = True
        try:
            self.check.setChecked(entry is not None)
            if entry is not None:
                self.cooldown.setValue(entry.cooldown_days)
                self.max_reuses.setValue(entry.max_reuses or 0)
        finally:
            self._loading = False
        self._enable()

    def apply(self, post_id: int) -> str | None:
        """Store what is shown for post ``post_id``; the reason it was refused, if it was."""
        try:
            if self.check.isChecked():
                self.ws.evergreen.mark(post_id, cooldown_days=self.cooldown.value(),
                                       max_reuses=self.max_reuses.value() or None)
            elif self.ws.evergreen.find(post_id) is not None:
                self.ws.evergreen.unmark(post_id)
        except EssPlannerError as exc:
            return str(exc)
        return None

    def _enable(self) -> None:
        for widget in (self.cooldown, self.max_reuses, self.limit_label):
            widget.setEnabled(self.check.isChecked())

    def _on_changed(self, *_args: object) -> None:
        self._enable()
        if not self._loading:
            self.changed.emit()


def ask_template_name(parent: QWidget, suggested: str) -> str | None:
    """The name to save a post as a template under (None: cancelled)."""
    name, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("EvergreenRow", "Save as template"),
        QCoreApplication.translate(
            "EvergreenRow", "Name of the template (it appears in File › New post from template):"),
        text=suggested)
    return name if ok else None


def saved_message(template: PostTemplate) -> str:
    return QCoreApplication.translate("EvergreenRow", "Saved as the template “%1”.").replace(
        "%1", template.name)
