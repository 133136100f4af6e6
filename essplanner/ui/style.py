"""Colours of states, platforms and objectives, shared by every view."""

from __future__ import annotations

from PySide6.QtGui import QColor

from essplanner.domain import PostStatus

STATUS_COLOURS = {
    PostStatus.DRAFT: QColor("#9e9e9e"),
    PostStatus.SCHEDULED: QColor("#1e88e5"),
    PostStatus.PUBLISHED: QColor("#43a047"),
    PostStatus.ATTENTION: QColor("#e53935"),
    PostStatus.CANCELLED: QColor("#bdbdbd"),
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
    "tiktok": QColor("#25f4ee"),
    "dryrun": QColor("#8d6e63"),
}

PLATFORM_SHORT = {
    "facebook": "f", "instagram": "ig", "threads": "@", "bluesky": "bs", "mastodon": "m",
    "telegram": "tg", "linkedin": "in", "x": "x", "pinterest": "p", "youtube": "yt",
    "tiktok": "tt", "dryrun": "~",
}

_PALETTE = ["#8e24aa", "#00897b", "#f4511e", "#3949ab", "#c0ca33", "#6d4c41", "#d81b60",
            "#039be5"]


def objective_colour(objective_id: int | None) -> QColor:
    if objective_id is None:
        return QColor("#78909c")
    return QColor(_PALETTE[objective_id % len(_PALETTE)])


def platform_colour(platform: str) -> QColor:
    return PLATFORM_COLOURS.get(platform, QColor("#607d8b"))
