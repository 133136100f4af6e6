"""Facebook Page video: the Graph API's resumable upload (start / transfer / finish) against
the fake, which asks for its own ranges, checks each chunk's offset and size, and keeps the
bytes; the session kept in ``context.uploads`` and resumed from Meta's answer."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from essplanner.publishers.base import MemoryUploads
from essplanner.publishers.errors import AmbiguousError, ContentRejected, RetryableError
from tests.publishers.meta.conftest import jpeg, request_for
from tests.publishers.meta.fakemeta import Fault
from tests.publishers.meta.videos import make_video

TEXT = "Le chantier solidaire en images : merci aux bénévoles !"


@pytest.fixture
def fb(meta, connect):
    connected = connect("facebook", api_url=meta.graph.graph_url, secret=meta.page_token.value,
                        settings={"page_id": meta.page.id, "app_id": meta.app.app_id})
    connected.context.uploads = MemoryUploads()
    meta.graph.video_chunk = 64 * 1024
    return connected


@pytest.fixture
def video(tmp_path: Path):
    return make_video(tmp_path / "chantier.mp4", size=(96, 64), min_bytes=600_000)


def transfers(meta):
    return meta.graph.calls("POST", r"/videos$")


def test_a_video_is_uploaded_in_the_ranges_meta_asks_for_and_published(
        meta, fb, publishers, video) -> None:
    receipt = publishers["facebook"].publish(request_for(fb, TEXT, media=(video,)), fb.context)
    [published] = meta.graph.videos(meta.page.id)
    assert receipt.remote_id == published["id"]
    assert receipt.remote_url == published["permalink"]
    assert published["description"] == TEXT
    assert meta.graph.video_bytes(published) == video.path.read_bytes()
    size = video.size
    chunk = meta.graph.video_chunk
    assert published["chunks"] == [(o, min(chunk, size - o)) for o in range(0, size, chunk)]
    phases = [c["params"]["upload_phase"] for c in transfers(meta)]
    assert phases == ["start"] + ["transfer"] * len(published["chunks"]) + ["finish"]
    assert meta.graph.video_bytes_received == size  # each byte once
    assert all(c["authorization"] and "access_token" not in c["query"]
               for c in transfers(meta))
    # progress for the app, up to the whole file; the session forgotten once published
    uploads = fb.context.uploads
    assert uploads.reports[-1] == (size, size)
    assert [s for s, _t in uploads.reports] == sorted(s for s, _t in uploads.reports)
    assert uploads.get() is None


def test_a_cut_upload_resumes_where_it_stopped_not_from_zero(meta, fb, publishers,
                                                            video) -> None:
    graph = meta.graph
    publisher = publishers["facebook"]
    request = request_for(fb, TEXT, media=(video,))
    cut = {"done": False}

    def hold(method: str, path: str, params: dict[str, str]) -> None:
        # The network goes away as the fifth range leaves.
        if (not cut["done"] and params.get("upload_phase") == "transfer"
                and params.get("start_offset") == str(4 * graph.video_chunk)):
            cut["done"] = True
            graph.faults.append(Fault("POST", r"/videos$", drop_before=True))

    graph.hold = hold
    with pytest.raises(RetryableError):
        publisher.publish(request, fb.context)
    session = fb.context.uploads.get()
    assert session is not None and session["start_offset"] == 4 * graph.video_chunk
    assert "token" not in str(session).lower()
    publisher.publish(request, fb.context)
    [published] = graph.videos()
    assert graph.video_bytes(published) == video.path.read_bytes()
    starts = [c for c in transfers(meta) if c["params"]["upload_phase"] == "start"]
    assert len(starts) == 1  # resumed, not restarted
    assert graph.video_bytes_received < 1.5 * video.size


def test_a_range_meta_already_has_is_skipped_from_meta_s_answer(meta, fb, publishers,
                                                               video) -> None:
    """A crash after Meta stored a range but before the session was saved: the stored
    offset is behind; Meta answers 1363037 with the offsets it expects, and the upload
    goes on from there."""
    graph = meta.graph
    publisher = publishers["facebook"]
    request = request_for(fb, TEXT, media=(video,))
    saved: list[dict] = []
    uploads = fb.context.uploads
    real_put = uploads.put

    def put(session):
        real_put(session)
        saved.append(dict(session))
        if session["start_offset"] == 3 * graph.video_chunk and not session.get("finishing"):
            raise KeyboardInterrupt  # the process dies here (as with a SIGKILL)

    uploads.put = put  # type: ignore[method-assign]
    with pytest.raises(KeyboardInterrupt):
        publisher.publish(request, fb.context)
    uploads.put = real_put  # type: ignore[method-assign]
    uploads.session = dict(saved[-2])  # the last save that made it to the disk: one behind
    publisher.publish(request, fb.context)
    [published] = graph.videos()
    assert graph.video_bytes(published) == video.path.read_bytes()
    offsets = [int(c["params"]["start_offset"]) for c in transfers(meta)
               if c["params"]["upload_phase"] == "transfer"]
    chunk = graph.video_chunk
    assert offsets[:5] == [0, chunk, 2 * chunk, 2 * chunk, 3 * chunk]  # one range refused
    assert graph.video_bytes_received == video.size + chunk


def test_a_lost_finish_answer_is_looked_up_and_never_makes_a_second_video(
        meta, fb, publishers, video) -> None:
    graph = meta.graph
    publisher = publishers["facebook"]
    request = request_for(fb, TEXT, media=(video,))
    state = {"armed": True}

    def hold(method: str, path: str, params: dict[str, str]):
        if state["armed"] and params.get("upload_phase") == "finish":
            state["armed"] = False
            graph.drop_after("POST", r"/videos$")
        return None

    graph.hold = hold
    # The finish is applied, its answer lost, and the video lookup fails too: ambiguous.
    graph.fail("GET", r"^/\d+$", 2, status=500, times=5)
    with pytest.raises(AmbiguousError):
        publisher.publish(request, fb.context)
    assert fb.context.uploads.get()["finishing"] is True
    graph.faults.clear()
    receipt = publisher.lookup(request, fb.context)
    [published] = graph.videos()
    assert receipt is not None and receipt.remote_id == published["id"]
    # and publishing again does nothing more
    again = publisher.publish(request, fb.context)
    assert again.remote_id == published["id"]
    assert published["finishes"] == 1 and len(graph.videos()) == 1


def test_lookup_before_the_finish_says_not_published(meta, fb, publishers, video) -> None:
    request = request_for(fb, TEXT, media=(video,))
    assert publishers["facebook"].lookup(request, fb.context) is None
    fb.context.uploads.put({"video_id": "1", "upload_session_id": "s", "start_offset": 0,
                            "end_offset": 10, "file_size": video.size,
                            "checksum": video.checksum})
    assert publishers["facebook"].lookup(request, fb.context) is None
    assert meta.graph.calls("GET", r".") == []  # nothing to ask: no finish was sent


def test_video_rules_before_any_request(meta, fb, publishers, video, tmp_path: Path) -> None:
    photo = jpeg(tmp_path / "photo.jpg")
    problems = publishers["facebook"].validate(request_for(fb, TEXT, media=(video, photo)))
    assert [p.code for p in problems] == ["video_alone"]
    long = dataclasses.replace(video, duration=241 * 60.0)
    webm = dataclasses.replace(video, mime_type="video/webm")
    codes = [p.code for p in publishers["facebook"].validate(
        request_for(fb, TEXT, media=(long,)))]
    assert codes == ["video_too_long"]
    assert "video_type" in [p.code for p in publishers["facebook"].validate(
        request_for(fb, TEXT, media=(webm,)))]
    with pytest.raises(ContentRejected):
        publishers["facebook"].publish(request_for(fb, TEXT, media=(video, photo)), fb.context)
    assert transfers(meta) == []
