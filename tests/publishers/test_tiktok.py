"""The TikTok publisher against the fake TikTok API (loopback, real ``requests``): the chunked
upload per the docs and its resume, Direct Post and inbox, the status poll, the named
errors, the look-up after a lost answer, the choices the audit demands, metrics, and the
OAuth flow with PKCE."""

from __future__ import annotations

import hashlib
import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from essplanner.publishers.base import (
    TOKEN_EXPIRES_AT,
    AccountInfo,
    ClientApp,
    MediaFile,
    MemoryUploads,
    PublisherContext,
    PublishRequest,
)
from essplanner.publishers.errors import (
    AccountBlocked,
    AmbiguousError,
    AuthError,
    ContentRejected,
    PermanentError,
    RetryableError,
)
from essplanner.publishers.http import HttpClient
from essplanner.publishers.oauth import SESSION
from essplanner.publishers.tiktok import TikTokPublisher, upload as transfer
from essplanner.publishers.tiktok.api import APP_SECRET, REFRESH
from essplanner.timeutil import FakeClock
from publishers.conftest import DictVault, make_context
from publishers.fake_tiktok import FakeTikTok
from publishers.tiktok_video import make_video

CAPTION = "Chantier participatif au jardin partagé 🌱 #quartier"
CHOICES = {"privacy_level": "PUBLIC_TO_EVERYONE", "allow_comment": True}
MB = 1024 * 1024


@pytest.fixture(scope="module")
def big_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real H.264 video of about 17 MB: three chunks of TikTok's minimum size."""
    return make_video(tmp_path_factory.mktemp("video") / "chantier.mp4", frames=23,
                      width=640, height=480, noise=True)


@pytest.fixture(scope="module")
def small_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_video(tmp_path_factory.mktemp("video") / "court.mp4", frames=25)


def media(path: Path, **extra: Any) -> MediaFile:
    data = path.read_bytes()
    return MediaFile(path=path, mime_type="video/mp4", size=len(data), width=640, height=480,
                     checksum=hashlib.sha256(data).hexdigest(), duration=1.0, frame_rate=25.0,
                     video_codec="h264", **extra)


@dataclass
class Env:
    fake: FakeTikTok
    clock: FakeClock
    tmp_path: Path
    access: str
    vault: DictVault
    settings: dict[str, Any]
    uploads: MemoryUploads = field(default_factory=MemoryUploads)
    saved: list[dict[str, Any]] = field(default_factory=list)
    sleeps: list[float] = field(default_factory=list)
    logs: list[str] = field(default_factory=list)

    def context(self) -> PublisherContext:
        def sleep(seconds: float) -> None:
            self.sleeps.append(seconds)
            self.clock.advance(timedelta(seconds=seconds))

        ctx = make_context(platform="tiktok", api_url=self.fake.url, secret=self.access,
                           settings=self.settings, tmp_path=self.tmp_path, vault=self.vault,
                           clock=self.clock.now, sleep=sleep, saved=self.saved)
        ctx.uploads = self.uploads
        return ctx

    def request(self, video: Path | None, **options: Any) -> PublishRequest:
        account = AccountInfo(id=1, platform="tiktok", name="TikTok asso",
                              api_url=self.fake.url, settings=self.settings)
        return PublishRequest(target_id=1, post_id=1, account=account, text=CAPTION,
                              idempotency_key="k", media=(media(video),) if video else (),
                              options={**CHOICES, **options})


@pytest.fixture
def env(clock: FakeClock, tmp_path: Path) -> Iterator[Env]:
    fake = FakeTikTok(now=clock.now).start()
    access, refresh = fake.issue()
    vault = DictVault()
    vault.values = {REFRESH: refresh, APP_SECRET: fake.client_secret}
    settings = {"client_id": fake.client_key, "username": "amisduquartier"}
    yield Env(fake, clock, tmp_path, access, vault, settings)
    fake.stop()


def small() -> TikTokPublisher:
    return TikTokPublisher(chunk_size=transfer.MIN_CHUNK)


# ---------------------------------------------------------------- chunk rules ---

@pytest.mark.parametrize(("size", "chunk", "expected"), [
    (3 * MB, 10 * MB, (3 * MB, 1)),  # under 5 MB: whole
    (30 * MB, 64 * MB, (30 * MB, 1)),  # fits one chunk of at most 64 MB
    (12 * MB + 5, 5 * MB, (5 * MB, 2)),  # the last chunk takes the trailing bytes
    (200 * MB, 10 * MB, (10 * MB, 20)),
    (100 * MB, 1 * MB, (5 * MB, 20)),  # at least 5 MB
    (4000 * MB, 1 * MB, (5 * MB, 800)),
])
def test_the_chunk_plan_follows_the_media_transfer_guide(size: int, chunk: int,
                                                         expected: tuple[int, int]) -> None:
    assert transfer.plan(size, chunk) == expected
    chunk_size, count = expected
    last = transfer.chunk_range(count - 1, size, chunk_size, count)
    assert last[1] == size - 1 and last[1] - last[0] + 1 <= transfer.MAX_LAST_CHUNK
    assert FakeTikTok().check_chunks({"video_size": size, "chunk_size": chunk_size,
                                      "total_chunk_count": count}) == ""


