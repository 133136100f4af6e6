"""TikTok (Content Posting API): one video, posted directly or sent to the inbox.

- Connecting: Login Kit for desktop, OAuth 2.0 with PKCE through the loopback redirect
  registered in the association's developer app (``http://127.0.0.1:8734/callback``),
  with the client key and the client secret. TikTok's desktop flow takes the PKCE
  challenge as the hexadecimal SHA-256 of the verifier (not base64url). Scopes
  (:data:`.api.SCOPES`): ``user.info.basic``, ``video.publish`` (Direct Post),
  ``video.upload`` (inbox), ``video.list`` (counts). A login granted ``video.upload``
  but not ``video.publish`` sends to the inbox. Tokens: :mod:`.api`.
- Mode: Direct Post (the account's ``mode`` setting ``direct``, the default) or
  Upload to inbox (``inbox``: the person finishes the post in the TikTok app); a
  target's ``mode`` option overrides it.
- Direct Post follows TikTok's Content Sharing Guidelines: ``creator_info/query`` is read
  before posting (and by the editor, which shows it); the target's options carry what
  the person chose in the editor, never a default: ``privacy_level`` (one of the
  creator's ``privacy_level_options``), ``allow_comment``/``allow_duet``/
  ``allow_stitch`` (off unless ticked; forced off when the creator disabled them),
  the commercial content disclosure (``disclose``, ``your_brand``, ``branded_content``).
  A post without a chosen privacy is refused before scheduling.
- The video: :mod:`.upload` (chunked ``FILE_UPLOAD``, resumable), then ``status/fetch``
  until ``PUBLISH_COMPLETE`` (``SEND_TO_USER_INBOX`` for the inbox) or ``FAILED``.
- No idempotency key, but the ``publish_id`` names our post: after a lost answer,
  :meth:`lookup` asks ``status/fetch`` about the kept one.
- ``metrics``: ``video/query`` (views, likes, comments, shares).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, ClassVar
from urllib.parse import urlencode, urlsplit

from essplanner.publishers.base import (
    TOKEN_EXPIRES_AT,
    AccountCheck,
    AccountField,
    AccountInfo,
    BasePublisher,
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
    RetryableError,
)
from essplanner.publishers.http import HttpClient, check_api_url, is_loopback_host
from essplanner.publishers.i18n import N_, tr
from essplanner.publishers.oauth import (
    REGISTERED_PORT,
    LoopbackRedirect,
    new_state,
    parse_time,
    pkce_pair,
)
from essplanner.publishers.rules import LinkHandling, PlatformRules, Problem, TextCounting
from essplanner.publishers.tiktok import upload as transfer
from essplanner.publishers.tiktok.api import (
    ACCESS_EXPIRES,
    API_URL,
    APP_SECRET,
    CREATOR_INFO_PATH,
    DIRECT_INIT_PATH,
    INBOX_INIT_PATH,
    REFRESH,
    SCOPES,
    STATUS_PATH,
    TOKEN_PATH,
    USER_INFO_PATH,
    VIDEO_QUERY_PATH,
    TikTokApi,
    authorize_url,
    body_of,
    error_of,
    expiries,
    raise_for_tiktok,
)
from essplanner.publishers.validation import validate_with_rules

REDIRECT_PORT = REGISTERED_PORT
TEXT_LIMIT = 2200
MAX_VIDEO_BYTES = 4 * 1024 ** 3
VIDEO_TYPES = frozenset({"video/mp4", "video/quicktime", "video/webm"})
#: how long one publish waits for TikTok to process the video before trying later
PROCESSING_WAIT = timedelta(minutes=3)
POLL_INTERVALS = (2.0, 3.0, 5.0, 5.0, 10.0)
MAX_POLLS = 40

# the target's options (what the person chose in the editor's TikTok panel)
MODE = "mode"  # "direct" | "inbox" (also an account setting)
PRIVACY = "privacy_level"
ALLOW_COMMENT = "allow_comment"
ALLOW_DUET = "allow_duet"
ALLOW_STITCH = "allow_stitch"
DISCLOSE = "disclose"
YOUR_BRAND = "your_brand"
BRANDED_CONTENT = "branded_content"
DIRECT = "direct"
INBOX = "inbox"
SELF_ONLY = "SELF_ONLY"
DONE = {DIRECT: "PUBLISH_COMPLETE", INBOX: "SEND_TO_USER_INBOX"}


@dataclass(frozen=True)
class CreatorInfo:
    """What ``creator_info/query`` says of the account, as the editor must show it."""

    username: str
    nickname: str
    avatar_url: str
    privacy_level_options: tuple[str, ...]
    comment_disabled: bool
    duet_disabled: bool
    stitch_disabled: bool
    max_video_post_duration_sec: int | None

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> CreatorInfo:
        limit = data.get("max_video_post_duration_sec")
        return cls(
            username=str(data.get("creator_username") or ""),
            nickname=str(data.get("creator_nickname") or ""),
            avatar_url=str(data.get("creator_avatar_url") or ""),
            privacy_level_options=tuple(str(o) for o in data.get("privacy_level_options") or ()),
            comment_disabled=bool(data.get("comment_disabled")),
            duet_disabled=bool(data.get("duet_disabled")),
            stitch_disabled=bool(data.get("stitch_disabled")),
            max_video_post_duration_sec=limit if isinstance(limit, int) and limit > 0
            else None)

    def as_dict(self) -> dict[str, Any]:
        return {"username": self.username, "nickname": self.nickname,
                "avatar_url": self.avatar_url,
                "privacy_level_options": list(self.privacy_level_options),
                "comment_disabled": self.comment_disabled, "duet_disabled": self.duet_disabled,
                "stitch_disabled": self.stitch_disabled,
                "max_video_post_duration_sec": self.max_video_post_duration_sec}


def mode_of(request: PublishRequest | None, account: AccountInfo) -> str:
    """Direct Post or inbox, for this target (its option) or the account (its setting)."""
    chosen = str((request.options.get(MODE) if request is not None else None)
                 or account.settings.get(MODE) or DIRECT)
    return INBOX if chosen == INBOX else DIRECT


def _on(value: object) -> bool:
    return value is True or str(value).lower() in ("1", "true", "yes", "on")


def _file_key(item: MediaFile) -> str:
    return item.checksum or hashlib.sha256(str(item.path).encode()).hexdigest()[:16]


class TikTokPublisher(BasePublisher):
    platform: ClassVar[str] = "tiktok"
    display_name: ClassVar[str] = "TikTok"
    default_api_url: ClassVar[str] = API_URL
    needs_client_app: ClassVar[bool] = True
    client_secret_required: ClassVar[bool] = True
    account_fields: ClassVar[tuple[AccountField, ...]] = (
        AccountField("secret", N_("Access token"), FieldKind.SECRET, required=False,
                     help=N_("Leave empty to connect through the browser with the client key "
                             "and client secret of the association's TikTok developer app "
                             "(see the TikTok guide).")),
        AccountField(MODE, N_("How to post"), FieldKind.SETTING, required=False,
                     placeholder=DIRECT,
                     help=N_("direct: the video is posted on the profile (Direct Post); "
                             "inbox: it is sent to the TikTok app's inbox, where you finish "
                             "and post it.")),
    )
    RULES: ClassVar[PlatformRules] = PlatformRules(
        platform="tiktok",
        display_name="TikTok",
        text_limit=TEXT_LIMIT,
        counting=TextCounting.UTF16,
        max_images=0,
        min_media=1,
        supports_alt_text=False,
        link_handling=LinkHandling.NOT_CLICKABLE,
        supports_video=True,
        text_required=False,
    )

    def __init__(self, *, redirect_port: int = REDIRECT_PORT,
                 chunk_size: int = transfer.DEFAULT_CHUNK) -> None:
        self.redirect_port = redirect_port
        self.chunk_size = chunk_size

    # ------------------------------------------------------------ validation ---

    def validate(self, request: PublishRequest) -> list[Problem]:
        problems = validate_with_rules(self.rules(request.account), request)
        videos = [m for m in request.media if m.is_video]
        if len(videos) > 1:
            problems.append(Problem("tiktok_one_video", tr(
                "TikTok takes one video per post here."), "media"))
        for item in videos:
            if item.mime_type not in VIDEO_TYPES:
                problems.append(Problem("video_type", tr(
                    "TikTok takes MP4, MOV or WebM videos; {name} is {type}.",
                    name=item.path.name, type=item.mime_type), "media"))
            if item.size > MAX_VIDEO_BYTES:
                problems.append(Problem("video_too_large", tr(
                    "The video {name} is over 4 GB, TikTok's limit.", name=item.path.name),
                    "media"))
            limit = request.options.get("max_video_post_duration_sec")
            if (isinstance(limit, int) and item.duration is not None
                    and item.duration > limit):
                problems.append(Problem("video_too_long", tr(
                    "The video lasts {duration} s; this TikTok account may post videos of at "
                    "most {limit} s.", duration=f"{item.duration:.0f}", limit=limit), "media"))
        if mode_of(request, request.account) == DIRECT:
            problems.extend(_choice_problems(request.options))
        return problems

    # ------------------------------------------------------------ creator ---

    def creator_info(self, context: PublisherContext) -> CreatorInfo:
        """``creator_info/query``: who posts, and what TikTok lets them choose now."""
        return self._creator(TikTokApi(context))

    @staticmethod
    def _creator(api: TikTokApi) -> CreatorInfo:
        return CreatorInfo.from_data(api.call(CREATOR_INFO_PATH, payload={}))

    # ------------------------------------------------------------ publishing ---

    def publish(self, request: PublishRequest, context: PublisherContext) -> Receipt:
        self.ensure_valid(request)
        [item] = [m for m in request.media if m.is_video]
        api = TikTokApi(context)
        mode = mode_of(request, context.account)
        size = item.size or item.path.stat().st_size
        key = _file_key(item)
        session = context.uploads.get()
        if session is not None and not transfer.same_upload(session, size, key, mode):
            context.uploads.clear()  # another file, or another mode: that upload is not ours
            session = None
        creator: CreatorInfo | None = None
        if session is None:
            if mode == DIRECT:
                creator = self._creator(api)
                self._check_choices(request, item, creator)
            session = self._init(api, request, item, size, key, mode, creator)
            context.uploads.put(session)
        else:
            done = self._resume_point(api, context, session)
            if isinstance(done, Receipt):
                return done
        self._send_chunks(context, item, session)
        return self._wait(api, context, session, username=self._username(creator, context))

    def _check_choices(self, request: PublishRequest, item: MediaFile,
                       creator: CreatorInfo) -> None:
        privacy = str(request.options.get(PRIVACY) or "")
        if privacy not in creator.privacy_level_options:
            raise PermanentError(tr(
                "TikTok no longer offers this account the privacy chosen for the video: open "
                "the post, choose who can see it again, and schedule it again."))
        limit = creator.max_video_post_duration_sec
        if limit is not None and item.duration is not None and item.duration > limit:
            raise PermanentError(tr(
                "The video lasts {duration} s; this TikTok account may post videos of at most "
                "{limit} s.", duration=f"{item.duration:.0f}", limit=limit))

    def _init(self, api: TikTokApi, request: PublishRequest, item: MediaFile, size: int,
              key: str, mode: str, creator: CreatorInfo | None) -> dict[str, Any]:
        chunk_size, count = transfer.plan(size, self.chunk_size)
        source = {"source": "FILE_UPLOAD", "video_size": size, "chunk_size": chunk_size,
                  "total_chunk_count": count}
        payload: dict[str, Any] = {"source_info": source}
        if mode == DIRECT:
            assert creator is not None
            options = request.options
            branded = _on(options.get(DISCLOSE)) and _on(options.get(BRANDED_CONTENT))
            payload["post_info"] = {
                "title": request.text,
                "privacy_level": str(options.get(PRIVACY)),
                "disable_comment": creator.comment_disabled or not _on(
                    options.get(ALLOW_COMMENT)),
                "disable_duet": creator.duet_disabled or not _on(options.get(ALLOW_DUET)),
                "disable_stitch": creator.stitch_disabled or not _on(
                    options.get(ALLOW_STITCH)),
                "brand_content_toggle": branded,
                "brand_organic_toggle": _on(options.get(DISCLOSE)) and _on(
                    options.get(YOUR_BRAND)),
            }
        # Nothing is posted before every byte arrived: a lost answer to the init leaves an
        # empty upload that TikTok drops, so it is sent again without risk.
        data = api.call(DIRECT_INIT_PATH if mode == DIRECT else INBOX_INIT_PATH,
                        payload=payload, changes_state=False)
        publish_id = str(data.get("publish_id") or "")
        upload_url = str(data.get("upload_url") or "")
        if not publish_id or not upload_url:
            raise RetryableError(tr("TikTok did not say where to send the video."))
        _check_upload_url(upload_url)
        api.context.logger.info("TikTok upload %s begins: %d bytes in %d chunks", publish_id,
                                size, count)
        return {"publish_id": publish_id, "upload_url": upload_url, "size": size,
                "chunk_size": chunk_size, "chunks": count, "next": 0, "mode": mode,
                "checksum": key, "username": creator.username if creator else ""}

    def _status(self, api: TikTokApi, publish_id: str) -> dict[str, Any]:
        return api.call(STATUS_PATH, payload={"publish_id": publish_id})

    def _resume_point(self, api: TikTokApi, context: PublisherContext,
                      session: dict[str, Any]) -> Receipt | None:
        """Where a kept upload goes on, as TikTok tells: the chunk after the bytes it holds
        (a receipt when it is already done)."""
        status = self._status(api, str(session["publish_id"]))
        state = str(status.get("status") or "")
        if state in (DONE[DIRECT], DONE[INBOX]) or state == "FAILED":
            return self._finish(context, session, status)
        uploaded = status.get("uploaded_bytes")
        chunk_size, count = int(session["chunk_size"]), int(session["chunks"])
        if isinstance(uploaded, int) and not isinstance(uploaded, bool):
            session["next"] = min(count, uploaded // chunk_size) if uploaded < int(
                session["size"]) else count
        context.logger.info("TikTok upload %s resumes at chunk %d of %d",
                            session["publish_id"], int(session["next"]) + 1, count)
        return None

    def _send_chunks(self, context: PublisherContext, item: MediaFile,
                     session: dict[str, Any]) -> None:
        size, chunk_size, count = (int(session["size"]), int(session["chunk_size"]),
                                   int(session["chunks"]))
        context.uploads.progress(min(size, int(session["next"]) * chunk_size), size)
        for index in range(int(session["next"]), count):
            first, last = transfer.chunk_range(index, size, chunk_size, count)
            body = transfer.FileSlice(item.path, first, last)
            final = index == count - 1
            try:
                response = context.http.request(
                    "PUT", str(session["upload_url"]), data=body, changes_state=final,
                    headers={"Content-Type": item.mime_type,
                             "Content-Length": str(len(body)),
                             "Content-Range": f"bytes {first}-{last}/{size}"})
            except AmbiguousError as exc:
                raise AmbiguousError(tr(
                    "{reason} The whole video had been sent to TikTok; the app will ask TikTok "
                    "about it before doing anything else.", reason=exc.message)) from exc
            except RetryableError as exc:
                raise RetryableError(tr(
                    "The upload of the video to TikTok was cut at {percent}% ({reason}); it "
                    "will go on from there.", percent=first * 100 // size,
                    reason=exc.message), retry_after=exc.retry_after) from exc
            finally:
                body.close()
            if response.status_code not in (200, 201, 206):
                raise_for_tiktok(context.http, response, changes_state=final)
                raise PermanentError(tr("TikTok refused a part of the video (HTTP {status}).",
                                        status=response.status_code))
            session["next"] = index + 1
            context.uploads.put(session)
            context.uploads.progress(last + 1, size)

    def _wait(self, api: TikTokApi, context: PublisherContext, session: dict[str, Any], *,
              username: str) -> Receipt:
        deadline = context.clock() + PROCESSING_WAIT
        for poll in range(MAX_POLLS):
            status = self._status(api, str(session["publish_id"]))
            receipt = self._finish(context, session, status, username=username)
            if receipt is not None:
                return receipt
            if context.clock() >= deadline:
                break
            context.sleep(POLL_INTERVALS[min(poll, len(POLL_INTERVALS) - 1)])
        raise RetryableError(tr(
            "TikTok is still processing the video; the app will ask again in a few minutes "
            "(nothing is sent twice)."), retry_after=120.0)

    def _finish(self, context: PublisherContext, session: Mapping[str, Any],
                status: Mapping[str, Any], *, username: str = "") -> Receipt | None:
        """The receipt when TikTok is done; a clear error when it failed; else None."""
        state = str(status.get("status") or "")
        publish_id = str(session["publish_id"])
        if state == "FAILED":
            context.uploads.clear()
            raise PermanentError(tr("TikTok could not publish the video: {reason}",
                                    reason=_fail_text(str(status.get("fail_reason") or ""))))
        if state == DONE[INBOX]:
            # The session stays until the service has recorded the post as published (it
            # clears it then): a crash before that finds the post again by its publish_id.
            return Receipt(remote_id=publish_id, extra={"publish_id": publish_id,
                                                        "inbox": True})
        if state != DONE[DIRECT]:
            return None
        ids = status.get("publicaly_available_post_id") or status.get(
            "publicly_available_post_id") or []
        post_id = str(ids[0]) if isinstance(ids, list) and ids else ""
        username = username or str(session.get("username") or "") or str(
            context.account.settings.get("username") or "")
        url = (f"https://www.tiktok.com/@{username}/video/{post_id}"
               if post_id and username else None)
        context.logger.info("TikTok upload %s published", publish_id)
        return Receipt(remote_id=post_id or publish_id, remote_url=url,
                       extra={"publish_id": publish_id})

    @staticmethod
    def _username(creator: CreatorInfo | None, context: PublisherContext) -> str:
        if creator is not None and creator.username:
            return creator.username
        return str(context.account.settings.get("username") or "")

    def lookup(self, request: PublishRequest, context: PublisherContext) -> Receipt | None:
        """The kept ``publish_id`` names our post: TikTok says where it is. No kept
        upload: no upload began with an answer, and nothing is posted before every
        byte arrived."""
        session = context.uploads.get()
        if not session or not session.get("publish_id"):
            return None
        api = TikTokApi(context)
        status = self._status(api, str(session["publish_id"]))
        state = str(status.get("status") or "")
        if state == "FAILED":
            return None  # publish() tells why, and nothing is sent again
        receipt = self._finish(context, session, status)
        if receipt is not None:
            return receipt
        uploaded = status.get("uploaded_bytes")
        if (state == "PROCESSING_UPLOAD" and isinstance(uploaded, int)
                and uploaded < int(session.get("size") or 0)):
            return None  # not every byte arrived: not posted; publish() resumes the upload
        return self._wait(api, context, dict(session), username="")

    # ------------------------------------------------------------ metrics ---

    def metrics(self, receipt: Receipt, context: PublisherContext) -> Mapping[str, float] | None:
        api = TikTokApi(context)
        video_id = receipt.remote_id
        if not video_id.isdigit():  # a publish id: the public id comes after moderation
            status = self._status(api, video_id)
            ids = status.get("publicaly_available_post_id") or []
            if not isinstance(ids, list) or not ids:
                return None
            video_id = str(ids[0])
        data = api.call(VIDEO_QUERY_PATH, payload={"filters": {"video_ids": [video_id]}},
                        params={"fields": "id,view_count,like_count,comment_count,"
                                          "share_count"})
        videos = data.get("videos") or []
        if not videos or not isinstance(videos[0], dict):
            return None
        names = {"view_count": "views", "like_count": "likes", "comment_count": "replies",
                 "share_count": "reposts"}
        video = videos[0]
        return {name: float(video[key]) for key, name in names.items()
                if isinstance(video.get(key), int | float) and not isinstance(video[key], bool)}

    # ------------------------------------------------------------ account ---

    def check_account(self, context: PublisherContext) -> AccountCheck:
        api = TikTokApi(context)
        me = api.call(USER_INFO_PATH, method="GET",
                      params={"fields": "open_id,display_name,avatar_url"}).get("user") or {}
        settings: dict[str, Any] = {}
        handle = str(me.get("display_name") or "")
        if mode_of(None, context.account) == DIRECT:
            creator = self._creator(api)
            if creator.username:
                handle = f"@{creator.username}"
                settings["username"] = creator.username
        end = _expiry(context)
        return AccountCheck(handle=handle, display_name=str(me.get("display_name") or ""),
                            token_expires_at=end, settings=settings)

    def browser_login(self, *, api_url: str, http: HttpClient, open_url: Callable[[str], None],
                      timeout: float = 300.0, cancelled: Callable[[], bool] | None = None,
                      client: ClientApp) -> Credentials:
        """Login Kit for desktop: consent in the browser, the code back on the registered
        loopback address, exchanged with the PKCE verifier and the client secret."""
        if not client.client_secret:
            raise PermanentError(tr("TikTok needs the client secret of the developer app too "
                                    "(App details › Credentials): give it and connect again."))
        base = check_api_url(api_url or API_URL)
        with LoopbackRedirect(port=self.redirect_port) as redirect:
            verifier, challenge = desktop_pkce_pair()
            state = new_state()
            open_url(authorize_url(base) + "?" + urlencode({
                "client_key": client.client_id, "response_type": "code",
                "scope": ",".join(SCOPES), "redirect_uri": redirect.redirect_uri,
                "state": state, "code_challenge": challenge,
                "code_challenge_method": "S256"}))
            code = redirect.wait_for_code(state, timeout=timeout, cancelled=cancelled)
            answer = http.post(f"{base}{TOKEN_PATH}", changes_state=False, data={
                "client_key": client.client_id, "client_secret": client.client_secret,
                "code": code, "grant_type": "authorization_code",
                "redirect_uri": redirect.redirect_uri, "code_verifier": verifier})
        err, message = error_of(answer)
        if answer.status_code >= 400 or err not in ("ok", ""):
            raise AuthError(tr("TikTok refused the connection: {reason}",
                               reason=message or err), http_status=answer.status_code)
        body = body_of(answer)
        access = str(body.get("access_token") or "")
        if not access:
            raise AuthError(tr("TikTok gave no login in its answer: connect again."))
        granted = set(str(body.get("scope") or "").replace(" ", ",").split(","))
        if "video.publish" in granted:
            mode = DIRECT
        elif "video.upload" in granted:
            mode = INBOX
        else:
            raise PermanentError(tr(
                "TikTok did not grant video.publish nor video.upload: add the Content "
                "Posting API product to the developer app (see the TikTok guide) and connect "
                "again."))
        now = http.clock()
        access_end, login_end = expiries(body, now)
        headers = {"Authorization": f"Bearer {access}"}
        me_answer = http.get(f"{base}{USER_INFO_PATH}", headers=headers,
                             params={"fields": "open_id,display_name,avatar_url"})
        raise_for_tiktok(http, me_answer)
        me = (body_of(me_answer).get("data") or {}).get("user") or {}
        settings: dict[str, Any] = {"client_id": client.client_id, MODE: mode,
                                    "open_id": str(body.get("open_id") or ""),
                                    ACCESS_EXPIRES: access_end.isoformat(),
                                    TOKEN_EXPIRES_AT: login_end.isoformat()}
        handle = str(me.get("display_name") or "")
        if mode == DIRECT:
            info = http.post(f"{base}{CREATOR_INFO_PATH}", headers=headers, json={},
                             changes_state=False)
            raise_for_tiktok(http, info)
            creator = CreatorInfo.from_data(body_of(info).get("data") or {})
            if creator.username:
                settings["username"] = creator.username
                handle = f"@{creator.username}"
        vault = {APP_SECRET: client.client_secret}
        if isinstance(body.get("refresh_token"), str) and body["refresh_token"]:
            vault[REFRESH] = str(body["refresh_token"])
        return Credentials(secret=access, handle=handle, vault=vault, settings=settings)


def desktop_pkce_pair() -> tuple[str, str]:
    """A PKCE verifier and the challenge TikTok's desktop flow wants: the SHA-256 of the
    verifier in hexadecimal."""
    verifier, _challenge = pkce_pair()
    return verifier, hashlib.sha256(verifier.encode("ascii")).hexdigest()


def _choice_problems(options: Mapping[str, Any]) -> list[Problem]:
    """What the person must choose in the editor before a Direct Post is scheduled."""
    problems: list[Problem] = []
    privacy = str(options.get(PRIVACY) or "")
    if not privacy:
        problems.append(Problem("tiktok_privacy", tr(
            "Choose who can see the video on TikTok: no choice is made for you."), "options"))
    if _on(options.get(DISCLOSE)):
        if not (_on(options.get(YOUR_BRAND)) or _on(options.get(BRANDED_CONTENT))):
            problems.append(Problem("tiktok_disclosure", tr(
                "You need to indicate if your content promotes yourself, a third party, or "
                "both."), "options"))
        if _on(options.get(BRANDED_CONTENT)) and privacy == SELF_ONLY:
            problems.append(Problem("tiktok_branded_private", tr(
                "Branded content visibility cannot be set to private."), "options"))
    return problems


def _check_upload_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme != "https" and not (parts.scheme == "http"
                                        and is_loopback_host(parts.hostname or "")):
        raise PermanentError(tr("TikTok gave an upload address that is not secure: nothing "
                                "was sent."))


def _expiry(context: PublisherContext) -> datetime | None:
    return parse_time(context.account.settings.get(TOKEN_EXPIRES_AT))


_FAIL_REASONS = {
    "file_format_check_failed": N_("TikTok does not accept the video's format."),
    "duration_check_failed": N_("the video is too long or too short for TikTok."),
    "frame_rate_check_failed": N_("the video's frame rate is not accepted by TikTok "
                                  "(23 to 60 frames per second)."),
    "picture_size_check_failed": N_("the video's picture size is not accepted by TikTok."),
    "internal": N_("TikTok had an internal problem."),
    "video_pull_failed": N_("TikTok could not fetch the video."),
    "publish_cancelled": N_("the post was cancelled in TikTok."),
    "auth_removed": N_("the account withdrew the app's access."),
    "spam_risk_too_many_posts": N_("the account has posted too many times today."),
    "spam_risk_user_banned_from_posting": N_("the account is banned from posting."),
    "spam_risk_text": N_("TikTok found the text to be a spam risk."),
    "spam_risk": N_("TikTok found the post to be a spam risk."),
}


def _fail_text(reason: str) -> str:
    known = _FAIL_REASONS.get(reason)
    if not known:
        return reason or tr("no reason given")
    text = tr(known)
    return f"{text} ({reason})"
