"""Recurring posts: series, their occurrences made ahead of time, and scoped changes.

Each occurrence of a series is its own post with its own targets, made ahead of time up to
a rolling horizon (:meth:`SeriesService.extend`, called when a series is saved and by the
publishing service's sweep), so exactly-once, missed and needs-attention apply to each
occurrence. A post is made at most once per occurrence: the database holds a unique
constraint on ``(series_id, occurrence)`` and the horizon only moves forward; occurrences
are never made in the past. Occurrences are computed in the series' local time
(:mod:`essplanner.recurrence`).

Changes take a scope (:class:`~essplanner.domain.SeriesScope`): this occurrence, this and
the following (the series is split: the old one ends the day before, a new one starts
there), or all. Each scoped change returns the :class:`~essplanner.domain.SeriesState`
before and after it; :meth:`SeriesService.restore_state` goes back to either (undo, redo).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from essplanner import domain, models, repositories as repo
from essplanner.domain import Change, DeliveryState, SeriesScope
from essplanner.errors import ConflictError, NotFoundError, ValidationError
from essplanner.i18n import _
from essplanner.recurrence import (
    WEEKDAYS,
    Rule,
    local_occurrences,
    occurrences_utc,
    parse_rule,
    to_utc,
    with_count,
    with_until,
)
from essplanner.services.base import Notify, Service
from essplanner.services.posts import Keep, PostService, new_idempotency_key
from essplanner.services.restore import _new_media, recreate_post, revert_post
from essplanner.settings import Settings
from essplanner.storage import Database
from essplanner.timeutil import Clock, get_zone, local_zone_name, require_aware

log = logging.getLogger(__name__)

OCCURRENCE_FORMAT = "%Y-%m-%dT%H:%M"
_FIXED = frozenset({DeliveryState.PUBLISHING.value, DeliveryState.PUBLISHED.value})
#: most occurrences one series makes in one pass (a daily rule over a long horizon)
MAX_PER_PASS = 400


def occurrence_key(local: datetime) -> str:
    return local.strftime(OCCURRENCE_FORMAT)


def occurrence_local(key: str) -> datetime:
    return datetime.strptime(key, OCCURRENCE_FORMAT)


def to_series(row: models.PostSeries) -> domain.Series:
    return domain.Series(id=row.id, rule=row.rule, starts_on=row.starts_on, local_time=row.at,
                         zone=row.zone, schedule=row.schedule,
                         exdates=tuple(row.exdates or ()), horizon_until=row.horizon_until,
                         content=dict(row.content or {}))


def _start_local(row: models.PostSeries) -> datetime:
    return datetime.combine(row.starts_on, row.at)


def _fixed(row: models.Post) -> bool:
    return any(t.state in _FIXED for t in row.targets)


def shift_rule(rule: Rule, days: int) -> Rule:
    """``rule`` with its days moved by ``days`` (a series moved from Monday to Tuesday)."""
    if days == 0:
        return rule
    parts = rule.parts()
    if rule.byday:
        shifted = []
        for day in rule.byday:
            code = day.lstrip("+-0123456789")
            rank = day[: len(day) - len(code)]
            shifted.append(rank + WEEKDAYS[(WEEKDAYS.index(code) + days) % 7])
        parts["BYDAY"] = ",".join(shifted)
    if rule.bymonthday:
        moved = [d + days for d in rule.bymonthday]
        if all(1 <= d <= 31 for d in moved):
            parts["BYMONTHDAY"] = ",".join(map(str, moved))
        else:
            parts.pop("BYMONTHDAY")
    return parse_rule(";".join(f"{k}={v}" for k, v in parts.items()))


class SeriesService(Service):
    """Recurring posts: made ahead of time, changed one, from one on, or all at once."""

    def __init__(self, db: Database, posts: PostService, *, settings: Settings,
                 clock: Clock | None = None, notify: Notify | None = None) -> None:
        super().__init__(db, clock=clock, notify=notify)
        self.posts = posts
        self.settings = settings

    # ---- queries
    def get(self, series_id: int) -> domain.Series:
        with self.db.read() as s:
            row = s.get(models.PostSeries, series_id)
            if row is None:
                raise NotFoundError(_("There is no series number {id}.", id=series_id))
            return to_series(row)

    def all(self) -> list[domain.Series]:
        with self.db.read() as s:
            return [to_series(r) for r in s.scalars(select(models.PostSeries)
                                                    .order_by(models.PostSeries.id))]

    def next_times(self, series_id: int, *, count: int = 5) -> list[datetime]:
        """The next ``count`` occurrences of a series from now (aware UTC)."""
        series = self.get(series_id)
        return [utc for _local, utc in occurrences_utc(
            parse_rule(series.rule), datetime.combine(series.starts_on, series.local_time),
            series.zone, after=self.clock.now(), limit=count)]

    def preview(self, rule: str, start: datetime, *, zone: str | None = None,
                count: int = 5) -> list[datetime]:
        """The first ``count`` times (aware UTC) of ``rule`` from ``start`` (aware), in
        ``zone`` (default: the workspace's): what the editor lists under the rule."""
        require_aware(start)
        name = self._zone(zone)
        local = start.astimezone(get_zone(name)).replace(tzinfo=None, second=0, microsecond=0)
        return [utc for _l, utc in occurrences_utc(parse_rule(rule), local, name, limit=count)]

    # ---- create
    def create(self, draft: domain.PostDraft, *, rule: str, start: datetime,
               zone: str | None = None, schedule: bool = True,
               ) -> tuple[domain.Series, list[domain.Post]]:
        """A series from ``start`` (aware; its local date and time in ``zone`` are kept),
        with its occurrences up to the horizon. Occurrences already past are not made."""
        require_aware(start)
        checked = parse_rule(rule)
        name = self._zone(zone)
        local = start.astimezone(get_zone(name)).replace(tzinfo=None, second=0, microsecond=0)
        if schedule and not draft.account_ids:
            raise ValidationError(_("Choose at least one account to publish on."))
        # the post of the first occurrence checks (and stores) the content
        first = self.posts.create(draft, scheduled_at=None, schedule=False)
        try:
            with self.db.write() as s:
                series = models.PostSeries(
                    rule=checked.text, starts_on=local.date(),
                    local_time=local.strftime("%H:%M"), zone=name, schedule=schedule,
                    content=_content(draft, first), exdates=[], horizon_until=None,
                    created_at=self.clock.now(), updated_at=self.clock.now())
                s.add(series)
                s.flush()
                row = s.get(models.Post, first.id)
                assert row is not None
                s.delete(row)  # the model post: its media rows are copied by each occurrence
                s.flush()
                made = self._extend_one(s, series, strict=True)
                series_id = series.id
                result = to_series(series)
                posts = [repo.load_post(s, i) for i in made]
        except Exception:
            self.posts.delete(first.id)
            raise
        if not posts:
            log.info("series %s has no occurrence to come", series_id)
        self._notify(Change(posts=frozenset(made) | {first.id}))
        return result, posts

    def start_from(self, post_id: int, draft: domain.PostDraft, *, rule: str,
                   start: datetime, zone: str | None = None, schedule: bool = True,
                   expected_version: int | None = None,
                   ) -> tuple[domain.SeriesState, domain.SeriesState]:
        """Make the single post ``post_id`` repeat: saved with ``draft`` at ``start`` (aware),
        it becomes the first occurrence of a new series whose next occurrences are made up
        to the horizon. Returns the states before and after, for undo and redo."""
        require_aware(start)
        checked = parse_rule(rule)
        name = self._zone(zone)
        before = self.posts.get(post_id)
        if before.series_id is not None:
            raise ValidationError(_("This post already repeats."))
        if domain.time_is_fixed(t.state for t in before.targets):
            raise ValidationError(_(
                "A post that is being sent or went out cannot start repeating: duplicate "
                "it, then choose how the copy repeats."))
        if schedule and not draft.account_ids:
            raise ValidationError(_("Choose at least one account to publish on."))
        local = start.astimezone(get_zone(name)).replace(tzinfo=None, second=0, microsecond=0)
        # content, images, accounts and time checked and saved as any edit is
        saved = self.posts.update(
            post_id, draft, expected_version=(before.version if expected_version is None
                                              else expected_version),
            scheduled_at=start, schedule=schedule)
        with self.db.write() as s:
            series = models.PostSeries(
                rule=checked.text, starts_on=local.date(),
                local_time=local.strftime("%H:%M"), zone=name, schedule=schedule,
                content=_content(draft, saved), exdates=[], horizon_until=None,
                created_at=self.clock.now(), updated_at=self.clock.now())
            s.add(series)
            s.flush()
            row = s.get(models.Post, post_id)
            assert row is not None
            row.series_id = series.id
            row.occurrence = occurrence_key(local)
            s.flush()
            made = self._extend_one(s, series)
            series_id = series.id
        self._notify(Change(posts=frozenset(made) | {post_id}))
        return (domain.SeriesState(series=(), posts=(before,), series_ids=frozenset({series_id})),
                self.state([series_id]))

    # ---- the rolling horizon
    def extend(self, series_ids: Iterable[int] | None = None) -> Change:
        """Make the occurrences up to the horizon of every series (or of ``series_ids``).

        Idempotent and safe from several processes at once: an occurrence already made is
        never made again (the unique constraint settles races). Cheap when nothing is to be
        made: one query."""
        horizon = self.clock.now() + timedelta(days=self.settings.series_horizon_days)
        made: list[int] = []
        with self.db.write() as s:
            query = select(models.PostSeries).where(or_(
                models.PostSeries.horizon_until.is_(None),
                models.PostSeries.horizon_until < horizon))
            if series_ids is not None:
                query = query.where(models.PostSeries.id.in_(list(series_ids)))
            for series in s.scalars(query.order_by(models.PostSeries.id)).all():
                made.extend(self._extend_one(s, series))
        change = Change(posts=frozenset(made))
        if made:
            self._notify(change)
        return change

    def _extend_one(self, s: Session, series: models.PostSeries, *,
                    strict: bool = False) -> list[int]:
        now = self.clock.now()
        horizon = now + timedelta(days=self.settings.series_horizon_days)
        after = max(now, series.horizon_until) if series.horizon_until else now
        rule = parse_rule(series.rule)
        start = _start_local(series)
        pairs = occurrences_utc(rule, start, series.zone, after=after, before=horizon,
                                limit=MAX_PER_PASS)
        existing = set(s.scalars(select(models.Post.occurrence).where(
            models.Post.series_id == series.id)))
        upcoming = s.scalars(select(models.Post.id).where(
            models.Post.series_id == series.id, models.Post.scheduled_at >= now)).all()
        wanted = self.settings.series_min_occurrences - len(upcoming) - len(pairs)
        if wanted > 0:  # a sparse rule (yearly): at least the next few, past the horizon
            pairs += occurrences_utc(rule, start, series.zone, after=max(after, horizon),
                                     limit=wanted)
        made: list[int] = []
        for local, utc in pairs:
            key = occurrence_key(local)
            if key in existing or local.date().isoformat() in (series.exdates or ()):
                continue
            post_id = self._make(s, series, key, utc, strict=strict)
            if post_id is not None:
                made.append(post_id)
        last = pairs[-1][1] + timedelta(seconds=1) if pairs else horizon
        series.horizon_until = max(horizon, last)
        return made

    def _make(self, s: Session, series: models.PostSeries, key: str, when: datetime, *,
              strict: bool) -> int | None:
        draft = _draft(series.content)
        try:
            with s.begin_nested():
                row = models.Post(editorial_state=draft.editorial_state.value,
                                  scheduled_at=when, series_id=series.id, occurrence=key,
                                  created_at=self.clock.now(), updated_at=self.clock.now())
                self.posts._apply_draft(s, row, draft, [])
                row.media = [_new_media(item) for item in _media(series.content)]
                s.add(row)
                self.posts._sync_targets(s, row, draft)
                s.flush()
        except IntegrityError:
            log.info("occurrence %s of series %s already made elsewhere", key, series.id)
            return None
        if series.schedule and row.targets:
            try:
                with s.begin_nested():
                    self.posts._schedule_targets(s, row, when)
            except ValidationError as exc:
                if strict:
                    raise
                # this occurrence needs a person: the attention list shows it
                for target in row.targets:
                    target.state = DeliveryState.FAILED.value
                    target.last_error = str(exc)
                    target.next_attempt_at = when
                    target.updated_at = self.clock.now()
        return row.id

    # ---- scoped changes
    def edit(self, post_id: int, draft: domain.PostDraft | None, *, scope: SeriesScope,
             when: datetime | None = None, rule: str | None = None,
             expected_version: int | None = None,
             ) -> tuple[domain.SeriesState, domain.SeriesState]:
        """Change an occurrence (its content: ``draft``; its time: ``when``; the series'
        rule: ``rule``) and, as ``scope`` says, the following ones or all of them.
        Returns the state of the series before and after, for undo and redo."""
        if when is not None:
            require_aware(when)
        post = self.posts.get(post_id)
        if post.series_id is None:
            raise ValidationError(_("This post does not repeat."))
        if expected_version is not None and post.version != expected_version:
            raise ConflictError(_("Someone else changed this post after you opened it; "
                                  "reload it and apply your changes again."))
        before = self.state([post.series_id])
        if scope is SeriesScope.THIS:
            if draft is not None:
                self.posts.update(post_id, draft, expected_version=post.version,
                                  scheduled_at=when if when is not None else Keep.KEEP)
            elif when is not None:
                self.posts.reschedule(post_id, when, expected_version=post.version)
            return before, self.state(before.series_ids)
        content_from = None
        if draft is not None:  # checks and stores the content (media) through its own post
            content_from = self.posts.update(post_id, draft, expected_version=post.version)
        ids = self._rewrite(post, scope=scope, draft=draft, content_from=content_from,
                            when=when, rule=rule)
        self.extend(ids)
        after = self.state(before.series_ids | ids)
        self._notify(Change(posts=frozenset(p.id for p in before.posts + after.posts)))
        return dataclasses.replace(before, series_ids=after.series_ids), after

    def move(self, post_id: int, when: datetime, *, scope: SeriesScope,
             ) -> tuple[domain.SeriesState, domain.SeriesState]:
        return self.edit(post_id, None, scope=scope, when=when)

    def delete(self, post_id: int, *, scope: SeriesScope,
               ) -> tuple[domain.SeriesState, domain.SeriesState]:
        """Delete an occurrence, it and the following ones (the series ends the day
        before), or the whole series. Posts that went out stay (history)."""
        post = self.posts.get(post_id)
        if post.series_id is None:
            raise ValidationError(_("This post does not repeat."))
        before = self.state([post.series_id])
        with self.db.write() as s:
            series = s.get(models.PostSeries, post.series_id)
            assert series is not None and post.occurrence is not None
            split = occurrence_local(post.occurrence)
            if scope is SeriesScope.FOLLOWING and split <= _start_local(series):
                scope = SeriesScope.ALL
            rows = list(self._posts(s, [series.id]))
            if scope is SeriesScope.THIS:
                gone = [r for r in rows if r.id == post_id]
                series.exdates = sorted({*series.exdates, split.date().isoformat()})
            elif scope is SeriesScope.FOLLOWING:
                gone = [r for r in rows if (r.occurrence or "") >= post.occurrence]
                series.rule = with_until(parse_rule(series.rule),
                                         split.date() - timedelta(days=1)).text
            else:
                gone = rows
            for row in gone:
                if any(t.state == DeliveryState.PUBLISHING.value for t in row.targets):
                    raise ConflictError(_("An occurrence is being sent right now; try again "
                                          "in a moment."))
                if _fixed(row):
                    continue
                s.delete(row)
            s.flush()
            series.updated_at = self.clock.now()
            if scope is SeriesScope.ALL:
                for row in rows:
                    if _fixed(row):  # history stays, without its series
                        row.series_id = None
                        row.occurrence = None
                s.flush()
                s.delete(series)
        after = self.state(before.series_ids)
        self._notify(Change(posts=frozenset(p.id for p in before.posts)))
        return before, after

    def state(self, series_ids: Iterable[int]) -> domain.SeriesState:
        """The series ``series_ids`` and all their posts, now."""
        wanted = frozenset(series_ids)
        with self.db.read() as s:
            rows = s.scalars(select(models.PostSeries).where(
                models.PostSeries.id.in_(list(wanted)))).all()
            post_ids = s.scalars(select(models.Post.id).where(
                models.Post.series_id.in_(list(wanted))).order_by(models.Post.id)).all()
            posts = tuple(repo.load_post(s, i, attempts=True) for i in post_ids)
            return domain.SeriesState(series=tuple(to_series(r) for r in rows), posts=posts,
                                      series_ids=wanted)

    def restore_state(self, state: domain.SeriesState) -> domain.SeriesState:
        """Put the series of ``state`` and their posts back as they were (undo, redo).
        Targets that went out since keep their state: nothing is sent twice."""
        now = self.clock.now()
        changed: set[int] = set()
        with self.db.write() as s:
            for series in state.series:
                row = s.get(models.PostSeries, series.id)
                if row is None:
                    row = models.PostSeries(id=series.id, created_at=now)
                    s.add(row)
                row.rule = series.rule
                row.starts_on = series.starts_on
                row.local_time = series.local_time.strftime("%H:%M")
                row.zone = series.zone
                row.schedule = series.schedule
                row.content = dict(series.content)
                row.exdates = list(series.exdates)
                row.horizon_until = series.horizon_until
                row.updated_at = now
            s.flush()
            keep = {p.id for p in state.posts}
            current = self._posts(s, state.series_ids)
            for post_row in current:
                changed.add(post_row.id)
                if post_row.id not in keep and not _fixed(post_row):
                    if any(t.state == DeliveryState.PUBLISHING.value for t in post_row.targets):
                        raise ConflictError(_("An occurrence is being sent right now; try "
                                              "again in a moment."))
                    s.delete(post_row)
            s.flush()
            for post in state.posts:
                found = s.get(models.Post, post.id)
                if found is None:
                    found = recreate_post(s, post, now, new_idempotency_key, keep_id=True)
                else:
                    revert_post(s, found, post, now, new_idempotency_key)
                    found.updated_at = now
                s.flush()
                changed.add(found.id)
            present = {r.id for r in state.series}
            for series_id in state.series_ids - present:
                gone = s.get(models.PostSeries, series_id)
                if gone is not None:
                    for post_row in self._posts(s, [series_id]):
                        post_row.series_id = None
                        post_row.occurrence = None
                    s.flush()
                    s.delete(gone)
        self._notify(Change(posts=frozenset(changed)))
        return self.state(state.series_ids)

    # ---- internals
    def _rewrite(self, post: domain.Post, *, scope: SeriesScope, draft: domain.PostDraft | None,
                 content_from: domain.Post | None, when: datetime | None,
                 rule: str | None) -> frozenset[int]:
        """Apply a change from ``post`` on (FOLLOWING: a new series) or to all; returns the
        ids of the series concerned."""
        assert post.series_id is not None and post.occurrence is not None
        now = self.clock.now()
        with self.db.write() as s:
            old = s.get(models.PostSeries, post.series_id)
            if old is None:
                raise NotFoundError(_("There is no series number {id}.", id=post.series_id))
            zone = get_zone(old.zone)
            split = occurrence_local(post.occurrence)
            start = _start_local(old)
            if scope is SeriesScope.FOLLOWING and split <= start:
                scope = SeriesScope.ALL
            delta = (when.astimezone(zone).replace(tzinfo=None, second=0, microsecond=0) - split
                     if when is not None else timedelta(0))
            base = parse_rule(old.rule)
            given = parse_rule(rule) if rule is not None else None
            if given is not None and given.text == base.text:
                given = None
            anchor = split if scope is SeriesScope.FOLLOWING else start
            new_start = anchor + delta
            if given is not None:
                new_rule = given
            else:
                new_rule = shift_rule(base, (new_start.date() - anchor.date()).days)
                if scope is SeriesScope.FOLLOWING and base.count is not None:
                    done = len(local_occurrences(base, start, before=split))
                    new_rule = with_count(new_rule, max(base.count - done, 1))
            same_times = delta == timedelta(0) and given is None
            content = (_content(draft, content_from) if draft is not None and content_from
                       else dict(old.content or {}))
            if scope is SeriesScope.FOLLOWING:
                target = models.PostSeries(
                    rule=new_rule.text, starts_on=new_start.date(),
                    local_time=new_start.strftime("%H:%M"), zone=old.zone,
                    schedule=old.schedule, content=content,
                    exdates=[d for d in old.exdates or () if d >= split.date().isoformat()],
                    horizon_until=old.horizon_until, created_at=now, updated_at=now)
                s.add(target)
                old.rule = with_until(base, split.date() - timedelta(days=1)).text
                old.updated_at = now
                s.flush()
                moving = [r for r in self._posts(s, [old.id])
                          if (r.occurrence or "") >= post.occurrence and not _fixed(r)]
            else:
                target = old
                target.rule = new_rule.text
                target.starts_on = new_start.date()
                target.local_time = new_start.strftime("%H:%M")
                target.content = content
                target.updated_at = now
                moving = [r for r in self._posts(s, [old.id]) if not _fixed(r)]
            if not same_times:
                target.horizon_until = None  # the occurrences to come are made again
                if delta != timedelta(0):
                    target.exdates = []
            source = s.get(models.Post, post.id) if draft is not None else None
            for row in moving:
                if any(t.state == DeliveryState.PUBLISHING.value for t in row.targets):
                    raise ConflictError(_("An occurrence is being sent right now; try again "
                                          "in a moment."))
                future = row.scheduled_at is None or row.scheduled_at >= now
                if not same_times and future:
                    s.delete(row)  # made again from the new rule by extend()
                    continue
                row.series_id = target.id
                if draft is not None and source is not None and row is not source:
                    self._copy(s, row, source, draft)
                if not same_times and row.occurrence is not None:
                    # a past occurrence kept (missed...): its time of day follows the move
                    moved = occurrence_local(row.occurrence) + delta
                    row.scheduled_at = to_utc(moved, zone)
                    for t in row.targets:
                        if t.state == DeliveryState.SCHEDULED.value:
                            t.next_attempt_at = row.scheduled_at
                row.updated_at = now
            s.flush()
            return frozenset({old.id, target.id})

    def _copy(self, s: Session, row: models.Post, source: models.Post,
              draft: domain.PostDraft) -> None:
        """Give ``row`` the content of ``source`` (just edited with ``draft``)."""
        plain = dataclasses.replace(draft, media=())
        self.posts._apply_draft(s, row, plain, [])
        row.media = [_new_media(repo.to_media(m)) for m in source.media]
        self.posts._sync_targets(s, row, draft)
        if row.scheduled_at is not None and any(
                t.state == DeliveryState.SCHEDULED.value for t in row.targets):
            new = [t for t in row.targets if t.state == DeliveryState.DRAFT.value]
            for t in new:
                t.state = DeliveryState.SCHEDULED.value
                t.next_attempt_at = row.scheduled_at

    def _posts(self, s: Session, series_ids: Iterable[int]) -> Sequence[models.Post]:
        return s.scalars(select(models.Post).where(
            models.Post.series_id.in_(list(series_ids))).order_by(models.Post.id)).all()

    def _zone(self, zone: str | None) -> str:
        name = zone or self.settings.timezone or local_zone_name()
        get_zone(name)  # refuses an unknown zone with a clear message
        return name


def _content(draft: domain.PostDraft, post: domain.Post) -> dict[str, Any]:
    """What new occurrences copy: ``draft``'s fields and ``post``'s stored media."""
    return {
        "title": draft.title, "body": draft.body, "link_url": draft.link_url,
        "call_to_action": draft.call_to_action, "hashtags": list(draft.hashtags),
        "language": draft.language, "editorial_state": draft.editorial_state.value,
        "persona_ids": list(draft.persona_ids), "objective_ids": list(draft.objective_ids),
        "account_ids": list(draft.account_ids),
        "text_variants": {str(k): v for k, v in draft.text_variants.items() if v},
        "target_options": {str(t.account_id): dict(t.options) for t in post.targets
                           if t.options},
        "media": [_media_dict(m) for m in post.media],
    }


def _media_dict(item: domain.MediaItem) -> dict[str, Any]:
    return {f.name: getattr(item, f.name) for f in dataclasses.fields(item)}


def _media(content: dict[str, Any]) -> list[domain.MediaItem]:
    return [domain.MediaItem(**m) for m in content.get("media", ())]


def _draft(content: dict[str, Any]) -> domain.PostDraft:
    return domain.PostDraft(
        title=content.get("title", ""), body=content.get("body", ""),
        link_url=content.get("link_url", ""), call_to_action=content.get("call_to_action", ""),
        hashtags=tuple(content.get("hashtags", ())), language=content.get("language", ""),
        editorial_state=domain.EditorialState(content.get("editorial_state", "draft")),
        persona_ids=tuple(content.get("persona_ids", ())),
        objective_ids=tuple(content.get("objective_ids", ())),
        account_ids=tuple(content.get("account_ids", ())),
        text_variants={int(k): v for k, v in content.get("text_variants", {}).items()},
        target_options={int(k): dict(v) for k, v in content.get("target_options", {}).items()},
    )

