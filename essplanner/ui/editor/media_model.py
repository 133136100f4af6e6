"""The images and videos of the post being edited, as a list model with thumbnails and alt
texts. A video's thumbnail comes from :class:`essplanner.ui.thumbnails.VideoThumbnails`
(made on a worker thread); until it is made, the row shows no picture."""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QIcon, QImageReader, QPixmap

from essplanner.ui.editor.state import MediaDraft
from essplanner.ui.plain import plain
from essplanner.ui.thumbnails import VideoThumbnails

ModelIndex = QModelIndex | QPersistentModelIndex
THUMB = QSize(64, 64)


class MediaRole(enum.IntEnum):
    ALT_TEXT = Qt.ItemDataRole.UserRole + 70  # str
    DRAFT = Qt.ItemDataRole.UserRole + 71  # MediaDraft


def thumbnail(path: str, size: QSize = THUMB) -> QPixmap:
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    original = reader.size()
    if original.isValid():
        reader.setScaledSize(original.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return QPixmap.fromImage(image) if not image.isNull() else QPixmap()


class MediaListModel(QAbstractListModel):
    """Ordered images; the alt text is editable (``EditRole`` or :attr:`MediaRole.ALT_TEXT`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[MediaDraft] = []
        self._icons: dict[str, QIcon] = {}
        self.videos: VideoThumbnails | None = None

    def set_thumbnails(self, videos: VideoThumbnails) -> None:
        """Show videos by a thumbnail made by ``videos``."""
        self.videos = videos
        videos.made.connect(self.on_made)

    def on_made(self, video: str) -> None:
        for row, item in enumerate(self._items):
            if item.path == video:
                self._icons.pop(video, None)
                index = self.index(row, 0)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def picture(self, item: MediaDraft) -> str | None:
        """The image that shows ``item``: itself, or its video's cover or thumbnail (None
        while the thumbnail is being made)."""
        if not item.is_video:
            return item.path
        if item.cover and Path(item.cover).exists():
            return item.cover
        return self.videos.get(item.path, duration=item.duration) if self.videos else None

    def set_cover(self, row: int, cover: str) -> None:
        if 0 <= row < len(self._items):
            self._items[row].cover = cover
            self._icons.pop(self._items[row].path, None)
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole,
                                                 Qt.ItemDataRole.DisplayRole])

    def set_items(self, items: list[MediaDraft]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[MediaDraft]:
        return list(self._items)

    def add(self, item: MediaDraft) -> int:
        row = len(self._items)
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.append(item)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._items):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._items[row]
            self.endRemoveRows()

    def move(self, row: int, step: int) -> int:
        target = row + step
        if not (0 <= row < len(self._items) and 0 <= target < len(self._items)):
            return row
        # Qt's destination is the row *before which* the item lands.
        destination = target + 1 if step > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._items.insert(target, self._items.pop(row))
        self.endMoveRows()
        return target

    def _icon(self, item: MediaDraft) -> QIcon | None:
        if item.path not in self._icons:
            picture = self.picture(item)
            if picture is None:
                return None
            self._icons[item.path] = QIcon(thumbnail(picture))
        return self._icons[item.path]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if item.is_video:
                seconds = round(item.duration or 0)
                length = f"{seconds // 60}:{seconds % 60:02d}"
                shown = f"🎞 {item.name} — {length}"
                if item.cover:
                    shown += " — " + self.tr("cover chosen")
                return f"{shown} — {item.alt_text}" if item.alt_text.strip() else shown
            if not item.alt_text.strip():
                return self.tr("%1 — no alternative text yet").replace("%1", item.name)
            return f"{item.name} — {item.alt_text}"
        if role in (Qt.ItemDataRole.EditRole, MediaRole.ALT_TEXT):
            return item.alt_text
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(item) if Path(item.path).exists() else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain(item.path)
        if role == MediaRole.DRAFT:
            return item
        return None

    def setData(self, index: ModelIndex, value: object,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role not in (Qt.ItemDataRole.EditRole, MediaRole.ALT_TEXT):
            return False
        item = self._items[index.row()]
        text = str(value)
        if item.alt_text == text:
            return True
        item.alt_text = text
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole,
                                             Qt.ItemDataRole.EditRole, MediaRole.ALT_TEXT])
        return True

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemNeverHasChildren)
