"""Open the main window fast: the calendar first, the rest of the workspace right after.

With a current SQLite database, the first page of the calendar is read with the
standard library (:mod:`essplanner.services.quickread`) and painted before SQLAlchemy,
Alembic and the services are even imported. The full :class:`Workspace` is then
opened on a worker thread (:mod:`essplanner.ui.tasks`; the window stays responsive meanwhile) and handed to the
window on the main thread (:meth:`MainWindow.attach`). Otherwise (first run, pending
schema upgrade, PostgreSQL) the workspace is opened first, as usual.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from essplanner.errors import EssPlannerError
from essplanner.services.calendar_reader import CalendarReader
from essplanner.settings import Paths, Settings
from essplanner.timeutil import Clock
from essplanner.ui.bridge import Bridge
from essplanner.ui.calendar.first_paint import watch
from essplanner.ui.mainwindow import MainWindow
from essplanner.ui.tasks import TaskRunner

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
    calendar: CalendarReader

    @property
    def timezone(self) -> str | None:
        return self.settings.timezone


def release_freed_memory() -> bool:
    """Hand back to the system the memory that start-up used and freed: loading the
    workspace on a worker thread leaves free blocks that the C library would otherwise
    keep. Says whether it could (glibc's ``malloc_trim``; elsewhere there is nothing to do)."""
    import sys

    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    trim = getattr(ctypes.CDLL(None), "malloc_trim", None)  # musl has none
    if trim is None:
        return False
    trim(0)
    return True


def start_window(*, paths: Paths, settings: Settings, db_url: str, bridge: Bridge,
                 load_workspace: Callable[[], Workspace],
                 report: Callable[[EssPlannerError], None],
                 on_ready: Callable[[MainWindow, Workspace], bool] | None = None,
                 started: float, fast: bool = True,
                 clock: Clock | None = None) -> MainWindow | None:
    """Show the main window; None if the workspace cannot be opened (``report`` told why).

    ``load_workspace`` opens the workspace and raises :class:`EssPlannerError` when it
    cannot (it may run on a worker thread: no Qt in it); ``report`` shows the error.
    ``on_ready(window, workspace)`` installs what needs the full workspace (accounts,
    publishing service...) and says whether to show the window; with a fast start the
    window is already on screen by then. ``fast=False`` opens the workspace first.
    """
    calendar = CalendarReader.quick_only(db_url) if fast else None
    if calendar is None:
        try:
            workspace = load_workspace()
        except EssPlannerError as exc:
            report(exc)
            return None
        workspace.subscribe(bridge.emit_change)
        window = MainWindow(workspace, bridge)
        window.first_paint = watch(window.month_view, started)
        if on_ready is None or on_ready(window, workspace):
            window.show()
        return window

    window = MainWindow(StartupWorkspace(paths, settings, clock or Clock(), calendar),  # type: ignore[arg-type]
                        bridge)
    window.show()
    probe = watch(window.month_view, started)
    window.first_paint = probe
    runner = TaskRunner(window)

    def loaded(workspace: Workspace) -> None:
        workspace.subscribe(bridge.emit_change)
        window.attach(workspace)
        calendar.close()  # the workspace's own reader takes over
        if on_ready is not None:
            on_ready(window, workspace)  # the window is shown already
        log.info("workspace ready %.0f ms after start", (time.monotonic() - started) * 1000)
        workspace.calendar.release_memory()
        release_freed_memory()

    def failed(exc: EssPlannerError) -> None:
        report(exc)
        calendar.close()
        window.close()
        app = QCoreApplication.instance()
        if app is not None:
            app.exit(1)

    def not_loaded(exc: Exception) -> None:
        if not isinstance(exc, EssPlannerError):
            raise exc  # a bug: the error reporter logs it and names the log file
        failed(exc)

    probe.painted.connect(lambda: runner.run(load_workspace, loaded, not_loaded))
    return window
