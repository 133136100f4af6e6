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

- :class:`RetryableError` – nothing was published; try again later (429, a 5xx
  to a read, connection refused, DNS failure, offline). ``retry_after`` in seconds
  if the platform said so.
- :class:`PermanentError` – the platform refused; retrying will not help.
- :class:`AuthError` – the credentials are expired, revoked or wrong; the account
  must be reconnected.
- :class:`AmbiguousError` – the request may have been applied (timeout after it
  was sent, connection dropped before the answer, a 5xx answer to a send: a proxy
  may answer 502 after the platform created the post). Never re-send blindly.
"""


from __future__ import annotations

import enum
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from essplanner.publishers.errors import AmbiguousError, ContentRejected, PermanentError
from essplanner.publishers.i18n import tr
from essplanner.publishers.rules import PlatformRules, Problem, Severity
from essplanner.publishers.validation import validate_with_rules

if TYPE_CHECKING:
    from essplanner.publishers.http import HttpClient

# ---------------------------------------------------------------- data ---

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
    """An image (or video) to publish, stored on disk.

    For a video (``mime_type`` ``video/...``), what the app read from the file with PyAV:
    ``duration`` in seconds, ``frame_rate`` in frames per second, the codecs' short
    names (``"h264"``, ``"aac"``; empty when unknown) and ``cover``, an image chosen as
    the video's cover or thumbnail (None: the network picks a frame).
    """

    path: Path
    mime_type: str
    alt_text: str = ""
    size: int = 0
    width: int | None = None
    height: int | None = None
    checksum: str = ""
    duration: float | None = None
    frame_rate: float | None = None
    video_codec: str = ""
    audio_codec: str = ""
    cover: Path | None = None

    @property
    def is_video(self) -> bool:
        return self.mime_type.startswith("video/")


class UploadStore(Protocol):
    """Where a publisher keeps the session of a resumable upload, per target, so that an
    upload cut by a crash, a network cut or a sleep resumes instead of starting over.

    ``get`` gives what ``put`` stored last for this target (None: no upload began); ``put``
    stores it durably before returning (call it as soon as the platform gave the session
    URI, and after each chunk the platform acknowledged); ``clear`` forgets it once the
    post is published or the session is dead. ``progress`` reports bytes sent for the
    app (per target percentage); it stores nothing. Values are JSON: str, int, float,
    bool, lists and dicts; never a secret.
    """

    def get(self) -> dict[str, Any] | None: ...

    def put(self, session: Mapping[str, Any]) -> None: ...

    def clear(self) -> None: ...

    def progress(self, sent: int, total: int) -> None: ...


class MemoryUploads:
    """An :class:`UploadStore` that forgets everything with the process (tests, previews)."""

    def __init__(self) -> None:
        self.session: dict[str, Any] | None = None
        self.reports: list[tuple[int, int]] = []

    def get(self) -> dict[str, Any] | None:
        return None if self.session is None else dict(self.session)

    def put(self, session: Mapping[str, Any]) -> None:
        self.session = dict(session)

    def clear(self) -> None:
        self.session = None

    def progress(self, sent: int, total: int) -> None:
        self.reports.append((sent, total))


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
    """Proof of a published post. ``extra["warning"]``: what went wrong after the post was
    published (a thumbnail the network refused), kept with the published target."""

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
class ClientApp:
    """The developer app an OAuth login speaks for: its client id, and its secret where
    the platform requires one (X's public clients have none). Given by the volunteer in
    the account dialog, or shipped as a default (``publishers/clients.toml``)."""

    client_id: str
    client_secret: str = field(default="", repr=False)


@dataclass(frozen=True)
class Choice:
    """One of the things a login offers to publish as (a LinkedIn Page, a Pinterest
    board): ``value`` is stored in ``settings[Credentials.choose]``, ``label`` is shown."""

    value: str
    label: str


#: setting (ISO 8601, UTC) of when the account's login runs out for good and a person must
#: reconnect (LinkedIn's 60-day token, a refresh token's end); publishers keep it current
#: with ``save_settings`` when they refresh; the app warns ahead of it.
TOKEN_EXPIRES_AT = "token_expires_at"


@dataclass(frozen=True)
class Credentials:
    """What an interactive (browser) login produced. ``vault`` holds further secrets.

    When the login gives access to several places to publish (Pages, boards), ``choose``
    names the setting to fill and ``choices`` what the person picks from; the caller asks
    and stores the chosen ``value`` in ``settings[choose]`` (with a single choice, it is
    taken without asking).
    """

    secret: str
    handle: str = ""
    vault: Mapping[str, str] = field(default_factory=dict)
    settings: Mapping[str, Any] = field(default_factory=dict)
    choose: str = ""
    choices: tuple[Choice, ...] = ()


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
    ``first_attempt_at`` is set when ``lookup`` is asked about an uncertain outcome: when
    the earliest attempt that may have reached the platform started, as the shared
    database tells (whichever computer made it); None when not known.
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
    first_attempt_at: datetime | None = None
    #: the resumable upload of this target (the service stores it in the database)
    uploads: UploadStore = field(default_factory=MemoryUploads)

    @property
    def api_url(self) -> str:
        return self.account.api_url


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


def deletes(publisher: object) -> bool:
    """Whether ``publisher`` can delete a published post (:meth:`BasePublisher.delete`);
    a plugin that does not say cannot."""
    return bool(getattr(publisher, "can_delete", False)) and callable(
        getattr(publisher, "delete", None))


class BasePublisher:
    """Shared behaviour: generic validation from :class:`PlatformRules`, no lookup, no metrics.

    Subclasses set ``platform``, ``display_name``, ``default_api_url``, ``RULES`` and
    ``account_fields`` (what a volunteer types to connect an account), and implement
    ``publish`` and ``check_account``. A publisher that can log in through the browser
    also defines ``browser_login(*, api_url, http, open_url, timeout) -> Credentials``.

    ``idempotency_window``: how long the platform recognises the same request sent again
    (Mastodon forgets an ``Idempotency-Key`` after an hour); None when it never forgets
    (a record key we choose) or has no such key. Past it, the service looks the post up
    before any re-send that follows an uncertain attempt.
    """

    platform: ClassVar[str] = ""
    display_name: ClassVar[str] = ""
    default_api_url: ClassVar[str] = ""
    RULES: ClassVar[PlatformRules]
    account_fields: ClassVar[tuple[AccountField, ...]] = ()
    idempotency_window: ClassVar[timedelta | None] = None

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

    #: whether :meth:`delete` can remove a published post from the platform (an optional
    #: capability: withdrawing a person's image-rights consent offers it)
    can_delete: ClassVar[bool] = False

    def delete(self, receipt: Receipt, context: PublisherContext) -> None:
        """Delete a published post (``receipt`` of its publication) from the platform;
        a post already gone is no error. Only when :attr:`can_delete` is set."""
        raise PermanentError(tr("{platform} posts cannot be deleted from ESS Planner: "
                                "delete it on {platform} itself.", platform=self.display_name))

    def ensure_valid(self, request: PublishRequest) -> None:
        """Raise :class:`ContentRejected` if validation finds errors (call first in publish)."""
        errors = [p for p in self.validate(request) if p.severity is Severity.ERROR]
        if errors:
            raise ContentRejected(errors)
