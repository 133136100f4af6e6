"""Publishing while the window is closed, and quitting during a send (issue 13, items 3-4).

The window (pytest-qt) hands publishing to a real ``essplanner service`` process on the
same data folder, which publishes to a loopback fake PDS; a frozen fake holds a send
while the user quits. Outcomes are asserted, never timings (the service process runs
on the real clock, so the posts are due a few seconds ahead).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sched_fakepds import FakePds, Fault
from sched_helpers import (
    FAST,
    add_account,
    run_due,
    service_env,
    target_rows,
    terminate,
    wait_until,
    write_settings,
)
from sched_loopsky import LoopskyPublisher

from essplanner.credentials import KeyringStore
from essplanner.domain import DeliveryState, PostDraft, PostStatus
from essplanner.publishers.registry import Registry
from essplanner.scheduler import PublishingService
from essplanner.services.background import SERVICE_ROLE, BackgroundPublishing, ServiceLock
from essplanner.settings import Paths, Settings
from essplanner.timeutil import Clock, FakeClock
from essplanner.ui import messages
from essplanner.ui.bridge import Bridge
from essplanner.ui.mainwindow import MainWindow
from essplanner.ui.publishing import PublishingHost, install_menu
from essplanner.ui.tray import PublishingTray
from essplanner.workspace import Workspace

pytestmark = [pytest.mark.gui, pytest.mark.slow]


@pytest.fixture
def shared_keyring(keyring_file: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    import keyring
    from sched_filekeyring import FileKeyring

    previous = keyring.get_keyring()
    monkeypatch.setenv("ESSPLANNER_TEST_KEYRING", str(keyring_file))
    keyring.set_keyring(FileKeyring())
    yield keyring_file
    keyring.set_keyring(previous)


class Answers:
    """Answers the message boxes of the close flow (``messages.ask``) by button text."""

    def __init__(self) -> None:
        self.button = ""
        self.texts: list[str] = []

    def ask(self, box: object) -> int:
        from PySide6.QtWidgets import QMessageBox

        assert isinstance(box, QMessageBox)
        self.texts.append(box.text())
        [chosen] = [b for b in box.buttons() if b.text().replace("&", "") == self.button]
        chosen.click()
        return 0


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    record = Answers()
    monkeypatch.setattr(messages, "ask", record.ask)
    return record


def open_window(qtbot: QtBot, ws: Workspace, *, background: BackgroundPublishing,
                make_service: Callable[[], PublishingService] | None = None,
                ) -> tuple[MainWindow, PublishingHost]:
    bridge = Bridge()
    ws.subscribe(bridge.emit_change)
    window = MainWindow(ws, bridge)
    qtbot.addWidget(window)
    host = PublishingHost(window, ws, bridge,
                          make_service=make_service or (lambda: PublishingService(ws)),
                          background=background, poll_ms=100)
    install_menu(window, host)
    PublishingTray(window, ws, bridge, host, tray_available=False)
    window.show()
    return window, host


def run_app(app: object) -> None:
    """The app's event loop, as ``run_gui`` runs it, with a safety net that is removed after."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    net = QTimer()
    net.setSingleShot(True)
    net.timeout.connect(app.quit)  # the timing assertions fail if this is what ended it
    net.start(10_000)
    # The host quits the app itself. Qt's own quit on the last window's close arrives as
    # a posted event after exec() has returned, and would end the next test's event loops.
    QApplication.setQuitOnLastWindowClosed(False)
    try:
        app.exec()
    finally:
        net.stop()
        QApplication.setQuitOnLastWindowClosed(True)


def statuses(window: MainWindow) -> list[PostStatus]:
    model = window.post_model
    return [model.chip(row).status for row in range(model.rowCount())]


# ---- posts scheduled, the window closed


