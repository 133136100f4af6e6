"""Recurring posts and the publishing service: asleep for days, never a burst."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sched_fakepds import FakePds
from sched_helpers import add_account, run_due

from essplanner import domain
from essplanner.domain import DeliveryState, PostDraft
from essplanner.scheduler import PublishingService
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace

pytestmark = pytest.mark.expect_log(
    r"^target \d+ \(post \d+[^)]*\) missed: ", logger="essplanner.scheduler.service")

PARIS = ZoneInfo("Europe/Paris")


def _daily(ws: Workspace, account: domain.Account) -> list[domain.Post]:
    # the clock says 2026-11-27 10:00 in Paris: every day at 10:30, from today
    _series, posts = ws.series.create(
        PostDraft(body="La question du jour", account_ids=(account.id,)),
        rule="FREQ=DAILY", start=datetime(2026, 11, 27, 10, 30, tzinfo=PARIS))
    return posts


def _states(ws: Workspace, posts: list[domain.Post]) -> list[DeliveryState]:
    return [ws.posts.get(p.id).targets[0].state for p in posts]


def test_asleep_10_days_each_missed_occurrence_is_missed_and_one_goes_out_late(
        ws: Workspace, pds: FakePds, clock: FakeClock, service: PublishingService) -> None:
    account = add_account(ws, pds, "Asso", grace_minutes=60)
    posts = _daily(ws, account)
    assert len(posts) == 56
    # the laptop sleeps from 10:00 on the 27th to 11:00 on December 7th
    clock.advance(timedelta(days=10, hours=1))
    service.extend_series()  # the sweep on waking: the horizon rolls, never into the past
    state = ws.series.state([posts[0].series_id or 0])
    made = [p for p in state.posts if p.id not in {q.id for q in posts}]
    assert len(made) == 11 and all(p.scheduled_at > clock.now() for p in made)  # type: ignore[operator]
    assert len({p.occurrence for p in state.posts}) == len(state.posts)
    for _round in range(3):
        run_due(service)
    states = _states(ws, posts[:12])
    assert states[:10] == [DeliveryState.MISSED] * 10  # the 27th to the 6th: past the grace
    assert states[10] is DeliveryState.PUBLISHED  # the 7th, 30 minutes late: within it
    assert states[11] is DeliveryState.SCHEDULED  # tomorrow's
    assert len(pds.creates()) == 1
    missed = ws.posts.get(posts[0].id).targets[0]
    assert "it was due at 2026-11-27 10:30" in missed.last_error
    assert missed.attempts == ()


def test_with_a_long_grace_only_the_latest_occurrence_goes_out_late(
        ws: Workspace, pds: FakePds, clock: FakeClock, service: PublishingService) -> None:
    account = add_account(ws, pds, "Asso", grace_minutes=3 * 24 * 60)
    posts = _daily(ws, account)
    clock.advance(timedelta(days=10, hours=1))
    for _round in range(3):
        run_due(service)
    states = _states(ws, posts[:12])
    # the 5th and 6th are within three days too, but only the 7th goes out: no burst
    assert states[:10] == [DeliveryState.MISSED] * 10
    assert states[10] is DeliveryState.PUBLISHED
    assert len(pds.creates()) == 1
    superseded = ws.posts.get(posts[9].id).targets[0]
    assert "a later occurrence of the series went out instead" in superseded.last_error
    assert service.counts["missed"] == 10
