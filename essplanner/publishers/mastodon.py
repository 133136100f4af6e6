"""Mastodon (any instance): statuses with media, alt text, content warning, visibility.

- An instance URL and an access token: a personal token made in the instance's
  settings (Preferences › Development), or :meth:`MastodonPublisher.browser_login`
  (OAuth with PKCE and a loopback redirect on 127.0.0.1).
- Every status POST carries ``Idempotency-Key`` = the target's idempotency key.
  Mastodon remembers it for one hour: the same POST with the same key within the
  hour returns the status already created instead of a second one.
- Media through ``POST /api/v2/media`` with its description; ``202`` means still
  processing, and ``GET /api/v1/media/:id`` is polled (``206`` while processing)
  for a bounded time before the status is posted.
- The instance's own limits (``/api/v2/instance``) are kept in the account's
  settings, so the editor counts right offline; URLs count 23 characters, a
  mention ``@user@instance`` counts as ``@user``, the content warning counts too.

``lookup`` (proving an ambiguous outcome) has no "find by key" call to rely on. It
first searches the account's latest statuses, made since the first uncertain attempt,
for the same text: some Mastodon-compatible servers ignore ``Idempotency-Key``, so a
status found is never sent again. When none matches, and the first uncertain attempt
(the service tells when it started, from the shared database, whichever computer made
it) is less than 50 minutes old, it re-sends the same POST with the same key: Mastodon
answers with the status that exists, or creates the one that never arrived, once.
Later than that the key may be forgotten: it says it cannot tell, and the user checks
the account.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from html.parser import HTMLParser
from typing import Any, ClassVar
from urllib.parse import urlencode, urlsplit

import requests

from essplanner.publishers.base import (
    AccountCheck,
    AccountField,
    AccountInfo,
    BasePublisher,
    Credentials,
    FieldKind,
    MediaFile,
    PublisherContext,
    PublishRequest,
    Receipt,
)
from essplanner.publishers.errors import AmbiguousError, AuthError, PermanentError, RetryableError
from essplanner.publishers.http import HttpClient, check_api_url, error_text
from essplanner.publishers.i18n import N_, ntr, tr
from essplanner.publishers.media import prepare_image
from essplanner.publishers.oauth import LoopbackRedirect, new_state, pkce_pair
from essplanner.publishers.rules import LinkHandling, PlatformRules, Problem, TextCounting
from essplanner.publishers.validation import validate_with_rules

SCOPES = "read:accounts read:statuses write:statuses write:media"
VISIBILITIES = ("public", "unlisted", "private", "direct")
#: Mastodon keeps an Idempotency-Key for one hour; we trust it for less
IDEMPOTENCY_WINDOW = timedelta(minutes=50)
#: statuses created this long before our first attempt still count (clocks differ)
CLOCK_SKEW = timedelta(minutes=5)
MEDIA_WAIT = timedelta(seconds=120)
POLL_INTERVALS = (1.0, 2.0, 3.0, 5.0)
LANGUAGE_RE = re.compile(r"^[a-z]{2,3}$")

DEFAULT_LIMITS: dict[str, Any] = {
    "max_characters": 500,
    "max_media_attachments": 4,
    "characters_reserved_per_url": 23,
    "description_limit": 1500,
    "image_size_limit": 16 * 1024 * 1024,
    "image_matrix_limit": 33_177_600,
    "video_size_limit": 99 * 1024 * 1024,
    "video_frame_rate_limit": 120,
    "video_matrix_limit": 8_294_400,  # 3840×2160
    "supported_mime_types": ["image/jpeg", "image/png", "image/gif", "image/webp",
                             "video/mp4", "video/quicktime", "video/webm"],
}


def instance_limits(body: Mapping[str, Any]) -> dict[str, Any]:
    """The limits we use, from a ``GET /api/v2/instance`` answer (defaults where absent)."""
    config = body.get("configuration") or {}
    statuses = config.get("statuses") or {}
    media = config.get("media_attachments") or {}
    limits = dict(DEFAULT_LIMITS)
    for key in ("max_characters", "max_media_attachments", "characters_reserved_per_url"):
        if isinstance(statuses.get(key), int):
            limits[key] = statuses[key]
    for key in ("description_limit", "image_size_limit", "image_matrix_limit",
                "video_size_limit", "video_frame_rate_limit", "video_matrix_limit"):
        if isinstance(media.get(key), int):
            limits[key] = media[key]
    if isinstance(media.get("supported_mime_types"), list):
        limits["supported_mime_types"] = [str(t) for t in media["supported_mime_types"]]
    limits["version"] = str(body.get("version") or "")
    return limits


class _Text(HTMLParser):
    """The plain text of a status's HTML content (for comparing with what we sent)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "p"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(content: str) -> str:
    parser = _Text()
    parser.feed(content)
    return " ".join("".join(parser.parts).split())


