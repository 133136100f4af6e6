"""Frozen dataclasses and enums that cross layers (UI, services, scheduler, CLI).

No ORM instance ever leaves a service: services return these.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

#: how people call the platforms whose ids the code uses ("bluesky" -> "Bluesky")
PLATFORM_NAMES = {
    "facebook": "Facebook", "instagram": "Instagram", "threads": "Threads",
    "bluesky": "Bluesky", "mastodon": "Mastodon", "telegram": "Telegram",
    "linkedin": "LinkedIn", "x": "X", "pinterest": "Pinterest", "youtube": "YouTube",
    "tiktok": "TikTok",
}
#: the platform of test accounts: nothing is sent (they imitate a real one, ``mimic``)
TEST_PLATFORM = "dryrun"


#: how people write some networks, as their platform ids ("Twitter" is X)
_NETWORK_ALIASES = {"twitter": "x", "x twitter": "x", "twitter x": "x", "fb": "facebook",
                    "insta": "instagram", "ig": "instagram", "bsky": "bluesky",
                    "linked in": "linkedin", "youtube": "youtube", "yt": "youtube"}


def network_id(name: str) -> str:
    """How people write a network ("Twitter", "Insta") as its platform id ("x", "instagram")."""
    plain = " ".join("".join(c if c.isalnum() else " " for c in name.casefold()).split())
    return _NETWORK_ALIASES.get(plain, plain.replace(" ", ""))


def platform_name(platform: str) -> str:
    """A platform's name for people (never its id); test accounts are named by the caller
    in its language."""
    return PLATFORM_NAMES.get(platform, platform[:1].upper() + platform[1:])


class EditorialState(enum.StrEnum):
    """Where a post stands in the team's editorial process."""

    IDEA = "idea"
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"


class DeliveryState(enum.StrEnum):
    """Delivery state of one post on one account (DESIGN.md §4)."""

    DRAFT = "draft"
    SCHEDULED = "scheduled"
    PUBLISHING = "publishing"
    PUBLISHED = "published"
    FAILED = "failed"
    UNCONFIRMED = "unconfirmed"
    MISSED = "missed"
    CANCELLED = "cancelled"

    @property
    def needs_attention(self) -> bool:
        return self in NEEDS_ATTENTION


NEEDS_ATTENTION = frozenset(
    {DeliveryState.FAILED, DeliveryState.UNCONFIRMED, DeliveryState.MISSED}
)

#: a target in one of these states is going out, or went out, at the post's time
TIME_FIXING = frozenset({DeliveryState.PUBLISHING, DeliveryState.PUBLISHED})


def time_is_fixed(target_states: Iterable[DeliveryState]) -> bool:
    """Whether a post whose targets are in ``target_states`` must keep its time: moving
    it would split one post across two times (the service refuses; views do not offer it)."""
    return not TIME_FIXING.isdisjoint(target_states)


class AccountBlock(enum.StrEnum):
    """Why a platform refuses every post of an account until a person acts outside the app
    (``publishers.errors.AccountBlocked.reason``)."""

    CREDITS = "credits"  # X: the pay-per-use balance is empty
    UPDATE = "update"  # the platform no longer speaks this release's API version
    ACCESS = "access"  # the developer app's access level forbids publishing

    @classmethod
    def of(cls, reason: str) -> AccountBlock | None:
        """The block named ``reason`` (None: not blocked; an unknown name: access)."""
        if not reason:
            return None
        try:
            return cls(reason)
        except ValueError:
            return cls.ACCESS

    @property
    def holdup(self) -> Holdup:
        return {AccountBlock.CREDITS: Holdup.NEEDS_CREDITS,
                AccountBlock.UPDATE: Holdup.NEEDS_UPDATE,
                AccountBlock.ACCESS: Holdup.NEEDS_ACCESS}[self]


