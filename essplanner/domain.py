"""Frozen dataclasses and enums that cross layers (UI, services, scheduler, CLI).

No ORM instance ever leaves a service: services return these.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from essplanner.states import (  # re-exported: callers import them from here
    NEEDS_ATTENTION as NEEDS_ATTENTION,
    PRINT as PRINT,
    WEBSITE as WEBSITE,
    AccountBlock as AccountBlock,
    ConsentAction as ConsentAction,
    ConsentProblemKind as ConsentProblemKind,
    DeliveryState as DeliveryState,
    EditorialState as EditorialState,
    HistoryKind as HistoryKind,
    Holdup as Holdup,
    KpiSource as KpiSource,
    LoginKind as LoginKind,
    ObjectiveKind as ObjectiveKind,
    Period as Period,
    PostStatus as PostStatus,
    Role as Role,
    Segment as Segment,
    TeamAction as TeamAction,
    can as can,
    network_id as network_id,
)

if TYPE_CHECKING:  # the records' names here, for type checkers (see __getattr__ below)
    from essplanner.records import (
        Account as Account,
        AccountHandover as AccountHandover,
        ApprovalDiff as ApprovalDiff,
        Attempt as Attempt,
        AwarenessDay as AwarenessDay,
        Campaign as Campaign,
        Comment as Comment,
        Consent as Consent,
        ConsentProblem as ConsentProblem,
        ConsentRecordEntry as ConsentRecordEntry,
        Event as Event,
        HashtagSet as HashtagSet,
        HistoryEntry as HistoryEntry,
        ImpactRow as ImpactRow,
        Kpi as Kpi,
        MediaInput as MediaInput,
        MediaItem as MediaItem,
        Member as Member,
        Objective as Objective,
        Person as Person,
        Persona as Persona,
        PersonaRemoval as PersonaRemoval,
        PersonaUsage as PersonaUsage,
        PhotoPeople as PhotoPeople,
        PostDraft as PostDraft,
        PostQuery as PostQuery,
        ReviewItem as ReviewItem,
        Series as Series,
        Target as Target,
        UploadProgress as UploadProgress,
        WithdrawalImpact as WithdrawalImpact,
    )

#: how people call the platforms whose ids the code uses ("bluesky" -> "Bluesky")
PLATFORM_NAMES = {
    "facebook": "Facebook", "instagram": "Instagram", "threads": "Threads",
    "bluesky": "Bluesky", "mastodon": "Mastodon", "telegram": "Telegram",
    "linkedin": "LinkedIn", "x": "X", "pinterest": "Pinterest", "youtube": "YouTube",
    "tiktok": "TikTok",
}
#: the platform of test accounts: nothing is sent (they imitate a real one, ``mimic``)
TEST_PLATFORM = "dryrun"


def platform_name(platform: str) -> str:
    """A platform's name for people (never its id); test accounts are named by the caller
    in its language."""
    return PLATFORM_NAMES.get(platform, platform[:1].upper() + platform[1:])


#: a target in one of these states is going out, or went out, at the post's time
TIME_FIXING = frozenset({DeliveryState.PUBLISHING, DeliveryState.PUBLISHED})


def time_is_fixed(target_states: Iterable[DeliveryState]) -> bool:
    """Whether a post whose targets are in ``target_states`` must keep its time: moving
    it would split one post across two times (the service refuses; views do not offer it)."""
    return not TIME_FIXING.isdisjoint(target_states)


#: holdups of a scheduled target whose account waits for a person (nothing to retry)
ACCOUNT_HOLDUPS = frozenset({Holdup.RECONNECT, Holdup.DISABLED, Holdup.NEEDS_CREDITS,
                             Holdup.NEEDS_UPDATE, Holdup.NEEDS_ACCESS})


def holdup_of(state: DeliveryState, *, needs_reconnect: bool = False, enabled: bool = True,
              attempt_count: int = 0, last_error: str = "",
              blocked: str = "", awaiting_approval: bool = False) -> Holdup | None:
    """What keeps a target in ``state`` from going out on its own (None: nothing);
    ``awaiting_approval``: its post is not approved while the workspace asks for it."""
    if state is DeliveryState.FAILED:
        return Holdup.FAILED
    if state is DeliveryState.UNCONFIRMED:
        return Holdup.UNCONFIRMED
    if state is DeliveryState.MISSED:
        return Holdup.MISSED
    if state is not DeliveryState.SCHEDULED:
        return None
    if needs_reconnect:
        return Holdup.RECONNECT
    block = AccountBlock.of(blocked)
    if block is not None:
        return block.holdup
    if not enabled:
        return Holdup.DISABLED
    if awaiting_approval:
        return Holdup.AWAITING_APPROVAL
    if attempt_count > 0 and last_error:
        return Holdup.RETRYING
    return None


# status_of compares with these: tuples (equality, no enum hashing)
_NEED_ATTENTION = (DeliveryState.FAILED, DeliveryState.UNCONFIRMED, DeliveryState.MISSED)
_GOING_OUT = (DeliveryState.SCHEDULED, DeliveryState.PUBLISHING)
_CANCELLED, _PUBLISHED = DeliveryState.CANCELLED, DeliveryState.PUBLISHED


def status_of(target_states: Iterable[DeliveryState]) -> PostStatus:
    """The one state of a post whose targets are in ``target_states``.

    Any target needing attention makes it ATTENTION; no target, DRAFT; only cancelled
    targets, CANCELLED; all the others published, PUBLISHED; any of them scheduled,
    going out or published, SCHEDULED; otherwise DRAFT. (One pass with
    comparisons: calendars ask this of hundreds of posts, and hashing enum members
    calls Python.)"""
    empty = True
    all_cancelled = True
    all_published = True  # of the targets that are not cancelled
    on_its_way = False
    for state in target_states:
        empty = False
        if state in _NEED_ATTENTION:
            return PostStatus.ATTENTION
        if state == _CANCELLED:
            continue
        all_cancelled = False
        if state == _PUBLISHED:
            on_its_way = True
        else:
            all_published = False
            if state in _GOING_OUT:
                on_its_way = True
    if empty:
        return PostStatus.DRAFT
    if all_cancelled:
        return PostStatus.CANCELLED
    if all_published:
        return PostStatus.PUBLISHED
    return PostStatus.SCHEDULED if on_its_way else PostStatus.DRAFT


def title_from_body(body: str) -> str:
    """What names a post without a title: the start of its text's first line."""
    first_line = body.strip().splitlines()[0] if body.strip() else ""
    return first_line[:60]