def test_the_fake_refuses_wrong_chunk_arithmetic() -> None:
    fake = FakeTikTok()
    assert fake.check_chunks({"video_size": 12 * MB, "chunk_size": 5 * MB,
                              "total_chunk_count": 3}) != ""
    assert fake.check_chunks({"video_size": 3 * MB, "chunk_size": 1 * MB,
                              "total_chunk_count": 3}) != ""
    assert fake.check_chunks({"video_size": 100 * MB, "chunk_size": 100 * MB,
                              "total_chunk_count": 1}) != ""


# ---------------------------------------------------------------- publishing ---

def test_direct_post_in_chunks_byte_identical_with_the_choices_made(env: Env,
                                                                   big_video: Path) -> None:
    receipt = small().publish(env.request(big_video), env.context())
    [upload] = env.fake.published()
    assert env.fake.video(upload.publish_id) == big_video.read_bytes()
    assert upload.chunks == 3 and env.fake.count("PUT", r"/upload/.+") == 3
    assert receipt.remote_id == upload.post_id
    assert receipt.remote_url == f"https://www.tiktok.com/@amisduquartier/video/{upload.post_id}"
    assert upload.post_info == {
        "title": CAPTION, "privacy_level": "PUBLIC_TO_EVERYONE", "disable_comment": False,
        "disable_duet": True,  # the creator disabled duets: off whatever was asked
        "disable_stitch": True,  # not ticked: off
        "brand_content_toggle": False, "brand_organic_toggle": False}
    assert env.fake.count("POST", "/v2/post/publish/creator_info/query/") == 1
    # the session stays until the service has recorded the post (it clears it then): a
    # crash in between finds the post again through its publish_id
    assert env.uploads.get() is not None
    found = small().lookup(env.request(big_video), env.context())
    assert found is not None and found.remote_id == receipt.remote_id
    assert env.uploads.reports[-1] == (big_video.stat().st_size, big_video.stat().st_size)


def test_a_small_video_goes_whole_to_the_inbox(env: Env, small_video: Path) -> None:
    env.settings["mode"] = "inbox"
    receipt = TikTokPublisher().publish(env.request(small_video, privacy_level=""),
                                        env.context())
    [upload] = env.fake.uploads.values()
    assert upload.mode == "inbox" and upload.chunks == 1
    assert receipt.remote_id == upload.publish_id and receipt.extra["inbox"] is True
    assert env.fake.video(upload.publish_id) == small_video.read_bytes()
    assert env.fake.count("POST", "/v2/post/publish/creator_info/query/") == 0


def test_an_upload_cut_midway_resumes_from_tiktoks_count(env: Env, big_video: Path) -> None:
    size = big_video.stat().st_size
    env.fake.cut_at = (1, 256 * 1024)  # the second chunk is cut after 256 kB
    with pytest.raises(RetryableError, match=r"cut at \d+%"):
        small().publish(env.request(big_video), env.context())
    kept = env.uploads.get()
    assert kept is not None and kept["next"] == 1 and kept["publish_id"]
    receipt = small().publish(env.request(big_video), env.context())
    [upload] = env.fake.uploads.values()  # one upload, never begun again
    assert receipt.remote_id == upload.post_id
    assert env.fake.video(upload.publish_id) == big_video.read_bytes()
    assert env.fake.bytes_received < 1.5 * size
    assert env.fake.count("POST", r"/v2/post/publish/(inbox/)?video/init/") == 1


def test_a_lost_answer_is_settled_by_status_fetch_with_exactly_one_post(env: Env,
                                                                      big_video: Path) -> None:
    env.fake.drop_last_answer = True
    with pytest.raises(AmbiguousError):
        small().publish(env.request(big_video), env.context())
    receipt = small().lookup(env.request(big_video), env.context())
    [upload] = env.fake.published()
    assert receipt is not None and receipt.remote_id == upload.post_id
    assert env.fake.count("PUT", r"/upload/.+") == 3
    assert len(env.fake.uploads) == 1


