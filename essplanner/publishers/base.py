"""The whole publisher plugin contract (DESIGN.md §6). Standard library and requests only.

A platform module imports nothing from ESS Planner but ``essplanner.publishers``;
it could move to a third-party package unchanged and be registered through the
``essplanner.publishers`` entry-point group::

    [project.entry-points."essplanner.publishers"]
    myplatform = "my_package.module:MyPublisher"

The service calls, for each target: ``validate`` (before scheduling, and again
before sending), then ``publish``; after an ambiguous failure, ``lookup`` to prove
what happened; later ``metrics``. ``check_account`` logs in and reports who we are.

Outcomes are told by exceptions:

- :class:`RetryableError` – nothing was published; try again later (429, 5xx,
  connection refused, DNS failure, offline). ``retry_after`` in seconds if the
  platform said so.
- :class:`PermanentError` – the platform refused; retrying will not help.
- :class:`AuthError` – the credentials are expired, revoked or wrong; the account
  must be reconnected.
- :class:`AmbiguousError` – the request may have been applied (timeout after it
  was sent, connection dropped before the answer). Never re-send blindly.
"""

from __future__ import annotations

import enum
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from essplanner.publishers.i18n import ntr, tr
from essplanner.publishers.text import (
    count_graphemes,
    count_weighted,
    replace_urls,
    strip_mention_domains,
    utf16_len,
)

if TYPE_CHECKING:
    from essplanner.publishers.http import HttpClient

# ---------------------------------------------------------------- errors ---


class PublishError(Exception):
    """Base of the outcomes a publisher reports by raising. ``message`` is in plain words."""

    def __init__(self, message: str, *, http_status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.http_status = http_status


class RetryableError(PublishError):
    """Nothing was published; try again later (after ``retry_after`` seconds if given)."""

    def __init__(
        self, message: str, *, http_status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message, http_status=http_status)
        self.retry_after = retry_after


class PermanentError(PublishError):
    """The platform refused the content; retrying will not help."""


class AuthError(PermanentError):
    """The credentials are wrong, expired or revoked: the account needs reconnecting."""


class AmbiguousError(PublishError):
    """The post may or may not exist: the request was sent but no answer came back."""


class ContentRejected(PermanentError):
    """Validation found problems before anything was sent."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = tuple(problems)


# ---------------------------------------------------------------- data ---


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a post for a platform, in words a volunteer understands."""

    code: str  # stable id, e.g. "text_too_long", "alt_text_missing"
    message: str
    field: str | None = None  # "text", "media", "link", ...
    severity: Severity = Severity.ERROR
    index: int | None = None  # which image, for media problems


class TextCounting(enum.StrEnum):
    """How a platform counts the length of a text."""

    GRAPHEMES = "graphemes"  # user-perceived characters (Bluesky, Mastodon)
    CODE_POINTS = "code_points"  # Unicode code points (Threads, Instagram)
    UTF16 = "utf16"  # UTF-16 code units (Telegram, TikTok)
    WEIGHTED = "weighted"  # X: most scripts 1, CJK and emoji 2
    BYTES = "bytes"  # UTF-8 bytes (YouTube description)


class LinkHandling(enum.StrEnum):
    """What the platform does with a link in the text."""

    PREVIEW = "preview"  # the server builds a preview card (Mastodon, Telegram, Facebook)
    CARD = "card"  # the client must build the card itself (Bluesky)
    NOT_CLICKABLE = "not_clickable"  # links in captions are plain text (Instagram)
    FIELD = "field"  # a separate link field (Pinterest, LinkedIn article)


@dataclass(frozen=True)
class PlatformRules:
    """Limits and habits of a platform, used by the editor's counters and by ``validate``."""

    platform: str
    text_limit: int | None
    counting: TextCounting = TextCounting.GRAPHEMES
    url_length: int | None = None  # every URL counts as this many characters (Mastodon, X)
    mention_local_part_only: bool = False  # "@user@domain" counts as "@user" (Mastodon)
    byte_limit: int | None = None  # a second limit in UTF-8 bytes (Bluesky: 3000)
    caption_limit: int | None = None  # limit of the text when media is attached (Telegram)
    max_images: int = 4
    min_media: int = 0  # Instagram needs at least one image
    image_types: frozenset[str] = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})
    max_image_bytes: int | None = None
    reencode_images: bool = False  # images over max_image_bytes are re-encoded, not refused
    max_image_pixels: int | None = None
    supports_alt_text: bool = True
    alt_text_limit: int | None = None
    link_handling: LinkHandling = LinkHandling.PREVIEW
    supports_video: bool = False
    text_required: bool = True
    display_name: str = ""

    @property
    def name(self) -> str:
        """The platform's name for messages."""
        return self.display_name or self.platform

    def count(self, text: str) -> int:
        """The length of ``text`` as the platform counts it."""
        if self.url_length is not None:
            text = replace_urls(text, "x" * self.url_length)
        if self.mention_local_part_only:
            text = strip_mention_domains(text)
        match self.counting:
            case TextCounting.GRAPHEMES:
                return count_graphemes(text)
            case TextCounting.CODE_POINTS:
                return len(text)
            case TextCounting.UTF16:
                return utf16_len(text)
            case TextCounting.WEIGHTED:
                return count_weighted(text)
            case TextCounting.BYTES:
                return len(text.encode("utf-8"))
        raise AssertionError(self.counting)

    def limit_for(self, media_count: int) -> int | None:
        if media_count and self.caption_limit is not None:
            return self.caption_limit
        return self.text_limit


