"""LinkedIn organisation Pages: posts with text, images with alt text, or a link preview.

``https://api.linkedin.com/rest`` (PLATFORMS.md §8), through the Community Management
API product of the association's own developer app (client id and secret).

- Connecting: OAuth 2.0 authorization code through a loopback redirect on a fixed
  port (:data:`REDIRECT_PORT`; LinkedIn accepts only the exact address registered in
  the app), with the client secret as the 3-legged flow requires (PKCE is enabled by
  LinkedIn for a few partner apps only). Then the member's Pages where they may post
  (``organizationAcls``, roles that can post) are offered as choices.
- Tokens: an access token lasts 60 days. LinkedIn gives refresh tokens to a few
  partners only; when one came with the login, the access token is renewed before it
  ends and the renewed one kept in the keyring vault (``session``); otherwise the app
  warns ahead of :data:`TOKEN_EXPIRES_AT` and the volunteer reconnects.
- Every call carries ``LinkedIn-Version`` (:data:`LINKEDIN_VERSION`, kept in one place:
  LinkedIn turns a version off after about a year, answering ``426
  NONEXISTENT_VERSION``, which blocks the account with "ESS Planner needs an update")
  and ``X-Restli-Protocol-Version: 2.0.0``.
- ``POST /rest/posts`` answers ``201`` with an empty body; the post's URN is in the
  ``x-restli-id`` header. The commentary is "little text": reserved characters are
  escaped (:func:`little_text`), or LinkedIn cuts the post at the first one while
  answering 201.
- There is no idempotency key: after an ambiguous create, :meth:`lookup` reads the
  Page's latest posts and looks for the same commentary made since the first attempt.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar
from urllib.parse import quote, urlencode, urlsplit

import requests

from essplanner.publishers.base import (
    TOKEN_EXPIRES_AT,
    AccountCheck,
    AccountField,
    BasePublisher,
    Choice,
    ClientApp,
    Credentials,
    FieldKind,
    MediaFile,
    PublisherContext,
    PublishRequest,
    Receipt,
)
from essplanner.publishers.errors import (
    AccountBlocked,
    AmbiguousError,
    AuthError,
    PermanentError,
    RetryableError,
)
from essplanner.publishers.http import HttpClient, check_api_url, error_text
from essplanner.publishers.i18n import N_, tr
from essplanner.publishers.media import prepare_image
from essplanner.publishers.oauth import REGISTERED_PORT, LoopbackRedirect, new_state
from essplanner.publishers.rules import LinkHandling, PlatformRules, Problem, TextCounting
from essplanner.publishers.validation import validate_with_rules

#: The one API version this release speaks (YYYYMM). LinkedIn supports a version for
#: about a year: tests/publishers/test_linkedin.py fails 11 months after it.
LINKEDIN_VERSION = "202605"
RESTLI = "2.0.0"
API_URL = "https://api.linkedin.com"
LOGIN_URL = "https://www.linkedin.com"
#: post as the Page, read its posts (proof after a lost answer), list the member's Pages
#: and read the Page's share statistics (docs/platforms/linkedin.en.md says why)
SCOPES = ("w_organization_social", "r_organization_social", "rw_organization_admin")
#: the redirect address registered in the developer app: http://127.0.0.1:8734/callback
REDIRECT_PORT = REGISTERED_PORT
#: Page roles allowed to post as the Page (organizationAcls)
POSTING_ROLES = ("ADMINISTRATOR", "CONTENT_ADMIN", "DIRECT_SPONSORED_CONTENT_POSTER")
ACCESS_LIFETIME = timedelta(days=60)
REFRESH_BEFORE = timedelta(days=7)
SESSION = "session"  # vault key of a renewed access token
REFRESH_TOKEN = "refresh_token"
CLIENT_SECRET = "client_secret"
ACCESS_EXPIRES_AT = "access_expires_at"  # setting: end of the current access token
TEXT_LIMIT = 3000
MAX_IMAGES = 20
ALT_TEXT_LIMIT = 4086
MAX_IMAGE_PIXELS = 36_152_320
IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif"})
IMAGE_WAIT = timedelta(seconds=120)
POLL_INTERVALS = (1.0, 2.0, 3.0, 5.0)
#: posts read back when proving an ambiguous create
LOOKUP_COUNT = 50
CLOCK_SKEW = timedelta(minutes=5)

_RESERVED = frozenset("|{}@[]()<>#\\*_~")
# a hashtag element (#word at a word's start) and web links stay as they are: LinkedIn
# turns them into links; every other reserved character is escaped
_KEEP = re.compile(r"https?://\S+|(?<![\w#\\])#\w+")


def little_text(text: str) -> str:
    """``text`` as LinkedIn's "little text" commentary: reserved characters escaped."""
    out: list[str] = []
    last = 0
    for match in _KEEP.finditer(text):
        out.append(_escape(text[last:match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(_escape(text[last:]))
    return "".join(out)


def _escape(part: str) -> str:
    return "".join("\\" + c if c in _RESERVED else c for c in part)


def organization_urn(value: str) -> str:
    """``urn:li:organization:<id>`` from an id or a URN."""
    value = value.strip()
    if value.isdigit():
        return f"urn:li:organization:{value}"
    if re.fullmatch(r"urn:li:organization:\d+", value):
        return value
    raise PermanentError(tr("{value!r} is not a LinkedIn Page (urn:li:organization:<number>): "
                            "reconnect the account and choose the Page.", value=value))


def post_url(urn: str) -> str:
    return f"https://www.linkedin.com/feed/update/{urn}/"


def _login_base(api_url: str) -> str:
    """Where the consent page and the token endpoint live: www.linkedin.com for the
    real API, the same server for a local one (tests)."""
    base = check_api_url(api_url or API_URL)
    return LOGIN_URL if urlsplit(base).hostname == "api.linkedin.com" else base


def _fingerprint(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()[:16]


def _when(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def _millis(value: object) -> datetime | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return datetime.fromtimestamp(value / 1000, UTC)


class LinkedInPublisher(BasePublisher):
    platform: ClassVar[str] = "linkedin"
    display_name: ClassVar[str] = "LinkedIn"
    default_api_url: ClassVar[str] = API_URL
    needs_client_app: ClassVar[bool] = True
    account_fields: ClassVar[tuple[AccountField, ...]] = (
        AccountField("secret", N_("Access token"), FieldKind.SECRET, required=False,
                     help=N_("Leave empty to connect through the browser. Otherwise a token "
                             "from the developer portal's token generator, with the scopes "
                             "w_organization_social, r_organization_social and "
                             "rw_organization_admin.")),
        AccountField("organization", N_("LinkedIn Page"), FieldKind.SETTING, required=False,
                     placeholder="urn:li:organization:12345",
                     help=N_("Chosen when connecting through the browser; otherwise the "
                             "number in the Page's admin address "
                             "(linkedin.com/company/<number>/admin).")),
    )
    RULES: ClassVar[PlatformRules] = PlatformRules(
        platform="linkedin",
        display_name="LinkedIn",
        text_limit=TEXT_LIMIT,
        counting=TextCounting.CODE_POINTS,
        max_images=MAX_IMAGES,
        image_types=IMAGE_TYPES,
        max_image_pixels=MAX_IMAGE_PIXELS,
        alt_text_limit=ALT_TEXT_LIMIT,
        link_handling=LinkHandling.PREVIEW,
        supports_video=False,
    )

    def __init__(self, *, redirect_port: int = REDIRECT_PORT) -> None:
        self.redirect_port = redirect_port

    def validate(self, request: PublishRequest) -> list[Problem]:
        problems = validate_with_rules(self.rules(request.account), request)
        if request.link and not request.link.startswith(("https://", "http://")):
            problems.append(Problem("link", tr("LinkedIn needs a web address (https://...) "
                                               "for the link preview."), "link"))
        return problems

    # ------------------------------------------------------------ HTTP ---

    @staticmethod
    def _base(context: PublisherContext) -> str:
        return check_api_url(context.api_url or API_URL)

    @staticmethod
    def headers(token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}", "LinkedIn-Version": LINKEDIN_VERSION,
                "X-Restli-Protocol-Version": RESTLI}

    @staticmethod
    def check(http: HttpClient, response: requests.Response, *,
              now: Callable[[], datetime] | None = None,
              changes_state: bool | None = None) -> None:
        """LinkedIn's errors as the plugin API's outcomes (426 blocks the account)."""
        status = response.status_code
        if status < 400:
            return
        try:
            body = response.json()
        except ValueError:
            body = None
        code = str(body.get("code") or "") if isinstance(body, dict) else ""
        message = (str(body.get("message") or "") if isinstance(body, dict) else "") \
            or error_text(response)
        if status == 426 or code == "NONEXISTENT_VERSION":
            raise AccountBlocked(tr(
                "LinkedIn no longer accepts the version of its API that this version of "
                "ESS Planner speaks ({version}): this version of ESS Planner needs an "
                "update. Nothing was published.", version=LINKEDIN_VERSION),
                reason="update", http_status=status)
        if status == 429:
            # LinkedIn's daily limits reset at midnight UTC and it sends no Retry-After
            moment = (now or http.clock)()
            retry = moment.replace(hour=0, minute=0, second=0, microsecond=0) \
                + timedelta(days=1) - moment
            after = response.headers.get("Retry-After")
            seconds = float(after) if after and after.isdigit() else retry.total_seconds()
            raise RetryableError(tr("LinkedIn's daily limit for this app is reached: "
                                    "{reason}", reason=message), http_status=status,
                                 retry_after=seconds)
        if status == 401:
            raise AuthError(tr("LinkedIn refused the login ({reason}): reconnect the "
                               "account.", reason=message), http_status=status)
        if status in (400, 403, 404, 409, 422):
            raise PermanentError(tr("LinkedIn refused: {reason}", reason=message),
                                 http_status=status)
        http.raise_for_status(response, message, changes_state=changes_state)

    # ------------------------------------------------------------ tokens ---

    def token(self, context: PublisherContext) -> str:
        """The access token to use: renewed first when a refresh token allows it."""
        main = context.secret
        if not main:
            raise AuthError(tr("No LinkedIn login is stored for this account: reconnect it."))
        token = main
        raw = context.vault.get(SESSION)
        if raw:
            try:
                saved = json.loads(raw)
            except ValueError:
                saved = None
            if (isinstance(saved, dict) and saved.get("from") == _fingerprint(main)
                    and isinstance(saved.get("token"), str)):
                token = str(saved["token"])
        settings = context.account.settings
        now = context.clock()
        refresh = context.vault.get(REFRESH_TOKEN)
        access_end = _when(settings.get(ACCESS_EXPIRES_AT)) or _when(
            settings.get(TOKEN_EXPIRES_AT))
        if refresh and access_end is not None and access_end - now <= REFRESH_BEFORE:
            return self._refresh(context, main, refresh)
        end = _when(settings.get(TOKEN_EXPIRES_AT))
        if end is not None and end <= now:
            raise AuthError(tr("The LinkedIn login ended on {date}: reconnect the account.",
                               date=end.date().isoformat()))
        return token

    def _refresh(self, context: PublisherContext, main: str, refresh: str) -> str:
        client_id = str(context.account.settings.get("client_id") or "")
        secret = context.vault.get(CLIENT_SECRET) or ""
        response = context.http.post(
            f"{_login_base(context.api_url)}/oauth/v2/accessToken", changes_state=False,
            data={"grant_type": "refresh_token", "refresh_token": refresh,
                  "client_id": client_id, "client_secret": secret})
        if response.status_code in (400, 401):
            raise AuthError(tr("LinkedIn would not renew the login ({reason}): reconnect the "
                               "account.", reason=error_text(response)),
                            http_status=response.status_code)
        context.http.raise_for_status(response)
        body = response.json()
        token = str(body.get("access_token") or "")
        if not token:
            raise AuthError(tr("LinkedIn gave no new login when asked to renew it: reconnect "
                               "the account."))
        context.vault.set(SESSION, json.dumps({"token": token, "from": _fingerprint(main)}))
        if body.get("refresh_token"):
            context.vault.set(REFRESH_TOKEN, str(body["refresh_token"]))
        context.save_settings(_expiries(body, context.clock()))
        context.logger.info("LinkedIn login renewed")
        return token

    # ------------------------------------------------------------ publishing ---

    def publish(self, request: PublishRequest, context: PublisherContext) -> Receipt:
        self.ensure_valid(request)
        base = self._base(context)
        author = self._author(context)
        headers = self.headers(self.token(context))
        payload: dict[str, Any] = {
            "author": author,
            "commentary": little_text(request.text),
            "visibility": "PUBLIC",
            "distribution": {"feedDistribution": "MAIN_FEED", "targetEntities": [],
                             "thirdPartyDistributionChannels": []},
            "lifecycleState": "PUBLISHED",
            "isReshareDisabledByAuthor": False,
        }
        images = [(self._upload(context, base, headers, author, item), item.alt_text)
                  for item in request.media]
        if len(images) == 1:
            payload["content"] = {"media": _image(*images[0])}
        elif images:
            payload["content"] = {"multiImage": {"images": [_image(*i) for i in images]}}
        elif request.link:
            article: dict[str, str] = {
                "source": request.link,
                "title": str(request.options.get("link_title") or "").strip()
                or (urlsplit(request.link).hostname or request.link),
            }
            description = str(request.options.get("link_description") or "").strip()
            if description:
                article["description"] = description
            payload["content"] = {"article": article}
        response = context.http.post(f"{base}/rest/posts", json=payload, headers=headers)
        self.check(context.http, now=context.clock, response=response)
        urn = response.headers.get("x-restli-id") or response.headers.get("x-linkedin-id")
        if not urn:
            raise AmbiguousError(tr("LinkedIn answered {status} without the post's id: the post "
                                    "may or may not have been published.",
                                    status=response.status_code),
                                 http_status=response.status_code)
        return Receipt(remote_id=urn, remote_url=post_url(urn), published_at=context.clock(),
                       extra={"author": author})

    @staticmethod
    def _author(context: PublisherContext) -> str:
        value = str(context.account.settings.get("organization") or "")
        if not value:
            raise PermanentError(tr("No LinkedIn Page is chosen for this account: reconnect it "
                                    "and choose the Page."))
        return organization_urn(value)

    def _upload(self, context: PublisherContext, base: str, headers: dict[str, str],
                author: str, item: MediaFile) -> str:
        prepared = prepare_image(item.path, mime_type=item.mime_type, max_bytes=None,
                                 accepted_types=IMAGE_TYPES, max_pixels=MAX_IMAGE_PIXELS)
        # An image uploaded but never posted stays unused on LinkedIn: safe to repeat.
        start = context.http.post(f"{base}/rest/images?action=initializeUpload",
                                  headers=headers, changes_state=False,
                                  json={"initializeUploadRequest": {"owner": author}})
        self.check(context.http, now=context.clock, response=start, changes_state=False)
        value = start.json().get("value") or {}
        upload_url, urn = str(value.get("uploadUrl") or ""), str(value.get("image") or "")
        if not upload_url or not urn:
            raise RetryableError(tr("LinkedIn gave no upload address for {name}.",
                                    name=item.path.name))
        put = context.http.request(
            "PUT", upload_url, data=prepared.data, changes_state=False,
            headers={"Authorization": headers["Authorization"],
                     "Content-Type": prepared.mime_type})
        self.check(context.http, now=context.clock, response=put, changes_state=False)
        self._wait_available(context, base, headers, urn, item.path.name)
        return urn

    def _wait_available(self, context: PublisherContext, base: str, headers: dict[str, str],
                        urn: str, name: str) -> None:
        deadline = context.clock() + IMAGE_WAIT
        for poll in range(10_000):
            response = context.http.get(f"{base}/rest/images/{quote(urn, safe='')}",
                                        headers=headers)
            self.check(context.http, now=context.clock, response=response)
            status = str(response.json().get("status") or "")
            if status == "AVAILABLE":
                return
            if status in ("PROCESSING_FAILED", "FAILED"):
                raise PermanentError(tr("LinkedIn could not process the image {name}.",
                                        name=name))
            if context.clock() >= deadline:
                break
            context.sleep(POLL_INTERVALS[min(poll, len(POLL_INTERVALS) - 1)])
        raise RetryableError(tr("LinkedIn is still processing {name}; the post will be tried "
                                "again later.", name=name), retry_after=60.0)

    # ------------------------------------------------------------ proof, numbers ---

    def lookup(self, request: PublishRequest, context: PublisherContext) -> Receipt | None:
        base = self._base(context)
        author = self._author(context)
        headers = self.headers(self.token(context))
        first = context.first_attempt_at
        since = first - CLOCK_SKEW if first is not None else None
        query = f"author={quote(author, safe='')}&q=author&count={LOOKUP_COUNT}" \
                "&sortBy=LAST_MODIFIED"
        try:
            response = context.http.get(f"{base}/rest/posts?{query}", headers=headers)
            self.check(context.http, now=context.clock, response=response)
        except AccountBlocked:
            raise
        except (PermanentError, AmbiguousError) as exc:
            raise AmbiguousError(tr("LinkedIn did not let ESS Planner read the Page's posts "
                                    "({reason}), so it cannot tell whether this post went "
                                    "out. Check the Page, then mark it published or retry.",
                                    reason=exc.message)) from None
        posts = [p for p in response.json().get("elements") or [] if isinstance(p, dict)]
        wanted = little_text(request.text)
        older_seen = False
        for post in posts:
            created = _millis(post.get("createdAt")) or _millis(post.get("publishedAt"))
            if since is not None and created is not None and created < since:
                older_seen = True
                continue  # an earlier post with the same words is not this one
            if post.get("commentary") == wanted and post.get("id"):
                urn = str(post["id"])
                return Receipt(remote_id=urn, remote_url=post_url(urn), published_at=created,
                               extra={"author": author})
        when = first.strftime("%Y-%m-%d %H:%M UTC") if first is not None else ""
        if len(posts) < LOOKUP_COUNT or older_seen:
            # every post the Page made since the first attempt was read: it is not there
            return None
        raise AmbiguousError(tr(
            "Checked the {count} latest posts of the LinkedIn Page{since}: none matched, but "
            "the Page made more posts than that since, so ESS Planner cannot tell. Check the "
            "Page, then mark it published or retry.", count=len(posts),
            since=tr(" since {when}", when=when) if when else ""))

    def metrics(self, receipt: Receipt, context: PublisherContext) -> Mapping[str, float] | None:
        base = self._base(context)
        author = self._author(context)
        urn = receipt.remote_id
        kind = "ugcPosts" if urn.startswith("urn:li:ugcPost:") else "shares"
        query = (f"q=organizationalEntity&organizationalEntity={quote(author, safe='')}"
                 f"&{kind}=List({quote(urn, safe='')})")
        response = context.http.get(f"{base}/rest/organizationalEntityShareStatistics?{query}",
                                    headers=self.headers(self.token(context)))
        if response.status_code == 404:
            return None
        self.check(context.http, now=context.clock, response=response)
        elements = response.json().get("elements") or []
        if not elements or not isinstance(elements[0], dict):
            return None
        stats = elements[0].get("totalShareStatistics") or {}
        names = {"impressionCount": "views", "uniqueImpressionsCount": "reach",
                 "clickCount": "clicks", "likeCount": "likes", "commentCount": "replies",
                 "shareCount": "reposts", "engagement": "engagement_rate"}
        return {name: float(stats[key]) for key, name in names.items()
                if isinstance(stats.get(key), int | float) and not isinstance(stats[key], bool)}

    def check_account(self, context: PublisherContext) -> AccountCheck:
        base = self._base(context)
        author = self._author(context)
        headers = self.headers(self.token(context))
        pages = dict(self._pages(context.http, base, headers))
        if author not in pages:
            raise AuthError(tr("This LinkedIn login may not post as the Page {page}: reconnect "
                               "with a Page administrator's account.", page=author))
        end = _when(context.account.settings.get(TOKEN_EXPIRES_AT))
        return AccountCheck(handle=author, display_name=pages[author], token_expires_at=end)

    def _pages(self, http: HttpClient, base: str, headers: dict[str, str]
               ) -> list[tuple[str, str]]:
        """The Pages (URN, name) where the member holds a role that may post."""
        response = http.get(f"{base}/rest/organizationAcls?q=roleAssignee&state=APPROVED"
                            "&count=100", headers=headers)
        self.check(http, response)
        urns: list[str] = []
        for acl in response.json().get("elements") or []:
            if not isinstance(acl, dict) or acl.get("role") not in POSTING_ROLES:
                continue
            urn = str(acl.get("organization") or acl.get("organizationalTarget") or "")
            if urn.startswith("urn:li:organization:") and urn not in urns:
                urns.append(urn)
        pages: list[tuple[str, str]] = []
        for urn in urns:
            org = http.get(f"{base}/rest/organizations/{urn.rsplit(':', 1)[1]}",
                           headers=headers)
            name = ""
            if org.status_code == 200:
                body = org.json()
                name = str(body.get("localizedName") or body.get("vanityName") or "")
            pages.append((urn, name or urn))
        return pages

    # ------------------------------------------------------------ connecting ---

    def browser_login(self, *, api_url: str, http: HttpClient, open_url: Callable[[str], None],
                      timeout: float = 300.0, cancelled: Callable[[], bool] | None = None,
                      client: ClientApp) -> Credentials:
        """The member consents in the browser; the code comes back to the loopback
        address registered in the app and is exchanged with the client secret."""
        if not client.client_secret:
            raise PermanentError(tr("LinkedIn needs the client secret of the developer app "
                                    "too (Auth tab of the app): give it and connect again."))
        base = check_api_url(api_url or API_URL)
        login = _login_base(base)
        with LoopbackRedirect(port=self.redirect_port) as redirect:
            state = new_state()
            open_url(f"{login}/oauth/v2/authorization?" + urlencode({
                "response_type": "code", "client_id": client.client_id,
                "redirect_uri": redirect.redirect_uri, "state": state,
                "scope": " ".join(SCOPES)}))
            code = redirect.wait_for_code(state, timeout=timeout, cancelled=cancelled)
            answer = http.post(f"{login}/oauth/v2/accessToken", changes_state=False, data={
                "grant_type": "authorization_code", "code": code,
                "redirect_uri": redirect.redirect_uri, "client_id": client.client_id,
                "client_secret": client.client_secret})
        if answer.status_code in (400, 401):
            raise AuthError(tr("LinkedIn refused the connection: {reason}",
                               reason=error_text(answer)), http_status=answer.status_code)
        http.raise_for_status(answer)
        body = answer.json()
        access = str(body.get("access_token") or "")
        if not access:
            raise AuthError(tr("LinkedIn gave no login in its answer: connect again."))
        granted = set(str(body.get("scope") or " ".join(SCOPES)).replace(",", " ").split())
        missing = [s for s in SCOPES if s not in granted]
        if missing:
            raise PermanentError(tr(
                "LinkedIn did not grant {scopes}: the developer app needs the Community "
                "Management API product (see the LinkedIn guide).", scopes=", ".join(missing)))
        pages = self._pages(http, base, self.headers(access))
        if not pages:
            raise PermanentError(tr(
                "This LinkedIn member administers no Page: ask a super admin of the "
                "association's Page to give you the Administrator or Content admin role, then "
                "connect again."))
        vault = {CLIENT_SECRET: client.client_secret}
        if body.get("refresh_token"):
            vault[REFRESH_TOKEN] = str(body["refresh_token"])
        settings: dict[str, Any] = {"client_id": client.client_id,
                                    **_expiries(body, http.clock())}
        return Credentials(
            secret=access, handle=pages[0][1] if len(pages) == 1 else "",
            vault=vault, settings=settings, choose="organization",
            choices=tuple(Choice(value=urn, label=name) for urn, name in pages))


def _image(urn: str, alt_text: str) -> dict[str, str]:
    image = {"id": urn}
    if alt_text.strip():
        image["altText"] = alt_text.strip()
    return image


def _expiries(body: Mapping[str, Any], now: datetime) -> dict[str, str]:
    """The settings of a token answer: when the access token ends, and when the login
    ends for good (the refresh token's end when there is one)."""
    seconds = body.get("expires_in")
    access_end = now + (timedelta(seconds=int(seconds)) if isinstance(seconds, int)
                        else ACCESS_LIFETIME)
    end = access_end
    refresh_seconds = body.get("refresh_token_expires_in")
    if body.get("refresh_token") and isinstance(refresh_seconds, int):
        end = now + timedelta(seconds=refresh_seconds)
    return {ACCESS_EXPIRES_AT: access_end.isoformat(), TOKEN_EXPIRES_AT: end.isoformat()}

