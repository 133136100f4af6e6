"""What the calendar draws around the posts: campaign bars, event strips, awareness days.

The marks of the shown period are read once (``PlanningService.marks``) and kept by the
month model per day; painting only looks them up. :class:`MarksPainter` draws them in a
month cell (bars at the very top, the day's label in the header, events as labelled
strips above the chips) and in the week view's header. :class:`MarksToggles` is the
filter panel's "Calendar" section: campaigns, events, awareness days shown or hidden.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from essplanner.domain import CampaignBar, DayMark, DayMarks, EventStrip
from essplanner.ui.labels import fmt_time

BAR_H = 4
BAR_GAP = 1
MAX_BARS = 3
MAX_STRIPS = 2
EVENT_COLOUR = QColor("#264653")


@dataclass(frozen=True)
class Shown:
    """Which kinds of marks are shown (the filter panel's toggles)."""

    campaigns: bool = True
    events: bool = True
    days: bool = True

    def apply(self, marks: DayMarks) -> DayMarks:
        return DayMarks(campaigns=marks.campaigns if self.campaigns else {},
                        events=marks.events if self.events else {},
                        days=marks.days if self.days else {})


@dataclass(frozen=True)
class CellMarks:
    """The marks of one day, as the month model gives them to the painter."""

    campaigns: tuple[CampaignBar, ...] = ()
    events: tuple[EventStrip, ...] = ()
    days: tuple[DayMark, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.campaigns or self.events or self.days)


def cell_marks(marks: DayMarks, day: date) -> CellMarks:
    return CellMarks(marks.campaigns.get(day, ()), marks.events.get(day, ()),
                     marks.days.get(day, ()))


def bars_height(cell: CellMarks) -> int:
    count = min(len(cell.campaigns), MAX_BARS)
    return count * (BAR_H + BAR_GAP)


def strips_height(cell: CellMarks, font: QFont) -> int:
    """The room the event strips take above the chips."""
    count = min(len(cell.events), MAX_STRIPS)
    return count * (QFontMetrics(font).height() + 3)


def event_text(strip: EventStrip) -> str:
    return f"{fmt_time(strip.starts)} {strip.name}" if strip.starts else strip.name


def tooltip(cell: CellMarks) -> str:
    lines = [f"▬ {c.name}" for c in cell.campaigns]
    lines += [f"◆ {event_text(e)}" + (f" — {e.place}" if e.place else "") for e in cell.events]
    lines += [f"★ {d.name}" for d in cell.days]
    return "\n".join(lines)


class MarksPainter:
    """Draws a day's marks; no database, no model look-up beyond what it is given."""

    def paint_bars(self, painter: QPainter, cell: QRect, marks: CellMarks) -> None:
        """The campaigns: thin coloured bars across the top of the cell (rounded where a
        campaign starts or ends)."""
        y = cell.top() + 1
        for bar in marks.campaigns[:MAX_BARS]:
            left = cell.left() + (3 if bar.first else 0)
            right = cell.right() - (3 if bar.last else 0)
            painter.fillRect(QRect(left, y, right - left + 1, BAR_H), QColor(bar.colour))
            y += BAR_H + BAR_GAP

    def paint_day_label(self, painter: QPainter, header: QRect, marks: CellMarks,
                        font: QFont, palette: QPalette) -> None:
        """The awareness days: a small label at the left of the header (the number is
        at its right)."""
        if not marks.days:
            return
        painter.setFont(font)
        painter.setPen(QColor("#b5179e"))
        text = "★ " + " · ".join(d.name for d in marks.days)
        room = header.adjusted(0, 0, -24, 0)
        painter.drawText(room, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight,
                                                       max(0, room.width())))

    def paint_strips(self, painter: QPainter, left: int, top: int, width: int,
                     marks: CellMarks, font: QFont) -> None:
        """The events: labelled strips, one line each."""
        height = QFontMetrics(font).height() + 1
        painter.setFont(font)
        y = top
        for strip in marks.events[:MAX_STRIPS]:
            rect = QRect(left, y, width, height)
            painter.fillRect(rect, EVENT_COLOUR if strip.first else EVENT_COLOUR.lighter(160))
            painter.setPen(QColor("white"))
            text = "◆ " + event_text(strip)
            painter.drawText(rect.adjusted(3, 0, -3, 0),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight,
                                                           max(0, width - 6)))
            y += height + 2

    def paint_week_header(self, painter: QPainter, column: QRect, marks: CellMarks,
                          font: QFont, palette: QPalette) -> None:
        """In the week view's header: the bars at the top, one label at the bottom (the
        first event, else the awareness days)."""
        self.paint_bars(painter, column, marks)
        label = ""
        colour = QColor("#b5179e")
        if marks.events:
            label, colour = "◆ " + event_text(marks.events[0]), EVENT_COLOUR
        elif marks.days:
            label = "★ " + " · ".join(d.name for d in marks.days)
        if label:
            painter.setFont(font)
            painter.setPen(colour)
            line = QFontMetrics(font).height()
            rect = QRect(column.left() + 4, column.bottom() - line - 1, column.width() - 8,
                         line)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter,
                             QFontMetrics(font).elidedText(label, Qt.TextElideMode.ElideRight,
                                                           max(0, rect.width())))


class MarksToggles(QWidget):
    """Campaigns, events and awareness days shown or hidden.

    Signals: ``shown_changed(Shown)``."""

    shown_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.campaigns = QCheckBox(self.tr("Campaigns"), self)
        self.events = QCheckBox(self.tr("Events"), self)
        self.days = QCheckBox(self.tr("Awareness days"), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for box in (self.campaigns, self.events, self.days):
            box.setChecked(True)
            box.toggled.connect(self._changed)
            layout.addWidget(box)

    def shown(self) -> Shown:
        return Shown(self.campaigns.isChecked(), self.events.isChecked(),
                     self.days.isChecked())

    def set_shown(self, shown: Shown) -> None:
        for box, value in ((self.campaigns, shown.campaigns), (self.events, shown.events),
                           (self.days, shown.days)):
            box.setChecked(value)

    def _changed(self) -> None:
        self.shown_changed.emit(self.shown())

