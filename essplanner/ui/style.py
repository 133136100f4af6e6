"""Colours of states, platforms and objectives, and the platform icons, shared by every view.

Platform icons are drawn (a rounded square in the platform's colour with its
initials) rather than shipped as brand artwork: they stay legible at 12 pixels,
need no licence, and a plugin's new platform gets one for free.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPixmap

from essplanner.domain import DeliveryState, Holdup, PostStatus

if TYPE_CHECKING:
    # QIcon is imported where icons are made: the first paint of the calendar needs none,
    # and loading the class builds its large enums.
    from PySide6.QtGui import QIcon

STATUS_COLOURS = {
    PostStatus.DRAFT: QColor("#9e9e9e"),
    PostStatus.SCHEDULED: QColor("#1e88e5"),
    PostStatus.PUBLISHED: QColor("#43a047"),
    PostStatus.ATTENTION: QColor("#e53935"),
    PostStatus.CANCELLED: QColor("#bdbdbd"),
}

DELIVERY_COLOURS = {
    DeliveryState.DRAFT: QColor("#9e9e9e"),
    DeliveryState.SCHEDULED: QColor("#1e88e5"),
    DeliveryState.PUBLISHING: QColor("#fb8c00"),
    DeliveryState.PUBLISHED: QColor("#43a047"),
    DeliveryState.FAILED: QColor("#e53935"),
    DeliveryState.UNCONFIRMED: QColor("#f57c00"),
    DeliveryState.MISSED: QColor("#8e24aa"),
    DeliveryState.CANCELLED: QColor("#bdbdbd"),
}

#: a target that waits for a person (account to reconnect...): amber, and a square mark
HOLDUP_COLOUR = QColor("#ef6c00")

#: the mark drawn on a platform icon for a target in that state: a shape of
#: :func:`paint_mark` (a shape as well as a colour: readable without colours)
DELIVERY_MARKS = {
    DeliveryState.PUBLISHED: "check",
    DeliveryState.FAILED: "bang",
    DeliveryState.UNCONFIRMED: "question",
    DeliveryState.MISSED: "bang",
    DeliveryState.PUBLISHING: "dots",
    DeliveryState.CANCELLED: "cross",
}

#: marks of targets waiting for a person though scheduled: the shape drawn on an amber
#: square, not a disc
HOLDUP_MARKS = {
    Holdup.RECONNECT: "cycle",
    Holdup.DISABLED: "pause",
    Holdup.RETRYING: "dots",
    Holdup.NEEDS_CREDITS: "bang",
    Holdup.NEEDS_UPDATE: "bang",
    Holdup.NEEDS_ACCESS: "bang",
    Holdup.AWAITING_APPROVAL: "question",  # waiting for an approver's yes
}

#: the shapes :func:`paint_mark` draws
MARK_SHAPES = ("check", "bang", "question", "clock", "pause", "cross", "dots", "cycle",
               "draft")

PLATFORM_COLOURS = {
    "facebook": QColor("#1877f2"),
    "instagram": QColor("#c13584"),
    "threads": QColor("#333333"),
    "bluesky": QColor("#0a7aff"),
    "mastodon": QColor("#6364ff"),
    "telegram": QColor("#229ed9"),
    "linkedin": QColor("#0a66c2"),
    "x": QColor("#111111"),
    "pinterest": QColor("#e60023"),
    "youtube": QColor("#ff0000"),
    "tiktok": QColor("#010101"),
    "dryrun": QColor("#8d6e63"),
}

PLATFORM_SHORT = {
    "facebook": "f", "instagram": "ig", "threads": "@", "bluesky": "bs", "mastodon": "m",
    "telegram": "tg", "linkedin": "in", "x": "x", "pinterest": "p", "youtube": "yt",
    "tiktok": "tt", "dryrun": "~",
}

_PALETTE = ["#8e24aa", "#00897b", "#f4511e", "#3949ab", "#c0ca33", "#6d4c41", "#d81b60",
            "#039be5"]

CHIP_TEXT = QColor("#202124")


def objective_colour(objective_id: int | None) -> QColor:
    if objective_id is None:
        return QColor("#78909c")
    return QColor(_PALETTE[objective_id % len(_PALETTE)])


def platform_colour(platform: str) -> QColor:
    return PLATFORM_COLOURS.get(platform, QColor("#607d8b"))


def platform_short(platform: str) -> str:
    return PLATFORM_SHORT.get(platform, platform[:2].lower())


def paint_platform_icon(painter: QPainter, rect: QRect | QRectF, platform: str,
                        state: DeliveryState | None = None,
                        holdup: Holdup | None = None) -> None:
    """The platform's square with its initials; a target's delivery state is a mark in the
    top right corner (:func:`paint_mark`: a shape in a disc); a target waiting for a person
    (``holdup``) gets its shape on an amber square instead of the disc."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QRectF(rect)
    waiting = holdup in HOLDUP_MARKS
    marked = waiting or (state is not None and state in DELIVERY_MARKS)
    dot = max(7.0, box.width() * 0.5)
    square = box.adjusted(0, dot * 0.35, -dot * 0.35, 0) if marked else box
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(platform_colour(platform))
    radius = square.width() * 0.22
    painter.drawRoundedRect(square, radius, radius)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(max(6, int(square.height() * 0.6)))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(square, Qt.AlignmentFlag.AlignCenter, platform_short(platform))
    if marked:
        mark = QRectF(box.right() - dot, box.top(), dot, dot)
        if waiting:
            assert holdup is not None
            paint_mark(painter, mark, HOLDUP_MARKS[holdup], HOLDUP_COLOUR, square=True)
        else:
            assert state is not None
            paint_mark(painter, mark, DELIVERY_MARKS[state], DELIVERY_COLOURS[state])
    painter.restore()


