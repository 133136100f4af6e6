"""The repeat mark of a recurring post on its calendar chip, and its line in the tooltip."""

from __future__ import annotations

import functools
from datetime import date, time

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap

from essplanner.errors import ValidationError
from essplanner.recurrence import describe, parse_rule
from essplanner.services.calendar import CalendarEntry


def repeat_summary(entry: CalendarEntry, day: date | None) -> str:
    """"Repeats: every Monday at 09:00" for an occurrence of a series; "" otherwise.
    ``day`` is the occurrence's local date (a rule without days takes the start's)."""
    if entry.series_id is None or not entry.series_rule:
        return ""
    try:
        at = time.fromisoformat(entry.series_at) if entry.series_at else time(0, 0)
        words = describe(parse_rule(entry.series_rule), at, start=day)
    except (ValidationError, ValueError):
        return QCoreApplication.translate("SeriesMark", "Repeats")
    return QCoreApplication.translate("SeriesMark", "Repeats: %1").replace(
        "%1", words[:1].lower() + words[1:])


@functools.lru_cache(maxsize=32)
def repeat_pixmap(size: int, rgba: int, ratio: float) -> QPixmap:
    """Two arrows chasing each other round a circle (drawn, so that no font is needed)."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor.fromRgba(rgba)
    pen = QPen(colour, max(1.2, size / 8))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    margin = size * 0.16
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    head = size * 0.42
    for start in (30, 210):  # two arcs of 120°, each ending in an arrowhead
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath()
        path.arcMoveTo(box, start)
        path.arcTo(box, start, 120)
        painter.drawPath(path)
        tip = path.currentPosition()
        direction = path.pointAtPercent(1.0) - path.pointAtPercent(0.85)
        length = max((direction.x() ** 2 + direction.y() ** 2) ** 0.5, 1e-6)
        dx, dy = direction.x() / length, direction.y() / length
        arrow = QPainterPath()
        arrow.moveTo(tip + QPointF(dx, dy) * head * 0.6)
        arrow.lineTo(tip + QPointF(-dy * 0.6 - dx * 0.4, dx * 0.6 - dy * 0.4) * head)
        arrow.lineTo(tip + QPointF(dy * 0.6 - dx * 0.4, -dx * 0.6 - dy * 0.4) * head)
        arrow.closeSubpath()
        painter.setBrush(colour)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPath(arrow)
        painter.setPen(pen)
    painter.end()
    return pixmap

