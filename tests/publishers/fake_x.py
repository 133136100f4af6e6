"""A fake X API v2 on loopback, following PLATFORMS.md §4 and LESSONS.md §3.1.

- OAuth 2.0 with PKCE: ``GET /i/oauth2/authorize`` (approves at once, as if the person
  clicked "Authorize app", then redirects to the registered callback, which must match
  exactly), ``POST /2/oauth2/token`` (form; a public client sends ``client_id``, a
  confidential one Basic auth): ``authorization_code`` checks the S256 challenge,
  ``refresh_token`` **rotates**: the refresh token used is void at once. Access tokens
  last 2 hours on the ``now`` clock; a refresh token only with ``offline.access``.
- ``GET /2/users/me``; ``GET /2/users/:id/tweets`` (``start_time``, ``max_results``,
  ``pagination_token``, newest first, ``referenced_tweets``/``attachments`` when asked);
  ``GET /2/tweets?ids=`` with ``public_metrics``.
- Media: ``POST /2/media/upload/initialize`` → ``/{id}/append`` (multipart, segments) →
  ``/{id}/finalize``, ``processing_info`` ``pending`` → ``in_progress`` → ``succeeded``
  read through ``GET /2/media/upload?command=STATUS&media_id=``; ``POST /2/media/metadata``
  keeps the alt text (``alt_texts``), at most 1000 characters.
- ``POST /2/tweets`` → ``201 {"data": {"id", "text"}}``; media must be processed; the
  text is shown back with t.co links and, with images, a trailing media link, HTML
  entities escaped (as X does); over 280 weighted characters → 400.
- Errors as X sends them: problem objects ``{title, detail, type, status}``; ``401``;
  ``402 CreditsDepleted`` when ``credits`` is 0; ``403`` duplicate content;
  ``429`` with ``x-rate-limit-*`` and ``x-user-limit-24hour-*`` headers.
Faults: ``fail_next`` (these statuses, nothing done), ``after_create`` (the next creates
happen, then the answer is lost: ``"drop"`` cuts the connection, a number answers that
status as a gateway would, ``None`` answers normally).
"""

from __future__ import annotations

import base64
import hashlib
import html
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

from essplanner.publishers.text import count_weighted
from publishers.fake_mastodon import _multipart
from publishers.loopback import Handler, LoopbackServer

URL_RE = re.compile(r"https?://[^\s<>\"]+[^\s<>\"'.,;:!?)\]]")
SCOPES = {"tweet.read", "tweet.write", "users.read", "media.write", "offline.access",
          "follows.read", "like.write", "dm.write"}

DUPLICATE = {"detail": "You are not allowed to create a Tweet with duplicate content.",
             "type": "about:blank", "title": "Forbidden", "status": 403}
CREDITS = {"account_id": 1804224157417566208, "title": "CreditsDepleted",
           "detail": "Your enrolled account [1804224157417566208] does not have any "
                     "credits to fulfill this request.",
           "type": "https://api.twitter.com/2/problems/credits"}
UNAUTHORIZED = {"title": "Unauthorized", "type": "about:blank", "status": 401,
                "detail": "Unauthorized"}
TOO_MANY = {"title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank",
            "status": 429}


@dataclass
class Media:
    id: str
    media_type: str
    total_bytes: int
    category: str
    segments: dict[int, bytes] = field(default_factory=dict)
    finalized: bool = False
    polls_left: int = 0
    status_reads: int = 0


