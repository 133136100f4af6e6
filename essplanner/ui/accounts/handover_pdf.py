"""The handover checklist of a departing volunteer as a PDF: :class:`QTextDocument` HTML
on a :class:`QPdfWriter`, A4, like the board report (``ui/kpi/report_pdf.py``).

The text stays text (``pdftotext`` reads it). Everything it says comes from
:class:`essplanner.services.handover.Checklist`, already in the user's language, and none
of it is a secret: the register refuses secrets, and no keyring is read here. It needs a
``QApplication`` (for fonts) and no display: offscreen works.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from essplanner.errors import EssPlannerError
from essplanner.i18n import _
from essplanner.services.handover import Checklist, ChecklistItem
from essplanner.ui.pdf import print_pages, text_size

RESOLUTION = 110

STYLE = """
h1 { font-size: 18pt; color: #1b3a57; margin-bottom: 2px; }
h2 { font-size: 12.5pt; color: #1b3a57; margin-top: 14px; margin-bottom: 4px; }
p.meta { color: #607d8b; margin-top: 2px; }
p.risk { color: #b71c1c; font-weight: 600; }
th { text-align: left; color: #37474f; font-weight: 600; padding-right: 10px; }
td { padding-right: 6px; }
li { margin-bottom: 3px; }
"""


def _e(text: object) -> str:
    return html.escape(str(text))


def _item_html(item: ChecklistItem) -> str:
    rows = [(_("Network"), item.network), (_("Handle"), item.handle or "—"),
            (_("Login"), item.login_kind), (_("Connected by"), item.connected),
            (_("Tied to it as"), ", ".join(item.roles)),
            (_("Backup administrators"), item.backup_admins),
            (_("Recovery codes kept at"), item.recovery_codes_place),
            (_("Login ends"), item.expiry)]
    table = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows)
    parts = [f"<h2>{_e(item.account)} — {_e(item.network)}</h2>",
             f'<table cellspacing="2">{table}</table>']
    if item.at_risk:
        parts.append('<p class="risk">' + _e(_(
            "Risk: this account is in a person's private login.")) + "</p>")
    parts.append("<p><b>" + _e(_("To hand over")) + "</b></p>")
    parts.append("<ul>" + "".join(f"<li>☐ {_e(step)}</li>" for step in item.steps)
                 + "</ul>")
    return "".join(parts)


def build_html(checklist: Checklist) -> str:
    title = _("Handover checklist — {person}", person=checklist.person)
    intro = _("The accounts {person} connected, holds the login of or administers, and what "
              "to hand over before leaving. Tick each line once done. No password, token or "
              "recovery code is written here.", person=checklist.person)
    made = _("Made on {date}", date=checklist.made_on)
    return "".join([
        f"<h1>{_e(title)}</h1>",
        f'<p class="meta">{_e(made)}</p>',
        f"<p>{_e(intro)}</p>",
        *(_item_html(item) for item in checklist.items),
    ])


def write_checklist_pdf(checklist: Checklist, path: Path) -> None:
    """Write the checklist to ``path``: A4, 15 mm margins, page numbers in the footer."""
    app = QApplication.instance() or QApplication(["essplanner"])
    assert app is not None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise EssPlannerError(_("Cannot write {file}: {error}", file=str(path),
                                error=exc.strerror or str(exc))) from exc
    title = _("Handover checklist — {person}", person=checklist.person)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 12), QPageLayout.Unit.Millimeter)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("ESS Planner")

    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(9.5)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(STYLE)
    document.setDocumentMargin(0)
    document.setPageSize(text_size(writer, footer=True))
    document.setHtml(f"<html><body>{build_html(checklist)}</body></html>")
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)

    painter = QPainter()
    if not painter.begin(writer):
        raise EssPlannerError(_("Cannot write {file}: {error}", file=str(path), error="PDF"))
    try:
        print_pages(document, writer, painter=painter, footer=title)
    finally:
        painter.end()
    if not path.exists() or path.stat().st_size == 0:
        raise EssPlannerError(_("Cannot write {file}: {error}", file=str(path), error="PDF"))
