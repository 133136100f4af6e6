"""``essplanner target published ID [--url URL]``: the user checked, the post is there.

For an ``unconfirmed`` target (the platform could not tell whether the post went out) or
one published by hand. Target ids are shown by ``essplanner post show ID``.
"""

from __future__ import annotations

import argparse
from typing import Any

from essplanner.i18n import _


def register(sub: Any) -> None:
    target = sub.add_parser("target", help=_("one post on one account"))
    verbs = target.add_subparsers(dest="verb", metavar="VERB", required=True,
                                  parser_class=type(target))
    p = verbs.add_parser("published", help=_(
        "mark a target as published (checked on the platform)"))
    p.add_argument("id", type=int, help=_("target id (see post show --json)"))
    p.add_argument("--url", help=_("address of the post on the platform"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_target_published)


def cmd_target_published(args: argparse.Namespace) -> int:
    from essplanner.cli.common import emit, open_workspace, post_json, post_text

    ws = open_workspace(args)
    try:
        post = ws.posts.mark_published(args.id, remote_url=args.url)
        emit(args, post_json(post), lambda: post_text(ws, post))
        return 0
    finally:
        ws.close()
