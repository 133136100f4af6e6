"""Awareness days: the shipped list and days imported from iCalendar files.

A day is one date or a yearly rule (iCalendar RRULE, expanded with ``dateutil`` for the
shown period only). Each has a UID: importing a file twice, or the shipped list after
an upgrade, adds only what is missing and updates what changed, never a duplicate.
A malformed file is refused as a whole, with the line where it goes wrong.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from importlib import resources
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from essplanner import domain, models
from essplanner.datafiles import DataError, Table, read_toml, unique
from essplanner.domain import Change, ObjectiveKind, Segment
from essplanner.errors import NotFoundError, ValidationError
from essplanner.i18n import _, language
from essplanner.services.base import Service

log = logging.getLogger(__name__)

#: the largest iCalendar file read (a country's holidays for decades is well under this)
MAX_ICS_BYTES = 5 * 1024 * 1024
SHIPPED_SOURCE = "essplanner"


@dataclass(frozen=True)
class DayInput:
    """An awareness day as read from a file, before it is stored."""

    uid: str
    name: str
    start_day: date
    rrule: str = ""
    offset_days: int = 0
    description: str = ""
    personas: tuple[str, ...] = ()
    objectives: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportResult:
    """What an import did: days added, days updated, days already there, VEVENTs skipped
    (with a time: they are not days)."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0


def to_day(row: models.AwarenessDay) -> domain.AwarenessDay:
    return domain.AwarenessDay(id=row.id, uid=row.uid, name=row.name, start_day=row.start_day,
                               rrule=row.rrule, offset_days=row.offset_days,
                               source=row.source, description=row.description,
                               personas=tuple(row.personas or ()),
                               objectives=tuple(row.objectives or ()))


def occurrences(day: domain.AwarenessDay | DayInput, start: date, end: date) -> list[date]:
    """The dates of ``day`` with ``start`` <= date < ``end``."""
    if not day.rrule:
        return [day.start_day] if start <= day.start_day < end else []
    from dateutil.rrule import rrulestr  # type: ignore[import-untyped]

    shift = timedelta(days=day.offset_days)
    rule = rrulestr(day.rrule, dtstart=datetime.combine(day.start_day, datetime.min.time()))
    lo = datetime.combine(start - shift, datetime.min.time())
    hi = datetime.combine(end - shift, datetime.min.time()) - timedelta(microseconds=1)
    return [d.date() + shift for d in rule.between(lo, hi, inc=True)]


def day_marks(s: Session, start: date, end: date) -> dict[date, tuple[domain.DayMark, ...]]:
    """The awareness days of ``start`` <= date < ``end`` (rules expanded), by date."""
    rows = s.scalars(select(models.AwarenessDay).where(
        (models.AwarenessDay.rrule != "") | (
            (models.AwarenessDay.start_day >= start) & (models.AwarenessDay.start_day < end)))
        .order_by(models.AwarenessDay.name)).all()
    found: dict[date, list[domain.DayMark]] = {}
    for row in rows:
        day = to_day(row)
        for when in occurrences(day, start, end):
            found.setdefault(when, []).append(domain.DayMark(
                when, day.id, day.name, day.personas, day.objectives))
    return {d: tuple(v) for d, v in found.items()}


class AwarenessService(Service):
    """The workspace's awareness days: list, import (shipped list, iCalendar), remove."""

    def days(self) -> list[domain.AwarenessDay]:
        with self.db.read() as s:
            rows = s.scalars(select(models.AwarenessDay).order_by(
                models.AwarenessDay.start_day, models.AwarenessDay.name))
            return [to_day(r) for r in rows]

    def on(self, start: date, end: date) -> dict[date, tuple[domain.DayMark, ...]]:
        with self.db.read() as s:
            return day_marks(s, start, end)

    def remove(self, uid: str) -> domain.AwarenessDay:
        with self.db.write() as s:
            row = s.scalar(select(models.AwarenessDay).where(models.AwarenessDay.uid == uid))
            if row is None:
                raise NotFoundError(_("No awareness day with the UID {uid!r}.", uid=uid))
            result = to_day(row)
            s.delete(row)
        self._notify(Change(planning=True))
        return result

    def store(self, days: list[DayInput], *, source: str, skipped: int = 0) -> ImportResult:
        """Add or update ``days`` by UID, in one transaction."""
        added = updated = same = 0
        with self.db.write() as s:
            known = {r.uid: r for r in s.scalars(select(models.AwarenessDay).where(
                models.AwarenessDay.uid.in_([d.uid for d in days])))}
            for day in days:
                values = {"name": day.name, "start_day": day.start_day, "rrule": day.rrule,
                          "offset_days": day.offset_days, "description": day.description,
                          "personas": list(day.personas), "objectives": list(day.objectives)}
                row = known.get(day.uid)
                if row is None:
                    row = known[day.uid] = models.AwarenessDay(uid=day.uid, source=source,
                                                               **values)
                    s.add(row)
                    added += 1
                elif any(getattr(row, k) != v for k, v in values.items()):
                    for key, value in values.items():
                        setattr(row, key, value)
                    updated += 1
                else:
                    same += 1
        if added or updated:
            self._notify(Change(planning=True))
        return ImportResult(added, updated, same, skipped)

    def import_shipped(self, lang: str | None = None) -> ImportResult:
        """Add the shipped list, named in ``lang`` (default: the current language)."""
        return self.store(shipped_days(lang or language()), source=SHIPPED_SOURCE)

    def import_ics(self, data: bytes, *, source: str) -> ImportResult:
        """Add the all-day events of an iCalendar file (refused whole if malformed)."""
        days, skipped = parse_ics(data)
        return self.store(days, source=source, skipped=skipped)


