"""Events and campaigns: the association's life around the posts.

An event is not a post (a general assembly, an open day, a collection); a campaign is a
span of days that groups posts (a post belongs to at most one). :meth:`PlanningService.marks`
gives the calendar what to draw on each day, read once per shown period (the month
view paints from it without asking the database). :meth:`PlanningService.prepare_posts`
turns an event into its drafts: an announcement, a reminder, the day itself, a thank-you.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Protocol, TypeVar

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from essplanner import domain, models
from essplanner.domain import CampaignBar, Change, DayMarks, EventStrip
from essplanner.errors import NotFoundError, ValidationError
from essplanner.i18n import _
from essplanner.services.base import Notify, Service, flush_unique, required
from essplanner.storage import Database
from essplanner.timeutil import Clock, localize, require_aware

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
#: colours given in turn to campaigns created without one (readable on white and dark)
CAMPAIGN_COLOURS = ("#2a9d8f", "#e76f51", "#8e44ad", "#f4a261", "#3a86ff", "#d62828")
#: the drafts proposed for an event: (kind, days from the event's first day, local time)
DEFAULT_OFFSETS: tuple[tuple[str, int, time], ...] = (
    ("announcement", -14, time(10, 0)),
    ("reminder", -1, time(10, 0)),
    ("live", 0, time(9, 0)),
    ("thanks", 1, time(10, 0)),
)


def kind_label(kind: str) -> str:
    """What a prepared post is, for people (and its title's first words)."""
    labels = {"announcement": _("Announcement"), "reminder": _("Reminder"),
              "live": _("On the day"), "thanks": _("Thank you")}
    return labels.get(kind, kind)


@dataclass(frozen=True)
class PlannedPost:
    """One draft "prepare the posts" proposes: the person ticks it and may change its time."""

    kind: str
    title: str
    when: datetime
    chosen: bool = True


# ---- conversions


def to_campaign(row: models.Campaign) -> domain.Campaign:
    return domain.Campaign(id=row.id, name=row.name, start_day=row.start_day,
                           end_day=row.end_day, colour=row.colour,
                           objective_id=row.objective_id, description=row.description)


def to_event(row: models.Event) -> domain.Event:
    return domain.Event(id=row.id, name=row.name, all_day=row.all_day,
                        start_day=row.start_day, end_day=row.end_day,
                        starts_at=row.starts_at, ends_at=row.ends_at, place=row.place,
                        objective_id=row.objective_id, campaign_id=row.campaign_id,
                        description=row.description)


def event_days(event: domain.Event, zone: tzinfo) -> tuple[date, date]:
    """The first and last local day of an event (inclusive)."""
    if event.all_day:
        assert event.start_day is not None and event.end_day is not None
        return event.start_day, event.end_day
    assert event.starts_at is not None and event.ends_at is not None
    first = event.starts_at.astimezone(zone).date()
    # an event ending at midnight does not take the next day
    last = (event.ends_at.astimezone(zone) - timedelta(microseconds=1)).date()
    return first, max(first, last)


class PlanningService(Service):
    """Events and campaigns; what the calendar draws around the posts."""

    def __init__(self, db: Database, *, clock: Clock | None = None,
                 notify: Notify | None = None) -> None:
        super().__init__(db, clock=clock, notify=notify)

    # ---- campaigns
    def campaigns(self) -> list[domain.Campaign]:
        with self.db.read() as s:
            rows = s.scalars(select(models.Campaign).order_by(models.Campaign.start_day,
                                                              models.Campaign.name))
            return [to_campaign(r) for r in rows]

    def campaign(self, campaign_id: int) -> domain.Campaign:
        with self.db.read() as s:
            return to_campaign(_get(s, models.Campaign, campaign_id))

    def find_campaign(self, name: str) -> domain.Campaign:
        with self.db.read() as s:
            row = s.scalar(select(models.Campaign).where(models.Campaign.name == name.strip()))
            if row is None:
                raise NotFoundError(_("No campaign named {name!r}.", name=name))
            return to_campaign(row)

    def add_campaign(self, *, name: str, start_day: date, end_day: date, colour: str = "",
                     objective_id: int | None = None, description: str = "",
                     ) -> domain.Campaign:
        name = required(name, _("campaign name"))
        if end_day < start_day:
            raise ValidationError(_("A campaign cannot end before it starts."))
        with self.db.write() as s:
            if not colour:
                count = len(s.scalars(select(models.Campaign.id)).all())
                colour = CAMPAIGN_COLOURS[count % len(CAMPAIGN_COLOURS)]
            if not _COLOUR.match(colour):
                raise ValidationError(_("{colour!r} is not a colour; write it #rrggbb.",
                                        colour=colour))
            if objective_id is not None:
                _get(s, models.Objective, objective_id)
            row = models.Campaign(name=name, start_day=start_day, end_day=end_day,
                                  colour=colour.lower(), objective_id=objective_id,
                                  description=description)
            s.add(row)
            flush_unique(s, _("A campaign named {name!r} already exists.", name=name))
            result = to_campaign(row)
        self._notify(Change(planning=True))
        return result

    def update_campaign(self, campaign_id: int, *, name: str, start_day: date, end_day: date,
                        colour: str, objective_id: int | None = None, description: str = "",
                        ) -> domain.Campaign:
        """Change a campaign (its posts stay in it)."""
        name = required(name, _("campaign name"))
        if end_day < start_day:
            raise ValidationError(_("A campaign cannot end before it starts."))
        if not _COLOUR.match(colour):
            raise ValidationError(_("{colour!r} is not a colour; write it #rrggbb.",
                                    colour=colour))
        with self.db.write() as s:
            row = _get(s, models.Campaign, campaign_id)
            if objective_id is not None:
                _get(s, models.Objective, objective_id)
            row.name, row.start_day, row.end_day = name, start_day, end_day
            row.colour, row.objective_id, row.description = (colour.lower(), objective_id,
                                                             description)
            flush_unique(s, _("A campaign named {name!r} already exists.", name=name))
            result = to_campaign(row)
        self._notify(Change(planning=True))
        return result

    def remove_campaign(self, campaign_id: int) -> domain.Campaign:
        with self.db.write() as s:
            row = _get(s, models.Campaign, campaign_id)
            result = to_campaign(row)
            s.delete(row)
        self._notify(Change(planning=True))
        return result

    def set_campaign(self, post_ids: Iterable[int], campaign_id: int | None) -> None:
        """Put posts in a campaign (None: in none)."""
        ids = sorted(set(post_ids))
        with self.db.write() as s:
            for post_id in ids:
                _get(s, models.Post, post_id)
            if campaign_id is not None:
                _get(s, models.Campaign, campaign_id)
            s.execute(delete(models.campaign_post)
                      .where(models.campaign_post.c.post_id.in_(ids)))
            if campaign_id is not None and ids:
                s.execute(insert(models.campaign_post),
                          [{"post_id": i, "campaign_id": campaign_id} for i in ids])
        self._notify(Change(posts=frozenset(ids), planning=True))

    def campaign_posts(self, campaign_id: int) -> list[int]:
        with self.db.read() as s:
            return sorted(s.scalars(select(models.campaign_post.c.post_id).where(
                models.campaign_post.c.campaign_id == campaign_id)))

    def campaign_of(self, post_id: int) -> int | None:
        with self.db.read() as s:
            return s.scalar(select(models.campaign_post.c.campaign_id)
                            .where(models.campaign_post.c.post_id == post_id))

    # ---- events
    def events(self) -> list[domain.Event]:
        with self.db.read() as s:
            rows = s.scalars(select(models.Event).order_by(models.Event.id))
            return sorted((to_event(r) for r in rows), key=_event_order)

    def event(self, event_id: int) -> domain.Event:
        with self.db.read() as s:
            return to_event(_get(s, models.Event, event_id))

    def add_event(self, *, name: str, place: str = "", objective_id: int | None = None,
                  campaign_id: int | None = None, description: str = "",
                  start_day: date | None = None, end_day: date | None = None,
                  starts_at: datetime | None = None, ends_at: datetime | None = None,
                  ) -> domain.Event:
        """An all-day event (``start_day``, ``end_day``) or a timed one (``starts_at``,
        ``ends_at``, aware)."""
        values = _event_values(name, place, objective_id, campaign_id, description,
                               start_day, end_day, starts_at, ends_at)
        with self.db.write() as s:
            _check_links(s, objective_id, campaign_id)
            row = models.Event(**values)
            s.add(row)
            s.flush()
            result = to_event(row)
        self._notify(Change(planning=True))
        return result

    def update_event(self, event_id: int, *, name: str, place: str = "",
                     objective_id: int | None = None, campaign_id: int | None = None,
                     description: str = "", start_day: date | None = None,
                     end_day: date | None = None, starts_at: datetime | None = None,
                     ends_at: datetime | None = None) -> domain.Event:
        """Change an event; the same rules as :meth:`add_event`."""
        values = _event_values(name, place, objective_id, campaign_id, description,
                               start_day, end_day, starts_at, ends_at)
        with self.db.write() as s:
            row = _get(s, models.Event, event_id)
            _check_links(s, objective_id, campaign_id)
            for key, value in values.items():
                setattr(row, key, value)
            s.flush()
            result = to_event(row)
        self._notify(Change(planning=True))
        return result

    def remove_event(self, event_id: int) -> domain.Event:
        with self.db.write() as s:
            row = _get(s, models.Event, event_id)
            result = to_event(row)
            s.delete(row)
        self._notify(Change(planning=True))
        return result

    # ---- what the calendar draws
    def marks(self, start: date, end: date, zone: tzinfo) -> DayMarks:
        """Campaign bars, event strips and awareness days of the local days
        ``start`` <= day < ``end``, by day."""
        from essplanner.services.awareness import day_marks

        campaigns: dict[date, list[CampaignBar]] = {}
        events: dict[date, list[EventStrip]] = {}
        last_shown = end - timedelta(days=1)
        with self.db.read() as s:
            rows = s.scalars(select(models.Campaign).where(
                models.Campaign.start_day <= last_shown, models.Campaign.end_day >= start)
                .order_by(models.Campaign.start_day, models.Campaign.id)).all()
            for c in rows:
                for day in _days(max(c.start_day, start), min(c.end_day, last_shown)):
                    campaigns.setdefault(day, []).append(CampaignBar(
                        c.id, c.name, c.colour, day == c.start_day, day == c.end_day))
            # timed events are few: read those near the period, place them by local day
            margin = timedelta(days=2)
            lo = datetime.combine(start, time(0), tzinfo=UTC) - margin
            hi = datetime.combine(end, time(0), tzinfo=UTC) + margin
            event_rows = s.scalars(select(models.Event).where(
                ((models.Event.all_day.is_(True)) & (models.Event.start_day <= last_shown)
                 & (models.Event.end_day >= start))
                | ((models.Event.all_day.is_(False)) & (models.Event.starts_at < hi)
                   & (models.Event.ends_at > lo)))).all()
            found = sorted((to_event(r) for r in event_rows), key=_event_order)
            marks = day_marks(s, start, end)
        for event in found:
            first, last = event_days(event, zone)
            starts = None if event.all_day or event.starts_at is None else \
                event.starts_at.astimezone(zone).time()
            for day in _days(max(first, start), min(last, last_shown)):
                events.setdefault(day, []).append(EventStrip(
                    event.id, event.name, event.place,
                    starts if day == first else None, day == first))
        return DayMarks(campaigns={d: tuple(v) for d, v in campaigns.items()},
                        events={d: tuple(v) for d, v in events.items()},
                        days=marks)

    # ---- from an event, its posts
    def plan_posts(self, event_id: int, zone: tzinfo) -> list[PlannedPost]:
        """The drafts proposed for an event (D-14, D-1, the day, D+1), all ticked."""
        event = self.event(event_id)
        first, _last = event_days(event, zone)
        planned = []
        for kind, offset, at in DEFAULT_OFFSETS:
            if kind == "live" and event.starts_at is not None:
                when = event.starts_at
            else:
                when = localize(datetime.combine(first + timedelta(days=offset), at),
                                zone).utc
            planned.append(PlannedPost(kind, f"{kind_label(kind)}\u00a0: {event.name}"
                                       if _french() else f"{kind_label(kind)}: {event.name}",
                                       when))
        return planned

    def prepare_posts(self, event_id: int, planned: Sequence[PlannedPost],
                      posts: PostServiceLike) -> list[domain.Post]:
        """Create the chosen drafts of ``planned`` for an event: tied to its objective,
        in its campaign (one transaction for the posts, then their campaign)."""
        event = self.event(event_id)
        chosen = [p for p in planned if p.chosen]
        if not chosen:
            raise ValidationError(_("Tick at least one post to prepare."))
        objectives = (event.objective_id,) if event.objective_id is not None else ()
        items = []
        for p in chosen:
            require_aware(p.when)
            body = event.name + (f" — {event.place}" if event.place else "")
            items.append((p.title, domain.PostDraft(title=p.title, body=body,
                                                    objective_ids=objectives), p.when))
        created = posts.create_many(items)
        if event.campaign_id is not None:
            try:
                self.set_campaign([p.id for p in created], event.campaign_id)
            except Exception:
                for post in created:
                    posts.delete(post.id)
                raise
        return created


class PostServiceLike(Protocol):
    """What :meth:`PlanningService.prepare_posts` needs of the post service."""

    def create_many(self, items: Sequence[tuple[str, domain.PostDraft, datetime | None]], *,
                    schedule: bool = False) -> list[domain.Post]: ...

    def delete(self, post_id: int, *,
               expected_version: int | None = None) -> domain.Post: ...


def _event_values(name: str, place: str, objective_id: int | None, campaign_id: int | None,
                  description: str, start_day: date | None, end_day: date | None,
                  starts_at: datetime | None, ends_at: datetime | None) -> dict[str, object]:
    """An event's columns, checked (all day when ``starts_at`` is None)."""
    name = required(name, _("event name"))
    all_day = starts_at is None
    if all_day:
        if start_day is None:
            raise ValidationError(_("Give the event's day or its start time."))
        end_day = end_day or start_day
        if end_day < start_day:
            raise ValidationError(_("An event cannot end before it starts."))
        ends_at = None
    else:
        assert starts_at is not None
        require_aware(starts_at)
        ends_at = ends_at or starts_at + timedelta(hours=2)
        require_aware(ends_at)
        if ends_at <= starts_at:
            raise ValidationError(_("An event cannot end before it starts."))
        start_day = end_day = None
    return {"name": name, "all_day": all_day, "start_day": start_day, "end_day": end_day,
            "starts_at": starts_at, "ends_at": ends_at, "place": place.strip(),
            "objective_id": objective_id, "campaign_id": campaign_id,
            "description": description}


def _check_links(s: Session, objective_id: int | None, campaign_id: int | None) -> None:
    if objective_id is not None:
        _get(s, models.Objective, objective_id)
    if campaign_id is not None:
        _get(s, models.Campaign, campaign_id)


def _french() -> bool:
    from essplanner.i18n import language

    return language() == "fr"


def _event_order(event: domain.Event) -> tuple[datetime, int]:
    if event.starts_at is not None:
        return event.starts_at, event.id
    assert event.start_day is not None
    return datetime.combine(event.start_day, time(0), tzinfo=UTC), event.id


def _days(first: date, last: date) -> Iterable[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


_T = TypeVar("_T")


def _get(s: Session, model: type[_T], row_id: int) -> _T:
    row = s.get(model, row_id)
    if row is None:
        messages = {models.Campaign: _("Campaign {id} not found.", id=row_id),
                    models.Event: _("Event {id} not found.", id=row_id),
                    models.Objective: _("Objective {id} not found.", id=row_id),
                    models.Post: _("Post {id} not found.", id=row_id)}
        raise NotFoundError(messages.get(model, str(row_id)))  # type: ignore[arg-type]
    return row
