"""The window's status bar and the preferences say where the data lives in words, never
with the database URL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from essplanner.ui.bridge import Bridge
from essplanner.ui.mainwindow import MainWindow
from essplanner.ui.settings_dialog import SettingsDialog
from essplanner.workspace import Workspace

pytestmark = pytest.mark.gui


def _status_texts(window: MainWindow) -> list[str]:
    """Every text the status bar shows: its message and its labels."""
    bar = window.statusBar()
    return [bar.currentMessage()] + [label.text() for label in bar.findChildren(QLabel)]


def test_the_status_bar_names_the_file_and_keeps_it_through_passing_messages(
        window: MainWindow, workspace: Workspace) -> None:
    assert workspace.db.sqlite_path is not None
    label = window.statusBar().findChild(QLabel, "dataPlace")
    assert label is not None and label.isVisible()
    assert label.text() == "Data: essplanner.sqlite3 on this computer"
    assert label.toolTip() == str(workspace.db.sqlite_path)
    assert not [t for t in _status_texts(window) if "sqlite:" in t or "://" in t]
    window.statusBar().showMessage("Backup made.", 8000)
    window.statusBar().clearMessage()  # as when the message's time is up
    assert label.text() == "Data: essplanner.sqlite3 on this computer" and label.isVisible()


def test_the_status_bar_speaks_french(qtbot: QtBot, workspace: Workspace,
                                      speak: Callable[[str], None]) -> None:
    speak("fr")
    window = MainWindow(workspace, Bridge())
    qtbot.addWidget(window)
    label = window.statusBar().findChild(QLabel, "dataPlace")
    assert label is not None
    assert label.text() == "Données\u00a0: essplanner.sqlite3 sur cet ordinateur"
    assert not [t for t in _status_texts(window) if "sqlite:" in t or "Base de données" in t]


def test_the_preferences_name_a_shared_database_without_url_or_password(
        qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    # only the words shown change: the workspace stays on its SQLite file
    monkeypatch.setattr(workspace.db, "url",
                        "postgresql+psycopg://marie:s3cret@db.example.org/essplanner")
    dialog = SettingsDialog(workspace)
    qtbot.addWidget(dialog)
    text = dialog.location_edits["database"].text()
    assert text == "shared database “essplanner” on db.example.org (signed in as marie)"
    assert "s3cret" not in text and "postgresql" not in text


def test_a_file_or_host_name_in_the_status_bar_is_text_not_markup(
        window: MainWindow, tmp_path: Path) -> None:
    """A folder or server name is the computer's text: shown as it is, never as HTML."""
    from PySide6.QtCore import Qt

    from essplanner.dataplace import DataPlace

    folder = tmp_path / "<b>Asso</b>"
    window._show_place(DataPlace("<b>Asso</b>.sqlite3 on this computer", folder / "x.sqlite3"))
    label = window.statusBar().findChild(QLabel, "dataPlace")
    assert label is not None
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "Data: <b>Asso</b>.sqlite3 on this computer"
    assert "&lt;b&gt;Asso&lt;/b&gt;" in label.toolTip() and "<b>Asso" not in label.toolTip()
