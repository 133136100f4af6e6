"""A QTextDocument printed page by page on a PDF (ui/pdf.py): each page once, in order,
with the footer's title and ``n / count`` on every page when asked."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from essplanner.ui.pdf import FOOTER_INCHES, print_pages, text_size
from tests.conftest import need

RESOLUTION = 110


def write(path: Path, body: str, *, footer: str | None) -> int:
    """``body`` printed on ``path`` (A4, 15 mm margins); the number of pages laid out."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 12), QPageLayout.Unit.Millimeter)
    writer.setResolution(RESOLUTION)
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(9.5)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setPageSize(text_size(writer, footer=footer is not None))
    document.setHtml(f"<html><body>{body}</body></html>")
    painter = QPainter()
    assert painter.begin(writer)
    try:
        print_pages(document, writer, painter=painter, footer=footer)
    finally:
        painter.end()
    return document.pageCount()


def pages_of(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]  # it ends with \f


@pytest.fixture
def app() -> QApplication:
    need(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils) is not installed")
    instance = QApplication.instance() or QApplication(["essplanner"])
    assert isinstance(instance, QApplication)
    return instance


def test_three_pages_each_with_the_title_and_its_number(app: QApplication,
                                                        tmp_path: Path) -> None:
    body = "".join(f'<p style="page-break-after: always">Part {n} of the minutes</p>'
                   for n in (1, 2)) + "<p>Part 3 of the minutes</p>"
    pdf = tmp_path / "minutes.pdf"
    assert write(pdf, body, footer="Board minutes — Les Jardins") == 3
    pages = pages_of(pdf)
    assert len(pages) == 3
    for number, page in enumerate(pages, start=1):
        assert f"Part {number} of the minutes" in page
        assert [n for n in (1, 2, 3) if n != number and f"Part {n} " in page] == []
        assert "Board minutes — Les Jardins" in page
        assert re.findall(r"(\d) ?/ ?(\d)", page) == [(str(number), "3")]


LONG_TEXTS = {
    "paragraphs": "".join(f"<p>Line {n:03d}</p>" for n in range(1, 241)),
    # one paragraph running over pages: its lines are cut, not the paragraph
    "one paragraph": "<p>" + " ".join(f"Line {n:03d} of the minutes" for n in range(1, 641))
                     + "</p>",
    "list": "<ol>" + "".join(f"<li>Line {n:03d}</li>" for n in range(1, 241)) + "</ol>",
    "table": '<table border="1">' + "".join(f"<tr><td>Line {n:03d}</td><td>{n}</td></tr>"
                                            for n in range(1, 241)) + "</table>",
}


@pytest.mark.parametrize("footer", [None, "Board minutes"])
@pytest.mark.parametrize("kind", list(LONG_TEXTS))
def test_a_long_text_is_cut_into_pages_in_order_each_line_once(
        app: QApplication, tmp_path: Path, kind: str, footer: str | None) -> None:
    """Every line once, on one page, in order: a line moved to the next page is not also
    in the text of the page before (hidden by the clip, pdftotext and screen readers
    would still read it), nor is the last line of a page at the top of the next."""
    body = LONG_TEXTS[kind]
    total = len(re.findall(r"Line \d{3}", body))
    pdf = tmp_path / "long.pdf"
    count = write(pdf, body, footer=footer)
    assert count >= 3
    pages = pages_of(pdf)
    assert len(pages) == count
    lines = [int(n) for page in pages for n in re.findall(r"Line (\d{3})", page)]
    assert lines == list(range(1, total + 1))
    numbers = [page for page in pages if re.search(rf"\d ?/ ?{count}", page)]
    # a page number on each page with the footer, none without
    assert len(numbers) == (count if footer else 0)


def test_the_footer_takes_its_band_off_the_text(app: QApplication, tmp_path: Path) -> None:
    writer = QPdfWriter(str(tmp_path / "unused.pdf"))
    writer.setResolution(RESOLUTION)
    full, short = text_size(writer, footer=False), text_size(writer, footer=True)
    assert short.width() == full.width()
    assert full.height() - short.height() == pytest.approx(RESOLUTION * FOOTER_INCHES)
