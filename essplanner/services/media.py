"""Images and videos attached to posts: checked, then copied into the data folder by checksum.

The copy means a post never loses its image when the original file is moved or
deleted, and two posts with the same picture share one file.

A video is read with PyAV (FFmpeg's libraries): its duration, resolution, frame rate and
codecs, from the container's headers and the first frame, never the whole file. Its
thumbnail, a small JPEG of one frame, is made beside the stored copy (:func:`make_thumbnail`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from essplanner.errors import StorageError, ValidationError
from essplanner.i18n import _
from essplanner.publishers.media import FORMATS, MAX_IMAGE_PIXELS, image_header

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 200 * 1024 * 1024  # beyond any platform's image or short-video limit
IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
VIDEO_TYPES = {".mp4": "video/mp4", ".mov": "video/quicktime", ".m4v": "video/mp4",
               ".webm": "video/webm"}
#: the thumbnail's longest side in pixels, and where in the video its frame is taken
THUMBNAIL_SIDE = 320
THUMBNAIL_AT_SECONDS = 1.0
THUMBNAIL_SUFFIX = ".thumb.jpg"
#: the first box of an ISO base media file (MP4, QuickTime); old QuickTime files may
#: start with something else than ``ftyp``
_ISO_BOXES = frozenset({b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"})
#: ``ftyp`` brands of still images in the same container (HEIF, AVIF)
_IMAGE_BRANDS = frozenset({b"mif1", b"msf1", b"heic", b"heix", b"hevc", b"hevx", b"heim",
                           b"heis", b"avif", b"avis"})
_EBML = b"\x1a\x45\xdf\xa3"  # Matroska and WebM


@dataclass(frozen=True)
class VideoFacts:
    """What PyAV read from a video: seconds, pixels, frames per second, codecs' short names."""

    duration: float
    width: int
    height: int
    frame_rate: float | None
    video_codec: str
    audio_codec: str = ""  # empty: no sound


@dataclass(frozen=True)
class MediaFacts:
    """What a file is: its MIME type, its size in pixels, and for a video its facts."""

    mime_type: str
    width: int | None
    height: int | None
    video: VideoFacts | None = None


@dataclass(frozen=True)
class StoredMedia:
    path: Path
    original_name: str
    checksum: str
    mime_type: str
    size: int
    width: int | None
    height: int | None
    video: VideoFacts | None = None


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def video_container(head: bytes) -> str | None:
    """``"iso"`` (MP4, QuickTime), ``"webm"`` (WebM, Matroska) or None, from the first
    bytes of a file: what it is, whatever its name says."""
    if len(head) >= 12 and head[4:8] in _ISO_BOXES:
        size = int.from_bytes(head[:4], "big")
        if head[4:8] == b"ftyp" and head[8:12] in _IMAGE_BRANDS:
            return None
        if size in (0, 1) or size >= 8:
            return "iso"
    if head.startswith(_EBML):
        return "webm"
    return None


