"""Images to X: the chunked upload (INIT → APPEND → FINALIZE → STATUS) and the alt text.

As X's API v2 describes it (PLATFORMS.md §4): ``POST /2/media/upload/initialize``
``{media_type, total_bytes, media_category}``, ``POST /2/media/upload/{id}/append``
(multipart ``media`` + ``segment_index``, 1 MiB chunks), ``POST /2/media/upload/{id}/
finalize``; when the answer carries ``processing_info`` (``pending``/``in_progress``),
``GET /2/media/upload?command=STATUS&media_id=`` is polled after ``check_after_secs``
until ``succeeded`` (or ``failed``), for a bounded time. Then the alt text:
``POST /2/media/metadata {"id", "metadata": {"alt_text": {"text"}}}``.

Nothing is published at upload time: an upload whose answer is lost is sent again
without risk (an unused media id expires on X's side).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from essplanner.publishers.base import MediaFile
from essplanner.publishers.errors import PermanentError, RetryableError
from essplanner.publishers.i18n import tr
from essplanner.publishers.media import prepare_image
from essplanner.publishers.rules import PlatformRules
from essplanner.publishers.x.api import XApi

CHUNK = 1024 * 1024
MEDIA_WAIT = timedelta(minutes=5)
DEFAULT_CHECK_AFTER = 2.0


def category(mime_type: str) -> str:
    return "tweet_gif" if mime_type == "image/gif" else "tweet_image"


def upload(api: XApi, item: MediaFile, rules: PlatformRules,
           sleep: Callable[[float], None]) -> str:
    """The media id of ``item`` on X, processed and with its alt text."""
    prepared = prepare_image(item.path, mime_type=item.mime_type,
                             max_bytes=rules.max_image_bytes, accepted_types=rules.image_types)
    data, mime = prepared.data, prepared.mime_type
    init = api.json("POST", "/2/media/upload/initialize", changes_state=False, json={
        "media_type": mime, "total_bytes": len(data), "media_category": category(mime)})
    media_id = str((init.get("data") or {}).get("id") or "")
    if not media_id:
        raise RetryableError(tr("X did not give an id to the uploaded image {name}.",
                                name=item.path.name))
    for index, start in enumerate(range(0, len(data), CHUNK)):
        api.call("POST", f"/2/media/upload/{media_id}/append", changes_state=False,
                 data={"segment_index": str(index)},
                 files={"media": (item.path.name, data[start:start + CHUNK],
                                  "application/octet-stream")})
    final = api.json("POST", f"/2/media/upload/{media_id}/finalize", changes_state=False)
    _wait(api, media_id, (final.get("data") or {}).get("processing_info"), item.path.name,
          sleep)
    if item.alt_text.strip():
        api.call("POST", "/2/media/metadata", changes_state=False, json={
            "id": media_id, "metadata": {"alt_text": {"text": item.alt_text.strip()}}})
    return media_id


def _wait(api: XApi, media_id: str, info: Any, name: str,
          sleep: Callable[[float], None]) -> None:
    clock = api.context.clock
    deadline = clock() + MEDIA_WAIT
    while isinstance(info, dict):
        state = str(info.get("state") or "")
        if state == "succeeded":
            return
        if state == "failed":
            error = info.get("error")
            if not isinstance(error, dict):
                error = {}
            raise PermanentError(tr("X could not process the image {name}: {reason}",
                                    name=name, reason=str(error.get("message") or
                                                          error.get("name") or state)))
        if clock() >= deadline:
            raise RetryableError(tr("X is still processing the image {name}; the post will "
                                    "be tried again later.", name=name), retry_after=60.0)
        wait = info.get("check_after_secs")
        sleep(float(wait) if isinstance(wait, int | float) and wait > 0 else DEFAULT_CHECK_AFTER)
        status = api.json("GET", "/2/media/upload",
                          params={"command": "STATUS", "media_id": media_id})
        info = (status.get("data") or {}).get("processing_info")
    # no processing_info: the media is ready
