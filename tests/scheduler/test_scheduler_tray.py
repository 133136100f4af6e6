"""The service in the desktop app: events through the bridge, notifications, closing."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from essplanner.domain import DeliveryState
from essplanner.scheduler.outcome import PublishEvent
from essplanner.settings import Settings
from essplanner.ui.bridge import Bridge
from essplanner.ui.mainwindow import MainWindow
from essplanner.ui.tray import PublishingTray, install
from essplanner.workspace import Workspace

pytestmark = pytest.mark.gui


class FakeService:
    """The part of PublishingService the tray uses."""

    def __init__(self) -> None:
        self.listeners: list = []
        self.woken = 0
        self.stopped = False
        self.may_close = True
        self.close_requests = 0

    def subscribe(self, listener) -> None:
        self.listeners.append(listener)

    def emit(self, event: PublishEvent) -> None:
        for listener in self.listeners:
            listener(event)

    def wake(self) -> None:
        self.woken += 1

    def close_requested(self) -> bool:
        self.close_requests += 1
        return self.may_close

    def shutdown(self) -> None:
        self.stopped = True


def event(post_id: int, state: DeliveryState, message: str = "") -> PublishEvent:
    return PublishEvent(target_id=post_id, post_id=post_id, post_title=f"Post {post_id}",
                        account_name="Asso", platform="loopsky", state=state, message=message)


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace) -> MainWindow:
    bridge = Bridge()
    win = MainWindow(workspace, bridge)
    qtbot.addWidget(win)
    return win


def test_events_from_the_service_threads_reach_the_ui_merged_and_notified(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    service = FakeService()
    tray = PublishingTray(window, workspace, window.bridge, service, tray_available=False)
    window.show()
    events = [event(1, DeliveryState.PUBLISHED), event(2, DeliveryState.FAILED, "refused"),
              event(3, DeliveryState.MISSED, "due long ago")]
    with qtbot.waitSignal(window.bridge.changed, timeout=3000) as blocker:
        worker = threading.Thread(target=lambda: [service.emit(e) for e in events])
        worker.start()
        worker.join()
    assert blocker.args[0].posts == frozenset({1, 2, 3})
    qtbot.waitUntil(lambda: "2 posts need your attention" in
                    window.statusBar().currentMessage(), timeout=3000)
    assert tray.icon is None


def test_one_failure_is_notified_with_its_reason(qtbot: QtBot, window: MainWindow,
                                                 workspace: Workspace) -> None:
    service = FakeService()
    PublishingTray(window, workspace, window.bridge, service, tray_available=False)
    window.show()
    service.emit(event(4, DeliveryState.UNCONFIRMED, "cannot tell"))
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Post to check"),
                    timeout=3000)


def test_publish_now_is_in_the_tools_menu(qtbot: QtBot, window: MainWindow,
                                          workspace: Workspace) -> None:
    service = FakeService()
    tray = install(window, workspace, window.bridge, service)
    assert tray.action_publish_now in window.menu_tools.actions()
    tray.action_publish_now.trigger()
    assert service.woken == 1


def test_without_a_tray_closing_asks_the_publishing_host_first(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    service = FakeService()
    service.may_close = False  # e.g. the quit dialog is up: the host closes the window later
    PublishingTray(window, workspace, window.bridge, service, tray_available=False)
    window.show()
    window.close()
    assert window.isVisible() and window.isEnabled()  # never greyed out
    assert service.close_requests == 1
    service.may_close = True
    window.close()
    assert not window.isVisible()


# The offscreen platform has no tray and no window manager; Qt says so, harmlessly.
@pytest.mark.qt_log_ignore("systemTrayWindowChanged", "does not support raise")
def test_with_a_tray_closing_hides_the_window_and_publishing_goes_on(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    from PySide6.QtWidgets import QApplication

    service = FakeService()
    tray = PublishingTray(window, workspace, window.bridge, service, tray_available=True)
    closed = []
    window.destroyed.connect(lambda: closed.append(True))
    try:
        tray.show()
        assert tray.icon is not None and tray.icon.isVisible()
        assert not QApplication.quitOnLastWindowClosed()
        window.show()
        window.close()
        assert not window.isVisible()
        assert not service.stopped and service.close_requests == 0
        tray.show_window()
        assert window.isVisible()
        service.may_close = False  # the host has something to say first
        tray.quit()
        assert window.isVisible() and window.isEnabled()
        service.may_close = True
        tray.quit()
        assert not window.isVisible() and service.close_requests == 2
        tray.shutdown()
        assert service.stopped and not tray.icon.isVisible()
    finally:
        QApplication.setQuitOnLastWindowClosed(True)


def test_the_app_starts_the_service_and_stops_it_after_the_event_loop(
        qtbot: QtBot, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse
    import sys

    from PySide6.QtWidgets import QApplication

    import essplanner.scheduler
    from essplanner.app import run_gui

    started: list[object] = []

    class Recorded(essplanner.scheduler.PublishingService):
        def start(self) -> None:
            super().start()
            started.append(self)

    def exec_(app: QApplication) -> int:
        [service] = started
        assert service.running
        assert any(isinstance(w, MainWindow) and w.isVisible() for w in app.topLevelWidgets())
        return 0

    monkeypatch.setattr(essplanner.scheduler, "PublishingService", Recorded)
    monkeypatch.setattr(QApplication, "exec", exec_)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    # Background publishing off: the window publishes itself (no service process started).
    Settings(background_publishing=False).save(tmp_path / "data" / "settings.json")
    args = argparse.Namespace(data_dir=str(tmp_path / "data"), db=None, lang="en")
    assert run_gui(args) == 0
    [service] = started
    assert not service.running
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.close()
            widget.deleteLater()
