"""Publishing in the desktop app: tray icon, notifications, closing.

Who publishes is decided by :class:`~essplanner.ui.publishing.PublishingHost` (the
background service, or the window's own service); the icon's tooltip and menu say
which. With a system tray, closing the window only hides it; "Quit" in the icon's
menu ends the app. Without a tray, closing the window quits; the host first says what
becomes of the scheduled posts and of the sends under way. Failed, unconfirmed and
missed posts raise a desktop notification (the tray's balloon, else the status bar).

Results arrive from the service's threads as :class:`PublishEvent` and reach the
widgets only through :class:`~essplanner.ui.bridge.Bridge` (queued signals).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QSystemTrayIcon

from essplanner.domain import Change, DeliveryState
from essplanner.ui.bridge import Bridge
from essplanner.ui.icon import app_icon

if TYPE_CHECKING:
    from essplanner.scheduler.outcome import PublishEvent
    from essplanner.workspace import Workspace

log = logging.getLogger(__name__)

#: delivery changes are merged for this long before the views redraw
CHANGE_BATCH_MS = 200
#: notifications arriving within this time become one
NOTIFY_BATCH_MS = 800


class Publishing(Protocol):
    """What the tray needs from publishing (:class:`~essplanner.ui.publishing.PublishingHost`)."""

    def subscribe(self, listener: Callable[[PublishEvent], None]) -> None: ...
    def wake(self) -> None: ...
    def close_requested(self) -> bool: ...
    def shutdown(self) -> None: ...


class PublishingTray(QObject):
    """Keeps publishing while the window is closed; tells the user what needs attention."""

    def __init__(self, window: QMainWindow, workspace: Workspace, bridge: Bridge,
                 service: Publishing, *, tray_available: bool | None = None) -> None:
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

        self.action_state = QAction(self.tr("Publishing…"), self)
        self.action_state.setEnabled(False)  # shows who publishes; nothing to click
        self.action_publish_now = QAction(self.tr("&Publish due posts now"), self)
        self.action_show = QAction(self.tr("&Show ESS Planner"), self)
        self.action_quit = QAction(self.tr("&Quit"), self)
        if window.windowIcon().isNull():
            window.setWindowIcon(app_icon())
        if self.available:
            self.icon = QSystemTrayIcon(window.windowIcon(), self)
            self.icon.setToolTip(self.tr("ESS Planner: publishing scheduled posts"))
            menu = QMenu(window)
            menu.addAction(self.action_state)
            menu.addSeparator()
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
        state_changed = getattr(self.service, "state_changed", None)
        if state_changed is not None:
            state_changed.connect(self.on_state_changed)
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
    def on_state_changed(self, text: str) -> None:
        """Who publishes: in the icon's tooltip and menu, and in the status bar."""
        self.action_state.setText(text)
        if self.icon is not None:
            self.icon.setToolTip(self.tr("ESS Planner: %1").replace("%1", text))
        self.window.statusBar().showMessage(text, 10000)

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

    def notify(self, title: str, text: str, *, warning: bool = True) -> None:
        """A desktop notification (``warning``: something went wrong; else news, such as a
        post to review)."""
        log.info("notification: %s: %s", title, text.replace("\n", " / "))
        if self.icon is not None and self.icon.isVisible():
            kind = (QSystemTrayIcon.MessageIcon.Warning if warning
                    else QSystemTrayIcon.MessageIcon.Information)
            self.icon.showMessage(title, text, kind, 15000)
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
        """Quit the app (the host says what becomes of the posts first)."""
        self._quitting = True
        if self.window.close():  # else the host quits once the posts are settled
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
            if not self.service.close_requested():
                self._quitting = False
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    def shutdown(self) -> None:
        """After the event loop: hide the icon, stop what still publishes from here."""
        if self.icon is not None:
            self.icon.hide()
        self.service.shutdown()


def install(window: QMainWindow, workspace: Workspace, bridge: Bridge,
            service: Publishing) -> PublishingTray:
    """Wire the service to the app: actions in Tools, the tray icon, notifications."""
    tray = PublishingTray(window, workspace, bridge, service)
    menu_tools = getattr(window, "menu_tools", None)
    if menu_tools is not None:
        menu_tools.addAction(tray.action_publish_now)
    tray.show()
    return tray
