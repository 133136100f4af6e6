"""HTTP for publishers: timeouts, User-Agent, loopback-only plain HTTP, errors by blame.

Every network failure becomes one of the plugin API's errors, with the one
distinction that matters for "exactly once": was the request sent?

- not sent (connection refused, DNS failure, connect timeout, TLS handshake):
  :class:`RetryableError`, always safe to retry;
- sent, no complete answer (read timeout, connection dropped): for a request that
  changes something, :class:`AmbiguousError`; for a read, :class:`RetryableError`.

Status codes map the same way in :meth:`HttpClient.raise_for_status`, and
rate-limit headers (``X-RateLimit-*``, ``RateLimit-*``, ``x-rate-limit-*``,
``Retry-After``) are parsed into :class:`RateLimitInfo` and handed to the
service's token bucket.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from essplanner.publishers.base import RateLimitInfo
from essplanner.publishers.errors import AmbiguousError, AuthError, PermanentError, RetryableError
from essplanner.publishers.i18n import tr

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 60.0
USER_AGENT = "ESSPlanner/0.1 (+https://github.com/essplanner/essplanner; desktop scheduler)"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def is_loopback_host(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain") or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_api_url(url: str) -> str:
    """``url`` without a trailing slash; plain ``http://`` is refused except on loopback."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PermanentError(tr("{url!r} is not a web address (https://...).", url=url))
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise PermanentError(tr(
            "{url} uses plain http: secrets would travel unencrypted. Use https:// "
            "(plain http is only accepted for this computer, e.g. a local test server).",
            url=url,
        ))
    return url.strip().rstrip("/")


