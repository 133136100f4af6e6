"""A 50 MB video published by ``essplanner service`` (real processes) to the fake Facebook,
the service killed with SIGKILL at ten random points of the upload (issue 12, Must show).

Each kill is driven to its point, whatever the machine's load: the fake holds the chosen
chunk request (read, not yet stored), the test kills the service while it is held, then
lets the fake go on as Meta would with bytes that arrived. The next service recovers
the target when the lease runs out, finds it unpublished (its upload never reached
``finish``) and resumes from the session in the database and Meta's answer. In the end:
the video on the fake exactly once, byte for byte, and less than 1.5 times its size
received in all (resumed, never restarted).
"""

from __future__ import annotations

import os
import queue
import random
import signal
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sched_helpers import service_env, start_service, terminate, wait_until, write_settings

from essplanner import domain, models
from essplanner.credentials import KeyringStore
from essplanner.settings import Paths, Settings
from essplanner.timeutil import Clock
from essplanner.workspace import Workspace
from tests.publishers.meta.fakegraph import FakeGraph
from tests.publishers.meta.videos import make_video

pytestmark = pytest.mark.slow

KILLS = 10
CHUNK = 512 * 1024


@pytest.fixture
def shared_keyring(keyring_file: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    import keyring
    from sched_filekeyring import FileKeyring

    previous = keyring.get_keyring()
    monkeypatch.setenv("ESSPLANNER_TEST_KEYRING", str(keyring_file))
    keyring.set_keyring(FileKeyring())
    yield keyring_file
    keyring.set_keyring(previous)


def test_a_video_upload_killed_ten_times_ends_on_facebook_once_and_resumed(
        tmp_path: Path, shared_keyring: Path) -> None:
    rng = random.Random(os.environ.get("ESSPLANNER_TEST_SEED", "video-kill"))
    video = make_video(tmp_path / "chantier.mp4", size=(320, 240), min_bytes=50_000_000)
    chunks = -(-video.size // CHUNK)
    points = sorted(rng.sample(range(1, chunks - 1), KILLS))  # which chunk each kill holds

    graph = FakeGraph(lambda: datetime.now(UTC))
    graph.video_chunk = CHUNK
    app = graph.add_app()
    page = graph.add_page()
    token = graph.add_token("PAGE", page.id, app_id=app.app_id)
    lock = threading.Lock()
    plan: dict[str, int | None] = {"from": None}
    held: queue.Queue[tuple[int, threading.Event]] = queue.Queue()

    def hold(method: str, path: str, params: dict[str, str]) -> threading.Event | None:
        if params.get("upload_phase") != "transfer":
            return None
        offset = int(params.get("start_offset", "0"))
        with lock:
            if plan["from"] is None or offset < plan["from"]:
                return None
            plan["from"] = None
        release = threading.Event()
        held.put((offset, release))
        return release

    graph.hold = hold
    data_dir = tmp_path / "data"
    db_url = f"sqlite:///{tmp_path / 'asso.sqlite3'}"
    write_settings(data_dir)
    ws = Workspace.open(paths=Paths.resolve(data_dir), db_url=db_url, clock=Clock(),
                        settings=Settings.load(data_dir / "settings.json"),
                        secrets=KeyringStore())
    env = service_env(tmp_path, shared_keyring)
    log = tmp_path / "svc.log"
    try:
        account = ws.accounts.add(platform="facebook", name="Page", api_url=graph.graph_url,
                                  secret=token.value, settings={"page_id": page.id})
        post = ws.posts.create(domain.PostDraft(
            body="Le chantier solidaire en vidéo", account_ids=(account.id,),
            media=(domain.MediaInput(path=str(video.path), alt_text=""),)),
            scheduled_at=ws.clock.now(), schedule=True)
        [target] = post.targets
        kills = []
        for point in points:
            with lock:
                plan["from"] = point * CHUNK
            proc = start_service(data_dir=data_dir, db_url=db_url, env=env, log=log)
            try:
                offset, release = held.get(timeout=120)
            except queue.Empty:
                terminate(proc)
                raise AssertionError(f"no chunk held; log:\n{log.read_text()[-3000:]}") from None
            os.kill(proc.pid, signal.SIGKILL)
            assert proc.wait(30) == -signal.SIGKILL
            release.set()
            kills.append(offset)
            progress = ws.posts.uploads([target.id]).get(target.id)
            assert progress is not None and progress.total == video.size
        assert len(kills) == KILLS
        proc = start_service(data_dir=data_dir, db_url=db_url, env=env, log=log)
        try:
            assert wait_until(lambda: ws.posts.get(post.id).targets[0].state
                              is domain.DeliveryState.PUBLISHED, 120), log.read_text()[-3000:]
        finally:
            assert terminate(proc) == 0
        [published] = graph.videos()
        assert graph.video_bytes(published) == video.path.read_bytes()
        [done] = ws.posts.get(post.id).targets
        assert done.remote_id == published["id"]
        starts = [c for c in graph.calls("POST", r"/videos$")
                  if c["params"].get("upload_phase") == "start"]
        assert len(starts) == 1  # one upload, resumed after each kill
        assert graph.video_bytes_received < 1.5 * video.size, (
            graph.video_bytes_received, video.size)
        print(f"kills at {kills}; received {graph.video_bytes_received} bytes for a "
              f"{video.size}-byte video ({graph.video_bytes_received / video.size:.3f}x)")
        with ws.db.read() as s:
            assert s.get(models.UploadSession, target.id) is None
    finally:
        ws.close()
        graph.stop()
