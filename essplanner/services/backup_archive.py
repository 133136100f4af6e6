"""The one-file format of backups and exported workspaces: a zip with a manifest.

::

    manifest.json      what it holds (see :class:`Manifest`), read first and shown to the user
    database.sqlite3   a snapshot taken with SQLite's online backup API (rollback journal)
    media/<xx>/<file>  the media folder, file for file (content-addressed names)
    settings.json      the user's settings (exports only; they never hold a secret)
    logo/<file>        the association's logo (exports only, when there is one)

Reading checks everything before anything is changed: that it is a zip, that the
manifest is ours and not from a newer format, that no member escapes its folder, and
that every member's checksum (CRC) is right. Standard library only: no Qt, no SQLAlchemy.
"""

from __future__ import annotations

import errno
import json
import os
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import Any

from essplanner.errors import EssPlannerError, NotFoundError, StorageError
from essplanner.i18n import _

FORMAT = "essplanner-workspace"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "database.sqlite3"
SETTINGS = "settings.json"
MEDIA = "media/"
LOGO = "logo/"
#: how many of the next posts a manifest names
UPCOMING = 5

Progress = Callable[[int, int], None]


class Kind(StrEnum):
    """Why an archive was made."""

    BACKUP = "backup"  # the daily backup, or "Back up now"
    SAFETY = "safety"  # taken just before a restore or an import replaced the workspace
    EXPORT = "export"  # the whole workspace, to move it to another computer


class ArchiveError(EssPlannerError):
    """The file is not a usable backup: foreign, damaged, from a newer version, missing folder."""

    exit_code = 2


@dataclass(frozen=True)
class Counts:
    posts: int = 0
    personas: int = 0
    objectives: int = 0
    accounts: int = 0
    media: int = 0

    @property
    def empty(self) -> bool:
        return not any(asdict(self).values())


@dataclass(frozen=True)
class UpcomingPost:
    title: str
    scheduled_at: datetime


@dataclass(frozen=True)
class Manifest:
    """What an archive holds; written at its creation, shown before a restore."""

    kind: Kind
    created_at: datetime
    app_version: str
    schema_revision: str
    counts: Counts
    upcoming: tuple[UpcomingPost, ...] = ()
    #: the media folder it was made from, to move the media rows' paths on restore
    media_dir: str = ""
    has_settings: bool = False
    format_version: int = FORMAT_VERSION

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": self.format_version,
            "kind": self.kind.value,
            "created_at": iso(self.created_at),
            "app_version": self.app_version,
            "schema_revision": self.schema_revision,
            "counts": asdict(self.counts),
            "upcoming": [{"title": u.title, "scheduled_at": iso(u.scheduled_at)}
                         for u in self.upcoming],
            "media_dir": self.media_dir,
            "settings": self.has_settings,
        }

    @classmethod
    def from_json(cls, raw: Any) -> Manifest:
        """Raises KeyError, TypeError or ValueError on anything but our format."""
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise ValueError("not our format")
        counts = raw["counts"]
        return cls(
            kind=Kind(raw["kind"]),
            created_at=parse_iso(raw["created_at"]),
            app_version=str(raw["app_version"]),
            schema_revision=str(raw["schema_revision"]),
            counts=Counts(**{k: int(counts.get(k, 0)) for k in Counts.__dataclass_fields__}),
            upcoming=tuple(UpcomingPost(str(u["title"]), parse_iso(u["scheduled_at"]))
                           for u in raw.get("upcoming", [])),
            media_dir=str(raw.get("media_dir", "")),
            has_settings=bool(raw.get("settings", False)),
            format_version=int(raw["format_version"]),
        )


def iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def parse_iso(text: str) -> datetime:
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError("naive time in a manifest")
    return value.astimezone(UTC)


# ------------------------------------------------------------------ reading ---


@contextmanager
def open_archive(path: Path) -> Iterator[tuple[zipfile.ZipFile, Manifest]]:
    """The archive and its manifest, fully checked (CRC of every member, safe names)."""
    name = path.name
    if not path.is_file():
        raise NotFoundError(_("The file {path} does not exist.", path=str(path)))
    foreign = ArchiveError(_("{name} is not an ESS Planner backup or workspace file.",
                             name=name))
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise foreign from exc
    except OSError as exc:
        raise ArchiveError(_("The file {path} cannot be read: {error}", path=str(path),
                             error=exc.strerror or str(exc))) from exc
    with archive:
        manifest = _manifest(archive, foreign)
        if manifest.format_version > FORMAT_VERSION:
            raise ArchiveError(newer_version(name, manifest.app_version))
        names = archive.namelist()
        if DATABASE not in names or not all(_safe(n) for n in names):
            raise foreign
        try:
            bad = archive.testzip()
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise damaged(name) from exc
        if bad is not None:
            raise damaged(name)
        yield archive, manifest


def read_manifest(path: Path) -> Manifest:
    """The manifest of ``path`` (without checking the rest: fast, for lists and dialogs)."""
    if not path.is_file():
        raise NotFoundError(_("The file {path} does not exist.", path=str(path)))
    foreign = ArchiveError(_("{name} is not an ESS Planner backup or workspace file.",
                             name=path.name))
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = _manifest(archive, foreign)
    except zipfile.BadZipFile as exc:
        raise foreign from exc
    except OSError as exc:
        raise ArchiveError(_("The file {path} cannot be read: {error}", path=str(path),
                             error=exc.strerror or str(exc))) from exc
    if manifest.format_version > FORMAT_VERSION:
        raise ArchiveError(newer_version(path.name, manifest.app_version))
    return manifest


