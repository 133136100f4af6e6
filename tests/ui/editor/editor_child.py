"""Run by test_autosave.py in its own process: types a draft in the editor, then waits to be
killed. Prints ``AUTOSAVED <path>`` once the draft is on disk."""

from __future__ import annotations

import os
import sys
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from essplanner.credentials import MemoryStore
from essplanner.settings import Paths, Settings
from essplanner.ui.bridge import Bridge
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace


def main() -> int:
    app = QApplication(sys.argv[:1])
    ws = Workspace.open(paths=Paths.resolve(sys.argv[1]),
                        settings=Settings(timezone="Europe/Paris"), secrets=MemoryStore())
    window = MainWindow(ws, Bridge())
    window.show()
    window.new_post(day=date(2026, 12, 3))
    editor = window.editors[-1]
    editor.autosaved.connect(lambda path: print(f"AUTOSAVED {path}", flush=True))
    # QTest types ASCII only; accented letters are inserted as an input method would
    QTest.keyClicks(editor.form.title_edit, "Appel aux ")
    editor.form.title_edit.insert("bénévoles")
    QTest.keyClicks(editor.form.body_edit, "Rejoignez-nous samedi ")
    editor.form.body_edit.insertPlainText("à 10 h")
    editor.form.hashtags_edit.setText("#Bénévolat")
    return int(app.exec())  # until SIGKILL


if __name__ == "__main__":
    sys.exit(main())
