"""Edit › Preferences: language, time zone, publishing, backups, and where the data lives.

The dialog edits the workspace's :class:`~essplanner.settings.Settings` and saves them
(``Settings.save``). What background publishing and backups *do* belongs to their own
modules; they hear about a change through :attr:`SettingsDialog.saved`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from essplanner.dataplace import data_place
from essplanner.errors import EssPlannerError
from essplanner.timeutil import get_zone, local_zone_name
from essplanner.ui import messages

if TYPE_CHECKING:
    from essplanner.settings import Settings
    from essplanner.workspace import Workspace


def hint(text: str, parent: QWidget) -> QLabel:
    """A short explanation under a setting."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(dark);")
    return label


def zone_names() -> list[str]:
    """IANA zones a person lives in (``Europe/Paris``...), and UTC; sorted."""
    from zoneinfo import available_timezones

    skip = ("Etc/", "SystemV/", "US/", "posix/", "right/")
    names = {z for z in available_timezones() if "/" in z and not z.startswith(skip)}
    return ["UTC", *sorted(names)]


class LanguageCombo(QComboBox):
    """The system's language, French or English (data: None, "fr", "en")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(self.tr("The system's language"), None)
        self.addItem("Français", "fr")
        self.addItem("English", "en")

    def language(self) -> str | None:
        value = self.currentData()
        return str(value) if value else None

    def set_language(self, value: str | None) -> None:
        self.setCurrentIndex(max(0, self.findData(value)))


class TimeZoneCombo(QComboBox):
    """An editable list of IANA time zones, the system's first chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems(zone_names())
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self.setMinimumContentsLength(22)
        self.set_zone(None)

    def zone(self) -> str:
        return self.currentText().strip()

    def set_zone(self, name: str | None) -> None:
        """Show ``name``, or the system's zone when it is None."""
        self.setCurrentText(name or local_zone_name())

    def chosen(self) -> str | None:
        """The zone to save: None when it is the system's (it then follows the computer)."""
        zone = self.zone()
        get_zone(zone)  # ValidationError for a zone that does not exist
        return None if zone == local_zone_name() else zone


