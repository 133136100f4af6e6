"""The board report's pages on image rights (consents ending within 60 days, posts
blocked) and accessibility (share of images with a real alternative text)."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import unicodedata
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from essplanner import domain
from essplanner.kpi import report
from essplanner.kpi.periods import DateRange
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace

NOVEMBER = DateRange.inclusive(date(2026, 11, 1), date(2026, 11, 30))


def image(tmp_path: Path, name: str, colour: str) -> str:
    path = tmp_path / name
    Image.new("RGB", (800, 800), colour).save(path, "JPEG")
    return str(path)


def populate(ws: Workspace, tmp_path: Path) -> dict[str, int]:
    """On 2026-11-27: Awa's consent ends in 30 days, Zoé's in 90; Karim withdrew his, and
    a scheduled post shows him; three images in November, one described by "photo"."""
    page = ws.accounts.add(platform="dryrun", name="Page", settings={"mimic": "facebook"})
    consents = ws.consents
    awa = consents.add_person("Awa Diallo", contact="awa@example.org")
    zoe = consents.add_person("Zoé Martin")
    karim = consents.add_person("Karim Benali")
    consents.add_consent(awa.id, all_networks=True, starts_on=date(2026, 1, 1),
                         ends_on=date(2026, 12, 27))
    consents.add_consent(zoe.id, all_networks=False, platforms=["facebook"], website=True,
                         starts_on=date(2026, 1, 1), ends_on=date(2027, 2, 25))
    withdrawn = consents.add_consent(karim.id, all_networks=True, starts_on=date(2026, 1, 1))

    def post(title: str, picture: str, alt: str, day: int) -> domain.Post:
        return ws.posts.create(domain.PostDraft(
            title=title, body=title, account_ids=(page.id,),
            media=(domain.MediaInput(path=picture, alt_text=alt),)),
            scheduled_at=datetime(2026, 11, day, 10, 0, tzinfo=UTC))

    post("Atelier couture", image(tmp_path, "a.jpg", "orange"),
         "Awa coud une robe au local de l'association", 3)
    post("Jardin", image(tmp_path, "b.jpg", "green"), "photo", 10)
    karim_post = post("Distribution", image(tmp_path, "c.jpg", "blue"),
                      "Karim distribue des paniers de légumes", 29)
    consents.tag_photo(karim_post.media[0].checksum, [karim.id])
    ws.posts.schedule(karim_post.id, datetime(2026, 11, 29, 10, 0, tzinfo=UTC))
    consents.withdraw(withdrawn.id)
    return {"karim_post": karim_post.id}


def test_report_data_has_image_rights_and_alt_text(workspace: Workspace, tmp_path: Path,
                                                   clock: FakeClock) -> None:
    ids = populate(workspace, tmp_path)
    data = report.build(workspace, NOVEMBER, lang="en")
    rights = data.image_rights
    assert rights is not None
    assert (rights.people, rights.consents_in_force) == (3, 2)
    assert [(r.person, r.ends_on) for r in rights.expiring] == [("Awa D.", date(2026, 12, 27))]
    assert [(r.post_id, r.network, r.reasons) for r in rights.blocked] == [
        (ids["karim_post"], "Facebook", "Karim B.: consent withdrawn")]
    assert "1 consent ends within 60 days: ask for a renewal before it does." in \
        data.image_rights_lines
    alt = data.alt_text
    assert alt is not None and (alt.images, alt.described) == (3, 2)
    assert alt.undescribed == (("Jardin", 1),)
    assert data.alt_text_line == "2 of 3 images have a real alternative text (67%)."
    # sixty days ahead of the clock: Zoé's consent shows up when the day comes
    clock.advance(timedelta(days=30))
    later = report.build(workspace, NOVEMBER, lang="en").image_rights
    assert later is not None
    assert [r.person for r in later.expiring] == ["Awa D.", "Zoé M."]


def test_report_pdf_pages_in_french(workspace: Workspace, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    from essplanner.ui.kpi.report_pdf import write_pdf

    populate(workspace, tmp_path)
    data = report.build(workspace, NOVEMBER, lang="fr", organisation="Les Jardins Partagés")
    out = tmp_path / "rapport.pdf"
    write_pdf(data, out)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    text = unicodedata.normalize("NFKC", text)  # the PDF's ligatures ("ﬁ") as letters
    flat = re.sub(r"\s+", " ", text)
    for words in ("Droit à l’image", "Consentements qui prennent fin bientôt", "Awa D.",
                  "Publications bloquées faute de consentement", "Karim B. : consentement retiré",
                  "Accessibilité", "2 images sur 3 ont un vrai texte alternatif (67 %)",
                  "Jardin"):
        assert words in flat, words
    assert "awa@example.org" not in flat and "Diallo" not in flat
    pages = text.split("\f")
    image_rights = next(i for i, p in enumerate(pages) if "Droit à l’image" in p)
    assert pages[image_rights].lstrip().startswith("Droit à l’image")


def test_report_pdf_running_over_pages_has_each_line_once(workspace: Workspace,
                                                          tmp_path: Path) -> None:
    """Highlights that run over several pages: each once, in order, none lost; a long
    one wraps over a page break and its lines are not repeated either."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    from essplanner.ui.kpi.report_pdf import write_pdf

    data = report.build(workspace, NOVEMBER, lang="en", organisation="Les Jardins")
    # one highlight wraps over the first page break, the others run on to the third page
    highlights = [f"Highlight {n:03d}" for n in range(1, 41)]
    highlights.append(" ".join(f"Highlight {n:03d}" for n in range(41, 121)))
    highlights.extend(f"Highlight {n:03d}" for n in range(121, 201))
    data = dataclasses.replace(data, highlights=tuple(highlights))
    out = tmp_path / "report.pdf"
    write_pdf(data, out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) >= 3
    # the text less the footers, which come between a page's last line and the next's first
    body = " ".join(line for line in text.splitlines()
                    if not re.fullmatch(r"\d+ ?/ ?\d+", line.strip())
                    and not line.startswith("Les Jardins — Communication report —"))
    shown = [int(n) for n in re.findall(r"Highlight\s+(\d{3})", body)]
    assert shown == list(range(1, 201))
