"""The publishing service inside the desktop app: tray icon, notifications, closing.

The service starts with the app. With a system tray, closing the window only
hides it: the icon stays and posts keep going out; "Quit" in the icon's menu
ends the app. Without a tray, closing the window quits, after the sends in
flight have finished. Failed, unconfirmed and missed posts raise a desktop
notification (the tray's balloon, else the status bar).

Results arrive from the service's threads as :class:`PublishEvent` and reach the
widgets only through :class:`~essplanner.ui.bridge.Bridge` (queued signals).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QSystemTrayIcon

from essplanner.domain import Change, DeliveryState
from essplanner.scheduler.outcome import PublishEvent
from essplanner.ui.bridge import Bridge
from essplanner.ui.icon import app_icon

if TYPE_CHECKING:
    from essplanner.scheduler import PublishingService
    from essplanner.workspace import Workspace

log = logging.getLogger(__name__)

#: delivery changes are merged for this long before the views redraw
CHANGE_BATCH_MS = 200
#: notifications arriving within this time become one
NOTIFY_BATCH_MS = 800


class PublishingTray(QObject):
    """Keeps publishing while the window is closed; tells the user what needs attention."""

    def __init__(self, window: QMainWindow, workspace: Workspace, bridge: Bridge,
                 service: PublishingService, *, tray_available: bool | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.ws = workspace
        self.bridge = bridge
        self.service = service
        self.available = (QSystemTrayIcon.isSystemTrayAvailable() if tray_available is None
                          else tray_available)
        self._quitting = False
        self._told_still_running = False
        self._change = Change()
        self._attention: list[PublishEvent] = []
        self.icon: QSystemTrayIcon | None = None

        self._change_timer = QTimer(self)
        self._change_timer.setSingleShot(True)
        self._change_timer.setInterval(CHANGE_BATCH_MS)
        self._notify_timer = QTimer(self)
        self._notify_timer.setSingleShot(True)
        self._notify_timer.setInterval(NOTIFY_BATCH_MS)
        self._finish_timer = QTimer(self)
        self._finish_timer.setInterval(100)

        self.action_publish_now = QAction(self.tr("&Publish due posts now"), self)
        self.action_show = QAction(self.tr("&Show ESS Planner"), self)
        self.action_quit = QAction(self.tr("&Quit"), self)
        if window.windowIcon().isNull():
            window.setWindowIcon(app_icon())
        if self.available:
            self.icon = QSystemTrayIcon(window.windowIcon(), self)
            self.icon.setToolTip(self.tr("ESS Planner: publishing scheduled posts"))
            menu = QMenu(window)
            menu.addAction(self.action_show)
            menu.addAction(self.action_publish_now)
            menu.addSeparator()
            menu.addAction(self.action_quit)
            self.icon.setContextMenu(menu)
        self._connect()

    def _connect(self) -> None:
        """All signal wiring, in one place."""
        self.service.subscribe(self.bridge.emit_publish_event)  # any thread -> queued
        self.bridge.publish_event.connect(self.on_publish_event)
        self._change_timer.timeout.connect(self.on_change_timer)
        self._notify_timer.timeout.connect(self.on_notify_timer)
        self._finish_timer.timeout.connect(self.on_finish_timer)
        self.action_publish_now.triggered.connect(self.service.wake)
        self.action_show.triggered.connect(self.show_window)
        self.action_quit.triggered.connect(self.quit)
        if self.icon is not None:
            self.icon.activated.connect(self.on_icon_activated)
        self.window.installEventFilter(self)

    def show(self) -> None:
        if self.icon is not None:
            self.icon.show()
            QApplication.setQuitOnLastWindowClosed(False)

    @property
    def start_hidden(self) -> bool:
        """Start in the tray only (autostart at login), if the user asked and a tray exists."""
        return self.available and self.ws.settings.start_minimised

    # ---- slots
    def on_publish_event(self, event: PublishEvent) -> None:
        self._change = self._change | event.change
        if not self._change_timer.isActive():
            self._change_timer.start()
        if event.needs_attention and self.ws.settings.notifications:
            self._attention.append(event)
            if not self._notify_timer.isActive():
                self._notify_timer.start()

    def on_change_timer(self) -> None:
        change, self._change = self._change, Change()
        self.bridge.emit_change(change)

    def on_notify_timer(self) -> None:
        events, self._attention = self._attention, []
        if not events:
            return
        if len(events) == 1:
            event = events[0]
            title = {
                DeliveryState.FAILED: self.tr("Post not published"),
                DeliveryState.UNCONFIRMED: self.tr("Post to check"),
                DeliveryState.MISSED: self.tr("Post missed"),
            }.get(event.state, self.tr("Post needs attention"))
            text = f"{event.post_title} — {event.account_name}\n{event.message}"
        else:
            title = self.tr("%n posts need your attention", "", len(events))
            text = "\n".join(f"{e.post_title} — {e.account_name}" for e in events[:5])
        self.notify(title, text)

    def notify(self, title: str, text: str) -> None:
        log.info("notification: %s: %s", title, text.replace("\n", " / "))
        if self.icon is not None and self.icon.isVisible():
            self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 15000)
        else:
            self.window.statusBar().showMessage(f"{title}: {text.splitlines()[0]}", 30000)

    def on_icon_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            if self.window.isVisible():
                self.window.hide()
            else:
                self.show_window()

    def show_window(self) -> None:
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()

    def quit(self) -> None:
        """Quit the app once the posts being sent have gone."""
        self._quitting = True
        if self._finish_sends():
            QApplication.quit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            if self.icon is not None and self.icon.isVisible() and not self._quitting:
                event.ignore()
                self.window.hide()
                if not self._told_still_running:
                    self._told_still_running = True
                    self.icon.showMessage(
                        self.tr("ESS Planner is still running"),
                        self.tr("Your scheduled posts will go out on time. Quit from this "
                                "icon's menu."), QSystemTrayIcon.MessageIcon.Information, 8000)
                return True
            self._quitting = True
            if not self._finish_sends():
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    def _finish_sends(self) -> bool:
        """True if nothing is being sent; else wait (window disabled) and close afterwards."""
        self.service.request_stop()  # each account finishes its current post, no more
        sending = len(self.service.in_flight())
        if not sending:
            return True
        self.window.show()
        self.window.setEnabled(False)
        self.window.statusBar().showMessage(
            self.tr("Finishing %n post(s) being sent before quitting…", "", sending))
        self._finish_timer.start()
        return False

    def on_finish_timer(self) -> None:
        if self.service.in_flight():
            return
        self._finish_timer.stop()
        self.window.setEnabled(True)
        self.window.close()
        if self.icon is not None:
            QApplication.quit()

    def shutdown(self) -> None:
        """Stop the service after the event loop: sends in flight finish first."""
        if self.icon is not None:
            self.icon.hide()
        self.service.stop(wait=True)


def install(window: QMainWindow, workspace: Workspace, bridge: Bridge,
            service: PublishingService) -> PublishingTray:
    """Wire the service to the app: actions in Tools, the tray icon, notifications."""
    tray = PublishingTray(window, workspace, bridge, service)
    menu_tools = getattr(window, "menu_tools", None)
    if menu_tools is not None:
        menu_tools.addAction(tray.action_publish_now)
    tray.show()
    return tray
