"""The publishing service against a hostile server: answers that trickle or never end.

A send never outlives its deadline, SIGTERM ends the service even while a server
trickles, and an endless answer never swells the service: the process stops reading
at the cap (its memory is read from /proc).
"""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest
from sched_fakepds import FakePds, Fault
from sched_helpers import (
    FAST,
    add_account,
    bulk_targets,
    run_due,
    schedule,
    service_env,
    start_service,
    target,
    target_rows,
    terminate,
    wait_until,
    write_settings,
)
from sched_loopsky import LoopskyPublisher
from test_scheduler_processes import shared_keyring, team_workspace  # noqa: F401 - fixture

from essplanner.credentials import MemoryStore
from essplanner.domain import DeliveryState
from essplanner.publishers.registry import Registry
from essplanner.scheduler import PublishingService
from essplanner.settings import Paths, Settings
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace

#: generous: only a send that hangs (what these tests guard against) comes near it
BOUND = 30.0


@pytest.mark.parametrize("kind", ["trickle", "stall"])
def test_a_trickling_answer_ends_the_send_at_its_deadline_and_the_post_goes_out_once(
        kind: str, paths: Paths, clock: FakeClock, pds: FakePds) -> None:
    """One byte every 2 s: the per-read timeout (5 s) never fires, the deadline does.

    ``trickle``: the post was created, then the answer trickles: the lookup proves it.
    ``stall``: nothing was stored: the send is ambiguous, looked up, then sent once.
    """
    ws = Workspace.open(
        paths=paths, clock=clock, secrets=MemoryStore(),
        settings=Settings(timezone="Europe/Paris",
                          extra={"service": {**FAST, "http_deadline_seconds": 2.0}}),
        registry=Registry(extra={"loopsky": LoopskyPublisher}))
    svc = PublishingService(ws)
    try:
        account = add_account(ws, pds, "Asso")
        post = schedule(ws, account)
        pds.inject(Fault(kind, seconds=2.0))
        started = time.monotonic()
        run_due(svc)
        assert time.monotonic() - started < BOUND
        t = target(ws, post)
        if kind == "trickle":
            assert t.state is DeliveryState.PUBLISHED
            assert [a.outcome for a in t.attempts] == ["published"]
        else:
            assert t.state is DeliveryState.SCHEDULED
            assert [a.outcome for a in t.attempts] == ["ambiguous"]
            assert t.last_error == ("no complete answer from 127.0.0.1 within 2 s: the post "
                                    "may or may not have been published.")
            clock.set(t.next_attempt_at)
            run_due(svc)
            assert target(ws, post).state is DeliveryState.PUBLISHED
        assert len(pds.records()) == 1 and not pds.duplicates()
    finally:
        svc.stop(timeout=10)
        ws.close()


# ---- the service as a process


def _rss(pid: int) -> int:
    """Resident memory of process ``pid`` in bytes, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError(f"no VmRSS for {pid}")


@pytest.mark.slow
def test_sigterm_ends_the_service_while_a_server_trickles_and_the_post_is_proved_later(
        tmp_path: Path, shared_keyring: Path) -> None:  # noqa: F811 - fixture
    """The deadline is long (120 s); SIGTERM cuts the send after a 1 s grace instead."""
    pds = FakePds().start()
    db_url = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    ws = team_workspace(tmp_path / "data", db_url)
    write_settings(tmp_path / "data", http_deadline_seconds=120.0, stop_grace_seconds=1.0)
    log = tmp_path / "svc.log"
    try:
        account = add_account(ws, pds, "Asso")
        bulk_targets(ws, [account], [ws.clock.now()])
        pds.inject(Fault("trickle", seconds=2.0))
        env = service_env(tmp_path, shared_keyring)
        proc = start_service(data_dir=tmp_path / "data", db_url=db_url, env=env, log=log)
        assert wait_until(lambda: len(pds.creates()) == 1, BOUND)  # the answer trickles now
        signalled = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        try:
            code = proc.wait(BOUND)
        except subprocess.TimeoutExpired:
            terminate(proc)
            raise
        assert time.monotonic() - signalled < BOUND < 120.0
        assert code == 0, log.read_text()
        [row] = target_rows(ws)
        assert row.state == "scheduled" and row.attempts == 1
        assert "stopped before 127.0.0.1 answered" in row.last_error
        assert "cutting 1 sends still in flight" in log.read_text()
        # The next service proves the post went out instead of sending it again.
        once = start_service(data_dir=tmp_path / "data", db_url=db_url, env=env, once=True,
                             log=log)
        assert once.wait(60) == 0
        [row] = target_rows(ws)
        assert row.state == "published"
        assert len(pds.creates()) == 1 and not pds.duplicates()
    finally:
        ws.close()
        pds.stop()


@pytest.mark.slow
def test_an_endless_answer_never_takes_the_service_100_mb_above_its_idle_size(
        tmp_path: Path, shared_keyring: Path) -> None:  # noqa: F811 - fixture
    pds = FakePds().start()
    db_url = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    ws = team_workspace(tmp_path / "data", db_url)
    log = tmp_path / "svc.log"
    proc = None
    try:
        account = add_account(ws, pds, "Asso")
        pds.inject(Fault("endless"))
        proc = start_service(data_dir=tmp_path / "data", db_url=db_url,
                             env=service_env(tmp_path, shared_keyring), log=log)
        assert wait_until(lambda: log.exists() and "service running" in log.read_text(), BOUND)
        idle = max(_rss(proc.pid) for _ in range(5))
        bulk_targets(ws, [account], [ws.clock.now()])
        peak = idle

        def answered() -> bool:
            nonlocal peak
            peak = max(peak, _rss(proc.pid))
            return pds.streamed()[1] == 1 and target_rows(ws)[0].attempts == 1 and (
                target_rows(ws)[0].state != "publishing")

        assert wait_until(answered, 120, interval=0.01), log.read_text()
        peak = max(peak, _rss(proc.pid))
        streamed, _ended = pds.streamed()
        assert peak - idle < 100_000_000, f"{(peak - idle) / 1e6:.0f} MB above idle"
        # It stopped reading at the cap: the rest never left the server.
        assert streamed < 64_000_000, f"{streamed / 1e6:.0f} MB streamed"
        [row] = target_rows(ws)
        assert row.state == "published"  # the cut answer was ambiguous; the lookup proved it
        assert len(pds.creates()) == 1
        assert terminate(proc) == 0
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()
        ws.close()
        pds.stop()
