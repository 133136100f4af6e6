"""Facebook Page posts: text, link, one photo, several photos, with alt text.

Graph API (PLATFORMS.md §5), the Page's own access token (a Page token made from a
long-lived user token does not expire), the Page id in the setting ``page_id``.

- text / link: ``POST /{page}/feed`` (``link`` makes Facebook build the preview);
- one photo: ``POST /{page}/photos`` multipart ``source`` with ``message`` and
  ``alt_text_custom``;
- several photos: each ``POST /{page}/photos`` with ``published=false``, then one
  ``POST /{page}/feed`` with ``attached_media[i]={"media_fbid": id}``.

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
    PublisherContext,
    PublishRequest,
    Receipt,
)
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
from essplanner.publishers.rules import LinkHandling, PlatformRules, TextCounting
from essplanner.publishers.state import TargetState

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
        supports_video=False,
        # Page videos (Graph API /{page-id}/videos): up to 4 hours and 10 GB
        video_types=frozenset({"video/mp4", "video/quicktime"}),
        max_video_seconds=4 * 3600,
        max_video_bytes=10_000_000_000,
    )

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
