"""File › Backups: back up now, restore (the manifest first), export and import, in the window."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from essplanner import domain
from essplanner.services.backups import backup_now, export_workspace, list_backups
from essplanner.timeutil import FakeClock
from essplanner.ui import backups as backup_ui
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace

from .conftest import Dialogs, paris

pytestmark = pytest.mark.gui


class _Answer:
    """Stands in for the manifest dialog's exec(): records the dialog, gives an answer."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, accept: bool = True) -> None:
        self.accept = accept
        self.seen: list[backup_ui.ManifestDialog] = []
        answer = self

        def exec_(dialog: backup_ui.ManifestDialog) -> int:
            answer.seen.append(dialog)
            return (QDialog.DialogCode.Accepted if answer.accept
                    else QDialog.DialogCode.Rejected).value

        monkeypatch.setattr(backup_ui.ManifestDialog, "exec", exec_)


def _titles_on(window: MainWindow, day: date) -> list[str]:
    window.show_date(day)
    return [c.title for c in window.month_model.chips_on(day)]


def _post(ws: Workspace, title: str, when: object = None) -> domain.Post:
    return ws.posts.create(domain.PostDraft(title=title, body=title), scheduled_at=when)


def test_the_backups_submenu_sits_above_quit(window: MainWindow, workspace: Workspace) -> None:
    actions = backup_ui.install(window, workspace, window.bridge, check_now=False)
    entries = window.menu_file.actions()
    assert actions.menu.menuAction() in entries
    assert entries[-1] is window.action_quit
    assert [a.text() for a in actions.menu.actions() if not a.isSeparator()] == [
        actions.action_backup.text(), actions.action_restore.text(),
        actions.action_export.text(), actions.action_import.text()]


def test_back_up_now_from_the_menu(qtbot: QtBot, window: MainWindow,
                                   workspace: Workspace) -> None:
    _post(workspace, "Vœux")
    actions = backup_ui.install(window, workspace, window.bridge, check_now=False)
    with qtbot.waitSignal(actions.finished, timeout=30_000):
        actions.action_backup.trigger()
        assert not actions.action_restore.isEnabled()  # one task at a time
    [made] = list_backups(workspace.paths.backup_dir)
    assert made.manifest.counts.posts == 1
    assert actions.action_restore.isEnabled()
    assert made.path.name in window.statusBar().currentMessage()


def test_the_days_backup_is_made_at_start_when_due(qtbot: QtBot, window: MainWindow,
                                                  workspace: Workspace) -> None:
    actions = backup_ui.BackupActions(window, workspace, window.bridge)
    with qtbot.waitSignal(actions.runner.finished, timeout=30_000):
        actions.check_at_start()
    assert len(list_backups(workspace.paths.backup_dir)) == 1
    with qtbot.waitSignal(actions.runner.finished, timeout=30_000):
        actions.check_at_start()  # not a day old: no second one
    assert len(list_backups(workspace.paths.backup_dir)) == 1


def test_restore_shows_the_manifest_then_the_calendar_comes_back(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    day = date(2026, 12, 3)
    kept = _post(workspace, "Atelier facture", paris(2026, 12, 3, 18, 30))
    _post(workspace, "Permanence", paris(2026, 12, 5, 10, 0))
    made = backup_now(workspace)
    workspace.posts.delete(kept.id)
    _post(workspace, "Ajouté ensuite", paris(2026, 12, 3, 9, 0))
    clock.advance(timedelta(hours=2))
    assert _titles_on(window, day) == ["Ajouté ensuite"]

    actions = backup_ui.install(window, workspace, window.bridge, check_now=False)
    answer = _Answer(monkeypatch, accept=False)
    assert actions.restore_file(made.path) is False  # cancelled: nothing changes
    assert _titles_on(window, day) == ["Ajouté ensuite"]

    answer.accept = True
    with qtbot.waitSignal(actions.finished, timeout=30_000):
        assert actions.restore_file(made.path)
    dialog = answer.seen[-1]
    assert "27" in dialog.heading.text() and "10:00" in dialog.heading.text()  # Paris time
    assert dialog.contents.startswith("2 post")
    assert "Atelier facture" in dialog.upcoming.text()
    assert dialog.upcoming.text().index("Atelier") < dialog.upcoming.text().index("Permanence")
    assert _titles_on(window, day) == ["Atelier facture"]
    assert len([b for b in list_backups(workspace.paths.backup_dir)
                if b.manifest.kind.value == "safety"]) == 1


def test_a_corrupt_file_is_refused_with_a_message(window: MainWindow, workspace: Workspace,
                                                 dialogs: Dialogs, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    answer = _Answer(monkeypatch)
    actions = backup_ui.install(window, workspace, window.bridge, check_now=False)
    bad = tmp_path / "sauvegarde.zip"
    bad.write_bytes(b"not a zip at all")
    assert actions.restore_file(bad) is False
    assert actions.import_file(bad) is False
    assert answer.seen == []
    assert all("not an ESS Planner backup" in t for t in dialogs.texts()[-2:])


def test_export_then_import_into_a_workspace_that_has_posts_asks_first(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, dialogs: Dialogs,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    day = date(2026, 12, 3)
    _post(workspace, "À déménager", paris(2026, 12, 3, 18, 30))
    actions = backup_ui.install(window, workspace, window.bridge, check_now=False)
    archive = tmp_path / "ws.zip"
    with qtbot.waitSignal(actions.finished, timeout=30_000):
        actions.export_file(archive)
    assert archive.is_file() and "connect the accounts again" in \
        window.statusBar().currentMessage()

    # the same file into this (now different) workspace: it is not empty, so it asks
    _post(workspace, "Autre chose", paris(2026, 12, 3, 9, 0))
    _Answer(monkeypatch)
    dialogs.answer = QMessageBox.StandardButton.No
    assert actions.import_file(archive) is False
    assert "already holds a workspace (2 posts" in dialogs.texts()[-1]
    assert sorted(_titles_on(window, day)) == ["Autre chose", "À déménager"]
    dialogs.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(actions.finished, timeout=30_000):
        assert actions.import_file(archive)
    assert _titles_on(window, day) == ["À déménager"]


def test_the_manifest_dialog_names_the_next_posts(qtbot: QtBot, workspace: Workspace,
                                                 tmp_path: Path) -> None:
    _post(workspace, "Vœux", paris(2027, 1, 5, 9, 0))
    made = export_workspace(workspace, tmp_path / "x.zip")
    dialog = backup_ui.ManifestDialog(made.manifest, zone_name="Europe/Paris",
                                      action="Import", note="…")
    qtbot.addWidget(dialog)
    assert dialog.heading.text().startswith("Exported workspace")
    assert "Vœux" in dialog.upcoming.text() and "09:00" in dialog.upcoming.text()
    assert dialog.accept_button.text() == "Import"
