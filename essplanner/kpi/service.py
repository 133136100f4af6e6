"""The KPI service: KPIs, outcome entries, imported visits, and what they add up to.

Each method is one transaction and returns frozen dataclasses (:mod:`essplanner.kpi.progress`,
:mod:`essplanner.kpi.coverage`). Mutations notify ``Change(measurements=True)`` (or
``objectives=True`` for KPIs). Periods are in the user's time zone (settings).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from essplanner import domain, models, repositories as repo
from essplanner.domain import TEST_PLATFORM, Change, DeliveryState, KpiSource, Period
from essplanner.errors import NotFoundError, ValidationError
from essplanner.i18n import _
from essplanner.kpi.periods import (
    DateRange,
    elapsed_fraction,
    label,
    last_periods,
    local_day,
    period_of,
    periods_overlapping,
)
from essplanner.kpi.visits import ParsedVisits, read_file
from essplanner.services.base import Notify, Service
from essplanner.settings import Settings
from essplanner.storage import Database
from essplanner.timeutil import Clock, get_zone, require_aware

if TYPE_CHECKING:  # loaded by the methods that compute (not by the app's start)
    from essplanner.kpi import coverage as cov, progress as k

#: how far back "all time" goes for a campaign KPI with no span given
EPOCH = date(2000, 1, 1)
#: an outcome "now" on another machine whose clock is a little ahead is still now
FUTURE_TOLERANCE = timedelta(minutes=5)


@dataclass(frozen=True)
class VisitImport:
    """What an import of visits did."""

    rows: int
    inserted: int
    replaced: int
    visits: int
    with_campaign: int
    first_day: date
    last_day: date
    columns: dict[str, str]
    skipped: int


@dataclass(frozen=True)
class OutcomeInput:
    """A result to record for a KPI (:meth:`KpiService.add_outcomes`); no time means now."""

    kpi_id: int
    amount: float
    occurred_at: datetime | None = None
    source: str = ""
    note: str = ""


@dataclass(frozen=True)
class MetricReading:
    """One counter of a published target, as read at ``read_at``."""

    target_id: int
    name: str  # as the platform names it ("favourites_count")
    value: float
    read_at: datetime


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard and the report show for a span."""

    span: DateRange
    progress: tuple[k.KpiProgress, ...]  # the KPIs' periods overlapping the span
    history: tuple[k.KpiProgress, ...]  # the last periods up to the span's end
    best_posts: tuple[k.PostPerformance, ...]
    by_persona: tuple[k.ReachRow, ...]
    by_platform: tuple[k.ReachRow, ...]
    published_posts: int
    interactions: float
    visits: int


