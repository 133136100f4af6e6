"""``essplanner metrics refresh``: read the platforms' counters of recent posts."""

from __future__ import annotations

import argparse
from typing import Any

from essplanner.i18n import _, n_


def cmd_refresh(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from essplanner.channels.accounts import find_account
    from essplanner.channels.metrics import refresh_metrics
    from essplanner.cli.common import UsageError, emit, open_workspace

    if args.days <= 0:
        raise UsageError(_("--days must be at least 1."))
    ws = open_workspace(args)
    ids = [find_account(ws, name).id for name in args.account] if args.account else None
    report = refresh_metrics(ws, max_age=timedelta(days=args.days), account_ids=ids)

    def text() -> str:
        # TRANSLATORS: {stored} is "5 values stored", {none} "1 without metrics"
        lines = [n_("{n} post read, {stored}, {none}.", "{n} posts read, {stored}, {none}.",
                    report.read,
                    stored=n_("{n} value stored", "{n} values stored", report.stored),
                    none=n_("{n} without metrics", "{n} without metrics",
                            report.unavailable))]
        lines.extend(f"  ! {name}: {message}" for name, message in report.problems.items())
        return "\n".join(lines)

    emit(args, {"read": report.read, "stored": report.stored,
                "unavailable": report.unavailable, "problems": report.problems}, text)
    return 1 if report.problems and not report.read else 0


def register(sub: Any) -> None:
    from essplanner.cli.common import Parser

    metrics = sub.add_parser("metrics", help=_("likes, reposts and replies of published posts"))
    verbs = metrics.add_subparsers(dest="verb", metavar="VERB", required=True,
                                   parser_class=Parser)
    p = verbs.add_parser("refresh", help=_("read the counters of recently published posts"))
    p.add_argument("--days", type=int, default=30, help=_("posts of the last N days (30)"))
    p.add_argument("--account", action="append", default=[], metavar="NAME")
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_refresh)
