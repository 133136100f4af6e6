"""The YouTube publisher against the fake YouTube API (loopback, real ``requests``): the
resumable upload (chunks of 256 KiB multiples, resumed from the probe after a cut, bytes
read back identical), the lost final answer, quota as "try tomorrow", the thumbnail
warning, the look-up, metrics, validation, and the OAuth flow with the 7-day trap."""

from __future__ import annotations

import random
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import pytest
import requests

from essplanner.publishers.base import (
    AccountInfo,
    ClientApp,
    MediaFile,
    MemoryUploads,
    PublisherContext,
    PublishRequest,
)
from essplanner.publishers.errors import (
    AmbiguousError,
    AuthError,
    ContentRejected,
    RetryableError,
)
from essplanner.publishers.http import HttpClient
from essplanner.publishers.oauth import SESSION
from essplanner.publishers.youtube import YouTubePublisher
from essplanner.publishers.youtube.api import REFRESH, next_quota_reset
from essplanner.publishers.youtube.upload import UNIT
from essplanner.timeutil import FakeClock
from publishers.conftest import DictVault, make_context
from publishers.fake_youtube import FakeYouTube

TITLE = "Vide-grenier solidaire : le film"
BODY = "Retour en images sur le vide-grenier de dimanche, place de la Mairie. Merci à tous !"


def make_video(path: Path, *, frames: int = 20, width: int = 320, height: int = 240,
               fps: int = 12) -> Path:
    """A real H.264 MP4 of noise (hard to compress: about 1 MB for 20 frames)."""
    rng = random.Random(7)
    with av.open(str(path), "w", format="mp4") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for i in range(frames):
            frame = av.VideoFrame(width, height, "yuv420p")
            for plane in frame.planes:
                plane.update(rng.randbytes(plane.buffer_size))
            frame.pts, frame.time_base = i, Fraction(1, fps)
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


@pytest.fixture(scope="module")
def video_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = make_video(tmp_path_factory.mktemp("yt") / "vide-grenier.mp4")
    assert path.stat().st_size > 3 * UNIT
    return path


@dataclass
class Env:
    fake: FakeYouTube
    clock: FakeClock
    tmp_path: Path
    client_id: str
    access: str
    vault: DictVault
    settings: dict[str, Any]
    video: Path
    uploads: MemoryUploads

    def context(self, *, first_attempt_at: datetime | None = None, **settings: Any
                ) -> PublisherContext:
        ctx = make_context(platform="youtube", api_url=self.fake.url, secret=self.access,
                           settings={**self.settings, **settings}, tmp_path=self.tmp_path,
                           vault=self.vault, clock=self.clock.now)
        ctx.first_attempt_at = first_attempt_at
        ctx.uploads = self.uploads
        return ctx

    def media(self, **changes: Any) -> MediaFile:
        item = MediaFile(path=self.video, mime_type="video/mp4",
                         size=self.video.stat().st_size, duration=20 / 12, width=320,
                         height=240, video_codec="h264")
        return replace(item, **changes)

    def request(self, text: str = BODY, *, title: str = TITLE,
                media: tuple[MediaFile, ...] | None = None, options: dict[str, Any] | None = None,
                **settings: Any) -> PublishRequest:
        account = AccountInfo(id=1, platform="youtube", name="YouTube asso",
                              api_url=self.fake.url, settings={**self.settings, **settings})
        return PublishRequest(target_id=1, post_id=1, account=account, text=text, title=title,
                              idempotency_key="k1",
                              media=(self.media(),) if media is None else media,
                              options=options or {})


@pytest.fixture
def env(clock: FakeClock, tmp_path: Path, video_file: Path) -> Iterator[Env]:
    fake = FakeYouTube(now=clock.now).start()
    client_id, secret = fake.add_client()
    access, refresh = fake.issue(client_id)
    vault = DictVault()
    vault.set(REFRESH, refresh)
    vault.set("client_secret", secret)
    settings = {"client_id": client_id, "channel_id": fake.channels[0]["id"],
                "made_for_kids": "no",
                "access_expires_at": (clock.now() + timedelta(hours=1)).isoformat(),
                "connected_at": clock.now().isoformat()}
    yield Env(fake, clock, tmp_path, client_id, access, vault, settings, video_file,
              MemoryUploads())
    fake.stop()


def publisher() -> YouTubePublisher:
    return YouTubePublisher(chunk_size=UNIT)


# ---------------------------------------------------------------- upload ---

