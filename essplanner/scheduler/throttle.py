"""Who may send now. The one place where publishing is throttled (STYLE habit 8).

- one target at a time per account (posts of one account go out in order, and a
  platform never sees two of our requests for one account at once);
- at most ``platform_cap`` sends at once per platform, across its accounts;
- a token bucket per account: a steady rate if the platform is configured with
  one, refined by what the platform's rate-limit headers say (``Retry-After``;
  nothing left until the window resets).
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from essplanner.publishers.base import RateLimitInfo
from essplanner.scheduler.config import ServiceConfig
from essplanner.timeutil import Clock

#: never believe a rate-limit header that asks to wait longer than this
MAX_BLOCK = timedelta(hours=24)


@dataclass
class Bucket:
    """Tokens of one account. ``rate`` None means no steady limit: only the headers count."""

    rate: float | None
    capacity: float
    tokens: float
    updated: datetime
    blocked_until: datetime | None = None

    def _refill(self, now: datetime) -> None:
        if self.rate is not None and now > self.updated:
            gained = (now - self.updated).total_seconds() * self.rate
            self.tokens = min(self.capacity, self.tokens + gained)
        self.updated = max(self.updated, now)

    def ready_at(self, now: datetime) -> datetime | None:
        """When the next send may go (None: now)."""
        if self.blocked_until is not None and self.blocked_until > now:
            return self.blocked_until
        self._refill(now)
        if self.rate is None or self.tokens >= 1:
            return None
        return now + timedelta(seconds=(1 - self.tokens) / self.rate)

    def take(self, now: datetime) -> None:
        self._refill(now)
        if self.rate is not None:
            self.tokens -= 1

    def observe(self, info: RateLimitInfo, now: datetime) -> None:
        until: datetime | None = None
        if info.retry_after is not None and info.retry_after > 0:
            until = now + timedelta(seconds=info.retry_after)
        elif info.remaining is not None and info.remaining <= 0 and info.reset_at is not None:
            until = info.reset_at
        if until is None:
            return
        until = min(until, now + MAX_BLOCK)
        if self.blocked_until is None or until > self.blocked_until:
            self.blocked_until = until


class Throttle:
    """Admission to send, per account and per platform. Thread-safe."""

    def __init__(self, config: ServiceConfig, clock: Clock) -> None:
        self.config = config
        self.clock = clock
        self._lock = threading.Lock()
        self._busy: set[int] = set()
        self._running: Counter[str] = Counter()
        self._buckets: dict[int, Bucket] = {}

    def _bucket(self, account_id: int, platform: str) -> Bucket:
        bucket = self._buckets.get(account_id)
        if bucket is None:
            rate, burst = self.config.platform_rates.get(platform, (0.0, 1.0))
            bucket = Bucket(rate=rate or None, capacity=max(1.0, burst), tokens=max(1.0, burst),
                            updated=self.clock.now())
            self._buckets[account_id] = bucket
        return bucket

    def try_acquire(self, account_id: int, platform: str) -> bool:
        """Take the account's turn, a platform slot and a token, or nothing."""
        now = self.clock.now()
        with self._lock:
            if account_id in self._busy:
                return False
            if self._running[platform] >= self.config.platform_cap(platform):
                return False
            bucket = self._bucket(account_id, platform)
            if bucket.ready_at(now) is not None:
                return False
            bucket.take(now)
            self._busy.add(account_id)
            self._running[platform] += 1
            return True

    def take(self, account_id: int, platform: str) -> bool:
        """A token for the next send of an account that already has its turn."""
        now = self.clock.now()
        with self._lock:
            bucket = self._bucket(account_id, platform)
            if bucket.ready_at(now) is not None:
                return False
            bucket.take(now)
            return True

    def release(self, account_id: int, platform: str) -> None:
        with self._lock:
            if account_id in self._busy:
                self._busy.discard(account_id)
                self._running[platform] -= 1

    def busy_accounts(self) -> set[int]:
        with self._lock:
            return set(self._busy)

    def full_platforms(self) -> set[str]:
        with self._lock:
            return {p for p, n in self._running.items() if n >= self.config.platform_cap(p)}

    def next_ready(self) -> datetime | None:
        """The earliest future time at which a waiting bucket allows a send."""
        now = self.clock.now()
        with self._lock:
            times = [t for b in self._buckets.values() if (t := b.ready_at(now)) is not None]
        return min(times) if times else None

    def on_rate_limit(self, account_id: int, platform: str, info: RateLimitInfo) -> None:
        """What the platform's headers said after a request of this account."""
        with self._lock:
            self._bucket(account_id, platform).observe(info, self.clock.now())

    def blocked_until(self, account_id: int) -> datetime | None:
        now = self.clock.now()
        with self._lock:
            bucket = self._buckets.get(account_id)
            return bucket.ready_at(now) if bucket is not None else None
