"""Send one claimed target through its publisher and conclude what happened.

The sender never touches the database: it turns a :class:`Claim` into an
:class:`Outcome` (DESIGN.md §4), which the store then records. The rule that
matters most: a post that may have gone out is never sent again blindly. After
an ambiguous failure (a timeout, or a 5xx answer, after the request left) the
publisher's ``lookup`` is asked; a post not found yet is looked up once more before
any re-send. A platform that forgets its idempotency key after a while (Mastodon:
one hour) gets the same check before a re-send past that time. What ``lookup``
needs is told from the shared database (``Claim.uncertain_since``), so any
computer of a team can prove what another one sent.
"""

from __future__ import annotations

import dataclasses
import logging
import random
import threading
import time
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from essplanner.channels.composer import Validator
from essplanner.channels.contexts import make_context
from essplanner.credentials import SecretStore
from essplanner.domain import DeliveryState
from essplanner.errors import CredentialError
from essplanner.i18n import _, n_
from essplanner.log import redact
from essplanner.publishers.base import (
    Publisher,
    PublisherContext,
    PublishRequest,
    Receipt,
    UploadStore,
)
from essplanner.publishers.errors import (
    AccountBlocked,
    AmbiguousError,
    AuthError,
    ContentRejected,
    PermanentError,
    PublishError,
    RetryableError,
)
from essplanner.publishers.registry import PluginError, Registry
from essplanner.publishers.rules import Severity
from essplanner.scheduler.config import ServiceConfig
from essplanner.scheduler.outcome import VERIFY_FIRST, Claim, Outcome, Result
from essplanner.scheduler.throttle import Throttle
from essplanner.timeutil import Clock

if TYPE_CHECKING:
    import requests

    # requests is loaded with the first send, not when the service starts (the desktop
    # app's memory): HttpClient is imported where a client is made
    from essplanner.publishers.http import HttpClient

log = logging.getLogger(__name__)

SaveSettings = Callable[[int, Mapping[str, Any]], None]


class Sending(Protocol):
    """The part of a publisher the sender calls."""

    def publish(self, request: PublishRequest, context: PublisherContext) -> Receipt: ...

    def lookup(self, request: PublishRequest, context: PublisherContext) -> Receipt | None: ...


