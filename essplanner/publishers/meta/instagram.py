"""Instagram (professional account linked to a Facebook Page): image, carousel, reel.

Instagram API with Facebook Login (PLATFORMS.md §6): host ``graph.facebook.com``
by default (the account's API URL may point elsewhere, e.g. a test server), the
Page's token, the Instagram account id in the setting ``ig_user_id``. Images are
fetched by Meta from a public address: they are uploaded to the account's WebDAV
folder first (:mod:`.mediahost`), PNG and WebP converted to JPEG (Instagram takes
JPEG only), and deleted once the post is out.

Container flow and the rule against double posts: :mod:`.container`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import regex

from essplanner.publishers.base import (
    AccountCheck,
    AccountField,
    FieldKind,
    PublisherContext,
    PublishRequest,
    Receipt,
)
from essplanner.publishers.i18n import N_, ntr, tr
from essplanner.publishers.meta.container import (
    IMAGE_TIMEOUT,
    VIDEO_TIMEOUT,
    ContainerApi,
    ContainerFlow,
    read_quota,
)
from essplanner.publishers.meta.graphtoken import refuse_if_expired
from essplanner.publishers.meta.mediahost import CONVERTIBLE, PublicMedia, clean_leftovers
from essplanner.publishers.meta.metabase import MetaPublisher, numbers
from essplanner.publishers.rules import LinkHandling, PlatformRules, Problem, Severity, TextCounting
from essplanner.publishers.text import find_hashtags, find_urls
from essplanner.publishers.validation import validate_with_rules

MAX_HASHTAGS = 30
JPEG = frozenset({"image/jpeg"})
MAX_MENTIONS = 20
VIDEO_TYPES = frozenset({"video/mp4", "video/quicktime"})
MAX_VIDEO_BYTES = 1_000_000_000
# Instagram user names: letters, digits, dots and underscores, up to 30.
IG_MENTION_RE = regex.compile(r"(?<![\w@.])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)")

API = ContainerApi(
    platform="Instagram",
    create_edge="media",
    publish_edge="media_publish",
    limit_edge="content_publishing_limit",
    limit_fields="config,quota_usage",
    status_fields="status_code,status",
    status_key="status_code",
    error_key="status",
    list_edge="media",
    text_key="caption",
)


def count_mentions(text: str) -> int:
    urls = find_urls(text)
    return sum(1 for m in IG_MENTION_RE.finditer(text)
               if not any(u.start <= m.start() < u.end for u in urls))


def media_problems(request: PublishRequest, *, platform: str, max_items: int) -> list[Problem]:
    """Carousel size: a check shared with Threads (videos are checked by the rules)."""
    problems: list[Problem] = []
    media = request.media
    if len(media) > 1 and len(media) > max_items:
        problems.append(Problem("carousel_too_big", tr(
            "A {platform} carousel takes 2 to {limit} items; this post has {count}.",
            platform=platform, limit=max_items, count=len(media)), "media"))
    return problems


class InstagramPublisher(MetaPublisher):
    platform: ClassVar[str] = "instagram"
    display_name: ClassVar[str] = "Instagram"
    account_fields: ClassVar[tuple[AccountField, ...]] = (
        AccountField("secret", N_('Page access token'), FieldKind.SECRET,
                     help=N_('The Page token of the linked Facebook Page (`essplanner meta connect` stores it for you).')),
        AccountField('ig_user_id', N_('Instagram account id'), FieldKind.SETTING,
                     help=N_('The id of the Instagram professional account linked to the Page (found by `essplanner meta connect`). Images need a public folder: `essplanner meta upload-folder`.')),
    )
    NEEDED_SCOPES: ClassVar[tuple[str, ...]] = (
        "instagram_basic", "instagram_content_publish", "pages_read_engagement")
    RULES: ClassVar[PlatformRules] = PlatformRules(
        platform="instagram",
        display_name="Instagram",
        text_limit=2200,
        counting=TextCounting.CODE_POINTS,
        max_images=10,
        min_media=1,
        # JPEG only on Instagram's side; PNG and WebP are converted before upload.
        image_types=frozenset({"image/jpeg"}) | CONVERTIBLE,
        max_image_bytes=8_000_000,
        supports_alt_text=True,
        link_handling=LinkHandling.NOT_CLICKABLE,
        supports_video=True,
        text_required=False,
        # Reels (every feed video is one since 2023): Meta's reel specifications
        video_types=VIDEO_TYPES,
        min_video_seconds=3,
        max_video_seconds=15 * 60,
        max_video_bytes=MAX_VIDEO_BYTES,
        max_video_width=1920,
        min_frame_rate=23,
        max_frame_rate=60,
        video_codecs=frozenset({"h264", "hevc"}),
        audio_codecs=frozenset({"aac"}),
    )

    # ------------------------------------------------------------ validate ---

    def validate(self, request: PublishRequest) -> list[Problem]:
        problems = validate_with_rules(self.rules(request.account), request)
        problems += media_problems(request, platform=self.display_name, max_items=10)
        text = request.text
        tags = len(find_hashtags(text))
        if tags > MAX_HASHTAGS:
            problems.append(Problem("too_many_hashtags", ntr(
                "The caption has {n} hashtag; Instagram allows {limit}.",
                "The caption has {n} hashtags; Instagram allows {limit}.", tags,
                limit=MAX_HASHTAGS), "text"))
        mentions = count_mentions(text)
        if mentions > MAX_MENTIONS:
            problems.append(Problem("too_many_mentions", ntr(
                "The caption mentions {n} account; Instagram allows {limit}.",
                "The caption mentions {n} accounts; Instagram allows {limit}.", mentions,
                limit=MAX_MENTIONS), "text"))
        videos = [m for m in request.media if m.mime_type.startswith("video/")]
        if videos and len(request.media) == 1 and videos[0].alt_text:
            problems.append(Problem("alt_text_ignored", tr(
                "Instagram does not take alternative text for reels; it will not be sent."),
                "media", Severity.WARNING, index=0))
        for index, item in enumerate(request.media):
            if item.mime_type in CONVERTIBLE:
                problems.append(Problem("image_converted", tr(
                    "Image {n} ({name}) will be converted to JPEG: Instagram takes only JPEG.",
                    n=index + 1, name=item.path.name), "media", Severity.WARNING, index=index))
        for index, item in enumerate(request.media):
            if item.mime_type.startswith("image/") and item.width and item.height:
                ratio = item.width / item.height
                if not 0.8 <= ratio <= 1.91:
                    problems.append(Problem("aspect_ratio", tr(
                        "Image {n} ({name}) is {width}×{height}: Instagram feed images should be "
                        "between 4:5 (portrait) and 1.91:1 (landscape), or they may be refused; "
                        "crop it.", n=index + 1, name=item.path.name, width=item.width,
                        height=item.height), "media", Severity.WARNING, index=index))
        if find_urls(text):
            problems.append(Problem("link_not_clickable", tr(
                "Links in Instagram captions cannot be clicked: say where to find it "
                "(e.g. « lien dans la bio »)."), "link", Severity.WARNING))
        # Instagram takes alt text for images only: do not ask for it on videos.
        video_indexes = {i for i, m in enumerate(request.media) if m.mime_type.startswith("video/")}
        return [p for p in problems
                if not (p.code == "alt_text_missing" and p.index in video_indexes)]

    # ------------------------------------------------------------ publish ---

    def _flow(self, request: PublishRequest, context: PublisherContext
              ) -> tuple[ContainerFlow, PublicMedia]:
        refuse_if_expired(context.account.settings, platform=self.display_name,
                          now=context.clock())
        client = self.client(context)
        state = self.state(context)
        has_video = any(m.mime_type.startswith("video/") for m in request.media)
        timeout = float(context.account.settings.get("container_timeout")
                        or (VIDEO_TIMEOUT if has_video else IMAGE_TIMEOUT))
        flow = ContainerFlow(API, client, user_id=self.setting(context, "ig_user_id"),
                             state=state, request=request, sleep=self.sleeper(context), timeout=timeout)
        media = PublicMedia(context, platform=self.display_name, state=state,
                            key=request.idempotency_key, accepted=JPEG)
        return flow, media

    def publish(self, request: PublishRequest, context: PublisherContext) -> Receipt:
        self.ensure_valid(request)  # before anything is uploaded
        flow, media = self._flow(request, context)
        clean_leftovers(context, platform=self.display_name, state=flow.state)

        def build() -> str:
            hosted = media.upload_all(request.media)
            caption = request.text
            if len(hosted) == 1:
                item = hosted[0]
                params: dict[str, Any] = {"caption": caption}
                if item.is_video:
                    params |= {"media_type": "REELS", "video_url": item.url,
                               "share_to_feed": "true"}
                else:
                    params["image_url"] = item.url
                    if item.alt_text:
                        params["alt_text"] = item.alt_text
                container = flow.create(params)
            else:
                children: list[str] = []
                for item in hosted:
                    child: dict[str, Any] = {"is_carousel_item": "true"}
                    if item.is_video:
                        child |= {"media_type": "VIDEO", "video_url": item.url}
                    else:
                        child["image_url"] = item.url
                        if item.alt_text:
                            child["alt_text"] = item.alt_text
                    children.append(flow.create(child))
                    flow.state.update(request.idempotency_key, children=children)
                for child_id in children:
                    flow.wait_ready(child_id)
                container = flow.create({"media_type": "CAROUSEL",
                                         "children": ",".join(children), "caption": caption})
            flow.record_container(container)
            return container

        return flow.run(build, media)

    def lookup(self, request: PublishRequest, context: PublisherContext) -> Receipt | None:
        flow, media = self._flow(request, context)
        return flow.lookup(media)

    # ------------------------------------------------------------ account ---

    def check_account(self, context: PublisherContext) -> AccountCheck:
        client = self.client(context)
        ig_id = self.setting(context, "ig_user_id")
        profile = client.get(ig_id, {"fields": "id,username,name"})
        info, warnings = self.inspect_token(client, context)
        quota = read_quota(API, client, ig_id)
        remembered: dict[str, Any] = {"ig_username": str(profile.get("username") or "")}
        if quota is not None:
            used, total = quota
            remembered["quota_total"] = total
            if total and used >= total * 0.8:
                warnings.append(tr("{used} of the {total} posts allowed per 24 hours are "
                                   "used.", used=used, total=total))
        warnings += self.check_upload_folder(context)
        username = str(profile.get("username") or ig_id)
        return self.account_check(handle=f"@{username}",
                                  display_name=str(profile.get("name") or username),
                                  info=info, warnings=warnings, settings=remembered)

    def metrics(self, receipt: Receipt, context: PublisherContext) -> Mapping[str, float] | None:
        if self.unresolved(receipt):
            return None
        body = self.counters(self.client(context), receipt.remote_id,
                             {"fields": "like_count,comments_count"})
        if body is None:
            return None
        return numbers(body, {"like_count": "likes", "comments_count": "comments"})