def test_the_last_chunk_cut_is_looked_up_then_resumed_once(env: Env, big_video: Path) -> None:
    env.fake.cut_at = (2, 128 * 1024)  # the last chunk: the answer may have been lost
    with pytest.raises(AmbiguousError):
        small().publish(env.request(big_video), env.context())
    assert small().lookup(env.request(big_video), env.context()) is None  # not every byte
    receipt = small().publish(env.request(big_video), env.context())
    [upload] = env.fake.uploads.values()
    assert receipt.remote_id == upload.post_id
    assert env.fake.video(upload.publish_id) == big_video.read_bytes()
    assert env.fake.bytes_received < 1.5 * big_video.stat().st_size


def test_a_look_up_before_every_byte_arrived_says_not_posted(env: Env,
                                                             big_video: Path) -> None:
    env.fake.cut_at = (1, 64 * 1024)
    with pytest.raises(RetryableError):
        small().publish(env.request(big_video), env.context())
    assert small().lookup(env.request(big_video), env.context()) is None
    assert small().lookup(env.request(big_video), replace_uploads(env)) is None
    assert env.fake.published() == []


def replace_uploads(env: Env) -> PublisherContext:
    ctx = env.context()
    ctx.uploads = MemoryUploads()  # nothing kept: no upload began with an answer
    return ctx


def test_failed_processing_says_tiktoks_reason(env: Env, small_video: Path) -> None:
    env.fake.fail_reason = "frame_rate_check_failed"
    with pytest.raises(PermanentError, match="frame rate.*frame_rate_check_failed"):
        TikTokPublisher().publish(env.request(small_video), env.context())
    assert env.uploads.get() is None


@pytest.mark.parametrize(("code", "kind", "words"), [
    ("spam_risk_too_many_posts", PermanentError, "posted too many times today"),
    ("spam_risk_user_banned_from_posting", PermanentError, "banned this account"),
    ("spam_risk_too_many_pending_share", PermanentError, "inbox"),
    ("unaudited_client_can_only_post_to_private_accounts", AccountBlocked,
     "only to private accounts"),
    ("reached_active_user_cap", AccountBlocked, "at most 5 accounts"),
    ("privacy_level_option_mismatch", PermanentError, "choose who can see it again"),
    ("rate_limit_exceeded", RetryableError, "waits a minute"),
    ("scope_not_authorized", AuthError, "grant every permission"),
])
def test_each_named_error_has_its_message_and_is_sent_once(env: Env, small_video: Path,
                                                           code: str, kind: type[Exception],
                                                           words: str) -> None:
    env.fake.init_error = code
    with pytest.raises(kind, match=words) as caught:
        TikTokPublisher().publish(env.request(small_video), env.context())
    assert env.fake.count("POST", "/v2/post/publish/video/init/") == 1  # no blind retry
    assert env.fake.count("PUT", r"/upload/.+") == 0
    if isinstance(caught.value, AccountBlocked):
        assert caught.value.reason == "access"


def test_an_expired_token_is_renewed_and_the_rotated_refresh_token_kept(env: Env,
                                                                       small_video: Path
                                                                       ) -> None:
    old_refresh = env.vault.get(REFRESH)
    env.clock.advance(timedelta(hours=25))  # the access token is dead
    TikTokPublisher().publish(env.request(small_video), env.context())
    assert env.vault.get(REFRESH) != old_refresh and env.vault.get(REFRESH) in env.fake.refresh
    assert json.loads(env.vault.get(SESSION) or "{}")["token"] in env.fake.access
    assert env.saved and TOKEN_EXPIRES_AT in env.saved[-1]
    assert not any(env.access in str(s) for s in env.saved)


def test_a_refused_renewal_asks_for_a_reconnection(env: Env, small_video: Path) -> None:
    env.clock.advance(timedelta(hours=25))
    env.fake.refresh.clear()
    with pytest.raises(AuthError, match="reconnect"):
        TikTokPublisher().publish(env.request(small_video), env.context())


# ---------------------------------------------------------------- the audit's choices ---

def test_no_privacy_chosen_is_refused_before_any_request(env: Env, small_video: Path) -> None:
    request = env.request(small_video, privacy_level="")
    problems = TikTokPublisher().validate(request)
    assert [p.code for p in problems] == ["tiktok_privacy"]
    with pytest.raises(ContentRejected, match="no choice is made for you"):
        TikTokPublisher().publish(request, env.context())
    assert env.fake.requests == []


def test_disclosure_needs_a_kind_and_branded_content_cannot_be_private(small_video: Path,
                                                                       env: Env) -> None:
    codes = [p.code for p in TikTokPublisher().validate(env.request(small_video,
                                                                     disclose=True))]
    assert codes == ["tiktok_disclosure"]
    codes = [p.code for p in TikTokPublisher().validate(env.request(
        small_video, disclose=True, branded_content=True, privacy_level="SELF_ONLY"))]
    assert codes == ["tiktok_branded_private"]