class MastodonPublisher(BasePublisher):
    platform: ClassVar[str] = "mastodon"
    display_name: ClassVar[str] = "Mastodon"
    default_api_url: ClassVar[str] = ""
    idempotency_window: ClassVar[timedelta | None] = IDEMPOTENCY_WINDOW
    account_fields: ClassVar[tuple[AccountField, ...]] = (
        AccountField("api_url", N_("Instance"), FieldKind.API_URL,
                     placeholder="https://mastodon.example",
                     help=N_("The address of the association's Mastodon server.")),
        AccountField("secret", N_("Access token"), FieldKind.SECRET,
                     help=N_("Preferences › Development › New application, with the scopes "
                             "read:accounts, read:statuses, write:statuses and write:media; "
                             "copy « Your access token ».")),
        AccountField("visibility", N_("Default visibility"), FieldKind.SETTING, required=False,
                     placeholder="public",
                     help=N_("public, unlisted, private (followers only) or direct.")),
    )

    def rules(self, account: AccountInfo | None = None) -> PlatformRules:
        limits = dict(DEFAULT_LIMITS)
        if account is not None:
            stored = account.settings.get("instance")
            if isinstance(stored, Mapping):
                limits.update(stored)
        types = frozenset(str(t) for t in limits["supported_mime_types"])
        return PlatformRules(
            platform="mastodon",
            display_name="Mastodon",
            text_limit=int(limits["max_characters"]),
            counting=TextCounting.GRAPHEMES,
            url_length=int(limits["characters_reserved_per_url"]),
            mention_local_part_only=True,
            max_images=int(limits["max_media_attachments"]),
            image_types=frozenset(t for t in types if t.startswith("image/")),
            max_image_bytes=int(limits["image_size_limit"]),
            reencode_images=True,
            max_image_pixels=int(limits["image_matrix_limit"]),
            alt_text_limit=int(limits["description_limit"]),
            link_handling=LinkHandling.PREVIEW,
            supports_video=any(t.startswith("video/") for t in types),
            video_types=frozenset(t for t in types if t.startswith("video/")),
            max_video_bytes=int(limits["video_size_limit"]),
            max_frame_rate=float(limits["video_frame_rate_limit"]),
            max_video_pixels=int(limits["video_matrix_limit"]),
            video_alt_text=True,
        )

    @staticmethod
    def _spoiler(request: PublishRequest) -> str:
        return str(request.options.get("spoiler_text") or
                   request.options.get("content_warning") or "")

    @staticmethod
    def _visibility(request: PublishRequest) -> str:
        return str(request.options.get("visibility")
                   or request.account.settings.get("visibility") or "public")

    def validate(self, request: PublishRequest) -> list[Problem]:
        rules = self.rules(request.account)
        spoiler = self._spoiler(request)
        # Mastodon counts the content warning and the text together.
        problems = validate_with_rules(rules, replace(request, text=spoiler + request.text))
        if len(request.media) > rules.max_images:
            problems = [p for p in problems if p.code != "too_many_images"]
            problems.append(Problem(
                "too_many_media",
                ntr("{n} attachment; this Mastodon server takes at most {limit}.",
                    "{n} attachments; this Mastodon server takes at most {limit}.",
                    len(request.media), limit=rules.max_images), "media"))
        visibility = self._visibility(request)
        if visibility not in VISIBILITIES:
            problems.append(Problem("visibility", tr(
                "Unknown visibility {value!r}; choose public, unlisted, private or direct.",
                value=visibility), "options"))
        if request.language and not LANGUAGE_RE.match(request.language):
            problems.append(Problem("language", tr(
                "{value!r} is not a language code (fr, en, br...).", value=request.language),
                "language"))
        return problems

    # ---- helpers
    @staticmethod
    def _base(context: PublisherContext) -> str:
        if not context.api_url:
            raise PermanentError(tr("The Mastodon account has no instance address: add it "
                                    "in the account settings (https://...)."))
        return check_api_url(context.api_url)

    @staticmethod
    def _auth(context: PublisherContext) -> dict[str, str]:
        if not context.secret:
            raise AuthError(tr("No access token is stored for this Mastodon account: "
                               "reconnect it."))
        return {"Authorization": f"Bearer {context.secret}"}

    @staticmethod
    def _check(context: PublisherContext, response: requests.Response) -> None:
        context.http.raise_for_status(response, auth_statuses=frozenset({401, 403}))

    def _limits(self, context: PublisherContext, base: str) -> dict[str, Any] | None:
        """The instance's limits, read from the server and remembered in the settings."""
        response = context.http.get(f"{base}/api/v2/instance")
        if response.status_code != 200:
            context.logger.info("instance limits unavailable (%s)", response.status_code)
            return None
        limits = instance_limits(response.json())
        context.save_settings({"instance": limits})
        return limits

    # ---- publishing
    def publish(self, request: PublishRequest, context: PublisherContext) -> Receipt:
        self.ensure_valid(request)
        base = self._base(context)
        headers = self._auth(context)
        if "instance" not in context.account.settings:
            limits = self._limits(context, base)
            if limits is not None:
                account = replace(request.account,
                                  settings={**request.account.settings, "instance": limits})
                self.ensure_valid(replace(request, account=account))
        media_ids = [self._upload(context, base, headers, item) for item in request.media]
        payload: dict[str, Any] = {"status": request.text,
                                   "visibility": self._visibility(request)}
        if media_ids:
            payload["media_ids"] = media_ids
        if request.language:
            payload["language"] = request.language
        spoiler = self._spoiler(request)
        if spoiler:
            payload["spoiler_text"] = spoiler
            payload["sensitive"] = True
        elif request.options.get("sensitive"):
            payload["sensitive"] = True
        return self._post_status(context, base, headers, request.idempotency_key, payload)

    def _post_status(self, context: PublisherContext, base: str, headers: dict[str, str],
                     key: str, payload: Mapping[str, Any]) -> Receipt:
        response = context.http.post(f"{base}/api/v1/statuses", json=payload,
                                     headers={**headers, "Idempotency-Key": key})
        self._check(context, response)
        status = response.json()
        return self._receipt(status)

    @staticmethod
    def _receipt(status: Mapping[str, Any]) -> Receipt:
        created = status.get("created_at")
        published_at = None
        if isinstance(created, str):
            try:
                published_at = datetime.fromisoformat(created.replace("Z", "+00:00"))
            except ValueError:
                published_at = None
        return Receipt(remote_id=str(status["id"]), remote_url=status.get("url") or None,
                       published_at=published_at, extra={"uri": status.get("uri") or ""})

    def _upload(self, context: PublisherContext, base: str, headers: dict[str, str],
                item: MediaFile) -> str:
        if item.mime_type.startswith("image/"):
            rules = self.rules(context.account)
            prepared = prepare_image(item.path, mime_type=item.mime_type,
                                     max_bytes=rules.max_image_bytes,
                                     accepted_types=rules.image_types,
                                     max_pixels=rules.max_image_pixels)
            data, mime = prepared.data, prepared.mime_type
        else:
            try:
                data = item.path.read_bytes()
            except OSError as exc:
                raise PermanentError(tr("The file {name} cannot be read: {error}",
                                        name=item.path.name,
                                        error=exc.strerror or str(exc))) from exc
            mime = item.mime_type
        fields = {"description": item.alt_text} if item.alt_text else {}
        # An upload lost in transit leaves at most an unattached file on the server, which
        # Mastodon deletes by itself: retrying it is safe, unlike the status itself.
        response = context.http.post(f"{base}/api/v2/media", headers=headers, data=fields,
                                     files={"file": (item.path.name, data, mime)},
                                     changes_state=False)
        self._check(context, response)
        media = response.json()
        media_id = str(media["id"])
        if response.status_code == 202 or not media.get("url"):
            self._wait_processed(context, base, headers, media_id, item.path.name)
        return media_id

    def _wait_processed(self, context: PublisherContext, base: str, headers: dict[str, str],
                        media_id: str, name: str) -> None:
        deadline = context.clock() + MEDIA_WAIT
        for poll in range(10_000):
            context.sleep(POLL_INTERVALS[min(poll, len(POLL_INTERVALS) - 1)])
            response = context.http.get(f"{base}/api/v1/media/{media_id}", headers=headers)
            if response.status_code == 200:
                return
            if response.status_code != 206:
                self._check(context, response)
            if context.clock() >= deadline:
                break
        raise RetryableError(tr("Mastodon is still processing {name}; the post will be tried "
                                "again later.", name=name), retry_after=60.0)

    # ---- proving, reading back
    def lookup(self, request: PublishRequest, context: PublisherContext) -> Receipt | None:
        base = self._base(context)
        headers = self._auth(context)
        first = context.first_attempt_at
        found = self._search(context, base, headers, request, since=first)
        if found is not None:
            return found
        if first is None or context.clock() - first >= IDEMPOTENCY_WINDOW:
            raise AmbiguousError(tr(
                "Mastodon cannot tell whether this post went out{since}: it is not among the "
                "account's latest statuses, but the text may have been changed by the server. "
                "Check the account, then mark it published or retry.",
                since=f" ({first.isoformat(timespec='minutes')})" if first else ""))
        # Not found, and the key is still remembered: the same POST with the same key
        # returns the status if it exists after all, or creates the one that never
        # arrived. Either way there is exactly one. (Media are uploaded again; unused
        # copies expire on the server.)
        try:
            return self.publish(request, context)
        except AmbiguousError as exc:
            # Unanswered again: the next look-up searches first, so even a server that
            # ignores the key is not sent the post a third time while it may have it.
            raise RetryableError(exc.message, http_status=exc.http_status) from None

    def _search(self, context: PublisherContext, base: str, headers: dict[str, str],
                request: PublishRequest, *, since: datetime | None) -> Receipt | None:
        """The status with our text among the account's latest ones made since ``since``."""
        me = context.http.get(f"{base}/api/v1/accounts/verify_credentials", headers=headers)
        self._check(context, me)
        statuses = context.http.get(f"{base}/api/v1/accounts/{me.json()['id']}/statuses",
                                    headers=headers, params={"limit": 40})
        self._check(context, statuses)
        wanted = " ".join(request.text.split())
        spoiler = self._spoiler(request)
        for status in statuses.json():
            if since is not None:
                created = self._receipt(status).published_at
                # An older status with the same words is an earlier post, not this one.
                if created is None or created < since - CLOCK_SKEW:
                    continue
            if (plain_text(str(status.get("content") or "")) == wanted
                    and str(status.get("spoiler_text") or "") == spoiler):
                return self._receipt(status)
        return None

    def metrics(self, receipt: Receipt, context: PublisherContext) -> Mapping[str, float] | None:
        base = self._base(context)
        response = context.http.get(f"{base}/api/v1/statuses/{receipt.remote_id}",
                                    headers=self._auth(context))
        if response.status_code == 404:
            return None  # deleted on the platform
        self._check(context, response)
        status = response.json()
        names = {"likes": "favourites_count", "reposts": "reblogs_count",
                 "replies": "replies_count", "quotes": "quotes_count"}
        return {name: float(status[key]) for name, key in names.items()
                if isinstance(status.get(key), int)}

    can_delete: ClassVar[bool] = True

    def delete(self, receipt: Receipt, context: PublisherContext) -> None:
        """``DELETE /api/v1/statuses/:id``; a status already gone (404) is no error."""
        base = self._base(context)
        response = context.http.request("DELETE",
                                        f"{base}/api/v1/statuses/{receipt.remote_id}",
                                        headers=self._auth(context))
        if response.status_code == 404:
            return
        self._check(context, response)

    def check_account(self, context: PublisherContext) -> AccountCheck:
        base = self._base(context)
        response = context.http.get(f"{base}/api/v1/accounts/verify_credentials",
                                    headers=self._auth(context))
        self._check(context, response)
        me = response.json()
        acct = str(me.get("acct") or me.get("username") or "")
        handle = acct if "@" in acct else f"{acct}@{urlsplit(base).hostname}"
        settings: dict[str, Any] = {"account_id": str(me.get("id", ""))}
        limits = self._limits(context, base)
        if limits is not None:
            settings["instance"] = limits
        return AccountCheck(handle=f"@{handle}", display_name=str(me.get("display_name") or
                                                                  acct), settings=settings)

    # ---- connecting
    def browser_login(self, *, api_url: str, http: HttpClient, open_url: Callable[[str], None],
                      timeout: float = 300.0,
                      cancelled: Callable[[], bool] | None = None) -> Credentials:
        """Register the app on the instance, send the user to its consent page, and get a
        token back through a loopback redirect (OAuth 2 with PKCE)."""
        base = check_api_url(api_url)
        with LoopbackRedirect() as redirect:
            app = http.post(f"{base}/api/v1/apps", changes_state=False, data={
                "client_name": "ESS Planner", "redirect_uris": redirect.redirect_uri,
                "scopes": SCOPES, "website": "https://github.com/essplanner/essplanner"})
            http.raise_for_status(app)
            client = app.json()
            verifier, challenge = pkce_pair()
            state = new_state()
            open_url(f"{base}/oauth/authorize?" + urlencode({
                "response_type": "code", "client_id": client["client_id"],
                "redirect_uri": redirect.redirect_uri, "scope": SCOPES, "state": state,
                "code_challenge": challenge, "code_challenge_method": "S256"}))
            code = redirect.wait_for_code(state, timeout=timeout, cancelled=cancelled)
            token = http.post(f"{base}/oauth/token", changes_state=False, data={
                "grant_type": "authorization_code", "code": code,
                "client_id": client["client_id"], "client_secret": client["client_secret"],
                "redirect_uri": redirect.redirect_uri, "code_verifier": verifier,
                "scope": SCOPES})
            if token.status_code in (400, 401):
                raise AuthError(tr("The instance refused the connection: {reason}",
                                   reason=error_text(token)), http_status=token.status_code)
            http.raise_for_status(token)
            access = str(token.json()["access_token"])
            me = http.get(f"{base}/api/v1/accounts/verify_credentials",
                          headers={"Authorization": f"Bearer {access}"})
            http.raise_for_status(me)
            acct = str(me.json().get("acct") or "")
        return Credentials(
            secret=access,
            handle=f"@{acct}@{urlsplit(base).hostname}" if "@" not in acct else f"@{acct}",
            vault={"app_secret": str(client["client_secret"])},
            settings={"client_id": str(client["client_id"])},
        )
