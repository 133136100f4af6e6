"""The YouTube publisher through the publishing service, on the command line: ``account
add youtube`` → ``post add --media video`` → ``service --once``, against the fake YouTube
(real ``requests``): a lost final answer whose session YouTube forgot is found in the
channel's uploads, one video; the day's quota keeps the post scheduled until midnight
Pacific with "try tomorrow"; a warning after publication (private lock, refused thumbnail) stays on the published post;
no secret in the database, the logs or ``--json``.

Skipped where the installed metadata does not list the youtube entry point yet.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import keyring
import pytest

from essplanner.cli.main import main
from essplanner.publishers.youtube.api import next_quota_reset
from publishers.fake_youtube import FakeYouTube
from publishers.test_youtube import make_video
from tests.helpers.memkeyring import MemoryKeyring

pytest.importorskip("essplanner.scheduler.service")

TITLE = "Vide-grenier solidaire : le film"
BODY = "Retour en images sur le vide-grenier de dimanche. Merci à tous !"
ACCOUNT = "YouTube asso"

pytestmark = pytest.mark.skipif(
    not any(p.name == "youtube" for p in entry_points(group="essplanner.publishers")),
    reason="the youtube entry point is not installed yet")


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        ring: MemoryKeyring) -> Any:
    data = tmp_path / "data"

    def invoke(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(["--data-dir", str(data), "--lang", "en", *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


@pytest.fixture
def fake() -> Iterator[FakeYouTube]:
    server = FakeYouTube(now=lambda: datetime.now(UTC)).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_video(tmp_path_factory.mktemp("yt-service") / "film.mp4", frames=6)


def schedule(run: Any, fake: FakeYouTube, video: Path) -> tuple[str, str]:
    client_id, _secret = fake.add_client()
    access, _refresh = fake.issue(client_id)
    code, _out, err = run("account", "add", "youtube", "--name", ACCOUNT, "--api-url", fake.url,
                          "--setting", f"client_id={client_id}",
                          "--setting", f"channel_id={fake.channels[0]['id']}",
                          "--setting", "made_for_kids=no", "--secret-stdin",
                          stdin=f"{access}\n")
    assert code == 0, err
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    code, out, err = run("post", "add", "--title", TITLE, "--text", BODY, "--account", ACCOUNT,
                         "--at", now, "--media", str(video), "--alt", "Le vide-grenier")
    assert code == 0, err
    return out.strip().split()[-1], access


def target(run: Any, post_id: str) -> dict[str, Any]:
    code, out, err = run("post", "show", post_id, "--json")
    assert code == 0, err
    [only] = json.loads(out)["targets"]
    assert isinstance(only, dict)
    return only


def service(run: Any) -> None:
    code, _out, err = run("service", "--once", "--json")
    assert code == 0, err


def no_secret_anywhere(tmp_path: Path, secrets: list[str], *texts: str) -> None:
    """No secret in any file of the workspace (the database, logs) nor in ``texts``."""
    files = [p for p in (tmp_path / "data").rglob("*") if p.is_file()]
    assert any(p.suffix in (".db", ".sqlite", ".sqlite3") for p in files), files
    for path in files:
        data = path.read_bytes()
        assert not any(s.encode() in data for s in secrets), path
    for text in texts:
        assert not any(s in text for s in secrets)


def test_a_lost_answer_of_a_forgotten_session_ends_with_one_video(
        run: Any, fake: FakeYouTube, video: Path, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    post_id, access = schedule(run, fake, video)
    fake.lose_final_answer = True
    fake.forget_sessions = True
    for _ in range(3):
        service(run)
        if target(run, post_id)["state"] == "published":
            break
    settled = target(run, post_id)
    [video_id] = fake.videos
    assert settled["state"] == "published", settled
    assert settled["remote_id"] == video_id
    assert fake.video_bytes[video_id] == video.read_bytes()
    assert fake.count("GET", "/youtube/v3/playlistItems") >= 1
    service(run)
    assert len(fake.videos) == 1 and fake.count("POST", "/upload/youtube/v3/videos") == 1
    code, out, _err = run("post", "show", post_id, "--json")
    assert code == 0
    no_secret_anywhere(tmp_path, [access], out, caplog.text)


@pytest.mark.parametrize("reason", ["quotaExceeded", "429"])
def test_the_day_s_quota_keeps_the_post_scheduled_until_midnight_pacific(
        run: Any, fake: FakeYouTube, video: Path, reason: str) -> None:
    post_id, _access = schedule(run, fake, video)
    fake.quota = reason
    before = datetime.now(UTC)
    service(run)
    waiting = target(run, post_id)
    assert waiting["state"] == "scheduled", waiting
    assert "try tomorrow" in waiting["last_error"]
    retry_at = datetime.fromisoformat(waiting["next_attempt_at"].replace("Z", "+00:00"))
    reset = next_quota_reset(before)
    assert abs((retry_at - reset).total_seconds()) < 120
    assert fake.videos == {}


def test_a_warning_after_publication_is_kept_on_the_published_target(
        run: Any, fake: FakeYouTube, video: Path) -> None:
    """The composer gives no cover yet (i12-media wires it): the warning is driven by an
    unaudited project's private lock, which travels the same way as a refused thumbnail
    (``Receipt.extra["warning"]``, tested in test_youtube.py)."""
    post_id, _access = schedule(run, fake, video)
    fake.audited = False
    service(run)
    done = target(run, post_id)
    assert done["state"] == "published", done
    assert "private" in done["last_error"]
    code, out, err = run("post", "show", post_id)
    assert code == 0, err
    assert "! YouTube keeps the video private" in out
