"""Each network refuses an over-long, too large, wrongly encoded or too small video before
any request, with its own limits in the message."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from essplanner import domain
from essplanner.errors import ValidationError
from essplanner.publishers.base import AccountInfo, MediaFile, PublishRequest
from essplanner.publishers.bluesky.publisher import BlueskyPublisher
from essplanner.publishers.mastodon import MastodonPublisher
from essplanner.publishers.meta.facebook import FacebookPublisher
from essplanner.publishers.meta.instagram import InstagramPublisher
from essplanner.publishers.meta.threads import ThreadsPublisher
from essplanner.publishers.rules import PlatformRules
from essplanner.publishers.telegram import TelegramPublisher
from essplanner.publishers.validation import format_duration, validate_with_rules
from essplanner.publishers.x.publisher import XPublisher
from essplanner.workspace import Workspace
from tests.helpers.video import make_video

GOOD = {"duration": 20.0, "width": 1080, "height": 1920, "frame_rate": 30.0,
        "video_codec": "h264", "audio_codec": "aac", "size": 5_000_000}


def _video(**facts: object) -> MediaFile:
    values: dict[str, object] = {**GOOD, **facts}
    return MediaFile(path=Path("/media/chantier.mp4"), mime_type=str(
        values.pop("mime_type", "video/mp4")), **values)  # type: ignore[arg-type]


def _request(platform: str, media: MediaFile, settings: dict[str, object] | None = None
             ) -> PublishRequest:
    account = AccountInfo(id=1, platform=platform, name="Asso", settings=settings or {})
    return PublishRequest(target_id=1, post_id=1, account=account, text="Le chantier",
                          idempotency_key="k", media=(media,))


def _messages(rules: PlatformRules, media: MediaFile) -> dict[str, str]:
    """code → message of the video problems (``supports_video`` forced on, for networks
    whose publisher sends no video yet: their limits are ready for it)."""
    rules = dataclasses.replace(rules, supports_video=True)
    return {p.code: p.message for p in validate_with_rules(rules, _request(rules.platform, media))
            if p.code.startswith(("video", "audio"))}


def test_a_good_video_passes_every_network() -> None:
    for rules in (InstagramPublisher.RULES, ThreadsPublisher.RULES, FacebookPublisher.RULES,
                  BlueskyPublisher.RULES, MastodonPublisher().rules(None),
                  XPublisher().rules(None)):
        video = _video(width=720, height=1024) if rules.platform == "x" else _video()
        assert _messages(rules, video) == {}, rules.platform


# (rules, facts that break them, code, the network's own words)
CASES = [
    (InstagramPublisher.RULES, {"duration": 16 * 60.0}, "video_too_long",
     "Video 1 (chantier.mp4) lasts 16 min; Instagram takes videos of at most 15 min."),
    (InstagramPublisher.RULES, {"duration": 2.0}, "video_too_short",
     "Video 1 (chantier.mp4) lasts 2 s; Instagram takes videos of at least 3 s."),
    (InstagramPublisher.RULES, {"size": 1_200_000_000}, "video_too_big",
     "Video 1 (chantier.mp4) weighs 1200 MB; Instagram takes at most 1000 MB."),
    (InstagramPublisher.RULES, {"video_codec": "vp9"}, "video_codec",
     "Video 1 (chantier.mp4) is encoded in VP9; Instagram takes H.264, HEVC (H.265)."),
    (InstagramPublisher.RULES, {"frame_rate": 15.0}, "video_frame_rate",
     "Video 1 (chantier.mp4) has 15 frames per second; Instagram needs at least 23."),
    (InstagramPublisher.RULES, {"width": 3840, "height": 2160}, "video_resolution_high",
     "Video 1 (chantier.mp4) is 3840×2160 pixels; Instagram takes at most 1920×…."),
    (ThreadsPublisher.RULES, {"duration": 301.0}, "video_too_long",
     "Video 1 (chantier.mp4) lasts 5 min 1 s; Threads takes videos of at most 5 min."),
    (ThreadsPublisher.RULES, {"audio_codec": "mp3"}, "audio_codec",
     "The sound of video 1 (chantier.mp4) is encoded in MP3; Threads takes AAC."),
    (FacebookPublisher.RULES, {"duration": 4 * 3600.0 + 60}, "video_too_long",
     "Video 1 (chantier.mp4) lasts 4 h 1 min; Facebook takes videos of at most 4 h."),
    (FacebookPublisher.RULES, {"size": 10_500_000_000}, "video_too_big",
     "Video 1 (chantier.mp4) weighs 10500 MB; Facebook takes at most 10000 MB."),
    (XPublisher().rules(None), {"duration": 141.0, "width": 720, "height": 1024},
     "video_too_long",
     "Video 1 (chantier.mp4) lasts 2 min 21 s; X takes videos of at most 2 min 20 s."),
    (XPublisher().rules(None), {"width": 16, "height": 16}, "video_resolution_low",
     "Video 1 (chantier.mp4) is 16×16 pixels; X needs at least 32×32."),
    (XPublisher().rules(None), {"video_codec": "hevc", "width": 720, "height": 1024},
     "video_codec", "Video 1 (chantier.mp4) is encoded in HEVC (H.265); X takes H.264."),
    (BlueskyPublisher.RULES, {"duration": 200.0}, "video_too_long",
     "Video 1 (chantier.mp4) lasts 3 min 20 s; Bluesky takes videos of at most 3 min."),
    (BlueskyPublisher.RULES, {"size": 120_000_000}, "video_too_big",
     "Video 1 (chantier.mp4) weighs 120 MB; Bluesky takes at most 100 MB."),
    (TelegramPublisher.RULES, {"size": 60_000_000}, "video_too_big",
     "Video 1 (chantier.mp4) weighs 60 MB; Telegram takes at most 52 MB."),
    (TelegramPublisher.RULES, {"mime_type": "video/quicktime"}, "video_type",
     "Video 1 (chantier.mp4) is QUICKTIME; Telegram takes MP4."),
    (MastodonPublisher().rules(None), {"size": 120_000_000}, "video_too_big",
     "Video 1 (chantier.mp4) weighs 120 MB; Mastodon takes at most 104 MB."),
    (MastodonPublisher().rules(None), {"frame_rate": 240.0}, "video_frame_rate",
     "Video 1 (chantier.mp4) has 240 frames per second; Mastodon takes at most 120."),
    (MastodonPublisher().rules(None), {"width": 7680, "height": 4320}, "video_resolution_high",
     "Video 1 (chantier.mp4) is 7680×4320 pixels; Mastodon takes at most 8.3 megapixels."),
]


@pytest.mark.parametrize(("rules", "facts", "code", "message"), CASES,
                         ids=[f"{c[0].platform}-{c[2]}" for c in CASES])
def test_each_network_refuses_a_video_in_its_own_words(rules: PlatformRules,
                                                       facts: dict[str, object], code: str,
                                                       message: str) -> None:
    assert _messages(rules, _video(**facts)) == {code: message}


def test_a_mastodon_servers_own_limits_are_used() -> None:
    settings = {"instance": {"video_size_limit": 40 * 1024 * 1024, "video_frame_rate_limit": 60,
                             "supported_mime_types": ["image/jpeg", "video/mp4"]}}
    problems = MastodonPublisher().validate(_request("mastodon", _video(
        size=45_000_000, frame_rate=90.0, alt_text="Le chantier"), settings))
    assert [p.code for p in problems] == ["video_too_big", "video_frame_rate"]
    assert problems[0].message.endswith("Mastodon takes at most 42 MB.")


def test_videos_need_a_description_only_where_the_network_takes_one() -> None:
    bare = _video()
    assert "alt_text_missing" not in {p.code for p in InstagramPublisher().validate(
        _request("instagram", bare))}
    mastodon = [p for p in MastodonPublisher().validate(_request("mastodon", bare))
                if p.code == "alt_text_missing"]
    assert [p.message for p in mastodon] == [
        "Video 1 (chantier.mp4) has no description: describe it for people who cannot see it."]


def test_durations_read_as_people_say_them() -> None:
    assert [format_duration(s) for s in (0.5, 3, 59.6, 60, 150, 3600, 3900)] == [
        "0.5 s", "3 s", "1 min", "1 min", "2 min 30 s", "1 h", "1 h 5 min"]


def test_scheduling_a_bad_reel_is_refused_before_anything_is_sent(workspace: Workspace,
                                                                 tmp_path: Path) -> None:
    """A real one-second 10 fps video, probed, stored, then checked when scheduled."""
    video = make_video(tmp_path / "chantier.mp4", seconds=1.0, fps=10)
    account = workspace.accounts.add(platform="instagram", name="Insta",
                                     settings={"ig_user_id": "17841"}, secret="EAAB-test-page-token-5e1f")
    post = workspace.posts.create(domain.PostDraft(
        title="Chantier", body="Le chantier", account_ids=(account.id,),
        media=(domain.MediaInput(str(video), ""),)))
    with pytest.raises(ValidationError) as caught:
        workspace.posts.schedule(post.id, datetime(2030, 1, 1, 9, tzinfo=UTC))
    text = str(caught.value)
    # (the stored copy's name: MediaFile knows no original name)
    assert re.search(r"Video 1 \(\w+\.mp4\) lasts 1 s; Instagram takes videos of at least 3 s\.",
                     text)
    assert re.search(r"Video 1 \(\w+\.mp4\) has 10 frames per second; Instagram needs at "
                     r"least 23\.", text)
    assert all(t.state is domain.DeliveryState.DRAFT
               for t in workspace.posts.get(post.id).targets)