class Holdup(enum.StrEnum):
    """Why a target will not go out at its time unless a person acts, and so what to do."""

    RECONNECT = "reconnect"  # scheduled, but its account must be reconnected
    DISABLED = "disabled"  # scheduled, but its account is disabled
    NEEDS_CREDITS = "needs_credits"  # scheduled, but the platform wants credits bought first
    NEEDS_UPDATE = "needs_update"  # scheduled, but ESS Planner must be updated first
    NEEDS_ACCESS = "needs_access"  # scheduled, but the developer app needs a higher access
    LOGIN_ENDING = "login_ending"  # an account's login runs out soon: reconnect before
    PRIVATE_LOGIN = "private_login"  # an account sits in a person's private login: a risk
    RETRYING = "retrying"  # a send was refused for now (rate limit, credits): waiting to retry
    FAILED = "failed"  # the network refused it, or a check blocked it
    UNCONFIRMED = "unconfirmed"
    MISSED = "missed"
    #: scheduled, but its post is not approved while the workspace asks for approval
    AWAITING_APPROVAL = "awaiting_approval"


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


class PostStatus(enum.StrEnum):
    """One word for a whole post, derived from its targets, for calendar chips and filters."""

    DRAFT = "draft"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    ATTENTION = "attention"
    CANCELLED = "cancelled"


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


class Segment(enum.StrEnum):
    """Audience segments that social-economy communication guides name."""

    VOLUNTEERS = "volunteers"
    DONORS = "donors"
    BENEFICIARIES = "beneficiaries"
    PARTNERS = "partners"
    GENERAL = "general"


class ObjectiveKind(enum.StrEnum):
    """The purposes a post can serve, beyond "being present"."""

    DONATIONS = "donations"
    VOLUNTEERS = "volunteers"
    AWARENESS = "awareness"
    PRODUCTS = "products"
    OTHER = "other"


class Period(enum.StrEnum):
    """Period over which a KPI target is measured."""

    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    CAMPAIGN = "campaign"


class KpiSource(enum.StrEnum):
    """Where a KPI's values come from."""

    METRICS = "metrics"  # platform metrics of published posts
    OUTCOMES = "outcomes"  # entries typed in by the team
    VISITS = "visits"  # clicks on UTM-tagged links (imported web analytics)


@dataclass(frozen=True)
class Persona:
    id: int
    name: str
    age: int | None = None
    segment: Segment | None = None
    motivation: str = ""
    networks: tuple[str, ...] = ()
    expected_content: str = ""
    archived: bool = False  # deleted, kept for the published posts that name it

    def uses_platform(self, platform: str) -> bool:
        """Whether this persona is on ``platform`` (ids such as "facebook")."""
        wanted = network_id(platform)
        return any(network_id(n) == wanted for n in self.networks)


@dataclass(frozen=True)
class PersonaUsage:
    """How many posts name a persona, and how many of them went out."""

    posts: int
    published: int


@dataclass(frozen=True)
class PersonaRemoval:
    """What deleting a persona did, to undo it: ``archived`` when published posts name it
    (the row stays for them), else the row is gone; ``untagged`` the other posts that
    named it."""

    persona: Persona
    archived: bool
    untagged: tuple[int, ...]


@dataclass(frozen=True)
class Kpi:
    id: int
    objective_id: int
    name: str
    target_value: float
    unit: str = ""
    period: Period = Period.MONTH
    source: KpiSource = KpiSource.OUTCOMES
    metric: str | None = None  # for METRICS: e.g. "likes", "reposts", "replies"


@dataclass(frozen=True)
class Objective:
    id: int
    name: str
    kind: ObjectiveKind = ObjectiveKind.OTHER
    description: str = ""
    kpis: tuple[Kpi, ...] = ()

    @property
    def main_kpi(self) -> Kpi | None:
        return self.kpis[0] if self.kpis else None


class LoginKind(enum.StrEnum):
    """Whose login connects an account: the association's own (shared, handed over with
    the association) or one person's private login (lost when that person leaves)."""

    UNKNOWN = ""
    ASSOCIATION = "association"
    PERSONAL = "personal"


