"""Streaming a file range as a multipart body (publishers/chunks.py)."""

from __future__ import annotations

from pathlib import Path

from essplanner.publishers.chunks import FileRange, MultipartRange


def test_a_multipart_range_reads_back_as_its_fields_then_the_exact_bytes(tmp_path: Path
                                                                          ) -> None:
    path = tmp_path / "clip.mp4"
    data = bytes(range(256)) * 4000  # 1,024,000 bytes
    path.write_bytes(data)
    body = MultipartRange({"upload_phase": "transfer", "start_offset": "1000"}, "video_file_chunk",
                          'a"b.mp4', "video/mp4", FileRange(path, 1000, 900_000))
    pieces = []
    while block := body.read(300_000):
        assert len(block) <= 300_000
        pieces.append(block)
    sent = b"".join(pieces)
    assert len(sent) == len(body)
    head, _, rest = sent.partition(b"\r\n\r\n" + data[1000:1010])
    assert b'name="upload_phase"\r\n\r\ntransfer' in head
    assert b'filename="a_b.mp4"' in head and b"Content-Type: video/mp4" in head
    assert (data[1000:1010] + rest).startswith(data[1000:900_000])
    assert sent.endswith(f"\r\n--{body.boundary}--\r\n".encode())
    assert body.read(10) == b""  # and stays at its end


def test_the_file_bytes_are_handed_over_as_read_not_copied(tmp_path: Path) -> None:
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"v" * 600_000)
    reads: list[bytes] = []

    class Watched(FileRange):
        def read(self, size: int = -1) -> bytes:
            block = super().read(size)
            reads.append(block)
            return block

    body = MultipartRange({}, "f", "clip.mp4", "video/mp4", Watched(path, 0, 600_000))
    handed = []
    while block := body.read(262_144):
        handed.append(block)
    file_blocks = [b for b in reads if b]
    # the very objects the file gave, not copies of them
    assert any(any(h is f for f in file_blocks) for h in handed)
    assert sum(len(b) for b in file_blocks) == 600_000
