"""Talking to X's API v2 for one account: the user token (refreshed and rotated), and
X's answers turned into the plugin API's errors.

Tokens. The access token (2 hours) is the account's main secret at connection time;
the refresh token is kept in the vault under ``refresh_token``. A refresh answers a new
access token *and a new refresh token*, the old one being void at once: the new refresh
token is written to the keyring before anything else is done, then the new access token
(vault ``session``, tied to the main secret it descends from, like Threads' refreshed
token, so that reconnecting replaces it). A login without a refresh token (the person
refused ``offline.access``) runs out with its access token: ``token_expires_at`` says when.

Errors (PLATFORMS.md §4, LESSONS.md §3.1): 402 ``CreditsDepleted`` blocks the account
(:class:`AccountBlocked`, reason ``credits``); 403 duplicate content is permanent; 429
waits for the reset header that ran out (``x-user-limit-24hour-reset`` when the account's
24-hour allowance is spent, ``x-app-limit-24hour-reset`` for the app's, else
``x-rate-limit-reset``); 401 refreshes the token once, then asks for a reconnection; a
5xx or a lost answer to a create is ambiguous (never re-sent without a look-up).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

import requests

from essplanner.publishers.base import TOKEN_EXPIRES_AT, PublisherContext
from essplanner.publishers.errors import (
    AccountBlocked,
    AuthError,
    PermanentError,
    RetryableError,
)
from essplanner.publishers.http import HttpClient, check_api_url, error_text, parse_reset
from essplanner.publishers.i18n import tr
from essplanner.publishers.oauth import keep_renewed_token, renewed_token

API_URL = "https://api.x.com"
AUTHORIZE_URL = "https://x.com/i/oauth2/authorize"
TOKEN_PATH = "/2/oauth2/token"
#: only what publishing needs: post, upload images, know who we are, stay connected
SCOPES = "tweet.read tweet.write users.read media.write offline.access"
REFRESH = "refresh_token"  # vault: the refresh token
APP_SECRET = "client_secret"  # vault: a confidential client's secret (public clients have none)
ACCESS_EXPIRES = "access_expires_at"  # setting: end of the access token given at login
#: refresh this long before the access token ends
REFRESH_MARGIN = timedelta(minutes=5)


def authorize_url(api_url: str) -> str:
    """X's consent page for the official API; the same path on a test server."""
    base = check_api_url(api_url)
    return AUTHORIZE_URL if base == API_URL else f"{base}/i/oauth2/authorize"




