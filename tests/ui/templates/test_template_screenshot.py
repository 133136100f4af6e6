"""tools/template_screenshot.py writes the README's picture of the picker, in French."""

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

pytestmark = pytest.mark.gui

TOOL = Path(__file__).resolve().parents[3] / "tools" / "template_screenshot.py"


def test_the_picker_picture_is_french_and_1280_by_800(qapp, tmp_path: Path) -> None:
    from essplanner.i18n import set_language

    spec = importlib.util.spec_from_file_location("template_screenshot", TOOL)
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    try:
        out = tool.picker_picture(tmp_path / "picker.png")
    finally:
        set_language("en")
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
