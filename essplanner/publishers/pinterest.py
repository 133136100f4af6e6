"""Pinterest (API v5): a Pin with a title, a description, a link and alternative text, made of
one image or a carousel of 2 to 5 images of the same size, on a board chosen at connect time.

- Connecting needs a developer app (client id and secret, see docs/platforms/pinterest.*.md):
  :meth:`PinterestPublisher.browser_login` sends the volunteer to Pinterest's consent page,
  gets the code back on a loopback redirect, and exchanges it at ``POST /v5/oauth/token``
  with HTTP Basic client authentication, as Pinterest's reference says. The access token is
  the account's main secret; the refresh token and the client secret go to the keyring vault.
  The boards are listed (``GET /v5/boards``, page by page with ``bookmark``) and the volunteer
  picks one: its numeric id is stored (``board_id``), its name shown.
- Refresh tokens are "continuous" (60 days, renewed at each refresh). Apps created before
  2025-09-25 only get one when asking ``continuous_refresh=true``: it is always sent. A
  renewed access token is kept in the vault (``session``), tied to the main secret it
  descends from; ``token_expires_at`` (when the refresh token ends and a person must
  reconnect) is kept current.
- Images travel inside the request as base64 (``image_base64``, ``multiple_image_base64``):
  no public hosting is needed. Pinterest takes JPEG and PNG; other images are re-encoded.
- The Pin's title is the post's title; a post without one uses the first line of its text
  when it fits in 100 characters (else the Pin has no title). The description is the text.
- Pinterest keeps one alternative text per Pin (500 characters): a carousel sends its images'
  descriptions together, numbered.

Errors: a Trial app (error code 29: "Apps with Trial access may not create Pins in
production") blocks the account until the app gets Standard access
(:class:`AccountBlocked`, reason ``access``); 429 waits for the rate-limit reset; 401 renews
the token once, then asks to reconnect; 5xx after the create is ambiguous, and ``lookup``
reads the board's latest Pins to find ours (same title, description and link).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar
from urllib.parse import urlencode, urlsplit

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
    PublisherContext,
    PublishRequest,
    Receipt,
)
from essplanner.publishers.errors import (
    AccountBlocked,
    AmbiguousError,
    AuthError,
    ContentRejected,
    PermanentError,
    RetryableError,
)
from essplanner.publishers.http import (
    HttpClient,
    check_api_url,
    error_text,
    origin,
    parse_rate_limit,
)
from essplanner.publishers.i18n import N_, tr
from essplanner.publishers.media import PreparedImage, prepare_image
from essplanner.publishers.oauth import REGISTERED_PORT, LoopbackRedirect, new_state
from essplanner.publishers.rules import (
    LinkHandling,
    PlatformRules,
    Problem,
    Severity,
    TextCounting,
)
from essplanner.publishers.validation import validate_with_rules

API_URL = "https://api.pinterest.com/v5"
SANDBOX_URL = "https://api-sandbox.pinterest.com/v5"
AUTHORIZE_URL = "https://www.pinterest.com/oauth/"
#: what publishing needs: read the boards (to choose one, and to find a Pin after a lost
#: answer), write to the chosen board and create Pins, read the Pins and their analytics, and
#: read the account's name. ``boards:write`` is listed by Pinterest's reference as required to
#: create a Pin (a Pin is added to a board).
SCOPES = ("boards:read", "boards:write", "pins:read", "pins:write", "user_accounts:read")
TITLE_LIMIT = 100
DESCRIPTION_LIMIT = 800
ALT_TEXT_LIMIT = 500
LINK_LIMIT = 2048
MAX_IMAGES = 5
IMAGE_BYTES = 20_000_000
ACCEPTED = frozenset({"image/jpeg", "image/png"})
SESSION = "session"  # vault key of a renewed access token
REFRESH_TOKEN = "refresh_token"
CLIENT_SECRET = "client_secret"
#: an access token this close to its end is renewed before use
REFRESH_BEFORE = timedelta(days=1)
#: Pins created this long before our first attempt still count (clocks differ)
CLOCK_SKEW = timedelta(minutes=5)
LOOKUP_PAGE = 100
LOOKUP_PAGES = 5
#: when Pinterest says "too many requests" without saying until when
DEFAULT_RETRY = 60.0
TRIAL_CODE = 29
#: counters of ``GET /v5/pins/{id}/analytics``, by the names the other publishers use
METRICS = {"IMPRESSION": "views", "SAVE": "saves", "OUTBOUND_CLICK": "clicks",
           "PIN_CLICK": "pin_clicks", "TOTAL_COMMENTS": "comments",
           "TOTAL_REACTIONS": "reactions"}
#: Pinterest serves analytics for the last 90 days only
ANALYTICS_DAYS = 89


def _fingerprint(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()[:16]


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def authorize_url(api_url: str) -> str:
    """Pinterest's consent page for this API address (a local test server serves its own)."""
    host = urlsplit(api_url).hostname or ""
    if host.endswith("pinterest.com"):
        return AUTHORIZE_URL
    return f"{origin(api_url)}/oauth/"


