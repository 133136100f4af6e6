"""Media files are what they claim: videos by their container, images by a sane size."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import warnings
import zlib
from pathlib import Path

import pytest

from essplanner.errors import ValidationError
from essplanner.publishers.errors import PermanentError
from essplanner.publishers.media import reencode
from essplanner.services.media import MediaStore, VideoFacts, identify, inspect
from tests.helpers.video import make_big_video, make_corrupt_video, make_video

ROOT = Path(__file__).resolve().parents[1]


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def huge_png(path: Path, width: int = 12000, height: int = 12000) -> Path:
    """A valid black-and-white PNG of ``width`` × ``height`` pixels, a few kB on disk."""
    packer = zlib.compressobj(9)
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    idat = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    path.write_bytes(b"\x89PNG\r\n\x1a\n"
                     + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
                     + _chunk(b"IDAT", idat) + _chunk(b"IEND", b""))
    return path


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("ESSPLANNER_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "essplanner", "--lang", "en", "--data-dir",
                           str(tmp_path / "data"), *args], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=120)


def test_a_144_megapixel_png_is_refused_clearly_without_pillows_warning(
        tmp_path: Path) -> None:
    big = huge_png(tmp_path / "affiche.png")
    added = _cli(tmp_path, "post", "add", "--text", "Bonjour", "--media", str(big),
                 "--alt", "L’affiche")
    assert added.returncode == 2, added.stderr
    assert added.stderr.count("\n") == 1, added.stderr  # one line: no warning, no traceback
    assert ("affiche.png is 12000×12000 pixels (144 megapixels); images over 89 megapixels "
            "are not accepted: make it smaller first.") in added.stderr
    assert "DecompressionBomb" not in added.stderr
    listed = _cli(tmp_path, "post", "list", "--json")
    assert listed.returncode == 0 and listed.stdout.strip() == "[]"


def test_an_image_bomb_is_measured_from_its_header_before_any_decoding(tmp_path: Path) -> None:
    big = huge_png(tmp_path / "bomb.png")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(ValidationError, match="144 megapixels"):
            identify(big)
        # The publishing side (link card images from any web site) refuses it the same way.
        with pytest.raises(PermanentError, match="far too large"):
            reencode(big.read_bytes(), name="card", max_bytes=1_000_000)
    assert caught == []


def test_an_image_just_under_the_limit_is_read(tmp_path: Path) -> None:
    assert identify(huge_png(tmp_path / "wide.png", 11000, 8000)) == ("image/png", 11000, 8000)


def test_a_text_file_named_mp4_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    fake = tmp_path / "clip.mp4"
    fake.write_text("Ceci n’est pas une vidéo.\n" * 40)
    with pytest.raises(ValidationError) as caught:
        identify(fake)
    assert str(caught.value) == ("clip.mp4 is not an MP4 or QuickTime video: its content does "
                                 "not match its name.")
    added = _cli(tmp_path, "post", "add", "--text", "Bonjour", "--media", str(fake),
                 "--alt", "Un clip")
    assert added.returncode == 2
    assert added.stderr.strip().endswith("its content does not match its name.")


@pytest.mark.parametrize(("name", "codec", "audio", "expected"), [
    ("clip.mp4", "libx264", "aac", "video/mp4"),
    ("clip.m4v", "libx264", "aac", "video/mp4"),
    ("clip.mov", "mpeg4", None, "video/quicktime"),
    ("clip.webm", "libvpx-vp9", "libopus", "video/webm"),
])
def test_real_videos_are_accepted_with_their_size(tmp_path: Path, name: str, codec: str,
                                                  audio: str | None, expected: str) -> None:
    path = make_video(tmp_path / name, codec=codec, audio=audio,
                      sample_rate=48_000 if audio == "libopus" else 44_100)
    assert identify(path) == (expected, 160, 90)


def test_a_video_is_probed_for_its_facts(tmp_path: Path) -> None:
    path = make_video(tmp_path / "clip.mp4", seconds=2.0, width=320, height=180, fps=25)
    facts = inspect(path)
    assert facts.mime_type == "video/mp4"
    assert facts.video == VideoFacts(duration=2.0, width=320, height=180, frame_rate=25.0,
                                     video_codec="h264", audio_codec="aac")
    silent = inspect(make_video(tmp_path / "silent.mov", codec="mpeg4", audio=None, fps=12))
    assert silent.video is not None
    assert (silent.video.video_codec, silent.video.audio_codec) == ("mpeg4", "")
    assert silent.video.frame_rate == 12.0


def test_a_damaged_video_is_refused_and_nothing_is_stored(tmp_path: Path) -> None:
    broken = make_corrupt_video(tmp_path / "broken.mp4")
    store = MediaStore(tmp_path / "media")
    with pytest.raises(ValidationError) as caught:
        store.import_file(broken)
    assert str(caught.value) == ("broken.mp4 cannot be read as a video: the file is damaged "
                                 "or incomplete.")
    assert not (tmp_path / "media").exists()
    cut = make_video(tmp_path / "cut.mp4", seconds=2.0)
    cut.write_bytes(cut.read_bytes()[: cut.stat().st_size // 2])  # moov box lost
    with pytest.raises(ValidationError, match="cut.mp4 cannot be read as a video"):
        store.import_file(cut)
    added = _cli(tmp_path, "post", "add", "--text", "Bonjour", "--media", str(broken),
                 "--alt", "Un clip")
    assert added.returncode == 2
    assert added.stderr.count("\n") == 1, added.stderr
    assert "broken.mp4 cannot be read as a video" in added.stderr
    listed = _cli(tmp_path, "post", "list", "--json")
    assert listed.returncode == 0 and listed.stdout.strip() == "[]"


def test_a_video_is_not_read_into_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                         ) -> None:
    """Probing a 40 MB video reads its headers, not its bytes: Python never holds them."""
    import tracemalloc

    big = make_big_video(tmp_path / "big.mp4", 40_000_000)
    tracemalloc.start()
    try:
        facts = inspect(big)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert facts.video is not None and facts.video.duration == 1.0
    assert peak < 4_000_000


def test_a_thumbnail_is_made_beside_the_stored_video(tmp_path: Path) -> None:
    from PIL import Image

    store = MediaStore(tmp_path / "media")
    stored = store.import_file(make_video(tmp_path / "clip.mp4", seconds=3.0, width=640,
                                          height=360))
    assert stored.video is not None and stored.video.duration == 3.0
    # made when the video is stored (the calendar shows it, whoever attached the video)
    assert stored.path.with_name(stored.path.name + ".thumb.jpg").is_file()
    thumb = store.thumbnail(stored.path, duration=stored.video.duration)
    assert thumb == stored.path.with_name(stored.path.name + ".thumb.jpg")
    with Image.open(thumb) as img:
        assert img.format == "JPEG" and img.size == (320, 180)
    outside = store.thumbnail_for(tmp_path / "clip.mp4")
    assert outside.parent == tmp_path / "media" / "thumbnails"


@pytest.mark.parametrize(("head", "message"), [
    (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81",
     "clip.mp4 is a WebM video; use MP4 or MOV."),
    (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic",
     "clip.mp4 is not an MP4 or QuickTime video"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "clip.mp4 is not an MP4 or QuickTime video"),
])
def test_other_files_named_mp4_are_refused(tmp_path: Path, head: bytes, message: str) -> None:
    path = tmp_path / "clip.mp4"
    path.write_bytes(head + bytes(2048))
    with pytest.raises(ValidationError, match=message):
        identify(path)
