#!/usr/bin/env python3
"""The template picker in French, for the README.

    .venv/bin/python tools/template_screenshot.py [OUT_DIR]

writes ``template-picker-fr.png`` (1280×800) into OUT_DIR (default ``docs/screenshots``):
a workspace with the guide's personas and objectives and one template saved by the
association, the picker open on the beneficiary testimony (its image-rights reminder, its
skeleton text, the personas and objectives it suggests). Runs offscreen without a display.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1280, 800)


def picker_picture(out: Path) -> Path:
    """Render the picker into ``out`` (a PNG file)."""
    from PySide6.QtWidgets import QApplication

    from essplanner.credentials import MemoryStore
    from essplanner.domain import PostDraft
    from essplanner.i18n import set_language
    from essplanner.services import starter
    from essplanner.settings import Paths, Settings
    from essplanner.ui.templates.picker import TemplatePicker
    from essplanner.ui.translations import install_translators
    from essplanner.workspace import Workspace

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    set_language("fr")
    translators = install_translators(app, "fr")
    try:
        with tempfile.TemporaryDirectory(prefix="essplanner-shots-") as tmp:
            ws = Workspace.open(paths=Paths.resolve(str(Path(tmp) / "ws")),
                                settings=Settings(timezone="Europe/Paris", language="fr",
                                                  first_run_done=True),
                                secrets=MemoryStore())
            try:
                starter.apply(ws, starter.StartPlan(
                    personas=starter.persona_templates("fr"),
                    objectives=starter.objective_templates("fr")))
                post = ws.posts.create(PostDraft(
                    title="L’astuce du lundi",
                    body="💡 L’astuce du lundi : [le geste].\n\nCe que ça change : [l’économie].",
                    hashtags=("astuce", "énergie")))
                ws.templates.save_from_post(post.id, "L’astuce du lundi")
                picker = TemplatePicker(ws)
                picker.resize(*SIZE)
                picker.select("beneficiary-testimony")
                picker.show()
                for _round in range(3):
                    app.processEvents()
                out.parent.mkdir(parents=True, exist_ok=True)
                if not picker.grab().save(str(out), "PNG"):
                    raise OSError(f"cannot write {out}")
                picker.close()
            finally:
                ws.close()
    finally:
        for translator in translators:
            app.removeTranslator(translator)  # type: ignore[arg-type]
    return out


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    print(picker_picture(out / "template-picker-fr.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
