"""The APScheduler side, on the real clock: jobs, wake-up on time, lease renewal, stop."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sched_fakepds import FakePds
from sched_helpers import add_account, open_workspace, wait_until

from essplanner import models
from essplanner.domain import DeliveryState, PostDraft
from essplanner.scheduler import PublishingService
from essplanner.scheduler.jobs import RENEWAL, SWEEP, WAKEUP
from essplanner.timeutil import Clock, FakeClock
from essplanner.workspace import Workspace


@pytest.fixture
def real(paths) -> Iterator[tuple[Workspace, FakePds]]:
    pds = FakePds().start()
    ws = open_workspace(paths, Clock(), sweep_seconds=30)
    yield ws, pds
    ws.close()
    pds.stop()


def state_of(ws: Workspace, post_id: int) -> DeliveryState:
    return ws.posts.get(post_id).targets[0].state


def test_jobs_have_stable_ids_and_boring_defaults(real) -> None:
    ws, pds = real
    account = add_account(ws, pds, "Asso")
    ws.posts.create(PostDraft(body="plus tard", account_ids=(account.id,)),
                    scheduled_at=ws.clock.now() + timedelta(hours=1), schedule=True)
    ticks = threading.Event()
    service = PublishingService(ws, extra_jobs=[("metrics", 0.05, ticks.set)])
    service.start()
    try:
        scheduler = service.jobs.scheduler
        assert wait_until(lambda: scheduler.get_job(WAKEUP) is not None, 5)
        jobs = {job.id: job for job in scheduler.get_jobs()}
        assert set(jobs) == {SWEEP, RENEWAL, WAKEUP, "metrics"}
        for job in jobs.values():
            assert (job.coalesce, job.max_instances, job.misfire_grace_time) == (True, 1, None)
        assert str(scheduler.timezone) == "UTC"
        wake = jobs[WAKEUP].next_run_time
        assert abs((wake - (datetime.now(UTC) + timedelta(hours=1))).total_seconds()) < 5
        assert ticks.wait(5)
    finally:
        service.stop()


def test_a_post_scheduled_while_running_goes_out_on_time(real) -> None:
    ws, pds = real
    account = add_account(ws, pds, "Asso")
    service = PublishingService(ws)
    service.start()
    try:
        due = ws.clock.now() + timedelta(seconds=1)
        post = ws.posts.create(PostDraft(body="à l’heure", account_ids=(account.id,)),
                               scheduled_at=due, schedule=True)
        assert wait_until(lambda: state_of(ws, post.id) is DeliveryState.PUBLISHED, 10)
        [attempt] = ws.posts.get(post.id).targets[0].attempts
        late = (attempt.started_at - due).total_seconds()
        assert 0 <= late < 1.0
    finally:
        service.stop()


def test_moving_a_post_earlier_replaces_the_wakeup(real) -> None:
    ws, pds = real
    account = add_account(ws, pds, "Asso")
    service = PublishingService(ws)
    service.start()
    try:
        post = ws.posts.create(PostDraft(body="déplacé", account_ids=(account.id,)),
                               scheduled_at=ws.clock.now() + timedelta(hours=2), schedule=True)
        ws.posts.reschedule(post.id, ws.clock.now() + timedelta(seconds=0.5))
        assert wait_until(lambda: state_of(ws, post.id) is DeliveryState.PUBLISHED, 10)
    finally:
        service.stop()


def test_a_long_send_renews_its_lease_and_is_not_taken_over(paths, clock: FakeClock) -> None:
    """Driven, not timed: the server holds the record until the test lets it answer, and
    the service's clock moves only when the test moves it. Each step moves it by 3/4 of a
    lease, waits until the renewal job has pushed the lease past the new time, then asks
    a rival service to take over: three steps outlive the first lease twice over."""
    answer = threading.Event()
    held = threading.Event()

    def hold_created(call, point: str) -> threading.Event | None:
        if point != "created":
            return None
        held.set()
        return answer

    pds = FakePds(on_point=hold_created).start()
    lease = 2.0
    ws = open_workspace(paths, clock, lease_seconds=lease)
    service = PublishingService(ws)
    rival = PublishingService(ws, worker_id="rival")
    try:
        account = add_account(ws, pds, "Asso")
        post = ws.posts.create(PostDraft(body="long", account_ids=(account.id,)),
                               scheduled_at=ws.clock.now(), schedule=True)
        service.start()
        assert held.wait(10), "the send never reached the server"

        def lease_until() -> datetime | None:
            with ws.db.read() as s:
                row = s.get(models.Target, post.targets[0].id)
                assert row is not None
                return None if row.lease_until is None else row.lease_until.replace(tzinfo=UTC)

        first = lease_until()
        assert first is not None
        for _step in range(3):
            clock.advance(timedelta(seconds=lease * 0.75))
            renewed_to = clock.now() + timedelta(seconds=lease)
            assert wait_until(lambda at=renewed_to: (lease_until() or first) >= at, 10), \
                "the lease was not renewed while the send was in flight"
            assert rival.recover() == 0
        assert clock.now() > first  # the first lease alone would have run out
        answer.set()
        assert wait_until(lambda: state_of(ws, post.id) is DeliveryState.PUBLISHED, 10)
        assert len(pds.creates()) == 1
        assert rival.recover() == 0
    finally:
        answer.set()
        service.stop()
        rival.stop()
        ws.close()
        pds.stop()


def test_stop_lets_the_send_in_flight_finish(paths) -> None:
    """The server holds the created record's answer until the stop has begun."""
    answer, held = threading.Event(), threading.Event()

    def hold_created(call, point: str) -> threading.Event | None:
        if point != "created":
            return None
        held.set()
        return answer

    pds = FakePds(on_point=hold_created).start()
    ws = open_workspace(paths, Clock())
    service = PublishingService(ws)
    stopped: list[bool] = []
    try:
        account = add_account(ws, pds, "Asso")
        post = ws.posts.create(PostDraft(body="fin", account_ids=(account.id,)),
                               scheduled_at=ws.clock.now(), schedule=True)
        service.start()
        assert held.wait(10)
        stopper = threading.Thread(target=lambda: stopped.append(
            service.stop(wait=True, timeout=10)))
        stopper.start()
        stopper.join(0.3)
        assert not stopped, "stop returned while a send was still in flight"
        answer.set()
        stopper.join(15)
        assert stopped == [True]
        assert state_of(ws, post.id) is DeliveryState.PUBLISHED
    finally:
        answer.set()
        ws.close()
        pds.stop()


def test_dryrun_accounts_publish_to_their_journal(paths, clock) -> None:
    import json

    ws = open_workspace(paths, clock)
    service = PublishingService(ws)
    try:
        account = ws.accounts.add(platform="dryrun", name="Essai")
        post = ws.posts.create(PostDraft(body="Essai à blanc", account_ids=(account.id,)),
                               scheduled_at=clock.now(), schedule=True)
        service.dispatch()
        assert service.wait_idle(10)
        t = ws.posts.get(post.id).targets[0]
        assert t.state is DeliveryState.PUBLISHED
        assert t.remote_id and t.remote_id.startswith("dryrun:")
        journal = ws.paths.plugin_data_dir / "dryrun" / "dryrun" / f"{account.id}.jsonl"
        [line] = journal.read_text(encoding="utf-8").splitlines()
        assert json.loads(line)["text"] == "Essai à blanc"
    finally:
        service.stop()
        ws.close()
