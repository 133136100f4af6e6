"""``essplanner export csv|ics`` and ``essplanner import csv FILE``: posts in and out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from essplanner.cli.common import emit, open_workspace
from essplanner.cli.visits import verb_group
from essplanner.i18n import _, language, n_
from essplanner.timeutil import parse_user_date


def _write(text: str, out: str | None) -> None:
    """To stdout, or atomically to ``out`` (a full disk never leaves half a file)."""
    from essplanner.services.exchange import write_file

    if not out:
        sys.stdout.write(text)
        return
    write_file(Path(out).expanduser(), text)


def cmd_export(args: argparse.Namespace) -> int:
    from essplanner import domain
    from essplanner.services.exchange import export_csv, export_ics
    from essplanner.timeutil import day_bounds, get_zone

    ws = open_workspace(args)
    zone = get_zone(ws.settings.timezone)
    start = day_bounds(parse_user_date(args.start), zone)[0] if args.start else None
    end = day_bounds(parse_user_date(args.end), zone)[1] if args.end else None
    posts = ws.posts.query(domain.PostQuery(start=start, end=end,
                                            include_unscheduled=args.format == "csv"
                                            and not (start or end)))
    if args.format == "csv":
        text = export_csv(posts, zone, delimiter=";" if language() == "fr" else ",")
    else:
        text = export_ics(posts, now=ws.clock.now(), name="ESS Planner")
    _write(text, args.out)
    if args.out:
        print(n_("{n} post exported to {file}.", "{n} posts exported to {file}.", len(posts),
                 file=args.out),
              file=sys.stderr)
    return 0


def cmd_import_csv(args: argparse.Namespace) -> int:
    from essplanner.services.exchange import read_csv
    from essplanner.timeutil import get_zone

    ws = open_workspace(args)
    rows = read_csv(Path(args.file), zone=get_zone(ws.settings.timezone),
                    personas=ws.personas.all(), objectives=ws.objectives.all(),
                    accounts=ws.accounts.all())
    posts = ws.posts.create_many(
        [(r.label, r.draft, r.scheduled_at) for r in rows],
        schedule=args.schedule)
    emit(args, {"imported": len(posts), "ids": [p.id for p in posts]},
         n_("{n} post imported.", "{n} posts imported.", len(posts)))
    return 0


def register(sub: Any) -> None:
    export = sub.add_parser("export", help=_("posts as CSV (spreadsheet) or iCalendar"))
    export.add_argument("format", choices=["csv", "ics"])
    export.add_argument("--from", dest="start", metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="end", metavar="YYYY-MM-DD")
    export.add_argument("--out", metavar="FILE", help=_("file to write (default: standard output)"))
    export.set_defaults(handler=cmd_export)

    imports = verb_group(sub, "import", _("bring data in: posts, web-analytics visits"))
    p = imports.add_parser("csv", help=_("create posts from a CSV file (all lines or none)"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--schedule", action="store_true",
                   help=_("schedule the imported posts on their accounts (after validation)"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_import_csv)