@dataclass(frozen=True)
class AccountHandover:
    """What a team needs to hand an account over when a volunteer leaves. No secret: where
    the two-factor recovery codes are kept is a place ("the office safe"), never the codes."""

    login_kind: LoginKind = LoginKind.UNKNOWN
    #: whose login it is (a private login: that person; the association's: its holder)
    login_owner: str = ""
    #: the other people who administer the account on the platform itself
    backup_admins: tuple[str, ...] = ()
    recovery_codes_place: str = ""

    @property
    def at_risk(self) -> bool:
        """A private login: the account leaves with the person."""
        return self.login_kind is LoginKind.PERSONAL


@dataclass(frozen=True)
class Account:
    """A connected channel. Its secret is in the keyring, never here."""

    id: int
    platform: str
    name: str
    handle: str = ""
    api_url: str = ""
    settings: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    connected_by: str = ""
    connected_at: datetime | None = None
    token_expires_at: datetime | None = None
    needs_reconnect: bool = False
    reconnect_reason: str = ""
    grace_minutes: int = 60
    enabled: bool = True
    #: the platform refuses every post until a person acts (see :class:`AccountBlock`)
    blocked_reason: str = ""
    blocked_message: str = ""
    #: who can hand the account over, and how (the handover register)
    handover: AccountHandover = field(default_factory=AccountHandover)

    @property
    def block(self) -> AccountBlock | None:
        return AccountBlock.of(self.blocked_reason)


@dataclass(frozen=True)
class MediaItem:
    id: int
    position: int
    path: str
    original_name: str
    checksum: str
    mime_type: str
    size: int
    alt_text: str = ""
    width: int | None = None
    height: int | None = None
    duration: float | None = None  # a video's, in seconds
    frame_rate: float | None = None
    video_codec: str = ""
    audio_codec: str = ""
    cover_path: str = ""  # an image chosen as the video's cover, in the data folder

    @property
    def is_video(self) -> bool:
        return self.mime_type.startswith("video/")


@dataclass(frozen=True)
class Attempt:
    id: int
    target_id: int
    started_at: datetime
    duration_ms: int | None
    http_status: int | None
    outcome: str
    error: str = ""
    worker: str = ""


@dataclass(frozen=True)
class Target:
    """A post on one account, with its own delivery state."""

    id: int
    post_id: int
    account_id: int
    account_name: str
    platform: str
    state: DeliveryState
    text_variant: str | None = None
    next_attempt_at: datetime | None = None
    attempt_count: int = 0
    remote_id: str | None = None
    remote_url: str | None = None
    last_error: str = ""
    published_at: datetime | None = None
    attempts: tuple[Attempt, ...] = ()
    idempotency_key: str = ""  # kept when a deleted post is restored (undo)
    #: what was chosen for this account in the editor (TikTok's privacy, ...), sent as
    #: ``PublishRequest.options``
    options: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class UploadProgress:
    """How far the resumable upload of a target's video got (bytes sent of ``total``)."""

    target_id: int
    sent: int
    total: int
    updated_at: datetime | None = None

    @property
    def percent(self) -> int:
        return self.sent * 100 // self.total if self.total > 0 else 0


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
class Series:
    """A recurring post: an RFC 5545 rule from a local date and time in a time zone."""

    id: int
    rule: str
    starts_on: date
    local_time: time
    zone: str
    schedule: bool = True
    exdates: tuple[str, ...] = ()
    horizon_until: datetime | None = None
    #: what new occurrences copy (fields of the post, accounts, media)
    content: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class SeriesState:
    """Series and all their posts as they were at one moment: undo and redo go back to it."""

    series: tuple[Series, ...]
    posts: tuple[Post, ...]
    #: the series concerned (a series missing from ``series`` did not exist then)
    series_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class PostDraft:
    """What an editor (UI or CLI) submits to create or edit a post."""

    title: str = ""
    body: str = ""
    link_url: str = ""
    call_to_action: str = ""
    hashtags: tuple[str, ...] = ()
    language: str = ""
    editorial_state: EditorialState = EditorialState.DRAFT
    persona_ids: tuple[int, ...] = ()
    objective_ids: tuple[int, ...] = ()
    account_ids: tuple[int, ...] = ()
    text_variants: dict[int, str] = field(default_factory=dict, hash=False, compare=False)
    media: tuple[MediaInput, ...] = ()
    #: per account, the options chosen for it (TikTok's privacy...); an account not named
    #: keeps the options it had
    target_options: dict[int, dict[str, Any]] = field(default_factory=dict, hash=False,
                                                      compare=False)


