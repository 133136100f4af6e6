"""X (API v2): a post with text and up to 4 images with their alt text, or a thread.

- Connecting: OAuth 2.0 Authorization Code with PKCE, through a loopback redirect on a
  fixed port (X accepts only the callback address registered in the developer app:
  ``http://127.0.0.1:8734/callback``), as a public client (a client id, no secret).
  Scopes: ``tweet.read tweet.write users.read media.write offline.access`` and no
  other. Tokens: :mod:`.api`.
- Length: X's weighted count (twitter-text: most Latin, Greek, Cyrillic... characters
  weigh 1, others (CJK, emoji) 2, every URL 23, NFC text); 280, or 25,000 when the
  account's ``premium`` setting says the account has X Premium. A longer text is refused
  before any request, unless the person asked for a thread (the account's ``thread``
  setting, or the request's ``thread`` option): then it is cut between words into posts
  that each fit (:mod:`.thread`), the images on the first, each next one a reply to the
  previous one.
- Images: :mod:`.media` (chunked upload, processing, alt text through
  ``/2/media/metadata``). At most 4 images, or one animated GIF alone.
- ``POST /2/tweets`` has no idempotency key: a lost answer is never followed by a
  re-send. ``lookup`` reads the account's posts since the first uncertain attempt
  (``GET /2/users/:id/tweets?start_time=``) and matches our text exactly (links compared
  as links, since X shows them as t.co addresses). For a thread it walks the chain of
  replies and publishes the parts still missing.
- ``metrics``: ``public_metrics`` (views, likes, reposts, replies, quotes, saves).
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar
from urllib.parse import urlencode

import regex

from essplanner.publishers.base import (
    TOKEN_EXPIRES_AT,
    AccountCheck,
    AccountField,
    AccountInfo,
    BasePublisher,
    ClientApp,
    Credentials,
    FieldKind,
    PublisherContext,
    PublishRequest,
    Receipt,
)
from essplanner.publishers.errors import (
    AmbiguousError,
    AuthError,
    PublishError,
    RetryableError,
)
from essplanner.publishers.http import HttpClient, check_api_url
from essplanner.publishers.i18n import N_, ntr, tr
from essplanner.publishers.oauth import REGISTERED_PORT, LoopbackRedirect, new_state, pkce_pair
from essplanner.publishers.rules import LinkHandling, PlatformRules, Problem, TextCounting
from essplanner.publishers.text import URL_RE
from essplanner.publishers.validation import validate_with_rules
from essplanner.publishers.x import media as x_media
from essplanner.publishers.x.api import (
    ACCESS_EXPIRES,
    API_URL,
    APP_SECRET,
    REFRESH,
    SCOPES,
    TOKEN_PATH,
    XApi,
    authorize_url,
    problem_text,
    raise_for_x,
)
from essplanner.publishers.x.thread import MAX_PARTS, split_thread

REDIRECT_PORT = REGISTERED_PORT
STANDARD_LIMIT = 280
PREMIUM_LIMIT = 25_000
#: posts made this long before our first attempt still count (clocks differ)
CLOCK_SKEW = timedelta(minutes=5)
#: pages of 100 posts read by a look-up
LOOKUP_PAGES = 3
_YES = frozenset({"1", "true", "yes", "oui", "on", "y", "o"})
_URL_MARK = "\u2060URL\u2060"


def _yes(value: object) -> bool:
    return value is True or str(value or "").strip().lower() in _YES


def _normal(text: str) -> str:
    """Text as compared with what X gives back: HTML entities read, NFC, every link one
    mark (X shows them as t.co addresses), spaces collapsed."""
    text = unicodedata.normalize("NFC", html.unescape(text))
    return " ".join(str(URL_RE.sub(f" {_URL_MARK} ", text)).split())


_TRAILING_MARK = regex.compile(rf"\s*{_URL_MARK}$")


def _text_of(tweet: Mapping[str, Any]) -> str:
    note = tweet.get("note_tweet")
    if isinstance(note, dict) and isinstance(note.get("text"), str):
        return str(note["text"])  # a long post: ``text`` is cut, the whole is here
    return str(tweet.get("text") or "")


def same_text(sent: str, tweet: Mapping[str, Any]) -> bool:
    """Whether ``tweet`` carries exactly the text we sent."""
    wanted, remote = _normal(sent), _normal(_text_of(tweet))
    if wanted == remote:
        return True
    attachments = tweet.get("attachments")
    if isinstance(attachments, dict) and attachments.get("media_keys"):
        # X ends the text of a post with images with the link to them
        return wanted == str(_TRAILING_MARK.sub("", remote))
    return False


def _replied_to(tweet: Mapping[str, Any]) -> str:
    for ref in tweet.get("referenced_tweets") or ():
        if isinstance(ref, dict) and ref.get("type") == "replied_to":
            return str(ref.get("id") or "")
    return ""


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class XPublisher(BasePublisher):
    platform: ClassVar[str] = "x"
    display_name: ClassVar[str] = "X"
    default_api_url: ClassVar[str] = API_URL
    needs_client_app: ClassVar[bool] = True
    account_fields: ClassVar[tuple[AccountField, ...]] = (
        AccountField("secret", N_("Access token"), FieldKind.SECRET,
                     help=N_("Connect through the browser with the client id of the "
                             "association's X developer app (see the X guide).")),
        AccountField("premium", N_("X Premium"), FieldKind.SETTING, required=False,
                     placeholder="no",
                     help=N_("yes if the account has X Premium: posts up to 25,000 "
                             "characters instead of 280.")),
        AccountField("thread", N_("Long texts as threads"), FieldKind.SETTING,
                     required=False, placeholder="no",
                     help=N_("yes to publish a text over the limit as a thread of "
                             "replies; otherwise it is refused.")),
    )

    def __init__(self, *, redirect_port: int = REDIRECT_PORT,
                 sleep: Callable[[float], None] | None = None) -> None:
        self.redirect_port = redirect_port
        self._sleep = sleep

    # ---- rules
    def rules(self, account: AccountInfo | None = None) -> PlatformRules:
        """X's rules for ``account``. An account whose long texts become threads (its
        ``thread`` setting) has no text limit as a whole, only per post of the thread
        (:meth:`post_limit`): the editor's counter does not show a thread as too long."""
        threads = account is not None and _yes(account.settings.get("thread"))
        return PlatformRules(
            platform="x",
            display_name="X",
            text_limit=None if threads else self.post_limit(account),
            counting=TextCounting.WEIGHTED,
            url_length=23,
            max_images=4,
            image_types=frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"}),
            max_image_bytes=5 * 1024 * 1024,
            reencode_images=True,
            alt_text_limit=1000,
            link_handling=LinkHandling.PREVIEW,
            supports_video=False,
            # X's media best practices, for when videos are sent
            video_types=frozenset({"video/mp4", "video/quicktime"}),
            min_video_seconds=0.5,
            max_video_seconds=140,
            max_video_bytes=512 * 1024 * 1024,
            min_video_width=32,
            min_video_height=32,
            max_video_width=1280,
            max_video_height=1024,
            max_frame_rate=60,
            video_codecs=frozenset({"h264"}),
            audio_codecs=frozenset({"aac"}),
        )

    @staticmethod
    def post_limit(account: AccountInfo | None) -> int:
        """The weighted limit of one post: 280, or 25,000 for a Premium account."""
        premium = account is not None and _yes(account.settings.get("premium"))
        return PREMIUM_LIMIT if premium else STANDARD_LIMIT

    @staticmethod
    def as_thread(request: PublishRequest) -> bool:
        """Whether the person asked for a long text to become a thread."""
        if "thread" in request.options:
            return _yes(request.options["thread"])
        return _yes(request.account.settings.get("thread"))

    def parts(self, request: PublishRequest) -> list[str]:
        """The text of each post: one, or the parts of a thread."""
        if not self.as_thread(request):
            return [request.text]
        rules = self.rules(request.account)
        return split_thread(request.text, self.post_limit(request.account), rules.count)

    def validate(self, request: PublishRequest) -> list[Problem]:
        rules = self.rules(request.account)
        thread = self.as_thread(request)
        if not thread and rules.text_limit is None:  # a thread account, a one-post request
            rules = replace(rules, text_limit=self.post_limit(request.account))
        problems = validate_with_rules(replace(rules, text_limit=None) if thread else rules,
                                       request)
        if thread and request.text.strip():
            count = len(self.parts(request))
            if count > MAX_PARTS:
                problems.append(Problem("thread_too_long", tr(
                    "This text makes a thread of {count} posts; ESS Planner sends at most "
                    "{limit}.", count=count, limit=MAX_PARTS), "text"))
        gifs = [m for m in request.media if m.mime_type == "image/gif"]
        if gifs and len(request.media) > 1:
            problems.append(Problem("gif_not_alone", tr(
                "An animated GIF must be the only image of an X post."), "media"))
        return problems

    # ---- publishing
    def _pause(self, context: PublisherContext) -> Callable[[float], None]:
        return self._sleep or context.sleep

    def publish(self, request: PublishRequest, context: PublisherContext) -> Receipt:
        self.ensure_valid(request)
        api = XApi(context)
        rules = self.rules(request.account)
        media_ids = [x_media.upload(api, item, rules, self._pause(context))
                     for item in request.media]
        return self._post(api, context, self.parts(request), media_ids, [])

    def _post(self, api: XApi, context: PublisherContext, parts: list[str],
              media_ids: list[str], done: list[str]) -> Receipt:
        """Create the posts of ``parts`` not in ``done`` (ids of those already on X)."""
        for index in range(len(done), len(parts)):
            payload: dict[str, Any] = {"text": parts[index]}
            if index == 0 and media_ids:
                payload["media"] = {"media_ids": media_ids}
            if done:
                payload["reply"] = {"in_reply_to_tweet_id": done[-1]}
            try:
                body = api.json("POST", "/2/tweets", json=payload, changes_state=True)
                tweet_id = str((body.get("data") or {}).get("id") or "")
                if not tweet_id:
                    raise AmbiguousError(tr("X accepted the post without giving its id."))
            except PublishError as exc:
                if not done:
                    raise
                # Part of the thread is on X: never start it again; the look-up finds
                # what is there and sends the rest.
                raise AmbiguousError(tr(
                    "The thread stopped after post {n} of {total} ({reason}); the next try "
                    "finds the posts already on X and sends the rest.", n=len(done),
                    total=len(parts), reason=exc.message), http_status=exc.http_status
                ) from exc
            done.append(tweet_id)
        return self._receipt(context, done)

    @staticmethod
    def _receipt(context: PublisherContext, ids: list[str],
                 created: str | None = None) -> Receipt:
        username = str(context.account.settings.get("username") or
                       context.account.handle).removeprefix("@")
        url = (f"https://x.com/{username}/status/{ids[0]}" if username
               else f"https://x.com/i/web/status/{ids[0]}")
        published = None
        if created:
            try:
                published = datetime.fromisoformat(created.replace("Z", "+00:00"))
            except ValueError:
                published = None
        return Receipt(remote_id=ids[0], remote_url=url, published_at=published,
                       extra={"thread": list(ids)} if len(ids) > 1 else {})

    # ---- proving, reading back
    def lookup(self, request: PublishRequest, context: PublisherContext) -> Receipt | None:
        api = XApi(context)
        user_id = str(context.account.settings.get("user_id") or api.me()["id"])
        since = context.first_attempt_at
        tweets, complete = self._recent(api, user_id, since)
        parts = self.parts(request)
        found: list[str] = []
        created: str | None = None
        for index, part in enumerate(parts):
            match = next((t for t in reversed(tweets) if same_text(part, t) and (
                index == 0 or _replied_to(t) == found[-1])), None)
            if match is None:
                break
            found.append(str(match["id"]))
            created = created or str(match.get("created_at") or "") or None
        window = (tr("since {time}", time=since.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC"))
                  if since is not None else tr("(the time of the first attempt is unknown)"))
        if not found:
            if complete and since is not None:
                context.logger.info("X look-up: %d posts since %s, none matched",
                                    len(tweets), since.isoformat())
                return None
            raise AmbiguousError(ntr(
                "X cannot tell whether the post went out: checked the {n} latest post of the "
                "account {window}, none has this text, but older ones were not read. Check "
                "the account, then mark it published or retry.",
                "X cannot tell whether the post went out: checked the {n} latest posts of "
                "the account {window}, none has this text, but older ones were not read. "
                "Check the account, then mark it published or retry.",
                len(tweets), window=window))
        if len(found) < len(parts):
            context.logger.info("X look-up: %d of %d posts of the thread found; sending the "
                                "rest", len(found), len(parts))
            return self._post(api, context, parts, [], found)
        receipt = self._receipt(context, found, created)
        return receipt

    def _recent(self, api: XApi, user_id: str, since: datetime | None
                ) -> tuple[list[dict[str, Any]], bool]:
        """The account's posts since ``since`` (newest first), and whether that is all."""
        params: dict[str, Any] = {
            "max_results": 100,
            "tweet.fields": "created_at,referenced_tweets,attachments,note_tweet"}
        if since is not None:
            params["start_time"] = _iso(since - CLOCK_SKEW)
        tweets: list[dict[str, Any]] = []
        for _page in range(LOOKUP_PAGES):
            body = api.json("GET", f"/2/users/{user_id}/tweets", params=params)
            tweets += [t for t in body.get("data") or () if isinstance(t, dict) and "id" in t]
            token = (body.get("meta") or {}).get("next_token")
            if not token:
                return tweets, True
            params["pagination_token"] = token
        return tweets, False

    def metrics(self, receipt: Receipt, context: PublisherContext) -> Mapping[str, float] | None:
        api = XApi(context)
        body = api.json("GET", "/2/tweets", params={"ids": receipt.remote_id,
                                                    "tweet.fields": "public_metrics"})
        data = [t for t in body.get("data") or () if isinstance(t, dict)]
        if not data:
            return None  # deleted on X
        counts = data[0].get("public_metrics") or {}
        names = {"views": "impression_count", "likes": "like_count",
                 "reposts": "retweet_count", "replies": "reply_count",
                 "quotes": "quote_count", "saves": "bookmark_count"}
        return {name: float(counts[key]) for name, key in names.items()
                if isinstance(counts.get(key), int)}

    def check_account(self, context: PublisherContext) -> AccountCheck:
        api = XApi(context)
        me = api.me()
        username = str(me.get("username") or "")
        warnings: list[str] = []
        if not context.vault.get(REFRESH):
            warnings.append(tr("This X login cannot be renewed (offline access was not "
                               "granted): it ends two hours after connecting. Reconnect and "
                               "accept to stay connected."))
        return AccountCheck(handle=f"@{username}", display_name=str(me.get("name") or username),
                            settings={"user_id": str(me["id"]), "username": username},
                            warnings=tuple(warnings))

    # ---- connecting
    def browser_login(self, *, api_url: str, http: HttpClient, open_url: Callable[[str], None],
                      timeout: float = 300.0, cancelled: Callable[[], bool] | None = None,
                      client: ClientApp) -> Credentials:
        """OAuth 2 Authorization Code with PKCE: X's consent page in the browser, the code
        back on the loopback redirect, exchanged for the tokens."""
        base = check_api_url(api_url or API_URL)
        with LoopbackRedirect(port=self.redirect_port) as redirect:
            verifier, challenge = pkce_pair()
            state = new_state()
            open_url(authorize_url(base) + "?" + urlencode({
                "response_type": "code", "client_id": client.client_id,
                "redirect_uri": redirect.redirect_uri, "scope": SCOPES, "state": state,
                "code_challenge": challenge, "code_challenge_method": "S256"}))
            code = redirect.wait_for_code(state, timeout=timeout, cancelled=cancelled)
            auth = (client.client_id, client.client_secret) if client.client_secret else None
            token = http.post(f"{base}{TOKEN_PATH}", changes_state=False, auth=auth, data={
                "grant_type": "authorization_code", "code": code,
                "redirect_uri": redirect.redirect_uri, "code_verifier": verifier,
                "client_id": client.client_id})
        if token.status_code in (400, 401):
            raise AuthError(tr("X refused the connection: {reason}",
                               reason=problem_text(token)), http_status=token.status_code)
        raise_for_x(http, token, now=http.clock())
        body = token.json()
        access = str(body.get("access_token") or "")
        if not access:
            raise AuthError(tr("X gave no token when connecting."))
        now = http.clock()
        seconds = body.get("expires_in")
        expires = now + timedelta(seconds=seconds if isinstance(seconds, int) else 7200)
        me_answer = http.get(f"{base}/2/users/me", headers={"Authorization": f"Bearer {access}"})
        raise_for_x(http, me_answer, now=now)
        me = (me_answer.json() or {}).get("data") or {}
        if not me.get("id"):
            raise RetryableError(tr("X did not say which account this login belongs to."))
        settings: dict[str, Any] = {"client_id": client.client_id, "user_id": str(me["id"]),
                                    "username": str(me.get("username") or ""),
                                    ACCESS_EXPIRES: expires.isoformat()}
        vault: dict[str, str] = {}
        refresh = body.get("refresh_token")
        if isinstance(refresh, str) and refresh:
            vault[REFRESH] = refresh
        else:
            settings[TOKEN_EXPIRES_AT] = expires.isoformat()
        if client.client_secret:
            vault[APP_SECRET] = client.client_secret
        return Credentials(secret=access, handle=f"@{me.get('username') or me['id']}",
                           vault=vault, settings=settings)
