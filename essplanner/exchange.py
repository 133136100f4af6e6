"""Posts in and out: a CSV a volunteer can plan a month in, and an iCalendar feed.

- :func:`export_csv` writes one line per post (local date and time, title, text, link,
  call to action, hashtags, personas, objectives, accounts, state) — the same columns
  :func:`read_csv` reads back, so a month can be planned in a spreadsheet. A cell that a
  spreadsheet would run as a formula (``= + - @``, TAB, CR first) is written as text with a
  leading ``'`` (OWASP's CSV-injection advice); the import takes that ``'`` off again.
- :func:`read_csv` reads a file as Excel and LibreOffice write it — delimiter taken from the
  header line, quotes always doubled, UTF-8 or cp1252 (UTF-16 only with its byte-order
  mark) — and never guesses the quoting. It checks every record first (dates in the user's
  time zone, DST gaps, known personas, objectives and accounts) and then the caller creates
  all the posts in one transaction: a file with one bad record imports nothing, and the error
  names the line where the record starts.
- :func:`export_ics` writes an RFC 5545 calendar (one event per post) for Thunderbird,
  GNOME Calendar or a phone; no control character of a title or text can start a line.
- :func:`write_file` writes an export atomically (temporary file, then rename).

Nothing secret is ever part of a post, so nothing secret can leave through here.
"""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import tempfile
import urllib.parse
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


#: what makes Excel or LibreOffice read a cell as a formula (OWASP, "CSV Injection")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _neutralise(value: str) -> str:
    """``value`` as text a spreadsheet never evaluates: a leading ``'`` before a formula.

    A value that already starts with ``'`` and then a formula gets one more, so that
    :func:`_restore` gives back exactly what was written.
    """
    return "'" + value if value.lstrip("'").startswith(FORMULA_START) else value


def _restore(value: str) -> str:
    """The reverse of :func:`_neutralise`, for a cell read back from a CSV."""
    return value[1:] if value.startswith("'") and _neutralise(value[1:]) == value else value


def _csv_line(cells: Iterable[object], delimiter: str) -> str:
    """One CSV record: a cell is quoted when it holds the delimiter, a quote or a line
    break, or when it was neutralised (so that no reader splits or evaluates it)."""
    out = []
    for raw in cells:
        value = str(raw)
        safe = _neutralise(value)
        if safe != value or any(c in safe for c in (delimiter, '"', "\r", "\n")):
            safe = '"' + safe.replace('"', '""') + '"'
        out.append(safe)
    return delimiter.join(out) + "\r\n"


def export_csv(posts: Sequence[domain.Post], zone: ZoneInfo, *, delimiter: str = ",") -> str:
    """The posts as CSV text (local dates and times in ``zone``), formulas neutralised."""
    out = io.StringIO()
    out.write(_csv_line(COLUMNS, delimiter))
    for post in posts:
        local = post.scheduled_at.astimezone(zone) if post.scheduled_at else None
        out.write(_csv_line([
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
        ], delimiter))
    return out.getvalue()


# ---------------------------------------------------------------- import ---


@dataclass(frozen=True)
class ImportRow:
    """One record of an import, checked: what :meth:`PostService.create_many` receives.

    ``line`` is the line of the file where the record starts (the header is line 1);
    ``row`` is the record's row in a spreadsheet, smaller when a cell above holds several
    lines.
    """

    line: int
    draft: domain.PostDraft
    scheduled_at: datetime | None
    row: int = 0

    @property
    def label(self) -> str:
        """How messages name this record: its line, and its row when that differs."""
        return _where(self.line, self.row or self.line)


