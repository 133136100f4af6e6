"""Talking to the YouTube Data API v3 for one account: Google's tokens (renewed from the
refresh token kept in the vault) and Google's error answers turned into the plugin
API's outcomes.

Tokens. Google's access token lasts an hour; the one given at login is the account's
main secret, the refresh token and the OAuth client's secret are in the vault
(``refresh_token``, ``client_secret``: Google gives a desktop app a client secret and
wants it in every token request, though it cannot stay secret in an installed app). A
renewed access token is kept in the vault (``session``), tied to the main secret it
descends from, like X's and Threads'. Google does not rotate the refresh token.

The 7-day trap. While the Google Cloud project's OAuth consent screen is in "Testing"
(External users), Google ends every refresh token 7 days after the login: the renewal
then answers ``400 invalid_grant``. That is said in plain words (:func:`renewal_refused`):
put the app "In production", then reconnect.

Quota. A project has 10,000 units a day, reset at midnight Pacific time; an upload costs
1,600. ``quotaExceeded`` (403), ``dailyLimitExceeded``, the channel's
``uploadLimitExceeded`` (400) and a daily ``429`` are "try tomorrow": a
:class:`RetryableError` waiting until the reset (:func:`next_quota_reset`), never a
failure.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import requests

from essplanner.publishers.base import PublisherContext
from essplanner.publishers.errors import AuthError, PermanentError, RetryableError
from essplanner.publishers.http import HttpClient, check_api_url, error_text
from essplanner.publishers.i18n import tr
from essplanner.publishers.oauth import keep_renewed_token, parse_time, renewed_token

API_URL = "https://www.googleapis.com"
AUTHORIZE_URL = "https://accounts.google.com/o/oauth2/v2/auth"
TOKEN_URL = "https://oauth2.googleapis.com/token"
#: upload videos and set their thumbnails; read the channel, its uploads (the look-up
#: after a lost answer) and the videos' statistics. Nothing else (docs/platforms/youtube)
SCOPES = ("https://www.googleapis.com/auth/youtube.upload",
          "https://www.googleapis.com/auth/youtube.readonly")
REFRESH = "refresh_token"  # vault: Google's refresh token
APP_SECRET = "client_secret"  # vault: the OAuth client's secret
ACCESS_EXPIRES = "access_expires_at"  # setting: end of the access token given at login
CONNECTED_AT = "connected_at"  # setting: when the person logged in (the 7-day trap)
REFRESH_MARGIN = timedelta(minutes=5)
#: how long Google keeps a refresh token of an app whose consent screen is in "Testing"
TESTING_LIFETIME = timedelta(days=7)
PACIFIC = ZoneInfo("America/Los_Angeles")
#: Google's reasons that mean "the day's allowance is spent": wait for the reset
DAILY_REASONS = frozenset({"quotaExceeded", "dailyLimitExceeded", "uploadLimitExceeded",
                           "dailyLimitExceededUnreg"})


def is_google(api_url: str) -> bool:
    return urlsplit(api_url).hostname == "www.googleapis.com"


def login_urls(api_url: str) -> tuple[str, str]:
    """Google's consent page and token endpoint; the same paths on a test server."""
    base = check_api_url(api_url or API_URL)
    if is_google(base):
        return AUTHORIZE_URL, TOKEN_URL
    return f"{base}/o/oauth2/v2/auth", f"{base}/token"




def next_quota_reset(now: datetime) -> datetime:
    """The next midnight in Pacific time, when Google resets the daily quota (UTC-aware)."""
    local = now.astimezone(PACIFIC)
    # arithmetic on one zone's datetimes is wall-clock: the next day's 00:00, whatever
    # daylight saving does in between
    midnight = datetime(local.year, local.month, local.day, tzinfo=PACIFIC) + timedelta(days=1)
    return midnight.astimezone(now.tzinfo)