def test_the_disclosure_reaches_tiktok(env: Env, small_video: Path) -> None:
    TikTokPublisher().publish(env.request(small_video, disclose=True, your_brand=True,
                                          branded_content=True), env.context())
    [upload] = env.fake.published()
    assert upload.post_info["brand_content_toggle"] is True
    assert upload.post_info["brand_organic_toggle"] is True


def test_a_video_over_the_creators_maximum_is_refused(env: Env, small_video: Path) -> None:
    env.fake.creator["max_video_post_duration_sec"] = 0 + 1
    item = media(small_video, )
    request = PublishRequest(target_id=1, post_id=1, account=env.request(None).account,
                             text=CAPTION, idempotency_key="k",
                             media=(MediaFile(**{**item.__dict__, "duration": 75.0}),),
                             options=CHOICES)
    with pytest.raises(PermanentError, match="lasts 75 s.*at most 1 s"):
        TikTokPublisher().publish(request, env.context())
    assert env.fake.count("POST", "/v2/post/publish/video/init/") == 0
    # what the editor kept from creator_info is checked before scheduling too
    limited = PublishRequest(**{**request.__dict__,
                                "options": {**CHOICES, "max_video_post_duration_sec": 60}})
    assert "video_too_long" in [p.code for p in TikTokPublisher().validate(limited)]


def test_creator_info_for_the_editor(env: Env) -> None:
    info = TikTokPublisher().creator_info(env.context())
    assert info.nickname == "Les Amis du Quartier"
    assert info.duet_disabled and not info.comment_disabled
    assert info.privacy_level_options[0] == "PUBLIC_TO_EVERYONE"


# ---------------------------------------------------------------- metrics ---

def test_metrics_are_tiktoks_video_counts_under_the_common_names(env: Env,
                                                                 small_video: Path) -> None:
    receipt = TikTokPublisher().publish(env.request(small_video), env.context())
    assert TikTokPublisher().metrics(receipt, env.context()) == {
        "views": 1200.0, "likes": 87.0, "replies": 9.0, "reposts": 4.0}


# ---------------------------------------------------------------- connecting ---

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _browser(opened: list[str]) -> Any:
    def open_url(url: str) -> None:  # the person's browser: follows the consent redirect
        opened.append(url)
        threading.Thread(target=requests.get, args=(url,), kwargs={"timeout": 10},
                         daemon=True).start()
    return open_url


def test_oauth_with_pkce_end_to_end_then_publish(env: Env, small_video: Path) -> None:
    port = _free_port()
    env.fake.callback = f"http://127.0.0.1:{port}/callback"
    opened: list[str] = []
    http = HttpClient(clock=env.clock.now)
    publisher = TikTokPublisher(redirect_port=port)
    credentials = publisher.browser_login(
        api_url=env.fake.url, http=http, open_url=_browser(opened), timeout=20,
        client=ClientApp(env.fake.client_key, env.fake.client_secret))
    http.close()
    assert "scope=user.info.basic%2Cvideo.publish%2Cvideo.upload%2Cvideo.list" in opened[0]
    assert "code_challenge_method=S256" in opened[0]
    assert credentials.secret in env.fake.access
    assert credentials.handle == "@amisduquartier"
    assert credentials.vault[REFRESH] in env.fake.refresh
    assert credentials.settings["mode"] == "direct"
    assert datetime.fromisoformat(credentials.settings[TOKEN_EXPIRES_AT]) == \
        env.clock.now() + timedelta(days=365)
    assert not any(s in json.dumps(credentials.settings) for s in
                   (credentials.secret, credentials.vault[REFRESH], env.fake.client_secret))
    env.access, env.settings = credentials.secret, dict(credentials.settings)
    env.vault.values = dict(credentials.vault)
    assert TikTokPublisher().publish(env.request(small_video), env.context()).remote_url


def test_oauth_without_the_secret_is_refused_before_the_browser(env: Env) -> None:
    opened: list[str] = []
    with pytest.raises(PermanentError, match="client secret"):
        TikTokPublisher(redirect_port=_free_port()).browser_login(
            api_url=env.fake.url, http=HttpClient(), open_url=opened.append, timeout=1,
            client=ClientApp(env.fake.client_key))
    assert opened == []


def test_a_login_with_the_inbox_only_sends_to_the_inbox(env: Env) -> None:
    port = _free_port()
    env.fake.callback = f"http://127.0.0.1:{port}/callback"
    env.fake.granted = ("user.info.basic", "video.upload", "video.list")
    http = HttpClient(clock=env.clock.now)
    credentials = TikTokPublisher(redirect_port=port).browser_login(
        api_url=env.fake.url, http=http, open_url=_browser([]), timeout=20,
        client=ClientApp(env.fake.client_key, env.fake.client_secret))
    http.close()
    assert credentials.settings["mode"] == "inbox"
