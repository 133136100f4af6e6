"""The desktop app's composition root: builds everything in a logged order, shuts down in order.

Unexpected errors (our bugs) are logged with their traceback and shown in a dialog
that names the log file, instead of a silent exit.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
import time
import traceback
from types import TracebackType
from typing import TYPE_CHECKING, Any

from essplanner import APP_DISPLAY_NAME, APP_NAME, __version__
from essplanner.errors import EssPlannerError
from essplanner.i18n import _, language, set_language
from essplanner.settings import Paths, Settings

if TYPE_CHECKING:
    from collections.abc import Collection

    from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


def display_problem() -> str | None:
    """Why Qt could not open a window here, or None (Linux with no display at all)."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    ):
        return _("No display: run the app from a desktop session (DISPLAY or WAYLAND_DISPLAY "
                 "is not set), or on a virtual display with xvfb-run.")
    return None


class ErrorReporter:
    """Logs unexpected exceptions and shows them in a dialog on the main thread."""

    def __init__(self, log_file: os.PathLike[str]) -> None:
        self.log_file = log_file
        self._showing = False

    def install(self) -> None:
        sys.excepthook = self.on_exception
        threading.excepthook = self.on_thread_exception

    def on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        self.on_exception(args.exc_type, args.exc_value, args.exc_traceback)

    def on_exception(self, exc_type: type[BaseException], exc: BaseException,
                     tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if isinstance(exc, EssPlannerError):
            log.warning("%s", exc)
        else:
            log.error("unexpected error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        from PySide6.QtCore import QThread, QTimer
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is None:
            return
        if QThread.currentThread() is not app.thread():
            QTimer.singleShot(0, app, lambda: self._show(exc))
            return
        self._show(exc)

    def _show(self, exc: BaseException) -> None:
        from essplanner.ui import messages

        if self._showing:
            return
        self._showing = True
        try:
            if isinstance(exc, EssPlannerError):
                messages.warning(None, APP_DISPLAY_NAME, str(exc))
            else:
                messages.critical(None, APP_DISPLAY_NAME, _(
                    "Something went wrong inside ESS Planner: {error}\n\nYour data is safe. "
                    "The details are in the log file:\n{log}",
                    error=f"{type(exc).__name__}: {exc}", log=str(self.log_file)))
        finally:
            self._showing = False


def run_screenshot(workspace: object, **options: object) -> bool:
    """``essplanner screenshot``: render a view to a PNG (see essplanner/ui/screenshot.py)."""
    from essplanner.ui.screenshot import take

    return take(workspace, **options)  # type: ignore[arg-type]


def qt_application(lang: str) -> tuple[QApplication, list[object]]:
    """The QApplication with the app's names, icon and launcher id, and the translators
    of ``lang`` installed (keep them alive; remove them when done)."""
    from PySide6.QtWidgets import QApplication

    from essplanner.assets import APP_ID
    from essplanner.ui.icon import app_icon
    from essplanner.ui.translations import install_translators

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    # the launcher (<id>.desktop) that Wayland and the taskbars match the window with
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app, install_translators(app, lang)


def run_gui(args: argparse.Namespace) -> int:
    """Open the desktop app (``essplanner`` with no command)."""
    problem = display_problem()
    if problem:
        print(f"essplanner: {problem}", file=sys.stderr)
        return 1

    from essplanner.ui.sources import spare_sources

    spare_sources()  # first: PySide6 would keep the source of every module imported below
    from essplanner.settings import database_url
    from essplanner.ui import messages
    from essplanner.ui.bridge import Bridge
    from essplanner.ui.startup import start_window

    if TYPE_CHECKING:
        from essplanner.ui.mainwindow import MainWindow
        from essplanner.workspace import Workspace

    started = time.monotonic()
    paths = Paths.resolve(args.data_dir)
    log.info("starting %s %s (data: %s)", APP_DISPLAY_NAME, __version__, paths.data_dir)
    settings = Settings.load(paths.settings_file)
    lang = set_language(args.lang or settings.language)
    from essplanner.ui.translations import remove_translators

    app, translators = qt_application(lang)
    log.info("language %s (%d translators)", language(), len(translators))
    reporter = ErrorReporter(paths.log_file)
    reporter.install()

    bridge = Bridge()

    def load_workspace() -> Workspace:
        # runs on a worker thread after the first paint when possible: no Qt here
        from essplanner.workspace import Workspace

        workspace = Workspace.open(paths=paths, db_url=args.db, settings=settings)
        if workspace.backup is not None:
            log.info("database upgraded; backup at %s", workspace.backup)
        return workspace

    def report(exc: EssPlannerError) -> None:
        log.error("cannot open the workspace: %s", exc)
        messages.critical(None, APP_DISPLAY_NAME, _(
            "The workspace cannot be opened: {error}\n\nDetails: {log}",
            error=str(exc), log=str(paths.log_file)))

    features: dict[str, Any] = {}

    def install_features(window: MainWindow, workspace: Workspace) -> bool:
        """Accounts, dashboard, publishing service and tray: they need the full workspace
        (with a fast start, they arrive right after the calendar's first paint). Returns
        whether the window should be shown (not when it starts in the tray)."""
        from essplanner.services.background import BackgroundPublishing
        from essplanner.ui import (
            assistant,
            backups as backup_actions,
            exchange_actions,
            tray as publishing_tray,
        )
        from essplanner.ui.kpi import tools as kpi_tools
        from essplanner.ui.menu_actions import install_accounts, install_preferences
        from essplanner.ui.publishing import PublishingHost, install_menu

        exchange_actions.install(window, workspace, bridge)
        kpi_tools.install(window, workspace, bridge)
        install_accounts(window, workspace, bridge)

        def make_service() -> Any:
            from essplanner.channels.metrics import metrics_job
            from essplanner.scheduler import PublishingService
            from essplanner.services.backups import backup_job

            return PublishingService(
                workspace, extra_jobs=[metrics_job(workspace), backup_job(workspace)])

        host = PublishingHost(window, workspace, bridge, make_service=make_service,
                              background=BackgroundPublishing(paths, db_url=args.db))
        install_menu(window, host)
        tray = publishing_tray.install(window, workspace, bridge, host)
        backups = backup_actions.install(window, workspace, bridge)
        from essplanner.ui.team import actions as team_actions

        team_actions.install(window, workspace, bridge,
                             notify=lambda title, text: tray.notify(title, text, warning=False))

        def settings_saved(changed: Collection[str]) -> None:
            # Preferences change settings; each module acts on its own
            host.apply_settings(changed)
            backups.apply_settings(changed)

        install_preferences(window, workspace, on_saved=settings_saved)
        assistant.install(window, workspace, on_finished=host.apply_settings)
        host.start()
        features["tray"], features["host"] = tray, host
        log.info("publishing: %s (tray icon: %s)", host.state, tray.available)
        if not tray.start_hidden:
            from PySide6.QtCore import QTimer

            # once the window is on screen: the assistant opens over it
            QTimer.singleShot(0, window, lambda: assistant.offer_at_start(
                window, workspace, on_finished=host.apply_settings))
        return not tray.start_hidden

    window = start_window(paths=paths, settings=settings, db_url=database_url(paths, args.db),
                          bridge=bridge, load_workspace=load_workspace, report=report,
                          on_ready=install_features, started=started,
                          fast=not settings.start_minimised)
    if window is None:
        return 1
    log.info("main window shown")
    code = 1
    try:
        code = int(app.exec())
        return code
    finally:
        log.info("shutting down: finishing the sends in flight")
        tray = features.get("tray")
        if tray is not None:
            tray.shutdown()
        close = getattr(window.ws, "close", None)
        if close is not None:
            close()
        remove_translators(app, translators)  # the QApplication may outlive us (embedding, tests)
        host = features.get("host")
        if host is not None and host.abandoned:
            # "Quit anyway": a send still waits for its answer on a worker thread, which
            # the interpreter would wait for at exit (up to the HTTP timeout). Its target
            # stays "publishing" and is looked up by the next service.
            log.warning("quitting with %d sends under way; they are checked at the next "
                        "start", len(host.abandoned))
            logging.shutdown()
            os._exit(code)