def pin_title(request: PublishRequest) -> str:
    """The Pin's title: the post's, else the text's first line when it fits, else none."""
    if request.title.strip():
        return request.title.strip()
    lines = request.text.strip().splitlines()
    first = lines[0].strip() if lines else ""
    return first if len(first) <= TITLE_LIMIT else ""


def pin_alt_text(request: PublishRequest) -> str:
    """One alternative text for the Pin: the image's, or a carousel's numbered together."""
    texts = [m.alt_text.strip() for m in request.media]
    if len(texts) <= 1:
        return texts[0] if texts else ""
    if len(set(texts)) == 1:
        return texts[0]
    return " ".join(f"{index}. {text}" for index, text in enumerate(texts, 1) if text)


def trial_block(response: requests.Response) -> AccountBlocked | None:
    """Pinterest's refusal of a Trial app writing to production, as the account's state."""
    try:
        body = response.json()
    except ValueError:
        return None
    if not isinstance(body, dict):
        return None
    message = str(body.get("message") or "")
    if body.get("code") != TRIAL_CODE and "trial access" not in message.lower():
        return None
    return AccountBlocked(tr(
        "Pinterest refuses to create Pins for this developer app: it only has Trial access "
        "(error 29). A Trial app may only publish on Pinterest's test server. Ask Pinterest "
        "for Standard access in the app's page on developers.pinterest.com (a short video "
        "of the connection and of a Pin being created is required; see the Pinterest guide), "
        "then retry the post."), reason="access", http_status=response.status_code)


