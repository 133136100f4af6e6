"""The month view: a table of days painted by :class:`DayDelegate` as a desktop calendar.

Posts are chips inside the day cells. A chip can be clicked (it becomes the
current post), double-clicked (opens it), dragged to another day (the model turns
the drop into a ``move_requested``), or moved with the keyboard.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from essplanner.ui.calendar.chip_painter import ChipPainter, PaintBatch
from essplanner.ui.calendar.marks import (
    MAX_STRIPS,
    CellMarks,
    MarksPainter,
    bars_height,
    strips_height,
)
from essplanner.ui.calendar.month_model import WEEKS, MonthModel, Role

if TYPE_CHECKING:
    # imported where used: loading these classes builds their enums, a cost the first
    # paint of the calendar need not pay
    from PySide6.QtGui import QContextMenuEvent
from essplanner.ui.calendar.post_model import Chip, decode_posts, encode_posts

CHIP_HEIGHT = 19
CHIP_GAP = 2
ModelIndex = QModelIndex | QPersistentModelIndex


class DayDelegate(QStyledItemDelegate):
    """Paints a day: its number, then one chip per post (time, title, platforms, state)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chips = ChipPainter()
        self.marks = MarksPainter()
        self.current_post_id: int | None = None
        self.drop_date: date | None = None  # the day under a drag, outlined
        self._more: dict[int, str] = {}
        #: while the view paints, the chips of every day go here, painted once all the
        #: days are (see MonthView.paintEvent); None: each day paints its own
        self.batch: PaintBatch | None = None

    @property
    def colour_by(self) -> str:
        return self.chips.colour_by

    @colour_by.setter
    def colour_by(self, value: str) -> None:
        self.chips.colour_by = value

    _small: tuple[QFont, QFont] | None = None

    def small_font(self, font: QFont) -> QFont:
        """The chips' font: a little smaller than the view's (made once per view font)."""
        if self._small is None or self._small[0] != font:
            small = QFont(font)
            small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
            self._small = (QFont(font), small)
        return self._small[1]

    @staticmethod
    def header_rect(cell: QRect, font: QFont) -> QRect:
        number = cell.adjusted(4, 2, -4, 0)
        number.setHeight(QFontMetrics(font).height())
        return number

    _heights: tuple[float, int, int] | None = None

    def chip_heights(self, font: QFont) -> tuple[int, int]:
        """Heights of a two-line chip (time and title, then the rest of the title) and of
        a one-line chip, in the chips' font."""
        size = font.pointSizeF()
        if self._heights is None or self._heights[0] != size:
            plain = QFont(font)
            plain.setBold(False)
            line = QFontMetrics(self.small_font(plain)).height()
            self._heights = (size, 2 * line + 4, max(CHIP_HEIGHT, line + 6))
        return self._heights[1], self._heights[2]

    def layout(self, cell: QRect, chips: tuple[Chip, ...], font: QFont,
               marks: CellMarks | None = None,
               ) -> tuple[list[tuple[Chip, QRect]], QRect | None, int]:
        """Where each chip goes, the "+N more" rect, and how many chips are hidden.

        Chips take two lines (more of the title shows) when the cell has room for one
        and the "+N more" line; in a cell shorter than that, one line. Campaign bars
        push the header down, event strips the chips.
        """
        y = self.header_rect(cell, font).bottom() + 3
        if marks:
            y += bars_height(marks) + strips_height(marks, self.small_font(font))
        available = cell.bottom() - y - 2
        two, one = self.chip_heights(font)
        height = two if available >= two + CHIP_GAP + one or (
            chips and len(chips) * (two + CHIP_GAP) <= available + CHIP_GAP) else one
        fits = max(0, (available + CHIP_GAP) // (height + CHIP_GAP))
        if len(chips) > fits and available - fits * (height + CHIP_GAP) < one:
            fits -= 1  # room for the "+N more" line
        shown = chips if len(chips) <= fits else chips[: max(0, fits)]
        placed = []
        for chip in shown:
            placed.append((chip, QRect(cell.left() + 3, y, cell.width() - 6, height)))
            y += height + CHIP_GAP
        hidden = len(chips) - len(shown)
        more = QRect(cell.left() + 4, y, cell.width() - 8, one) if hidden else None
        return placed, more, hidden

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        rect: QRect = option.rect
        palette: QPalette = option.palette
        in_month = bool(index.data(Role.IN_MONTH))
        today = bool(index.data(Role.IS_TODAY))
        # Selection and focus come from the view, not option.state: reading QStyle's flags
        # from Python builds all of QStyle's enums, a cost the first paint need not pay.
        view = self.parent()
        selected = isinstance(view, QAbstractItemView) and \
            view.selectionModel().isSelected(index)
        focused = isinstance(view, QAbstractItemView) and view.hasFocus() and \
            view.currentIndex() == index
        base = palette.color(QPalette.ColorRole.Base)
        if not in_month:
            base = palette.color(QPalette.ColorRole.AlternateBase)
        if selected:
            base = palette.color(QPalette.ColorRole.Highlight).lighter(205)
        painter.fillRect(rect, base)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid)))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        if self.drop_date is not None and index.data(Role.DATE) == self.drop_date:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 3,
                                Qt.PenStyle.DashLine))
            painter.drawRect(rect.adjusted(2, 2, -3, -3))
        elif focused:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))

        marks: CellMarks = index.data(Role.MARKS) or CellMarks()
        small = self.small_font(option.font)
        font = QFont(option.font)
        font.setBold(today)
        number_rect = self.header_rect(rect, font)
        if marks:
            self.marks.paint_bars(painter, rect, marks)
            number_rect.translate(0, bars_height(marks))
            self.marks.paint_day_label(painter, number_rect, marks, small, palette)
            self.marks.paint_strips(painter, rect.left() + 3, number_rect.bottom() + 3,
                                    rect.width() - 6, marks, small)
        painter.setFont(font)
        if today:
            badge = QRect(number_rect.right() - 22, number_rect.top(), 24, number_rect.height())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
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
        placed, more, hidden = self.layout(rect, chips, font, marks)
        self.chips.paint_all(painter if self.batch is None else self.batch, placed,
                             font=small, palette=palette, current_post_id=self.current_post_id)
        if more is not None:
            self.chips.draw_label(painter, more, self.more_text(hidden), font=small,
                                  colour=palette.color(QPalette.ColorRole.Link))
        painter.restore()

    def more_text(self, hidden: int) -> str:
        """"+N more", translated once per number (a dense month shows it in every cell)."""
        text = self._more.get(hidden)
        if text is None:
            text = self._more[hidden] = self.tr("+%n more", "", hidden)
        return text

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(120, 100)