class Sender:
    """Publishes claims. One HTTP client per account, kept for its connections."""

    def __init__(self, *, registry: Registry, validator: Validator, secrets: SecretStore,
                 clock: Clock, data_dir: Path, config: ServiceConfig, throttle: Throttle,
                 save_settings: SaveSettings | None = None,
                 uploads: Callable[[int], UploadStore] | None = None) -> None:
        self.registry = registry
        self.validator = validator
        self.secrets = secrets
        self.clock = clock
        self.data_dir = data_dir
        self.config = config
        self.throttle = throttle
        self.save_settings = save_settings
        self.uploads = uploads  # a target's resumable-upload store (None: in memory)
        self._clients: dict[int, HttpClient] = {}
        self._status: dict[int, int] = {}
        self._lock = threading.Lock()
        self._aborted = False
        self._rng = random.Random()

    def close(self) -> None:
        with self._lock:
            clients, self._clients = list(self._clients.values()), {}
            self._aborted = False  # the next clients start afresh
        for client in clients:
            client.close()

    def abort(self) -> None:
        """Cut the requests in flight and refuse new ones: the sends end as not sent or
        ambiguous (looked up before any re-send), and are recorded as such."""
        with self._lock:
            self._aborted = True
            clients = list(self._clients.values())
        for client in clients:
            client.abort()

    # ---- the one entry point
    def send(self, claim: Claim) -> Outcome:
        started = time.monotonic()
        outcome = self._send(claim)
        elapsed = int((time.monotonic() - started) * 1000)
        status = outcome.http_status
        if status is None:
            status = self._status.get(claim.account.id)
        return Outcome(
            result=outcome.result, state=outcome.state, message=outcome.message,
            http_status=status, receipt=outcome.receipt,
            next_attempt_at=outcome.next_attempt_at, reconnect_reason=outcome.reconnect_reason,
            account_block=outcome.account_block, duration_ms=elapsed, verify_again_at=outcome.verify_again_at,
        )

    def _send(self, claim: Claim) -> Outcome:
        self._status.pop(claim.account.id, None)
        try:
            publisher = self.registry.get(claim.platform)
        except PluginError as exc:
            return Outcome(Result.FAILED, DeliveryState.FAILED, str(exc))
        request = self.validator.request_for(
            claim.post, claim.account, target_id=claim.target_id,
            idempotency_key=claim.idempotency_key, variant=claim.text_variant,
            options=dict(claim.options),
        )
        if not claim.recovered:
            problems = [p for p in self.validator.validate(request, claim.account)
                        if p.severity is Severity.ERROR]
            if problems:
                return Outcome(Result.INVALID, DeliveryState.FAILED, _(
                    "Not sent: {problems}", problems="; ".join(p.message for p in problems)))
        try:
            context = self._context(claim)
        except CredentialError as exc:
            # No keyring (or a locked one): platforms that need no secret (dry run) still
            # work; for the others, the missing secret is the keyring's fault, not the
            # account's: try again later rather than flag the account.
            context = self._context(claim, read_secret=False)
            return _masked(self._go(claim, _KeyringTrouble(publisher, str(exc)), request,
                                    context), context)
        return _masked(self._go(claim, publisher, request, context), context)

    def _go(self, claim: Claim, publisher: Sending, request: PublishRequest,
            context: PublisherContext) -> Outcome:
        if claim.recovered:
            return self._recover(claim, publisher, request, context)
        lapsed = self._key_lapsed(claim, publisher)
        if claim.previous in VERIFY_FIRST or lapsed:
            checked = self._verify_first(claim, publisher, request, context, lapsed=lapsed)
            if checked is not None:
                return checked
        return self._publish(claim, publisher, request, context)

    def _key_lapsed(self, claim: Claim, publisher: Sending) -> bool:
        """Whether the platform may have forgotten the key of an attempt that may have
        published the post: a re-send would no longer be recognised as the same."""
        window = getattr(publisher, "idempotency_window", None)
        if window is None or claim.unresolved_since is None:
            return False
        return bool(self.clock.now() - claim.unresolved_since >= window)

    # ---- steps
    def _publish(self, claim: Claim, publisher: Sending, request: PublishRequest,
                 context: PublisherContext) -> Outcome:
        try:
            receipt = publisher.publish(request, context)
        except ContentRejected as exc:
            return Outcome(Result.INVALID, DeliveryState.FAILED, _(
                "Not sent: {problems}", problems=exc.message))
        except AuthError as exc:
            return Outcome(Result.AUTH, DeliveryState.FAILED, exc.message,
                           http_status=exc.http_status, reconnect_reason=exc.message)
        except AccountBlocked as exc:
            # Nothing was published, and nothing of this account will be until a person
            # acts: this post fails (never retried), the account's other posts wait.
            return Outcome(Result.BLOCKED, DeliveryState.FAILED, exc.message,
                           http_status=exc.http_status,
                           account_block=(exc.reason, exc.message))
        except PermanentError as exc:
            return Outcome(Result.FAILED, DeliveryState.FAILED, exc.message,
                           http_status=exc.http_status)
        except RetryableError as exc:
            return self._retry(claim, exc.message, retry_after=exc.retry_after,
                               http_status=exc.http_status)
        except AmbiguousError as exc:
            return self._after_ambiguous(claim, publisher, request, context, exc.message,
                                         exc.http_status)
        except Exception as exc:
            # A bug in the plugin (or ours) after the request may have left: never re-send blindly.
            log.exception("publisher %s failed on target %s", claim.platform, claim.target_id)
            message = _("The {platform} plugin failed: {error}", platform=claim.platform,
                        error=f"{type(exc).__name__}: {exc}")
            return self._after_ambiguous(claim, publisher, request, context, message, None)
        return Outcome(Result.PUBLISHED, DeliveryState.PUBLISHED, receipt=receipt)

    def _after_ambiguous(self, claim: Claim, publisher: Sending, request: PublishRequest,
                         context: PublisherContext, message: str,
                         http_status: int | None) -> Outcome:
        since = min(t for t in (claim.uncertain_since, claim.started_at or self.clock.now())
                    if t is not None)
        found, problem = self._lookup(publisher, request, context, since=since)
        if found is not None:
            return Outcome(Result.PUBLISHED, DeliveryState.PUBLISHED, receipt=found,
                           http_status=http_status)
        if problem is None or isinstance(problem, RetryableError):
            # Not there (yet), or the platform cannot be reached to check: look again
            # before any re-send.
            return self._retry(claim, message, http_status=http_status, result=Result.AMBIGUOUS,
                               unsure=problem is not None)
        return Outcome(Result.UNKNOWN, DeliveryState.UNCONFIRMED,
                       _unconfirmed(message, problem), http_status=http_status)

    def _verify_first(self, claim: Claim, publisher: Sending, request: PublishRequest,
                      context: PublisherContext, *, lapsed: bool = False) -> Outcome | None:
        """Before re-sending after an uncertain attempt: the outcome, or None to send.

        ``lapsed``: the platform may have forgotten the key of that attempt, so a re-send
        would not be recognised as the same request.
        """
        found, problem = self._lookup(publisher, request, context, since=claim.uncertain_since)
        if found is not None:
            log.info("target %s was already published (found by lookup)", claim.target_id)
            return Outcome(Result.PUBLISHED, DeliveryState.PUBLISHED, receipt=found)
        if problem is None:
            return None  # surely not there: send
        previous = claim.previous if claim.previous in VERIFY_FIRST else Result.AMBIGUOUS
        if isinstance(problem, RetryableError):
            return self._retry(claim, problem.message, retry_after=problem.retry_after,
                               result=previous, unsure=True)
        if previous is Result.AMBIGUOUS or (lapsed and previous is not Result.UNKNOWN):
            what = _("An earlier attempt may have published this post.")
            if lapsed:
                what = _("An earlier attempt may have published this post, and {platform} no "
                         "longer recognises a post sent again after so long.",
                         platform=claim.platform)
            return Outcome(Result.UNKNOWN, DeliveryState.UNCONFIRMED, _unconfirmed(what, problem))
        return None  # the user chose to retry a post that cannot be checked: send

    def _recover(self, claim: Claim, publisher: Sending, request: PublishRequest,
                 context: PublisherContext) -> Outcome:
        """A send cut short by a stopped service: the platform tells what happened."""
        found, problem = self._lookup(publisher, request, context, since=claim.uncertain_since)
        if found is not None:
            return Outcome(Result.PUBLISHED, DeliveryState.PUBLISHED, receipt=found)
        now = self.clock.now()
        if problem is None:
            # Proved not sent: back to its time; too late by now, it becomes missed.
            return Outcome(Result.NOT_SENT, DeliveryState.SCHEDULED, next_attempt_at=claim.due_at
                           or now)
        stopped = _("The publishing service stopped while sending this post.")
        since = claim.lost_since or now
        if (isinstance(problem, RetryableError)
                and now - since < timedelta(seconds=self.config.verify_give_up_seconds)):
            wait = self.config.backoff(max(1, claim.attempt_number), rng=self._rng)
            return Outcome(Result.LOST, DeliveryState.PUBLISHING, _(
                "{stopped} Checking whether it went out: {error}", stopped=stopped,
                error=problem.message), verify_again_at=now + timedelta(seconds=wait))
        return Outcome(Result.UNKNOWN, DeliveryState.UNCONFIRMED, _unconfirmed(stopped, problem))

    def _lookup(self, publisher: Sending, request: PublishRequest, context: PublisherContext,
                *, since: datetime | None) -> tuple[Receipt | None, PublishError | None]:
        """The receipt if found; (None, None) if surely absent; else the reason it is unknown.

        ``since``: when the earliest attempt that may have reached the platform started.
        """
        context.first_attempt_at = since
        try:
            return publisher.lookup(request, context), None
        except PublishError as exc:
            return None, exc
        except Exception as exc:
            log.exception("lookup of target %s on %s failed", request.target_id,
                          request.account.platform)
            return None, AmbiguousError(f"{type(exc).__name__}: {exc}")

    def _retry(self, claim: Claim, message: str, *, retry_after: float | None = None,
               http_status: int | None = None, result: Result = Result.RETRY,
               unsure: bool = False) -> Outcome:
        """Try again later; after too many tries, give up (``unsure``: the post may exist)."""
        if claim.attempt_number >= self.config.max_attempts:
            if unsure:
                return Outcome(Result.UNKNOWN, DeliveryState.UNCONFIRMED, _unconfirmed(
                    n_("Gave up after {n} attempt.", "Gave up after {n} attempts.",
                       claim.attempt_number), message),
                    http_status=http_status)
            return Outcome(Result.FAILED, DeliveryState.FAILED, n_(
                "Gave up after {n} attempt: {error}", "Gave up after {n} attempts: {error}",
                claim.attempt_number, error=message), http_status=http_status)
        if retry_after is not None:
            delay = max(0.0, retry_after)  # the platform said when: no jitter, no earlier
        else:
            delay = self.config.backoff(claim.attempt_number, rng=self._rng)
        when = self.clock.now() + timedelta(seconds=delay)
        return Outcome(result, DeliveryState.SCHEDULED, message, http_status=http_status,
                       next_attempt_at=when)

    # ---- HTTP and context
    def _context(self, claim: Claim, *, read_secret: bool = True) -> PublisherContext:
        account = claim.account
        save = None
        if self.save_settings is not None:
            save_settings = self.save_settings

            def save(values: Mapping[str, Any], account_id: int = account.id) -> None:
                save_settings(account_id, values)

        return make_context(account, secrets=self.secrets, clock=self.clock,
                            data_dir=self.data_dir, http=self._client(account.id, account.platform),
                            save_settings=save, read_secret=read_secret,
                            uploads=None if self.uploads is None
                            else self.uploads(claim.target_id))

    def _client(self, account_id: int, platform: str) -> HttpClient:
        with self._lock:
            client = self._clients.get(account_id)
            if client is None:
                from essplanner.publishers.http import HttpClient

                client = HttpClient(
                    timeout=(self.config.http_connect_timeout, self.config.http_read_timeout),
                    on_rate_limit=lambda info: self.throttle.on_rate_limit(
                        account_id, platform, info),
                    clock=self.clock.now, platform=platform,
                    deadline=self.config.http_deadline_seconds,
                )
                client.session.hooks["response"].append(self._status_hook(account_id))
                if self._aborted:
                    client.abort()
                self._clients[account_id] = client
            return client

    def _status_hook(self, account_id: int) -> Callable[..., None]:
        def remember(response: requests.Response, *args: Any, **kwargs: Any) -> None:
            self._status[account_id] = response.status_code

        return remember


