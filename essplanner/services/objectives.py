"""Objectives and their KPIs."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import selectinload

from essplanner import domain, models, repositories as repo
from essplanner.domain import Change
from essplanner.errors import (
    NotFoundError,
    ValidationError,
)
from essplanner.i18n import _
from essplanner.services.base import Service, flush_unique, required

# ---------------------------------------------------------------- objectives ---


class ObjectiveService(Service):
    """What posts are for, each with measurable KPIs."""

    def all(self) -> list[domain.Objective]:
        with self.db.read() as s:
            rows = s.scalars(
                select(models.Objective)
                .options(selectinload(models.Objective.kpis))
                .order_by(models.Objective.name)
            )
            return [repo.to_objective(r) for r in rows]

    def get(self, objective_id: int) -> domain.Objective:
        with self.db.read() as s:
            row = s.get(models.Objective, objective_id)
            if row is None:
                raise NotFoundError(_("There is no objective number {id}.", id=objective_id))
            return repo.to_objective(row)

    def find(self, names: Iterable[str]) -> list[domain.Objective]:
        with self.db.read() as s:
            return [repo.to_objective(r) for r in repo.objectives_by_names(s, names)]

    def add(self, *, name: str, kind: domain.ObjectiveKind = domain.ObjectiveKind.OTHER,
            description: str = "", kpi_name: str = "", target_value: float | None = None,
            unit: str = "", period: domain.Period = domain.Period.MONTH,
            source: domain.KpiSource = domain.KpiSource.OUTCOMES,
            metric: str | None = None) -> domain.Objective:
        name = required(name, _("name"))
        row = models.Objective(name=name, kind=kind.value, description=description.strip())
        if kpi_name.strip():
            row.kpis.append(_new_kpi(kpi_name, target_value, unit, period, source, metric, 0))
        with self.db.write() as s:
            s.add(row)
            flush_unique(s, _("An objective named {name!r} already exists.", name=name))
            result = repo.to_objective(row)
        self._notify(Change(objectives=True))
        return result

    def update(self, objective: domain.Objective) -> domain.Objective:
        """Save name, kind, description and the KPI list (matched by id; id 0 is new)."""
        with self.db.write() as s:
            row = s.get(models.Objective, objective.id)
            if row is None:
                raise NotFoundError(_("There is no objective number {id}.", id=objective.id))
            row.name = required(objective.name, _("name"))
            row.kind = objective.kind.value
            row.description = objective.description.strip()
            existing = {k.id: k for k in row.kpis}
            kept: list[models.Kpi] = []
            for position, kpi in enumerate(objective.kpis):
                if kpi.id in existing:
                    k = existing[kpi.id]
                    k.name = required(kpi.name, _("KPI name"))
                    k.target_value = _target(kpi.target_value)
                    k.unit, k.period, k.source = kpi.unit, kpi.period.value, kpi.source.value
                    k.metric, k.position = kpi.metric, position
                else:
                    k = _new_kpi(kpi.name, kpi.target_value, kpi.unit, kpi.period, kpi.source,
                                 kpi.metric, position)
                kept.append(k)
            row.kpis = kept
            flush_unique(s, _("An objective named {name!r} already exists.",
                               name=objective.name))
            result = repo.to_objective(row)
        self._notify(Change(objectives=True))
        return result

    def delete(self, objective_id: int) -> None:
        with self.db.write() as s:
            s.execute(delete(models.Objective).where(models.Objective.id == objective_id))
        self._notify(Change(objectives=True))


def _new_kpi(name: str, target_value: float | None, unit: str, period: domain.Period,
             source: domain.KpiSource, metric: str | None, position: int) -> models.Kpi:
    return models.Kpi(
        name=required(name, _("KPI name")), target_value=_target(target_value),
        unit=unit.strip(), period=period.value, source=source.value, metric=metric,
        position=position,
    )


def _target(value: float | None) -> float:
    if value is None:
        return 0.0
    if value < 0:
        raise ValidationError(_("A KPI target cannot be negative."))
    return float(value)
