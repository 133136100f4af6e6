"""A loopback HTTP server for fakes: ThreadingHTTPServer on 127.0.0.1 and a free port.

Subclasses of :class:`Handler` implement ``do_GET``/``do_POST``/...; the server object
(``self.server.app``) holds the fake's state. Started in a thread, stopped at the end.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    @property
    def app(self) -> Any:
        return self.server.app  # type: ignore[attr-defined]

    @property
    def route(self) -> str:
        return urlsplit(self.path).path

    @property
    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.path).query)

    def body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def send(self, status: int, payload: Any = None, *, headers: dict[str, str] | None = None,
             raw: bytes | None = None, content_type: str = "application/json; charset=utf-8") -> None:
        data = raw if raw is not None else (b"" if payload is None else
                                            json.dumps(payload).encode())
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        return


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        exc = sys.exc_info()[1]
        if isinstance(exc, ConnectionError):
            return  # the client hung up (a test of timeouts): nothing to report
        super().handle_error(request, client_address)


class LoopbackServer:
    """Runs ``handler`` on 127.0.0.1:<free port> with ``app`` as shared state."""

    def __init__(self, handler: type[Handler], app: Any = None) -> None:
        self.httpd = _Server(("127.0.0.1", 0), handler)
        self.httpd.app = app  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True,
                                       kwargs={"poll_interval": 0.05})

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> LoopbackServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)
