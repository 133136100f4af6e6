"""YouTube (Data API v3): one video per post, uploaded resumably, with its title,
description, tags, category, privacy, optional scheduled publication by YouTube
(``publishAt``), the made-for-kids declaration and an optional custom thumbnail.

- Connecting: OAuth 2.0 for installed apps, Authorization Code with PKCE through the
  registered loopback redirect (``http://127.0.0.1:8734/callback``), with the client id
  *and* client secret of the association's Google Cloud OAuth client (Google issues a
  secret to desktop clients too and wants it at the token endpoint). ``access_type=
  offline`` and ``prompt=consent`` for a refresh token. Scopes: ``youtube.upload`` and
  ``youtube.readonly`` only (:data:`.api.SCOPES`). When the login reaches several
  channels, the person chooses one (``channel_id``). Tokens and errors: :mod:`.api`.
- Publishing: :mod:`.upload` (resumable, probed before anything is sent after a cut).
  The title is the post's title (else the text's first line): at most 100 characters;
  the description is the text: at most 5,000 bytes; neither may hold ``<`` or ``>``.
- Account settings (a request option of the same name wins): ``made_for_kids`` (yes/no,
  required: YouTube wants the declaration; nothing is scheduled until it is made),
  ``privacy`` (public, unlisted, private; default public), ``category`` (default 29,
  "Nonprofits & Activism"), ``notify_subscribers`` (default yes), ``tags`` (comma
  separated). Request option ``publish_at`` (ISO 8601): the video goes up private and
  YouTube itself makes it public then.
- A thumbnail (the video's ``cover``) that YouTube refuses after the video is up does
  not fail the post: the receipt carries a warning (``extra["warning"]``), shown with
  the published target.
- No idempotency key. After a lost answer, :meth:`lookup` probes the stored upload
  session first (YouTube answers the video when it holds every byte), else reads the
  channel's uploads playlist since the first attempt and matches title and description
  exactly (no marker is added to the description).
- ``metrics``: ``videos.list?part=statistics``: views, likes, comments (as ``replies``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar
from urllib.parse import urlencode

from essplanner.publishers.base import (
    TOKEN_EXPIRES_AT,
    AccountCheck,
    AccountField,
    AccountInfo,
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
    AmbiguousError,
    AuthError,
    PermanentError,
    PublishError,
    RetryableError,
)
from essplanner.publishers.http import HttpClient, check_api_url
from essplanner.publishers.i18n import N_, tr
from essplanner.publishers.oauth import (
    REGISTERED_PORT,
    LoopbackRedirect,
    new_state,
    parse_time,
    pkce_pair,
)
from essplanner.publishers.rules import LinkHandling, PlatformRules, Problem, TextCounting
from essplanner.publishers.validation import validate_with_rules
from essplanner.publishers.youtube import upload as yt_upload
from essplanner.publishers.youtube.api import (
    ACCESS_EXPIRES,
    API_URL,
    APP_SECRET,
    CONNECTED_AT,
    REFRESH,
    SCOPES,
    YouTubeApi,
    body_of,
    login_urls,
    raise_for_youtube,
    reason_of,
)

REDIRECT_PORT = REGISTERED_PORT
TITLE_LIMIT = 100
DESCRIPTION_BYTES = 5000
TAGS_LIMIT = 500
MAX_VIDEO_BYTES = 256 * 1024 ** 3  # 256 GB
MAX_DURATION = 12 * 3600.0  # 12 hours
THUMBNAIL_BYTES = 2 * 1024 * 1024
PRIVACY = ("public", "unlisted", "private")
DEFAULT_CATEGORY = "29"  # Nonprofits & Activism
#: videos uploaded this long before the first attempt still count (clocks differ)
CLOCK_SKEW = timedelta(minutes=5)
LOOKUP_PAGES = 3
_YES = frozenset({"1", "true", "yes", "oui", "on", "y", "o"})
_NO = frozenset({"0", "false", "no", "non", "off", "n"})
THUMBNAIL_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}


def _flag(value: object) -> bool | None:
    """yes → True, no → False, anything else (unset) → None."""
    if isinstance(value, bool):
        return value
    text = str(value or "").strip().lower()
    return True if text in _YES else False if text in _NO else None


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def watch_url(video_id: str) -> str:
    return f"https://www.youtube.com/watch?v={video_id}"


class YouTubePublisher(BasePublisher):
    platform: ClassVar[str] = "youtube"
    display_name: ClassVar[str] = "YouTube"
    default_api_url: ClassVar[str] = API_URL
    needs_client_app: ClassVar[bool] = True
    client_secret_required: ClassVar[bool] = True
    account_fields: ClassVar[tuple[AccountField, ...]] = (
        AccountField("secret", N_("Access token"), FieldKind.SECRET, required=False,
                     help=N_("Leave empty to connect through the browser with the client id "
                             "and secret of the association's Google Cloud OAuth client (see "
                             "the YouTube guide).")),
        AccountField("made_for_kids", N_("Made for kids"), FieldKind.SETTING, required=False,
                     placeholder="no",
                     help=N_("yes or no: whether the videos of this channel are made for "
                             "children. YouTube requires this declaration; no video is "
                             "scheduled until it is made.")),
        AccountField("privacy", N_("Visibility"), FieldKind.SETTING, required=False,
                     placeholder="public",
                     help=N_("public, unlisted or private.")),
        AccountField("category", N_("Category"), FieldKind.SETTING, required=False,
                     placeholder=DEFAULT_CATEGORY,
                     help=N_("YouTube's category number (29: Nonprofits & Activism, 27: "
                             "Education, 22: People & Blogs).")),
        AccountField("notify_subscribers", N_("Notify subscribers"), FieldKind.SETTING,
                     required=False, placeholder="yes",
                     help=N_("no to publish without notifying the channel's subscribers.")),
        AccountField("tags", N_("Tags"), FieldKind.SETTING, required=False,
                     help=N_("Keywords separated by commas (500 characters in all).")),
    )
    RULES: ClassVar[PlatformRules] = PlatformRules(
        platform="youtube",
        display_name="YouTube",
        text_limit=None,
        counting=TextCounting.BYTES,
        byte_limit=DESCRIPTION_BYTES,
        max_images=0,
        min_media=1,
        image_types=frozenset(),
        supports_alt_text=False,
        link_handling=LinkHandling.PREVIEW,
        supports_video=True,
        text_required=False,
        title_limit=TITLE_LIMIT,
    )

    def __init__(self, *, redirect_port: int = REDIRECT_PORT,
                 chunk_size: int = yt_upload.DEFAULT_CHUNK) -> None:
        if chunk_size <= 0 or chunk_size % yt_upload.UNIT:
            raise ValueError("chunk_size must be a positive multiple of 256 KiB")
        self.redirect_port = redirect_port
        self.chunk_size = chunk_size

    # ---- what the person chose
    @staticmethod
    def option(request: PublishRequest, key: str, default: object = None) -> object:
        if key in request.options and request.options[key] not in (None, ""):
            return request.options[key]
        value = request.account.settings.get(key)
        return default if value in (None, "") else value

    @staticmethod
    def title(request: PublishRequest) -> str:
        if request.title.strip():
            return request.title.strip()
        lines = [line.strip() for line in request.text.splitlines() if line.strip()]
        return lines[0] if lines else ""

    def tags(self, request: PublishRequest) -> list[str]:
        value = self.option(request, "tags", "")
        items = value if isinstance(value, list | tuple) else str(value).split(",")
        return [str(t).strip().lstrip("#") for t in items if str(t).strip().lstrip("#")]

    def publish_at(self, request: PublishRequest) -> datetime | None:
        value = self.option(request, "publish_at")
        if isinstance(value, datetime):
            return value if value.tzinfo is not None else None
        return parse_time(value) if value else None

    # ---- rules
    def rules(self, account: AccountInfo | None = None) -> PlatformRules:
        return self.RULES

    def validate(self, request: PublishRequest) -> list[Problem]:
        rules = self.rules(request.account)
        videos = [m for m in request.media if m.is_video]
        problems = [p for p in validate_with_rules(rules, request)
                    if p.code not in ("media_required", "too_many_images")]
        if len(videos) != 1 or len(request.media) != 1:
            problems.append(Problem("video_required", tr(
                "A YouTube post is one video, and only that: attach one video file."),
                "media"))
        for video in videos[:1]:
            problems.extend(self._video_problems(video))
        title = self.title(request)
        if not title:
            problems.append(Problem("title_required", tr(
                "A YouTube video needs a title: give the post a title."), "title"))
        elif len(title) > TITLE_LIMIT:
            problems.append(Problem("title_too_long", tr(
                "The title is {length} characters long; YouTube allows {limit}.",
                length=len(title), limit=TITLE_LIMIT), "title"))
        if "<" in title or ">" in title:
            problems.append(Problem("title_brackets", tr(
                "YouTube refuses the characters < and > in a video's title."), "title"))
        if "<" in request.text or ">" in request.text:
            problems.append(Problem("description_brackets", tr(
                "YouTube refuses the characters < and > in a video's description."), "text"))
        tags = self.tags(request)
        length = sum(len(t) + (2 if " " in t else 0) for t in tags) + max(0, len(tags) - 1)
        if length > TAGS_LIMIT:
            problems.append(Problem("tags_too_long", tr(
                "The tags take {length} characters; YouTube allows {limit} in all.",
                length=length, limit=TAGS_LIMIT), "tags"))
        if _flag(self.option(request, "made_for_kids")) is None:
            problems.append(Problem("made_for_kids_undeclared", tr(
                "Say whether this channel's videos are made for kids (the YouTube account's "
                "\"Made for kids\" setting: yes or no): YouTube requires this declaration."),
                "account"))
        privacy = str(self.option(request, "privacy", "public")).strip().lower()
        if privacy not in PRIVACY:
            problems.append(Problem("privacy_unknown", tr(
                "YouTube's visibility is public, unlisted or private, not {value!r}.",
                value=privacy), "account"))
        if self.option(request, "publish_at") and self.publish_at(request) is None:
            problems.append(Problem("publish_at_invalid", tr(
                "The time YouTube should publish the video is not a date and time with its "
                "time zone (ISO 8601)."), "options"))
        return problems

    @staticmethod
    def _video_problems(video: MediaFile) -> list[Problem]:
        problems: list[Problem] = []
        name = video.path.name
        if video.size > MAX_VIDEO_BYTES:
            problems.append(Problem("video_too_big", tr(
                "The video {name} weighs {size} GB; YouTube takes at most 256 GB.",
                name=name, size=f"{video.size / 1024 ** 3:.0f}"), "media", index=0))
        if video.duration is not None and video.duration > MAX_DURATION:
            problems.append(Problem("video_too_long", tr(
                "The video {name} lasts {hours} h; YouTube takes at most 12 hours from this "
                "channel.", name=name, hours=f"{video.duration / 3600:.1f}"), "media",
                index=0))
        return problems

    # ---- the video resource
    def resource(self, request: PublishRequest, now: datetime) -> dict[str, Any]:
        privacy = str(self.option(request, "privacy", "public")).strip().lower()
        status: dict[str, Any] = {
            "privacyStatus": privacy,
            "selfDeclaredMadeForKids": bool(_flag(self.option(request, "made_for_kids"))),
        }
        publish_at = self.publish_at(request)
        if publish_at is not None:
            if publish_at <= now:
                raise PermanentError(tr(
                    "The time YouTube should publish the video ({when}) is already past: "
                    "choose a later one, or none to publish at once.",
                    when=publish_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")))
            # YouTube publishes a private video at publishAt, and only a private one
            status["privacyStatus"] = "private"
            status["publishAt"] = publish_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        snippet: dict[str, Any] = {
            "title": self.title(request), "description": request.text,
            "categoryId": str(self.option(request, "category", DEFAULT_CATEGORY)),
        }
        tags = self.tags(request)
        if tags:
            snippet["tags"] = tags
        if request.language:
            snippet["defaultLanguage"] = request.language
        return {"snippet": snippet, "status": status}

    # ---- publishing
    def publish(self, request: PublishRequest, context: PublisherContext) -> Receipt:
        self.ensure_valid(request)
        [video] = request.media
        try:
            size = video.path.stat().st_size
        except OSError as exc:
            raise PermanentError(tr("The video file {name} cannot be read: {error}",
                                    name=video.path.name, error=exc.strerror or exc)) from exc
        api = YouTubeApi(context)
        resource = self.resource(request, context.clock())
        notify = _flag(self.option(request, "notify_subscribers", "yes"))
        params = {"notifySubscribers": "false" if notify is False else "true"}
        found = self._resume(api, context, request, video, size)
        if isinstance(found, Receipt):
            return found
        if found is None:
            uri, offset = yt_upload.start(api, context, video, size, resource, params), 0
        else:
            uri, offset = found
        try:
            answer = yt_upload.send(api, context, uri, video, size, offset, self.chunk_size)
        except yt_upload.SessionGone:
            return self._session_gone(api, context, request)
        return self._done(api, context, request, video, answer)

    def _resume(self, api: YouTubeApi, context: PublisherContext, request: PublishRequest,
                video: MediaFile, size: int) -> Receipt | tuple[str, int] | None:
        """A stored session of this file: where to resume, or the video if it is up."""
        stored = context.uploads.get()
        if not stored or not stored.get("uri"):
            return None
        if stored.get("size") != size or stored.get("file") != yt_upload.file_identity(
                video, size):
            context.logger.info("YouTube: the stored upload is of another file; starting anew")
            context.uploads.clear()
            return None
        uri = str(stored["uri"])
        try:
            state = yt_upload.probe(api, uri, size)
        except yt_upload.SessionGone:
            return self._session_gone(api, context, request)
        if isinstance(state, dict):
            return self._done(api, context, request, video, state)
        context.logger.info("YouTube: resuming the upload at byte %d of %d", state, size)
        return uri, state

    def _session_gone(self, api: YouTubeApi, context: PublisherContext,
                      request: PublishRequest) -> Receipt:
        """The stored session expired at YouTube: start over only once the video surely
        does not exist."""
        stored = context.uploads.get() or {}
        since = parse_time(stored.get("started_at")) or context.first_attempt_at
        found, complete = self._search(api, context, request, since)
        context.uploads.clear()
        if found is not None:
            return found
        if complete and since is not None:
            raise RetryableError(tr("YouTube no longer knows the upload session and the "
                                    "video is not on the channel: the upload starts over."),
                                 retry_after=0.0)
        raise AmbiguousError(tr("YouTube no longer knows the upload session, and the channel's "
                                "latest videos do not tell whether it was published."))

    def _done(self, api: YouTubeApi, context: PublisherContext, request: PublishRequest,
              video: MediaFile, answer: Mapping[str, Any]) -> Receipt:
        """The video is on YouTube: its thumbnail, then the receipt (with any warning)."""
        video_id = str(answer["id"])
        warnings: list[str] = []
        status = answer.get("status") if isinstance(answer.get("status"), dict) else {}
        wanted = self.resource(request, datetime.min.replace(tzinfo=UTC))["status"]
        privacy = str((status or {}).get("privacyStatus") or "")
        if privacy == "private" and wanted["privacyStatus"] != "private":
            warnings.append(tr(
                "YouTube keeps the video private: videos uploaded through a Google Cloud "
                "project that has not passed YouTube's API audit stay private (see the "
                "YouTube guide)."))
        if video.cover is not None:
            problem = self._thumbnail(api, video_id, video)
            if problem:
                warnings.append(problem)
        # The session stays until the service has recorded the video as published (it
        # clears it then): a crash before that proves the upload by probing the session.
        snippet = answer.get("snippet") if isinstance(answer.get("snippet"), dict) else {}
        extra: dict[str, Any] = {"privacy": privacy} if privacy else {}
        if warnings:
            extra["warning"] = " ".join(warnings)
        return Receipt(remote_id=video_id, remote_url=watch_url(video_id),
                       published_at=parse_time((snippet or {}).get("publishedAt")), extra=extra)

    def _thumbnail(self, api: YouTubeApi, video_id: str, video: MediaFile) -> str:
        """Set the custom thumbnail; a refusal is a warning (the video is up), never a
        failure. Returns the warning, or "" when it was set."""
        cover = video.cover
        assert cover is not None
        mime = THUMBNAIL_TYPES.get(cover.suffix.lower())
        try:
            data = cover.read_bytes()
        except OSError as exc:
            return tr("The video is published, but its thumbnail {name} cannot be read: "
                      "{error}", name=cover.name, error=exc.strerror or exc)
        if mime is None or len(data) > THUMBNAIL_BYTES:
            return tr("The video is published without its thumbnail: YouTube takes a JPEG or "
                      "PNG image of at most 2 MB.")
        try:
            api.send("POST", "/upload/youtube/v3/thumbnails/set", changes_state=False,
                     params={"videoId": video_id, "uploadType": "media"}, data=data,
                     headers={"Content-Type": mime})
        except PublishError as exc:
            api.context.logger.warning("YouTube thumbnail of %s refused: %s", video_id,
                                       exc.message)
            return tr("The video is published, but YouTube refused its thumbnail ({reason}). "
                      "Custom thumbnails need a channel verified by phone; set it in YouTube "
                      "Studio.", reason=exc.message)
        return ""

    # ---- proving, reading back
    def lookup(self, request: PublishRequest, context: PublisherContext) -> Receipt | None:
        api = YouTubeApi(context)
        stored = context.uploads.get()
        if stored and stored.get("uri") and isinstance(stored.get("size"), int):
            try:
                state = yt_upload.probe(api, str(stored["uri"]), int(stored["size"]))
            except yt_upload.SessionGone:
                state = None
            if isinstance(state, dict):
                [video] = request.media or (None,)
                if video is None:
                    raise AmbiguousError(tr("The post has no video any more."))
                return self._done(api, context, request, video, state)
            if isinstance(state, int):
                return None  # YouTube lacks bytes: surely no video; the next try resumes
        since = context.first_attempt_at
        if since is None and stored:
            since = parse_time(stored.get("started_at"))
        found, complete = self._search(api, context, request, since)
        if found is not None:
            return found
        if complete and since is not None:
            return None
        raise AmbiguousError(tr(
            "YouTube cannot tell whether the video went up: none of the channel's latest "
            "videos has this title and description, but older ones were not read. Check the "
            "channel in YouTube Studio, then mark it published or retry."))

    def _channel(self, api: YouTubeApi, context: PublisherContext) -> str:
        channel = str(context.account.settings.get("channel_id") or "")
        if channel:
            return channel
        items = api.json("GET", "/youtube/v3/channels",
                         params={"part": "id", "mine": "true"}).get("items") or []
        if not items:
            raise PermanentError(tr("This Google login has no YouTube channel."))
        return str(items[0]["id"])

    def _search(self, api: YouTubeApi, context: PublisherContext, request: PublishRequest,
                since: datetime | None) -> tuple[Receipt | None, bool]:
        """The video among the channel's uploads since ``since``, and whether every
        upload since then was read."""
        channel = self._channel(api, context)
        body = api.json("GET", "/youtube/v3/channels",
                        params={"part": "contentDetails", "id": channel})
        items = body.get("items") or []
        uploads = ""
        if items and isinstance(items[0], dict):
            uploads = str(((items[0].get("contentDetails") or {}).get("relatedPlaylists")
                           or {}).get("uploads") or "")
        if not uploads:
            raise AmbiguousError(tr("YouTube did not give the channel's list of uploads."))
        title, description = _normal(self.title(request)), _normal(request.text)
        floor = since - CLOCK_SKEW if since is not None else None
        params: dict[str, Any] = {"part": "snippet", "playlistId": uploads, "maxResults": 50}
        for _page in range(LOOKUP_PAGES):
            page = api.json("GET", "/youtube/v3/playlistItems", params=params)
            for item in page.get("items") or ():
                snippet = item.get("snippet") if isinstance(item, dict) else None
                if not isinstance(snippet, dict):
                    continue
                added = parse_time(snippet.get("publishedAt"))
                if floor is not None and added is not None and added < floor:
                    return None, True  # newest first: the rest is older
                video_id = str((snippet.get("resourceId") or {}).get("videoId") or "")
                if (video_id and _normal(str(snippet.get("title") or "")) == title
                        and _normal(str(snippet.get("description") or "")) == description):
                    context.uploads.clear()
                    return Receipt(remote_id=video_id, remote_url=watch_url(video_id),
                                   published_at=added), True
            token = page.get("nextPageToken")
            if not token:
                return None, True
            params["pageToken"] = token
        return None, False

    def metrics(self, receipt: Receipt, context: PublisherContext) -> Mapping[str, float] | None:
        api = YouTubeApi(context)
        body = api.json("GET", "/youtube/v3/videos",
                        params={"part": "statistics", "id": receipt.remote_id})
        items = [i for i in body.get("items") or () if isinstance(i, dict)]
        if not items:
            return None  # deleted, or not visible any more
        stats = items[0].get("statistics") or {}
        names = {"views": "viewCount", "likes": "likeCount", "replies": "commentCount"}
        out: dict[str, float] = {}
        for name, key in names.items():
            value = stats.get(key)
            if isinstance(value, str | int) and str(value).isdigit():
                out[name] = float(value)
        return out

    def check_account(self, context: PublisherContext) -> AccountCheck:
        api = YouTubeApi(context)
        items = api.json("GET", "/youtube/v3/channels",
                         params={"part": "snippet", "mine": "true"}).get("items") or []
        chosen = str(context.account.settings.get("channel_id") or "")
        channel = next((c for c in items if str(c.get("id")) == chosen), None) \
            or (items[0] if items else None)
        if channel is None:
            raise PermanentError(tr("This Google login has no YouTube channel."))
        snippet = channel.get("snippet") or {}
        warnings: list[str] = []
        if _flag(context.account.settings.get("made_for_kids")) is None:
            warnings.append(tr("Set the account's \"Made for kids\" setting (yes or no): "
                               "YouTube requires it before any video is scheduled."))
        return AccountCheck(
            handle=str(snippet.get("customUrl") or channel["id"]),
            display_name=str(snippet.get("title") or ""),
            settings={"channel_id": str(channel["id"])}, warnings=tuple(warnings))

    # ---- connecting
    def browser_login(self, *, api_url: str, http: HttpClient, open_url: Callable[[str], None],
                      timeout: float = 300.0, cancelled: Callable[[], bool] | None = None,
                      client: ClientApp) -> Credentials:
        """Google's consent page in the browser (PKCE), the code back on the registered
        loopback redirect, exchanged with the client id and secret for the tokens."""
        base = check_api_url(api_url or API_URL)
        authorize, token_url = login_urls(base)
        with LoopbackRedirect(port=self.redirect_port) as redirect:
            verifier, challenge = pkce_pair()
            state = new_state()
            open_url(authorize + "?" + urlencode({
                "response_type": "code", "client_id": client.client_id,
                "redirect_uri": redirect.redirect_uri, "scope": " ".join(SCOPES),
                "state": state, "code_challenge": challenge, "code_challenge_method": "S256",
                "access_type": "offline", "prompt": "consent"}))
            code = redirect.wait_for_code(state, timeout=timeout, cancelled=cancelled)
            answer = http.post(token_url, changes_state=False, data={
                "grant_type": "authorization_code", "code": code,
                "redirect_uri": redirect.redirect_uri, "code_verifier": verifier,
                "client_id": client.client_id, "client_secret": client.client_secret})
        now = http.clock()
        if answer.status_code in (400, 401):
            raise AuthError(tr("Google refused the connection: {reason}",
                               reason=reason_of(answer)[1]), http_status=answer.status_code)
        raise_for_youtube(http, answer, now=now)
        body = body_of(answer)
        access = str((body or {}).get("access_token") or "")
        if not access or not isinstance(body, dict):
            raise AuthError(tr("Google gave no login in its answer: connect again."))
        granted = set(str(body.get("scope") or " ".join(SCOPES)).split())
        missing = [s.rsplit("/", 1)[-1] for s in SCOPES if s not in granted]
        if missing:
            raise PermanentError(tr(
                "Google's consent page left {scopes} unticked: connect again and tick every "
                "box ESS Planner asks for (upload videos, see the channel).",
                scopes=", ".join(missing)))
        listed = http.get(f"{base}/youtube/v3/channels",
                          params={"part": "snippet", "mine": "true"},
                          headers={"Authorization": f"Bearer {access}"})
        raise_for_youtube(http, listed, now=now)
        channels = [c for c in (body_of(listed) or {}).get("items") or ()
                    if isinstance(c, dict) and c.get("id")]
        if not channels:
            raise PermanentError(tr(
                "This Google account has no YouTube channel: create the association's channel "
                "on YouTube (or choose its brand account when connecting), then connect "
                "again."))
        seconds = body.get("expires_in")
        expires = now + timedelta(seconds=seconds if isinstance(seconds, int) else 3600)
        vault = {APP_SECRET: client.client_secret}
        refresh = body.get("refresh_token")
        settings: dict[str, Any] = {"client_id": client.client_id,
                                    ACCESS_EXPIRES: expires.isoformat(),
                                    CONNECTED_AT: now.isoformat()}
        if isinstance(refresh, str) and refresh:
            vault[REFRESH] = refresh
        else:
            settings[TOKEN_EXPIRES_AT] = expires.isoformat()
        labels = [Choice(value=str(c["id"]), label=str((c.get("snippet") or {}).get("title")
                                                      or c["id"])) for c in channels]
        handle = ""
        if len(channels) == 1:
            snippet = channels[0].get("snippet") or {}
            handle = str(snippet.get("customUrl") or channels[0]["id"])
        return Credentials(secret=access, handle=handle, vault=vault, settings=settings,
                           choose="channel_id", choices=tuple(labels))
