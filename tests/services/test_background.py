"""Background publishing without Qt: the workspace lock, the login entries, the change watch."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from essplanner.services import background
from essplanner.services.background import (
    APP_ROLE,
    SERVICE_ROLE,
    BackgroundPublishing,
    Holder,
    ServiceLock,
    ServiceRunning,
    systemd_user_session,
)
from essplanner.services.changes import ChangeWatch
from essplanner.settings import Paths
from essplanner.workspace import Workspace

#: a "service" that exits at once: these tests look at what is written, not at publishing
NOOP = [sys.executable, "-c", "pass"]


class FakeSystemctl:
    """Records ``systemctl --user`` calls; answers like a running user manager."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, args: Sequence[str]) -> subprocess.CompletedProcess[str]:
        self.calls.append(list(args))
        out = "running\n" if list(args[2:]) == ["is-system-running"] else ""
        return subprocess.CompletedProcess(list(args), 0, out, "")


def env_for(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}


def test_the_lock_lets_one_publisher_run_and_names_it(paths: Paths) -> None:
    assert ServiceLock.holder(paths) is None
    lock = ServiceLock.acquire(paths, role=APP_ROLE)
    try:
        assert ServiceLock.holder(paths) == Holder(pid=os.getpid(), role=APP_ROLE)
        with pytest.raises(ServiceRunning) as caught:
            ServiceLock.acquire(paths, patience=0)
        assert str(caught.value) == (f"an ESS Planner window is already publishing for this "
                                     f"workspace (pid {os.getpid()})")
        assert caught.value.exit_code == 2
    finally:
        lock.release()
    assert ServiceLock.holder(paths) is None
    again = ServiceLock.acquire(paths, role=SERVICE_ROLE, patience=0)  # free again
    again.release()


def test_the_lock_dies_with_its_process(paths: Paths, tmp_path: Path) -> None:
    """A killed service never blocks the next one: the OS drops its lock."""
    code = ("import sys, time; from essplanner.settings import Paths; "
            "from essplanner.services.background import ServiceLock; "
            f"lock = ServiceLock.acquire(Paths.resolve({str(paths.data_dir)!r})); "
            "print('locked', flush=True); time.sleep(60)")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, env=env)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"locked"
        holder = ServiceLock.holder(paths)
        assert holder == Holder(pid=proc.pid, role=SERVICE_ROLE)
        with pytest.raises(ServiceRunning, match=rf"another publishing service is already "
                                                 rf"running for this workspace \(pid {proc.pid}\)"):
            ServiceLock.acquire(paths, patience=0)
    finally:
        proc.kill()
        proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
    ServiceLock.acquire(paths, patience=0).release()


def test_without_a_systemd_session_an_autostart_entry_starts_the_service(
        paths: Paths, tmp_path: Path) -> None:
    calls = FakeSystemctl()
    bg = BackgroundPublishing(paths, env={"HOME": str(tmp_path), "PATH": os.environ["PATH"]},
                              run=calls, command=NOOP)
    assert bg.method == "autostart"  # no XDG_RUNTIME_DIR: no user manager to ask
    assert calls.calls == []
    status = bg.enable(at_login=True)
    entry = tmp_path / ".config" / "autostart" / bg.autostart_file.name
    assert status.login_entry == entry and entry.is_file()
    text = entry.read_text()
    assert "Exec=" in text and f"--data-dir {paths.data_dir} service" in text
    assert bg.process is not None and bg.process.wait(30) == 0  # started now, too
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                               text=True, check=False)
        assert check.returncode == 0, check.stdout + check.stderr
    assert bg.disable().login_entry is None
    assert not entry.exists()


def test_with_a_systemd_session_a_user_unit_is_enabled_then_removed(
        paths: Paths, tmp_path: Path) -> None:
    runtime = tmp_path / "run"
    (runtime / "systemd").mkdir(parents=True)
    (runtime / "systemd" / "private").touch()
    calls = FakeSystemctl()
    env = {**env_for(tmp_path), "XDG_RUNTIME_DIR": str(runtime)}
    bg = BackgroundPublishing(paths, env=env, run=calls, command=["/opt/ess planner/run"])
    assert systemd_user_session(env, calls)
    status = bg.enable(at_login=True)
    unit = tmp_path / "config" / "systemd" / "user" / bg.unit_name
    assert status.method == "systemd" and status.login_entry == unit
    text = unit.read_text()
    assert f'ExecStart="/opt/ess planner/run" --data-dir {paths.data_dir} service' in text
    assert "WantedBy=default.target" in text and "RestartPreventExitStatus=2" in text
    verbs = [c[2:] for c in calls.calls]
    assert ["enable", bg.unit_name] in verbs and ["start", bg.unit_name] in verbs
    calls.calls.clear()
    bg.disable()
    assert ["disable", "--now", bg.unit_name] in [c[2:] for c in calls.calls]
    assert not unit.exists()


def test_a_user_manager_that_does_not_answer_means_autostart(tmp_path: Path) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir()
    (runtime / "bus").touch()

    def offline(args: Sequence[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(list(args), 1, "offline\n", "")

    assert not systemd_user_session({"XDG_RUNTIME_DIR": str(runtime)}, offline)
    assert not systemd_user_session({}, FakeSystemctl())


def test_the_settings_dialog_api_reports_who_publishes(paths: Paths) -> None:
    assert background.status(paths).holder is None
    lock = ServiceLock.acquire(paths, role=SERVICE_ROLE)
    try:
        assert background.status(paths).service_running
    finally:
        lock.release()


def test_the_change_watch_sees_commits_of_other_connections(workspace: Workspace) -> None:
    from essplanner.domain import PostDraft

    watch = ChangeWatch.open(workspace.db.url)
    assert watch is not None
    try:
        assert not watch.changed()
        workspace.posts.create(PostDraft(body="Bonjour"))
        assert watch.changed()
        assert not watch.changed()  # once per batch of commits
    finally:
        watch.close()
    assert ChangeWatch.open("postgresql+psycopg://nowhere/db") is None
