"""How a post looks in every view: a tinted chip with its state bar, time, title and platforms."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable
from datetime import time as dt_time
from typing import Any, ClassVar, NamedTuple

from PySide6.QtCore import QLocale, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QPaintDevice,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)

from essplanner.domain import DeliveryState, PostStatus
from essplanner.ui.calendar.post_model import Chip
from essplanner.ui.calendar.series_mark import repeat_pixmap
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
#: the end of the Latin scripts: text up to here is not shaped across spaces
_LATIN_END = "\u024f"
#: a chip's lines: each is one line of text, cut to fit beforehand (TextSingleLine: the
#: same pixels, without looking for line breaks: a quarter of drawText's time)
_ALIGN = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine
#: room around a label's advance in its pixmap, for ink that overhangs it
_INK = 2
#: a chip's corner radius, and the width of each rounded end drawn from a pixmap
_RADIUS = 4
_CAP = _RADIUS + 1


def chip_mark(chip: Chip) -> tuple[str, QColor]:
    """The shape (see :func:`essplanner.ui.style.paint_mark`) and colour of a post's mark:
    ✓ published, ! failed or missed, ? unconfirmed, a clock for scheduled, three dots
    while going out, × cancelled, a ring for a draft; a post waiting for a person (an
    account to reconnect or switched off, a refused send to retry) gets that wait's shape
    in amber."""
    status = chip.status
    if status is PostStatus.SCHEDULED:  # most of a calendar: asked first
        for target in chip.targets:
            if target.state is DeliveryState.PUBLISHING:
                return "dots", DELIVERY_COLOURS[DeliveryState.PUBLISHING]
        return "clock", _SCHEDULED_COLOUR
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
        return "check", _PUBLISHED_COLOUR
    if status is PostStatus.CANCELLED:
        return "cross", _CANCELLED_COLOUR
    return "draft", _DRAFT_COLOUR


_SCHEDULED_COLOUR = STATUS_COLOURS[PostStatus.SCHEDULED]
_PUBLISHED_COLOUR = STATUS_COLOURS[PostStatus.PUBLISHED]
_CANCELLED_COLOUR = QColor("#9e9e9e")
_DRAFT_COLOUR = QColor("#757575")


def _kept(call: Callable[..., None]) -> Callable[..., None]:
    """A method of :class:`PaintBatch` keeping a call of the QPainter method ``call``."""

    def keep(self: PaintBatch, *args: Any) -> None:
        self._calls.append((call, args))

    keep.__name__ = call.__name__
    return keep


class PaintBatch:
    """The painter calls of many chips, kept in order and made in one run by
    :meth:`flush`: the same pixels as painting each chip in its turn (chips do not
    overlap what is painted between them), a quarter faster over a dense month, as
    Qt's text and image code stays in the processor's caches instead of alternating
    with the Python that places each chip."""

    def __init__(self, device: QPaintDevice | None) -> None:
        self._device = device
        self._calls: list[tuple[Callable[..., None], tuple[Any, ...]]] = []

    def __bool__(self) -> bool:
        return bool(self._calls)

    def device(self) -> QPaintDevice | None:
        return self._device

    setRenderHint = _kept(QPainter.setRenderHint)  # noqa: N815 - Qt's names
    setBrush = _kept(QPainter.setBrush)  # noqa: N815
    setPen = _kept(QPainter.setPen)  # noqa: N815
    setFont = _kept(QPainter.setFont)  # noqa: N815
    drawPixmap = _kept(QPainter.drawPixmap)  # noqa: N815
    drawRoundedRect = _kept(QPainter.drawRoundedRect)  # noqa: N815
    fillRect = _kept(QPainter.fillRect)  # noqa: N815
    drawText = _kept(QPainter.drawText)  # noqa: N815

    def flush(self, painter: QPainter) -> None:
        """Make the kept calls on ``painter``, in order, and forget them."""
        calls, self._calls = self._calls, []
        for call, args in calls:
            call(painter, *args)


#: what painting chips draws on: a QPainter, or a PaintBatch that keeps the calls
Canvas = QPainter | PaintBatch


class _Fonts(NamedTuple):
    """What painting text in one font needs, measured once per font (not per chip)."""

    font: QFont
    metrics: QFontMetrics
    bold: QFont
    bold_metrics: QFontMetrics
    line: int  # metrics.height()
    min_text: int  # the narrowest title worth keeping the icons for
    ascent: float  # QFontMetricsF's: where drawText puts a line's baseline
    descent: float


class _Label(NamedTuple):
    """A line of text drawn once into a pixmap (see :meth:`ChipPainter.draw_label`)."""

    pixmap: QPixmap
    advance: float  # the text's width, as drawText lays it out
    baseline: int  # device pixels from the pixmap's top to the drawn baseline


class _TextCache:
    """What painting text in one font measured: word widths, titles cut over two lines,
    elided titles, time labels. Shared by every chip painter (month, week, agenda, each
    window: a view that opens finds them made), one per font; the main thread only, as
    all painting."""

    _BY_FONT: ClassVar[dict[str, _TextCache]] = {}

    def __init__(self, fonts: _Fonts, space: int) -> None:
        self.fonts = fonts
        self.space = space
        self.locale = ""
        self.words: dict[str, int] = {}
        self.splits: dict[tuple[str, int, int], tuple[str, str]] = {}
        self.elisions: dict[tuple[str, int], str] = {}
        self.times: dict[tuple[int, int, int, float], tuple[QPixmap, int, float]] = {}
        self.labels: dict[tuple[str, int, float], _Label] = {}

    @classmethod
    def of(cls, font: QFont) -> _TextCache:
        key = font.key()
        found = cls._BY_FONT.get(key)
        if found is None or found.fonts.font != font:
            bold = QFont(font)
            bold.setBold(True)
            metrics = QFontMetrics(font)
            exact = QFontMetricsF(font)
            fonts = _Fonts(QFont(font), metrics, bold, QFontMetrics(bold), metrics.height(),
                           3 * metrics.averageCharWidth(), exact.ascent(), exact.descent())
            if len(cls._BY_FONT) > 16:  # fonts come and go with zoom and preferences
                cls._BY_FONT.clear()
            found = cls._BY_FONT[key] = cls(fonts, metrics.horizontalAdvance(" "))
        return found

    def check_locale(self, name: str) -> None:
        """Time labels are cached by hour and minute: forget them if the locale changed."""
        if name != self.locale:
            self.locale = name
            self.times.clear()


class ChipPainter:
    """Paints chips; ``colour_by`` is the user's choice ("objective" or "platform").

    A calendar page paints hundreds of chips with a handful of fonts, colours, times and
    account sets: what does not depend on the post (font measures, looks, time labels,
    icon strips, mark pixmaps) is made once and reused, so that painting a chip is a few
    calls into Qt and little Python.
    """

    def __init__(self, colour_by: str = "objective") -> None:
        self.colour_by = colour_by if colour_by in COLOUR_BY else "objective"
        self._text: _TextCache | None = None  # what was measured in the current font
        self._looks: dict[tuple[object, bool, PostStatus, bool, int],
                          tuple[QColor, QPen | None, QColor, QColor]] = {}

    def _fonts(self, font: QFont) -> _Fonts:
        """The measures of ``font`` (shared with every painter), the time labels of another
        locale forgotten; call it first when painting."""
        text = self._text
        if text is None or text.fonts.font != font:
            text = self._text = _TextCache.of(font)
        text.check_locale(QLocale().name())
        return text.fonts

    @property
    def _measured(self) -> _TextCache:
        assert self._text is not None, "_fonts() comes first"
        return self._text

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
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        fonts = self._fonts(font)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint(painter, rect, chip, fonts, ratio, selected, highlight, show_time,
                    icon_size)

    def paint_all(self, painter: Canvas, placed: Iterable[tuple[Chip, QRect]], *,
                  font: QFont, palette: QPalette, current_post_id: int | None) -> None:
        """:meth:`paint` for the chips of a day, the current post's selected: the same
        pixels, with what is the same for every chip of the day worked out once."""
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        fonts = self._fonts(font)
        first = True
        for chip, rect in placed:
            if first:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                first = False
            if chip.post_id == current_post_id:
                self._paint(painter, rect, chip, fonts, ratio, True,
                            palette.color(QPalette.ColorRole.Highlight), True, 12)
            else:
                self._paint(painter, rect, chip, fonts, ratio, False, _NO_HIGHLIGHT, True, 12)

    def _paint(self, painter: Canvas, rect: QRect, chip: Chip, fonts: _Fonts, ratio: float,
               selected: bool, highlight: QColor, show_time: bool, icon_size: int) -> None:
        background, pen, bar, text_colour = self._look(chip, selected, highlight)
        x, y, width, rect_height = rect.x(), rect.y(), rect.width(), rect.height()
        if pen is not None or not fill_rounded(painter, x, y, width, rect_height, background,
                                               ratio):
            painter.setBrush(background)
            painter.setPen(Qt.PenStyle.NoPen if pen is None else pen)
            painter.drawRoundedRect(x, y, width - 1, rect_height - 1, _RADIUS, _RADIUS)
        painter.fillRect(x, y + 1, 3, rect_height - 2, bar)

        line = fonts.line
        height = min(rect_height, line + 6)  # the first line
        left = x + 5
        right = x + width - 4  # rect.right() - 3

        # the state mark: a shape in a disc, readable without colours
        mark = min(line - 1, 12, rect_height - 4)
        if mark >= 7 and width >= mark + 12:
            shape, colour = chip_mark(chip)
            painter.drawPixmap(left, y + (height - mark) // 2,
                               mark_pixmap(shape, colour.rgba(), mark, ratio))
            left += mark + 3
            if chip.entry.series_id is not None and width >= 2 * mark + 40:  # it repeats
                painter.drawPixmap(left - 1, y + (height - mark) // 2,
                                   repeat_pixmap(mark, text_colour.rgba(), ratio))
                left += mark + 1

        time_width = 0
        label: tuple[QPixmap, int, float] | None = None
        start = chip.local_start
        if show_time and start is not None:
            # times repeat (09:00, 12:30...): each is drawn once and reused as a pixmap
            label = self._time_pixmap(start.hour, start.minute, fonts, text_colour, ratio)
            time_width = label[1]

        # platform icons on the right of the first line, when they leave room for text
        icons = chip.targets[:5]
        size = min(icon_size, rect_height - 4)
        if icons and size > 0 and \
                right - left - time_width - len(icons) * (size + 2) >= fonts.min_text:
            top = y + (height - size) // 2
            step = size + 2
            icon_x = right - len(icons) * step + 2
            for badge in icons:
                painter.drawPixmap(icon_x, top, platform_pixmap(badge.platform, badge.state,
                                                                size, ratio, badge.holdup))
                icon_x += step
            right -= len(icons) * step + 2
        if label is not None:
            shown = min(time_width, right - left)
            if shown > 0:
                pixmap = label[0]
                top = y + round((height - label[2]) / 2)
                part = round(shown * ratio)
                if part == pixmap.width():  # the whole label (nearly always)
                    painter.drawPixmap(left, top, pixmap)
                else:
                    painter.drawPixmap(QPoint(left, top), pixmap,
                                       QRect(0, 0, part, pixmap.height()))
            left += time_width + 4

        painter.setFont(fonts.font)
        painter.setPen(text_colour)
        title = chip.title or "…"
        next_top = y + height
        if rect_height >= 2 * line + 4:  # two lines
            full = width - 9
            first, second = self._split(fonts.metrics, title, right - left, full)
            if first:
                painter.drawText(QRect(left, y, right - left, height), _ALIGN, first)
            if second:
                painter.drawText(QRect(x + 5, next_top - 4, full, line + 2), _ALIGN, second)
                next_top += line - 2
        elif right - left > 0:
            painter.drawText(QRect(left, y, right - left, height), _ALIGN,
                             self._elided(fonts.metrics, title, right - left))
        bottom = y + rect_height - 1
        if bottom - next_top >= line and chip.excerpt:
            body = QRect(x + 5, next_top + 1, width - 10, bottom - next_top - 2)
            painter.setPen(_EXCERPT)
            painter.drawText(body, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, chip.excerpt)

    def _split(self, metrics: QFontMetrics, text: str, first: int, second: int,
               ) -> tuple[str, str]:
        """``text`` over two lines: as many whole words as fit ``first`` pixels (none when
        the first word does not), the rest elided to ``second`` pixels."""
        key = (text, first, second)
        splits = self._measured.splits
        found = splits.get(key)
        if found is not None:
            return found
        if len(splits) > 4096:
            splits.clear()
        words = text.split(" ")
        if first > 0 and self._fits(metrics, text, words, first):
            found = (text, "")
        else:
            cut = 0
            for i in range(1, len(words)):
                if not self._fits(metrics, None, words[:i], first):
                    break
                cut = i
            rest = words[cut:]
            joined = " ".join(rest)
            # elidedText keeps what fits; a rest surely narrower needs no call
            found = (" ".join(words[:cut]),
                     joined if self._surely_fits(metrics, joined, rest, second)
                     else metrics.elidedText(joined, Qt.TextElideMode.ElideRight, second))
        splits[key] = found
        return found

    def _approx_width(self, metrics: QFontMetrics, text: str, words: list[str]) -> int | None:
        """The width of ``text`` (its ``words`` joined by spaces) from the widths of its
        words, measured once per font (titles share many words); None for text outside
        the Latin scripts, where shaping may join across words."""
        if not text or min(text) < " " or max(text) > _LATIN_END:
            return None
        measured = self._measured
        widths = measured.words
        total = measured.space * (len(words) - 1)
        for word in words:
            width = widths.get(word)
            if width is None:
                if len(widths) > 8192:
                    widths.clear()
                width = widths[word] = metrics.horizontalAdvance(word)
            total += width
        return total

    def _slack(self, words: list[str]) -> int:
        # rounding of each word's width, kerning at each space, Qt's ceil() when eliding
        return 2 * len(words) + 2

    def _fits(self, metrics: QFontMetrics, text: str | None, words: list[str],
              limit: int) -> bool:
        """Exactly ``metrics.horizontalAdvance(text) <= limit``, measuring only when the
        widths of the words leave a doubt."""
        if text is None:
            text = " ".join(words)
        approx = self._approx_width(metrics, text, words)
        if approx is not None:
            slack = self._slack(words)
            if approx + slack <= limit:
                return True
            if approx - slack > limit:
                return False
        return metrics.horizontalAdvance(text) <= limit

    def _surely_fits(self, metrics: QFontMetrics, text: str, words: list[str],
                     limit: int) -> bool:
        approx = self._approx_width(metrics, text, words)
        return approx is not None and approx + self._slack(words) <= limit

    def _line_height(self, font: QFont) -> int:
        return self._fonts(font).line + 6

    def _time_pixmap(self, hour: int, minute: int, fonts: _Fonts, colour: QColor,
                     ratio: float) -> tuple[QPixmap, int, float]:
        """A time label drawn once, with its width and height (device-independent)."""
        key = (hour, minute, colour.rgba(), ratio)
        times = self._measured.times
        found = times.get(key)
        if found is None:
            text = fmt_time(dt_time(hour, minute))
            metrics = fonts.bold_metrics
            width, height = metrics.horizontalAdvance(text) + 1, metrics.height()
            pixmap = QPixmap(round(width * ratio), round(height * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setFont(fonts.bold)
            painter.setPen(colour)
            painter.drawText(QRect(0, 0, width, height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            painter.end()
            size = pixmap.deviceIndependentSize()
            found = times[key] = (pixmap, round(size.width()), size.height())
        return found

    def _elided(self, metrics: QFontMetrics, text: str, width: int) -> str:
        key = (text, width)
        elisions = self._measured.elisions
        elided = elisions.get(key)
        if elided is None:
            if len(elisions) > 4096:
                elisions.clear()
            elided = elisions[key] = metrics.elidedText(
                text, Qt.TextElideMode.ElideRight, width)
        return elided

    def draw_label(self, painter: QPainter, rect: QRect, text: str, *, font: QFont,
                   colour: QColor) -> None:
        """``painter.drawText(rect, AlignLeft | AlignVCenter, text)`` with ``font`` and
        ``colour``, to the pixel, from a pixmap drawn once: the short labels a page repeats
        ("+2 more" in every day of a dense month) are laid out a single time. Leaves the
        painter's pen and font as they were."""
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        fonts = self._fonts(font)
        height = fonts.ascent + fonts.descent
        if ratio != round(ratio) or not text:  # whole device pixels only (see below)
            painter.save()
            painter.setFont(fonts.font)
            painter.setPen(colour)
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             text)
            painter.restore()
            return
        key = (text, colour.rgba(), ratio)
        labels = self._measured.labels
        label = labels.get(key)
        if label is None:
            if len(labels) > 256:
                labels.clear()
            label = labels[key] = self._label(text, fonts, colour, ratio)
        # drawText centres the line's height (ascent + descent) in the rect and puts the
        # baseline, rounded to a device pixel, an ascent below: the pixmap goes where its
        # own baseline lands on that pixel
        baseline = _round(ratio * (rect.y() + (rect.height() - height) / 2 + fonts.ascent))
        top = (baseline - label.baseline) / ratio
        left = rect.x() - _INK
        pixmap = label.pixmap
        if label.advance <= rect.width() and height <= rect.height():  # nothing to clip
            if ratio == 1.0:
                painter.drawPixmap(left, int(top), pixmap)
            else:
                painter.drawPixmap(QPointF(left, top), pixmap)
            return
        size = pixmap.deviceIndependentSize()
        # drawText clips what overflows its rect
        target = QRectF(left, top, size.width(), size.height()).intersected(QRectF(rect))
        if target.isEmpty():
            return
        source = QRectF((target.x() - left) * ratio, (target.y() - top) * ratio,
                        target.width() * ratio, target.height() * ratio)
        painter.drawPixmap(target, pixmap, source)

    @staticmethod
    def _label(text: str, fonts: _Fonts, colour: QColor, ratio: float) -> _Label:
        advance = QFontMetricsF(fonts.font).horizontalAdvance(text)
        width = math.ceil(advance) + 2 * _INK
        height = math.ceil(fonts.ascent + fonts.descent) + 2 * _INK
        pixmap = QPixmap(round(width * ratio), round(height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setFont(fonts.font)
        painter.setPen(colour)
        # the baseline on a whole device pixel, as drawText puts it
        baseline = _round(ratio * (_INK + fonts.ascent))
        painter.drawText(QPointF(_INK, baseline / ratio), text)
        painter.end()
        return _Label(pixmap, advance, baseline)


def fill_rounded(painter: Canvas, x: int, y: int, width: int, height: int,
                 colour: QColor, ratio: float) -> bool:
    """A chip's background without outline, as ``drawRoundedRect(x, y, width - 1,
    height - 1, _RADIUS, _RADIUS)`` fills it with antialiasing, to the pixel: its rounded
    ends from pixmaps made once, its straight middle a plain rect, rather than
    rasterizing its curves for every chip. False (nothing drawn) where that cannot be
    exact: a chip too narrow for a middle, a fractional device pixel ratio."""
    if width <= 2 * _CAP + 1 or ratio != round(ratio):
        return False
    start, end = _caps(colour.rgba(), height, ratio)
    painter.drawPixmap(x, y, start)
    painter.fillRect(x + _CAP, y, width - 1 - 2 * _CAP, height - 1, colour)
    painter.drawPixmap(x + width - 1 - _CAP, y, end)
    return True


@functools.lru_cache(maxsize=64)
def _caps(rgba: int, height: int, ratio: float) -> tuple[QPixmap, QPixmap]:
    """The two rounded ends (``_CAP`` pixels, and one more on the right for the column
    the rect leaves out) of a chip of ``height`` filled with ``rgba``, as
    ``drawRoundedRect(x, y, width - 1, height - 1, _RADIUS, _RADIUS)`` draws them with
    antialiasing and no pen: between them the chip is a plain rect."""
    span = 2 * _CAP + 2  # any width with a straight middle: the ends are the same
    ends = []
    for width, shift in ((_CAP, 0), (_CAP + 1, span - 1 - _CAP)):
        pixmap = QPixmap(round(width * ratio), round(height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor.fromRgba(rgba))
        painter.drawRoundedRect(-shift, 0, span - 1, height - 1, _RADIUS, _RADIUS)
        painter.end()
        ends.append(pixmap)
    return ends[0], ends[1]


def _round(value: float) -> int:
    """Qt's rounding of a coordinate to a pixel (qRound: halves go up)."""
    return math.floor(value + 0.5)
