"""Backups of the workspace, and moving it to another computer. No Qt here.

One file per backup (:mod:`.backup_archive`): the database, copied with SQLite's online
backup API (``sqlite3.Connection.backup``: a consistent snapshot even while the publishing
service commits, never a copy of a file being written), the media folder and a manifest.

- :func:`backup_if_due` runs once a day (the publishing service's ``backup`` job, and the
  app's start when the last backup is older than a day) and keeps the
  ``settings.backups_kept`` newest daily backups in ``Paths.backup_dir``;
- :func:`restore_backup` puts a backup back after a safety backup of the current workspace;
- :func:`export_workspace` writes the whole workspace (database, media, settings) to one
  file and :func:`import_workspace` brings it into an empty data folder on another
  computer. Never a secret: the keyring is not read, and accounts come back marked to
  reconnect.

A database is put back with the same backup API, into the open database file: programs
that have it open (the window, a background service) go on with the restored data.

A team's PostgreSQL database is backed up by its server (pg_dump): nothing here applies.
"""

from __future__ import annotations

import errno
import json
import logging
import re
import shutil
import sqlite3
import tempfile
import threading
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from essplanner import __version__
from essplanner.errors import EssPlannerError, NotFoundError, StorageError
from essplanner.i18n import _, n_
from essplanner.services.backup_archive import (
    LOGO,
    MEDIA,
    SETTINGS,
    UPCOMING,
    ArchiveError,
    Contents,
    Counts,
    Kind,
    Manifest,
    Progress,
    UpcomingPost,
    archive_name,
    extract_database,
    extract_to,
    media_files,
    media_members,
    missing_folder,
    newer_version,
    open_archive,
    read_manifest,
    stamp_of,
    write_archive,
    write_error,
)
from essplanner.settings import Paths, Settings, database_url

if TYPE_CHECKING:
    from essplanner.workspace import Workspace

log = logging.getLogger(__name__)

BACKUP_PREFIX = "essplanner-backup"
SAFETY_PREFIX = "essplanner-safety"
#: how often the publishing service checks whether today's backup is made
CHECK_SECONDS = 3600.0
DAY = timedelta(days=1)
BUSY_TIMEOUT_S = 10.0

_lock = threading.Lock()  # one backup at a time in a process (the app's start, the job)


class TeamDatabaseError(EssPlannerError):
    """The workspace is a team's PostgreSQL database: its server does the backups."""

    exit_code = 2


class WorkspaceNotEmptyError(EssPlannerError):
    """An import would overwrite a workspace, and nobody chose to replace it."""

    exit_code = 2

    def __init__(self, message: str, counts: Counts) -> None:
        super().__init__(message)
        self.counts = counts


@dataclass(frozen=True)
class BackupFile:
    path: Path
    manifest: Manifest

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


@dataclass(frozen=True)
class RestoreResult:
    manifest: Manifest
    safety: BackupFile | None


@dataclass(frozen=True)
class ImportResult:
    manifest: Manifest
    safety: BackupFile | None
    settings: Settings | None


# -------------------------------------------------------------- backing up ---


def backup_now(ws: Workspace, *, progress: Progress | None = None,
               settings: Settings | None = None) -> BackupFile:
    """A daily backup now, in ``Paths.backup_dir``; older ones beyond ``backups_kept`` go
    (``settings``: instead of the workspace's)."""
    made = _backup(ws.db.url, ws.paths, now=ws.clock.now(), kind=Kind.BACKUP,
                   progress=progress)
    rotate(ws.paths.backup_dir, BACKUP_PREFIX, (settings or ws.settings).backups_kept)
    log.info("backup written: %s (%d posts, %d media files)", made.path,
             made.manifest.counts.posts, made.manifest.counts.media)
    return made


def backup_if_due(ws: Workspace, *, settings: Settings | None = None) -> BackupFile | None:
    """Today's backup, when backups are on and the last one is a day old or more
    (``settings``: instead of the workspace's)."""
    settings = settings or ws.settings
    if not settings.backups:
        return None
    if database_file(ws.db.url) is None:
        log.info("no automatic backup: %s is backed up by its server", ws.db.describe())
        return None
    with _lock:
        last = last_backup_time(ws.paths.backup_dir)
        if last is not None and ws.clock.now() - last < DAY:
            return None
        return backup_now(ws, settings=settings)


