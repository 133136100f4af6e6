"""Whether the database changed since the last look: how an open window sees the writes
of the command line, the background publishing service or a teammate within a second or
two, and how the background service sees the window's edits (it wakes up at once: a post
scheduled "in a minute" goes out on time).

:class:`ChangeWatcher` answers :meth:`~ChangeWatcher.changed` cheaply enough to be asked
every second from a timer (the desktop app does, see ``MainWindow``; ``essplanner
service`` too, with :class:`ChangeWatch`, SQLite's):

- SQLite: ``PRAGMA data_version`` on a connection of its own. SQLite changes that number
  whenever another connection (of this process or any other) commits; reading it costs
  no disk access. The connection never writes and never holds a transaction open.
- PostgreSQL: the upper bound of the current transaction snapshot
  (``txid_snapshot_xmax(txid_current_snapshot())``), which moves whenever any transaction
  that writes gets an id. No trigger, no schema change, one round trip. It also moves for
  writes to other databases of the same server: the window then re-reads its page for
  nothing, which costs a few queries (docs/decisions/0019-change-watcher.md says why
  this over LISTEN/NOTIFY).
- Any other database: a fingerprint of the tables the calendar shows (row counts, the
  sum of the posts' versions, the latest target update).

Nothing here imports SQLAlchemy at module level: the window starts watching before it.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from typing import TYPE_CHECKING, Protocol

from essplanner.services.quickread import sqlite_path

if TYPE_CHECKING:
    from essplanner.storage import Database

log = logging.getLogger(__name__)


class ChangeWatcher(Protocol):
    def changed(self) -> bool:
        """Whether the database changed since the previous call (or since opening)."""

    def close(self) -> None: ...


class SqliteWatcher:
    """``PRAGMA data_version`` on a dedicated read connection. Thread-safe: the service
    asks from its main loop while another thread may close it."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db: sqlite3.Connection | None = connection
        self._lock = threading.Lock()
        self._last = self._version()

    @classmethod
    def open(cls, url: str) -> SqliteWatcher | None:
        """A watcher, or None when ``url`` is not an existing SQLite file."""
        path = sqlite_path(url)
        if path is None or not path.is_file():
            return None
        try:
            connection = sqlite3.connect(str(path), timeout=10, check_same_thread=False)
            connection.execute("PRAGMA query_only = 1")
            return cls(connection)
        except sqlite3.Error as exc:
            log.warning("cannot watch %s for changes: %s", path, exc)
            return None

    def _version(self) -> int:
        assert self._db is not None
        row = self._db.execute("PRAGMA data_version").fetchone()
        return int(row[0])

    def changed(self) -> bool:
        """True once per batch of commits made by other connections since the last call."""
        with self._lock:
            if self._db is None:
                return False
            try:
                version = self._version()
            except sqlite3.Error as exc:  # the file went away, a disk error: nothing changed
                log.debug("data_version unreadable: %s", exc)
                return False
            changed, self._last = version != self._last, version
            return changed

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


#: the publishing service's name for it (``ChangeWatch.open(url)``: SQLite only; other
#: databases rely on the service's sweep)
ChangeWatch = SqliteWatcher


_FINGERPRINT = (
    "SELECT (SELECT count(*) FROM post), (SELECT coalesce(sum(version), 0) FROM post), "
    "(SELECT count(*) FROM target), (SELECT max(updated_at) FROM target), "
    "(SELECT count(*) FROM account), (SELECT count(*) FROM persona), "
    "(SELECT count(*) FROM objective)"
)
_POSTGRES = "SELECT txid_snapshot_xmax(txid_current_snapshot())"


class ServerWatcher:
    """A cheap poll through SQLAlchemy (PostgreSQL: the snapshot's xmax)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._query = _POSTGRES if db.engine.dialect.name == "postgresql" else _FINGERPRINT
        self._last = self._read()

    def _read(self) -> object:
        from sqlalchemy import text

        with self._db.engine.connect() as conn:
            return tuple(conn.execute(text(self._query)).one())

    def changed(self) -> bool:
        from sqlalchemy.exc import SQLAlchemyError

        try:
            value = self._read()
        except SQLAlchemyError as exc:  # server gone for a moment: the next tick retries
            log.debug("change poll failed: %s", exc)
            return False
        changed, self._last = value != self._last, value
        return changed

    def close(self) -> None:
        """Nothing of its own to close: it borrows the workspace's connection pool."""


def open_watcher(url: str, db: Database | None = None) -> ChangeWatcher | None:
    """The watcher for the database at ``url`` (``db`` is needed for anything but SQLite);
    None when there is nothing to watch yet."""
    watcher = SqliteWatcher.open(url)
    if watcher is not None:
        return watcher
    if db is not None and sqlite_path(url) is None:
        return ServerWatcher(db)
    return None
