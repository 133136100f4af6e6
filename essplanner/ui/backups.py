"""File › Backups: back up now, restore a backup, export and import the whole workspace.

The work is :mod:`essplanner.services.backups`, run on a worker (:class:`TaskRunner`)
behind a progress dialog; what a file holds is shown (:class:`ManifestDialog`) before
anything is replaced. At start, the day's backup is made in the background when the
last one is a day old.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from dataclasses import fields
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from essplanner.domain import Change
from essplanner.errors import EssPlannerError
from essplanner.services.backup_archive import Kind, Manifest, read_manifest
from essplanner.services.backups import (
    BACKUP_PREFIX,
    BackupFile,
    ImportResult,
    RestoreResult,
    backup_if_due,
    backup_now,
    export_workspace,
    import_workspace,
    restore_backup,
    rotate,
    workspace_contents,
)
from essplanner.timeutil import get_zone
from essplanner.ui import messages
from essplanner.ui.bridge import Bridge
from essplanner.ui.labels import fmt_date, fmt_datetime
from essplanner.ui.tasks import TaskRunner
from essplanner.workspace import Workspace

log = logging.getLogger(__name__)


class ManifestDialog(QDialog):
    """What a backup or an exported workspace holds: date, version, counts, next posts."""

    def __init__(self, manifest: Manifest, *, zone_name: str | None, action: str,
                 note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        zone = get_zone(zone_name)
        self.setWindowTitle(action)
        self.setMinimumWidth(560)
        kind = {Kind.BACKUP: self.tr("Backup"), Kind.SAFETY: self.tr("Safety backup"),
                Kind.EXPORT: self.tr("Exported workspace")}[manifest.kind]
        heading = QLabel(self.tr("%1 of %2").replace("%1", kind).replace(
            "%2", fmt_datetime(manifest.created_at.astimezone(zone))), self)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        c = manifest.counts
        contents = ", ".join([
            self.tr("%n post(s)", "", c.posts), self.tr("%n persona(s)", "", c.personas),
            self.tr("%n objective(s)", "", c.objectives),
            self.tr("%n account(s)", "", c.accounts), self.tr("%n media file(s)", "", c.media)])
        form = QFormLayout()
        form.addRow(self.tr("Contents:"), _wrapped(contents, self))
        form.addRow(self.tr("Version:"), QLabel(f"ESS Planner {manifest.app_version}", self))
        if manifest.upcoming:
            untitled = self.tr("(untitled)")
            lines = [f"{fmt_datetime(u.scheduled_at.astimezone(zone))} — {u.title or untitled}"
                     for u in manifest.upcoming]
            upcoming = "\n".join(lines)
        else:
            upcoming = self.tr("No post planned after %1.").replace(
                "%1", fmt_date(manifest.created_at.astimezone(zone).date()))
        self.upcoming = _wrapped(upcoming, self)
        form.addRow(self.tr("Next posts:"), self.upcoming)
        self.note = _wrapped(note, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.accept_button = buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.heading = heading
        self.contents = contents


def _wrapped(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class _Progress(QObject):
    """Lives in the main thread; the worker's progress reaches it as queued signals."""

    advanced = Signal(int, int)


