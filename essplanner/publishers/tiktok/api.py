"""Talking to TikTok's Open API v2 for one account: the user token (refreshed and
rotated) and TikTok's answers turned into the plugin API's errors.

Tokens (Login Kit, PLATFORMS.md §11). The access token (24 hours on the older page,
2 hours on the newer one: ``expires_in`` says) is the account's main secret at
connection time; the refresh token (365 days, or ``refresh_expires_in``) is kept in
the vault under ``refresh_token``. A refresh answers a new access token and a refresh
token that may be new: it is written to the keyring first (the old one may be void),
then the new access token (vault ``session``, tied to the main secret it descends from,
so that reconnecting replaces it); :data:`TOKEN_EXPIRES_AT` follows the refresh token's
end. Refreshing needs the client key (setting ``client_id``) and the client secret
(vault ``client_secret``).

Every answer of the posting API is ``{"data": {...}, "error": {"code", "message",
"log_id"}}``; ``code`` ``"ok"`` is success. The posting errors named by TikTok each get
their own message and no retry (see :func:`raise_for_tiktok`).
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
from essplanner.publishers.http import HttpClient, check_api_url, error_text
from essplanner.publishers.i18n import tr
from essplanner.publishers.oauth import keep_renewed_token, renewed_token

API_URL = "https://open.tiktokapis.com"
AUTHORIZE_URL = "https://www.tiktok.com/v2/auth/authorize/"
TOKEN_PATH = "/v2/oauth/token/"
USER_INFO_PATH = "/v2/user/info/"
CREATOR_INFO_PATH = "/v2/post/publish/creator_info/query/"
DIRECT_INIT_PATH = "/v2/post/publish/video/init/"
INBOX_INIT_PATH = "/v2/post/publish/inbox/video/init/"
STATUS_PATH = "/v2/post/publish/status/fetch/"
VIDEO_QUERY_PATH = "/v2/video/query/"
#: who we are, post directly, send to the inbox, read our videos' counts (the guide says why)
SCOPES = ("user.info.basic", "video.publish", "video.upload", "video.list")
REFRESH = "refresh_token"  # vault: the refresh token
APP_SECRET = "client_secret"  # vault: the developer app's client secret
ACCESS_EXPIRES = "access_expires_at"  # setting: end of the access token given at login
REFRESH_MARGIN = timedelta(minutes=5)
DEFAULT_ACCESS = timedelta(hours=24)
DEFAULT_REFRESH = timedelta(days=365)
#: TikTok's posting limits are per minute (6 inits, 30 status reads): wait one
RATE_WAIT = 60.0


def authorize_url(api_url: str) -> str:
    """TikTok's consent page for the official API; the same path on a test server."""
    base = check_api_url(api_url)
    return AUTHORIZE_URL if base == API_URL else f"{base}/v2/auth/authorize/"




