"""Instagram publisher: containers, public media on a real WebDAV server, retry safety."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from essplanner.publishers.base import MediaFile
from essplanner.publishers.errors import (
    AmbiguousError,
    ContentRejected,
    PermanentError,
    RetryableError,
)
from essplanner.publishers.meta.graph import QuotaReached
from essplanner.publishers.meta.webdav import VAULT_KEY
from essplanner.publishers.rules import Severity
from tests.publishers.meta import webdavserver
from tests.publishers.meta.conftest import jpeg, request_for, webdav_settings

CAPTION = "Collecte de jouets ce week-end 🧸 #solidarité #noël @mairie_quartier"


@pytest.fixture
def ig(meta, connect, webdav):
    return connect("instagram", api_url=meta.graph.graph_url, secret=meta.page_token.value,
                   settings={"ig_user_id": meta.ig.id, "app_id": meta.app.app_id,
                             **webdav_settings(webdav)},
                   vault={VAULT_KEY: webdavserver.PASSWORD})


def media(meta):
    return meta.graph.published("ig_media", meta.ig.id)


def containers(meta, *, items: bool = False):
    return [o for o in meta.graph.created if o["kind"] == "ig_container"
            and o["carousel_item"] == items]


def puts(webdav):
    return [p for m, p in webdav.requests if m == "PUT"]


def test_image_is_uploaded_fetched_published_and_cleaned_up(meta, ig, webdav, publishers,
                                                            tmp_path: Path, sleeps) -> None:
    image = jpeg(tmp_path / "jouets.jpg")
    receipt = publishers["instagram"].publish(request_for(ig, CAPTION, media=(image,)),
                                              ig.context)
    [container] = containers(meta)
    assert container["image_url"] == webdav.public_pattern().format(
        name="essplanner-3lbqz7xkdwc2a-1.jpg")
    assert meta.graph.fetches == [(container["image_url"], 200)]  # Meta really fetched it
    assert container["format"] == "JPEG" and container["bytes"] == image.size
    assert container["alt_text"] == "Photo jouets" and container["text"] == CAPTION
    assert container["status"] == "PUBLISHED"
    [post] = media(meta)
    assert receipt.remote_id == post["id"] and receipt.remote_url == post["permalink"]
    assert sleeps == [2.0]  # one IN_PROGRESS read, then FINISHED
    assert webdav.files() == []  # deleted once published


def test_png_is_converted_to_jpeg_with_a_warning(meta, ig, publishers, tmp_path: Path) -> None:
    png = jpeg(tmp_path / "logo.png", fmt="PNG")
    request = request_for(ig, CAPTION, media=(png,))
    warnings = [p for p in publishers["instagram"].validate(request)
                if p.severity is Severity.WARNING]
    assert [w.code for w in warnings] == ["image_converted"]
    publishers["instagram"].publish(request, ig.context)
    [container] = containers(meta)
    assert container["format"] == "JPEG" and container["image_url"].endswith("-1.jpg")


def test_carousel_children_then_parent(meta, ig, webdav, publishers, tmp_path: Path) -> None:
    images = tuple(jpeg(tmp_path / f"c{i}.jpg", color=(30 * i, 60, 90)) for i in range(3))
    receipt = publishers["instagram"].publish(request_for(ig, CAPTION, media=images),
                                              ig.context)
    children = containers(meta, items=True)
    [parent] = containers(meta)
    assert parent["media_type"] == "CAROUSEL"
    assert parent["children"] == [c["id"] for c in children]
    assert [c["alt_text"] for c in children] == ["Photo c0", "Photo c1", "Photo c2"]
    assert all(c["text"] == "" for c in children) and parent["text"] == CAPTION
    [post] = media(meta)
    assert post["children"] == parent["children"] and receipt.remote_id == post["id"]
    assert webdav.files() == []


def test_carousel_with_one_image_over_the_limit_is_refused_before_any_upload(
        meta, ig, webdav, publishers, tmp_path: Path) -> None:
    small = [jpeg(tmp_path / f"ok{i}.jpg") for i in range(2)]
    big = jpeg(tmp_path / "grande-affiche.jpg", size=(2400, 1800), noise=True)
    assert big.size > 8_000_000
    request = request_for(ig, CAPTION, media=(small[0], big, small[1]))
    with pytest.raises(ContentRejected) as caught:
        publishers["instagram"].publish(request, ig.context)
    [problem] = [p for p in caught.value.problems if p.code == "image_too_big"]
    assert problem.index == 1
    assert "Image 2 (grande-affiche.jpg)" in problem.message and "8.0 MB" in problem.message
    assert webdav.requests == [] and meta.graph.requests == []


@pytest.mark.parametrize(("text", "count", "code"), [
    ("x" * 2201, 1, "text_too_long"),
    (" ".join(f"#tag{i}" for i in range(31)), 1, "too_many_hashtags"),
    (" ".join(f"@ami_{i}" for i in range(21)), 1, "too_many_mentions"),
    ("Une photo", 11, "carousel_too_big"),
])
def test_caption_and_carousel_limits(ig, publishers, tmp_path: Path, text, count,
                                     code) -> None:
    images = tuple(jpeg(tmp_path / f"i{i}.jpg") for i in range(count))
    problems = publishers["instagram"].validate(request_for(ig, text, media=images))
    assert code in {p.code for p in problems if p.severity is Severity.ERROR}


def test_tall_image_gets_an_aspect_ratio_warning(ig, publishers, tmp_path: Path) -> None:
    tall = jpeg(tmp_path / "story.jpg", size=(90, 160))
    problems = publishers["instagram"].validate(request_for(ig, "Bonjour", media=(tall,)))
    [warning] = [p for p in problems if p.code == "aspect_ratio"]
    assert warning.severity is Severity.WARNING and "90×160" in warning.message


def test_text_only_post_and_gif_are_refused(ig, publishers, tmp_path: Path) -> None:
    problems = publishers["instagram"].validate(request_for(ig, "Bonjour"))
    assert "media_required" in {p.code for p in problems}
    gif = jpeg(tmp_path / "anim.gif", fmt="GIF")
    problems = publishers["instagram"].validate(request_for(ig, "Bonjour", media=(gif,)))
    assert "image_type" in {p.code for p in problems}


def test_reel_from_a_video(meta, ig, webdav, publishers, tmp_path: Path) -> None:
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 4000)
    video = MediaFile(path=clip, mime_type="video/mp4", size=clip.stat().st_size)
    request = request_for(ig, CAPTION, media=(video,))
    assert not [p for p in publishers["instagram"].validate(request)
                if p.severity is Severity.ERROR]
    publishers["instagram"].publish(request, ig.context)
    [container] = containers(meta)
    assert container["media_type"] == "REELS" and container["video_url"].endswith(".mp4")
    assert len(media(meta)) == 1 and webdav.files() == []


def test_quota_used_up_is_refused_clearly_before_uploading(meta, ig, webdav, publishers,
                                                           tmp_path: Path) -> None:
    meta.graph.quota_total["ig"] = 1
    publishers["instagram"].publish(
        request_for(ig, CAPTION, media=(jpeg(tmp_path / "a.jpg"),), key="k1"), ig.context)
    before = len(puts(webdav))
    with pytest.raises(QuotaReached) as caught:
        publishers["instagram"].publish(
            request_for(ig, "Autre", media=(jpeg(tmp_path / "b.jpg"),), key="k2"), ig.context)
    assert "allows 1 posts per 24 hours" in caught.value.message
    assert caught.value.retry_after == 3600
    assert len(puts(webdav)) == before and len(media(meta)) == 1


def test_processing_error_is_permanent_and_cleans_up(meta, ig, webdav, publishers,
                                                     tmp_path: Path) -> None:
    meta.graph.processing_errors.append("Error: Media upload has failed (2207001)")
    with pytest.raises(PermanentError, match="could not process the media.*2207001"):
        publishers["instagram"].publish(
            request_for(ig, CAPTION, media=(jpeg(tmp_path / "a.jpg"),)), ig.context)
    assert media(meta) == [] and webdav.files() == []


def test_media_the_crawler_cannot_fetch(meta, connect, webdav, publishers,
                                        tmp_path: Path) -> None:
    settings = {**webdav_settings(webdav),
                "public_url_pattern": webdav.base + "/public/wrong-folder/{name}"}
    broken = connect("instagram", api_url=meta.graph.graph_url, secret=meta.page_token.value,
                     settings={"ig_user_id": meta.ig.id, **settings},
                     vault={VAULT_KEY: webdavserver.PASSWORD})
    with pytest.raises(PermanentError, match="could not download the media"):
        publishers["instagram"].publish(
            request_for(broken, CAPTION, media=(jpeg(tmp_path / "a.jpg"),)), broken.context)
    assert meta.graph.fetches[0][1] == 404 and webdav.files() == []


def test_publish_before_finished_waits_and_publishes_once(meta, ig, publishers,
                                                          tmp_path: Path) -> None:
    meta.graph.fail("POST", r"/media_publish$", 9007, "Media ID is not available",
                    subcode=2207027)
    publishers["instagram"].publish(
        request_for(ig, CAPTION, media=(jpeg(tmp_path / "a.jpg"),)), ig.context)
    assert len(meta.graph.calls("POST", r"/media_publish$")) == 2
    assert len(media(meta)) == 1


def test_slow_processing_is_resumed_with_the_same_container(meta, connect, webdav, publishers,
                                                            tmp_path: Path) -> None:
    slow = connect("instagram", api_url=meta.graph.graph_url, secret=meta.page_token.value,
                   settings={"ig_user_id": meta.ig.id, "container_timeout": 30,
                             **webdav_settings(webdav)},
                   vault={VAULT_KEY: webdavserver.PASSWORD})
    meta.graph.processing_reads = 1000
    request = request_for(slow, CAPTION, media=(jpeg(tmp_path / "a.jpg"),))
    with pytest.raises(RetryableError, match="still processing") as caught:
        publishers["instagram"].publish(request, slow.context)
    assert caught.value.retry_after == 120
    [container] = containers(meta)
    container["reads_left"] = 0
    uploads = len(puts(webdav))
    publishers["instagram"].publish(request, slow.context)  # the service's next attempt
    assert containers(meta) == [container] and len(puts(webdav)) == uploads
    assert len(media(meta)) == 1


def test_an_edited_post_does_not_publish_its_old_container(meta, ig, publishers,
                                                           tmp_path: Path) -> None:
    image = jpeg(tmp_path / "a.jpg")
    meta.graph.fail("POST", r"/media_publish$", 2, status=500)
    with pytest.raises(RetryableError):
        publishers["instagram"].publish(request_for(ig, CAPTION, media=(image,)), ig.context)
    edited = request_for(ig, CAPTION + " (horaires corrigés : 15 h)", media=(image,))
    publishers["instagram"].publish(edited, ig.context)
    old, new = containers(meta)
    [post] = media(meta)
    assert post["container"] == new["id"] and post["text"].endswith("15 h)")
    assert old["status"] == "FINISHED"  # never published; Meta lets it expire


def test_expired_container_is_replaced(meta, ig, publishers, tmp_path: Path) -> None:
    request = request_for(ig, CAPTION, media=(jpeg(tmp_path / "a.jpg"),))
    meta.graph.fail("POST", r"/media_publish$", 2, status=500)
    with pytest.raises(RetryableError):
        publishers["instagram"].publish(request, ig.context)
    [old] = containers(meta)
    meta.graph.expire(old["id"])
    publishers["instagram"].publish(request, ig.context)
    assert len(containers(meta)) == 2 and len(media(meta)) == 1


def test_lost_publish_answer_is_settled_by_the_container_status(meta, ig, webdav, publishers,
                                                                tmp_path: Path) -> None:
    meta.graph.drop_after("POST", r"/media_publish$")
    receipt = publishers["instagram"].publish(
        request_for(ig, CAPTION, media=(jpeg(tmp_path / "a.jpg"),)), ig.context)
    [post] = media(meta)
    assert receipt.remote_id == post["id"] and receipt.remote_url == post["permalink"]
    assert len(meta.graph.calls("POST", r"/media_publish$")) == 1
    assert webdav.files() == []


def test_lost_answer_and_unreadable_status_then_lookup_and_retry_never_post_twice(
        meta, ig, webdav, publishers, tmp_path: Path) -> None:
    request = request_for(ig, CAPTION, media=(jpeg(tmp_path / "a.jpg"),))
    meta.graph.drop_after("POST", r"/media_publish$")
    # and the status read right after the lost answer fails too (network down)
    meta.graph.fail("GET", r"^/\d+$", 2, status=500, after=("POST", r"/media_publish$"))
    publisher = publishers["instagram"]
    with pytest.raises(AmbiguousError, match="never sent twice"):
        publisher.publish(request, ig.context)
    assert len(media(meta)) == 1  # it was published; the answer was lost
    receipt = publisher.lookup(request, ig.context)
    [post] = media(meta)
    assert receipt is not None and receipt.remote_id == post["id"]
    again = publisher.publish(request, ig.context)  # a retry must not create anything
    assert again.remote_id == post["id"]
    assert len(media(meta)) == 1 and len(containers(meta)) == 1
    assert len(meta.graph.calls("POST", r"/media_publish$")) == 1
    assert webdav.files() == []


def test_resume_after_a_crash_finds_the_published_container(meta, ig, publishers,
                                                            tmp_path: Path) -> None:
    request = request_for(ig, CAPTION, media=(jpeg(tmp_path / "a.jpg"),))
    publisher = publishers["instagram"]
    publisher.publish(request, ig.context)
    # A crash right after Meta published, before the media id was written down:
    state = publisher.state(ig.context)
    record = state.get(request.idempotency_key)
    state.put(request.idempotency_key, {k: v for k, v in record.items()
                                        if k not in ("media_id", "done")})
    receipt = publisher.publish(request, ig.context)
    [post] = media(meta)
    assert receipt.remote_id == post["id"]
    assert len(containers(meta)) == 1 and len(meta.graph.calls("POST", r"/media_publish$")) == 1


def test_lookup_without_any_container_is_none(ig, publishers) -> None:
    request = request_for(ig, CAPTION)
    assert publishers["instagram"].lookup(request, ig.context) is None


def test_metrics_like_and_comment_counts(meta, ig, publishers, tmp_path: Path) -> None:
    receipt = publishers["instagram"].publish(
        request_for(ig, CAPTION, media=(jpeg(tmp_path / "a.jpg"),)), ig.context)
    meta.graph.objects[receipt.remote_id].update(likes=42, comments=5)
    assert publishers["instagram"].metrics(receipt, ig.context) == {"likes": 42.0,
                                                                   "comments": 5.0}


def test_check_account_verifies_the_upload_folder(meta, ig, webdav, publishers) -> None:
    check = publishers["instagram"].check_account(ig.context)
    assert check.handle == "@amisduquartier"
    assert check.settings["quota_total"] == 100
    assert check.warnings == ()
    assert webdav.files() == []
    assert any(m == "PUT" for m, _ in webdav.requests)


def test_missing_upload_folder_is_explained(meta, connect, publishers, tmp_path: Path) -> None:
    bare = connect("instagram", api_url=meta.graph.graph_url, secret=meta.page_token.value,
                   settings={"ig_user_id": meta.ig.id})
    with pytest.raises(PermanentError, match="public_url_pattern"):
        publishers["instagram"].publish(
            request_for(bare, CAPTION, media=(jpeg(tmp_path / "a.jpg"),)), bare.context)
    assert meta.graph.calls("POST", r"/media$") == []


def test_expired_token_known_in_advance(meta, connect, webdav, publishers, clock) -> None:
    stale = connect("instagram", api_url=meta.graph.graph_url, secret=meta.page_token.value,
                    settings={"ig_user_id": meta.ig.id, **webdav_settings(webdav),
                              "token_expires_at": (clock.now() - timedelta(days=1)).isoformat()})
    with pytest.raises(PermanentError, match="expired on"):
        publishers["instagram"].publish(request_for(stale, CAPTION, media=(
            jpeg(Path(webdav.root.parent) / "x.jpg"),)), stale.context)
    assert webdav.requests == [] and meta.graph.requests == []


def test_a_late_publish_on_metas_side_is_recognised_not_failed(meta, ig, publishers,
                                                               tmp_path: Path) -> None:
    from tests.publishers.meta.fakemeta import Fault

    request = request_for(ig, CAPTION, media=(jpeg(tmp_path / "a.jpg"),))
    # The first media_publish is cut off before Meta acted on it: the container still
    # reads FINISHED, so the outcome stays ambiguous and nothing is claimed.
    meta.graph.faults.append(Fault("POST", r"/media_publish$", drop_before=True))
    with pytest.raises(AmbiguousError):
        publishers["instagram"].publish(request, ig.context)
    assert media(meta) == []
    [container] = containers(meta)

    # Meta completes that first request just as the retry's media_publish arrives; the
    # retry is refused ("already published"): the container proves the post exists.
    def late_publish() -> None:
        meta.graph._publish(meta.ig.id, {"creation_id": container["id"]}, platform="ig")

    meta.graph.faults.append(Fault("POST", r"/media_publish$", before=late_publish))
    receipt = publishers["instagram"].publish(request, ig.context)
    [post] = media(meta)
    assert receipt.remote_id == post["id"] and containers(meta) == [container]
