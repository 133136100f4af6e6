"""Meta's Graph API (Facebook Pages, Instagram, Threads): one client, one error mapping.

- Errors come as ``{"error": {"message", "type", "code", "error_subcode",
  "error_user_title", "error_user_msg", "is_transient", "fbtrace_id"}}`` and are
  mapped by code to the plugin API's outcomes (PLATFORMS.md §5): 190/102 and
  permission errors → :class:`AuthError` (reconnect), throttling 4/17/32/613 and
  the per-business codes → :class:`RetryableError` with a back-off read from the
  usage headers, 1/2 and ``is_transient`` → retryable, 368 → blocked, 506 →
  :class:`DuplicatePost` (which the Facebook publisher examines; it is not, by
  itself, proof that *this* post exists).
- Usage headers ``X-App-Usage``, ``X-Page-Usage`` and ``X-Business-Use-Case-Usage``
  (percentages, and ``estimated_time_to_regain_access`` in minutes) become a
  :class:`RateLimitInfo` handed to the service like any platform's headers.
- The token travels in the ``Authorization`` header, never in a URL (URLs end up
  in debug logs); ``appsecret_proof`` is added when the app secret is known.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import requests

from essplanner.publishers.base import PublisherContext, RateLimitInfo
from essplanner.publishers.errors import (
    AmbiguousError,
    AuthError,
    PermanentError,
    PublishError,
    RetryableError,
)
from essplanner.publishers.http import check_api_url
from essplanner.publishers.i18n import N_, tr

GRAPH_URL = "https://graph.facebook.com/v25.0"
THROTTLE_CODES = frozenset({4, 17, 32, 613}) | frozenset(range(80000, 80015))
DEFAULT_THROTTLE_WAIT = 15 * 60.0  # a rolling one-hour window, no estimate given
TRANSIENT_WAIT = 60.0
QUOTA_WAIT = 60 * 60.0  # publishing quotas are rolling 24 h windows

_AUTH_REASONS = {
    458: N_("the app was removed from the account"),
    459: N_("Meta asks the account owner to log in again (security check)"),
    460: N_("the password of the account was changed"),
    463: N_("the access token has expired"),
    464: N_("the account owner has not confirmed their account"),
    467: N_("the access token is no longer valid"),
    492: N_("the person who connected the account no longer manages the Page"),
}


# ---------------------------------------------------------------- errors ---


class DuplicatePost(PermanentError):
    """Graph code 506: a post with the same text is already on the Page."""


class MediaNotReady(RetryableError):
    """Codes 9007 / 2207027: the container is not ``FINISHED`` yet."""


class QuotaReached(RetryableError):
    """The account's publishing quota for the rolling 24 hours is used up."""


class ObjectNotFound(PermanentError):
    """Code 100 subcode 33 (or 803): the id does not exist or cannot be seen with this token."""


@dataclass(frozen=True)
class GraphError:
    """The ``error`` object of a Graph answer."""

    code: int | None
    subcode: int | None
    message: str
    user_message: str = ""
    kind: str = ""
    transient: bool = False
    trace: str = ""

    @classmethod
    def from_body(cls, body: object) -> GraphError | None:
        if not isinstance(body, dict) or not isinstance(body.get("error"), dict):
            return None
        err = body["error"]
        return cls(
            code=_int(err.get("code")),
            subcode=_int(err.get("error_subcode")),
            message=str(err.get("message") or ""),
            user_message=str(err.get("error_user_msg") or ""),
            kind=str(err.get("type") or ""),
            transient=bool(err.get("is_transient")),
            trace=str(err.get("fbtrace_id") or ""),
        )

    @property
    def text(self) -> str:
        words = self.user_message or self.message or tr("no explanation given")
        codes = f"{self.code}" + (f"/{self.subcode}" if self.subcode else "")
        return f"{words} (code {codes})"


def _int(value: object) -> int | None:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


def _minutes(seconds: float) -> int:
    return max(1, round(seconds / 60))