def paint_mark(painter: QPainter, rect: QRectF, shape: str, colour: QColor, *,
               square: bool = False) -> None:
    """A state mark: a disc (``square``: a square, for a target waiting for a person) in
    ``colour`` with a white shape drawn in it (a check, an exclamation mark, a question
    mark, a clock, a pause sign, a cross, three dots, a circular arrow, or a hollow ring for
    a draft), so that states differ by shape, not by colour alone."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    size = min(rect.width(), rect.height())
    disc = QRectF(rect.center().x() - size / 2, rect.center().y() - size / 2, size, size)
    if shape == "draft":
        painter.setBrush(QColor("white"))
        painter.setPen(QPen(colour, max(1.0, size / 7)))
        painter.drawEllipse(disc.adjusted(0.5, 0.5, -0.5, -0.5))
        painter.restore()
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    if square:
        painter.drawRoundedRect(disc, size / 8, size / 8)
    else:
        painter.drawEllipse(disc)
    pen = QPen(QColor("white"), max(1.2, size / 7), Qt.PenStyle.SolidLine,
               Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    x, y, u = disc.left(), disc.top(), size / 10  # u: a tenth of the disc

    def point(px: float, py: float) -> QPointF:
        return QPointF(x + px * u, y + py * u)

    if shape == "check":
        painter.drawPolyline([point(2.8, 5.2), point(4.4, 6.9), point(7.3, 3.4)])
    elif shape == "bang":
        painter.drawLine(point(5, 2.4), point(5, 5.6))
        painter.drawPoint(point(5, 7.6))
    elif shape == "question":
        path = QPainterPath(point(3.4, 3.8))
        path.cubicTo(point(3.4, 1.6), point(6.8, 1.6), point(6.6, 3.8))
        path.cubicTo(point(6.5, 5.0), point(5.0, 4.9), point(5.0, 6.0))
        painter.drawPath(path)
        painter.drawPoint(point(5, 7.8))
    elif shape == "clock":
        painter.drawLine(point(5, 5), point(5, 2.6))
        painter.drawLine(point(5, 5), point(6.9, 6.1))
    elif shape == "pause":
        painter.drawLine(point(3.8, 3.2), point(3.8, 6.8))
        painter.drawLine(point(6.2, 3.2), point(6.2, 6.8))
    elif shape == "cross":
        painter.drawLine(point(3.3, 3.3), point(6.7, 6.7))
        painter.drawLine(point(6.7, 3.3), point(3.3, 6.7))
    elif shape == "dots":
        for px in (3.0, 5.0, 7.0):
            painter.drawPoint(point(px, 5))
    elif shape == "cycle":  # reconnect: most of a circle, an arrow head at its end
        painter.drawArc(QRectF(point(2.6, 2.6), point(7.4, 7.4)), 90 * 16, 270 * 16)
        painter.drawPolyline([point(5.0, 1.4), point(6.4, 2.6), point(5.0, 3.8)])
    painter.restore()


@lru_cache(maxsize=128)
def mark_pixmap(shape: str, rgba: int, size: int, ratio: float = 1.0) -> QPixmap:
    """:func:`paint_mark` drawn once and reused (a calendar page paints hundreds)."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_mark(painter, QRectF(0, 0, size, size), shape, QColor.fromRgba(rgba))
    painter.end()
    return pixmap


@lru_cache(maxsize=256)
def platform_pixmap(platform: str, state: DeliveryState | None, size: int,
                    ratio: float = 1.0, holdup: Holdup | None = None) -> QPixmap:
    """The icon with its state mark, drawn once and reused (chips paint many of them)."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_platform_icon(painter, QRect(0, 0, size, size), platform, state, holdup)
    painter.end()
    return pixmap


@lru_cache(maxsize=64)
def platform_icon(platform: str, size: int = 16) -> QIcon:
    from PySide6.QtGui import QIcon

    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_platform_icon(painter, QRect(0, 0, size, size), platform)
    painter.end()
    return QIcon(pixmap)


def state_icon(colour: QColor, size: int = 12) -> QIcon:
    from PySide6.QtGui import QIcon

    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)
