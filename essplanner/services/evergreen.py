"""Evergreen posts: posts marked as reusable, with a cooldown and a maximum number of reuses.

Reusing one makes a **new** post — same text, tags, images and accounts, new targets —
at a chosen time, as a draft or scheduled; the old post and its targets are never touched.
A reuse is refused when it falls within the cooldown of another use of the same content
(the original's date, or any earlier copy's, before or after) or when the post was reused
as often as allowed. Deleting a copy forgets that reuse.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from essplanner import domain, models
from essplanner.errors import NotFoundError, ValidationError
from essplanner.i18n import _, n_
from essplanner.services.base import Notify, Service
from essplanner.services.posts import PostService
from essplanner.settings import Settings
from essplanner.storage import Database
from essplanner.timeutil import Clock, get_zone, require_aware

DEFAULT_COOLDOWN_DAYS = 30


@dataclass(frozen=True)
class EvergreenPost:
    """A reusable post, how it was used, and when it may be used again."""

    post_id: int
    title: str
    cooldown_days: int
    max_reuses: int | None  # None: no limit
    times_reused: int
    uses: tuple[datetime, ...]  # the dates of the original and of its copies, in order
    persona_ids: tuple[int, ...] = ()
    objective_ids: tuple[int, ...] = ()

    @property
    def cooldown(self) -> timedelta:
        return timedelta(days=self.cooldown_days)

    @property
    def last_used(self) -> datetime | None:
        return self.uses[-1] if self.uses else None

    @property
    def available_from(self) -> datetime | None:
        """When it may go out again after its last use (None: any time)."""
        return None if self.last_used is None else self.last_used + self.cooldown

    @property
    def exhausted(self) -> bool:
        return self.max_reuses is not None and self.times_reused >= self.max_reuses

    def too_close(self, when: datetime) -> datetime | None:
        """The use within the cooldown of ``when``, if any."""
        return next((u for u in self.uses if abs(when - u) < self.cooldown), None)

    def first_free(self, start: datetime, end: datetime) -> datetime | None:
        """The earliest time in [start, end) at which a reuse is allowed (None: none)."""
        if self.exhausted:
            return None
        # the times that are too close form open intervals around each use: the earliest
        # allowed time is ``start`` or the end of one of them
        for candidate in sorted([start, *(u + self.cooldown for u in self.uses)]):
            if start <= candidate < end and self.too_close(candidate) is None:
                return candidate
        return None


class EvergreenService(Service):
    """Marks posts as reusable and makes new posts from them."""

    def __init__(self, db: Database, posts: PostService, *, settings: Settings | None = None,
                 clock: Clock | None = None, notify: Notify | None = None) -> None:
        super().__init__(db, clock=clock, notify=notify)
        self.posts = posts
        self.settings = settings or Settings()

    def mark(self, post_id: int, *, cooldown_days: int = DEFAULT_COOLDOWN_DAYS,
             max_reuses: int | None = None) -> EvergreenPost:
        """Mark post ``post_id`` as evergreen (or change its cooldown and limit)."""
        if cooldown_days < 0:
            raise ValidationError(_("The cooldown is a number of days, 0 or more."))
        if max_reuses is not None and max_reuses < 1:
            raise ValidationError(_("The maximum number of reuses is 1 or more (or no limit)."))
        with self.db.write() as s:
            if s.get(models.Post, post_id) is None:
                raise NotFoundError(_("There is no post number {id}.", id=post_id))
            row = s.get(models.Evergreen, post_id)
            if row is None:
                row = models.Evergreen(post_id=post_id, created_at=self.clock.now())
                s.add(row)
            row.cooldown_days = cooldown_days
            row.max_reuses = max_reuses
            s.flush()
        self._notify(domain.Change(posts=frozenset({post_id})))
        return self.get(post_id)

    def unmark(self, post_id: int) -> None:
        """The post is no longer reusable (its copies stay)."""
        with self.db.write() as s:
            row = s.get(models.Evergreen, post_id)
            if row is not None:
                s.delete(row)
        self._notify(domain.Change(posts=frozenset({post_id})))

    def find(self, post_id: int) -> EvergreenPost | None:
        """Post ``post_id`` as an evergreen post, or None when it is not one."""
        with self.db.read() as s:
            row = s.get(models.Evergreen, post_id)
            return None if row is None else self._entry(s, row)

    def get(self, post_id: int) -> EvergreenPost:
        entry = self.find(post_id)
        if entry is None:
            raise NotFoundError(_("Post number {id} is not an evergreen post.", id=post_id))
        return entry

    def library(self) -> list[EvergreenPost]:
        """Every evergreen post, those available soonest first."""
        with self.db.read() as s:
            rows = s.scalars(select(models.Evergreen).order_by(models.Evergreen.post_id))
            entries = [self._entry(s, r) for r in rows]
        never = datetime.min.replace(tzinfo=self.clock.now().tzinfo)
        return sorted(entries, key=lambda e: (e.exhausted, e.available_from or never,
                                              e.title.casefold()))

    def available(self, start: datetime, end: datetime) -> list[tuple[EvergreenPost, datetime]]:
        """The evergreen posts that may be reused between ``start`` and ``end``, each with
        the earliest time it may (never before now)."""
        start = max(start, self.clock.now())
        found = []
        for entry in self.library():
            when = entry.first_free(start, end)
            if when is not None:
                found.append((entry, when))
        return found

    def reuse(self, post_id: int, when: datetime, *, schedule: bool = False,
              account_ids: Sequence[int] | None = None) -> domain.Post:
        """A new post copied from evergreen post ``post_id``, at ``when``: a draft, or
        scheduled on its accounts (``account_ids``, or the original's) with ``schedule``.

        Refused within the cooldown of another use, or past the maximum number of reuses.
        """
        require_aware(when)
        entry = self.get(post_id)
        self._check(entry, when)
        source = self.posts.get(post_id)
        # a reuse scheduled by someone who may not approve waits for an approver's review
        team = self.posts.team
        approved = team is None or team.can(domain.TeamAction.APPROVE)
        draft = domain.PostDraft(
            title=source.title, body=source.body, link_url=source.link_url,
            call_to_action=source.call_to_action, hashtags=source.hashtags,
            language=source.language,
            editorial_state=(domain.EditorialState.DRAFT if not schedule
                             else domain.EditorialState.APPROVED if approved
                             else domain.EditorialState.IN_REVIEW),
            persona_ids=tuple(p.id for p in source.personas if not p.archived),
            objective_ids=tuple(o.id for o in source.objectives),
            account_ids=tuple(account_ids) if account_ids is not None
            else tuple(t.account_id for t in source.targets),
            text_variants={t.account_id: t.text_variant for t in source.targets
                           if t.text_variant},
            target_options={t.account_id: dict(t.options) for t in source.targets
                            if t.options},
            media=tuple(domain.MediaInput(path=m.path, alt_text=m.alt_text, cover=m.cover_path)
                        for m in source.media),
        )
        copy = self.posts.create(draft, scheduled_at=when, schedule=schedule)
        try:
            with self.db.write() as s:
                # checked again under the row's lock: two people reusing the same post at
                # once do not get past the limit or the cooldown together
                row = s.get(models.Evergreen, post_id, with_for_update=True)
                if row is None:
                    raise NotFoundError(_("Post number {id} is not an evergreen post.",
                                          id=post_id))
                self._check(self._entry(s, row, leave_out=copy.id), when)
                s.add(models.EvergreenReuse(source_id=post_id, post_id=copy.id,
                                            created_at=self.clock.now()))
        except Exception:
            self.posts.delete(copy.id)
            raise
        self._notify(domain.Change(posts=frozenset({post_id, copy.id})))
        return copy

    def _check(self, entry: EvergreenPost, when: datetime) -> None:
        if entry.exhausted:
            raise ValidationError(n_(
                "« {title} » was already reused {n} time, its maximum.",
                "« {title} » was already reused {n} times, its maximum.",
                entry.times_reused, title=entry.title))
        close = entry.too_close(when)
        if close is not None:
            raise ValidationError(n_(
                "« {title} » was used on {day}: wait {n} day between two uses (from {free}).",
                "« {title} » was used on {day}: wait {n} days between two uses (from {free}).",
                entry.cooldown_days, title=entry.title, day=self._day(close),
                free=self._day(close + entry.cooldown)))

    def _day(self, when: datetime) -> str:
        return when.astimezone(get_zone(self.settings.timezone)).date().isoformat()

    def _entry(self, s: Session, row: models.Evergreen, *,
               leave_out: int | None = None) -> EvergreenPost:
        post = s.get(models.Post, row.post_id)
        assert post is not None  # the row goes with its post (ON DELETE CASCADE)
        copies = s.execute(
            select(models.Post.scheduled_at).join(
                models.EvergreenReuse, models.EvergreenReuse.post_id == models.Post.id)
            .where(models.EvergreenReuse.source_id == row.post_id,
                   models.Post.id != (leave_out or 0))).scalars().all()
        count = s.scalar(select(func.count()).select_from(models.EvergreenReuse).where(
            models.EvergreenReuse.source_id == row.post_id,
            models.EvergreenReuse.post_id != (leave_out or 0))) or 0
        uses = sorted(d for d in [post.scheduled_at, *copies] if d is not None)
        return EvergreenPost(
            post_id=post.id, title=post.title or domain.title_from_body(post.body),
            cooldown_days=row.cooldown_days, max_reuses=row.max_reuses,
            times_reused=int(count), uses=tuple(uses),
            persona_ids=tuple(p.id for p in post.personas),
            objective_ids=tuple(o.id for o in post.objectives))
