"""A hostile HTTP server on loopback: it trickles, never ends, lies about sizes, redirects.

Each connection's request is read (request line, headers, a ``Content-Length`` body)
and handed with a writer to the test's ``respond`` function, which writes whatever
bytes it likes. The server counts what it managed to write before the client hung
up, so a test can tell whether the client stopped reading.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Seen:
    """One request as the server received it."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Conversation:
    """What happened on one connection."""

    request: Seen
    written: int = 0
    hung_up: bool = False  # the client closed the connection while we were writing
    done: threading.Event = field(default_factory=threading.Event)


class Writer:
    """Writes to the client, counting bytes; ``closed`` once the client hung up."""

    def __init__(self, sock: socket.socket, conversation: Conversation) -> None:
        self.sock = sock
        self.conversation = conversation

    def write(self, data: bytes) -> bool:
        try:
            self.sock.sendall(data)
        except OSError:
            self.conversation.hung_up = True
            return False
        self.conversation.written += len(data)
        return True

    def trickle(self, data: bytes, every: float, *, stop: threading.Event) -> bool:
        """One byte of ``data`` every ``every`` seconds, until the client hangs up."""
        for i in range(len(data)):
            if stop.wait(every) or not self.write(data[i:i + 1]):
                return False
        return True

    def head(self, status: str, headers: dict[str, str]) -> bool:
        """The status line and headers; one request per connection (``Connection: close``)."""
        headers = {"Connection": "close", **headers}
        lines = [f"HTTP/1.1 {status}", *(f"{k}: {v}" for k, v in headers.items())]
        return self.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))


Respond = Callable[[Seen, Writer], None]


class HostileServer:
    """Serves ``respond`` on ``host`` (a loopback address) and a free port, one thread per
    connection. ``stop`` ends every trickle at once."""

    def __init__(self, respond: Respond, host: str = "127.0.0.1") -> None:
        self.respond = respond
        self.host = host
        self.stopping = threading.Event()
        self.conversations: list[Conversation] = []
        self._lock = threading.Lock()
        self._sock = socket.create_server((host, 0))
        self._sock.settimeout(0.1)
        self.port = self._sock.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True, name="hostile")

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self._thread.join(5)
        self._sock.close()

    def seen(self) -> list[Conversation]:
        with self._lock:
            return list(self.conversations)

    def wait_finished(self, count: int, timeout: float) -> bool:
        """Wait until ``count`` conversations ended (the client hung up, or all was written)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            seen = self.seen()
            if len(seen) >= count and all(c.done.is_set() for c in seen[:count]):
                return True
            time.sleep(0.02)
        return False

    def _serve(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _addr = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._talk, args=(conn,), daemon=True).start()

    def _talk(self, conn: socket.socket) -> None:
        with conn:
            request = _read_request(conn)
            if request is None:
                return
            conversation = Conversation(request)
            with self._lock:
                self.conversations.append(conversation)
            try:
                self.respond(request, Writer(conn, conversation))
            finally:
                conversation.done.set()


def _read_request(conn: socket.socket) -> Seen | None:
    conn.settimeout(10)
    data = b""
    try:
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return None
            data += chunk
        head, _sep, rest = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        method, path, _version = lines[0].split(" ", 2)
        headers = {}
        for line in lines[1:]:
            name, _colon, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length") or 0)
        while len(rest) < length:
            chunk = conn.recv(65536)
            if not chunk:
                break
            rest += chunk
    except OSError:
        return None
    return Seen(method, path, headers, rest[:length])


def endless_chunks(writer: Writer, *, bound: int, stop: threading.Event) -> None:
    """A chunked answer of zeros that never ends (until ``bound`` bytes, a safety net)."""
    if not writer.head("200 OK", {"Content-Type": "application/json",
                                  "Transfer-Encoding": "chunked"}):
        return
    block = b"0" * 65536
    chunk = f"{len(block):x}\r\n".encode() + block + b"\r\n"
    while writer.conversation.written < bound and not stop.is_set():
        if not writer.write(chunk):
            return