class PinterestPublisher(BasePublisher):
    platform: ClassVar[str] = "pinterest"
    display_name: ClassVar[str] = "Pinterest"
    default_api_url: ClassVar[str] = API_URL
    needs_client_app: ClassVar[bool] = True
    account_fields: ClassVar[tuple[AccountField, ...]] = (
        AccountField("board_id", N_("Board"), FieldKind.SETTING,
                     help=N_("The numeric id of the board the Pins go to (chosen from a list "
                             "when connecting through the browser).")),
    )
    RULES: ClassVar[PlatformRules] = PlatformRules(
        platform="pinterest",
        display_name="Pinterest",
        text_limit=DESCRIPTION_LIMIT,
        counting=TextCounting.CODE_POINTS,
        max_images=MAX_IMAGES,
        min_media=1,
        image_types=frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"}),
        max_image_bytes=IMAGE_BYTES,
        reencode_images=True,
        alt_text_limit=ALT_TEXT_LIMIT,
        link_handling=LinkHandling.FIELD,
        supports_video=False,
        text_required=False,
        title_limit=TITLE_LIMIT,
    )

    def __init__(self, *, redirect_port: int = REGISTERED_PORT) -> None:
        # Pinterest accepts only a redirect address registered in the app, exactly
        self.redirect_port = redirect_port

    # ------------------------------------------------------------ checks ---

    def validate(self, request: PublishRequest) -> list[Problem]:
        problems = validate_with_rules(self.rules(request.account), request)
        title = request.title.strip()
        if len(title) > TITLE_LIMIT:
            problems.append(Problem("title_too_long", tr(
                "The title is {length} characters long; Pinterest allows {limit} "
                "({over} too many).", length=len(title), limit=TITLE_LIMIT,
                over=len(title) - TITLE_LIMIT), "title"))
        elif not title and request.text.strip() and not pin_title(request):
            problems.append(Problem("title_missing", tr(
                "The Pin will have no title: the post has none and its first line is over "
                "{limit} characters. Give the post a title.", limit=TITLE_LIMIT), "title",
                severity=Severity.WARNING))
        if len(request.link) > LINK_LIMIT:
            problems.append(Problem("link_too_long", tr(
                "The link is {length} characters long; Pinterest allows {limit}.",
                length=len(request.link), limit=LINK_LIMIT), "link"))
        images = [m for m in request.media if m.mime_type.startswith("image/")]
        if len(images) > 1:
            sizes = {(m.width, m.height) for m in images if m.width and m.height}
            if len(sizes) > 1:
                problems.append(Problem("carousel_sizes", self._sizes_message(
                    [(m.path.name, m.width or 0, m.height or 0) for m in images]), "media"))
            alt = pin_alt_text(request)
            if len(alt) > ALT_TEXT_LIMIT:
                problems.append(Problem("carousel_alt_text_too_long", tr(
                    "Pinterest keeps one alternative text for the whole carousel: the "
                    "descriptions of its images take {length} characters together, it "
                    "allows {limit}. Shorten them.", length=len(alt), limit=ALT_TEXT_LIMIT),
                    "media"))
        return problems

    @staticmethod
    def _sizes_message(sizes: list[tuple[str, int, int]]) -> str:
        return tr("The images of a Pinterest carousel must all have the same size: {sizes}. "
                  "Crop them to one size.",
                  sizes=", ".join(f"{name} {w}×{h}" for name, w, h in sizes))

    # ------------------------------------------------------------ tokens ---

    @staticmethod
    def _base(context: PublisherContext) -> str:
        return check_api_url(context.api_url or API_URL)

    @staticmethod
    def _client(context: PublisherContext) -> tuple[str, str]:
        client_id = str(context.account.settings.get("client_id") or "")
        secret = context.vault.get(CLIENT_SECRET) or ""
        return client_id, secret

    def _session(self, context: PublisherContext) -> dict[str, Any] | None:
        """The renewed access token, when it descends from the current main secret."""
        raw = context.vault.get(SESSION)
        if not raw or not context.secret:
            return None
        try:
            saved = json.loads(raw)
        except ValueError:
            return None
        if (isinstance(saved, dict) and saved.get("from") == _fingerprint(context.secret)
                and isinstance(saved.get("token"), str)):
            return saved
        return None

    def _token(self, context: PublisherContext) -> str:
        if not context.secret:
            raise AuthError(tr("No access token is stored for this Pinterest account: "
                               "reconnect it."))
        session = self._session(context)
        token = str(session["token"]) if session else context.secret
        expires = _parse_time(session.get("expires_at") if session
                              else context.account.settings.get("access_expires_at"))
        if expires is not None and expires - context.clock() < REFRESH_BEFORE:
            token = self._refresh(context)
        return token

    def _refresh(self, context: PublisherContext) -> str:
        """A new access token from the refresh token; raises :class:`AuthError` when the
        login has run out for good."""
        refresh = context.vault.get(REFRESH_TOKEN)
        client_id, secret = self._client(context)
        if not refresh or not client_id or not secret:
            raise AuthError(tr("The Pinterest access token has expired and cannot be renewed "
                               "(no refresh token or app secret stored): reconnect the "
                               "account."))
        response = context.http.post(
            f"{self._base(context)}/oauth/token", changes_state=False,
            auth=(client_id, secret),
            data={"grant_type": "refresh_token", "refresh_token": refresh,
                  "scope": ",".join(SCOPES), "continuous_refresh": "true"})
        if response.status_code in (400, 401, 403):
            raise AuthError(tr("Pinterest refused to renew the access token ({reason}): "
                               "reconnect the account.", reason=error_text(response)),
                            http_status=response.status_code)
        context.http.raise_for_status(response, changes_state=False)
        body = response.json()
        token = str(body.get("access_token") or "")
        if not token:
            raise AuthError(tr("Pinterest gave no new access token: reconnect the account."))
        now = context.clock()
        new_refresh = body.get("refresh_token")
        if isinstance(new_refresh, str) and new_refresh and new_refresh != refresh:
            context.vault.set(REFRESH_TOKEN, new_refresh)
        session: dict[str, Any] = {"token": token, "from": _fingerprint(context.secret or "")}
        settings: dict[str, Any] = {}
        if isinstance(body.get("expires_in"), int):
            session["expires_at"] = (now + timedelta(seconds=body["expires_in"])).isoformat()
            settings["access_expires_at"] = session["expires_at"]
        context.vault.set(SESSION, json.dumps(session))
        ends = self._refresh_expiry(body, now)
        if ends is not None:
            settings[TOKEN_EXPIRES_AT] = ends.isoformat()
        if settings:
            context.save_settings(settings)
        context.logger.info("Pinterest access token renewed%s",
                            f" (login valid until {ends.isoformat()})" if ends else "")
        return token

    @staticmethod
    def _refresh_expiry(body: Mapping[str, Any], now: datetime) -> datetime | None:
        at = body.get("refresh_token_expires_at")
        if isinstance(at, int) and at > 0:
            return datetime.fromtimestamp(at, UTC)
        seconds = body.get("refresh_token_expires_in")
        if isinstance(seconds, int) and seconds > 0:
            return now + timedelta(seconds=seconds)
        return None

    def _call(self, context: PublisherContext, method: str, path: str, *,
              changes_state: bool | None = None, **kwargs: Any) -> requests.Response:
        """One API request with the account's token; a 401 renews the token once and sends
        again (a refused request changed nothing). Errors are raised as the plugin API's."""
        url = f"{self._base(context)}{path}"
        token = self._token(context)
        response = context.http.request(method, url, changes_state=changes_state,
                                        headers={"Authorization": f"Bearer {token}"}, **kwargs)
        if response.status_code == 401 and trial_block(response) is None:
            token = self._refresh(context)
            response = context.http.request(method, url, changes_state=changes_state,
                                            headers={"Authorization": f"Bearer {token}"},
                                            **kwargs)
        self._check(context, response, changes_state=changes_state)
        return response

    @staticmethod
    def _check(context: PublisherContext, response: requests.Response, *,
               changes_state: bool | None = None) -> None:
        status = response.status_code
        if status < 400:
            return
        blocked = trial_block(response)
        if blocked is not None:
            raise blocked
        reason = error_text(response)
        if status == 429:
            raise RetryableError(tr("Pinterest: too many requests ({reason}); waiting for its "
                                    "limit to reset.", reason=reason), http_status=status,
                                 retry_after=PinterestPublisher._retry_after(context, response))
        if status == 401:
            raise AuthError(tr("Pinterest refused the account's access token ({reason}): "
                               "reconnect the account.", reason=reason), http_status=status)
        if status == 403:
            raise PermanentError(tr(
                "Pinterest refused the request ({reason}). Check that the board still "
                "belongs to the account and that the app was granted every permission "
                "(reconnect the account if not).", reason=reason), http_status=status)
        if status >= 500:
            context.http.raise_for_status(response, changes_state=changes_state)
        if status == 404:
            raise PermanentError(tr("Pinterest does not know this board or Pin ({reason}): "
                                    "reconnect the account to choose the board again.",
                                    reason=reason), http_status=status)
        raise PermanentError(tr("Pinterest refused the Pin: {reason}", reason=reason),
                             http_status=status)

    @staticmethod
    def _retry_after(context: PublisherContext, response: requests.Response) -> float:
        """Seconds until Pinterest's limit resets: ``Retry-After``, else the reset header."""
        info = parse_rate_limit(response.headers, context.clock())
        if info is not None:
            if info.retry_after is not None:
                return info.retry_after
            if info.reset_at is not None:
                return max(0.0, (info.reset_at - context.clock()).total_seconds())
        return DEFAULT_RETRY

    # ------------------------------------------------------------ publish ---

    @staticmethod
    def _board(context: PublisherContext) -> str:
        board = str(context.account.settings.get("board_id") or "").strip()
        if not board.isdigit():
            raise PermanentError(tr("No Pinterest board is chosen for this account: reconnect "
                                    "it and choose the board the Pins go to."))
        return board

    def _images(self, request: PublishRequest) -> list[PreparedImage]:
        """The images as Pinterest takes them (JPEG or PNG, at most 20 MB), checked for a
        carousel's single size: all before anything is sent."""
        prepared = [prepare_image(m.path, mime_type=m.mime_type, max_bytes=IMAGE_BYTES,
                                  accepted_types=ACCEPTED) for m in request.media]
        if len({(p.width, p.height) for p in prepared}) > 1:
            raise ContentRejected([Problem("carousel_sizes", self._sizes_message(
                [(m.path.name, p.width, p.height)
                 for m, p in zip(request.media, prepared, strict=True)]), "media")])
        return prepared

    def payload(self, request: PublishRequest, images: list[PreparedImage],
                board: str) -> dict[str, Any]:
        """The body of ``POST /v5/pins``."""
        body: dict[str, Any] = {"board_id": board, "description": request.text}
        title = pin_title(request)
        if title:
            body["title"] = title
        if request.link:
            body["link"] = request.link
        alt = pin_alt_text(request)
        if alt:
            body["alt_text"] = alt
        encoded = [base64.b64encode(p.data).decode("ascii") for p in images]
        if len(images) == 1:
            body["media_source"] = {"source_type": "image_base64",
                                    "content_type": images[0].mime_type, "data": encoded[0]}
        else:
            items: list[dict[str, Any]] = []
            for prepared, data in zip(images, encoded, strict=True):
                item: dict[str, Any] = {"content_type": prepared.mime_type, "data": data}
                if title:
                    item["title"] = title
                if request.link:
                    item["link"] = request.link
                items.append(item)
            body["media_source"] = {"source_type": "multiple_image_base64", "items": items}
        return body

    def publish(self, request: PublishRequest, context: PublisherContext) -> Receipt:
        self.ensure_valid(request)
        board = self._board(context)
        images = self._images(request)
        response = self._call(context, "POST", "/pins",
                              json=self.payload(request, images, board))
        return self._receipt(response.json())

    @staticmethod
    def _receipt(pin: Mapping[str, Any]) -> Receipt:
        pin_id = str(pin.get("id") or "")
        if not pin_id:
            raise AmbiguousError(tr("Pinterest answered without the Pin's id: the Pin may or "
                                    "may not have been created."))
        return Receipt(remote_id=pin_id, remote_url=f"https://www.pinterest.com/pin/{pin_id}/",
                       published_at=_parse_time(pin.get("created_at")),
                       extra={"board_id": str(pin.get("board_id") or "")})

    # ------------------------------------------------------------ proving ---

    def lookup(self, request: PublishRequest, context: PublisherContext) -> Receipt | None:
        board = self._board(context)
        first = context.first_attempt_at
        since = first - CLOCK_SKEW if first is not None else None
        title = _norm(pin_title(request))
        description = _norm(request.text)
        link = request.link.strip()
        bookmark: str | None = None
        read = 0
        complete = False
        for _page in range(LOOKUP_PAGES):
            params: dict[str, Any] = {"page_size": LOOKUP_PAGE}
            if bookmark:
                params["bookmark"] = bookmark
            body = self._call(context, "GET", f"/boards/{board}/pins", params=params).json()
            items = body.get("items") if isinstance(body, dict) else None
            older = False
            for pin in items if isinstance(items, list) else []:
                if not isinstance(pin, dict):
                    continue
                read += 1
                created = _parse_time(pin.get("created_at"))
                if since is not None and created is not None and created < since:
                    older = True
                    continue  # an earlier Pin with the same words is not this one
                if (_norm(pin.get("title")) == title
                        and _norm(pin.get("description")) == description
                        and str(pin.get("link") or "").strip() == link):
                    return self._receipt(pin)
            bookmark = body.get("bookmark") if isinstance(body, dict) else None
            if older or not bookmark:
                complete = True
                break
        when = first.strftime("%Y-%m-%d %H:%M UTC") if first else ""
        if complete and first is not None:
            context.logger.info("lookup: %d Pins of board %s read, none matches", read, board)
            return None
        if first is None:
            raise AmbiguousError(tr(
                "Pinterest cannot tell whether this Pin was created: the {n} latest Pins of "
                "the board were checked and none has the same title, description and link, "
                "but when the first attempt was made is not known. Check the board, then mark "
                "the post published or retry.", n=read))
        raise AmbiguousError(tr(
            "Pinterest cannot tell whether this Pin was created: the {n} latest Pins of the "
            "board were checked and none has the same title, description and link, but more "
            "Pins were made since {when} than were read. Check the board, then mark the post "
            "published or retry.", n=read, when=when))

    # ------------------------------------------------------------ metrics ---

    def metrics(self, receipt: Receipt, context: PublisherContext) -> Mapping[str, float] | None:
        today = context.clock().date()
        start = today - timedelta(days=ANALYTICS_DAYS)
        if receipt.published_at is not None:
            start = max(start, receipt.published_at.astimezone(UTC).date())
        params = {"start_date": start.isoformat(), "end_date": today.isoformat(),
                  "metric_types": ",".join(METRICS)}
        try:
            response = self._call(context, "GET", f"/pins/{receipt.remote_id}/analytics",
                                  params=params)
        except PermanentError as exc:
            if exc.http_status == 404:
                return None  # the Pin was deleted on Pinterest
            raise
        body = response.json()
        values: dict[str, float] = {}
        groups = body.values() if isinstance(body, dict) else []
        for group in groups:
            if not isinstance(group, dict):
                continue
            for key in ("summary_metrics", "lifetime_metrics"):
                counters = group.get(key)
                if not isinstance(counters, dict):
                    continue
                for theirs, ours in METRICS.items():
                    value = counters.get(theirs)
                    if isinstance(value, int | float) and not isinstance(value, bool):
                        values[ours] = values.get(ours, 0.0) + float(value)
        return values or None

    # ------------------------------------------------------------ account ---

    def check_account(self, context: PublisherContext) -> AccountCheck:
        me = self._call(context, "GET", "/user_account").json()
        username = str(me.get("username") or "")
        warnings: list[str] = []
        remembered: dict[str, Any] = {}
        if str(me.get("account_type") or "") not in ("", "BUSINESS"):
            warnings.append(tr("This Pinterest account is not a business account: Pinterest "
                               "only gives developer apps to business accounts."))
        board = str(context.account.settings.get("board_id") or "")
        if board:
            try:
                found = self._call(context, "GET", f"/boards/{board}").json()
                remembered["board_name"] = str(found.get("name") or "")
            except PermanentError as exc:
                if exc.http_status not in (403, 404):
                    raise
                warnings.append(tr("The chosen board ({board}) no longer exists or is not "
                                   "this account's: reconnect to choose another.", board=board))
        else:
            warnings.append(tr("No board is chosen: reconnect the account to choose one."))
        return AccountCheck(handle=f"@{username}" if username else "",
                            display_name=str(me.get("business_name") or username),
                            token_expires_at=_parse_time(
                                context.account.settings.get(TOKEN_EXPIRES_AT)),
                            settings=remembered, warnings=tuple(warnings))

    # ------------------------------------------------------------ connecting ---

    def browser_login(self, *, api_url: str, http: HttpClient,
                      open_url: Callable[[str], None], timeout: float = 300.0,
                      cancelled: Callable[[], bool] | None = None,
                      client: ClientApp) -> Credentials:
        """Pinterest's consent page → loopback redirect → token (HTTP Basic client
        authentication) → the account and its boards, for the volunteer to choose one."""
        base = check_api_url(api_url or API_URL)
        if not client.client_id or not client.client_secret:
            raise PermanentError(tr("Pinterest needs the app id and the app secret key of "
                                    "the developer app (see the Pinterest guide)."))
        with LoopbackRedirect(port=self.redirect_port) as redirect:
            state = new_state()
            open_url(authorize_url(base) + "?" + urlencode({
                "client_id": client.client_id, "redirect_uri": redirect.redirect_uri,
                "response_type": "code", "scope": ",".join(SCOPES), "state": state}))
            code = redirect.wait_for_code(state, timeout=timeout, cancelled=cancelled)
            token = http.post(f"{base}/oauth/token", changes_state=False,
                              auth=(client.client_id, client.client_secret),
                              data={"grant_type": "authorization_code", "code": code,
                                    "redirect_uri": redirect.redirect_uri,
                                    "continuous_refresh": "true"})
        if token.status_code in (400, 401, 403):
            raise AuthError(tr("Pinterest refused the connection: {reason}",
                               reason=error_text(token)), http_status=token.status_code)
        http.raise_for_status(token, changes_state=False)
        body = token.json()
        access = str(body.get("access_token") or "")
        refresh = str(body.get("refresh_token") or "")
        if not access:
            raise AuthError(tr("Pinterest gave no access token."))
        now = http.clock()
        headers = {"Authorization": f"Bearer {access}"}
        me = http.get(f"{base}/user_account", headers=headers)
        http.raise_for_status(me)
        username = str(me.json().get("username") or "")
        choices: list[Choice] = []
        bookmark: str | None = None
        for _page in range(40):  # 250 boards a page: 10,000 boards
            params: dict[str, Any] = {"page_size": 250}
            if bookmark:
                params["bookmark"] = bookmark
            boards = http.get(f"{base}/boards", headers=headers, params=params)
            http.raise_for_status(boards)
            page = boards.json()
            for board in page.get("items") or []:
                if isinstance(board, dict) and str(board.get("id") or "").isdigit():
                    choices.append(Choice(str(board["id"]),
                                          str(board.get("name") or board["id"])))
            bookmark = page.get("bookmark")
            if not bookmark:
                break
        if not choices:
            raise PermanentError(tr("This Pinterest account has no board: create one on "
                                    "Pinterest, then connect again."))
        settings: dict[str, Any] = {"client_id": client.client_id}
        if isinstance(body.get("expires_in"), int):
            settings["access_expires_at"] = (
                now + timedelta(seconds=body["expires_in"])).isoformat()
        ends = self._refresh_expiry(body, now)
        if ends is not None:
            settings[TOKEN_EXPIRES_AT] = ends.isoformat()
        vault = {CLIENT_SECRET: client.client_secret}
        if refresh:
            vault[REFRESH_TOKEN] = refresh
        return Credentials(secret=access, handle=f"@{username}" if username else "",
                           vault=vault, settings=settings, choose="board_id",
                           choices=tuple(choices))
