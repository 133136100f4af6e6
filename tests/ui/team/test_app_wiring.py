"""The app puts the review list in View and tells approvers through the tray's notification
path (its balloon; the status bar without a tray, as here)."""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from essplanner.settings import Settings
from essplanner.ui.mainwindow import MainWindow
from essplanner.ui.team.review import ReviewRow

pytestmark = pytest.mark.gui


def test_the_app_installs_the_review_list_and_its_notification(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from essplanner.app import run_gui

    seen: list[str] = []

    def exec_(app: QApplication) -> int:
        [window] = [w for w in app.topLevelWidgets()
                    if isinstance(w, MainWindow) and w.isVisible()]
        toggle = window.review_dock.toggleViewAction()
        assert toggle in window.menu_view.actions() and toggle.text() == "&Review list"
        assert window.review_dock.isHidden()  # shown when asked for
        window.review_watch.submitted.emit([ReviewRow(
            post_id=1, title="Collecte", submitted_by="Léa", submitted_at=None,
            scheduled_at=None)])
        seen.append(window.statusBar().currentMessage())
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    # the window publishes itself: no service process started
    Settings(background_publishing=False, first_run_done=True).save(
        tmp_path / "data" / "settings.json")
    args = argparse.Namespace(data_dir=str(tmp_path / "data"), db=None, lang="en")
    locale = QLocale()
    try:
        assert run_gui(args) == 0
    finally:
        QLocale.setDefault(locale)  # the app chose its own; the next tests keep theirs
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.close()
                widget.deleteLater()
    assert seen == ["Post to review: Léa submitted “Collecte” for review."]