def test_closed_window_posts_go_out_in_the_background_exactly_once(
        qtbot: QtBot, tmp_path: Path, shared_keyring: Path, answers: Answers) -> None:
    data = tmp_path / "data"
    write_settings(data)
    paths = Paths.resolve(data)
    env = {**service_env(tmp_path, shared_keyring), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    pds = FakePds().start()
    ws = Workspace.open(paths=paths, settings=Settings.load(paths.settings_file), clock=Clock(),
                        secrets=KeyringStore(),
                        registry=Registry(extra={"loopsky": LoopskyPublisher}))
    background = BackgroundPublishing(paths, env=env, systemd=False)
    try:
        assert ws.settings.background_publishing  # on by default
        account = add_account(ws, pds, "Asso")
        when = ws.clock.now() + timedelta(seconds=4)
        posts = [ws.posts.create(PostDraft(title=f"Post {i}", body=f"Bonjour {i}",
                                           account_ids=(account.id,)),
                                 scheduled_at=when, schedule=True) for i in range(3)]
        window, host = open_window(qtbot, ws, background=background)
        assert host.action_background.isChecked()
        assert host.action_background in window.menu_file.actions()

        answers.button = "Close the window"
        window.close()
        assert answers.texts == ["3 posts are scheduled; they will go out in the background."]
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
        assert host.service is None  # the window never published itself

        # A real `essplanner service`, started by the close, holds the workspace.
        assert background.process is not None
        assert wait_until(lambda: ServiceLock.holder(paths) is not None, 60), \
            (paths.log_file.read_text() if paths.log_file.exists() else "no log")
        holder = ServiceLock.holder(paths)
        assert holder is not None and holder.role == SERVICE_ROLE
        assert holder.pid == background.process.pid
        assert background.autostart_file.is_file()  # and it starts again at login

        # A second service on the same workspace is refused by the lock.
        second = subprocess.run([sys.executable, "-m", "essplanner", "--lang", "en", "--data-dir", str(data),
                             "service"], env=env,
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 2
        assert second.stderr.strip().splitlines()[-1] == (
            f"essplanner: another publishing service is already running for this workspace "
            f"(pid {holder.pid})")

        # The background service publishes each post once, at its time.
        assert pds.wait_created(3, 60), target_rows(ws)
        assert wait_until(lambda: {r.state for r in target_rows(ws)} == {"published"}, 30)
        assert pds.duplicates() == [] and len(pds.records()) == 3
        assert all(c.created for c in pds.creates()) and len(pds.creates()) == 3
        # not before its time. When `make test` moves the clocks, this process and the
        # service each start their own time-machine travel, and on a loaded machine the two
        # moved clocks differ by a fraction of a second; an early send by the scheduler would
        # be early by its wake-up, a second or more, which this still catches
        early = [when.timestamp() - c.received_wall for c in pds.creates()]
        assert all(e <= 0.5 for e in early), early

        # The window opened again shows them published, and runs no scheduler of its own.
        again, host2 = open_window(qtbot, ws, background=background)
        again.show_date(when.astimezone(again.zone).date())
        assert statuses(again) == [PostStatus.PUBLISHED] * 3
        host2.start()
        qtbot.waitUntil(lambda: host2.state.startswith("Publishing in the background"),
                        timeout=5000)
        assert host2.service is None
        assert {p.id for p in posts} == {again.post_model.chip(r).post_id
                                         for r in range(again.post_model.rowCount())}
        again.close()  # nothing waits any more: it closes, the service goes on
        qtbot.waitUntil(lambda: not again.isVisible(), timeout=10_000)
        assert ServiceLock.holder(paths) == holder

        background.disable()  # SIGTERM: it stops cleanly
        assert background.process.wait(60) == 0
        assert not background.autostart_file.exists()
    finally:
        if background.process is not None and background.process.poll() is None:
            terminate(background.process)
        left = ServiceLock.holder(paths)  # never leave a service running after the test
        if left is not None and left.pid not in (0, os.getpid()):
            os.kill(left.pid, signal.SIGKILL)
        ws.close()
        pds.stop()


def test_the_window_sees_the_services_changes_within_a_poll(
        qtbot: QtBot, ws: Workspace, pds: FakePds, clock: FakeClock) -> None:
    """Another program's commit (here: a service in this process, not announced to the
    window) reaches the calendar through the window's data-version poll (the publishing
    host has no poll of its own for that)."""
    ws.settings.background_publishing = False
    account = add_account(ws, pds, "Asso")
    post = ws.posts.create(PostDraft(title="Kermesse", body="Bonjour",
                                     account_ids=(account.id,)),
                           scheduled_at=clock.now(), schedule=True)
    window, host = open_window(qtbot, ws, background=BackgroundPublishing(ws.paths))
    assert statuses(window) == [PostStatus.SCHEDULED]
    other = PublishingService(ws)  # not the host's: the window hears nothing from it
    try:
        run_due(other)
    finally:
        other.stop(wait=True, timeout=10)
    assert ws.posts.get(post.id).targets[0].state is DeliveryState.PUBLISHED
    assert host.service is None  # nothing publishes from the window here
    assert window.poll_changes()  # what the window's one-second timer calls
    assert statuses(window) == [PostStatus.PUBLISHED]


# ---- quitting during a send


@pytest.mark.expect_log(r"abandoned with 1 sends under way",
                        r"was being sent by a service that stopped")
def test_quit_anyway_during_a_frozen_send_exits_at_once_and_the_next_start_looks_it_up(
        qtbot: QtBot, ws: Workspace, pds: FakePds, clock: FakeClock, answers: Answers) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    ws.settings.background_publishing = False
    account = add_account(ws, pds, "Asso")
    post = ws.posts.create(PostDraft(title="Fête de quartier", body="Samedi, place du marché",
                                     account_ids=(account.id,)),
                           scheduled_at=clock.now(), schedule=True)
    pds.inject(Fault("hold"))  # the server takes the post and never answers
    services: list[PublishingService] = []

    def make_service() -> PublishingService:
        services.append(PublishingService(ws))
        return services[-1]

    window, host = open_window(qtbot, ws, background=BackgroundPublishing(ws.paths),
                               make_service=make_service)
    try:
        host.start()  # background publishing is off: the window publishes
        assert host.service is not None
        assert pds.wait_created(1, 20)  # at the server, held there
        qtbot.waitUntil(lambda: bool(host.sending()), timeout=5000)

        answers.button = "Quit without publishing"
        window.close()  # answers at once: the dialog is up, nothing waits
        [warning] = answers.texts  # (singular in the English catalog, not loaded here)
        assert warning.endswith("will NOT go out while ESS Planner is closed.")
        dialog = host.quit_dialog
        assert dialog is not None and dialog.isVisible() and window.isVisible()
        assert "Fête de quartier" in dialog.items.text() and "Loopsky" in dialog.items.text()
        assert f"{post.id}" not in dialog.items.text().replace("Fête de quartier", "")
        assert " s)" in dialog.items.text()  # the countdown to the send's deadline
        assert dialog.hand_over_button is None  # background publishing is off

        app = QApplication.instance()
        assert app is not None
        QTimer.singleShot(0, dialog.quit_button.click)
        started = time.monotonic()
        run_app(app)  # returns once the app has quit
        elapsed = time.monotonic() - started
        assert elapsed < 1.0, f"quitting took {elapsed:.1f} s"
        assert not window.isVisible()
        assert [s.post_title for s in host.abandoned] == ["Fête de quartier"]
        [row] = target_rows(ws)
        assert row.state == "publishing"  # left for the next start to check

        # The next start: the lease has run out; the service looks the post up.
        clock.advance(timedelta(seconds=FAST["lease_seconds"] * 3))
        following = PublishingService(ws)
        try:
            run_due(following)
        finally:
            following.stop(wait=True, timeout=10)
        [row] = target_rows(ws)
        assert row.state == "published" and row.remote_id and row.remote_id.endswith(row.key)
        assert len(pds.records()) == 1 and len(pds.creates()) == 1 and pds.duplicates() == []
        looked_up = row
    finally:
        pds.release_held()  # the quit service's send now gets its answer: it records nothing
        for service in services:
            service._pool.shutdown(wait=True)
        host.shutdown()
    assert target_rows(ws) == [looked_up]  # the late answer changed nothing
    assert ServiceLock.holder(ws.paths) is None


@pytest.mark.expect_log(r"abandoned with 1 sends under way")
def test_with_background_publishing_the_send_is_handed_over(
        qtbot: QtBot, ws: Workspace, pds: FakePds, clock: FakeClock, answers: Answers,
        tmp_path: Path) -> None:
    """"Let the background service finish it": the lock is released and the background
    service started at once (here a stand-in command that records it ran)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    account = add_account(ws, pds, "Asso")
    ws.posts.create(PostDraft(title="AG annuelle", body="Bonjour", account_ids=(account.id,)),
                    scheduled_at=clock.now(), schedule=True)
    pds.inject(Fault("hold"))
    marker = tmp_path / "started"
    background = BackgroundPublishing(
        ws.paths, env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")},
        systemd=False, command=["sh", "-c", f"echo \"$@\" > {marker}", "service"])
    services: list[PublishingService] = []

    def make_service() -> PublishingService:
        services.append(PublishingService(ws))
        return services[-1]

    window, host = open_window(qtbot, ws, background=background, make_service=make_service)
    try:
        host._start_requested_at = time.monotonic()  # as if the service had failed to start
        host._publish_here()
        assert pds.wait_created(1, 20)
        qtbot.waitUntil(lambda: bool(host.sending()), timeout=5000)
        answers.button = "Close the window"
        window.close()
        dialog = host.quit_dialog
        assert dialog is not None and dialog.hand_over_button is not None
        app = QApplication.instance()
        assert app is not None
        QTimer.singleShot(0, dialog.hand_over_button.click)
        run_app(app)
        assert not window.isVisible()
        assert background.process is not None and background.process.wait(30) == 0
        assert "--data-dir" in marker.read_text() and "service" in marker.read_text()
        assert ServiceLock.holder(ws.paths) is None  # released for the background service
    finally:
        pds.release_held()
        for service in services:
            service._pool.shutdown(wait=True)
        host.shutdown()


# ---- the switch and the tray


def hold_lock_in_a_child(paths: Paths) -> subprocess.Popen[bytes]:
    """A stand-in background service: a process holding the workspace's lock."""
    code = ("import time; from essplanner.settings import Paths; "
            "from essplanner.services.background import ServiceLock; "
            f"lock = ServiceLock.acquire(Paths.resolve({str(paths.data_dir)!r})); "
            "print('locked', flush=True); time.sleep(120)")
    root = str(Path(__file__).resolve().parents[2])
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": root})
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"locked"
    return proc


@pytest.mark.qt_log_ignore("systemTrayWindowChanged")
def test_the_tray_shows_the_background_service_and_the_switch_takes_over(
        qtbot: QtBot, ws: Workspace, tmp_path: Path) -> None:
    child = hold_lock_in_a_child(ws.paths)
    background = BackgroundPublishing(
        ws.paths, env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")},
        systemd=False, command=[sys.executable, "-c", "pass"])
    try:
        bridge = Bridge()
        window = MainWindow(ws, bridge)
        qtbot.addWidget(window)
        host = PublishingHost(window, ws, bridge, make_service=lambda: PublishingService(ws),
                              background=background, poll_ms=50)
        install_menu(window, host)
        tray = PublishingTray(window, ws, bridge, host, tray_available=True)
        assert tray.icon is not None
        host.start()
        expected = f"Publishing in the background (process {child.pid})"
        assert host.state == expected and host.service is None
        assert tray.action_state.text() == expected
        assert tray.icon.toolTip() == f"ESS Planner: {expected}"

        # File › Publish in the background, unchecked: the service is stopped (SIGTERM),
        # its login entry removed, and the window publishes itself once the lock is free.
        background.autostart_file.parent.mkdir(parents=True)
        background.autostart_file.write_text(background.autostart_text())
        host.action_background.trigger()
        assert not ws.settings.background_publishing
        assert Settings.load(ws.paths.settings_file).background_publishing is False
        assert child.wait(30) == -signal.SIGTERM
        qtbot.waitUntil(lambda: host.service is not None, timeout=10_000)
        assert not background.autostart_file.exists()
        assert host.state == "Publishing from this window" == tray.action_state.text()
        assert ServiceLock.holder(ws.paths) is not None
        assert ServiceLock.holder(ws.paths).pid == os.getpid()  # type: ignore[union-attr]
        host.shutdown()
        assert ServiceLock.holder(ws.paths) is None
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        if child.stdout is not None:
            child.stdout.close()
