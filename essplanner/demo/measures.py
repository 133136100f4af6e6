"""Measurements of the example workspace, so that its dashboard and report show numbers.

For the posts already published: platform counters read one day and three days after
publication (the later reading counts), visits of their tagged links for the days
after, and the outcome entries an association would type in (donations, sign-ups,
help requests). The two months before get outcome entries and visits too, so that
progress can be followed over time. Everything is derived from the posts' position
in the month: the same month gives the same numbers. How much of each is in
``data/measurements.toml`` and ``data/<language>/outcomes.toml``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from essplanner import domain
from essplanner.channels.composer import campaign_slug
from essplanner.demo.content import Content, Measures, PostSpec, load_measures
from essplanner.domain import DeliveryState, ObjectiveKind, Period
from essplanner.kpi.periods import period_of
from essplanner.kpi.service import MetricReading, OutcomeInput
from essplanner.kpi.visits import ParsedVisits, VisitInput
from essplanner.workspace import Workspace

#: a day of visits: (day, platform, page, campaign)
VisitKey = tuple[date, str, str, str]


def add_measurements(ws: Workspace, content: Content,
                     posts: Sequence[tuple[PostSpec, domain.Post]], *,
                     objectives: Sequence[domain.Objective], accounts: Sequence[domain.Account],
                     zone: ZoneInfo, now: datetime, first: date) -> None:
    """Counters, visits and outcome entries for the example's ``posts`` (each with the entry
    of the data file it comes from), ``objectives`` and ``accounts``, in the month of
    ``first``, through the KPI service."""
    measures = load_measures()
    mimics = {a.id: str(a.settings.get("mimic") or a.platform) for a in accounts}
    readings: list[MetricReading] = []
    visits: dict[VisitKey, int] = {}
    for spec, post in posts:
        for target in post.targets:
            if target.state is DeliveryState.PUBLISHED:
                _target_measures(measures, spec, post, target, mimics[target.account_id],
                                 zone=zone, now=now, readings=readings, visits=visits)
    previous = _months_before(first, len(measures.history_shares))
    months = [*zip(previous, measures.history_shares, strict=True)]
    kpis = {k.name: k for o in objectives for k in o.kpis}
    entries: list[OutcomeInput] = []
    for kpi_name, specs in content.outcomes.items():
        for month, share in [*months, (first, None)]:
            for entry in specs:
                day = month + timedelta(days=entry.day - 1)
                when = datetime.combine(day, time(11, 30), tzinfo=zone)
                if when > now or day.month != month.month:
                    continue
                amount = entry.amount if share is None else max(1.0, round(entry.amount * share))
                entries.append(OutcomeInput(kpis[kpi_name].id, amount, when, entry.source))
    for objective in objectives:
        campaign = campaign_slug(objective.name)
        for month, share in months:
            for week in range(4):
                day = month + timedelta(days=3 + 7 * week)
                for platform in measures.visit_platforms:
                    visits[(day, platform, "", campaign)] = round(
                        measures.weekly_visits * share * (1 + week % 2))
    ws.kpis.store_metrics(readings)
    ws.kpis.add_outcomes(entries)
    if visits:
        ws.kpis.store_visits(ParsedVisits(
            rows=tuple(VisitInput(day, url, platform, "social", campaign, count)
                       for (day, platform, url, campaign), count in sorted(visits.items())),
            columns={}, skipped=0, day_first=None))


def _target_measures(measures: Measures, spec: PostSpec, post: domain.Post,
                     target: domain.Target, platform: str, *, zone: ZoneInfo, now: datetime,
                     readings: list[MetricReading], visits: dict[VisitKey, int]) -> None:
    """The counters of one published target, and the visits its link brought."""
    published = target.published_at or post.scheduled_at
    if published is None or published > now:
        return
    rng = random.Random(f"{post.title}|{platform}")
    reach = (1.0 + (measures.own_hashtags if len(post.hashtags) > 1 else 0.0)
             + (measures.video if spec.video else 0.0))
    if any(o.kind is ObjectiveKind.AWARENESS for o in post.objectives):
        reach *= measures.awareness
    for counter in measures.counters.get(platform, ()):
        final = round(rng.randint(counter.low, counter.high) * reach)
        for delay, share in measures.readings:
            read_at = min(published + timedelta(days=delay), now)
            readings.append(MetricReading(target.id, counter.name, float(round(final * share)),
                                          read_at))
    if post.link_url and post.objectives:
        campaign = campaign_slug(min(post.objectives, key=lambda o: o.name.casefold()).name)
        day0 = published.astimezone(zone).date()
        for offset, base in enumerate(measures.visits_after_post):
            day = day0 + timedelta(days=offset)
            if datetime.combine(day, time(12), tzinfo=zone) > now:
                break
            key = (day, platform, post.link_url, campaign)
            visits[key] = visits.get(key, 0) + round(base * (0.6 + rng.random()))


def _months_before(first: date, count: int) -> list[date]:
    """The first days of the ``count`` months before ``first``'s, the earliest first."""
    months: list[date] = []
    day = first
    for _month in range(count):
        day = period_of(day - timedelta(days=1), Period.MONTH).start
        months.insert(0, day)
    return months
