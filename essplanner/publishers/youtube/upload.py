"""The video's bytes to YouTube: Google's resumable upload, in chunks, resumed after any
interruption from what the server says it has, never from zero and never twice.

1. Start: ``POST /upload/youtube/v3/videos?uploadType=resumable&part=snippet,status``
   with the video resource as JSON and ``X-Upload-Content-Length`` /
   ``X-Upload-Content-Type``; the session URI comes back in ``Location`` and is stored
   at once in ``context.uploads`` (the service keeps it in the database per target).
2. Send: ``PUT <session URI>`` with ``Content-Range: bytes a-b/N``, chunks that are
   multiples of 256 KiB (the last one excepted), read one at a time from the file (a
   video is never read whole into memory). ``308 Resume Incomplete`` with ``Range:
   bytes=0-k`` tells what YouTube holds; the next chunk starts at ``k + 1``, whatever
   was sent. ``200``/``201`` carries the video resource.
3. After a cut connection, a 5xx, or on the next run with a stored session: first a
   probe, ``PUT`` with no body and ``Content-Range: bytes */N``, before sending any
   byte. ``308`` → resume from its ``Range``; ``200``/``201`` → the video exists (the
   answer to the last chunk was lost); ``404``/``410`` → the session is gone
   (:class:`SessionGone`: the publisher starts over only when the video surely does
   not exist).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import requests

from essplanner.publishers.base import MediaFile, PublisherContext
from essplanner.publishers.errors import AmbiguousError, PublishError, RetryableError
from essplanner.publishers.http import origin
from essplanner.publishers.i18n import tr
from essplanner.publishers.youtube.api import YouTubeApi, body_of, raise_for_youtube

#: Google's chunk unit: every chunk but the last is a multiple of it
UNIT = 256 * 1024
DEFAULT_CHUNK = 32 * UNIT  # 8 MiB
#: interruptions in a row without YouTube holding one more byte before giving up for now
MAX_STALLS = 3
UPLOAD_PATH = "/upload/youtube/v3/videos"


class SessionGone(Exception):
    """YouTube no longer knows the upload session (404/410): it expired or was cancelled."""


def file_identity(video: MediaFile, size: int) -> str:
    """What tells that a stored session is for this very file."""
    return video.checksum or f"{video.path}:{size}"


def start(api: YouTubeApi, context: PublisherContext, video: MediaFile, size: int,
          resource: Mapping[str, Any], params: Mapping[str, str]) -> str:
    """A new upload session, stored before anything else is done; its URI."""
    response = api.send(
        "POST", UPLOAD_PATH, changes_state=False,
        params={"uploadType": "resumable", "part": "snippet,status", **params},
        json=resource,
        headers={"X-Upload-Content-Length": str(size),
                 "X-Upload-Content-Type": video.mime_type or "application/octet-stream"})
    uri = response.headers.get("Location") or ""
    if not uri:
        raise RetryableError(tr("YouTube did not give an address to upload the video to."))
    if origin(uri) != origin(api.base):
        # the access token goes with every chunk: only ever to the API's own server
        raise RetryableError(tr("YouTube gave an upload address on another server ({host}): "
                                "nothing was sent there.", host=origin(uri)))
    context.uploads.put({"uri": uri, "size": size, "file": file_identity(video, size),
                         "offset": 0, "started_at": context.clock().isoformat()})
    return uri


def _held(response: requests.Response) -> int:
    """The offset of the next byte YouTube wants, from a 308's ``Range: bytes=0-k``."""
    value = (response.headers.get("Range") or "").strip()
    if not value:
        return 0
    try:
        last = int(value.rsplit("-", 1)[1])
    except (IndexError, ValueError):
        raise RetryableError(tr("YouTube gave an unreadable upload position ({value}).",
                                value=value)) from None
    return last + 1


def probe(api: YouTubeApi, uri: str, size: int) -> int | dict[str, Any]:
    """What YouTube holds of the session: the next offset, or the video resource when
    it has every byte. Sends no byte of the video."""
    response = api.send("PUT", uri, check=False, changes_state=False, allow_redirects=False,
                        data=b"", headers={"Content-Range": f"bytes */{size}"})
    return _answer(api, response)


def _answer(api: YouTubeApi, response: requests.Response, *,
            changes_state: bool = False) -> int | dict[str, Any]:
    status = response.status_code
    if status == 308:
        return _held(response)
    if status in (200, 201):
        body = body_of(response)
        if isinstance(body, dict) and body.get("id"):
            return body
        raise AmbiguousError(tr("YouTube received the whole video but its answer gave no "
                                "video id."), http_status=status)
    if status in (404, 410):
        raise SessionGone()
    raise_for_youtube(api.context.http, response, now=api.context.clock(),
                      changes_state=changes_state)
    raise RetryableError(tr("YouTube gave an unexpected answer ({status}) to the upload.",
                            status=status), http_status=status)


def send(api: YouTubeApi, context: PublisherContext, uri: str, video: MediaFile, size: int,
         offset: int, chunk: int) -> dict[str, Any]:
    """Send the bytes from ``offset`` on; the video resource once YouTube has them all."""
    session = context.uploads.get() or {}
    stalls = 0
    mime = video.mime_type or "application/octet-stream"
    with video.path.open("rb") as file:
        while True:
            context.uploads.progress(offset, size)
            file.seek(offset)
            data = file.read(min(chunk, size - offset))
            end = offset + len(data) - 1
            last = end + 1 >= size
            try:
                response = api.send(
                    "PUT", uri, check=False, changes_state=last, allow_redirects=False,
                    data=data, headers={"Content-Range": f"bytes {offset}-{end}/{size}",
                                        "Content-Type": mime})
            except (AmbiguousError, RetryableError) as cut:
                state = _after_cut(api, uri, size, offset, last, cut)
            else:
                if response.status_code >= 500:
                    state = _after_cut(api, uri, size, offset, last, RetryableError(tr(
                        "YouTube had a problem ({status}) with a part of the video.",
                        status=response.status_code), http_status=response.status_code))
                else:
                    state = _answer(api, response, changes_state=last)
            del data
            if isinstance(state, dict):
                context.uploads.progress(size, size)
                return state
            if state > offset:
                stalls = 0
            else:
                stalls += 1
                if stalls >= MAX_STALLS:
                    raise RetryableError(tr(
                        "The upload to YouTube makes no progress ({percent} percent sent); it "
                        "resumes from there on the next try.",
                        percent=_percent(state, size)))
            offset = state
            session = {**session, "offset": offset}
            context.uploads.put(session)


def _after_cut(api: YouTubeApi, uri: str, size: int, offset: int, last: bool,
               cut: PublishError) -> int | dict[str, Any]:
    """A chunk whose answer did not come: ask YouTube what it holds."""
    api.context.logger.info("YouTube upload cut at byte %d (%s); probing the session",
                            offset, cut.message)
    try:
        return probe(api, uri, size)
    except SessionGone:
        raise
    except PublishError as exc:
        if last:
            # every byte may have arrived: the video may exist
            raise AmbiguousError(tr(
                "The last part of the video was sent but YouTube's answer was lost ({reason}); "
                "the next try asks YouTube before sending anything.", reason=cut.message),
                http_status=cut.http_status) from exc
        raise RetryableError(tr(
            "The upload to YouTube was cut at {percent}% ({reason}); it resumes from where "
            "YouTube stopped on the next try.", percent=_percent(offset, size),
            reason=cut.message), http_status=exc.http_status,
            retry_after=getattr(exc, "retry_after", None)) from exc


def _percent(offset: int, size: int) -> int:
    return int(100 * offset / size) if size else 0
