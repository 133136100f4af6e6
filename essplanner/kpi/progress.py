"""KPI values from the three sources, computed from measurements (no database here).

What each kind of KPI adds up, over one period (local calendar days):

- ``metrics``: the platform counters of the **published posts tagged with the
  objective** whose publication falls in the period, each target counted with its
  **latest reading**. The KPI's ``metric`` names the counter: ``likes``,
  ``reposts``, ``replies``, ``quotes``, ``saves``, ``views``, ``reach``, ``clicks``,
  or ``engagement`` (the default) = likes + reposts + replies + quotes + saves.
  Platforms name their counters differently (``favourites``, ``reblogs_count``,
  ``likeCount``, ``comments``...); :func:`canonical_metric` maps them.
- ``outcomes``: the amounts of the outcome entries typed in for this KPI, by the
  date they happened (donations received, volunteer sign-ups, help requests).
- ``visits``: the imported web-analytics visits whose ``utm_campaign`` is the
  objective's campaign (:func:`essplanner.channels.composer.campaign_slug`), by day; the
  KPI's ``metric``, when set, keeps only one ``utm_source`` (a platform).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from essplanner import domain

#: counters that make up ``engagement`` (interactions with a post)
ENGAGEMENT_PARTS = ("likes", "reposts", "replies", "quotes", "saves")
#: KPI ``metric`` values accepted for a ``metrics`` KPI
METRIC_NAMES = ("engagement", *ENGAGEMENT_PARTS, "views", "reach", "clicks")
DEFAULT_METRIC = "engagement"

_ALIASES = {
    "like": "likes", "favourite": "likes", "favourites": "likes", "favorite": "likes",
    "favorites": "likes", "reaction": "likes", "reactions": "likes", "hearts": "likes",
    "repost": "reposts", "reblog": "reposts", "reblogs": "reposts", "retweet": "reposts",
    "retweets": "reposts", "share": "reposts", "shares": "reposts", "boosts": "reposts",
    "forwards": "reposts",
    "reply": "replies", "comment": "replies", "comments": "replies",
    "quote": "quotes",
    "save": "saves", "saved": "saves", "bookmark": "saves", "bookmarks": "saves",
    "view": "views", "impression": "views", "impressions": "views", "plays": "views",
    "video_views": "views", "media_views": "views",
    "unique_impressions": "reach", "accounts_reached": "reach",
    "click": "clicks", "link_clicks": "clicks", "url_clicks": "clicks",
    "total_interactions": "interactions", "engagements": "interactions",
    "interaction": "interactions",
}


def canonical_metric(name: str) -> str:
    """One name for the same counter across platforms (``favourites_count`` → ``likes``)."""
    snake = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name.strip()).lower().replace("-", "_")
    snake = re.sub(r"_?count$", "", snake) or snake
    return _ALIASES.get(snake, snake)


def normalise_readings(readings: Mapping[str, float]) -> dict[str, float]:
    """A target's readings under canonical names. Two names for one counter (a platform
    sending both ``favourites`` and ``likes``) are the same number: the larger is kept."""
    out: dict[str, float] = {}
    for name, value in readings.items():
        key = canonical_metric(name)
        out[key] = max(out.get(key, 0.0), float(value))
    return out


def engagement(readings: Mapping[str, float]) -> float:
    """Interactions with one post: the sum of its engagement counters, or the platform's
    own interaction total when it gives no details."""
    parts = [readings[p] for p in ENGAGEMENT_PARTS if p in readings]
    if parts:
        return float(sum(parts))
    return float(readings.get("interactions", 0.0))


def metric_value(readings: Mapping[str, float], metric: str | None) -> float:
    """The value of ``metric`` for one target whose readings are canonical."""
    wanted = canonical_metric(metric or DEFAULT_METRIC)
    if wanted in ("engagement", "interactions"):
        return engagement(readings)
    return float(readings.get(wanted, 0.0))


# ---- measurements, as loaded by the service for a span of time ----


@dataclass(frozen=True)
class PublishedTarget:
    """A post that went out on one account, with its latest counters."""

    target_id: int
    post_id: int
    title: str
    platform: str  # the platform it reached ("mimic" for a dry-run account)
    account: str
    published_at: datetime
    day: date  # local day of publication
    objective_ids: frozenset[int]
    persona_ids: frozenset[int]
    readings: Mapping[str, float] = field(default_factory=dict, hash=False, compare=False)
    remote_url: str | None = None

    @property
    def interactions(self) -> float:
        return engagement(self.readings)

    @property
    def views(self) -> float:
        return float(self.readings.get("views", 0.0))


@dataclass(frozen=True)
class OutcomeRecord:
    """An outcome entry typed in by the team."""

    id: int
    kpi_id: int
    kpi_name: str
    objective_name: str
    occurred_at: datetime
    day: date
    amount: float
    unit: str = ""
    source: str = ""
    note: str = ""


@dataclass(frozen=True)
class VisitRow:
    day: date
    utm_source: str
    utm_medium: str
    utm_campaign: str
    visits: int
    url: str = ""


@dataclass(frozen=True)
class Measurements:
    """Everything measured between two local days, for the pure functions below."""

    targets: tuple[PublishedTarget, ...] = ()
    outcomes: tuple[OutcomeRecord, ...] = ()
    visits: tuple[VisitRow, ...] = ()


def kpi_value(kpi: domain.Kpi, objective: domain.Objective, data: Measurements,
              start: date, end: date) -> float:
    """The KPI's value over local days ``[start, end)``."""
    if kpi.source is domain.KpiSource.METRICS:
        return float(sum(
            metric_value(t.readings, kpi.metric) for t in data.targets
            if objective.id in t.objective_ids and start <= t.day < end
        ))
    if kpi.source is domain.KpiSource.OUTCOMES:
        return float(sum(o.amount for o in data.outcomes
                         if o.kpi_id == kpi.id and start <= o.day < end))
    campaign = campaign_slug(objective.name)
    source = (kpi.metric or "").strip().lower()
    return float(sum(
        v.visits for v in data.visits
        if start <= v.day < end and campaign_matches(v.utm_campaign, campaign)
        and (not source or v.utm_source.strip().lower() == source)
    ))


