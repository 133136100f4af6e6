"""The printable consent form (droit à l'image), as a PDF ready to sign: one A4 page per
language, filled with the association's name and the channels to tick.

The wording follows French image-rights practice: what the images are for, where they
are shown, for how long, the right to withdraw at any time (GDPR), the person's other
rights and whom to write to; a minor's legal guardian signs too. The text stays text in
the PDF (``pdftotext`` reads it). Needs a ``QApplication`` and no display: offscreen
works (``essplanner consent form``).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from essplanner.domain import platform_name
from essplanner.errors import EssPlannerError
from essplanner.i18n import _, translator
from essplanner.ui.pdf import print_pages, text_size

RESOLUTION = 110
BOX = "☐"
BLANK = "_" * 28
#: the networks offered when the workspace has no account yet
COMMON_NETWORKS = ("facebook", "instagram", "linkedin", "bluesky", "mastodon", "x",
                   "youtube", "tiktok")

STYLE = """
h1 { font-size: 16pt; color: #1b3a57; margin-bottom: 2px; }
p.org { font-size: 12pt; color: #37474f; margin-top: 0; }
h2 { font-size: 11pt; color: #1b3a57; margin-top: 10px; margin-bottom: 4px; }
p { margin-top: 4px; margin-bottom: 4px; }
li { margin-bottom: 3px; }
p.box { margin-left: 12px; }
p.small { font-size: 8pt; color: #455a64; }
td { padding: 4px; }
"""


@dataclass(frozen=True)
class FormFacts:
    """What fills the form: the association, its channels, whom to write to, and the
    person when known (else blank lines to fill by hand)."""

    organisation: str
    networks: tuple[str, ...] = COMMON_NETWORKS
    contact: str = ""
    person_name: str = ""
    guardian_name: str = ""


def _e(text: object) -> str:
    return html.escape(str(text))


def form_html(facts: FormFacts) -> tuple[str, str]:
    """The form's title and body (HTML) in the current language."""
    org = facts.organisation.strip() or BLANK
    contact = facts.contact.strip() or BLANK
    name = facts.person_name or BLANK
    guardian = facts.guardian_name or BLANK
    day = "____ / ____ / ________"
    title = _("Image rights: consent form")
    who = _("I, the undersigned (first name, last name):")
    address = _("Address, email or phone:")
    minor = _("For a minor, the legal guardian (first name, last name):")
    purpose = _("authorise {organisation} to take photographs and videos in which I appear "
                "(or the minor I am responsible for) and to publish them, free of charge, to "
                "present its activities and its projects, on the channels ticked below.",
                organisation=org)
    where = _("Where the images may be shown (tick)")
    all_networks = _("All the social networks of the association")
    only = _("Only these social networks:")
    website = _("The website of the association")
    printed = _("Print: leaflets, posters, newsletters, annual report")
    how_long = _("For how long")
    period = _("This consent is valid from {start} to {end}.", start=day, end=day)
    commitments_title = _("What the association commits to")
    commitments = (
        _("The images are used only for the purpose above: never sold, never given to a "
          "third party for its own use, never used in a way that harms the dignity, the "
          "reputation or the private life of the person shown."),
        _("Captions never give more than the first name, unless I agree."),
        _("This form and the consent are kept as long as the images are used, and then as "
          "long as needed to prove the consent."),
    )
    rights_title = _("My rights")
    rights = (
        _("A photograph of a person is personal data (General Data Protection Regulation, "
          "GDPR) and everyone has a right over their image (article 9 of the French Civil "
          "Code)."),
        _("I can withdraw this consent at any time, without giving a reason, by writing to "
          "{contact}. The association then stops using the images and removes the posts it "
          "controls that show me; uses made before the withdrawal stay lawful.",
          contact=contact),
        _("I can ask to see, correct or erase what the association holds about me, and "
          "complain to the CNIL (www.cnil.fr)."),
    )
    signed = _("Signed at {place}, on {date}, in two copies.", place=BLANK, date=day)
    signature = _("Signature of the person")
    guardian_signature = _("Signature of the legal guardian (for a minor)")
    approved = _("preceded by “read and approved”")

    networks = "&nbsp;&nbsp; ".join(f"{BOX} {_e(platform_name(n))}" for n in facts.networks)
    parts = [
        f"<h1>{_e(title)}</h1>", f'<p class="org">{_e(org)}</p>',
        f"<p>{_e(who)} {_e(name)}</p>",
        f"<p>{_e(address)} {BLANK}{BLANK}</p>",
        f"<p>{_e(minor)} {_e(guardian)}</p>",
        f"<p>{_e(purpose)}</p>",
        f"<h2>{_e(where)}</h2>",
        f'<p class="box">{BOX} {_e(all_networks)}</p>',
        f'<p class="box">{BOX} {_e(only)} {networks}</p>',
        f'<p class="box">{BOX} {_e(website)}</p>',
        f'<p class="box">{BOX} {_e(printed)}</p>',
        f"<h2>{_e(how_long)}</h2>", f"<p>{_e(period)}</p>",
        f"<h2>{_e(commitments_title)}</h2><ul>",
        *(f"<li>{_e(line)}</li>" for line in commitments), "</ul>",
        f"<h2>{_e(rights_title)}</h2><ul>",
        *(f"<li>{_e(line)}</li>" for line in rights), "</ul>",
        f"<p>{_e(signed)}</p>",
        '<table width="100%" cellpadding="6"><tr>'
        f'<td width="50%">{_e(signature)}<br><span class="small">{_e(approved)}</span></td>'
        f'<td width="50%">{_e(guardian_signature)}<br>'
        f'<span class="small">{_e(approved)}</span></td></tr>'
        '<tr><td height="90"></td><td height="90"></td></tr></table>',
    ]
    return title, "\n".join(parts)


def write_form(path: Path, facts: FormFacts, langs: Sequence[str] = ("fr", "en")) -> None:
    """Write the form to ``path``: one A4 page per language of ``langs``."""
    app = QApplication.instance() or QApplication(["essplanner"])
    assert app is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(16, 14, 16, 12), QPageLayout.Unit.Millimeter)
    writer.setResolution(RESOLUTION)
    writer.setCreator("ESS Planner")
    font = QFont("DejaVu Sans")
    font.setPointSizeF(10.5)
    painter = QPainter()
    if not painter.begin(writer):
        raise EssPlannerError(_("Cannot write {file}: {error}", file=str(path), error="PDF"))
    try:
        for index, lang in enumerate(langs):
            with translator(lang).active():
                title, body = form_html(facts)
            if index == 0:
                writer.setTitle(title)
            else:
                writer.newPage()
            document = QTextDocument()
            document.documentLayout().setPaintDevice(writer)
            document.setDefaultFont(font)
            document.setDefaultStyleSheet(STYLE)
            document.setDocumentMargin(0)
            document.setPageSize(text_size(writer, footer=False))
            document.setHtml(f"<html><body>{body}</body></html>")
            # a long translation may need a second page for the signatures
            print_pages(document, writer, painter=painter)
    finally:
        painter.end()
    if not path.exists() or path.stat().st_size == 0:
        raise EssPlannerError(_("Cannot write {file}: {error}", file=str(path), error="PDF"))
