"""File menu actions: import posts from a CSV planned in a spreadsheet, export to CSV or
iCalendar. The work itself is :mod:`essplanner.exchange`; this module asks for files and
reports the outcome."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from essplanner.domain import PostQuery
from essplanner.errors import EssPlannerError
from essplanner.i18n import language
from essplanner.timeutil import get_zone
from essplanner.ui.bridge import Bridge
from essplanner.workspace import Workspace


class ExchangeActions(QObject):
    """The three File menu actions; ``last_folder`` remembers where the user went."""

    def __init__(self, window: QMainWindow, workspace: Workspace, bridge: Bridge) -> None:
        super().__init__(window)
        self.window = window
        self.ws = workspace
        self.bridge = bridge
        self.last_folder = str(Path.home())
        self.action_import = QAction(self.tr("&Import posts from a CSV file…"), self)
        self.action_export_csv = QAction(self.tr("Export posts to CSV (spreadsheet)…"), self)
        self.action_export_ics = QAction(self.tr("Export the calendar to iCalendar…"), self)
        self.action_import.triggered.connect(self.on_import)
        self.action_export_csv.triggered.connect(lambda: self.on_export("csv"))
        self.action_export_ics.triggered.connect(lambda: self.on_export("ics"))

    def actions(self) -> list[QAction]:
        return [self.action_import, self.action_export_csv, self.action_export_ics]

    # ---- import
    def on_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window, self.tr("Import posts"), self.last_folder,
            self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> int:
        """Import ``path``; returns how many posts were created (0 after an error)."""
        from essplanner.exchange import read_csv

        self.last_folder = str(path.parent)
        try:
            rows = read_csv(path, zone=get_zone(self.ws.settings.timezone),
                            personas=self.ws.personas.all(),
                            objectives=self.ws.objectives.all(),
                            accounts=self.ws.accounts.all())
            posts = self.ws.posts.create_many(
                [(r.label, r.draft, r.scheduled_at) for r in rows])
        except EssPlannerError as exc:
            QMessageBox.warning(self.window, self.tr("Import posts"), str(exc))
            return 0
        QMessageBox.information(
            self.window, self.tr("Import posts"),
            self.tr("%n post(s) imported as drafts. Open them to check and schedule them.",
                    "", len(posts)))
        return len(posts)

    # ---- export
    def on_export(self, kind: str) -> None:
        suffix = "csv" if kind == "csv" else "ics"
        filters = (self.tr("CSV files (*.csv)") if kind == "csv"
                   else self.tr("iCalendar files (*.ics)"))
        path, _filter = QFileDialog.getSaveFileName(
            self.window, self.tr("Export posts"),
            str(Path(self.last_folder) / f"essplanner.{suffix}"), filters)
        if path:
            self.export_file(Path(path), kind)

    def export_file(self, path: Path, kind: str) -> int:
        """Write every post to ``path`` (atomically); returns how many were written."""
        from essplanner.exchange import export_csv, export_ics

        self.last_folder = str(path.parent)
        posts = self.ws.posts.query(PostQuery(include_unscheduled=kind == "csv"))
        if kind == "csv":
            text = export_csv(posts, get_zone(self.ws.settings.timezone),
                              delimiter=";" if language() == "fr" else ",")
        else:
            text = export_ics(posts, now=self.ws.clock.now(), name="ESS Planner")
        try:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".export-")
            try:
                with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                    fh.write(text)
                os.replace(tmp, path)
            finally:
                Path(tmp).unlink(missing_ok=True)
        except OSError as exc:
            QMessageBox.warning(self.window, self.tr("Export posts"), self.tr(
                "The file could not be written: %1").replace("%1", exc.strerror or str(exc)))
            return 0
        self.window.statusBar().showMessage(
            self.tr("%n post(s) exported.", "", len(posts)), 5000)
        return len(posts)


def install(window: QMainWindow, workspace: Workspace, bridge: Bridge) -> ExchangeActions:
    """Add the import and export actions to ``window.menu_file``, above Quit."""
    actions = ExchangeActions(window, workspace, bridge)
    menu = window.menu_file  # type: ignore[attr-defined]
    existing = menu.actions()
    before = existing[-1] if existing else None  # Quit stays last
    for action in actions.actions():
        menu.insertAction(before, action)
    menu.insertSeparator(before)
    window.exchange_actions = actions  # type: ignore[attr-defined]  # lives with the window
    return actions