def _manifest(archive: zipfile.ZipFile, foreign: ArchiveError) -> Manifest:
    try:
        return Manifest.from_json(json.loads(archive.read(MANIFEST)))
    except (KeyError, TypeError, ValueError, AttributeError, zipfile.BadZipFile) as exc:
        raise foreign from exc


def _safe(name: str) -> bool:
    if name in (MANIFEST, DATABASE, SETTINGS):
        return True
    pure = PurePosixPath(name)
    return (name.startswith((MEDIA, LOGO)) and not pure.is_absolute() and ".." not in pure.parts
            and "\\" not in name and ":" not in name)


def damaged(name: str) -> ArchiveError:
    return ArchiveError(_("{name} is damaged: it cannot be read completely. Nothing was "
                          "changed.", name=name))


def newer_version(name: str, version: str) -> ArchiveError:
    return ArchiveError(_("{name} was made by a newer version of ESS Planner ({version}); "
                          "install that version or a later one to open it. Nothing was changed.",
                          name=name, version=version))


def media_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    return [i for i in archive.infolist() if i.filename.startswith(MEDIA) and not i.is_dir()]


def extract_database(archive: zipfile.ZipFile, folder: Path, name: str) -> Path:
    """The database, extracted to ``folder`` and checked with ``PRAGMA integrity_check``."""
    dest = folder / DATABASE
    with archive.open(DATABASE) as src, dest.open("wb") as out:
        _copy(src, out)
    try:
        conn = sqlite3.connect(str(dest))
        try:
            result = conn.execute("PRAGMA integrity_check").fetchall()
            conn.execute("SELECT count(*) FROM post").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise damaged(name) from exc
    if result != [("ok",)]:
        raise damaged(name)
    return dest


def extract_to(archive: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path) -> None:
    """One member to ``dest``, atomically (a full disk never leaves half a file)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".restore-")
    try:
        with os.fdopen(fd, "wb") as out, archive.open(info) as src:
            _copy(src, out)
        os.replace(tmp, dest)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _copy(src: Any, out: Any) -> None:
    for chunk in iter(lambda: src.read(1 << 20), b""):
        out.write(chunk)


# ------------------------------------------------------------------ writing ---


@dataclass
class Contents:
    """What goes into an archive besides the manifest."""

    database: Path
    media_dir: Path
    settings: bytes | None = None
    logo: Path | None = None


def media_files(media_dir: Path) -> list[Path]:
    """The media folder's files (half-copied imports left out)."""
    if not media_dir.is_dir():
        return []
    return sorted(p for p in media_dir.rglob("*")
                  if p.is_file() and not p.name.startswith((".import-", ".restore-")))


def write_archive(dest: Path, manifest: Manifest, contents: Contents, *,
                  progress: Progress | None = None) -> None:
    """Write the archive to ``dest`` atomically: a temporary file beside it, then renamed."""
    media = media_files(contents.media_dir)
    total = 2 + len(media)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".essplanner-", suffix=".zip.part")
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", allowZip64=True) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest.to_json(), ensure_ascii=False,
                                                  indent=2), zipfile.ZIP_DEFLATED)
            archive.write(contents.database, DATABASE, zipfile.ZIP_DEFLATED)
            done = 1
            if progress:
                progress(done, total)
            for path in media:  # images and videos are compressed already
                rel = path.relative_to(contents.media_dir).as_posix()
                archive.write(path, MEDIA + rel, zipfile.ZIP_STORED)
                done += 1
                if progress:
                    progress(done, total)
            if contents.settings is not None:
                archive.writestr(SETTINGS, contents.settings, zipfile.ZIP_DEFLATED)
            if contents.logo is not None:
                archive.write(contents.logo, LOGO + contents.logo.name, zipfile.ZIP_STORED)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
        if progress:
            progress(total, total)
    finally:
        Path(tmp).unlink(missing_ok=True)


def write_error(exc: OSError, dest: Path) -> EssPlannerError:
    """The user's message for a failed write: full disk, missing folder, refused..."""
    if exc.errno == errno.ENOSPC or "disk is full" in str(exc).lower():
        return StorageError(_("The disk is full: {file} was not written. Free some space and "
                              "try again.", file=dest.name))
    if exc.errno == errno.ENOENT and not dest.parent.is_dir():
        return missing_folder(dest.parent)
    return StorageError(_("{file} could not be written: {error}", file=str(dest),
                          error=exc.strerror or str(exc)))


def missing_folder(folder: Path) -> ArchiveError:
    return ArchiveError(_("The folder {folder} does not exist.", folder=str(folder)))


_STAMP = re.compile(r"-(\d{8}T\d{6}Z)(?:-(\d+))?\.zip$")


def stamp_of(path: Path) -> tuple[datetime, int] | None:
    """When an archive named by :func:`archive_name` was made (and its rank that second)."""
    found = _STAMP.search(path.name)
    if found is None:
        return None
    when = datetime.strptime(found.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    return when, int(found.group(2) or 1)


def archive_name(prefix: str, when: datetime, folder: Path) -> Path:
    """``<prefix>-<UTC stamp>.zip`` in ``folder``, numbered when that second is taken."""
    stamp = when.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    candidate = folder / f"{prefix}-{stamp}.zip"
    n = 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{prefix}-{stamp}-{n}.zip"
    return candidate
