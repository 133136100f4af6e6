"""A fake LinkedIn on loopback, following PLATFORMS.md §8 and LESSONS.md §3.2.

One server plays both www.linkedin.com (OAuth) and api.linkedin.com (``/rest``):
- ``GET /oauth/v2/authorization`` checks the client id and that ``redirect_uri`` is one
  registered in the app (exactly), then approves at once (as if the member clicked
  "Allow") and redirects with ``code`` and ``state``; ``POST /oauth/v2/accessToken``
  exchanges a code (client secret required, same redirect address) or a refresh token
  (only for a "partner" app, as LinkedIn gives refresh tokens to a few partners only);
- every ``/rest`` call needs a valid bearer token, ``LinkedIn-Version`` (missing: 400
  ``VERSION_MISSING``; not an active version: **426 NONEXISTENT_VERSION**) and
  ``X-Restli-Protocol-Version: 2.0.0``; errors have LinkedIn's body
  ``{"status", "serviceErrorCode", "code", "message"}``;
- ``GET /rest/organizationAcls?q=roleAssignee``, ``GET /rest/organizations/{id}``;
- ``POST /rest/images?action=initializeUpload`` → ``value.uploadUrl`` + ``value.image``;
  ``PUT`` the bytes there; ``GET /rest/images/{urn}`` answers ``PROCESSING`` for
  ``processing_reads`` reads, then ``AVAILABLE`` (asynchronous processing);
- ``POST /rest/posts`` → ``201``, empty body, URN in ``x-restli-id``; the commentary is
  little text: an unescaped reserved character cuts the stored text there while the
  answer is still 201, as LinkedIn does; over 3000 characters → 422;
- ``GET /rest/posts?author=…&q=author&count=…&sortBy=LAST_MODIFIED``;
- ``GET /rest/organizationalEntityShareStatistics?q=organizationalEntity&…&shares=List(…)``;
- ``429`` past ``daily_limit`` calls (no Retry-After: LinkedIn sends none).
Faults: ``fail(method, path, status, body)`` answers an error once, ``drop_after(method,
path)`` does the work and cuts the connection before the answer.
"""

from __future__ import annotations

import itertools
import json
import re
import secrets
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

from publishers.loopback import Handler, LoopbackServer

ACTIVE_VERSIONS = frozenset({"202603", "202604", "202605", "202606", "202607"})
RESERVED = set("|{}@[]()<>#\\*_~")
HASHTAG = re.compile(r"#\w+")
URL = re.compile(r"https?://\S+")


def _error(status: int, code: str, message: str, service_code: int = 100) -> dict[str, Any]:
    return {"status": status, "serviceErrorCode": service_code, "code": code,
            "message": message}


def stored_commentary(text: str) -> str:
    """What LinkedIn keeps of a commentary: cut at the first unescaped reserved character
    (outside a hashtag or a link), the silent truncation peers report."""
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            i += 2
            continue
        for pattern in (URL, HASHTAG):
            match = pattern.match(text, i)
            if match and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "#")):
                i = match.end()
                break
        else:
            if text[i] in RESERVED:
                return text[:i]
            i += 1
    return text


@dataclass
class Post:
    urn: str
    author: str
    commentary: str
    sent_commentary: str
    content: dict[str, Any] | None
    created_ms: int
    stats: dict[str, Any] = field(default_factory=dict)


@dataclass
class Fault:
    method: str
    path: str
    status: int = 0
    body: dict[str, Any] | None = None
    drop_after: bool = False
    times: int = 1


