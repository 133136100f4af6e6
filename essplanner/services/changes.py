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

On PostgreSQL an open window rather *listens*: :class:`PostgresListener` keeps a
psycopg connection of its own on a thread, listens (``LISTEN``) to the channel the schema's
triggers notify (migration 0013) and hands each batch of notifications over as a
:class:`~essplanner.domain.Change` naming the posts changed, the same change the services
announce for their own writes (docs/decisions/0024-live-updates.md).

Nothing here imports SQLAlchemy at module level: the window starts watching before it.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol

from essplanner.domain import Change
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


#: the channel the triggers of migration 0013 notify
CHANNEL = "essplanner_changes"
#: coarse payloads (one per statement on those tables) and the Change they stand for
_COARSE = {"accounts": Change(accounts=True), "personas": Change(personas=True),
           "objectives": Change(objectives=True), "planning": Change(planning=True)}
#: how long the listening thread waits for a notification before looking whether it
#: must stop (seconds); a notification is handed over as soon as it arrives
WAIT_S = 0.5
#: notifications arriving this close after one are handed over with it (a move of ten
#: posts is one Change, not ten)
BATCH_S = 0.05
#: the longest wait between two attempts to reconnect (seconds)
MAX_BACKOFF_S = 10.0


def change_of(payloads: Iterable[str]) -> Change:
    """The :class:`Change` a batch of notification payloads stands for (unknown ones,
    from a newer schema, are ignored)."""
    change = Change()
    posts: set[int] = set()
    for payload in payloads:
        kind, _sep, rest = payload.partition(":")
        if kind == "post" and rest.isdigit():
            posts.add(int(rest))
        elif payload in _COARSE:
            change = change | _COARSE[payload]
    return change | Change(posts=frozenset(posts))


class PostgresListener:
    """Listens to the schema's change notifications on a connection of its own, on a
    daemon thread, and reconnects when the connection drops.

    ``on_change(Change)`` is called from that thread for each batch of notifications;
    ``on_resync()`` after a reconnection (notifications sent while disconnected are lost:
    the listener's owner re-reads what it shows). Both must be thread-safe (the window
    passes the bridge's queued signals).
    """

    def __init__(self, conninfo: str, *, on_change: Callable[[Change], None],
                 on_resync: Callable[[], None]) -> None:
        self._conninfo = conninfo
        self._on_change = on_change
        self._on_resync = on_resync
        self._stop = threading.Event()
        self._listening = threading.Event()
        self._thread = threading.Thread(target=self._run, name="essplanner-listen",
                                        daemon=True)

    @classmethod
    def for_database(cls, db: Database, *, on_change: Callable[[Change], None],
                     on_resync: Callable[[], None]) -> PostgresListener | None:
        """A listener on ``db`` (not started), or None when it is not PostgreSQL or its
        schema has no notification triggers."""
        from sqlalchemy import text
        from sqlalchemy.exc import SQLAlchemyError

        engine = db.engine
        if engine.dialect.name != "postgresql":
            return None
        try:
            with engine.connect() as conn:
                found = conn.execute(text(
                    "SELECT count(*) FROM pg_trigger WHERE tgname = 'essplanner_notify_post'"
                )).scalar_one()
        except SQLAlchemyError as exc:
            log.warning("cannot look for the change notifications: %s", exc)
            return None
        if not found:
            return None
        conninfo = engine.url.set(drivername="postgresql").render_as_string(
            hide_password=False)
        return cls(conninfo, on_change=on_change, on_resync=on_resync)

    def start(self) -> PostgresListener:
        self._thread.start()
        return self

    def wait_listening(self, timeout: float) -> bool:
        """Whether the listener is connected and listening (tests wait for it before
        writing from another process)."""
        return self._listening.wait(timeout)

    @property
    def listening(self) -> bool:
        return self._listening.is_set()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop listening and close the connection (returns within about ``WAIT_S``)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    # ---- the thread
    def _run(self) -> None:
        import psycopg

        backoff = 0.5
        lost = False
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True,
                                     application_name="essplanner listener") as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self._listening.set()
                    backoff = 0.5
                    if lost:
                        log.info("listening to changes again")
                        self._on_resync()
                    self._listen(conn)
            except psycopg.Error as exc:
                if self._stop.is_set():
                    break
                log.info("change notifications interrupted (%s); reconnecting in %.1f s",
                         exc, backoff)
            finally:
                self._listening.clear()
            lost = True
            if self._stop.wait(backoff):
                break
            backoff = min(backoff * 2, MAX_BACKOFF_S)

    def _listen(self, conn: Any) -> None:
        while not self._stop.is_set():
            payloads = [n.payload for n in conn.notifies(timeout=WAIT_S, stop_after=1)]
            if not payloads:
                continue
            payloads += [n.payload for n in conn.notifies(timeout=BATCH_S)]
            change = change_of(payloads)
            if change != Change():
                self._on_change(change)
