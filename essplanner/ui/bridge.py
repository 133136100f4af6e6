"""The one way non-UI threads talk to the UI.

:class:`Bridge` lives in the main thread. Its ``emit_*`` methods may be called
from any thread (APScheduler's workers, the services' change listeners); Qt
queues the signals to the main thread, where the slots run.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from essplanner.domain import Change


class Bridge(QObject):
    """Signals: ``changed(Change)``, ``publish_event(object)``, ``message(str, str)``."""

    changed = Signal(object)
    publish_event = Signal(object)
    message = Signal(str, str)  # level, text

    def emit_change(self, change: Change) -> None:
        self.changed.emit(change)

    def emit_publish_event(self, event: Any) -> None:
        self.publish_event.emit(event)

    def emit_message(self, level: str, text: str) -> None:
        self.message.emit(level, text)
