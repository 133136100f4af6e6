"""The week view: seven day columns on a time grid, a real item view over the post proxy.

Each post is an item placed at its local time; posts close in time share the
column side by side. Dragging a post to another day or time emits
``move_requested`` with the new local wall-clock time (snapped to 15 minutes); the
window turns it into an undoable reschedule (DST-aware through the user's zone).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QWidget

from essplanner.domain import DayMarks
from essplanner.ui.calendar.chip_painter import ChipPainter
from essplanner.ui.calendar.marks import CellMarks, MarksPainter, Shown, cell_marks
from essplanner.ui.calendar.post_model import Chip, PostRole, decode_posts
from essplanner.ui.labels import fmt_time, fmt_week_day

if TYPE_CHECKING:
    from essplanner.ui.calendar.queue import FreeSlotItem

HEADER_H = 40
GUTTER_W = 56
HOUR_H = 48
SNAP_MINUTES = 15
CHIP_MINUTES = 30  # posts have no duration; a chip covers half an hour
#: the narrowest a chip gets side by side: its time and a few letters of its title
MIN_LANE_W = 64
ModelIndex = QModelIndex | QPersistentModelIndex
CursorAction = QAbstractItemView.CursorAction


def place_day(tops: list[int], height: int, max_columns: int,
              ) -> list[tuple[int, int, int]]:
    """The classic calendar layout of one day's posts, given the top of each (in time
    order) and the height of a chip: (top, column, columns of its group) for each.

    Posts whose boxes overlap form a group; each takes the first column free at its
    time (a new column if none is), and the group's columns share the day's width.
    A group never gets more than ``max_columns`` columns, so that chips stay wide
    enough to read: a post that finds none free goes right under the column that frees
    first (its chip still says its exact time). No two boxes ever overlap.
    """
    placed: list[tuple[int, int, list[int]]] = []  # top, column, its group's columns
    lanes: list[int] = []  # bottom of the last box of each column of the current group
    for top in tops:
        if not lanes or top >= max(lanes):
            lanes = []  # nothing above reaches this post: a new group
        free = next((i for i, bottom in enumerate(lanes) if bottom <= top), None)
        if free is not None:
            lane, y = free, top
        elif len(lanes) < max_columns:
            lanes.append(top)
            lane, y = len(lanes) - 1, top
        else:
            lane = min(range(len(lanes)), key=lanes.__getitem__)
            y = lanes[lane]
        lanes[lane] = y + height
        placed.append((y, lane, lanes))
    return [(y, lane, len(group)) for y, lane, group in placed]


class WeekView(QAbstractItemView):
    """Signals: ``move_requested(list[(post_id, version)], datetime)`` (naive local time),
    ``slot_activated(datetime)`` (double-click on an empty slot: new post there),
    ``context_menu_requested(post_id, global_pos)`` (right-click on a post)."""

    move_requested = Signal(object, object)
    slot_activated = Signal(object)
    context_menu_requested = Signal(int, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chips = ChipPainter()
        self.marks_painter = MarksPainter()
        self._all_marks = DayMarks()
        self._shown = Shown()
        # set_week() gives the week and "today" (from the workspace's clock, never the system's)
        self._week = date.min
        self.today = date.min
        self._now: datetime | None = None
        self._rects: dict[int, QRect] = {}  # proxy row -> rect in content coordinates
        self._drop_slot: tuple[date, time] | None = None
        # empty posting slots of the week (set by the window) and where they are drawn
        self._free_slots: list[FreeSlotItem] = []
        self._free_rects: list[tuple[QRect, FreeSlotItem]] = []
        self._relayout_pending = False
        self._scrolled = False
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setMouseTracking(True)
        self.verticalScrollBar().setSingleStep(HOUR_H // 4)
        self.horizontalScrollBar().setRange(0, 0)

    # ---- what is shown
    @property
    def week_start(self) -> date:
        return self._week

    def set_marks(self, marks: DayMarks) -> None:
        """The week's campaigns, events and awareness days (drawn in the header)."""
        self._all_marks = marks
        self.viewport().update()

    def set_shown(self, shown: Shown) -> None:
        self._shown = shown
        self.viewport().update()

    def marks_on(self, day: date) -> CellMarks:
        return cell_marks(self._shown.apply(self._all_marks), day)

    def set_week(self, start: date, *, today: date, now: datetime | None = None) -> None:
        changed = start != self._week
        self._week, self.today, self._now = start, today, now
        self._relayout()
        if changed or not self._scrolled:
            self._scrolled = True
            self.scroll_to_first()

    def scroll_to_first(self) -> None:
        """Show the morning, or the earliest post of the week if it is earlier."""
        earliest = min((r.top() for r in self._rects.values()), default=None)
        target = self._y_of(time(7, 30)) - HEADER_H
        if earliest is not None:
            target = min(target, earliest - HEADER_H - 8)
        self.verticalScrollBar().setValue(max(0, target))

    def set_free_slots(self, slots: list[FreeSlotItem]) -> None:
        """The week's empty posting slots, drawn as light dashed boxes."""
        self._free_slots = list(slots)
        self._relayout()

    def free_slot_rects(self) -> list[tuple[QRect, FreeSlotItem]]:
        """Each empty slot drawn, with its box in content coordinates."""
        return list(self._free_rects)

    def days(self) -> list[date]:
        return [self._week + timedelta(days=i) for i in range(7)]

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                           model.rowsRemoved, model.dataChanged):
                signal.connect(self._schedule_relayout)
        self._relayout()

    def _model(self) -> QAbstractItemModel | None:
        # model() is None until setModel; the stubs do not say so
        return cast(QAbstractItemModel | None, self.model())

    def _schedule_relayout(self, *_args: object) -> None:
        # Rows of the proxy are only valid again once it finished its update: lay out now,
        # then once more after the event loop settles (a sort may follow an insert).
        self._relayout()
        if not self._relayout_pending:
            self._relayout_pending = True
            QTimer.singleShot(0, self._deferred_relayout)

    def _deferred_relayout(self) -> None:
        self._relayout_pending = False
        self._relayout()

    # ---- geometry
    def _column_width(self) -> float:
        return max(40.0, (self.viewport().width() - GUTTER_W) / 7)

    def _content_height(self) -> int:
        return HEADER_H + 24 * HOUR_H

    def _y_of(self, moment: time) -> int:
        return HEADER_H + round((moment.hour * 60 + moment.minute) * HOUR_H / 60)

    def _chip_height(self) -> int:
        # two lines: time and title, then the start of the text
        return max(2 * self.fontMetrics().height() + 6, CHIP_MINUTES * HOUR_H // 60)

    def _relayout(self) -> None:
        model = self._model()
        self._rects = {}
        if model is None:
            return
        days = {d: i for i, d in enumerate(self.days())}
        per_day: dict[int, list[tuple[int, Chip]]] = {}
        for row in range(model.rowCount()):
            chip = model.index(row, 0).data(PostRole.CHIP)
            if isinstance(chip, Chip) and chip.local_date in days:
                per_day.setdefault(days[chip.local_date], []).append((row, chip))
        width = self._column_width()
        height = self._chip_height()
        columns = max(1, int((width - 4) // MIN_LANE_W))
        for column, items in per_day.items():
            items.sort(key=lambda rc: rc[1].sort_key())
            tops = []
            for _row, chip in items:
                assert chip.local_start is not None
                tops.append(self._y_of(chip.local_start.time()))
            for (row, _chip), (top, lane, lanes) in zip(
                    items, place_day(tops, height, columns), strict=True):
                lane_w = (width - 4) / lanes
                left = GUTTER_W + column * width + 2 + lane * lane_w
                self._rects[row] = QRect(round(left), top, max(10, round(lane_w) - 2),
                                         height - 1)
        self._layout_free_slots(width, height)
        self.updateGeometries()
        self.viewport().update()

    def _layout_free_slots(self, width: float, height: int) -> None:
        # several accounts' slots at one time share the column, like posts
        self._free_rects = []
        days = {d: i for i, d in enumerate(self.days())}
        groups: dict[tuple[int, time], list[FreeSlotItem]] = {}
        for item in sorted(self._free_slots, key=lambda f: (f.local, f.account_name)):
            column = days.get(item.local.date())
            if column is not None:
                groups.setdefault((column, item.local.time()), []).append(item)
        for (column, moment), items in groups.items():
            lane_w = (width - 4) / len(items)
            for lane, item in enumerate(items):
                left = GUTTER_W + column * width + 2 + lane * lane_w
                self._free_rects.append((QRect(round(left), self._y_of(moment),
                                               max(10, round(lane_w) - 2), height - 1), item))

    def updateGeometries(self) -> None:
        bar = self.verticalScrollBar()
        bar.setPageStep(self.viewport().height())
        bar.setRange(0, max(0, self._content_height() - self.viewport().height()))
        super().updateGeometries()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def scroll_to_time(self, moment: time) -> None:
        self.verticalScrollBar().setValue(self._y_of(moment) - HEADER_H)

    # ---- QAbstractItemView's geometry API
    def visualRect(self, index: ModelIndex) -> QRect:
        rect = self._rects.get(index.row()) if index.isValid() else None
        if rect is None:
            return QRect()
        return rect.translated(0, -self.verticalOffset())

    def indexAt(self, point: QPoint) -> QModelIndex:
        model = self.model()
        if model is None or point.y() < HEADER_H:
            return QModelIndex()
        content = point + QPoint(0, self.verticalOffset())
        for row, rect in sorted(self._rects.items(), reverse=True):
            if rect.contains(content):
                return model.index(row, 0)
        return QModelIndex()

    def scrollTo(self, index: ModelIndex,
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
                 ) -> None:
        rect = self._rects.get(index.row()) if index.isValid() else None
        if rect is None:
            return
        bar = self.verticalScrollBar()
        visible_top = bar.value() + HEADER_H
        visible_bottom = bar.value() + self.viewport().height()
        if rect.top() < visible_top:
            bar.setValue(rect.top() - HEADER_H - 8)
        elif rect.bottom() > visible_bottom:
            bar.setValue(rect.bottom() - self.viewport().height() + 8)

    def horizontalOffset(self) -> int:
        return 0

    def verticalOffset(self) -> int:
        return self.verticalScrollBar().value()

    def isIndexHidden(self, index: ModelIndex) -> bool:
        return index.row() not in self._rects

    def setSelection(self, rect: QRect, command: QItemSelectionModel.SelectionFlag) -> None:
        model = self._model()
        if model is None:
            return
        content = rect.translated(0, self.verticalOffset()).normalized()
        selection = QItemSelection()
        for row, chip_rect in self._rects.items():
            if chip_rect.intersects(content):
                index = model.index(row, 0)
                selection.select(index, index)
        self.selectionModel().select(selection, command)

    def visualRegionForSelection(self, selection: QItemSelection) -> QRegion:
        region = QRegion()
        for index in selection.indexes():
            region += self.visualRect(index)
        return region

    def moveCursor(self, action: CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        model = self.model()
        if model is None or not self._rects:
            return QModelIndex()
        ordered = sorted(self._rects, key=lambda r: (self._rects[r].left() // 1,
                                                     self._rects[r].top()))
        by_time = sorted(self._rects, key=lambda r: model.index(r, 0).data(PostRole.SORT_KEY))
        current = self.currentIndex()
        if not current.isValid() or current.row() not in self._rects:
            return model.index(by_time[0], 0)
        row = current.row()
        if action in (CursorAction.MoveHome, CursorAction.MovePageUp):
            return model.index(by_time[0], 0)
        if action in (CursorAction.MoveEnd, CursorAction.MovePageDown):
            return model.index(by_time[-1], 0)
        if action in (CursorAction.MoveUp, CursorAction.MovePrevious,
                      CursorAction.MoveDown, CursorAction.MoveNext):
            step = -1 if action in (CursorAction.MoveUp, CursorAction.MovePrevious) else 1
            position = by_time.index(row) + step
            return model.index(by_time[max(0, min(position, len(by_time) - 1))], 0)
        if action in (CursorAction.MoveLeft, CursorAction.MoveRight):
            here = self._column_of(self._rects[row])
            step = -1 if action == CursorAction.MoveLeft else 1
            top = self._rects[row].top()
            for column in range(here + step, 7 if step > 0 else -1, step):
                candidates = [r for r in ordered if self._column_of(self._rects[r]) == column]
                if candidates:
                    best = min(candidates, key=lambda r: abs(self._rects[r].top() - top))
                    return model.index(best, 0)
        return current

    def _column_of(self, rect: QRect) -> int:
        return int((rect.left() - GUTTER_W) // self._column_width())

    # ---- positions to times
    def slot_at(self, point: QPoint) -> tuple[date, time] | None:
        """The day and time (snapped to 15 minutes) under a viewport point."""
        if point.x() < GUTTER_W or point.y() < HEADER_H:
            return None
        column = int((point.x() - GUTTER_W) // self._column_width())
        if not 0 <= column < 7:
            return None
        minutes = (point.y() + self.verticalOffset() - HEADER_H) * 60 / HOUR_H
        snapped = int(round(minutes / SNAP_MINUTES) * SNAP_MINUTES)
        snapped = max(0, min(snapped, 24 * 60 - SNAP_MINUTES))
        return self.days()[column], time(snapped // 60, snapped % 60)

    def point_of(self, day: date, moment: time) -> QPoint:
        """A viewport point inside the slot of ``day`` at ``moment`` (for tests and keys)."""
        column = (day - self._week).days
        x = GUTTER_W + int((column + 0.5) * self._column_width())
        return QPoint(x, self._y_of(moment) - self.verticalOffset() + 2)

    # ---- drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if decode_posts(event.mimeData()):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        slot = self.slot_at(event.position().toPoint())
        if slot is None or not decode_posts(event.mimeData()):
            self._drop_slot = None
            event.ignore()
        else:
            self._drop_slot = slot
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        self.viewport().update()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._drop_slot = None
        self.viewport().update()

    def dropEvent(self, event: QDropEvent) -> None:
        self._drop_slot = None
        posts = decode_posts(event.mimeData())
        slot = self.slot_at(event.position().toPoint())
        self.viewport().update()
        if not posts or slot is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.move_requested.emit(posts, datetime.combine(*slot))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        post_id = index.data(PostRole.POST_ID) if index.isValid() else None
        if not isinstance(post_id, int):
            event.ignore()
            return
        self.setCurrentIndex(index)
        self.context_menu_requested.emit(post_id, event.globalPos())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self.indexAt(pos).isValid():
            super().mouseDoubleClickEvent(event)
            return
        slot = self.slot_at(pos)
        if slot is not None:
            self.slot_activated.emit(datetime.combine(*slot))

    # ---- painting
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        palette = self.palette()
        width = self._column_width()
        offset = self.verticalOffset()
        view = self.viewport().rect()
        painter.fillRect(view, palette.color(QPalette.ColorRole.Base))
        grid = palette.color(QPalette.ColorRole.Midlight)
        for i, day in enumerate(self.days()):
            left = GUTTER_W + round(i * width)
            if day == self.today:
                tint = QColor(palette.color(QPalette.ColorRole.Highlight))
                tint.setAlpha(22)
                painter.fillRect(QRect(left, 0, round(width), view.height()), tint)
            elif day.weekday() >= 5:
                painter.fillRect(QRect(left, 0, round(width), view.height()),
                                 palette.color(QPalette.ColorRole.AlternateBase))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        painter.setFont(small)
        for hour in range(25):
            y = HEADER_H + hour * HOUR_H - offset
            painter.setPen(QPen(grid))
            painter.drawLine(GUTTER_W, y, view.width(), y)
            half = y + HOUR_H // 2
            painter.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
            painter.drawLine(GUTTER_W, half, view.width(), half)
            if 0 < hour < 24:
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(QRect(0, y - 8, GUTTER_W - 6, 16),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 fmt_time(time(hour, 0)))
        painter.setPen(QPen(grid))
        for i in range(8):
            x = GUTTER_W + round(i * width)
            painter.drawLine(x, 0, x, view.height())
        if self._now is not None and self._now.date() in self.days():
            column = (self._now.date() - self._week).days
            y = self._y_of(self._now.time()) - offset
            painter.setPen(QPen(QColor("#e53935"), 2))
            painter.drawLine(GUTTER_W + round(column * width), y,
                             GUTTER_W + round((column + 1) * width), y)
        if self._drop_slot is not None:
            day, moment = self._drop_slot
            column = (day - self._week).days
            slot = QRect(GUTTER_W + round(column * width) + 2, self._y_of(moment) - offset,
                         round(width) - 4, self._chip_height())
            colour = QColor(palette.color(QPalette.ColorRole.Highlight))
            colour.setAlpha(70)
            painter.fillRect(slot, colour)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(slot.adjusted(4, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter,
                             fmt_time(moment))
        self._paint_free_slots(painter, small, offset)
        model = self.model()
        selection = self.selectionModel()
        if model is not None:
            for row, rect in sorted(self._rects.items(), key=lambda rr: rr[1].top()):
                index = model.index(row, 0)
                chip = index.data(PostRole.CHIP)
                shown = rect.translated(0, -offset)
                if isinstance(chip, Chip) and shown.intersects(view):
                    selected = selection is not None and selection.isSelected(index)
                    self.chips.paint(painter, shown, chip, font=small, palette=palette,
                                     selected=selected or (index == self.currentIndex()
                                     and self.hasFocus()))
        self._paint_header(painter, width)
        painter.end()

    def _paint_free_slots(self, painter: QPainter, font: QFont, offset: int) -> None:
        palette = self.palette()
        border = QColor(palette.color(QPalette.ColorRole.Mid))
        text = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setFont(font)
        for rect, item in self._free_rects:
            shown = rect.translated(0, -offset)
            painter.setPen(QPen(border, 1, Qt.PenStyle.DashLine))
            painter.drawRect(shown.adjusted(0, 0, -1, -1))
            painter.setPen(text)
            label = self.tr("free slot · %1").replace("%1", item.account_name)
            painter.drawText(shown.adjusted(4, 2, -2, -2),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                             QFontMetrics(font).elidedText(
                                 f"{fmt_time(item.local.time())} {label}",
                                 Qt.TextElideMode.ElideRight, shown.width() - 6))

    def _paint_header(self, painter: QPainter, width: float) -> None:
        palette = self.palette()
        painter.fillRect(QRect(0, 0, self.viewport().width(), HEADER_H),
                         palette.color(QPalette.ColorRole.Window))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid)))
        painter.drawLine(0, HEADER_H - 1, self.viewport().width(), HEADER_H - 1)
        for i, day in enumerate(self.days()):
            rect = QRect(GUTTER_W + round(i * width), 0, round(width), HEADER_H)
            font = QFont(self.font())
            font.setBold(day == self.today)
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.Highlight if day == self.today
                                         else QPalette.ColorRole.WindowText))
            text = fmt_week_day(day)
            marks = self.marks_on(day)
            if marks:
                small = QFont(self.font())
                small.setPointSizeF(max(7.0, small.pointSizeF() * 0.8))
                self.marks_painter.paint_week_header(painter, rect, marks, small, palette)
                painter.setFont(font)
                painter.setPen(palette.color(QPalette.ColorRole.Highlight if day == self.today
                                             else QPalette.ColorRole.WindowText))
                rect = rect.adjusted(0, 2, 0, -QFontMetrics(small).height())
            painter.drawText(rect.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignCenter,
                             QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight,
                                                           rect.width() - 8))