def test_a_video_goes_up_in_256_kib_chunks_and_reads_back_identical(env: Env) -> None:
    receipt = publisher().publish(env.request(), env.context())
    [video] = env.fake.videos.values()
    assert receipt.remote_id == video["id"]
    assert receipt.remote_url == f"https://www.youtube.com/watch?v={video['id']}"
    assert env.fake.video_bytes[video["id"]] == env.video.read_bytes()
    assert env.fake.violations == []
    size = env.video.stat().st_size
    assert env.fake.bytes_received == size
    assert len(env.fake.puts()) == -(-size // UNIT)  # no probe when nothing went wrong
    assert video["snippet"]["title"] == TITLE and video["snippet"]["description"] == BODY
    assert video["snippet"]["categoryId"] == "29"
    assert video["status"]["privacyStatus"] == "public"
    assert video["status"]["selfDeclaredMadeForKids"] is False
    assert video["notifySubscribers"] == "true"
    # the session stays until the service has recorded the video (it clears it then): a
    # crash in between proves the upload by probing the session
    assert env.uploads.session is not None
    found = publisher().lookup(env.request(), env.context())
    assert found is not None and found.remote_id == receipt.remote_id
    assert env.uploads.reports[-1] == (size, size)
    assert [s for s, _t in env.uploads.reports] == sorted(s for s, _t in env.uploads.reports)


def test_a_cut_mid_chunk_is_resumed_from_the_probe_not_from_zero(env: Env) -> None:
    # chunks of 2 units; the second is cut after 1.5 units: YouTube keeps 1 unit of it
    env.fake.cut_chunks = [None, UNIT + UNIT // 2]
    receipt = YouTubePublisher(chunk_size=2 * UNIT).publish(env.request(), env.context())
    size = env.video.stat().st_size
    assert env.fake.video_bytes[receipt.remote_id] == env.video.read_bytes()
    assert env.fake.violations == []
    puts = env.fake.puts()
    assert puts[1] == f"bytes {2 * UNIT}-{4 * UNIT - 1}/{size}"
    assert puts[2] == f"bytes */{size}"  # probed before sending anything again
    assert puts[3].startswith(f"bytes {3 * UNIT}-")  # from what YouTube kept, not zero
    assert env.fake.bytes_received < 1.5 * size


def test_the_next_run_probes_the_stored_session_and_resumes(env: Env) -> None:
    size = env.video.stat().st_size
    env.fake.cut_chunks = [UNIT, 0, 0, 0]  # a cut, then the line stays down (nothing kept)
    env.fake.fail_probes = 5
    with pytest.raises(RetryableError, match="resumes"):
        publisher().publish(env.request(), env.context())
    assert env.uploads.session is not None and env.fake.videos == {}
    stored_uri = env.uploads.session["uri"]
    env.fake.cut_chunks, env.fake.fail_probes = [], 0
    before = len(env.fake.puts())
    receipt = publisher().publish(env.request(), env.context())
    assert env.fake.count("POST", "/upload/youtube/v3/videos") == 1  # the same session
    assert env.fake.puts()[before] == f"bytes */{size}"
    assert env.fake.puts()[before + 1].startswith(f"bytes {UNIT}-")
    assert stored_uri.endswith(next(iter(env.fake.uploads)) + "&part=snippet,status")
    assert env.fake.video_bytes[receipt.remote_id] == env.video.read_bytes()
    assert env.fake.bytes_received < 1.5 * size and len(env.fake.videos) == 1


def test_a_lost_final_answer_is_proved_by_the_probe(env: Env) -> None:
    env.fake.lose_final_answer = True
    receipt = publisher().publish(env.request(), env.context())
    [video_id] = env.fake.videos
    assert receipt.remote_id == video_id
    assert env.fake.puts()[-1] == f"bytes */{env.video.stat().st_size}"


def test_a_lost_final_answer_and_a_forgotten_session_are_found_in_the_uploads(
        env: Env) -> None:
    env.fake.lose_final_answer = True
    env.fake.forget_sessions = True
    receipt = publisher().publish(env.request(), env.context(first_attempt_at=env.clock.now()))
    [video_id] = env.fake.videos
    assert receipt.remote_id == video_id
    assert env.fake.count("GET", "/youtube/v3/playlistItems") == 1
    assert env.uploads.session is None


def test_the_look_up_after_a_crash_finds_exactly_one_video_or_none(env: Env) -> None:
    start = env.clock.now()
    publisher().publish(env.request(), env.context())
    fresh = MemoryUploads()  # a crash lost the session
    env.uploads = fresh
    env.clock.advance(timedelta(minutes=10))
    found = publisher().lookup(env.request(), env.context(first_attempt_at=start))
    assert found is not None and found.remote_id in env.fake.videos
    assert publisher().lookup(env.request(title="Autre film"),
                              env.context(first_attempt_at=start)) is None
    with pytest.raises(AmbiguousError):
        publisher().lookup(env.request(title="Autre film"), env.context())


def test_an_incomplete_stored_session_is_surely_not_a_video(env: Env) -> None:
    env.fake.cut_chunks = [UNIT, 0, 0, 0]
    env.fake.fail_probes = 5
    with pytest.raises(RetryableError):
        publisher().publish(env.request(), env.context())
    env.fake.fail_probes = 0
    assert publisher().lookup(env.request(), env.context()) is None


# ---------------------------------------------------------------- errors ---

@pytest.mark.parametrize("reason", ["quotaExceeded", "uploadLimitExceeded", "429"])
def test_quota_is_try_tomorrow_until_midnight_pacific(env: Env, reason: str) -> None:
    env.clock.set(datetime(2026, 3, 10, 15, 0, tzinfo=UTC))  # 08:00 in California (PDT)
    env.settings["access_expires_at"] = (env.clock.now() + timedelta(hours=1)).isoformat()
    env.fake.access[env.access] = env.clock.now() + timedelta(hours=1)
    env.fake.quota = reason
    with pytest.raises(RetryableError, match="try tomorrow") as caught:
        publisher().publish(env.request(), env.context())
    assert caught.value.retry_after == 16 * 3600  # until 00:00 PDT = 07:00 UTC next day
    assert next_quota_reset(env.clock.now()) == datetime(2026, 3, 11, 7, 0, tzinfo=UTC)


def test_the_quota_reset_follows_pacific_daylight_saving() -> None:
    assert next_quota_reset(datetime(2026, 1, 10, 12, 0, tzinfo=UTC)) == \
        datetime(2026, 1, 11, 8, 0, tzinfo=UTC)  # PST
    # 8 March 2026, 01:00 PST: the next midnight is already in PDT
    assert next_quota_reset(datetime(2026, 3, 8, 9, 0, tzinfo=UTC)) == \
        datetime(2026, 3, 9, 7, 0, tzinfo=UTC)


def test_a_refused_thumbnail_is_a_warning_on_a_published_video(env: Env) -> None:
    cover = env.tmp_path / "cover.jpg"
    cover.write_bytes(b"\xff\xd8\xff\xe0" + bytes(2000))
    env.fake.thumbnail_error = True
    receipt = publisher().publish(env.request(media=(env.media(cover=cover),)),
                                  env.context())
    assert receipt.remote_id in env.fake.videos
    assert "refused its thumbnail" in receipt.extra["warning"]
    env.fake.thumbnail_error = False
    receipt = publisher().publish(env.request(media=(env.media(cover=cover),)),
                                  env.context())
    assert "warning" not in receipt.extra
    assert env.fake.thumbnails[receipt.remote_id] == cover.read_bytes()


def test_an_unaudited_project_s_private_lock_is_a_warning(env: Env) -> None:
    env.fake.audited = False
    receipt = publisher().publish(env.request(), env.context())
    assert "audit" in receipt.extra["warning"]


def test_an_expired_token_is_renewed_and_kept_in_the_vault(env: Env) -> None:
    env.clock.advance(timedelta(hours=2))
    publisher().publish(env.request(), env.context())
    assert env.vault.get(SESSION) and env.vault.get(REFRESH)


def test_the_testing_7_day_death_is_explained(env: Env) -> None:
    env.fake.testing = True
    env.clock.advance(timedelta(days=7, hours=1))
    with pytest.raises(AuthError, match="Testing") as caught:
        publisher().publish(env.request(), env.context())
    assert "Publish app" in caught.value.message and "7 days" in caught.value.message


# ---------------------------------------------------------------- rules ---

@pytest.mark.parametrize(("change", "code"), [
    ({"title": "x" * 101}, "title_too_long"),
    ({"title": "<b>film</b>"}, "title_brackets"),
    ({"text": "a < b"}, "description_brackets"),
    ({"text": "é" * 2501}, "text_too_many_bytes"),
    ({"media": ()}, "video_required"),
    ({"made_for_kids": ""}, "made_for_kids_undeclared"),
    ({"privacy": "friends"}, "privacy_unknown"),
    ({"tags": ",".join(["solidarité"] * 50)}, "tags_too_long"),
    ({"options": {"publish_at": "demain"}}, "publish_at_invalid"),
])
def test_each_limit_is_refused_before_any_request(env: Env, change: dict[str, Any],
                                                  code: str) -> None:
    request = env.request(**change)
    assert code in [p.code for p in publisher().validate(request)]
    with pytest.raises(ContentRejected):
        publisher().publish(request, env.context())
    assert env.fake.calls == []


def test_video_size_and_duration_limits(env: Env) -> None:
    big = env.media(size=257 * 1024 ** 3, duration=13 * 3600.0)
    codes = [p.code for p in publisher().validate(env.request(media=(big,)))]
    assert "video_too_big" in codes and "video_too_long" in codes


def test_publish_at_makes_a_private_video_youtube_publishes_later(env: Env) -> None:
    later = env.clock.now() + timedelta(days=2)
    request = env.request(options={"publish_at": later.isoformat(),
                                   "notify_subscribers": "no"}, tags="quartier, vide grenier")
    receipt = publisher().publish(request, env.context())
    video = env.fake.videos[receipt.remote_id]
    assert video["status"]["privacyStatus"] == "private"
    assert video["status"]["publishAt"] == later.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert video["notifySubscribers"] == "false"
    assert video["snippet"]["tags"] == ["quartier", "vide grenier"]


# ---------------------------------------------------------------- reading ---

def test_metrics_are_the_video_statistics_under_the_common_names(env: Env) -> None:
    receipt = publisher().publish(env.request(), env.context())
    env.fake.statistics[receipt.remote_id] = {"viewCount": "120", "likeCount": "9",
                                              "favoriteCount": "0", "commentCount": "3"}
    assert publisher().metrics(receipt, env.context()) == {"views": 120.0, "likes": 9.0,
                                                           "replies": 3.0}


def test_check_account_names_the_channel(env: Env) -> None:
    check = publisher().check_account(env.context())
    assert check.handle == "@amisduquartier" and check.display_name == "Les Amis du Quartier"
    assert check.warnings == ()
    assert publisher().check_account(env.context(made_for_kids="")).warnings


# ---------------------------------------------------------------- OAuth ---

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _browser(opened: list[str]) -> Any:
    def open_url(url: str) -> None:
        opened.append(url)
        threading.Thread(target=requests.get, args=(url,), kwargs={"timeout": 10},
                         daemon=True).start()
    return open_url


def test_oauth_pkce_login_then_publish_with_a_renewed_token(env: Env) -> None:
    port = _free_port()
    env.fake.callback = f"http://127.0.0.1:{port}/callback"
    client_id, secret = env.fake.add_client()
    opened: list[str] = []
    http = HttpClient(clock=env.clock.now)
    pub = YouTubePublisher(redirect_port=port, chunk_size=UNIT)
    credentials = pub.browser_login(api_url=env.fake.url, http=http, open_url=_browser(opened),
                                    timeout=20, client=ClientApp(client_id, secret))
    http.close()
    assert "code_challenge_method=S256" in opened[0] and "access_type=offline" in opened[0]
    assert ("scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fyoutube.upload+"
            "https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fyoutube.readonly&") in opened[0]
    assert credentials.handle == "@amisduquartier"
    assert credentials.choose == "channel_id"
    assert [c.value for c in credentials.choices] == [env.fake.channels[0]["id"]]
    assert credentials.vault["client_secret"] == secret
    assert credentials.vault[REFRESH] in env.fake.refresh
    assert not any(v in str(credentials.settings) for v in
                   (credentials.secret, credentials.vault[REFRESH], secret))
    env.access = credentials.secret
    env.vault.values = dict(credentials.vault)
    env.settings = {**credentials.settings, "channel_id": credentials.choices[0].value,
                    "made_for_kids": "no"}
    env.clock.advance(timedelta(hours=3))
    receipt = pub.publish(env.request(), env.context())
    assert receipt.remote_id in env.fake.videos and env.vault.get(SESSION)


def test_oauth_with_several_channels_offers_a_choice(env: Env) -> None:
    port = _free_port()
    env.fake.callback = f"http://127.0.0.1:{port}/callback"
    env.fake.channels.append({"id": "UCsecondchannel00000000b",
                              "snippet": {"title": "Asso — vidéos", "customUrl": "@assovideos"}})
    client_id, secret = env.fake.add_client()
    http = HttpClient(clock=env.clock.now)
    credentials = YouTubePublisher(redirect_port=port).browser_login(
        api_url=env.fake.url, http=http, open_url=_browser([]), timeout=20,
        client=ClientApp(client_id, secret))
    http.close()
    assert credentials.handle == ""
    assert [c.label for c in credentials.choices] == ["Les Amis du Quartier", "Asso — vidéos"]


def test_the_official_api_sends_the_person_to_google() -> None:
    from essplanner.publishers.youtube.api import login_urls

    assert login_urls("https://www.googleapis.com") == (
        "https://accounts.google.com/o/oauth2/v2/auth", "https://oauth2.googleapis.com/token")
    assert YouTubePublisher.needs_client_app and YouTubePublisher.client_secret_required
    with pytest.raises(ValueError):
        YouTubePublisher(chunk_size=1000)
