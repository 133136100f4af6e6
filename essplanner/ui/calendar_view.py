"""The month view: a table of days painted by :class:`DayDelegate` as a desktop calendar."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from essplanner.ui.calendar_model import Chip, Role
from essplanner.ui.style import STATUS_COLOURS, objective_colour, platform_colour

CHIP_HEIGHT = 18


class DayDelegate(QStyledItemDelegate):
    """Paints a day: its number, then one chip per post (time, title, state colour)."""

    colour_by = "objective"  # or "platform"

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        rect: QRect = option.rect
        palette: QPalette = option.palette
        in_month = bool(index.data(Role.IN_MONTH))
        today = bool(index.data(Role.IS_TODAY))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        base = palette.color(QPalette.ColorRole.Base)
        if not in_month:
            base = palette.color(QPalette.ColorRole.AlternateBase)
        if selected:
            base = palette.color(QPalette.ColorRole.Highlight).lighter(180)
        painter.fillRect(rect, base)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid)))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))

        font = QFont(option.font)
        font.setBold(today)
        painter.setFont(font)
        number_rect = rect.adjusted(4, 2, -4, 0)
        number_rect.setHeight(QFontMetrics(font).height())
        if today:
            badge = QRect(number_rect.right() - 22, number_rect.top(), 24, number_rect.height())
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(badge, 6, 6)
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(index.data()))
        else:
            painter.setPen(palette.color(QPalette.ColorRole.Text if in_month
                                         else QPalette.ColorRole.PlaceholderText))
            painter.drawText(number_rect, Qt.AlignmentFlag.AlignRight, str(index.data()))

        chips: tuple[Chip, ...] = index.data(Role.CHIPS) or ()
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        painter.setFont(small)
        metrics = QFontMetrics(small)
        y = number_rect.bottom() + 3
        available = rect.bottom() - y - 2
        fits = max(0, available // (CHIP_HEIGHT + 2))
        shown = chips if len(chips) <= fits else chips[: max(0, fits - 1)]
        for chip in shown:
            chip_rect = QRect(rect.left() + 3, y, rect.width() - 6, CHIP_HEIGHT)
            self._paint_chip(painter, chip_rect, chip, metrics)
            y += CHIP_HEIGHT + 2
        hidden = len(chips) - len(shown)
        if hidden > 0:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            more = QRect(rect.left() + 4, y, rect.width() - 8, CHIP_HEIGHT)
            painter.drawText(more, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self.tr("+%n more", "", hidden))
        painter.restore()

    def _paint_chip(self, painter: QPainter, rect: QRect, chip: Chip,
                    metrics: QFontMetrics) -> None:
        if self.colour_by == "platform" and chip.platforms:
            accent = platform_colour(chip.platforms[0])
        else:
            accent = objective_colour(chip.objective_id)
        state = STATUS_COLOURS[chip.status]
        background = QColor(accent)
        background.setAlpha(40)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(rect, 4, 4)
        painter.setBrush(state)
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), 4, rect.height()), 2, 2)
        text_rect = rect.adjusted(8, 0, -4, 0)
        dots_width = 0
        for platform in chip.platforms[:4]:
            dots_width += 9
            dot = QRect(text_rect.right() - dots_width + 2, rect.center().y() - 3, 7, 7)
            painter.setBrush(platform_colour(platform))
            painter.drawEllipse(dot)
        text_rect.setRight(text_rect.right() - dots_width - 2)
        painter.setPen(QColor("#202124"))
        label = chip.title
        if chip.local_time is not None:
            label = f"{chip.local_time.strftime('%H:%M')} {label}"
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(label, Qt.TextElideMode.ElideRight,
                                            text_rect.width()))

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(120, 100)


class MonthView(QTableView):
    """A month grid. Signals: ``day_activated(date)``."""

    day_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate = DayDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setMouseTracking(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setVisible(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.activated.connect(self._on_activated)

    def _on_activated(self, index: QModelIndex) -> None:
        self.day_activated.emit(index.data(Role.DATE))