def exception_for(
    err: GraphError, *, platform: str, status: int | None, usage: RateLimitInfo | None
) -> PublishError:
    """The plugin API's outcome for a Graph error (see the module doc)."""
    code, sub = err.code, err.subcode
    if code in {190, 102}:
        reason = tr(_AUTH_REASONS[sub]) if sub in _AUTH_REASONS else err.text
        return AuthError(
            tr("{platform} refused the access token: {reason}. Reconnect the account.",
               platform=platform, reason=reason),
            http_status=status,
        )
    if code in THROTTLE_CODES:
        wait = usage.retry_after if usage and usage.retry_after else DEFAULT_THROTTLE_WAIT
        return RetryableError(
            tr("{platform} is limiting the number of requests ({reason}); trying again in "
               "{minutes} min.", platform=platform, reason=err.text, minutes=_minutes(wait)),
            http_status=status, retry_after=wait,
        )
    if code == 9007 or sub == 2207027:
        return MediaNotReady(
            tr("{platform} has not finished processing the media yet.", platform=platform),
            http_status=status, retry_after=TRANSIENT_WAIT,
        )
    if code == 9 or sub == 2207042:
        return QuotaReached(
            tr("The {platform} publishing limit for the last 24 hours is reached; the post "
               "will be tried again later.", platform=platform),
            http_status=status, retry_after=QUOTA_WAIT,
        )
    if code == 9004 or sub == 2207052:
        return PermanentError(
            tr("{platform} could not download the media from its public address: check the "
               "public share of the upload folder ({reason}).", platform=platform,
               reason=err.text),
            http_status=status,
        )
    if code == 368:
        return PermanentError(
            tr("{platform} has temporarily blocked this account from posting (policy "
               "enforcement): {reason}", platform=platform, reason=err.text),
            http_status=status,
        )
    if code == 506:
        return DuplicatePost(
            tr("{platform} refused the post as a duplicate of one already published: {reason}",
               platform=platform, reason=err.text),
            http_status=status,
        )
    if code == 341:
        return RetryableError(
            tr("{platform} says the app reached a limit: {reason}", platform=platform,
               reason=err.text),
            http_status=status, retry_after=QUOTA_WAIT,
        )
    if code in (1, 2) or err.transient:
        return RetryableError(
            tr("{platform} had a temporary problem: {reason}", platform=platform,
               reason=err.text),
            http_status=status, retry_after=TRANSIENT_WAIT,
        )
    if code == 10 or (code is not None and 200 <= code <= 299):
        return AuthError(
            tr("{platform} says the app lacks a permission: {reason}. Reconnect the account "
               "and grant every permission asked.", platform=platform, reason=err.text),
            http_status=status,
        )
    if code == 100 and sub in (33, 803):
        return ObjectNotFound(err.text, http_status=status)
    if code == 1609005:
        return PermanentError(
            tr("{platform} could not read the link in the post: {reason}", platform=platform,
               reason=err.text),
            http_status=status,
        )
    if status is not None and status >= 500:
        return RetryableError(
            tr("{platform} had a problem ({status}): {reason}", platform=platform,
               status=status, reason=err.text),
            http_status=status, retry_after=TRANSIENT_WAIT,
        )
    return PermanentError(tr("{platform} refused the request: {reason}", platform=platform,
                             reason=err.text), http_status=status)


# ---------------------------------------------------------------- usage ---


def _json_header(headers: Mapping[str, str], name: str) -> Any:
    for key, value in headers.items():
        if key.lower() == name:
            try:
                return json.loads(value)
            except ValueError:
                return None
    return None


def _percent(entry: Mapping[str, Any]) -> float:
    values = [entry.get(k) for k in ("call_count", "total_cputime", "total_time")]
    return max((float(v) for v in values if isinstance(v, int | float)), default=0.0)


def parse_usage(headers: Mapping[str, str], now: datetime) -> RateLimitInfo | None:
    """What Meta's usage headers say: percent used (as ``remaining`` of 100) and, when
    throttled, how long until access returns."""
    percents: list[float] = []
    regain_minutes = 0.0
    for name in ("x-app-usage", "x-page-usage", "x-ad-account-usage"):
        entry = _json_header(headers, name)
        if isinstance(entry, dict):
            percents.append(_percent(entry))
    buc = _json_header(headers, "x-business-use-case-usage")
    if isinstance(buc, dict):
        for entries in buc.values():
            for entry in entries if isinstance(entries, list) else []:
                if isinstance(entry, dict):
                    percents.append(_percent(entry))
                    regain = entry.get("estimated_time_to_regain_access")
                    if isinstance(regain, int | float):
                        regain_minutes = max(regain_minutes, float(regain))
    if not percents and not regain_minutes:
        return None
    used = max(percents, default=0.0)
    wait = regain_minutes * 60 if regain_minutes else None
    return RateLimitInfo(
        limit=100,
        remaining=max(0, int(100 - used)),
        reset_at=now + timedelta(seconds=wait) if wait else None,
        retry_after=wait,
    )


# ---------------------------------------------------------------- client ---


def appsecret_proof(token: str, app_secret: str) -> str:
    return hmac.new(app_secret.encode(), token.encode(), hashlib.sha256).hexdigest()


