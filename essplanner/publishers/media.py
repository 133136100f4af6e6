"""Images prepared for a platform: kept as they are when they fit, re-encoded when not.

A platform states its limits (bytes, pixels, accepted types); :func:`prepare_image`
returns bytes that respect them. Re-encoding applies the EXIF orientation (so the
picture is the right way up once the metadata is gone), flattens transparency on
white, and tries JPEG qualities before shrinking the picture, so that what is lost
is the least visible thing first.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from essplanner.publishers.errors import PermanentError
from essplanner.publishers.i18n import tr

JPEG = "image/jpeg"
#: the largest image read, in pixels: under Pillow's decompression bomb threshold (about
#: 89.5 million), so an accepted image never makes Pillow warn, and a bomb is refused
#: from its header before anything is decoded
MAX_IMAGE_PIXELS = 89_000_000
#: the formats read (the others are not published anywhere)
FORMATS = ("JPEG", "PNG", "GIF", "WEBP")
_QUALITIES = (90, 85, 80, 72, 65)
_SCALE_STEP = 0.8
_MIN_SIDE = 64


@dataclass(frozen=True)
class PreparedImage:
    """Bytes ready to upload, with their type and the size in pixels as displayed."""

    data: bytes
    mime_type: str
    width: int
    height: int
    reencoded: bool


def image_header(fp: BinaryIO) -> tuple[str, int, int] | None:
    """Format, width and height of a JPEG, PNG, GIF or WebP from its header alone, or None.

    Nothing is decoded, and Pillow's decompression bomb check is not reached: the size
    of a bomb is known before it can go off (or make Pillow print a warning).
    """
    from PIL import GifImagePlugin, JpegImagePlugin, PngImagePlugin, WebPImagePlugin
    from PIL.ImageFile import ImageFile

    head = fp.read(16)
    fp.seek(0)
    kind: type[ImageFile]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = PngImagePlugin.PngImageFile
    elif head.startswith(b"\xff\xd8\xff"):
        kind = JpegImagePlugin.JpegImageFile
    elif head[:6] in (b"GIF87a", b"GIF89a"):
        kind = GifImagePlugin.GifImageFile
    elif head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        kind = WebPImagePlugin.WebPImageFile
    else:
        return None
    try:
        image = kind(fp)
    except (SyntaxError, OSError, ValueError, EOFError, IndexError, TypeError, struct.error):
        return None
    finally:
        fp.seek(0)
    width, height = image.size
    return str(image.format), width, height


def _open(data: bytes, name: str) -> object:
    from PIL import Image, UnidentifiedImageError

    header = image_header(io.BytesIO(data))
    if header is not None and header[1] * header[2] > MAX_IMAGE_PIXELS:
        raise PermanentError(tr("{name} is far too large an image.", name=name))
    try:
        img = Image.open(io.BytesIO(data), formats=FORMATS)
        img.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise PermanentError(tr("{name} cannot be read as an image.", name=name)) from exc
    except Image.DecompressionBombError as exc:
        raise PermanentError(tr("{name} is far too large an image.", name=name)) from exc
    return img


def displayed_size(data: bytes, name: str = "image") -> tuple[int, int]:
    """Width and height once the EXIF orientation is applied (a portrait photo is tall)."""
    from PIL import Image

    img = _open(data, name)
    assert isinstance(img, Image.Image)
    width, height = img.size
    try:
        orientation = img.getexif().get(0x0112, 1)
    except Exception:  # odd EXIF blocks must not stop a post
        orientation = 1
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def prepare_image(
    path: Path,
    *,
    mime_type: str,
    max_bytes: int | None,
    accepted_types: frozenset[str] | None = None,
    max_pixels: int | None = None,
    max_side_sum: int | None = None,
) -> PreparedImage:
    """The file at ``path`` as bytes that fit: unchanged when possible, else re-encoded.

    ``max_pixels`` bounds width × height, ``max_side_sum`` bounds width + height
    (Telegram). Raises :class:`PermanentError` when the file is not an image or
    cannot be made small enough.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PermanentError(tr("The image {name} cannot be read: {error}",
                                name=path.name, error=exc.strerror or str(exc))) from exc
    width, height = displayed_size(data, path.name)
    fits = (
        (max_bytes is None or len(data) <= max_bytes)
        and (accepted_types is None or mime_type in accepted_types)
        and (max_pixels is None or width * height <= max_pixels)
        and (max_side_sum is None or width + height <= max_side_sum)
    )
    if fits:
        return PreparedImage(data, mime_type, width, height, reencoded=False)
    return reencode(data, name=path.name, max_bytes=max_bytes, max_pixels=max_pixels,
                    max_side_sum=max_side_sum)


def reencode(
    data: bytes,
    *,
    name: str = "image",
    max_bytes: int | None,
    max_pixels: int | None = None,
    max_side_sum: int | None = None,
) -> PreparedImage:
    """``data`` as a JPEG under ``max_bytes`` (and the pixel bounds), losing as little as it can."""
    from PIL import Image, ImageOps

    img = _open(data, name)
    assert isinstance(img, Image.Image)
    img = ImageOps.exif_transpose(img) or img
    if img.mode in ("RGBA", "LA", "P", "PA") or "transparency" in img.info:
        rgba = img.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        img = flat
    elif img.mode != "RGB":
        img = img.convert("RGB")
    scale = 1.0
    width, height = img.size
    if max_pixels is not None and width * height > max_pixels:
        scale = min(scale, (max_pixels / (width * height)) ** 0.5)
    if max_side_sum is not None and width + height > max_side_sum:
        scale = min(scale, max_side_sum / (width + height))
    while True:
        size = (max(1, int(width * scale)), max(1, int(height * scale)))
        frame = img if size == img.size else img.resize(size, Image.Resampling.LANCZOS)
        for quality in _QUALITIES:
            out = io.BytesIO()
            frame.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
            encoded = out.getvalue()
            if max_bytes is None or len(encoded) <= max_bytes:
                return PreparedImage(encoded, JPEG, size[0], size[1], reencoded=True)
        if min(size) <= _MIN_SIDE:
            raise PermanentError(tr(
                "The image {name} cannot be made small enough for the platform.", name=name))
        scale *= _SCALE_STEP