def saved_settings(ws: Workspace) -> Settings:
    """The settings as last saved, else the workspace's: a background service runs for
    days, and Edit › Preferences in the window changes the file, not its copy."""
    path = ws.paths.settings_file
    return Settings.load(path) if path.is_file() else ws.settings


def backup_job(ws: Workspace) -> tuple[str, float, Callable[[], None]]:
    """The publishing service's job: every hour, make the day's backup if it is due (with
    the backup settings as saved at that moment)."""

    def run() -> None:
        try:
            backup_if_due(ws, settings=saved_settings(ws))
        except EssPlannerError as exc:
            log.warning("automatic backup failed: %s", exc)

    return ("backup", CHECK_SECONDS, run)


def last_backup_time(folder: Path) -> datetime | None:
    stamps = [s[0] for p in folder.glob(f"{BACKUP_PREFIX}-*.zip") if (s := stamp_of(p))]
    return max(stamps, default=None)


def rotate(folder: Path, prefix: str, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest ``prefix`` archives (at least one is kept)."""
    found = [(s, p) for p in folder.glob(f"{prefix}-*.zip") if (s := stamp_of(p))]
    found.sort(reverse=True)
    removed = []
    for _stamp, path in found[max(keep, 1):]:
        try:
            path.unlink()
            removed.append(path)
        except OSError as exc:
            log.warning("old backup %s not deleted: %s", path, exc)
    return removed


def list_backups(folder: Path) -> list[BackupFile]:
    """The backups in ``folder`` (daily and safety ones), newest first."""
    found = []
    for path in folder.glob("essplanner-*.zip"):
        try:
            found.append(BackupFile(path, read_manifest(path)))
        except EssPlannerError as exc:
            log.warning("backup %s unreadable: %s", path, exc)
    return sorted(found, key=lambda b: (b.manifest.created_at, b.path.name), reverse=True)


def export_workspace(ws: Workspace, dest: Path, *,
                     progress: Progress | None = None) -> BackupFile:
    """The whole workspace in one file, to open on another computer. No secret goes in."""
    return _backup(ws.db.url, ws.paths, now=ws.clock.now(), kind=Kind.EXPORT, dest=dest,
                   settings=ws.settings, progress=progress)


def _backup(url: str, paths: Paths, *, now: datetime, kind: Kind, dest: Path | None = None,
            settings: Settings | None = None, progress: Progress | None = None) -> BackupFile:
    source = database_file(url)
    if source is None:
        raise TeamDatabaseError(team_message())
    if dest is None:
        try:
            paths.backup_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise write_error(exc, paths.backup_dir) from exc
        prefix = SAFETY_PREFIX if kind is Kind.SAFETY else BACKUP_PREFIX
        dest = archive_name(prefix, now, paths.backup_dir)
    dest = dest.expanduser()
    if not dest.parent.is_dir():
        raise missing_folder(dest.parent)
    if not source.is_file():
        raise StorageError(_("There is no database at {path} to back up.", path=str(source)))
    try:
        with tempfile.TemporaryDirectory(dir=dest.parent, prefix=".essplanner-") as tmp:
            copy = Path(tmp) / "snapshot.sqlite3"
            snapshot(source, copy)
            revision, counts, upcoming = _inspect(copy, now, export=kind is Kind.EXPORT)
            media = media_files(paths.media_dir)
            logo = _logo(settings) if kind is Kind.EXPORT else None
            contents = Contents(database=copy, media_dir=paths.media_dir, logo=logo)
            if kind is Kind.EXPORT and settings is not None:
                contents.settings = json.dumps(asdict(settings), ensure_ascii=False,
                                               indent=2).encode()
            manifest = Manifest(kind=kind, created_at=now, app_version=__version__,
                                schema_revision=revision,
                                counts=replace(counts, media=len(media)), upcoming=upcoming,
                                media_dir=str(paths.media_dir),
                                has_settings=contents.settings is not None)
            write_archive(dest, manifest, contents, progress=progress)
    except OSError as exc:
        raise write_error(exc, dest) from exc
    except sqlite3.Error as exc:
        raise _db_error(exc) from exc
    return BackupFile(dest, manifest)


def snapshot(source: Path, dest: Path) -> None:
    """Copy the database with SQLite's online backup API, in one step: a consistent
    snapshot of the last commit, whatever other connections are writing meanwhile."""
    src = sqlite3.connect(str(source), timeout=BUSY_TIMEOUT_S)
    try:
        dst = sqlite3.connect(str(dest))
        try:
            src.backup(dst)  # pages=-1: all at once, under one read transaction
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            dst.close()
    finally:
        src.close()


def _inspect(copy: Path, now: datetime, *,
             export: bool) -> tuple[str, Counts, tuple[UpcomingPost, ...]]:
    conn = sqlite3.connect(str(copy))
    try:
        if export:
            mark_to_reconnect(conn)
            conn.execute("VACUUM")  # nothing deleted earlier lingers in free pages
        if conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
            raise StorageError(_("The database is damaged: no backup was made. Restore an "
                                 "earlier backup (File › Backups)."))
        revision = schema_revision(conn)
        counts = Counts(**{field: _count(conn, table) for field, table in COUNTED.items()})
        stamp = now.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
        rows = conn.execute(
            "SELECT title, body, scheduled_at FROM post WHERE scheduled_at >= ? "
            "ORDER BY scheduled_at, id LIMIT ?", (stamp, UPCOMING)).fetchall()
        upcoming = tuple(UpcomingPost(_title(title, body),
                                      datetime.fromisoformat(when).replace(tzinfo=UTC))
                         for title, body, when in rows)
        return revision, counts, upcoming
    finally:
        conn.close()


#: what a manifest counts: Counts field -> table
COUNTED = {"posts": "post", "personas": "persona", "objectives": "objective",
           "accounts": "account"}
_COUNT_SQL = {table: f"SELECT count(*) FROM {table}" for table in COUNTED.values()}  # noqa: S608


def _count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(_COUNT_SQL[table]).fetchone()[0])


def _title(title: str, body: str) -> str:
    # as domain.Post.display_title
    if title:
        return title
    return body.strip().splitlines()[0][:60] if body.strip() else ""


def schema_revision(conn: sqlite3.Connection) -> str:
    rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    return ",".join(sorted(r[0] for r in rows))


def mark_to_reconnect(conn: sqlite3.Connection) -> None:
    """Every account waits for its secret again (the keyring did not move with the data)."""
    conn.execute("UPDATE account SET needs_reconnect = 1, reconnect_reason = ?", (_(
        "Moved from another computer: its secret stays in that computer's keyring. "
        "Connect the account again."),))
    conn.commit()


def _logo(settings: Settings | None) -> Path | None:
    if settings is None or not settings.organisation_logo:
        return None
    path = Path(settings.organisation_logo).expanduser()
    return path if path.is_file() else None


# --------------------------------------------------------------- restoring ---


def restore_backup(ws: Workspace, archive: Path, *,
                   progress: Progress | None = None) -> RestoreResult:
    """Replace the workspace with ``archive``, after a safety backup of the current one.

    Everything is checked first (the file, its database, its schema): a bad file changes
    nothing.
    """
    target = database_file(ws.db.url)
    if target is None:
        raise TeamDatabaseError(team_message())
    manifest, safety = _put_back(archive, ws.paths, target, now=ws.clock.now(), keep=True,
                                 backups_kept=ws.settings.backups_kept, progress=progress,
                                 reconnect=False)
    from essplanner.storage import ensure_schema

    ensure_schema(ws.db, ws.paths.backup_dir)  # a backup of an older version is upgraded
    log.info("workspace restored from %s (made %s); safety backup %s", archive,
             manifest.created_at, safety.path if safety else None)
    return RestoreResult(manifest, safety)


def import_workspace(paths: Paths, archive: Path, *, db_url: str | None = None,
                     replace: bool = False, now: datetime | None = None,
                     progress: Progress | None = None) -> ImportResult:
    """Bring an exported workspace (or a backup) into this data folder.

    The folder must hold no workspace yet (no post, persona, objective, account or media
    file), unless ``replace`` says to overwrite it; a safety backup is taken first then.
    Accounts come back marked to reconnect.
    """
    url = database_url(paths, db_url)
    target = database_file(url)
    if target is None:
        raise TeamDatabaseError(team_message())
    paths.ensure()
    current = workspace_contents(paths, url)
    if not current.empty and not replace:
        raise WorkspaceNotEmptyError(_(
            "The data folder {folder} already holds a workspace ({posts}, {accounts}); "
            "nothing was imported.", folder=str(paths.data_dir),
            posts=n_("{n} post", "{n} posts", current.posts),
            accounts=n_("{n} account", "{n} accounts", current.accounts)), current)
    settings = Settings.load(paths.settings_file)
    incoming = read_settings(archive.expanduser())  # checked before anything changes
    manifest, safety = _put_back(archive, paths, target, now=now or datetime.now(UTC),
                                 keep=not current.empty, backups_kept=settings.backups_kept,
                                 progress=progress, reconnect=True)
    from essplanner.storage import Database, ensure_schema

    db = Database(url)
    try:
        ensure_schema(db, paths.backup_dir)
    finally:
        db.dispose()
    if incoming is not None:
        _install_settings(archive.expanduser(), incoming, paths)
    log.info("workspace imported from %s into %s", archive, paths.data_dir)
    return ImportResult(manifest, safety, incoming)


def workspace_contents(paths: Paths, url: str | None = None) -> Counts:
    """What the data folder holds (all zero: an empty folder, or a new empty database)."""
    media = len(media_files(paths.media_dir))
    path = database_file(url or paths.default_database_url)
    if path is None or not path.is_file():
        return Counts(media=media)
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
        try:
            counts: dict[str, int] = {}
            for field, table in COUNTED.items():
                try:
                    counts[field] = _count(conn, table)
                except sqlite3.OperationalError:
                    counts[field] = 0  # no such table: a database not created yet
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise _db_error(exc) from exc
    return Counts(**counts, media=media)


def _put_back(archive: Path, paths: Paths, target: Path, *, now: datetime, keep: bool,
              backups_kept: int, progress: Progress | None,
              reconnect: bool) -> tuple[Manifest, BackupFile | None]:
    archive = archive.expanduser()
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    try:
        with open_archive(archive) as (zf, manifest), \
                tempfile.TemporaryDirectory(dir=paths.data_dir, prefix=".restore-") as tmp:
            database = extract_database(zf, Path(tmp), archive.name)
            media = media_members(zf)
            _prepare(database, archive.name, paths.media_dir,
                     {PurePosixPath(i.filename).name: i.filename[len(MEDIA):] for i in media},
                     reconnect=reconnect)
            safety = None
            if keep:  # the workspace about to be replaced, kept just in case
                safety = _backup(f"sqlite:///{target}", paths, now=now, kind=Kind.SAFETY)
                rotate(paths.backup_dir, SAFETY_PREFIX, backups_kept)
            total = len(media) + 1
            for done, info in enumerate(media, start=1):
                dest = paths.media_dir.joinpath(*info.filename[len(MEDIA):].split("/"))
                if not (dest.is_file() and dest.stat().st_size == info.file_size):
                    extract_to(zf, info, dest)  # content-addressed: same name, same bytes
                if progress:
                    progress(done, total)
            install_database(database, target)
            if progress:
                progress(total, total)
    except OSError as exc:
        raise _restore_error(exc) from exc
    except sqlite3.Error as exc:
        raise _restore_error(exc) from exc
    return manifest, safety


def _prepare(database: Path, name: str, media_dir: Path, media: dict[str, str], *,
             reconnect: bool) -> None:
    """Check the extracted database's schema; point its media rows at this media folder."""
    conn = sqlite3.connect(str(database))
    try:
        try:
            revision = schema_revision(conn)
        except sqlite3.Error as exc:
            raise ArchiveError(_("{name} is not an ESS Planner backup or workspace file.",
                                 name=name)) from exc
        if not set(revision.split(",")) <= known_revisions():
            raise newer_version(name, revision)
        for row_id, path in conn.execute("SELECT id, path FROM media").fetchall():
            rel = media.get(re.split(r"[\\/]", path)[-1])
            if rel is not None:
                moved = str(media_dir.joinpath(*rel.split("/")))
                if moved != path:
                    conn.execute("UPDATE media SET path = ? WHERE id = ?", (moved, row_id))
        conn.commit()
        if reconnect:
            mark_to_reconnect(conn)
    finally:
        conn.close()


def install_database(source: Path, target: Path) -> None:
    """Put ``source`` in place of the database ``target``, even while it is open elsewhere."""
    if not target.exists():
        for suffix in ("-wal", "-shm", "-journal"):  # never applied to the new file
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        return
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(target), timeout=BUSY_TIMEOUT_S)
        try:
            size = dst.execute("PRAGMA page_size").fetchone()[0]
            if src.execute("PRAGMA page_size").fetchone()[0] != size:
                # a WAL database takes a copy of its own page size only
                src.execute(f"PRAGMA page_size={int(size)}")
                src.execute("VACUUM")
            src.backup(dst)  # one write transaction: readers see the old or the new data
        finally:
            dst.close()
    finally:
        src.close()


