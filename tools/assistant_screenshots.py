#!/usr/bin/env python3
"""Pictures of the first-run assistant for the README, one per step, in French.

    .venv/bin/python tools/assistant_screenshots.py [OUT_DIR]

writes ``assistant-1-welcome.png`` ... ``assistant-6-publishing.png`` (and
``preferences-fr.png``, Edit › Preferences) into OUT_DIR (default
``docs/screenshots``): the empty main window at 1280x800 with the assistant over it, filled
in as a volunteer would. Runs offscreen unless a display is there (under Xvfb, the
system's fonts are used). Needs the compiled translations
(``tools/update_translations.py --release``).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1280, 800)
STEPS = ("welcome", "association", "personas", "objectives", "account", "publishing")


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QApplication, QWidget

    from essplanner.i18n import set_language
    from essplanner.settings import Paths, Settings
    from essplanner.ui.assistant.wizard import FirstRunWizard, Step
    from essplanner.ui.bridge import Bridge
    from essplanner.ui.mainwindow import MainWindow
    from essplanner.ui.settings_dialog import SettingsDialog
    from essplanner.ui.translations import install_translators
    from essplanner.workspace import Workspace

    app = QApplication.instance() or QApplication(["essplanner"])
    assert isinstance(app, QApplication)
    set_language("fr")
    translators = install_translators(app, "fr")
    if not translators:
        print("no French translations: run tools/update_translations.py --release",
              file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(paths=Paths.resolve(tmp), settings=Settings(),
                            registry=_registry())
        try:
            window = MainWindow(ws, Bridge())
            window.resize(*SIZE)
            window.show()
            wizard = FirstRunWizard(ws, window)
            wizard.show()
            logo = _logo(Path(tmp) / "logo-energie-solidaire.png")

            def over_window(dialog: QWidget, path: Path) -> None:
                app.processEvents()
                picture = window.grab()
                painter = QPainter(picture)
                painter.fillRect(picture.rect(), QColor(0, 0, 0, 90))  # a modal's shade
                corner = QPoint((SIZE[0] - dialog.width()) // 2,
                                (SIZE[1] - dialog.height()) // 2)
                painter.drawPixmap(corner, dialog.grab())
                painter.end()
                picture.save(str(path), "PNG")
                print(path)

            for step in Step:
                _fill(wizard, step, logo)
                over_window(wizard, out / f"assistant-{step.value + 1}-{STEPS[step.value]}.png")
                if step != Step.PUBLISHING:
                    wizard.next()
            wizard.reject()
            preferences = SettingsDialog(ws, window)
            preferences.show()
            over_window(preferences, out / "preferences-fr.png")
            preferences.reject()
            window.close()
        finally:
            ws.close()
    return 0


def _registry() -> object:
    """The platforms this checkout declares (an older install's entry points may differ)."""
    import tomllib
    from importlib.metadata import EntryPoint

    from essplanner.publishers.registry import GROUP, Registry

    with (ROOT / "pyproject.toml").open("rb") as fh:
        declared = tomllib.load(fh)["project"]["entry-points"][GROUP]
    points = [EntryPoint(name, value, GROUP) for name, value in declared.items()]
    return Registry(entry_point_source=lambda: points)


def _logo(path: Path) -> Path:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    image = QImage(128, 128, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#2e7d5b"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QRectF(4, 4, 120, 120))
    painter.setPen(QColor("white"))
    font = QFont()
    font.setPixelSize(52)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, 128, 128), Qt.AlignmentFlag.AlignCenter, "ES")
    painter.end()
    image.save(str(path), "PNG")
    return path


def _fill(wizard: object, step: int, logo: Path) -> None:
    """Fill the step as a volunteer would (the README describes these choices)."""
    from essplanner.ui.assistant.wizard import FirstRunWizard, Step

    assert isinstance(wizard, FirstRunWizard)
    if step == Step.ASSOCIATION:
        wizard.association.name.setText("Énergie Solidaire")
        wizard.association.logo.setText(str(logo))
        wizard.association.language.set_language("fr")
        wizard.association.timezone.setCurrentText("Europe/Paris")
        wizard.association.you.name.setText("Marie Dupont")
        wizard.association.you.email.setText("marie@energie-solidaire.org")
    elif step == Step.PERSONAS:
        wizard.personas.model.set_checked_rows([0, 2])
        wizard.personas.select(0)
    elif step == Step.OBJECTIVES:
        wizard.objectives.model.set_checked_rows([1, 2])
        wizard.objectives.select(2)
    elif step == Step.ACCOUNT:
        wizard.account.set_mimic("mastodon")


if __name__ == "__main__":
    sys.exit(main())