class KpiService(Service):
    """KPIs of objectives, outcome entries, visits, progress, coverage, reach."""

    def __init__(self, db: Database, *, settings: Settings | None = None,
                 clock: Clock | None = None, notify: Notify | None = None) -> None:
        super().__init__(db, clock=clock, notify=notify)
        self.settings = settings or Settings()

    @property
    def zone(self) -> ZoneInfo:
        return get_zone(self.settings.timezone)

    def today(self) -> date:
        return local_day(self.clock.now(), self.zone)

    # ------------------------------------------------------------------ KPIs ---

    def add_kpi(self, objective_id: int, *, name: str, target: float, unit: str = "",
                period: Period = Period.MONTH, source: KpiSource = KpiSource.OUTCOMES,
                metric: str | None = None) -> domain.Kpi:
        """Add a KPI after the objective's other ones."""
        name = name.strip()
        if not name:
            raise ValidationError(_("The KPI name is required."))
        if not math.isfinite(target) or target < 0:
            raise ValidationError(_("A KPI target cannot be negative."))
        metric = self._check_metric(source, metric)
        with self.db.write() as s:
            objective = s.get(models.Objective, objective_id)
            if objective is None:
                raise NotFoundError(_("There is no objective number {id}.", id=objective_id))
            if any(x.name.casefold() == name.casefold() for x in objective.kpis):
                raise ValidationError(_("The objective « {objective} » already has a KPI named "
                                        "« {name} ».", objective=objective.name, name=name))
            row = models.Kpi(name=name, target_value=float(target), unit=unit.strip(),
                             period=period.value, source=source.value, metric=metric,
                             position=max((x.position for x in objective.kpis), default=-1) + 1)
            objective.kpis.append(row)
            s.flush()
            result = repo.to_kpi(row)
        self._notify(Change(objectives=True))
        return result

    @staticmethod
    def _check_metric(source: KpiSource, metric: str | None) -> str | None:
        from essplanner.kpi import progress as k

        metric = (metric or "").strip() or None
        if source is KpiSource.METRICS:
            name = k.canonical_metric(metric or k.DEFAULT_METRIC)
            if name not in (*k.METRIC_NAMES, "interactions"):
                raise ValidationError(_("Unknown metric {metric!r}; choose among {known}.",
                                        metric=metric, known=", ".join(k.METRIC_NAMES)))
            return name
        if source is KpiSource.VISITS:
            return metric.lower() if metric else None  # only visits from this utm_source
        if metric:
            raise ValidationError(_("A KPI fed by outcome entries has no metric."))
        return None

    def remove_kpi(self, kpi_id: int) -> domain.Kpi:
        """Delete a KPI and its outcome entries; returns what it was."""
        with self.db.write() as s:
            row = s.get(models.Kpi, kpi_id)
            if row is None:
                raise NotFoundError(_("There is no KPI number {id}.", id=kpi_id))
            result = repo.to_kpi(row)
            s.delete(row)
        self._notify(Change(objectives=True, measurements=True))
        return result

    def objectives(self) -> list[domain.Objective]:
        with self.db.read() as s:
            return _objectives(s)

    def find_kpi(self, text: str, *, source: KpiSource | None = None,
                 ) -> tuple[domain.Objective, domain.Kpi]:
        """A KPI by its name, or an objective by its name (then its first KPI of ``source``).

        Names are matched without regard to case, then by a unique prefix.
        """
        wanted = text.strip().casefold()
        objectives = self.objectives()
        pairs = [(o, x) for o in objectives for x in o.kpis
                 if source is None or x.source is source]
        for exact in (True, False):
            def pick(name: str, exact: bool = exact) -> bool:
                return name == wanted if exact else name.startswith(wanted)

            kpis = [(o, x) for o, x in pairs if pick(x.name.casefold())]
            if len(kpis) == 1:
                return kpis[0]
            owners = [o for o in objectives if pick(o.name.casefold())]
            if len(owners) == 1:
                mine = [(o, x) for o, x in pairs if o.id == owners[0].id]
                if mine:
                    return mine[0]
                raise ValidationError(_("The objective « {objective} » has no KPI measured "
                                        "from {source}; add one with kpi add.",
                                        objective=owners[0].name,
                                        source=source_name(source or KpiSource.OUTCOMES)))
            if len(kpis) > 1:
                break
        known = ", ".join(f"{x.name} ({o.name})" for o, x in pairs) or _("none yet")
        raise NotFoundError(_("Unknown KPI or objective {name!r}. Known: {known}.",
                              name=text, known=known))

    # -------------------------------------------------------------- outcomes ---

    def add_outcome(self, kpi_id: int, *, amount: float, occurred_at: datetime | None = None,
                    source: str = "", note: str = "") -> k.OutcomeRecord:
        """Record a result (donations received, sign-ups, help requests) for a KPI."""
        return self.add_outcomes([OutcomeInput(kpi_id, amount, occurred_at, source, note)])[0]

    def add_outcomes(self, entries: Sequence[OutcomeInput]) -> list[k.OutcomeRecord]:
        """Record several results in one transaction: all of them, or none."""
        now = self.clock.now()
        checked: list[tuple[OutcomeInput, datetime]] = []
        for entry in entries:
            if not math.isfinite(entry.amount) or entry.amount == 0:
                raise ValidationError(_("The amount must be a number other than zero."))
            when = entry.occurred_at or now
            require_aware(when)
            if when > now + FUTURE_TOLERANCE:
                raise ValidationError(_("An outcome cannot be in the future."))
            checked.append((entry, when))
        with self.db.write() as s:
            added: list[tuple[models.OutcomeEntry, models.Kpi]] = []
            for entry, when in checked:
                kpi = s.get(models.Kpi, entry.kpi_id)
                if kpi is None:
                    raise NotFoundError(_("There is no KPI number {id}.", id=entry.kpi_id))
                if kpi.source != KpiSource.OUTCOMES.value:
                    raise ValidationError(_("« {kpi} » is measured from {source}, not from "
                                            "outcome entries.", kpi=kpi.name,
                                            source=source_name(KpiSource(kpi.source))))
                row = models.OutcomeEntry(kpi_id=kpi.id, occurred_at=when,
                                          amount=float(entry.amount),
                                          source=entry.source.strip()[:120],
                                          note=entry.note.strip(), created_at=now)
                s.add(row)
                added.append((row, kpi))
            s.flush()
            results = [self._outcome(row, kpi) for row, kpi in added]
        self._notify(Change(measurements=True))
        return results

    def outcomes(self, *, kpi_id: int | None = None, span: DateRange | None = None,
                 limit: int | None = None) -> list[k.OutcomeRecord]:
        """Outcome entries, newest first."""
        stmt = select(models.OutcomeEntry, models.Kpi).join(models.Kpi)
        if kpi_id is not None:
            stmt = stmt.where(models.OutcomeEntry.kpi_id == kpi_id)
        if span is not None:
            start, end = span.utc(self.zone)
            stmt = stmt.where(models.OutcomeEntry.occurred_at >= start,
                              models.OutcomeEntry.occurred_at < end)
        stmt = stmt.options(selectinload(models.Kpi.objective)).order_by(
            models.OutcomeEntry.occurred_at.desc(), models.OutcomeEntry.id.desc()).limit(limit)
        with self.db.read() as s:
            return [self._outcome(o, kpi) for o, kpi in s.execute(stmt)]

    def delete_outcome(self, outcome_id: int) -> k.OutcomeRecord:
        """Delete an entry; returns it (for undo: :meth:`restore_outcome`)."""
        with self.db.write() as s:
            row = s.get(models.OutcomeEntry, outcome_id)
            if row is None:
                raise NotFoundError(_("There is no outcome entry number {id}.", id=outcome_id))
            kpi = s.get(models.Kpi, row.kpi_id)
            assert kpi is not None
            result = self._outcome(row, kpi)
            s.delete(row)
        self._notify(Change(measurements=True))
        return result

    def restore_outcome(self, record: k.OutcomeRecord) -> k.OutcomeRecord:
        """Put back a deleted entry (undo)."""
        return self.add_outcome(record.kpi_id, amount=record.amount,
                                occurred_at=record.occurred_at, source=record.source,
                                note=record.note)

    def _outcome(self, row: models.OutcomeEntry, kpi: models.Kpi) -> k.OutcomeRecord:
        from essplanner.kpi import progress as k

        return k.OutcomeRecord(
            id=row.id, kpi_id=kpi.id, kpi_name=kpi.name, objective_name=kpi.objective.name,
            occurred_at=row.occurred_at, day=local_day(row.occurred_at, self.zone),
            amount=row.amount, unit=kpi.unit, source=row.source, note=row.note)

    # ---------------------------------------------------------------- visits ---

    def import_visits(self, path: Path, *, default_day: date | None = None) -> VisitImport:
        """Import a web-analytics CSV export. Rows already imported (same day, page and UTM
        parameters) take the new count, so importing an updated export twice counts once."""
        return self.store_visits(read_file(path, default_day=default_day))

    def store_visits(self, parsed: ParsedVisits) -> VisitImport:
        merged: dict[tuple[date, str, str, str, str], int] = {}
        for row in parsed.rows:
            merged[row.key] = merged.get(row.key, 0) + row.visits
        days = sorted({key[0] for key in merged})
        zone = self.zone
        start, end = DateRange(days[0], days[-1] + timedelta(days=1)).utc(zone)
        inserted = replaced = 0
        with self.db.write() as s:
            existing = {
                (local_day(v.day, zone), v.url, v.utm_source, v.utm_medium, v.utm_campaign): v
                for v in s.scalars(select(models.LinkVisit).where(
                    models.LinkVisit.day >= start, models.LinkVisit.day < end))
            }
            now = self.clock.now()
            for key, visits in merged.items():
                stored = existing.get(key)
                if stored is not None:
                    stored.visits, stored.imported_at = visits, now
                    replaced += 1
                    continue
                day, url, source, medium, campaign = key
                s.add(models.LinkVisit(day=visit_instant(day, zone), url=url, utm_source=source,
                                       utm_medium=medium, utm_campaign=campaign, visits=visits,
                                       imported_at=now))
                inserted += 1
        self._notify(Change(measurements=True))
        return VisitImport(
            rows=len(parsed.rows), inserted=inserted, replaced=replaced,
            visits=sum(merged.values()),
            with_campaign=sum(1 for key in merged if key[4]),
            first_day=days[0], last_day=days[-1], columns=dict(parsed.columns),
            skipped=parsed.skipped)

    # ------------------------------------------------------------- counters ---

    def store_metrics(self, readings: Sequence[MetricReading]) -> int:
        """Store counters read from the platforms for published targets, one row each with
        the time it was read (the example workspace's readings); returns how many."""
        for reading in readings:
            require_aware(reading.read_at)
            if not math.isfinite(reading.value):
                raise ValueError(f"the counter {reading.name} is not a number: {reading.value}")
        with self.db.write() as s:
            s.add_all(models.TargetMetric(target_id=r.target_id, name=r.name,
                                          value=float(r.value), read_at=r.read_at)
                      for r in readings)
        self._notify(Change(measurements=True))
        return len(readings)

    # ---------------------------------------------------------- measurements ---

    def measurements(self, span: DateRange, *,
                     include_test_accounts: bool | None = None) -> k.Measurements:
        """Published posts with their latest counters, outcomes and visits over ``span``."""
        with self.db.read() as s:
            return self._measurements(s, span, include_test_accounts)

    def counts_test_accounts(self, s: Session, asked: bool | None) -> bool:
        """Whether posts of test accounts count: when asked, or when there is no real
        account at all (the example workspace, a first try: nothing else to show)."""
        if asked is not None:
            return asked
        real = s.scalar(select(models.Account.id).where(
            models.Account.platform != TEST_PLATFORM).limit(1))
        return real is None

    def _measurements(self, s: Session, span: DateRange,
                      include_test_accounts: bool | None = None) -> k.Measurements:
        from essplanner.kpi import progress as k

        zone = self.zone
        start, end = span.utc(zone)
        target, post = models.Target, models.Post
        published = and_(
            target.state == DeliveryState.PUBLISHED.value,
            or_(and_(target.published_at >= start, target.published_at < end),
                and_(target.published_at.is_(None), post.scheduled_at >= start,
                     post.scheduled_at < end)))
        if not self.counts_test_accounts(s, include_test_accounts):
            published = and_(published, target.account_id.not_in(
                select(models.Account.id).where(models.Account.platform == TEST_PLATFORM)))
        rows = s.scalars(
            select(target).join(post).where(published).options(
                selectinload(target.account),
                selectinload(target.post).selectinload(post.personas),
                selectinload(target.post).selectinload(post.objectives))
        ).all()
        readings: dict[int, dict[str, tuple[datetime, float]]] = {}
        ids = [t.id for t in rows]
        for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
            for m in s.scalars(select(models.TargetMetric).where(
                    models.TargetMetric.target_id.in_(chunk))):
                mine = readings.setdefault(m.target_id, {})
                seen = mine.get(m.name)
                if seen is None or m.read_at >= seen[0]:
                    mine[m.name] = (m.read_at, m.value)
        targets = []
        for t in rows:
            when = t.published_at or t.post.scheduled_at
            assert when is not None
            latest = {name: value for name, (_at, value) in readings.get(t.id, {}).items()}
            targets.append(k.PublishedTarget(
                target_id=t.id, post_id=t.post_id, title=post_title(t.post),
                platform=effective_platform(t.account), account=t.account.name,
                published_at=when, day=local_day(when, zone),
                objective_ids=frozenset(o.id for o in t.post.objectives),
                persona_ids=frozenset(p.id for p in t.post.personas),
                readings=k.normalise_readings(latest), remote_url=t.remote_url))
        outcomes = tuple(
            self._outcome(o, kpi) for o, kpi in s.execute(
                select(models.OutcomeEntry, models.Kpi).join(models.Kpi)
                .where(models.OutcomeEntry.occurred_at >= start,
                       models.OutcomeEntry.occurred_at < end)
                .options(selectinload(models.Kpi.objective))))
        visits = tuple(
            k.VisitRow(day=local_day(v.day, zone), utm_source=v.utm_source,
                       utm_medium=v.utm_medium, utm_campaign=v.utm_campaign, visits=v.visits,
                       url=v.url)
            for v in s.scalars(select(models.LinkVisit).where(
                models.LinkVisit.day >= start, models.LinkVisit.day < end)))
        return k.Measurements(tuple(targets), outcomes, visits)

    def progress(self, span: DateRange | None = None, *,
                 objectives: Sequence[domain.Objective] | None = None) -> list[k.KpiProgress]:
        """Each KPI over its periods overlapping ``span`` (default: its current period).

        A campaign KPI has one period: the span (or all time up to today).
        """
        with self.db.read() as s:
            objectives = objectives if objectives is not None else _objectives(s)
            plans = [(o, x, self._periods_for(x, span)) for o in objectives for x in o.kpis]
            return self._evaluate(s, plans)

    def history(self, *, day: date | None = None, months: int = 6,
                objectives: Sequence[domain.Objective] | None = None) -> list[k.KpiProgress]:
        """Each KPI over its periods of the last ``months`` months up to ``day``."""
        with self.db.read() as s:
            objectives = objectives if objectives is not None else _objectives(s)
            return self._evaluate(s, self._history_plans(s, objectives, day or self.today(),
                                                         months))

    def _history_plans(self, s: Session, objectives: Sequence[domain.Objective], day: date,
                       months: int,
                       ) -> list[tuple[domain.Objective, domain.Kpi, list[DateRange]]]:
        window = DateRange(last_periods(day, Period.MONTH, months)[0].start,
                           day + timedelta(days=1))
        plans = []
        for o in objectives:
            for x in o.kpis:
                if x.period is Period.CAMPAIGN:
                    periods = [DateRange(self._first_day(s), window.end)]
                else:
                    periods = periods_overlapping(window, x.period)
                plans.append((o, x, periods))
        return plans

    def _periods_for(self, kpi: domain.Kpi, span: DateRange | None) -> list[DateRange]:
        if kpi.period is Period.CAMPAIGN:
            return [span or DateRange(EPOCH, self.today() + timedelta(days=1))]
        if span is None:
            return [period_of(self.today(), kpi.period)]
        return periods_overlapping(span, kpi.period)

    def _first_day(self, s: Session) -> date:
        first = s.scalar(select(func.min(models.Post.scheduled_at)))
        return local_day(first, self.zone) if first else self.today()

    def _evaluate(self, s: Session,
                  plans: Sequence[tuple[domain.Objective, domain.Kpi, Sequence[DateRange]]],
                  include_test_accounts: bool | None = None) -> list[k.KpiProgress]:
        from essplanner.kpi import progress as k

        spans = [p for _o, _x, periods in plans for p in periods]
        if not spans:
            return []
        data = self._measurements(s, DateRange(min(p.start for p in spans),
                                               max(p.end for p in spans)),
                                  include_test_accounts)
        now, zone = self.clock.now(), self.zone
        result = []
        for objective, kpi, periods in plans:
            values = tuple(
                k.PeriodValue(start=p.start, end=p.end,
                              label=label(p, None if kpi.period is Period.CAMPAIGN
                                          else kpi.period),
                              value=k.kpi_value(kpi, objective, data, p.start, p.end),
                              target=kpi.target_value,
                              elapsed=elapsed_fraction(p, now, zone))
                for p in periods)
            result.append(k.KpiProgress(objective, kpi, values))
        return result

    # ------------------------------------------------------ coverage & reach ---

    def coverage(self, span: DateRange, *, min_weeks: int | None = None,
                 free_slots: Iterable[datetime] | None = None) -> cov.Coverage:
        """Planned and published posts by persona, segment and objective, week by week
        (and, given the free posting slots' times, how many fall in each week);
        ``min_weeks``: the shortest gap reported (default ``coverage.DEFAULT_MIN_WEEKS``)."""
        from essplanner.kpi import coverage as cov

        if min_weeks is None:
            min_weeks = cov.DEFAULT_MIN_WEEKS
        if min_weeks < 1:
            raise ValidationError(_("A gap is at least one week long."))
        start, end = span.utc(self.zone)
        with self.db.read() as s:
            posts = repo.query_posts(s, domain.PostQuery(start=start, end=end))
            named = {x.id for post in posts for x in post.personas}
            # an archived persona shows only where its (published) posts are, never as a
            # gap in the weeks to come
            personas = [p for p in (repo.to_persona(r) for r in s.scalars(
                select(models.Persona).order_by(models.Persona.name)))
                if not p.archived or p.id in named]
            objectives = _objectives(s)
            platform_of = {a.id: effective_platform(a) for a in s.scalars(select(models.Account))}
        return cov.compute(span=span, zone=self.zone, today=self.today(), posts=posts,
                           personas=personas, objectives=objectives, platform_of=platform_of,
                           min_weeks=min_weeks, free_slots=free_slots)

    def dashboard(self, span: DateRange, *, history: int = 6, best: int = 5,
                  include_test_accounts: bool | None = None) -> Dashboard:
        """Progress, trend (``history`` months), best posts and reach for ``span``, read in
        one transaction. Posts of test accounts count only when asked (or when there is no
        real account)."""
        from essplanner.kpi import progress as k

        with self.db.read() as s:
            objectives = _objectives(s)
            personas = [repo.to_persona(p) for p in s.scalars(
                select(models.Persona).order_by(models.Persona.name))]
            progress = self._evaluate(s, [(o, x, self._periods_for(x, span))
                                          for o in objectives for x in o.kpis],
                                      include_test_accounts)
            trend = self._history_plans(s, objectives, span.last, history)
            histories = self._evaluate(s, trend, include_test_accounts)
            data = self._measurements(s, span, include_test_accounts)
        names_p = {p.id: p.name for p in personas}
        names_o = {o.id: o.name for o in objectives}
        return Dashboard(
            span=span, progress=tuple(progress), history=tuple(histories),
            best_posts=tuple(k.best_posts(data, personas=names_p, objectives=names_o,
                                          limit=best)),
            by_persona=tuple(k.reach_by_persona(data, personas)),
            by_platform=tuple(k.reach_by_platform(data)),
            published_posts=len({t.post_id for t in data.targets}),
            interactions=sum(t.interactions for t in data.targets),
            visits=sum(v.visits for v in data.visits),
        )


def _objectives(s: Session) -> list[domain.Objective]:
    rows = s.scalars(select(models.Objective).options(selectinload(models.Objective.kpis))
                     .order_by(models.Objective.name))
    return [repo.to_objective(r) for r in rows]


def visit_instant(day: date, zone: ZoneInfo) -> datetime:
    """How a day of visits is stored: local noon, in UTC, so that it stays inside its
    local day for every period computation (and a zone change of a few hours)."""
    return datetime.combine(day, time(12), tzinfo=zone).astimezone(UTC)


def post_title(post: models.Post) -> str:
    if post.title:
        return post.title
    lines = post.body.strip().splitlines()
    return lines[0][:60] if lines else ""


def effective_platform(account: models.Account | domain.Account) -> str:
    """The platform a post on this account reaches: the mimicked one for a dry run."""
    settings = account.settings or {}
    return str(settings.get("mimic") or account.platform).lower()


def source_name(source: KpiSource) -> str:
    names = {
        KpiSource.METRICS: _("platform metrics"),
        KpiSource.OUTCOMES: _("outcome entries"),
        KpiSource.VISITS: _("web visits"),
    }
    return names[source]

