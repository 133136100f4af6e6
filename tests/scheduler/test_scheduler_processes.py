"""The headless service as real processes: the command line, SIGTERM, SIGKILL, team mode.

The services find the test publisher through an ``essplanner.publishers`` entry point
(a ``*.dist-info`` on their PYTHONPATH) and read the accounts' secrets through the
production keyring code (a file-backed keyring backend shared with the test).
"""

from __future__ import annotations

import os
import queue
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


def sender_pid(ws: Workspace, key: str) -> int | None:
    """The process holding the lease of the target with idempotency key ``key``."""
    from sqlalchemy import select

    from essplanner import models

    with ws.db.read() as s:
        owner = s.scalar(select(models.Target.lease_owner)
                         .where(models.Target.idempotency_key == key))
    return int(owner.split(":")[1]) if owner else None


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
    # The server holds the stored record's answer until the signal is sent: in flight for sure.
    answer, held = threading.Event(), threading.Event()

    def hold_created(call: CreateCall, point: str) -> threading.Event | None:
        if point != "created":
            return None
        held.set()
        return answer

    pds = FakePds(on_point=hold_created).start()
    db_url = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    ws = team_workspace(tmp_path / "data", db_url)
    try:
        account = add_account(ws, pds, "Asso")
        bulk_targets(ws, [account], [ws.clock.now()])
        proc = start_service(data_dir=tmp_path / "data", db_url=db_url,
                             env=service_env(tmp_path, shared_keyring), log=tmp_path / "svc.log")
        assert held.wait(60)  # the request is at the server, its record stored
        proc.send_signal(signal.SIGTERM)
        assert wait_until(lambda: "waiting for 1 sends in flight"
                          in (tmp_path / "svc.log").read_text(), 30)
        assert proc.poll() is None  # still waiting for the answer
        answer.set()
        assert proc.wait(30) == 0
        [row] = target_rows(ws)
        assert row.state == "published"
        log = (tmp_path / "svc.log").read_text()
        assert "waiting for 1 sends in flight" in log
    finally:
        answer.set()
        ws.close()
        pds.stop()


# ---- crashes


def test_sigkill_at_random_moments_never_sends_twice_nor_loses_a_post(
        tmp_path: Path, shared_keyring: Path) -> None:
    """200 targets due at once; services killed with SIGKILL again and again.

    Every other kill is driven to a chosen point inside a send, whatever the machine's
    load: the fake server holds the service's request there (read and nothing stored;
    or stored and not yet answered, the worst moment), the test kills the service while
    it is held, then the server goes on. The other kills come at a random moment soon
    after the service sent its first posts. Services are forked from a zygote
    (sched_zygote) so that a restart takes tens of milliseconds; the last one is a plain
    ``python -m essplanner service``.
    """
    from sched_zygote import Zygote

    rng = random.Random(os.environ.get("ESSPLANNER_TEST_SEED", "crash"))
    lock = threading.Lock()
    plan: dict[str, str | int | None] = {"point": None, "after": None}
    held: queue.Queue[tuple[str, str, threading.Event]] = queue.Queue()
    kills: list[str] = []

    def hold_at_point(call: CreateCall, point: str) -> threading.Event | None:
        # In the server, at each point of each createRecord: hold the chosen one.
        with lock:
            if plan["point"] != point or plan["after"] is None:
                return None
            after = int(plan["after"])
            if after > 0:
                plan["after"] = after - 1
                return None
            plan.update(point=None, after=None)
        release = threading.Event()
        held.put((point, call.rkey, release))
        return release

    pds = FakePds(latency=0.01, on_point=hold_at_point).start()
    db_url = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    ws = team_workspace(tmp_path / "data", db_url)
    env = service_env(tmp_path, shared_keyring)
    zygote = Zygote(env, tmp_path / "svc.log")
    argv = ["--lang", "en", "--data-dir", str(tmp_path / "data"), "--db", db_url, "service"]
    try:
        accounts = [add_account(ws, pds, f"A{i}") for i in range(5)]
        bulk_targets(ws, accounts, [ws.clock.now()] * 200)
        for cycle in range(20):
            assert not all_final(ws), f"everything was sent after {cycle} kills"
            pid = zygote.spawn(argv)
            if cycle % 2 == 0:
                point = ("received", "created")[cycle // 2 % 2]
                with lock:
                    plan.update(point=point, after=rng.randrange(0, 4))
                # Waits for the server to hold a request of this service (no timing bet).
                got, rkey, release = held.get(timeout=120)
                while sender_pid(ws, rkey) != pid:  # a late request of a killed service
                    release.set()
                    with lock:
                        plan.update(point=point, after=0)
                    got, rkey, release = held.get(timeout=120)
                os.kill(pid, signal.SIGKILL)
                assert zygote.wait(pid) == -signal.SIGKILL
                release.set()
                kills.append(f"mid-send {got}")
            else:
                before = len(pds.creates())
                wait_until(lambda b=before: len(pds.creates()) > b, 60, interval=0.005)
                threading.Event().wait(rng.uniform(0.0, 0.02))  # a random moment after
                os.kill(pid, signal.SIGKILL)
                assert zygote.wait(pid) == -signal.SIGKILL
                kills.append("random")
        assert kills.count("mid-send received") == 5
        assert kills.count("mid-send created") == 5  # between the server's receipt and answer
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
