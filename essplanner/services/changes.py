"""Whether another program changed the database: the window and the background service
see each other's changes within a second.

SQLite counts the commits made through other connections (``PRAGMA data_version``);
reading that counter on an idle connection costs next to nothing, so it is polled every
second. Other databases have no such counter: their readers rely on their periodic
refresh and the service on its sweep.
"""

from __future__ import annotations

import logging
import sqlite3
import threading

from essplanner.services.quickread import sqlite_path

log = logging.getLogger(__name__)


class ChangeWatch:
    """A connection of its own to a SQLite database, asked whether anyone committed since
    the last look. Thread-safe."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db: sqlite3.Connection | None = connection
        self._lock = threading.Lock()
        self._version = self._read()

    @classmethod
    def open(cls, url: str) -> ChangeWatch | None:
        """A watch, or None for databases that cannot be watched this way."""
        path = sqlite_path(url)
        if path is None or not path.is_file():
            return None
        try:
            connection = sqlite3.connect(str(path), timeout=5, check_same_thread=False)
            connection.execute("PRAGMA query_only = 1")
            return cls(connection)
        except sqlite3.Error as exc:
            log.warning("cannot watch %s for changes: %s", path, exc)
            return None

    def _read(self) -> int:
        assert self._db is not None
        row = self._db.execute("PRAGMA data_version").fetchone()
        return int(row[0])

    def changed(self) -> bool:
        """True once per batch of commits made by other connections since the last call."""
        with self._lock:
            if self._db is None:
                return False
            try:
                version = self._read()
            except sqlite3.Error as exc:
                log.debug("cannot read the data version: %s", exc)
                return False
            if version == self._version:
                return False
            self._version = version
            return True

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