@dataclass
class FakeX:
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    user: dict[str, str] = field(default_factory=lambda: {
        "id": "1460000000000000001", "name": "Les Amis du Quartier", "username": "amisduquartier"})
    clients: dict[str, str] = field(default_factory=dict)  # client id → secret ("" public)
    callback: str = ""  # the callback registered in the developer app
    codes: dict[str, dict[str, Any]] = field(default_factory=dict)
    access: dict[str, datetime] = field(default_factory=dict)  # token → end
    refresh: dict[str, str] = field(default_factory=dict)  # token → client id (valid ones)
    used_refresh: list[str] = field(default_factory=list)
    grant_offline: bool = True  # the person accepted offline.access
    tweets: dict[str, dict[str, Any]] = field(default_factory=dict)
    media: dict[str, Media] = field(default_factory=dict)
    alt_texts: dict[str, str] = field(default_factory=dict)
    processing_polls: int = 2  # STATUS reads before an upload is processed
    credits: int | None = None  # None: unlimited; 0: 402 on every paid call
    fail_next: list[int] = field(default_factory=list)
    after_create: list[str | int | None] = field(default_factory=list)
    limit_window: tuple[int, datetime] | None = None  # 429 on create until then
    limit_24h: datetime | None = None  # the account's 24-hour allowance spent until then
    calls: list[tuple[str, str]] = field(default_factory=list)
    lock: threading.RLock = field(default_factory=threading.RLock)
    ids: Any = field(default_factory=lambda: itertools.count(1_866_000_000_000_000_000))
    server: LoopbackServer | None = None

    # ---- set up
    def start(self) -> FakeX:
        self.server = LoopbackServer(_XHandler, self).__enter__()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.__exit__(None, None, None)

    @property
    def url(self) -> str:
        assert self.server is not None
        return self.server.url

    def add_client(self, secret: str = "") -> str:
        client_id = secrets.token_urlsafe(12)
        self.clients[client_id] = secret
        return client_id

    def issue(self, client_id: str, *, lifetime: timedelta = timedelta(hours=2)
              ) -> tuple[str, str]:
        """An access token and a refresh token, as a finished login would give."""
        access = "xat-" + secrets.token_urlsafe(24)
        refresh = "xrt-" + secrets.token_urlsafe(24)
        self.access[access] = self.now() + lifetime
        self.refresh[refresh] = client_id
        return access, refresh

    def next_id(self) -> str:
        return str(next(self.ids))

    def posts(self) -> list[dict[str, Any]]:
        return sorted(self.tweets.values(), key=lambda t: int(t["id"]))

    def count(self, method: str, path_re: str) -> int:
        return sum(1 for m, p in self.calls if m == method and re.fullmatch(path_re, p))

    def shown_text(self, text: str, with_media: bool) -> str:
        """The text as X gives it back: links as t.co, HTML entities, a media link."""
        shown = URL_RE.sub(lambda _m: "https://t.co/" + secrets.token_urlsafe(7)[:10], text)
        shown = html.escape(shown, quote=False)
        if with_media:
            shown += " https://t.co/" + secrets.token_urlsafe(7)[:10]
        return shown


