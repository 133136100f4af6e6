"""A :class:`QTextDocument` printed page by page on a :class:`QPdfWriter`, with an
optional footer: a title at the bottom left, ``page / pages`` at the bottom right.

Shared by the board report (``ui/kpi/report_pdf.py``), the handover checklist
(``ui/accounts/handover_pdf.py``) and the consent form (``ui/consents/form_pdf.py``). The
caller sets the writer up (page size, margins, resolution), lays the document out on
:func:`text_size` and begins the painter; the text stays text (``pdftotext`` reads it).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextBlock,
    QTextDocument,
    QTextLine,
)

#: the height of the footer's band under the text, in inches
FOOTER_INCHES = 0.3
FOOTER_POINTS = 7.5
FOOTER_COLOUR = "#607d8b"
#: how far inside a page's edges, in device pixels, the layout is asked for what to draw:
#: far more than the layout's rounding (1/64 pixel), far less than a line of text
EDGE = 0.5


def text_size(writer: QPdfWriter, *, footer: bool) -> QSizeF:
    """The size of a page's text on ``writer``: its paintable area, less the footer's
    band when there is a footer. Give it to :meth:`QTextDocument.setPageSize`.

    The height is in whole pixels: the layout breaks pages in fixed point, and a height
    it cannot hold exactly would move its page breaks away from :func:`print_pages`'s a
    little more on each page."""
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    band = writer.resolution() * FOOTER_INCHES if footer else 0.0
    return QSizeF(area.width(), math.floor(area.height() - band))


def print_pages(document: QTextDocument, writer: QPdfWriter, *, painter: QPainter,
                footer: str | None = None) -> None:
    """Draw ``document``, laid out on :func:`text_size`, page by page with ``painter``
    (begun on ``writer``): its first page on the writer's current page, a new page for
    each of the others. With ``footer``, each page has that text at the bottom left and
    ``n / count`` at the bottom right, in grey, 7.5 pt of the document's font.

    Each line of text is drawn once, on its own page: a line drawn on a page, even where
    the clip hides it, is in the PDF's text, and ``pdftotext``, search, copy and screen
    readers would read it twice. The layout moves a line that would straddle a page
    break to the top of the next page, exactly on the break, but Qt's drawing reaches
    past a page's edges in two ways:

    - it draws what touches the rectangle it is given, edges included: the line moved
      onto the break would be drawn at the bottom of the page before too. So the layout
      is asked for the page less :data:`EDGE` at the top and the bottom (the painter
      clips to the whole page);
    - in a paragraph that began on an earlier page, it also draws the last line above
      the rectangle (``QTextLayout::draw`` keeps it). So such a paragraph is hidden from
      the layout while the page is drawn, and its lines of this page are drawn one by
      one, as the layout draws them."""
    page = document.pageSize()
    count = document.pageCount()
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    band = writer.resolution() * FOOTER_INCHES
    line = QRectF(0, area.height() - band * 0.8, page.width(), band * 0.8)
    small = QFont(document.defaultFont())
    small.setPointSizeF(FOOTER_POINTS)
    continued = _continued_blocks(document, page.height())
    context = QAbstractTextDocumentLayout.PaintContext()
    for index in range(count):
        if index:
            writer.newPage()
        painter.save()
        painter.translate(0, -index * page.height())
        view = QRectF(0, index * page.height(), page.width(), page.height())
        painter.setClipRect(view)
        context.clip = view.adjusted(0, EDGE, 0, -EDGE)
        hidden = continued.get(index, [])
        for block, _position, _lines in hidden:
            block.setVisible(False)
        try:
            document.documentLayout().draw(painter, context)
        finally:
            for block, _position, _lines in hidden:
                block.setVisible(True)
        for block, position, lines in hidden:
            background = block.blockFormat().background()
            if background.style() != Qt.BrushStyle.NoBrush:
                painter.fillRect(document.documentLayout().blockBoundingRect(block), background)
            painter.setPen(context.palette.color(QPalette.ColorRole.Text))
            for text_line in lines:
                text_line.draw(painter, position)
        painter.restore()
        if footer is None:
            continue
        painter.setFont(small)
        painter.setPen(QColor(FOOTER_COLOUR))
        painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                         footer)
        painter.drawText(line, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                         f"{index + 1} / {count}")


def _continued_blocks(document: QTextDocument, height: float
                      ) -> dict[int, list[tuple[QTextBlock, QPointF, list[QTextLine]]]]:
    """For each page, the paragraphs (table cells' too) begun on an earlier page that
    have lines on it: each with its layout's place in the document and those lines."""
    layout = document.documentLayout()
    pages: dict[int, list[tuple[QTextBlock, QPointF, list[QTextLine]]]] = {}
    block = document.begin()
    while block.isValid():
        text = block.layout()
        if block.isVisible() and text.lineCount() > 1:
            position = layout.blockBoundingRect(block).topLeft()
            first = math.floor((position.y() + text.lineAt(0).y() + EDGE) / height)
            for number in range(1, text.lineCount()):
                text_line = text.lineAt(number)
                index = math.floor((position.y() + text_line.y() + EDGE) / height)
                if index > first:
                    entries = pages.setdefault(index, [])
                    if not entries or entries[-1][0] != block:
                        entries.append((block, position, []))
                    entries[-1][2].append(text_line)
        block = block.next()
    return pages
