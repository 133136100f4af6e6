"""HTTP for publishers: timeouts, User-Agent, loopback-only plain HTTP, errors by blame.

Every network failure becomes one of the plugin API's errors, with the one
distinction that matters for "exactly once": was the request sent?

- not sent (connection refused, DNS failure, connect timeout, TLS handshake):
  :class:`RetryableError`, always safe to retry;
- sent, no complete answer (read timeout, connection dropped): for a request that
  changes something, :class:`AmbiguousError`; for a read, :class:`RetryableError`.

Status codes map the same way in :meth:`HttpClient.raise_for_status` (a 5xx
answer to a request that changes something is ambiguous too: a proxy's ``502``
may come after the platform created the post), and
rate-limit headers (``X-RateLimit-*``, ``RateLimit-*``, ``x-rate-limit-*``,
``Retry-After``) are parsed into :class:`RateLimitInfo` and handed to the
service's token bucket.

A hostile or broken server cannot hold a send: every request has an overall
deadline (connect, upload and the whole answer; when it passes, the request's
socket is shut down, so a server trickling one byte at a time is cut too), and
answers are read by the client itself, up to a size cap (a few MB for JSON, more
when a call asks). Changes (POST, PUT, PATCH, DELETE...) never follow a
redirection; reads follow at most a few, each checked like an API address
(https, plain http only on loopback) before anything is sent to it.
"""

from __future__ import annotations

import contextlib
import heapq
import ipaddress
import itertools
import logging
import os
import socket
import threading
import time
import weakref
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any, cast
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from requests.sessions import merge_setting
from requests.structures import CaseInsensitiveDict
from requests.utils import get_environ_proxies
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import NewConnectionError

from essplanner.publishers.base import RateLimitInfo
from essplanner.publishers.errors import (
    AmbiguousError,
    AuthError,
    PermanentError,
    PublishError,
    RetryableError,
)
from essplanner.publishers.i18n import tr

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 60.0
USER_AGENT = "ESSPlanner/0.1 (+https://github.com/essplanner/essplanner; desktop scheduler)"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
#: connect, upload and the whole answer of one request, in seconds (uploads get more, below)
DEADLINE = 120.0
#: an upload adds its size at this rate (bytes per second) to the deadline: a slow line
#: may send a video, a server cannot hold a small request
UPLOAD_RATE_FLOOR = 64_000
#: the largest answer read by default (API answers are JSON of a few kB)
MAX_ANSWER_BYTES = 4_000_000
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
#: a per-read timeout may fire a hair before the deadline's own timer
_DEADLINE_SLACK = 0.05

#: whether each response answered a request that changes something (see ``request``)
_CHANGES_STATE: weakref.WeakKeyDictionary[requests.Response, bool] = (
    weakref.WeakKeyDictionary())


