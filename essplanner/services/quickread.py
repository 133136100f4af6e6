"""The calendar's first page, read with the standard library while the rest is still loading.

Importing SQLAlchemy, Alembic and the services takes longer than drawing the whole
window. So that the calendar is on screen at once, the desktop app first reads the
visible period with :mod:`sqlite3` (the same queries as
:func:`essplanner.services.calendar.entries`, giving the same
:class:`~essplanner.services.calendar.CalendarEntry` values), then loads the full
workspace right after the first paint. Only for a SQLite database whose schema is
already current (no upgrade pending); otherwise the app starts the usual way.
Read-only: this module never writes.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from essplanner.domain import DeliveryState, EditorialState, holdup_of
from essplanner.log import redact
from essplanner.services.calendar import (
    EXCERPT,
    SEARCH_LIMIT,
    CalendarEntry,
    SearchResult,
    TargetBadge,
    in_time_order,
    make_badge,
    make_entry,
    matching_ids,
    search_words,
    shown_platform,
)

VERSIONS = Path(__file__).parents[1] / "migrations" / "versions"
_REVISION = re.compile(r"^revision\s*(?::[^=]+)?=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]+)?=\s*(.+)$", re.MULTILINE)


def schema_heads(folder: Path = VERSIONS) -> set[str]:
    """The head revisions of the Alembic scripts, read from the files (no Alembic import)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in folder.glob("*.py"):
        text = script.read_text(encoding="utf-8")
        found = _REVISION.search(text)
        if found is None:
            continue
        revisions.add(found.group(1))
        down = _DOWN.search(text)
        if down is not None:
            parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    return revisions - parents


def sqlite_path(url: str) -> Path | None:
    """The file of a ``sqlite:///`` URL (None for other databases and in-memory ones)."""
    if not url.startswith("sqlite:///"):
        return None
    raw = url.removeprefix("sqlite:///").split("?", 1)[0]
    return Path(raw) if raw and raw != ":memory:" else None


def _stamp(value: datetime) -> str:
    # how SQLAlchemy stores DateTime on SQLite (naive UTC): text order is time order
    return value.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(f"{value}+00:00") if value else None


# dict lookups: calling an Enum class per row costs more than the query itself
_STATES = {s.value: s for s in DeliveryState}
_EDITORIAL = {s.value: s for s in EditorialState}
#: states (as stored) in which nothing can hold a target up (holdup_of answers None);
#: plain strings: an enum member's hash is computed in Python, a string's is not
_SETTLED = frozenset(s.value for s in (DeliveryState.DRAFT, DeliveryState.PUBLISHED,
                                       DeliveryState.PUBLISHING, DeliveryState.CANCELLED))
_NO_ACCOUNT = ("?", "?", False, True, "", False)


