"""Open the main window fast: the calendar first, the rest of the workspace right after.

With a current SQLite database, the first page of the calendar is read with the
standard library (:mod:`essplanner.quickread`) and painted before SQLAlchemy,
Alembic and the services are even imported. The full :class:`Workspace` is then
opened on a worker thread (the window stays responsive meanwhile) and handed to the
window on the main thread (:meth:`MainWindow.attach`). Otherwise (first run, pending
schema upgrade, PostgreSQL) the workspace is opened first, as usual.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from essplanner.errors import EssPlannerError
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


class _Loader(QObject):
    """Opens the workspace on a worker thread. Signals (queued to the main thread):
    ``loaded(Workspace)``, ``failed(EssPlannerError)``."""

    loaded = Signal(object)
    failed = Signal(object)

    def __init__(self, load: Callable[[], Workspace], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load = load

    def start(self) -> None:
        threading.Thread(target=self._run, name="open-workspace", daemon=True).start()

    def _run(self) -> None:
        try:
            workspace = self._load()
        except EssPlannerError as exc:
            self.failed.emit(exc)
            return
        self.loaded.emit(workspace)


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
    reader = QuickReader.open(db_url) if fast else None
    if reader is None:
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

    window = MainWindow(StartupWorkspace(paths, settings, clock or Clock(), reader),  # type: ignore[arg-type]
                        bridge)
    window.show()
    probe = watch(window.month_view, started)
    window.first_paint = probe
    loader = _Loader(load_workspace, window)

    def loaded(workspace: Workspace) -> None:
        workspace.subscribe(bridge.emit_change)
        window.attach(workspace)
        if on_ready is not None:
            on_ready(window, workspace)  # the window is shown already
        log.info("workspace ready %.0f ms after start", (time.monotonic() - started) * 1000)

    def failed(exc: EssPlannerError) -> None:
        report(exc)
        reader.close()
        window.close()
        app = QCoreApplication.instance()
        if app is not None:
            app.exit(1)

    loader.loaded.connect(loaded)
    loader.failed.connect(failed)
    probe.painted.connect(loader.start)
    return window
