"""Engine factory, units of work and schema upgrades.

SQLite (the default, on the laptop) runs in WAL mode with foreign keys and a busy
timeout; read-modify-write transactions use ``BEGIN IMMEDIATE`` so that two
processes never fail half-way with "database is locked" (recipes/STACK.md §7).
PostgreSQL is used when a team shares one database.

A SQLite file in a folder we cannot write (a read-only share, a backup disk) is
opened read-only, so that reading still works; errors that come from the file or
the disk (full, read-only, not a database) become a :class:`StorageError` that
names the file or its folder, wherever SQLAlchemy raises them.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from essplanner.errors import PermissionDenied, StorageError
from essplanner.i18n import _

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
#: with less free space than this, an I/O error while writing is a full disk
NEARLY_FULL_BYTES = 1_000_000
#: SQLite's result codes that the file or the disk caused, not our SQL (names, by prefix)
_ENVIRONMENT_CODES = ("SQLITE_FULL", "SQLITE_IOERR", "SQLITE_READONLY", "SQLITE_CANTOPEN",
                      "SQLITE_NOTADB", "SQLITE_CORRUPT", "SQLITE_BUSY", "SQLITE_LOCKED",
                      "SQLITE_PERM")


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def make_engine(url: str, *, echo: bool = False, read_only: bool = False) -> Engine:
    """An engine for ``url``; SQLite connections get WAL, foreign keys and a busy timeout.

    ``read_only`` (an existing SQLite file): SQLite opens it read-only and refuses
    every write; in a folder we cannot write, also without the ``-shm`` file it
    cannot create there (``immutable``: nobody else can write it either).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = _file_of(parsed.database)
        if path is not None and not read_only:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(_("Cannot create the folder {folder}: {error}",
                                     folder=str(path.parent),
                                     error=exc.strerror or str(exc))) from exc
        if read_only and path is not None:
            uri = f"file:{quote(str(path))}?mode=ro"
            if not _writable(path.parent) and not Path(f"{path}-wal").exists():
                uri += "&immutable=1"
            engine = create_engine(url, echo=echo, creator=lambda: sqlite3.connect(
                uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False))
        else:
            engine = create_engine(
                url, echo=echo, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}
            )
        _configure_sqlite(engine, path, read_only=read_only)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


