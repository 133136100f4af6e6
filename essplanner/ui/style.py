"""Colours of states, platforms and objectives, and the platform icons, shared by every view.

Platform icons are drawn (a rounded square in the platform's colour with its
initials) rather than shipped as brand artwork: they stay legible at 12 pixels,
need no licence, and a plugin's new platform gets one for free.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap

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

#: the mark drawn on a platform icon for a target in that state
DELIVERY_MARKS = {
    DeliveryState.PUBLISHED: "✓",
    DeliveryState.FAILED: "!",
    DeliveryState.UNCONFIRMED: "?",
    DeliveryState.MISSED: "!",
    DeliveryState.PUBLISHING: "…",
    DeliveryState.CANCELLED: "×",
}

#: marks of targets waiting for a person though scheduled: drawn on an amber square, not a dot
HOLDUP_MARKS = {
    Holdup.RECONNECT: "↻",
    Holdup.DISABLED: "‖",
    Holdup.RETRYING: "…",
}

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
    """The platform's square with its initials; a target's delivery state is a dot in the
    top right corner (with a mark inside when the icon is big enough to read it); a target
    waiting for a person (``holdup``) gets an amber square instead of the dot."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QRectF(rect)
    waiting = holdup in HOLDUP_MARKS
    marked = waiting or (state is not None and state in DELIVERY_MARKS)
    dot = max(5.0, box.width() * 0.42)
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
        painter.setPen(QPen(QColor("white"), 1))
        if waiting:
            assert holdup is not None
            painter.setBrush(HOLDUP_COLOUR)
            painter.drawRect(mark)
            text = HOLDUP_MARKS[holdup]
        else:
            assert state is not None
            painter.setBrush(DELIVERY_COLOURS[state])
            painter.drawEllipse(mark)
            text = DELIVERY_MARKS[state]
        if dot >= 8:
            font.setPixelSize(max(5, int(dot * 0.75)))
            painter.setFont(font)
            painter.drawText(mark, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


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
