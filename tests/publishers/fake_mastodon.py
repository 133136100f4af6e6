"""A fake Mastodon instance on loopback, following PLATFORMS.md §2 and §13.

Paths, payloads and errors as Mastodon's documentation gives them:
- ``POST /api/v1/apps``, ``GET /oauth/authorize`` (approves at once, as if the user
  clicked "Authorise", then redirects), ``POST /oauth/token`` (checks PKCE S256);
- ``GET /api/v1/accounts/verify_credentials``, ``GET /api/v2/instance``;
- ``POST /api/v2/media``: ``200`` when processed at once, ``202`` with ``url: null``
  while processing; ``GET /api/v1/media/:id``: ``206`` while processing, then ``200``;
- ``POST /api/v1/statuses`` with ``Idempotency-Key``: a replay within the hour returns
  the same status (``honour_idempotency=False`` plays a compatible server that ignores
  the key); ``422 {"error": "Validation failed: ..."}``; media still processing → 422;
- ``GET /api/v1/statuses/:id``, ``GET /api/v1/accounts/:id/statuses``;
- ``DELETE /api/v1/statuses/:id``: the deleted status, 404 once gone;
- ``401 {"error": "The access token is invalid"}``; ``X-RateLimit-*`` headers on
  every authenticated answer, the reset as an ISO 8601 timestamp; ``429`` past the limit.
Faults: ``fail_next`` (answer these statuses, nothing done), ``fail_after_create`` (create
the next statuses, then answer this, as a proxy whose upstream timed out), ``outage_until``
(every authenticated request answered ``503`` until then, on the ``now`` clock).
Statuses are rendered to HTML the way Mastodon does (paragraphs, ``<br />``, links
with invisible scheme spans, hashtag links), so readers must parse real-looking HTML.
"""

from __future__ import annotations

import base64
import hashlib
import html
import itertools
import json
import re
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any
from urllib.parse import parse_qs, urlencode

import regex

from publishers.loopback import Handler

URL_RE = re.compile(r"https?://[^\s<>\"]+[^\s<>\"'.,;:!?)\]]")
TAG_RE = re.compile(r"(?<![\w#])#(\w+)")
GRAPHEME = regex.compile(r"\X")


