"""A fake TikTok Open API v2 on loopback, following PLATFORMS.md §11, LESSONS.md §3.3 and
TikTok's Content Posting API reference.

- Login Kit for desktop: ``GET /v2/auth/authorize/`` approves at once (as if the person
  clicked "Authorize") and redirects to ``redirect_uri``, which must be the registered
  one; ``POST /v2/oauth/token/`` (form, ``client_key`` + ``client_secret``):
  ``authorization_code`` checks the PKCE verifier against the challenge, **hexadecimal**
  SHA-256 as TikTok's desktop flow wants; ``refresh_token`` rotates it (the old one is
  void at once). Access tokens last ``access_seconds`` on the ``now`` clock.
- ``GET /v2/user/info/``, ``POST /v2/post/publish/creator_info/query/``.
- ``POST /v2/post/publish/video/init/`` (Direct Post, ``post_info`` checked against the
  creator info: privacy one of the offered options) and ``/inbox/video/init/``: the chunk
  arithmetic is checked per the media transfer guide (5–64 MB chunks, the last up to
  128 MB, ``total_chunk_count`` = size // chunk_size, 1–1000, a file under 5 MB whole).
- ``PUT /upload/<publish_id>``: ``Content-Range`` must be the next chunk exactly
  (``bytes first-last/total``), ``Content-Length`` its length; the bytes are kept
  (:meth:`FakeTikTok.video`); ``206`` for a chunk, ``201`` for the last.
- ``POST /v2/post/publish/status/fetch/``: ``PROCESSING_UPLOAD`` (with
  ``uploaded_bytes``) until the last byte, then ``PROCESSING_DOWNLOAD`` for
  ``processing_polls`` reads, then ``PUBLISH_COMPLETE`` (with
  ``publicaly_available_post_id``, TikTok's spelling) or ``SEND_TO_USER_INBOX``, or
  ``FAILED`` with ``fail_reason`` when ``fail_reason`` is set.
- ``POST /v2/video/query/?fields=`` with ``filters.video_ids``.
Errors as TikTok sends them: ``{"data": {}, "error": {"code", "message", "log_id"}}``.
Faults: ``init_error`` (a code from :data:`ERRORS`, answered to the next inits),
``cut_at`` (``(chunk index, bytes)``: the connection is cut after that many bytes of that
chunk, once), ``drop_last_answer`` (the last chunk is stored, its answer lost).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import secrets
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlencode

from publishers.loopback import Handler, LoopbackServer

MB = 1024 * 1024
MIN_CHUNK, MAX_CHUNK, MAX_LAST = 5 * MB, 64 * MB, 128 * MB
REGISTERED = "http://127.0.0.1:8734/callback"

#: TikTok's posting errors: HTTP status and message as its reference gives them
ERRORS: dict[str, tuple[int, str]] = {
    "spam_risk_too_many_posts": (403, "The daily post cap from the API is reached for the "
                                      "current user."),
    "spam_risk_user_banned_from_posting": (403, "The user is banned from making new posts."),
    "spam_risk_too_many_pending_share": (403, "The daily upload cap from the API is reached "
                                              "for the current user."),
    "unaudited_client_can_only_post_to_private_accounts": (
        403, "Please review our integration guidelines at https://developers.tiktok.com/doc/"
             "content-sharing-guidelines/"),
    "reached_active_user_cap": (403, "The daily quota for active publishing users from your "
                                     "client is reached."),
    "privacy_level_option_mismatch": (400, "privacy_level is not among the options "
                                           "creator_info returned."),
    "rate_limit_exceeded": (429, "API rate limit was exceeded, only 6 requests per minute "
                                 "per access token are allowed."),
    "access_token_invalid": (401, "The access token is invalid or not found in the "
                                  "request."),
    "scope_not_authorized": (401, "The user did not authorize the scope required for "
                                  "completing this request."),
    "invalid_params": (400, "Invalid parameters."),
}


def _log_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%d%H%M%S") + secrets.token_hex(8).upper()


def envelope(data: Any = None, code: str = "ok", message: str = "") -> dict[str, Any]:
    return {"data": data if data is not None else {},
            "error": {"code": code, "message": message, "log_id": _log_id()}}


@dataclass
class Upload:
    publish_id: str
    mode: str
    size: int
    chunk_size: int
    chunks: int
    post_info: dict[str, Any]
    received: bytearray = field(default_factory=bytearray)
    next_chunk: int = 0
    polls: int = 0
    post_id: str = ""


@dataclass
class FakeTikTok:
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    client_key: str = "awtestclientkey"
    client_secret: str = "tiktok-client-secret"
    creator: dict[str, Any] = field(default_factory=lambda: {
        "creator_avatar_url": "https://p16.tiktokcdn.example/avatar.jpeg",
        "creator_username": "amisduquartier", "creator_nickname": "Les Amis du Quartier",
        "privacy_level_options": ["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS",
                                  "FOLLOWER_OF_CREATOR", "SELF_ONLY"],
        "comment_disabled": False, "duet_disabled": True, "stitch_disabled": False,
        "max_video_post_duration_sec": 600})
    callback: str = REGISTERED
    access_seconds: int = 86400
    refresh_seconds: int = 31536000
    processing_polls: int = 1
    fail_reason: str = ""
    init_error: str = ""
    cut_at: tuple[int, int] | None = None
    drop_last_answer: bool = False
    granted: tuple[str, ...] = ("user.info.basic", "video.publish", "video.upload",
                                "video.list")
    uploads: dict[str, Upload] = field(default_factory=dict)
    requests: list[tuple[str, str]] = field(default_factory=list)
    bytes_received: int = 0
    codes: dict[str, dict[str, Any]] = field(default_factory=dict)
    access: dict[str, datetime] = field(default_factory=dict)
    refresh: set[str] = field(default_factory=set)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _ids: Any = field(default_factory=lambda: itertools.count(7_300_000_000_000_000_001))

    # ---- control
    def start(self) -> FakeTikTok:
        self.server = LoopbackServer(_Handler, self)
        self.server.__enter__()
        return self

    def stop(self) -> None:
        self.server.__exit__(None, None, None)

    @property
    def url(self) -> str:
        return self.server.url

    def issue(self) -> tuple[str, str]:
        """An access token and a refresh token, as a login would give."""
        access, refresh = "act." + secrets.token_urlsafe(24), "rft." + secrets.token_urlsafe(24)
        self.access[access] = self.now() + timedelta(seconds=self.access_seconds)
        self.refresh.add(refresh)
        return access, refresh

    def count(self, method: str, pattern: str) -> int:
        return sum(1 for m, p in self.requests if m == method and re.fullmatch(pattern, p))

    def published(self) -> list[Upload]:
        return [u for u in self.uploads.values() if u.post_id]

    def video(self, publish_id: str) -> bytes:
        return bytes(self.uploads[publish_id].received)

    # ---- handlers' helpers
    def authorised(self, header: str | None) -> bool:
        token = (header or "").removeprefix("Bearer ").strip()
        end = self.access.get(token)
        return end is not None and self.now() < end

    def check_chunks(self, source: dict[str, Any]) -> str:
        """Why the chunk arithmetic is wrong, per the media transfer guide ("" if right)."""
        size, chunk, count = (source.get("video_size"), source.get("chunk_size"),
                              source.get("total_chunk_count"))
        if not all(isinstance(v, int) and v > 0 for v in (size, chunk, count)):
            return "video_size, chunk_size and total_chunk_count are required"
        assert isinstance(size, int) and isinstance(chunk, int) and isinstance(count, int)
        if size < MIN_CHUNK:
            return "" if chunk == size and count == 1 else "a video under 5 MB goes whole"
        if size > MAX_CHUNK and count < 2:
            return "a video over 64 MB goes in several chunks"
        if not MIN_CHUNK <= chunk <= MAX_CHUNK and not (count == 1 and chunk == size):
            return "chunk_size must be 5 to 64 MB"
        if count != size // chunk:
            return "total_chunk_count must be video_size // chunk_size"
        if not 1 <= count <= 1000:
            return "1 to 1000 chunks"
        if size - chunk * (count - 1) > MAX_LAST:
            return "the last chunk is over 128 MB"
        return ""


class _Handler(Handler):
    @property
    def fake(self) -> FakeTikTok:
        return self.app  # type: ignore[no-any-return]

    def _record(self, method: str) -> None:
        with self.fake.lock:
            self.fake.requests.append((method, self.route))

    def error(self, code: str, message: str = "", status: int | None = None) -> None:
        known_status, known_message = ERRORS.get(code, (400, code))
        self.send(status or known_status, envelope({}, code, message or known_message))

    def do_GET(self) -> None:
        self._record("GET")
        if self.route == "/v2/auth/authorize/":
            q = {k: v[0] for k, v in self.query.items()}
            if q.get("client_key") != self.fake.client_key or q.get("redirect_uri") != self.fake.callback:
                self.send(400, {"error": "invalid_request",
                                "error_description": "redirect_uri or client_key invalid"})
                return
            code = secrets.token_urlsafe(16)
            self.fake.codes[code] = q
            target = q["redirect_uri"] + "?" + urlencode({
                "code": code, "state": q.get("state", ""), "scopes": ",".join(self.fake.granted)})
            self.send(302, headers={"Location": target})
            return
        if self.route == "/v2/user/info/":
            if not self.fake.authorised(self.headers.get("Authorization")):
                self.error("access_token_invalid")
                return
            self.send(200, envelope({"user": {
                "open_id": "-000ItOcH3a8a9d2dd2d0", "display_name": "Les Amis du Quartier",
                "avatar_url": "https://p16.tiktokcdn.example/avatar.jpeg"}}))
            return
        self.send(404, envelope({}, "not_found", "unknown path"))

    def do_POST(self) -> None:
        self._record("POST")
        fake = self.fake
        if self.route == "/v2/oauth/token/":
            self._token({k: v[0] for k, v in parse_qs(self.body().decode()).items()})
            return
        raw = self.body()
        if not fake.authorised(self.headers.get("Authorization")):
            self.error("access_token_invalid")
            return
        payload = json.loads(raw or b"{}")
        if self.route == "/v2/post/publish/creator_info/query/":
            self.send(200, envelope(dict(fake.creator)))
        elif self.route in ("/v2/post/publish/video/init/",
                            "/v2/post/publish/inbox/video/init/"):
            self._init(payload, inbox="inbox" in self.route)
        elif self.route == "/v2/post/publish/status/fetch/":
            self._status(payload)
        elif self.route == "/v2/video/query/":
            ids = (payload.get("filters") or {}).get("video_ids") or []
            videos = [{"id": u.post_id, "view_count": 1200, "like_count": 87,
                       "comment_count": 9, "share_count": 4}
                      for u in fake.published() if u.post_id in ids]
            self.send(200, envelope({"videos": videos, "cursor": 0, "has_more": False}))
        else:
            self.send(404, envelope({}, "not_found", "unknown path"))

    def _token(self, form: dict[str, str]) -> None:
        fake = self.fake
        if form.get("client_key") != fake.client_key or \
                form.get("client_secret") != fake.client_secret:
            self.send(401, {"error": "invalid_client",
                            "error_description": "Client key or secret is incorrect.",
                            "log_id": _log_id()})
            return
        if form.get("grant_type") == "authorization_code":
            asked = fake.codes.pop(form.get("code", ""), None)
            verifier = form.get("code_verifier", "")
            if asked is None or form.get("redirect_uri") != asked.get("redirect_uri"):
                self.send(400, {"error": "invalid_grant",
                                "error_description": "Authorization code is expired.",
                                "log_id": _log_id()})
                return
            if hashlib.sha256(verifier.encode()).hexdigest() != asked.get("code_challenge"):
                self.send(400, {"error": "invalid_request",
                                "error_description": "Code verifier or code challenge is "
                                                     "invalid.", "log_id": _log_id()})
                return
        elif form.get("grant_type") == "refresh_token":
            old = form.get("refresh_token", "")
            if old not in fake.refresh:
                self.send(400, {"error": "invalid_grant",
                                "error_description": "Refresh token is invalid or expired.",
                                "log_id": _log_id()})
                return
            fake.refresh.discard(old)
        else:
            self.send(400, {"error": "unsupported_grant_type", "error_description": "",
                            "log_id": _log_id()})
            return
        access, refresh = fake.issue()
        self.send(200, {"access_token": access, "expires_in": fake.access_seconds,
                        "open_id": "-000ItOcH3a8a9d2dd2d0", "refresh_token": refresh,
                        "refresh_expires_in": fake.refresh_seconds,
                        "scope": ",".join(fake.granted), "token_type": "Bearer"})

    def _init(self, payload: dict[str, Any], *, inbox: bool) -> None:
        fake = self.fake
        if fake.init_error:
            self.error(fake.init_error)
            return
        source = payload.get("source_info") or {}
        if source.get("source") != "FILE_UPLOAD":
            self.error("invalid_params", "source must be FILE_UPLOAD here")
            return
        why = fake.check_chunks(source)
        if why:
            self.error("invalid_params", why)
            return
        info = payload.get("post_info") or {}
        if not inbox and info.get("privacy_level") not in fake.creator["privacy_level_options"]:
            self.error("privacy_level_option_mismatch")
            return
        publish_id = f"v_pub_file~v2-1.{secrets.randbelow(10**18)}"
        fake.uploads[publish_id] = Upload(publish_id, "inbox" if inbox else "direct",
                                          source["video_size"], source["chunk_size"],
                                          source["total_chunk_count"], dict(info))
        self.send(200, envelope({"publish_id": publish_id,
                                 "upload_url": f"{fake.url}/upload/{publish_id}"}))

    def _status(self, payload: dict[str, Any]) -> None:
        fake = self.fake
        upload = fake.uploads.get(str(payload.get("publish_id") or ""))
        if upload is None:
            self.error("invalid_params", "publish_id does not exist")
            return
        data: dict[str, Any] = {"uploaded_bytes": len(upload.received)}
        if len(upload.received) < upload.size:
            data["status"] = "PROCESSING_UPLOAD"
        elif upload.polls < fake.processing_polls:
            upload.polls += 1
            data["status"] = "PROCESSING_DOWNLOAD"
        elif fake.fail_reason:
            data.update(status="FAILED", fail_reason=fake.fail_reason)
        elif upload.mode == "inbox":
            data["status"] = "SEND_TO_USER_INBOX"
        else:
            if not upload.post_id:
                upload.post_id = str(next(fake._ids))
            data.update(status="PUBLISH_COMPLETE",
                        publicaly_available_post_id=[int(upload.post_id)])
        self.send(200, envelope(data))

    def do_PUT(self) -> None:
        self._record("PUT")
        fake = self.fake
        match = re.fullmatch(r"/upload/(.+)", self.route)
        upload = fake.uploads.get(match.group(1)) if match else None
        if upload is None:
            self.send(404, envelope({}, "invalid_params", "upload_url is not valid"))
            return
        length = int(self.headers.get("Content-Length") or -1)
        ranged = re.fullmatch(r"bytes (\d+)-(\d+)/(\d+)", self.headers.get("Content-Range") or "")
        index = upload.next_chunk
        first = index * upload.chunk_size
        last = upload.size - 1 if index == upload.chunks - 1 else first + upload.chunk_size - 1
        if (ranged is None or index >= upload.chunks
                or (int(ranged[1]), int(ranged[2]), int(ranged[3])) != (first, last, upload.size)
                or length != last - first + 1
                or self.headers.get("Content-Type") not in ("video/mp4", "video/quicktime",
                                                            "video/webm")):
            self.body()
            self.send(400, envelope({}, "invalid_params",
                                    f"expected Content-Range bytes {first}-{last}/{upload.size}"))
            return
        cut = fake.cut_at if fake.cut_at and fake.cut_at[0] == index else None
        data = bytearray()
        while len(data) < length:
            block = self.rfile.read(min(64 * 1024, length - len(data)))
            if not block:
                break
            data += block
            with fake.lock:
                fake.bytes_received += len(block)
            if cut is not None and len(data) >= cut[1]:
                fake.cut_at = None
                self.connection.shutdown(socket.SHUT_RDWR)
                self.close_connection = True
                return
        if len(data) != length:
            self.close_connection = True
            return
        upload.received += data
        upload.next_chunk += 1
        final = upload.next_chunk == upload.chunks
        if final and fake.drop_last_answer:
            fake.drop_last_answer = False
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
            return
        self.send(201 if final else 206, raw=b"", content_type="text/plain")
