"""``essplanner persona``: the people posts speak to."""

from __future__ import annotations

import argparse
from typing import Any

from essplanner import domain
from essplanner.cli.common import (
    Parser,
    emit,
    json_flag,
    open_workspace,
    split_list,
)
from essplanner.i18n import _


def persona_json(p: domain.Persona) -> dict[str, Any]:
    return {"id": p.id, "name": p.name, "age": p.age,
            "segment": p.segment.value if p.segment else None, "motivation": p.motivation,
            "networks": list(p.networks), "expected_content": p.expected_content}


def cmd_persona_add(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    persona = ws.personas.add(
        name=args.name, age=args.age,
        segment=domain.Segment(args.segment) if args.segment else None,
        motivation=args.motivation or "", networks=split_list(args.networks),
        expected_content=args.content or "",
    )
    emit(args, persona_json(persona), str(persona.id))
    return 0


def cmd_persona_list(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    personas = ws.personas.all()

    def text() -> str:
        return "\n".join(
            f"{p.name}" + (f", {p.age}" if p.age else "") + f" — {', '.join(p.networks) or '-'}"
            + (f"\n    {p.expected_content}" if p.expected_content else "")
            for p in personas
        ) or _("No personas yet.")

    emit(args, [persona_json(p) for p in personas], text)
    return 0


def register(sub: Any) -> None:
    persona = sub.add_parser("persona", help=_("the people your posts speak to"))
    persona_sub = persona.add_subparsers(dest="verb", metavar="VERB", required=True,
                                         parser_class=Parser)
    p = persona_sub.add_parser("add", help=_("add a persona"))
    p.add_argument("name")
    p.add_argument("--age", type=int)
    p.add_argument("--segment", choices=[s.value for s in domain.Segment])
    p.add_argument("--motivation")
    p.add_argument("--networks", action="append", metavar="LIST",
                   help=_("networks used, comma separated (facebook,instagram)"))
    p.add_argument("--content", help=_("expected content"))
    json_flag(p)
    p.set_defaults(handler=cmd_persona_add)
    p = persona_sub.add_parser("list", help=_("list personas"))
    json_flag(p)
    p.set_defaults(handler=cmd_persona_list)
