"""SQLAlchemy 2 typed ORM. The database is the only source of truth.

No column ever holds a secret: credentials live in the operating system keyring
(see :mod:`essplanner.credentials`). Every datetime column is :class:`UTCDateTime`,
which refuses naive values; every column that keeps a server's words is
:class:`RedactedText`, which masks secrets.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from essplanner.log import redact

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC; naive values are refused, loaded values are aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime, got {type(value).__name__}")
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value.isoformat()} refused: store aware UTC")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            # SQLite has no time zone type: store naive UTC so text ordering is time ordering.
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class RedactedText(TypeDecorator[str]):
    """Text that may repeat what a server said (an error): secrets are masked on the way in,
    and on the way out for rows written before this type existed (:func:`log.redact`)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return redact(value) if value else value

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        return redact(value) if value else value


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[str]: JSON}


post_persona = Table(
    "post_persona",
    Base.metadata,
    Column("post_id", ForeignKey("post.id", ondelete="CASCADE"), primary_key=True),
    Column("persona_id", ForeignKey("persona.id", ondelete="CASCADE"), primary_key=True),
)

post_objective = Table(
    "post_objective",
    Base.metadata,
    Column("post_id", ForeignKey("post.id", ondelete="CASCADE"), primary_key=True),
    Column("objective_id", ForeignKey("objective.id", ondelete="CASCADE"), primary_key=True),
)


class Persona(Base):
    __tablename__ = "persona"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    age: Mapped[int | None]
    segment: Mapped[str | None] = mapped_column(String(32))
    motivation: Mapped[str] = mapped_column(Text, default="")
    networks: Mapped[list[str]] = mapped_column(default=list)
    expected_content: Mapped[str] = mapped_column(Text, default="")
    # deleted while published posts name it: kept for them, hidden everywhere else
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Objective(Base):
    __tablename__ = "objective"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(32), default="other")
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    kpis: Mapped[list[Kpi]] = relationship(
        back_populates="objective", cascade="all, delete-orphan", order_by="Kpi.position"
    )


class Kpi(Base):
    """A measurable indicator of an objective: a target value over a period."""

    __tablename__ = "kpi"

    id: Mapped[int] = mapped_column(primary_key=True)
    objective_id: Mapped[int] = mapped_column(ForeignKey("objective.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(120))
    target_value: Mapped[float] = mapped_column(Float, default=0.0)
    unit: Mapped[str] = mapped_column(String(40), default="")
    period: Mapped[str] = mapped_column(String(16), default="month")
    source: Mapped[str] = mapped_column(String(16), default="outcomes")
    metric: Mapped[str | None] = mapped_column(String(40))

    objective: Mapped[Objective] = relationship(back_populates="kpis")


class Account(Base):
    """A connected channel. The secret is in the keyring under this row's id."""

    __tablename__ = "account"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120), unique=True)
    handle: Mapped[str] = mapped_column(String(255), default="")
    api_url: Mapped[str] = mapped_column(String(500), default="")
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    connected_by: Mapped[str] = mapped_column(String(120), default="")
    connected_at: Mapped[datetime | None]
    token_expires_at: Mapped[datetime | None]
    needs_reconnect: Mapped[bool] = mapped_column(Boolean, default=False)
    reconnect_reason: Mapped[str] = mapped_column(RedactedText, default="")
    #: the platform refuses every post until a person acts outside the app: "credits",
    #: "update" or "access" (publishers.errors.BLOCK_REASONS); "" when not blocked
    blocked_reason: Mapped[str] = mapped_column(String(16), default="")
    blocked_message: Mapped[str] = mapped_column(RedactedText, default="")
    grace_minutes: Mapped[int] = mapped_column(default=60)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # the handover register (migration 0013; domain.AccountHandover): never a secret
    login_kind: Mapped[str] = mapped_column(String(16), default="")
    login_owner: Mapped[str] = mapped_column(String(120), default="")
    backup_admins: Mapped[list[str]] = mapped_column(default=list)
    recovery_codes_place: Mapped[str] = mapped_column(String(300), default="")