@dataclass(frozen=True)
class UploadUnderWay:
    """A video being sent now: which post, on which account, and how far it got."""

    post_id: int
    title: str
    account_name: str
    platform: str
    progress: UploadProgress


@dataclass(frozen=True)
class Post:
    id: int
    title: str
    body: str
    editorial_state: EditorialState
    scheduled_at: datetime | None
    version: int
    link_url: str = ""
    call_to_action: str = ""
    hashtags: tuple[str, ...] = ()
    language: str = ""
    personas: tuple[Persona, ...] = ()
    objectives: tuple[Objective, ...] = ()
    media: tuple[MediaItem, ...] = ()
    targets: tuple[Target, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None
    #: the series this post is an occurrence of, and which one (local "YYYY-MM-DDTHH:MM")
    series_id: int | None = None
    occurrence: str | None = None

    @property
    def status(self) -> PostStatus:
        """One state for the whole post (chips, filters): attention wins, then progress."""
        return status_of(t.state for t in self.targets)

    @property
    def display_title(self) -> str:
        return title_from_body(self.body) if not self.title else self.title


class SeriesScope(enum.StrEnum):
    """What an edit, a move or a deletion of a recurring post applies to."""

    THIS = "this"  # this occurrence only
    FOLLOWING = "following"  # this one and the following: the series is split here
    ALL = "all"  # every occurrence that has not gone out


@dataclass(frozen=True)
class SeriesState:
    """Series and all their posts as they were at one moment: undo and redo go back to it."""

    series: tuple[Series, ...]
    posts: tuple[Post, ...]
    #: the series concerned (a series missing from ``series`` did not exist then)
    series_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Change:
    """What a mutation changed, so that each view decides what to redraw."""

    posts: frozenset[int] = frozenset()
    personas: bool = False
    objectives: bool = False
    accounts: bool = False
    measurements: bool = False
    #: events, campaigns or awareness days changed (the calendar's bars and labels)
    planning: bool = False
    #: the team's members, their roles or the workspace's team settings changed
    team: bool = False
    #: people, consents or who appears in an image changed (the consent register)
    consents: bool = False

    def __or__(self, other: Change) -> Change:
        return Change(
            posts=self.posts | other.posts,
            personas=self.personas or other.personas,
            objectives=self.objectives or other.objectives,
            accounts=self.accounts or other.accounts,
            measurements=self.measurements or other.measurements,
            planning=self.planning or other.planning,
            team=self.team or other.team,
            consents=self.consents or other.consents,
        )


# ---- events, campaigns, awareness days (the calendar around the posts)


@dataclass(frozen=True)
class DayMark:
    """An awareness day on one date (an occurrence of an :class:`AwarenessDay`)."""

    day: date
    day_id: int
    name: str
    personas: tuple[str, ...] = ()
    objectives: tuple[str, ...] = ()


@dataclass(frozen=True)
class CampaignBar:
    """A campaign on one day: ``first``/``last`` say whether the bar starts or ends here."""

    campaign_id: int
    name: str
    colour: str
    first: bool
    last: bool


@dataclass(frozen=True)
class EventStrip:
    """An event on one day: its name, and its local start time on its first day."""

    event_id: int
    name: str
    place: str = ""
    starts: time | None = None
    first: bool = True


@dataclass(frozen=True)
class DayMarks:
    """What a calendar period shows around its posts, by local day."""

    campaigns: dict[date, tuple[CampaignBar, ...]] = field(default_factory=dict)
    events: dict[date, tuple[EventStrip, ...]] = field(default_factory=dict)
    days: dict[date, tuple[DayMark, ...]] = field(default_factory=dict)


# ---- working as a team (issue 16): members, roles, reviews, comments, history


# ---- image rights: people who may appear in the association's images (migration 0011)


#: records defined in essplanner/records.py, built the first time one is asked for
_RECORDS = frozenset({
    "Persona",
    "PersonaUsage",
    "PersonaRemoval",
    "Kpi",
    "Objective",
    "AccountHandover",
    "Account",
    "MediaItem",
    "Attempt",
    "Target",
    "UploadProgress",
    "Series",
    "PostDraft",
    "MediaInput",
    "PostQuery",
    "HashtagSet",
    "Campaign",
    "Event",
    "AwarenessDay",
    "Member",
    "Comment",
    "HistoryEntry",
    "ApprovalDiff",
    "ReviewItem",
    "Person",
    "Consent",
    "ConsentProblem",
    "PhotoPeople",
    "ImpactRow",
    "WithdrawalImpact",
    "ConsentRecordEntry",
})


def __getattr__(name: str) -> Any:
    """``domain.PostDraft`` and ``from essplanner.domain import PostDraft`` (PEP 562)."""
    if name not in _RECORDS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from essplanner import records

    value = getattr(records, name)
    globals()[name] = value
    return value
