"""The publishing service: punctuality and throughput against a fake PDS in another process.

- punctuality: 100 targets due 50 ms apart over 10 accounts, the service running
  (APScheduler wake-ups); the delay from each due time to the request reaching the
  server. Goal: median under 1 s.
- throughput: 500 targets due at once over 20 accounts, ``run_once`` wall time,
  divided by a bare ``requests`` loop sending the same 500 requests to the same
  server in the same run. Goal: at most 2. Measured with the server answering at
  once (the service's own overhead shows) and in 20 ms (closer to a real platform).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests

from bench.common import Result

SUPPORT = Path(__file__).resolve().parents[1] / "tests" / "scheduler"
sys.path.insert(0, str(SUPPORT))

from sched_helpers import FAST, bulk_targets  # noqa: E402
from sched_loopsky import LoopskyPublisher  # noqa: E402

from essplanner import domain  # noqa: E402
from essplanner.credentials import MemoryStore  # noqa: E402
from essplanner.publishers.registry import Registry  # noqa: E402
from essplanner.scheduler import PublishingService  # noqa: E402
from essplanner.settings import Paths, Settings  # noqa: E402
from essplanner.timeutil import Clock  # noqa: E402
from essplanner.workspace import Workspace  # noqa: E402

COLLECTION = "app.bsky.feed.post"


@contextmanager
def fake_server(accounts: int, latency: float = 0.0) -> Iterator[dict]:
    proc = subprocess.Popen([sys.executable, str(SUPPORT / "sched_fakepds.py"), str(accounts),
                             str(latency)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdout is not None
        yield json.loads(proc.stdout.readline())
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(10)


@contextmanager
def workspace(server: dict) -> Iterator[tuple[Workspace, list[domain.Account]]]:
    with tempfile.TemporaryDirectory(prefix="essplanner-bench-") as tmp:
        ws = Workspace.open(
            paths=Paths.resolve(Path(tmp) / "data"), clock=Clock(), secrets=MemoryStore(),
            settings=Settings(timezone="Europe/Paris", extra={"service": dict(FAST)}),
            registry=Registry(extra={"loopsky": LoopskyPublisher}))
        try:
            accounts = [ws.accounts.add(platform="loopsky", name=handle, handle=handle,
                                        api_url=server["url"], secret=password)
                        for handle, password in server["accounts"]]
            yield ws, accounts
        finally:
            ws.close()


def creates(server: dict) -> list[dict]:
    return requests.get(f"{server['url']}/_fake/creates", timeout=10).json()["creates"]


def punctuality() -> list[Result]:
    with fake_server(10) as server, workspace(server) as (ws, accounts):
        start = datetime.now(UTC) + timedelta(seconds=3)
        times = [start + timedelta(milliseconds=50 * i) for i in range(100)]
        bulk_targets(ws, accounts, times, prefix="punctual")
        due = {}
        from sqlalchemy import select

        from essplanner import models

        with ws.db.read() as s:
            for key, when in s.execute(select(models.Target.idempotency_key,
                                              models.Target.next_attempt_at)):
                due[key] = when.timestamp()
        service = PublishingService(ws)
        service.start()
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and len(creates(server)) < 100:
                time.sleep(0.2)
        finally:
            service.stop()
        delays = sorted(c["received_wall"] - due[c["rkey"]] for c in creates(server))
    median = statistics.median(delays)
    p95 = delays[int(len(delays) * 0.95) - 1]
    return [
        Result("punctuality median delay", median, goal="< 1 s",
               note=f"{len(delays)} targets, 50 ms apart, 10 accounts"),
        Result("punctuality p95 delay", p95, note=f"max {delays[-1]:.3f}s"),
    ]


def bare_loop(server: dict, count: int) -> float:
    """The same requests a publisher makes, one after the other, with nothing around them."""
    from essplanner.services.posts import new_idempotency_key

    session = requests.Session()
    tokens = []
    for handle, password in server["accounts"]:
        body = session.post(f"{server['url']}/xrpc/com.atproto.server.createSession",
                            json={"identifier": handle, "password": password}, timeout=10).json()
        tokens.append((body["did"], body["accessJwt"]))
    keys = set()
    while len(keys) < count:
        keys.add(new_idempotency_key())
    started = time.perf_counter()
    for i, key in enumerate(sorted(keys)):
        did, token = tokens[i % len(tokens)]
        response = session.post(
            f"{server['url']}/xrpc/com.atproto.repo.createRecord",
            json={"repo": did, "collection": COLLECTION, "rkey": key,
                  "record": {"$type": COLLECTION, "text": f"bare {i}",
                             "createdAt": datetime.now(UTC).isoformat()}},
            headers={"Authorization": f"Bearer {token}"}, timeout=10)
        response.raise_for_status()
    return time.perf_counter() - started


def service_run(server: dict, count: int) -> float:
    with workspace(server) as (ws, accounts):
        now = ws.clock.now() - timedelta(seconds=1)
        bulk_targets(ws, accounts, [now] * count, prefix="burst")
        service = PublishingService(ws)
        started = time.perf_counter()
        counts = service.run_once()
        elapsed = time.perf_counter() - started
        assert counts["published"] == count, counts
        return elapsed


def throughput(latency: float) -> Result:
    with fake_server(20, latency) as server:
        bare = bare_loop(server, 500)
        service = service_run(server, 500)
        assert not any(c["duplicate"] for c in creates(server))
    label = "immediate answers" if not latency else f"server answering in {latency * 1000:.0f} ms"
    return Result(f"throughput 500 targets / 20 accounts ({label})", service, baseline=bare,
                  goal="ratio <= 2", note="service run_once vs a bare requests loop")


def run() -> list[Result]:
    return [*punctuality(), throughput(0.0), throughput(0.02)]
