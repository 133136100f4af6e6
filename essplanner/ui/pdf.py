"""A :class:`QTextDocument` printed page by page on a :class:`QPdfWriter`, with an
optional footer: a title at the bottom left, ``page / pages`` at the bottom right.

Shared by the board report (``ui/kpi/report_pdf.py``), the handover checklist
(``ui/accounts/handover_pdf.py``) and the consent form (``ui/consents/form_pdf.py``). The
caller sets the writer up (page size, margins, resolution), lays the document out on
:func:`text_size` and begins the painter; the text stays text (``pdftotext`` reads it).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPdfWriter, QTextDocument

#: the height of the footer's band under the text, in inches
FOOTER_INCHES = 0.3
FOOTER_POINTS = 7.5
FOOTER_COLOUR = "#607d8b"


def text_size(writer: QPdfWriter, *, footer: bool) -> QSizeF:
    """The size of a page's text on ``writer``: its paintable area, less the footer's
    band when there is a footer. Give it to :meth:`QTextDocument.setPageSize`."""
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    band = writer.resolution() * FOOTER_INCHES if footer else 0.0
    return QSizeF(area.width(), area.height() - band)


def print_pages(document: QTextDocument, writer: QPdfWriter, *, painter: QPainter,
                footer: str | None = None) -> None:
    """Draw ``document``, laid out on :func:`text_size`, page by page with ``painter``
    (begun on ``writer``): its first page on the writer's current page, a new page for
    each of the others. With ``footer``, each page has that text at the bottom left and
    ``n / count`` at the bottom right, in grey, 7.5 pt of the document's font."""
    page = document.pageSize()
    count = document.pageCount()
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    band = writer.resolution() * FOOTER_INCHES
    line = QRectF(0, area.height() - band * 0.8, page.width(), band * 0.8)
    small = QFont(document.defaultFont())
    small.setPointSizeF(FOOTER_POINTS)
    for index in range(count):
        if index:
            writer.newPage()
        painter.save()
        painter.translate(0, -index * page.height())
        document.drawContents(painter, QRectF(0, index * page.height(), page.width(),
                                              page.height()))
        painter.restore()
        if footer is None:
            continue
        painter.setFont(small)
        painter.setPen(QColor(FOOTER_COLOUR))
        painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                         footer)
        painter.drawText(line, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                         f"{index + 1} / {count}")
