"""Public addresses for a post's media, for platforms that fetch media themselves.

For one target: each file is (converted if the platform needs JPEG, then)
uploaded to the account's WebDAV folder under a name derived from the target's
idempotency key, so a retry overwrites instead of piling up copies. Every name
is written to the target's state *before* its upload starts: whatever happens
next (crash, failure), a later attempt or the clean-up of leftovers knows what
to delete. Files are deleted once the platform has published the post, or after
a final failure.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from essplanner.publishers.base import MediaFile, PublisherContext
from essplanner.publishers.errors import PermanentError
from essplanner.publishers.i18n import tr
from essplanner.publishers.meta.webdav import WebDav
from essplanner.publishers.state import TargetState

CONVERTIBLE = frozenset({"image/png", "image/webp"})
LEFTOVER_AGE = timedelta(hours=48)  # containers expire after 24 h; their files are useless
RECORD_AGE = timedelta(days=30)


@dataclass(frozen=True)
class HostedMedia:
    """One uploaded file: where the platform reads it, and what it is."""

    name: str
    url: str
    is_video: bool
    alt_text: str
    converted: bool = False


def to_jpeg(source: Path, dest: Path, *, quality: int = 90) -> None:
    """Re-encode an image as a baseline JPEG (orientation applied, transparency on white)."""
    from PIL import Image, ImageOps

    with Image.open(source) as img:
        img.seek(0)
        upright = ImageOps.exif_transpose(img)
        if upright.mode in ("RGBA", "LA") or (upright.mode == "P" and "transparency"
                                               in upright.info):
            rgba = upright.convert("RGBA")
            flat = Image.new("RGB", rgba.size, (255, 255, 255))
            flat.paste(rgba, mask=rgba.getchannel("A"))
            upright = flat
        upright.convert("RGB").save(dest, "JPEG", quality=quality, optimize=True)


def extension(item: MediaFile, *, jpeg: bool) -> str:
    if jpeg:
        return ".jpg"
    return {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif",
            "image/webp": ".webp", "video/mp4": ".mp4",
            "video/quicktime": ".mov"}.get(item.mime_type, item.path.suffix.lower() or ".bin")


class PublicMedia:
    """Uploads and clean-up of one target's media on the account's WebDAV folder."""

    def __init__(
        self,
        context: PublisherContext,
        *,
        platform: str,
        state: TargetState,
        key: str,
        accepted: frozenset[str] = frozenset(),
    ) -> None:
        """``accepted``: image types the platform takes as they are; PNG and WebP outside
        it are converted to JPEG, anything else refused. Empty: send every file as is."""
        self.context = context
        self.platform = platform
        self.state = state
        self.key = key
        self.accepted = accepted
        self._webdav: WebDav | None = None

    @property
    def webdav(self) -> WebDav:
        if self._webdav is None:
            self._webdav = WebDav.for_account(self.context, platform=self.platform)
        return self._webdav

    def upload_all(self, media: Sequence[MediaFile]) -> list[HostedMedia]:
        hosted: list[HostedMedia] = []
        for index, item in enumerate(media):
            is_video = item.mime_type.startswith("video/")
            convert = bool(self.accepted) and not is_video and item.mime_type not in self.accepted
            if convert and item.mime_type not in CONVERTIBLE:
                raise PermanentError(tr(
                    "Image {n} ({name}) is {type}; {platform} does not take it.", n=index + 1, name=item.path.name, type=item.mime_type,
                    platform=self.platform))
            name = f"essplanner-{self.key}-{index + 1}{extension(item, jpeg=convert)}"
            self._remember(name)
            if convert:
                with tempfile.TemporaryDirectory(prefix="essplanner-jpeg-") as tmp:
                    jpeg = Path(tmp) / name
                    to_jpeg(item.path, jpeg)
                    url = self.webdav.upload(jpeg, name, mime_type="image/jpeg")
                self.context.logger.info("image %d converted to JPEG for %s", index + 1,
                                         self.platform)
            else:
                url = self.webdav.upload(item.path, name, mime_type=item.mime_type)
            hosted.append(HostedMedia(name=name, url=url, is_video=is_video,
                                      alt_text=item.alt_text, converted=convert))
        return hosted

    def _remember(self, name: str) -> None:
        record = self.state.get(self.key) or {}
        uploads = list(record.get("uploads") or [])
        if name not in uploads:
            uploads.append(name)
            self.state.update(self.key, uploads=uploads)

    def cleanup(self) -> bool:
        """Delete every file uploaded for this target; True when none is left."""
        record = self.state.get(self.key) or {}
        names = [str(n) for n in record.get("uploads") or []]
        if not names:
            return True
        left = [n for n in names if not self.webdav.delete(n)]
        if left:
            self.context.logger.warning("%d uploaded file(s) could not be deleted yet",
                                        len(left))
        if self.state.get(self.key) is not None:
            self.state.update(self.key, uploads=left or None)
        return not left


def clean_leftovers(context: PublisherContext, *, platform: str, state: TargetState) -> None:
    """Housekeeping of old target records; runs at the start of each publish, never raises.

    After ``LEFTOVER_AGE`` (48 h: a container expires after 24 h) uploaded files are useless
    and deleted, and the records of finished targets go. Records of unfinished ones stay
    ``RECORD_AGE`` (30 days) for a late ``lookup``.
    """
    now = context.clock()
    try:
        stale = list(state.older_than(LEFTOVER_AGE, now))
    except OSError:
        return
    for key, record in stale:
        try:
            if record.get("uploads") and not PublicMedia(
                    context, platform=platform, state=state, key=key).cleanup():
                continue
        except Exception as exc:
            context.logger.info("leftover clean-up postponed: %s", exc)
            return
        useful = record.get("container_id") or record.get("sent_at")  # proof for a lookup
        if record.get("done") or not useful or _written(record) < now - RECORD_AGE:
            state.delete(key)


def _written(record: dict[str, Any]) -> datetime:
    try:
        when = datetime.fromisoformat(str(record.get("updated_at")))
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return when if when.tzinfo else when.replace(tzinfo=UTC)