class FakeLinkedIn:
    """The platform's state; ``server`` runs it on loopback."""

    def __init__(self, now: Callable[[], datetime]) -> None:
        self.now = now
        self.lock = threading.Lock()
        self.client_id = "77abcdefgh1234"
        self.client_secret = "WPL_AP1.secret." + secrets.token_hex(6)
        self.redirect_uris: list[str] = []
        self.partner = False  # LinkedIn gives refresh tokens to partner apps only
        self.scopes_granted = ("w_organization_social", "r_organization_social",
                               "rw_organization_admin")
        self.member = "urn:li:person:a1B2c3D4"
        self.orgs: dict[str, str] = {"urn:li:organization:2414183": "Les Amis du Quartier",
                                     "urn:li:organization:5550001": "Repair Café Nord"}
        self.roles: dict[str, str] = {"urn:li:organization:2414183": "ADMINISTRATOR",
                                      "urn:li:organization:5550001": "CONTENT_ADMIN",
                                      "urn:li:organization:7770002": "ANALYST"}
        self.codes: dict[str, dict[str, str]] = {}
        self.tokens: dict[str, float] = {}  # access token -> expiry (timestamp)
        self.refresh_tokens: dict[str, float] = {}
        self.images: dict[str, dict[str, Any]] = {}
        self.uploads: dict[str, str] = {}  # upload id -> image urn
        self.processing_reads = 2
        self.posts: list[Post] = []
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.faults: list[Fault] = []
        self.daily_limit: int | None = None
        self.rest_calls = 0
        self.versions = set(ACTIVE_VERSIONS)
        self._ids = itertools.count(7_100_000_000_000_000_001)
        self.server = LoopbackServer(_LinkedInHandler, self)
        self.server.__enter__()

    @property
    def url(self) -> str:
        return self.server.url

    def stop(self) -> None:
        self.server.__exit__(None, None, None)

    # ---- test helpers
    def add_token(self, lifetime_days: int = 60) -> str:
        token = "AQV" + secrets.token_urlsafe(24)
        self.tokens[token] = self.now().timestamp() + lifetime_days * 86400
        return token

    def fail(self, method: str, path: str, status: int, body: dict[str, Any] | None = None,
             times: int = 1) -> None:
        self.faults.append(Fault(method, path, status=status, body=body, times=times))

    def drop_after(self, method: str, path: str) -> None:
        self.faults.append(Fault(method, path, drop_after=True))

    def calls(self, method: str, path: str) -> list[dict[str, str]]:
        return [h for m, p, h in self.requests if m == method and re.search(path, p)]

    def take_fault(self, method: str, path: str) -> Fault | None:
        with self.lock:
            for fault in self.faults:
                if fault.times > 0 and fault.method == method and re.search(fault.path, path):
                    fault.times -= 1
                    return fault
        return None

    def _ms(self) -> int:
        return int(self.now().timestamp() * 1000)

    def next_id(self) -> int:
        return next(self._ids)


