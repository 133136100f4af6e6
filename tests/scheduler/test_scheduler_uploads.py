"""Resumable uploads kept in the database per target (issue 12 item 2): the service gives
each publisher its target's store; ``put`` is committed before it returns (another
connection sees it at once), secrets are refused, progress is written once per whole
percentage and shown by ``post show``; the session goes with a published target."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import timedelta
from typing import Any, ClassVar

import pytest
from sched_helpers import FAST, run_due, schedule, target

from essplanner import models
from essplanner.cli.common import post_json, post_text
from essplanner.credentials import MemoryStore
from essplanner.publishers import (
    BasePublisher,
    PlatformRules,
    PublisherContext,
    PublishRequest,
    Receipt,
    RetryableError,
    TextCounting,
)
from essplanner.publishers.registry import Registry
from essplanner.scheduler import PublishingService
from essplanner.scheduler.store import DeliveryStore
from essplanner.scheduler.uploads import TargetUploads, check_session
from essplanner.settings import Paths, Settings
from essplanner.storage import Database
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace

MB = 1_000_000


class Chunky(BasePublisher):
    """Uploads a 50 MB "video" in 1 MB chunks; the network dies after chunk ``cut``."""

    platform: ClassVar[str] = "chunky"
    display_name: ClassVar[str] = "Chunky"
    RULES: ClassVar[PlatformRules] = PlatformRules(
        platform="chunky", display_name="Chunky", text_limit=500,
        counting=TextCounting.CODE_POINTS)
    cut: ClassVar[int | None] = None
    seen: ClassVar[list[dict[str, Any] | None]] = []
    stores: ClassVar[list[str]] = []
    received: ClassVar[list[int]] = []

    def publish(self, request: PublishRequest, context: PublisherContext) -> Receipt:
        session = context.uploads.get()
        type(self).seen.append(session)
        type(self).stores.append(type(context.uploads).__name__)
        start = int(session["offset"]) if session else 0
        if session is None:
            context.uploads.put({"session_id": "s-1", "offset": 0})
        for offset in range(start, 50 * MB, MB):
            if type(self).cut is not None and offset == type(self).cut * MB:
                type(self).cut = None
                raise RetryableError("network cut", retry_after=60)
            type(self).received.append(offset)
            context.uploads.put({"session_id": "s-1", "offset": offset + MB})
            for part in range(4):  # small pieces: progress is called often
                context.uploads.progress(offset + (part + 1) * MB // 4, 50 * MB)
        context.uploads.clear()
        return Receipt(remote_id=f"video-{request.idempotency_key}")

    def check_account(self, context: PublisherContext) -> Any:
        raise NotImplementedError


@pytest.fixture
def ws(paths: Paths, clock: FakeClock) -> Iterator[Workspace]:
    Chunky.seen, Chunky.stores, Chunky.received, Chunky.cut = [], [], [], None
    workspace = Workspace.open(
        paths=paths, clock=clock, secrets=MemoryStore(),
        settings=Settings(timezone="Europe/Paris", extra={"service": {**FAST}}),
        registry=Registry(extra={"chunky": Chunky}))
    yield workspace
    workspace.close()


def add(ws: Workspace) -> Any:
    return ws.accounts.add(platform="chunky", name="Vidéos", handle="asso",
                           api_url="http://127.0.0.1:9", secret="s3cret-value")


def test_a_cut_upload_resumes_from_its_stored_session_and_the_row_goes_when_published(
        ws: Workspace, clock: FakeClock) -> None:
    account = add(ws)
    post = schedule(ws, account, text="Notre vidéo du chantier")
    Chunky.cut = 21
    service = PublishingService(ws)
    try:
        run_due(service)
        t = target(ws, post)
        assert t.state.value == "scheduled"
        # What the cut upload left: its session and its progress, for any computer.
        [progress] = ws.posts.uploads([t.id]).values()
        assert (progress.sent, progress.total, progress.percent) == (21 * MB, 50 * MB, 42)
        with ws.db.read() as s:
            row = s.get(models.UploadSession, t.id)
            assert row is not None and row.session == {"session_id": "s-1", "offset": 21 * MB}
        text = post_text(ws, ws.posts.get(post.id))
        assert "uploading 42 % (21 MB of 50 MB)" in text
        assert post_json(ws.posts.get(post.id), ws.posts.uploads())["targets"][0]["upload"][
            "percent"] == 42

        clock.advance(timedelta(minutes=5))
        run_due(service)
    finally:
        service.stop(wait=True, timeout=10)
    t = target(ws, post)
    assert t.state.value == "published"
    assert Chunky.stores == ["TargetUploads", "TargetUploads"]
    assert Chunky.seen == [None, {"session_id": "s-1", "offset": 21 * MB}]
    assert Chunky.received == list(range(0, 50 * MB, MB))  # each chunk once: resumed
    assert ws.posts.uploads() == {}
    with ws.db.read() as s:
        assert s.get(models.UploadSession, t.id) is None
    assert "uploading" not in post_text(ws, ws.posts.get(post.id))


def _store(ws: Workspace, clock: FakeClock) -> tuple[DeliveryStore, int]:
    account = add(ws)
    post = schedule(ws, account, text="Vidéo")
    return DeliveryStore(ws.db, owner="test"), target(ws, post).id


def test_put_is_committed_before_it_returns(ws: Workspace, clock: FakeClock,
                                             paths: Paths) -> None:
    store, target_id = _store(ws, clock)
    uploads = TargetUploads(store, target_id, clock.now)
    assert uploads.get() is None
    uploads.put({"upload_session_id": "123", "start_offset": 1048576, "ranges": [[0, 5]]})
    other = Database(ws.db.url)  # another connection, as another process would read
    try:
        with other.read() as s:
            row = s.get(models.UploadSession, target_id)
            assert row is not None
            stored = row.session
    finally:
        other.dispose()
    assert stored == {"upload_session_id": "123", "start_offset": 1048576, "ranges": [[0, 5]]}
    assert TargetUploads(store, target_id, clock.now).get() == stored
    uploads.clear()
    assert uploads.get() is None


@pytest.mark.parametrize("session", [
    {"access_token": "EAAB..."},
    {"upload": {"Authorization": "Bearer x"}},
    {"parts": [{"refresh_token": "r"}]},
    {"client_secret": "x"},
    {"password": "x"},
    {"upload_url_signature": "abc"},
])
def test_a_key_naming_a_secret_is_refused(session: Mapping[str, Any]) -> None:
    with pytest.raises(ValueError, match="names a secret"):
        check_session(session)


def test_only_json_is_stored(ws: Workspace, clock: FakeClock) -> None:
    store, target_id = _store(ws, clock)
    uploads = TargetUploads(store, target_id, clock.now)
    with pytest.raises(ValueError, match="not JSON"):
        uploads.put({"when": clock.now()})
    with pytest.raises(ValueError):
        uploads.put({"offset": float("nan")})
    assert uploads.get() is None


def test_progress_is_written_once_per_whole_percentage(
        ws: Workspace, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    store, target_id = _store(ws, clock)
    writes: list[tuple[int | None, int | None]] = []
    save = store.save_upload

    def counted(target: int, now: Any, **kw: Any) -> None:
        writes.append((kw.get("sent"), kw.get("total")))
        save(target, now, **kw)

    monkeypatch.setattr(store, "save_upload", counted)
    uploads = TargetUploads(store, target_id, clock.now)
    total = 50 * MB
    for sent in range(0, total + 1, 64 * 1024):  # 763 small chunks
        uploads.progress(sent, total)
    uploads.progress(total, total)
    assert 90 <= len(writes) <= 101
    assert writes[-1] == (total, total)
    assert ws.posts.uploads()[target_id].percent == 100