def read_settings(archive: Path) -> Settings | None:
    """The settings an exported workspace carries (None in a backup)."""
    name = archive.name
    try:
        with zipfile.ZipFile(archive) as zf:
            if SETTINGS not in zf.namelist():
                return None
            raw = json.loads(zf.read(SETTINGS))
        known = set(Settings.__dataclass_fields__)
        return Settings(**{k: v for k, v in raw.items() if k in known})
    except FileNotFoundError as exc:
        raise NotFoundError(_("The file {path} does not exist.", path=str(archive))) from exc
    except (zipfile.BadZipFile, OSError, ValueError, TypeError, AttributeError) as exc:
        raise ArchiveError(_("{name} is not an ESS Planner backup or workspace file.",
                             name=name)) from exc


def _install_settings(archive: Path, settings: Settings, paths: Paths) -> None:
    try:
        with zipfile.ZipFile(archive) as zf:
            logos = [i for i in zf.infolist() if i.filename.startswith(LOGO) and not i.is_dir()]
            if logos:
                dest = paths.data_dir / PurePosixPath(logos[0].filename).name
                extract_to(zf, logos[0], dest)
                settings.organisation_logo = str(dest)
            elif settings.organisation_logo:
                settings.organisation_logo = ""  # it stayed on the other computer
        settings.save(paths.settings_file)
    except OSError as exc:
        raise write_error(exc, paths.settings_file) from exc