_VERSION = re.compile(r"/v\d+(?:\.\d+)?$")


def root_url(base_url: str) -> str:
    """``https://graph.threads.net`` for ``https://graph.threads.net/v1.0``."""
    return _VERSION.sub("", base_url.rstrip("/"))


class GraphClient:
    """Calls to one Graph host with one token, errors mapped, usage reported."""

    def __init__(
        self,
        context: PublisherContext,
        *,
        base_url: str,
        token: str,
        platform: str,
        app_secret: str | None = None,
    ) -> None:
        self.context = context
        self.http = context.http
        self.base_url = check_api_url(base_url)
        self.token = token
        self.platform = platform
        self.proof = appsecret_proof(token, app_secret) if app_secret else None
        self.last_usage: RateLimitInfo | None = None

    def use_token(self, token: str, app_secret: str | None) -> None:
        """Switch to a renewed token."""
        self.token = token
        self.proof = appsecret_proof(token, app_secret) if app_secret else None

    def url(self, path: str) -> str:
        if path.startswith(("http://", "https://")):
            return path
        return f"{self.base_url}/{path.lstrip('/')}"

    def get(self, path: str, params: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return self.call("GET", path, params=params)

    def post(
        self,
        path: str,
        data: Mapping[str, Any] | None = None,
        *,
        files: Mapping[str, Any] | None = None,
        changes_state: bool = True,
    ) -> dict[str, Any]:
        return self.call("POST", path, data=data, files=files, changes_state=changes_state)

    def call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        data: Mapping[str, Any] | None = None,
        files: Mapping[str, Any] | None = None,
        changes_state: bool | None = None,
        authenticated: bool = True,
        bearer: str | None = None,
    ) -> dict[str, Any]:
        """One request; ``bearer`` replaces the client's token (an app token), and
        ``authenticated=False`` sends none (token exchanges carry theirs as parameters)."""
        query = dict(params or {})
        headers = {}
        if bearer:
            headers["Authorization"] = f"Bearer {bearer}"
        elif authenticated:
            headers["Authorization"] = f"Bearer {self.token}"
            if self.proof:
                query["appsecret_proof"] = self.proof
        response = self.http.request(
            method, self.url(path), params=query or None, data=data, files=files,
            headers=headers, changes_state=changes_state,
        )
        return self.handle(response)

    def handle(self, response: requests.Response) -> dict[str, Any]:
        """The JSON body of a success; the mapped error otherwise."""
        usage = parse_usage(response.headers, self.context.clock())
        if usage is not None:
            self.last_usage = usage
            self.http.last_rate_limit = usage
            if self.http.on_rate_limit is not None:
                self.http.on_rate_limit(usage)
        try:
            body = response.json()
        except ValueError:
            body = None
        err = GraphError.from_body(body)
        if err is not None:
            raise exception_for(err, platform=self.platform, status=response.status_code,
                                usage=usage)
        if response.status_code >= 400:
            self.http.raise_for_status(response)
        if not isinstance(body, dict):
            raise RetryableError(tr("{platform} sent an answer that is not JSON (HTTP {status}).",
                                    platform=self.platform, status=response.status_code))
        return body

    def items(self, path: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """The ``data`` list of an edge (first page only: callers ask for recent items)."""
        data = self.get(path, params).get("data")
        return [d for d in data if isinstance(d, dict)] if isinstance(data, list) else []


def creating(call: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """Run a POST that creates nothing visible (an unpublished photo, a container).

    A lost answer there is not ambiguous for the post: nothing is published until
    the final step, so it is reported as retryable.
    """
    try:
        result: dict[str, Any] = call(*args, **kwargs)
    except AmbiguousError as exc:
        raise RetryableError(exc.message) from None
    return result


def _norm(text: str) -> str:
    return " ".join(text.replace("\r\n", "\n").split())


def same_text(a: str, b: str) -> bool:
    """Whether a platform's copy of a text is ours (it may normalise line ends and edges)."""
    return _norm(a) == _norm(b)


def text_digest(text: str) -> str:
    """A short digest of a text as :func:`same_text` compares it (kept instead of the text)."""
    return hashlib.sha256(_norm(text).encode()).hexdigest()[:24]


def parse_time(value: object) -> datetime | None:
    """A Graph timestamp (``2026-11-27T09:00:00+0000``) as an aware datetime."""
    if not isinstance(value, str) or not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    if re.search(r"[+-]\d{4}$", text):
        text = f"{text[:-2]}:{text[-2:]}"
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)
