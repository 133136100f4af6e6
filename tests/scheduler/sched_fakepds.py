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
connection is cut), ``lose`` (connection cut before anything is stored) and ``hold``
(created, then no answer until :meth:`FakePds.release_held`: a frozen server). Hostile
answers: ``trickle`` (created, then the answer comes one byte every ``seconds``),
``stall`` (nothing stored, the same trickled answer) and ``endless`` (created, then a
chunked answer that never ends; ``streamed()`` counts its bytes). The server can also
be stopped (connection refused) and started again on its port.

``on_point(call, point)`` is called at two points of every ``createRecord``:
``"received"`` (the request is read, nothing is stored) and ``"created"`` (the record
is stored, the answer not yet sent). If it returns a :class:`threading.Event`, the
server holds that request there (other connections go on) until the event is set; a
request held at ``"received"`` is then dropped unstored, as if the server had crashed.
A test kills a client while the server holds its request: a kill mid-send, for sure.

It serves HTTP/1.1 with keep-alive from one asyncio loop, like a real server:
many connections cost nothing, and injected delays do not hold a thread.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs, urlsplit

COLLECTION = "app.bsky.feed.post"
LIMIT = 5000
WINDOW = 3600


@dataclass
class Fault:
    kind: str  # "429", "503", "401", "expired", "delay", "drop", "lose", "hold", "trickle",
    # "stall", "endless"
    seconds: float | None = None  # Retry-After for 429, answer delay for "delay", the pace
    # of "trickle" and "stall"
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
    streamed: int = 0  # bytes of hostile answers written
    streams_ended: int = 0  # hostile answers ended (the client hung up, or all was written)


#: writes a hostile answer itself, then the connection is closed
Stream = Callable[[asyncio.StreamWriter], Awaitable[None]]
#: the safety net of an "endless" answer, in bytes
ENDLESS_BOUND = 400_000_000


