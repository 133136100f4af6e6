"""Edit › Preferences and the first-run assistant act on what they change: background
publishing and its login entry (ui/publishing.PublishingHost.apply_settings), backups
(ui/backups.BackupActions.apply_settings)."""

from __future__ import annotations

import os
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from essplanner.scheduler import PublishingService
from essplanner.services.background import BackgroundPublishing
from essplanner.services.backups import backup_now, list_backups
from essplanner.settings import Settings
from essplanner.timeutil import FakeClock
from essplanner.ui import backups as backup_ui
from essplanner.ui.bridge import Bridge
from essplanner.ui.mainwindow import MainWindow
from essplanner.ui.publishing import PublishingHost, install_menu
from essplanner.ui.settings_dialog import SettingsDialog
from essplanner.workspace import Workspace

pytestmark = pytest.mark.gui


def save_in_dialog(qtbot: QtBot, ws: Workspace, host: object, **values: bool | int) -> None:
    dialog = SettingsDialog(ws)
    qtbot.addWidget(dialog)
    dialog.saved.connect(host.apply_settings)  # type: ignore[attr-defined]
    for name, value in values.items():
        widget = getattr(dialog, name)
        if isinstance(value, bool):
            widget.setChecked(value)
        else:
            widget.setValue(value)
    dialog.accept()


def test_the_preferences_switch_background_publishing_and_its_login_entry(
        qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    workspace.settings.background_publishing = False
    workspace.settings.save(workspace.paths.settings_file)
    # a stand-in for `essplanner service` that stays up until the test ends it
    background = BackgroundPublishing(
        workspace.paths, env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")},
        systemd=False, command=[sys.executable, "-c", "import time; time.sleep(60)"])
    window = MainWindow(workspace, Bridge())
    qtbot.addWidget(window)
    host = PublishingHost(window, workspace, Bridge(),
                          make_service=lambda: PublishingService(workspace),
                          background=background, poll_ms=60_000)
    install_menu(window, host)
    entry = background.autostart_file
    try:
        assert not host.action_background.isChecked()

        save_in_dialog(qtbot, workspace, host, background=True)
        qtbot.waitUntil(lambda: entry.is_file() and not host._busy, timeout=10_000)
        assert host.action_background.isChecked()  # File › Publish in the background
        assert background.process is not None and background.exited() is None
        assert Settings.load(workspace.paths.settings_file).background_publishing

        save_in_dialog(qtbot, workspace, host, start_at_login=False)
        qtbot.waitUntil(lambda: not entry.exists() and not host._busy, timeout=10_000)
        assert host.action_background.isChecked() and host.service is None

        save_in_dialog(qtbot, workspace, host, background=False)
        qtbot.waitUntil(lambda: not host.action_background.isChecked() and not host._busy,
                        timeout=10_000)
        assert not Settings.load(workspace.paths.settings_file).background_publishing
        assert not entry.exists()
    finally:
        host.shutdown()
        if background.process is not None:
            background.process.kill()
            background.process.wait()


def test_the_assistant_tells_when_it_finished(qtbot: QtBot, workspace: Workspace) -> None:
    from essplanner.ui.assistant import open_assistant

    window = MainWindow(workspace, Bridge())
    qtbot.addWidget(window)
    heard: list[object] = []
    wizard = open_assistant(window, workspace, on_finished=heard.append)
    wizard.accept()  # Finish with the steps as they are
    assert heard == [frozenset({"background_publishing"})]


def test_the_preferences_make_the_due_backup_and_keep_as_many_as_asked(
        qtbot: QtBot, workspace: Workspace, clock: FakeClock) -> None:
    window = MainWindow(workspace, Bridge())
    qtbot.addWidget(window)
    actions = backup_ui.install(window, workspace, window.bridge, check_now=False)
    folder = workspace.paths.backup_dir
    for _day in range(3):
        backup_now(workspace)
        clock.advance(timedelta(days=1))
    assert len(list_backups(folder)) == 3

    save_in_dialog(qtbot, workspace, actions, backups_kept=2)
    # the names only: a manifest read while the worker deletes its file would be a race
    qtbot.waitUntil(lambda: len(list(folder.glob("essplanner-backup-*.zip"))) == 2,
                    timeout=10_000)

    save_in_dialog(qtbot, workspace, actions, backups=False)
    clock.advance(timedelta(days=1))
    save_in_dialog(qtbot, workspace, actions, backups=True)  # the last one is a day old
    qtbot.waitUntil(lambda: "Backup made" in window.statusBar().currentMessage(),
                    timeout=10_000)
    newest = list_backups(folder)[0]
    assert newest.manifest.created_at == clock.now()
    assert len(list_backups(folder)) == 2