# ---- the shipped list


def shipped_file() -> resources.abc.Traversable:
    return resources.files("essplanner.services").joinpath("days", "awareness.toml")


def shipped_days(lang: str) -> list[DayInput]:
    """The shipped awareness days, named in ``lang`` ("fr" or "en")."""
    lang = "fr" if lang == "fr" else "en"
    table = read_toml(shipped_file(), "awareness.toml")
    entries = table.tables("day")
    table.done()
    days = [_shipped_day(entry, lang) for entry in entries]
    unique([d.uid for d in days], "awareness.toml")
    return days


def _shipped_day(entry: Table, lang: str) -> DayInput:
    key = entry.get("key", str)
    names = {"fr": entry.get("name_fr", str), "en": entry.get("name_en", str)}
    notes = {"fr": entry.get("note_fr", str, ""), "en": entry.get("note_en", str, "")}
    fixed = entry.get("date", str, "")
    rule = entry.get("rule", str, "")
    offset = entry.get("offset_days", int, 0)
    personas = entry.words("personas", ())
    objectives = entry.words("objectives", ())
    entry.done()
    for name in personas:
        if name not in {s.value for s in Segment}:
            raise DataError(f"{entry.where}: persona {name!r} is not a segment")
    for name in objectives:
        if name not in {k.value for k in ObjectiveKind}:
            raise DataError(f"{entry.where}: objective {name!r} is not a kind of objective")
    if bool(fixed) == bool(rule):
        raise DataError(f"{entry.where}: give either date or rule")
    if fixed:
        try:
            # a leap year: 02-29 would be accepted (no shipped day falls on it)
            start = date.fromisoformat(f"2000-{fixed}")
        except ValueError as exc:
            raise DataError(f"{entry.where}: date {fixed!r} is not MM-DD") from exc
        rrule = "FREQ=YEARLY"
    else:
        start, rrule = date(2000, 1, 1), rule
        _check_rule(rrule, start, f"{entry.where}: rule")
    return DayInput(uid=f"{key}@days.essplanner", name=names[lang], start_day=start,
                    rrule=rrule, offset_days=offset, description=notes[lang],
                    personas=personas, objectives=objectives)


def _check_rule(rule: str, start: date, where: str) -> None:
    from dateutil.rrule import rrulestr

    try:
        rrulestr(rule, dtstart=datetime.combine(start, datetime.min.time()))
    except (ValueError, TypeError) as exc:
        raise DataError(f"{where}: {rule!r}: {exc}") from exc


# ---- iCalendar files