def _masked(outcome: Outcome, context: PublisherContext) -> Outcome:
    """The outcome with the account's secret (as the server may have echoed it) masked."""
    if not (outcome.message or outcome.reconnect_reason):
        return outcome
    secrets = (context.secret,)
    block = outcome.account_block
    return dataclasses.replace(
        outcome, message=redact(outcome.message, secrets=secrets),
        reconnect_reason=(None if outcome.reconnect_reason is None
                          else redact(outcome.reconnect_reason, secrets=secrets)),
        account_block=(None if block is None
                       else (block[0], redact(block[1], secrets=secrets))))


def _unconfirmed(what: str, problem: BaseException | str) -> str:
    detail = problem.message if isinstance(problem, PublishError) else str(problem)
    return _("{what} It cannot be told whether the post was published ({detail}): check the "
             "account, then mark it as published or retry.", what=what.rstrip(), detail=detail)


class _KeyringTrouble:
    """A publisher whose account's secret could not be read: auth errors become "later"."""

    def __init__(self, publisher: Publisher, problem: str) -> None:
        self._publisher = publisher
        self._problem = problem
        self.idempotency_window = getattr(publisher, "idempotency_window", None)

    def publish(self, request: PublishRequest, context: PublisherContext) -> Receipt:
        try:
            return self._publisher.publish(request, context)
        except AuthError as exc:
            raise RetryableError(self._problem) from exc

    def lookup(self, request: PublishRequest, context: PublisherContext) -> Receipt | None:
        try:
            return self._publisher.lookup(request, context)
        except AuthError as exc:
            raise RetryableError(self._problem) from exc