def _body(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def problem_text(response: requests.Response) -> str:
    """X's own words: a problem object's detail, or the first of ``errors[]``."""
    body = _body(response)
    if isinstance(body, dict):
        for key in ("detail", "title", "error_description"):
            if isinstance(body.get(key), str) and body[key]:
                return str(body[key])
        errors = body.get("errors")
        if isinstance(errors, list) and errors and isinstance(errors[0], dict):
            first = errors[0]
            text = first.get("detail") or first.get("message") or first.get("title")
            if text:
                return str(text)
    return error_text(response)


def _said(response: requests.Response) -> str:
    """Everything X said, lowered, to recognise a kind of error whatever field names it."""
    return (response.text or "").lower()


def _reset_wait(headers: Mapping[str, str], now: datetime) -> tuple[str, float | None,
                                                                     datetime | None]:
    """Which limit ran out (``user24``, ``app24`` or ``window``), seconds to wait, and when."""
    lower = {k.lower(): v for k, v in headers.items()}
    for kind, prefix in (("user24", "x-user-limit-24hour"), ("app24", "x-app-limit-24hour")):
        if (lower.get(f"{prefix}-remaining") or "").strip() == "0":
            when = parse_reset(lower.get(f"{prefix}-reset"), now)
            if when is not None:
                return kind, max(1.0, (when - now).total_seconds()), when
    when = parse_reset(lower.get("x-rate-limit-reset"), now)
    if when is not None:
        return "window", max(1.0, (when - now).total_seconds()), when
    return "window", None, None


def raise_for_x(http: HttpClient, response: requests.Response, *, now: datetime,
                changes_state: bool | None = None) -> None:
    """Map an error answer of X to the plugin API's errors."""
    status = response.status_code
    if status < 400:
        return
    reason = problem_text(response)
    said = _said(response)
    if status == 402 or "creditsdepleted" in said or "credits-depleted" in said:
        raise AccountBlocked(tr(
            "The X developer account has no credits left: X refuses every post until "
            "credits are bought in the X developer console. Nothing was published ({reason})."
            , reason=reason), reason="credits", http_status=status)
    if status == 429:
        kind, wait, when = _reset_wait(response.headers, now)
        at = when.strftime("%H:%M UTC") if when is not None else ""
        if kind == "user24":
            message = tr("This X account has used its posts allowed for 24 hours; the post "
                         "waits until {when}.", when=at)
        elif kind == "app24":
            message = tr("The X developer app has used its requests allowed for 24 hours "
                         "(for all its accounts); the post waits until {when}.", when=at)
        elif at:
            message = tr("Too many requests to X; the post waits until {when}, when X's "
                         "limit resets.", when=at)
        else:
            message = tr("Too many requests to X: {reason}", reason=reason)
        raise RetryableError(message, http_status=status, retry_after=wait)
    if status == 403 and "duplicate" in said:
        raise PermanentError(tr(
            "X refuses this post: the account already published the same text. Change the "
            "text to publish it again."), http_status=status)
    if status == 401 or (status == 403 and "unsupported-authentication" in said):
        raise AuthError(tr("X refused the account's login: {reason}. Reconnect the account.",
                           reason=reason), http_status=status)
    if status == 403:
        raise PermanentError(tr("X refused: {reason}", reason=reason), http_status=status)
    http.raise_for_status(response, reason, auth_statuses=frozenset(),
                          changes_state=changes_state)


class XApi:
    """The account's calls to X, with its token refreshed when needed."""

    def __init__(self, context: PublisherContext) -> None:
        self.context = context
        self.base = check_api_url(context.api_url or API_URL)
        if not context.secret:
            raise AuthError(tr("No X login is stored for this account: connect it again."))
        self.main = context.secret
        self.token, self.expires_at = self._current()
        self.refreshed = False

    # ---- token
    def _current(self) -> tuple[str, datetime | None]:
        return renewed_token(self.context.vault, self.main,
                             self.context.account.settings.get(ACCESS_EXPIRES))

    def refresh(self) -> None:
        """A new access token from the refresh token; the rotated refresh token is kept."""
        context = self.context
        refresh_token = context.vault.get(REFRESH)
        client_id = str(context.account.settings.get("client_id") or "")
        if not refresh_token or not client_id:
            raise AuthError(tr("The X login has ended and cannot be renewed: reconnect the "
                               "account."))
        secret = context.vault.get(APP_SECRET) or ""
        response = context.http.post(
            f"{self.base}{TOKEN_PATH}", changes_state=False,
            data={"grant_type": "refresh_token", "refresh_token": refresh_token,
                  "client_id": client_id},
            auth=(client_id, secret) if secret else None)
        if response.status_code in (400, 401):
            if context.vault.get(REFRESH) != refresh_token:
                # Another sender of this computer renewed it meanwhile (the one we used
                # is void since): take the token it stored.
                self.token, self.expires_at = self._current()
                self.refreshed = True
                context.logger.info("X login renewed by another sender")
                return
            raise AuthError(tr("X refused to renew the login ({reason}): reconnect the "
                               "account.", reason=problem_text(response)),
                            http_status=response.status_code)
        raise_for_x(context.http, response, now=context.clock())
        body = _body(response)
        if not isinstance(body, dict) or not isinstance(body.get("access_token"), str):
            raise RetryableError(tr("X answered the renewal of the login without a token."))
        now = context.clock()
        seconds = body.get("expires_in")
        expires = now + timedelta(seconds=seconds if isinstance(seconds, int) else 7200)
        rotated = body.get("refresh_token")
        if isinstance(rotated, str) and rotated:
            context.vault.set(REFRESH, rotated)  # the old one is already void: keep it first
        else:
            context.vault.delete(REFRESH)
            context.save_settings({TOKEN_EXPIRES_AT: expires.isoformat()})
        self.token, self.expires_at = str(body["access_token"]), expires
        keep_renewed_token(context.vault, self.main, self.token, expires)
        self.refreshed = True
        context.logger.info("X login renewed until %s", expires.isoformat())

    def ensure_fresh(self) -> None:
        """Refresh ahead of time an access token that ends within a few minutes."""
        if (self.expires_at is not None and not self.refreshed
                and self.context.clock() >= self.expires_at - REFRESH_MARGIN
                and self.context.vault.get(REFRESH)):
            self.refresh()

    # ---- calls
    def call(self, method: str, path: str, *, changes_state: bool | None = None,
             **kwargs: Any) -> requests.Response:
        """One request; a 401 refreshes the token and sends it once more (X applied nothing)."""
        self.ensure_fresh()
        response = self._send(method, path, changes_state, kwargs)
        if response.status_code == 401 and not self.refreshed:
            self.refresh()
            response = self._send(method, path, changes_state, kwargs)
        raise_for_x(self.context.http, response, now=self.context.clock(),
                    changes_state=changes_state)
        return response

    def _send(self, method: str, path: str, changes_state: bool | None,
              kwargs: dict[str, Any]) -> requests.Response:
        headers = {**(kwargs.get("headers") or {}), "Authorization": f"Bearer {self.token}"}
        rest = {k: v for k, v in kwargs.items() if k != "headers"}
        return self.context.http.request(method, f"{self.base}{path}", headers=headers,
                                         changes_state=changes_state, **rest)

    def json(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        body = _body(self.call(method, path, **kwargs))
        return body if isinstance(body, dict) else {}

    def me(self) -> dict[str, Any]:
        data = self.json("GET", "/2/users/me").get("data")
        if not isinstance(data, dict) or not data.get("id"):
            raise RetryableError(tr("X did not say which account this login belongs to."))
        return data