@dataclass(frozen=True)
class MediaInput:
    """An image or video to attach: a file on disk (copied into the data folder) and its
    alt text; for a video, ``cover``: an image file chosen as its cover (empty: none)."""

    path: str
    alt_text: str
    media_id: int | None = None  # an already stored item being kept
    cover: str = ""


@dataclass(frozen=True)
class PostQuery:
    """Filters for a date-range query of the calendar."""

    start: datetime | None = None
    end: datetime | None = None
    persona_ids: frozenset[int] = frozenset()
    objective_ids: frozenset[int] = frozenset()
    account_ids: frozenset[int] = frozenset()
    platforms: frozenset[str] = frozenset()
    statuses: frozenset[PostStatus] = frozenset()
    delivery_states: frozenset[DeliveryState] = frozenset()
    include_unscheduled: bool = False


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


@dataclass(frozen=True)
class HashtagSet:
    """A named, reusable list of hashtags (without '#')."""

    id: int
    name: str
    tags: tuple[str, ...] = ()


# ---- events, campaigns, awareness days (the calendar around the posts)


@dataclass(frozen=True)
class Campaign:
    """Dates that group posts ("Winter collection"), drawn as a coloured bar; inclusive days."""

    id: int
    name: str
    start_day: date
    end_day: date
    colour: str = "#2a9d8f"
    objective_id: int | None = None
    description: str = ""


@dataclass(frozen=True)
class Event:
    """Something that happens and is not a post (a general assembly, an open day).

    All day: ``start_day``..``end_day`` (inclusive), ``starts_at``/``ends_at`` None;
    otherwise ``starts_at``/``ends_at`` in UTC, and the days are those of the
    workspace's zone."""

    id: int
    name: str
    all_day: bool
    start_day: date | None = None
    end_day: date | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    place: str = ""
    objective_id: int | None = None
    campaign_id: int | None = None
    description: str = ""


@dataclass(frozen=True)
class AwarenessDay:
    """A day of the year worth speaking about (World Day against poverty...): one date,
    or a yearly rule (``rrule``, iCalendar RRULE) from ``start_day``, moved by
    ``offset_days`` (Giving Tuesday: the 4th Thursday of November + 5 days)."""

    id: int
    uid: str
    name: str
    start_day: date
    rrule: str = ""
    offset_days: int = 0
    source: str = ""
    description: str = ""
    personas: tuple[str, ...] = ()
    objectives: tuple[str, ...] = ()


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


class Role(enum.StrEnum):
    """What a member of the team may do; each role holds the one before it."""

    CONTRIBUTOR = "contributor"  # writes drafts and submits them for review
    APPROVER = "approver"  # approves, requests changes, schedules
    ADMINISTRATOR = "administrator"  # accounts, settings, people

    def allows(self, action: TeamAction) -> bool:
        return can(self, action)


class TeamAction(enum.StrEnum):
    """Something only some roles may do."""

    WRITE = "write"
    SUBMIT = "submit"
    APPROVE = "approve"
    SCHEDULE = "schedule"
    MANAGE_ACCOUNTS = "manage_accounts"
    MANAGE_SETTINGS = "manage_settings"
    MANAGE_PEOPLE = "manage_people"


