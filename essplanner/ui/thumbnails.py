"""Video thumbnails for the window: made on a worker thread, never on the main one.

:class:`VideoThumbnails` answers at once with the thumbnail of a video when it exists
(beside the stored copy, or in the data folder's ``thumbnails/`` for a file just
attached), and otherwise starts making it and says so later with ``made(video path)``.

Signals: ``made(str)`` — the thumbnail of that video now exists.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from essplanner.services.media import MediaStore
from essplanner.ui.tasks import TaskRunner


class VideoThumbnails(QObject):
    """Thumbnails of videos by path, each made once, in the background."""

    made = Signal(str)

    def __init__(self, store: MediaStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = TaskRunner(self)
        self._pending: set[str] = set()
        self._failed: set[str] = set()

    def get(self, video: str, *, duration: float | None = None) -> str | None:
        """The thumbnail's path if it is made; else None, and it is being made."""
        try:
            dest = self.store.thumbnail_for(video)
        except OSError:
            return None  # the file is gone: nothing to show
        if dest.exists():
            return str(dest)
        if video not in self._pending and video not in self._failed:
            self._pending.add(video)
            self.runner.run(lambda: self.store.thumbnail(video, duration=duration),
                            functools.partial(self._done, video),
                            functools.partial(self._fail, video))
        return None

    def _done(self, video: str, _thumbnail: object) -> None:
        self._pending.discard(video)
        self.made.emit(video)

    def _fail(self, video: str, _error: Exception) -> None:
        # A video that cannot be decoded was refused when attached; one damaged since
        # simply shows no picture (saving or scheduling names the problem).
        self._pending.discard(video)
        self._failed.add(video)

    def wait(self) -> None:
        """Wait for the thumbnails being made (tests, closing)."""
        self.runner.pool.waitForDone()


def stored_thumbnail(video: str) -> str | None:
    """The thumbnail beside a stored video, if it was made (no decoding: the calendar's
    tooltips ask this on the main thread)."""
    path = Path(video + ".thumb.jpg")
    return str(path) if path.exists() else None
