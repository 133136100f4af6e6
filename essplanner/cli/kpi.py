"""Verbs of KPIs and their measures: ``kpi``, ``outcome``, ``coverage``, ``report``,
``dashboard`` (and ``import visits``, in :mod:`essplanner.cli.visits`)."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime, time
from pathlib import Path
from typing import Any

from essplanner import domain
from essplanner.cli.common import UsageError, emit, note, open_workspace
from essplanner.i18n import _
from essplanner.timeutil import parse_user_date, parse_user_datetime, to_utc_iso


def _span(ws: Any, args: argparse.Namespace) -> Any:
    """``--from``/``--to`` as local days (default: the current month)."""
    from essplanner.kpi.periods import DateRange, period_of

    today = ws.kpis.today()
    if not args.start and not args.end:
        return period_of(today, domain.Period.MONTH)
    first = parse_user_date(args.start) if args.start else None
    last = parse_user_date(args.end) if args.end else None
    if first is None:
        assert last is not None
        first = last.replace(day=1)
    if last is None:
        last = today if first <= today else first
    if last < first:
        raise UsageError(_("--to is before --from."))
    return DateRange.inclusive(first, last)


def _range_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                   help=_("first day (default: the first of this month)"))
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help=_("last day, included"))


def _json_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help=_("print JSON"))


# ---------------------------------------------------------------------- kpi ---


def progress_json(progress: Any) -> dict[str, Any]:
    kpi = progress.kpi
    return {
        "id": kpi.id, "objective": progress.objective.name, "name": kpi.name,
        "target": kpi.target_value, "unit": kpi.unit, "period": kpi.period.value,
        "source": kpi.source.value, "metric": kpi.metric,
        "progress": [{"label": p.label, "start": p.start.isoformat(),
                      "end": p.end.isoformat(), "value": p.value, "target": p.target,
                      "ratio": p.ratio, "expected": round(p.expected, 2),
                      "elapsed": round(p.elapsed, 4), "status": p.status.value}
                     for p in progress.periods],
    }


def cmd_kpi_add(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    objective = ws.objectives.find([args.objective])[0]
    kpi = ws.kpis.add_kpi(objective.id, name=args.name, target=args.target,
                          unit=args.unit or "", period=domain.Period(args.period),
                          source=domain.KpiSource(args.source), metric=args.metric)
    emit(args, {"id": kpi.id, "objective": objective.name, "name": kpi.name,
                "target": kpi.target_value, "unit": kpi.unit, "period": kpi.period.value,
                "source": kpi.source.value, "metric": kpi.metric}, str(kpi.id))
    return 0


def cmd_kpi_list(args: argparse.Namespace) -> int:
    from essplanner.kpi.periods import DateRange
    from essplanner.kpi.report import period_name, progress_line
    from essplanner.kpi.service import source_name

    ws = open_workspace(args)
    span = None
    if args.date:
        day = parse_user_date(args.date)
        span = DateRange.inclusive(day, day)
    progress = ws.kpis.progress(span)

    def text() -> str:
        lines: list[str] = []
        current = None
        for p in progress:
            if p.objective.name != current:
                current = p.objective.name
                lines.append(current)
            lines.append("  " + progress_line(p))
            detail = f"{period_name(p.kpi.period)}, {source_name(p.kpi.source)}"
            if p.kpi.metric:
                detail += f" ({p.kpi.metric})"
            lines.append(f"      {detail}")
        return "\n".join(lines) or _("No KPIs yet: add one with kpi add OBJECTIVE --name N "
                                     "--target V.")

    emit(args, [progress_json(p) for p in progress], text)
    return 0


def cmd_kpi_remove(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    _objective, kpi = ws.kpis.find_kpi(args.kpi)
    ws.kpis.remove_kpi(kpi.id)
    emit(args, {"removed": kpi.id}, _("KPI « {name} » removed, with its outcome entries.",
                                      name=kpi.name))
    return 0


# ------------------------------------------------------------------ outcome ---


def _occurred(ws: Any, text: str | None) -> datetime | None:
    """A day (noon, local time; now if it is today) or a date and time."""
    if not text:
        return None
    if "T" in text or " " in text.strip():
        parsed = parse_user_datetime(text, ws.settings.timezone)
        note(parsed.note)
        return parsed.utc
    day = parse_user_date(text)
    if day == ws.kpis.today():
        return None
    from essplanner.timeutil import localize

    moment: datetime = localize(datetime.combine(day, time(12)), ws.kpis.zone).utc
    return moment


def outcome_json(o: Any) -> dict[str, Any]:
    return {"id": o.id, "kpi": o.kpi_name, "kpi_id": o.kpi_id, "objective": o.objective_name,
            "occurred_at": to_utc_iso(o.occurred_at), "day": o.day.isoformat(),
            "amount": o.amount, "unit": o.unit, "source": o.source, "note": o.note}


def _outcome_text(o: Any) -> str:
    from essplanner.kpi.report import quantity

    extra = " — ".join(x for x in (o.source, o.note) if x)
    return (f"#{o.id} {o.day.isoformat()} {o.kpi_name} ({o.objective_name}): "
            f"{quantity(o.amount, o.unit)}" + (f" — {extra}" if extra else ""))


def cmd_outcome_add(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    _objective, kpi = ws.kpis.find_kpi(args.kpi, source=domain.KpiSource.OUTCOMES)
    entry = ws.kpis.add_outcome(kpi.id, amount=args.amount,
                                occurred_at=_occurred(ws, args.date), source=args.source or "",
                                note=args.note or "")
    emit(args, outcome_json(entry), lambda: _outcome_text(entry))
    return 0


def cmd_outcome_list(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    kpi_id = ws.kpis.find_kpi(args.kpi, source=domain.KpiSource.OUTCOMES)[1].id \
        if args.kpi else None
    span = _span(ws, args) if (args.start or args.end) else None
    entries = ws.kpis.outcomes(kpi_id=kpi_id, span=span)
    emit(args, [outcome_json(o) for o in entries],
         lambda: "\n".join(_outcome_text(o) for o in entries) or _("No outcome entries."))
    return 0


def cmd_outcome_remove(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    entry = ws.kpis.delete_outcome(args.id)
    emit(args, outcome_json(entry), _("Removed: {entry}", entry=_outcome_text(entry)))
    return 0


# ----------------------------------------------------------------- coverage ---


def coverage_json(c: Any) -> dict[str, Any]:
    return {
        "from": c.span.start.isoformat(), "to": c.span.last.isoformat(),
        "weeks": [w.start.isoformat() for w in c.weeks],
        "rows": [{"kind": r.kind.value, "name": r.name,
                  "segment": r.segment.value if r.segment else None,
                  "planned": [x.planned for x in r.cells],
                  "published": [x.published for x in r.cells],
                  "gap_weeks": sorted(r.gap_weeks)} for r in c.rows],
        "gaps": [{"kind": g.kind.value, "name": g.name, "from": g.start.isoformat(),
                  "to": g.end.isoformat(), "weeks": g.weeks, "message": g.message}
                 for g in c.gaps],
        "channel_misfits": [{"post": m.post_id, "title": m.title, "persona": m.persona,
                             "platforms": list(m.platforms), "message": m.message}
                            for m in c.misfits],
        "channel_fit": [{"persona": f.persona, "fitting": f.fitting, "misfit": f.misfit}
                        for f in c.fit],
    }


def coverage_text(c: Any) -> str:
    from essplanner.kpi.periods import week_short

    names = [r.name for r in c.rows]
    width = max((len(n) for n in names), default=10) + 2
    head = " " * width + " ".join(f"{week_short(w):>12}" for w in c.weeks)
    lines = [head]
    for r in c.rows:
        cells = " ".join(
            f"{(f'{x.planned} ({x.published})' if x.planned else '·'):>11}"
            + ("!" if i in r.gap_weeks else " ")
            for i, x in enumerate(r.cells))
        lines.append(f"{r.name:<{width}}{cells}")
    lines.append("")
    lines.append(_("planned (published); ! marks a gap"))
    if c.gaps:
        lines.append("")
        lines.append(_("Gaps:"))
        lines.extend(f"  - {g.message}" for g in c.gaps)
    if c.misfits:
        lines.append("")
        lines.append(_("Channel fit:"))
        lines.extend(f"  - {m.message}" for m in c.misfits)
    return "\n".join(lines)


def cmd_coverage(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    coverage = ws.kpis.coverage(_span(ws, args), min_weeks=args.min_weeks)
    emit(args, coverage_json(coverage), lambda: coverage_text(coverage))
    return 0


# ------------------------------------------------------------ report, GUI ---


def ensure_offscreen() -> None:
    """Qt can draw without a display (a PDF, a PNG on a server): say so before it starts."""
    if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def cmd_report(args: argparse.Namespace) -> int:
    from essplanner.kpi import report

    fmt = args.format or Path(args.out).suffix.lower().lstrip(".")
    if fmt not in ("pdf", "csv"):
        raise UsageError(_("Choose the report format with --format pdf or --format csv."))
    ws = open_workspace(args)
    data = report.build(ws, _span(ws, args), lang=args.report_lang or args.lang,
                        organisation=args.org or "",
                        include_test_accounts=args.include_test_accounts)
    out = Path(args.out)
    if fmt == "csv":
        report.write_csv(data, out)
    else:
        ensure_offscreen()
        from essplanner.ui.kpi.report_pdf import write_pdf

        write_pdf(data, out)
    emit(args, {"out": str(out), "format": fmt, "from": data.span.start.isoformat(),
                "to": data.span.last.isoformat(), "lang": data.lang},
         _("Report written to {file}.", file=str(out)))
    return 0


def cmd_dashboard(args: argparse.Namespace) -> int:
    ensure_offscreen()
    from essplanner.ui.kpi.dashboard import save_dashboard_png

    ws = open_workspace(args)
    out = Path(args.out)
    save_dashboard_png(ws, _span(ws, args), out, lang=args.lang)
    emit(args, {"out": str(out)}, _("Dashboard saved to {file}.", file=str(out)))
    return 0


def register(sub: Any) -> None:
    from essplanner.kpi.progress import METRIC_NAMES

    parser_class = sub._parser_class
    kpi = sub.add_parser("kpi", help=_("measurable indicators of the objectives"))
    kpi_sub = kpi.add_subparsers(dest="verb", metavar="VERB", required=True,
                                 parser_class=parser_class)
    p = kpi_sub.add_parser("add", help=_("add a KPI to an objective"))
    p.add_argument("objective", metavar="OBJECTIVE")
    p.add_argument("--name", required=True, help=_("e.g. \"Bénévoles inscrits\""))
    p.add_argument("--target", required=True, type=float, help=_("target value per period"))
    p.add_argument("--unit", help=_("€, personnes, demandes..."))
    p.add_argument("--period", choices=[x.value for x in domain.Period], default="month")
    p.add_argument("--source", choices=[x.value for x in domain.KpiSource], default="outcomes",
                   help=_("metrics: platform counters; outcomes: entries typed in; "
                          "visits: imported web analytics"))
    p.add_argument("--metric", help=_("for metrics: {names}; for visits: keep one "
                                      "utm_source", names=", ".join(METRIC_NAMES)))
    _json_flag(p)
    p.set_defaults(handler=cmd_kpi_add)
    p = kpi_sub.add_parser("list", help=_("KPIs with their progress this period"))
    p.add_argument("--date", metavar="YYYY-MM-DD", help=_("the periods holding this day"))
    _json_flag(p)
    p.set_defaults(handler=cmd_kpi_list)
    p = kpi_sub.add_parser("remove", help=_("remove a KPI and its outcome entries"))
    p.add_argument("kpi", metavar="KPI")
    _json_flag(p)
    p.set_defaults(handler=cmd_kpi_remove)

    outcome = sub.add_parser("outcome", help=_("results typed in: donations, sign-ups, "
                                                "help requests"))
    outcome_sub = outcome.add_subparsers(dest="verb", metavar="VERB", required=True,
                                         parser_class=parser_class)
    p = outcome_sub.add_parser("add", help=_("record an outcome for a KPI"))
    p.add_argument("kpi", metavar="KPI_OR_OBJECTIVE")
    p.add_argument("--amount", required=True, type=float)
    p.add_argument("--date", metavar="YYYY-MM-DD", help=_("when it happened (default: now)"))
    p.add_argument("--source", help=_("where it came from, e.g. HelloAsso, salon"))
    p.add_argument("--note")
    _json_flag(p)
    p.set_defaults(handler=cmd_outcome_add)
    p = outcome_sub.add_parser("list", help=_("list outcome entries"))
    p.add_argument("--kpi", metavar="KPI_OR_OBJECTIVE")
    _range_flags(p)
    _json_flag(p)
    p.set_defaults(handler=cmd_outcome_list)
    p = outcome_sub.add_parser("remove", help=_("remove an outcome entry"))
    p.add_argument("id", type=int)
    _json_flag(p)
    p.set_defaults(handler=cmd_outcome_remove)

    p = sub.add_parser("coverage", help=_("posts by persona and objective, week by week, "
                                          "and the gaps"))
    _range_flags(p)
    p.add_argument("--min-weeks", type=int, default=2,
                   help=_("weeks without a post that make a gap (default 2)"))
    _json_flag(p)
    p.set_defaults(handler=cmd_coverage)

    p = sub.add_parser("report", help=_("the report for the board and funders (PDF or CSV)"))
    _range_flags(p)
    p.add_argument("--format", choices=["pdf", "csv"],
                   help=_("default: from the file name"))
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--lang", dest="report_lang", choices=["fr", "en"],
                   help=_("language of the report"))
    p.add_argument("--org", help=_("name of the organisation, on the title page"))
    p.add_argument("--include-test-accounts", action="store_true", default=None,
                   help=_("count the posts of test accounts (nothing was sent) too"))
    _json_flag(p)
    p.set_defaults(handler=cmd_report)

    p = sub.add_parser("dashboard", help=_("save the KPI dashboard as a PNG image"))
    _range_flags(p)
    p.add_argument("--out", required=True, metavar="FILE.png")
    _json_flag(p)
    p.set_defaults(handler=cmd_dashboard)


__all__ = ["register"]
