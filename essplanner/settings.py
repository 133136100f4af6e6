"""Where things live (platformdirs) and the user's settings.

``--data-dir`` / ``ESSPLANNER_DATA_DIR`` puts everything (database, settings,
logs, media copies, backups) under one folder; otherwise the platform's usual
user folders are used. ``--db`` / ``ESSPLANNER_DATABASE_URL`` points at another
database, such as a team's PostgreSQL server.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from essplanner import APP_NAME

log = logging.getLogger(__name__)

ENV_DATA_DIR = "ESSPLANNER_DATA_DIR"
ENV_DATABASE_URL = "ESSPLANNER_DATABASE_URL"


@dataclass(frozen=True)
class Paths:
    """The folders and files of one workspace."""

    data_dir: Path
    config_dir: Path
    log_dir: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> Paths:
        chosen = data_dir or os.environ.get(ENV_DATA_DIR)
        if chosen:
            root = Path(chosen).expanduser().resolve()
            return cls(data_dir=root, config_dir=root, log_dir=root / "logs")
        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        )

    @property
    def database_file(self) -> Path:
        return self.data_dir / "essplanner.sqlite3"

    @property
    def default_database_url(self) -> str:
        # the same as storage.sqlite_url, without importing SQLAlchemy at start-up
        return f"sqlite:///{self.database_file}"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "essplanner.log"

    @property
    def plugin_data_dir(self) -> Path:
        return self.data_dir / "publishers"

    @property
    def autosave_dir(self) -> Path:
        return self.data_dir / "autosave"

    def ensure(self) -> None:
        for folder in (self.data_dir, self.config_dir, self.log_dir):
            folder.mkdir(parents=True, exist_ok=True)


def database_url(paths: Paths, override: str | None = None) -> str:
    return override or os.environ.get(ENV_DATABASE_URL) or paths.default_database_url


@dataclass
class Settings:
    """User preferences, stored as JSON (never secrets)."""

    language: str | None = None  # None: the system's
    timezone: str | None = None  # IANA name; None: the system's
    default_grace_minutes: int = 60
    # Recurring posts: each occurrence is made this many days ahead, and at least the
    # next ``series_min_occurrences`` of each series (a yearly one shows next year's).
    series_horizon_days: int = 56
    series_min_occurrences: int = 2
    calendar_colour_by: str = "objective"  # or "platform"
    start_minimised: bool = False
    notifications: bool = True
    # Publishing while the window is closed: a headless ``essplanner service`` takes over.
    background_publishing: bool = True
    start_at_login: bool = True
    # Daily backups of the database and the media (``backups_kept`` newest are kept).
    backups: bool = True
    backups_kept: int = 7
    # The association, as the first-run assistant asks for it.
    organisation_name: str = ""
    organisation_logo: str = ""  # path of the logo image, in the data folder
    first_run_done: bool = False
    # Who uses this installation (working as a team): chosen at first start; the e-mail
    # finds the person among the workspace's members (``services.team``).
    user_name: str = ""
    user_email: str = ""
    # Accessibility: an image whose alternative text says nothing (empty, a file name,
    # "photo", too short) refuses scheduling instead of being a warning.
    alt_text_blocking: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            log.warning("settings file %s unreadable (%s); using defaults", path, exc)
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in raw.items() if k in known})

    def save(self, path: Path) -> None:
        """Write atomically, so a crash never leaves half a settings file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(asdict(self), fh, indent=2, ensure_ascii=False)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
