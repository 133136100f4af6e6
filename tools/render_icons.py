#!/usr/bin/env python3
"""Render the application icon's PNG sizes from its SVG (Qt's QSvgRenderer).

    python tools/render_icons.py          # write resources/icons/hicolor/<n>x<n>/apps/essplanner.png
    python tools/render_icons.py --check  # exit 1 when a PNG is missing or differs from the SVG

The PNGs are committed (docs/decisions/0016-packaging.md): the app, the wheel and the
bundle then need no SVG support at run time, and the build needs no display. Run this
after editing ``resources/icons/hicolor/scalable/apps/essplanner.svg``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons" / "hicolor"
SVG = ICONS / "scalable" / "apps" / "essplanner.svg"
#: the sizes desktops look for (freedesktop icon theme, Windows .ico, macOS .icns)
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: largest difference allowed per colour channel by --check (anti-aliasing across Qt builds)
TOLERANCE = 8


def png_path(size: int, root: Path = ICONS) -> Path:
    return root / f"{size}x{size}" / "apps" / "essplanner.png"


def render(size: int, svg: Path = SVG) -> object:
    """The icon at ``size`` pixels, as a QImage (ARGB, transparent background)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        sys.exit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def differs(image: object, path: Path) -> bool:
    from PySide6.QtGui import QImage

    assert isinstance(image, QImage)
    saved = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
    if saved.isNull() or saved.size() != image.size():
        return True
    ours, theirs = bytes(image.constBits()), bytes(saved.constBits())  # type: ignore[call-overload]
    return ours != theirs and max(abs(a - b) for a, b in zip(ours, theirs, strict=True)) > TOLERANCE


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts, image IO
    stale = []
    for size in SIZES:
        image = render(size)
        assert isinstance(image, QImage)
        path = png_path(size)
        if args.check:
            if differs(image, path):
                stale.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(path), "PNG"):
            sys.exit(f"cannot write {path}")
        print(path.relative_to(ROOT))
    for path in stale:
        print(f"out of date: {path.relative_to(ROOT)} (run tools/render_icons.py)", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