def _check_video(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise ValidationError(_("The file {name} cannot be read: {error}", name=path.name,
                                error=exc.strerror or str(exc))) from exc
    container = video_container(head)
    if path.suffix.lower() == ".webm":
        if container != "webm":
            raise ValidationError(_("{name} is not a WebM video: its content does not match "
                                    "its name.", name=path.name))
        return
    if container == "webm":
        raise ValidationError(_("{name} is a WebM video; use MP4 or MOV.", name=path.name))
    if container is None:
        raise ValidationError(_("{name} is not an MP4 or QuickTime video: its content does not "
                                "match its name.", name=path.name))


def probe_video(path: Path) -> VideoFacts:
    """Read a video's facts with PyAV, decoding its first frame to prove it plays.

    Raises ValidationError, with the file's name, for a file PyAV cannot read, one without
    a video stream or without a duration. Only the headers and the first packets are read.
    """
    import av

    unreadable = _("{name} cannot be read as a video: the file is damaged or incomplete.",
                   name=path.name)
    try:
        with av.open(str(path), mode="r") as container:
            if not container.streams.video:
                if container.streams.audio:
                    raise ValidationError(_("{name} holds sound only, no picture: it is not a "
                                            "video.", name=path.name))
                raise ValidationError(unreadable)
            stream = container.streams.video[0]
            audio = container.streams.audio[0] if container.streams.audio else None
            duration = _seconds(container.duration, stream)
            if duration is None or duration <= 0:
                raise ValidationError(unreadable)
            rate = stream.average_rate or stream.guessed_rate
            width, height = stream.codec_context.width, stream.codec_context.height
            first = next(iter(container.decode(stream)), None)
            if first is None or not width or not height:
                raise ValidationError(unreadable)
            return VideoFacts(
                duration=round(duration, 3), width=int(width), height=int(height),
                frame_rate=round(float(rate), 3) if rate else None,
                video_codec=stream.codec_context.name or "",
                audio_codec=(audio.codec_context.name or "") if audio is not None else "")
    except av.FFmpegError as exc:
        raise ValidationError(unreadable) from exc
    except OSError as exc:
        raise ValidationError(_("The file {name} cannot be read: {error}", name=path.name,
                                error=exc.strerror or str(exc))) from exc


def _seconds(container_duration: int | None, stream: Any) -> float | None:
    """The duration in seconds: the container's (in FFmpeg's microseconds), else the stream's."""
    if container_duration:
        return container_duration / 1_000_000
    if stream.duration and stream.time_base:
        return float(stream.duration * stream.time_base)
    return None


def make_thumbnail(video: Path, dest: Path, *, duration: float | None = None) -> Path:
    """Save one frame of ``video`` as a small JPEG at ``dest`` (written whole or not at all).

    The frame is the one at 1 s, or at 10 % of the duration for videos shorter than
    10 s, so that a fade from black does not give a black thumbnail. Raises
    ValidationError if the video cannot be decoded.
    """
    import av

    at = THUMBNAIL_AT_SECONDS if duration is None or duration >= 10 else duration / 10
    try:
        with av.open(str(video), mode="r") as container:
            stream = container.streams.video[0]
            if at > 0 and stream.time_base:
                container.seek(int(at / stream.time_base), stream=stream, backward=True)
            frame = None
            for frame in container.decode(stream):
                if frame.time is None or frame.time >= at:
                    break
            if frame is None:
                raise ValidationError(_("{name} cannot be read as a video: the file is damaged "
                                        "or incomplete.", name=video.name))
            image = frame.to_image()  # type: ignore[no-untyped-call]
    except (av.FFmpegError, IndexError) as exc:
        raise ValidationError(_("{name} cannot be read as a video: the file is damaged or "
                                "incomplete.", name=video.name)) from exc
    image.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".thumb-", suffix=".jpg")
    os.close(fd)
    try:
        image.convert("RGB").save(tmp, "JPEG", quality=80)
        os.replace(tmp, dest)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return dest


def inspect(path: Path) -> MediaFacts:
    """What the file is; raises ValidationError for anything but an image or a readable video.

    A video's first bytes must be those of its container and PyAV must read it; an
    image's size is read from its header and refused past :data:`MAX_IMAGE_PIXELS` before
    anything is decoded.
    """
    if path.suffix.lower() in VIDEO_TYPES:
        _check_video(path)
        facts = probe_video(path)
        return MediaFacts(VIDEO_TYPES[path.suffix.lower()], facts.width, facts.height, facts)
    return MediaFacts(*_identify_image(path))


def identify(path: Path) -> tuple[str, int | None, int | None]:
    """MIME type and size in pixels (see :func:`inspect`)."""
    facts = inspect(path)
    return facts.mime_type, facts.width, facts.height