class QuickReader:
    """Calendar entries from a current SQLite database, without SQLAlchemy."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    @classmethod
    def open(cls, url: str) -> QuickReader | None:
        """A reader, or None when the app must start the usual way (not SQLite, no file
        yet, schema not current, unreadable)."""
        path = sqlite_path(url)
        if path is None or not path.is_file():
            return None
        try:
            connection = sqlite3.connect(str(path), timeout=10)
            connection.execute("PRAGMA query_only = 1")
            rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        except sqlite3.Error:
            return None
        if {r[0] for r in rows} != schema_heads() or len(rows) != 1:
            connection.close()
            return None
        return cls(connection)

    def close(self) -> None:
        self._db.close()

    def release_memory(self) -> None:
        """Empty this connection's page cache (call it from the thread that reads)."""
        self._db.execute("PRAGMA shrink_memory")

    def has_posts(self) -> bool:
        return self._db.execute("SELECT 1 FROM post LIMIT 1").fetchone() is not None

    def entries(self, start: datetime, end: datetime, *,
                include_unscheduled: bool = False) -> list[CalendarEntry]:
        cond = "(p.scheduled_at >= ? AND p.scheduled_at < ?)"
        if include_unscheduled:
            cond = f"({cond} OR p.scheduled_at IS NULL)"
        return self._load(cond, (_stamp(start), _stamp(end)))

    def entries_by_id(self, post_ids: Iterable[int]) -> list[CalendarEntry]:
        ids = sorted(set(post_ids))
        found: list[CalendarEntry] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            found.extend(self._load(f"p.id IN ({','.join('?' * len(chunk))})", tuple(chunk)))
        return found

    def search(self, text: str, *, limit: int = SEARCH_LIMIT) -> SearchResult:
        """As :func:`essplanner.services.calendar.search`, with the standard library."""
        if not search_words(text):
            return SearchResult((), 0)
        rows = self._db.execute(
            "SELECT id, title, body FROM post "
            "ORDER BY scheduled_at IS NULL, scheduled_at, id")
        ids, total = matching_ids(rows, text, limit)
        found = self._load(f"p.id IN ({','.join('?' * len(ids))})", ids) if ids else []
        return SearchResult(in_time_order(found), total)

    def _load(self, cond: str, params: Sequence[Any]) -> list[CalendarEntry]:
        db = self._db
        rows = db.execute(
            f"SELECT p.id, p.version, p.title, substr(p.body, 1, {EXCERPT}), p.link_url, "  # noqa: S608
            "p.scheduled_at, p.editorial_state, c.name, p.series_id, s.rule, s.local_time "
            "FROM post p "
            # a post is in one campaign at most
            "LEFT JOIN campaign_post x ON x.post_id = p.id "
            "LEFT JOIN campaign c ON c.id = x.campaign_id "
            f"LEFT JOIN post_series s ON s.id = p.series_id WHERE {cond} "
            "ORDER BY p.scheduled_at IS NOT NULL, p.scheduled_at, p.id", params).fetchall()
        if not rows:
            return []
        accounts = {
            account_id: (name, shown_platform(platform, json.loads(settings or "{}")),
                         bool(flagged), bool(enabled), block or "",
                         bool(flagged) or not enabled or bool(block))
            for account_id, name, platform, settings, flagged, enabled, block
            in db.execute("SELECT id, name, platform, settings, needs_reconnect, enabled, "
                          "blocked_reason FROM account")
        }
        # while the workspace asks for approval, a post not approved waits for it
        # (the key is models.APPROVAL_REQUIRED: models would load SQLAlchemy)
        required = db.execute("SELECT 1 FROM workspace_setting WHERE key = "
                              "'approval_required' AND value = '1'").fetchone() is not None
        awaiting = {r[0] for r in rows if r[6] != "approved"} if required else set()
        badges: dict[int, list[TargetBadge]] = {}
        # IN (...) rather than a join: SQLite walks the target index in order, no sort
        for post_id, target_id, account_id, state, error, attempts in db.execute(
                "SELECT t.post_id, t.id, t.account_id, t.state, t.last_error, "  # noqa: S608
                "t.attempt_count FROM target t "
                f"WHERE t.post_id IN (SELECT p.id FROM post p WHERE {cond}) "
                "ORDER BY t.post_id, t.id", params):
            name, platform, flagged, enabled, block, troubled = accounts.get(
                account_id, _NO_ACCOUNT)
            delivery = _STATES[state]
            # nothing can hold a published or cancelled target up, nor a scheduled one
            # on an account in order, approved, never refused (most of a calendar);
            # the others ask holdup_of (test_quickread checks both answer alike)
            if state in _SETTLED or (state == "scheduled" and not troubled
                                     and not (attempts and error) and post_id not in awaiting):
                holdup = None
            else:
                holdup = holdup_of(delivery, needs_reconnect=flagged, enabled=enabled,
                                   attempt_count=attempts or 0, last_error=error or "",
                                   blocked=block, awaiting_approval=post_id in awaiting)
            # the fields of TargetBadge in their order
            badge = make_badge(target_id, account_id, name, platform, delivery,
                               redact(error) if error else "", holdup)
            found = badges.get(post_id)
            if found is None:
                badges[post_id] = [badge]
            else:
                found.append(badge)
        personas = self._pairs("post_persona", "persona_id", "persona", cond, params)
        objectives = self._pairs("post_objective", "objective_id", "objective", cond, params)
        media: dict[int, int] = {}
        videos: dict[int, str] = {}
        for post_id, count, video in db.execute(
                "SELECT m.post_id, count(m.id), min(CASE WHEN m.mime_type LIKE 'video/%' "  # noqa: S608
                "THEN m.path END) FROM media m JOIN post p ON p.id = m.post_id "
                f"WHERE {cond} GROUP BY m.post_id", params):
            media[post_id] = count
            if video:
                videos[post_id] = video
        # the fields of CalendarEntry in their order (a page builds hundreds)
        return [
            make_entry(
                post_id, version, title, text or "", link or "", _when(when),
                _EDITORIAL[editorial], tuple(badges.get(post_id, ())),
                tuple(personas.get(post_id, ())), tuple(objectives.get(post_id, ())),
                int(media.get(post_id, 0)), videos.get(post_id, ""), campaign or "",
                series_id, rule or "", at or "")
            for post_id, version, title, text, link, when, editorial, campaign, series_id,
            rule, at in rows
        ]

    def _pairs(self, table: str, column: str, other: str, cond: str,
               params: Sequence[Any]) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for post_id, other_id in self._db.execute(
                f"SELECT x.post_id, x.{column} FROM {table} x "  # noqa: S608
                f"JOIN post p ON p.id = x.post_id JOIN {other} o ON o.id = x.{column} "
                f"WHERE {cond} ORDER BY x.post_id, o.name", params):
            out.setdefault(post_id, []).append(other_id)
        return out
