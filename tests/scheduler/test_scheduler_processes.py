"""The headless service as real processes: the command line, SIGTERM, SIGKILL, team mode.

The services find the test publisher through an ``essplanner.publishers`` entry point
(a ``*.dist-info`` on their PYTHONPATH) and read the accounts' secrets through the
production keyring code (a file-backed keyring backend shared with the test).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sched_fakepds import CreateCall, FakePds
from sched_helpers import (
    add_account,
    attempt_workers,
    bulk_targets,
    service_env,
    start_service,
    target_rows,
    terminate,
    wait_until,
    write_settings,
)
from sched_loopsky import LoopskyPublisher

from essplanner.credentials import KeyringStore
from essplanner.publishers.registry import Registry
from essplanner.settings import Paths, Settings
from essplanner.timeutil import Clock
from essplanner.workspace import Workspace

pytestmark = pytest.mark.slow

FINAL = {"published", "unconfirmed", "failed"}


@pytest.fixture
def shared_keyring(keyring_file: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    import keyring
    from sched_filekeyring import FileKeyring

    previous = keyring.get_keyring()  # before the variable makes FileKeyring a candidate
    monkeypatch.setenv("ESSPLANNER_TEST_KEYRING", str(keyring_file))
    keyring.set_keyring(FileKeyring())
    yield keyring_file
    keyring.set_keyring(previous)


def team_workspace(data_dir: Path, db_url: str) -> Workspace:
    write_settings(data_dir)
    return Workspace.open(paths=Paths.resolve(data_dir), db_url=db_url, clock=Clock(),
                          settings=Settings.load(data_dir / "settings.json"),
                          secrets=KeyringStore(),
                          registry=Registry(extra={"loopsky": LoopskyPublisher}))


def check_exactly_once(ws: Workspace, pds: FakePds, expected: int) -> None:
    """0 duplicates at the server, none lost, each target final (with a reason if not sent)."""
    rows = target_rows(ws)
    assert len(rows) == expected
    assert pds.duplicates() == []
    creates_by_key: dict[str, int] = {}
    for call in pds.creates():
        if call.created:
            creates_by_key[call.rkey] = creates_by_key.get(call.rkey, 0) + 1
    assert all(n == 1 for n in creates_by_key.values())
    created = set(creates_by_key)
    states = {}
    for row in rows:
        states[row.state] = states.get(row.state, 0) + 1
        assert row.state in FINAL, f"target {row.id} left {row.state}: {row.last_error}"
        if row.state == "published":
            assert row.key in created, f"target {row.id} published but not at the server"
            assert row.remote_id and row.remote_id.endswith(row.key)
        else:
            assert row.last_error, f"target {row.id} {row.state} without a reason"
        if row.state == "failed":
            assert row.key not in created, f"target {row.id} failed but was published"
    published_keys = {row.key for row in rows if row.state == "published"}
    unconfirmed_keys = {row.key for row in rows if row.state == "unconfirmed"}
    assert created <= published_keys | unconfirmed_keys


def all_final(ws: Workspace) -> bool:
    return all(row.state in FINAL for row in target_rows(ws))


# ---- the command line


def test_service_once_publishes_what_is_due_and_exits(
        tmp_path: Path, shared_keyring: Path) -> None:
    pds = FakePds().start()
    db_url = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    ws = team_workspace(tmp_path / "data", db_url)
    try:
        accounts = [add_account(ws, pds, f"A{i}") for i in range(2)]
        now = ws.clock.now()
        bulk_targets(ws, accounts, [now - timedelta(minutes=1)] * 4 + [now + timedelta(hours=1)])
        env = service_env(tmp_path, shared_keyring)
        result = subprocess.run(
            [*start_args(tmp_path / "data", db_url), "--once", "--json"], env=env,
            capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == ('{"published": 4, "retry": 0, "failed": 0, '
                                         '"unconfirmed": 0, "missed": 0}')
        assert "publishing service" in result.stderr  # logs on stderr
        states = sorted(row.state for row in target_rows(ws))
        assert states == ["published"] * 4 + ["scheduled"]
        assert len(pds.records()) == 4
    finally:
        ws.close()
        pds.stop()


def start_args(data_dir: Path, db_url: str) -> list[str]:
    import sys

    return [sys.executable, "-m", "essplanner", "--lang", "en", "--data-dir", str(data_dir),
            "--db", db_url, "service"]


def test_sigterm_lets_the_send_in_flight_finish_then_exits_0(
        tmp_path: Path, shared_keyring: Path) -> None:
    pds = FakePds(latency=1.0).start()
    db_url = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    ws = team_workspace(tmp_path / "data", db_url)
    try:
        account = add_account(ws, pds, "Asso")
        bulk_targets(ws, [account], [ws.clock.now()])
        proc = start_service(data_dir=tmp_path / "data", db_url=db_url,
                             env=service_env(tmp_path, shared_keyring), log=tmp_path / "svc.log")
        assert wait_until(lambda: len(pds.creates()) == 1, 30)  # the request is at the server
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(30) == 0
        [row] = target_rows(ws)
        assert row.state == "published"
        log = (tmp_path / "svc.log").read_text()
        assert "waiting for 1 sends in flight" in log
    finally:
        ws.close()
        pds.stop()


# ---- crashes


def test_sigkill_at_random_moments_never_sends_twice_nor_loses_a_post(
        tmp_path: Path, shared_keyring: Path) -> None:
    """200 targets falling due over 8 s; services killed with SIGKILL again and again.

    Half of the kills happen inside the server, between its receipt of a post and its
    answer (the worst moment); the others at a random time while the service sends.
    Services are forked from a zygote (sched_zygote) so that a restart takes tens of
    milliseconds; the last one is a plain ``python -m essplanner service``.
    """
    from sched_zygote import Zygote

    rng = random.Random(os.environ.get("ESSPLANNER_TEST_SEED", "crash"))
    lock = threading.Lock()
    armed: dict[str, int | None] = {"pid": None, "after": None}
    kills: list[str] = []

    def kill_mid_send(call: CreateCall) -> None:
        # Runs in the server while the request is received and not yet answered.
        with lock:
            pid, after = armed["pid"], armed["after"]
            if pid is None or after is None:
                return
            if after > 0:
                armed["after"] = after - 1
                return
            armed["after"] = None
        os.kill(pid, signal.SIGKILL)
        kills.append("mid-send")

    pds = FakePds(latency=0.01, on_create=kill_mid_send).start()
    db_url = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    ws = team_workspace(tmp_path / "data", db_url)
    env = service_env(tmp_path, shared_keyring)
    zygote = Zygote(env, tmp_path / "svc.log")
    argv = ["--lang", "en", "--data-dir", str(tmp_path / "data"), "--db", db_url, "service"]
    try:
        accounts = [add_account(ws, pds, f"A{i}") for i in range(5)]
        start = ws.clock.now() + timedelta(seconds=1)
        bulk_targets(ws, accounts, sorted(start + timedelta(seconds=rng.uniform(0, 8))
                                          for _ in range(200)))
        cycle = 0
        while len(kills) < 24 and not all_final(ws):
            cycle += 1
            before = len(pds.creates())
            pid = zygote.spawn(argv)
            if cycle % 2:
                with lock:
                    armed.update(pid=pid, after=rng.randrange(0, 4))
                # it dies at its next posts (or, with nothing left to send, lives on)
                wait_until(lambda: bool(kills) and armed["after"] is None, 3)
            else:
                wait_until(lambda b=before: len(pds.creates()) > b, 5)
                threading.Event().wait(rng.uniform(0.0, 0.3))  # a random moment while sending
                os.kill(pid, signal.SIGKILL)
                kills.append("random")
            with lock:
                armed.update(pid=None, after=None)
            os.kill(pid, signal.SIGKILL)  # if the trigger did not fire: still a crash
            assert zygote.wait(pid) == -signal.SIGKILL
        assert len(kills) >= 20, f"only {len(kills)} kills before everything was sent"
        assert kills.count("mid-send") >= 8  # killed between the server's receipt and its answer
        # A last service, a plain process, finishes the work (leases run out, lookups tell
        # what happened), then stops cleanly on SIGTERM.
        final_log = tmp_path / "final.log"
        proc = start_service(data_dir=tmp_path / "data", db_url=db_url, env=env, log=final_log)
        try:
            assert wait_until(lambda: "service running" in final_log.read_text(), 30)
            assert wait_until(lambda: all_final(ws), 90), "targets left unfinished"
        finally:
            assert terminate(proc) == 0
        check_exactly_once(ws, pds, 200)
        assert sum(1 for r in target_rows(ws) if r.state == "published") >= 190
    finally:
        zygote.close()
        ws.close()
        pds.stop()


# ---- team mode


def run_two_services(tmp_path: Path, shared_keyring: Path, db_url: str, count: int) -> None:
    pds = FakePds(latency=0.002).start()
    ws = team_workspace(tmp_path / "data", db_url)
    env = service_env(tmp_path, shared_keyring)
    procs: list[subprocess.Popen[bytes]] = []
    try:
        accounts = [add_account(ws, pds, f"A{i}") for i in range(10)]
        start = ws.clock.now() + timedelta(seconds=2)
        bulk_targets(ws, accounts, [start + timedelta(milliseconds=i * 4) for i in range(count)])
        for name in ("one", "two"):
            write_settings(tmp_path / name)
            procs.append(start_service(data_dir=tmp_path / name, db_url=db_url, env=env,
                                       log=tmp_path / f"{name}.log"))
        assert wait_until(lambda: all_final(ws), 120), "targets left unfinished"
        for proc in procs:
            assert terminate(proc) == 0
        check_exactly_once(ws, pds, count)
        assert {row.state for row in target_rows(ws)} == {"published"}
        assert len(pds.records()) == count
        pids = {str(p.pid) for p in procs}
        assert attempt_workers(ws) == pids, "both services should have published"
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
        ws.close()
        pds.stop()


def test_two_services_on_one_sqlite_file_send_each_post_once(
        tmp_path: Path, shared_keyring: Path) -> None:
    run_two_services(tmp_path, shared_keyring, f"sqlite:///{tmp_path / 'team.sqlite3'}", 500)


@pytest.mark.peer
def test_two_services_on_one_postgresql_database_send_each_post_once(
        tmp_path: Path, shared_keyring: Path, postgres) -> None:
    url = postgres.create_database(f"team_{os.getpid()}_{random.randrange(10**6)}")
    run_two_services(tmp_path, shared_keyring, url, 500)