def _file_of(database: str | None) -> Path | None:
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).expanduser()


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def _configure_sqlite(engine: Engine, path: Path | None, *, read_only: bool) -> None:
    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> BaseException | None:
        return storage_error(context.original_exception, path)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves, below
        cur = dbapi_conn.cursor()
        if not read_only:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("essplanner_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


class Database:
    """The connection to the one source of truth, and its units of work."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        parsed = make_url(url)
        path = _file_of(parsed.database) if parsed.get_backend_name() == "sqlite" else None
        #: an existing SQLite file we may not write (or in a folder we may not write)
        self.read_only = path is not None and path.is_file() and not (
            _writable(path) and _writable(path.parent))
        if self.read_only:
            log.info("%s is read-only: opened for reading only", path)
        self.engine = make_engine(url, echo=echo, read_only=self.read_only)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        writer_engine = self.engine.execution_options(essplanner_begin="IMMEDIATE")
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(writer_engine, expire_on_commit=False)

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        database = self.engine.url.database
        return Path(database) if database and database != ":memory:" else None

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; nothing it does is committed."""
        with _storage_errors(self.sqlite_path), self._read() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A read-modify-write transaction (BEGIN IMMEDIATE on SQLite), committed at the end."""
        with _storage_errors(self.sqlite_path), self._write() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()

    def release_memory(self) -> None:
        """Empty the page cache of each idle SQLite connection of the pool (``PRAGMA
        shrink_memory``): what a burst of reads filled is handed back; connections in use
        keep theirs. Nothing to do on PostgreSQL."""
        if not self.is_sqlite:
            return
        checkedin = getattr(self.engine.pool, "checkedin", None)
        idle = checkedin() if checkedin is not None else 0
        connections = []
        try:
            for _ in range(idle):
                connections.append(self.engine.raw_connection())
            for connection in connections:
                connection.driver_connection.execute("PRAGMA shrink_memory")  # type: ignore[union-attr]
        except sqlite3.Error as exc:
            log.debug("could not release SQLite memory: %s", exc)
        finally:
            for connection in connections:
                connection.close()

    def describe(self) -> str:
        """The URL with any password hidden, for messages and logs."""
        return self.engine.url.render_as_string(hide_password=True)


#: PostgreSQL's SQLSTATE for a privilege the login does not have (or the approval trigger)
_INSUFFICIENT_PRIVILEGE = "42501"


@contextmanager
def _storage_errors(path: Path | None = None) -> Iterator[None]:
    try:
        yield
    except OperationalError as exc:
        raise StorageError(describe_db_error(exc, path)) from exc
    except DBAPIError as exc:
        if exc.connection_invalidated:
            raise StorageError(describe_db_error(exc, path)) from exc
        if getattr(exc.orig, "sqlstate", None) == _INSUFFICIENT_PRIVILEGE:
            # the team's roles on PostgreSQL (services.teamdb): the database said no
            detail = str(exc.orig).splitlines()[0] if str(exc.orig) else ""
            raise PermissionDenied(_("The database refused: your login may not do this "
                                     "({detail}).", detail=detail)) from exc
        raise


def storage_error(exc: BaseException, path: Path | None) -> StorageError | None:
    """The user's message for a SQLite error the file or the disk caused; None for others
    (an SQL error or a broken constraint is ours, and stays what it is)."""
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    if not isinstance(exc, sqlite3.Error) or not name.startswith(_ENVIRONMENT_CODES):
        return None
    error = StorageError(describe_db_error(exc, path))
    error.__cause__ = exc
    return error


def describe_db_error(exc: BaseException, path: Path | None = None) -> str:
    """One line for the user about a database error; ``path``: the SQLite file, if any."""
    orig = getattr(exc, "orig", None) or exc
    name = str(getattr(orig, "sqlite_errorname", "") or "")
    text = str(orig).lower()
    folder = path.parent if path is not None else None
    if (name == "SQLITE_FULL" or "disk is full" in text or "no space" in text
            # growing the -shm file (the first reader of a WAL database creates it)
            or name == "SQLITE_IOERR_SHMSIZE"
            or (name.startswith("SQLITE_IOERR") and folder is not None
                and _nearly_full(folder))):
        if folder is not None:
            return _("The disk holding {folder} is full: nothing was saved. Free some space "
                     "and try again.", folder=str(folder))
        return _("The disk is full: nothing was saved. Free some space and try again.")
    if path is not None and (name == "SQLITE_NOTADB" or "not a database" in text):
        return _("{file} is not an ESS Planner database; it was left untouched.",
                 file=str(path))
    read_only_folder = folder is not None and not _writable(folder)
    if read_only_folder and name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")):
        return _("The data folder {folder} is read-only: nothing was saved.",
                 folder=str(folder))
    if "locked" in text or "busy" in text:
        return _("The database is busy (another program is writing to it). Try again.")
    if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
        return _("The database file is read-only: nothing was saved.")
    if "unable to open" in text or "not a database" in text or "malformed" in text:
        return _("The database file cannot be opened or is damaged.")
    if "connection" in text or "could not connect" in text:
        return _("Cannot reach the database server: {detail}", detail=text.splitlines()[0])
    return _("Database error: {detail}", detail=text.splitlines()[0] if text else "?")


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


# ---- schema: Alembic ----


def alembic_config(db: Database) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def head_revision(db: Database) -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(db)).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def is_empty(db: Database) -> bool:
    with db.engine.connect() as conn:
        return not inspect(conn).get_table_names()


def upgrade(db: Database, revision: str = "head") -> None:
    """Run Alembic migrations up to ``revision`` (a fresh database is created this way too)."""
    from alembic import command

    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def backup_sqlite(db: Database, backup_dir: Path, label: str) -> Path | None:
    """Copy the SQLite database (WAL included) with SQLite's backup API."""
    source_path = db.sqlite_path
    if source_path is None or not source_path.exists():
        return None
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    dest = backup_dir / f"{source_path.stem}-{label}-{stamp}.sqlite3"
    src = sqlite3.connect(str(source_path))
    try:
        dst = sqlite3.connect(str(dest))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return dest


def _is_current(db: Database) -> bool:
    """Whether the database is at the scripts' head, read without Alembic."""
    from sqlalchemy.exc import DBAPIError

    from essplanner.services.quickread import schema_heads

    try:
        with db.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    except DBAPIError:
        return False  # no such table yet: a new database
    return len(rows) == 1 and {r[0] for r in rows} == schema_heads()


def ensure_schema(db: Database, backup_dir: Path) -> Path | None:
    """Create or upgrade the schema; an older database is backed up first. Returns the backup."""
    if _is_current(db):
        return None  # the usual case, without loading Alembic (a quarter of a second)
    path = db.sqlite_path
    if db.read_only and path is not None:
        raise StorageError(_("The data folder {folder} is read-only: the database in it "
                             "cannot be brought up to date.", folder=str(path.parent)))
    try:
        current = current_revision(db)
        head = head_revision(db)
        if current == head:
            return None
        backup = None
        if current is not None or not is_empty(db):
            backup = backup_sqlite(db, backup_dir, f"before-{head}")
            if backup is not None:
                log.info("database backed up to %s before upgrading from %s", backup, current)
            elif not db.is_sqlite:
                log.warning("upgrading %s from %s to %s; back it up with pg_dump first",
                            db.describe(), current, head)
        log.info("upgrading schema of %s from %s to %s", db.describe(), current, head)
        upgrade(db)
        return backup
    except OperationalError as exc:
        raise StorageError(describe_db_error(exc, path)) from exc
