"""A fake Telegram Bot API server on loopback, following PLATFORMS.md §12 and §13.

``POST /bot<token>/<method>`` with JSON, a form or multipart; answers
``{"ok": true, "result": ...}`` or ``{"ok": false, "error_code", "description",
"parameters"?}``:
- 404 ``Not Found`` for a token that is not shaped like one, 401 ``Unauthorized``
  for an unknown token;
- 403 when the bot is not an administrator allowed to post in the channel;
- 400 ``chat not found``, ``message is too long`` (over 4096 UTF-16 code units),
  ``message caption is too long`` (over 1024), ``PHOTO_INVALID_DIMENSIONS``,
  and ``migrate_to_chat_id`` for a group that became a supergroup;
- 429 ``Too Many Requests: retry after N`` with ``parameters.retry_after``.

``fail_after_send`` plays a proxy in front of the API whose upstream answered too
late: the next sends are delivered to the channel, then answered with these statuses
(an HTML error page, as nginx writes it).
"""

from __future__ import annotations

import io
import itertools
import json
import re
import threading
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

from publishers.fake_mastodon import _multipart
from publishers.loopback import Handler

TOKEN_SHAPE = re.compile(r"^\d+:[A-Za-z0-9_-]+$")


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class Channel:
    id: int
    username: str | None
    title: str
    bot_status: str = "administrator"  # or "member", "left", "kicked"
    can_post: bool = True
    messages: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class FakeTelegram:
    token: str = "7012345678:AAF5wq1nD3Xg0-SVx9oHkzTqHkR4v8pPlMc"
    bot_id: int = 7012345678
    bot_username: str = "asso_poster_bot"
    channels: dict[str, Channel] = field(default_factory=dict)
    migrated: dict[str, int] = field(default_factory=dict)  # old group id -> supergroup id
    flood_after: int | None = None  # send this many messages, then 429
    fail_after_send: list[int] = field(default_factory=list)  # delivered, then e.g. 502
    retry_after: int = 7
    requests: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    ids: Any = field(default_factory=lambda: itertools.count(41))
    sent: int = 0

    def add_channel(self, channel: Channel) -> Channel:
        self.channels[str(channel.id)] = channel
        if channel.username:
            self.channels[f"@{channel.username}"] = channel
        return channel


class _Refused(Exception):
    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters


