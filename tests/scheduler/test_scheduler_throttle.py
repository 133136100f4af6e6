"""One send at a time per account, a cap per platform, a token bucket fed by rate-limit headers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sched_fakepds import FakePds
from sched_helpers import add_account, bulk_targets, open_workspace, run_due, target_rows

from essplanner.publishers.base import RateLimitInfo
from essplanner.scheduler import PublishingService, ServiceConfig
from essplanner.scheduler.throttle import Throttle
from essplanner.timeutil import FakeClock

T0 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def test_one_send_per_account_and_a_cap_per_platform() -> None:
    throttle = Throttle(ServiceConfig(platform_concurrency=2,
                                      platform_limits={"telegram": 1}), FakeClock(T0))
    assert throttle.try_acquire(1, "bluesky")
    assert not throttle.try_acquire(1, "bluesky")  # that account is busy
    assert throttle.try_acquire(2, "bluesky")
    assert not throttle.try_acquire(3, "bluesky")  # bluesky is at its cap
    assert throttle.try_acquire(4, "telegram")
    assert not throttle.try_acquire(5, "telegram")
    assert throttle.full_platforms() == {"bluesky", "telegram"}
    throttle.release(1, "bluesky")
    assert throttle.try_acquire(3, "bluesky")
    assert throttle.busy_accounts() == {2, 3, 4}


def test_the_bucket_honours_retry_after_and_an_empty_window() -> None:
    clock = FakeClock(T0)
    throttle = Throttle(ServiceConfig(), clock)
    throttle.on_rate_limit(1, "x", RateLimitInfo(retry_after=30))
    assert not throttle.try_acquire(1, "x")
    assert throttle.next_ready() == T0 + timedelta(seconds=30)
    clock.advance(timedelta(seconds=30))
    assert throttle.try_acquire(1, "x")
    throttle.release(1, "x")
    reset = T0 + timedelta(minutes=15)
    throttle.on_rate_limit(1, "x", RateLimitInfo(limit=300, remaining=0, reset_at=reset))
    assert throttle.blocked_until(1) == reset
    throttle.on_rate_limit(2, "x", RateLimitInfo(limit=300, remaining=12, reset_at=reset))
    assert throttle.try_acquire(2, "x")  # tokens left: no wait
    clock.set(reset)
    assert throttle.try_acquire(1, "x")
    # A header asking for days is not believed beyond 24 hours.
    throttle.on_rate_limit(3, "x", RateLimitInfo(retry_after=10 * 86400))
    assert throttle.blocked_until(3) == clock.now() + timedelta(hours=24)


def test_a_steady_rate_per_account_when_configured() -> None:
    clock = FakeClock(T0)
    throttle = Throttle(ServiceConfig(platform_rates={"telegram": (1.0, 2.0)}), clock)
    for _ in range(2):  # the burst
        assert throttle.try_acquire(7, "telegram")
        throttle.release(7, "telegram")
    assert not throttle.try_acquire(7, "telegram")
    assert throttle.next_ready() == T0 + timedelta(seconds=1)
    clock.advance(timedelta(seconds=1))
    assert throttle.try_acquire(7, "telegram")


def test_config_from_settings_ignores_what_it_does_not_know(caplog) -> None:
    config = ServiceConfig.from_mapping({
        "lease_seconds": 5, "workers": "3", "platform_limits": {"x": 2},
        "platform_rates": {"telegram": [1, 3]}, "bogus": 1, "max_attempts": -2})
    assert config.lease_seconds == 5.0 and config.workers == 3
    assert config.platform_cap("x") == 2 and config.platform_cap("other") == 4
    assert config.platform_rates == {"telegram": (1.0, 3.0)}
    assert config.max_attempts == 10
    assert "bogus" in caplog.text and "max_attempts" in caplog.text


def test_backoff_grows_exponentially_with_jitter_and_a_ceiling() -> None:
    config = ServiceConfig(backoff_base_seconds=30, backoff_max_seconds=3600,
                           backoff_jitter=0.2)
    for attempt, base in ((1, 30), (2, 60), (3, 120), (8, 3600), (40, 3600)):
        values = [config.backoff(attempt) for _ in range(50)]
        assert all(base * 0.8 <= v <= base * 1.2 for v in values)
        assert len(set(values)) > 1  # jittered


def test_sends_never_overlap_per_account_and_respect_the_platform_cap(paths, clock) -> None:
    pds = FakePds(now=clock.now, latency=0.05).start()
    ws = open_workspace(paths, clock, platform_concurrency=2, workers=8)
    service = PublishingService(ws)
    try:
        accounts = [add_account(ws, pds, f"A{i}") for i in range(4)]
        bulk_targets(ws, accounts, [clock.now()] * 16)
        run_due(service)
        assert {r.state for r in target_rows(ws)} == {"published"}
        assert pds.state.max_active_per_did == 1
        assert pds.state.max_active == 2
        assert len(pds.records()) == 16 and not pds.duplicates()
    finally:
        service.stop()
        ws.close()
        pds.stop()
