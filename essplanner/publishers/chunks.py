"""Chunks of a file sent as request bodies without reading the file into memory.

A video can weigh gigabytes: a resumable upload sends it a range at a time, and each
range is read from the file in small blocks as the socket takes them (``requests``
streams a body that has ``read`` and a length). :class:`FileRange` is the raw bytes of a
range (a ``PUT`` of a YouTube or TikTok chunk); :class:`MultipartRange` wraps the range
as one file field of a ``multipart/form-data`` body with text fields around it (a
Graph API ``transfer`` of a Facebook video).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

BLOCK = 256 * 1024  # read from the file at a time


class FileRange:
    """Bytes ``start`` to ``end`` (excluded) of ``path``, read as they are sent."""

    def __init__(self, path: Path, start: int, end: int) -> None:
        if not 0 <= start <= end:
            raise ValueError(f"bad range {start}-{end}")
        self.path, self.start, self.end = path, start, end
        self._fh: BinaryIO | None = None
        self._left = end - start

    def __len__(self) -> int:
        return self.end - self.start

    def read(self, size: int = -1) -> bytes:
        if self._left <= 0:
            self.close()
            return b""
        if self._fh is None:
            self._fh = self.path.open("rb")
            self._fh.seek(self.start)
        want = self._left if size is None or size < 0 else min(size, self._left)
        data = self._fh.read(want)
        if not data:
            raise OSError(f"{self.path.name} is shorter than expected ({self.end} bytes)")
        self._left -= len(data)
        return data

    def __iter__(self) -> Iterator[bytes]:
        while block := self.read(BLOCK):
            yield block

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


class MultipartRange:
    """A ``multipart/form-data`` body: ``fields`` as text, then the range as ``file_field``."""

    def __init__(self, fields: Mapping[str, str], file_field: str, filename: str,
                 mime_type: str, part: FileRange) -> None:
        self.boundary = secrets.token_hex(16)
        head = b"".join(
            f'--{self.boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            f"{value}\r\n".encode() for name, value in fields.items())
        safe_name = filename.replace('"', "_").replace("\r", "_").replace("\n", "_")
        head += (f'--{self.boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
                 f'filename="{safe_name}"\r\nContent-Type: {mime_type}\r\n\r\n').encode()
        self._pieces: list[bytes | FileRange] = [
            head, part, f"\r\n--{self.boundary}--\r\n".encode()]
        self._length = sum(len(p) for p in self._pieces)
        self._current = b""

    @property
    def content_type(self) -> str:
        return f"multipart/form-data; boundary={self.boundary}"

    def __len__(self) -> int:
        return self._length

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes, from one piece at a time (a short read at the end of the
        head or of the file; b"" at the end): the file's bytes go out as they were read,
        never copied into a buffer first."""
        size = BLOCK if size is None or size < 0 else size
        while self._current or self._pieces:
            if not self._current:
                piece = self._pieces[0]
                if isinstance(piece, FileRange):
                    block = piece.read(size)
                    if block:
                        return block
                    self._pieces.pop(0)
                    continue
                self._current = piece
                self._pieces.pop(0)
            out, self._current = self._current[:size], self._current[size:]
            return out
        return b""

    def __iter__(self) -> Iterator[bytes]:
        while block := self.read(BLOCK):
            yield block

    def close(self) -> None:
        for piece in self._pieces:
            if isinstance(piece, FileRange):
                piece.close()
