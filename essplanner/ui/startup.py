"""Open the main window fast: the calendar first, the rest of the workspace right after.

With a current SQLite database, the first page of the calendar is read with the
standard library (:mod:`essplanner.quickread`) and painted before SQLAlchemy,
Alembic and the services are even imported; the full :class:`Workspace` is then
opened and handed to the window (:meth:`MainWindow.attach`). Otherwise (first run,
pending schema upgrade, PostgreSQL) the workspace is opened first, as usual.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer

from essplanner.quickread import QuickReader
from essplanner.settings import Paths, Settings
from essplanner.timeutil import Clock
from essplanner.ui.bridge import Bridge
from essplanner.ui.first_paint import watch
from essplanner.ui.mainwindow import MainWindow

if TYPE_CHECKING:
    from essplanner.workspace import Workspace

log = logging.getLogger(__name__)


@dataclass
class StartupWorkspace:
    """What the window reads before the full workspace is there: settings, the clock, the
    calendar's first page."""

    paths: Paths
    settings: Settings
    clock: Clock
    reader: QuickReader

    @property
    def timezone(self) -> str | None:
        return self.settings.timezone


def start_window(*, paths: Paths, settings: Settings, db_url: str, bridge: Bridge,
                 open_workspace: Callable[[], Workspace | None],
                 started: float) -> MainWindow | None:
    """Show the main window; None if the workspace cannot be opened (already reported)."""
    reader = QuickReader.open(db_url)
    if reader is None:
        workspace = open_workspace()
        if workspace is None:
            return None
        window = MainWindow(workspace, bridge)
        window.show()
        window.first_paint = watch(window.month_view, started)
        return window

    window = MainWindow(StartupWorkspace(paths, settings, Clock(), reader),  # type: ignore[arg-type]
                        bridge)
    window.show()
    probe = watch(window.month_view, started)
    window.first_paint = probe

    def finish() -> None:
        workspace = open_workspace()
        if workspace is None:
            reader.close()
            window.close()
            app = QCoreApplication.instance()
            if app is not None:
                app.exit(1)
            return
        window.attach(workspace)
        log.info("workspace ready %.0f ms after start", (time.monotonic() - started) * 1000)

    probe.painted.connect(lambda: QTimer.singleShot(0, finish))
    return window
