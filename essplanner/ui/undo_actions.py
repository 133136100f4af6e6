"""Undo and redo actions that stay short on a toolbar.

``QUndoStack.createUndoAction`` puts the whole command in the action's text ("Undo move
« Appel aux bénévoles pour la collecte… »"): right in a menu, but on a toolbar the button
grows with the title and pushes the other buttons off a 1280-pixel screen. The toolbar
button shows the action's icon text, so that one stays "Undo"/"Redo" and the full text
goes to the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtGui import QAction, QUndoStack
from shiboken6 import isValid


class _Tooltip(QObject):
    """Keeps an action's tooltip on the command it acts on. A child of the action: it goes
    with it, and so does its connection."""

    def __init__(self, action: QAction, *, verb: str, nothing: str) -> None:
        super().__init__(action)
        self.action, self.verb, self.nothing = action, verb, nothing

    @Slot(str)
    def on_text_changed(self, text: str) -> None:
        if not isValid(self.action):
            return  # a closing window: the stack clears itself after its actions went
        self.action.setToolTip(self.verb.replace("%1", text) if text else self.nothing)


def keep_short(stack: QUndoStack, undo: QAction, redo: QAction) -> None:
    """Short toolbar texts for ``undo``/``redo``; the command they act on in their tooltip."""
    undo.setIconText(QCoreApplication.translate("UndoActions", "Undo"))
    redo.setIconText(QCoreApplication.translate("UndoActions", "Redo"))
    undo_tip = _Tooltip(undo, verb=QCoreApplication.translate("UndoActions", "Undo: %1"),
                        nothing=QCoreApplication.translate("UndoActions", "Nothing to undo"))
    redo_tip = _Tooltip(redo, verb=QCoreApplication.translate("UndoActions", "Redo: %1"),
                        nothing=QCoreApplication.translate("UndoActions", "Nothing to redo"))
    stack.undoTextChanged.connect(undo_tip.on_text_changed)
    stack.redoTextChanged.connect(redo_tip.on_text_changed)
    undo_tip.on_text_changed(stack.undoText())
    redo_tip.on_text_changed(stack.redoText())