#: the least role that may do each action (roles are ordered: each holds the one before)
_LEAST_ROLE = {
    TeamAction.WRITE: Role.CONTRIBUTOR, TeamAction.SUBMIT: Role.CONTRIBUTOR,
    TeamAction.APPROVE: Role.APPROVER, TeamAction.SCHEDULE: Role.APPROVER,
    TeamAction.MANAGE_ACCOUNTS: Role.ADMINISTRATOR,
    TeamAction.MANAGE_SETTINGS: Role.ADMINISTRATOR,
    TeamAction.MANAGE_PEOPLE: Role.ADMINISTRATOR,
}
_RANK = {Role.CONTRIBUTOR: 0, Role.APPROVER: 1, Role.ADMINISTRATOR: 2}


def can(role: Role, action: TeamAction) -> bool:
    """Whether ``role`` may do ``action``."""
    return _RANK[role] >= _RANK[_LEAST_ROLE[action]]


@dataclass(frozen=True)
class Member:
    """A person of the team (not the image-rights ``Person``): who uses an installation,
    with their role and, on PostgreSQL, their own database login."""

    id: int
    name: str
    email: str
    role: Role
    db_login: str = ""
    active: bool = True

    def can(self, action: TeamAction) -> bool:
        return can(self.role, action)


@dataclass(frozen=True)
class Comment:
    """A message of a post's discussion thread; ``mentions``: the members named with @."""

    id: int
    post_id: int
    author_id: int | None
    author_name: str
    body: str
    mentions: tuple[int, ...] = ()
    at: datetime | None = None


class HistoryKind(enum.StrEnum):
    """What happened to a post, in its history."""

    CREATED = "created"
    EDITED = "edited"
    MOVED = "moved"
    SCHEDULED = "scheduled"
    UNSCHEDULED = "unscheduled"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"
    BACK_TO_REVIEW = "back_to_review"  # an approved post was edited: approval withdrawn
    PUBLISHED = "published"
    CANCELLED = "cancelled"
    COMMENTED = "commented"


@dataclass(frozen=True)
class HistoryEntry:
    """Who did what to a post and when; ``actor_name`` empty: the publishing service."""

    id: int
    post_id: int
    at: datetime
    actor_name: str
    kind: HistoryKind
    detail: str = ""


@dataclass(frozen=True)
class ApprovalDiff:
    """What changed in a post since it was approved: (field label, before, after) each;
    ``approved_at``/``approved_by`` None/"" when it was never approved."""

    changes: tuple[tuple[str, str, str], ...] = ()
    approved_at: datetime | None = None
    approved_by: str = ""

    def __bool__(self) -> bool:
        return bool(self.changes)


@dataclass(frozen=True)
class ReviewItem:
    """A post waiting for review, as the review list shows it."""

    post_id: int
    version: int
    title: str
    scheduled_at: datetime | None
    submitted_at: datetime | None
    submitted_by: str
    #: it was approved before and edited since (a diff since approval exists)
    changed_since_approval: bool = False


# ---- image rights: people who may appear in the association's images (migration 0011)


class ConsentProblemKind(enum.StrEnum):
    """Why a person's consent does not let an image of them go out on a channel."""

    NO_CONSENT = "no_consent"  # no consent recorded at all
    EXPIRED = "expired"  # it ended before the publishing date
    NOT_YET = "not_yet"  # it starts after the publishing date
    SCOPE = "scope"  # it does not cover this channel
    WITHDRAWN = "withdrawn"  # the person withdrew it
    GUARDIAN = "guardian"  # a minor, and the legal guardian has not signed
    ERASED = "erased"  # the person's data was erased: their images stay unused


#: the channels of a consent that are not social networks (``Consent.covers``)
WEBSITE = "website"
PRINT = "print"


