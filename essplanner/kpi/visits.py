"""Reading the web-analytics exports of visits (Matomo, Plausible, Google Analytics...).

A CSV file with one row per day (and page, source or campaign). The columns are
found by their header, in English or French, whatever the tool calls them: the
date, the page or landing URL, ``utm_source``, ``utm_medium``, ``utm_campaign``
(or a combined "source / medium"), and the number of visits (or sessions, or
visitors). UTM parameters missing from the columns are read from the URL's query
string. Comment lines (``# ...``) before the header and "Total" lines are skipped.

Any bad row makes the whole file refused, with the line numbers of the problems:
nothing is half-imported.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from essplanner.errors import ValidationError
from essplanner.i18n import _, n_

MAX_ERRORS_SHOWN = 10


@dataclass(frozen=True)
class VisitInput:
    day: date
    url: str
    utm_source: str
    utm_medium: str
    utm_campaign: str
    visits: int

    @property
    def key(self) -> tuple[date, str, str, str, str]:
        return (self.day, self.url, self.utm_source, self.utm_medium, self.utm_campaign)


@dataclass(frozen=True)
class ParsedVisits:
    rows: tuple[VisitInput, ...]
    columns: dict[str, str]  # role -> header as written in the file
    skipped: int  # total lines
    day_first: bool | None  # how dd/mm/yyyy-like dates were read; None if there were none


def _norm(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


# The first header found in each list wins; lists are in order of preference.
COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("date", "day", "jour", "ga date", "date de la session", "periode", "period"),
    "url": ("url", "page url", "full url", "landing page query string", "landing page",
            "page de destination chaine de requete", "page de destination", "entry page",
            "entry page url", "page d entree", "page path query string", "page path",
            "page path and screen class", "page", "chemin de la page", "url de la page"),
    "source": ("utm source", "session source", "campaign source", "source de la session",
               "source", "first user source"),
    "medium": ("utm medium", "session medium", "campaign medium", "support de la session",
               "medium", "support", "first user medium"),
    "campaign": ("utm campaign", "session campaign", "campaign name", "campaign",
                 "campagne de la session", "nom de la campagne", "campagne",
                 "session campaign name", "first user campaign"),
    "source_medium": ("session source medium", "source medium", "source support",
                      "source support de la session", "campaign source medium"),
    "visits": ("visits", "nb visits", "sessions", "visites", "entrances", "entries",
               "entrees", "visitors", "unique visitors", "nb uniq visitors", "visiteurs",
               "visiteurs uniques", "users", "total users", "utilisateurs", "pageviews",
               "views", "vues"),
}
_TOTALS = {"total", "totals", "grand total", "totaux", "total general", "somme"}
_NOT_SET = {"(not set)", "(none)", "(not provided)", "(non defini)", "(aucun)", "-"}
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_MONTHS.update({"fev": 2, "avr": 4, "mai": 5, "juin": 6, "juil": 7, "aou": 8, "janv": 1,
                "fevr": 2, "sept": 9, "dec": 12, "mars": 3})


def decode(data: bytes) -> str:
    """Text of an export: UTF-16 or UTF-8 with a byte-order mark, UTF-8, else Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_file(path: Path, *, default_day: date | None = None) -> ParsedVisits:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(_("Cannot read {file}: {error}", file=str(path),
                                error=exc.strerror or str(exc))) from exc
    return parse(decode(data), default_day=default_day)


def _find_columns(header: Sequence[str]) -> dict[str, int]:
    normalised = [_norm(h) for h in header]
    found: dict[str, int] = {}
    for role, names in COLUMNS.items():
        for name in names:
            if name in normalised and normalised.index(name) not in found.values():
                found[role] = normalised.index(name)
                break
    return found


def parse(text: str, *, default_day: date | None = None) -> ParsedVisits:
    """Rows of an export. Raises :class:`ValidationError` listing every bad line."""
    lines = text.splitlines()
    first = 0
    while first < len(lines) and (not lines[first].strip() or lines[first].lstrip().startswith("#")):
        first += 1
    if first == len(lines):
        raise ValidationError(_("The file is empty: no header line and no visits."))
    header_line = lines[first]
    delimiter = max(",;\t|", key=header_line.count) if any(
        c in header_line for c in ",;\t|") else ","
    reader = csv.reader(io.StringIO("\n".join(lines[first:])), delimiter=delimiter)
    header = next(reader)
    columns = _find_columns(header)
    if "date" not in columns and default_day is None:
        raise ValidationError(_(
            "No date column in the header (line {line}: {header}). Expected a column named "
            "date, day or jour; for an export of a single period, give its date.",
            line=first + 1, header=", ".join(header)))
    if "visits" not in columns:
        raise ValidationError(_(
            "No visits column in the header (line {line}: {header}). Expected visits, "
            "sessions, visitors or visites.", line=first + 1, header=", ".join(header)))
    if not ({"url", "campaign", "source", "source_medium"} & set(columns)):
        raise ValidationError(_(
            "No column says where the visits came from (line {line}: {header}): expected "
            "utm_campaign, utm_source, a source / medium, or the landing page URL.",
            line=first + 1, header=", ".join(header)))

    raw_dates = []
    records: list[tuple[int, list[str]]] = []
    skipped = 0
    for row in reader:
        line = first + reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if _norm(row[0]) in _TOTALS or (len(row) > 1 and _norm(row[0]) == "" and
                                        _norm(row[1]) in _TOTALS):
            skipped += 1
            continue
        records.append((line, row))
        if "date" in columns and columns["date"] < len(row):
            raw_dates.append(row[columns["date"]])
    day_first = _day_first(raw_dates)

    errors: list[str] = []
    rows: list[VisitInput] = []
    for line, row in records:
        try:
            rows.append(_row(row, columns, day_first, default_day))
        except ValueError as exc:
            errors.append(_("line {line}: {problem}", line=line, problem=str(exc)))
    if errors:
        shown = "; ".join(errors[:MAX_ERRORS_SHOWN])
        more = len(errors) - MAX_ERRORS_SHOWN
        raise ValidationError(
            n_("Nothing was imported: {n} bad line. {errors}",
               "Nothing was imported: {n} bad lines. {errors}", len(errors), errors=shown)
            + (" " + _("(and {count} more)", count=more) if more > 0 else ""))
    if not rows:
        raise ValidationError(_("The file has a header but no visits."))
    return ParsedVisits(tuple(rows), {role: header[i] for role, i in columns.items()},
                        skipped, day_first)


