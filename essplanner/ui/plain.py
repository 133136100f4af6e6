"""Server- and user-supplied strings shown by Qt as the text they are, never as HTML.

Tooltips, message boxes and labels guess their format: a string whose first tag
Qt knows (``Qt.mightBeRichText``) is rendered as HTML. An error text such as
``<h1>Boom</h1><a href=...>`` from a hostile server, or a post title, would then
show as a headline and a link. Every such string goes through this module before
it reaches Qt:

- :func:`plain` for contexts that guess (tooltips, ``ToolTipRole``, the static
  ``QMessageBox`` functions): the text unchanged when Qt takes it as plain text
  anyway, else escaped inside ``<qt>`` so that it shows literally, spaces and
  line breaks included;
- :func:`plain_label` for labels: their format is fixed to plain text.

Rich text we build ourselves escapes what it embeds (:func:`escape`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel


def escape(text: str, quote: bool = True) -> str:
    """``html.escape``, for the modules the calendar needs at start: importing :mod:`html`
    loads its table of 2,231 named entities (about 1 MB) that escaping never uses."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#x27;")
    return text


def plain(text: str) -> str:
    """``text`` as it must be given to a Qt context that guesses rich text."""
    if not text or not GuiQt.mightBeRichText(text):
        return text
    # pre-wrap keeps spaces and line breaks as they were, and still wraps long lines
    return f'<qt><p style="white-space:pre-wrap">{escape(text, quote=False)}</p></qt>'


def plain_label(label: QLabel) -> QLabel:
    """``label``, showing whatever it is given as plain text."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