def _identify_image(path: Path) -> tuple[str, int, int]:
    from PIL import Image, UnidentifiedImageError

    not_an_image = _("{name} is not an image that can be published (JPEG, PNG, GIF or WebP).",
                     name=path.name)
    try:
        with path.open("rb") as fh:
            header = image_header(fh)
    except OSError as exc:
        raise ValidationError(not_an_image) from exc
    if header is None:
        raise ValidationError(not_an_image)
    _fmt, width, height = header
    if width * height > MAX_IMAGE_PIXELS:
        raise ValidationError(_(
            "{name} is {width}×{height} pixels ({megapixels} megapixels); images over {limit} "
            "megapixels are not accepted: make it smaller first.", name=path.name,
            width=width, height=height, megapixels=f"{width * height / 1e6:.0f}",
            limit=f"{MAX_IMAGE_PIXELS / 1e6:.0f}"))
    try:
        with Image.open(path, formats=FORMATS) as img:
            fmt = img.format or ""
            width, height = img.size
            img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(not_an_image) from exc
    except Image.DecompressionBombError as exc:
        raise ValidationError(_("{name} is far too large an image.", name=path.name)) from exc
    mime = IMAGE_FORMATS.get(fmt)
    if mime is None:
        raise ValidationError(
            _("{name} is a {format} image; use JPEG, PNG, GIF or WebP.", name=path.name,
              format=fmt or "?")
        )
    return mime, width, height


class MediaStore:
    """Content-addressed copies of media files under ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def import_file(self, source: str | os.PathLike[str]) -> StoredMedia:
        path = Path(source).expanduser()
        if not path.is_file():
            raise ValidationError(_("The file {path} does not exist.", path=str(path)))
        size = path.stat().st_size
        if size == 0:
            raise ValidationError(_("The file {name} is empty.", name=path.name))
        if size > MAX_FILE_BYTES:
            raise ValidationError(
                _("{name} weighs {size} MB; files over {limit} MB are not accepted.",
                  name=path.name, size=size // 1_000_000, limit=MAX_FILE_BYTES // 1_000_000)
            )
        facts = inspect(path)
        checksum = sha256_file(path)
        suffix = path.suffix.lower() or ".bin"
        dest = self.root / checksum[:2] / f"{checksum}{suffix}"
        if not dest.exists():
            try:
                dest.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".import-")
                os.close(fd)
                try:
                    shutil.copyfile(path, tmp)
                    os.replace(tmp, dest)
                finally:
                    Path(tmp).unlink(missing_ok=True)
            except OSError as exc:
                raise StorageError(
                    _("Could not copy {name} into the data folder: {error}", name=path.name,
                      error=exc.strerror or str(exc))
                ) from exc
        if facts.video is not None:
            self._thumbnail(dest, facts.video.duration)
        return StoredMedia(dest, path.name, checksum, facts.mime_type, size, facts.width,
                           facts.height, facts.video)

    def _thumbnail(self, video: Path, duration: float | None) -> None:
        """The stored video's thumbnail, made now, so that the calendar shows it whoever
        attached the video (the editor, ``post add``, an import). A frame that cannot be
        decoded costs the thumbnail only: the video itself was read already."""
        dest = self.thumbnail_for(video)
        if dest.exists():
            return
        try:
            make_thumbnail(video, dest, duration=duration)
        except (ValidationError, OSError) as exc:
            log.warning("no thumbnail for %s: %s", video.name, exc)

    def thumbnail_for(self, video: str | os.PathLike[str]) -> Path:
        """Where the thumbnail of ``video`` lives: beside a stored copy, or for a file
        not stored yet (a video just attached in the editor) in ``thumbnails/``, named
        after its path, size and modification time."""
        path = Path(video)
        try:
            path.relative_to(self.root)
        except ValueError:
            stat = path.stat()
            key = hashlib.sha256(f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
                                 .encode()).hexdigest()
            return self.root / "thumbnails" / f"{key}{THUMBNAIL_SUFFIX}"
        return path.with_name(path.name + THUMBNAIL_SUFFIX)

    def thumbnail(self, video: str | os.PathLike[str], *,
                  duration: float | None = None) -> Path:
        """The thumbnail of ``video``, made once (slow: call it off the UI thread)."""
        dest = self.thumbnail_for(video)
        if not dest.exists():
            make_thumbnail(Path(video), dest, duration=duration)
        return dest

    def import_cover(self, source: str | os.PathLike[str]) -> StoredMedia:
        """Store an image chosen as a video's cover; anything but an image is refused."""
        if Path(source).suffix.lower() in VIDEO_TYPES:
            raise ValidationError(_("The cover of a video must be an image (JPEG or PNG)."))
        return self.import_file(source)