def _cell(row: Sequence[str], columns: dict[str, int], role: str) -> str:
    index = columns.get(role)
    if index is None or index >= len(row):
        return ""
    value = row[index].strip()
    return "" if value.lower() in _NOT_SET else value


def _row(row: Sequence[str], columns: dict[str, int], day_first: bool | None,
         default_day: date | None) -> VisitInput:
    if max(columns.values()) >= len(row):
        raise ValueError(n_("only {n} cell; the header has more columns",
                            "only {n} cells; the header has more columns", len(row)))
    raw_day = _cell(row, columns, "date")
    if raw_day:
        day = parse_day(raw_day, day_first=bool(day_first))
    elif default_day is not None and "date" not in columns:
        day = default_day
    else:
        raise ValueError(_("the date is empty"))
    visits = parse_count(_cell(row, columns, "visits"))
    url = _cell(row, columns, "url")
    source = _cell(row, columns, "source")
    medium = _cell(row, columns, "medium")
    combined = _cell(row, columns, "source_medium")
    if combined and "/" in combined:
        left, right = (part.strip() for part in combined.split("/", 1))
        source = source or ("" if left.lower() in _NOT_SET else left)
        medium = medium or ("" if right.lower() in _NOT_SET else right)
    campaign = _cell(row, columns, "campaign")
    if url and "?" in url:
        params = {k.lower(): v for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True)}
        source = source or params.get("utm_source", "")
        medium = medium or params.get("utm_medium", "")
        campaign = campaign or params.get("utm_campaign", "")
    return VisitInput(day=day, url=url[:2000], utm_source=source[:80].lower(),
                      utm_medium=medium[:80].lower(), utm_campaign=campaign[:200],
                      visits=visits)


def parse_count(text: str) -> int:
    """A number of visits: "1234", "1 234", "1,234", "1.234,0", "12.0"."""
    raw = re.sub(r"[\s\u00a0\u202f']", "", text)
    if not raw:
        raise ValueError(_("the number of visits is empty"))
    if "," in raw and "." in raw:
        raw = raw.replace(",", "") if raw.rfind(".") > raw.rfind(",") else \
            raw.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}([,.]\d{3})+", raw):
        raw = raw.replace(",", "").replace(".", "")
    else:
        raw = raw.replace(",", ".")
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(_("{text!r} is not a number of visits", text=text)) from None
    if not math.isfinite(value) or value < 0 or value != int(value):
        raise ValueError(_("{text!r} is not a whole, positive number of visits", text=text))
    return int(value)


def _day_first(values: Sequence[str]) -> bool | None:
    """How to read "03/11/2026": day first unless a value proves month first."""
    pairs = [m.groups() for v in values if (m := re.match(r"\s*(\d{1,2})[/.](\d{1,2})[/.]\d", v))]
    if not pairs:
        return None
    month_first = any(int(b) > 12 for _a, b in pairs) and not any(int(a) > 12 for a, _b in pairs)
    return not month_first


def parse_day(text: str, *, day_first: bool = True) -> date:
    raw = text.strip()
    match = re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})(?:[ T].*)?", raw)
    try:
        if match:
            return date(int(match[1]), int(match[2]), int(match[3]))
        match = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?: .*)?", raw)
        if match:
            a, b, year = int(match[1]), int(match[2]), int(match[3])
            return date(year, b, a) if day_first else date(year, a, b)
        match = re.fullmatch(r"(\d{1,2})\s+([a-zéû]+)\.?\s+(\d{4})", raw.lower())
        if match and _month(match[2]):
            return date(int(match[3]), _month(match[2]), int(match[1]))
        match = re.fullmatch(r"([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", raw.lower())
        if match and _month(match[1]):
            return date(int(match[3]), _month(match[1]), int(match[2]))
        return datetime.fromisoformat(raw).date()
    except ValueError:
        raise ValueError(_("{text!r} is not a date (expected for example 2026-11-03)",
                           text=text)) from None


def _month(name: str) -> int:
    plain = _norm(name)
    return _MONTHS.get(plain[:4]) or _MONTHS.get(plain[:3]) or 0
