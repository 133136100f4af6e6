"""Posting slots and the queue.

Each account has weekly slots ("Mon 09:00, Wed 18:30"), wall-clock times in the
workspace's zone, so a slot stays at 09:00 local across daylight-saving changes. "Add to
the queue" schedules a post at the next free slot; the queue lists the posts placed that
way, in time order, and reordering it swaps their times.

A post goes out at one time on all its accounts (its targets share the post's time), so
a post for several accounts takes the earliest slot of any of them at which none of them
has a post yet. A slot is free when no post of that account (other than a cancelled
one) is planned at that time; slots less than :data:`LEAD` from now are skipped.

Changing an account's slots never moves a post: :meth:`SlotService.set_slots` says which
queued posts no longer sit on a slot, and :meth:`SlotService.requeue` moves them when
the person agrees.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select

from essplanner import domain, models
from essplanner.domain import Change, DeliveryState
from essplanner.errors import NotFoundError, ValidationError
from essplanner.i18n import _
from essplanner.services.base import Service
from essplanner.services.posts import PostService
from essplanner.storage import Database
from essplanner.timeutil import Clock, get_zone

#: a slot closer than this to now is skipped (the post would be late or rushed)
LEAD = timedelta(minutes=5)
#: how far ahead "Add to the queue" looks for a free slot
HORIZON = timedelta(days=366)
#: the delivery states of a post that is no longer in the queue (sent, or given up)
_LEFT_QUEUE = frozenset({DeliveryState.PUBLISHING.value, DeliveryState.PUBLISHED.value,
                         DeliveryState.CANCELLED.value})

_DAY_NAMES: dict[str, int] = {}
for _index, _names in enumerate((
        ("mon", "monday", "lun", "lundi"), ("tue", "tues", "tuesday", "mar", "mardi"),
        ("wed", "wednesday", "mer", "mercredi"), ("thu", "thur", "thurs", "thursday", "jeu",
                                                   "jeudi"),
        ("fri", "friday", "ven", "vendredi"), ("sat", "saturday", "sam", "samedi"),
        ("sun", "sunday", "dim", "dimanche"))):
    for _name in _names:
        _DAY_NAMES[_name] = _index
_SLOT = re.compile(r"^\s*([^\W\d_]+)\.?\s+(\d{1,2})\s*(?:[:h]\s*(\d{2})?)?\s*$")


@dataclass(frozen=True, order=True)
class Slot:
    """A weekly local time: ``weekday`` 0 is Monday, ``minute`` counts from midnight."""

    weekday: int
    minute: int

    @property
    def time(self) -> time:
        return time(self.minute // 60, self.minute % 60)

    def label(self) -> str:
        return f"{day_name(self.weekday)} {self.minute // 60:02d}:{self.minute % 60:02d}"


@dataclass(frozen=True)
class FreeSlot:
    """A slot of an account with no post at its time: when (UTC) and whose."""

    account_id: int
    when: datetime


@dataclass(frozen=True)
class SlotsSaved:
    """What saving an account's slots did: its slots now, and the queued posts of the
    account that no longer sit on a slot (they were not moved)."""

    slots: tuple[Slot, ...]
    off_slot: tuple[int, ...]


def day_name(weekday: int) -> str:
    """The short name of a day of the week (0: Monday), in the user's language."""
    return (_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun"))[weekday]


def format_slots(slots: Iterable[Slot]) -> str:
    return ", ".join(s.label() for s in sorted(slots))


def parse_slots(text: str) -> tuple[Slot, ...]:
    """Read "mon 09:00, wed 18:30" (English or French day names, "9h30" too); an empty
    text means no slot. A mistake is refused with the part it is in."""
    slots: set[Slot] = set()
    for part in re.split(r"[,;\n]", text):
        if not part.strip():
            continue
        match = _SLOT.match(part)
        day = _DAY_NAMES.get(_plain(match.group(1))) if match else None
        if match is None or day is None:
            raise ValidationError(_(
                "{part!r} is not a posting slot; write a day and a time, for example "
                "\u201cmon 09:00, wed 18:30\u201d.", part=part.strip()))
        hour, minute = int(match.group(2)), int(match.group(3) or 0)
        if hour > 23 or minute > 59:
            raise ValidationError(_("{part!r}: there is no such time of day.",
                                    part=part.strip()))
        slots.add(Slot(day, hour * 60 + minute))
    return tuple(sorted(slots))


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def occurrences(slots: Iterable[Slot], zone: ZoneInfo, start: datetime,
                end: datetime) -> list[datetime]:
    """The UTC times of ``slots`` in [start, end), each at its local wall-clock time.

    A slot in the hour skipped when clocks go forward falls an hour later that day (the
    same instant the zone gives the skipped time); a slot in the hour that happens twice
    is its first occurrence."""
    wanted = sorted(set(slots))
    if not wanted:
        return []
    out: set[datetime] = set()
    day: date = start.astimezone(zone).date() - timedelta(days=1)
    last = end.astimezone(zone).date() + timedelta(days=1)
    while day <= last:
        for slot in wanted:
            if slot.weekday == day.weekday():
                when = datetime.combine(day, slot.time, tzinfo=zone).astimezone(UTC)
                if start <= when < end:
                    out.add(when)
        day += timedelta(days=1)
    return sorted(out)


class SlotService(Service):
    """Posting slots per account, "Add to the queue", and the queue's order."""

    def __init__(self, db: Database, posts: PostService, *, zone: Callable[[], str | None],
                 clock: Clock | None = None) -> None:
        super().__init__(db, clock=clock)
        self.posts = posts
        self._zone_name = zone

    @property
    def zone(self) -> ZoneInfo:
        return get_zone(self._zone_name())

    # ---- slots
    def slots(self, account_id: int) -> tuple[Slot, ...]:
        return self.all_slots().get(account_id, ())

    def all_slots(self) -> dict[int, tuple[Slot, ...]]:
        """Every account's slots: {account id: slots in week order} (accounts with some)."""
        out: dict[int, list[Slot]] = {}
        with self.db.read() as s:
            for account_id, weekday, minute in s.execute(
                    select(models.PostingSlot.account_id, models.PostingSlot.weekday,
                           models.PostingSlot.minute)):
                out.setdefault(account_id, []).append(Slot(weekday, minute))
        return {a: tuple(sorted(v)) for a, v in out.items()}

    def set_slots(self, account_id: int, slots: Iterable[Slot]) -> SlotsSaved:
        """Replace the account's slots. No post moves: the result names the queued posts
        of the account that no longer sit on a slot (see :meth:`requeue`)."""
        wanted = tuple(sorted(set(slots)))
        for slot in wanted:
            if not (0 <= slot.weekday <= 6 and 0 <= slot.minute < 24 * 60):
                raise ValidationError(_("{part!r}: there is no such time of day.",
                                        part=str(slot)))
        with self.db.write() as s:
            if s.get(models.Account, account_id) is None:
                raise NotFoundError(_("There is no account number {id}.", id=account_id))
            s.execute(delete(models.PostingSlot).where(
                models.PostingSlot.account_id == account_id))
            s.add_all(models.PostingSlot(account_id=account_id, weekday=slot.weekday,
                                         minute=slot.minute) for slot in wanted)
        self._notify(Change(accounts=True))
        return SlotsSaved(wanted, tuple(self.off_slot(account_id)))

    # ---- the queue
    def queue(self, account_id: int | None = None) -> list[domain.Post]:
        """The queued posts still to go out (of one account, or all), in time order."""
        ids = self._queued_ids(account_id)
        posts = [self.posts.get(i) for i in ids]
        return sorted(posts, key=lambda p: (p.scheduled_at or datetime.max.replace(tzinfo=UTC),
                                            p.id))

    def next_free(self, account_ids: Sequence[int], *,
                  ignore_post: int | None = None) -> datetime | None:
        """The earliest slot of any of ``account_ids`` at which none of them has a post
        (None: none of them has slots)."""
        every = self.all_slots()
        ids = list(dict.fromkeys(account_ids))
        zone = self.zone
        start = self.clock.now() + LEAD
        step = timedelta(weeks=8)
        while start < self.clock.now() + HORIZON:
            end = start + step
            times = sorted({when for a in ids
                            for when in occurrences(every.get(a, ()), zone, start, end)})
            if not times and not any(every.get(a) for a in ids):
                return None
            taken = self._taken(ids, start, end, ignore_post)
            for when in times:
                if not any((a, when) in taken for a in ids):
                    return when
            start = end
        return None

    def require_free(self, account_ids: Sequence[int], *,
                     ignore_post: int | None = None) -> datetime:
        """:meth:`next_free`, or a message saying these accounts have no free slot."""
        when = self.next_free(account_ids, ignore_post=ignore_post)
        if when is None:
            with self.db.read() as s:
                names = ", ".join(sorted(
                    s.scalars(select(models.Account.name).where(
                        models.Account.id.in_(account_ids)))))
            raise ValidationError(_(
                "No free posting slot for {accounts}: give these accounts posting slots "
                "(Accounts, Posting slots) or choose a date.", accounts=names))
        return when

    def enqueue(self, post_id: int) -> domain.Post:
        """Schedule the post at the next free slot of its accounts and put it in the queue."""
        post = self.posts.get(post_id)
        accounts = [t.account_id for t in post.targets if t.state.value not in _LEFT_QUEUE]
        if not accounts:
            raise ValidationError(_("Choose at least one account for the post before adding "
                                    "it to the queue."))
        when = self.require_free(accounts, ignore_post=post_id)
        scheduled = self.posts.schedule(post_id, when, expected_version=post.version)
        with self.db.write() as s:
            if s.get(models.QueuedPost, post_id) is None:
                s.add(models.QueuedPost(post_id=post_id, queued_at=self.clock.now()))
        self._notify(Change(posts=frozenset({post_id})))  # now in the queue too
        return scheduled

    def reorder(self, post_ids: Sequence[int]) -> list[domain.Post]:
        """Give the queued posts ``post_ids`` the times they hold now, in this new order
        (the first gets the earliest), in one transaction."""
        ids = list(dict.fromkeys(post_ids))
        queued = set(self._queued_ids(None))
        stray = [i for i in ids if i not in queued]
        if stray:
            raise ValidationError(_("Post number {id} is not in the queue any more.",
                                    id=stray[0]))
        times = sorted(p.scheduled_at for p in (self.posts.get(i) for i in ids)
                       if p.scheduled_at is not None)
        if len(times) != len(ids):
            raise ValidationError(_("A post of the queue has no time any more; reload the "
                                    "queue."))
        moves = list(zip(ids, times, strict=True))
        self._refuse_double_booking(moves)
        return self.posts.reschedule_many(moves)

    def off_slot(self, account_id: int) -> list[int]:
        """The queued posts of the account whose time is a slot of none of their accounts."""
        every = self.all_slots()
        zone = self.zone
        out = []
        for post in self.queue(account_id):
            when = post.scheduled_at
            if when is None:
                continue
            window = (when - timedelta(days=1), when + timedelta(days=1))
            on_slot = any(when in occurrences(every.get(t.account_id, ()), zone, *window)
                          for t in post.targets)
            if not on_slot:
                out.append(post.id)
        return out

    def requeue(self, post_ids: Iterable[int]) -> list[domain.Post]:
        """Put these posts back on free slots, in their time order."""
        posts = sorted((self.posts.get(i) for i in post_ids),
                       key=lambda p: (p.scheduled_at or datetime.max.replace(tzinfo=UTC), p.id))
        return [self.enqueue(p.id) for p in posts]

    def free_slots(self, start: datetime, end: datetime,
                   account_ids: Iterable[int] | None = None) -> list[FreeSlot]:
        """The slots in [start, end) with no post of their account (of these accounts)."""
        every = self.all_slots()
        ids = list(every) if account_ids is None else [a for a in account_ids if a in every]
        start = max(start, self.clock.now())
        if not ids or start >= end:
            return []
        taken = self._taken(ids, start, end, None)
        zone = self.zone
        return [FreeSlot(a, when) for a in ids
                for when in occurrences(every[a], zone, start, end) if (a, when) not in taken]

    # ---- internals
    def _refuse_double_booking(self, moves: Sequence[tuple[int, datetime]]) -> None:
        """Refuse new times that put a post on a time one of its accounts already uses for
        a post outside ``moves`` (a post queued on two accounts carries its time to both)."""
        moving = {post_id for post_id, _when in moves}
        accounts = {post_id: [t.account_id for t in self.posts.get(post_id).targets
                              if t.state.value not in _LEFT_QUEUE]
                    for post_id in moving}
        every = sorted({a for ids in accounts.values() for a in ids})
        times = [when for _post_id, when in moves]
        if not every or not times:
            return
        taken = {(a, when) for a, when in self._taken(
            every, min(times), max(times) + timedelta(microseconds=1), None, exclude=moving)}
        for post_id, when in moves:
            clash = [a for a in accounts[post_id] if (a, when) in taken]
            if clash:
                with self.db.read() as s:
                    name = s.scalar(select(models.Account.name).where(
                        models.Account.id == clash[0])) or ""
                raise ValidationError(_(
                    "This order would give {account} two posts at the same time: another of "
                    "its posts is already planned then. Move that post first, or reorder the "
                    "queue of {account}.", account=name))

    def _queued_ids(self, account_id: int | None) -> list[int]:
        target = models.Target
        query = (select(models.QueuedPost.post_id).distinct()
                 .join(target, target.post_id == models.QueuedPost.post_id)
                 .where(target.state == DeliveryState.SCHEDULED.value))
        if account_id is not None:
            query = query.where(target.account_id == account_id)
        with self.db.read() as s:
            return list(s.scalars(query))

    def _taken(self, account_ids: Sequence[int], start: datetime, end: datetime,
               ignore_post: int | None, *,
               exclude: Collection[int] = ()) -> set[tuple[int, datetime]]:
        post, target = models.Post, models.Target
        query = (select(target.account_id, post.scheduled_at)
                 .join(post, post.id == target.post_id)
                 .where(target.account_id.in_(account_ids),
                        target.state != DeliveryState.CANCELLED.value,
                        post.scheduled_at >= start, post.scheduled_at < end))
        if ignore_post is not None:
            query = query.where(post.id != ignore_post)
        if exclude:
            query = query.where(post.id.not_in(list(exclude)))
        with self.db.read() as s:
            return {(a, when) for a, when in s.execute(query) if when is not None}