def _multipart(content_type: str, body: bytes) -> tuple[dict[str, str], dict[str, tuple[str, bytes, str]]]:
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body)
    fields: dict[str, str] = {}
    files: dict[str, tuple[str, bytes, str]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        filename = part.get_filename()
        payload = part.get_payload(decode=True) or b""
        if filename is not None:
            files[str(name)] = (filename, payload, part.get_content_type())
        else:
            fields[str(name)] = payload.decode("utf-8")
    return fields, files


def render(text: str, domain: str) -> str:
    """Plain text as Mastodon renders it to HTML."""
    def link(m: re.Match[str]) -> str:
        url = m.group(0)
        scheme, _sep, rest = url.partition("://")
        shown, hidden = rest[:30], rest[30:]
        ellipsis = " class=\"ellipsis\"" if hidden else ""
        return (f'<a href="{html.escape(url)}" target="_blank" rel="nofollow noopener">'
                f'<span class="invisible">{scheme}://</span><span{ellipsis}>{html.escape(shown)}'
                f'</span><span class="invisible">{html.escape(hidden)}</span></a>')

    paragraphs = []
    for para in text.strip().split("\n\n"):
        escaped = html.escape(para, quote=False)
        escaped = URL_RE.sub(link, escaped)
        escaped = TAG_RE.sub(lambda m: (f'<a href="https://{domain}/tags/{m.group(1).lower()}" '
                                        f'class="mention hashtag" rel="tag">#<span>{m.group(1)}'
                                        f'</span></a>'), escaped)
        paragraphs.append("<p>" + escaped.replace("\n", "<br />") + "</p>")
    return "".join(paragraphs)


def length(text: str) -> int:
    text = URL_RE.sub("x" * 23, text)
    text = re.sub(r"@(\w+)@[\w.-]+\w", r"@\1", text)
    return len(GRAPHEME.findall(text))


@dataclass
class Media:
    id: str
    type: str
    description: str | None
    polls_left: int  # 0: processed
    size: int
    filename: str

    def entity(self, base: str) -> dict[str, Any]:
        done = self.polls_left <= 0
        return {"id": self.id, "type": self.type,
                "url": f"{base}/system/media/{self.id}/{self.filename}" if done else None,
                "preview_url": f"{base}/system/media/{self.id}/small.jpg",
                "remote_url": None, "meta": {}, "description": self.description,
                "blurhash": "UFBWY:8_0Jxu"}


@dataclass
class FakeMastodon:
    """The state of the fake instance. Tests read and steer it."""

    domain: str = "social.example"
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    account_id: str = "109372843"
    username: str = "asso"
    max_characters: int = 500
    max_media: int = 4
    image_size_limit: int = 16 * 1024 * 1024
    description_limit: int = 1500
    rate_limit: int = 300
    polls_before_ready: int = 2  # 206 answers before 200, for media uploaded with 202
    async_over_bytes: int = 100_000  # images bigger than this answer 202
    statuses: dict[str, dict[str, Any]] = field(default_factory=dict)
    media: dict[str, Media] = field(default_factory=dict)
    idempotency: dict[str, str] = field(default_factory=dict)
    requests: list[dict[str, Any]] = field(default_factory=list)
    apps: dict[str, dict[str, str]] = field(default_factory=dict)
    codes: dict[str, dict[str, str]] = field(default_factory=dict)
    hold_next_status: threading.Event | None = None  # answer only once this is set
    fail_next: list[int] = field(default_factory=list)  # statuses to answer next, e.g. [503]
    fail_after_create: list[int] = field(default_factory=list)  # created, then e.g. 502
    outage_until: datetime | None = None  # 503 to everything authenticated until then
    outage_after_create: timedelta | None = None  # a fail_after_create starts an outage
    honour_idempotency: bool = True
    key_ttl: timedelta = timedelta(hours=1)
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    keys_seen_at: dict[str, datetime] = field(default_factory=dict)
    base_url: str = ""
    lock: threading.RLock = field(default_factory=threading.RLock)
    ids: Any = field(default_factory=lambda: itertools.count(110_000_000_000_000_000))
    used: int = 0
    reset_at: datetime = field(default_factory=lambda: datetime.now(UTC) + timedelta(minutes=5))

    def next_id(self) -> str:
        return str(next(self.ids))

    def status_requests(self) -> list[dict[str, Any]]:
        return [r for r in self.requests if r["method"] == "POST" and r["path"] == "/api/v1/statuses"]

    def instance(self) -> dict[str, Any]:
        return {
            "domain": self.domain, "title": "Social Example", "version": "4.3.2",
            "source_url": "https://github.com/mastodon/mastodon", "description": "",
            "configuration": {
                "urls": {"streaming": f"wss://{self.domain}"},
                "accounts": {"max_featured_tags": 10},
                "statuses": {"max_characters": self.max_characters,
                             "max_media_attachments": self.max_media,
                             "characters_reserved_per_url": 23},
                "media_attachments": {
                    "supported_mime_types": ["image/jpeg", "image/png", "image/gif",
                                             "image/heic", "image/heif", "image/webp",
                                             "image/avif", "video/webm", "video/mp4",
                                             "video/quicktime"],
                    "description_limit": self.description_limit,
                    "image_size_limit": self.image_size_limit,
                    "image_matrix_limit": 33177600,
                    "video_size_limit": 103809024,
                    "video_frame_rate_limit": 120,
                    "video_matrix_limit": 8294400},
                "polls": {"max_options": 4, "max_characters_per_option": 50},
            },
            "registrations": {"enabled": False, "approval_required": False},
            "contact": {"email": "admin@social.example"},
        }

    def account(self) -> dict[str, Any]:
        return {"id": self.account_id, "username": self.username, "acct": self.username,
                "display_name": "Association Énergie Solidaire", "locked": False, "bot": False,
                "url": f"https://{self.domain}/@{self.username}", "statuses_count":
                len(self.statuses), "source": {"privacy": "public", "language": "fr"}}


class MastodonHandler(Handler):
    def _record(self, body: bytes) -> None:
        self.app.requests.append({
            "method": self.command, "path": self.route, "query": self.query,
            "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body})

    def _authorised(self) -> bool:
        auth = self.headers.get("Authorization", "")
        if auth != f"Bearer {self.app.token}":
            self.send(401, {"error": "The access token is invalid"})
            return False
        return True

    def _rate_headers(self) -> dict[str, str]:
        app: FakeMastodon = self.app
        return {"X-RateLimit-Limit": str(app.rate_limit),
                "X-RateLimit-Remaining": str(max(0, app.rate_limit - app.used)),
                "X-RateLimit-Reset": app.reset_at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")}

    def _limited(self) -> bool:
        app: FakeMastodon = self.app
        with app.lock:
            app.used += 1
            over = app.used > app.rate_limit
        if over:
            self.send(429, {"error": "Too many requests"}, headers=self._rate_headers())
        return over

    def _injected(self) -> bool:
        with self.app.lock:
            status = self.app.fail_next.pop(0) if self.app.fail_next else None
            if (status is None and self.app.outage_until is not None
                    and self.app.now() < self.app.outage_until):
                status = 503
        if status is None:
            return False
        self.send(status, {"error": "Remote data could not be fetched"})
        return True

    def _params(self, body: bytes) -> tuple[dict[str, Any], dict[str, tuple[str, bytes, str]]]:
        ctype = self.headers.get("Content-Type", "")
        if ctype.startswith("application/json"):
            return json.loads(body or b"{}"), {}
        if ctype.startswith("multipart/form-data"):
            fields, files = _multipart(ctype, body)
            return dict(fields), files
        parsed = parse_qs(body.decode(), keep_blank_values=True)
        out: dict[str, Any] = {}
        for key, values in parsed.items():
            if key.endswith("[]"):
                out[key[:-2]] = values
            else:
                out[key] = values[0]
        return out, {}

    # ---- GET
    def do_GET(self) -> None:
        self._record(b"")
        app: FakeMastodon = self.app
        route = self.route
        if route == "/api/v2/instance":
            self.send(200, app.instance())
            return
        if route == "/oauth/authorize":
            q = {k: v[0] for k, v in self.query.items()}
            client = app.apps.get(q.get("client_id", ""))
            if client is None or q.get("redirect_uri") != client["redirect_uri"]:
                self.send(400, raw=b"<html>The redirect uri included is not valid.</html>",
                          content_type="text/html")
                return
            code = secrets.token_urlsafe(16)
            app.codes[code] = {"client_id": q["client_id"], "challenge": q.get("code_challenge", ""),
                               "redirect_uri": q["redirect_uri"]}
            location = q["redirect_uri"] + "?" + urlencode({"code": code, "state": q.get("state", "")})
            self.send(302, raw=b"", headers={"Location": location}, content_type="text/html")
            return
        if not self._authorised() or self._limited() or self._injected():
            return
        headers = self._rate_headers()
        if route == "/api/v1/accounts/verify_credentials":
            self.send(200, app.account(), headers=headers)
        elif m := re.fullmatch(r"/api/v1/media/(\d+)", route):
            with app.lock:
                media = app.media.get(m.group(1))
                if media is not None and media.polls_left > 0:
                    media.polls_left -= 1
                    self.send(206, media.entity(app.base_url), headers=headers)
                    return
            if media is None:
                self.send(404, {"error": "Record not found"}, headers=headers)
            else:
                self.send(200, media.entity(app.base_url), headers=headers)
        elif m := re.fullmatch(r"/api/v1/statuses/(\d+)", route):
            status = app.statuses.get(m.group(1))
            if status is None:
                self.send(404, {"error": "Record not found"}, headers=headers)
            else:
                self.send(200, status, headers=headers)
        elif m := re.fullmatch(r"/api/v1/accounts/(\d+)/statuses", route):
            limit = int(self.query.get("limit", ["20"])[0])
            newest = sorted(app.statuses.values(), key=lambda s: int(s["id"]), reverse=True)
            self.send(200, newest[:min(limit, 40)], headers=headers)
        else:
            self.send(404, {"error": "Record not found"}, headers=headers)

    # ---- POST
    def do_POST(self) -> None:
        body = self.body()
        self._record(body)
        app: FakeMastodon = self.app
        route = self.route
        params, files = self._params(body)
        if route == "/api/v1/apps":
            client_id, secret = secrets.token_urlsafe(24), secrets.token_urlsafe(32)
            app.apps[client_id] = {"secret": secret, "redirect_uri": params["redirect_uris"],
                                   "scopes": params.get("scopes", "read")}
            self.send(200, {"id": app.next_id(), "name": params["client_name"],
                            "website": params.get("website"),
                            "redirect_uri": params["redirect_uris"],
                            "client_id": client_id, "client_secret": secret})
            return
        if route == "/oauth/token":
            self._token(params)
            return
        if not self._authorised() or self._limited() or self._injected():
            return
        if route == "/api/v2/media":
            self._media(params, files)
        elif route == "/api/v1/statuses":
            self._status(params)
        else:
            self.send(404, {"error": "Record not found"})

    # ---- DELETE
    def do_DELETE(self) -> None:
        self._record(self.body())
        app: FakeMastodon = self.app
        if not self._authorised() or self._limited() or self._injected():
            return
        m = re.fullmatch(r"/api/v1/statuses/(\d+)", self.route)
        with app.lock:
            status = app.statuses.pop(m.group(1), None) if m else None
        if status is None:
            self.send(404, {"error": "Record not found"}, headers=self._rate_headers())
            return
        # Mastodon answers with the deleted status and its source text, to redraft it
        self.send(200, {**status, "text": status.get("text", "")},
                  headers=self._rate_headers())

    def _token(self, params: dict[str, Any]) -> None:
        app: FakeMastodon = self.app
        client = app.apps.get(params.get("client_id", ""))
        if client is None or client["secret"] != params.get("client_secret"):
            self.send(401, {"error": "invalid_client", "error_description":
                            "Client authentication failed due to unknown client, no client "
                            "authentication included, or unsupported authentication method."})
            return
        grant = app.codes.pop(params.get("code", ""), None)
        verifier = params.get("code_verifier", "")
        expected = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()
                                            ).rstrip(b"=").decode()
        if (grant is None or grant["redirect_uri"] != params.get("redirect_uri")
                or grant["challenge"] != expected):
            self.send(400, {"error": "invalid_grant", "error_description":
                            "The provided authorization grant is invalid, expired, revoked, "
                            "does not match the redirection URI used in the authorization "
                            "request, or was issued to another client."})
            return
        app.token = secrets.token_urlsafe(32)
        self.send(200, {"access_token": app.token, "token_type": "Bearer",
                        "scope": client["scopes"], "created_at": 1_700_000_000})

    def _media(self, params: dict[str, Any], files: dict[str, tuple[str, bytes, str]]) -> None:
        app: FakeMastodon = self.app
        headers = self._rate_headers()
        if "file" not in files:
            self.send(422, {"error": "Validation failed: File can't be blank"}, headers=headers)
            return
        filename, data, ctype = files["file"]
        if ctype not in app.instance()["configuration"]["media_attachments"]["supported_mime_types"]:
            self.send(422, {"error": "Validation failed: File content type is invalid, File "
                                     "is invalid"}, headers=headers)
            return
        if ctype.startswith("image/") and len(data) > app.image_size_limit:
            self.send(422, {"error": f"Validation failed: File file size must be less than "
                                     f"{app.image_size_limit // (1024 * 1024)} MB"},
                      headers=headers)
            return
        description = params.get("description")
        if description and len(description) > app.description_limit:
            self.send(422, {"error": "Validation failed: Description is too long (maximum is "
                                     f"{app.description_limit} characters)"}, headers=headers)
            return
        kind = "video" if ctype.startswith("video/") else "image"
        asynchronous = kind == "video" or len(data) > app.async_over_bytes
        media = Media(app.next_id(), kind, description,
                      app.polls_before_ready if asynchronous else 0, len(data), filename)
        with app.lock:
            app.media[media.id] = media
        self.send(202 if asynchronous else 200, media.entity(app.base_url), headers=headers)

    def _status(self, params: dict[str, Any]) -> None:
        app: FakeMastodon = self.app
        headers = self._rate_headers()
        key = self.headers.get("Idempotency-Key")
        hold = None
        with app.lock:
            if (key and app.honour_idempotency and key in app.idempotency
                    and app.now() - app.keys_seen_at[key] < app.key_ttl):
                self.send(200, app.statuses[app.idempotency[key]], headers=headers)
                return
            text = str(params.get("status") or "")
            media_ids = [str(i) for i in (params.get("media_ids") or [])]
            spoiler = str(params.get("spoiler_text") or "")
            error = None
            if not text.strip() and not media_ids:
                error = "Validation failed: Text can't be blank"
            elif length(spoiler + text) > app.max_characters:
                error = f"Validation failed: Text character limit of {app.max_characters} exceeded"
            elif len(media_ids) > app.max_media:
                error = f"Validation failed: Media attachments must not exceed {app.max_media}"
            elif params.get("visibility", "public") not in ("public", "unlisted", "private", "direct"):
                error = "Validation failed: Visibility is not included in the list"
            elif any(i not in app.media for i in media_ids):
                error = "Validation failed: Media attachments are invalid"
            elif any(app.media[i].polls_left > 0 for i in media_ids):
                error = "Cannot attach files that have not finished processing. Try again in a moment!"
            if error:
                self.send(422, {"error": error}, headers=headers)
                return
            status_id = app.next_id()
            status = {
                "id": status_id, "created_at": app.now().strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                "uri": f"https://{app.domain}/users/{app.username}/statuses/{status_id}",
                "url": f"https://{app.domain}/@{app.username}/{status_id}",
                "content": render(text, app.domain), "visibility": params.get("visibility", "public"),
                "sensitive": bool(params.get("sensitive")) or bool(spoiler),
                "spoiler_text": spoiler, "language": params.get("language"),
                "media_attachments": [app.media[i].entity(app.base_url) for i in media_ids],
                "replies_count": 0, "reblogs_count": 0, "favourites_count": 0,
                "account": app.account(), "text": None,
            }
            app.statuses[status_id] = status
            if key:
                app.idempotency[key] = status_id
                app.keys_seen_at[key] = app.now()
            hold, app.hold_next_status = app.hold_next_status, None
            after = app.fail_after_create.pop(0) if app.fail_after_create else None
            if after is not None and app.outage_after_create is not None:
                app.outage_until = app.now() + app.outage_after_create
        if hold is not None:
            hold.wait(30)  # the client gave up waiting: the status exists all the same
        if after is not None:
            self.send(after, raw=b"<html><body><h1>502 Bad Gateway</h1></body></html>",
                      content_type="text/html")
            return
        self.send(200, status, headers=headers)
