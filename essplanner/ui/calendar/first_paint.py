"""Know when the calendar is first on screen: logged at every start, and the benchmark's clock.

``ESSPLANNER_EXIT_AFTER_FIRST_PAINT=1`` makes the app print ``FIRST_PAINT`` and quit
right after the calendar's first paint (bench/ui_calendar.py measures start-up so).
"""

from __future__ import annotations

import logging
import os
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

if TYPE_CHECKING:
    from essplanner.ui.calendar.month_view import MonthView

log = logging.getLogger(__name__)
ENV_EXIT = "ESSPLANNER_EXIT_AFTER_FIRST_PAINT"


class FirstPaintProbe(QObject):
    """Hears the calendar's first paint. Signals: ``painted()``."""

    painted = Signal()

    def __init__(self, view: MonthView, *, started: float, exit_after: bool) -> None:
        super().__init__(view)
        self.started = started
        self.exit_after = exit_after
        # queued: the slot runs once the paint event is over and the pixels are there
        view.painted.connect(self._painted, Qt.ConnectionType.QueuedConnection)

    def _painted(self) -> None:
        log.info("calendar painted %.0f ms after start", (time.monotonic() - self.started) * 1000)
        if self.exit_after:
            # before anything else starts (the workspace loader's thread would compete)
            print("FIRST_PAINT", flush=True)
            app = QCoreApplication.instance()
            if app is not None:
                app.quit()
            return
        self.painted.emit()


def watch(view: MonthView, started: float) -> FirstPaintProbe:
    return FirstPaintProbe(view, started=started, exit_after=os.environ.get(ENV_EXIT) == "1")
