"""Bluesky (AT Protocol): posts with rich-text facets, images with alt text, link cards.

- Login with an **app password**; the session lives in the account's vault and is
  refreshed, never re-created per post (:mod:`.atproto`).
- Links, hashtags and mentions become facets with UTF-8 byte offsets; mentions are
  resolved to DIDs with ``com.atproto.identity.resolveHandle``.
- Up to 4 images with alt text, re-encoded when over the blob limit (2,000,000 bytes
  per the lexicon, and smaller again if the server answers 413), with their aspect ratio.
- A link and no image: a link card (external embed) from the page's OpenGraph tags,
  its thumbnail uploaded by us.
- The record key is the target's idempotency key (a TID, docs/decisions/0004), so
  ``lookup`` is a ``getRecord`` by key, and a retry can never create a second post.
- Metrics (likes, reposts, replies, quotes) from ``app.bsky.feed.getPosts`` through
  the AppView named in the account's ``appview_url`` setting, or through the PDS's
  proxy; a server with no AppView gives none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, ClassVar

import requests

from essplanner.publishers.base import (
    AccountCheck,
    AccountField,
    BasePublisher,
    FieldKind,
    PublisherContext,
    PublishRequest,
    Receipt,
)
from essplanner.publishers.bluesky.atproto import TOKEN_ERRORS, Session, SessionManager, xrpc_error
from essplanner.publishers.bluesky.linkcard import fetch_image, fetch_link_preview
from essplanner.publishers.errors import AmbiguousError, AuthError, PermanentError
from essplanner.publishers.http import HttpClient, check_api_url
from essplanner.publishers.i18n import N_, tr
from essplanner.publishers.media import PreparedImage, prepare_image, reencode
from essplanner.publishers.rules import LinkHandling, PlatformRules, TextCounting
from essplanner.publishers.text import (
    Span,
    byte_offsets,
    count_graphemes,
    find_hashtags,
    find_mentions,
    find_urls,
    shorten_links,
    truncate_graphemes,
)

COLLECTION = "app.bsky.feed.post"
BLOB_LIMIT = 2_000_000  # app.bsky.embed.images#image.image maxSize
THUMB_LIMIT = 1_000_000  # app.bsky.embed.external#external.thumb maxSize
TAG_MAX_GRAPHEMES = 64
CARD_TITLE_MAX = 300
CARD_DESCRIPTION_MAX = 1000
TID_RE = re.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")
WEB_URL = "https://bsky.app"


#: characters a link takes in the visible text at most (Bluesky's own apps show ~30)
LINK_TEXT_LIMIT = 30


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def build_facets(text: str, resolve: Callable[[str], str | None], *,
                 links: list[Span] | None = None) -> tuple[list[dict[str, Any]], list[str]]:
    """Facets for the links, hashtags and mentions of ``text`` (UTF-8 byte offsets), and the
    handles that could not be resolved to a DID (left as plain text). ``links``: the links
    as shown (shortened) with their full address; default: the URLs of the text."""
    facets: list[dict[str, Any]] = []
    unresolved: list[str] = []

    def add(start: int, end: int, feature: dict[str, Any]) -> None:
        byte_start, byte_end = byte_offsets(text, start, end)
        facets.append({"index": {"byteStart": byte_start, "byteEnd": byte_end},
                       "features": [feature]})

    for url in find_urls(text) if links is None else links:
        add(url.start, url.end, {"$type": "app.bsky.richtext.facet#link", "uri": url.value})
    for tag in find_hashtags(text):
        if count_graphemes(tag.value) <= TAG_MAX_GRAPHEMES:
            add(tag.start, tag.end, {"$type": "app.bsky.richtext.facet#tag", "tag": tag.value})
    for mention in find_mentions(text):
        did = resolve(mention.value.lower())
        if did:
            add(mention.start, mention.end,
                {"$type": "app.bsky.richtext.facet#mention", "did": did})
        else:
            unresolved.append(mention.value)
    facets.sort(key=lambda f: f["index"]["byteStart"])
    return facets, unresolved


class BlueskyPublisher(BasePublisher):
    platform: ClassVar[str] = "bluesky"
    display_name: ClassVar[str] = "Bluesky"
    default_api_url: ClassVar[str] = "https://bsky.social"
    RULES: ClassVar[PlatformRules] = PlatformRules(
        platform="bluesky",
        display_name="Bluesky",
        text_limit=300,
        counting=TextCounting.GRAPHEMES,
        byte_limit=3000,
        max_images=4,
        max_image_bytes=BLOB_LIMIT,
        reencode_images=True,
        supports_alt_text=True,
        alt_text_limit=2000,
        link_handling=LinkHandling.CARD,
        link_text_limit=LINK_TEXT_LIMIT,
        # Bluesky's video limits since March 2025 (for when videos are sent)
        video_types=frozenset({"video/mp4", "video/quicktime", "video/webm"}),
        max_video_seconds=3 * 60,
        max_video_bytes=100_000_000,
        video_alt_text=True,
    )
    account_fields: ClassVar[tuple[AccountField, ...]] = (
        AccountField("handle", N_("Handle"), FieldKind.HANDLE,
                     placeholder="association.bsky.social",
                     help=N_("The account's handle, without the @.")),
        AccountField("secret", N_("App password"), FieldKind.SECRET,
                     placeholder="xxxx-xxxx-xxxx-xxxx",
                     help=N_("Created in Bluesky: Settings › Privacy and security › App "
                             "passwords. Never the account's main password.")),
        AccountField("api_url", N_("Server (PDS)"), FieldKind.API_URL, required=False,
                     placeholder="https://bsky.social",
                     help=N_("Only for accounts hosted on their own server.")),
        AccountField("appview_url", N_("Statistics server (AppView)"), FieldKind.SETTING,
                     required=False, placeholder="https://public.api.bsky.app",
                     help=N_("Where likes and reposts are read; empty: through the server.")),
    )

    def __init__(self) -> None:
        self.sessions = SessionManager()

    # ---- calls
    def _call(self, context: PublisherContext, method: str, nsid: str, *,
              changes_state: bool | None = None, **kwargs: Any) -> tuple[requests.Response,
                                                                          Session]:
        """An authenticated XRPC call; an expired access token is renewed once, then retried
        (the server refused the call, so nothing was done)."""
        session = self.sessions.get(context)
        extra_headers = dict(kwargs.pop("headers", None) or {})
        for attempt in range(2):
            headers = {**extra_headers, "Authorization": f"Bearer {session.access_jwt}"}
            response = context.http.request(method, f"{session.service}/xrpc/{nsid}",
                                            headers=headers, changes_state=changes_state,
                                            **kwargs)
            name, _message = xrpc_error(response)
            if response.status_code in (400, 401) and name in TOKEN_ERRORS and attempt == 0:
                context.logger.info("Bluesky access token refused (%s); renewing", name)
                session = self.sessions.renew(context, session)
                continue
            return response, session
        raise AssertionError("unreachable")

    def _check(self, context: PublisherContext, response: requests.Response) -> None:
        name, message = xrpc_error(response)
        if response.status_code < 400:
            return
        if response.status_code == 403 or name in ("AccountTakedown", "AccountDeactivated"):
            raise AuthError(tr("Bluesky refused the account: {reason}",
                               reason=message or name), http_status=response.status_code)
        context.http.raise_for_status(response, f"{name}: {message}" if name and message
                                      else None)

    # ---- publishing
    def publish(self, request: PublishRequest, context: PublisherContext) -> Receipt:
        self.ensure_valid(request)
        rkey = request.idempotency_key
        if not TID_RE.match(rkey):
            raise PermanentError(tr("The post's key {key!r} is not a valid Bluesky record key.",
                                    key=rkey))
        session = self.sessions.get(context)
        resolved: dict[str, str | None] = {}

        def resolve(handle: str) -> str | None:
            if handle not in resolved:
                resolved[handle] = self._resolve_handle(context, session, handle)
            return resolved[handle]

        # a long tracked link reads short; its facet carries the whole address (UTM tags)
        text, links = shorten_links(request.text, LINK_TEXT_LIMIT)
        facets, unresolved = build_facets(text, resolve, links=links)
        for handle in unresolved:
            context.logger.warning("Bluesky: @%s is not a known handle; left as plain text",
                                   handle)
        record: dict[str, Any] = {
            "$type": COLLECTION,
            "text": text,
            "createdAt": _iso(context.clock()),
        }
        if request.language:
            record["langs"] = [request.language]
        if facets:
            record["facets"] = facets
        embed = self._embed(request, context)
        if embed is not None:
            record["embed"] = embed
        response, session = self._call(
            context, "POST", "com.atproto.repo.createRecord",
            json={"repo": session.did, "collection": COLLECTION, "rkey": rkey,
                  "record": record},
        )
        if response.status_code == 200:
            body = response.json()
            return self._receipt(context, session, str(body["uri"]), str(body.get("cid", "")),
                                 published_at=context.clock())
        if response.status_code >= 500:
            # A record already at our key answers 500 ("There is already a value at key");
            # so does a real server failure. The record itself tells which.
            existing = self._get_record(context, session.did, rkey)
            if existing is not None:
                context.logger.info("Bluesky: record %s was already there; not posting again",
                                    rkey)
                return self._receipt(context, session, str(existing["uri"]),
                                     str(existing.get("cid", "")))
        self._check(context, response)
        raise PermanentError(tr("The Bluesky server gave an unexpected answer ({status}).",
                                status=response.status_code))

    def _receipt(self, context: PublisherContext, session: Session, uri: str, cid: str, *,
                 published_at: datetime | None = None) -> Receipt:
        rkey = uri.rsplit("/", 1)[-1]
        web = str(context.account.settings.get("web_url") or WEB_URL).rstrip("/")
        who = session.handle or session.did
        return Receipt(remote_id=uri, remote_url=f"{web}/profile/{who}/post/{rkey}",
                       published_at=published_at, extra={"cid": cid, "rkey": rkey})

    def _resolve_handle(self, context: PublisherContext, session: Session,
                        handle: str) -> str | None:
        response = context.http.get(
            f"{session.service}/xrpc/com.atproto.identity.resolveHandle",
            params={"handle": handle})
        if response.status_code == 200:
            did = response.json().get("did")
            return str(did) if did else None
        if response.status_code == 400:
            return None  # unknown handle: plain text, not a failed post
        self._check(context, response)
        return None

    def _embed(self, request: PublishRequest, context: PublisherContext) -> dict[str, Any] | None:
        images = [m for m in request.media if m.mime_type.startswith("image/")]
        if images:
            items = []
            for item in images:
                prepared = prepare_image(item.path, mime_type=item.mime_type,
                                         max_bytes=BLOB_LIMIT,
                                         accepted_types=self.RULES.image_types)
                blob, prepared = self._upload(context, prepared, item.path.name)
                items.append({"image": blob, "alt": item.alt_text,
                              "aspectRatio": {"width": prepared.width,
                                              "height": prepared.height}})
            return {"$type": "app.bsky.embed.images", "images": items}
        link = request.link or next((u.value for u in find_urls(request.text)), "")
        if not link or context.account.settings.get("link_card") is False:
            return None
        return self._link_card(context, link)

    def _upload(self, context: PublisherContext, prepared: PreparedImage,
                name: str) -> tuple[dict[str, Any], PreparedImage]:
        """Upload one image; a server with a smaller limit (413) gets a smaller re-encoding."""
        for _try in range(5):
            response, _session = self._call(
                context, "POST", "com.atproto.repo.uploadBlob", data=prepared.data,
                headers={"Content-Type": prepared.mime_type},
                changes_state=False,  # an unused blob is harmless: it is never posted
            )
            if response.status_code == 413:
                smaller = int(len(prepared.data) * 0.6)
                context.logger.info("Bluesky: %s (%d bytes) over the server's limit; "
                                    "re-encoding under %d", name, len(prepared.data), smaller)
                prepared = reencode(prepared.data, name=name, max_bytes=smaller)
                continue
            self._check(context, response)
            return response.json()["blob"], prepared
        raise PermanentError(tr("The Bluesky server refuses the image {name} even when made "
                                "smaller.", name=name))

    def _link_card(self, context: PublisherContext, url: str) -> dict[str, Any] | None:
        # Its own client: a third-party site's rate-limit headers are not the account's.
        web = HttpClient(clock=context.clock, platform="web")
        try:
            return self._card(context, web, url)
        finally:
            web.close()

    def _card(self, context: PublisherContext, web: HttpClient,
              url: str) -> dict[str, Any] | None:
        preview = fetch_link_preview(web, url)
        if preview is None:
            return None
        external: dict[str, Any] = {
            "uri": url,
            "title": truncate_graphemes(preview.title, CARD_TITLE_MAX),
            "description": truncate_graphemes(preview.description, CARD_DESCRIPTION_MAX),
        }
        if preview.image_url:
            raw = fetch_image(web, preview.image_url)
            if raw is not None:
                try:
                    thumb = reencode(raw, name="thumbnail", max_bytes=THUMB_LIMIT,
                                     max_pixels=2000 * 2000)
                    blob, _prepared = self._upload(context, thumb, "thumbnail")
                    external["thumb"] = blob
                except PermanentError as exc:
                    context.logger.info("link card without image: %s", exc)
        return {"$type": "app.bsky.embed.external", "external": external}

    # ---- proving, reading back
    def _get_record(self, context: PublisherContext, did: str,
                    rkey: str) -> Mapping[str, Any] | None:
        service = self.sessions.service(context)
        response = context.http.get(f"{service}/xrpc/com.atproto.repo.getRecord",
                                    params={"repo": did, "collection": COLLECTION, "rkey": rkey})
        if response.status_code == 200:
            body: Mapping[str, Any] = response.json()
            return body
        name, _message = xrpc_error(response)
        if response.status_code == 400 and name == "RecordNotFound":
            return None
        if response.status_code >= 500 or response.status_code == 429:
            self._check(context, response)
        raise AmbiguousError(tr("Bluesky could not say whether the post exists: {reason}",
                                reason=_message or name or response.status_code))

    def lookup(self, request: PublishRequest, context: PublisherContext) -> Receipt | None:
        session = self.sessions.get(context)
        record = self._get_record(context, session.did, request.idempotency_key)
        if record is None:
            return None
        return self._receipt(context, session, str(record["uri"]), str(record.get("cid", "")))

    def metrics(self, receipt: Receipt, context: PublisherContext) -> Mapping[str, float] | None:
        if not receipt.remote_id.startswith("at://"):
            return None
        appview = str(context.account.settings.get("appview_url") or "").strip()
        if appview:
            response = context.http.get(
                f"{check_api_url(appview)}/xrpc/app.bsky.feed.getPosts",
                params={"uris": receipt.remote_id})
        else:
            response, _session = self._call(context, "GET", "app.bsky.feed.getPosts",
                                            params={"uris": receipt.remote_id})
        if response.status_code in (400, 404, 501):
            name, message = xrpc_error(response)
            context.logger.info("Bluesky metrics unavailable (%s: %s)", name, message)
            return None
        self._check(context, response)
        posts = response.json().get("posts") or []
        if not posts:
            return None
        post = posts[0]
        names = {"likes": "likeCount", "reposts": "repostCount", "replies": "replyCount",
                 "quotes": "quoteCount"}
        return {name: float(post[key]) for name, key in names.items()
                if isinstance(post.get(key), int | float)}

    def check_account(self, context: PublisherContext) -> AccountCheck:
        response, session = self._call(context, "GET", "com.atproto.server.getSession")
        self._check(context, response)
        body = response.json()
        handle = str(body.get("handle") or session.handle)
        warnings: list[str] = []
        if not session.is_app_password:
            warnings.append(tr("This login used the account's main password. Create an app "
                               "password in Bluesky's settings and reconnect with it: it can "
                               "be revoked alone, and cannot change the password or delete "
                               "the account."))
        if body.get("active") is False:
            warnings.append(tr("Bluesky says this account is not active ({status}).",
                               status=body.get("status") or "?"))
        return AccountCheck(handle=handle, display_name=handle,
                            settings={"did": str(body.get("did") or session.did)},
                            warnings=tuple(warnings))
