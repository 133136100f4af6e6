"""Every visible string of the desktop app is translated (French and English .ts files)."""

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from essplanner.ui.bridge import Bridge
from essplanner.ui.labels import month_title
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import update_translations as ts  # noqa: E402

pytestmark = pytest.mark.gui


def test_no_visible_string_lacks_a_translation() -> None:
    # lupdate runs on copies of the .ts files: a string added to the code without a French
    # (or English) translation shows up here, even if nobody refreshed the .ts files
    missing = ts.check()
    assert missing == {"fr": [], "en": []}, "\n".join(
        f"{lang}: [{m.context}] {m.source!r}" for lang, items in missing.items() for m in items)


def test_the_check_finds_a_new_untranslated_string(tmp_path: Path) -> None:
    extra = tmp_path / "new_widget.py"
    extra.write_text(
        "from PySide6.QtWidgets import QWidget\n\n"
        "class NewWidget(QWidget):\n"
        "    def label(self) -> str:\n"
        "        return self.tr('A brand new button')\n", encoding="utf-8")
    missing = ts.check(extra=[extra])
    assert [m.source for m in missing["fr"]] == ["A brand new button"]


@pytest.fixture
def french(tmp_path: Path, qapp: QApplication):  # type: ignore[no-untyped-def]
    qm = tmp_path / "essplanner_fr.qm"
    subprocess.run([ts.tool("lrelease"), "-silent", str(ts.ts_path("fr")), "-qm", str(qm)],
                   check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    previous = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)
    QLocale.setDefault(previous)


def test_the_window_speaks_french(qtbot: QtBot, workspace: Workspace, french) -> None:
    window = MainWindow(workspace, Bridge())
    qtbot.addWidget(window)
    assert window.menu_file.title() == "&Fichier"
    assert window.menu_edit.title() == "É&dition"
    assert window.action_undo.text().startswith("&Annuler")
    assert window.filters_dock.windowTitle() == "Filtres"
    assert window.title.text() == "Novembre 2026"
    assert window.month_model.headerData(0, Qt.Orientation.Horizontal) == "lun."
    assert QCoreApplication.translate("Labels", "Donate") == "Faire un don"
    assert month_title(date(2027, 2, 1)) == "Février 2027"
    from essplanner.ui.editor.editor import PostEditor

    editor = PostEditor(workspace, window.zone)
    qtbot.addWidget(editor)
    assert editor.form.save_button.text() == "&Enregistrer"
    assert editor.form.cta_combo.itemText(1) == "Faire un don"
    editor.dirty = False