class BackupActions(QObject):
    """The File › Backups submenu. Signals: ``finished(str)`` after each task (its message)."""

    finished = Signal(str)

    def __init__(self, window: QMainWindow, workspace: Workspace, bridge: Bridge) -> None:
        super().__init__(window)
        self.window = window
        self.ws = workspace
        self.bridge = bridge
        self.runner = TaskRunner(self)
        self.progress: QProgressDialog | None = None
        self.last_folder = str(Path.home())
        self.menu = QMenu(self.tr("&Backups"), window)
        self.action_backup = QAction(self.tr("&Back up now"), self)
        self.action_restore = QAction(self.tr("&Restore a backup…"), self)
        self.action_export = QAction(self.tr("&Export the workspace…"), self)
        self.action_import = QAction(self.tr("&Import a workspace…"), self)
        self.action_backup.triggered.connect(self.on_backup_now)
        self.action_restore.triggered.connect(self.on_restore)
        self.action_export.triggered.connect(self.on_export)
        self.action_import.triggered.connect(self.on_import)
        self.menu.addAction(self.action_backup)
        self.menu.addAction(self.action_restore)
        self.menu.addSeparator()
        self.menu.addAction(self.action_export)
        self.menu.addAction(self.action_import)

    # ---- the day's backup at start
    def check_at_start(self) -> None:
        """Make the day's backup in the background if the last one is a day old."""

        def done(made: BackupFile | None) -> None:
            if made is not None:
                self._status(self.tr("Backup made: %1").replace("%1", made.path.name))

        def failed(exc: Exception) -> None:
            if isinstance(exc, EssPlannerError):
                log.warning("automatic backup failed: %s", exc)
                self._status(self.tr("The automatic backup failed: %1").replace("%1", str(exc)))
            else:
                messages.report_error(self.window, self.tr("Backups"), exc)

        self.runner.run(lambda: backup_if_due(self.ws), done, failed)

    # ---- Edit › Preferences
    def apply_settings(self, changed: Collection[str]) -> None:
        """The preferences were saved (``changed``: the names of the settings that
        changed): backups switched on make the day's backup if it is due; fewer backups
        kept remove the oldest at once."""
        settings = self.ws.settings
        if not settings.backups or not {"backups", "backups_kept"} & set(changed):
            return
        keep = settings.backups_kept

        def work() -> BackupFile | None:
            rotate(self.ws.paths.backup_dir, BACKUP_PREFIX, keep)
            return backup_if_due(self.ws) if "backups" in changed else None

        def done(made: BackupFile | None) -> None:
            if made is not None:
                self._status(self.tr("Backup made: %1").replace("%1", made.path.name))

        def failed(exc: Exception) -> None:
            messages.report_error(self.window, self.tr("Backups"), exc)

        self.runner.run(work, done, failed)

    # ---- back up now
    def on_backup_now(self) -> None:
        def done(made: BackupFile) -> None:
            self._finish(self.tr("Backup made: %1").replace("%1", str(made.path)))

        self._start(self.tr("Backing up…"), lambda report: backup_now(self.ws, progress=report),
                    done, self.tr("Back up now"))

    # ---- restore
    def on_restore(self) -> None:
        folder = self.ws.paths.backup_dir
        path, _filter = QFileDialog.getOpenFileName(
            self.window, self.tr("Restore a backup"),
            str(folder if folder.is_dir() else self.last_folder),
            self.tr("ESS Planner backups (*.zip);;All files (*)"))
        if path:
            self.restore_file(Path(path))

    def restore_file(self, path: Path) -> bool:
        """Show what ``path`` holds; if the user agrees, restore it. False if not started."""
        title = self.tr("Restore a backup")
        manifest = self._manifest(path, title)
        if manifest is None or not self.confirm(manifest, self.tr("Restore"), self.tr(
                "The current workspace will be replaced by this backup. It is saved first, "
                "as a safety backup you can restore in turn.")):
            return False

        def done(result: RestoreResult) -> None:
            self._reload()
            self._finish(self.tr("Backup of %1 restored.").replace(
                "%1", fmt_datetime(result.manifest.created_at.astimezone(self._zone()))))

        self._start(self.tr("Restoring…"),
                    lambda report: restore_backup(self.ws, path, progress=report), done, title)
        return True

    # ---- export
    def on_export(self) -> None:
        day = self.ws.clock.now().astimezone(self._zone()).date().isoformat()
        path, _filter = QFileDialog.getSaveFileName(
            self.window, self.tr("Export the workspace"),
            str(Path(self.last_folder) / f"essplanner-workspace-{day}.zip"),
            self.tr("ESS Planner workspaces (*.zip)"))
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> None:
        self.last_folder = str(path.parent)

        def done(made: BackupFile) -> None:
            self._finish(self.tr(
                "The workspace is exported to %1. Secrets are not in it: on the other "
                "computer, connect the accounts again.").replace("%1", str(made.path)))

        self._start(self.tr("Exporting…"),
                    lambda report: export_workspace(self.ws, path, progress=report), done,
                    self.tr("Export the workspace"))

    # ---- import
    def on_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window, self.tr("Import a workspace"), self.last_folder,
            self.tr("ESS Planner workspaces (*.zip);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> bool:
        """Show what ``path`` holds, ask before replacing a workspace, import it."""
        title = self.tr("Import a workspace")
        self.last_folder = str(path.parent)
        manifest = self._manifest(path, title)
        if manifest is None or not self.confirm(manifest, self.tr("Import"), self.tr(
                "The accounts will be marked to reconnect: their secrets stay in the other "
                "computer's keyring.")):
            return False
        try:
            current = workspace_contents(self.ws.paths, self.ws.db.url)
        except EssPlannerError as exc:
            messages.warning(self.window, title, str(exc))
            return False
        if not current.empty:
            answer = messages.question(self.window, title, self.tr(
                "This data folder already holds a workspace (%1 posts, %2 accounts). Replace "
                "it with the imported one? It is saved first, as a safety backup.")
                .replace("%1", str(current.posts)).replace("%2", str(current.accounts)))
            if answer != QMessageBox.StandardButton.Yes:
                return False

        def done(result: ImportResult) -> None:
            if result.settings is not None:
                for f in fields(result.settings):  # the window keeps its settings object
                    setattr(self.ws.settings, f.name, getattr(result.settings, f.name))
            self._reload()
            self._finish(self.tr("The workspace is imported. Connect its accounts again "
                                 "(Tools › Accounts)."))

        self._start(self.tr("Importing…"), lambda report: import_workspace(
            self.ws.paths, path, db_url=self.ws.db.url, replace=not current.empty,
            now=self.ws.clock.now(), progress=report), done, title)
        return True

    # ---- helpers
    def confirm(self, manifest: Manifest, action: str, note: str) -> bool:
        """The manifest dialog; True if the user goes on."""
        dialog = ManifestDialog(manifest, zone_name=self.ws.settings.timezone, action=action,
                                note=note, parent=self.window)
        self.dialog = dialog  # for tests and screenshots
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _manifest(self, path: Path, title: str) -> Manifest | None:
        try:
            return read_manifest(path)
        except EssPlannerError as exc:
            messages.warning(self.window, title, str(exc))
            return None

    def _start(self, label: str, work: Callable[[Callable[[int, int], None]], Any],
               done: Callable[[Any], None], title: str) -> None:
        relay = _Progress(self)
        dialog = QProgressDialog(label, "", 0, 0, self.window)
        dialog.setWindowTitle(title)
        dialog.setCancelButton(None)  # a half-done restore is worse than waiting
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def advance(value: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(value)

        relay.advanced.connect(advance)
        self.progress = dialog
        self._set_enabled(False)

        def end() -> None:
            relay.deleteLater()
            dialog.reset()
            dialog.deleteLater()
            self.progress = None
            self._set_enabled(True)

        def succeeded(result: Any) -> None:
            end()
            done(result)

        def failed(exc: Exception) -> None:
            end()
            messages.report_error(self.window, title, exc)
            self.finished.emit(str(exc))

        self.runner.run(lambda: work(relay.advanced.emit), succeeded, failed)

    def _set_enabled(self, enabled: bool) -> None:
        for action in (self.action_backup, self.action_restore, self.action_export,
                       self.action_import):
            action.setEnabled(enabled)

    def _finish(self, message: str) -> None:
        self._status(message)
        self.finished.emit(message)

    def _reload(self) -> None:
        """Everything may have changed: every view reads again."""
        self.ws.announce(Change(personas=True, objectives=True, accounts=True,
                                measurements=True))
        refresh = getattr(self.window, "refresh", None)
        if refresh is not None:
            refresh()
        reload_choices = getattr(self.window, "reload_choices", None)
        if reload_choices is not None:
            QTimer.singleShot(0, reload_choices)

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10_000)

    def _zone(self) -> Any:
        return get_zone(self.ws.settings.timezone)


def install(window: QMainWindow, workspace: Workspace, bridge: Bridge, *,
            check_now: bool = True) -> BackupActions:
    """Add File › Backups above Quit; with ``check_now``, make the day's backup if due."""
    actions = BackupActions(window, workspace, bridge)
    menu = window.menu_file  # type: ignore[attr-defined]
    existing = menu.actions()
    before = existing[-1] if existing else None  # Quit stays last
    menu.insertMenu(before, actions.menu)
    menu.insertSeparator(before)
    window.backup_actions = actions  # type: ignore[attr-defined]  # lives with the window
    if check_now:
        actions.check_at_start()
    return actions

