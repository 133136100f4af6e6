"""The container flow of Instagram and Threads: create → wait for FINISHED → publish.

The rule that keeps a post from appearing twice: **before any retry, ask the
container.** A container publishes at most one post, so the flow records the
container id (with :class:`TargetState`, on disk, before waiting or publishing)
and every later attempt — after a timeout, a lost answer, a crash — starts by
reading that container's status:

- ``PUBLISHED``: the post exists; find its media id and report it. Nothing is sent.
- ``FINISHED`` / ``IN_PROGRESS``: reuse it (wait, then publish that same container).
- ``ERROR`` / ``EXPIRED`` / gone: it can never publish; forget it, build a new one.

A lost ``media_publish`` answer is settled at once by reading the status; only
when that read fails too is the outcome left ambiguous (the service then calls
``lookup``, which asks again).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from essplanner.publishers.base import PublishRequest, Receipt
from essplanner.publishers.errors import (
    AmbiguousError,
    AuthError,
    PermanentError,
    PublishError,
    RetryableError,
)
from essplanner.publishers.i18n import tr
from essplanner.publishers.meta.graph import (
    GraphClient,
    MediaNotReady,
    ObjectNotFound,
    QuotaReached,
    creating,
    parse_time,
    same_text,
)
from essplanner.publishers.meta.mediahost import PublicMedia
from essplanner.publishers.state import TargetState

IN_PROGRESS, FINISHED, PUBLISHED, ERROR, EXPIRED, MISSING = (
    "IN_PROGRESS", "FINISHED", "PUBLISHED", "ERROR", "EXPIRED", "MISSING")
POLL_DELAYS = (2.0, 3.0, 5.0, 10.0, 15.0, 30.0)  # then every 60 s (Meta: at most once a minute)
IMAGE_TIMEOUT = 180.0
VIDEO_TIMEOUT = 900.0
RESUME_AFTER = 120.0  # retry delay when the container is still being processed


@dataclass(frozen=True)
class ContainerApi:
    """Where the two platforms differ: edge names and field names."""

    platform: str  # display name, for messages
    create_edge: str
    publish_edge: str
    limit_edge: str
    limit_fields: str
    status_fields: str
    status_key: str
    error_key: str
    list_edge: str
    text_key: str


def content_fingerprint(request: PublishRequest) -> str:
    """What a container was made of: text, media and alt texts (no secret, short)."""
    digest = hashlib.sha256(request.text.encode())
    for item in request.media:
        digest.update(f"\0{item.checksum or item.path}\0{item.alt_text}".encode())
    return digest.hexdigest()[:24]


def read_quota(api: ContainerApi, client: GraphClient, user_id: str) -> tuple[int, int] | None:
    """(used, total) of the rolling 24 h publishing quota, None if it cannot be read."""
    try:
        items = client.items(f"{user_id}/{api.limit_edge}", {"fields": api.limit_fields})
    except (AuthError, RetryableError):
        raise
    except PublishError as exc:
        client.context.logger.info("publishing quota unreadable: %s", exc.message)
        return None
    if not items:
        return None
    entry = items[0]
    config = entry.get("config")
    try:
        total = int(config.get("quota_total") or 0) if isinstance(config, dict) else 0
        return int(entry.get("quota_usage") or 0), total
    except (TypeError, ValueError):
        return None


class ContainerFlow:
    """One target's publication through containers (one instance per attempt)."""

    def __init__(
        self,
        api: ContainerApi,
        client: GraphClient,
        *,
        user_id: str,
        state: TargetState,
        request: PublishRequest,
        sleep: Callable[[float], None] = time.sleep,
        timeout: float = IMAGE_TIMEOUT,
    ) -> None:
        self.api = api
        self.client = client
        self.user_id = user_id
        self.state = state
        self.request = request
        self.key = request.idempotency_key
        self.sleep = sleep
        self.timeout = timeout
        self.clock = client.context.clock
        self.logger = client.context.logger
        self.content = content_fingerprint(request)

    # ------------------------------------------------------------ reading ---

    def status(self, container_id: str) -> tuple[str, str]:
        """The container's status and, for ERROR, Meta's explanation."""
        try:
            body = self.client.get(container_id, {"fields": self.api.status_fields})
        except ObjectNotFound:
            return MISSING, ""
        status = str(body.get(self.api.status_key) or "").upper()
        detail = str(body.get(self.api.error_key) or "")
        return status or IN_PROGRESS, detail

    def quota(self) -> tuple[int, int] | None:
        return read_quota(self.api, self.client, self.user_id)

    def check_quota(self) -> None:
        quota = self.quota()
        if quota is None:
            return
        used, total = quota
        if total and used >= total:
            raise QuotaReached(tr(
                "{platform} allows {total} posts per 24 hours through the API and {used} are "
                "used: the post will be tried again when the quota frees up.",
                platform=self.api.platform, total=total, used=used,
            ), retry_after=3600.0)

    def find_media(self, since: datetime | None) -> dict[str, Any] | None:
        """Our post among the account's recent ones: same text, created after ``since``."""
        text = self.request.text
        if not text.strip():
            return None
        fields = f"id,{self.api.text_key},timestamp,permalink"
        for item in self.client.items(f"{self.user_id}/{self.api.list_edge}",
                                      {"fields": fields, "limit": 25}):
            created = parse_time(item.get("timestamp"))
            if since is not None and created is not None and created < since:
                continue
            if same_text(str(item.get(self.api.text_key) or ""), text):
                return item
        return None

    def receipt(self, media_id: str, permalink: str | None = None) -> Receipt:
        published_at = None
        if permalink is None:
            try:
                body = self.client.get(media_id, {"fields": "permalink,timestamp"})
                permalink = str(body.get("permalink") or "") or None
                published_at = parse_time(body.get("timestamp"))
            except PublishError as exc:  # the post exists; a missing link is not a failure
                self.logger.info("permalink unavailable: %s", exc.message)
        return Receipt(remote_id=media_id, remote_url=permalink,
                       published_at=published_at or self.clock())

    # ------------------------------------------------------------ flow ---

    def run(self, build: Callable[[], str], media: PublicMedia | None) -> Receipt:
        """Publish ``request``: resume a recorded container, or build one with ``build``
        (which uploads, creates and records the container id), then publish it."""
        record = self.state.get(self.key) or {}
        if record.get("media_id"):
            return self._done(str(record["media_id"]), media)
        container = str(record.get("container_id") or "")
        if container:
            status, _detail = self.status(container)
            self.logger.info("resuming container %s: %s", container, status)
            if status == PUBLISHED:
                return self._published(container, media)
            if status in (ERROR, EXPIRED, MISSING) or record.get("content") != self.content:
                # (the post was edited since: its old container must not go out)
                self._forget_container()
                container = ""
        checked = False
        if not container:
            self.check_quota()
            checked = True
            try:
                container = build()
            except PermanentError:
                self._fail(media)
                raise
        try:
            self._wait(container)
        except PermanentError:
            self._fail(media)
            raise
        if not checked:
            self.check_quota()
        return self._publish(container, media)

    def record_container(self, container_id: str, **extra: Any) -> None:
        """Called by ``build`` as soon as the parent container exists (before any wait)."""
        self.state.update(self.key, container_id=container_id, content=self.content,
                          created_at=self.clock().isoformat(), **extra)

    def create(self, params: Mapping[str, Any]) -> str:
        body = creating(self.client.post, f"{self.user_id}/{self.api.create_edge}", dict(params))
        container = str(body.get("id") or "")
        if not container:
            raise RetryableError(tr("{platform} did not return a container id.",
                                    platform=self.api.platform))
        return container

    def wait_ready(self, container_id: str) -> None:
        """Wait for a carousel item (no publish afterwards)."""
        self._wait(container_id)

    def _wait(self, container_id: str) -> None:
        deadline = self.timeout
        waited = 0.0
        delays = iter(POLL_DELAYS)
        while True:
            status, detail = self.status(container_id)
            if status in (FINISHED, PUBLISHED):
                return
            if status == ERROR:
                raise PermanentError(tr(
                    "{platform} could not process the media: {detail}",
                    platform=self.api.platform, detail=detail or tr("no explanation given")))
            if status in (EXPIRED, MISSING):
                self._forget_container()
                raise RetryableError(tr(
                    "The {platform} container expired before it was published; a new one "
                    "will be made.", platform=self.api.platform), retry_after=5.0)
            if waited >= deadline:
                raise RetryableError(tr(
                    "{platform} is still processing the media after {minutes} min; the post "
                    "will be published on the next attempt.", platform=self.api.platform,
                    minutes=max(1, round(waited / 60))), retry_after=RESUME_AFTER)
            delay = min(next(delays, 60.0), max(1.0, deadline - waited))
            self.sleep(delay)
            waited += delay

    def _publish(self, container: str, media: PublicMedia | None) -> Receipt:
        path = f"{self.user_id}/{self.api.publish_edge}"
        for attempt in range(2):
            self.state.update(self.key, publish_sent_at=self.clock().isoformat())
            try:
                body = self.client.post(path, {"creation_id": container})
                break
            except AmbiguousError:
                # The answer was lost: the container says whether the post exists.
                try:
                    status, _detail = self.status(container)
                except PublishError:
                    raise AmbiguousError(tr(
                        "The answer of {platform} was lost and the container could not be "
                        "read: the post may or may not exist (it will be checked, never sent "
                        "twice).", platform=self.api.platform)) from None
                if status == PUBLISHED:
                    return self._published(container, media)
                raise
            except MediaNotReady:
                if attempt:
                    raise
                self._wait(container)
            except RetryableError:
                raise
            except PermanentError:
                # An earlier send whose answer was lost may have published it meanwhile
                # (Meta then refuses this one): the container tells.
                try:
                    status, _detail = self.status(container)
                except PublishError:
                    status = ""
                if status == PUBLISHED:
                    return self._published(container, media)
                self._fail(media)
                raise
        media_id = str(body.get("id") or "")
        if not media_id:
            return self._published(container, media)
        return self._done(media_id, media)

    def _published(self, container: str, media: PublicMedia | None) -> Receipt:
        """The container says PUBLISHED: the post exists. Report it, send nothing."""
        record = self.state.get(self.key) or {}
        since = parse_time(record.get("created_at"))
        found = None
        try:
            found = self.find_media(since - timedelta(minutes=2) if since else None)
        except PublishError as exc:
            self.logger.info("could not list recent posts: %s", exc.message)
        if found is not None:
            return self._done(str(found["id"]), media,
                              permalink=str(found.get("permalink") or "") or None)
        # Published, but its media id cannot be found (no caption to match): the container
        # id still identifies it, and that is better than a second post.
        self.state.update(self.key, done=True)
        if media is not None:
            media.cleanup()
        return Receipt(remote_id=container, published_at=self.clock(),
                       extra={"container_id": container, "media_id_unknown": True})

    def _done(self, media_id: str, media: PublicMedia | None,
              permalink: str | None = None) -> Receipt:
        self.state.update(self.key, media_id=media_id, done=True)
        if media is not None:
            media.cleanup()
        return self.receipt(media_id, permalink)

    def _fail(self, media: PublicMedia | None) -> None:
        """A final failure: the container will never publish; delete the uploaded files."""
        if media is not None:
            media.cleanup()
        self._forget_container()

    def _forget_container(self) -> None:
        if self.state.get(self.key) is not None:
            self.state.update(self.key, container_id=None, children=None, created_at=None)

    # ------------------------------------------------------------ lookup ---

    def lookup(self, media: PublicMedia | None) -> Receipt | None:
        """The receipt if the post exists, None if it surely does not."""
        record = self.state.get(self.key)
        if record and record.get("media_id"):
            return self.receipt(str(record["media_id"]))
        container = str((record or {}).get("container_id") or "")
        try:
            if container:
                status, _detail = self.status(container)
                if status == PUBLISHED:
                    return self._published(container, media)
                # A container that is not PUBLISHED never made a post (it can make at most one).
                return None
            # No container recorded here: nothing was published from this computer. Another
            # copy of the app (team mode) may have done it; its post would carry our text.
            since = self.request.scheduled_at
            found = self.find_media(since - timedelta(minutes=10) if since else None)
        except RetryableError:
            raise  # cannot be asked right now: the service asks again later
        except PermanentError as exc:
            raise AmbiguousError(tr(
                "{platform} could not be asked whether the post exists: {reason}",
                platform=self.api.platform, reason=exc.message)) from None
        if found is None:
            return None
        self.state.update(self.key, media_id=str(found["id"]), done=True)
        return self.receipt(str(found["id"]), str(found.get("permalink") or "") or None)