@dataclass(frozen=True)
class AccountInfo:
    """What a publisher knows of the account it publishes to (no secret here)."""

    id: int
    platform: str
    name: str
    handle: str = ""
    api_url: str = ""
    settings: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class MediaFile:
    """An image (or video) to publish, stored on disk."""

    path: Path
    mime_type: str
    alt_text: str = ""
    size: int = 0
    width: int | None = None
    height: int | None = None
    checksum: str = ""


@dataclass(frozen=True)
class PublishRequest:
    """Everything needed to publish one post on one account.

    ``text`` is final: the post's body or the account's variant, with the link and
    hashtags already composed. ``idempotency_key`` is chosen once per target and
    reused on every retry (Mastodon's ``Idempotency-Key``, Bluesky's record key).
    """

    target_id: int
    post_id: int
    account: AccountInfo
    text: str
    idempotency_key: str
    link: str = ""
    media: tuple[MediaFile, ...] = ()
    language: str = ""
    title: str = ""
    scheduled_at: datetime | None = None
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Receipt:
    """Proof of a published post."""

    remote_id: str
    remote_url: str | None = None
    published_at: datetime | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AccountCheck:
    """Result of logging in: who we are, and what to remember (never a secret)."""

    handle: str
    display_name: str = ""
    token_expires_at: datetime | None = None
    settings: Mapping[str, Any] = field(default_factory=dict)  # e.g. an instance's limits
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class RateLimitInfo:
    """What the platform's rate-limit headers said on the last response."""

    limit: int | None = None
    remaining: int | None = None
    reset_at: datetime | None = None  # when the window resets
    retry_after: float | None = None  # seconds


class FieldKind(enum.StrEnum):
    """Where the value of an :class:`AccountField` goes."""

    SECRET = "secret"  # the account's main secret, kept in the keyring
    API_URL = "api_url"  # the account's API base URL
    HANDLE = "handle"  # the account's handle (login identifier)
    SETTING = "setting"  # a non-secret setting (``AccountInfo.settings[key]``)


@dataclass(frozen=True)
class AccountField:
    """One thing a volunteer types to connect an account; forms and ``account add`` use it.

    ``label`` and ``help`` are English source strings, translated with ``tr`` where shown.
    """

    key: str
    label: str
    kind: FieldKind = FieldKind.SETTING
    required: bool = True
    placeholder: str = ""
    help: str = ""


@dataclass(frozen=True)
class Credentials:
    """What an interactive (browser) login produced. ``vault`` holds further secrets."""

    secret: str
    handle: str = ""
    vault: Mapping[str, str] = field(default_factory=dict)
    settings: Mapping[str, Any] = field(default_factory=dict)