class SettingsDialog(QDialog):
    """The preferences of this computer. Signals: ``saved(frozenset)``, the names of the
    settings that changed, after they are written."""

    saved = Signal(object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *,
                 open_folder: Callable[[Path], object] | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self._open_folder = open_folder or (
            lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
        settings = workspace.settings
        self.setWindowTitle(self.tr("Preferences"))

        self.language = LanguageCombo(self)
        self.language.set_language(settings.language)
        self.language_note = QLabel(self.tr("Applies at the next start."), self)
        self.timezone = TimeZoneCombo(self)
        self.timezone.set_zone(settings.timezone)
        self.timezone_note = QLabel(self.tr("Applies at the next start."), self)
        for note in (self.language_note, self.timezone_note):
            note.setStyleSheet("color: palette(dark); font-style: italic;")
            note.hide()
        general = QGroupBox(self.tr("Language and time"), self)
        form = QFormLayout(general)
        form.addRow(self.tr("&Language:"), self._beside(self.language, self.language_note))
        form.addRow(self.tr("&Time zone:"), self._beside(self.timezone, self.timezone_note))
        form.addRow("", hint(self.tr("Posts are planned and shown in this time zone."), general))

        self.background = QCheckBox(self.tr("Publish in the &background"), self)
        self.background.setChecked(settings.background_publishing)
        self.start_at_login = QCheckBox(self.tr("Start the background publishing at &login"),
                                        self)
        self.start_at_login.setChecked(settings.start_at_login)
        self.grace = QSpinBox(self)
        self.grace.setRange(0, 24 * 60)
        self.grace.setSingleStep(15)
        self.grace.setSuffix(self.tr(" min"))
        self.grace.setValue(settings.default_grace_minutes)
        self.grace.setMaximumWidth(120)
        self.notifications = QCheckBox(self.tr("Show &notifications (published, failed, needs "
                                               "attention)"), self)
        self.notifications.setChecked(settings.notifications)
        publishing = QGroupBox(self.tr("Publishing"), self)
        form = QFormLayout(publishing)
        form.addRow(self.background)
        form.addRow(hint(self.tr("Posts go out even when the window is closed."), publishing))
        form.addRow(self.start_at_login)
        form.addRow(self.tr("&Grace period for missed posts:"), self.grace)
        form.addRow(hint(self.tr(
            "A post that could not go out at its time (computer off) still goes out if it is "
            "less late than this; otherwise you are asked what to do. Applies to accounts "
            "connected from now on."), publishing))
        form.addRow(self.notifications)
        self.alt_text_blocking = QCheckBox(self.tr(
            "Refuse to schedule a post whose image &description says nothing"), self)
        self.alt_text_blocking.setChecked(settings.alt_text_blocking)
        form.addRow(self.alt_text_blocking)
        form.addRow(hint(self.tr(
            "An empty description, a file name, “photo” or a few letters: without this, the "
            "editor only warns."), publishing))

        self.backups = QCheckBox(self.tr("Back up the database and the media every &day"), self)
        self.backups.setChecked(settings.backups)
        self.backups_kept = QSpinBox(self)
        self.backups_kept.setRange(1, 365)
        self.backups_kept.setValue(settings.backups_kept)
        self.backups_kept.setMaximumWidth(120)
        self.backups.toggled.connect(self.backups_kept.setEnabled)
        self.backups_kept.setEnabled(settings.backups)
        backups = QGroupBox(self.tr("Backups"), self)
        form = QFormLayout(backups)
        form.addRow(self.backups)
        form.addRow(self.tr("&Backups kept:"), self.backups_kept)

        paths = workspace.paths
        data = QGroupBox(self.tr("Where the data lives"), self)
        form = QFormLayout(data)
        self.location_edits: dict[str, QLineEdit] = {}
        for key, label, path, folder in (
            ("data", self.tr("Data folder:"), paths.data_dir, paths.data_dir),
            ("settings", self.tr("Settings:"), paths.settings_file, paths.config_dir),
            ("backups", self.tr("Backups:"), paths.backup_dir, paths.backup_dir),
            ("logs", self.tr("Logs:"), paths.log_dir, paths.log_dir),
        ):
            edit = QLineEdit(str(path), data)
            edit.setReadOnly(True)
            edit.setCursorPosition(0)
            button = QPushButton(self.tr("Open folder"), data)
            button.setObjectName(f"open_{key}")
            button.clicked.connect(lambda _c=False, f=folder: self.open_folder(f))
            form.addRow(label, self._beside(edit, button, stretch=False))
            self.location_edits[key] = edit
        from essplanner.ui.team.identity import TeamPreferences

        self.team = TeamPreferences(workspace, self)
        # the file's path, or the server in words: never the URL (scheme, driver, password)
        place = data_place(workspace.db.url)
        database = QLineEdit(place.detail, data)
        database.setReadOnly(True)
        database.setCursorPosition(0)
        form.addRow(self.tr("Database:"), database)
        self.location_edits["database"] = database

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # this computer's preferences, and the team's page (who I am, the team's rule)
        self.tabs = QTabWidget(self)
        page = QWidget(self.tabs)
        box = QVBoxLayout(page)
        for group in (general, publishing, backups, data):
            box.addWidget(group)
        self.tabs.addTab(page, self.tr("General"))
        team_page = QWidget(self.tabs)
        box = QVBoxLayout(team_page)
        box.addWidget(self.team)
        box.addStretch(1)
        self.tabs.addTab(team_page, self.tr("Team"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.language.currentIndexChanged.connect(self._update_notes)
        self.timezone.currentTextChanged.connect(self._update_notes)
        self.resize(640, self.sizeHint().height())

    @staticmethod
    def _beside(first: QWidget, second: QWidget, *, stretch: bool = True) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(first, 0 if stretch else 1)
        row.addWidget(second)
        if stretch:
            row.addStretch(1)
        return holder

    def _update_notes(self) -> None:
        settings = self.ws.settings
        self.language_note.setVisible(self.language.language() != settings.language)
        current = settings.timezone or local_zone_name()
        self.timezone_note.setVisible(self.timezone.zone() != current)

    def open_folder(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._open_folder(folder)

    def values(self) -> dict[str, Any]:
        """The settings as the form shows them (raises ValidationError for a bad zone)."""
        return {
            "language": self.language.language(),
            "timezone": self.timezone.chosen(),
            "default_grace_minutes": self.grace.value(),
            "background_publishing": self.background.isChecked(),
            "start_at_login": self.start_at_login.isChecked(),
            "notifications": self.notifications.isChecked(),
            "alt_text_blocking": self.alt_text_blocking.isChecked(),
            "backups": self.backups.isChecked(),
            "backups_kept": self.backups_kept.value(),
        }

    def accept(self) -> None:
        try:
            self.team.check()
        except EssPlannerError as exc:  # who I am: on the Team page
            self.tabs.setCurrentIndex(1)
            messages.warning(self, self.tr("Preferences"), str(exc))
            self.team.fields.email.setFocus()
            return
        try:
            values = self.values()
        except EssPlannerError as exc:
            messages.warning(self, self.tr("Preferences"), str(exc))
            self.timezone.setFocus()
            return
        settings: Settings = self.ws.settings
        before = asdict(settings)
        for key, value in values.items():
            setattr(settings, key, value)
        changed = frozenset(k for k, v in values.items() if before[k] != v)
        try:
            settings.save(self.ws.paths.settings_file)
        except OSError as exc:
            for key in changed:
                setattr(settings, key, before[key])
            messages.warning(self, self.tr("Preferences"), self.tr(
                "The preferences could not be saved: %1").replace("%1", str(exc)))
            return
        try:
            self.team.apply()  # the identity and the workspace's rule: not in this file
        except EssPlannerError as exc:
            messages.warning(self, self.tr("Preferences"), str(exc))
            return
        super().accept()
        self.saved.emit(changed)
