"""A loopback fake of the Bluesky PDS endpoints a publisher uses (PLATFORMS.md §3).

``com.atproto.server.createSession``, ``com.atproto.repo.createRecord`` (with a
client-chosen ``rkey``) and ``com.atproto.repo.getRecord``, with XRPC error bodies
(``{"error": "<Name>", "message": "..."}``) and ``ratelimit-*`` headers (reset in
Unix seconds, policy ``5000;w=3600``).

It records every ``createRecord`` request it receives, so a test can count what
really reached "the platform". A second ``createRecord`` for an existing record
key is answered ``400 InvalidRequest`` and recorded as a duplicate: a correct
service never sends one.

Faults are queued for the next ``createRecord`` requests: ``429`` (with a
``Retry-After`` header, as a proxy or CDN in front of a PDS adds), ``503``,
``401`` (revoked credentials), ``expired`` (``400 ExpiredToken``), ``delay``
(the record is created, the answer comes too late), ``drop`` (created, then the
connection is cut) and ``lose`` (connection cut before anything is stored). The
server can also be stopped (connection refused) and started again on its port.
"""

from __future__ import annotations

import hashlib
import json
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

COLLECTION = "app.bsky.feed.post"
LIMIT = 5000
WINDOW = 3600


@dataclass
class Fault:
    kind: str  # "429", "503", "401", "expired", "delay", "drop", "lose"
    seconds: float | None = None  # Retry-After for 429, answer delay for "delay"
    did: str | None = None  # only for this account


@dataclass
class CreateCall:
    """One createRecord request as received."""

    did: str
    rkey: str
    text: str
    received_at: float
    received_wall: float = 0.0  # time.time(), to compare with due times
    status: int = 0
    created: bool = False
    duplicate: bool = False


@dataclass
class Record:
    did: str
    rkey: str
    value: dict[str, Any]
    cid: str
    created_at: float


@dataclass
class _Account:
    handle: str
    password: str
    did: str


@dataclass
class _State:
    accounts: dict[str, _Account] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)  # accessJwt -> did
    records: dict[tuple[str, str], Record] = field(default_factory=dict)
    creates: list[CreateCall] = field(default_factory=list)
    faults: deque[Fault] = field(default_factory=deque)
    sessions_created: int = 0
    remaining: int = LIMIT
    active: dict[str, int] = field(default_factory=dict)  # createRecord in progress, by did
    max_active: int = 0  # at once, all accounts
    max_active_per_did: int = 0


