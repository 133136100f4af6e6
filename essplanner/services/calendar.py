"""What the calendar shows of each post, read in a handful of queries whatever the range.

A calendar page needs, for every post in a date range, its time, title, a text
excerpt, its state and its targets' platforms and states, and the ids of its
personas and objectives (for filters and colours). :func:`entries` reads that
with five queries that all walk the ``scheduled_at`` index over the range: no
ORM objects, no per-post query, so a page costs the same with twenty posts in
the database or twenty thousand.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from essplanner.domain import (
    NEEDS_ATTENTION,
    DeliveryState,
    EditorialState,
    Holdup,
    PostStatus,
    holdup_of,
    status_of,
)

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement
    from sqlalchemy.orm import Session

    from essplanner.storage import Database

# SQLAlchemy is imported inside the functions: the types above are what the desktop
# app's first paint needs, before SQLAlchemy is loaded (see essplanner/services/quickread.py).

#: characters of the body kept for chips and tooltips
EXCERPT = 600
_CHUNK = 500
#: search results returned at most (the most relevant are all the matches, in time order)
SEARCH_LIMIT = 200


@dataclass(frozen=True)
class TargetBadge:
    """One account a post goes to, and how far it got there."""

    target_id: int
    account_id: int
    account_name: str
    platform: str  # as shown: a dry-run account's ``mimic`` platform
    state: DeliveryState
    last_error: str = ""
    holdup: Holdup | None = None  # what keeps it from going out on its own


@dataclass(frozen=True)
class CalendarEntry:
    """A post as the calendar shows it."""

    post_id: int
    version: int
    title: str
    text: str  # the first EXCERPT characters of the body
    link_url: str
    scheduled_at: datetime | None
    editorial_state: EditorialState
    targets: tuple[TargetBadge, ...] = ()
    persona_ids: tuple[int, ...] = ()
    objective_ids: tuple[int, ...] = ()  # ordered by name, like Post.objectives
    media_count: int = 0
    video: str = ""  # the stored path of a video of the post (its thumbnail is beside it)
    campaign: str = ""  # the name of the post's campaign
    #: the series the post is an occurrence of: its id, rule and local time ("HH:MM")
    series_id: int | None = None
    series_rule: str = ""
    series_at: str = ""

    @functools.cached_property
    def status(self) -> PostStatus:
        if any(t.holdup is not None for t in self.targets):
            return PostStatus.ATTENTION  # e.g. waiting for its account to be reconnected
        return status_of(t.state for t in self.targets)

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        body = self.text.strip()
        return body.splitlines()[0][:60] if body else ""

    @property
    def platforms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.platform for t in self.targets))

    @property
    def account_ids(self) -> frozenset[int]:
        return frozenset(t.account_id for t in self.targets)


_Record = TypeVar("_Record")


def positional(cls: type[_Record]) -> Callable[..., _Record]:
    """A builder of ``cls`` (a frozen dataclass with no ``__post_init__``) from the values
    of all its fields, in their order: the same object as ``cls(*values)``, built without
    the generated ``__init__``'s call to ``object.__setattr__`` per field (the calendar's
    readers build hundreds per page: a quarter of a dense month's read went there).
    Generated like the ``__init__`` it stands for, as :mod:`dataclasses` does."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    body = "; ".join(f"d[{name!r}] = {name}" for name in names)
    source = (f"def build({', '.join(names)}):\n"
              f"    made = new(cls)\n    d = made.__dict__\n    {body}\n    return made\n")
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    exec(source, namespace)  # noqa: S102 - the source is made of field names only
    build: Callable[..., _Record] = namespace["build"]
    build.__qualname__ = f"positional({cls.__qualname__})"
    return build


#: CalendarEntry(*values) and TargetBadge(*values), for readers building many at once
make_entry = positional(CalendarEntry)
make_badge = positional(TargetBadge)


