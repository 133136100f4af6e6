"""Team mode on a real PostgreSQL server: services and editors on one database."""

from __future__ import annotations

import os
import random
import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sched_fakepds import FakePds
from sched_helpers import add_account, bulk_targets, target_rows, wait_until
from sched_loopsky import LoopskyPublisher
from sqlalchemy import update

from essplanner import models
from essplanner.credentials import MemoryStore
from essplanner.domain import DeliveryState, PostDraft
from essplanner.errors import ConflictError
from essplanner.publishers.registry import Registry
from essplanner.scheduler import PublishingService
from essplanner.settings import Paths, Settings
from essplanner.timeutil import Clock
from essplanner.workspace import Workspace

pytestmark = pytest.mark.peer


@pytest.fixture
def pg_ws(postgres, tmp_path) -> Iterator[Workspace]:
    from sched_helpers import FAST

    url = postgres.create_database(f"t_{os.getpid()}_{random.randrange(10**9)}")
    ws = Workspace.open(paths=Paths.resolve(tmp_path / "data"), db_url=url, clock=Clock(),
                        settings=Settings(timezone="Europe/Paris", extra={"service": FAST}),
                        secrets=MemoryStore(), registry=Registry(extra={"loopsky": LoopskyPublisher}))
    yield ws
    ws.close()


def test_services_racing_in_threads_send_each_target_once(pg_ws: Workspace) -> None:
    pds = FakePds().start()
    services = [PublishingService(pg_ws, worker_id=f"svc-{i}") for i in range(3)]
    try:
        accounts = [add_account(pg_ws, pds, f"A{i}") for i in range(6)]
        bulk_targets(pg_ws, accounts, [pg_ws.clock.now() - timedelta(seconds=1)] * 120)
        barrier = threading.Barrier(len(services))

        def race(service: PublishingService) -> None:
            barrier.wait()
            wait_until(lambda: not service.dispatch() and service.wait_idle(10)
                       and all(r.state != "scheduled" for r in target_rows(pg_ws)), 60)

        threads = [threading.Thread(target=race, args=(s,)) for s in services]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        for service in services:
            assert service.wait_idle(30)
        rows = target_rows(pg_ws)
        assert {r.state for r in rows} == {"published"}
        assert len(pds.records()) == 120 and pds.duplicates() == []
        assert sum(r.attempts for r in rows) == 120
    finally:
        for service in services:
            service.stop()
        pds.stop()


def _waiting_on_a_lock(postgres) -> bool:
    import psycopg

    with psycopg.connect(f"host=127.0.0.1 port={postgres.port} user=postgres dbname=postgres",
                         autocommit=True) as conn:
        row = conn.execute("SELECT count(*) FROM pg_stat_activity "
                           "WHERE wait_event_type = 'Lock'").fetchone()
        return bool(row and row[0])


def test_cancel_waits_for_a_claim_in_progress_and_then_refuses(pg_ws: Workspace,
                                                                postgres) -> None:
    account = pg_ws.accounts.add(platform="dryrun", name="Essai")
    post = pg_ws.posts.create(PostDraft(body="x", account_ids=(account.id,)),
                              scheduled_at=pg_ws.clock.now() + timedelta(minutes=1),
                              schedule=True)
    target_id = post.targets[0].id
    outcome: dict[str, object] = {}

    def cancel() -> None:
        try:
            outcome["post"] = pg_ws.posts.cancel(post.id)
        except ConflictError as exc:
            outcome["error"] = exc

    with pg_ws.db.write() as s:  # a service's claim, not yet committed
        s.execute(update(models.Target).where(models.Target.id == target_id,
                                              models.Target.state == "scheduled")
                  .values(state="publishing", lease_owner="svc",
                          lease_until=pg_ws.clock.now() + timedelta(minutes=1)))
        editor = threading.Thread(target=cancel)
        editor.start()
        assert wait_until(lambda: _waiting_on_a_lock(postgres), 10)
    editor.join(10)
    assert "being sent right now" in str(outcome.get("error"))
    assert pg_ws.posts.get(post.id).targets[0].state is DeliveryState.PUBLISHING
