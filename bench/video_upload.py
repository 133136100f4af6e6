"""Resumable video upload (issue 12): throughput and memory.

- Throughput: the Facebook publisher's resumable upload (start, 4 MB ranges as multipart
  ``transfer`` requests streamed from the file, finish) of a 200 MB file to a loopback
  server, against a bare ``requests.post(url, data=file)`` of the same file to the same
  server in the same run. Goal: ratio <= 1.2.
- Memory: a process uploading a 500 MB file the same way; its resident memory sampled
  from /proc while it uploads, minus its size just before (everything imported, the
  account's context made). Goal: under 64 MB above idle (the file is streamed, never read
  whole).

The server reads each body in blocks and throws the bytes away (counting them), so that
both sides measure the client.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from bench.common import Result

ROOT = Path(__file__).resolve().parents[1]
RANGE = 4 * 1024 * 1024
PAGE = "1000"


class _Sink(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # the answer's head and body leave at once

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _body(self) -> tuple[int, bytes]:
        """Reads the body in blocks; returns its size and its first 4 KiB (the fields)."""
        left = int(self.headers.get("Content-Length") or 0)
        head, total = b"", 0
        while left:
            block = self.rfile.read(min(left, 1 << 20))
            if not block:
                break
            if len(head) < 4096:
                head += block[:4096 - len(head)]
            total += len(block)
            left -= len(block)
        return total, head

    def do_GET(self) -> None:
        self._send({"id": "v1", "published": True, "permalink_url": "https://fb/v1",
                    "created_time": "2026-01-01T00:00:00+0000"})

    def do_POST(self) -> None:
        server: Any = self.server
        size, head = self._body()
        if urlsplit(self.path).path == "/sink":
            server.received += size
            self._send({"ok": True})
            return
        text = head.decode("latin-1")
        fields = dict(re.findall(r'name="([a-z_]+)"\r\n\r\n([^\r]*)\r\n', text))
        fields.update(parse_qsl(text) if "upload_phase=" in text[:200] else {})
        phase = fields.get("upload_phase")
        if phase == "start":
            server.total, server.offset = int(fields["file_size"]), 0
            self._send({"video_id": "v1", "upload_session_id": "s1", **self._window(server)})
        elif phase == "transfer":
            server.received += size
            server.offset = min(server.total, server.offset + RANGE)
            self._send(self._window(server))
        else:
            self._send({"success": True})

    @staticmethod
    def _window(server: Any) -> dict[str, str]:
        return {"start_offset": str(server.offset),
                "end_offset": str(min(server.total, server.offset + RANGE))}

    def _send(self, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def _server() -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Sink)
    server.received = 0  # type: ignore[attr-defined]
    server.total = server.offset = 0  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _file(folder: Path, size: int) -> Path:
    path = folder / f"video-{size}.mp4"
    with path.open("wb") as fh:
        block = os.urandom(1 << 20)
        for _ in range(size // len(block)):
            fh.write(block)
    return path


def _publish(path: Path, base: str) -> None:
    """What the service does for one target: the Facebook publisher's video upload."""
    import logging

    from essplanner.publishers.base import (
        AccountInfo,
        MediaFile,
        MemoryUploads,
        PublisherContext,
        PublishRequest,
    )
    from essplanner.publishers.http import HttpClient
    from essplanner.publishers.meta.facebook import FacebookPublisher

    info = AccountInfo(id=1, platform="facebook", name="Page", api_url=f"{base}/v25.0",
                       settings={"page_id": PAGE})
    with tempfile.TemporaryDirectory() as data:
        context = PublisherContext(
            account=info, secret="EAAbenchtoken", http=HttpClient(),
            logger=logging.getLogger("bench"), clock=lambda: datetime.now(UTC),
            data_dir=Path(data), vault=_NoVault(), uploads=MemoryUploads())
        media = MediaFile(path=path, mime_type="video/mp4", size=path.stat().st_size,
                          checksum="bench")
        request = PublishRequest(target_id=1, post_id=1, account=info, text="Bench",
                                 idempotency_key="bench", media=(media,))
        ready = os.environ.get("BENCH_READY")
        if ready:  # the memory run: tell the parent we are idle, wait for its go
            Path(ready).write_text("idle")
            while Path(ready).read_text() != "go":
                time.sleep(0.01)
        FacebookPublisher().publish(request, context)


class _NoVault:
    def get(self, key: str) -> str | None:
        return None

    def set(self, key: str, value: str) -> None:
        pass

    def delete(self, key: str) -> None:
        pass


def _rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def _throughput(folder: Path) -> Result:
    import requests

    path = _file(folder, 200 * 1024 * 1024)  # 50 ranges
    server = _server()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    ours, bare = [], []
    for _ in range(3):
        started = time.perf_counter()
        _publish(path, base)
        ours.append(time.perf_counter() - started)
        with path.open("rb") as fh:
            started = time.perf_counter()
            requests.post(f"{base}/sink", data=fh, timeout=60).raise_for_status()
            bare.append(time.perf_counter() - started)
    server.shutdown()
    size_mb = path.stat().st_size / 1e6
    best, base_best = min(ours), min(bare)
    return Result("video_upload_200MB", best, base_best, goal="ratio <= 1.2",
                  note=f"{size_mb / best:.0f} MB/s vs bare requests {size_mb / base_best:.0f} "
                       "MB/s, best of 3")


def _memory(folder: Path) -> Result:
    path = _file(folder, 500 * 1024 * 1024)
    server = _server()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    ready = folder / "ready"
    ready.write_text("")
    env = {**os.environ, "BENCH_READY": str(ready), "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-m", "bench.video_upload", "child", str(path),
                              base], env=env, cwd=ROOT)
    while ready.read_text() != "idle":
        time.sleep(0.01)
    idle = _rss(child.pid)
    ready.write_text("go")
    peak = idle
    while child.poll() is None:
        try:
            peak = max(peak, _rss(child.pid))
        except (FileNotFoundError, ProcessLookupError):
            break
        time.sleep(0.02)
    server.shutdown()
    assert child.returncode == 0
    return Result("video_upload_500MB_memory_above_idle", (peak - idle) / 1e6, unit=" MB",
                  goal="< 64 MB", note=f"idle {idle / 1e6:.0f} MB, peak {peak / 1e6:.0f} MB")


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        return [_throughput(folder), _memory(folder)]


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        _publish(Path(sys.argv[2]), sys.argv[3])
    else:
        for result in run():
            print(result.line())
