"""How many faces a photo seems to show: a hint for asking who appears in it.

OpenCV's frontal-face Haar cascade (bundled with ``opencv-python-headless``) runs on a
grey copy of the photo, turned the way EXIF says it is shown and shrunk to
:data:`MAX_SIDE` pixels: faces are found as well, in a fraction of the time. The count
is a hint, never a verdict: who appears is what the user answers.

OpenCV is imported inside :func:`count_faces` only, so that it never weighs on the
start of the app or of the command line.
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path
from typing import Any

from essplanner.errors import ValidationError
from essplanner.i18n import _
from essplanner.services.media import identify

#: the longest side, in pixels, of the copy the detector reads
MAX_SIDE = 1024
#: the smallest face looked for, as a share of the copy's shorter side (1/20: a face in a
#: group photo of a dozen people is still found; smaller blobs are mostly false alarms)
MIN_FACE_SHARE = 20
#: how many overlapping detections make a face; OpenCV's usual 5 keeps textures
#: (a starry sky, a coffee cup) from counting as faces
MIN_NEIGHBORS = 5

CASCADE = "haarcascade_frontalface_default.xml"
# A classifier must not run in two threads at once; detection is short, a lock is enough.
_lock = threading.Lock()


@cache
def _classifier() -> Any:
    import cv2

    folder: str = cv2.data.haarcascades  # type: ignore[attr-defined]  # not in the stubs
    classifier = cv2.CascadeClassifier(folder + CASCADE)
    if classifier.empty():  # a broken OpenCV install: our environment's fault, not the user's
        raise RuntimeError(f"OpenCV's {CASCADE} could not be loaded")
    return classifier


def count_faces(path: Path) -> int:
    """The number of faces found in the image at ``path``.

    Raises :class:`ValidationError` (one line naming the file) when it is not an image
    that can be read: not an image at all, too large, truncated or corrupt.
    """
    from PIL import Image, ImageOps

    identify(path)  # not an image, or too large: said before anything is decoded
    unreadable = _("{name} could not be read as an image: the file may be damaged.",
                   name=path.name)
    try:
        with Image.open(path) as image:
            # JPEG decodes straight to a smaller grey picture, much faster than the whole
            image.draft("L", (MAX_SIDE, MAX_SIDE))
            upright = ImageOps.exif_transpose(image)
            grey = upright.convert("L")
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(unreadable) from exc
    grey.thumbnail((MAX_SIDE, MAX_SIDE))
    return _detect(grey)


def _detect(grey: Any) -> int:
    import cv2
    import numpy

    pixels = cv2.equalizeHist(numpy.asarray(grey, dtype=numpy.uint8))
    side = max(24, min(pixels.shape) // MIN_FACE_SHARE)
    with _lock:
        found = _classifier().detectMultiScale(
            pixels, scaleFactor=1.1, minNeighbors=MIN_NEIGHBORS, minSize=(side, side))
    return len(found)
