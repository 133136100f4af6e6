"""Recurrence rules of recurring posts: RFC 5545 RRULE strings, computed in local time.

A series is a rule, a local start (date and wall-clock time) and a time zone. Occurrences
are computed by :mod:`dateutil.rrule` on naive local date-times, then each one is
converted to UTC on its own, so a weekly Monday 09:00 stays 09:00 on both sides of a
daylight-saving change. A monthly rule on the 31st skips the months without one (RFC 5545;
:func:`describe` says so) rather than drifting to the 30th.

Wall-clock times that do not exist (02:30 on the spring-forward night) are moved forward by
the length of the gap, as RFC 5545 §3.3.5 asks; a time that happens twice means the first.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from essplanner.errors import ValidationError

if TYPE_CHECKING:
    from dateutil import rrule as du  # type: ignore[import-untyped]
from essplanner.i18n import _, n_

#: frequencies the editor offers (the others, hourly and below, make no sense for posts)
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
#: parts of a rule we understand; the time of day comes from the series, never the rule
_ALLOWED = frozenset({"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH",
                      "BYSETPOS", "WKST"})
#: a rule's computation stops after this many occurrences (a guard, not a limit users meet)
MAX_SCAN = 5000


class MonthlyMode(enum.StrEnum):
    """How a monthly rule picks its day: the same day number, or "the second Tuesday"."""

    DAY = "day"
    WEEKDAY = "weekday"


@dataclass(frozen=True)
class Rule:
    """A checked recurrence rule: its RRULE text (without ``RRULE:``) and its parts."""

    text: str
    freq: str
    interval: int = 1
    count: int | None = None
    until: date | None = None
    byday: tuple[str, ...] = ()
    bymonthday: tuple[int, ...] = ()
    bymonth: tuple[int, ...] = ()

    def parts(self) -> dict[str, str]:
        return _split(self.text)


def _split(text: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for chunk in text.split(";"):
        if not chunk.strip():
            continue
        name, sep, value = chunk.partition("=")
        if not sep or not value.strip():
            raise ValidationError(_("{part!r} is not a part of a repeat rule (NAME=value).",
                                    part=chunk))
        parts[name.strip().upper()] = value.strip().upper()
    return parts


def _join(parts: dict[str, str]) -> str:
    order = ["FREQ", "INTERVAL", "BYMONTH", "BYMONTHDAY", "BYDAY", "BYSETPOS", "WKST",
             "COUNT", "UNTIL"]
    return ";".join(f"{k}={parts[k]}" for k in sorted(parts, key=order.index))


def parse_rule(text: str) -> Rule:
    """Check and normalise an RRULE (``FREQ=WEEKLY;BYDAY=MO;COUNT=10``; an ``RRULE:``
    prefix is accepted). A mistake gets a one-line :class:`ValidationError`."""
    raw = (text or "").strip()
    if raw.upper().startswith("RRULE:"):
        raw = raw[6:]
    parts = _split(raw)
    unknown = sorted(set(parts) - _ALLOWED)
    if unknown:
        raise ValidationError(_("The repeat rule cannot use {parts}: the time of day comes "
                                "from the post.", parts=", ".join(unknown)))
    freq = parts.get("FREQ", "")
    if freq not in FREQUENCIES:
        raise ValidationError(_("A repeat rule needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY."))
    if "COUNT" in parts and "UNTIL" in parts:
        raise ValidationError(_("A repeat rule ends by a date or after a number of times, "
                                "not both."))
    interval = _positive(parts.get("INTERVAL", "1"), "INTERVAL")
    count = _positive(parts["COUNT"], "COUNT") if "COUNT" in parts else None
    until = None
    if "UNTIL" in parts:
        value = parts["UNTIL"]
        try:
            until = datetime.strptime(value[:8], "%Y%m%d").date()
        except ValueError as exc:
            raise ValidationError(_("UNTIL={value} is not a date (YYYYMMDD).",
                                    value=value)) from exc
        parts["UNTIL"] = until.strftime("%Y%m%d")
    byday = tuple(d for d in parts.get("BYDAY", "").split(",") if d)
    for day in byday:
        if day.lstrip("+-0123456789") not in WEEKDAYS:
            raise ValidationError(_("BYDAY={value} is not a day of the week (MO, TU, 2TU...).",
                                    value=day))
    monthdays = tuple(_int(v, "BYMONTHDAY") for v in parts.get("BYMONTHDAY", "").split(",") if v)
    months = tuple(_int(v, "BYMONTH") for v in parts.get("BYMONTH", "").split(",") if v)
    if interval == 1:
        parts.pop("INTERVAL", None)
    else:
        parts["INTERVAL"] = str(interval)
    normal = _join(parts)
    from dateutil import rrule as du  # loaded when a rule is read, not at the app's start

    try:  # dateutil has the last word on what the rule means
        du.rrulestr(normal, dtstart=datetime(2000, 1, 1))
    except (ValueError, TypeError) as exc:
        raise ValidationError(_("The repeat rule {rule!r} is not valid: {error}",
                                rule=text, error=str(exc))) from exc
    return Rule(text=normal, freq=freq, interval=interval, count=count, until=until,
                byday=byday, bymonthday=monthdays, bymonth=months)


def _int(value: str, name: str) -> int:
    try:
        return int(value)
    except ValueError as exc:
        raise ValidationError(_("{name}={value} is not a number.", name=name,
                                value=value)) from exc


def _positive(value: str, name: str) -> int:
    number = _int(value, name)
    if number < 1:
        raise ValidationError(_("{name} must be 1 or more.", name=name))
    return number


def build_rule(*, freq: str, interval: int = 1, weekdays: Sequence[str] = (),
               monthly: MonthlyMode = MonthlyMode.DAY, start: date | None = None,
               count: int | None = None, until: date | None = None) -> Rule:
    """The rule the editor's "Repeat" section describes. A monthly rule by weekday uses
    the start's weekday and its rank in the month ("second Tuesday": ``BYDAY=2TU``; the
    fifth becomes "last": ``-1TU``)."""
    parts: dict[str, str] = {"FREQ": freq.upper()}
    if interval > 1:
        parts["INTERVAL"] = str(interval)
    if freq.upper() == "WEEKLY" and weekdays:
        parts["BYDAY"] = ",".join(d for d in WEEKDAYS if d in set(weekdays))
    if freq.upper() == "MONTHLY" and start is not None:
        if monthly is MonthlyMode.WEEKDAY:
            rank = (start.day - 1) // 7 + 1
            parts["BYDAY"] = f"{-1 if rank == 5 else rank}{WEEKDAYS[start.weekday()]}"
        else:
            parts["BYMONTHDAY"] = str(start.day)
    if count is not None:
        parts["COUNT"] = str(count)
    elif until is not None:
        parts["UNTIL"] = until.strftime("%Y%m%d")
    return parse_rule(_join(parts))


def with_until(rule: Rule, until: date) -> Rule:
    """``rule`` ending on ``until`` (inclusive): what splitting a series leaves the old one."""
    parts = rule.parts()
    parts.pop("COUNT", None)
    parts["UNTIL"] = until.strftime("%Y%m%d")
    return parse_rule(_join(parts))


def with_count(rule: Rule, count: int | None) -> Rule:
    parts = rule.parts()
    parts.pop("COUNT", None)
    if count is not None:
        parts.pop("UNTIL", None)
        parts["COUNT"] = str(count)
    return parse_rule(_join(parts))


def _rrule(rule: Rule, start: datetime) -> du.rrule:
    from dateutil import rrule as du

    parts = rule.parts()
    until = parts.pop("UNTIL", None)
    text = _join(parts)
    result = du.rrulestr(text, dtstart=start)
    assert isinstance(result, du.rrule)
    if until is not None:  # the whole last day counts, whatever the time of day
        end = datetime.strptime(until, "%Y%m%d") + timedelta(days=1) - timedelta(seconds=1)
        result = result.replace(until=end)
    return result


def local_occurrences(rule: Rule, start: datetime, *, after: datetime | None = None,
                      before: datetime | None = None,
                      limit: int | None = None) -> list[datetime]:
    """The naive local date-times of ``rule`` from ``start`` (naive local), the first one
    being ``start`` when it matches; only those ``>= after`` and ``< before``, at most
    ``limit`` of them. COUNT counts from ``start``, whatever ``after`` says."""
    if start.tzinfo is not None:
        raise ValueError("local_occurrences works on naive local times")
    found: list[datetime] = []
    for scanned, when in enumerate(_rrule(rule, start)):
        if scanned >= MAX_SCAN or (before is not None and when >= before):
            break
        if after is not None and when < after:
            continue
        found.append(when)
        if limit is not None and len(found) >= limit:
            break
    return found


def to_utc(local: datetime, zone: tzinfo) -> datetime:
    """A wall-clock time in ``zone`` as aware UTC: a time that does not exist moves
    forward by the gap (02:30 → 03:30), one that happens twice is the first."""
    first = local.replace(tzinfo=zone, fold=0)
    round_trip = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if round_trip != local:
        # in a gap: RFC 5545 §3.3.5 uses the offset from before the gap
        before = (local - timedelta(hours=3)).replace(tzinfo=zone)
        return (local.replace(tzinfo=UTC) - (before.utcoffset() or timedelta(0))).astimezone(UTC)
    return first.astimezone(UTC)


def occurrences_utc(rule: Rule, start: datetime, zone: str, *, after: datetime | None = None,
                    before: datetime | None = None,
                    limit: int | None = None) -> list[tuple[datetime, datetime]]:
    """``(local, utc)`` pairs of the occurrences whose UTC instant is in
    ``[after, before)`` (aware bounds), at most ``limit``."""
    tz = ZoneInfo(zone)
    # local bounds a day wide of the UTC ones: offsets never exceed a day
    lo = after.astimezone(tz).replace(tzinfo=None) - timedelta(days=1) if after else None
    hi = before.astimezone(tz).replace(tzinfo=None) + timedelta(days=1) if before else None
    pairs: list[tuple[datetime, datetime]] = []
    for local in local_occurrences(rule, start, after=lo, before=hi):
        utc = to_utc(local, tz)
        if (after is not None and utc < after) or (before is not None and utc >= before):
            continue
        pairs.append((local, utc))
        if limit is not None and len(pairs) >= limit:
            break
    return pairs


def is_occurrence(rule: Rule, start: datetime, local: datetime) -> bool:
    return local in local_occurrences(rule, start, after=local, before=local + timedelta(
        seconds=1))


# ---- words


def _weekday_names() -> dict[str, str]:
    return {"MO": _("Monday"), "TU": _("Tuesday"), "WE": _("Wednesday"),
            "TH": _("Thursday"), "FR": _("Friday"), "SA": _("Saturday"), "SU": _("Sunday")}


def _rank(n: int) -> str:
    return {1: _("first"), 2: _("second"), 3: _("third"), 4: _("fourth"),
            -1: _("last")}.get(n, str(n))


def _days_text(days: Iterable[str]) -> str:
    names = _weekday_names()
    return ", ".join(names[d] for d in days)


def describe(rule: Rule, at: time, *, start: date | None = None) -> str:
    """The rule for people: "Every Monday at 09:00, 10 times" (in the current language)."""
    hhmm = at.strftime("%H:%M")
    plain = [d for d in rule.byday if d in WEEKDAYS]
    ranked = [d for d in rule.byday if d not in WEEKDAYS]
    n = rule.interval
    if rule.freq == "DAILY":
        head = n_("Every day at {time}", "Every {n} days at {time}", n, time=hhmm)
    elif rule.freq == "WEEKLY":
        if not plain and start is not None:
            plain = [WEEKDAYS[start.weekday()]]
        head = n_("Every {days} at {time}", "Every {n} weeks on {days} at {time}", n,
                  days=_days_text(plain), time=hhmm)
    elif rule.freq == "MONTHLY":
        if ranked:
            day = ranked[0]
            wd = day.lstrip("+-0123456789")
            head = n_("The {rank} {day} of every month at {time}",
                      "The {rank} {day} of every {n} months at {time}", n,
                      rank=_rank(int(day[: -len(wd)])), day=_weekday_names()[wd], time=hhmm)
        else:
            monthday = rule.bymonthday[0] if rule.bymonthday else (start.day if start else 1)
            head = n_("Every month on day {day} at {time}",
                      "Every {n} months on day {day} at {time}", n, day=monthday, time=hhmm)
            if monthday > 28:
                head += " " + _("(months without that day are skipped)")
    else:
        when = start.strftime("%d/%m") if start is not None else ""
        head = n_("Every year on {date} at {time}", "Every {n} years on {date} at {time}", n,
                  date=when, time=hhmm)
    if rule.count is not None:
        return n_("{rule}, once", "{rule}, {n} times", rule.count, rule=head)
    if rule.until is not None:
        return _("{rule}, until {date}", rule=head, date=rule.until.strftime("%d/%m/%Y"))
    return head
