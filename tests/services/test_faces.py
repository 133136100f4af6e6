"""The face detector on real photos: scikit-image's sample pictures, written to temporary
files (never committed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy
import pytest
from PIL import Image
from skimage import data

from essplanner.errors import ValidationError
from essplanner.services.faces import MAX_SIDE, count_faces


def photo(tmp_path: Path, pixels: numpy.ndarray, name: str, **save: object) -> Path:
    path = tmp_path / name
    Image.fromarray(pixels).save(path, **save)
    return path


def group_photo() -> numpy.ndarray:
    """Three people side by side: faces of Labeled Faces in the Wild, enlarged, on a
    light background."""
    faces = data.lfw_subset()[:3]  # the first 100 are faces, the others are not
    tiles = []
    for face in faces:
        tile = Image.fromarray((face * 255).astype(numpy.uint8)).resize((150, 150),
                                                                        Image.Resampling.BICUBIC)
        framed = Image.new("L", (230, 230), 200)
        framed.paste(tile, (40, 40))
        tiles.append(numpy.asarray(framed))
    return numpy.hstack(tiles)


def test_the_astronaut_shows_one_face(tmp_path: Path) -> None:
    assert count_faces(photo(tmp_path, data.astronaut(), "astronaut.jpg", quality=90)) == 1


def test_a_group_photo_shows_three_faces(tmp_path: Path) -> None:
    assert count_faces(photo(tmp_path, group_photo(), "group.png")) == 3


@pytest.mark.parametrize("name", ["coffee", "rocket", "chelsea", "hubble_deep_field"])
def test_no_face_on_objects_animals_and_landscapes(tmp_path: Path, name: str) -> None:
    pixels = getattr(data, name)()
    assert count_faces(photo(tmp_path, pixels, f"{name}.jpg", quality=90)) == 0


def test_a_large_photo_is_shrunk_first_and_its_face_still_found(tmp_path: Path) -> None:
    big = Image.fromarray(data.astronaut()).resize((4000, 4000), Image.Resampling.BICUBIC)
    path = tmp_path / "big.jpg"
    big.save(path, quality=85)
    with Image.open(path) as stored:
        assert max(stored.size) > 3 * MAX_SIDE
    assert count_faces(path) == 1


def test_the_exif_orientation_is_applied(tmp_path: Path) -> None:
    # stored lying on its side, shown upright by the EXIF orientation 6 ("rotate 90° CW")
    lying = Image.fromarray(data.astronaut()).transpose(Image.Transpose.ROTATE_90)
    tagged, untagged = tmp_path / "tagged.jpg", tmp_path / "untagged.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6
    lying.save(tagged, quality=90, exif=exif)
    lying.save(untagged, quality=90)
    assert count_faces(untagged) == 0  # the frontal detector needs the face upright
    assert count_faces(tagged) == 1


def test_a_damaged_image_is_a_clear_error(tmp_path: Path) -> None:
    whole = photo(tmp_path, data.astronaut(), "whole.jpg", quality=90).read_bytes()
    damaged = tmp_path / "damaged.jpg"
    damaged.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(ValidationError) as caught:
        count_faces(damaged)
    assert "damaged.jpg" in str(caught.value) and "\n" not in str(caught.value)


def test_a_file_that_is_no_image_is_a_clear_error(tmp_path: Path) -> None:
    text = tmp_path / "notes.jpg"
    text.write_text("not a picture")
    with pytest.raises(ValidationError, match="notes.jpg"):
        count_faces(text)


def test_opencv_is_not_loaded_until_faces_are_counted() -> None:
    code = ("import sys\n"
            "import essplanner.services.faces, essplanner.ui.mainwindow\n"
            "import essplanner.ui.editor.editor\n"
            "assert 'cv2' not in sys.modules, 'OpenCV was imported'\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
