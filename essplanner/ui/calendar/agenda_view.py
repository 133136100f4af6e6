"""The agenda: a list of days with their posts, each post with its time, platforms and text."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from essplanner.ui.calendar.agenda_model import AgendaRole
from essplanner.ui.calendar.chip_painter import ChipPainter
from essplanner.ui.calendar.post_model import Chip, PostRole, decode_posts

ModelIndex = QModelIndex | QPersistentModelIndex


class AgendaDelegate(QStyledItemDelegate):
    """Day rows as headings; post rows as tall chips showing the start of the text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chips = ChipPainter()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        rect: QRect = option.rect
        palette: QPalette = option.palette
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.save()
        if index.data(AgendaRole.IS_DAY):
            font = QFont(option.font)
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.1)
            painter.setFont(font)
            today = bool(index.data(AgendaRole.IS_TODAY))
            if selected:
                painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight).lighter(185))
            painter.setPen(palette.color(QPalette.ColorRole.Highlight if today
                                         else QPalette.ColorRole.WindowText))
            text = str(index.data())
            if today:
                text = self.tr("%1 (today)").replace("%1", text)
            painter.drawText(rect.adjusted(4, 0, -4, -2),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, text)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid)))
            painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
        else:
            chip = index.data(PostRole.CHIP)
            if isinstance(chip, Chip):
                font = QFont(option.font)
                self.chips.paint(painter, rect.adjusted(2, 2, -4, -2), chip, font=font,
                                 palette=palette, selected=selected, icon_size=16)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        height = QFontMetrics(option.font).height()
        if index.data(AgendaRole.IS_DAY):
            return QSize(200, int(height * 2.2))
        return QSize(200, height * 3 + 12)


class AgendaView(QTreeView):
    """The tree of days and posts, always expanded, with drag and drop between days.

    Signals: ``context_menu_requested(post_id, global_pos)`` (right-click on a post).
    """

    context_menu_requested = Signal(int, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate = AgendaDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setIndentation(12)
        self.setUniformRowHeights(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(False)
        self.setExpandsOnDoubleClick(False)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            model.modelReset.connect(self.expandAll)
            model.rowsInserted.connect(self.expandAll)
            model.layoutChanged.connect(self.expandAll)
        self.expandAll()

    # Drops go to the day of the row under the pointer (a day heading or one of its posts).
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if decode_posts(event.mimeData()):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._drop_target(event.position().toPoint(), event.mimeData()).isValid():
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        target = self._drop_target(event.position().toPoint(), event.mimeData())
        if not target.isValid():
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.model().dropMimeData(event.mimeData(), Qt.DropAction.MoveAction, -1, -1, target)

    def _drop_target(self, pos: QPoint, data: QMimeData) -> QModelIndex:
        index = self.indexAt(pos)
        if index.isValid() and index.parent().isValid():
            index = index.parent()
        model = self.model()
        if index.isValid() and model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1,
                                                     index):
            return index
        return QModelIndex()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        post_id = index.data(PostRole.POST_ID) if index.isValid() else None
        if not isinstance(post_id, int):
            event.ignore()
            return
        self.setCurrentIndex(index)
        self.context_menu_requested.emit(post_id, event.globalPos())

    def current_post_id(self) -> int | None:
        index = self.currentIndex()
        value = index.data(PostRole.POST_ID) if index.isValid() else None
        return value if isinstance(value, int) else None
