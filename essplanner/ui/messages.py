"""Every message box the app shows the user goes through here.

One place to change how messages look, and one place for tests to answer them:
they patch these functions (``monkeypatch.setattr(messages, "question", ...)``)
instead of ``QMessageBox`` for the whole process. The signatures are those of
``QMessageBox``'s static functions.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMessageBox, QWidget

from essplanner.errors import EssPlannerError
from essplanner.ui.plain import plain

if TYPE_CHECKING:
    # not at import: the window paints before the publishers' modules (and their regular
    # expressions) or the message boxes' enums are loaded
    Button = QMessageBox.StandardButton


def information(parent: QWidget | None, title: str, text: str, *args: Any) -> Button:
    return QMessageBox.information(parent, title, text, *args)


def warning(parent: QWidget | None, title: str, text: str, *args: Any) -> Button:
    return QMessageBox.warning(parent, title, text, *args)


def critical(parent: QWidget | None, title: str, text: str, *args: Any) -> Button:
    return QMessageBox.critical(parent, title, text, *args)


def question(parent: QWidget | None, title: str, text: str, *args: Any) -> Button:
    return QMessageBox.question(parent, title, text, *args)


def about(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.about(parent, title, text)


def ask(box: QMessageBox) -> int:
    """Show a message box built by the caller (custom buttons) and return its result."""
    return box.exec()


def report_error(parent: QWidget, title: str, exc: Exception) -> None:
    """User-caused problems (keyring, network, refused input) in a message; bugs to the hook."""
    from essplanner.publishers.errors import PublishError

    if isinstance(exc, EssPlannerError | PublishError):
        warning(parent, title, plain(str(exc)))
    else:
        sys.excepthook(type(exc), exc, exc.__traceback__)