class PostSeries(Base):
    """A recurring post (migration 0007): an RFC 5545 rule computed in local time from
    ``starts_on`` at ``local_time`` in ``zone``. Each occurrence is its own post
    (``Post.series_id``, ``Post.occurrence``), made ahead of time up to ``horizon_until``.
    ``content`` is what new occurrences copy (the post's fields, accounts and media)."""

    __tablename__ = "post_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    rule: Mapped[str] = mapped_column(String(500))
    starts_on: Mapped[date] = mapped_column(Date)
    local_time: Mapped[str] = mapped_column(String(5))  # "HH:MM", wall-clock time in zone
    zone: Mapped[str] = mapped_column(String(64))
    #: occurrences are scheduled when made (else left as drafts)
    schedule: Mapped[bool] = mapped_column(Boolean, default=True)
    content: Mapped[dict[str, Any]] = mapped_column(default=dict)
    #: local dates of occurrences deleted one by one (never made again)
    exdates: Mapped[list[str]] = mapped_column(default=list)
    #: every occurrence due before this instant has been made (or deliberately not)
    horizon_until: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def at(self) -> time:
        return time.fromisoformat(self.local_time)


class Post(Base):
    __tablename__ = "post"
    __table_args__ = (
        Index("ix_post_scheduled_at", "scheduled_at"),
        # one post per occurrence of a series, whoever makes it and however often
        Index("uq_post_series_occurrence", "series_id", "occurrence", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    link_url: Mapped[str] = mapped_column(String(2000), default="")
    call_to_action: Mapped[str] = mapped_column(String(120), default="")
    hashtags: Mapped[list[str]] = mapped_column(default=list)
    language: Mapped[str] = mapped_column(String(8), default="")
    editorial_state: Mapped[str] = mapped_column(String(16), default="draft")
    scheduled_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: the series this post is an occurrence of, and that occurrence's local date-time
    #: ("YYYY-MM-DDTHH:MM" in the series' zone; kept when the post alone is moved)
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("post_series.id", ondelete="SET NULL"), index=True)
    occurrence: Mapped[str | None] = mapped_column(String(16))

    personas: Mapped[list[Persona]] = relationship(secondary=post_persona, order_by=Persona.name)
    objectives: Mapped[list[Objective]] = relationship(
        secondary=post_objective, order_by=Objective.name
    )
    media: Mapped[list[Media]] = relationship(
        back_populates="post", cascade="all, delete-orphan", order_by="Media.position"
    )
    targets: Mapped[list[Target]] = relationship(
        back_populates="post", cascade="all, delete-orphan", order_by="Target.id"
    )

    # Optimistic locking: every UPDATE says WHERE version = <the version read>.
    __mapper_args__ = {"version_id_col": version}


class Media(Base):
    """An image or video of a post: a copy in the data folder, its checksum and alt text.

    For a video, what PyAV read (seconds, frames per second, codecs' short names) and
    ``cover_path``, an image the person chose as its cover (a copy in the data folder
    too; empty: the network picks a frame)."""

    __tablename__ = "media"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    path: Mapped[str] = mapped_column(String(1000))
    original_name: Mapped[str] = mapped_column(String(255), default="")
    checksum: Mapped[str] = mapped_column(String(64))
    mime_type: Mapped[str] = mapped_column(String(80))
    size: Mapped[int]
    width: Mapped[int | None]
    height: Mapped[int | None]
    alt_text: Mapped[str] = mapped_column(Text, default="")
    consent_note: Mapped[str] = mapped_column(Text, default="")
    duration: Mapped[float | None]
    frame_rate: Mapped[float | None]
    video_codec: Mapped[str] = mapped_column(String(32), default="")
    audio_codec: Mapped[str] = mapped_column(String(32), default="")
    cover_path: Mapped[str] = mapped_column(String(1000), default="")

    post: Mapped[Post] = relationship(back_populates="media")


class Target(Base):
    """A post on one account: its text variant and its delivery state machine."""

    __tablename__ = "target"
    __table_args__ = (
        UniqueConstraint("post_id", "account_id", name="uq_target_post_account"),
        Index("ix_target_due", "state", "next_attempt_at"),
        # the needs-attention list, without walking every scheduled target: an account's
        # targets by state, and the few that were refused for now (migration 0014)
        Index("ix_target_account_state", "account_id", "state"),
        # Partial (WHERE attempt_count > 0) on both databases: migration 0014 makes it so
        # and the schema comes from the migrations. Its PostgreSQL option is not repeated
        # here: naming it loads SQLAlchemy's PostgreSQL dialect (3 MiB) into every start on
        # a SQLite workspace, only to check the option's spelling.
        Index("ix_target_retrying", "state", sqlite_where=text("attempt_count > 0")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    text_variant: Mapped[str | None] = mapped_column(Text)
    options: Mapped[dict[str, Any]] = mapped_column(default=dict)
    state: Mapped[str] = mapped_column(String(16), default="draft")
    # When the service should next look at it: scheduled time, then back-off times.
    next_attempt_at: Mapped[datetime | None]
    attempt_count: Mapped[int] = mapped_column(default=0)
    # Lease of a claim: who sends it and until when the claim holds.
    lease_owner: Mapped[str | None] = mapped_column(String(120))
    lease_until: Mapped[datetime | None]
    # Chosen once, reused on every retry: Idempotency-Key, Bluesky record key...
    idempotency_key: Mapped[str] = mapped_column(String(64))
    remote_id: Mapped[str | None] = mapped_column(String(500))
    remote_url: Mapped[str | None] = mapped_column(String(2000))
    last_error: Mapped[str] = mapped_column(RedactedText, default="")
    published_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    post: Mapped[Post] = relationship(back_populates="targets")
    account: Mapped[Account] = relationship()
    attempts: Mapped[list[PublishAttempt]] = relationship(
        back_populates="target", cascade="all, delete-orphan", order_by="PublishAttempt.id"
    )


class UploadSession(Base):
    """The resumable upload of a target's media: what the publisher needs to resume it
    (a session URI, an offset, a chunk index; JSON, never a secret) and how far it got."""

    __tablename__ = "upload_session"

    target_id: Mapped[int] = mapped_column(
        ForeignKey("target.id", ondelete="CASCADE"), primary_key=True)
    session: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    sent: Mapped[int] = mapped_column(BigInteger, default=0)
    total: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class PublishAttempt(Base):
    """One try at sending a target: when, how long, what the server said."""

    __tablename__ = "publish_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("target.id", ondelete="CASCADE"), index=True)
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    duration_ms: Mapped[int | None]
    http_status: Mapped[int | None]
    outcome: Mapped[str] = mapped_column(String(16))
    error: Mapped[str] = mapped_column(RedactedText, default="")
    worker: Mapped[str] = mapped_column(String(120), default="")

    target: Mapped[Target] = relationship(back_populates="attempts")


# ---- measurements (migration 0002) ----


class TargetMetric(Base):
    """A platform metric of a published target, as read at ``read_at``."""

    __tablename__ = "target_metric"

    id: Mapped[int] = mapped_column(primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("target.id", ondelete="CASCADE"), index=True)
    read_at: Mapped[datetime]
    name: Mapped[str] = mapped_column(String(40))
    value: Mapped[float] = mapped_column(Float)


class OutcomeEntry(Base):
    """A result typed in by the team: donations received, volunteer sign-ups, help requests."""

    __tablename__ = "outcome_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    kpi_id: Mapped[int] = mapped_column(ForeignKey("kpi.id", ondelete="CASCADE"), index=True)
    occurred_at: Mapped[datetime]
    amount: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class LinkVisit(Base):
    """Visits of UTM-tagged links, imported from the association's web analytics."""

    __tablename__ = "link_visit"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[datetime]
    url: Mapped[str] = mapped_column(String(2000), default="")
    utm_source: Mapped[str] = mapped_column(String(80), default="")
    utm_medium: Mapped[str] = mapped_column(String(80), default="")
    utm_campaign: Mapped[str] = mapped_column(String(200), default="")
    visits: Mapped[int] = mapped_column(default=0)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class HashtagSet(Base):
    """A named, reusable set of hashtags for the editor."""

    __tablename__ = "hashtag_set"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    tags: Mapped[list[str]] = mapped_column(default=list)


# ---- posting slots and the queue (migration 0008) ----


class PostingSlot(Base):
    """A weekly time at which an account likes to publish ("Mon 09:00"), as local
    wall-clock time in the workspace's zone: ``weekday`` 0 is Monday, ``minute`` counts
    from midnight."""

    __tablename__ = "posting_slot"
    __table_args__ = (
        UniqueConstraint("account_id", "weekday", "minute", name="uq_posting_slot_time"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int]
    minute: Mapped[int]


class QueuedPost(Base):
    """A post placed by "Add to the queue": the queue lists them in slot order."""

    __tablename__ = "queued_post"

    post_id: Mapped[int] = mapped_column(
        ForeignKey("post.id", ondelete="CASCADE"), primary_key=True)
    queued_at: Mapped[datetime] = mapped_column(default=utcnow)


# ---- events, campaigns, awareness days (migration 0010)


class Campaign(Base):
    """Dates that group posts, drawn as a coloured bar on the calendar."""

    __tablename__ = "campaign"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    start_day: Mapped[date] = mapped_column(Date)
    end_day: Mapped[date] = mapped_column(Date)
    colour: Mapped[str] = mapped_column(String(9), default="#2a9d8f")
    objective_id: Mapped[int | None] = mapped_column(
        ForeignKey("objective.id", ondelete="SET NULL"))
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


#: the campaign of a post (at most one: the post is the key)
campaign_post = Table(
    "campaign_post",
    Base.metadata,
    Column("post_id", ForeignKey("post.id", ondelete="CASCADE"), primary_key=True),
    Column("campaign_id", ForeignKey("campaign.id", ondelete="CASCADE"), nullable=False,
           index=True),
)


class Event(Base):
    """Something that happens and is not a post: all day (days) or timed (UTC)."""

    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    start_day: Mapped[date | None] = mapped_column(Date)
    end_day: Mapped[date | None] = mapped_column(Date)
    starts_at: Mapped[datetime | None]
    ends_at: Mapped[datetime | None]
    place: Mapped[str] = mapped_column(String(300), default="")
    objective_id: Mapped[int | None] = mapped_column(
        ForeignKey("objective.id", ondelete="SET NULL"))
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaign.id", ondelete="SET NULL"))
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AwarenessDay(Base):
    """A day worth speaking about, from the shipped list or an iCalendar file (UID: no
    duplicate on a second import)."""

    __tablename__ = "awareness_day"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(300), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    start_day: Mapped[date] = mapped_column(Date)
    rrule: Mapped[str] = mapped_column(String(500), default="")
    offset_days: Mapped[int] = mapped_column(default=0)
    source: Mapped[str] = mapped_column(String(500), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    personas: Mapped[list[str]] = mapped_column(default=list)
    objectives: Mapped[list[str]] = mapped_column(default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


# ---- templates and evergreen posts (migration 0009) ----


class PostTemplate(Base):
    """A post template a user saved (the guide's own are data files, not rows): a skeleton
    text and what it suggests — personas and objectives by name, segments, objective kinds
    and networks."""

    __tablename__ = "post_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    link_url: Mapped[str] = mapped_column(String(2000), default="")
    call_to_action: Mapped[str] = mapped_column(String(120), default="")
    hashtags: Mapped[list[str]] = mapped_column(default=list)
    personas: Mapped[list[str]] = mapped_column(default=list)
    segments: Mapped[list[str]] = mapped_column(default=list)
    objective_kinds: Mapped[list[str]] = mapped_column(default=list)
    objectives: Mapped[list[str]] = mapped_column(default=list)
    networks: Mapped[list[str]] = mapped_column(default=list)
    reminder: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(8), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Evergreen(Base):
    """A post marked as reusable: how long to wait between two uses, how many reuses."""

    __tablename__ = "evergreen"

    post_id: Mapped[int] = mapped_column(
        ForeignKey("post.id", ondelete="CASCADE"), primary_key=True)
    cooldown_days: Mapped[int] = mapped_column(default=30)
    max_reuses: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class EvergreenReuse(Base):
    """A new post made from an evergreen one (deleting the copy forgets the reuse)."""

    __tablename__ = "evergreen_reuse"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(
        ForeignKey("evergreen.post_id", ondelete="CASCADE"), index=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


# ---- working as a team (migration 0012)

#: the ``workspace_setting`` key of "posts need approval before they are scheduled"
APPROVAL_REQUIRED = "approval_required"


class TeamMember(Base):
    """A person of the team: name, e-mail, role and, on PostgreSQL, their database login.

    Not the image-rights ``Person``. On a laptop alone there is one, holding every role."""

    __tablename__ = "team_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(254), unique=True)
    role: Mapped[str] = mapped_column(String(16), default="contributor")
    db_login: Mapped[str] = mapped_column(String(63), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class WorkspaceSetting(Base):
    """A setting of the whole workspace, which every machine and the publishing service
    obey (unlike the user's ``settings.json``): ``approval_required`` ("1" or "0")."""

    __tablename__ = "workspace_setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class PostApproval(Base):
    """A post's last approval: who, when, and its content then (the diff since approval).

    Kept when the post goes back to review, replaced by the next approval. On PostgreSQL
    only approvers may write it (``services.teamdb``)."""

    __tablename__ = "post_approval"

    post_id: Mapped[int] = mapped_column(
        ForeignKey("post.id", ondelete="CASCADE"), primary_key=True)
    approved_at: Mapped[datetime]
    approved_by: Mapped[str] = mapped_column(String(120), default="")
    snapshot: Mapped[dict[str, Any]] = mapped_column(default=dict)


class PostComment(Base):
    """A message of a post's discussion thread; ``mentions``: member ids named with @."""

    __tablename__ = "post_comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("team_member.id", ondelete="SET NULL"))
    author_name: Mapped[str] = mapped_column(String(120), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    mentions: Mapped[list[int]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PostHistory(Base):
    """One thing that happened to a post: when, who (empty: the publishing service), what
    (``domain.HistoryKind``) and a plain-text detail."""

    __tablename__ = "post_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    actor_name: Mapped[str] = mapped_column(String(120), default="")
    kind: Mapped[str] = mapped_column(String(24))
    detail: Mapped[str] = mapped_column(Text, default="")


# ---- image rights: people, consents, who is in an image, the proof log (migration 0011)


class Person(Base):
    """Someone who may appear in the association's images. Erased (GDPR): the row stays
    without any personal data, so that the proof log and the images refer to a number."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(String(300), default="")
    minor: Mapped[bool] = mapped_column(Boolean, default=False)
    guardian_name: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    erased_at: Mapped[datetime | None]


class Consent(Base):
    """A person's consent: its scopes, its dates (local, inclusive), the signed form (a
    copy in the media folder) and its withdrawal."""

    __tablename__ = "consent"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"),
                                           index=True)
    all_networks: Mapped[bool] = mapped_column(Boolean, default=False)
    platforms: Mapped[list[str]] = mapped_column(default=list)
    website: Mapped[bool] = mapped_column(Boolean, default=False)
    print_media: Mapped[bool] = mapped_column(Boolean, default=False)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    guardian_signed: Mapped[bool] = mapped_column(Boolean, default=False)
    form_path: Mapped[str] = mapped_column(String(1000), default="")
    withdrawn_at: Mapped[datetime | None]
    withdrawal_note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class Photo(Base):
    """What is known of who appears in an image, by the file's checksum."""

    __tablename__ = "photo"

    checksum: Mapped[str] = mapped_column(String(64), primary_key=True)
    no_person: Mapped[bool] = mapped_column(Boolean, default=False)
    answered: Mapped[bool] = mapped_column(Boolean, default=False)
    faces: Mapped[int | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


#: the people who appear in an image
photo_person = Table(
    "photo_person",
    Base.metadata,
    Column("checksum", ForeignKey("photo.checksum", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("person.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)


class ConsentRecord(Base):
    """The proof log: what was done in the register and when (no name once erased)."""

    __tablename__ = "consent_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True)
    at: Mapped[datetime]
    action: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text, default="")