class SecretVault(Protocol):
    """Extra secrets of the account (a session, a refresh token), kept in the keyring."""

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str) -> None: ...

    def delete(self, key: str) -> None: ...


@dataclass
class PublisherContext:
    """What a publisher gets for one account: HTTP, secret, a logger, a clock, a folder.

    ``secret`` is the account's main secret (app password, token), read from the
    keyring. ``vault`` keeps further secrets such as a refreshed session.
    ``save_settings`` remembers non-secret facts about the account (an instance's
    character limit); they are merged into the account's settings. ``sleep`` waits
    between polls of asynchronous processing (tests pass one that moves a fake clock).
    Never log ``secret`` or vault values.
    """

    account: AccountInfo
    secret: str | None = field(repr=False)  # never in a repr, so never in a log line
    http: HttpClient
    logger: logging.Logger
    clock: Callable[[], datetime]
    data_dir: Path
    vault: SecretVault
    save_settings: Callable[[Mapping[str, Any]], None] = lambda _settings: None
    sleep: Callable[[float], None] = time.sleep

    @property
    def api_url(self) -> str:
        return self.account.api_url


# ---------------------------------------------------------------- protocol ---


@runtime_checkable
class Publisher(Protocol):
    """A platform. One instance serves every account of that platform (keep no per-post state)."""

    platform: ClassVar[str]
    display_name: ClassVar[str]
    default_api_url: ClassVar[str]

    def rules(self, account: AccountInfo | None = None) -> PlatformRules:
        """The limits for ``account`` (None: the platform's defaults)."""
        ...

    def validate(self, request: PublishRequest) -> list[Problem]:
        """Problems with the content, found without any network call."""
        ...

    def publish(self, request: PublishRequest, context: PublisherContext) -> Receipt: ...

    def lookup(self, request: PublishRequest, context: PublisherContext) -> Receipt | None:
        """After an ambiguous outcome: the receipt if the post exists, None if it surely does
        not. Raise :class:`AmbiguousError` when it cannot be told, :class:`RetryableError`
        when the platform cannot be asked right now."""
        ...

    def metrics(self, receipt: Receipt, context: PublisherContext) -> Mapping[str, float] | None:
        """Counters of a published post (likes, reposts, replies...), None if unavailable."""
        ...

    def check_account(self, context: PublisherContext) -> AccountCheck: ...


class BasePublisher:
    """Shared behaviour: generic validation from :class:`PlatformRules`, no lookup, no metrics.

    Subclasses set ``platform``, ``display_name``, ``default_api_url``, ``RULES`` and
    ``account_fields`` (what a volunteer types to connect an account), and implement
    ``publish`` and ``check_account``. A publisher that can log in through the browser
    also defines ``browser_login(*, api_url, http, open_url, timeout) -> Credentials``.
    """

    platform: ClassVar[str] = ""
    display_name: ClassVar[str] = ""
    default_api_url: ClassVar[str] = ""
    RULES: ClassVar[PlatformRules]
    account_fields: ClassVar[tuple[AccountField, ...]] = ()

    def rules(self, account: AccountInfo | None = None) -> PlatformRules:
        return self.RULES

    def validate(self, request: PublishRequest) -> list[Problem]:
        return validate_with_rules(self.rules(request.account), request)

    def publish(self, request: PublishRequest, context: PublisherContext) -> Receipt:
        raise NotImplementedError

    def lookup(self, request: PublishRequest, context: PublisherContext) -> Receipt | None:
        raise AmbiguousError(
            tr("{platform} cannot tell whether the post was published: check the account "
               "and mark it published, or retry.", platform=self.display_name)
        )

    def metrics(self, receipt: Receipt, context: PublisherContext) -> Mapping[str, float] | None:
        return None

    def check_account(self, context: PublisherContext) -> AccountCheck:
        raise NotImplementedError

    def ensure_valid(self, request: PublishRequest) -> None:
        """Raise :class:`ContentRejected` if validation finds errors (call first in publish)."""
        errors = [p for p in self.validate(request) if p.severity is Severity.ERROR]
        if errors:
            raise ContentRejected(errors)