def body_of(response: requests.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def error_of(response: requests.Response) -> tuple[str, str]:
    """TikTok's error code and message (``("ok", "")`` when none)."""
    body = body_of(response)
    err = body.get("error")
    if isinstance(err, dict):
        return str(err.get("code") or "ok"), str(err.get("message") or "")
    if isinstance(err, str) and err:  # the OAuth endpoints: {"error", "error_description"}
        return err, str(body.get("error_description") or "")
    return ("ok", "") if response.status_code < 400 else ("", error_text(response))


def raise_for_tiktok(http: HttpClient, response: requests.Response, *,
                     changes_state: bool | None = None) -> None:
    """Map an error answer of TikTok to the plugin API's errors, with a message per code."""
    status = response.status_code
    code, message = error_of(response)
    if status < 400 and code in ("ok", ""):
        return
    reason = message or code or error_text(response)
    if code == "unaudited_client_can_only_post_to_private_accounts":
        raise AccountBlocked(tr(
            "TikTok lets a developer app that has not passed its audit post only to private "
            "accounts: make the TikTok account private (Settings and privacy › Privacy › "
            "Private account), or have the app audited (see the TikTok guide). Nothing was "
            "published."), reason="access", http_status=status)
    if code == "reached_active_user_cap":
        raise AccountBlocked(tr(
            "The TikTok developer app has reached its cap of accounts posting today (an app "
            "not yet audited lets at most 5 accounts post in 24 hours). Nothing was "
            "published: try again tomorrow, or have the app audited (see the TikTok guide)."),
            reason="access", http_status=status)
    if code == "spam_risk_too_many_posts":
        raise PermanentError(tr(
            "TikTok refuses more posts from this account for now: it has posted too many "
            "times today through apps. Nothing was published; post it again tomorrow."),
            http_status=status)
    if code == "spam_risk_too_many_pending_share":
        raise PermanentError(tr(
            "TikTok refuses more videos to this account's inbox: too many are waiting to be "
            "finished in the TikTok app (at most 5 in 24 hours). Finish or delete them in the "
            "app, then send this one again."), http_status=status)
    if code == "spam_risk_user_banned_from_posting":
        raise PermanentError(tr(
            "TikTok has banned this account from posting: nothing was published. See the "
            "notifications in the TikTok app."), http_status=status)
    if code.startswith("spam_risk"):
        raise PermanentError(tr(
            "TikTok refused the post as a spam risk ({code}): nothing was published.",
            code=code), http_status=status)
    if code == "privacy_level_option_mismatch":
        raise PermanentError(tr(
            "TikTok no longer offers this account the privacy chosen for the video: open "
            "the post, choose who can see it again, and schedule it again."),
            http_status=status)
    if code == "rate_limit_exceeded" or status == 429:
        raise RetryableError(tr("Too many requests to TikTok; the post waits a minute: "
                                "{reason}", reason=reason), http_status=status,
                             retry_after=RATE_WAIT)
    if code.startswith("scope_"):
        raise AuthError(tr(
            "The TikTok login does not allow this ({reason}): reconnect the account and "
            "grant every permission asked, or check the app's products (see the TikTok "
            "guide).", reason=reason), http_status=status)
    if code in ("access_token_invalid", "invalid_grant") or status == 401:
        raise AuthError(tr("TikTok refused the account's login ({reason}): reconnect the "
                           "account.", reason=reason), http_status=status)
    if status >= 500 or code == "internal_error":
        http.raise_for_status(response, tr("TikTok had a problem: {reason}", reason=reason),
                              auth_statuses=frozenset(), changes_state=changes_state)
        raise RetryableError(tr("TikTok had a problem: {reason}", reason=reason),
                             http_status=status)
    raise PermanentError(tr("TikTok refused: {reason}", reason=reason), http_status=status)


class TikTokApi:
    """The account's calls to TikTok, with its token refreshed when needed."""

    def __init__(self, context: PublisherContext) -> None:
        self.context = context
        self.base = check_api_url(context.api_url or API_URL)
        if not context.secret:
            raise AuthError(tr("No TikTok login is stored for this account: connect it "
                               "again."))
        self.main = context.secret
        self.token, self.expires_at = self._current()
        self.refreshed = False

    def _current(self) -> tuple[str, datetime | None]:
        return renewed_token(self.context.vault, self.main,
                             self.context.account.settings.get(ACCESS_EXPIRES))

    def refresh(self) -> None:
        """A new access token from the refresh token; the rotated refresh token is kept."""
        context = self.context
        refresh_token = context.vault.get(REFRESH)
        client_key = str(context.account.settings.get("client_id") or "")
        secret = context.vault.get(APP_SECRET) or ""
        if not refresh_token or not client_key or not secret:
            raise AuthError(tr("The TikTok login has ended and cannot be renewed: reconnect "
                               "the account."))
        response = context.http.post(
            f"{self.base}{TOKEN_PATH}", changes_state=False,
            data={"client_key": client_key, "client_secret": secret,
                  "grant_type": "refresh_token", "refresh_token": refresh_token})
        code, message = error_of(response)
        if response.status_code in (400, 401) or code not in ("ok", ""):
            if context.vault.get(REFRESH) != refresh_token:
                # another sender renewed it meanwhile: take the token it stored
                self.token, self.expires_at = self._current()
                self.refreshed = True
                return
            raise AuthError(tr("TikTok refused to renew the login ({reason}): reconnect the "
                               "account.", reason=message or code), http_status=response.status_code)
        context.http.raise_for_status(response)
        body = body_of(response)
        if not isinstance(body.get("access_token"), str) or not body["access_token"]:
            raise RetryableError(tr("TikTok answered the renewal of the login without a "
                                    "token."))
        now = context.clock()
        rotated = body.get("refresh_token")
        if isinstance(rotated, str) and rotated:
            context.vault.set(REFRESH, rotated)  # the old one may be void: keep it first
        access_end, login_end = expiries(body, now)
        context.save_settings({TOKEN_EXPIRES_AT: login_end.isoformat()})
        self.token, self.expires_at = str(body["access_token"]), access_end
        keep_renewed_token(context.vault, self.main, self.token, access_end)
        self.refreshed = True
        context.logger.info("TikTok login renewed until %s", access_end.isoformat())

    def ensure_fresh(self) -> None:
        if (self.expires_at is not None and not self.refreshed
                and self.context.clock() >= self.expires_at - REFRESH_MARGIN
                and self.context.vault.get(REFRESH)):
            self.refresh()

    def call(self, path: str, *, payload: Mapping[str, Any] | None = None,
             params: Mapping[str, str] | None = None, changes_state: bool = False,
             method: str = "POST") -> dict[str, Any]:
        """One call; an invalid token is refreshed and the call sent once more (TikTok
        applied nothing). Returns ``data``."""
        self.ensure_fresh()
        response = self._send(method, path, payload, params, changes_state)
        if self._token_refused(response) and not self.refreshed:
            self.refresh()
            response = self._send(method, path, payload, params, changes_state)
        raise_for_tiktok(self.context.http, response, changes_state=changes_state)
        data = body_of(response).get("data")
        return data if isinstance(data, dict) else {}

    @staticmethod
    def _token_refused(response: requests.Response) -> bool:
        code, _message = error_of(response)
        return code == "access_token_invalid" or (response.status_code == 401
                                                  and not code.startswith("scope"))

    def _send(self, method: str, path: str, payload: Mapping[str, Any] | None,
              params: Mapping[str, str] | None, changes_state: bool) -> requests.Response:
        headers = {"Authorization": f"Bearer {self.token}"}
        kwargs: dict[str, Any] = {}
        if payload is not None:
            kwargs["json"] = dict(payload)
            headers["Content-Type"] = "application/json; charset=UTF-8"
        return self.context.http.request(method, f"{self.base}{path}", headers=headers,
                                         params=dict(params or {}),
                                         changes_state=changes_state, **kwargs)


def expiries(body: Mapping[str, Any], now: datetime) -> tuple[datetime, datetime]:
    """When a token answer's access token ends, and when the login ends for good."""
    seconds = body.get("expires_in")
    access = now + (timedelta(seconds=seconds) if isinstance(seconds, int) else DEFAULT_ACCESS)
    refresh_seconds = body.get("refresh_expires_in")
    login = now + (timedelta(seconds=refresh_seconds) if isinstance(refresh_seconds, int)
                   else DEFAULT_REFRESH)
    return access, login