class ConsentAction(enum.StrEnum):
    """What the register's proof log records (:class:`ConsentRecordEntry`)."""

    PERSON_ADDED = "person_added"
    PERSON_EDITED = "person_edited"
    ADDED = "added"
    WITHDRAWN = "withdrawn"
    TAGGED = "tagged"
    EXPORTED = "exported"
    ERASED = "erased"
    DELETED_POST = "deleted_post"


@dataclass(frozen=True)
class Person:
    """Someone who may appear in the association's images (not a team member).

    Once erased (GDPR), only ``id`` and ``erased_at`` remain: the proof log and the images
    that showed them refer to this number, never to a name."""

    id: int
    name: str
    contact: str = ""
    minor: bool = False
    guardian_name: str = ""
    notes: str = ""
    created_at: datetime | None = None
    erased_at: datetime | None = None


@dataclass(frozen=True)
class Consent:
    """A person's consent to appear in images: where (all social networks or named ones,
    the website, print), from when until when (local dates, inclusive), the signed form."""

    id: int
    person_id: int
    all_networks: bool
    platforms: tuple[str, ...] = ()
    website: bool = False
    print_: bool = False
    starts_on: date = date.min
    ends_on: date | None = None
    guardian_signed: bool = False
    form_path: str = ""
    withdrawn_at: datetime | None = None
    withdrawal_note: str = ""
    recorded_at: datetime | None = None

    def covers(self, platform: str, on: date, *, minor: bool = False,
               ) -> ConsentProblemKind | None:
        """None when this consent lets an image go out on ``platform`` (a platform id,
        :data:`WEBSITE` or :data:`PRINT`) on the local date ``on``; else why not.
        ``minor``: the person is a minor, so the guardian's signature is needed."""
        if self.withdrawn_at is not None:
            return ConsentProblemKind.WITHDRAWN
        if minor and not self.guardian_signed:
            return ConsentProblemKind.GUARDIAN
        if on < self.starts_on:
            return ConsentProblemKind.NOT_YET
        if self.ends_on is not None and on > self.ends_on:
            return ConsentProblemKind.EXPIRED
        if platform == WEBSITE:
            return None if self.website else ConsentProblemKind.SCOPE
        if platform == PRINT:
            return None if self.print_ else ConsentProblemKind.SCOPE
        if self.all_networks or network_id(platform) in self.platforms:
            return None
        return ConsentProblemKind.SCOPE

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


@dataclass(frozen=True)
class ConsentProblem:
    """A person shown in an image whose consent does not cover a channel on a date."""

    person_id: int
    person_name: str
    kind: ConsentProblemKind
    platform: str
    message: str  # translated; names the person and the reason


@dataclass(frozen=True)
class PhotoPeople:
    """Who appears in an image (keyed by the file's checksum: reusing it keeps its people).

    ``answered`` False: nobody said yet; ``no_person``: no identifiable person;
    ``faces``: the face detector's last count (None: not run)."""

    checksum: str
    person_ids: tuple[int, ...] = ()
    no_person: bool = False
    answered: bool = False
    faces: int | None = None


@dataclass(frozen=True)
class ImpactRow:
    """A post showing a person: when and where it goes (or went) out."""

    post_id: int
    title: str
    when: datetime | None  # UTC
    platform: str
    state: DeliveryState
    url: str = ""  # the published post's link, "" if none
    can_delete: bool = False  # the publisher can delete it from the network
    target_id: int = 0
    account_name: str = ""


@dataclass(frozen=True)
class WithdrawalImpact:
    """The posts a withdrawal concerns: those it stops and those already out."""

    scheduled: tuple[ImpactRow, ...] = ()
    published: tuple[ImpactRow, ...] = ()


@dataclass(frozen=True)
class ConsentRecordEntry:
    """One line of the register's proof log: what was done and when (never a name once
    the person is erased, never a secret)."""

    id: int
    person_id: int | None
    at: datetime
    action: ConsentAction
    detail: str = ""
