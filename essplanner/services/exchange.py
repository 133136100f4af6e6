"""Posts in and out: a CSV a volunteer can plan a month in, and an iCalendar feed.

- :func:`export_csv` writes one line per post (local date and time, title, text, link,
  call to action, hashtags, personas, objectives, accounts, state) — the same columns
  :func:`import_csv` reads back, so a month can be planned in a spreadsheet.
- :func:`import_csv` checks every line first (dates in the user's time zone, DST gaps,
  known personas, objectives and accounts) and then creates all the posts in one
  transaction: a file with one bad line imports nothing, and the error names the line.
- :func:`export_ics` writes an RFC 5545 calendar (one event per post) for Thunderbird,
  GNOME Calendar or a phone.

Nothing secret is ever part of a post, so nothing secret can leave through here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from essplanner import domain
from essplanner.errors import ValidationError
from essplanner.i18n import _
from essplanner.timeutil import localize

#: columns of the CSV, in order (English names, also accepted in French on import)
COLUMNS = ("id", "date", "time", "title", "text", "link", "call_to_action", "hashtags",
           "personas", "objectives", "accounts", "state")
FRENCH = {"date": "date", "heure": "time", "titre": "title", "texte": "text", "lien": "link",
          "appel_a_l_action": "call_to_action", "appel à l’action": "call_to_action",
          "appel à l'action": "call_to_action", "hashtags": "hashtags",
          "personas": "personas", "objectifs": "objectives", "comptes": "accounts",
          "état": "state", "etat": "state"}
LIST_SEPARATOR = "|"
MAX_FILE_BYTES = 5_000_000


def _join(values: Iterable[str]) -> str:
    return f" {LIST_SEPARATOR} ".join(values)


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(LIST_SEPARATOR) if v.strip()]


def export_csv(posts: Sequence[domain.Post], zone: ZoneInfo, *, delimiter: str = ",") -> str:
    """The posts as CSV text (local dates and times in ``zone``)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for post in posts:
        local = post.scheduled_at.astimezone(zone) if post.scheduled_at else None
        writer.writerow([
            post.id,
            local.date().isoformat() if local else "",
            local.strftime("%H:%M") if local else "",
            post.title,
            post.body,
            post.link_url,
            post.call_to_action,
            " ".join(f"#{h}" for h in post.hashtags),
            _join(p.name for p in post.personas),
            _join(o.name for o in post.objectives),
            _join(t.account_name for t in post.targets),
            post.status.value,
        ])
    return out.getvalue()


# ---------------------------------------------------------------- import ---


