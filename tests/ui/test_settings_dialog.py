"""Edit › Preferences: every setting is shown, edited and saved; mistakes are refused."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from essplanner.settings import Settings
from essplanner.timeutil import local_zone_name
from essplanner.ui.bridge import Bridge
from essplanner.ui.mainwindow import MainWindow
from essplanner.ui.menu_actions import install_preferences as install
from essplanner.ui.settings_dialog import SettingsDialog
from essplanner.workspace import Workspace

from .conftest import Dialogs

#: a zone other than the computer's (make test runs the suite with TZ=America/Montreal too):
#: the dialog stores the computer's own zone as "the system's" (None)
OTHER_ZONE = "Asia/Tokyo"

pytestmark = pytest.mark.gui


@pytest.fixture
def opened(workspace: Workspace) -> list[Path]:
    return []


@pytest.fixture
def dialog(qtbot: QtBot, workspace: Workspace, opened: list[Path]) -> SettingsDialog:
    dlg = SettingsDialog(workspace, open_folder=opened.append)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_the_settings_round_trip(dialog: SettingsDialog, workspace: Workspace,
                                 qtbot: QtBot) -> None:
    # what the dialog shows is what the settings hold (the workspace fixture: Europe/Paris)
    assert dialog.language.language() is None
    assert dialog.timezone.zone() == "Europe/Paris"
    assert dialog.grace.value() == 60 and dialog.background.isChecked()
    assert dialog.backups.isChecked() and dialog.backups_kept.value() == 7
    assert dialog.language_note.isHidden() and dialog.timezone_note.isHidden()

    dialog.language.set_language("en")
    assert not dialog.language_note.isHidden()  # "Applies at the next start."
    dialog.timezone.setCurrentText(OTHER_ZONE)
    assert not dialog.timezone_note.isHidden()
    dialog.grace.setValue(90)
    dialog.background.setChecked(False)
    dialog.start_at_login.setChecked(False)
    dialog.notifications.setChecked(False)
    assert not dialog.alt_text_blocking.isChecked()
    dialog.alt_text_blocking.setChecked(True)
    dialog.backups_kept.setValue(14)
    dialog.backups.setChecked(False)
    assert not dialog.backups_kept.isEnabled()
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert saved.args == [frozenset({
        "language", "timezone", "default_grace_minutes", "background_publishing",
        "start_at_login", "notifications", "backups", "backups_kept", "alt_text_blocking"})]
    expected = Settings(language="en", timezone=OTHER_ZONE, default_grace_minutes=90,
                        background_publishing=False, start_at_login=False, notifications=False,
                        backups=False, backups_kept=14, alt_text_blocking=True)
    assert Settings.load(workspace.paths.settings_file) == expected
    assert workspace.settings == expected  # the running app sees them too

    again = SettingsDialog(workspace)
    qtbot.addWidget(again)
    assert again.values() == {k: v for k, v in asdict(expected).items() if k in again.values()}


def test_the_system_zone_is_saved_as_following_the_computer(
        dialog: SettingsDialog, workspace: Workspace) -> None:
    dialog.timezone.setCurrentText(local_zone_name())
    dialog.accept()
    assert Settings.load(workspace.paths.settings_file).timezone is None


def test_an_unknown_zone_is_refused_and_nothing_saved(dialog: SettingsDialog,
                                                      workspace: Workspace,
                                                      dialogs: Dialogs) -> None:
    dialog.timezone.setCurrentText("Europe/Atlantis")
    dialog.grace.setValue(5)
    dialog.accept()
    assert dialog.isVisible()
    assert dialogs.texts() == ["Unknown time zone 'Europe/Atlantis'."]
    assert not workspace.paths.settings_file.exists()
    assert workspace.settings.default_grace_minutes == 60


def test_where_the_data_lives_is_shown_read_only_with_open_folder(
        dialog: SettingsDialog, workspace: Workspace, opened: list[Path]) -> None:
    edits = dialog.location_edits
    assert edits["data"].text() == str(workspace.paths.data_dir)
    assert edits["settings"].text() == str(workspace.paths.settings_file)
    assert all(edit.isReadOnly() for edit in edits.values())
    # the file, not the database URL ("sqlite:///…")
    assert edits["database"].text() == str(workspace.db.sqlite_path)
    dialog.findChild(type(dialog.buttons.button(dialog.buttons.StandardButton.Save)),
                     "open_backups").click()
    assert opened == [workspace.paths.backup_dir] and workspace.paths.backup_dir.is_dir()


def test_edit_preferences_with_ctrl_comma(qtbot: QtBot, workspace: Workspace) -> None:
    window = MainWindow(workspace, Bridge())
    qtbot.addWidget(window)
    action = install(window, workspace)
    assert action in window.menu_edit.actions()
    assert action.shortcut().toString() == "Ctrl+,"
