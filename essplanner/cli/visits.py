"""``essplanner import visits FILE``: web-analytics visits of the posts' tagged links.

The ``import`` group may also hold other verbs (``import csv``) registered by another
module: whichever module comes first creates the group, the other adds to it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from essplanner.cli.common import emit, open_workspace
from essplanner.i18n import _, n_
from essplanner.timeutil import parse_user_date


def verb_group(sub: Any, name: str, help_text: str) -> Any:
    """The sub-commands of group ``name`` (``import``), created if no module did yet."""
    parser = sub.choices.get(name)
    if parser is None:
        parser = sub.add_parser(name, help=help_text)
        return parser.add_subparsers(dest="verb", metavar="VERB", required=True,
                                     parser_class=sub._parser_class)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(dest="verb", metavar="VERB", required=True,
                                 parser_class=sub._parser_class)


def cmd_import_visits(args: argparse.Namespace) -> int:
    from essplanner.kpi.periods import day_text

    ws = open_workspace(args)
    default_day = parse_user_date(args.date) if args.date else None
    result = ws.kpis.import_visits(Path(args.file), default_day=default_day)
    emit(args, {"rows": result.rows, "inserted": result.inserted, "replaced": result.replaced,
                "visits": result.visits, "with_campaign": result.with_campaign,
                "first_day": result.first_day.isoformat(),
                "last_day": result.last_day.isoformat(), "columns": result.columns,
                "skipped": result.skipped},
         # TRANSLATORS: {lines} is "12 lines", {new} "10 new", {updated} "2 updated",
         # {campaigns} "8 lines carry a utm_campaign"
         n_("{n} visit imported from {lines} ({new}, {updated}), from {first} to {last}; "
            "{campaigns}.",
            "{n} visits imported from {lines} ({new}, {updated}), from {first} to {last}; "
            "{campaigns}.", result.visits,
            lines=n_("{n} line", "{n} lines", result.rows),
            new=n_("{n} new", "{n} new", result.inserted),
            updated=n_("{n} updated", "{n} updated", result.replaced),
            first=day_text(result.first_day), last=day_text(result.last_day),
            campaigns=n_("{n} line carries a utm_campaign", "{n} lines carry a utm_campaign",
                         result.with_campaign)))
    return 0


def register(sub: Any) -> None:
    group = verb_group(sub, "import", _("import data from files"))
    p = group.add_parser("visits", help=_("visits from web analytics (Matomo, Plausible, "
                                          "Google Analytics CSV)"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help=_("the day of the visits, for an export without a date column"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_import_visits)
