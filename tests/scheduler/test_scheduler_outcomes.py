"""Outcomes of DESIGN.md §4 against a fake PDS on loopback, through the real requests stack.

Time is a FakeClock: back-off and Retry-After are checked by moving the clock, never
by waiting.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sched_fakepds import FakePds, Fault
from sched_helpers import add_account, open_workspace, run_due, schedule, target

from essplanner.domain import DeliveryState
from essplanner.scheduler import PublishingService
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace

# a delivery outcome (failed, missed, unconfirmed, recovered) is logged as a warning by design
pytestmark = pytest.mark.expect_log(
    r"^target \d+ \(post \d+[^)]*\) (on .+ (failed|unconfirmed|publishing): |missed: |was being sent by a service that stopped)",
    logger="essplanner.scheduler.service")


def test_a_due_post_is_published_with_its_remote_id_and_the_attempt_recorded(
        ws: Workspace, pds: FakePds, service: PublishingService) -> None:
    account = add_account(ws, pds, "Asso")
    post = schedule(ws, account, text="Collecte de jouets samedi")
    run_due(service)
    t = target(ws, post)
    assert t.state is DeliveryState.PUBLISHED
    assert t.remote_id and t.remote_id.startswith("at://did:plc:")
    assert t.remote_url and t.remote_url.endswith(f"/post/{t.remote_id.rsplit('/', 1)[1]}")
    assert t.published_at == ws.clock.now()
    [attempt] = t.attempts
    assert (attempt.outcome, attempt.http_status, attempt.error) == ("published", 200, "")
    assert attempt.duration_ms is not None and attempt.started_at == ws.clock.now()
    [call] = pds.creates()
    assert call.created and call.text == "Collecte de jouets samedi"
    assert service.counts["published"] == 1


def test_nothing_is_sent_before_its_time(ws: Workspace, pds: FakePds, clock: FakeClock,
                                          service: PublishingService) -> None:
    account = add_account(ws, pds, "Asso")
    post = schedule(ws, account, minutes=30)
    run_due(service)
    assert pds.creates() == []
    assert target(ws, post).state is DeliveryState.SCHEDULED
    clock.advance(timedelta(minutes=30))
    run_due(service)
    assert target(ws, post).state is DeliveryState.PUBLISHED


def test_429_with_retry_after_is_waited_out(ws: Workspace, pds: FakePds, clock: FakeClock,
                                            service: PublishingService) -> None:
    account = add_account(ws, pds, "Asso")
    post = schedule(ws, account)
    other = schedule(ws, account, text="Deuxième")
    pds.inject(Fault("429", seconds=120))
    start = clock.now()
    run_due(service)
    t = target(ws, post)
    assert t.state is DeliveryState.SCHEDULED
    assert t.next_attempt_at == start + timedelta(seconds=120)
    assert "Too many requests" in t.last_error
    assert [(a.outcome, a.http_status) for a in t.attempts] == [("retry", 429)]
    # The whole account waits: the rate limit is the account's, not the post's.
    assert target(ws, other).state is DeliveryState.SCHEDULED
    assert len(pds.creates()) == 1
    clock.advance(timedelta(seconds=119))
    run_due(service)
    assert len(pds.creates()) == 1
    clock.advance(timedelta(seconds=1))
    run_due(service)
    assert target(ws, post).state is DeliveryState.PUBLISHED
    assert target(ws, other).state is DeliveryState.PUBLISHED
    assert len(pds.records()) == 2 and not pds.duplicates()


def test_5xx_is_retried_with_growing_backoff_then_given_up(
        ws: Workspace, pds: FakePds, clock: FakeClock, paths) -> None:
    ws2 = open_workspace(paths, clock, max_attempts=3, backoff_base_seconds=60,
                         backoff_max_seconds=3600, backoff_jitter=0.2)
    svc = PublishingService(ws2)
    try:
        account = add_account(ws2, pds, "Asso")
        post = schedule(ws2, account)
        pds.inject(Fault("503"), Fault("503"), Fault("503"))
        delays = []
        for _ in range(2):
            before = clock.now()
            run_due(svc)
            t = target(ws2, post)
            assert t.state is DeliveryState.SCHEDULED
            assert "The server had a problem (503)" in t.last_error
            delays.append((t.next_attempt_at - before).total_seconds())
            clock.set(t.next_attempt_at)
        assert 48 <= delays[0] <= 72 and 96 <= delays[1] <= 144  # 60 s then 120 s, ±20 %
        run_due(svc)
        t = target(ws2, post)
        assert t.state is DeliveryState.FAILED
        assert t.last_error.startswith("Gave up after 3 attempts: The server had a problem (503)")
        assert [a.http_status for a in t.attempts] == [503, 503, 503]
        assert pds.records() == {}
    finally:
        svc.stop()
        ws2.close()


def test_503_then_success(ws: Workspace, pds: FakePds, clock: FakeClock,
                          service: PublishingService) -> None:
    account = add_account(ws, pds, "Asso")
    post = schedule(ws, account)
    pds.inject(Fault("503"))
    run_due(service)
    t = target(ws, post)
    assert t.state is DeliveryState.SCHEDULED and t.next_attempt_at > clock.now()
    clock.set(t.next_attempt_at)
    run_due(service)
    t = target(ws, post)
    assert t.state is DeliveryState.PUBLISHED
    # A 5xx to a send may follow its success: looked up (absent, by its key), sent again.
    assert [a.outcome for a in t.attempts] == ["ambiguous", "published"]
    assert len(pds.records()) == 1


def test_connection_refused_until_the_server_comes_up_then_sent_once(
        ws: Workspace, pds: FakePds, clock: FakeClock, service: PublishingService) -> None:
    account = add_account(ws, pds, "Asso")
    post = schedule(ws, account)
    pds.stop()
    for _ in range(3):
        run_due(service)
        t = target(ws, post)
        assert t.state is DeliveryState.SCHEDULED
        assert "cannot reach 127.0.0.1" in t.last_error
        clock.set(t.next_attempt_at)
    pds.start()  # same port
    run_due(service)
    t = target(ws, post)
    assert t.state is DeliveryState.PUBLISHED
    assert [a.outcome for a in t.attempts] == ["retry", "retry", "retry", "published"]
    assert len(pds.creates()) == 1 and len(pds.records()) == 1


def test_401_fails_the_target_and_flags_the_account_whose_other_posts_wait(
        ws: Workspace, pds: FakePds, clock: FakeClock, service: PublishingService) -> None:
    account = add_account(ws, pds, "Asso")
    first = schedule(ws, account, text="Un")
    second = schedule(ws, account, text="Deux", minutes=5)
    pds.inject(Fault("401"))
    run_due(service)
    t = target(ws, first)
    assert t.state is DeliveryState.FAILED
    assert "Token has been revoked" in t.last_error
    assert [(a.outcome, a.http_status) for a in t.attempts] == [("auth", 401)]
    flagged = ws.accounts.get(account.id)
    assert flagged.needs_reconnect and "Token has been revoked" in flagged.reconnect_reason

    clock.advance(timedelta(minutes=5))
    run_due(service)
    waiting = target(ws, second)
    assert waiting.state is DeliveryState.SCHEDULED
    assert waiting.attempts == ()
    assert waiting.last_error.startswith("Waiting: the account Asso must be reconnected")
    assert len(pds.creates()) == 1

    ws.accounts.set_secret(account.id, "app-pass-1234")  # reconnected
    run_due(service)
    assert target(ws, second).state is DeliveryState.PUBLISHED
    assert target(ws, first).state is DeliveryState.FAILED  # the user decides about that one


def test_a_permanent_refusal_fails_with_the_platforms_words(
        ws: Workspace, pds: FakePds, service: PublishingService) -> None:
    account = add_account(ws, pds, "Asso")
    post = schedule(ws, account)
    pds.revoke_sessions()
    pds.inject(Fault("expired"))  # the session expired: logged in again, then sent
    run_due(service)
    assert target(ws, post).state is DeliveryState.PUBLISHED
    post2 = schedule(ws, account, text="x" * 10)
    pds.state.accounts[f"{account.handle}"].password = "changed"
    pds.revoke_sessions()
    run_due(service)
    t = target(ws, post2)
    assert t.state is DeliveryState.FAILED
    assert "Invalid identifier or password" in t.last_error


def test_content_broken_after_scheduling_fails_with_the_reason_and_sends_nothing(
        ws: Workspace, pds: FakePds, service: PublishingService) -> None:
    from sqlalchemy import update

    from essplanner import models

    account = add_account(ws, pds, "Asso")
    post = schedule(ws, account)
    with ws.db.write() as s:  # e.g. an older version's text, or a limit lowered since
        s.execute(update(models.Post).where(models.Post.id == post.id).values(body="é" * 400))
    run_due(service)
    t = target(ws, post)
    assert t.state is DeliveryState.FAILED
    assert t.last_error.startswith("Not sent: The text is 400 characters long; Loopsky allows 300")
    assert [a.outcome for a in t.attempts] == ["invalid"]
    assert pds.creates() == []


def test_user_can_retry_reschedule_cancel_and_mark_published(
        ws: Workspace, pds: FakePds, clock: FakeClock, service: PublishingService) -> None:
    account = add_account(ws, pds, "Asso")
    post = schedule(ws, account)
    pds.inject(Fault("401"))
    run_due(service)
    ws.accounts.set_secret(account.id, "app-pass-1234")
    ws.posts.retry(post.id)
    run_due(service)
    assert target(ws, post).state is DeliveryState.PUBLISHED

    moved = schedule(ws, account, minutes=10)
    ws.posts.reschedule(moved.id, clock.now() + timedelta(hours=2))
    clock.advance(timedelta(minutes=10))
    run_due(service)
    assert target(ws, moved).state is DeliveryState.SCHEDULED
    cancelled = ws.posts.cancel(moved.id)
    assert cancelled.targets[0].state is DeliveryState.CANCELLED
    clock.advance(timedelta(hours=2))
    run_due(service)
    assert target(ws, moved).state is DeliveryState.CANCELLED
    assert len(pds.creates()) == 2


@pytest.mark.parametrize("kind", ["delay", "drop"])
def test_an_answer_lost_after_receipt_is_proved_by_lookup_not_resent(
        kind: str, paths, clock: FakeClock, pds: FakePds) -> None:
    ws = open_workspace(paths, clock, http_read_timeout=0.3)
    svc = PublishingService(ws)
    try:
        account = add_account(ws, pds, "Asso")
        post = schedule(ws, account)
        pds.inject(Fault(kind, seconds=1.5))
        run_due(svc)
        t = target(ws, post)
        assert t.state is DeliveryState.PUBLISHED
        [record] = pds.records().values()
        assert t.remote_id == f"at://{record.did}/app.bsky.feed.post/{record.rkey}"
        assert [a.outcome for a in t.attempts] == ["published"]
        assert len(pds.creates()) == 1
    finally:
        svc.stop()
        ws.close()


def test_a_request_lost_before_storage_is_looked_up_again_then_sent_once(
        ws: Workspace, pds: FakePds, clock: FakeClock, service: PublishingService) -> None:
    account = add_account(ws, pds, "Asso")
    post = schedule(ws, account)
    pds.inject(Fault("lose"))
    run_due(service)
    t = target(ws, post)
    assert t.state is DeliveryState.SCHEDULED
    assert [a.outcome for a in t.attempts] == ["ambiguous"]
    assert "may or may not have been published" in t.last_error
    clock.set(t.next_attempt_at)
    run_due(service)
    t = target(ws, post)
    assert t.state is DeliveryState.PUBLISHED
    assert len(pds.creates()) == 2 and len(pds.records()) == 1 and not pds.duplicates()


def test_a_locked_keyring_delays_the_post_without_blaming_the_account(
        ws: Workspace, pds: FakePds, clock: FakeClock, service: PublishingService,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from essplanner.errors import CredentialError

    account = add_account(ws, pds, "Asso")
    post = schedule(ws, account)

    def locked(*args: object, **kwargs: object) -> str:
        raise CredentialError("The keyring is locked: unlock it (your session password) and "
                              "try again.")

    monkeypatch.setattr(ws.secrets, "get", locked)
    run_due(service)
    t = target(ws, post)
    assert t.state is DeliveryState.SCHEDULED
    assert t.last_error.startswith("The keyring is locked")
    assert not ws.accounts.get(account.id).needs_reconnect
    assert pds.creates() == []
    monkeypatch.undo()
    clock.set(t.next_attempt_at)
    run_due(service)
    assert target(ws, post).state is DeliveryState.PUBLISHED