def is_loopback_host(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain") or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def has_credentials(url: str) -> bool:
    """Whether ``url`` carries a user name or password (``https://user:password@host``)."""
    url = url.strip()
    return "@" in urlsplit(url if "://" in url else f"https://{url}").netloc


def refuse_credentials(url: str) -> None:
    """Raise :class:`PermanentError` if ``url`` has a user name or password in it: such an
    address would put a secret in the database, the logs and every message showing it."""
    if has_credentials(url):
        raise PermanentError(tr(
            "The address {url} contains a user name or password (user:password@...): "
            "secrets never go into an address. Remove that part and give the secret where "
            "it is asked for.", url=origin(url if "://" in url else f"https://{url.strip()}")))


def origin(url: str) -> str:
    """``scheme://host[:port]`` of ``url``: what a message may show of an address (never its
    user name, password, path or query, where tokens hide)."""
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    return f"{parts.scheme}://{host}" + (f":{port}" if port else "")


def check_api_url(url: str) -> str:
    """``url`` without a trailing slash; plain ``http://`` is refused except on loopback,
    and so is an address with a user name or password in it."""
    refuse_credentials(url)
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


#: how long the deadlines' thread waits for another request before it ends
_IDLE_SECONDS = 5.0


class _Deadlines:
    """One thread for the deadlines of every request in progress: it sleeps until the
    earliest and cuts each request whose time has passed. (A timer thread per request, two
    with an upload's extension, was most of the service's own cost on a burst of posts.)
    The thread ends a few seconds after the last request and starts again with the next."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._due: list[tuple[float, int, _Watch]] = []  # a heap; stale entries stay
        self._order = itertools.count()
        self._open = 0  # watches not yet closed
        self._thread: threading.Thread | None = None

    def opened(self) -> None:
        with self._cond:
            self._open += 1

    def closed(self) -> None:
        with self._cond:
            self._open -= 1
            if self._open == 0:
                self._due.clear()  # what is left belongs to closed watches
                self._cond.notify()

    def arm(self, watch: _Watch, ends_at: float) -> None:
        with self._cond:
            heapq.heappush(self._due, (ends_at, next(self._order), watch))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, daemon=True,
                                                name="essplanner-http-deadlines")
                self._thread.start()
            elif self._due[0][2] is watch:
                self._cond.notify()  # earlier than what the thread waits for

    def _run(self) -> None:
        while True:
            with self._cond:
                while True:
                    if not self._due:
                        # requests one after the other keep the same thread
                        self._cond.wait(_IDLE_SECONDS)
                        if self._due:
                            continue
                        self._thread = None
                        return
                    ends_at, _order, watch = self._due[0]
                    wait = ends_at - time.monotonic()
                    if wait <= 0:
                        heapq.heappop(self._due)
                        break
                    self._cond.wait(wait)
            watch.fire("deadline")  # outside the lock: it shuts sockets down


_DEADLINES = _Deadlines()


class _Watch:
    """The deadline of one request. When it passes, or when the client is aborted, the
    sockets the request uses are shut down: a read or write in progress ends at once,
    however slowly the server trickles."""

    def __init__(self, seconds: float) -> None:
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._closed = False
        self.seconds = seconds
        self.ends_at = time.monotonic() + seconds
        #: why the request was cut: "deadline" or "stopped"; None while it runs
        self.reason: str | None = None
        _DEADLINES.opened()
        _DEADLINES.arm(self, self.ends_at)

    def remaining(self) -> float:
        return self.ends_at - time.monotonic()

    def extend(self, seconds: float) -> None:
        """More time (for an upload of known size)."""
        if seconds <= 0:
            return
        with self._lock:
            if self._closed or self.reason is not None:
                return
            self.seconds += seconds
            self.ends_at += seconds
            ends_at = self.ends_at
        # the earlier entry still fires, and fire() sees it is not yet time
        _DEADLINES.arm(self, ends_at)

    def attach(self, sock: socket.socket) -> bool:
        """Watch ``sock``; False if the request was already cut (then do not use it)."""
        with self._lock:
            if self.reason is not None:
                return False
            if not self._closed:
                self._sockets.append(sock)
            return True

    def fire(self, reason: str) -> None:
        with self._lock:
            if self._closed or self.reason is not None:
                return
            if reason == "deadline" and time.monotonic() < self.ends_at:
                return  # an entry from before extend() moved the deadline
            self.reason = reason
            sockets = list(self._sockets)
        for sock in sockets:
            with contextlib.suppress(OSError):
                # The plain socket's shutdown, also for TLS: it wakes a blocked recv/send.
                socket.socket.shutdown(sock, socket.SHUT_RDWR)

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._sockets.clear()
        _DEADLINES.closed()


_local = threading.local()  # the watch of the request the current thread is making


def _current_watch() -> _Watch | None:
    watch: _Watch | None = getattr(_local, "watch", None)
    return watch


def _watch_socket(sock: socket.socket, conn: Any) -> None:
    watch = _current_watch()
    if watch is not None and not watch.attach(sock):
        raise NewConnectionError(conn, "the request was cut before it was sent")


def _body_size(body: Any, headers: Mapping[str, str] | None) -> int:
    if isinstance(body, bytes | bytearray | str):
        return len(body)
    for key, value in (headers or {}).items():
        if key.lower() == "content-length":
            number = _number(value)
            return int(number) if number is not None else 0
    return 0


#: bytes read from an uploaded file and handed to the socket at a time (urllib3's default,
#: 16 KiB, makes a 500 MB video 32,000 reads and sends)
SEND_BLOCK = 256 * 1024


class _WatchedHTTPConnection(HTTPConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # the pool manager passes its own (urllib3 default) size: ours is the floor
        kwargs["blocksize"] = max(int(kwargs.get("blocksize") or 0), SEND_BLOCK)
        super().__init__(*args, **kwargs)

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        try:
            _watch_socket(sock, self)
        except NewConnectionError:
            sock.close()
            raise
        return sock


class _WatchedHTTPSConnection(HTTPSConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # the pool manager passes its own (urllib3 default) size: ours is the floor
        kwargs["blocksize"] = max(int(kwargs.get("blocksize") or 0), SEND_BLOCK)
        super().__init__(*args, **kwargs)

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        try:
            _watch_socket(sock, self)
        except NewConnectionError:
            sock.close()
            raise
        return sock


def _before_request(conn: Any, body: Any, headers: Mapping[str, str] | None) -> None:
    """A kept-alive connection's socket joins the watch; an upload extends the deadline."""
    watch = _current_watch()
    if watch is None:
        return
    sock = getattr(conn, "sock", None)
    if sock is not None:
        _watch_socket(sock, conn)
    watch.extend(_body_size(body, headers) / UPLOAD_RATE_FLOOR)


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection

    def _make_request(self, conn: Any, method: str, url: str, body: Any = None,
                      headers: Any = None, *args: Any, **kwargs: Any) -> Any:
        _before_request(conn, body, headers)
        return super()._make_request(conn, method, url, body, headers, *args, **kwargs)


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection

    def _make_request(self, conn: Any, method: str, url: str, body: Any = None,
                      headers: Any = None, *args: Any, **kwargs: Any) -> Any:
        _before_request(conn, body, headers)
        return super()._make_request(conn, method, url, body, headers, *args, **kwargs)


_POOLS = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class _Session(requests.Session):
    """``requests``' session, reading the environment's proxy settings once per host:
    ``requests`` goes through every environment variable twice per request to find them
    (a third of the time of a request on loopback). The environment of a running process
    changes only if the process changes it, which this app never does."""

    def __init__(self) -> None:
        super().__init__()
        #: (scheme, host, no_proxy) → the environment's proxies, its CA bundle
        self._environment: dict[tuple[str, str, Any], tuple[dict[str, str], str | None]] = {}

    def merge_environment_settings(self, url: Any, proxies: Any, stream: Any, verify: Any,
                                   cert: Any) -> Any:
        """What ``requests.Session.merge_environment_settings`` answers, with the
        environment read once per host."""
        if not self.trust_env:
            return super().merge_environment_settings(url, proxies, stream, verify, cert)
        parts = urlsplit(url)
        no_proxy = proxies.get("no_proxy") if proxies is not None else None
        key = (parts.scheme, parts.netloc, no_proxy)
        found = self._environment.get(key)
        if found is None:
            found = self._environment[key] = (
                get_environ_proxies(url, no_proxy=no_proxy),
                os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE"))
        environ_proxies, bundle = found
        if proxies is not None:
            for scheme, proxy in environ_proxies.items():
                proxies.setdefault(scheme, proxy)
        if (verify is True or verify is None) and bundle:
            verify = bundle
        merge = cast(Callable[[Any, Any], Any], merge_setting)
        return {"proxies": merge(proxies, self.proxies), "stream": merge(stream, self.stream),
                "verify": merge(verify, self.verify), "cert": merge(cert, self.cert)}


class _Adapter(HTTPAdapter):
    """urllib3 pools whose sockets the request's watch can shut down.

    Through a SOCKS proxy the sockets are not watched: the deadline is then checked
    between reads only.
    """

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(_POOLS)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not proxy.lower().startswith("socks"):
            manager.pool_classes_by_scheme = dict(_POOLS)
        return manager


class _Cut(requests.exceptions.RequestException):
    """The request's deadline passed, or the client was aborted, while reading."""


def _check_hop(first: str, target: str, host: str) -> None:
    """A redirection of a read is followed only to an address the first one allowed."""
    parts = urlsplit(target)
    start = urlsplit(first)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PermanentError(tr(
            "{host} redirected to {target}, which is not a web address: not followed.",
            host=host, target=origin(target)))
    secure = start.scheme == "https" or is_loopback_host(start.hostname or "")
    if secure and parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise PermanentError(tr(
            "{host} redirected to {target}, which uses plain http: not followed (plain http "
            "is only accepted for this computer).", host=host, target=origin(target)))


class HttpClient:
    """A ``requests`` session with timeouts, our User-Agent and error mapping.

    ``on_rate_limit`` receives what each response's rate-limit headers say.
    ``deadline`` bounds each request as a whole (see the module doc) and
    ``max_answer_bytes`` the answers read; both can be changed per call.
    """

    def __init__(
        self,
        *,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
        on_rate_limit: Callable[[RateLimitInfo], None] | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        platform: str = "",
        deadline: float = DEADLINE,
        max_answer_bytes: int = MAX_ANSWER_BYTES,
    ) -> None:
        self.session = session or _Session()
        self.session.headers["User-Agent"] = USER_AGENT
        # No automatic retries: re-sending a POST is the service's decision, never urllib3's.
        adapter = _Adapter(max_retries=0, pool_connections=4, pool_maxsize=8)
        self.session.mount("https://", adapter)
        self.session.mount("http://", adapter)
        self.timeout = timeout
        self.deadline = deadline
        self.max_answer_bytes = max_answer_bytes
        self.on_rate_limit = on_rate_limit
        self.clock = clock
        self.platform = platform
        self.last_rate_limit: RateLimitInfo | None = None
        self._lock = threading.Lock()
        self._watches: set[_Watch] = set()
        self._stopped = False

    def close(self) -> None:
        self.session.close()

    def abort(self) -> None:
        """Cut the requests in progress and refuse new ones (the service is stopping).

        A cut request ends like one whose deadline passed: not sent, or ambiguous.
        """
        with self._lock:
            self._stopped = True
            watches = list(self._watches)
        for watch in watches:
            watch.fire("stopped")

    def request(
        self,
        method: str,
        url: str,
        *,
        changes_state: bool | None = None,
        deadline: float | None = None,
        max_bytes: int | None = None,
        truncate: bool = False,
        **kwargs: Any,
    ) -> requests.Response:
        """Send one request and read its answer. Network failures raise the plugin API's
        errors (see module doc).

        ``changes_state`` (default: any method but GET/HEAD/OPTIONS) decides whether a
        failure after sending is ambiguous. ``deadline`` (seconds) replaces the client's
        for this call; ``max_bytes`` its answer cap: a longer answer is refused, or cut
        to ``max_bytes`` with ``truncate``. Other keywords are those of ``requests``
        (``stream`` is not: the answer is always read here).
        """
        method = method.upper()
        if changes_state is None:
            changes_state = method not in SAFE_METHODS
        if "stream" in kwargs:
            raise TypeError("HttpClient reads answers itself: use max_bytes/truncate, not stream")
        follow = bool(kwargs.pop("allow_redirects", True))
        timeout = kwargs.pop("timeout", self.timeout)
        limit = self.max_answer_bytes if max_bytes is None else max_bytes
        where = urlsplit(url).hostname or url
        watch = _Watch(self.deadline if deadline is None else deadline)
        with self._lock:
            stopped = self._stopped
            if not stopped:
                self._watches.add(watch)
        if stopped:
            watch.close()
            raise RetryableError(tr("the publishing service is stopping: nothing was sent to "
                                    "{host}", host=where))
        _local.watch = watch
        try:
            response = self._exchange(method, url, kwargs, timeout=timeout, follow=follow,
                                      watch=watch, changes_state=changes_state)
            self._read(response, limit=limit, truncate=truncate, watch=watch, host=where,
                       changes_state=changes_state)
        except requests.exceptions.RequestException as exc:
            raise self._failure(exc, watch, where, changes_state) from None
        finally:
            _local.watch = None
            watch.close()
            with self._lock:
                self._watches.discard(watch)
        _CHANGES_STATE[response] = changes_state
        info = parse_rate_limit(response.headers, self.clock())
        if info is not None:
            self.last_rate_limit = info
            if self.on_rate_limit is not None:
                self.on_rate_limit(info)
        return response

    def _exchange(self, method: str, url: str, kwargs: dict[str, Any], *, timeout: Any,
                  follow: bool, watch: _Watch, changes_state: bool) -> requests.Response:
        """The request, and for a read the redirections it is allowed to follow."""
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            response = self.session.request(method, current, stream=True, allow_redirects=False,
                                            timeout=_within(timeout, watch), **kwargs)
            status = response.status_code
            if not 300 <= status < 400:
                return response
            if not follow and "Location" not in response.headers:
                # not a redirection: a status of the protocol itself (Google's resumable
                # upload answers ``308 Resume Incomplete`` with a ``Range``), for the
                # caller that asked to see 3xx answers
                return response
            host = urlsplit(current).hostname or current
            target = self.session.get_redirect_target(response)
            if method not in SAFE_METHODS:
                response.close()
                raise _redirect_refused(host, status, urljoin(response.url, target or ""),
                                        bool(target), changes_state)
            if not follow or not target:
                return response
            target = urljoin(response.url, target)
            response.close()
            _check_hop(url, target, host)
            kwargs = self._next_hop(kwargs, current, target)
            current = target
        raise PermanentError(tr("{host} redirected more than {count} times: not followed.",
                                host=urlsplit(url).hostname or url, count=MAX_REDIRECTS))

    def _next_hop(self, kwargs: dict[str, Any], current: str, target: str) -> dict[str, Any]:
        """The arguments of the next hop of a read: no query of the first, and no
        credentials for another host (as ``requests`` does)."""
        hop = {k: v for k, v in kwargs.items() if k not in ("params", "data", "json", "files")}
        if self.session.should_strip_auth(current, target):  # type: ignore[no-untyped-call]
            hop.pop("auth", None)
            headers: CaseInsensitiveDict[Any] = CaseInsensitiveDict(hop.get("headers") or {})
            headers.pop("Authorization", None)
            headers.pop("Cookie", None)
            hop["headers"] = headers
        return hop

    def _read(self, response: requests.Response, *, limit: int, truncate: bool,
              watch: _Watch, host: str, changes_state: bool) -> None:
        """Read the answer into ``response.content``, within the deadline and the cap."""
        declared = _number(response.headers.get("Content-Length"))
        if not truncate and declared is not None and declared > limit:
            response.close()  # refused before reading any of it
            raise _too_big(host, limit, response.status_code, changes_state)
        chunks: list[bytes] = []
        size = 0
        complete = True
        try:
            for chunk in response.iter_content(_CHUNK):
                if watch.reason is not None:
                    break
                if size + len(chunk) > limit:
                    if not truncate:
                        raise _too_big(host, limit, response.status_code, changes_state)
                    chunks.append(chunk[:limit - size])
                    complete = False
                    break
                chunks.append(chunk)
                size += len(chunk)
        except BaseException:
            response.close()
            raise
        if watch.reason is not None:
            # A cut socket may look like the end of an answer without a length: it is not.
            response.close()
            raise _Cut(watch.reason)
        if not complete:
            response.close()  # the rest is not wanted: drop the connection
        response._content = b"".join(chunks)
        response._content_consumed = True  # type: ignore[attr-defined]

    def _failure(self, exc: requests.exceptions.RequestException, watch: _Watch, where: str,
                 changes_state: bool) -> PublishError:
        sent = _was_sent(exc)
        if watch.reason == "stopped":
            detail = tr("the publishing service stopped before {host} answered", host=where)
        elif watch.reason == "deadline" or watch.remaining() <= _DEADLINE_SLACK:
            # the per-read timeout is cut to what is left of the deadline: when it fires
            # first (requests reports it as a read timeout or a cut connection), the
            # deadline is what ended the request all the same
            detail = tr("no complete answer from {host} within {seconds} s", host=where,
                        seconds=f"{watch.seconds:.0f}")
        elif isinstance(exc, requests.exceptions.ReadTimeout):
            detail = tr("no answer from {host} in time", host=where)
        elif sent:
            detail = tr("the connection to {host} was cut before the answer", host=where)
        elif isinstance(exc, requests.exceptions.SSLError):
            detail = tr("secure connection to {host} failed", host=where)
        else:
            detail = tr("cannot reach {host} (offline, or the server is down)", host=where)
        if sent and changes_state:
            return AmbiguousError(
                tr("{detail}: the post may or may not have been published.", detail=detail))
        return RetryableError(detail)

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
        changes_state: bool | None = None,
    ) -> None:
        """Map an error status to the plugin API's errors, with the platform's own words.

        A 5xx answer to a request that changes something (``changes_state``, by default
        as the request was sent) raises :class:`AmbiguousError`: the platform (or a proxy
        in front of it) may have failed after applying it.
        """
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
        if status >= 500 and _changed_state(response, changes_state):
            raise AmbiguousError(
                tr("The server had a problem ({status}) after receiving the request: {reason}. "
                   "The post may or may not have been published.", status=status,
                   reason=reason),
                http_status=status,
            )
        if status >= 500 or status in (408, 425):
            raise RetryableError(
                tr("The server had a problem ({status}): {reason}", status=status, reason=reason),
                http_status=status,
                retry_after=retry_after,
            )
        raise PermanentError(reason, http_status=status)


def _changed_state(response: requests.Response, changes_state: bool | None) -> bool:
    if changes_state is not None:
        return changes_state
    known = _CHANGES_STATE.get(response)
    if known is not None:
        return known
    method = (response.request.method or "GET") if response.request is not None else "GET"
    return method.upper() not in SAFE_METHODS


def _within(timeout: Any, watch: _Watch) -> Any:
    """``requests``' per-read timeouts, never beyond what is left of the deadline."""
    left = max(0.001, watch.remaining())
    if isinstance(timeout, tuple):
        return tuple(left if t is None else min(float(t), left) for t in timeout)
    return left if timeout is None else min(float(timeout), left)


def _too_big(host: str, limit: int, status: int, changes_state: bool) -> PublishError:
    size = f"{limit / 1e6:g}"
    if changes_state:
        return AmbiguousError(tr(
            "{detail}: the post may or may not have been published.",
            detail=tr("the answer from {host} is over {size} MB and was not read", host=host,
                      size=size)), http_status=status)
    return PermanentError(tr("The answer from {host} is over {size} MB: it was not read.",
                             host=host, size=size), http_status=status)


def _redirect_refused(host: str, status: int, target: str, has_target: bool,
                      changes_state: bool) -> PublishError:
    """A change answered with a redirection: never followed. 303 ("see other") says the
    request was handled and its result is elsewhere; the others that it was not."""
    if status == 303 and changes_state:
        return AmbiguousError(tr(
            "{host} answered {status} (see other) instead of a result: the post may or may "
            "not have been published.", host=host, status=status), http_status=status)
    if has_target:
        return PermanentError(tr(
            "{host} redirected the request to {target} ({status}); a change is only ever "
            "sent to the account's own address, so nothing was sent there. Check the "
            "account's server address.", host=host, target=origin(target), status=status),
            http_status=status)
    return PermanentError(tr("{host} answered {status} instead of a result: nothing was "
                             "published.", host=host, status=status), http_status=status)


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
