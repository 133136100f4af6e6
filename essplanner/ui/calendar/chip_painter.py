"""How a post looks in every view: a tinted chip with its state bar, time, title and platforms."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPixmap

from essplanner.domain import DeliveryState, PostStatus
from essplanner.ui.calendar.post_model import Chip
from essplanner.ui.labels import fmt_time
from essplanner.ui.style import (
    CHIP_TEXT,
    DELIVERY_COLOURS,
    HOLDUP_COLOUR,
    HOLDUP_MARKS,
    STATUS_COLOURS,
    mark_pixmap,
    objective_colour,
    platform_colour,
    platform_pixmap,
)

COLOUR_BY = ("objective", "platform")
_EXCERPT = QColor("#424242")
_NO_HIGHLIGHT = QColor()


def chip_mark(chip: Chip) -> tuple[str, QColor]:
    """The shape (see :func:`essplanner.ui.style.paint_mark`) and colour of a post's mark:
    ✓ published, ! failed or missed, ? unconfirmed, a clock for scheduled, three dots
    while going out, × cancelled, a ring for a draft; a post waiting for a person (an
    account to reconnect or switched off, a refused send to retry) gets that wait's shape
    in amber."""
    status = chip.status
    if status is PostStatus.ATTENTION:
        states = {t.state for t in chip.targets}
        if states & {DeliveryState.FAILED, DeliveryState.MISSED}:
            return "bang", STATUS_COLOURS[PostStatus.ATTENTION]
        waiting = [t.holdup for t in chip.targets if t.holdup in HOLDUP_MARKS]
        if DeliveryState.UNCONFIRMED not in states and waiting:
            assert waiting[0] is not None
            return HOLDUP_MARKS[waiting[0]], HOLDUP_COLOUR
        return "question", DELIVERY_COLOURS[DeliveryState.UNCONFIRMED]
    if status is PostStatus.PUBLISHED:
        return "check", STATUS_COLOURS[status]
    if status is PostStatus.CANCELLED:
        return "cross", QColor("#9e9e9e")
    if status is PostStatus.SCHEDULED:
        if any(t.state is DeliveryState.PUBLISHING for t in chip.targets):
            return "dots", DELIVERY_COLOURS[DeliveryState.PUBLISHING]
        return "clock", STATUS_COLOURS[status]
    return "draft", QColor("#757575")


class ChipPainter:
    """Paints chips; ``colour_by`` is the user's choice ("objective" or "platform")."""

    def __init__(self, colour_by: str = "objective") -> None:
        self.colour_by = colour_by if colour_by in COLOUR_BY else "objective"
        self._last_font: tuple[QFont, tuple[QFontMetrics, QFont, QFontMetrics]] | None = None
        self._times: dict[tuple[str, int, float], QPixmap] = {}
        self._elisions: dict[tuple[str, int], str] = {}
        self._splits: dict[tuple[str, int, int], tuple[str, str]] = {}
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
        self._splits.clear()
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
        """Paint one chip: its state mark (a shape and a colour), time, title (on two lines
        when the chip is tall enough), platforms with each account's mark, and the start of
        the text when there is room. Nothing is drawn outside ``rect``; a narrow chip keeps
        its time and title and drops the platform icons. Leaves the painter's pen, brush
        and font changed (callers paint many chips in a row and set what they need)."""
        highlight = palette.color(QPalette.ColorRole.Highlight) if selected else _NO_HIGHLIGHT
        background, pen, bar, text_colour = self._look(chip, selected, highlight)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(background)
        if pen is None:
            painter.setPen(Qt.PenStyle.NoPen)
        else:
            painter.setPen(pen)
        painter.drawRoundedRect(rect.adjusted(0, 0, -1, -1), 4, 4)
        painter.fillRect(rect.left(), rect.top() + 1, 3, rect.height() - 2, bar)

        metrics, bold, bold_metrics = self._fonts(font)
        line = metrics.height()
        height = min(rect.height(), line + 6)  # the first line
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        left = rect.left() + 5
        right = rect.right() - 3

        # the state mark: a shape in a disc, readable without colours
        mark = min(line - 1, 12, rect.height() - 4)
        if mark >= 7 and rect.width() >= mark + 12:
            shape, colour = chip_mark(chip)
            painter.drawPixmap(left, rect.top() + (height - mark) // 2,
                               mark_pixmap(shape, colour.rgba(), mark, ratio))
            left += mark + 3

        time_width = 0
        label: QPixmap | None = None
        if show_time and chip.local_start is not None:
            # times repeat (09:00, 12:30...): each is drawn once and reused as a pixmap
            label = self._time_pixmap(fmt_time(chip.local_start), bold, bold_metrics,
                                      text_colour, ratio)
            time_width = round(label.deviceIndependentSize().width())

        # platform icons on the right of the first line, when they leave room for text
        size = min(icon_size, rect.height() - 4)
        icons = chip.targets[:5]
        icons_width = len(icons) * (size + 2)
        if icons and right - left - time_width - icons_width >= 3 * metrics.averageCharWidth():
            x = right - size
            top = rect.top() + (height - size) // 2
            for badge in reversed(icons):
                painter.drawPixmap(x, top, platform_pixmap(badge.platform, badge.state, size,
                                                           ratio, badge.holdup))
                x -= size + 2
            right = x + size - 2
        if label is not None:
            shown = min(time_width, right - left)
            if shown > 0:
                painter.drawPixmap(
                    QPoint(left, rect.top() + round((height - label.deviceIndependentSize()
                                                     .height()) / 2)),
                    label, QRect(0, 0, round(shown * ratio), label.height()))
            left += time_width + 4

        painter.setFont(font)
        painter.setPen(text_colour)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        title = chip.title or "…"
        two_lines = rect.height() >= 2 * line + 4
        next_top = rect.top() + height
        if two_lines:
            full = rect.right() - 3 - (rect.left() + 5)
            first, second = self._split(metrics, title, right - left, full)
            if first:
                painter.drawText(QRect(left, rect.top(), right - left, height), align, first)
            if second:
                second_rect = QRect(rect.left() + 5, next_top - 4, full, line + 2)
                painter.drawText(second_rect, align, second)
                next_top = second_rect.bottom() + 1
        elif right - left > 0:
            painter.drawText(QRect(left, rect.top(), right - left, height), align,
                             self._elided(metrics, title, right - left))
        if rect.bottom() - next_top >= line and chip.excerpt:
            body = QRect(rect.left() + 5, next_top + 1, rect.width() - 10,
                         rect.bottom() - next_top - 2)
            painter.setPen(_EXCERPT)
            painter.drawText(body, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, chip.excerpt)

    def _split(self, metrics: QFontMetrics, text: str, first: int, second: int,
               ) -> tuple[str, str]:
        """``text`` over two lines: as many whole words as fit ``first`` pixels (none when
        the first word does not), the rest elided to ``second`` pixels."""
        key = (text, first, second)
        found = self._splits.get(key)
        if found is not None:
            return found
        if len(self._splits) > 4096:
            self._splits.clear()
        if first > 0 and metrics.horizontalAdvance(text) <= first:
            found = (text, "")
        else:
            words = text.split(" ")
            cut = 0
            for i in range(1, len(words)):
                if metrics.horizontalAdvance(" ".join(words[:i])) > first:
                    break
                cut = i
            head = " ".join(words[:cut])
            rest = " ".join(words[cut:])
            found = (head, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, second))
        self._splits[key] = found
        return found

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
