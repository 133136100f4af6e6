"""Facebook Page posts: text, link, one photo, several photos, with alt text.

Graph API (PLATFORMS.md §5), the Page's own access token (a Page token made from a
long-lived user token does not expire), the Page id in the setting ``page_id``.

- text / link: ``POST /{page}/feed`` (``link`` makes Facebook build the preview);
- one photo: ``POST /{page}/photos`` multipart ``source`` with ``message`` and
  ``alt_text_custom``;
- several photos: each ``POST /{page}/photos`` with ``published=false``, then one
  ``POST /{page}/feed`` with ``attached_media[i]={"media_fbid": id}``;
- one video: the resumable upload of ``POST /{page}/videos`` on graph-video.facebook.com:
  ``upload_phase=start`` with ``file_size`` gives the video's id, an upload session and the
  first range to send (``start_offset``/``end_offset``); each ``transfer`` sends the range
  asked for (``video_file_chunk``) and gets the next one, until both offsets are equal;
  ``finish`` with the description and title publishes the video made at start.

A video's upload session is kept in ``context.uploads`` (the database, for the service)
as soon as Meta gives it and after each range it acknowledged, so an upload cut by a
crash, a network cut or a sleep resumes where Meta says: a range sent again that Meta
already has is answered with error subcode 1363037 and, in ``error_data``, the offsets
Meta expects next. The video exists from ``start`` on; ``finish`` only publishes it, so
repeating a ``finish`` whose answer was lost cannot make a second video (it is looked
up first all the same).

No idempotency key exists on Facebook. What keeps a post single: the time of the
first creating request is recorded for the target (:class:`TargetState`) before it
is sent; any later attempt, and ``lookup``, first looks among the Page's recent
posts for one with the same text created since then.

**506 "duplicate"** means a post with the same text is already on the Page — not
that *this* attempt made it (someone may have posted it by hand, or an older
post may repeat it). It counts as our post only when that post appeared after our
own first send for this target; otherwise nothing is published and the volunteer
is told why, with a link to the other post.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from contextlib import ExitStack
from datetime import datetime, timedelta
from typing import Any, ClassVar

from essplanner.publishers.base import (
    AccountCheck,
    AccountField,
    FieldKind,
    MediaFile,
    PublisherContext,
    PublishRequest,
    Receipt,
)
from essplanner.publishers.chunks import FileRange, MultipartRange
from essplanner.publishers.errors import (
    AmbiguousError,
    PermanentError,
    PublishError,
    RetryableError,
)
from essplanner.publishers.i18n import N_, tr
from essplanner.publishers.meta.graph import (
    DuplicatePost,
    GraphClient,
    creating,
    parse_time,
    same_text,
    text_digest,
)
from essplanner.publishers.meta.graphtoken import refuse_if_expired
from essplanner.publishers.meta.mediahost import clean_leftovers
from essplanner.publishers.meta.metabase import MetaPublisher
from essplanner.publishers.rules import (
    LinkHandling,
    PlatformRules,
    Problem,
    TextCounting,
)
from essplanner.publishers.state import TargetState

VIDEO_TYPES = frozenset({"video/mp4", "video/quicktime"})
MAX_VIDEO_BYTES = 10_000_000_000  # 10 GB
MAX_VIDEO_SECONDS = 240 * 60  # 240 minutes
WRONG_OFFSET = 1363037  # a transfer at another offset than Meta expects; error_data tells it
SETTLE = 20.0  # seconds for a new post to show in the Page's list (lookup waits that long)
MARGIN = timedelta(minutes=2)  # clock differences between us and Meta


class FacebookPublisher(MetaPublisher):
    platform: ClassVar[str] = "facebook"
    display_name: ClassVar[str] = "Facebook"
    account_fields: ClassVar[tuple[AccountField, ...]] = (
        AccountField("secret", N_('Page access token'), FieldKind.SECRET,
                     help=N_('A long-lived Page token. The simplest way: `essplanner meta connect` exchanges a user token and picks the Page for you (see the guide).')),
        AccountField('page_id', N_('Page id'), FieldKind.SETTING,
                     help=N_("The numeric id of the association's Facebook Page (shown by `essplanner meta connect`, or in the Page's About section).")),
    )
    NEEDED_SCOPES: ClassVar[tuple[str, ...]] = ("pages_manage_posts", "pages_read_engagement")
    RULES: ClassVar[PlatformRules] = PlatformRules(
        platform="facebook",
        display_name="Facebook",
        text_limit=63206,
        counting=TextCounting.CODE_POINTS,
        max_images=10,
        image_types=frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"}),
        max_image_bytes=10_000_000,
        supports_alt_text=True,
        link_handling=LinkHandling.PREVIEW,
        supports_video=True,
        # Page videos (Graph API /{page-id}/videos): up to 4 hours and 10 GB
        video_types=VIDEO_TYPES,
        max_video_seconds=MAX_VIDEO_SECONDS,
        max_video_bytes=MAX_VIDEO_BYTES,
    )

    # ------------------------------------------------------------ validate ---

    def validate(self, request: PublishRequest) -> list[Problem]:
        problems = super().validate(request)
        videos = [(i, m) for i, m in enumerate(request.media) if m.is_video]
        if not videos:
            return problems
        # A video's alternative text is not a Facebook field: not asked for.
        problems = [p for p in problems if not (p.code == "alt_text_missing"
                                                and p.index in {i for i, _m in videos})]
        if len(request.media) > 1:
            problems.append(Problem("video_alone", tr(
                "A Facebook video post has one video and nothing else; this post has {count} "
                "files.", count=len(request.media)), "media"))
        # type, size and duration: the rules' video limits (RULES, checked above)
        return problems

    # ------------------------------------------------------------ publish ---

    def publish(self, request: PublishRequest, context: PublisherContext) -> Receipt:
        self.ensure_valid(request)
        refuse_if_expired(context.account.settings, platform=self.display_name,
                          now=context.clock())
        client = self.client(context)
        page = self.setting(context, "page_id")
        state = self.state(context)
        clean_leftovers(context, platform=self.display_name, state=state)
        key = request.idempotency_key
        record = state.get(key) or {}
        if record.get("post_id"):
            return self._receipt(client, str(record["post_id"]))
        if request.media and request.media[0].is_video:
            video_id = self._upload_video(client, page, request, context)
            state.update(key, post_id=video_id, done=True)
            context.uploads.clear()
            return self._receipt(client, video_id)
        earlier = parse_time(record.get("sent_at"))
        sent = [str(d) for d in record.get("sent_texts") or []]
        if earlier is not None:
            # An earlier attempt sent the post and heard nothing back: look before re-sending
            # (for the text sent then too: the post may have been edited since).
            found = self._find(client, page, request, since=earlier - MARGIN, also=sent)
            if found is not None:
                return self._done(client, state, key, found)
        digest = text_digest(request.text)
        state.update(key, sent_at=record.get("sent_at") or context.clock().isoformat(),
                     sent_texts=[*sent, digest] if digest not in sent else sent)
        try:
            post_id = self._send(client, page, request)
        except DuplicatePost:
            if earlier is not None:
                found = self._find(client, page, request, since=earlier - MARGIN, also=sent)
                if found is not None:
                    return self._done(client, state, key, found)
            other = self._find(client, page, request, since=None)
            if earlier is None:
                state.delete(key)
            where = str(other.get("permalink_url") or "") if other else ""
            raise PermanentError(tr(
                "Facebook refused the post as a duplicate: a post with the same text is already "
                "on the Page{where}. Nothing was published; change the text or delete the other "
                "post, then retry.", where=f" ({where})" if where else ""), http_status=400
            ) from None
        except PermanentError:
            if earlier is None:
                state.delete(key)  # refused at the first send: nothing exists, start afresh
            # else keep when the earlier, unanswered send left: a retry looks for it first
            raise
        state.update(key, post_id=post_id, done=True)
        return self._receipt(client, post_id)

    def _send(self, client: GraphClient, page: str, request: PublishRequest) -> str:
        text = request.text
        images = list(request.media)
        if not images:
            data: dict[str, Any] = {"message": text}
            if request.link:
                data["link"] = request.link
            return str(client.post(f"{page}/feed", data)["id"])
        if len(images) == 1:
            item = images[0]
            with item.path.open("rb") as fh:
                body = client.post(
                    f"{page}/photos",
                    {"message": text, "alt_text_custom": item.alt_text, "published": "true"},
                    files={"source": (item.path.name, fh, item.mime_type)},
                )
            return str(body.get("post_id") or body["id"])
        photo_ids: list[str] = []
        with ExitStack() as stack:
            for item in images:
                fh = stack.enter_context(item.path.open("rb"))
                # An unpublished photo is not a post: a lost answer is safe to retry.
                body = creating(
                    client.post, f"{page}/photos",
                    {"published": "false", "alt_text_custom": item.alt_text},
                    files={"source": (item.path.name, fh, item.mime_type)},
                )
                photo_ids.append(str(body["id"]))
        data = {"message": text}
        for index, photo in enumerate(photo_ids):
            data[f"attached_media[{index}]"] = json.dumps({"media_fbid": photo})
        return str(client.post(f"{page}/feed", data)["id"])

    # ------------------------------------------------------------ video ---

    def _upload_video(self, client: GraphClient, page: str, request: PublishRequest,
                      context: PublisherContext) -> str:
        """Upload (or resume) and publish the post's video; its id."""
        item = request.media[0]
        size = item.path.stat().st_size
        url = f"{video_host(client.base_url)}/{page}/videos"
        uploads = context.uploads
        session = uploads.get()
        if session is not None and (session.get("file_size") != size
                                    or session.get("checksum") != item.checksum):
            uploads.clear()  # another file since: that upload is of no use
            session = None
        if session is not None and session.get("finishing"):
            published = self._video_if_published(client, str(session["video_id"]))
            if published is not None:
                return published
        if session is None:
            body = creating(client.post, url, {"upload_phase": "start", "file_size": str(size)})
            session = {"video_id": str(body["video_id"]),
                       "upload_session_id": str(body["upload_session_id"]),
                       "start_offset": int(body["start_offset"]),
                       "end_offset": int(body["end_offset"]),
                       "file_size": size, "checksum": item.checksum}
            uploads.put(session)
        start, end = int(session["start_offset"]), int(session["end_offset"])
        uploads.progress(start, size)
        while start < end:
            start, end = self._transfer(client, url, str(session["upload_session_id"]),
                                        item, start, end, size)
            session.update(start_offset=start, end_offset=end)
            uploads.put(session)
            uploads.progress(start, size)
        session["finishing"] = True
        uploads.put(session)  # from here on, the video may be published: look before finishing
        data = {"upload_phase": "finish", "upload_session_id": str(session["upload_session_id"]),
                "description": request.text, "published": "true"}
        if request.title:
            data["title"] = request.title
        try:
            client.post(url, data)
        except AmbiguousError:
            try:
                published = self._video_if_published(client, str(session["video_id"]))
            except PublishError:
                published = None
            if published is None:
                raise  # the service looks it up before anything more is sent
            return published
        return str(session["video_id"])

    def _transfer(self, client: GraphClient, url: str, session_id: str, item: MediaFile,
                  start: int, end: int, size: int) -> tuple[int, int]:
        """Send bytes ``start``–``end``; the next range Meta asks for."""
        if not 0 <= start < end <= size:
            raise PermanentError(tr(
                "Facebook asked for bytes {start} to {end} of a {size}-byte video: the upload "
                "cannot go on. Retry the post to start it again.", start=start, end=end,
                size=size))
        body = MultipartRange(
            {"upload_phase": "transfer", "upload_session_id": session_id,
             "start_offset": str(start)},
            "video_file_chunk", item.path.name, item.mime_type, FileRange(item.path, start, end))
        try:
            response = client.http.request(
                "POST", url, data=body,
                headers={"Authorization": f"Bearer {client.token}",
                         "Content-Type": body.content_type},
                params={"appsecret_proof": client.proof} if client.proof else None)
        except AmbiguousError as exc:  # a range sent twice is refused with where to resume
            raise RetryableError(exc.message) from None
        finally:
            body.close()
        offsets = _expected_offsets(response)
        if offsets is not None:
            client.context.logger.info("Facebook already has the video up to byte %d: resuming "
                                       "there", offsets[0])
            return offsets
        answer = client.handle(response)
        return int(answer["start_offset"]), int(answer["end_offset"])

    def _video_if_published(self, client: GraphClient, video_id: str) -> str | None:
        """``video_id`` if the finished upload made it a published video, else None."""
        body = client.get(video_id, {"fields": "id,published,permalink_url,created_time"})
        return video_id if body.get("published") else None

    def _find(self, client: GraphClient, page: str, request: PublishRequest,
              since: datetime | None, also: list[str] | None = None) -> dict[str, Any] | None:
        """A post of the Page with our text (or one of the texts whose digests are ``also``),
        created at or after ``since``."""
        params: dict[str, Any] = {"fields": "id,message,created_time,permalink_url",
                                  "limit": 25}
        if since is not None:
            params["since"] = int(since.timestamp())
        for post in client.items(f"{page}/published_posts", params):
            created = parse_time(post.get("created_time"))
            if since is not None and created is not None and created < since:
                continue
            message = str(post.get("message") or "")
            if same_text(message, request.text) or (also and text_digest(message) in also):
                return post
        return None

    def _done(self, client: GraphClient, state: TargetState, key: str,
              post: Mapping[str, Any]) -> Receipt:
        post_id = str(post["id"])
        state.update(key, post_id=post_id, done=True)
        url = str(post.get("permalink_url") or "") or None
        return Receipt(remote_id=post_id, remote_url=url,
                       published_at=parse_time(post.get("created_time")))

    def _receipt(self, client: GraphClient, post_id: str) -> Receipt:
        url = None
        published = None
        try:
            body = client.get(post_id, {"fields": "permalink_url,created_time"})
            url = str(body.get("permalink_url") or "") or None
            published = parse_time(body.get("created_time"))
        except PublishError as exc:  # published all the same; the link is a nicety
            client.context.logger.info("permalink unavailable: %s", exc.message)
        return Receipt(remote_id=post_id, remote_url=url or f"https://www.facebook.com/{post_id}",
                       published_at=published or client.context.clock())

    def lookup(self, request: PublishRequest, context: PublisherContext) -> Receipt | None:
        client = self.client(context)
        page = self.setting(context, "page_id")
        state = self.state(context)
        record = state.get(request.idempotency_key) or {}
        if record.get("post_id"):
            return self._receipt(client, str(record["post_id"]))
        if request.media and request.media[0].is_video:
            session = context.uploads.get()
            if not session or not session.get("finishing"):
                return None  # the upload never reached its finish: nothing is published
            try:
                video_id = self._video_if_published(client, str(session["video_id"]))
            except PermanentError as exc:
                raise AmbiguousError(tr(
                    "{platform} could not be asked whether the post exists: {reason}",
                    platform=self.display_name, reason=exc.message)) from None
            if video_id is None:
                return None  # uploaded, not published: finishing again publishes this video
            state.update(request.idempotency_key, post_id=video_id, done=True)
            return self._receipt(client, video_id)
        if not request.text.strip():
            raise AmbiguousError(tr(
                "Facebook cannot tell whether a post without text was published: check the "
                "Page, then mark it published or retry."))
        sent = parse_time(record.get("sent_at"))
        if sent is None and request.scheduled_at is not None:
            sent = request.scheduled_at
        if sent is not None:
            young = SETTLE - (context.clock() - sent).total_seconds()
            if young > 0:
                self.sleeper(context)(young)  # a post made seconds ago may not be listed yet
        try:
            found = self._find(client, page, request,
                               since=sent - MARGIN if sent is not None else None,
                               also=[str(d) for d in record.get("sent_texts") or []])
        except RetryableError:
            raise  # cannot be asked right now: the service asks again later
        except PermanentError as exc:
            raise AmbiguousError(tr(
                "{platform} could not be asked whether the post exists: {reason}",
                platform=self.display_name, reason=exc.message)) from None
        if found is None:
            return None
        return self._done(client, state, request.idempotency_key, found)

    # ------------------------------------------------------------ account ---

    def check_account(self, context: PublisherContext) -> AccountCheck:
        client = self.client(context)
        page = self.setting(context, "page_id")
        profile = client.get(page, {"fields": "id,name,username,link"})
        info, warnings = self.inspect_token(client, context)
        if info is not None and info.kind and info.kind != "PAGE":
            warnings.append(tr(
                "This is a {kind} token, not the Page's own token: posts may fail or appear "
                "under a person's name. Reconnect with `essplanner meta connect`.",
                kind=info.kind.lower()))
        if info is not None and info.profile_id and info.profile_id != page:
            warnings.append(tr("The token belongs to another Page ({id}).", id=info.profile_id))
        name = str(profile.get("name") or page)
        username = str(profile.get("username") or "")
        return self.account_check(
            handle=f"@{username}" if username else name, display_name=name, info=info,
            warnings=warnings, settings={"page_name": name})

    def metrics(self, receipt: Receipt, context: PublisherContext) -> Mapping[str, float] | None:
        body = self.counters(self.client(context), receipt.remote_id, {
            "fields": "shares,reactions.summary(total_count).limit(0),"
                      "comments.summary(total_count).limit(0)"})
        if body is None:
            return None
        counts: dict[str, float] = {}
        for name in ("reactions", "comments"):
            block = body.get(name)
            summary = block.get("summary") if isinstance(block, dict) else None
            if isinstance(summary, dict) and isinstance(summary.get("total_count"), int):
                counts[name] = float(summary["total_count"])
        shares = body.get("shares")
        counts["shares"] = float(shares.get("count", 0)) if isinstance(shares, dict) else 0.0
        return counts


def video_host(base_url: str) -> str:
    """Where videos are uploaded: graph-video.facebook.com for graph.facebook.com."""
    return base_url.replace("://graph.facebook.com", "://graph-video.facebook.com", 1)


def _expected_offsets(response: Any) -> tuple[int, int] | None:
    """The range Meta expects, when it refused a transfer sent at another offset."""
    try:
        body = response.json()
    except ValueError:
        return None
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict) or error.get("error_subcode") != WRONG_OFFSET:
        return None
    data = error.get("error_data")
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except ValueError:
            return None
    if not isinstance(data, dict):
        return None
    try:
        return int(data["start_offset"]), int(data["end_offset"])
    except (KeyError, TypeError, ValueError):
        return None
