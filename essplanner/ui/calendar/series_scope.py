"""Changes to recurring posts: which occurrences ("this one / this and the following /
all"), and their undo commands on the window's stack."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox, QWidget

from essplanner.domain import SeriesScope, SeriesState
from essplanner.errors import EssPlannerError

if TYPE_CHECKING:
    from essplanner.services.series import SeriesService


def ask_scope(parent: QWidget, title: str) -> SeriesScope | None:
    """Ask which occurrences a change applies to (None: the user cancelled)."""
    box = QMessageBox(QMessageBox.Icon.Question, title,
                      QCoreApplication.translate("SeriesScope", "This post repeats. Apply the change to:"),
                      QMessageBox.StandardButton.Cancel, parent)
    buttons: dict[object, SeriesScope] = {
        box.addButton(QCoreApplication.translate("SeriesScope", "This occurrence"), QMessageBox.ButtonRole.AcceptRole):
            SeriesScope.THIS,
        box.addButton(QCoreApplication.translate("SeriesScope", "This and the following"), QMessageBox.ButtonRole.AcceptRole):
            SeriesScope.FOLLOWING,
        box.addButton(QCoreApplication.translate("SeriesScope", "All occurrences"), QMessageBox.ButtonRole.AcceptRole):
            SeriesScope.ALL,
    }
    box.exec()
    return buttons.get(box.clickedButton())


class SeriesCommand(QUndoCommand):
    """A change to several occurrences (a split, a move of all...): ``apply`` makes it the
    first time and returns the states before and after; undo and redo go back to them."""

    def __init__(self, series: SeriesService, text: str,
                 apply: Callable[[], tuple[SeriesState, SeriesState]],
                 report: Callable[[str], None]) -> None:
        super().__init__(text)
        self.series = series
        self.apply = apply
        self.report = report
        self.before: SeriesState | None = None
        self.after: SeriesState | None = None

    def redo(self) -> None:
        try:
            if self.after is None:
                self.before, self.after = self.apply()
            else:
                self.series.restore_state(self.after)
        except EssPlannerError as exc:
            self.report(str(exc))
            self.setObsolete(True)

    def undo(self) -> None:
        if self.before is None:
            return
        try:
            self.series.restore_state(self.before)
        except EssPlannerError as exc:
            self.report(str(exc))
            self.setObsolete(True)
