"""Images attached to posts: checked, then copied into the data folder by checksum.

The copy means a post never loses its image when the original file is moved or
deleted, and two posts with the same picture share one file.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from essplanner.errors import StorageError, ValidationError
from essplanner.i18n import _
from essplanner.publishers.media import FORMATS, MAX_IMAGE_PIXELS, image_header

MAX_FILE_BYTES = 200 * 1024 * 1024  # beyond any platform's image or short-video limit
IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
VIDEO_TYPES = {".mp4": "video/mp4", ".mov": "video/quicktime", ".m4v": "video/mp4"}
#: the first box of an ISO base media file (MP4, QuickTime); old QuickTime files may
#: start with something else than ``ftyp``
_ISO_BOXES = frozenset({b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"})
#: ``ftyp`` brands of still images in the same container (HEIF, AVIF)
_IMAGE_BRANDS = frozenset({b"mif1", b"msf1", b"heic", b"heix", b"hevc", b"hevx", b"heim",
                           b"heis", b"avif", b"avis"})
_EBML = b"\x1a\x45\xdf\xa3"  # Matroska and WebM


@dataclass(frozen=True)
class StoredMedia:
    path: Path
    original_name: str
    checksum: str
    mime_type: str
    size: int
    width: int | None
    height: int | None


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
    if container == "webm":
        raise ValidationError(_("{name} is a WebM video; use MP4 or MOV.", name=path.name))
    if container is None:
        raise ValidationError(_("{name} is not an MP4 or QuickTime video: its content does not "
                                "match its name.", name=path.name))


def identify(path: Path) -> tuple[str, int | None, int | None]:
    """MIME type and size in pixels; raises ValidationError for anything but an image or video.

    A video's first bytes must be those of its container; an image's size is read from
    its header and refused past :data:`MAX_IMAGE_PIXELS` before anything is decoded.
    """
    suffix = path.suffix.lower()
    if suffix in VIDEO_TYPES:
        _check_video(path)
        return VIDEO_TYPES[suffix], None, None
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
        mime, width, height = identify(path)
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
        return StoredMedia(dest, path.name, checksum, mime, size, width, height)
