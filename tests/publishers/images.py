"""Test images made with Pillow."""

from __future__ import annotations

import io
import os
from pathlib import Path

from PIL import Image


def noise_png(path: Path, width: int, height: int) -> Path:
    """A PNG of random pixels: incompressible, so it weighs about 3 bytes per pixel."""
    Image.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(path, "PNG")
    return path


def rotated_jpeg(path: Path, width: int = 400, height: int = 300) -> Path:
    """A landscape JPEG whose EXIF says "rotate 90°": displayed as a portrait."""
    img = Image.new("RGB", (width, height), (200, 40, 40))
    exif = Image.Exif()
    exif[0x0112] = 6
    img.save(path, "JPEG", exif=exif.tobytes())
    return path


def small_png(path: Path, colour: tuple[int, int, int] = (30, 120, 200)) -> Path:
    Image.new("RGB", (64, 48), colour).save(path, "PNG")
    return path


def png_bytes(width: int = 1200, height: int = 630) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (10, 150, 90)).save(out, "PNG")
    return out.getvalue()