class MonthView(QTableView):
    """A month grid.

    Signals: ``day_activated(date)`` (Enter or double-click on a day with no post
    there), ``post_activated(int)`` (open a post), ``current_post_changed(object)``
    (post id or None), ``navigate_requested(date)`` (keyboard moved past the grid),
    ``more_clicked(date)`` (the "+N more" of a full day), ``painted()`` (after the first
    paint only: start-up measures itself with it), ``context_menu_requested(post_id,
    global_pos)`` (right-click on a chip).
    """

    context_menu_requested = Signal(int, QPoint)
    day_activated = Signal(object)
    painted = Signal()
    post_activated = Signal(int)
    current_post_changed = Signal(object)
    navigate_requested = Signal(object)
    more_clicked = Signal(object)
    event_activated = Signal(int)  # an event strip double-clicked
    event_menu_requested = Signal(int, QPoint)  # an event strip's context menu

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate = DayDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setMouseTracking(True)
        self.setTabKeyNavigation(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setVisible(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Chips are dragged by hand (start_chip_drag); drops land on a day cell, never
        # "between" cells, so this view decides the target and the model reports the move.
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(False)
        self._press: tuple[QPoint, Chip] | None = None
        self._painted_once = False

    def paintEvent(self, event: QPaintEvent) -> None:
        # The days first, then all their chips in one run (PaintBatch): chips stay inside
        # their day and nothing of another day covers them, so the pixels are the same.
        batch = self.delegate.batch = PaintBatch(self.viewport())
        try:
            super().paintEvent(event)
        finally:
            self.delegate.batch = None
        if batch:
            painter = QPainter(self.viewport())
            try:
                batch.flush(painter)
            finally:
                painter.end()
        if not self._painted_once:
            self._painted_once = True
            self.painted.emit()

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            model.dataChanged.connect(self._check_current)
            model.modelReset.connect(self._check_current)

    def month_model(self) -> MonthModel:
        model = self.model()
        assert isinstance(model, MonthModel)
        return model

    # ---- the current post
    @property
    def current_post_id(self) -> int | None:
        return self.delegate.current_post_id

    def set_current_post(self, post_id: int | None) -> None:
        if post_id == self.delegate.current_post_id:
            return
        self.delegate.current_post_id = post_id
        self.viewport().update()
        self.current_post_changed.emit(post_id)

    def current_chip(self) -> Chip | None:
        day = self.current_date()
        if day is None or self.current_post_id is None:
            return None
        return next((c for c in self.month_model().chips_on(day)
                     if c.post_id == self.current_post_id), None)

    def _check_current(self, *_args: object) -> None:
        if self.current_post_id is not None and self.current_chip() is None:
            # The post moved away (undo, another view): follow it if it is still shown.
            model = self.month_model()
            for row in range(WEEKS):
                for col in range(7):
                    day = model.date_at(row, col)
                    if any(c.post_id == self.current_post_id for c in model.chips_on(day)):
                        self.setCurrentIndex(model.index(row, col))
                        return
            self.set_current_post(None)

    def current_date(self) -> date | None:
        index = self.currentIndex()
        return index.data(Role.DATE) if index.isValid() else None

    def select_date(self, day: date) -> None:
        index = self.month_model().index_of(day)
        if index.isValid():
            self.setCurrentIndex(index)
            self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def currentChanged(self, current: ModelIndex, previous: ModelIndex) -> None:
        super().currentChanged(current, previous)
        chips = current.data(Role.CHIPS) if current.isValid() else ()
        if not any(c.post_id == self.current_post_id for c in chips or ()):
            self.set_current_post(chips[0].post_id if chips else None)

    # ---- hit testing
    def chip_at(self, pos: QPoint) -> Chip | None:
        index = self.indexAt(pos)
        if not index.isValid():
            return None
        placed, _more, _hidden = self.delegate.layout(
            self.visualRect(index), index.data(Role.CHIPS) or (), self._day_font(index),
            index.data(Role.MARKS))
        return next((chip for chip, rect in placed if rect.contains(pos)), None)

    def chip_rect(self, post_id: int) -> QRect | None:
        """Where a post's chip is drawn (viewport coordinates), if it is visible."""
        model = self.month_model()
        for row in range(WEEKS):
            for col in range(7):
                index = model.index(row, col)
                placed, _m, _h = self.delegate.layout(
                    self.visualRect(index), index.data(Role.CHIPS) or (),
                    self._day_font(index), index.data(Role.MARKS))
                for chip, rect in placed:
                    if chip.post_id == post_id:
                        return rect
        return None

    def _more_at(self, pos: QPoint) -> date | None:
        index = self.indexAt(pos)
        if not index.isValid():
            return None
        _placed, more, _hidden = self.delegate.layout(
            self.visualRect(index), index.data(Role.CHIPS) or (), self._day_font(index),
            index.data(Role.MARKS))
        return index.data(Role.DATE) if more is not None and more.contains(pos) else None

    def event_at(self, pos: QPoint) -> int | None:
        """The event whose strip is under ``pos`` (viewport coordinates)."""
        index = self.indexAt(pos)
        marks = index.data(Role.MARKS) if index.isValid() else None
        if not marks or not marks.events:
            return None
        cell = self.visualRect(index)
        font = self._day_font(index)
        small = self.delegate.small_font(font)
        top = self.delegate.header_rect(cell, font).bottom() + bars_height(marks) + 3
        height = QFontMetrics(small).height() + 1
        for strip in marks.events[:MAX_STRIPS]:
            if QRect(cell.left() + 3, top, cell.width() - 6, height).contains(pos):
                return int(strip.event_id)
            top += height + 2
        return None

    def _day_font(self, index: QModelIndex) -> QFont:
        font = QFont(self.font())
        font.setBold(bool(index.data(Role.IS_TODAY)))
        return font

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        chip = self.chip_at(event.pos())
        if chip is None:
            found = self.event_at(event.pos())
            if found is not None:
                self.event_menu_requested.emit(found, event.globalPos())
                return
            event.ignore()
            return
        index = self.indexAt(event.pos())
        if index.isValid() and index != self.currentIndex():
            self.setCurrentIndex(index)
        self.set_current_post(chip.post_id)
        self.context_menu_requested.emit(chip.post_id, event.globalPos())

    def viewportEvent(self, event: QEvent) -> bool:
        # A chip's own rich tooltip (its text, each account's state); the day's list elsewhere.
        if event.type() == QEvent.Type.ToolTip:
            from PySide6.QtGui import QHelpEvent
            from PySide6.QtWidgets import QToolTip

            chip = self.chip_at(event.pos()) if isinstance(event, QHelpEvent) else None
            if chip is not None:
                assert isinstance(event, QHelpEvent)
                QToolTip.showText(event.globalPos(), chip.tooltip(), self.viewport(),
                                  self.chip_rect(chip.post_id) or QRect())
                return True
        return super().viewportEvent(event)

    # ---- mouse: select, open, drag chips
    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        super().mousePressEvent(event)
        chip = self.chip_at(pos)
        if chip is not None:
            self.set_current_post(chip.post_id)
            self._press = (pos, chip) if event.button() == Qt.MouseButton.LeftButton else None
        else:
            self._press = None
            more = self._more_at(pos)
            if more is not None:
                self.more_clicked.emit(more)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            start, chip = self._press
            moved = (event.position().toPoint() - start).manhattanLength()
            if moved >= QApplication.startDragDistance() and chip.movable:
                self._press = None
                self.start_chip_drag(chip)
                return
        if self._press is None:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        chip = self.chip_at(pos)
        if chip is not None:
            self.post_activated.emit(chip.post_id)
            return
        found = self.event_at(pos)
        if found is not None:
            self.event_activated.emit(found)
            return
        index = self.indexAt(pos)
        if index.isValid():
            self.day_activated.emit(index.data(Role.DATE))

    def start_chip_drag(self, chip: Chip) -> None:
        from PySide6.QtGui import QDrag

        drag = QDrag(self)
        drag.setMimeData(encode_posts([chip]))
        rect = self.chip_rect(chip.post_id) or QRect(0, 0, 140, 19)
        pixmap = QPixmap(rect.size())
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.delegate.chips.paint(painter, QRect(QPoint(0, 0), rect.size()), chip,
                                  font=self.delegate.small_font(self.font()),
                                  palette=self.palette())
        painter.end()
        drag.setPixmap(pixmap)
        drag.exec(Qt.DropAction.MoveAction)

    # ---- drops: the day under the pointer receives the posts (the model reports the move)
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if decode_posts(event.mimeData()):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        model = self.month_model()
        if index.isValid() and model.canDropMimeData(event.mimeData(), Qt.DropAction.MoveAction,
                                                     -1, -1, index):
            self.delegate.drop_date = index.data(Role.DATE)
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            self.delegate.drop_date = None
            event.ignore()
        self.viewport().update()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.delegate.drop_date = None
        self.viewport().update()

    def dropEvent(self, event: QDropEvent) -> None:
        self.delegate.drop_date = None
        self.viewport().update()
        index = self.indexAt(event.position().toPoint())
        model = self.month_model()
        if not index.isValid() or not model.canDropMimeData(
                event.mimeData(), Qt.DropAction.MoveAction, -1, -1, index):
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        model.dropMimeData(event.mimeData(), Qt.DropAction.MoveAction, -1, -1, index)

    # ---- keyboard: days with the arrows, posts with Alt+arrows
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        day = self.current_date()
        if day is not None and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.current_post_id is not None:
                self.post_activated.emit(self.current_post_id)
            else:
                self.day_activated.emit(day)
            return
        if day is not None and mods & Qt.KeyboardModifier.AltModifier and key in (
                Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._step_chip(day, -1 if key == Qt.Key.Key_Up else 1)
            return
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7,
                 Qt.Key.Key_Down: 7}
        if day is not None and key in steps and not mods & ~Qt.KeyboardModifier.KeypadModifier:
            target = day + timedelta(days=steps[Qt.Key(key)])
            if self.month_model().index_of(target).isValid():
                self.select_date(target)
            else:
                self.navigate_requested.emit(target)
            return
        super().keyPressEvent(event)

    def _step_chip(self, day: date, step: int) -> None:
        chips = self.month_model().chips_on(day)
        if not chips:
            return
        ids = [c.post_id for c in chips]
        if self.current_post_id in ids:
            position = (ids.index(self.current_post_id) + step) % len(ids)
        else:
            position = 0 if step > 0 else len(ids) - 1
        self.set_current_post(ids[position])