def validate_with_rules(rules: PlatformRules, request: PublishRequest) -> list[Problem]:
    """The checks every platform shares: text length, media count, types, sizes, alt text."""
    problems: list[Problem] = []
    images = [m for m in request.media if m.mime_type.startswith("image/")]
    videos = [m for m in request.media if m.mime_type.startswith("video/")]
    text = request.text
    if rules.text_required and not text.strip() and not request.media:
        problems.append(Problem("text_empty", tr("The text is empty."), "text"))
    limit = rules.limit_for(len(request.media))
    if limit is not None:
        length = rules.count(text)
        if length > limit:
            params = {"length": length, "platform": rules.name, "limit": limit,
                      "over": length - limit}
            message = (
                tr("The caption is {length} characters long; {platform} allows {limit} "
                   "({over} too many).", **params)
                if request.media and rules.caption_limit
                else tr("The text is {length} characters long; {platform} allows {limit} "
                        "({over} too many).", **params)
            )
            problems.append(Problem("text_too_long", message, "text"))
    if rules.byte_limit is not None:
        size = len(text.encode("utf-8"))
        if size > rules.byte_limit:
            problems.append(Problem(
                "text_too_many_bytes",
                tr("The text takes {size} bytes; {platform} allows {limit} "
                   "(emoji and accented letters take several bytes).",
                   size=size, platform=rules.name, limit=rules.byte_limit),
                "text",
            ))
    if len(request.media) < rules.min_media:
        problems.append(Problem(
            "media_required",
            ntr("{platform} needs at least {n} image or video.",
                "{platform} needs at least {n} images or videos.", rules.min_media,
                platform=rules.name),
            "media",
        ))
    if len(images) > rules.max_images:
        problems.append(Problem(
            "too_many_images",
            ntr("{n} image; {platform} takes at most {limit}.",
                "{n} images; {platform} takes at most {limit}.", len(images),
                platform=rules.name, limit=rules.max_images),
            "media",
        ))
    if videos and not rules.supports_video:
        problems.append(Problem(
            "video_unsupported",
            tr("{platform} does not take videos here.", platform=rules.name), "media"
        ))
    for index, item in enumerate(request.media):
        name = item.path.name
        if item.mime_type.startswith("image/") and item.mime_type not in rules.image_types:
            problems.append(Problem(
                "image_type",
                tr("Image {n} ({name}) is {type}; {platform} takes {types}.",
                   n=index + 1, name=name, type=item.mime_type, platform=rules.name,
                   types=", ".join(sorted(t.removeprefix("image/") for t in rules.image_types))),
                "media", index=index,
            ))
        if (
            rules.max_image_bytes is not None
            and item.mime_type.startswith("image/")
            and item.size > rules.max_image_bytes
            and not rules.reencode_images
        ):
            problems.append(Problem(
                "image_too_big",
                tr("Image {n} ({name}) weighs {size} MB; {platform} takes at most {limit} MB.",
                   n=index + 1, name=name, size=f"{item.size / 1e6:.1f}",
                   platform=rules.name, limit=f"{rules.max_image_bytes / 1e6:.1f}"),
                "media", index=index,
            ))
        if (
            rules.max_image_pixels is not None
            and item.width and item.height
            and item.width * item.height > rules.max_image_pixels
            and not rules.reencode_images
        ):
            problems.append(Problem(
                "image_too_large",
                tr("Image {n} ({name}) is {width}×{height} pixels; too large for {platform}.",
                   n=index + 1, name=name, width=item.width, height=item.height,
                   platform=rules.name),
                "media", index=index,
            ))
        if rules.supports_alt_text and not item.alt_text.strip():
            problems.append(Problem(
                "alt_text_missing",
                tr("Image {n} ({name}) has no alternative text: describe it for people "
                   "who cannot see it.", n=index + 1, name=name),
                "media", index=index,
            ))
        if rules.alt_text_limit is not None and len(item.alt_text) > rules.alt_text_limit:
            problems.append(Problem(
                "alt_text_too_long",
                tr("The alternative text of image {n} is {length} characters; {platform} "
                   "allows {limit}.", n=index + 1, length=len(item.alt_text),
                   platform=rules.name, limit=rules.alt_text_limit),
                "media", index=index,
            ))
    return problems
