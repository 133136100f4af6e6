"""A service that stops mid-send: its lease runs out and another one finds out what happened.

The "dead" service is a second :class:`DeliveryStore` owner that claims a target
(and may send it) without ever recording the outcome, as a killed process would.
"""

from __future__ import annotations

from datetime import timedelta
from typing import ClassVar

import pytest
from sched_fakepds import FakePds
from sched_helpers import add_account, run_due, schedule, target
from sched_loopsky import LoopskyPublisher

from essplanner.domain import DeliveryState
from essplanner.publishers import PublisherContext, PublishRequest, Receipt
from essplanner.publishers.base import BasePublisher
from essplanner.scheduler import PublishingService
from essplanner.scheduler.outcome import Claim
from essplanner.scheduler.store import DeliveryStore
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace

# a delivery outcome (failed, missed, unconfirmed, recovered) is logged as a warning by design
pytestmark = pytest.mark.expect_log(
    r"^target \d+ \(post \d+[^)]*\) (on .+ (failed|unconfirmed|publishing): |missed: |was being sent by a service that stopped)",
    logger="essplanner.scheduler.service")


class BlindSky(LoopskyPublisher):
    """The same platform, with no way to look a post up (BasePublisher's lookup)."""

    platform: ClassVar[str] = "blindsky"

    def lookup(self, request: PublishRequest, context: PublisherContext) -> Receipt | None:
        return BasePublisher.lookup(self, request, context)


def dead_claim(ws: Workspace, *, send: bool) -> Claim:
    """Claim every due target as a service that then dies (optionally after sending)."""
    dead = PublishingService(ws, worker_id="dead-host:1:abc")
    now = ws.clock.now()
    due = dead.store.due(now)
    [claim] = dead.store.claim(due, now, now + timedelta(seconds=dead.config.lease_seconds))
    if send:
        outcome = dead.sender.send(claim)
        assert outcome.state is DeliveryState.PUBLISHED  # sent, never recorded
    dead.sender.close()
    return claim


def test_crash_after_the_post_reached_the_platform_is_published_without_resending(
        ws: Workspace, pds: FakePds, clock: FakeClock, service: PublishingService) -> None:
    account = add_account(ws, pds, "Asso")
    post = schedule(ws, account)
    dead_claim(ws, send=True)
    assert target(ws, post).state is DeliveryState.PUBLISHING
    run_due(service)  # the lease still holds: hands off
    assert target(ws, post).state is DeliveryState.PUBLISHING
    clock.advance(timedelta(seconds=service.config.lease_seconds + 1))
    run_due(service)
    t = target(ws, post)
    assert t.state is DeliveryState.PUBLISHED
    [record] = pds.records().values()
    assert t.remote_id == f"at://{record.did}/app.bsky.feed.post/{record.rkey}"
    assert [a.outcome for a in t.attempts] == ["published"]
    assert t.attempts[0].worker == "dead-host:1:abc"
    assert len(pds.creates()) == 1 and not pds.duplicates()


def test_crash_before_the_post_left_is_proved_absent_and_sent_once(
        ws: Workspace, pds: FakePds, clock: FakeClock, service: PublishingService) -> None:
    account = add_account(ws, pds, "Asso")
    post = schedule(ws, account)
    dead_claim(ws, send=False)
    clock.advance(timedelta(seconds=service.config.lease_seconds + 1))
    run_due(service)
    t = target(ws, post)
    assert t.state is DeliveryState.PUBLISHED
    assert [a.outcome for a in t.attempts] == ["not_sent", "published"]
    assert len(pds.creates()) == 1


def test_crash_long_ago_before_sending_becomes_missed(
        ws: Workspace, pds: FakePds, clock: FakeClock, service: PublishingService) -> None:
    account = add_account(ws, pds, "Asso")
    post = schedule(ws, account)
    dead_claim(ws, send=False)
    clock.advance(timedelta(hours=3))  # the laptop crashed, and was off all afternoon
    run_due(service)
    t = target(ws, post)
    assert t.state is DeliveryState.MISSED
    assert pds.creates() == []