def parse_ics(data: bytes) -> tuple[list[DayInput], int]:
    """The all-day VEVENTs of an iCalendar file, and how many timed ones were skipped.

    A malformed file raises :class:`ValidationError` naming the line (1-based) where it
    fails."""
    import icalendar
    from icalendar.parser import Contentline

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(_("Line {line}: the file is not UTF-8 text.",
                                line=data[: exc.start].count(b"\n") + 1)) from exc
    logical = _unfold(text)
    if not logical:
        raise ValidationError(_("The file is empty: not an iCalendar file."))
    stack: list[str] = []
    # for each VEVENT, in the file's order: the line of each of its properties
    event_lines: list[dict[str, int]] = []
    for number, line in logical:
        try:
            name, _params, value = Contentline(line).parts()  # type: ignore[no-untyped-call]
        except ValueError as exc:
            raise ValidationError(_("Line {line}: not an iCalendar line: {text}",
                                    line=number, text=_cut(line))) from exc
        if name == "BEGIN":
            if not stack and value.upper() != "VCALENDAR":
                raise ValidationError(_("Line {line}: an iCalendar file begins with "
                                        "BEGIN:VCALENDAR.", line=number))
            stack.append(value.upper())
            if value.upper() == "VEVENT":
                event_lines.append({"BEGIN": number})
        elif name == "END":
            if not stack or stack[-1] != value.upper():
                raise ValidationError(_("Line {line}: END:{name} closes nothing open.",
                                        line=number, name=_cut(value)))
            stack.pop()
        elif not stack:
            raise ValidationError(_("Line {line}: an iCalendar file begins with "
                                    "BEGIN:VCALENDAR.", line=number))
        elif stack[-1] == "VEVENT":
            event_lines[-1].setdefault(name.upper(), number)
    if stack:
        raise ValidationError(_("Line {line}: BEGIN:{name} is never closed.",
                                line=logical[-1][0], name=stack[-1]))
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except ValueError as exc:
        raise ValidationError(_("The file is not a valid iCalendar file: {error}",
                                error=_cut(str(exc)))) from exc
    days: list[DayInput] = []
    skipped = 0
    for event, lines in zip(calendar.walk("VEVENT"), event_lines, strict=True):
        uid = str(event.get("UID", "")).strip()
        for prop, error in event.errors:
            raise ValidationError(_("Line {line}: {name} is not valid: {error}",
                                    line=lines.get(str(prop).upper(), lines["BEGIN"]),
                                    name=prop, error=_cut(error)))
        if not uid:
            raise ValidationError(_("Line {line}: this event has no UID: it could not be "
                                    "told apart on a second import.", line=lines["BEGIN"]))
        start = event.decoded("DTSTART") if "DTSTART" in event else None
        if not isinstance(start, date):
            raise ValidationError(_("Line {line}: the event {uid!r} has no valid DTSTART.",
                                    line=lines.get("DTSTART", lines["BEGIN"]), uid=uid))
        if isinstance(start, datetime):
            skipped += 1
            continue
        rule = ""
        if "RRULE" in event:
            ical = event["RRULE"].to_ical()
            rule = ical.decode() if isinstance(ical, bytes) else str(ical)
            try:
                _check_rule(rule, start, "")
            except DataError as exc:
                raise ValidationError(_("Line {line}: the rule of {uid!r} is not valid.",
                                        line=lines.get("RRULE", 0), uid=uid)) from exc
        days.append(DayInput(uid=uid, name=str(event.get("SUMMARY", "")).strip() or uid,
                             start_day=start, rrule=rule,
                             description=str(event.get("DESCRIPTION", "")).strip()))
    return days, skipped


def _unfold(text: str) -> list[tuple[int, str]]:
    """Logical lines (continuations joined, RFC 5545 §3.1) with the number of their first
    physical line; blank lines dropped."""
    lines: list[tuple[int, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw[:1] in (" ", "\t") and lines:
            first, joined = lines[-1]
            lines[-1] = (first, joined + raw[1:])
        elif raw.strip():
            lines.append((number, raw))
    return lines


def _cut(text: str, size: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def read_source(where: str, *, fetch: object | None = None) -> tuple[bytes, str]:
    """The bytes of a file or an https URL (plain http only on loopback); ``fetch`` is an
    ``HttpClient`` (made here when None). Returns the bytes and the source's name."""
    parts = urlsplit(where)
    if parts.scheme in ("http", "https"):
        from essplanner.publishers.errors import PublishError
        from essplanner.publishers.http import HttpClient, check_api_url

        try:
            url = check_api_url(where)
        except PublishError as exc:
            raise ValidationError(str(exc)) from exc
        client = fetch if isinstance(fetch, HttpClient) else HttpClient()
        try:
            response = client.request("GET", url, max_bytes=MAX_ICS_BYTES)
        except PublishError as exc:
            raise ValidationError(_("Could not fetch {url}: {error}", url=url,
                                    error=str(exc))) from exc
        if response.status_code != 200:
            raise ValidationError(_("Could not fetch {url}: the server answered {status}.",
                                    url=url, status=response.status_code))
        return response.content, url
    from pathlib import Path

    path = Path(where).expanduser()
    try:
        if path.stat().st_size > MAX_ICS_BYTES:
            raise ValidationError(_("{file} is too large for a calendar of days.",
                                    file=str(path)))
        return path.read_bytes(), str(path)
    except OSError as exc:
        raise ValidationError(_("Cannot read {file}: {error}", file=str(path),
                                error=exc.strerror or str(exc))) from exc
