"""The model behind the fake Graph server: Pages, Instagram and Threads accounts, tokens,
containers and published media, as PLATFORMS.md §5–7 and §13 describe them.

Every media object created (containers, published media, photos, posts) is kept
in :attr:`FakeMeta.created`, so tests can prove how many posts exist.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import itertools
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

LONG_LIVED = timedelta(days=60)
SHORT_LIVED = timedelta(hours=1)


class GraphFault(Exception):
    """An error answer: ``{"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}``."""

    def __init__(self, code: int, message: str, *, status: int = 400, subcode: int | None = None,
                 kind: str = "OAuthException", transient: bool = False,
                 user_msg: str | None = None, data: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.status, self.subcode = code, message, status, subcode
        self.kind, self.transient, self.user_msg, self.data = kind, transient, user_msg, data

    def body(self, trace: str) -> dict[str, Any]:
        err: dict[str, Any] = {"message": self.message, "type": self.kind, "code": self.code,
                               "fbtrace_id": trace}
        if self.subcode is not None:
            err["error_subcode"] = self.subcode
        if self.transient:
            err["is_transient"] = True
        if self.user_msg:
            err["error_user_title"] = "Error"
            err["error_user_msg"] = self.user_msg
        if self.data is not None:
            err["error_data"] = self.data
        return {"error": err}


@dataclass
class Token:
    value: str
    kind: str  # USER, PAGE, THREADS
    app_id: str
    subject: str  # user id, page id, threads user id
    scopes: tuple[str, ...]
    issued_at: datetime
    expires_at: datetime | None
    valid: bool = True


@dataclass
class App:
    app_id: str
    secret: str
    require_proof: bool = False


@dataclass
class Account:
    """A Page, an Instagram professional account or a Threads profile."""

    id: str
    kind: str  # page, ig, threads
    name: str
    username: str
    owner: str = ""  # the user id managing the page / the page an IG account is linked to
    linked_ig: str = ""


def graph_time(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


FB_SCOPES = ("pages_manage_posts", "pages_read_engagement", "pages_show_list",
             "instagram_basic", "instagram_content_publish")
TH_SCOPES = ("threads_basic", "threads_content_publish", "threads_manage_insights")


class FakeMeta:
    """Thread-safe state of the fake platform. ``clock`` is the tests' clock."""

    def __init__(self, clock: Callable[[], datetime]) -> None:
        self.clock = clock
        self.lock = threading.RLock()
        self._ids = itertools.count(17_841_400_000_000_001)
        self.apps: dict[str, App] = {}
        self.tokens: dict[str, Token] = {}
        self.accounts: dict[str, Account] = {}
        self.objects: dict[str, dict[str, Any]] = {}
        self.created: list[dict[str, Any]] = []  # every media object, in order
        self.fetches: list[tuple[str, int]] = []  # (url, HTTP status) of every media download
        self.processing_reads = 1  # status reads answering IN_PROGRESS before FINISHED
        self.quota_total = {"ig": 100, "threads": 250}
        self.crawler_timeout = 10.0
        self.processing_errors: list[str] = []  # next containers end in ERROR with these words
        self.listing_lag: dict[str, int] = {}  # object id -> listings that do not show it yet

    def new_id(self) -> str:
        return str(next(self._ids))

    # ------------------------------------------------------------ setup ---

    def add_app(self, app_id: str = "1234567890", secret: str = "app-secret-xyz",
                *, require_proof: bool = False) -> App:
        app = App(app_id, secret, require_proof)
        self.apps[app_id] = app
        return app

    def add_token(self, kind: str, subject: str, *, app_id: str = "1234567890",
                  scopes: tuple[str, ...] | None = None, lifetime: timedelta | None = None,
                  value: str | None = None, issued_at: datetime | None = None) -> Token:
        now = self.clock()
        token = Token(
            value=value or f"EAA{kind[:2]}{hashlib.sha256(str(self.new_id()).encode()).hexdigest()[:28]}",
            kind=kind, app_id=app_id, subject=subject,
            scopes=scopes if scopes is not None else (TH_SCOPES if kind == "THREADS" else FB_SCOPES),
            issued_at=issued_at or now, expires_at=(now + lifetime) if lifetime else None,
        )
        self.tokens[token.value] = token
        return token

    def add_page(self, name: str = "Les Amis du Quartier", username: str = "amisduquartier",
                 *, owner: str = "100001", with_instagram: bool = True) -> Account:
        page = Account(self.new_id(), "page", name, username, owner=owner)
        self.accounts[page.id] = page
        if with_instagram:
            ig = Account(self.new_id(), "ig", name, username, owner=page.id)
            self.accounts[ig.id] = ig
            page.linked_ig = ig.id
        return page

    def add_threads_user(self, username: str = "amisduquartier") -> Account:
        user = Account(self.new_id(), "threads", "Les Amis du Quartier", username)
        self.accounts[user.id] = user
        return user

    # ------------------------------------------------------------ tokens ---

    def authenticate(self, value: str | None, proof: str | None) -> Token:
        if not value:
            raise GraphFault(2500, "An active access token must be used to query information "
                             "about the current user.")
        token = self.tokens.get(value)
        if token is None:
            raise GraphFault(190, "Invalid OAuth access token - Cannot parse access token",
                             subcode=467 if value.startswith("EAA") else None)
        if not token.valid:
            raise GraphFault(190, "Error validating access token: The user has not authorized "
                             "application.", subcode=458)
        if token.expires_at is not None and token.expires_at <= self.clock():
            raise GraphFault(190, "Error validating access token: Session has expired on "
                             f"{token.expires_at:%A, %d-%b-%y %H:%M:%S} UTC.", subcode=463)
        app = self.apps.get(token.app_id)
        if app is not None and (proof or app.require_proof):
            expected = hmac.new(app.secret.encode(), value.encode(), hashlib.sha256).hexdigest()
            if not proof:
                raise GraphFault(100, "API calls from the server require an appsecret_proof "
                                 "argument", kind="GraphMethodException")
            if not hmac.compare_digest(proof, expected):
                raise GraphFault(100, "Invalid appsecret_proof provided in the API argument",
                                 kind="GraphMethodException")
        return token

    def app_token(self, value: str) -> App | None:
        app_id, _, secret = value.partition("|")
        app = self.apps.get(app_id)
        return app if app is not None and secret and hmac.compare_digest(app.secret, secret) \
            else None

    def require(self, token: Token, scope: str) -> None:
        if scope not in token.scopes:
            raise GraphFault(200, f"(#200) Requires {scope} permission to manage the object",
                             status=403)

    def debug(self, input_token: str) -> dict[str, Any]:
        token = self.tokens.get(input_token)
        if token is None:
            return {"data": {"is_valid": False, "error": {"code": 190,
                                                          "message": "Invalid OAuth access token"}}}
        valid = token.valid and (token.expires_at is None or token.expires_at > self.clock())
        data: dict[str, Any] = {
            "app_id": token.app_id, "type": "USER" if token.kind == "THREADS" else token.kind,
            "application": "Asso Planner", "is_valid": valid,
            "issued_at": int(token.issued_at.timestamp()),
            "expires_at": int(token.expires_at.timestamp()) if token.expires_at else 0,
            "data_access_expires_at": int((self.clock() + timedelta(days=90)).timestamp()),
            "scopes": list(token.scopes),
        }
        if token.kind == "PAGE":
            data["profile_id"] = token.subject
            data["user_id"] = self.accounts[token.subject].owner
        else:
            data["user_id"] = token.subject
        return {"data": data}

    def exchange(self, app_id: str, secret: str, short: str, *, threads: bool = False
                 ) -> dict[str, Any]:
        app = self.apps.get(app_id) if app_id else next(
            (a for a in self.apps.values() if a.secret == secret), None)
        if app is None or not hmac.compare_digest(app.secret, secret):
            raise GraphFault(101, "Error validating client secret.")
        token = self.authenticate(short, None)
        if token.app_id != app.app_id:
            raise GraphFault(190, "Error validating access token: the token was not issued for "
                             "this app.", subcode=467)
        long = self.add_token(token.kind, token.subject, app_id=app.app_id, scopes=token.scopes,
                              lifetime=LONG_LIVED)
        return {"access_token": long.value, "token_type": "bearer",
                "expires_in": int(LONG_LIVED.total_seconds()) - 56}

    def refresh(self, value: str) -> dict[str, Any]:
        token = self.authenticate(value, None)
        if self.clock() - token.issued_at < timedelta(hours=24):
            raise GraphFault(190, "Error validating access token: the token must be at least "
                             "24 hours old to be refreshed.", subcode=467)
        new = self.add_token(token.kind, token.subject, app_id=token.app_id, scopes=token.scopes,
                             lifetime=LONG_LIVED)
        return {"access_token": new.value, "token_type": "bearer",
                "expires_in": int(LONG_LIVED.total_seconds())}

    def page_accounts(self, user: Token) -> dict[str, Any]:
        pages = []
        for page in self.accounts.values():
            if page.kind != "page" or page.owner != user.subject:
                continue
            # A Page token made from a long-lived user token does not expire; from a
            # short-lived one it ends with it.
            lifetime = None if user.expires_at is None or (
                user.expires_at - user.issued_at) > SHORT_LIVED else SHORT_LIVED
            page_token = self.add_token("PAGE", page.id, app_id=user.app_id, scopes=user.scopes,
                                        lifetime=lifetime)
            entry: dict[str, Any] = {"id": page.id, "name": page.name,
                                     "access_token": page_token.value,
                                     "tasks": ["ADVERTISE", "ANALYZE", "CREATE_CONTENT", "MANAGE"]}
            if page.linked_ig:
                ig = self.accounts[page.linked_ig]
                entry["instagram_business_account"] = {"id": ig.id, "username": ig.username}
            pages.append(entry)
        return {"data": pages, "paging": {"cursors": {"before": "QVFI", "after": "QVFJ"}}}

    # ------------------------------------------------------------ media fetch ---

    def fetch(self, url: str) -> bytes:
        """Download a media URL like Meta's crawler does (a real GET)."""
        request = urllib.request.Request(url, headers={
            "User-Agent": "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"})
        try:
            with urllib.request.urlopen(request, timeout=self.crawler_timeout) as response:
                data: bytes = response.read()
                self.fetches.append((url, response.status))
                return data
        except urllib.error.HTTPError as exc:
            self.fetches.append((url, exc.code))
        except (urllib.error.URLError, OSError):
            self.fetches.append((url, 0))
        raise GraphFault(9004, "Media download has failed. The media URI doesn't meet our "
                         "requirements.", subcode=2207052, kind="OAuthException",
                         user_msg="The media could not be fetched from this URI: " + url)

    @staticmethod
    def image_format(data: bytes) -> str:
        from PIL import Image

        try:
            with Image.open(io.BytesIO(data)) as img:
                return str(img.format or "")
        except Exception:
            return ""

    # ------------------------------------------------------------ records ---

    def record(self, obj: dict[str, Any]) -> dict[str, Any]:
        self.objects[obj["id"]] = obj
        self.created.append(obj)
        return obj

    def published(self, kind: str, owner: str | None = None) -> list[dict[str, Any]]:
        """Published posts/media of ``kind`` (fb_post, ig_media, th_media)."""
        return [o for o in self.created if o["kind"] == kind
                and (owner is None or o.get("owner") == owner)]

    def used_quota(self, owner: str) -> int:
        since = self.clock() - timedelta(hours=24)
        return sum(1 for o in self.created if o["kind"] in ("ig_media", "th_media")
                   and o["owner"] == owner and o["created"] >= since)


@dataclass
class Fault:
    """An error (or a dropped connection) to answer instead of the normal response."""

    method: str
    path: str  # matched with re.search against the path without version
    times: int = 1
    error: GraphFault | None = None
    drop_after: bool = False  # do the work, then cut the connection without an answer
    drop_before: bool = False  # cut the connection without doing anything
    usage: dict[str, Any] = field(default_factory=dict)  # extra usage for the headers
    after: tuple[str, str] | None = None  # armed only once such a (method, path) was seen
    before: Callable[[], None] | None = None  # runs first (e.g. a late publish on Meta's side)
