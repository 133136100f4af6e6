"""A fake Pinterest (API v5) on loopback, following PLATFORMS.md §9 and Pinterest's OpenAPI
description (pinterest/api-description ``v5/openapi.json``):

- ``GET /oauth/`` (the consent page: approves at once, as if the volunteer clicked "Give
  access", and redirects to ``redirect_uri`` with ``code`` and ``state``);
- ``POST /v5/oauth/token`` with HTTP Basic client authentication, form-encoded:
  ``authorization_code`` (the ``redirect_uri`` must be the authorize one) and
  ``refresh_token``; answers ``access_token``, ``expires_in``, ``refresh_token``,
  ``refresh_token_expires_in``, ``refresh_token_expires_at``, ``scope``. A continuous refresh
  token (60 days, renewed at each refresh) is given to apps created after 2025-09-25, and to
  older apps (``legacy_app``) only when ``continuous_refresh=true`` is sent; otherwise the
  legacy one (365 days, never extended);
- ``GET /v5/user_account``, ``GET /v5/boards`` (``page_size`` ≤ 250, default 25, ``bookmark``),
  ``GET /v5/boards/{id}``, ``GET /v5/boards/{id}/pins`` (newest first, ``bookmark``);
- ``POST /v5/pins``: ``board_id``, ``title`` ≤ 100, ``description`` ≤ 800, ``alt_text`` ≤ 500,
  ``link`` ≤ 2048, ``media_source`` ``image_base64`` or ``multiple_image_base64`` (2–5 items);
  the base64 data is decoded and opened as an image whose format must be the declared
  ``content_type`` (JPEG or PNG), else ``400``; → ``201`` Pin;
- ``GET /v5/pins/{id}``, ``GET /v5/pins/{id}/analytics`` (``start_date``, ``end_date`` within
  90 days, ``metric_types`` required);
- errors as ``{"code": <int>, "message": "..."}``; ``trial``: ``POST /v5/pins`` answers ``403``
  code 29 as Pinterest does for a Trial app writing to production; ``rate_limited``: ``429``
  with ``x-ratelimit-*`` headers (the reset in seconds) and no ``Retry-After``.
Faults: ``fail_next`` (answer these statuses to the next pin creations, nothing done),
``drop_after_create`` (create the next Pins, then cut the connection before the answer).
"""

from __future__ import annotations

import base64
import binascii
import io
import itertools
import json
import re
import secrets
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlencode

from PIL import Image, UnidentifiedImageError

from publishers.loopback import Handler

CONTINUOUS = timedelta(days=60)
LEGACY = timedelta(days=365)
ACCESS = timedelta(days=30)
B64 = re.compile(r"^[a-zA-Z0-9+/=]+$")
TRIAL_MESSAGE = ("Apps with Trial access may not create Pins in production. Please use API "
                 "Sandbox https://api-sandbox.pinterest.com")


@dataclass
class Token:
    value: str
    expires_at: datetime
    scope: str


@dataclass
class RefreshToken:
    value: str
    expires_at: datetime
    continuous: bool
    scope: str


