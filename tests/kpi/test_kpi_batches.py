"""Outcome entries and counters stored several at a time (what the example workspace uses)."""

from datetime import timedelta

import pytest
from kpi_fixture import NOVEMBER, Plan, paris

from essplanner.domain import Change
from essplanner.errors import ValidationError
from essplanner.kpi.periods import DateRange
from essplanner.kpi.service import MetricReading, OutcomeInput


def test_outcome_entries_are_added_all_or_none(plan: Plan) -> None:
    kpis = plan.ws.kpis
    changes: list[Change] = []
    kpis.subscribe(changes.append)
    dons, benevoles = plan.kpi("Dons reçus").id, plan.kpi("Bénévoles inscrits").id
    with pytest.raises(ValidationError, match="measured from platform metrics"):
        kpis.add_outcomes([OutcomeInput(dons, 100, paris(3)),
                           OutcomeInput(plan.kpi("Personnes sensibilisées").id, 3, paris(4))])
    with pytest.raises(ValidationError, match="future"):
        kpis.add_outcomes([OutcomeInput(dons, 100, paris(3)), OutcomeInput(dons, 5, paris(29))])
    assert kpis.outcomes() == [] and changes == []
    added = kpis.add_outcomes([OutcomeInput(dons, 100, paris(3), " HelloAsso "),
                               OutcomeInput(benevoles, 2, paris(4), note="formulaire")])
    assert [(o.kpi_name, o.amount, o.source, o.note) for o in added] == [
        ("Dons reçus", 100.0, "HelloAsso", ""), ("Bénévoles inscrits", 2.0, "", "formulaire")]
    assert changes == [Change(measurements=True)]
    progress = {p.kpi.name: p.periods[0].value
                for p in kpis.progress(DateRange.inclusive(*NOVEMBER))}
    assert progress["Dons reçus"] == 100 and progress["Bénévoles inscrits"] == 2


def test_stored_counters_count_as_read_from_the_platforms(plan: Plan) -> None:
    kpis = plan.ws.kpis
    target = plan.targets[("karim-2", "IG")]
    read = paris(3)
    assert kpis.store_metrics([MetricReading(target, "like_count", 40, read),
                               MetricReading(target, "comments_count", 5, read),
                               MetricReading(target, "like_count", 55,
                                             read + timedelta(days=2))]) == 3
    measured = kpis.measurements(DateRange.inclusive(*NOVEMBER))
    mine = next(t for t in measured.targets if t.target_id == target)
    assert mine.interactions == 60  # the later reading of likes counts, plus the comments
    with pytest.raises(ValueError, match="not a number"):
        kpis.store_metrics([MetricReading(target, "like_count", float("nan"), read)])