class TelegramHandler(Handler):
    def do_GET(self) -> None:
        self.do_POST()

    def do_POST(self) -> None:
        app: FakeTelegram = self.app
        body = self.body()
        match = re.fullmatch(r"/bot([^/]*)/(\w+)", self.route)
        params, files = self._params(body)
        app.requests.append({"path": self.route, "params": params, "files": sorted(files)})
        if match is None or not TOKEN_SHAPE.match(match.group(1)):
            self._fail(_Refused(404, "Not Found"))
            return
        if match.group(1) != app.token:
            self._fail(_Refused(401, "Unauthorized"))
            return
        method = getattr(self, f"m_{match.group(2)}", None)
        if method is None:
            self._fail(_Refused(404, "Not Found"))
            return
        try:
            result = method(params, files)
        except _Refused as refused:
            self._fail(refused)
            return
        if match.group(2).startswith("send"):
            with app.lock:
                after = app.fail_after_send.pop(0) if app.fail_after_send else None
            if after is not None:
                self.send(after, raw=f"<html><body><center><h1>{after} Bad Gateway</h1>"
                          "</center><hr><center>nginx</center></body></html>".encode(),
                          content_type="text/html")
                return
        self.send(200, {"ok": True, "result": result})

    def _fail(self, refused: _Refused) -> None:
        payload: dict[str, Any] = {"ok": False, "error_code": refused.code,
                                   "description": refused.description}
        if refused.parameters:
            payload["parameters"] = refused.parameters
        self.send(refused.code, payload)

    def _params(self, body: bytes) -> tuple[dict[str, Any], dict[str, tuple[str, bytes, str]]]:
        ctype = self.headers.get("Content-Type", "")
        if ctype.startswith("application/json"):
            return json.loads(body or b"{}"), {}
        if ctype.startswith("multipart/form-data"):
            fields, files = _multipart(ctype, body)
            return dict(fields), files
        from urllib.parse import parse_qs

        return {k: v[0] for k, v in parse_qs(body.decode()).items()}, {}

    # ---- helpers
    def _channel(self, params: dict[str, Any]) -> Channel:
        app: FakeTelegram = self.app
        chat_id = str(params.get("chat_id", ""))
        if chat_id in app.migrated:
            raise _Refused(400, "Bad Request: group chat was upgraded to a supergroup chat",
                           {"migrate_to_chat_id": app.migrated[chat_id]})
        channel = app.channels.get(chat_id)
        if channel is None:
            raise _Refused(400, "Bad Request: chat not found")
        return channel

    def _postable(self, params: dict[str, Any]) -> Channel:
        app: FakeTelegram = self.app
        channel = self._channel(params)
        if channel.bot_status in ("left", "kicked"):
            raise _Refused(403, "Forbidden: bot is not a member of the channel chat")
        if channel.bot_status != "administrator" or not channel.can_post:
            raise _Refused(403, "Forbidden: need administrator rights in the channel chat")
        with app.lock:
            if app.flood_after is not None and app.sent >= app.flood_after:
                raise _Refused(429, f"Too Many Requests: retry after {app.retry_after}",
                               {"retry_after": app.retry_after})
        return channel

    def _message(self, channel: Channel, **content: Any) -> dict[str, Any]:
        app: FakeTelegram = self.app
        with app.lock:
            app.sent += 1
            message = {"message_id": next(app.ids), "date": 1_795_000_000,
                       "sender_chat": {"id": channel.id, "type": "channel", "title": channel.title},
                       "chat": {"id": channel.id, "type": "channel", "title": channel.title,
                                **({"username": channel.username} if channel.username else {})},
                       **content}
            channel.messages.append(message)
        return message

    @staticmethod
    def _caption(params: dict[str, Any]) -> dict[str, Any]:
        caption = params.get("caption")
        if caption is None:
            return {}
        if utf16(caption) > 1024:
            raise _Refused(400, "Bad Request: message caption is too long")
        return {"caption": caption}

    @staticmethod
    def _photo(data: bytes) -> list[dict[str, Any]]:
        try:
            with Image.open(io.BytesIO(data)) as img:
                width, height = img.size
        except Exception as exc:
            raise _Refused(400, "Bad Request: IMAGE_PROCESS_FAILED") from exc
        if len(data) > 10 * 1024 * 1024:
            raise _Refused(400, "Bad Request: PHOTO_SAVE_FILE_INVALID")
        if width + height > 10_000 or max(width, height) / min(width, height) > 20:
            raise _Refused(400, "Bad Request: PHOTO_INVALID_DIMENSIONS")
        return [{"file_id": f"AgAC{len(data)}", "file_unique_id": "AQAD", "width": width,
                 "height": height, "file_size": len(data)}]

    # ---- methods
    def m_getMe(self, params: dict[str, Any], files: Any) -> dict[str, Any]:
        app: FakeTelegram = self.app
        return {"id": app.bot_id, "is_bot": True, "first_name": "Asso poster",
                "username": app.bot_username, "can_join_groups": True}

    def m_getChat(self, params: dict[str, Any], files: Any) -> dict[str, Any]:
        channel = self._channel(params)
        return {"id": channel.id, "type": "channel", "title": channel.title,
                **({"username": channel.username} if channel.username else {})}

    def m_getChatMember(self, params: dict[str, Any], files: Any) -> dict[str, Any]:
        app: FakeTelegram = self.app
        channel = self._channel(params)
        member: dict[str, Any] = {"user": {"id": app.bot_id, "is_bot": True,
                                           "username": app.bot_username},
                                  "status": channel.bot_status}
        if channel.bot_status == "administrator":
            member.update(can_be_edited=False, can_post_messages=channel.can_post,
                          can_edit_messages=True, can_delete_messages=True)
        return member

    def m_sendMessage(self, params: dict[str, Any], files: Any) -> dict[str, Any]:
        channel = self._postable(params)
        text = str(params.get("text") or "")
        if not text.strip():
            raise _Refused(400, "Bad Request: message text is empty")
        if utf16(text) > 4096:
            raise _Refused(400, "Bad Request: message is too long")
        return self._message(channel, text=text)

    def m_sendPhoto(self, params: dict[str, Any], files: dict[str, Any]) -> dict[str, Any]:
        channel = self._postable(params)
        caption = self._caption(params)
        if "photo" not in files:
            raise _Refused(400, "Bad Request: there is no photo in the request")
        return self._message(channel, photo=self._photo(files["photo"][1]), **caption)

    def m_sendMediaGroup(self, params: dict[str, Any],
                         files: dict[str, Any]) -> list[dict[str, Any]]:
        channel = self._postable(params)
        media = json.loads(params.get("media") or "[]")
        if not 2 <= len(media) <= 10:
            raise _Refused(400, "Bad Request: wrong number of media in the album")
        group = f"1379{len(channel.messages)}"
        out = []
        for item in media:
            ref = str(item.get("media", "")).removeprefix("attach://")
            if ref not in files:
                raise _Refused(400, "Bad Request: wrong file identifier/HTTP URL specified")
            caption = self._caption(item)
            out.append(self._message(channel, media_group_id=group,
                                     photo=self._photo(files[ref][1]), **caption))
        return out
