"""The report for the board, the general assembly and funders: what it says, and its CSV.

:func:`build` gathers, for a span of days and in French or English, the posts by
objective and persona, each KPI against its target, reach, the best posts, the
coverage gaps and highlights in plain sentences. :func:`write_csv` writes it as
one table a spreadsheet opens directly (French: ``;`` and decimal commas). The
PDF is drawn by :mod:`essplanner.ui.kpi.report_pdf` from the same data.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from essplanner import domain
from essplanner.domain import platform_name
from essplanner.i18n import _, language, n_, translator
from essplanner.kpi import coverage as cov, respect
from essplanner.kpi.periods import DateRange, day_text
from essplanner.kpi.progress import KpiProgress, PeriodValue, Status
from essplanner.kpi.service import Dashboard, source_name
from essplanner.workspace import Workspace


def number(value: float, *, decimals: int | None = None) -> str:
    """1 234,5 in French (narrow no-break spaces), 1,234.5 in English."""
    if decimals is None:
        decimals = 0 if abs(value - round(value)) < 0.005 else 2
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    if language() == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def quantity(value: float, unit: str) -> str:
    return f"{number(value)} {unit}".strip() if unit else number(value)


def percent(ratio: float | None) -> str:
    if ratio is None:
        return "–"
    value = number(round(ratio * 100))
    return f"{value}\u202f%" if language() == "fr" else f"{value}%"


def status_text(status: Status) -> str:
    names = {
        Status.REACHED: _("reached"),
        Status.ON_TRACK: _("on track"),
        Status.BEHIND: _("behind"),
        Status.MISSED: _("not reached"),
        Status.UPCOMING: _("not started"),
        Status.NO_TARGET: _("no target"),
    }
    return names[status]


def period_name(period: domain.Period) -> str:
    names = {
        domain.Period.WEEK: _("week"),
        domain.Period.MONTH: _("month"),
        domain.Period.QUARTER: _("quarter"),
        domain.Period.YEAR: _("year"),
        domain.Period.CAMPAIGN: _("campaign"),
    }
    return names[period]


def progress_line(progress: KpiProgress, value: PeriodValue | None = None) -> str:
    """"Dons reçus: 2 500 / 3 000 € (83 %), November 2026, behind"."""
    p = value or progress.latest
    kpi = progress.kpi
    if p is None:
        return kpi.name
    return _("{kpi}: {value} / {target} ({percent}), {period}, {status}",
             kpi=kpi.name, value=number(p.value), target=quantity(p.target, kpi.unit),
             percent=percent(p.ratio), period=p.label, status=status_text(p.status))


@dataclass(frozen=True)
class KpiRow:
    objective: str
    kpi: str
    source: str
    period: str
    start: date
    end: date
    value: float
    target: float
    unit: str
    ratio: float | None
    status: Status


@dataclass(frozen=True)
class CountRow:
    name: str
    detail: str  # segment of a persona, kind of an objective
    planned: int
    published: int


def labels() -> dict[str, str]:
    """Titles and column names of the PDF report, in the current language."""
    return {
        "highlights": _("Highlights"),
        "kpis": _("Progress of the KPIs"),
        "kpi_chart": _("Share of each target reached in its current period"),
        "trend": _("Over the last six months"),
        "trend_chart": _("Share of the target, period after period"),
        "posts": _("Posts by objective and persona"),
        "posts_note": _("Published posts for each objective and persona; last column: "
                        "published / planned."),
        "persona_reach": _("Reach by persona"),
        "platform_reach": _("Reach by network"),
        "best": _("Best posts"),
        "coverage": _("Coverage: gaps to fill"),
        "fit": _("Channel fit"),
        "method": _("How the numbers are counted"),
        "objective": _("Objective"), "kpi": _("KPI"), "period": _("Period"),
        "value": _("Value"), "target": _("Target"), "share": _("Share"),
        "status": _("Status"), "source": _("Source"), "persona": _("Persona"),
        "segment": _("Segment"), "planned": _("Planned"), "published": _("Published"),
        "interactions": _("Interactions"), "views": _("Views"), "visits": _("Web visits"),
        "network": _("Network"), "post_count": _("Posts"), "post": _("Post"),
        "date": _("Date"), "networks": _("Networks"), "personas": _("Personas"),
        "total": _("Total"),
        "no_gap": _("No gap: every persona and every objective had posts."),
        "no_misfit": _("Every post reaches its personas on a network they use."),
        "no_data": _("Nothing measured in this period yet."),
        "image_rights": _("Image rights"),
        "expiring": _("Consents ending soon"),
        "blocked": _("Posts blocked for want of consent"),
        "person": _("Person"), "ends_on": _("Ends on"), "scopes": _("Covers"),
        "reasons": _("Why"),
        "no_expiring": _("No consent ends in the coming weeks."),
        "no_blocked": _("No post is blocked: everyone shown has a valid consent."),
        "accessibility": _("Accessibility"),
        "alt_text": _("Images with a real alternative text"),
        "undescribed": _("Posts with images to describe"),
        "images_missing": _("Images to describe"),
        "no_images": _("No image in the posts of this period."),
        "all_described": _("Every image of the period is described."),
        "alt_note": _("An alternative text is what a screen reader says instead of the "
                      "image: empty, a file name, \"photo\" or a few letters say nothing."),
    }


@dataclass(frozen=True)
class ReportData:
    lang: str
    title: str
    organisation: str
    span: DateRange
    period_text: str
    generated_on: str
    highlights: tuple[str, ...]
    kpis: tuple[KpiRow, ...]
    objectives: tuple[CountRow, ...]
    personas: tuple[CountRow, ...]
    # published posts per (objective, persona)
    matrix: tuple[tuple[str, tuple[int, ...]], ...]
    matrix_personas: tuple[str, ...]
    dashboard: Dashboard
    coverage: cov.Coverage
    gaps: tuple[str, ...]
    misfits: tuple[str, ...]
    method: tuple[str, ...]
    labels: dict[str, str]
    statuses: dict[Status, str]
    #: the pages on respect (:mod:`essplanner.kpi.respect`): image rights as of today,
    #: alternative texts of the period's images
    image_rights: respect.ImageRights | None = None
    image_rights_lines: tuple[str, ...] = ()
    alt_text: respect.AltText | None = None
    alt_text_line: str = ""


def build(ws: Workspace, span: DateRange, *, lang: str | None = None,
          organisation: str = "", include_test_accounts: bool | None = None) -> ReportData:
    """Everything the report says about ``span``, in ``lang`` (None: the user's). Posts of
    test accounts (nothing was sent) count only when asked, or when there is no real
    account.

    The report's messages, and the labels the KPI services make for it, are in ``lang``
    through a translator active in this thread only: the scheduler's threads keep
    translating in the user's language meanwhile."""
    with translator(lang).active() as messages:
        board = ws.kpis.dashboard(span, include_test_accounts=include_test_accounts)
        coverage = ws.kpis.coverage(span)
        objectives = ws.objectives.all()
        shown = {r.key for r in coverage.rows_of(cov.RowKind.PERSONA)}
        # archived personas as the coverage has them: where their published posts are
        personas = [p for p in ws.personas.all(include_archived=True)
                    if not p.archived or str(p.id) in shown]
        rows = tuple(
            KpiRow(objective=p.objective.name, kpi=p.kpi.name,
                   source=source_name(p.kpi.source), period=v.label, start=v.start,
                   end=v.end, value=v.value, target=v.target, unit=p.kpi.unit, ratio=v.ratio,
                   status=v.status)
            for p in board.progress for v in p.periods)
        objective_rows = tuple(
            CountRow(r.name, "", r.planned, r.published)
            for r in coverage.rows_of(cov.RowKind.OBJECTIVE))
        persona_rows = tuple(
            CountRow(r.name, cov.segment_name(r.segment) if r.segment else "", r.planned,
                     r.published)
            for r in coverage.rows_of(cov.RowKind.PERSONA))
        matrix = _matrix(ws, span, objectives, personas)
        rights = respect.image_rights(ws)
        alt = respect.alt_text(ws, span)
        return ReportData(
            lang=messages.language,
            title=_("Communication report"),
            organisation=organisation,
            span=span,
            period_text=_("From {first} to {last}", first=day_text(span.start),
                          last=day_text(span.last)),
            generated_on=_("Made on {day} with ESS Planner",
                           day=day_text(ws.kpis.today())),
            highlights=tuple(_highlights(board, coverage, rows)),
            kpis=rows,
            objectives=objective_rows,
            personas=persona_rows,
            matrix=matrix,
            matrix_personas=tuple(p.name for p in personas),
            dashboard=board,
            coverage=coverage,
            gaps=tuple(g.message for g in coverage.gaps),
            misfits=tuple(m.message for m in coverage.misfits),
            method=(
                _("Platform metrics: the latest interactions (likes, reposts, replies, quotes, "
                  "saves) read from the networks for the posts published in the period."),
                _("Outcome entries: donations received, volunteer sign-ups, help requests... "
                  "typed in by the team with their date, amount and source."),
                _("Web visits: visits of the links the posts carried, tagged with utm_source "
                  "(the network), utm_medium=social and utm_campaign (the objective), imported "
                  "from the website's analytics."),
                _("A KPI is on track when its value is at least the share of the target that "
                  "the time already passed in its period calls for."),
            ),
            labels=labels(),
            statuses={status: status_text(status) for status in Status},
            image_rights=rights,
            image_rights_lines=respect.image_rights_lines(rights),
            alt_text=alt,
            alt_text_line=_alt_text_line(alt),
        )


def _alt_text_line(alt: respect.AltText) -> str:
    if alt.share is None:
        return _("No image in the posts of this period.")
    return n_("{described} of {n} image has a real alternative text ({percent}).",
              "{described} of {n} images have a real alternative text ({percent}).",
              alt.images, described=alt.described, percent=percent(alt.share))


def _matrix(ws: Workspace, span: DateRange, objectives: list[domain.Objective],
            personas: list[domain.Persona]) -> tuple[tuple[str, tuple[int, ...]], ...]:
    start, end = span.utc(ws.kpis.zone)
    posts = ws.posts.query(domain.PostQuery(start=start, end=end))
    published = [p for p in posts
                 if any(t.state is domain.DeliveryState.PUBLISHED for t in p.targets)]
    rows = []
    for o in objectives:
        mine = [p for p in published if any(x.id == o.id for x in p.objectives)]
        rows.append((o.name, tuple(sum(1 for p in mine if any(x.id == persona.id
                                                               for x in p.personas))
                                   for persona in personas)))
    return tuple(rows)


def _highlights(board: Dashboard, coverage: cov.Coverage,
                rows: tuple[KpiRow, ...]) -> list[str]:
    out = []
    platforms = [platform_name(r.key) for r in board.by_platform if r.posts]
    planned = len({i for r in coverage.rows_of(cov.RowKind.OBJECTIVE)
                   for c in r.cells for i in c.post_ids})
    # TRANSLATORS: {networks} is "3 networks", {planned} "2 were planned with an objective"
    out.append(n_("{n} post published on {networks} ({names}); {planned}.",
                  "{n} posts published on {networks} ({names}); {planned}.",
                  board.published_posts,
                  networks=n_("{n} network", "{n} networks", len(platforms)),
                  names=", ".join(platforms) or "–",
                  planned=n_("{n} was planned with an objective",
                             "{n} were planned with an objective", planned)))
    reached = [r for r in rows if r.status is Status.REACHED]
    for r in reached:
        out.append(_("Target reached: {kpi} ({objective}), {value} for {target}.", kpi=r.kpi,
                     objective=r.objective, value=number(r.value),
                     target=quantity(r.target, r.unit)))
    measured = [r for r in rows if r.ratio is not None and r.status is not Status.REACHED
                and r.status is not Status.UPCOMING]
    if measured:
        lowest = min(measured, key=lambda r: r.ratio or 0.0)
        out.append(_("Furthest from its target: {kpi} ({objective}), {value} of {target} "
                     "({percent}).", kpi=lowest.kpi, objective=lowest.objective,
                     value=number(lowest.value), target=quantity(lowest.target, lowest.unit),
                     percent=percent(lowest.ratio)))
    if board.best_posts and board.best_posts[0].interactions > 0:
        best = board.best_posts[0]
        out.append(n_("Best post: « {title} », {n} interaction on {platforms}.",
                      "Best post: « {title} », {n} interactions on {platforms}.",
                      best.interactions, n=number(best.interactions),
                      title=best.title,
                      platforms=", ".join(platform_name(p) for p in best.platforms)))
    reached_personas = [r for r in board.by_persona if r.interactions > 0]
    if reached_personas:
        top = max(reached_personas, key=lambda r: r.interactions)
        # TRANSLATORS: {posts} is "3 posts"
        out.append(n_("The persona reached most: {persona}, {n} interaction with {posts}.",
                      "The persona reached most: {persona}, {n} interactions with {posts}.",
                      top.interactions, n=number(top.interactions), persona=top.key,
                      posts=n_("{n} post", "{n} posts", top.posts)))
    social = sum(r.visits for r in board.by_platform)
    if social:
        out.append(n_("{n} visit of the website came from the posts' links.",
                      "{n} visits of the website came from the posts' links.", social,
                      n=number(social)))
    silent = [g for g in coverage.gaps if g.kind in (cov.GapKind.PERSONA, cov.GapKind.OBJECTIVE)]
    if silent:
        out.append(n_("{n} coverage gap to fix (listed at the end).",
                      "{n} coverage gaps to fix (listed at the end).", len(silent)))
    return out


CSV_COLUMNS = ("section", "objective", "kpi", "persona", "platform", "post", "period",
               "start", "end", "value", "target", "unit", "percent", "status", "detail")


def write_csv(data: ReportData, path: Path) -> None:
    """One table: a ``section`` column tells KPIs, posts, reach and gaps apart."""
    with translator(data.lang).active():
        french = data.lang == "fr"

        def num(value: float | None) -> str:
            if value is None:
                return ""
            text = f"{value:.2f}".rstrip("0").rstrip(".")
            return text.replace(".", ",") if french else text

        headers = {
            "section": _("section"), "objective": _("objective"), "kpi": _("KPI"),
            "persona": _("persona"), "platform": _("network"), "post": _("post"),
            "period": _("period"), "start": _("start"), "end": _("end"), "value": _("value"),
            "target": _("target"), "unit": _("unit"), "percent": _("percent"),
            "status": _("status"), "detail": _("detail"),
        }
        lines: list[dict[str, str]] = []
        for r in data.kpis:
            lines.append({"section": _("KPI"), "objective": r.objective, "kpi": r.kpi,
                          "period": r.period, "start": r.start.isoformat(),
                          "end": (r.end - timedelta(days=1)).isoformat(),
                          "value": num(r.value), "target": num(r.target),
                          "unit": r.unit,
                          "percent": num(r.ratio * 100) if r.ratio is not None else "",
                          "status": status_text(r.status), "detail": r.source})
        for o in data.objectives:
            lines.append({"section": _("posts by objective"), "objective": o.name,
                          "value": str(o.published), "target": str(o.planned),
                          "detail": _("published / planned")})
        for c in data.personas:
            lines.append({"section": _("posts by persona"), "persona": c.name,
                          "value": str(c.published), "target": str(c.planned),
                          "detail": c.detail})
        for objective, counts in data.matrix:
            for persona, count in zip(data.matrix_personas, counts, strict=True):
                if count:
                    lines.append({"section": _("published posts by objective and persona"),
                                  "objective": objective, "persona": persona,
                                  "value": str(count)})
        for reach in data.dashboard.by_persona:
            lines.append({"section": _("reach by persona"), "persona": reach.key,
                          "value": num(reach.interactions), "unit": _("interactions"),
                          "detail": ", ".join((
                              n_("{n} post", "{n} posts", reach.posts),
                              n_("{n} view", "{n} views", reach.views,
                                 n=num(reach.views))))})
        for reach in data.dashboard.by_platform:
            lines.append({"section": _("reach by network"), "platform": platform_name(reach.key),
                          "value": num(reach.interactions), "unit": _("interactions"),
                          "detail": ", ".join((
                              n_("{n} post", "{n} posts", reach.posts),
                              n_("{n} visit", "{n} visits", reach.visits,
                                 n=num(reach.visits))))})
        for rank, best in enumerate(data.dashboard.best_posts, 1):
            lines.append({"section": _("best posts"), "post": best.title,
                          "platform": ", ".join(platform_name(p) for p in best.platforms),
                          "persona": ", ".join(best.personas),
                          "objective": ", ".join(best.objectives), "value": num(best.interactions),
                          "unit": _("interactions"), "start": best.published_at.date().isoformat(),
                          "detail": f"#{rank}"})
        for text in data.highlights:
            lines.append({"section": _("highlights"), "detail": text})
        if data.image_rights is not None:
            for text in data.image_rights_lines:
                lines.append({"section": _("image rights"), "detail": text})
            for row in data.image_rights.expiring:
                lines.append({"section": _("consents ending soon"), "persona": row.person,
                              "end": row.ends_on.isoformat(), "detail": row.scopes})
            for blocked in data.image_rights.blocked:
                lines.append({"section": _("posts blocked for want of consent"),
                              "post": blocked.title, "platform": blocked.network,
                              "start": blocked.when.date().isoformat() if blocked.when
                              else "", "detail": blocked.reasons})
        if data.alt_text is not None:
            lines.append({"section": _("accessibility"), "value": str(data.alt_text.described),
                          "target": str(data.alt_text.images),
                          "percent": num(data.alt_text.share * 100)
                          if data.alt_text.share is not None else "",
                          "detail": data.alt_text_line})
        for text in (*data.gaps, *data.misfits):
            lines.append({"section": _("coverage"), "detail": text})
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=";" if french else ",")
            writer.writerow([headers[c] for c in CSV_COLUMNS])
            for line in lines:
                writer.writerow([line.get(c, "") for c in CSV_COLUMNS])
    except OSError as exc:
        from essplanner.errors import EssPlannerError

        raise EssPlannerError(_("Cannot write {file}: {error}", file=str(path),
                                error=exc.strerror or str(exc))) from exc