@dataclass
class FakePinterest:
    """The state of the fake Pinterest. Tests read and steer it."""

    client_id: str = "1500123"
    client_secret: str = field(default_factory=lambda: secrets.token_hex(20))
    user_id: str = "2783136121146311751"
    username: str = "assoquartier"
    account_type: str = "BUSINESS"
    legacy_app: bool = False
    trial: bool = False
    rate_limited: int = 0  # answer 429 to this many next API requests
    reset_seconds: int = 120
    access_lifetime: timedelta = ACCESS
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    boards: list[dict[str, Any]] = field(default_factory=list)
    pins: list[dict[str, Any]] = field(default_factory=list)  # oldest first
    images: dict[str, list[tuple[str, int, int]]] = field(default_factory=dict)
    codes: dict[str, dict[str, str]] = field(default_factory=dict)
    tokens: dict[str, Token] = field(default_factory=dict)
    refresh_tokens: dict[str, RefreshToken] = field(default_factory=dict)
    requests: list[dict[str, Any]] = field(default_factory=list)
    fail_next: list[int] = field(default_factory=list)
    drop_after_create: int = 0
    analytics: dict[str, dict[str, Any]] = field(default_factory=dict)
    lock: threading.RLock = field(default_factory=threading.RLock)
    ids: Any = field(default_factory=lambda: itertools.count(1_012_345_678_901_234))

    def __post_init__(self) -> None:
        if not self.boards:
            self.boards = [{"id": str(549_755_885_100 + i), "name": f"Tableau {i}",
                            "privacy": "PUBLIC"} for i in range(1, 31)]
            self.boards[0]["name"] = "Astuces énergie"

    # ---- helpers for tests
    def issue_token(self, *, scope: str = "boards:read,boards:write,pins:read,pins:write,"
                    "user_accounts:read") -> str:
        """An access token (and nothing else), as if a login had happened."""
        value = "pina_" + secrets.token_urlsafe(24)
        self.tokens[value] = Token(value, self.now() + self.access_lifetime, scope)
        return value

    def issue_refresh(self, *, continuous: bool = True) -> str:
        value = "pinr_" + secrets.token_urlsafe(24)
        life = CONTINUOUS if continuous else LEGACY
        self.refresh_tokens[value] = RefreshToken(value, self.now() + life, continuous,
                                                  "boards:read,pins:write")
        return value

    def pin_requests(self) -> list[dict[str, Any]]:
        return [r for r in self.requests if r["method"] == "POST" and r["path"] == "/v5/pins"]

    def calls(self, method: str, path: str) -> list[dict[str, Any]]:
        return [r for r in self.requests if r["method"] == method and r["path"] == path]

    def next_id(self) -> str:
        return str(next(self.ids))


def _error(code: int, message: str) -> dict[str, Any]:
    return {"code": code, "message": message}


def _decode_image(item: dict[str, Any]) -> tuple[str | None, tuple[str, int, int] | None]:
    """(error message, (format, width, height)) of a base64 image item, as Pinterest checks."""
    content_type = item.get("content_type")
    data = item.get("data")
    if content_type not in ("image/jpeg", "image/png"):
        return f"Invalid content_type: {content_type!r}", None
    if not isinstance(data, str) or not B64.match(data):
        return "Invalid request body: data does not match the base64 pattern", None
    try:
        raw = base64.b64decode(data, validate=True)
        img = Image.open(io.BytesIO(raw))
        img.load()
    except (binascii.Error, UnidentifiedImageError, OSError, ValueError):
        return "Image is invalid or corrupt. Please upload a valid image.", None
    expected = {"image/jpeg": "JPEG", "image/png": "PNG"}[content_type]
    if img.format != expected:
        return f"Image format {img.format} does not match content_type {content_type}", None
    return None, (str(img.format), img.width, img.height)


