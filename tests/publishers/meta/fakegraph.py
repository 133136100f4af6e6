"""A loopback fake of Meta's Graph hosts (graph.facebook.com and graph.threads.net).

Paths, payloads, error shapes and usage headers follow PLATFORMS.md §5–7 and the
§13 checklist: ``{page}_{post}`` ids, unpublished photos + ``attached_media``,
506 duplicates, 190/463 expired tokens, throttling codes with
``X-App-Usage`` / ``X-Business-Use-Case-Usage`` (``estimated_time_to_regain_access``),
the container lifecycle IN_PROGRESS → FINISHED → PUBLISHED / EXPIRED / ERROR,
``media_publish`` before FINISHED → 9007/2207027, the publishing-quota edges, and
media fetched from their public URL by a real GET. A :class:`Fault` can answer an
error instead, or do the work and then drop the connection (the lost-answer test).
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import re
import secrets
import socket
import tempfile
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from tests.publishers.meta.fakemeta import FakeMeta, Fault, GraphFault, Token, graph_time

VERSION = re.compile(r"^/v\d+\.\d+(?=/)")
SHORTCODE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"


def _fields(spec: str) -> list[str]:
    """Top-level names of a ``fields`` list (``reactions.summary(total_count).limit(0)``)."""
    names, depth, current = [], 0, ""
    for char in spec:
        if char in "({":
            depth += 1
        elif char in ")}":
            depth -= 1
        if char == "," and depth == 0:
            names.append(current)
            current = ""
        else:
            current += char
    if current:
        names.append(current)
    return [re.split(r"[.{(]", n.strip(), maxsplit=1)[0] for n in names if n.strip()]


def _shortcode(number: str) -> str:
    value, out = int(number), ""
    while value:
        value, rest = divmod(value, 64)
        out += SHORTCODE[rest]
    return out[:11]


class FakeGraph(FakeMeta):
    """The model plus its HTTP server. ``base`` is ``http://127.0.0.1:PORT``."""

    def __init__(self, clock: Any) -> None:
        super().__init__(clock)
        self.faults: list[Fault] = []
        self.requests: list[dict[str, Any]] = []
        self.app_usage = {"call_count": 3, "total_cputime": 1, "total_time": 2}
        # Page videos (resumable upload): the size of the ranges the fake asks for, the
        # bytes of every chunk received (accepted or not), where the videos' bytes are kept.
        self.video_chunk = 1024 * 1024
        self.video_bytes_received = 0
        self.video_dir = Path(tempfile.mkdtemp(prefix="fakegraph-videos-"))
        #: called with (method, path, params) once a request is read, before it is handled:
        #: an Event returned holds the request until it is set (a test kills the client then)
        self.hold: Callable[[str, str, dict[str, str]], threading.Event | None] | None = None
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        self.server.fake = self  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), name="fakegraph",
                                       daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def graph_url(self) -> str:
        return f"{self.base}/v25.0"

    @property
    def threads_url(self) -> str:
        return f"{self.base}/v1.0"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)
        for file in self.video_dir.glob("*"):
            file.unlink()
        self.video_dir.rmdir()

    def videos(self, owner: str | None = None) -> list[dict[str, Any]]:
        """The Page videos published (upload finished)."""
        return [o for o in self.published("fb_video", owner) if o["published"]]

    def video_bytes(self, video: dict[str, Any]) -> bytes:
        return Path(video["file"]).read_bytes()

    # ------------------------------------------------------------ faults ---

    def fail(self, method: str, path: str, code: int, message: str = "", *, status: int = 400,
             subcode: int | None = None, times: int = 1, transient: bool = False,
             usage: dict[str, Any] | None = None, after: tuple[str, str] | None = None) -> None:
        error = GraphFault(code, message or f"(#{code}) simulated error", status=status,
                           subcode=subcode, transient=transient)
        self.faults.append(Fault(method, path, times=times, error=error, usage=usage or {},
                                 after=after))

    def drop_after(self, method: str, path: str, times: int = 1) -> None:
        self.faults.append(Fault(method, path, times=times, drop_after=True))

    def take_fault(self, method: str, path: str) -> Fault | None:
        with self.lock:
            for fault in self.faults:
                if fault.times > 0 and fault.method == method and re.search(fault.path, path):
                    if fault.after is not None and not self.calls(*fault.after):
                        continue
                    fault.times -= 1
                    return fault
        return None

    def calls(self, method: str, pattern: str) -> list[dict[str, Any]]:
        return [r for r in self.requests if r["method"] == method
                and re.search(pattern, r["path"])]

    # ------------------------------------------------------------ routing ---

    def route(self, method: str, path: str, params: dict[str, str],
              files: dict[str, tuple[str, bytes]], token_value: str | None) -> dict[str, Any]:
        parts = [p for p in path.split("/") if p]
        if parts == ["oauth", "access_token"]:
            if params.get("grant_type") == "client_credentials":
                app = self.app_token(f"{params.get('client_id')}|{params.get('client_secret')}")
                if app is None:
                    raise GraphFault(101, "Error validating client secret.")
                return {"access_token": f"{app.app_id}|{app.secret}", "token_type": "bearer"}
            return self.exchange(params.get("client_id", ""), params.get("client_secret", ""),
                                 params.get("fb_exchange_token", ""))
        if parts == ["access_token"]:  # Threads, no version in the path
            return self.exchange("", params.get("client_secret", ""),
                                 params.get("access_token", ""), threads=True)
        if parts == ["refresh_access_token"]:
            return self.refresh(params.get("access_token", ""))
        if parts == ["debug_token"]:
            if token_value is None or (self.app_token(token_value) is None
                                       and token_value not in self.tokens):
                raise GraphFault(190, "Invalid OAuth access token.")
            if token_value in self.tokens:
                self.authenticate(token_value, params.get("appsecret_proof"))
            return self.debug(params.get("input_token", ""))
        token = self.authenticate(token_value, params.get("appsecret_proof"))
        if parts and parts[0] == "me":
            if len(parts) == 2 and parts[1] == "accounts":
                return self.page_accounts(token)
            parts[0] = token.subject
        if not parts:
            raise GraphFault(100, "Unsupported request.")
        node = parts[0]
        edge = parts[1] if len(parts) > 1 else ""
        handler = getattr(self, f"_{method.lower()}_{edge or 'node'}", None)
        if handler is None:
            raise GraphFault(100, f"Unsupported {method} request. Object with ID '{node}' does "
                             "not exist, cannot be loaded due to missing permissions, or does "
                             "not support this operation.", subcode=33, kind="GraphMethodException")
        result: dict[str, Any] = handler(token, node, params, files)
        return result

    def owned(self, token: Token, node: str, kind: str) -> Any:
        account = self.accounts.get(node)
        if account is None or account.kind != kind:
            raise GraphFault(100, f"Unsupported request. Object with ID '{node}' does not exist, "
                             "cannot be loaded due to missing permissions, or does not support "
                             "this operation.", subcode=33, kind="GraphMethodException")
        allowed = (token.subject == node if kind in ("page", "threads")
                   else token.subject == account.owner)
        if not allowed:
            raise GraphFault(200, "(#200) The user does not have permission to access this "
                             "object.", status=403)
        return account

    # ------------------------------------------------------------ reading ---

    def _get_node(self, token: Token, node: str, params: dict[str, str], _f: Any) -> dict[str, Any]:
        wanted = _fields(params.get("fields", "")) or ["id", "name"]
        if token.kind == "USER" and node == token.subject:
            return {"id": node, "name": "Camille Martin"}
        if node in self.accounts:
            account = self.accounts[node]
            data = {"id": account.id, "name": account.name, "username": account.username,
                    "link": f"https://www.facebook.com/{account.username}"}
            if account.linked_ig:
                data["instagram_business_account"] = {"id": account.linked_ig}
            return {k: v for k, v in data.items() if k in wanted or k == "id"}
        obj = self.objects.get(node)
        if obj is None:
            raise GraphFault(100, f"Unsupported get request. Object with ID '{node}' does not "
                             "exist, cannot be loaded due to missing permissions, or does not "
                             "support this operation.", subcode=33, kind="GraphMethodException")
        if obj["kind"].endswith("container") and obj["status"] == "IN_PROGRESS":
            if obj["reads_left"] > 0:
                obj["reads_left"] -= 1
            else:
                obj["status"] = "FINISHED"
        view = self.view(obj)
        return {k: v for k, v in view.items() if k in wanted or k == "id"}

    def view(self, obj: dict[str, Any]) -> dict[str, Any]:
        kind = obj["kind"]
        if kind == "ig_container":
            return {"id": obj["id"], "status_code": obj["status"],
                    "status": obj.get("error") or obj["status"]}
        if kind == "th_container":
            out = {"id": obj["id"], "status": obj["status"]}
            if obj.get("error"):
                out["error_message"] = obj["error"]
            return out
        if kind == "fb_post":
            return {"id": obj["id"], "message": obj.get("message", ""),
                    "created_time": graph_time(obj["created"]),
                    "permalink_url": obj["permalink"],
                    "shares": {"count": obj.get("shares", 0)},
                    "reactions": {"data": [], "summary": {"total_count": obj.get("reactions", 0)}},
                    "comments": {"data": [], "summary": {"total_count": obj.get("comments", 0),
                                                         "can_comment": True}}}
        if kind == "fb_video":
            out = {"id": obj["id"], "published": obj["published"],
                   "created_time": graph_time(obj["created"]),
                   "description": obj.get("description", ""), "title": obj.get("title", "")}
            if obj["published"]:
                out["permalink_url"] = obj["permalink"]
            return out
        if kind == "fb_photo":
            return {"id": obj["id"], "created_time": graph_time(obj["created"]),
                    "alt_text_custom": obj.get("alt_text_custom", "")}
        text_key = "caption" if kind == "ig_media" else "text"
        return {"id": obj["id"], text_key: obj.get("text", ""), "permalink": obj["permalink"],
                "timestamp": graph_time(obj["created"]), "media_type": obj["media_type"],
                "like_count": obj.get("likes", 0), "comments_count": obj.get("comments", 0)}

    def _listing(self, kind: str, owner: str, params: dict[str, str], key: str
                 ) -> dict[str, Any]:
        wanted = _fields(params.get("fields", "")) or ["id"]
        since = int(params.get("since", "0") or 0)
        limit = int(params.get("limit", "25") or 25)
        items = [o for o in reversed(self.created) if o["kind"] == kind and o["owner"] == owner
                 and o["created"].timestamp() >= since and not self._lagging(o["id"])][:limit]
        data = [{k: v for k, v in self.view(o).items() if k in wanted or k == "id"}
                for o in items]
        return {"data": data, "paging": {"cursors": {"before": "MAZD", "after": "MjQZD"}}}

    def _lagging(self, object_id: str) -> bool:
        """Listings are eventually consistent: a new object may be missing for a few reads."""
        left = self.listing_lag.get(object_id, 0)
        if left:
            self.listing_lag[object_id] = left - 1
        return left > 0

    def _get_published_posts(self, token: Token, node: str, params: dict[str, str], _f: Any
                             ) -> dict[str, Any]:
        self.owned(token, node, "page")
        return self._listing("fb_post", node, params, "message")

    _get_feed = _get_published_posts

    def _get_media(self, token: Token, node: str, params: dict[str, str], _f: Any
                   ) -> dict[str, Any]:
        self.owned(token, node, "ig")
        return self._listing("ig_media", node, params, "caption")

    def _get_threads(self, token: Token, node: str, params: dict[str, str], _f: Any
                     ) -> dict[str, Any]:
        self.owned(token, node, "threads")
        return self._listing("th_media", node, params, "text")

    def _limit(self, owner: str, kind: str) -> dict[str, Any]:
        return {"data": [{"quota_usage": self.used_quota(owner),
                          "config": {"quota_total": self.quota_total[kind],
                                     "quota_duration": 86400}}]}

    def _get_content_publishing_limit(self, token: Token, node: str, _p: Any, _f: Any
                                      ) -> dict[str, Any]:
        self.owned(token, node, "ig")
        return self._limit(node, "ig")

    def _get_threads_publishing_limit(self, token: Token, node: str, _p: Any, _f: Any
                                      ) -> dict[str, Any]:
        self.owned(token, node, "threads")
        return self._limit(node, "threads")

    def _get_insights(self, token: Token, node: str, params: dict[str, str], _f: Any
                      ) -> dict[str, Any]:
        obj = self.objects.get(node)
        if obj is None or obj["kind"] != "th_media":
            raise GraphFault(100, "Object does not exist.", subcode=33)
        if "threads_manage_insights" not in token.scopes:
            raise GraphFault(10, "(#10) Application does not have permission for this action",
                             status=403)
        data = []
        for metric in params.get("metric", "").split(","):
            value = obj.get(metric, 0)
            data.append({"name": metric, "period": "lifetime", "values": [{"value": value}],
                         "title": metric.title(), "id": f"{node}/insights/{metric}/lifetime"})
        return {"data": data}

    # ------------------------------------------------------------ Facebook ---

    def _post_feed(self, token: Token, node: str, params: dict[str, str], _f: Any
                   ) -> dict[str, Any]:
        self.owned(token, node, "page")
        self.require(token, "pages_manage_posts")
        message = params.get("message", "")
        attached = []
        for key in sorted(k for k in params if k.startswith("attached_media[")):
            fbid = str(json.loads(params[key]).get("media_fbid", ""))
            photo = self.objects.get(fbid)
            if photo is None or photo["kind"] != "fb_photo" or photo["owner"] != node \
                    or photo["published"] or photo.get("attached_to"):
                raise GraphFault(100, f"(#100) param attached_media[{len(attached)}] must be an "
                                 "unpublished photo of this Page.")
            attached.append(photo)
        if not message and not attached and not params.get("link"):
            raise GraphFault(100, "(#100) Missing message or attachment.")
        return {"id": self.new_post(node, message, link=params.get("link", ""),
                                    photos=attached)["id"]}

    def new_post(self, page: str, message: str, *, link: str = "",
                 photos: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        since = self.clock().timestamp() - 86400
        if message and any(o["kind"] == "fb_post" and o["owner"] == page
                           and o.get("message") == message and o["created"].timestamp() >= since
                           for o in self.created):
            raise GraphFault(506, "(#506) Duplicate status message")
        number = self.new_id()
        post = self.record({
            "id": f"{page}_{number}", "kind": "fb_post", "owner": page, "message": message,
            "link": link, "photos": [p["id"] for p in photos or []], "created": self.clock(),
            "permalink": f"https://www.facebook.com/{self.accounts[page].username}/posts/{number}",
        })
        for photo in photos or []:
            photo["attached_to"] = post["id"]
        return post

    def _post_videos(self, token: Token, node: str, params: dict[str, str],
                     files: dict[str, tuple[str, bytes]]) -> dict[str, Any]:
        """The resumable upload: ``upload_phase`` start → transfer (the ranges the server
        asks for, in order) → finish (publishes the video made at start)."""
        self.owned(token, node, "page")
        self.require(token, "pages_manage_posts")
        phase = params.get("upload_phase", "")
        if phase == "start":
            size = int(params.get("file_size") or 0)
            if size <= 0:
                raise GraphFault(100, "(#100) file_size must be a positive integer.")
            number = self.new_id()
            video = self.record({
                "id": number, "kind": "fb_video", "owner": node, "size": size, "received": 0,
                "session": f"{number}-{secrets.token_hex(4)}", "published": False,
                "created": self.clock(), "file": str(self.video_dir / f"{number}.bin"),
                "chunks": [],
                "permalink": f"https://www.facebook.com/{self.accounts[node].username}/videos/"
                             f"{number}",
            })
            Path(video["file"]).write_bytes(b"")
            return {"video_id": number, "upload_session_id": video["session"],
                    **self._window(video)}
        video = next((o for o in self.created if o["kind"] == "fb_video"
                      and o["session"] == params.get("upload_session_id")
                      and o["owner"] == node), None)
        if video is None:
            raise GraphFault(6001, "There was a problem uploading your video file. Please try "
                             "again.", subcode=1363030, user_msg="Upload session not found.")
        if phase == "transfer":
            _name, data = files.get("video_file_chunk", ("", b""))
            self.video_bytes_received += len(data)
            start = int(params.get("start_offset", "-1"))
            window = self._window(video)
            if start != video["received"]:
                raise GraphFault(6001, "There was a problem uploading your video file.",
                                 subcode=1363037, data={k: int(v) for k, v in window.items()},
                                 user_msg="The start offset of the chunk is not the expected one.")
            expected = int(window["end_offset"]) - start
            if len(data) != expected:
                raise GraphFault(6001, "There was a problem uploading your video file.",
                                 subcode=1363019, user_msg=f"The chunk has {len(data)} bytes; "
                                 f"{expected} were expected from offset {start}.")
            with open(video["file"], "r+b") as fh:
                fh.seek(start)
                fh.write(data)
            video["received"] = start + len(data)
            video["chunks"].append((start, len(data)))
            return self._window(video)
        if phase == "finish":
            if video["received"] != video["size"]:
                raise GraphFault(6001, "There was a problem uploading your video file.",
                                 subcode=1363030, user_msg="The upload is not complete.")
            if not video["published"]:
                video.update(published=params.get("published", "true") == "true",
                             description=params.get("description", ""),
                             title=params.get("title", ""), created=self.clock(),
                             finishes=0)
            video["finishes"] += 1
            return {"success": True}
        raise GraphFault(100, f"(#100) Invalid upload_phase {phase!r}.")

    def _window(self, video: dict[str, Any]) -> dict[str, str]:
        start = video["received"]
        return {"start_offset": str(start),
                "end_offset": str(min(video["size"], start + self.video_chunk))}

    def _post_photos(self, token: Token, node: str, params: dict[str, str],
                     files: dict[str, tuple[str, bytes]]) -> dict[str, Any]:
        self.owned(token, node, "page")
        self.require(token, "pages_manage_posts")
        if "source" in files:
            data = files["source"][1]
        elif params.get("url"):
            data = self.fetch(params["url"])
        else:
            raise GraphFault(324, "(#324) Requires upload file")
        if not self.image_format(data):
            raise GraphFault(324, "(#324) Missing or invalid image file")
        if len(data) > 10 * 1024 * 1024:
            raise GraphFault(100, "(#100) The photo is too large.")
        published = params.get("published", "true").lower() != "false"
        photo = self.record({"id": self.new_id(), "kind": "fb_photo", "owner": node,
                             "published": published, "bytes": len(data),
                             "alt_text_custom": params.get("alt_text_custom", ""),
                             "created": self.clock(), "name": files.get("source", ("",))[0]})
        if not published:
            return {"id": photo["id"]}
        post = self.new_post(node, params.get("message") or params.get("caption", ""),
                             photos=[photo])
        return {"id": photo["id"], "post_id": post["id"]}

    # ------------------------------------------------------------ containers ---

    def _container(self, owner: str, params: dict[str, str], *, platform: str
                   ) -> dict[str, Any]:
        kind = "ig_container" if platform == "ig" else "th_container"
        media_type = params.get("media_type", "IMAGE" if params.get("image_url") else "")
        text = params.get("caption" if platform == "ig" else "text", "")
        obj: dict[str, Any] = {
            "id": self.new_id(), "kind": kind, "owner": owner, "media_type": media_type,
            "text": text, "alt_text": params.get("alt_text", ""),
            "carousel_item": params.get("is_carousel_item", "").lower() == "true",
            "status": "IN_PROGRESS", "reads_left": self.processing_reads, "error": "",
            "created": self.clock(), "children": [], "link": params.get("link_attachment", ""),
        }
        if platform == "ig" and len(text) > 2200:
            raise GraphFault(100, "(#100) The caption is too long.", subcode=2207010)
        if platform == "threads" and len(text) > 500:
            raise GraphFault(100, "(#100) The text is too long.")
        if media_type == "CAROUSEL":
            children = [c for c in params.get("children", "").split(",") if c]
            limit = 10 if platform == "ig" else 20
            if not 2 <= len(children) <= limit:
                raise GraphFault(100, f"(#100) A carousel takes 2 to {limit} children.")
            for child_id in children:
                child = self.objects.get(child_id)
                if child is None or child["kind"] != kind or child["owner"] != owner \
                        or not child["carousel_item"]:
                    raise GraphFault(100, f"(#100) Invalid child {child_id}.")
                if child["status"] != "FINISHED":
                    raise GraphFault(9007, "Media ID is not available", subcode=2207027)
            obj["children"] = children
        elif media_type in ("IMAGE", "") and params.get("image_url"):
            data = self.fetch(params["image_url"])
            fmt = self.image_format(data)
            allowed = {"JPEG"} if platform == "ig" else {"JPEG", "PNG"}
            obj.update(media_type="IMAGE", image_url=params["image_url"], bytes=len(data),
                       format=fmt)
            if fmt not in allowed:
                obj.update(status="ERROR", error=f"Error: The image format {fmt or '?'} is not "
                           "supported (2207083)" if platform == "ig" else
                           "Unsupported image format")
            elif len(data) > 8 * 1024 * 1024:
                obj.update(status="ERROR", error="Error: The image is too large (2207004)")
        elif media_type in ("REELS", "VIDEO"):
            data = self.fetch(params.get("video_url", ""))
            obj.update(video_url=params.get("video_url"), bytes=len(data),
                       reads_left=self.processing_reads + 1)
        elif media_type == "TEXT" and platform == "threads":
            pass
        else:
            raise GraphFault(100, "(#100) The parameter image_url is required.")
        if self.processing_errors and obj["status"] == "IN_PROGRESS":
            obj.update(status="ERROR", error=self.processing_errors.pop(0))
        return self.record(obj)

    def _post_media(self, token: Token, node: str, params: dict[str, str], _f: Any
                    ) -> dict[str, Any]:
        self.owned(token, node, "ig")
        self.require(token, "instagram_content_publish")
        return {"id": self._container(node, params, platform="ig")["id"]}

    def _post_threads(self, token: Token, node: str, params: dict[str, str], _f: Any
                      ) -> dict[str, Any]:
        self.owned(token, node, "threads")
        self.require(token, "threads_content_publish")
        return {"id": self._container(node, params, platform="threads")["id"]}

    def _publish(self, owner: str, params: dict[str, str], *, platform: str) -> dict[str, Any]:
        container = self.objects.get(params.get("creation_id", ""))
        kind = "ig_container" if platform == "ig" else "th_container"
        if container is None or container["kind"] != kind or container["owner"] != owner:
            raise GraphFault(100, "(#100) Invalid parameter: creation_id.", subcode=33)
        status = container["status"]
        if status == "IN_PROGRESS":
            raise GraphFault(9007, "The media is not ready for publishing, please wait for a "
                             "moment", subcode=2207027, user_msg="Media ID is not available")
        if status in ("ERROR", "EXPIRED"):
            raise GraphFault(100, f"(#100) The container is {status} and cannot be published.")
        if status == "PUBLISHED" or container.get("carousel_item"):
            raise GraphFault(100, "(#100) This container cannot be published (already "
                             "published, or a carousel item).")
        if self.used_quota(owner) >= self.quota_total[platform]:
            raise GraphFault(9, "Application request limit reached", subcode=2207042,
                             user_msg="You have reached the maximum number of posts allowed "
                             "in 24 hours.")
        number = self.new_id()
        username = self.accounts[owner].username
        permalink = (f"https://www.instagram.com/p/{_shortcode(number)}/" if platform == "ig"
                     else f"https://www.threads.net/@{username}/post/{_shortcode(number)}")
        media = self.record({
            "id": number, "kind": "ig_media" if platform == "ig" else "th_media",
            "owner": owner, "text": container["text"], "container": container["id"],
            "media_type": container["media_type"], "children": container["children"],
            "permalink": permalink, "created": self.clock(),
        })
        container["status"] = "PUBLISHED"
        return {"id": media["id"]}

    def _post_media_publish(self, token: Token, node: str, params: dict[str, str], _f: Any
                            ) -> dict[str, Any]:
        self.owned(token, node, "ig")
        self.require(token, "instagram_content_publish")
        return self._publish(node, params, platform="ig")

    def _post_threads_publish(self, token: Token, node: str, params: dict[str, str], _f: Any
                              ) -> dict[str, Any]:
        self.owned(token, node, "threads")
        self.require(token, "threads_content_publish")
        return self._publish(node, params, platform="threads")

    def expire(self, container_id: str) -> None:
        self.objects[container_id]["status"] = "EXPIRED"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeGraph/25.0"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: the fake keeps its own record

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_DELETE(self) -> None:
        self._serve("DELETE")

    def _read(self) -> tuple[dict[str, str], dict[str, tuple[str, bytes]]]:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        ctype = self.headers.get("Content-Type", "")
        params: dict[str, str] = {}
        files: dict[str, tuple[str, bytes]] = {}
        if ctype.startswith("multipart/form-data"):
            message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
                f"Content-Type: {ctype}\r\n\r\n".encode() + raw)
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                payload = part.get_payload(decode=True) or b""
                if part.get_filename():
                    files[str(name)] = (part.get_filename() or "", payload)
                else:
                    params[str(name)] = payload.decode("utf-8")
        elif raw:
            params.update(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
        return params, files

    def _serve(self, method: str) -> None:
        fake: FakeGraph = self.server.fake  # type: ignore[attr-defined]
        url = urlsplit(self.path)
        path = VERSION.sub("", url.path)
        params = dict(parse_qsl(url.query, keep_blank_values=True))
        body_params, files = self._read()
        params.update(body_params)
        auth = self.headers.get("Authorization", "")
        token_value = (auth.split(" ", 1)[1].strip() if auth.lower().startswith(("bearer ", "oauth "))
                       else params.get("access_token"))
        if path.endswith("access_token") and "access_token" in params and not auth:
            token_value = None  # token endpoints carry the token as a parameter, not as auth
        fake.requests.append({"method": method, "path": path, "query": url.query,
                              "params": {k: v for k, v in params.items() if k != "access_token"},
                              "files": {k: (n, len(b)) for k, (n, b) in files.items()},
                              "authorization": bool(auth), "token": token_value})
        hold = fake.hold(method, path, params) if fake.hold is not None else None
        if hold is not None:
            hold.wait(120)
        fault = fake.take_fault(method, path)
        if fault is not None and fault.drop_before:
            self._drop()
            return
        usage: dict[str, Any] = dict(fault.usage) if fault else {}
        status = 200
        with fake.lock:
            try:
                if fault is not None and fault.before is not None:
                    fault.before()
                if fault is not None and fault.error is not None:
                    raise fault.error
                result = fake.route(method, path, params, files, token_value)
            except GraphFault as exc:
                status, result = exc.status, exc.body(secrets.token_urlsafe(12))
        if fault is not None and fault.drop_after:
            self._drop()  # the work is done; the answer never arrives
            return
        try:
            self._answer(fake, status, result, path, usage)
        except OSError:
            self.close_connection = True  # the client is gone (killed while held)

    def _drop(self) -> None:
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _answer(self, fake: FakeGraph, status: int, result: dict[str, Any], path: str,
                usage: dict[str, Any]) -> None:
        data = json.dumps(result).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-fb-trace-id", secrets.token_urlsafe(8))
        self.send_header("facebook-api-version", "v25.0")
        app_usage = dict(fake.app_usage)
        app_usage.update({k: v for k, v in usage.items() if k in app_usage})
        self.send_header("X-App-Usage", json.dumps(app_usage))
        node = [p for p in path.split("/") if p][:1]
        if node and node[0] in fake.accounts:
            buc = {"type": "pages" if fake.accounts[node[0]].kind == "page" else "instagram",
                   "call_count": usage.get("call_count", 2), "total_cputime": 1,
                   "total_time": 1,
                   "estimated_time_to_regain_access": usage.get("regain", 0)}
            self.send_header("X-Business-Use-Case-Usage", json.dumps({node[0]: [buc]}))
        self.end_headers()
        self.wfile.write(data)

