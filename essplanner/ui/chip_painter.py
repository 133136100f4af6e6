"""How a post looks in every view: a tinted chip with its state bar, time, title and platforms."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen

from essplanner.domain import PostStatus
from essplanner.ui.labels import fmt_time
from essplanner.ui.post_model import Chip
from essplanner.ui.style import (
    CHIP_TEXT,
    STATUS_COLOURS,
    objective_colour,
    paint_platform_icon,
    platform_colour,
)

COLOUR_BY = ("objective", "platform")


class ChipPainter:
    """Paints chips; ``colour_by`` is the user's choice ("objective" or "platform")."""

    def __init__(self, colour_by: str = "objective") -> None:
        self.colour_by = colour_by if colour_by in COLOUR_BY else "objective"

    def accent(self, chip: Chip) -> QColor:
        if self.colour_by == "platform" and chip.platforms:
            return platform_colour(chip.platforms[0])
        return objective_colour(chip.objective_id)

    def paint(self, painter: QPainter, rect: QRect, chip: Chip, *, font: QFont,
              palette: QPalette, selected: bool = False, show_time: bool = True,
              icon_size: int = 12) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        accent = self.accent(chip)
        background = QColor(accent)
        background.setAlpha(55 if chip.status is not PostStatus.CANCELLED else 25)
        outline = Qt.PenStyle.NoPen
        pen = QPen(accent.darker(115), 1)
        if chip.status is PostStatus.DRAFT:
            pen = QPen(QColor("#757575"), 1, Qt.PenStyle.DashLine)
            outline = Qt.PenStyle.DashLine
        elif chip.status is PostStatus.ATTENTION:
            pen = QPen(STATUS_COLOURS[PostStatus.ATTENTION], 1.5)
            outline = Qt.PenStyle.SolidLine
        if selected:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
            outline = Qt.PenStyle.SolidLine
        painter.setBrush(background)
        painter.setPen(pen if outline != Qt.PenStyle.NoPen else Qt.PenStyle.NoPen)
        painter.drawRoundedRect(rect.adjusted(0, 0, -1, -1), 4, 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(STATUS_COLOURS[chip.status])
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), 4, rect.height()), 2, 2)

        text_rect = rect.adjusted(7, 0, -3, 0)
        # platform icons on the right, each with its target's delivery state mark
        size = min(icon_size, rect.height() - 4)
        x = text_rect.right() - size
        top = rect.top() + (min(rect.height(), 24) - size) // 2
        for badge in reversed(chip.targets[:5]):
            paint_platform_icon(painter, QRect(x, top, size, size), badge.platform, badge.state)
            x -= size + 2
        text_rect.setRight(x)

        painter.setFont(font)
        metrics = QFontMetrics(font)
        line = QRect(text_rect.left(), rect.top(), text_rect.width(), min(rect.height(), 24))
        if chip.status is PostStatus.CANCELLED:
            painter.setPen(QColor("#757575"))
        else:
            painter.setPen(CHIP_TEXT)
        label = chip.title or "…"
        if show_time and chip.local_start is not None:
            time_text = fmt_time(chip.local_start)
            bold = QFont(font)
            bold.setBold(True)
            painter.setFont(bold)
            width = QFontMetrics(bold).horizontalAdvance(time_text + " ")
            painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             time_text)
            painter.setFont(font)
            line.setLeft(line.left() + width)
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(label, Qt.TextElideMode.ElideRight, line.width()))
        if rect.height() >= 2 * metrics.height() + 6 and chip.text.strip():
            body = QRect(text_rect.left(), line.bottom() + 1, rect.right() - text_rect.left() - 4,
                         rect.bottom() - line.bottom() - 3)
            painter.setPen(QColor("#424242"))
            excerpt = " ".join(chip.text.split())
            painter.drawText(body, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, excerpt[:300])
        painter.restore()
