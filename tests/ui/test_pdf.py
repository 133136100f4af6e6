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


def test_a_long_text_is_cut_into_pages_in_order_without_losing_a_line(
        app: QApplication, tmp_path: Path) -> None:
    body = "".join(f"<p>Line {n:03d}</p>" for n in range(1, 241))
    pdf = tmp_path / "long.pdf"
    count = write(pdf, body, footer=None)
    assert count >= 3
    pages = pages_of(pdf)
    assert len(pages) == count
    lines = [int(n) for page in pages for n in re.findall(r"Line (\d{3})", page)]
    # Qt also draws a line moved to the next page at the very bottom of the page before,
    # under the clip (invisible, but pdftotext reads it): count it once
    assert [n for i, n in enumerate(lines) if not i or n != lines[i - 1]] == list(range(1, 241))
    # no footer asked: no page number either
    assert [page for page in pages if re.search(rf"\d ?/ ?{count}", page)] == []


def test_the_footer_takes_its_band_off_the_text(app: QApplication, tmp_path: Path) -> None:
    writer = QPdfWriter(str(tmp_path / "unused.pdf"))
    writer.setResolution(RESOLUTION)
    full, short = text_size(writer, footer=False), text_size(writer, footer=True)
    assert short.width() == full.width()
    assert full.height() - short.height() == pytest.approx(RESOLUTION * FOOTER_INCHES)
