"""``essplanner backup now|list|restore FILE`` and ``essplanner workspace export|import FILE``.

The work is :mod:`essplanner.services.backups`; this module shows what a file holds
before anything is replaced, and asks (or wants ``--yes``/``--replace``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from essplanner.cli.common import UsageError, emit, json_flag
from essplanner.i18n import _, n_
from essplanner.settings import Paths, Settings

if TYPE_CHECKING:
    from essplanner.services.backup_archive import Manifest
    from essplanner.services.backups import BackupFile


def register(sub: Any) -> None:
    from essplanner.cli.visits import verb_group

    backup = verb_group(sub, "backup", _("back up the database and the media, or restore them"))
    p = backup.add_parser("now", help=_("make a backup now (older ones beyond the number kept "
                                        "are deleted)"))
    json_flag(p)
    p.set_defaults(handler=cmd_backup_now)
    p = backup.add_parser("list", help=_("the backups in the data folder, newest first"))
    json_flag(p)
    p.set_defaults(handler=cmd_backup_list)
    p = backup.add_parser("restore", help=_(
        "show what a backup holds, then replace the workspace with it (after a safety backup)"))
    p.add_argument("file", metavar="FILE", help=_("a backup file, or its name in the list"))
    p.add_argument("--yes", action="store_true", help=_("restore without asking"))
    p.set_defaults(handler=cmd_backup_restore)

    workspace = verb_group(sub, "workspace", _("move the whole workspace to another computer"))
    p = workspace.add_parser("export", help=_(
        "write the database, media and settings to one file (never a secret)"))
    p.add_argument("file", metavar="FILE")
    json_flag(p)
    p.set_defaults(handler=cmd_workspace_export)
    p = workspace.add_parser("import", help=_(
        "bring an exported workspace into this (empty) data folder"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--replace", action="store_true", help=_(
        "replace the workspace already in the data folder (after a safety backup)"))
    p.set_defaults(handler=cmd_workspace_import)


# ---------------------------------------------------------------- backup ---


def cmd_backup_now(args: argparse.Namespace) -> int:
    from essplanner.cli.common import open_workspace
    from essplanner.services.backups import TeamDatabaseError, backup_now

    ws = open_workspace(args)
    try:
        made = backup_now(ws)
    except TeamDatabaseError as exc:
        print(str(exc))  # said plainly; nothing to do here
        return 0
    finally:
        ws.close()
    counts = made.manifest.counts
    emit(args, _backup_json(made), _(
        "Backup written: {file} ({posts}, {media}).", file=str(made.path),
        posts=_posts(counts.posts), media=_media(counts.media)))
    return 0


def _posts(count: int) -> str:
    return n_("{n} post", "{n} posts", count)


def _media(count: int) -> str:
    return n_("{n} media file", "{n} media files", count)


def cmd_backup_list(args: argparse.Namespace) -> int:
    from essplanner.services.backups import list_backups

    paths = Paths.resolve(args.data_dir)
    found = list_backups(paths.backup_dir)
    zone = _zone(paths)

    def text() -> str:
        if not found:
            return _("No backup yet in {folder}.", folder=str(paths.backup_dir))
        lines = []
        for item in found:
            m = item.manifest
            lines.append(f"{_when(m.created_at, zone)}  {_kind(m):<24} "
                         + f"{_posts(m.counts.posts)}, {_media(m.counts.media)}"
                         + f"  {_size(item.size)}  {item.path.name}")
        return "\n".join(lines)

    emit(args, [_backup_json(b) for b in found], text)
    return 0


def cmd_backup_restore(args: argparse.Namespace) -> int:
    from essplanner.cli.common import open_workspace
    from essplanner.services.backup_archive import read_manifest
    from essplanner.services.backups import restore_backup

    paths = Paths.resolve(args.data_dir)
    path = _find(args.file, paths.backup_dir)
    manifest = read_manifest(path)
    print(describe(manifest, _zone(paths)))
    if not _confirm(args.yes, _("Replace the current workspace with this backup?"),
                    _("Nothing was restored: add --yes to replace the current workspace "
                      "with this backup.")):
        print(_("Nothing was restored."))
        return 0
    ws = open_workspace(args)
    try:
        result = restore_backup(ws, path)
    finally:
        ws.close()
    print(_("Workspace restored from {file}.", file=path.name))
    if result.safety is not None:
        print(_("The workspace as it was before is kept in {file}.",
                file=str(result.safety.path)))
    return 0


# ------------------------------------------------------------- workspace ---


def cmd_workspace_export(args: argparse.Namespace) -> int:
    from essplanner.cli.common import open_workspace
    from essplanner.services.backups import export_workspace

    ws = open_workspace(args)
    try:
        made = export_workspace(ws, Path(args.file).expanduser())
    finally:
        ws.close()
    counts = made.manifest.counts
    emit(args, _backup_json(made), _(
        # TRANSLATORS: each {…} is a count with its noun ("3 posts", "1 persona")
        "Workspace exported to {file}: {posts}, {personas}, {objectives}, {accounts}, "
        "{media}. No secret is in it: on the other computer, connect the accounts again.",
        file=str(made.path), posts=_posts(counts.posts),
        personas=n_("{n} persona", "{n} personas", counts.personas),
        objectives=n_("{n} objective", "{n} objectives", counts.objectives),
        accounts=n_("{n} account", "{n} accounts", counts.accounts),
        media=_media(counts.media)))
    return 0


def cmd_workspace_import(args: argparse.Namespace) -> int:
    from essplanner.services.backup_archive import read_manifest
    from essplanner.services.backups import WorkspaceNotEmptyError, import_workspace

    paths = Paths.resolve(args.data_dir)
    path = Path(args.file).expanduser()
    manifest = read_manifest(path)
    print(describe(manifest, _zone(paths)))
    try:
        result = import_workspace(paths, path, db_url=args.db, replace=args.replace)
    except WorkspaceNotEmptyError as exc:
        raise UsageError(str(exc) + " " + _(
            "Add --replace to replace it (a safety backup is made first).")) from exc
    print(_("Workspace imported into {folder}.", folder=str(paths.data_dir)))
    if result.manifest.counts.accounts:
        print(n_("{n} account is marked to reconnect: its secret stayed on the other "
                 "computer (essplanner account check, or the Accounts window).",
                 "{n} accounts are marked to reconnect: their secrets stayed on the other "
                 "computer (essplanner account check, or the Accounts window).",
                 result.manifest.counts.accounts))
    if result.safety is not None:
        print(_("The workspace as it was before is kept in {file}.",
                file=str(result.safety.path)))
    return 0


# ---------------------------------------------------------------- helpers ---


def describe(manifest: Manifest, zone: ZoneInfo) -> str:
    """What a backup holds, in a few lines (shown before it replaces anything)."""
    c = manifest.counts
    lines = [
        _("{kind} of {date}, ESS Planner {version}", kind=_kind(manifest),
          date=_when(manifest.created_at, zone), version=manifest.app_version),
        "  " + _("{posts} posts, {personas} personas, {objectives} objectives, {accounts} "
                 "accounts, {media} media files", posts=c.posts, personas=c.personas,
                 objectives=c.objectives, accounts=c.accounts, media=c.media),
    ]
    if manifest.upcoming:
        lines.append("  " + _("Next posts:"))
        lines.extend(f"    {_when(u.scheduled_at, zone)}  {u.title or '—'}"
                     for u in manifest.upcoming)
    else:
        lines.append("  " + _("No post was planned after that date."))
    return "\n".join(lines)


def _kind(manifest: Manifest) -> str:
    from essplanner.services.backup_archive import Kind

    return {Kind.BACKUP: _("Backup"), Kind.SAFETY: _("Safety backup"),
            Kind.EXPORT: _("Exported workspace")}[manifest.kind]


def _confirm(yes: bool, question: str, refusal: str) -> bool:
    if yes:
        return True
    if not sys.stdin.isatty():
        raise UsageError(refusal)
    answer = input(f"{question} [y/N] ").strip().lower()
    return answer in ("y", "yes", "o", "oui")


def _find(name: str, backup_dir: Path) -> Path:
    path = Path(name).expanduser()
    if not path.exists() and (backup_dir / name).is_file():
        return backup_dir / name
    return path


def _zone(paths: Paths) -> ZoneInfo:
    from essplanner.errors import ValidationError
    from essplanner.timeutil import get_zone

    try:
        return get_zone(Settings.load(paths.settings_file).timezone)
    except ValidationError:
        return get_zone(None)


def _when(value: Any, zone: ZoneInfo) -> str:
    return str(value.astimezone(zone).strftime("%Y-%m-%d %H:%M"))


def _size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(size, 1000) // 1000} kB"


def _backup_json(item: BackupFile) -> dict[str, Any]:
    return {"file": str(item.path), "size": item.size, **item.manifest.to_json()}