def _number(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return float(value.strip())
    except ValueError:
        return None


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date)."""
    if not value:
        return None
    seconds = _number(value)
    if seconds is not None:
        return max(0.0, seconds)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def parse_reset(value: str | None, now: datetime) -> datetime | None:
    """A rate-limit reset: ISO 8601 (Mastodon), Unix seconds (X, Bluesky) or seconds to wait."""
    if not value:
        return None
    number = _number(value)
    if number is not None:
        if number > 1e9:
            return datetime.fromtimestamp(number, UTC)
        return now + timedelta(seconds=number)
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def parse_rate_limit(headers: Mapping[str, str], now: datetime) -> RateLimitInfo | None:
    """The rate-limit headers of a response, in any of the spellings platforms use."""
    lower = {k.lower(): v for k, v in headers.items()}

    def first(*names: str) -> str | None:
        for name in names:
            if name in lower:
                return lower[name]
        return None

    limit = first("x-ratelimit-limit", "ratelimit-limit", "x-rate-limit-limit")
    remaining = first("x-ratelimit-remaining", "ratelimit-remaining", "x-rate-limit-remaining")
    reset = first("x-ratelimit-reset", "ratelimit-reset", "x-rate-limit-reset")
    retry_after = parse_retry_after(first("retry-after"), now)
    if limit is None and remaining is None and reset is None and retry_after is None:
        return None
    limit_n, remaining_n = _number(limit), _number(remaining)
    return RateLimitInfo(
        limit=int(limit_n) if limit_n is not None else None,
        remaining=int(remaining_n) if remaining_n is not None else None,
        reset_at=parse_reset(reset, now),
        retry_after=retry_after,
    )


def _was_sent(exc: BaseException) -> bool:
    """Whether a failed request may have reached the server."""
    from urllib3.exceptions import NameResolutionError, NewConnectionError

    if isinstance(exc, requests.exceptions.ConnectTimeout | requests.exceptions.SSLError):
        return False
    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, NewConnectionError | NameResolutionError | socket.gaierror):
            return False
        if isinstance(current, ConnectionRefusedError):
            return False
        stack.extend([current.__cause__, current.__context__, getattr(current, "reason", None)])
        stack.extend(a for a in current.args if isinstance(a, BaseException))
    return True


class HttpClient:
    """A ``requests`` session with timeouts, our User-Agent and error mapping.

    ``on_rate_limit`` receives what each response's rate-limit headers say.
    """

    def __init__(
        self,
        *,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
        on_rate_limit: Callable[[RateLimitInfo], None] | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        platform: str = "",
    ) -> None:
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        # No automatic retries: re-sending a POST is the service's decision, never urllib3's.
        adapter = HTTPAdapter(max_retries=0, pool_connections=4, pool_maxsize=8)
        self.session.mount("https://", adapter)
        self.session.mount("http://", adapter)
        self.timeout = timeout
        self.on_rate_limit = on_rate_limit
        self.clock = clock
        self.platform = platform
        self.last_rate_limit: RateLimitInfo | None = None

    def close(self) -> None:
        self.session.close()

    def request(
        self,
        method: str,
        url: str,
        *,
        changes_state: bool | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        """Send one request. Network failures raise the plugin API's errors (see module doc).

        ``changes_state`` (default: any method but GET/HEAD/OPTIONS) decides whether a
        failure after sending is ambiguous.
        """
        method = method.upper()
        if changes_state is None:
            changes_state = method not in SAFE_METHODS
        kwargs.setdefault("timeout", self.timeout)
        where = urlsplit(url).hostname or url
        try:
            response = self.session.request(method, url, **kwargs)
        except requests.exceptions.RequestException as exc:
            sent = _was_sent(exc)
            if isinstance(exc, requests.exceptions.ReadTimeout):
                detail = tr("no answer from {host} in time", host=where)
            elif sent:
                detail = tr("the connection to {host} was cut before the answer", host=where)
            elif isinstance(exc, requests.exceptions.SSLError):
                detail = tr("secure connection to {host} failed", host=where)
            else:
                detail = tr("cannot reach {host} (offline, or the server is down)", host=where)
            if sent and changes_state:
                raise AmbiguousError(
                    tr("{detail}: the post may or may not have been published.", detail=detail)
                ) from None
            raise RetryableError(detail) from None
        info = parse_rate_limit(response.headers, self.clock())
        if info is not None:
            self.last_rate_limit = info
            if self.on_rate_limit is not None:
                self.on_rate_limit(info)
        return response

    def get(self, url: str, **kwargs: Any) -> requests.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> requests.Response:
        return self.request("POST", url, **kwargs)

    def raise_for_status(
        self,
        response: requests.Response,
        message: str | None = None,
        *,
        auth_statuses: frozenset[int] = frozenset({401}),
    ) -> None:
        """Map an error status to the plugin API's errors, with the platform's own words."""
        status = response.status_code
        if status < 400:
            return
        reason = message or error_text(response)
        retry_after = parse_retry_after(response.headers.get("Retry-After"), self.clock())
        if status == 429:
            if retry_after is None and self.last_rate_limit and self.last_rate_limit.reset_at:
                retry_after = max(
                    0.0, (self.last_rate_limit.reset_at - self.clock()).total_seconds()
                )
            raise RetryableError(
                tr("Too many requests: {reason}", reason=reason),
                http_status=status,
                retry_after=retry_after,
            )
        if status in auth_statuses:
            raise AuthError(
                tr("The account's credentials were refused: {reason}", reason=reason),
                http_status=status,
            )
        if status >= 500 or status in (408, 425):
            raise RetryableError(
                tr("The server had a problem ({status}): {reason}", status=status, reason=reason),
                http_status=status,
                retry_after=retry_after,
            )
        raise PermanentError(reason, http_status=status)


def error_text(response: requests.Response) -> str:
    """The platform's own error words, from the usual JSON shapes, else the status line."""
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict):
        err = body.get("error")
        if isinstance(err, dict):  # Graph API, TikTok, Google
            text = err.get("error_user_msg") or err.get("message") or err.get("code")
            if text:
                return str(text)
        parts = [
            str(body[k])
            for k in ("error_description", "message", "description", "detail", "title")
            if body.get(k)
        ]
        if isinstance(err, str):
            parts.insert(0, err)
        if parts:
            return ": ".join(dict.fromkeys(parts))
    text = (response.text or "").strip()
    if text and len(text) < 200 and "<" not in text:
        return text
    return f"HTTP {response.status_code} {response.reason or ''}".strip()
