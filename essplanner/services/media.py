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

MAX_FILE_BYTES = 200 * 1024 * 1024  # beyond any platform's image or short-video limit
IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
VIDEO_TYPES = {".mp4": "video/mp4", ".mov": "video/quicktime", ".m4v": "video/mp4"}


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


def identify(path: Path) -> tuple[str, int | None, int | None]:
    """MIME type and size in pixels; raises ValidationError for anything but an image or video."""
    suffix = path.suffix.lower()
    if suffix in VIDEO_TYPES:
        return VIDEO_TYPES[suffix], None, None
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as img:
            fmt = img.format or ""
            width, height = img.size
            img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            _("{name} is not an image that can be published (JPEG, PNG, GIF or WebP).",
              name=path.name)
        ) from exc
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
