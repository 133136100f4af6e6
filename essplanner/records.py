"""The workspace's records as the services hand them out: personas, objectives, accounts,
targets, drafts and queries, campaigns and events, the team, image rights.

They belong to :mod:`essplanner.domain` and are imported from there
(``from essplanner.domain import PostDraft``); they live here so that a start of the
app, which needs none of them before the calendar is painted, does not build their
thirty-one dataclasses (each one compiles its methods: about 1 ms apiece).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from essplanner.states import (
    PRINT,
    WEBSITE,
    AccountBlock,
    ConsentAction,
    ConsentProblemKind,
    DeliveryState,
    EditorialState,
    HistoryKind,
    KpiSource,
    LoginKind,
    ObjectiveKind,
    Period,
    PostStatus,
    Role,
    Segment,
    TeamAction,
    can,
    network_id,
)


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
class HashtagSet:
    """A named, reusable list of hashtags (without '#')."""

    id: int
    name: str
    tags: tuple[str, ...] = ()


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