class PinterestHandler(Handler):
    app: FakePinterest  # type: ignore[assignment]

    def _record(self, body: bytes) -> None:
        self.app.requests.append({
            "method": self.command, "path": self.route, "query": self.query,
            "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body})

    def _token(self) -> Token | None:
        auth = self.headers.get("Authorization", "")
        token = self.app.tokens.get(auth.removeprefix("Bearer ").strip())
        if token is None or not auth.startswith("Bearer "):
            self.send(401, _error(2, "Authentication failed."))
            return None
        if token.expires_at <= self.app.now():
            self.send(401, _error(2, "Authentication failed: access token expired."))
            return None
        return token

    def _limited(self) -> bool:
        if self.app.rate_limited <= 0:
            return False
        self.app.rate_limited -= 1
        self.send(429, _error(8, "You have exceeded your rate limit. Try again later."),
                  headers={"x-ratelimit-limit": "100", "x-ratelimit-remaining": "0",
                           "x-ratelimit-reset": str(self.app.reset_seconds)})
        return True

    def _drop(self) -> None:
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    # ---------------------------------------------------------------- GET ---
    def do_GET(self) -> None:
        fake = self.app
        with fake.lock:
            self._record(b"")
            route = self.route
            if route == "/oauth/":
                self._authorize()
                return
            if self._limited():
                return
            if self._token() is None:
                return
            q = {k: v[0] for k, v in self.query.items()}
            if route == "/v5/user_account":
                self.send(200, {"account_type": fake.account_type, "id": fake.user_id,
                                "username": fake.username, "business_name":
                                "Les Amis du Quartier", "board_count": len(fake.boards)})
                return
            if route == "/v5/boards":
                self._page(fake.boards, q)
                return
            m = re.fullmatch(r"/v5/boards/(\d+)(/pins)?", route)
            if m:
                board = next((b for b in fake.boards if b["id"] == m.group(1)), None)
                if board is None:
                    self.send(404, _error(40, "Board not found."))
                elif m.group(2):
                    pins = [p for p in reversed(fake.pins) if p["board_id"] == board["id"]]
                    self._page(pins, q)
                else:
                    self.send(200, board)
                return
            m = re.fullmatch(r"/v5/pins/(\d+)(/analytics)?", route)
            if m:
                pin = next((p for p in fake.pins if p["id"] == m.group(1)), None)
                if pin is None:
                    self.send(404, _error(50, "Pin not found."))
                elif m.group(2):
                    self._analytics(pin, q)
                else:
                    self.send(200, pin)
                return
            self.send(404, _error(404, f"Not found: {route}"))

    def _page(self, items: list[dict[str, Any]], q: dict[str, str]) -> None:
        try:
            size = int(q.get("page_size", "25"))
        except ValueError:
            size = 0
        if not 1 <= size <= 250:
            self.send(400, _error(1, "Invalid parameters: page_size must be 1 to 250"))
            return
        start = int(q["bookmark"]) if q.get("bookmark", "").isdigit() else 0
        chunk = items[start:start + size]
        more = start + size < len(items)
        self.send(200, {"items": chunk, "bookmark": str(start + size) if more else None})

    def _analytics(self, pin: dict[str, Any], q: dict[str, str]) -> None:
        types = [t for t in q.get("metric_types", "").split(",") if t]
        try:
            start, end = date.fromisoformat(q["start_date"]), date.fromisoformat(q["end_date"])
        except (KeyError, ValueError):
            self.send(400, _error(1, "start_date and end_date are required (YYYY-MM-DD)"))
            return
        today = self.app.now().date()
        if not types or start > end or start < today - timedelta(days=90) or end > today:
            self.send(400, _error(1, "Invalid parameters: dates within the last 90 days and "
                                     "metric_types are required"))
            return
        counts = self.app.analytics.get(pin["id"], {})
        summary = {t: counts[t] for t in types if t in counts and not t.startswith("TOTAL_")}
        lifetime = {t: counts[t] for t in types if t in counts and t.startswith("TOTAL_")}
        self.send(200, {"all": {"daily_metrics": [], "summary_metrics": summary,
                                "lifetime_metrics": lifetime}})

    def _authorize(self) -> None:
        fake = self.app
        q = {k: v[0] for k, v in self.query.items()}
        if q.get("client_id") != fake.client_id or q.get("response_type") != "code":
            self.send(400, raw=b"Invalid client_id or response_type", content_type="text/plain")
            return
        code = secrets.token_urlsafe(16)
        fake.codes[code] = {"redirect_uri": q.get("redirect_uri", ""),
                            "scope": q.get("scope", "")}
        target = q.get("redirect_uri", "") + "?" + urlencode({"code": code,
                                                              "state": q.get("state", "")})
        self.send(302, raw=b"", headers={"Location": target}, content_type="text/plain")

    # ---------------------------------------------------------------- POST ---
    def do_POST(self) -> None:
        fake = self.app
        body = self.body()
        with fake.lock:
            self._record(body)
            if self.route == "/v5/oauth/token":
                self._oauth_token(body)
                return
            if self._limited():
                return
            if self.route != "/v5/pins":
                self.send(404, _error(404, f"Not found: {self.route}"))
                return
            if self._token() is None:
                return
            if fake.trial:
                self.send(403, _error(29, TRIAL_MESSAGE))
                return
            if fake.fail_next:
                self.send(fake.fail_next.pop(0), _error(0, "Internal error"))
                return
            try:
                payload = json.loads(body)
            except ValueError:
                self.send(400, _error(1, "Invalid request body: not JSON"))
                return
            problem, pin = self._make_pin(payload)
            if problem is not None:
                self.send(400, _error(1, problem))
                return
            assert pin is not None
            fake.pins.append(pin)
            if fake.drop_after_create > 0:
                fake.drop_after_create -= 1
                self._drop()  # created; the answer never arrives
                return
            self.send(201, pin)

    def _make_pin(self, payload: Any) -> tuple[str | None, dict[str, Any] | None]:
        fake = self.app
        if not isinstance(payload, dict):
            return "Invalid request body", None
        board = str(payload.get("board_id") or "")
        if not any(b["id"] == board for b in fake.boards):
            return "Board not found.", None
        for key, limit in (("title", 100), ("description", 800), ("alt_text", 500),
                           ("link", 2048)):
            value = payload.get(key)
            if value is not None and (not isinstance(value, str) or len(value) > limit):
                return f"Invalid request body: {key} must be at most {limit} characters", None
        source = payload.get("media_source")
        if not isinstance(source, dict):
            return "Invalid request body: media_source is required", None
        kind = source.get("source_type")
        if kind == "image_base64":
            items = [source]
        elif kind == "multiple_image_base64":
            items = source.get("items") if isinstance(source.get("items"), list) else []
            if not 2 <= len(items) <= 5:
                return "Invalid request body: constraint: maxItems=5, minItems=2", None
        else:
            return f"Invalid request body: unsupported source_type {kind!r}", None
        decoded: list[tuple[str, int, int]] = []
        for item in items:
            problem, image = _decode_image(item if isinstance(item, dict) else {})
            if problem is not None:
                return problem, None
            assert image is not None
            decoded.append(image)
        if len({(w, h) for _f, w, h in decoded}) > 1:
            return "All images of a carousel Pin must have the same dimensions.", None
        pin_id = fake.next_id()
        fake.images[pin_id] = decoded
        created = fake.now().astimezone(UTC).replace(tzinfo=None, microsecond=0)
        return None, {
            "id": pin_id, "board_id": board, "created_at": created.isoformat(),
            "title": payload.get("title"), "description": payload.get("description"),
            "link": payload.get("link"), "alt_text": payload.get("alt_text"),
            "board_owner": {"username": fake.username}, "is_owner": True,
            "creative_type": "CAROUSEL" if len(decoded) > 1 else "REGULAR",
            "media": {"media_type": "multiple_images" if len(decoded) > 1 else "image",
                      "images": {"1200x": {"width": decoded[0][1], "height": decoded[0][2],
                                           "url": f"https://i.pinimg.com/1200x/{pin_id}.jpg"}}},
        }

    def _oauth_token(self, body: bytes) -> None:
        fake = self.app
        auth = self.headers.get("Authorization", "")
        expected = base64.b64encode(f"{fake.client_id}:{fake.client_secret}".encode()).decode()
        if auth != f"Basic {expected}":
            self.send(401, _error(1, "Authentication failed: invalid client credentials."))
            return
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        continuous = not fake.legacy_app or form.get("continuous_refresh") == "true"
        now = fake.now()
        grant = form.get("grant_type")
        if grant == "authorization_code":
            code = fake.codes.pop(form.get("code", ""), None)
            if code is None or code["redirect_uri"] != form.get("redirect_uri"):
                self.send(400, _error(1, "Invalid authorization code or redirect_uri."))
                return
            scope = code["scope"]
            refresh = RefreshToken("pinr_" + secrets.token_urlsafe(24),
                                   now + (CONTINUOUS if continuous else LEGACY),
                                   continuous, scope)
            fake.refresh_tokens[refresh.value] = refresh
        elif grant == "refresh_token":
            refresh_found = fake.refresh_tokens.get(form.get("refresh_token", ""))
            if refresh_found is None or refresh_found.expires_at <= now:
                self.send(400, _error(1, "Invalid refresh token."))
                return
            refresh = refresh_found
            if refresh.continuous or continuous:
                # a continuous refresh token is replaced by one valid 60 more days
                del fake.refresh_tokens[refresh.value]
                refresh = RefreshToken("pinr_" + secrets.token_urlsafe(24), now + CONTINUOUS,
                                       True, refresh.scope)
                fake.refresh_tokens[refresh.value] = refresh
            scope = refresh.scope
        else:
            self.send(400, _error(1, f"Unsupported grant_type {grant!r}"))
            return
        access = Token("pina_" + secrets.token_urlsafe(24), now + fake.access_lifetime, scope)
        fake.tokens[access.value] = access
        self.send(200, {
            "access_token": access.value, "token_type": "bearer",
            "expires_in": int(fake.access_lifetime.total_seconds()), "scope": scope,
            "response_type": grant, "refresh_token": refresh.value,
            "refresh_token_expires_in": int((refresh.expires_at - now).total_seconds()),
            "refresh_token_expires_at": int(refresh.expires_at.timestamp())})
