"""A fake YouTube Data API v3 and Google OAuth on loopback, following PLATFORMS.md §10 and
LESSONS.md §3.4, through the real ``requests`` stack.

- OAuth for installed apps: ``GET /o/oauth2/v2/auth`` (approves at once and redirects to
  the registered callback, which must match exactly; S256 PKCE; ``access_type=offline``
  gives a refresh token), ``POST /token`` (form, client id *and* secret):
  ``authorization_code`` checks the verifier; ``refresh_token`` answers a new access
  token (1 hour), or ``400 invalid_grant`` when ``testing`` is on and the refresh token
  is 7 days old (Google's rule for apps whose consent screen is in "Testing").
- Resumable ``videos.insert``: ``POST /upload/youtube/v3/videos?uploadType=resumable``
  (checks the metadata as YouTube does) → ``Location`` session URI; ``PUT`` chunks with
  ``Content-Range: bytes a-b/N``: every chunk but the last a multiple of 256 KiB,
  starting exactly where the server's bytes end (order), its length matching the range;
  ``308`` with ``Range: bytes=0-k`` while incomplete, ``201`` + the video resource when
  complete. ``PUT`` with ``Content-Range: bytes */N`` is the probe. The bytes are kept
  (``video_bytes``) and every byte received is counted (``bytes_received``).
- ``channels.list`` (``mine``/``id``), ``playlistItems.list`` (the uploads playlist,
  newest first, 50 a page), ``videos.list?part=statistics``, ``thumbnails.set``.
- Errors with Google's bodies: ``quotaExceeded`` (403), ``uploadLimitExceeded`` (400),
  the daily ``429`` (``RESOURCE_EXHAUSTED``), ``401``, ``thumbnails.set`` ``403
  forbidden``.
Faults: ``cut_chunks`` (the next chunk PUTs, None for one not cut: keep this many bytes of the chunk, rounded
down to 256 KiB as Google keeps them, then cut the connection without answering),
``lose_final_answer`` (the video is made, the answer never comes), ``forget_sessions``
(a finished or cut session answers 404 to later probes), ``fail_probes`` (probes answered
503), ``quota`` (the reason refused at the next session start), ``thumbnail_error``.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import secrets
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from publishers.loopback import Handler, LoopbackServer

UNIT = 256 * 1024
SCOPES = {"https://www.googleapis.com/auth/youtube.upload",
          "https://www.googleapis.com/auth/youtube.readonly",
          "https://www.googleapis.com/auth/youtube",
          "https://www.googleapis.com/auth/youtube.force-ssl"}


def google_error(code: int, reason: str, message: str, domain: str = "youtube.quota",
                 status: str = "") -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "message": message,
                             "errors": [{"message": message, "domain": domain,
                                         "reason": reason}]}
    if status:
        error["status"] = status
    return {"error": error}


QUOTA = google_error(403, "quotaExceeded", "The request cannot be completed because you have "
                     "exceeded your <a href=\"/youtube/v3/getting-started#quota\">quota</a>.")
UPLOAD_LIMIT = google_error(400, "uploadLimitExceeded", "The user has exceeded the number of "
                            "videos they may upload.", domain="youtube.video")
DAILY_429 = google_error(429, "rateLimitExceeded", "Quota exceeded for quota metric 'Queries' "
                         "and limit 'Queries per day' of service 'youtube.googleapis.com'.",
                         domain="usageLimits", status="RESOURCE_EXHAUSTED")
UNAUTHORIZED = google_error(401, "authError", "Invalid Credentials", domain="global",
                            status="UNAUTHENTICATED")
THUMBNAIL_FORBIDDEN = google_error(
    403, "forbidden", "The authenticated user doesn't have permissions to upload and set "
    "custom video thumbnails.", domain="youtube.thumbnail")


@dataclass
class Upload:
    id: str
    size: int
    mime: str
    resource: dict[str, Any]
    notify: str
    data: bytearray = field(default_factory=bytearray)
    video_id: str = ""
    gone: bool = False


@dataclass
class FakeYouTube:
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    channels: list[dict[str, Any]] = field(default_factory=lambda: [{
        "id": "UCamisduquartier000000a", "snippet": {"title": "Les Amis du Quartier",
                                                   "customUrl": "@amisduquartier"}}])
    clients: dict[str, str] = field(default_factory=dict)  # client id → secret
    callback: str = ""
    testing: bool = False  # the consent screen is in "Testing": refresh tokens last 7 days
    audited: bool = True  # False: uploads are locked private
    codes: dict[str, dict[str, Any]] = field(default_factory=dict)
    access: dict[str, datetime] = field(default_factory=dict)
    refresh: dict[str, tuple[str, datetime]] = field(default_factory=dict)  # → client, issued
    uploads: dict[str, Upload] = field(default_factory=dict)
    videos: dict[str, dict[str, Any]] = field(default_factory=dict)
    video_bytes: dict[str, bytes] = field(default_factory=dict)
    thumbnails: dict[str, bytes] = field(default_factory=dict)
    statistics: dict[str, dict[str, str]] = field(default_factory=dict)
    bytes_received: int = 0
    violations: list[str] = field(default_factory=list)
    cut_chunks: list[int | None] = field(default_factory=list)
    lose_final_answer: bool = False
    forget_sessions: bool = False
    fail_probes: int = 0
    quota: str = ""  # "quotaExceeded", "uploadLimitExceeded" or "429"
    thumbnail_error: bool = False
    calls: list[tuple[str, str, str]] = field(default_factory=list)  # method, path, range
    lock: threading.RLock = field(default_factory=threading.RLock)
    ids: Any = field(default_factory=lambda: itertools.count(1))
    server: LoopbackServer | None = None

    def start(self) -> FakeYouTube:
        self.server = LoopbackServer(_Handler, self).__enter__()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.__exit__(None, None, None)

    @property
    def url(self) -> str:
        assert self.server is not None
        return self.server.url

    def add_client(self) -> tuple[str, str]:
        client_id = f"{secrets.randbelow(10**12)}-fake.apps.googleusercontent.com"
        secret = "GOCSPX-" + secrets.token_urlsafe(18)
        self.clients[client_id] = secret
        return client_id, secret

    def issue(self, client_id: str) -> tuple[str, str]:
        access = "ya29." + secrets.token_urlsafe(24)
        refresh = "1//" + secrets.token_urlsafe(24)
        self.access[access] = self.now() + timedelta(hours=1)
        self.refresh[refresh] = (client_id, self.now())
        return access, refresh

    def count(self, method: str, path: str) -> int:
        return sum(1 for m, p, _r in self.calls if m == method and p == path)

    def puts(self) -> list[str]:
        """The Content-Range of every PUT to an upload session, in order."""
        return [r for m, p, r in self.calls if m == "PUT"]


class _Handler(Handler):
    app: FakeYouTube

    def _log(self, method: str) -> None:
        with self.app.lock:
            self.app.calls.append((method, self.route, self.headers.get("Content-Range", "")))

    def _authorised(self) -> bool:
        header = self.headers.get("Authorization", "")
        token = header.removeprefix("Bearer ")
        with self.app.lock:
            end = self.app.access.get(token)
            ok = header.startswith("Bearer ") and end is not None and self.app.now() < end
        if not ok:
            self.body()
            self.send(401, UNAUTHORIZED, headers={"WWW-Authenticate": "Bearer"})
        return ok

    def _cut(self) -> None:
        """Hang up without an answer (a network cut)."""
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    # ---- GET
    def do_GET(self) -> None:
        self._log("GET")
        q = {k: v[0] for k, v in self.query.items()}
        if self.route == "/o/oauth2/v2/auth":
            self._authorize(q)
            return
        if not self._authorised():
            return
        app = self.app
        with app.lock:
            if self.route == "/youtube/v3/channels":
                wanted = [c for c in app.channels if q.get("mine") == "true"
                          or c["id"] == q.get("id")]
                items = [{**c, "contentDetails": {"relatedPlaylists": {
                    "uploads": "UU" + c["id"][2:]}}} for c in wanted]
                self.send(200, {"kind": "youtube#channelListResponse", "items": items})
            elif self.route == "/youtube/v3/playlistItems":
                self._playlist(q)
            elif self.route == "/youtube/v3/videos":
                items = [{"id": i, "statistics": app.statistics.get(i, {
                    "viewCount": "0", "likeCount": "0", "favoriteCount": "0",
                    "commentCount": "0"})}
                         for i in q.get("id", "").split(",") if i in app.videos]
                self.send(200, {"kind": "youtube#videoListResponse", "items": items})
            else:
                self.send(404, google_error(404, "notFound", "Not Found", domain="global"))

    def _authorize(self, q: dict[str, str]) -> None:
        app = self.app
        scopes = set(q.get("scope", "").split())
        if (q.get("client_id") not in app.clients or q.get("redirect_uri") != app.callback
                or q.get("code_challenge_method") != "S256" or not scopes <= SCOPES
                or q.get("response_type") != "code"):
            self.send(400, raw=b"<html>Error 400: redirect_uri_mismatch</html>",
                      content_type="text/html")
            return
        code = "4/" + secrets.token_urlsafe(16)
        app.codes[code] = {"client_id": q["client_id"], "challenge": q.get("code_challenge"),
                           "redirect_uri": q["redirect_uri"], "scopes": scopes,
                           "offline": q.get("access_type") == "offline"}
        location = q["redirect_uri"] + "?" + urlencode({"state": q.get("state", ""),
                                                        "code": code, "scope": " ".join(scopes)})
        self.send(302, raw=b"", headers={"Location": location}, content_type="text/html")

    def _playlist(self, q: dict[str, str]) -> None:
        app = self.app
        ordered = sorted(app.videos.values(), key=lambda v: v["snippet"]["publishedAt"],
                         reverse=True)
        start = int(q.get("pageToken") or 0)
        size = min(50, int(q.get("maxResults") or 5))
        page = ordered[start:start + size]
        body: dict[str, Any] = {"kind": "youtube#playlistItemListResponse", "items": [{
            "kind": "youtube#playlistItem", "id": "PLI" + v["id"],
            "snippet": {"publishedAt": v["snippet"]["publishedAt"],
                        "title": v["snippet"]["title"],
                        "description": v["snippet"]["description"],
                        "playlistId": q.get("playlistId"),
                        "resourceId": {"kind": "youtube#video", "videoId": v["id"]}}}
            for v in page]}
        if start + size < len(ordered):
            body["nextPageToken"] = str(start + size)
        self.send(200, body)

    # ---- POST
    def do_POST(self) -> None:
        self._log("POST")
        if self.route == "/token":
            self._token()
            return
        if not self._authorised():
            return
        if self.route == "/upload/youtube/v3/videos":
            self._start()
        elif self.route == "/upload/youtube/v3/thumbnails/set":
            data = self.body()
            if self.app.thumbnail_error:
                self.send(403, THUMBNAIL_FORBIDDEN)
                return
            video_id = self.query.get("videoId", [""])[0]
            with self.app.lock:
                if video_id not in self.app.videos:
                    self.send(404, google_error(404, "videoNotFound", "Video not found",
                                                domain="youtube.video"))
                    return
                self.app.thumbnails[video_id] = data
            self.send(200, {"kind": "youtube#thumbnailSetResponse", "items": [{
                "default": {"url": f"https://i.ytimg.com/vi/{video_id}/default.jpg"}}]})
        else:
            self.body()
            self.send(404, google_error(404, "notFound", "Not Found", domain="global"))

    def _token(self) -> None:
        app = self.app
        form = {k: v[0] for k, v in _form(self.body()).items()}
        client = form.get("client_id", "")
        if client not in app.clients or app.clients[client] != form.get("client_secret"):
            self.send(401, {"error": "invalid_client", "error_description": "Unauthorized"})
            return
        with app.lock:
            if form.get("grant_type") == "authorization_code":
                grant = app.codes.pop(form.get("code", ""), None)
                verifier = form.get("code_verifier", "")
                challenge = base64.urlsafe_b64encode(
                    hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
                if (grant is None or grant["client_id"] != client
                        or grant["challenge"] != challenge
                        or grant["redirect_uri"] != form.get("redirect_uri")):
                    self.send(400, {"error": "invalid_grant", "error_description": "Bad Request"})
                    return
                access, refresh = app.issue(client)
                body = {"access_token": access, "expires_in": 3599, "token_type": "Bearer",
                        "scope": " ".join(sorted(grant["scopes"]))}
                if grant["offline"]:
                    body["refresh_token"] = refresh
                self.send(200, body)
            elif form.get("grant_type") == "refresh_token":
                known = app.refresh.get(form.get("refresh_token", ""))
                if known is None or known[0] != client or (
                        app.testing and app.now() - known[1] >= timedelta(days=7)):
                    self.send(400, {"error": "invalid_grant",
                                    "error_description": "Token has been expired or revoked."})
                    return
                access = "ya29." + secrets.token_urlsafe(24)
                app.access[access] = app.now() + timedelta(hours=1)
                self.send(200, {"access_token": access, "expires_in": 3599,
                                "token_type": "Bearer", "scope": " ".join(sorted(SCOPES))})
            else:
                self.send(400, {"error": "unsupported_grant_type"})

    def _start(self) -> None:
        app = self.app
        raw = self.body()
        q = {k: v[0] for k, v in self.query.items()}
        if app.quota:
            body = {"quotaExceeded": QUOTA, "uploadLimitExceeded": UPLOAD_LIMIT,
                    "429": DAILY_429}[app.quota]
            self.send(int(body["error"]["code"]), body)
            return
        try:
            resource = json.loads(raw)
            size = int(self.headers["X-Upload-Content-Length"])
            mime = self.headers["X-Upload-Content-Type"]
        except (ValueError, KeyError, TypeError):
            self.send(400, google_error(400, "badRequest", "Bad Request", domain="global"))
            return
        snippet, status = resource.get("snippet") or {}, resource.get("status") or {}
        title, description = str(snippet.get("title") or ""), str(snippet.get("description") or "")
        problem = ""
        if not title or len(title) > 100 or "<" in title or ">" in title:
            problem = "invalidTitle"
        elif len(description.encode()) > 5000 or "<" in description or ">" in description:
            problem = "invalidDescription"
        elif "publishAt" in status and status.get("privacyStatus") != "private":
            problem = "invalidPublishAt"
        elif "selfDeclaredMadeForKids" not in status:
            problem = "madeForKidsRequired"
        elif q.get("uploadType") != "resumable" or not mime.startswith(("video/",
                                                                        "application/octet")):
            problem = "badRequest"
        if problem:
            self.send(400, google_error(400, problem, f"The request metadata is invalid "
                                        f"({problem}).", domain="youtube.video"))
            return
        with app.lock:
            upload_id = "ABPtcP" + secrets.token_urlsafe(18)
            app.uploads[upload_id] = Upload(upload_id, size, mime, resource,
                                            q.get("notifySubscribers", "true"))
        location = (f"{app.url}/upload/youtube/v3/videos?uploadType=resumable&"
                    f"upload_id={upload_id}&part={q.get('part', '')}")
        self.send(200, raw=b"", headers={"Location": location, "X-GUploader-UploadID":
                                         upload_id})

    # ---- PUT: chunks and probes
    def do_PUT(self) -> None:
        self._log("PUT")
        if not self._authorised():
            return
        app = self.app
        upload_id = self.query.get("upload_id", [""])[0]
        header = self.headers.get("Content-Range", "")
        length = int(self.headers.get("Content-Length") or 0)
        with app.lock:
            upload = app.uploads.get(upload_id)
        if upload is None or upload.gone:
            self.body()
            self.send(404, google_error(404, "notFound", "Not Found", domain="global"))
            return
        if header.startswith("bytes */"):
            self.body()
            with app.lock:
                if app.fail_probes:
                    app.fail_probes -= 1
                    self.send(503, google_error(503, "backendError", "Backend Error",
                                                domain="global"))
                    return
            if int(header.removeprefix("bytes */")) != upload.size:
                app.violations.append(f"probe total {header} for {upload.size}")
            self._state(upload)
            return
        if upload.video_id:
            self.body()
            app.violations.append(f"bytes sent to a finished upload: {header}")
            self._state(upload)
            return
        try:
            span, total = header.removeprefix("bytes ").split("/")
            first, last = (int(x) for x in span.split("-"))
        except ValueError:
            self.body()
            app.violations.append(f"unreadable Content-Range {header!r}")
            self.send(400, google_error(400, "badRequest", "Bad Content-Range", domain="global"))
            return
        problems = []
        if int(total) != upload.size:
            problems.append(f"total {total} != {upload.size}")
        if first != len(upload.data):
            problems.append(f"chunk starts at {first}, server holds {len(upload.data)}")
        if last - first + 1 != length:
            problems.append(f"range {first}-{last} for a body of {length}")
        if last + 1 != upload.size and length % UNIT:
            problems.append(f"chunk of {length} bytes is not a multiple of 256 KiB")
        if problems:
            self.body()
            app.violations.extend(problems)
            self.send(400, google_error(400, "badRequest", "; ".join(problems),
                                        domain="global"))
            return
        with app.lock:
            cut = app.cut_chunks.pop(0) if app.cut_chunks else None
        if cut is not None:
            data = self.rfile.read(min(cut, length))
            kept = data[:len(data) - len(data) % UNIT]
            with app.lock:
                app.bytes_received += len(data)
                upload.data += kept
                if app.forget_sessions:
                    upload.gone = True
            self._cut()
            return
        data = self.rfile.read(length)
        with app.lock:
            app.bytes_received += len(data)
            upload.data += data
            if len(upload.data) == upload.size:
                self._finish(upload)
                if app.lose_final_answer:
                    app.lose_final_answer = False
                    if app.forget_sessions:
                        upload.gone = True
                    self._cut()
                    return
        self._state(upload)

    def _finish(self, upload: Upload) -> None:
        app = self.app
        video_id = f"vid{next(app.ids):08d}"
        snippet = {**upload.resource.get("snippet", {}),
                   "publishedAt": app.now().strftime("%Y-%m-%dT%H:%M:%SZ"),
                   "channelId": app.channels[0]["id"]}
        status = {**upload.resource.get("status", {}), "uploadStatus": "uploaded"}
        if not app.audited:
            status["privacyStatus"] = "private"
        app.videos[video_id] = {"kind": "youtube#video", "id": video_id, "snippet": snippet,
                                "status": status, "notifySubscribers": upload.notify}
        app.video_bytes[video_id] = bytes(upload.data)
        upload.video_id = video_id

    def _state(self, upload: Upload) -> None:
        if upload.video_id:
            self.send(201, self.app.videos[upload.video_id])
        elif upload.data:
            self.send(308, raw=b"", headers={"Range": f"bytes=0-{len(upload.data) - 1}"})
        else:
            self.send(308, raw=b"")


def _form(raw: bytes) -> dict[str, list[str]]:
    from urllib.parse import parse_qs

    return parse_qs(raw.decode())
