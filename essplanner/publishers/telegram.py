"""Telegram channels through a bot: text, a photo, or an album, with captions.

- A bot token from @BotFather (the secret) and the channel (``chat_id`` setting:
  ``@channelname`` or the numeric ``-100...`` id); the bot must be an administrator
  of the channel with the right to post messages.
- ``sendMessage`` (4096 characters), ``sendPhoto`` and ``sendMediaGroup`` (2 to 10
  photos; the caption, 1024 characters, goes on the first). Lengths are counted in
  UTF-16 code units, as Telegram does; the text is sent as plain text (no
  ``parse_mode``), so what is counted is what arrives.
- ``parameters.retry_after`` of a 429 answer is honoured; 401/404 mean a bad token;
  403 means the bot may not post in that channel.
- The API base URL is configurable (a local Bot API server works too).

The token is part of every URL (``/bot<token>/method``). It never appears in our
messages: errors name the host only, and the log filter masks bot tokens.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, ClassVar

from essplanner.publishers.base import (
    AccountCheck,
    AccountField,
    BasePublisher,
    FieldKind,
    PublisherContext,
    PublishRequest,
    Receipt,
)
from essplanner.publishers.errors import AmbiguousError, AuthError, PermanentError, RetryableError
from essplanner.publishers.http import check_api_url
from essplanner.publishers.i18n import N_, tr
from essplanner.publishers.media import prepare_image
from essplanner.publishers.rules import LinkHandling, PlatformRules, TextCounting

TOKEN_RE = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{20,}$")
PHOTO_LIMIT = 10 * 1024 * 1024
PHOTO_SIDE_SUM = 10_000


class TelegramPublisher(BasePublisher):
    platform: ClassVar[str] = "telegram"
    display_name: ClassVar[str] = "Telegram"
    default_api_url: ClassVar[str] = "https://api.telegram.org"
    RULES: ClassVar[PlatformRules] = PlatformRules(
        platform="telegram",
        display_name="Telegram",
        text_limit=4096,
        caption_limit=1024,
        counting=TextCounting.UTF16,
        max_images=10,
        max_image_bytes=PHOTO_LIMIT,
        reencode_images=True,
        supports_alt_text=False,  # the Bot API has no alternative-text field
        link_handling=LinkHandling.PREVIEW,
        # sendVideo: MPEG-4 files, 50 MB through the cloud Bot API (for when videos are sent)
        video_types=frozenset({"video/mp4"}),
        max_video_bytes=50 * 1024 * 1024,
    )
    account_fields: ClassVar[tuple[AccountField, ...]] = (
        AccountField("secret", N_("Bot token"), FieldKind.SECRET,
                     placeholder="123456789:AA...",
                     help=N_("Given by @BotFather when the bot is created (/newbot).")),
        AccountField("chat_id", N_("Channel"), FieldKind.SETTING,
                     placeholder="@association or -1001234567890",
                     help=N_("The channel's public @name, or its numeric id for a private "
                             "channel. The bot must be an administrator allowed to post.")),
        AccountField("api_url", N_("Bot API server"), FieldKind.API_URL, required=False,
                     placeholder="https://api.telegram.org",
                     help=N_("Only for a self-hosted Bot API server.")),
    )

    # ---- calls
    def _url(self, context: PublisherContext, method: str) -> str:
        token = (context.secret or "").strip()
        if not token:
            raise AuthError(tr("No bot token is stored for this Telegram account: "
                               "reconnect it."))
        if not TOKEN_RE.match(token):
            raise AuthError(tr("The stored Telegram secret does not look like a bot token "
                               "(digits, a colon, then letters): reconnect the account with "
                               "the token given by @BotFather."))
        base = check_api_url(context.api_url or self.default_api_url)
        return f"{base}/bot{token}/{method}"

    @staticmethod
    def _chat(context: PublisherContext) -> str:
        chat = str(context.account.settings.get("chat_id") or "").strip()
        if not chat:
            raise PermanentError(tr("The Telegram account has no channel: set its channel "
                                    "(@name or -100... id) in the account settings."))
        return chat

    def _call(self, context: PublisherContext, method: str, *,
              data: Mapping[str, Any] | None = None,
              files: Mapping[str, tuple[str, bytes, str]] | None = None,
              json_body: Mapping[str, Any] | None = None,
              changes_state: bool = True) -> Any:
        """Call ``method``; the ``result`` of an ``ok`` answer, else the matching error."""
        response = context.http.post(self._url(context, method), data=data, files=files,
                                     json=json_body, changes_state=changes_state)
        try:
            body = response.json()
        except ValueError:
            body = None
        if isinstance(body, dict) and body.get("ok") is True:
            return body.get("result")
        if not isinstance(body, dict):
            # A proxy's 502 page, say: after a send, the message may exist all the same.
            context.http.raise_for_status(response, changes_state=changes_state)
            raise PermanentError(tr("Telegram gave an unexpected answer ({status}).",
                                    status=response.status_code))
        self._raise(context, response.status_code, body, changes_state=changes_state)
        raise AssertionError("unreachable")

    def _raise(self, context: PublisherContext, status: int, body: Mapping[str, Any], *,
               changes_state: bool = True) -> None:
        code = int(body.get("error_code") or status)
        description = str(body.get("description") or f"HTTP {status}")
        parameters = body.get("parameters") or {}
        if code == 429 or "retry_after" in parameters:
            retry = parameters.get("retry_after")
            raise RetryableError(tr("Telegram asks to slow down: {reason}",
                                    reason=description), http_status=code,
                                 retry_after=float(retry) if isinstance(retry, int | float)
                                 else None)
        if "migrate_to_chat_id" in parameters:
            new_id = str(parameters["migrate_to_chat_id"])
            context.save_settings({"chat_id": new_id})
            raise RetryableError(tr("The Telegram group became a supergroup with the id "
                                    "{chat}; the account now uses it.", chat=new_id),
                                 http_status=code, retry_after=0.0)
        if code in (401, 404):
            raise AuthError(tr("Telegram refused the bot token ({reason}). Check the token "
                               "given by @BotFather (and the server address, if you changed "
                               "it), then reconnect.", reason=description), http_status=code)
        if code == 403:
            raise PermanentError(tr(
                "The bot may not post in {chat} ({reason}): add it to the channel as an "
                "administrator with the right to post messages.",
                chat=self._chat(context), reason=description), http_status=code)
        if code >= 500 and changes_state:
            raise AmbiguousError(tr(
                "Telegram had a problem ({status}) after receiving the message: {reason}. It "
                "may or may not have been sent.", status=code, reason=description),
                http_status=code)
        if code >= 500:
            raise RetryableError(tr("Telegram had a problem ({status}): {reason}",
                                    status=code, reason=description), http_status=code)
        if "chat not found" in description.lower():
            raise PermanentError(tr(
                "Telegram does not know the channel {chat}: check its @name or id, and that "
                "the bot was added to it.", chat=self._chat(context)), http_status=code)
        raise PermanentError(tr("Telegram refused the message: {reason}", reason=description),
                             http_status=code)

    # ---- publishing
    def publish(self, request: PublishRequest, context: PublisherContext) -> Receipt:
        self.ensure_valid(request)
        chat = self._chat(context)
        silent = bool(request.options.get("silent") or
                      context.account.settings.get("silent"))
        photos = [m for m in request.media if m.mime_type.startswith("image/")]
        if not photos:
            body: dict[str, Any] = {"chat_id": chat, "text": request.text}
            if request.link:
                body["link_preview_options"] = {"url": request.link}
            if silent:
                body["disable_notification"] = True
            result = self._call(context, "sendMessage", json_body=body)
            return self._receipt(chat, [result])
        files: dict[str, tuple[str, bytes, str]] = {}
        for index, item in enumerate(photos):
            prepared = prepare_image(item.path, mime_type=item.mime_type,
                                     max_bytes=PHOTO_LIMIT,
                                     accepted_types=frozenset({"image/jpeg", "image/png",
                                                               "image/webp"}),
                                     max_side_sum=PHOTO_SIDE_SUM)
            suffix = "jpg" if prepared.mime_type == "image/jpeg" else \
                prepared.mime_type.removeprefix("image/")
            files[f"photo{index}"] = (f"photo{index}.{suffix}", prepared.data,
                                      prepared.mime_type)
        form: dict[str, Any] = {"chat_id": chat}
        if silent:
            form["disable_notification"] = "true"
        if len(photos) == 1:
            if request.text:
                form["caption"] = request.text
            result = self._call(context, "sendPhoto", data=form,
                                files={"photo": files["photo0"]})
            return self._receipt(chat, [result])
        media = []
        for index in range(len(photos)):
            entry: dict[str, Any] = {"type": "photo", "media": f"attach://photo{index}"}
            if index == 0 and request.text:
                entry["caption"] = request.text
            media.append(entry)
        form["media"] = json.dumps(media)
        result = self._call(context, "sendMediaGroup", data=form, files=files)
        return self._receipt(chat, list(result or []))

    @staticmethod
    def _receipt(chat: str, messages: list[Any]) -> Receipt:
        if not messages or not isinstance(messages[0], dict):
            raise AmbiguousError(tr("Telegram answered without the message: check the "
                                    "channel before sending again."))
        first = messages[0]
        message_id = int(first["message_id"])
        chat_info = first.get("chat") or {}
        username = chat_info.get("username")
        chat_id = str(chat_info.get("id") or chat)
        if username:
            url: str | None = f"https://t.me/{username}/{message_id}"
        elif chat_id.startswith("-100"):
            url = f"https://t.me/c/{chat_id.removeprefix('-100')}/{message_id}"
        else:
            url = None
        return Receipt(remote_id=f"{chat_id}/{message_id}", remote_url=url,
                       extra={"chat_id": chat_id,
                              "message_ids": [int(m["message_id"]) for m in messages]})

    def lookup(self, request: PublishRequest, context: PublisherContext) -> Receipt | None:
        raise AmbiguousError(tr(
            "Telegram gives bots no way to read a channel back, so it cannot be proven "
            "whether this message went out. Look at the channel, then mark it published or "
            "send it again."))

    def check_account(self, context: PublisherContext) -> AccountCheck:
        me = self._call(context, "getMe", changes_state=False)
        chat = self._chat(context)
        info = self._call(context, "getChat", json_body={"chat_id": chat}, changes_state=False)
        warnings: list[str] = []
        member = self._call(context, "getChatMember",
                            json_body={"chat_id": chat, "user_id": me["id"]},
                            changes_state=False)
        status = member.get("status")
        if status == "creator":
            pass
        elif status != "administrator":
            warnings.append(tr("The bot @{bot} is not an administrator of {chat}: it cannot "
                               "post there yet.", bot=me.get("username", "?"), chat=chat))
        elif info.get("type") == "channel" and not member.get("can_post_messages", False):
            warnings.append(tr("The bot @{bot} is an administrator of {chat} without the "
                               "right to post messages.", bot=me.get("username", "?"),
                               chat=chat))
        username = info.get("username")
        handle = f"@{username}" if username else str(info.get("title") or chat)
        return AccountCheck(
            handle=handle,
            display_name=str(info.get("title") or handle),
            settings={"bot_username": str(me.get("username") or ""),
                      "chat_title": str(info.get("title") or ""),
                      "chat_type": str(info.get("type") or ""),
                      "chat_numeric_id": str(info.get("id") or "")},
            warnings=tuple(warnings),
        )
