"""Calendar periods (week, month, quarter, year) in the user's time zone.

A KPI's target holds for one of its periods: "3 000 € a month" is measured from
the 1st at midnight to the next 1st at midnight, local time. Periods are given as
local dates, ``[start, end)``; :func:`utc_bounds` turns them into the UTC instants
that stored times are compared with (daylight saving included). Weeks start on
Monday (ISO 8601), as French and most European calendars do.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from essplanner.domain import Period
from essplanner.i18n import _, language

CALENDAR_PERIODS = (Period.WEEK, Period.MONTH, Period.QUARTER, Period.YEAR)


@dataclass(frozen=True, order=True)
class DateRange:
    """Local calendar days ``[start, end)``."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError(f"empty range {self.start} .. {self.end}")

    @classmethod
    def inclusive(cls, first: date, last: date) -> DateRange:
        """From ``first`` to ``last``, both days included (what a user types)."""
        return cls(first, last + timedelta(days=1))

    @property
    def last(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day < self.end

    def overlap(self, other: DateRange) -> int:
        """How many days the two ranges share."""
        return max(0, (min(self.end, other.end) - max(self.start, other.start)).days)

    def utc(self, zone: tzinfo) -> tuple[datetime, datetime]:
        return utc_bounds(self.start, self.end, zone)


def utc_bounds(start: date, end: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """The UTC instants of local midnight on ``start`` and on ``end``."""
    return (
        datetime.combine(start, time(0), tzinfo=zone).astimezone(UTC),
        datetime.combine(end, time(0), tzinfo=zone).astimezone(UTC),
    )


def local_day(instant: datetime, zone: tzinfo) -> date:
    return instant.astimezone(zone).date()


def period_start(day: date, period: Period) -> date:
    """First day of the calendar ``period`` holding ``day``."""
    if period is Period.WEEK:
        return day - timedelta(days=day.weekday())
    if period is Period.MONTH:
        return day.replace(day=1)
    if period is Period.QUARTER:
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if period is Period.YEAR:
        return date(day.year, 1, 1)
    raise ValueError(f"{period} is not a calendar period")


def _add_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def next_start(start: date, period: Period) -> date:
    """First day of the period after the one that starts on ``start``."""
    if period is Period.WEEK:
        return start + timedelta(days=7)
    if period is Period.MONTH:
        return _add_months(start, 1)
    if period is Period.QUARTER:
        return _add_months(start, 3)
    if period is Period.YEAR:
        return date(start.year + 1, 1, 1)
    raise ValueError(f"{period} is not a calendar period")


def period_of(day: date, period: Period) -> DateRange:
    """The calendar period holding ``day``."""
    start = period_start(day, period)
    return DateRange(start, next_start(start, period))


def periods_overlapping(span: DateRange, period: Period) -> list[DateRange]:
    """Whole calendar periods that share at least one day with ``span``, in order."""
    found = []
    start = period_start(span.start, period)
    while start < span.end:
        end = next_start(start, period)
        found.append(DateRange(start, end))
        start = end
    return found


def last_periods(day: date, period: Period, count: int) -> list[DateRange]:
    """The ``count`` periods ending with the one holding ``day``, oldest first."""
    current = period_of(day, period)
    found = [current]
    while len(found) < count:
        start = period_start(found[0].start - timedelta(days=1), period)
        found.insert(0, DateRange(start, found[0].start))
    return found


def weeks(span: DateRange) -> Iterator[DateRange]:
    """Monday-to-Sunday weeks covering ``span`` (the first and last may stick out)."""
    yield from periods_overlapping(span, Period.WEEK)


def elapsed_fraction(span: DateRange, now: datetime, zone: tzinfo) -> float:
    """How much of ``span`` has passed at ``now``: 0 before it, 1 after it."""
    start, end = span.utc(zone)
    if now <= start:
        return 0.0
    if now >= end:
        return 1.0
    return (now - start) / (end - start)


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def month_name(month: int) -> str:
    names = (_("January"), _("February"), _("March"), _("April"), _("May"), _("June"),
             _("July"), _("August"), _("September"), _("October"), _("November"),
             _("December"))
    return names[month - 1]


def label(span: DateRange, period: Period | None = None) -> str:
    """A short name for a period: "W48 2026", "November 2026", "Q4 2026", "2026".

    Without ``period`` (or for a campaign), the dates: "1 Nov 2026 – 30 Nov 2026".
    """
    if period is Period.WEEK:
        iso = span.start.isocalendar()
        return _("W{week} {year}", week=f"{iso.week:02d}", year=iso.year)
    if period is Period.MONTH:
        return _("{month} {year}", month=month_name(span.start.month), year=span.start.year)
    if period is Period.QUARTER:
        return _("Q{quarter} {year}", quarter=(span.start.month - 1) // 3 + 1,
                 year=span.start.year)
    if period is Period.YEAR:
        return str(span.start.year)
    return _("{first} to {last}", first=day_text(span.start), last=day_text(span.last))


def day_text(day: date, *, year: bool = True) -> str:
    """"3 November 2026" / « 3 novembre 2026 », « 1er novembre »."""
    number = "1er" if day.day == 1 and language() == "fr" else str(day.day)
    if not year:
        return _("{day} {month}", day=number, month=month_name(day.month))
    return _("{day} {month} {year}", day=number, month=month_name(day.month), year=day.year)


def week_label(week: DateRange) -> str:
    """Column title of a week: "W48 · 23 Nov"."""
    iso = week.start.isocalendar()
    return _("W{week}", week=f"{iso.week:02d}") + " · " + day_text(week.start, year=False)


def week_short(week: DateRange) -> str:
    """A narrow column title: "W48 23/11"."""
    iso = week.start.isocalendar()
    return _("W{week}", week=f"{iso.week:02d}") + " " + week.start.strftime("%d/%m")