def test_crash_on_a_platform_that_cannot_tell_becomes_unconfirmed(
        ws: Workspace, pds: FakePds, clock: FakeClock, service: PublishingService) -> None:
    ws.registry.register("blindsky", BlindSky)
    pds.add_account("asso.test", "pw-123456")
    account = ws.accounts.add(platform="blindsky", name="Asso", handle="asso.test",
                              api_url=pds.url, secret="pw-123456")
    post = schedule(ws, account)
    dead_claim(ws, send=True)
    clock.advance(timedelta(seconds=service.config.lease_seconds + 1))
    events = []
    service.subscribe(events.append)
    run_due(service)
    t = target(ws, post)
    assert t.state is DeliveryState.UNCONFIRMED
    assert "stopped while sending" in t.last_error and "mark it as published or retry" in t.last_error
    assert [e.state for e in events] == [DeliveryState.UNCONFIRMED]
    assert len(pds.creates()) == 1
    # The user checked: it is there.
    done = ws.posts.mark_published(t.id, remote_url="https://example.test/p/1")
    assert done.targets[0].state is DeliveryState.PUBLISHED


def test_retry_of_an_unconfirmed_post_looks_it_up_first(
        ws: Workspace, pds: FakePds, clock: FakeClock, service: PublishingService) -> None:
    ws.registry.register("blindsky", BlindSky)
    account = add_account(ws, pds, "Asso")
    post = schedule(ws, account)
    dead_claim(ws, send=True)
    ws.registry.register("loopsky", BlindSky)  # cannot tell while recovering...
    clock.advance(timedelta(seconds=service.config.lease_seconds + 1))
    run_due(service)
    assert target(ws, post).state is DeliveryState.UNCONFIRMED
    ws.registry.register("loopsky", LoopskyPublisher)  # ...but can now
    ws.posts.retry(post.id)
    run_due(service)
    t = target(ws, post)
    assert t.state is DeliveryState.PUBLISHED
    assert len(pds.creates()) == 1 and not pds.duplicates()


def test_recovery_while_the_platform_is_unreachable_checks_again_later(
        ws: Workspace, pds: FakePds, clock: FakeClock, service: PublishingService) -> None:
    account = add_account(ws, pds, "Asso")
    post = schedule(ws, account)
    dead_claim(ws, send=True)
    pds.stop()
    clock.advance(timedelta(seconds=service.config.lease_seconds + 1))
    run_due(service)
    t = target(ws, post)
    assert t.state is DeliveryState.PUBLISHING
    assert "Checking whether it went out" in t.last_error
    pds.start()
    clock.advance(timedelta(seconds=service.config.backoff_max_seconds * 2))
    run_due(service)
    assert target(ws, post).state is DeliveryState.PUBLISHED
    assert len(pds.creates()) == 1


def test_recovery_gives_up_to_unconfirmed_when_the_platform_stays_unreachable(
        ws: Workspace, pds: FakePds, clock: FakeClock, service: PublishingService) -> None:
    account = add_account(ws, pds, "Asso")
    post = schedule(ws, account, minutes=0)
    dead_claim(ws, send=True)
    pds.stop()
    clock.advance(timedelta(seconds=service.config.verify_give_up_seconds + 10))
    run_due(service)
    t = target(ws, post)
    assert t.state is DeliveryState.UNCONFIRMED
    assert "cannot reach" in t.last_error


def test_a_live_lease_is_never_taken_over(ws: Workspace, pds: FakePds, clock: FakeClock,
                                          service: PublishingService) -> None:
    account = add_account(ws, pds, "Asso")
    schedule(ws, account)
    other = DeliveryStore(ws.db, owner="other")
    now = clock.now()
    [claim] = other.claim(other.due(now), now, now + timedelta(seconds=60))
    clock.advance(timedelta(seconds=59))
    assert service.recover() == 0
    assert service.dispatch() == 0
    # Its owner renews; still not taken after the first term.
    assert other.renew([claim.target_id], clock.now() + timedelta(seconds=60)) == 1
    clock.advance(timedelta(seconds=30))
    assert service.recover() == 0
    # And a stale owner cannot record an outcome over a lease it lost.
    clock.advance(timedelta(seconds=61))
    assert service.recover() == 1
    assert service.wait_idle(10)
    from essplanner.scheduler.outcome import Outcome, Result

    assert not other.finish(claim, Outcome(Result.PUBLISHED, DeliveryState.PUBLISHED),
                            clock.now())
