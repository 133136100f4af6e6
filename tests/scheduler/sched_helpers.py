"""Helpers of the publishing service tests: accounts, bulk targets, service subprocesses,
a PostgreSQL server."""

from __future__ import annotations

import contextlib
import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from essplanner import domain, models
from essplanner.domain import DeliveryState, PostDraft
from essplanner.scheduler import PublishingService
from essplanner.services.posts import new_idempotency_key
from essplanner.settings import Paths
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace
from tests.helpers.shifted import pythonpath

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

#: short leases and back-off: tests never wait for the production values
FAST = {
    "lease_seconds": 2.0,
    "sweep_seconds": 0.5,
    "backoff_base_seconds": 0.2,
    "backoff_max_seconds": 1.0,
    "http_connect_timeout": 2.0,
    "http_read_timeout": 5.0,
    "record_retry_seconds": 5.0,
}


def open_workspace(paths: Paths, clock: FakeClock | None = None, **service: object) -> Workspace:
    """A workspace whose service runs with :data:`FAST` settings (and ``service``'s), with
    the loopback Bluesky publisher. Tests import it from here, never from ``conftest``: the
    module named ``conftest`` may be another folder's when several run in one session."""
    from sched_loopsky import LoopskyPublisher

    from essplanner.credentials import MemoryStore
    from essplanner.publishers.registry import Registry
    from essplanner.settings import Settings

    return Workspace.open(
        paths=paths,
        settings=Settings(timezone="Europe/Paris", extra={"service": {**FAST, **service}}),
        clock=clock,
        secrets=MemoryStore(),
        registry=Registry(extra={"loopsky": LoopskyPublisher}),
    )

def add_account(ws: Workspace, pds: object, name: str, *, grace_minutes: int = 60,
                password: str = "app-pass-1234") -> domain.Account:
    handle = f"{name.lower()}.test"
    pds.add_account(handle, password)  # type: ignore[attr-defined]
    return ws.accounts.add(platform="loopsky", name=name, handle=handle,
                           api_url=pds.url, secret=password,  # type: ignore[attr-defined]
                           grace_minutes=grace_minutes)


def bulk_targets(ws: Workspace, accounts: Sequence[domain.Account],
                 times: Sequence[datetime], *, prefix: str = "post") -> list[int]:
    """One scheduled post per time, on one account each (round robin); returns target ids.

    Written directly (one transaction) to set up hundreds of targets quickly; the
    service validates every post again before sending it.
    """
    keys: set[str] = set()
    with ws.db.write() as s:
        for i, when in enumerate(times):
            account = accounts[i % len(accounts)]
            key = new_idempotency_key()
            while key in keys:
                key = new_idempotency_key()
            keys.add(key)
            post = models.Post(title=f"{prefix} {i}", body=f"{prefix} {i}: bonjour",
                               editorial_state="approved", scheduled_at=when)
            post.targets.append(models.Target(
                account_id=account.id, state=DeliveryState.SCHEDULED.value,
                next_attempt_at=when, idempotency_key=key, options={}, attempt_count=0,
                last_error=""))
            s.add(post)
        s.flush()
        return list(s.scalars(select(models.Target.id).order_by(models.Target.id)))


@dataclass(frozen=True)
class TargetRow:
    id: int
    state: str
    key: str
    account_id: int
    remote_id: str | None
    last_error: str
    attempts: int


def target_rows(ws: Workspace) -> list[TargetRow]:
    with ws.db.read() as s:
        counts = dict(s.execute(
            select(models.PublishAttempt.target_id,
                   func.count(models.PublishAttempt.id))
            .group_by(models.PublishAttempt.target_id)).all())
        return [
            TargetRow(t.id, t.state, t.idempotency_key, t.account_id, t.remote_id,
                      t.last_error, counts.get(t.id, 0))
            for t in s.scalars(select(models.Target).order_by(models.Target.id))
        ]


def attempt_workers(ws: Workspace) -> set[str]:
    with ws.db.read() as s:
        return {w.split(":")[1] for w in s.scalars(select(models.PublishAttempt.worker)) if w}


def run_due(service: PublishingService) -> None:
    """What the wake-up and sweep jobs do, synchronously."""
    service.recover()
    service.note_blocked()
    service.dispatch()
    assert service.wait_idle(20), "sends did not finish"


def schedule(ws: Workspace, *accounts: domain.Account, text: str = "Bonjour",
             minutes: float = 0) -> domain.Post:
    when = ws.clock.now() + timedelta(minutes=minutes)
    return ws.posts.create(PostDraft(body=text, account_ids=tuple(a.id for a in accounts)),
                           scheduled_at=when, schedule=True)


def target(ws: Workspace, post: domain.Post, index: int = 0) -> domain.Target:
    return ws.posts.get(post.id).targets[index]


# ---- service subprocesses


def plugin_path(tmp: Path) -> Path:
    """A folder with a ``*.dist-info`` declaring the loopsky publisher's entry point."""
    folder = tmp / "plugins"
    info = folder / "essplanner_loopsky_test-1.0.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: essplanner-loopsky-test\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        "[essplanner.publishers]\nloopsky = sched_loopsky:LoopskyPublisher\n")
    return folder


def service_env(tmp: Path, keyring_file: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("ESSPLANNER_DATABASE_URL", None)
    env["PYTHONPATH"] = pythonpath(plugin_path(tmp), HERE, ROOT)
    env["PYTHON_KEYRING_BACKEND"] = "sched_filekeyring.FileKeyring"
    env["ESSPLANNER_TEST_KEYRING"] = str(keyring_file)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def write_settings(data_dir: Path, **service: object) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = {"timezone": "Europe/Paris", "extra": {"service": {**FAST, **service}}}
    (data_dir / "settings.json").write_text(json.dumps(settings))


def start_service(*, data_dir: Path, db_url: str, env: dict[str, str], once: bool = False,
                  log: Path | None = None) -> subprocess.Popen[bytes]:
    args = [sys.executable, "-m", "essplanner", "--lang", "en", "--data-dir", str(data_dir),
            "--db", db_url, "service"]
    if once:
        args.append("--once")
    out = open(log, "ab") if log is not None else subprocess.DEVNULL
    try:
        return subprocess.Popen(args, env=env, stdout=out, stderr=out)
    finally:
        if log is not None:
            out.close()  # type: ignore[union-attr]


def wait_until(condition: Callable[[], bool], timeout: float, interval: float = 0.05) -> bool:
    """Poll ``condition`` until true (a condition on the outside world, not time passing)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()


def terminate(proc: subprocess.Popen[bytes], timeout: float = 30) -> int:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise


# ---- PostgreSQL, started by the tests


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PostgresServer:
    root: Path
    port: int
    bindir: Path
    prefix: list[str]

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def postgres_bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(found[-1]).parent if found else None


@contextlib.contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL on 127.0.0.1 (as the ``postgres`` user when run as root)."""
    bindir = postgres_bindir()
    if bindir is None:
        raise FileNotFoundError("PostgreSQL server binaries not found (apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix="essplanner-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    data = root / "data"
    subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U",
                    "postgres", "-E", "UTF8", "--locale=C", "--no-sync"],
                   check=True, capture_output=True)
    port = free_port()
    log = root / "server.log"
    subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w",
                    "-t", "60", "-o",
                    f"-h 127.0.0.1 -p {port} -k {root} -F -c max_connections=200", "start"],
                   check=True, capture_output=True)
    server = PostgresServer(root=root, port=port, bindir=bindir, prefix=prefix)
    try:
        yield server
    finally:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "-w", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
