"""Settings of the publishing service: leases, back-off, concurrency, timeouts.

Defaults suit a laptop or an always-on machine. They can be changed in
``settings.json`` under ``"extra": {"service": {...}}`` (the tests use this to
shorten leases and back-off instead of letting time pass).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServiceConfig:
    """How the publishing service behaves. All durations are in seconds."""

    #: how long a claim holds without renewal; a send renews it every quarter of this
    lease_seconds: float = 60.0
    #: the sweep job's period: changes by other processes, expired leases, missed targets
    sweep_seconds: float = 30.0
    #: retryable failures before a target is given up as ``failed``
    max_attempts: int = 10
    backoff_base_seconds: float = 30.0
    backoff_max_seconds: float = 3600.0
    #: the back-off is multiplied by a random factor in [1 - jitter, 1 + jitter]
    backoff_jitter: float = 0.2
    #: threads sending at once (one target at a time per account in any case)
    workers: int = 8
    #: sends at once on one platform, across its accounts
    platform_concurrency: int = 4
    #: per-platform overrides of ``platform_concurrency``
    platform_limits: Mapping[str, int] = field(default_factory=dict)
    #: steady rate per account, by platform: (posts per second, burst); headers refine it
    platform_rates: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    http_connect_timeout: float = 10.0
    http_read_timeout: float = 60.0
    #: one request as a whole (connect, upload, the whole answer); uploads get more time
    #: by their size. A send cut by it after its request left is ambiguous (looked up).
    http_deadline_seconds: float = 120.0
    #: on stop, how long the sends in flight may finish; then their requests are cut
    #: (ambiguous, looked up before any re-send) and the service ends
    stop_grace_seconds: float = 10.0
    #: a target whose outcome cannot be checked (platform unreachable) for this long after
    #: its send becomes ``unconfirmed``
    verify_give_up_seconds: float = 3600.0
    #: how long to keep trying to record an outcome when the database is unavailable
    record_retry_seconds: float = 60.0
    #: due targets read per dispatch round
    batch_size: int = 100
    #: due targets of one account claimed together, then sent one after the other
    account_prefetch: int = 8

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any] | None) -> ServiceConfig:
        """A config from a settings mapping; unknown or invalid entries are logged and ignored."""
        if not values:
            return cls()
        known = {f.name: f for f in fields(cls)}
        chosen: dict[str, Any] = {}
        for key, value in values.items():
            spec = known.get(key)
            if spec is None:
                log.warning("unknown publishing service setting %r ignored", key)
                continue
            default = getattr(cls(), key)
            try:
                chosen[key] = _coerce(key, default, value)
            except (TypeError, ValueError) as exc:
                log.warning("publishing service setting %r=%r ignored: %s", key, value, exc)
        return cls(**chosen)

    def platform_cap(self, platform: str) -> int:
        return max(1, int(self.platform_limits.get(platform, self.platform_concurrency)))

    @property
    def renew_seconds(self) -> float:
        return max(0.05, self.lease_seconds / 4)

    def backoff(self, attempt: int, *, rng: random.Random | None = None) -> float:
        """Seconds to wait after the ``attempt``-th failed try (1-based): exponential, jittered."""
        exponent = max(0, attempt - 1)
        base = min(self.backoff_max_seconds, self.backoff_base_seconds * (2.0 ** min(exponent, 30)))
        spread = max(0.0, min(1.0, self.backoff_jitter))
        factor = 1.0 + (rng or random).uniform(-spread, spread)
        return max(0.0, base * factor)


def _coerce(key: str, default: Any, value: Any) -> Any:
    if key == "platform_limits":
        if not isinstance(value, Mapping):
            raise TypeError("expected a mapping of platform to a number")
        return {str(k): max(1, int(v)) for k, v in value.items()}
    if key == "platform_rates":
        if not isinstance(value, Mapping):
            raise TypeError("expected a mapping of platform to [rate, burst]")
        return {str(k): (float(v[0]), float(v[1])) for k, v in value.items()}
    if isinstance(default, int):
        count = int(value)
        if count < 1:
            raise ValueError("must be at least 1")
        return count
    seconds = float(value)
    if seconds < 0:
        raise ValueError("cannot be negative")
    return seconds
