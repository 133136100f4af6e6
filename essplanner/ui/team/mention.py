"""A text field that completes ``@`` mentions with the names of the team's members."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QPlainTextEdit, QWidget

#: the longest text after "@" still completed (a name, not a sentence)
MAX_PREFIX = 40


class MentionEdit(QPlainTextEdit):
    """Typing ``@`` and the start of a name offers the members whose name starts (or whose
    words start) with it; Enter or a click writes ``@Full Name``. Signals:
    ``send_requested()`` on Ctrl+Enter."""

    send_requested = Signal()

    def __init__(self, names: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._names = QStringListModel(list(names), self)
        self.completer = QCompleter(self._names, self)
        self.completer.setWidget(self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        # the overload with the chosen text (the other one gives its index)
        self.completer.activated[str].connect(self.insert_mention)  # type: ignore[index]

    def popup(self) -> QAbstractItemView:
        popup = self.completer.popup()
        assert popup is not None  # QCompleter makes one when it has none
        return popup

    def set_names(self, names: Sequence[str]) -> None:
        self._names.setStringList(list(names))

    def names(self) -> list[str]:
        return self._names.stringList()

    def mention_prefix(self) -> str | None:
        """The text typed after the ``@`` being written, or None when not in a mention."""
        cursor = self.textCursor()
        block = cursor.block().text()[: cursor.positionInBlock()]
        at = block.rfind("@")
        if at < 0 or (at > 0 and not block[at - 1].isspace()):  # an e-mail, not a mention
            return None
        prefix = block[at + 1:]
        if len(prefix) > MAX_PREFIX or "\n" in prefix:
            return None
        return prefix

    def insert_mention(self, name: str) -> None:
        """Replace the ``@prefix`` before the cursor with ``@name``."""
        prefix = self.mention_prefix()
        if prefix is None:
            return
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Left,
                            QTextCursor.MoveMode.KeepAnchor, len(prefix))
        cursor.insertText(f"{name} ")
        self.setTextCursor(cursor)
        self.popup().hide()

    def update_completion(self) -> None:
        """Show or hide the list of names for what is typed after ``@``."""
        prefix = self.mention_prefix()
        if prefix is None or not self.names():
            self.popup().hide()
            return
        self.completer.setCompletionPrefix(prefix)
        if self.completer.completionCount() == 0:
            self.popup().hide()
            return
        popup = self.popup()
        popup.setCurrentIndex(self.completer.completionModel().index(0, 0))
        rect = self.cursorRect()
        rect.setWidth(popup.sizeHintForColumn(0) + popup.verticalScrollBar().sizeHint().width())
        self.completer.complete(rect)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.popup()
        if popup.isVisible() and event.key() in (
                Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Tab,
                Qt.Key.Key_Backtab):
            event.ignore()  # the completer's popup takes them
            return
        if (event.key() in (Qt.Key.Key_Enter, Qt.Key.Key_Return)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.send_requested.emit()
            return
        super().keyPressEvent(event)
        if event.text() or event.key() == Qt.Key.Key_Backspace:
            self.update_completion()
