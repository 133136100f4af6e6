"""Tiny test videos made with PyAV (H.264 in MP4): a plain one of a few kilobytes, or one of
incompressible noise whose size is chosen by its number of frames (~740 kB a frame)."""

from __future__ import annotations

import random
from pathlib import Path

import av


def make_video(path: Path, *, frames: int = 25, width: int = 320, height: int = 240,
               fps: int = 25, noise: bool = False) -> Path:
    rng = random.Random(7)
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        if noise:
            stream.options = {"qp": "0", "preset": "ultrafast"}
        for i in range(frames):
            frame = av.VideoFrame(width, height, "yuv420p")
            for plane in frame.planes:
                size = plane.buffer_size
                plane.update(rng.randbytes(size) if noise else bytes([(i * 5) % 256]) * size)
            frame.pts = i
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path