def campaign_slug(name: str) -> str:
    """:func:`essplanner.channels.composer.campaign_slug`, imported on first use: the command line
    registers this module's names at every start and need not load the plugin API."""
    from essplanner.channels.composer import campaign_slug as slug

    return slug(name)


def campaign_matches(utm_campaign: str, campaign: str) -> bool:
    """An imported campaign is the objective's one, whatever its case or accents."""
    return bool(utm_campaign.strip()) and campaign_slug(utm_campaign) == campaign


# ---- progress against targets ----


class Status(enum.StrEnum):
    """Where a KPI stands in one period."""

    REACHED = "reached"
    ON_TRACK = "on_track"  # in progress, at or above the pace the target needs
    BEHIND = "behind"  # in progress, below that pace
    MISSED = "missed"  # over, target not reached
    UPCOMING = "upcoming"
    NO_TARGET = "no_target"


@dataclass(frozen=True)
class PeriodValue:
    """A KPI's value over one of its periods, against its target."""

    start: date
    end: date  # exclusive
    label: str
    value: float
    target: float
    elapsed: float  # share of the period already passed, 0..1

    @property
    def ratio(self) -> float | None:
        return self.value / self.target if self.target > 0 else None

    @property
    def expected(self) -> float:
        """Where the value should be by now to reach the target at this pace."""
        return self.target * self.elapsed

    @property
    def status(self) -> Status:
        if self.target <= 0:
            return Status.NO_TARGET
        if self.value >= self.target:
            return Status.REACHED
        if self.elapsed <= 0:
            return Status.UPCOMING
        if self.elapsed >= 1:
            return Status.MISSED
        return Status.ON_TRACK if self.value >= self.expected else Status.BEHIND


@dataclass(frozen=True)
class KpiProgress:
    """One KPI over a span: one value per period of the KPI (oldest first)."""

    objective: domain.Objective
    kpi: domain.Kpi
    periods: tuple[PeriodValue, ...]

    @property
    def latest(self) -> PeriodValue | None:
        """The last period that has started (the current one, or the last of a past span)."""
        started = [p for p in self.periods if p.elapsed > 0]
        return started[-1] if started else (self.periods[0] if self.periods else None)

    @property
    def total(self) -> float:
        return float(sum(p.value for p in self.periods))

    @property
    def total_target(self) -> float:
        return float(sum(p.target for p in self.periods))


# ---- posts and audiences ----


@dataclass(frozen=True)
class PostPerformance:
    post_id: int
    title: str
    published_at: datetime
    platforms: tuple[str, ...]
    personas: tuple[str, ...]
    objectives: tuple[str, ...]
    interactions: float
    views: float
    urls: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReachRow:
    """What the posts published for one persona, or on one platform, achieved."""

    key: str
    posts: int
    interactions: float
    views: float
    visits: float = 0.0


def best_posts(data: Measurements, *, personas: Mapping[int, str],
               objectives: Mapping[int, str], limit: int = 5) -> list[PostPerformance]:
    """Published posts by interactions (then views), all their platforms together."""
    by_post: dict[int, list[PublishedTarget]] = {}
    for t in data.targets:
        by_post.setdefault(t.post_id, []).append(t)
    ranked = []
    for post_id, targets in by_post.items():
        first = min(targets, key=lambda t: t.published_at)
        ranked.append(PostPerformance(
            post_id=post_id,
            title=first.title,
            published_at=first.published_at,
            platforms=tuple(sorted({t.platform for t in targets})),
            personas=tuple(sorted(personas[i] for i in first.persona_ids if i in personas)),
            objectives=tuple(sorted(objectives[i] for i in first.objective_ids
                                    if i in objectives)),
            interactions=sum(t.interactions for t in targets),
            views=sum(t.views for t in targets),
            urls=tuple(t.remote_url for t in targets if t.remote_url),
        ))
    ranked.sort(key=lambda p: (-p.interactions, -p.views, p.published_at, p.post_id))
    return ranked[:limit]


def reach_by_persona(data: Measurements, personas: Iterable[domain.Persona]) -> list[ReachRow]:
    rows = []
    for persona in personas:
        targets = [t for t in data.targets if persona.id in t.persona_ids]
        rows.append(ReachRow(
            key=persona.name,
            posts=len({t.post_id for t in targets}),
            interactions=sum(t.interactions for t in targets),
            views=sum(t.views for t in targets),
        ))
    return rows


def reach_by_platform(data: Measurements) -> list[ReachRow]:
    """Per platform reached: posts, interactions, views, and the visits its links brought
    (imported visits whose ``utm_source`` is that platform)."""
    platforms = sorted({t.platform for t in data.targets}
                       | {v.utm_source.strip().lower() for v in data.visits
                          if v.utm_source.strip() and v.utm_medium.strip().lower() == "social"})
    rows = []
    for platform in platforms:
        targets = [t for t in data.targets if t.platform == platform]
        rows.append(ReachRow(
            key=platform,
            posts=len({t.post_id for t in targets}),
            interactions=sum(t.interactions for t in targets),
            views=sum(t.views for t in targets),
            visits=float(sum(v.visits for v in data.visits
                             if v.utm_source.strip().lower() == platform)),
        ))
    rows.sort(key=lambda r: (-r.interactions, -r.visits, r.key))
    return rows
