"""A server's HTML (or a user's) is shown as the text it is, never rendered (issue 10, item 9)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt, QTextDocument
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from essplanner import models
from essplanner.channels.accounts import CheckOutcome
from essplanner.domain import DeliveryState
from essplanner.errors import EssPlannerError
from essplanner.ui import messages
from essplanner.ui.accounts.dialog import AccountsDialog, Column
from essplanner.ui.bridge import Bridge
from essplanner.ui.mainwindow import MainWindow
from essplanner.ui.messages import report_error
from essplanner.ui.plain import plain
from essplanner.workspace import Workspace

from .conftest import Dialogs, paris

pytestmark = pytest.mark.gui

HTML = '<h1>Boom</h1><a href="http://x">x</a>'


def shown(text: str) -> str:
    """What Qt displays for ``text`` where it guesses the format (tooltips, message boxes)."""
    document = QTextDocument()
    if GuiQt.mightBeRichText(text):
        document.setHtml(text)
    else:
        document.setPlainText(text)
    return document.toPlainText()


def test_the_needs_attention_list_shows_an_error_page_as_text(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, dialogs: Dialogs) -> None:
    account = workspace.accounts.add(platform="dryrun", name="FB")
    post = workspace.posts.create_many([("1", _draft("<b>Titre</b>", account.id),
                                         paris(2026, 11, 28, 9))], schedule=True)[0]
    with workspace.db.write() as s:
        s.execute(update(models.Target).where(models.Target.post_id == post.id).values(
            state=DeliveryState.UNCONFIRMED.value, last_error=HTML))
    window.refresh()
    model = window.attention_model
    assert model.rowCount() == 1
    tip = model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("<qt>") and "&lt;h1&gt;Boom&lt;/h1&gt;" in tip
    assert shown(tip) == HTML
    # the calendar's tooltips too: the day's titles, the post's summary
    day = window.month_model.index_of(paris(2026, 11, 28, 9).date())
    assert "<b>Titre</b>" in shown(day.data(Qt.ItemDataRole.ToolTipRole))
    chip = window.month_model.chips_on(paris(2026, 11, 28, 9).date())[0]
    assert HTML in shown(chip.tooltip())
    # a question naming the post
    window.attention.table.selectRow(0)
    dialogs.answer = QMessageBox.StandardButton.No
    window.attention.retry_button.click()
    assert "<b>Titre</b> may already be online" in shown(dialogs.texts()[-1])


def test_the_accounts_dialog_shows_an_error_page_as_text(
        qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    workspace.accounts.update(account.id, needs_reconnect=True, reconnect_reason=HTML)
    bridge = Bridge()
    dialog = AccountsDialog(workspace, bridge)
    qtbot.addWidget(dialog)
    row = dialog.model.row_of(account.id)
    assert row is not None
    tip = dialog.model.index(row, Column.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;h1&gt;" in tip and shown(tip) == HTML

    dialog._show_outcome(CheckOutcome(workspace.accounts.get(account.id), ok=False,
                                      message=HTML))
    assert dialog.info.textFormat() is Qt.TextFormat.PlainText
    assert HTML in dialog.info.text()

    warned: list[str] = []
    monkeypatch.setattr(messages, "warning",
                        lambda parent, title, text, *a: warned.append(text))
    report_error(dialog, "Check", EssPlannerError(f"Refused: {HTML}"))
    assert shown(warned[0]) == f"Refused: {HTML}"


def test_plain_leaves_what_qt_shows_as_text_alone() -> None:
    for text in ("Token has expired", "5 < 6 & 7 > 3", "Réponse :\n<h1>plus bas</h1>", ""):
        assert plain(text) == text
        assert shown(plain(text)) == text
    for text in ("a &lt; b", "<b>bold</b>\n\nsecond  line", " <p>x"):
        assert plain(text) != text
        assert shown(plain(text)) == text


def _draft(title: str, account_id: int):  # type: ignore[no-untyped-def]
    from essplanner.domain import PostDraft

    return PostDraft(title=title, body="Bonjour", account_ids=(account_id,))


def test_escape_is_html_escape() -> None:
    """The calendar's escape (html.escape without loading html's entity table) gives
    exactly what html.escape gives, quotes or not."""
    import html

    from essplanner.ui.plain import escape

    hostile = "<h1>Boom</h1> & <a href=\"x\" title='y'>&amp;</a> « été » \x00"
    for quote in (True, False):
        assert escape(hostile, quote) == html.escape(hostile, quote=quote)