def _where(line: int, row: int) -> str:
    if row == line:
        return _("line {n}", n=line)
    return _("line {n} (row {row} in a spreadsheet)", n=line, row=row)


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _read_text(path: Path) -> str:
    """The text of ``path``: UTF-8 (with or without a byte-order mark), UTF-16 only after
    its byte-order mark, else cp1252 — what French Excel writes. Never guessed from the
    length or the look of the bytes."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise ValidationError(_("The file {path} does not exist.", path=str(path))) from exc
    except OSError as exc:
        raise ValidationError(_("The file {path} cannot be read: {error}", path=str(path),
                                error=exc.strerror or str(exc))) from exc
    if len(raw) > MAX_FILE_BYTES:
        raise ValidationError(_("{name} is too large for a list of posts.", name=path.name))
    encodings = ("utf-16",) if raw.startswith(_UTF16_BOMS) else ("utf-8-sig", "cp1252")
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise ValidationError(_("{name} is not a text (CSV) file.", name=path.name))


def _column(name: str) -> str | None:
    """The column a header cell names (English or French), or None."""
    raw = name.strip().lower()
    key = raw.replace(" ", "_")
    return key if key in COLUMNS else FRENCH.get(key) or FRENCH.get(raw)


def _header(names: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, raw in enumerate(names):
        key = _column(raw)
        if key and key not in found:
            found[key] = index
    if "text" not in found and "title" not in found:
        raise ValidationError(_(
            "The first line must name the columns; at least \"text\" or \"title\" is needed "
            "(expected: {columns}).", columns=", ".join(COLUMNS[1:])))
    return found


#: the delimiters spreadsheets write: ";" (French), "," (English), TAB ("Unicode text")
DELIMITERS = (";", ",", "\t")
#: for a file of one column: a character no spreadsheet writes in a cell
NO_DELIMITER = "\x1f"


def _delimiter(first_line: str) -> str:
    """The delimiter that splits the header line into the most known column names."""
    best, best_count = NO_DELIMITER, 0
    for candidate in DELIMITERS:
        if candidate not in first_line:
            continue
        cells = next(csv.reader([first_line], delimiter=candidate, quotechar='"',
                                doublequote=True), [])
        count = sum(1 for cell in cells if _column(cell))
        if count > best_count:
            best, best_count = candidate, count
    return best


def _records(text: str) -> list[tuple[int, list[str]]]:
    """Every record of ``text`` with the line where it starts (the header is line 1).

    Quotes are always doubled inside a quoted cell, as Excel and LibreOffice write them;
    a quote left open or text after a closing quote is an error naming its line, never
    a cell silently cut or merged with the next lines.
    """
    source = io.StringIO(text, newline="")
    first_line = source.readline()
    source.seek(0)
    reader = csv.reader(source, delimiter=_delimiter(first_line), quotechar='"',
                        doublequote=True, skipinitialspace=False, strict=True)
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for record in reader:
            records.append((start, record))
            start = reader.line_num + 1
    except csv.Error as exc:
        where = _where(start, len(records) + 1)
        message = str(exc)
        if "unexpected end of data" in message:
            raise ValidationError(_(
                "{line}: a quote opens a cell and is never closed; inside a quoted cell, "
                "write each quote twice (\"\").", line=where)) from exc
        if "expected after" in message:
            raise ValidationError(_(
                "{line}: text follows the quote that closes a cell; inside a quoted cell, "
                "write each quote twice (\"\").", line=where)) from exc
        if "field limit" in message:
            raise ValidationError(_("{line}: a cell is too long for a post.",
                                    line=where)) from exc
        raise ValidationError(_("{line}: this is not valid CSV ({error}).", line=where,
                                error=message)) from exc
    return records


def read_csv(path: Path, *, zone: ZoneInfo, personas: Sequence[domain.Persona],
             objectives: Sequence[domain.Objective],
             accounts: Sequence[domain.Account]) -> list[ImportRow]:
    """Every record of ``path`` checked; all problems are reported together, each with the
    line where its record starts (and its spreadsheet row when that differs)."""
    records = _records(_read_text(path))
    if not records:
        raise ValidationError(_("{name} is empty.", name=path.name))
    header = _header(records[0][1])
    by_name = {
        "personas": {p.name.casefold(): p.id for p in personas},
        "objectives": {o.name.casefold(): o.id for o in objectives},
        "accounts": {a.name.casefold(): a.id for a in accounts},
    }
    labels = {"personas": _("persona"), "objectives": _("objective"), "accounts": _("account")}
    result: list[ImportRow] = []
    problems: list[str] = []
    for row_number, (number, row) in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(key: str, row: list[str] = row) -> str:
            index = header.get(key)
            return _restore(row[index]).strip() if index is not None and index < len(row) \
                else ""

        line = _where(number, row_number)
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
        result.append(ImportRow(number, draft, when, row_number))
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


#: what a line-based reader may take for the end of a line: CR, LF, VT, FF, the information
#: separators, NEL and the Unicode line and paragraph separators (str.splitlines' list)
_LINE_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
#: every other control character: C0 but TAB, DEL, C1 (RFC 5545 allows none in a value)
_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def _escape(text: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): line breaks as ``\\n``, ``\\ ; ,`` escaped, every
    other control character dropped — no character of a title can start a new line."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return _CONTROLS.sub("", _LINE_BREAKS.sub("\\\\n", text))


def _uri(text: str) -> str:
    """A URI value: control characters and line breaks percent-encoded, never raw."""
    return _CONTROLS.sub(lambda m: urllib.parse.quote(m.group()), text)


def _fold(line: str) -> list[str]:
    """RFC 5545 §3.1: lines of at most 75 octets, continued with a leading space, cut
    between characters (never inside a UTF-8 sequence)."""
    out: list[str] = []
    start, size = 0, 0
    for index, char in enumerate(line):
        width = len(char.encode("utf-8"))
        if size + width > (75 if not out else 74):
            out.append(line[start:index])
            start, size = index, 0
        size += width
    out.append(line[start:])
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
            event.append(f"URL:{_uri(post.link_url)}")
        event.append("END:VEVENT")
        lines.extend(event)
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))


# ----------------------------------------------------------------- write ---


def _os_reason(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return _("the disk is full")
    if exc.errno == errno.EROFS:
        return _("the disk is read-only")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return _("permission denied")
    return exc.strerror or str(exc)


def write_file(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically: into a temporary file of the same
    folder, synced, then renamed over ``path``. A missing folder, a read-only file or disk,
    a full disk is a :class:`ValidationError` with a one-line message, and leaves neither
    half a file nor a temporary one; an existing ``path`` stays as it was."""
    folder = path.parent
    if not folder.is_dir():
        raise ValidationError(_("The folder {folder} does not exist.", folder=str(folder)))
    if path.is_dir():
        raise ValidationError(_("{file} is a folder, not a file.", file=str(path)))
    if path.exists() and (not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222):
        # root may write anyway, and a rename would replace it: a read-only file is kept
        raise ValidationError(_("{file} is read-only.", file=str(path)))
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise ValidationError(_("{file} could not be written: {reason}", file=str(path),
                                reason=_os_reason(exc))) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise ValidationError(_("{file} could not be written: {reason}", file=str(path),
                                reason=_os_reason(exc))) from exc
    finally:
        Path(tmp).unlink(missing_ok=True)
