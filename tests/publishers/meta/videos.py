"""Real H.264 MP4 files made with PyAV for the video tests (never committed).

``make_video`` writes a short clip; with ``min_bytes`` it encodes noise losslessly until
the file is at least that big (the 50 MB upload tests), which is fast at a small size.
"""

from __future__ import annotations

import hashlib
from fractions import Fraction
from pathlib import Path

from essplanner.publishers.base import MediaFile


def make_video(path: Path, *, seconds: float = 1.0, size: tuple[int, int] = (64, 48),
               fps: int = 25, min_bytes: int = 0, seed: int = 1) -> MediaFile:
    import random

    import av

    rng = random.Random(seed)
    width, height = size
    with av.open(str(path), "w", format="mp4") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.time_base = Fraction(1, fps)
        stream.options = ({"preset": "ultrafast", "qp": "0"} if min_bytes
                          else {"preset": "ultrafast"})
        frames, written = 0, 0
        while frames < seconds * fps or written < min_bytes:
            frame = av.VideoFrame(width, height, "rgb24")
            plane = frame.planes[0]
            row = width * 3
            if min_bytes:
                pixels = rng.randbytes(plane.line_size * height)
            else:
                pixels = bytes([rng.randrange(256)]) * (plane.line_size * height)
            assert plane.line_size >= row
            plane.update(pixels)
            frame.pts = frames
            for packet in stream.encode(frame):
                written += packet.size
                out.mux(packet)
            frames += 1
        for packet in stream.encode():
            out.mux(packet)
    data_size = path.stat().st_size
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return MediaFile(path=path, mime_type="video/mp4", size=data_size, width=width,
                     height=height, checksum=digest.hexdigest(), duration=frames / fps,
                     frame_rate=float(fps), video_codec="h264")
