"""Asleep, missed, grace; daylight-saving times at scheduling and at sending."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sched_fakepds import FakePds, Fault
from sched_helpers import add_account, open_workspace, run_due, schedule, target

from essplanner.domain import DeliveryState, PostDraft
from essplanner.errors import ValidationError
from essplanner.scheduler import PublishingService
from essplanner.timeutil import FakeClock, parse_user_datetime
from essplanner.workspace import Workspace

# a delivery outcome (failed, missed, unconfirmed, recovered) is logged as a warning by design
pytestmark = pytest.mark.expect_log(
    r"^target \d+ \(post \d+[^)]*\) (on .+ (failed|unconfirmed|publishing): |missed: |was being sent by a service that stopped)",
    logger="essplanner.scheduler.service")


def test_started_10_minutes_late_within_the_grace_it_is_sent_once(
        ws: Workspace, pds: FakePds, clock: FakeClock, service: PublishingService) -> None:
    account = add_account(ws, pds, "Asso", grace_minutes=60)
    post = schedule(ws, account, minutes=5)
    clock.advance(timedelta(minutes=15))  # the laptop slept through 10:05; it is 10:15
    run_due(service)
    run_due(service)
    t = target(ws, post)
    assert t.state is DeliveryState.PUBLISHED
    assert len(pds.creates()) == 1


def test_started_3_hours_late_it_is_missed_not_sent_and_the_user_is_asked(
        ws: Workspace, pds: FakePds, clock: FakeClock, service: PublishingService) -> None:
    account = add_account(ws, pds, "Asso", grace_minutes=60)
    post = schedule(ws, account, minutes=5)
    events = []
    service.subscribe(events.append)
    clock.advance(timedelta(hours=3, minutes=5))
    run_due(service)
    t = target(ws, post)
    assert t.state is DeliveryState.MISSED
    assert t.attempts == ()
    assert pds.creates() == []
    # Local times in the message (Europe/Paris, UTC+1 in November).
    assert "it was due at 2026-11-27 10:05" in t.last_error
    assert "until 2026-11-27 13:05" in t.last_error and "60 minutes" in t.last_error
    assert [(e.state, e.needs_attention) for e in events] == [(DeliveryState.MISSED, True)]
    assert service.counts["missed"] == 1
    # "Publish now"
    ws.posts.retry(post.id)
    run_due(service)
    assert target(ws, post).state is DeliveryState.PUBLISHED
    assert len(pds.creates()) == 1


def test_the_grace_period_is_the_accounts(ws: Workspace, pds: FakePds, clock: FakeClock,
                                          service: PublishingService) -> None:
    strict = add_account(ws, pds, "Strict", grace_minutes=5)
    relaxed = add_account(ws, pds, "Relaxed", grace_minutes=60)
    a = schedule(ws, strict)
    b = schedule(ws, relaxed)
    clock.advance(timedelta(minutes=10))
    run_due(service)
    assert target(ws, a).state is DeliveryState.MISSED
    assert target(ws, b).state is DeliveryState.PUBLISHED


def test_a_retry_time_slept_through_is_missed_too(
        ws: Workspace, pds: FakePds, clock: FakeClock, service: PublishingService) -> None:
    account = add_account(ws, pds, "Asso")
    post = schedule(ws, account)
    pds.inject(Fault("503"))
    run_due(service)
    retry_at = target(ws, post).next_attempt_at
    assert retry_at is not None
    clock.set(retry_at + timedelta(hours=2))  # the same process, suspended with the laptop
    run_due(service)
    assert target(ws, post).state is DeliveryState.MISSED
    assert len(pds.creates()) == 1


def test_posts_waiting_for_a_reconnection_are_missed_if_it_comes_too_late(
        ws: Workspace, pds: FakePds, clock: FakeClock, service: PublishingService) -> None:
    account = add_account(ws, pds, "Asso")
    first = schedule(ws, account, text="Un")
    second = schedule(ws, account, text="Deux")
    pds.inject(Fault("401"))
    run_due(service)
    assert target(ws, first).state is DeliveryState.FAILED
    assert target(ws, second).state is DeliveryState.SCHEDULED
    clock.advance(timedelta(hours=3))  # reconnected in the afternoon
    ws.accounts.set_secret(account.id, "app-pass-1234")
    run_due(service)
    assert target(ws, second).state is DeliveryState.MISSED
    assert len(pds.creates()) == 1


def test_posts_waiting_for_their_turn_are_not_missed(
        ws: Workspace, pds: FakePds, clock: FakeClock, service: PublishingService) -> None:
    account = add_account(ws, pds, "Asso", grace_minutes=1)
    first = schedule(ws, account, text="Un")
    second = schedule(ws, account, text="Deux")
    pds.inject(Fault("429", seconds=300))  # the account must wait 5 minutes
    run_due(service)
    assert target(ws, second).state is DeliveryState.SCHEDULED  # seen in time, waiting
    clock.advance(timedelta(seconds=300))
    run_due(service)
    assert target(ws, first).state is DeliveryState.PUBLISHED
    assert target(ws, second).state is DeliveryState.PUBLISHED


def test_0230_on_the_spring_forward_night_is_refused_at_scheduling() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_user_datetime("2027-03-28T02:30", "Europe/Paris")
    message = str(caught.value)
    assert "2027-03-28 02:30 does not exist in Europe/Paris" in message
    assert "clocks jump forward" in message and "03:30" in message


def test_cli_refuses_the_missing_time_and_stores_nothing(
        tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    from essplanner.cli.main import main

    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text('{"timezone": "Europe/Paris"}')
    base = ["--lang", "en", "--data-dir", str(data)]
    from essplanner.settings import Paths
    from essplanner.workspace import Workspace as W

    w = W.open(paths=Paths.resolve(data))
    w.accounts.add(platform="dryrun", name="Essai")
    w.close()
    code = main([*base, "post", "add", "--text", "Bonjour", "--at", "2027-03-28T02:30",
                 "--account", "Essai"])
    err = capsys.readouterr().err
    assert code == 2
    assert "does not exist in Europe/Paris" in err
    assert main([*base, "post", "list", "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"


def test_0230_on_the_fall_back_night_is_the_first_one_and_sent_then(
        paths, pds: FakePds) -> None:
    clock = FakeClock(datetime(2026, 10, 24, 12, 0, tzinfo=UTC))
    pds.now = clock.now
    ws = open_workspace(paths, clock)
    service = PublishingService(ws)
    try:
        account = add_account(ws, pds, "Asso")
        parsed = parse_user_datetime("2026-10-25T02:30", "Europe/Paris")
        assert parsed.utc == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # CEST, UTC+2
        assert "happens twice" in parsed.note and "first one (UTC+02:00)" in parsed.note
        post = ws.posts.create(PostDraft(body="Heure d’hiver", account_ids=(account.id,)),
                               scheduled_at=parsed.utc, schedule=True)
        clock.set(datetime(2026, 10, 25, 0, 29, 59, tzinfo=UTC))
        run_due(service)
        assert pds.creates() == []
        clock.set(datetime(2026, 10, 25, 0, 30, tzinfo=UTC))
        run_due(service)
        assert target(ws, post).state is DeliveryState.PUBLISHED
        clock.set(datetime(2026, 10, 25, 1, 30, tzinfo=UTC))  # 02:30 again, in CET
        run_due(service)
        assert len(pds.creates()) == 1
        # The second 02:30 is reachable with an explicit offset.
        second = parse_user_datetime("2026-10-25T02:30+01:00", "Europe/Paris")
        assert second.utc == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    finally:
        service.stop()
        ws.close()