class FakePds:
    """The fake server. Thread-safe; ``url`` is ``http://127.0.0.1:<port>``."""

    def __init__(self, *, now: Callable[[], datetime] | None = None, latency: float = 0.0,
                 on_create: Callable[[CreateCall], None] | None = None) -> None:
        self.now = now or (lambda: datetime.now(UTC))
        self.latency = latency
        self.on_create = on_create
        self.lock = threading.Lock()
        self.state = _State()
        self.port = 0
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._connections: set[socket.socket] = set()
        self.created_event = threading.Condition(self.lock)

    # ---- lifecycle
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FakePds:
        pds = self

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            allow_reuse_address = True

            def process_request(self, request: Any, client_address: Any) -> None:
                with pds.lock:
                    pds._connections.add(request)
                super().process_request(request, client_address)

            def shutdown_request(self, request: Any) -> None:
                with pds.lock:
                    pds._connections.discard(request)
                super().shutdown_request(request)

        server = Server(("127.0.0.1", self.port), _handler(self))
        self.port = server.server_address[1]
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"fakepds-{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop listening and cut every open connection: clients get "connection refused"."""
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        with self.lock:
            connections = list(self._connections)
        for conn in connections:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        if self._thread is not None:
            self._thread.join(5)

    # ---- test API
    def add_account(self, handle: str, password: str) -> str:
        did = "did:plc:" + hashlib.sha256(handle.encode()).hexdigest()[:24]
        with self.lock:
            self.state.accounts[handle] = _Account(handle, password, did)
        return did

    def inject(self, *faults: Fault) -> None:
        with self.lock:
            self.state.faults.extend(faults)

    def revoke_sessions(self) -> None:
        with self.lock:
            self.state.tokens.clear()

    def creates(self) -> list[CreateCall]:
        with self.lock:
            return list(self.state.creates)

    def records(self) -> dict[tuple[str, str], Record]:
        with self.lock:
            return dict(self.state.records)

    def duplicates(self) -> list[CreateCall]:
        with self.lock:
            return [c for c in self.state.creates if c.duplicate]

    def wait_created(self, count: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self.created_event:
            while len(self.state.records) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self.created_event.wait(left)
            return True

    # ---- request handling (called by the handler, under no lock)
    def rate_headers(self, remaining: int | None = None) -> dict[str, str]:
        now = self.now().timestamp()
        reset = int(now // WINDOW * WINDOW + WINDOW)
        with self.lock:
            left = self.state.remaining if remaining is None else remaining
        return {"ratelimit-limit": str(LIMIT), "ratelimit-remaining": str(left),
                "ratelimit-reset": str(reset), "ratelimit-policy": f"{LIMIT};w={WINDOW}"}


def _tid_like(rkey: str) -> bool:
    return len(rkey) == 13 and all(c in "234567abcdefghijklmnopqrstuvwxyz" for c in rkey)


def _handler(pds: FakePds) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body are two writes: without TCP_NODELAY, Nagle's algorithm and the
        # client's delayed ACK add 40 ms to every answer on a kept-alive connection.
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: Any) -> None:
            pass

        # ---- plumbing
        def _body(self) -> dict[str, Any]:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                data = json.loads(raw or b"{}")
            except ValueError:
                return {}
            return data if isinstance(data, dict) else {}

        def _send(self, status: int, body: dict[str, Any],
                  headers: dict[str, str] | None = None) -> None:
            payload = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(payload)

        def _error(self, status: int, name: str, message: str,
                   headers: dict[str, str] | None = None) -> None:
            self._send(status, {"error": name, "message": message}, headers)

        def _cut(self) -> None:
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

        def _auth(self) -> str | None:
            header = self.headers.get("Authorization", "")
            token = header.removeprefix("Bearer ").strip()
            with pds.lock:
                return pds.state.tokens.get(token)

        # ---- routes
        def do_POST(self) -> None:
            path = urlsplit(self.path).path
            if path == "/xrpc/com.atproto.server.createSession":
                self._create_session()
            elif path == "/xrpc/com.atproto.repo.createRecord":
                self._create_record()
            else:
                self._error(404, "MethodNotImplemented", "Method Not Implemented")

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            if parts.path == "/xrpc/com.atproto.repo.getRecord":
                self._get_record(parse_qs(parts.query))
            elif parts.path == "/_fake/creates":  # for a test in another process
                self._send(200, {"creates": [
                    {"rkey": c.rkey, "did": c.did, "created": c.created,
                     "duplicate": c.duplicate, "received_wall": c.received_wall}
                    for c in pds.creates()]})
            else:
                self._error(404, "MethodNotImplemented", "Method Not Implemented")

        def _create_session(self) -> None:
            body = self._body()
            with pds.lock:
                account = pds.state.accounts.get(str(body.get("identifier", "")))
                ok = account is not None and body.get("password") == account.password
                if ok:
                    pds.state.sessions_created += 1
                    token = f"access-{account.did}-{pds.state.sessions_created}"
                    pds.state.tokens[token] = account.did
            if not ok or account is None:
                self._error(401, "AuthenticationRequired", "Invalid identifier or password")
                return
            self._send(200, {"accessJwt": token, "refreshJwt": "refresh-" + token,
                             "did": account.did, "handle": account.handle, "active": True})

        def _create_record(self) -> None:
            did = self._auth() or ""
            try:
                self._create_record_as(did)
            finally:
                with pds.lock:
                    pds.state.active[did] -= 1

        def _create_record_as(self, known: str) -> None:
            body = self._body()
            did = known or None
            record = body.get("record") if isinstance(body.get("record"), dict) else {}
            call = CreateCall(did=known, rkey=str(body.get("rkey", "")),
                              text=str((record or {}).get("text", "")),
                              received_at=time.monotonic(), received_wall=time.time())
            with pds.lock:
                pds.state.creates.append(call)
                state = pds.state
                state.active[call.did] = state.active.get(call.did, 0) + 1
                state.max_active = max(state.max_active, sum(state.active.values()))
                state.max_active_per_did = max(state.max_active_per_did, state.active[call.did])
                fault = None
                for candidate in pds.state.faults:
                    if candidate.did in (None, did):
                        fault = candidate
                        break
                if fault is not None:
                    pds.state.faults.remove(fault)
            if pds.latency:
                time.sleep(pds.latency)
            if fault is not None and fault.kind in ("429", "503", "401", "expired", "lose"):
                self._fault(call, fault)
                return
            if did is None:
                call.status = 400
                self._error(400, "InvalidToken", "Token could not be verified")
                return
            if (body.get("repo") != did or body.get("collection") != COLLECTION
                    or not _tid_like(call.rkey) or not record
                    or record.get("$type") != COLLECTION or "createdAt" not in record):
                call.status = 400
                self._error(400, "InvalidRequest", "Input/record must be a valid post")
                return
            if len(call.text.encode()) > 3000:
                call.status = 400
                self._error(400, "InvalidRequest", "Input/record/text must not be longer than "
                                                   "3000 characters")
                return
            key = (did, call.rkey)
            cid = "bafyrei" + hashlib.sha256(f"{did}/{call.rkey}".encode()).hexdigest()[:40]
            with pds.lock:
                if key in pds.state.records:
                    call.duplicate = True
                else:
                    pds.state.records[key] = Record(did, call.rkey, dict(record), cid,
                                                    time.monotonic())
                    call.created = True
                    pds.state.remaining = max(0, pds.state.remaining - 3)
                pds.created_event.notify_all()
            if call.duplicate:
                call.status = 400
                self._error(400, "InvalidRequest", "Record already exists")
                return
            if pds.on_create is not None:
                pds.on_create(call)
            if fault is not None and fault.kind == "drop":
                self._cut()
                return
            if fault is not None and fault.kind == "delay":
                time.sleep(fault.seconds or 1.0)
            call.status = 200
            try:
                self._send(200, {"uri": f"at://{did}/{COLLECTION}/{call.rkey}", "cid": cid,
                                 "commit": {"cid": cid, "rev": call.rkey},
                                 "validationStatus": "valid"}, pds.rate_headers())
            except OSError:
                pass  # the client gave up waiting

        def _fault(self, call: CreateCall, fault: Fault) -> None:
            if fault.kind == "lose":
                self._cut()
                return
            if fault.kind == "429":
                headers = pds.rate_headers(remaining=0)
                if fault.seconds is not None:
                    headers["Retry-After"] = str(int(fault.seconds))
                call.status = 429
                self._error(429, "RateLimitExceeded", "Rate Limit Exceeded", headers)
            elif fault.kind == "503":
                call.status = 503
                self._error(503, "InternalServerError", "Internal Server Error")
            elif fault.kind == "401":
                call.status = 401
                self._error(401, "AuthenticationRequired", "Token has been revoked")
            elif fault.kind == "expired":
                call.status = 400
                self._error(400, "ExpiredToken", "Token has expired")

        def _get_record(self, query: dict[str, list[str]]) -> None:
            repo = (query.get("repo") or [""])[0]
            collection = (query.get("collection") or [""])[0]
            rkey = (query.get("rkey") or [""])[0]
            with pds.lock:
                record = pds.state.records.get((repo, rkey))
            uri = f"at://{repo}/{collection}/{rkey}"
            if record is None or collection != COLLECTION:
                self._error(400, "RecordNotFound", f"Could not locate record: {uri}")
                return
            self._send(200, {"uri": uri, "cid": record.cid, "value": record.value})

    return Handler


def main() -> None:
    """Serve in a process of its own: ``python sched_fakepds.py ACCOUNTS [LATENCY]``.

    Prints ``{"url": ..., "accounts": [[handle, password], ...]}`` and serves until
    stdin is closed.
    """
    import sys

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    pds = FakePds(latency=float(sys.argv[2]) if len(sys.argv) > 2 else 0.0).start()
    accounts = [(f"a{i}.test", f"pw-{i}-secret") for i in range(count)]
    for handle, password in accounts:
        pds.add_account(handle, password)
    print(json.dumps({"url": pds.url, "accounts": accounts}), flush=True)
    sys.stdin.read()
    pds.stop()


if __name__ == "__main__":
    main()