def shown_platform(platform: str, settings: dict[str, Any] | None) -> str:
    """The platform whose icon and rules an account uses (``mimic`` for dry-run accounts)."""
    mimic = (settings or {}).get("mimic")
    return str(mimic) if mimic else platform


def entries(db: Database, start: datetime, end: datetime, *,
            include_unscheduled: bool = False) -> list[CalendarEntry]:
    """Posts planned in [start, end) (and those with no date, if asked), in time order."""
    from sqlalchemy import and_, or_

    from essplanner import models

    post = models.Post
    cond: ColumnElement[bool] = and_(post.scheduled_at >= start, post.scheduled_at < end)
    if include_unscheduled:
        cond = or_(cond, post.scheduled_at.is_(None))
    with db.read() as s:
        return _load(s, cond)


def entries_by_id(db: Database, post_ids: Iterable[int]) -> list[CalendarEntry]:
    """The given posts (those that still exist), in time order."""
    from essplanner import models

    ids = sorted(set(post_ids))
    found: list[CalendarEntry] = []
    with db.read() as s:
        for i in range(0, len(ids), _CHUNK):
            found.extend(_load(s, models.Post.id.in_(ids[i:i + _CHUNK])))
    return found


def fold(text: str) -> str:
    """Text as search compares it: case-folded, accents and other marks dropped
    (Unicode NFKD without combining marks), so that "benevoles" finds "Bénévoles"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_words(text: str) -> tuple[str, ...]:
    """The folded words of a search; a post matches when its title or text has them all."""
    return tuple(fold(text).split())


def matches(words: tuple[str, ...], title: str, body: str) -> bool:
    if not words:
        return False
    folded = fold(f"{title}\n{body}")
    return all(word in folded for word in words)


@dataclass(frozen=True)
class SearchResult:
    """Posts whose title or text has every word searched, over all dates, in time order
    (undated last); at most ``limit`` of them, ``total`` counting them all."""

    entries: tuple[CalendarEntry, ...]
    total: int

    @property
    def truncated(self) -> bool:
        return self.total > len(self.entries)


def matching_ids(rows: Iterable[tuple[int, str | None, str | None]], text: str,
                 limit: int) -> tuple[list[int], int]:
    """The first ``limit`` ids of ``rows`` (id, title, body) matching ``text``, and how many
    match in all. Folding happens here, in Python, so that SQLite and PostgreSQL (with or
    without its ``unaccent`` extension) find exactly the same posts."""
    words = search_words(text)
    found: list[int] = []
    total = 0
    for post_id, title, body in rows:
        if matches(words, title or "", body or ""):
            total += 1
            if len(found) < limit:
                found.append(post_id)
    return found, total


def in_time_order(found: Iterable[CalendarEntry]) -> tuple[CalendarEntry, ...]:
    return tuple(sorted(found, key=lambda e: (e.scheduled_at is None,
                                              e.scheduled_at.timestamp() if e.scheduled_at
                                              else 0.0, e.post_id)))


def search(db: Database, text: str, *, limit: int = SEARCH_LIMIT) -> SearchResult:
    """Posts of any date whose title or text contains every word of ``text``, ignoring
    case and accents; two queries to find them and five to load them, whatever their count."""
    from sqlalchemy import select

    from essplanner import models

    if not search_words(text):
        return SearchResult((), 0)
    post = models.Post.__table__.c
    with db.read() as s:
        rows: Iterator[tuple[int, str | None, str | None]] = (
            (r[0], r[1], r[2]) for r in s.execute(
                select(post.id, post.title, post.body)
                .order_by(post.scheduled_at.is_(None), post.scheduled_at, post.id)))
        ids, total = matching_ids(rows, text, limit)
        found = _load(s, models.Post.id.in_(ids)) if ids else []
    return SearchResult(in_time_order(found), total)


def has_posts(db: Database) -> bool:
    from sqlalchemy import select

    from essplanner import models

    with db.read() as s:
        return s.scalar(select(models.Post.id).limit(1)) is not None


def _load(s: Session, cond: ColumnElement[bool]) -> list[CalendarEntry]:
    from sqlalchemy import case, func, select

    from essplanner import models

    post, series = models.Post, models.PostSeries
    link = models.campaign_post
    setting = models.WorkspaceSetting
    # the approval rule, read in the same query (one statement per table, not per post)
    required = (select(setting.value).where(setting.key == models.APPROVAL_REQUIRED)
                .scalar_subquery())
    rows = s.execute(
        select(post.id, post.version, post.title, func.substr(post.body, 1, EXCERPT),
               post.link_url, post.scheduled_at, post.editorial_state, models.Campaign.name,
               post.series_id, series.rule, series.local_time, required)
        .outerjoin(link, link.c.post_id == post.id)  # a post is in one campaign at most
        .outerjoin(models.Campaign, models.Campaign.id == link.c.campaign_id)
        .outerjoin(series, series.id == post.series_id)
        .where(cond).order_by(post.scheduled_at, post.id)
    ).all()
    if not rows:
        return []
    accounts = {
        a.id: (a.name, shown_platform(a.platform, a.settings), bool(a.needs_reconnect),
               bool(a.enabled), a.blocked_reason or "")
        for a in s.execute(select(models.Account.id, models.Account.name,
                                  models.Account.platform, models.Account.settings,
                                  models.Account.needs_reconnect, models.Account.enabled,
                                  models.Account.blocked_reason))
    }
    # while the workspace asks for approval, a post not approved waits for it
    awaiting = ({r[0] for r in rows if r[6] != EditorialState.APPROVED.value}
                if rows[0][11] == "1" else set())
    target = models.Target
    badges: dict[int, list[TargetBadge]] = {}
    for t in s.execute(
        select(target.post_id, target.id, target.account_id, target.state, target.last_error,
               target.attempt_count)
        .join(post, post.id == target.post_id).where(cond).order_by(target.post_id, target.id)
    ):
        name, platform, flagged, enabled, block = accounts.get(
            t.account_id, ("?", "?", False, True, ""))
        state = DeliveryState(t.state)
        badges.setdefault(t.post_id, []).append(TargetBadge(
            target_id=t.id, account_id=t.account_id, account_name=name, platform=platform,
            state=state, last_error=t.last_error or "",
            holdup=holdup_of(state, needs_reconnect=flagged, enabled=enabled,
                             attempt_count=t.attempt_count or 0,
                             last_error=t.last_error or "", blocked=block,
                             awaiting_approval=t.post_id in awaiting)))
    personas = _pairs(s, models.post_persona.c.post_id, models.post_persona.c.persona_id,
                      cond, order_by=models.Persona.name, other=models.Persona)
    objectives = _pairs(s, models.post_objective.c.post_id, models.post_objective.c.objective_id,
                        cond, order_by=models.Objective.name, other=models.Objective)
    media: dict[int, int] = {}
    videos: dict[int, str] = {}
    for post_id, count, path in s.execute(
            select(models.Media.post_id, func.count(models.Media.id),
                   func.min(case((models.Media.mime_type.like("video/%"), models.Media.path))))
            .join(post, post.id == models.Media.post_id).where(cond)
            .group_by(models.Media.post_id)):
        media[post_id] = count
        if path:
            videos[post_id] = path
    return [
        CalendarEntry(
            post_id=r[0], version=r[1], title=r[2], text=r[3] or "", link_url=r[4] or "",
            scheduled_at=r[5], editorial_state=EditorialState(r[6]),
            targets=tuple(badges.get(r[0], ())), persona_ids=tuple(personas.get(r[0], ())),
            objective_ids=tuple(objectives.get(r[0], ())), media_count=int(media.get(r[0], 0)),
            video=videos.get(r[0], ""), campaign=r[7] or "", series_id=r[8],
            series_rule=r[9] or "", series_at=r[10] or "",
        )
        for r in rows
    ]


def _pairs(s: Session, post_col: Any, other_col: Any, cond: ColumnElement[bool], *,
           order_by: Any, other: Any) -> dict[int, list[int]]:
    from sqlalchemy import select

    from essplanner import models

    out: dict[int, list[int]] = {}
    stmt = (select(post_col, other_col)
            .join(models.Post, models.Post.id == post_col)
            .join(other, other.id == other_col)
            .where(cond).order_by(post_col, order_by))
    for post_id, other_id in s.execute(stmt):
        out.setdefault(post_id, []).append(other_id)
    return out



@dataclass(frozen=True)
class AttentionItem:
    """A target that will not go out without the user: failed, may or may not have gone
    out, missed, or waiting (account to reconnect or disabled, a refused send to retry)."""

    target_id: int
    post_id: int
    post_version: int
    title: str
    account_name: str
    platform: str  # as shown (``mimic`` for dry-run accounts)
    state: DeliveryState
    scheduled_at: datetime | None
    next_attempt_at: datetime | None
    attempt_count: int
    last_error: str
    account_id: int = 0
    holdup: Holdup | None = None


def attention_items(db: Database) -> list[AttentionItem]:
    """Every target needing the user's answer, oldest first (walks the state index)."""
    from sqlalchemy import and_, func, or_, select

    from essplanner import models
    from essplanner.repositories import approval_required

    post, target, account = models.Post, models.Target, models.Account
    scheduled = DeliveryState.SCHEDULED.value
    with db.read() as s:
        # Each branch of the OR walks an index (MULTI-INDEX OR): the targets in a state
        # that needs an answer; the scheduled targets of the few accounts waiting for a
        # person (found first: never a walk over every scheduled target, 20,000 of them
        # in a ten-year workspace); the scheduled targets refused for now (a partial index).
        waiting = list(s.scalars(select(account.id).where(or_(
            account.needs_reconnect.is_(True), account.enabled.is_(False),
            account.blocked_reason != ""))))
        branches = [
            target.state.in_([st.value for st in NEEDS_ATTENTION]),
            and_(target.state == scheduled, target.attempt_count > 0,
                 target.last_error != ""),
        ]
        if waiting:
            branches.append(and_(target.account_id.in_(waiting), target.state == scheduled))
        # while the workspace asks for approval, a scheduled post not approved waits for it
        # (a team's rule: only then are the scheduled targets walked)
        required = approval_required(s)
        if required:
            branches.append(and_(target.state == scheduled, target.post_id.in_(
                select(post.id).where(post.editorial_state != EditorialState.APPROVED.value))))
        stmt = (
            select(target.id, target.post_id, post.version, post.title,
                   func.substr(post.body, 1, 120), account.name, account.platform,
                   account.settings, target.state, post.scheduled_at, target.next_attempt_at,
                   target.attempt_count, target.last_error, account.id,
                   account.needs_reconnect, account.enabled, account.blocked_reason,
                   post.editorial_state)
            .join(post, post.id == target.post_id)
            .join(account, account.id == target.account_id)
            .where(or_(*branches))
            .order_by(post.scheduled_at, target.id)
        )
        items = []
        for r in s.execute(stmt):
            body = (r[4] or "").strip()
            title = r[3] or (body.splitlines()[0][:60] if body else "")
            state = DeliveryState(r[8])
            items.append(AttentionItem(
                target_id=r[0], post_id=r[1], post_version=r[2], title=title,
                account_name=r[5], platform=shown_platform(r[6], r[7]),
                state=state, scheduled_at=r[9], next_attempt_at=r[10],
                attempt_count=r[11] or 0, last_error=r[12] or "", account_id=r[13],
                holdup=holdup_of(state, needs_reconnect=bool(r[14]), enabled=bool(r[15]),
                                 attempt_count=r[11] or 0, last_error=r[12] or "",
                                 blocked=r[16] or "",
                                 awaiting_approval=required and r[17] != "approved")))
        return items
