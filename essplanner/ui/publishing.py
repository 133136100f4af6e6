"""Who publishes while the app runs, and what closing the window does to publishing.

With background publishing on (the default), a headless ``essplanner service`` publishes
for the workspace, also while the window is closed and from the next login on
(:mod:`essplanner.services.background`); the window runs no scheduler of its own and
shows that service's state. With it off, the window runs the publishing service in its
own process, as before. Either way the publisher holds the workspace's lock
(:class:`~essplanner.services.background.ServiceLock`), so one of them publishes; the
window re-reads the calendar within a second of the service's commits by itself
(``MainWindow.poll_changes``, docs/decisions/0019-change-watcher.md).

Closing the window (or Quit) with posts waiting says what will happen to them; with
sends under way it shows :class:`~essplanner.ui.quit_dialog.QuitDialog`. The close
button always answers: stopping the in-process service happens on a worker thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QLabel, QMainWindow, QMessageBox

from essplanner.errors import EssPlannerError
from essplanner.services.background import (
    APP_ROLE,
    SERVICE_ROLE,
    BackgroundPublishing,
    Holder,
    ServiceLock,
    ServiceRunning,
)
from essplanner.ui import messages
from essplanner.ui.bridge import Bridge
from essplanner.ui.tasks import TaskRunner

if TYPE_CHECKING:
    # the window names the service's outcomes and never makes them (the background
    # service does): imported for the types only, they cost the start nothing
    from essplanner.scheduler import PublishingService
    from essplanner.scheduler.outcome import PublishEvent, SendInProgress
    from essplanner.ui.quit_dialog import QuitDialog
    from essplanner.workspace import Workspace

log = logging.getLogger(__name__)

# how often the window looks at the database and at who publishes
POLL_MS = 1000
# how long a background service may take to start before the window publishes itself
START_GRACE_SECONDS = 20.0
# settings.extra key: "don't show again" for the "they will go out in the background" note
HIDE_NOTICE = "hide_background_notice"

Listener = Callable[["PublishEvent"], None]


class PublishingHost(QObject):
    """Runs the in-process publishing service or watches the background one.

    Signals: ``state_changed(str)`` — who publishes, in one line for the tray and the
    status bar.
    """

    state_changed = Signal(str)

    def __init__(self, window: QMainWindow, workspace: Workspace, bridge: Bridge, *,
                 make_service: Callable[[], PublishingService],
                 background: BackgroundPublishing,
                 poll_ms: int = POLL_MS) -> None:
        super().__init__(window)
        self.window = window
        self.ws = workspace
        self.bridge = bridge
        self.make_service = make_service
        self.background = background
        self.service: PublishingService | None = None
        self.lock: ServiceLock | None = None
        # sends left under way by "Quit anyway" (the process must then exit at once)
        self.abandoned: list[SendInProgress] = []
        self.quit_dialog: QuitDialog | None = None
        self.state = ""
        self._listeners: list[Listener] = []
        self._busy = False  # a switch or the shutdown runs on the worker
        self._closing = False  # the close flow has started
        self._may_close = False  # the close flow has finished: let the window go
        self._start_requested_at: float | None = None
        self.runner = TaskRunner(self)
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.action_background = QAction(self.tr("Publish in the &background"), self)
        self.action_background.setCheckable(True)
        self.action_background.setChecked(workspace.settings.background_publishing)
        self.action_background.setToolTip(self.tr(
            "Scheduled posts go out while the window is closed, and from the next login on"))
        self._connect()

    def _connect(self) -> None:
        """All signal wiring, in one place."""
        self.timer.timeout.connect(self.on_poll)
        self.action_background.toggled.connect(self.set_background)

    # ---- the tray's view of publishing (the same calls as PublishingService)
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)
        if self.service is not None:
            self.service.subscribe(listener)

    def in_flight(self) -> list[int]:
        return self.service.in_flight() if self.service is not None else []

    def sending(self) -> list[SendInProgress]:
        return self.service.sending() if self.service is not None else []

    def wake(self) -> None:
        if self.service is not None:
            self.service.wake()

    @property
    def background_on(self) -> bool:
        return self.ws.settings.background_publishing

    # ---- starting
    def start(self) -> None:
        """Publish from here, or let (or make) the background service publish."""
        self.on_poll()
        self.timer.start()

    def on_poll(self) -> None:
        """Every second: who publishes is settled (and shown)."""
        if self._busy or self._closing:
            return
        holder = ServiceLock.holder(self.ws.paths)
        if self.service is None and holder is None:
            if not self.background_on:
                self._publish_here()
            elif self._start_requested_at is None:
                self._start_background()
            elif self._background_gone():
                log.warning("the background publishing service did not start; publishing "
                            "from the window")
                self._publish_here()
        elif holder is not None and holder.role == SERVICE_ROLE:
            self._start_requested_at = self._start_requested_at or time.monotonic()
        self._show_state(holder)

    def _background_gone(self) -> bool:
        if self.background.exited() is not None:
            return True
        started = self._start_requested_at or 0.0
        return (self.background.method != "autostart"
                and time.monotonic() - started > START_GRACE_SECONDS)

    def _start_background(self) -> None:
        self._start_requested_at = time.monotonic()
        self._run(lambda: self.background.enable(
            at_login=self.ws.settings.start_at_login), lambda _status: None)

    def _publish_here(self) -> None:
        try:
            self.lock = ServiceLock.acquire(self.ws.paths, role=APP_ROLE, patience=0)
        except ServiceRunning:
            return  # someone else started meanwhile: they publish
        service = self.make_service()
        for listener in self._listeners:
            service.subscribe(listener)
        service.start()
        self.service = service
        log.info("publishing from the window")

    def _show_state(self, holder: Holder | None) -> None:
        if self.service is not None:
            if self.background_on:
                text = self.tr("The background service is not running: publishing from this "
                               "window")
            else:
                text = self.tr("Publishing from this window")
        elif holder is not None and holder.role == SERVICE_ROLE:
            text = self.tr("Publishing in the background (process %1)").replace(
                "%1", str(holder.pid))
        elif holder is not None and holder.role == APP_ROLE:
            text = self.tr("Another ESS Planner window is publishing (process %1)").replace(
                "%1", str(holder.pid))
        elif self.background_on:
            text = self.tr("Starting the background publishing service…")
        else:
            text = self.tr("Not publishing")
        if text != self.state:
            self.state = text
            log.info("publishing: %s", text)
            self.state_changed.emit(text)

    # ---- switching (File › Publish in the background, the settings dialog)
    def set_background(self, on: bool) -> None:
        """Switch background publishing on or off, now and for the next logins."""
        if self.action_background.isChecked() != on:
            self.action_background.setChecked(on)  # toggled() calls us again
            return
        settings = self.ws.settings
        if settings.background_publishing != on:
            settings.background_publishing = on
            settings.save(self.ws.paths.settings_file)
        service, self.service = self.service, None
        lock, self.lock = self.lock, None

        def switch() -> None:
            # On the worker: sends under way finish first; systemctl may take a moment.
            if service is not None:
                service.stop(wait=True)
            if lock is not None:
                lock.release()
            if on:
                self.background.enable(at_login=settings.start_at_login)
            else:
                self.background.disable()

        self._start_requested_at = time.monotonic() if on else None
        self._run(switch, lambda _r: self.on_poll())

    def apply_settings(self, changed: Collection[str] = ()) -> None:
        """Edit › Preferences or the first-run assistant saved the settings (``changed``:
        the names of those that changed): act on background publishing and its login
        entry. The menu's switch follows the settings."""
        settings = self.ws.settings
        on = settings.background_publishing
        if "background_publishing" in changed or self.action_background.isChecked() != on:
            self.set_background(on)
        elif "start_at_login" in changed and on:
            self._run(lambda: self.background.enable(at_login=settings.start_at_login),
                      lambda _status: self.on_poll())

    def _run(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._busy = True

        def finished(result: Any) -> None:
            self._busy = False
            done(result)

        def failed(exc: Exception) -> None:
            self._busy = False
            messages.report_error(self.window, self.tr("Publishing in the background"), exc)

        self.runner.run(fn, finished, failed)

    # ---- closing
    def close_requested(self) -> bool:
        """The window is asked to close for good (no tray to hide in, or Quit).

        True: close now. False: not now — the user cancelled, or the host closes the
        window itself once the posts being sent are settled (without ever blocking).
        """
        if self._may_close:
            return True
        if self._closing:
            if self.quit_dialog is not None:
                self.quit_dialog.raise_()
            return False
        close_editors = getattr(self.window, "close_editors", None)
        if close_editors is not None and not close_editors():
            return False
        if not self._confirm_waiting_posts():
            return False
        self._closing = True
        self.timer.stop()
        sending = self.sending()
        if sending and self.service is not None:
            from essplanner.ui.quit_dialog import QuitDialog

            service = self.service
            self._run(service.request_stop, lambda _r: None)  # no new send starts
            dialog = QuitDialog(self.sending, background=self.background_on, parent=self.window)
            dialog.accepted.connect(self._wind_down)
            dialog.quit_anyway.connect(lambda: self._abandon(hand_over=self.background_on))
            dialog.hand_over.connect(lambda: self._abandon(hand_over=True))
            self.quit_dialog = dialog
            dialog.show()
            return False
        self._wind_down()
        return False

    def _confirm_waiting_posts(self) -> bool:
        """Say what becomes of the scheduled posts; False if the user stays."""
        try:
            count = self.ws.posts.waiting_count()
        except EssPlannerError as exc:
            log.warning("cannot count the scheduled posts: %s", exc)
            return True
        if count == 0:
            return True
        settings = self.ws.settings
        if settings.background_publishing:
            if settings.extra.get(HIDE_NOTICE):
                return True
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("ESS Planner"), self.tr(
                "%n posts are scheduled; they will go out in the background.", "", count),
                parent=self.window)
            box.setInformativeText(self.tr(
                "The publishing service keeps running when the window is closed, and starts "
                "again when you log in."))
            box.setCheckBox(QCheckBox(self.tr("Do not show this again"), box))
            box.addButton(self.tr("&Close the window"), QMessageBox.ButtonRole.AcceptRole)
            stay = box.addButton(QMessageBox.StandardButton.Cancel)
            messages.ask(box)
            if box.clickedButton() is stay:
                return False
            checkbox = box.checkBox()
            if checkbox is not None and checkbox.isChecked():
                settings.extra[HIDE_NOTICE] = True
                settings.save(self.ws.paths.settings_file)
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("ESS Planner"), self.tr(
            "%n posts are scheduled; they will NOT go out while ESS Planner is closed.", "",
            count), parent=self.window)
        box.setInformativeText(self.tr(
            "Publishing in the background sends them on time while the window is closed, "
            "and from the next login on."))
        turn_on = box.addButton(self.tr("&Publish in the background"),
                                QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Quit without publishing"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(turn_on)
        messages.ask(box)
        clicked = box.clickedButton()
        if clicked is stay:
            return False
        if clicked is turn_on:
            settings.background_publishing = True
            settings.save(self.ws.paths.settings_file)
            self.action_background.blockSignals(True)
            self.action_background.setChecked(True)
            self.action_background.blockSignals(False)
        return True

    def _wind_down(self) -> None:
        """Nothing is being sent: stop the in-process service and hand over, off the UI
        thread, then close."""
        service, self.service = self.service, None
        lock, self.lock = self.lock, None
        background = self.background_on

        def wind_down() -> None:
            if service is not None:
                service.stop(wait=True)
            if lock is not None:
                lock.release()
            if background:
                self.background.enable(at_login=self.ws.settings.start_at_login)

        self._run_then_close(wind_down)

    def _abandon(self, *, hand_over: bool) -> None:
        """Quit now, leaving the sends under way to be checked by the next service."""
        service, self.service = self.service, None
        lock = None
        if hand_over:
            lock, self.lock = self.lock, None
        if service is not None:
            self.abandoned = service.sending()
        if hand_over and not self.background_on:
            self.ws.settings.background_publishing = True
            self.ws.settings.save(self.ws.paths.settings_file)

        def abandon() -> None:
            if service is not None:
                service.abandon()
            if hand_over:
                if lock is not None:
                    lock.release()  # the background service takes the workspace now
                self.background.enable(at_login=self.ws.settings.start_at_login)

        self._run_then_close(abandon)

    def _run_then_close(self, fn: Callable[[], None]) -> None:
        def close(_result: object = None) -> None:
            self._may_close = True
            self.window.close()
            QCoreApplication.quit()

        def failed(exc: Exception) -> None:
            messages.report_error(self.window, self.tr("Publishing in the background"), exc)
            close()

        self._busy = True
        self.runner.run(fn, close, failed)

    def shutdown(self) -> None:
        """After the event loop: stop what still runs. Never waits for abandoned sends."""
        self.timer.stop()
        service, self.service = self.service, None
        if service is not None:
            service.stop(wait=True)  # the event loop ended some other way: sends finish
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def install_menu(window: QMainWindow, host: PublishingHost) -> None:
    """File › Publish in the background (checkable), and who publishes in the status bar."""
    menu_file = getattr(window, "menu_file", None)
    action_quit = getattr(window, "action_quit", None)
    if menu_file is not None:
        if action_quit is not None:
            menu_file.insertAction(action_quit, host.action_background)
            menu_file.insertSeparator(action_quit)
        else:
            menu_file.addAction(host.action_background)
    label = QLabel(window)
    label.setObjectName("publishingState")
    window.statusBar().addPermanentWidget(label)
    host.state_changed.connect(label.setText)
