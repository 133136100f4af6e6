"""Coverage: who and what the plan speaks to, week by week, and where it falls silent.

A grid of personas (and their audience segments) and objectives against the weeks
of a span, each cell counting the posts **planned** that week (every dated post
that is not cancelled, published ones included) and those **published** (at least
one account sent it). From the grid come the gaps, in plain words:

- a persona with no post for ``min_weeks`` weeks in a row or more
  ("Nothing for Karim for three weeks");
- an objective with no post in a calendar month, when at least half of that month is
  in the span ("No post for the objective « Recrutement de bénévoles » this month");
- an audience segment with personas but no post in the whole span, and a segment
  with no persona at all (the guide asks to know every segment);

and the **channel fit**: a post that speaks to a persona but goes out only on
networks that persona does not use.

Pure functions: the service loads the posts, this module counts.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from essplanner import domain
from essplanner.domain import (
    DeliveryState,
    Period,
    PostStatus,
    Segment,
    network_id,
    platform_name,
)
from essplanner.i18n import _, n_
from essplanner.kpi.periods import DateRange, day_text, label, period_of, periods_overlapping, weeks

DEFAULT_MIN_WEEKS = 2


class RowKind(enum.StrEnum):
    PERSONA = "persona"
    SEGMENT = "segment"
    OBJECTIVE = "objective"


@dataclass(frozen=True)
class Cell:
    planned: int = 0
    published: int = 0
    post_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class CoverageRow:
    kind: RowKind
    key: str  # persona/objective id, or the segment value
    name: str
    cells: tuple[Cell, ...]
    segment: Segment | None = None
    gap_weeks: frozenset[int] = frozenset()  # column indexes inside a reported gap

    @property
    def planned(self) -> int:
        return len({i for c in self.cells for i in c.post_ids})

    @property
    def published(self) -> int:
        return sum(c.published for c in self.cells)


class GapKind(enum.StrEnum):
    PERSONA = "persona"
    OBJECTIVE = "objective"
    SEGMENT = "segment"
    SEGMENT_WITHOUT_PERSONA = "segment_without_persona"


@dataclass(frozen=True)
class Gap:
    kind: GapKind
    key: str
    name: str
    start: date
    end: date  # exclusive
    weeks: int
    message: str


@dataclass(frozen=True)
class ChannelMisfit:
    """A post that reaches a persona only on networks the persona is not on."""

    post_id: int
    title: str
    when: date
    persona_id: int
    persona: str
    platforms: tuple[str, ...]
    networks: tuple[str, ...]
    message: str


@dataclass(frozen=True)
class ChannelFit:
    persona: str
    fitting: int  # posts that reach the persona on a network they use
    misfit: int


@dataclass(frozen=True)
class Coverage:
    span: DateRange
    weeks: tuple[DateRange, ...]
    rows: tuple[CoverageRow, ...]
    gaps: tuple[Gap, ...]
    misfits: tuple[ChannelMisfit, ...]
    fit: tuple[ChannelFit, ...]
    #: per week, the posting slots still free (capacity to fill a gap); () if not counted
    free_slots: tuple[int, ...] = ()

    def rows_of(self, kind: RowKind) -> list[CoverageRow]:
        return [r for r in self.rows if r.kind is kind]


def segment_name(segment: Segment) -> str:
    names = {
        Segment.VOLUNTEERS: _("volunteers"),
        Segment.DONORS: _("donors"),
        Segment.BENEFICIARIES: _("beneficiaries"),
        Segment.PARTNERS: _("partners"),
        Segment.GENERAL: _("general public"),
    }
    return names[segment]


def weeks_text(count: int) -> str:
    words = {1: _("one week"), 2: _("two weeks"), 3: _("three weeks"), 4: _("four weeks"),
             5: _("five weeks"), 6: _("six weeks"), 7: _("seven weeks"), 8: _("eight weeks"),
             9: _("nine weeks"), 10: _("ten weeks")}
    return words.get(count) or n_("{n} week", "{n} weeks", count)


def compute(*, span: DateRange, zone: tzinfo, today: date, posts: Sequence[domain.Post],
            personas: Sequence[domain.Persona], objectives: Sequence[domain.Objective],
            platform_of: Mapping[int, str], min_weeks: int = DEFAULT_MIN_WEEKS,
            free_slots: Iterable[datetime] | None = None) -> Coverage:
    """The coverage grid, gaps and channel fit of ``posts`` over ``span``.

    ``platform_of`` gives each account id the platform its posts reach (the mimicked
    one for a dry-run account); ``free_slots``, the times of the posting slots still
    free, counted per week.
    """
    columns = tuple(weeks(span))
    dated = [(p, p.scheduled_at.astimezone(zone).date()) for p in posts
             if p.scheduled_at is not None and p.status is not PostStatus.CANCELLED]
    dated = [(p, d) for p, d in dated if d in span]

    def cells(match: Iterable[tuple[domain.Post, date]]) -> tuple[Cell, ...]:
        chosen = list(match)
        out = []
        for week in columns:
            inside = [p for p, d in chosen if d in week]
            out.append(Cell(
                planned=len(inside),
                published=sum(1 for p in inside
                              if any(t.state is DeliveryState.PUBLISHED for t in p.targets)),
                post_ids=tuple(p.id for p in inside),
            ))
        return tuple(out)

    gaps: list[Gap] = []
    rows: list[CoverageRow] = []
    for persona in personas:
        row = CoverageRow(RowKind.PERSONA, str(persona.id), persona.name,
                          cells([(p, d) for p, d in dated
                                 if any(x.id == persona.id for x in p.personas)]),
                          segment=persona.segment)
        found = _persona_gaps(row, columns, span, today, min_weeks)
        gaps.extend(found)
        rows.append(_with_gap_weeks(row, columns, found))
    by_segment: dict[Segment, list[domain.Persona]] = {}
    for persona in personas:
        if persona.segment is not None:
            by_segment.setdefault(persona.segment, []).append(persona)
    for segment in Segment:
        members = {p.id for p in by_segment.get(segment, [])}
        if not members:
            if segment is not Segment.GENERAL:
                gaps.append(Gap(GapKind.SEGMENT_WITHOUT_PERSONA, segment.value,
                                segment_name(segment), span.start, span.end, 0,
                                _("No persona in the « {segment} » segment yet: who are they, "
                                  "and what do they expect?", segment=segment_name(segment))))
            continue
        row = CoverageRow(RowKind.SEGMENT, segment.value, segment_name(segment),
                          cells([(p, d) for p, d in dated
                                 if any(x.id in members for x in p.personas)]),
                          segment=segment)
        if row.planned == 0:
            gaps.append(Gap(GapKind.SEGMENT, segment.value, segment_name(segment), span.start,
                            span.end, len(columns),
                            _("No post for the « {segment} » segment in this period.",
                              segment=segment_name(segment))))
        # highlighted like a persona's; said through its personas' gaps, not twice
        rows.append(CoverageRow(row.kind, row.key, row.name, row.cells, row.segment,
                                _empty_runs(row.cells, min_weeks)))
    for objective in objectives:
        row = CoverageRow(RowKind.OBJECTIVE, str(objective.id), objective.name,
                          cells([(p, d) for p, d in dated
                                 if any(x.id == objective.id for x in p.objectives)]))
        found = _objective_gaps(row, objective, dated, span, today)
        gaps.extend(found)
        rows.append(_with_gap_weeks(row, columns, found))
    misfits, fit = _channel_fit(dated, personas, platform_of)
    free = free_by_week(columns, zone, free_slots) if free_slots is not None else ()
    return Coverage(span, columns, tuple(rows), tuple(gaps), tuple(misfits), tuple(fit), free)


def free_by_week(weeks_: Sequence[DateRange], zone: tzinfo,
                 free: Iterable[datetime]) -> tuple[int, ...]:
    """How many of the free posting slots ``free`` (aware times) fall in each week."""
    days = [when.astimezone(zone).date() for when in free]
    return tuple(sum(1 for d in days if d in week) for week in weeks_)


def free_slots_text(count: int) -> str:
    return n_("{n} free slot", "{n} free slots", count)


def _empty_runs(cells: Sequence[Cell], min_weeks: int) -> frozenset[int]:
    """Columns inside runs of at least ``min_weeks`` weeks without a post."""
    marked: set[int] = set()
    run: list[int] = []
    for index, cell in enumerate([*cells, Cell(planned=1)]):
        if cell.planned == 0:
            run.append(index)
            continue
        if len(run) >= min_weeks:
            marked.update(run)
        run = []
    return frozenset(marked)


def _with_gap_weeks(row: CoverageRow, columns: Sequence[DateRange],
                    found: Sequence[Gap]) -> CoverageRow:
    marked = frozenset(i for i, w in enumerate(columns)
                       for g in found if w.start < g.end and g.start < w.end)
    return CoverageRow(row.kind, row.key, row.name, row.cells, row.segment, marked)


def _persona_gaps(row: CoverageRow, columns: Sequence[DateRange], span: DateRange,
                  today: date, min_weeks: int) -> list[Gap]:
    if row.planned == 0:
        return [Gap(GapKind.PERSONA, row.key, row.name, span.start, span.end, len(columns),
                    _("Nothing for {persona} in the whole period.", persona=row.name))]
    found = []
    run: list[int] = []
    for index, cell in enumerate([*row.cells, Cell(planned=1)]):  # a sentinel ends the last run
        if cell.planned == 0:
            run.append(index)
            continue
        if len(run) >= min_weeks:
            found.append(_persona_gap(row, [columns[i] for i in run], span, today))
        run = []
    return found


def _persona_gap(row: CoverageRow, run: Sequence[DateRange], span: DateRange,
                 today: date) -> Gap:
    start = max(run[0].start, span.start)
    end = min(run[-1].end, span.end)
    last = DateRange(start, end).last
    past = [w for w in run if w.start <= today]
    future = len(run) - len(past)
    if not past:
        message = _("Nothing planned for {persona} for {weeks}, from {first} to {last}.",
                    persona=row.name, weeks=weeks_text(len(run)), first=day_text(start),
                    last=day_text(last))
    elif today in run[-1] or (future == 0 and today < end):
        message = _("Nothing for {persona} for {weeks} (since {day}).",
                    persona=row.name, weeks=weeks_text(len(run)), day=day_text(start))
    elif future and today < end:
        message = _("Nothing for {persona} for {weeks} (since {day}), and nothing planned "
                    "until {last}.", persona=row.name, weeks=weeks_text(len(past)),
                    day=day_text(start), last=day_text(last))
    else:
        message = _("Nothing for {persona} for {weeks}, from {first} to {last}.",
                    persona=row.name, weeks=weeks_text(len(run)), first=day_text(start),
                    last=day_text(last))
    return Gap(GapKind.PERSONA, row.key, row.name, start, end, len(run), message)


def _objective_gaps(row: CoverageRow, objective: domain.Objective,
                    dated: Sequence[tuple[domain.Post, date]], span: DateRange,
                    today: date) -> list[Gap]:
    found = []
    days = [d for p, d in dated if any(x.id == objective.id for x in p.objectives)]
    for month in periods_overlapping(span, Period.MONTH):
        inside = DateRange(max(month.start, span.start), min(month.end, span.end))
        if inside.days * 2 < month.days or any(d in inside for d in days):
            continue
        if today in month:
            message = _("No post for the objective « {objective} » this month.",
                        objective=objective.name)
        else:
            message = _("No post for the objective « {objective} » in {month}.",
                        objective=objective.name, month=label(month, Period.MONTH))
        found.append(Gap(GapKind.OBJECTIVE, row.key, objective.name, inside.start, inside.end,
                         0, message))
    return found


def _channel_fit(dated: Sequence[tuple[domain.Post, date]],
                 personas: Sequence[domain.Persona],
                 platform_of: Mapping[int, str]) -> tuple[list[ChannelMisfit], list[ChannelFit]]:
    misfits: list[ChannelMisfit] = []
    fitting: dict[int, int] = {p.id: 0 for p in personas}
    wrong: dict[int, int] = {p.id: 0 for p in personas}
    for post, day in dated:
        platforms = sorted({platform_of.get(t.account_id, t.platform) for t in post.targets
                            if t.state is not DeliveryState.CANCELLED})
        if not platforms:
            continue
        for persona in post.personas:
            if not persona.networks or persona.id not in fitting:
                continue  # networks unknown: nothing to compare with
            uses = {network_id(n) for n in persona.networks}
            if any(persona.uses_platform(p) or network_id(p) in uses for p in platforms):
                fitting[persona.id] += 1
                continue
            wrong[persona.id] += 1
            misfits.append(ChannelMisfit(
                post_id=post.id, title=post.display_title, when=day, persona_id=persona.id,
                persona=persona.name, platforms=tuple(platforms), networks=persona.networks,
                message=_("« {title} » ({day}) speaks to {persona} but goes out only on "
                          "{platforms}, where {persona} is not ({persona} uses {networks}).",
                          title=post.display_title, day=day_text(day, year=False),
                          persona=persona.name,
                          platforms=", ".join(platform_name(p) for p in platforms),
                          networks=", ".join(platform_name(network_id(n))
                                             for n in persona.networks)),
            ))
    fit = [ChannelFit(p.name, fitting[p.id], wrong[p.id]) for p in personas]
    return misfits, fit


def month_span(day: date) -> DateRange:
    """The calendar month holding ``day`` (the default span of the coverage view)."""
    return period_of(day, Period.MONTH)
