"""Time: an injectable clock, aware UTC everywhere, local time only for display.

Daylight-saving rules (documented in the README):
- a local time that does not exist (02:30 in Europe/Paris on the spring-forward
  day) is refused with a message naming the gap;
- a local time that happens twice (02:30 on the fall-back day) means the
  **first** occurrence, still in summer time; give an explicit offset
  (``+01:00``) for the second one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from essplanner.errors import ValidationError
from essplanner.i18n import _


class Clock:
    """The real time, in UTC. Tests pass a :class:`FakeClock` instead."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        import time as _time

        return _time.monotonic()


class FakeClock(Clock):
    """A clock that moves only when told to (thread-safe)."""

    def __init__(self, start: datetime) -> None:
        require_aware(start)
        self._now = start.astimezone(UTC)
        self._mono = 1000.0
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def monotonic(self) -> float:
        with self._lock:
            return self._mono

    def advance(self, delta: timedelta) -> None:
        with self._lock:
            self._now += delta
            self._mono += delta.total_seconds()

    def set(self, when: datetime) -> None:
        require_aware(when)
        with self._lock:
            self._mono += (when - self._now).total_seconds()
            self._now = when.astimezone(UTC)


def require_aware(value: datetime) -> datetime:
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise ValueError(f"naive datetime {value.isoformat()} refused: give a time zone")
    return value


def local_zone_name() -> str:
    """The system's IANA zone name (UTC if it cannot be told)."""
    try:
        import tzlocal

        name = str(tzlocal.get_localzone_name() or "UTC")
    except Exception:  # tzlocal raises various errors on odd systems
        name = "UTC"
    return name


def get_zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or local_zone_name())
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(_("Unknown time zone {name!r}.", name=name)) from exc


@dataclass(frozen=True)
class ParsedTime:
    """A time read from user input: the UTC instant, and a note when we interpreted it."""

    utc: datetime
    note: str = ""


def localize(naive: datetime, zone: tzinfo) -> ParsedTime:
    """Attach ``zone`` to a wall-clock time, refusing gaps and resolving folds."""
    zone_name = str(zone)
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    round_trip = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if round_trip != naive:
        raise ValidationError(
            _(
                "{when} does not exist in {zone}: the clocks jump forward that night "
                "(daylight saving time). Choose another time, for example {suggestion}.",
                when=naive.strftime("%Y-%m-%d %H:%M"),
                zone=zone_name,
                suggestion=(naive + timedelta(hours=1)).strftime("%H:%M"),
            )
        )
    if first.utcoffset() != second.utcoffset():
        return ParsedTime(
            first.astimezone(UTC),
            _(
                "{when} happens twice in {zone} (clocks go back); the first one "
                "(UTC{offset}) was used. Give an explicit offset for the other.",
                when=naive.strftime("%Y-%m-%d %H:%M"),
                zone=zone_name,
                offset=_format_offset(first),
            ),
        )
    return ParsedTime(first.astimezone(UTC))


def _format_offset(value: datetime) -> str:
    offset = value.utcoffset() or timedelta(0)
    total = int(offset.total_seconds() // 60)
    sign = "+" if total >= 0 else "-"
    return f"{sign}{abs(total) // 60:02d}:{abs(total) % 60:02d}"


def parse_user_datetime(text: str, zone_name: str | None) -> ParsedTime:
    """Read an ISO 8601 date-time; without an offset it is wall-clock time in the zone."""
    raw = text.strip()
    if raw.endswith(("Z", "z")):
        raw = raw[:-1] + "+00:00"
    try:
        value = datetime.fromisoformat(raw)
    except ValueError as exc:
        raise ValidationError(
            _("{text!r} is not a date and time; use for example 2026-12-03T10:00+01:00.",
              text=text)
        ) from exc
    if value.tzinfo is not None:
        return ParsedTime(value.astimezone(UTC))
    zone = get_zone(zone_name)
    parsed = localize(value, zone)
    note = _("{text} has no UTC offset; it was read in the time zone {zone}.",
             text=text, zone=str(zone))
    return ParsedTime(parsed.utc, f"{note} {parsed.note}".strip())


def parse_user_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise ValidationError(_("{text!r} is not a date; use YYYY-MM-DD.", text=text)) from exc


def day_bounds(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """The UTC instants where a local calendar day starts and ends (DST-aware)."""
    start = datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
    return start, end


def to_utc_iso(value: datetime | None) -> str | None:
    """ISO 8601 in UTC with a ``Z`` (the command line's JSON format)."""
    if value is None:
        return None
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


ClockLike = Clock
NowFn = Callable[[], datetime]
