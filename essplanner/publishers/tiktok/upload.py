"""A video to TikTok: the chunked ``FILE_UPLOAD`` and its status, resumable.

The chunk rules of TikTok's media transfer guide (PLATFORMS.md §11):

- ``total_chunk_count`` is ``video_size`` divided by ``chunk_size``, rounded down;
- each chunk is 5 to 64 MB, but the last, which carries the trailing bytes, may be larger
  than ``chunk_size`` (up to 128 MB);
- a video under 5 MB goes whole (``chunk_size`` = its size); one over 64 MB in several;
- 1 to 1000 chunks, sent in order: ``PUT upload_url`` with ``Content-Type``,
  ``Content-Length`` and ``Content-Range: bytes first-last/total``.

Each chunk is streamed from the file (never read whole into memory). The session
(``publish_id``, ``upload_url``, the plan and the next chunk) is kept in
``context.uploads`` as soon as TikTok gives it and after every chunk it acknowledged,
so a cut upload resumes: first from TikTok's own count (``uploaded_bytes`` of
``status/fetch``), else from the chunk index we kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from essplanner.publishers.errors import PermanentError
from essplanner.publishers.i18n import tr

MB = 1024 * 1024
MIN_CHUNK = 5 * MB
MAX_CHUNK = 64 * MB
MAX_LAST_CHUNK = 128 * MB
MAX_CHUNKS = 1000
#: the chunk size we choose: small enough to lose little when cut, within the rules
DEFAULT_CHUNK = 10 * MB
_BLOCK = 256 * 1024


def plan(size: int, chunk_size: int = DEFAULT_CHUNK) -> tuple[int, int]:
    """``(chunk_size, total_chunk_count)`` for a video of ``size`` bytes, per the rules."""
    if size <= 0:
        raise PermanentError(tr("The video is empty."))
    chunk_size = min(max(chunk_size, MIN_CHUNK), MAX_CHUNK)
    if size < MIN_CHUNK or size <= chunk_size:
        if size > MAX_CHUNK:  # cannot happen with chunk_size <= MAX_CHUNK; kept explicit
            raise AssertionError(size)
        return size, 1
    count = size // chunk_size
    if count > MAX_CHUNKS:
        chunk_size = -(-size // MAX_CHUNKS)
        if chunk_size > MAX_CHUNK:
            raise PermanentError(tr("The video is too large for TikTok ({size} MB).",
                                    size=size // MB))
        count = size // chunk_size
    return chunk_size, count


def chunk_range(index: int, size: int, chunk_size: int, count: int) -> tuple[int, int]:
    """First and last byte (inclusive) of chunk ``index``: the last takes the rest."""
    start = index * chunk_size
    end = size - 1 if index == count - 1 else start + chunk_size - 1
    return start, end


class FileSlice:
    """Bytes ``start``..``end`` of a file, read block by block as ``requests`` sends them."""

    def __init__(self, path: Path, start: int, end: int) -> None:
        self.path = path
        self.start = start
        self.length = end - start + 1
        self._file: IO[bytes] | None = None
        self._left = self.length

    def __len__(self) -> int:
        return self.length

    def _open(self) -> IO[bytes]:
        if self._file is None:
            self._file = self.path.open("rb")
            self._file.seek(self.start)
        return self._file

    def read(self, amount: int = -1) -> bytes:
        if self._left <= 0:
            self.close()
            return b""
        if amount is None or amount < 0 or amount > self._left:
            amount = self._left
        data = self._open().read(amount)
        self._left -= len(data)
        if not data:
            self._left = 0
        return data

    def __iter__(self) -> Iterator[bytes]:
        while True:
            block = self.read(_BLOCK)
            if not block:
                return
            yield block

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def same_upload(session: dict[str, Any] | None, size: int, checksum: str, mode: str) -> bool:
    """Whether a kept session is the upload of this very file, in this mode."""
    return (isinstance(session, dict) and bool(session.get("publish_id"))
            and session.get("size") == size and session.get("checksum", "") == checksum
            and session.get("mode") == mode)
