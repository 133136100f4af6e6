"""The TikTok publisher through the publishing service, on the command line: ``account add
tiktok`` → ``post add`` with a video → ``service --once``, against the fake TikTok API
(real ``requests``): the video arrives byte-identical; a Direct Post without a chosen
privacy is not scheduled; TikTok's named refusals end the post with their message and
are not sent again; a lost answer is settled through ``status/fetch``; no secret in
the database, the output or the logs.

Skipped where the installed metadata does not list the ``tiktok`` entry point yet (run
with ``.devplugins`` on ``PYTHONPATH`` before the merge)."""

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
from publishers.fake_tiktok import FakeTikTok
from publishers.tiktok_video import make_video
from tests.helpers.memkeyring import MemoryKeyring

pytest.importorskip("essplanner.scheduler.service")

CAPTION = "Chantier participatif au jardin partagé 🌱 #quartier"
ACCOUNT = "TikTok asso"


def _registered() -> bool:
    return any(p.name == "tiktok" for p in entry_points(group="essplanner.publishers"))


pytestmark = pytest.mark.skipif(not _registered(),
                                reason="the tiktok entry point is not installed yet")


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def run(data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        ring: MemoryKeyring) -> Any:
    def invoke(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(["--data-dir", str(data), "--lang", "en", *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


@pytest.fixture
def fake() -> Iterator[FakeTikTok]:
    server = FakeTikTok(now=lambda: datetime.now(UTC)).start()  # the command line's clock
    yield server
    server.stop()


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_video(tmp_path_factory.mktemp("video") / "chantier.mp4", frames=25)


def connect(run: Any, fake: FakeTikTok, *, mode: str) -> str:
    access, _refresh = fake.issue()
    code, _out, err = run("account", "add", "tiktok", "--name", ACCOUNT, "--api-url", fake.url,
                          "--setting", f"client_id={fake.client_key}", "--setting",
                          f"mode={mode}", "--secret-stdin", stdin=f"{access}\n")
    assert code == 0, err
    return access


def schedule(run: Any, video: Path) -> str:
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    code, out, err = run("post", "add", "--text", CAPTION, "--account", ACCOUNT, "--at", now,
                         "--media", str(video), "--alt", "Le chantier")
    assert code == 0, err
    return str(out.strip().split()[-1])


def target(run: Any, post_id: str) -> dict[str, Any]:
    code, out, err = run("post", "show", post_id, "--json")
    assert code == 0, err
    [only] = json.loads(out)["targets"]
    return only  # type: ignore[no-any-return]


def service(run: Any) -> dict[str, Any]:
    code, out, err = run("service", "--once", "--json")
    assert code == 0, err
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_a_video_goes_to_the_inbox_byte_identical_and_no_secret_leaks(
        run: Any, fake: FakeTikTok, video: Path, data: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    access = connect(run, fake, mode="inbox")
    post_id = schedule(run, video)
    assert service(run)["published"] == 1
    [upload] = fake.uploads.values()
    assert fake.video(upload.publish_id) == video.read_bytes()
    done = target(run, post_id)
    assert done["state"] == "published" and done["remote_id"] == upload.publish_id
    _code, shown, _err = run("post", "show", post_id, "--json")
    for database in data.rglob("*.sqlite*"):
        assert access.encode() not in database.read_bytes()
    assert access not in shown and access not in caplog.text


def test_a_direct_post_without_a_chosen_privacy_is_not_scheduled(run: Any, fake: FakeTikTok,
                                                                 video: Path) -> None:
    connect(run, fake, mode="direct")
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    code, _out, err = run("post", "add", "--text", CAPTION, "--account", ACCOUNT, "--at", now,
                          "--media", str(video), "--alt", "Le chantier")
    assert code == 2
    assert "Choose who can see the video on TikTok" in err
    assert fake.requests == []


@pytest.mark.expect_log(r"failed: TikTok refuses more posts", logger="essplanner.scheduler")
def test_too_many_posts_ends_the_post_with_its_message_and_no_retry(run: Any,
                                                                   fake: FakeTikTok,
                                                                   video: Path) -> None:
    connect(run, fake, mode="inbox")
    post_id = schedule(run, video)
    fake.init_error = "spam_risk_too_many_posts"
    service(run)
    ended = target(run, post_id)
    assert ended["state"] == "failed" and "posted too many times today" in ended["last_error"]
    service(run)
    assert fake.count("POST", "/v2/post/publish/inbox/video/init/") == 1


@pytest.mark.expect_log(r"failed: TikTok lets a developer app", logger="essplanner.scheduler")
def test_an_unaudited_app_blocks_the_account_with_the_audit_explained(run: Any,
                                                                     fake: FakeTikTok,
                                                                     video: Path) -> None:
    connect(run, fake, mode="inbox")
    post_id = schedule(run, video)
    fake.init_error = "unaudited_client_can_only_post_to_private_accounts"
    service(run)
    ended = target(run, post_id)
    assert ended["state"] == "failed" and "audit" in ended["last_error"]
    code, out, err = run("account", "list", "--json")
    assert code == 0, err
    assert [a["blocked_reason"] for a in json.loads(out)] == ["access"]


def test_a_lost_answer_ends_with_one_post_proven_by_status_fetch(run: Any, fake: FakeTikTok,
                                                                 video: Path) -> None:
    connect(run, fake, mode="inbox")
    post_id = schedule(run, video)
    fake.drop_last_answer = True
    service(run)
    for _ in range(3):
        if target(run, post_id)["state"] == "published":
            break
        service(run)
    [upload] = fake.uploads.values()
    assert target(run, post_id)["state"] == "published"
    assert fake.count("PUT", r"/upload/.+") == 1
    assert fake.count("POST", "/v2/post/publish/status/fetch/") >= 1
    assert fake.video(upload.publish_id) == video.read_bytes()
