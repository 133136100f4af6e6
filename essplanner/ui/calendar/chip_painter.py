"""How a post looks in every view: a tinted chip with its state bar, time, title and platforms."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPixmap

from essplanner.domain import PostStatus
from essplanner.ui.calendar.post_model import Chip
from essplanner.ui.labels import fmt_time
from essplanner.ui.style import (
    CHIP_TEXT,
    STATUS_COLOURS,
    objective_colour,
    platform_colour,
    platform_pixmap,
)

COLOUR_BY = ("objective", "platform")
_EXCERPT = QColor("#424242")
_NO_HIGHLIGHT = QColor()


class ChipPainter:
    """Paints chips; ``colour_by`` is the user's choice ("objective" or "platform")."""

    def __init__(self, colour_by: str = "objective") -> None:
        self.colour_by = colour_by if colour_by in COLOUR_BY else "objective"
        self._last_font: tuple[QFont, tuple[QFontMetrics, QFont, QFontMetrics]] | None = None
        self._times: dict[tuple[str, int, float], QPixmap] = {}
        self._elisions: dict[tuple[str, int], str] = {}
        self._looks: dict[tuple[object, bool, PostStatus, bool, int],
                          tuple[QColor, QPen | None, QColor, QColor]] = {}

    def _fonts(self, font: QFont) -> tuple[QFontMetrics, QFont, QFontMetrics]:
        if self._last_font is not None and self._last_font[0] == font:
            return self._last_font[1]
        bold = QFont(font)
        bold.setBold(True)
        fonts = (QFontMetrics(font), bold, QFontMetrics(bold))
        self._last_font = (QFont(font), fonts)
        # text measured or drawn with another font is wrong now
        self._times.clear()
        self._elisions.clear()
        return fonts

    def accent(self, chip: Chip) -> QColor:
        if self.colour_by == "platform" and chip.platforms:
            return platform_colour(chip.platforms[0])
        return objective_colour(chip.objective_id)

    def _look(self, chip: Chip, selected: bool, highlight: QColor,
              ) -> tuple[QColor, QPen | None, QColor, QColor]:
        """Background, outline, state bar and text colours of a chip (cached: a calendar
        page paints hundreds of chips with a handful of looks)."""
        by_platform = self.colour_by == "platform" and bool(chip.platforms)
        key = (chip.platforms[0] if by_platform else chip.objective_id, by_platform,
               chip.status, selected, highlight.rgb() if selected else 0)
        look = self._looks.get(key)
        if look is None:
            accent = self.accent(chip)
            background = QColor(accent)
            background.setAlpha(55 if chip.status is not PostStatus.CANCELLED else 25)
            pen: QPen | None = None
            if selected:
                pen = QPen(highlight, 2)
            elif chip.status is PostStatus.DRAFT:
                pen = QPen(QColor("#757575"), 1, Qt.PenStyle.DashLine)
            elif chip.status is PostStatus.ATTENTION:
                pen = QPen(STATUS_COLOURS[PostStatus.ATTENTION], 1.5)
            text = QColor("#757575") if chip.status is PostStatus.CANCELLED else CHIP_TEXT
            look = self._looks[key] = (background, pen, STATUS_COLOURS[chip.status], text)
        return look

    def paint(self, painter: QPainter, rect: QRect, chip: Chip, *, font: QFont,
              palette: QPalette, selected: bool = False, show_time: bool = True,
              icon_size: int = 12) -> None:
        """Paint one chip. Leaves the painter's pen, brush and font changed (callers paint
        many chips in a row and set what they need themselves)."""
        highlight = palette.color(QPalette.ColorRole.Highlight) if selected else _NO_HIGHLIGHT
        background, pen, bar, text_colour = self._look(chip, selected, highlight)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(background)
        if pen is None:
            painter.setPen(Qt.PenStyle.NoPen)
        else:
            painter.setPen(pen)
        painter.drawRoundedRect(rect.adjusted(0, 0, -1, -1), 4, 4)
        painter.fillRect(rect.left(), rect.top() + 1, 4, rect.height() - 2, bar)

        # platform icons on the right, each with its target's delivery state mark
        size = min(icon_size, rect.height() - 4)
        right = rect.right() - 3
        x = right - size
        top = rect.top() + (min(rect.height(), self._line_height(font)) - size) // 2
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        for badge in reversed(chip.targets[:5]):
            painter.drawPixmap(x, top, platform_pixmap(badge.platform, badge.state, size, ratio,
                                                       badge.holdup))
            x -= size + 2

        metrics, bold, bold_metrics = self._fonts(font)
        left = rect.left() + 7
        height = min(rect.height(), metrics.height() + 6)
        painter.setPen(text_colour)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if show_time and chip.local_start is not None:
            # times repeat (09:00, 12:30...): each is drawn once and reused as a pixmap
            label = self._time_pixmap(fmt_time(chip.local_start), bold, bold_metrics,
                                      text_colour, ratio)
            size_hint = label.deviceIndependentSize()
            painter.drawPixmap(left, rect.top() + round((height - size_hint.height()) / 2),
                               label)
            left += round(size_hint.width()) + 4
        painter.setFont(font)
        width = x - left
        painter.drawText(QRect(left, rect.top(), width, height), align,
                         self._elided(metrics, chip.title or "…", width))
        if rect.height() >= 2 * metrics.height() + 6 and chip.excerpt:
            body = QRect(rect.left() + 7, rect.top() + height + 1, rect.width() - 14,
                         rect.height() - height - 3)
            painter.setPen(_EXCERPT)
            painter.drawText(body, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, chip.excerpt)

    def _line_height(self, font: QFont) -> int:
        return self._fonts(font)[0].height() + 6

    def _time_pixmap(self, text: str, font: QFont, metrics: QFontMetrics, colour: QColor,
                     ratio: float) -> QPixmap:
        key = (text, colour.rgba(), ratio)
        pixmap = self._times.get(key)
        if pixmap is None:
            width, height = metrics.horizontalAdvance(text) + 1, metrics.height()
            pixmap = QPixmap(round(width * ratio), round(height * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setFont(font)
            painter.setPen(colour)
            painter.drawText(QRect(0, 0, width, height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            painter.end()
            self._times[key] = pixmap
        return pixmap

    def _elided(self, metrics: QFontMetrics, text: str, width: int) -> str:
        key = (text, width)
        elided = self._elisions.get(key)
        if elided is None:
            if len(self._elisions) > 4096:
                self._elisions.clear()
            elided = self._elisions[key] = metrics.elidedText(
                text, Qt.TextElideMode.ElideRight, width)
        return elided