class _XHandler(Handler):
    app: FakeX

    def problem(self, status: int, body: dict[str, Any],
                headers: dict[str, str] | None = None) -> None:
        self.send(status, body, headers=headers,
                  content_type="application/problem+json; charset=utf-8")

    def _log(self, method: str) -> None:
        with self.app.lock:
            self.app.calls.append((method, self.route))

    def _json(self) -> dict[str, Any]:
        raw = self.body()
        try:
            value = json.loads(raw or b"{}")
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def _authorised(self) -> bool:
        header = self.headers.get("Authorization", "")
        token = header.removeprefix("Bearer ")
        with self.app.lock:
            end = self.app.access.get(token)
            ok = header.startswith("Bearer ") and end is not None and self.app.now() < end
        if not ok:
            self.body()  # read it all: the connection is kept for the next request
            self.problem(401, UNAUTHORIZED)
        return ok

    def _injected(self) -> bool:
        with self.app.lock:
            status = self.app.fail_next.pop(0) if self.app.fail_next else None
        if status is None:
            return False
        self.body()
        self.problem(status, {"title": "Service Unavailable", "detail": "Service Unavailable",
                              "type": "about:blank", "status": status})
        return True

    def _rate(self, limit: int = 100, remaining: int = 99,
              reset: datetime | None = None) -> dict[str, str]:
        when = reset or self.app.now() + timedelta(minutes=15)
        return {"x-rate-limit-limit": str(limit), "x-rate-limit-remaining": str(remaining),
                "x-rate-limit-reset": str(int(when.timestamp()))}

    # ---- GET
    def do_GET(self) -> None:
        self._log("GET")
        app, route = self.app, self.route
        query = {k: v[0] for k, v in self.query.items()}
        if route == "/i/oauth2/authorize":
            self._authorize(query)
            return
        if not self._authorised() or self._injected():
            return
        if route == "/2/users/me":
            self.send(200, {"data": dict(app.user)}, headers=self._rate())
        elif route == "/2/media/upload" and query.get("command") == "STATUS":
            with app.lock:
                media = app.media.get(query.get("media_id", ""))
                if media is None:
                    self.problem(400, {"title": "Invalid Request", "status": 400,
                                       "detail": "One or more parameters to your request was "
                                                 "invalid.",
                                       "type": "https://api.twitter.com/2/problems/"
                                               "invalid-request"})
                    return
                media.status_reads += 1
                if media.polls_left > 0:
                    media.polls_left -= 1
                state = ("succeeded" if media.polls_left == 0
                         else "pending" if media.status_reads == 1 else "in_progress")
            info: dict[str, Any] = {"state": state}
            if state != "succeeded":
                info.update(check_after_secs=1, progress_percent=50)
            self.send(200, {"data": {"id": media.id, "media_key": f"3_{media.id}",
                                     "processing_info": info}})
        elif m := re.fullmatch(r"/2/users/(\d+)/tweets", route):
            self._timeline(m.group(1), query)
        elif route == "/2/tweets":
            ids = query.get("ids", "").split(",")
            with app.lock:
                found = [self._shown(app.tweets[i], query) for i in ids if i in app.tweets]
            body: dict[str, Any] = {"data": found} if found else {
                "errors": [{"value": i, "detail": f"Could not find tweet with ids: [{i}].",
                            "title": "Not Found Error", "resource_type": "tweet",
                            "parameter": "ids", "resource_id": i,
                            "type": "https://api.twitter.com/2/problems/resource-not-found"}
                           for i in ids]}
            self.send(200, body)
        else:
            self.problem(404, {"title": "Not Found", "status": 404, "type": "about:blank",
                               "detail": "Not Found"})

    def _authorize(self, q: dict[str, str]) -> None:
        app = self.app
        scopes = set(q.get("scope", "").split())
        if (q.get("client_id") not in app.clients or q.get("redirect_uri") != app.callback
                or q.get("code_challenge_method") != "S256" or not scopes <= SCOPES
                or q.get("response_type") != "code"):
            self.send(400, raw=b"<html>Something went wrong. You weren't able to give access "
                               b"to the App.</html>", content_type="text/html")
            return
        code = secrets.token_urlsafe(16)
        if not app.grant_offline:
            scopes.discard("offline.access")
        app.codes[code] = {"client_id": q["client_id"], "challenge": q.get("code_challenge"),
                           "redirect_uri": q["redirect_uri"], "scopes": scopes}
        location = q["redirect_uri"] + "?" + urlencode({"state": q.get("state", ""),
                                                        "code": code})
        self.send(302, raw=b"", headers={"Location": location}, content_type="text/html")

    def _shown(self, tweet: dict[str, Any], query: dict[str, str]) -> dict[str, Any]:
        fields = set(query.get("tweet.fields", "").split(","))
        shown: dict[str, Any] = {"id": tweet["id"], "text": tweet["shown"],
                                 "edit_history_tweet_ids": [tweet["id"]]}
        if "created_at" in fields:
            shown["created_at"] = tweet["created_at"].strftime("%Y-%m-%dT%H:%M:%S.000Z")
        if "referenced_tweets" in fields and tweet.get("reply_to"):
            shown["referenced_tweets"] = [{"type": "replied_to", "id": tweet["reply_to"]}]
        if "attachments" in fields and tweet.get("media_ids"):
            shown["attachments"] = {"media_keys": [f"3_{i}" for i in tweet["media_ids"]]}
        if "public_metrics" in fields:
            shown["public_metrics"] = dict(tweet["metrics"])
        return shown

    def _timeline(self, user_id: str, query: dict[str, str]) -> None:
        app = self.app
        if user_id != app.user["id"]:
            self.problem(404, {"title": "Not Found Error", "status": 404,
                               "type": "https://api.twitter.com/2/problems/resource-not-found",
                               "detail": f"Could not find user with id: [{user_id}]."})
            return
        size = int(query.get("max_results", "10"))
        if not 5 <= size <= 100:
            self.problem(400, {"title": "Invalid Request", "status": 400,
                               "type": "https://api.twitter.com/2/problems/invalid-request",
                               "detail": "The `max_results` query parameter value "
                                         f"[{size}] is not between 5 and 100"})
            return
        with app.lock:
            tweets = [t for t in reversed(app.posts())]
        if "start_time" in query:
            start = datetime.fromisoformat(query["start_time"].replace("Z", "+00:00"))
            tweets = [t for t in tweets if t["created_at"] >= start]
        offset = int(query.get("pagination_token", "0") or 0)
        page = tweets[offset:offset + size]
        meta: dict[str, Any] = {"result_count": len(page)}
        if page:
            meta.update(newest_id=page[0]["id"], oldest_id=page[-1]["id"])
        if offset + size < len(tweets):
            meta["next_token"] = str(offset + size)
        body: dict[str, Any] = {"meta": meta}
        if page:
            body["data"] = [self._shown(t, query) for t in page]
        self.send(200, body, headers=self._rate(900, 899))

    # ---- POST
    def do_POST(self) -> None:
        self._log("POST")
        route = self.route
        if route == "/2/oauth2/token":
            self._token()
            return
        if not self._authorised() or self._injected():
            return
        if route == "/2/media/upload/initialize":
            self._initialize()
        elif m := re.fullmatch(r"/2/media/upload/(\d+)/append", route):
            self._append(m.group(1))
        elif m := re.fullmatch(r"/2/media/upload/(\d+)/finalize", route):
            self._finalize(m.group(1))
        elif route == "/2/media/metadata":
            self._metadata()
        elif route == "/2/tweets":
            self._create()
        else:
            self.problem(404, {"title": "Not Found", "status": 404, "type": "about:blank",
                               "detail": "Not Found"})

    def _token(self) -> None:
        app = self.app
        form = {k: v[0] for k, v in parse_qs(self.body().decode()).items()}
        client_id = form.get("client_id", "")
        basic = self.headers.get("Authorization", "")
        if basic.startswith("Basic "):
            client_id, _sep, secret = base64.b64decode(basic[6:]).decode().partition(":")
            if app.clients.get(client_id) != secret:
                self.send(401, {"error": "unauthorized_client",
                                "error_description": "Missing valid authorization header"})
                return
        elif app.clients.get(client_id, None) != "":
            # a confidential client must authenticate; an unknown one is refused
            self.send(401, {"error": "unauthorized_client",
                            "error_description": "Missing valid authorization header"})
            return
        invalid = {"error": "invalid_request",
                   "error_description": "Value passed for the token was invalid."}
        with app.lock:
            if form.get("grant_type") == "authorization_code":
                grant = app.codes.pop(form.get("code", ""), None)
                verifier = form.get("code_verifier", "")
                challenge = base64.urlsafe_b64encode(
                    hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
                if (grant is None or grant["client_id"] != client_id
                        or grant["redirect_uri"] != form.get("redirect_uri")
                        or grant["challenge"] != challenge):
                    self.send(400, {"error": "invalid_request", "error_description":
                                    "Value passed for the authorization code was invalid."})
                    return
                scopes = grant["scopes"]
            elif form.get("grant_type") == "refresh_token":
                token = form.get("refresh_token", "")
                if app.refresh.get(token) != client_id:
                    self.send(400, invalid)
                    return
                del app.refresh[token]  # rotation: the used one is void at once
                app.used_refresh.append(token)
                scopes = set(SCOPES) & {"tweet.read", "tweet.write", "users.read",
                                        "media.write", "offline.access"}
            else:
                self.send(400, {"error": "unsupported_grant_type",
                                "error_description": "grant_type not supported"})
                return
            access = "xat-" + secrets.token_urlsafe(24)
            app.access[access] = app.now() + timedelta(hours=2)
            body = {"token_type": "bearer", "expires_in": 7200, "access_token": access,
                    "scope": " ".join(sorted(scopes))}
            if "offline.access" in scopes:
                refresh = "xrt-" + secrets.token_urlsafe(24)
                app.refresh[refresh] = client_id
                body["refresh_token"] = refresh
        self.send(200, body)

    def _initialize(self) -> None:
        body = self._json()
        if not body.get("media_category") or not isinstance(body.get("total_bytes"), int):
            self.problem(400, {"title": "Invalid Request", "status": 400,
                               "type": "https://api.twitter.com/2/problems/invalid-request",
                               "detail": "One or more parameters to your request was invalid."})
            return
        with self.app.lock:
            media = Media(self.app.next_id(), str(body.get("media_type")),
                          body["total_bytes"], str(body["media_category"]))
            self.app.media[media.id] = media
        self.send(200, {"data": {"id": media.id, "media_key": f"3_{media.id}",
                                 "expires_after_secs": 86400}}, headers=self._rate(1875, 1874))

    def _append(self, media_id: str) -> None:
        fields, files = _multipart(self.headers.get("Content-Type", ""), self.body())
        with self.app.lock:
            media = self.app.media.get(media_id)
            if media is None or "media" not in files or "segment_index" not in fields:
                self.problem(400, {"title": "Invalid Request", "status": 400,
                                   "type": "https://api.twitter.com/2/problems/invalid-request",
                                   "detail": "One or more parameters to your request was "
                                             "invalid."})
                return
            media.segments[int(fields["segment_index"])] = files["media"][1]
        self.send(200, {"data": {"expires_at": int(self.app.now().timestamp()) + 86400}})

    def _finalize(self, media_id: str) -> None:
        with self.app.lock:
            media = self.app.media.get(media_id)
            size = sum(len(s) for s in media.segments.values()) if media else -1
            if media is None or size != media.total_bytes:
                self.problem(400, {"title": "Invalid Request", "status": 400,
                                   "type": "https://api.twitter.com/2/problems/invalid-request",
                                   "detail": "File size does not match the size given at "
                                             "initialization."})
                return
            media.finalized = True
            media.polls_left = self.app.processing_polls
        data: dict[str, Any] = {"id": media.id, "media_key": f"3_{media.id}", "size": size,
                                "expires_after_secs": 86400}
        if media.polls_left:
            data["processing_info"] = {"state": "pending", "check_after_secs": 1}
        self.send(200, {"data": data})

    def _metadata(self) -> None:
        body = self._json()
        alt = ((body.get("metadata") or {}).get("alt_text") or {}).get("text")
        with self.app.lock:
            if str(body.get("id")) not in self.app.media or not isinstance(alt, str) \
                    or len(alt) > 1000:
                self.problem(400, {"title": "Invalid Request", "status": 400,
                                   "type": "https://api.twitter.com/2/problems/invalid-request",
                                   "detail": "One or more parameters to your request was "
                                             "invalid."})
                return
            self.app.alt_texts[str(body["id"])] = alt
        self.send(200, {"data": {"associated_metadata": True, "id": str(body["id"])}},
                  headers=self._rate(500, 499))

    def _create(self) -> None:
        app = self.app
        body = self._json()
        text = body.get("text")
        media_ids = [str(i) for i in (body.get("media") or {}).get("media_ids") or []]
        reply_to = str((body.get("reply") or {}).get("in_reply_to_tweet_id") or "")
        now = app.now()
        with app.lock:
            if app.limit_24h is not None and now < app.limit_24h:
                headers = {**self._rate(100, 90),
                           "x-user-limit-24hour-limit": "17",
                           "x-user-limit-24hour-remaining": "0",
                           "x-user-limit-24hour-reset": str(int(app.limit_24h.timestamp()))}
                self.problem(429, TOO_MANY, headers)
                return
            if app.limit_window is not None and now < app.limit_window[1]:
                self.problem(429, TOO_MANY, self._rate(100, 0, app.limit_window[1]))
                return
            if app.credits is not None and app.credits <= 0:
                self.problem(402, CREDITS)
                return
            if not isinstance(text, str) or count_weighted(URL_RE.sub("x" * 23, text)) > 280:
                self.problem(400, {"title": "Invalid Request", "status": 400,
                                   "type": "https://api.twitter.com/2/problems/invalid-request",
                                   "detail": "One or more parameters to your request was "
                                             "invalid.",
                                   "errors": [{"message": "text length is invalid"}]})
                return
            if any(t["text"] == text for t in app.tweets.values()):
                self.problem(403, DUPLICATE)
                return
            bad = [i for i in media_ids if i not in app.media or not app.media[i].finalized
                   or app.media[i].polls_left > 0]
            if bad or len(media_ids) > 4 or (reply_to and reply_to not in app.tweets):
                self.problem(400, {"title": "Invalid Request", "status": 400,
                                   "type": "https://api.twitter.com/2/problems/invalid-request",
                                   "detail": "Your media IDs are invalid." if bad else
                                   "One or more parameters to your request was invalid."})
                return
            if app.credits is not None:
                app.credits -= 1
            tweet = {"id": app.next_id(), "text": text,
                     "shown": app.shown_text(text, bool(media_ids)), "media_ids": media_ids,
                     "reply_to": reply_to, "created_at": now,
                     "metrics": {"retweet_count": 0, "reply_count": 0, "like_count": 0,
                                 "quote_count": 0, "bookmark_count": 0,
                                 "impression_count": 0}}
            app.tweets[tweet["id"]] = tweet
            after = app.after_create.pop(0) if app.after_create else None
        if after == "drop":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if isinstance(after, int):
            self.send(after, raw=b"<html><body><h1>503 Service Temporarily Unavailable</h1>"
                                 b"</body></html>", content_type="text/html")
            return
        self.send(201, {"data": {"id": tweet["id"], "text": tweet["shown"],
                                 "edit_history_tweet_ids": [tweet["id"]]}},
                  headers=self._rate())