# ----------------------------------------------------------------- helpers ---


def database_file(url: str) -> Path | None:
    """The SQLite file of ``url``; None for a server database (PostgreSQL)."""
    from essplanner.services.quickread import sqlite_path

    return sqlite_path(url)


def known_revisions() -> set[str]:
    """Every schema revision this version knows (a backup from a later one is refused)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from essplanner.storage import MIGRATIONS_DIR

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return {s.revision for s in ScriptDirectory.from_config(cfg).walk_revisions()}


def team_message() -> str:
    return _("This workspace is a team's PostgreSQL database: its server's administrator backs "
             "it up and moves it (pg_dump). Nothing was done here.")


def _restore_error(exc: OSError | sqlite3.Error) -> EssPlannerError:
    """The database is put back last, in one transaction: a failure leaves it as it was."""
    text = str(exc).lower()
    if getattr(exc, "errno", None) == errno.ENOSPC or "disk is full" in text:
        return StorageError(_("The disk is full: the workspace was not replaced. Free some "
                              "space and try again."))
    if isinstance(exc, sqlite3.Error):
        return _db_error(exc)
    return StorageError(_("The workspace could not be replaced: {error}",
                          error=exc.strerror or str(exc)))


def _db_error(exc: sqlite3.Error) -> EssPlannerError:
    from essplanner.storage import describe_db_error

    return StorageError(describe_db_error(exc))
