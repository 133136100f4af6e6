"""``essplanner db``: database maintenance."""

from __future__ import annotations

import argparse
from typing import Any

from essplanner.cli.common import (
    Parser,
    emit,
    json_flag,
)
from essplanner.i18n import _
from essplanner.settings import Paths


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from essplanner.settings import database_url
    from essplanner.storage import (
        Database,
        backup_sqlite,
        current_revision,
        head_revision,
        upgrade,
    )

    paths = Paths.resolve(args.data_dir)
    paths.ensure()
    db = Database(database_url(paths, args.db))
    before, head = current_revision(db), head_revision(db)
    if before == head:
        emit(args, {"revision": head, "upgraded": False},
             _("The database is up to date (revision {rev}).", rev=head))
        return 0
    backup = backup_sqlite(db, paths.backup_dir, f"before-{head}") if before else None
    upgrade(db)
    emit(args, {"revision": head, "previous": before, "upgraded": True,
                "backup": str(backup) if backup else None},
         _("Database upgraded from {old} to {new}.", old=before or "-", new=head)
         + (" " + _("Backup: {file}", file=str(backup)) if backup else ""))
    return 0


def register(sub: Any) -> None:
    dbp = sub.add_parser("db", help=_("database maintenance"))
    db_sub = dbp.add_subparsers(dest="verb", metavar="VERB", required=True, parser_class=Parser)
    p = db_sub.add_parser("upgrade", help=_("upgrade the schema (after a backup)"))
    json_flag(p)
    p.set_defaults(handler=cmd_db_upgrade)