def body_of(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def reason_of(response: requests.Response) -> tuple[str, str]:
    """Google's ``errors[0].reason`` and message (``{"error": {"code", "message",
    "errors": [{"domain", "reason", "message"}], "status"}}``), or the OAuth error."""
    body = body_of(response)
    if isinstance(body, dict):
        err = body.get("error")
        if isinstance(err, dict):
            message = str(err.get("message") or "")
            errors = err.get("errors")
            if isinstance(errors, list) and errors and isinstance(errors[0], dict):
                first = errors[0]
                return str(first.get("reason") or ""), str(first.get("message") or message)
            return str(err.get("status") or ""), message
        if isinstance(err, str):  # the OAuth endpoint: {"error", "error_description"}
            return err, str(body.get("error_description") or err)
    return "", error_text(response)


def _until_reset(now: datetime) -> tuple[float, str]:
    reset = next_quota_reset(now)
    return max(60.0, (reset - now).total_seconds()), reset.strftime("%Y-%m-%d %H:%M UTC")


def raise_for_youtube(http: HttpClient, response: requests.Response, *, now: datetime,
                      changes_state: bool | None = None) -> None:
    """Map an error answer of YouTube to the plugin API's outcomes."""
    status = response.status_code
    if status < 400:
        return
    reason, message = reason_of(response)
    daily = reason in DAILY_REASONS or (status == 429 and (
        "per day" in message.lower() or reason == "RESOURCE_EXHAUSTED"))
    if daily:
        wait, when = _until_reset(now)
        if reason == "uploadLimitExceeded":
            text = tr("The YouTube channel has uploaded as many videos as YouTube allows for "
                      "now; try tomorrow: the video waits until {when} and is sent then "
                      "({reason}).", when=when, reason=message)
        else:
            text = tr("The day's YouTube quota of the Google Cloud project is used up (an "
                      "upload costs 1,600 of its 10,000 units a day); try tomorrow: the "
                      "video waits until the quota resets at midnight Pacific time ({when}) "
                      "and is sent then.", when=when)
        raise RetryableError(text, http_status=status, retry_after=wait)
    if status == 401:
        raise AuthError(tr("YouTube refused the account's login ({reason}): reconnect the "
                           "account.", reason=message), http_status=status)
    if status in (400, 403, 404, 409, 422) and status != 429:
        raise PermanentError(tr("YouTube refused: {reason}", reason=message),
                             http_status=status)
    http.raise_for_status(response, message, auth_statuses=frozenset(),
                          changes_state=changes_state)


def renewal_refused(response: requests.Response, connected_at: datetime | None,
                    now: datetime) -> AuthError:
    """Why Google would not renew the login, in plain words (the 7-day "Testing" trap)."""
    reason, message = reason_of(response)
    if reason == "invalid_grant" and connected_at is not None \
            and now - connected_at >= TESTING_LIFETIME - timedelta(hours=1):
        return AuthError(tr(
            "Google ended the YouTube login {days} days after it was made (invalid_grant). "
            "Google does this to every login of an app whose consent screen is still in "
            "\"Testing\": in the Google Cloud console, open \"OAuth consent screen\" and "
            "choose \"Publish app\" (In production), then reconnect the account. See the "
            "YouTube guide.", days=(now - connected_at).days),
            http_status=response.status_code)
    if reason == "invalid_grant":
        return AuthError(tr(
            "Google refused to renew the YouTube login (invalid_grant: {reason}): the access "
            "was withdrawn, or the Google Cloud app is still in \"Testing\", where Google "
            "ends every login after 7 days. Reconnect the account (see the YouTube guide).",
            reason=message), http_status=response.status_code)
    return AuthError(tr("Google refused to renew the YouTube login ({reason}): reconnect "
                        "the account.", reason=message), http_status=response.status_code)




class YouTubeApi:
    """The account's calls to YouTube, with its access token renewed when needed."""

    def __init__(self, context: PublisherContext) -> None:
        self.context = context
        self.base = check_api_url(context.api_url or API_URL)
        if not context.secret:
            raise AuthError(tr("No YouTube login is stored for this account: connect it "
                               "again."))
        self.main = context.secret
        self.token, self.expires_at = self._current()
        self.refreshed = False

    def _current(self) -> tuple[str, datetime | None]:
        return renewed_token(self.context.vault, self.main,
                             self.context.account.settings.get(ACCESS_EXPIRES))

    def refresh(self) -> None:
        """A new access token from the refresh token (Google keeps the refresh token)."""
        context = self.context
        refresh_token = context.vault.get(REFRESH)
        client_id = str(context.account.settings.get("client_id") or "")
        if not refresh_token or not client_id:
            raise AuthError(tr("The YouTube login has ended and cannot be renewed: reconnect "
                               "the account."))
        _authorize, token_url = login_urls(self.base)
        response = context.http.post(token_url, changes_state=False, data={
            "grant_type": "refresh_token", "refresh_token": refresh_token,
            "client_id": client_id, "client_secret": context.vault.get(APP_SECRET) or ""})
        now = context.clock()
        if response.status_code in (400, 401):
            raise renewal_refused(response, parse_time(context.account.settings.get(CONNECTED_AT)),
                                  now)
        raise_for_youtube(context.http, response, now=now)
        body = body_of(response)
        if not isinstance(body, dict) or not isinstance(body.get("access_token"), str):
            raise RetryableError(tr("Google answered the renewal of the YouTube login "
                                    "without a token."))
        seconds = body.get("expires_in")
        expires = now + timedelta(seconds=seconds if isinstance(seconds, int) else 3600)
        if isinstance(body.get("refresh_token"), str) and body["refresh_token"]:
            context.vault.set(REFRESH, str(body["refresh_token"]))
        self.token, self.expires_at = str(body["access_token"]), expires
        keep_renewed_token(context.vault, self.main, self.token, expires)
        self.refreshed = True
        context.logger.info("YouTube login renewed until %s", expires.isoformat())

    def ensure_fresh(self) -> None:
        if (self.expires_at is not None and not self.refreshed
                and self.context.clock() >= self.expires_at - REFRESH_MARGIN
                and self.context.vault.get(REFRESH)):
            self.refresh()

    def send(self, method: str, url: str, *, changes_state: bool | None = None,
             check: bool = True, **kwargs: Any) -> requests.Response:
        """One request to ``url`` (absolute, or a path of the API); a 401 renews the token
        and sends it once more (Google applied nothing). ``check`` maps error answers."""
        self.ensure_fresh()
        if url.startswith("/"):
            url = self.base + url
        response = self._send(method, url, changes_state, kwargs)
        if response.status_code == 401 and not self.refreshed:
            self.refresh()
            response = self._send(method, url, changes_state, kwargs)
        if check:
            raise_for_youtube(self.context.http, response, now=self.context.clock(),
                              changes_state=changes_state)
        return response

    def _send(self, method: str, url: str, changes_state: bool | None,
              kwargs: dict[str, Any]) -> requests.Response:
        headers = {**(kwargs.get("headers") or {}), "Authorization": f"Bearer {self.token}"}
        rest = {k: v for k, v in kwargs.items() if k != "headers"}
        return self.context.http.request(method, url, headers=headers,
                                         changes_state=changes_state, **rest)

    def json(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        body = body_of(self.send(method, path, **kwargs))
        return body if isinstance(body, dict) else {}
