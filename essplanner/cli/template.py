"""``essplanner template``: the guide's post templates and the users' own."""

from __future__ import annotations

import argparse
from typing import Any

from essplanner.cli.common import Parser, emit, json_flag, open_workspace
from essplanner.i18n import _, language
from essplanner.services.templates import PostTemplate


def template_json(t: PostTemplate) -> dict[str, Any]:
    return {"key": t.key, "name": t.name, "source": "guide" if t.from_guide else "saved",
            "description": t.description, "title": t.title, "body": t.body,
            "call_to_action": t.call_to_action, "hashtags": list(t.hashtags),
            "personas": list(t.personas), "segments": [s.value for s in t.segments],
            "objective_kinds": [k.value for k in t.objective_kinds],
            "objectives": list(t.objectives), "networks": list(t.networks),
            "reminder": t.reminder, "language": t.language}


def cmd_template_list(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    templates = ws.templates.all(language())

    def text() -> str:
        lines = []
        for t in templates:
            source = _("guide") if t.from_guide else _("saved")
            lines.append(f"{t.name} [{source}] — {', '.join(t.personas) or '-'}; "
                         f"{', '.join(k.value for k in t.objective_kinds) or '-'}; "
                         f"{', '.join(t.networks) or '-'}")
            if t.description:
                lines.append(f"    {t.description}")
        return "\n".join(lines)

    emit(args, [template_json(t) for t in templates], text)
    return 0


def cmd_template_save(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    template = ws.templates.save_from_post(args.post, args.name,
                                           description=args.description or "")
    emit(args, template_json(template), template.name)
    return 0


def register(sub: Any) -> None:
    template = sub.add_parser("template", help=_("post templates from the guide, and your own"))
    template_sub = template.add_subparsers(dest="verb", metavar="VERB", required=True,
                                           parser_class=Parser)
    p = template_sub.add_parser("list", help=_("list the templates"))
    json_flag(p)
    p.set_defaults(handler=cmd_template_list)
    p = template_sub.add_parser("save", help=_("save a post as a template"))
    p.add_argument("post", type=int, metavar="POST_ID")
    p.add_argument("--name", required=True)
    p.add_argument("--description")
    json_flag(p)
    p.set_defaults(handler=cmd_template_save)
