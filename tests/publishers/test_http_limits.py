"""The HTTP layer against hostile servers: trickles, endless and huge answers, redirects.

Every server here runs on loopback; a "remote" host (``evil.example``) is never
contacted: name resolution is watched, and a test fails if it is even asked.
"""

from __future__ import annotations

import socket
import threading
import time
import tracemalloc
from collections.abc import Iterator
from typing import Any

import pytest

from essplanner.publishers.errors import AmbiguousError, PermanentError, RetryableError
from essplanner.publishers.http import HttpClient
from publishers.hostile import HostileServer, Seen, Writer, endless_chunks

#: generous: only a send that hangs (what these tests guard against) comes near it
BOUND = 20.0


@pytest.fixture
def resolved(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Host names looked up; any name that is not loopback fails, so nothing leaves."""
    real = socket.getaddrinfo
    names: list[str] = []

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        names.append(str(host))
        if str(host) not in ("127.0.0.1", "127.0.0.2", "localhost"):
            raise socket.gaierror(socket.EAI_NONAME, "not resolved in tests")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield names


def client(**kwargs: Any) -> HttpClient:
    # Per-read timeouts far above the trickle's pace: only the deadline can end it.
    return HttpClient(timeout=(5.0, 30.0), **kwargs)


def json_answer(writer: Writer, body: bytes = b'{"ok": true}', status: str = "200 OK",
                headers: dict[str, str] | None = None) -> None:
    writer.head(status, {"Content-Type": "application/json",
                         "Content-Length": str(len(body)), **(headers or {})})
    writer.write(body)


# ---- deadline


def test_a_server_trickling_its_answer_makes_a_post_ambiguous_within_the_deadline() -> None:
    stop = threading.Event()

    def respond(_request: Seen, writer: Writer) -> None:
        body = b'{"id": "1", "padding": "' + b"x" * 40 + b'"}'
        writer.head("200 OK", {"Content-Type": "application/json",
                               "Content-Length": str(len(body))})
        writer.trickle(body, 2.0, stop=stop)  # one byte every 2 s: 2 minutes in all

    with HostileServer(respond) as server:
        http = client(deadline=3.0)
        started = time.monotonic()
        with pytest.raises(AmbiguousError) as caught:
            http.post(f"{server.url}/api/v1/statuses", json={"status": "Bonjour"})
        elapsed = time.monotonic() - started
        stop.set()
        http.close()
    assert elapsed < BOUND
    assert "no complete answer from 127.0.0.1 within 3 s" in caught.value.message
    assert "may or may not have been published" in caught.value.message


def test_a_read_cut_by_the_deadline_is_retryable_even_when_headers_trickle() -> None:
    stop = threading.Event()

    def respond(_request: Seen, writer: Writer) -> None:
        writer.trickle(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                       b"X-Padding: " + b"x" * 60 + b"\r\n\r\n{}", 2.0, stop=stop)

    with HostileServer(respond) as server:
        http = client(deadline=3.0)
        started = time.monotonic()
        with pytest.raises(RetryableError) as caught:
            http.get(f"{server.url}/api/v1/instance")
        elapsed = time.monotonic() - started
        stop.set()
        http.close()
    assert elapsed < BOUND
    assert "within 3 s" in caught.value.message


def test_abort_cuts_a_request_in_flight_and_refuses_new_ones() -> None:
    stop = threading.Event()
    started = threading.Event()

    def respond(_request: Seen, writer: Writer) -> None:
        writer.head("200 OK", {"Content-Length": "100"})
        started.set()
        writer.trickle(b"x" * 100, 2.0, stop=stop)

    with HostileServer(respond) as server:
        http = client(deadline=600.0)
        errors: list[BaseException] = []

        def send() -> None:
            try:
                http.post(f"{server.url}/api/v1/statuses", json={"status": "Bonjour"})
            except BaseException as exc:  # handed to the test
                errors.append(exc)

        thread = threading.Thread(target=send)
        thread.start()
        assert started.wait(BOUND)
        http.abort()
        thread.join(BOUND)
        assert not thread.is_alive()
        with pytest.raises(RetryableError) as refused:
            http.post(f"{server.url}/api/v1/statuses", json={"status": "encore"})
        stop.set()
        http.close()
        assert len(server.seen()) == 1  # the refused one was never sent
    [error] = errors
    assert isinstance(error, AmbiguousError)
    assert "stopped before 127.0.0.1 answered" in error.message
    assert "nothing was sent" in refused.value.message


# ---- size cap


def test_an_endless_answer_is_cut_at_the_cap_without_being_kept() -> None:
    stop = threading.Event()

    def respond(_request: Seen, writer: Writer) -> None:
        endless_chunks(writer, bound=400_000_000, stop=stop)

    with HostileServer(respond) as server:
        http = client()
        tracemalloc.start()
        try:
            with pytest.raises(PermanentError) as caught:
                http.get(f"{server.url}/xrpc/com.atproto.repo.getRecord")
            with pytest.raises(AmbiguousError) as ambiguous:
                http.post(f"{server.url}/xrpc/com.atproto.repo.createRecord", json={})
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert server.wait_finished(2, BOUND)
        stop.set()
        http.close()
        written = [c.written for c in server.seen()]
    assert "over 4 MB" in caught.value.message
    assert "may or may not have been published" in ambiguous.value.message
    assert peak < 32_000_000, f"{peak} bytes held while reading"
    # What the server wrote beyond the cap sat in socket buffers, never in the client.
    assert all(w < 64_000_000 for w in written), written


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "until-close"])
def test_a_300_mb_answer_is_refused_at_the_cap_without_buffering_it(declared: bool) -> None:
    stop = threading.Event()
    size = 300_000_000

    def respond(_request: Seen, writer: Writer) -> None:
        headers = {"Content-Type": "application/json"}
        if declared:
            headers["Content-Length"] = str(size)
        else:
            headers["Connection"] = "close"
        writer.head("200 OK", headers)
        block = b"0" * 65536
        while writer.conversation.written < size and not stop.is_set():
            if not writer.write(block):
                return

    with HostileServer(respond) as server:
        http = client()
        tracemalloc.start()
        try:
            with pytest.raises(PermanentError) as caught:
                http.get(f"{server.url}/api/v1/accounts/verify_credentials")
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert server.wait_finished(1, BOUND)
        stop.set()
        http.close()
        [conversation] = server.seen()
    assert "The answer from 127.0.0.1 is over 4 MB: it was not read." == caught.value.message
    assert peak < 32_000_000, f"{peak} bytes held while reading"
    assert conversation.hung_up and conversation.written < 64_000_000


def test_a_call_may_allow_a_larger_answer_or_keep_only_its_start() -> None:
    body = b"a" * 6_000_000

    def respond(_request: Seen, writer: Writer) -> None:
        json_answer(writer, body)

    with HostileServer(respond) as server:
        http = client()
        with pytest.raises(PermanentError):
            http.get(f"{server.url}/big")
        assert http.get(f"{server.url}/big", max_bytes=10_000_000).content == body
        start = http.get(f"{server.url}/big", max_bytes=1000, truncate=True)
        assert start.content == b"a" * 1000
        http.close()


def test_an_uploaded_file_is_read_and_sent_in_large_blocks(tmp_path) -> None:
    """A video goes to the socket 256 KiB at a time, not in urllib3's 16 KiB: an upload of
    500 MB would otherwise be 32,000 reads and sends (``bench video_upload``)."""
    from essplanner.publishers.http import SEND_BLOCK

    size = 4 * SEND_BLOCK + 123
    path = tmp_path / "clip.bin"
    path.write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
    received: list[bytes] = []

    def respond(request: Seen, writer: Writer) -> None:
        received.append(request.body)
        json_answer(writer)

    class Counted:
        def __init__(self) -> None:
            self.fh = path.open("rb")
            self.reads = 0

        def __len__(self) -> int:
            return size

        def read(self, want: int = -1) -> bytes:
            self.reads += 1
            return self.fh.read(want)

    body = Counted()
    with HostileServer(respond) as server:
        http = client()
        answer = http.post(f"{server.url}/upload", data=body,
                           headers={"Content-Length": str(size)})
        http.close()
    body.fh.close()
    assert answer.status_code == 200
    assert received == [path.read_bytes()]
    assert body.reads <= size // SEND_BLOCK + 2


# ---- redirects


@pytest.mark.parametrize("status", ["307 Temporary Redirect", "302 Found",
                                    "308 Permanent Redirect", "301 Moved Permanently"])
def test_a_post_redirected_to_a_plain_http_host_sends_nothing_there(
        status: str, resolved: list[str]) -> None:
    def respond(request: Seen, writer: Writer) -> None:
        json_answer(writer, b"", status=status,
                    headers={"Location": "http://evil.example/api/v1/statuses?steal=1"})

    with HostileServer(respond) as server:
        http = client()
        with pytest.raises(PermanentError) as caught:
            http.post(f"{server.url}/api/v1/statuses", json={"status": "Bonjour"},
                      headers={"Idempotency-Key": "k-1", "Authorization": "Bearer t0ken"})
        http.close()
        assert len(server.seen()) == 1
    assert "evil.example" not in " ".join(resolved)
    message = caught.value.message
    assert "redirected the request to http://evil.example" in message
    assert "nothing was sent there" in message
    assert "steal" not in message and "t0ken" not in message


def test_a_post_is_never_redirected_even_to_another_loopback_server(
        resolved: list[str]) -> None:
    with HostileServer(lambda request, writer: json_answer(writer)) as other:
        def respond(request: Seen, writer: Writer) -> None:
            json_answer(writer, b"", status="307 Temporary Redirect",
                        headers={"Location": f"{other.url}/api/v1/statuses"})

        with HostileServer(respond) as server:
            http = client()
            with pytest.raises(PermanentError):
                http.post(f"{server.url}/api/v1/statuses", json={"status": "Bonjour"})
            http.close()
        assert other.seen() == []


def test_a_post_answered_see_other_is_ambiguous() -> None:
    def respond(request: Seen, writer: Writer) -> None:
        json_answer(writer, b"", status="303 See Other",
                    headers={"Location": "/api/v1/statuses/1"})

    with HostileServer(respond) as server:
        http = client()
        with pytest.raises(AmbiguousError) as caught:
            http.post(f"{server.url}/api/v1/statuses", json={"status": "Bonjour"})
        http.close()
        assert len(server.seen()) == 1
    assert "303" in caught.value.message


def test_a_read_follows_a_redirect_only_to_https_or_loopback(resolved: list[str]) -> None:
    with HostileServer(lambda request, writer: json_answer(writer, b'{"where": "other"}'),
                       host="127.0.0.2") as other:
        def respond(request: Seen, writer: Writer) -> None:
            if request.path.startswith("/evil"):
                target = "http://evil.example/steal"
            else:
                target = f"{other.url}/moved"
            json_answer(writer, b"", status="302 Found", headers={"Location": target})

        with HostileServer(respond) as server:
            http = client()
            moved = http.get(f"{server.url}/ok", params={"q": "1"},
                             headers={"Authorization": "Bearer t0ken"})
            assert moved.json() == {"where": "other"}
            [hop] = other.seen()
            assert hop.request.path == "/moved"  # the first query is not repeated
            assert "authorization" not in hop.request.headers  # another host: no token
            with pytest.raises(PermanentError) as caught:
                http.get(f"{server.url}/evil")
            http.close()
    assert "evil.example" not in " ".join(resolved)
    assert "redirected to http://evil.example, which uses plain http" in caught.value.message


def test_a_redirect_loop_ends() -> None:
    def respond(request: Seen, writer: Writer) -> None:
        json_answer(writer, b"", status="302 Found", headers={"Location": request.path + "x"})

    with HostileServer(respond) as server:
        http = client()
        with pytest.raises(PermanentError) as caught:
            http.get(f"{server.url}/loop")
        http.close()
        assert len(server.seen()) == 6
    assert "redirected more than 5 times" in caught.value.message


def test_a_read_timeout_cut_to_the_deadline_is_reported_as_the_deadline() -> None:
    """The per-read timeout is shortened to what is left of the deadline. On a loaded
    machine it may fire before the deadline's own timer, and ``requests`` then reports a
    body read as a cut connection: it is the deadline all the same (driven here, not raced).
    """
    import requests
    from urllib3.exceptions import ReadTimeoutError

    from essplanner.publishers import http

    watch = http._Watch(60.0)
    watch.close()  # no timer: the deadline has passed, and nothing marked it
    watch.ends_at = time.monotonic() - 0.001
    cause = ReadTimeoutError(None, "/xrpc", "Read timed out.")  # type: ignore[arg-type]
    failure = client()._failure(requests.exceptions.ConnectionError(cause), watch,
                                "127.0.0.1", True)
    assert isinstance(failure, AmbiguousError)
    assert failure.message.startswith("no complete answer from 127.0.0.1 within 60 s")
    watch = http._Watch(60.0)
    watch.close()  # time left: a cut connection is what it says
    failure = client()._failure(requests.exceptions.ConnectionError(cause), watch,
                                "127.0.0.1", True)
    assert failure.message.startswith("the connection to 127.0.0.1 was cut")


def test_requests_share_one_thread_for_their_deadlines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each request has its deadline, but one thread watches them all: a burst of posts
    used to start a timer thread per request (two with a body), most of the publishing
    service's own cost on a burst. Requests one after the other and at once, on loopback."""
    started: list[str] = []
    start = threading.Thread.start

    def counting(self: threading.Thread) -> None:
        if isinstance(self, threading.Timer) or self.name.startswith("essplanner-http"):
            started.append(self.name)
        start(self)

    monkeypatch.setattr(threading.Thread, "start", counting)
    # the thread waits this long for the next request: no pause of a loaded machine
    # between two requests may end it (the count must not depend on speed)
    from essplanner.publishers import http as http_module

    monkeypatch.setattr(http_module, "_IDLE_SECONDS", 600.0)
    with HostileServer(lambda _request, writer: json_answer(writer)) as server:
        http = client(deadline=30.0)
        for i in range(12):
            assert http.post(f"{server.url}/api/v1/statuses",
                             json={"status": f"n° {i}"}).json() == {"ok": True}
        answers: list[int] = []
        senders = [threading.Thread(target=lambda: answers.append(
            http.get(f"{server.url}/api/v1/instance").status_code)) for _ in range(8)]
        for sender in senders:
            sender.start()
        for sender in senders:
            sender.join(BOUND)
        http.close()
    assert answers == [200] * 8
    assert len(started) <= 1, started


def test_the_environments_proxies_are_honoured_and_read_once_per_host(
        monkeypatch: pytest.MonkeyPatch, resolved: list[str]) -> None:
    """``HTTP_PROXY`` and ``NO_PROXY`` work as with ``requests`` (a post to a far host goes
    through the proxy, the host named in NO_PROXY is reached directly), and the
    environment is read once per host, not twice per request."""
    import requests.sessions
    import requests.utils

    from essplanner.publishers import http as http_module

    scans: list[str] = []
    scan = requests.utils.get_environ_proxies

    def counting(url: str, no_proxy: Any = None) -> Any:
        scans.append(url)
        return scan(url, no_proxy=no_proxy)

    # where requests' session looks the environment up, and where ours does
    monkeypatch.setattr(requests.sessions, "get_environ_proxies", counting)
    monkeypatch.setattr(http_module, "get_environ_proxies", counting)
    with HostileServer(lambda _request, writer: json_answer(writer)) as proxy, \
            HostileServer(lambda _request, writer: json_answer(writer),
                          host="127.0.0.2") as direct:
        for name in ("http_proxy", "HTTP_PROXY", "no_proxy", "NO_PROXY", "all_proxy",
                     "ALL_PROXY"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        monkeypatch.setenv("NO_PROXY", "127.0.0.2")
        http = client(deadline=30.0)
        for i in range(10):
            http.post("http://evil.example/api/v1/statuses", json={"status": f"n° {i}"})
            http.get(f"{direct.url}/api/v1/instance")
        http.close()
        through_proxy = [c.request for c in proxy.seen()]
        reached = [c.request for c in direct.seen()]
    assert len(through_proxy) == 10 and len(reached) == 10
    assert (through_proxy[0].method, through_proxy[0].path) == (
        "POST", "http://evil.example/api/v1/statuses")
    assert "evil.example" not in resolved  # the proxy, not this computer, resolves it
    assert len(scans) == 2, scans  # once per host; requests alone: once per request
