"""``essplanner objective``: what posts are for, with KPIs."""

from __future__ import annotations

import argparse
from typing import Any

from essplanner import domain
from essplanner.cli.common import (
    Parser,
    emit,
    json_flag,
    open_workspace,
)
from essplanner.i18n import _


def objective_json(o: domain.Objective) -> dict[str, Any]:
    return {"id": o.id, "name": o.name, "kind": o.kind.value, "description": o.description,
            "kpis": [{"id": k.id, "name": k.name, "target": k.target_value, "unit": k.unit,
                      "period": k.period.value, "source": k.source.value, "metric": k.metric}
                     for k in o.kpis]}


def cmd_objective_add(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    objective = ws.objectives.add(
        name=args.name, kind=domain.ObjectiveKind(args.kind), description=args.description or "",
        kpi_name=args.kpi or "", target_value=args.target, unit=args.unit or "",
        period=domain.Period(args.period), source=domain.KpiSource(args.source),
    )
    emit(args, objective_json(objective), str(objective.id))
    return 0


def cmd_objective_list(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    objectives = ws.objectives.all()

    def text() -> str:
        lines = []
        for o in objectives:
            lines.append(f"{o.name} ({o.kind.value})")
            lines.extend(f"    {k.name}: {k.target_value:g} {k.unit} / {k.period.value}"
                         for k in o.kpis)
        return "\n".join(lines) or _("No objectives yet.")

    emit(args, [objective_json(o) for o in objectives], text)
    return 0


def register(sub: Any) -> None:
    objective = sub.add_parser("objective", help=_("what your posts are for, with KPIs"))
    objective_sub = objective.add_subparsers(dest="verb", metavar="VERB", required=True,
                                             parser_class=Parser)
    p = objective_sub.add_parser("add", help=_("add an objective and its KPI"))
    p.add_argument("name")
    p.add_argument("--kind", choices=[k.value for k in domain.ObjectiveKind], default="other")
    p.add_argument("--description")
    p.add_argument("--kpi", metavar="NAME", help=_("KPI name, e.g. \"Dons reçus\""))
    p.add_argument("--target", type=float, help=_("KPI target value"))
    p.add_argument("--unit")
    p.add_argument("--period", choices=[x.value for x in domain.Period], default="month")
    p.add_argument("--source", choices=[x.value for x in domain.KpiSource], default="outcomes")
    json_flag(p)
    p.set_defaults(handler=cmd_objective_add)
    p = objective_sub.add_parser("list", help=_("list objectives and KPIs"))
    json_flag(p)
    p.set_defaults(handler=cmd_objective_list)
