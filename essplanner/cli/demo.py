"""``essplanner demo``: the example workspace."""

from __future__ import annotations

import argparse
from typing import Any

from essplanner.cli.common import (
    Parser,
    emit,
    json_flag,
    open_workspace,
)
from essplanner.i18n import _


def cmd_demo_load(args: argparse.Namespace) -> int:
    from essplanner.demo.loader import load_demo

    ws = open_workspace(args)
    load_demo(ws, lang=args.lang)
    emit(args, {"loaded": True},
         _("The example workspace is loaded: 3 personas, 4 objectives and a month of posts "
           "on dry-run accounts (nothing is really published)."))
    return 0


def register(sub: Any) -> None:
    demo = sub.add_parser("demo", help=_("the example workspace"))
    demo_sub = demo.add_subparsers(dest="verb", metavar="VERB", required=True,
                                   parser_class=Parser)
    p = demo_sub.add_parser("load", help=_("load the example association (energy poverty)"))
    json_flag(p)
    p.set_defaults(handler=cmd_demo_load)