class _LinkedInHandler(Handler):
    app: FakeLinkedIn

    # ---- plumbing
    def _record(self, method: str) -> Fault | None:
        fake = self.app
        with fake.lock:
            fake.requests.append((method, self.path, dict(self.headers.items())))
        return fake.take_fault(method, self.path)

    def _drop(self) -> None:
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _rest_guard(self) -> bool:
        """LinkedIn's checks of every /rest call; False when an error was answered."""
        fake = self.app
        token = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
        expiry = fake.tokens.get(token)
        if expiry is None or expiry <= fake.now().timestamp():
            self.send(401, _error(401, "INVALID_ACCESS_TOKEN", "Invalid access token", 65600))
            return False
        version = self.headers.get("LinkedIn-Version")
        if not version:
            self.send(400, _error(400, "VERSION_MISSING", "A version must be present. Please "
                                  "specify a version by adding the LinkedIn-Version header."))
            return False
        if version not in fake.versions:
            self.send(426, _error(426, "NONEXISTENT_VERSION",
                                  f"Requested version {version} is not active"))
            return False
        if self.headers.get("X-Restli-Protocol-Version") != "2.0.0":
            self.send(400, _error(400, "ILLEGAL_ARGUMENT",
                                  "Rest.li protocol 2.0.0 is required for this request"))
            return False
        fake.rest_calls += 1
        if fake.daily_limit is not None and fake.rest_calls > fake.daily_limit:
            self.send(429, _error(429, "TOO_MANY_REQUESTS", "Resource level throttle "
                                  "APPLICATION DAY limit for calls to this resource is "
                                  "reached.", 101))
            return False
        return True

    def _fault(self, fault: Fault | None) -> bool:
        if fault is not None and fault.status:
            self.send(fault.status, fault.body or _error(fault.status, "ERROR", "fault"))
            return True
        return False

    # ---- verbs
    def do_GET(self) -> None:
        fault = self._record("GET")
        route, query = self.route, {k: v[0] for k, v in self.query.items()}
        if route == "/oauth/v2/authorization":
            self._authorize(query)
            return
        if self._fault(fault) or not self._rest_guard():
            return
        fake = self.app
        if route == "/rest/organizationAcls" and query.get("q") == "roleAssignee":
            elements = [{"roleAssignee": fake.member, "state": "APPROVED", "role": role,
                         "organization": org} for org, role in fake.roles.items()]
            self.send(200, {"elements": elements, "paging": {"count": 100, "start": 0,
                                                             "total": len(elements)}})
        elif m := re.fullmatch(r"/rest/organizations/(\d+)", route):
            urn = f"urn:li:organization:{m.group(1)}"
            if urn not in fake.orgs:
                self.send(404, _error(404, "NOT_FOUND", "Not Found"))
            else:
                self.send(200, {"id": int(m.group(1)), "localizedName": fake.orgs[urn],
                                "vanityName": fake.orgs[urn].lower().replace(" ", "-")})
        elif route.startswith("/rest/images/"):
            urn = unquote(route.removeprefix("/rest/images/"))
            image = fake.images.get(urn)
            if image is None or not image.get("data"):
                self.send(404, _error(404, "NOT_FOUND", f"Image {urn} not found"))
                return
            status = "AVAILABLE"
            if image["reads"] < fake.processing_reads:
                image["reads"] += 1
                status = "PROCESSING"
            image["status"] = status
            self.send(200, {"id": urn, "owner": image["owner"], "status": status})
        elif route == "/rest/posts" and query.get("q") == "author":
            self._list_posts(query)
        elif route == "/rest/organizationalEntityShareStatistics":
            self._statistics()
        else:
            self.send(404, _error(404, "NOT_FOUND", f"No resource {route}"))

    def do_PUT(self) -> None:
        self._record("PUT")
        data = self.body()
        m = re.fullmatch(r"/upload/(\w+)", self.route)
        fake = self.app
        if not m or m.group(1) not in fake.uploads:
            self.send(404, raw=b"", content_type="text/plain")
            return
        token = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
        if token not in fake.tokens:
            self.send(401, raw=b"", content_type="text/plain")
            return
        image = fake.images[fake.uploads.pop(m.group(1))]
        image["data"] = data
        image["content_type"] = self.headers.get("Content-Type") or ""
        self.send(201, raw=b"", content_type="text/plain")

    def do_POST(self) -> None:
        fault = self._record("POST")
        route = self.route
        if route == "/oauth/v2/accessToken":
            if not self._fault(fault):
                self._token()
            return
        body = self.body()
        if self._fault(fault) or not self._rest_guard():
            return
        fake = self.app
        try:
            payload = json.loads(body or b"{}")
        except ValueError:
            self.send(400, _error(400, "ILLEGAL_ARGUMENT", "Invalid JSON"))
            return
        action = {k: v[0] for k, v in self.query.items()}.get("action")
        if route == "/rest/images" and action == "initializeUpload":
            owner = str((payload.get("initializeUploadRequest") or {}).get("owner") or "")
            if owner not in fake.roles:
                self.send(403, _error(403, "ACCESS_DENIED", f"Not enough permissions to "
                                      f"upload for {owner}"))
                return
            urn = f"urn:li:image:D4E22AQ{fake.next_id()}"
            upload = secrets.token_hex(8)
            fake.images[urn] = {"owner": owner, "reads": 0, "data": b"", "status": "WAITING"}
            fake.uploads[upload] = urn
            self.send(200, {"value": {"uploadUrlExpiresAt": fake._ms() + 3_600_000,
                                      "uploadUrl": f"{fake.url}/upload/{upload}",
                                      "image": urn}})
        elif route == "/rest/posts":
            self._create_post(payload, drop=fault is not None and fault.drop_after)
        else:
            self.send(404, _error(404, "NOT_FOUND", f"No resource {route}"))

    # ---- OAuth
    def _authorize(self, query: dict[str, str]) -> None:
        fake = self.app
        if query.get("client_id") != fake.client_id:
            self.send(400, raw=b"invalid client_id", content_type="text/plain")
            return
        redirect = query.get("redirect_uri", "")
        if redirect not in fake.redirect_uris:
            self.send(400, raw=b"The redirect_uri does not match the registered value",
                      content_type="text/plain")
            return
        scopes = set(query.get("scope", "").split())
        code = secrets.token_urlsafe(16)
        fake.codes[code] = {"redirect_uri": redirect, "scope": " ".join(sorted(scopes))}
        target = f"{redirect}?{urlencode({'code': code, 'state': query.get('state', '')})}"
        self.send(302, raw=b"", headers={"Location": target}, content_type="text/plain")

    def _token(self) -> None:
        fake = self.app
        form = {k: v[0] for k, v in parse_qs(self.body().decode()).items()}
        if form.get("client_id") != fake.client_id or \
                form.get("client_secret") != fake.client_secret:
            self.send(401, {"error": "invalid_client",
                            "error_description": "Client authentication failed"})
            return
        now = fake.now().timestamp()
        answer: dict[str, Any] = {}
        if form.get("grant_type") == "authorization_code":
            grant = fake.codes.pop(form.get("code", ""), None)
            if grant is None or grant["redirect_uri"] != form.get("redirect_uri"):
                self.send(400, {"error": "invalid_request", "error_description":
                                "Unable to retrieve access token: appid/redirect uri/code "
                                "verifier does not match authorization code. Or "
                                "authorization code expired."})
                return
            granted = [s for s in grant["scope"].split() if s in fake.scopes_granted]
            answer["scope"] = ",".join(granted)
            if fake.partner:
                refresh = "AQX" + secrets.token_urlsafe(24)
                fake.refresh_tokens[refresh] = now + 365 * 86400
        elif form.get("grant_type") == "refresh_token" and fake.partner:
            refresh = form.get("refresh_token", "")
            if fake.refresh_tokens.get(refresh, 0) <= now:
                self.send(400, {"error": "invalid_request",
                                "error_description": "The provided refresh token is invalid"})
                return
        else:
            self.send(400, {"error": "unsupported_grant_type",
                            "error_description": "grant type not supported"})
            return
        token = fake.add_token()
        answer.update({"access_token": token, "expires_in": 5_184_000})
        if fake.partner:
            answer["refresh_token"] = refresh
            answer["refresh_token_expires_in"] = int(fake.refresh_tokens[refresh] - now)
        self.send(200, answer)

    # ---- posts
    def _create_post(self, payload: dict[str, Any], *, drop: bool) -> None:
        fake = self.app
        author = str(payload.get("author") or "")
        if fake.roles.get(author) not in ("ADMINISTRATOR", "CONTENT_ADMIN",
                                          "DIRECT_SPONSORED_CONTENT_POSTER"):
            self.send(403, _error(403, "ACCESS_DENIED", "Organization permissions must be "
                                  "used when using organization as author"))
            return
        commentary = str(payload.get("commentary") or "")
        if len(commentary) > 3000:
            self.send(422, _error(422, "UNPROCESSABLE_ENTITY", "/commentary :: "
                                  "FIELD_LENGTH_TOO_LONG :: length 3001 exceeds 3000"))
            return
        content = payload.get("content")
        ids: list[str] = []
        if isinstance(content, dict):
            if "media" in content:
                ids = [content["media"].get("id", "")]
            elif "multiImage" in content:
                images = content["multiImage"].get("images") or []
                if not 2 <= len(images) <= 20:
                    self.send(422, _error(422, "UNPROCESSABLE_ENTITY", "/content/multiImage/"
                                          "images :: must have between 2 and 20 images"))
                    return
                ids = [i.get("id", "") for i in images]
            elif "article" in content and not content["article"].get("source"):
                self.send(422, _error(422, "UNPROCESSABLE_ENTITY",
                                      "/content/article/source :: field is required"))
                return
        for urn in ids:
            image = fake.images.get(urn)
            if image is None or image.get("status") != "AVAILABLE":
                self.send(400, _error(400, "ILLEGAL_ARGUMENT", f"Image {urn} is not "
                                      "available for use"))
                return
        with fake.lock:
            urn = f"urn:li:share:{fake.next_id()}"
            fake.posts.append(Post(urn=urn, author=author, sent_commentary=commentary,
                                   commentary=stored_commentary(commentary),
                                   content=content if isinstance(content, dict) else None,
                                   created_ms=fake._ms()))
        if drop:
            self._drop()
            return
        self.send(201, raw=b"", headers={"x-restli-id": urn, "x-linkedin-id": urn})

    def _list_posts(self, query: dict[str, str]) -> None:
        fake = self.app
        author = query.get("author", "")
        count = min(int(query.get("count", "10")), 100)
        mine = sorted((p for p in fake.posts if p.author == author),
                      key=lambda p: p.created_ms, reverse=True)
        elements = [{"id": p.urn, "author": p.author, "commentary": p.commentary,
                     "createdAt": p.created_ms, "publishedAt": p.created_ms,
                     "lastModifiedAt": p.created_ms, "lifecycleState": "PUBLISHED",
                     "visibility": "PUBLIC", **({"content": p.content} if p.content else {})}
                    for p in mine[:count]]
        self.send(200, {"elements": elements,
                        "paging": {"count": count, "start": 0, "links": []}})

    def _statistics(self) -> None:
        fake = self.app
        raw = urlsplit(self.path).query
        params = {k: v[0] for k, v in parse_qs(raw).items()}
        org = params.get("organizationalEntity", "")
        if fake.roles.get(org) != "ADMINISTRATOR":
            self.send(403, _error(403, "ACCESS_DENIED", "Not enough permissions to access: "
                                  "organizationalEntityShareStatistics"))
            return
        m = re.search(r"(?:shares|ugcPosts)=List\(([^)]*)\)", raw)
        wanted = unquote(m.group(1)) if m else ""
        post = next((p for p in fake.posts if p.urn == wanted and p.author == org), None)
        if post is None:
            self.send(200, {"elements": [], "paging": {"count": 10, "start": 0}})
            return
        self.send(200, {"elements": [{"organizationalEntity": org, "share": post.urn,
                                      "totalShareStatistics": post.stats}],
                        "paging": {"count": 10, "start": 0}})
