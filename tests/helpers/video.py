"""Test videos made with PyAV: tiny, real, and with the facts a test chooses.

``make_video(path)`` writes an H.264 + AAC MP4 of one second at 160×90 and 10 frames per
second; every fact can be chosen (duration, size, frame rate, codecs, container).
``make_corrupt_video(path)`` writes a file that starts like an MP4 but holds no video.
``make_big_video(path, size)`` pads a real video up to ``size`` bytes (a ``free`` box at
the end, which players skip) without encoding megabytes of frames.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av

#: the container PyAV writes for each file suffix
_FORMATS = {".mp4": "mp4", ".m4v": "mp4", ".mov": "mov", ".webm": "webm", ".mkv": "matroska"}


def make_video(path: Path, *, seconds: float = 1.0, width: int = 160, height: int = 90,
               fps: int = 10, codec: str = "libx264", audio: str | None = "aac",
               sample_rate: int = 44_100) -> Path:
    """Write a small real video; its frames change colour so that encoders have work."""
    path.parent.mkdir(parents=True, exist_ok=True)
    container = av.open(str(path), mode="w", format=_FORMATS.get(path.suffix.lower(), "mp4"))
    try:
        stream = container.add_stream(codec, rate=fps)
        stream.width = width
        stream.height = height
        stream.pix_fmt = "yuv420p"
        audio_stream = None
        if audio is not None:
            audio_stream = container.add_stream(audio, rate=sample_rate)
            audio_stream.layout = "mono"
        frames = max(1, round(seconds * fps))
        for i in range(frames):
            shade = (i * 255 // frames) % 256
            frame = av.VideoFrame(width, height, "yuv420p")
            for plane, value in zip(frame.planes, (shade, 128, 255 - shade), strict=True):
                plane.update(bytes([value]) * plane.buffer_size)
            frame.pts = i
            frame.time_base = Fraction(1, fps)
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
        if audio_stream is not None:
            samples_per_frame = 1024
            total = round(seconds * sample_rate)
            fmt = "fltp" if audio in ("aac", "libopus", "opus", "libvorbis") else "s16p"
            for pts in range(0, total, samples_per_frame):
                count = min(samples_per_frame, total - pts)
                audio_frame = av.AudioFrame(format=fmt, layout="mono", samples=count)
                for plane in audio_frame.planes:
                    plane.update(bytes(plane.buffer_size))
                audio_frame.sample_rate = sample_rate
                audio_frame.pts = pts
                audio_frame.time_base = Fraction(1, sample_rate)
                for packet in audio_stream.encode(audio_frame):
                    container.mux(packet)
            for packet in audio_stream.encode():
                container.mux(packet)
    finally:
        container.close()
    return path


def make_corrupt_video(path: Path) -> Path:
    """A file whose first bytes say MP4 (an ``ftyp`` box) and whose rest is noise."""
    path.parent.mkdir(parents=True, exist_ok=True)
    ftyp = (24).to_bytes(4, "big") + b"ftypisom" + b"\x00\x00\x02\x00" + b"isomiso2"
    path.write_bytes(ftyp + bytes(range(256)) * 8)
    return path


def make_big_video(path: Path, size: int, **options: object) -> Path:
    """A real video padded to ``size`` bytes with a trailing ``free`` box."""
    make_video(path, **options)  # type: ignore[arg-type]
    missing = size - path.stat().st_size
    if missing >= 8:
        with path.open("ab") as fh:
            fh.write(missing.to_bytes(4, "big") + b"free")
            fh.seek(0, 2)
            fh.truncate(size)
    return path