@dataclass(frozen=True)
class ImportRow:
    """One line of an import, checked: what :meth:`PostService.create_many` receives."""

    line: int
    draft: domain.PostDraft
    scheduled_at: datetime | None


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise ValidationError(_("The file {path} does not exist.", path=str(path))) from exc
    except OSError as exc:
        raise ValidationError(_("The file {path} cannot be read: {error}", path=str(path),
                                error=exc.strerror or str(exc))) from exc
    if len(raw) > MAX_FILE_BYTES:
        raise ValidationError(_("{name} is too large for a list of posts.", name=path.name))
    for encoding in ("utf-8-sig", "utf-16", "cp1252"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise ValidationError(_("{name} is not a text (CSV) file.", name=path.name))


def _header(names: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, raw in enumerate(names):
        name = raw.strip().lower().replace(" ", "_")
        key = name if name in COLUMNS else FRENCH.get(name) or FRENCH.get(raw.strip().lower())
        if key and key not in found:
            found[key] = index
    if "text" not in found and "title" not in found:
        raise ValidationError(_(
            "The first line must name the columns; at least \"text\" or \"title\" is needed "
            "(expected: {columns}).", columns=", ".join(COLUMNS[1:])))
    return found


def read_csv(path: Path, *, zone: ZoneInfo, personas: Sequence[domain.Persona],
             objectives: Sequence[domain.Objective],
             accounts: Sequence[domain.Account]) -> list[ImportRow]:
    """Every line of ``path`` checked; all problems are reported together, with line numbers."""
    text = _read_text(path)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], ",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        raise ValidationError(_("{name} is empty.", name=path.name))
    header = _header(rows[0])
    by_name = {
        "personas": {p.name.casefold(): p.id for p in personas},
        "objectives": {o.name.casefold(): o.id for o in objectives},
        "accounts": {a.name.casefold(): a.id for a in accounts},
    }
    labels = {"personas": _("persona"), "objectives": _("objective"), "accounts": _("account")}
    result: list[ImportRow] = []
    problems: list[str] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(key: str, row: list[str] = row) -> str:
            index = header.get(key)
            return row[index].strip() if index is not None and index < len(row) else ""

        line = _("line {n}", n=number)
        try:
            when = _when(cell("date"), cell("time"), zone)
        except ValidationError as exc:
            problems.append(f"{line}: {exc}")
            continue
        ids: dict[str, list[int]] = {}
        unknown = False
        for key in ("personas", "objectives", "accounts"):
            ids[key] = []
            for name in _split(cell(key)):
                found = by_name[key].get(name.casefold())
                if found is None:
                    known = ", ".join(sorted(n for n in (
                        p.name for p in (personas if key == "personas" else
                                         objectives if key == "objectives" else accounts)))) \
                        or _("none yet")
                    problems.append(_("{line}: unknown {kind} {name!r} (known: {known}).",
                                      line=line, kind=labels[key], name=name, known=known))
                    unknown = True
                else:
                    ids[key].append(found)
        if unknown:
            continue
        body, title = cell("text"), cell("title")
        if not (body or title):
            problems.append(_("{line}: no title and no text.", line=line))
            continue
        draft = domain.PostDraft(
            title=title,
            body=body,
            link_url=cell("link"),
            call_to_action=cell("call_to_action"),
            hashtags=tuple(h.lstrip("#") for h in cell("hashtags").replace(",", " ").split()
                           if h.lstrip("#")),
            persona_ids=tuple(ids["personas"]),
            objective_ids=tuple(ids["objectives"]),
            account_ids=tuple(ids["accounts"]),
        )
        result.append(ImportRow(number, draft, when))
    if problems:
        raise ValidationError(_("Nothing was imported: {problems}",
                                problems="; ".join(problems[:20])
                                + (" …" if len(problems) > 20 else "")))
    if not result:
        raise ValidationError(_("{name} holds no post.", name=path.name))
    return result


def _when(day_text: str, time_text: str, zone: ZoneInfo) -> datetime | None:
    if not day_text:
        if time_text:
            raise ValidationError(_("a time without a date"))
        return None
    day: date | None = None
    for parse in (date.fromisoformat, lambda t: datetime.strptime(t, "%d/%m/%Y").date()):
        try:
            day = parse(day_text)
            break
        except ValueError:
            continue
    if day is None:
        raise ValidationError(_("{text!r} is not a date (2026-12-03 or 03/12/2026).",
                                text=day_text))
    at = time(10, 0)
    if time_text:
        try:
            at = time.fromisoformat(time_text.replace("h", ":").rstrip(":").zfill(5))
        except ValueError as exc:
            raise ValidationError(_("{text!r} is not a time (14:30).", text=time_text)) from exc
    return localize(datetime.combine(day, at), zone).utc


# ------------------------------------------------------------------- ics ---


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> list[str]:
    """RFC 5545 §3.1: lines of at most 75 octets, continued with a leading space."""
    out: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return [out[0]] + [" " + part for part in out[1:]]


def _stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def export_ics(posts: Sequence[domain.Post], *, now: datetime, name: str) -> str:
    """An iCalendar document with one 15-minute event per scheduled post."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ESS Planner//essplanner//FR",
             "CALSCALE:GREGORIAN", f"X-WR-CALNAME:{_escape(name)}"]
    for post in posts:
        if post.scheduled_at is None:
            continue
        accounts = ", ".join(f"{t.account_name} ({t.state.value})" for t in post.targets)
        description = post.body
        if post.link_url:
            description += f"\n\n{post.call_to_action} {post.link_url}".rstrip()
        if accounts:
            description += f"\n\n{accounts}"
        event = [
            "BEGIN:VEVENT",
            f"UID:post-{post.id}@essplanner",
            f"DTSTAMP:{_stamp(now)}",
            f"DTSTART:{_stamp(post.scheduled_at)}",
            "DURATION:PT15M",
            f"SUMMARY:{_escape(post.display_title)}",
            f"DESCRIPTION:{_escape(description)}",
            f"STATUS:{'CANCELLED' if post.status is domain.PostStatus.CANCELLED else 'CONFIRMED'}",
        ]
        categories = [o.name for o in post.objectives] + [p.name for p in post.personas]
        if categories:
            event.append(f"CATEGORIES:{','.join(_escape(c) for c in categories)}")
        if post.link_url:
            event.append(f"URL:{post.link_url}")
        event.append("END:VEVENT")
        lines.extend(event)
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
