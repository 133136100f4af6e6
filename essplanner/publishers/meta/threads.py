"""Threads: text (with a link preview), image, video, carousel — the container flow.

``https://graph.threads.net/v1.0`` (PLATFORMS.md §7). The token is a Threads user
token (60 days); when it nears its end it is refreshed with
``th_refresh_token`` and the new one kept in the keyring vault (``session``),
tied to the main secret it came from so that reconnecting replaces it. Media are
fetched by Meta from a public address (:mod:`.mediahost`); the rule against
double posts is the container's (:mod:`.container`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import timedelta
from typing import Any, ClassVar

from essplanner.publishers.base import (
    AccountCheck,
    AccountField,
    FieldKind,
    PublisherContext,
    PublishRequest,
    Receipt,
)
from essplanner.publishers.errors import PublishError
from essplanner.publishers.i18n import N_, tr
from essplanner.publishers.meta.container import (
    IMAGE_TIMEOUT,
    VIDEO_TIMEOUT,
    ContainerApi,
    ContainerFlow,
    read_quota,
)
from essplanner.publishers.meta.graph import GraphClient, root_url
from essplanner.publishers.meta.graphtoken import refuse_if_expired, stored_expiry
from essplanner.publishers.meta.instagram import media_problems
from essplanner.publishers.meta.mediahost import PublicMedia, clean_leftovers
from essplanner.publishers.meta.metabase import MetaPublisher, numbers
from essplanner.publishers.rules import LinkHandling, PlatformRules, Problem, TextCounting
from essplanner.publishers.validation import validate_with_rules

THREADS_URL = "https://graph.threads.net/v1.0"
SESSION = "session"  # vault key of a refreshed token
REFRESH_BEFORE = timedelta(days=10)
ACCEPTED = frozenset({"image/jpeg", "image/png"})

API = ContainerApi(
    platform="Threads",
    create_edge="threads",
    publish_edge="threads_publish",
    limit_edge="threads_publishing_limit",
    limit_fields="quota_usage,config",
    status_fields="status,error_message",
    status_key="status",
    error_key="error_message",
    list_edge="threads",
    text_key="text",
)


def _fingerprint(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()[:16]


class ThreadsPublisher(MetaPublisher):
    platform: ClassVar[str] = "threads"
    display_name: ClassVar[str] = "Threads"
    account_fields: ClassVar[tuple[AccountField, ...]] = (
        AccountField("secret", N_('Threads access token'), FieldKind.SECRET,
                     help=N_('A long-lived Threads token (`essplanner meta threads` exchanges and stores it).')),
        AccountField('threads_user_id', N_('Threads user id'), FieldKind.SETTING,
                     help=N_('Your Threads user id (found by `essplanner meta threads`). Images need a public folder: `essplanner meta upload-folder`.')),
    )
    default_api_url: ClassVar[str] = THREADS_URL
    NEEDED_SCOPES: ClassVar[tuple[str, ...]] = ("threads_basic", "threads_content_publish")
    RULES: ClassVar[PlatformRules] = PlatformRules(
        platform="threads",
        display_name="Threads",
        text_limit=500,
        counting=TextCounting.CODE_POINTS,
        max_images=20,
        image_types=ACCEPTED | {"image/webp"},  # WebP is converted to JPEG
        max_image_bytes=8_000_000,
        supports_alt_text=True,
        link_handling=LinkHandling.PREVIEW,
        supports_video=True,
        # Threads' media specifications
        video_types=frozenset({"video/mp4", "video/quicktime"}),
        max_video_seconds=5 * 60,
        max_video_bytes=1_000_000_000,
        max_video_width=1920,
        min_frame_rate=23,
        max_frame_rate=60,
        video_codecs=frozenset({"h264", "hevc"}),
        audio_codecs=frozenset({"aac"}),
    )

    def validate(self, request: PublishRequest) -> list[Problem]:
        problems = validate_with_rules(self.rules(request.account), request)
        return problems + media_problems(request, platform=self.display_name, max_items=20)

    # ------------------------------------------------------------ token ---

    def token(self, context: PublisherContext) -> str:
        """The refreshed token when it descends from the current main secret, else the secret."""
        main = super().token(context)
        raw = context.vault.get(SESSION)
        if raw:
            try:
                saved = json.loads(raw)
            except ValueError:
                saved = None
            if (isinstance(saved, dict) and saved.get("from") == _fingerprint(main)
                    and isinstance(saved.get("token"), str)):
                return str(saved["token"])
        return main

    def refresh_if_due(self, client: GraphClient, context: PublisherContext) -> str | None:
        """Refresh a token that ends within ``REFRESH_BEFORE``; a warning if it failed."""
        expires = stored_expiry(context.account.settings)
        now = context.clock()
        if expires is None or expires <= now or expires - now > REFRESH_BEFORE:
            return None
        try:
            body = client.call(
                "GET", f"{root_url(client.base_url)}/refresh_access_token",
                params={"grant_type": "th_refresh_token", "access_token": client.token},
                authenticated=False)
        except PublishError as exc:
            context.logger.warning("Threads token refresh failed: %s", exc.message)
            return tr("The Threads token could not be renewed ({reason}); reconnect the "
                      "account before it expires.", reason=exc.message)
        token = str(body.get("access_token") or "")
        seconds = body.get("expires_in")
        if not token or not isinstance(seconds, int):
            return tr("Threads gave no new token when asked to renew it.")
        main = super().token(context)
        context.vault.set(SESSION, json.dumps({"token": token, "from": _fingerprint(main)}))
        new_expiry = now + timedelta(seconds=seconds)
        context.save_settings({"token_expires_at": new_expiry.isoformat()})
        client.use_token(token, context.vault.get("app_secret"))
        context.logger.info("Threads token renewed until %s", new_expiry.isoformat())
        return None

    # ------------------------------------------------------------ publish ---

    def _flow(self, request: PublishRequest, context: PublisherContext
              ) -> tuple[ContainerFlow, PublicMedia]:
        refuse_if_expired(context.account.settings, platform=self.display_name,
                          now=context.clock())
        client = self.client(context)
        self.refresh_if_due(client, context)
        state = self.state(context)
        has_video = any(m.mime_type.startswith("video/") for m in request.media)
        timeout = float(context.account.settings.get("container_timeout")
                        or (VIDEO_TIMEOUT if has_video else IMAGE_TIMEOUT))
        user = str(context.account.settings.get("threads_user_id") or "me")
        flow = ContainerFlow(API, client, user_id=user, state=state, request=request,
                             sleep=self.sleeper(context), timeout=timeout)
        media = PublicMedia(context, platform=self.display_name, state=state,
                            key=request.idempotency_key, accepted=ACCEPTED)
        return flow, media

    def publish(self, request: PublishRequest, context: PublisherContext) -> Receipt:
        self.ensure_valid(request)  # before anything is uploaded
        flow, media = self._flow(request, context)
        clean_leftovers(context, platform=self.display_name, state=flow.state)

        def build() -> str:
            text = request.text
            if not request.media:
                params: dict[str, Any] = {"media_type": "TEXT", "text": text}
                if request.link:
                    params["link_attachment"] = request.link
                container = flow.create(params)
            else:
                hosted = media.upload_all(request.media)

                def item_params(index: int) -> dict[str, Any]:
                    item = hosted[index]
                    params = ({"media_type": "VIDEO", "video_url": item.url} if item.is_video
                              else {"media_type": "IMAGE", "image_url": item.url})
                    if item.alt_text:
                        params["alt_text"] = item.alt_text
                    return params

                if len(hosted) == 1:
                    container = flow.create({**item_params(0), "text": text})
                else:
                    children: list[str] = []
                    for index in range(len(hosted)):
                        children.append(flow.create({**item_params(index),
                                                     "is_carousel_item": "true"}))
                        flow.state.update(request.idempotency_key, children=children)
                    for child in children:
                        flow.wait_ready(child)
                    container = flow.create({"media_type": "CAROUSEL",
                                             "children": ",".join(children), "text": text})
            flow.record_container(container)
            return container

        return flow.run(build, media)

    def lookup(self, request: PublishRequest, context: PublisherContext) -> Receipt | None:
        flow, media = self._flow(request, context)
        return flow.lookup(media)

    # ------------------------------------------------------------ account ---

    def app_token(self, context: PublisherContext) -> str | None:
        return None  # Threads' /debug_token wants a tester's user token: the token itself

    def check_account(self, context: PublisherContext) -> AccountCheck:
        client = self.client(context)
        warning = self.refresh_if_due(client, context)
        profile = client.get("me", {"fields": "id,username,name"})
        info, warnings = self.inspect_token(client, context)
        if warning:
            warnings.insert(0, warning)
        user_id = str(profile.get("id") or "")
        quota = read_quota(API, client, user_id or "me")
        remembered: dict[str, Any] = {"threads_user_id": user_id}
        if quota is not None:
            used, total = quota
            remembered["quota_total"] = total
            if total and used >= total * 0.8:
                warnings.append(tr("{used} of the {total} posts allowed per 24 hours are "
                                   "used.", used=used, total=total))
        if context.account.settings.get("webdav_url"):
            warnings += self.check_upload_folder(context)
        else:
            warnings.append(tr("No upload folder is set: text posts work, images and videos "
                               "need one (see the Meta guide)."))
        username = str(profile.get("username") or user_id)
        return self.account_check(handle=f"@{username}",
                                  display_name=str(profile.get("name") or username),
                                  info=info, warnings=warnings, settings=remembered)

    def metrics(self, receipt: Receipt, context: PublisherContext) -> Mapping[str, float] | None:
        if self.unresolved(receipt):
            return None
        client = self.client(context)
        body = self.counters(client, f"{receipt.remote_id}/insights",
                             {"metric": "views,likes,replies,reposts,quotes,shares"})
        if body is None:
            return None
        values: dict[str, Any] = {}
        for entry in body.get("data") or []:
            if not isinstance(entry, dict):
                continue
            total = entry.get("total_value")
            series = entry.get("values")
            if isinstance(total, dict):
                values[str(entry.get("name"))] = total.get("value")
            elif isinstance(series, list) and series and isinstance(series[-1], dict):
                values[str(entry.get("name"))] = series[-1].get("value")
        names = {n: n for n in ("views", "likes", "replies", "reposts", "quotes", "shares")}
        return numbers(values, names)