class FakePds:
    """The fake server. Thread-safe; ``url`` is ``http://127.0.0.1:<port>``."""

    def __init__(self, *, now: Callable[[], datetime] | None = None, latency: float = 0.0,
                 on_create: Callable[[CreateCall], None] | None = None,
                 on_point: Callable[[CreateCall, str], threading.Event | None] | None = None,
                 ) -> None:
        self.now = now or (lambda: datetime.now(UTC))
        self.latency = latency
        self.on_create = on_create
        self.on_point = on_point
        self.lock = threading.Lock()
        self.state = _State()
        self.port = 0
        self.created_event = threading.Condition(self.lock)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.Server | None = None
        self._thread: threading.Thread | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._release: asyncio.Event | None = None  # "hold" faults wait for it

    # ---- lifecycle
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FakePds:
        ready = threading.Event()
        loop = asyncio.new_event_loop()
        self._loop = loop

        def run() -> None:
            asyncio.set_event_loop(loop)
            self._server = loop.run_until_complete(asyncio.start_server(
                self._connection, "127.0.0.1", self.port, reuse_address=True))
            self.port = self._server.sockets[0].getsockname()[1]
            ready.set()
            loop.run_forever()
            loop.close()

        self._thread = threading.Thread(target=run, name="fakepds", daemon=True)
        self._thread.start()
        ready.wait(10)
        return self

    def stop(self) -> None:
        """Stop listening and cut every open connection: clients get "connection refused"."""
        loop, self._loop = self._loop, None
        if loop is None:
            return

        async def shutdown() -> None:
            if self._server is not None:
                self._server.close()
            for writer in list(self._writers):
                writer.transport.abort()
            # Hostile answers may be sleeping between two bytes: end them too.
            others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in others:
                task.cancel()
            await asyncio.gather(*others, return_exceptions=True)
            if self._server is not None:
                await self._server.wait_closed()

        asyncio.run_coroutine_threadsafe(shutdown(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(10)

    # ---- test API
    def add_account(self, handle: str, password: str) -> str:
        did = "did:plc:" + hashlib.sha256(handle.encode()).hexdigest()[:24]
        with self.lock:
            self.state.accounts[handle] = _Account(handle, password, did)
        return did

    def inject(self, *faults: Fault) -> None:
        with self.lock:
            self.state.faults.extend(faults)

    def release_held(self) -> None:
        """Answer the requests held by ``hold`` faults (and any later ones at once)."""
        loop = self._loop
        if loop is None:
            return

        def release() -> None:
            if self._release is None:
                self._release = asyncio.Event()
            self._release.set()

        loop.call_soon_threadsafe(release)

    def revoke_sessions(self) -> None:
        with self.lock:
            self.state.tokens.clear()

    def creates(self) -> list[CreateCall]:
        with self.lock:
            return list(self.state.creates)

    def records(self) -> dict[tuple[str, str], Record]:
        with self.lock:
            return dict(self.state.records)

    def streamed(self) -> tuple[int, int]:
        """Bytes of hostile answers written so far, and how many such answers ended."""
        with self.lock:
            return self.state.streamed, self.state.streams_ended

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

    def rate_headers(self, remaining: int | None = None) -> dict[str, str]:
        now = self.now().timestamp()
        reset = int(now // WINDOW * WINDOW + WINDOW)
        with self.lock:
            left = self.state.remaining if remaining is None else remaining
        return {"ratelimit-limit": str(LIMIT), "ratelimit-remaining": str(left),
                "ratelimit-reset": str(reset), "ratelimit-policy": f"{LIMIT};w={WINDOW}"}

    # ---- HTTP/1.1
    async def _connection(self, reader: asyncio.StreamReader,
                          writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            while True:
                request = await _read_request(reader)
                if request is None:
                    break
                answer = await self._route(request)
                if answer is None:  # cut the connection without an answer
                    writer.transport.abort()
                    break
                if callable(answer):  # a hostile answer writes itself
                    await self._stream(answer, writer)
                    break
                if writer.is_closing():
                    break
                writer.write(answer)
                await writer.drain()
                if request.headers.get("connection", "").lower() == "close":
                    break
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        except asyncio.CancelledError:
            pass  # stopped: the connection ends like a cut one, without an error logged
        finally:
            self._writers.discard(writer)
            writer.close()

    async def _stream(self, answer: Stream, writer: asyncio.StreamWriter) -> None:
        try:
            await answer(writer)
        finally:
            with self.lock:
                self.state.streams_ended += 1

    def _count(self, size: int) -> None:
        with self.lock:
            self.state.streamed += size

    def _trickled(self, answer: bytes, every: float) -> Stream:
        head, _sep, body = answer.partition(b"\r\n\r\n")

        async def stream(writer: asyncio.StreamWriter) -> None:
            writer.write(head + b"\r\n\r\n")
            await writer.drain()
            for i in range(len(body)):
                await asyncio.sleep(every)
                if writer.is_closing():
                    return
                writer.write(body[i:i + 1])
                await writer.drain()
                self._count(1)

        return stream

    def _endless(self) -> Stream:
        block = b"0" * 65536
        chunk = f"{len(block):x}\r\n".encode() + block + b"\r\n"

        async def stream(writer: asyncio.StreamWriter) -> None:
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                         b"Transfer-Encoding: chunked\r\n\r\n")
            sent = 0
            while sent < ENDLESS_BOUND and not writer.is_closing():
                writer.write(chunk)
                await writer.drain()
                sent += len(block)
                self._count(len(block))

        return stream

    async def _route(self, request: _Request) -> bytes | Stream | None:
        path = request.path
        if request.method == "POST" and path == "/xrpc/com.atproto.server.createSession":
            return self._create_session(request)
        if request.method == "POST" and path == "/xrpc/com.atproto.repo.createRecord":
            return await self._create_record(request)
        if request.method == "GET" and path == "/xrpc/com.atproto.repo.getRecord":
            return self._get_record(request)
        if request.method == "GET" and path == "/_fake/creates":  # for a test in another process
            return _json(200, {"creates": [
                {"rkey": c.rkey, "did": c.did, "created": c.created, "duplicate": c.duplicate,
                 "received_wall": c.received_wall} for c in self.creates()]})
        return _error(404, "MethodNotImplemented", "Method Not Implemented")

    def _auth(self, request: _Request) -> str | None:
        token = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        with self.lock:
            return self.state.tokens.get(token)

    def _create_session(self, request: _Request) -> bytes:
        body = request.json()
        with self.lock:
            account = self.state.accounts.get(str(body.get("identifier", "")))
            if account is None or body.get("password") != account.password:
                return _error(401, "AuthenticationRequired", "Invalid identifier or password")
            self.state.sessions_created += 1
            token = f"access-{account.did}-{self.state.sessions_created}"
            self.state.tokens[token] = account.did
        return _json(200, {"accessJwt": token, "refreshJwt": "refresh-" + token,
                           "did": account.did, "handle": account.handle, "active": True})

    async def _create_record(self, request: _Request) -> bytes | Stream | None:
        did = self._auth(request) or ""
        with self.lock:
            state = self.state
            state.active[did] = state.active.get(did, 0) + 1
            state.max_active = max(state.max_active, sum(state.active.values()))
            state.max_active_per_did = max(state.max_active_per_did, state.active[did])
        try:
            return await self._create_record_as(did, request)
        finally:
            with self.lock:
                self.state.active[did] -= 1

    async def _create_record_as(self, did: str, request: _Request) -> bytes | Stream | None:
        body = request.json()
        record = body.get("record") if isinstance(body.get("record"), dict) else {}
        call = CreateCall(did=did, rkey=str(body.get("rkey", "")),
                          text=str((record or {}).get("text", "")),
                          received_at=time.monotonic(), received_wall=time.time())
        with self.lock:
            self.state.creates.append(call)
            fault = next((f for f in self.state.faults if f.did in (None, did)), None)
            if fault is not None:
                self.state.faults.remove(fault)
        if self.latency:
            await asyncio.sleep(self.latency)
        if await self._hold(call, "received"):
            return None  # held, then dropped: nothing stored, no answer
        if fault is not None and fault.kind in ("429", "503", "401", "expired", "lose"):
            return self._fault(call, fault)
        if fault is not None and fault.kind == "stall":
            call.status = 200
            return self._trickled(_error(500, "InternalServerError", "x" * 200),
                                  fault.seconds or 2.0)
        if not did:
            call.status = 400
            return _error(400, "InvalidToken", "Token could not be verified")
        if (body.get("repo") != did or body.get("collection") != COLLECTION
                or not _tid_like(call.rkey) or not record
                or record.get("$type") != COLLECTION or "createdAt" not in record):
            call.status = 400
            return _error(400, "InvalidRequest", "Input/record must be a valid post")
        if len(call.text.encode()) > 3000:
            call.status = 400
            return _error(400, "InvalidRequest",
                          "Input/record/text must not be longer than 3000 characters")
        key = (did, call.rkey)
        cid = "bafyrei" + hashlib.sha256(f"{did}/{call.rkey}".encode()).hexdigest()[:40]
        with self.lock:
            if key in self.state.records:
                call.duplicate = True
            else:
                self.state.records[key] = Record(did, call.rkey, dict(record), cid,
                                                 time.monotonic())
                call.created = True
                self.state.remaining = max(0, self.state.remaining - 3)
            self.created_event.notify_all()
        if call.duplicate:
            call.status = 400
            return _error(400, "InvalidRequest", "Record already exists")
        if self.on_create is not None:
            self.on_create(call)
        await self._hold(call, "created")
        if fault is not None and fault.kind == "drop":
            return None
        if fault is not None and fault.kind == "delay":
            await asyncio.sleep(fault.seconds or 1.0)
        if fault is not None and fault.kind == "hold":
            if self._release is None:
                self._release = asyncio.Event()
            await self._release.wait()
        call.status = 200
        answer = _json(200, {"uri": f"at://{did}/{COLLECTION}/{call.rkey}", "cid": cid,
                             "commit": {"cid": cid, "rev": call.rkey},
                             "validationStatus": "valid"}, self.rate_headers())
        if fault is not None and fault.kind == "trickle":
            return self._trickled(answer, fault.seconds or 2.0)
        if fault is not None and fault.kind == "endless":
            return self._endless()
        return answer

    async def _hold(self, call: CreateCall, point: str) -> bool:
        """Whether ``on_point`` held this request at ``point`` (waited without blocking
        the other connections)."""
        if self.on_point is None:
            return False
        release = self.on_point(call, point)
        if release is None:
            return False
        await asyncio.get_running_loop().run_in_executor(None, release.wait)
        return True

    def _fault(self, call: CreateCall, fault: Fault) -> bytes | None:
        if fault.kind == "lose":
            return None
        if fault.kind == "429":
            headers = self.rate_headers(remaining=0)
            if fault.seconds is not None:
                headers["Retry-After"] = str(int(fault.seconds))
            call.status = 429
            return _error(429, "RateLimitExceeded", "Rate Limit Exceeded", headers)
        if fault.kind == "503":
            call.status = 503
            return _error(503, "InternalServerError", "Internal Server Error")
        if fault.kind == "401":
            call.status = 401
            return _error(401, "AuthenticationRequired", "Token has been revoked")
        call.status = 400
        return _error(400, "ExpiredToken", "Token has expired")

    def _get_record(self, request: _Request) -> bytes:
        query = parse_qs(request.query)
        repo = (query.get("repo") or [""])[0]
        collection = (query.get("collection") or [""])[0]
        rkey = (query.get("rkey") or [""])[0]
        with self.lock:
            record = self.state.records.get((repo, rkey))
        uri = f"at://{repo}/{collection}/{rkey}"
        if record is None or collection != COLLECTION:
            return _error(400, "RecordNotFound", f"Could not locate record: {uri}")
        return _json(200, {"uri": uri, "cid": record.cid, "value": record.value})


@dataclass
class _Request:
    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> dict[str, Any]:
        try:
            data = json.loads(self.body or b"{}")
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}


async def _read_request(reader: asyncio.StreamReader) -> _Request | None:
    line = await reader.readline()
    if not line.strip():
        return None
    method, target, _version = line.decode("latin-1").split(" ", 2)
    headers: dict[str, str] = {}
    while True:
        raw = await reader.readline()
        if raw in (b"\r\n", b"\n", b""):
            break
        name, _, value = raw.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length") or 0)
    body = await reader.readexactly(length) if length else b""
    parts = urlsplit(target)
    return _Request(method.upper(), parts.path, parts.query, headers, body)


def _json(status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> bytes:
    payload = json.dumps(body).encode()
    lines = [f"HTTP/1.1 {status} {HTTPStatus(status).phrase}",
             "Content-Type: application/json; charset=utf-8",
             f"Content-Length: {len(payload)}"]
    lines += [f"{key}: {value}" for key, value in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + payload


def _error(status: int, name: str, message: str,
           headers: dict[str, str] | None = None) -> bytes:
    return _json(status, {"error": name, "message": message}, headers)


def _tid_like(rkey: str) -> bool:
    return len(rkey) == 13 and all(c in "234567abcdefghijklmnopqrstuvwxyz" for c in rkey)


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
