"""Events and campaigns changed in place (what the app's dialog calls), with the same
rules as when they are added; coverage counts free posting slots per week."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from essplanner.errors import NotFoundError, ValidationError
from essplanner.kpi.coverage import free_by_week
from essplanner.kpi.periods import DateRange, weeks
from essplanner.workspace import Workspace

PARIS = ZoneInfo("Europe/Paris")


def test_update_event_switches_between_all_day_and_timed(workspace: Workspace) -> None:
    planning = workspace.planning
    event = planning.add_event(name="AG", start_day=date(2026, 12, 12), place="Mairie")
    starts = datetime(2026, 12, 12, 13, 30, tzinfo=UTC)
    timed = planning.update_event(event.id, name="AG 2026", place="Salle", starts_at=starts)
    assert (timed.all_day, timed.start_day, timed.starts_at, timed.place) == (
        False, None, starts, "Salle")
    assert timed.ends_at is not None and timed.ends_at > starts
    back = planning.update_event(event.id, name="AG", start_day=date(2026, 12, 13))
    assert (back.all_day, back.start_day, back.end_day, back.starts_at, back.ends_at) == (
        True, date(2026, 12, 13), date(2026, 12, 13), None, None)
    with pytest.raises(ValidationError):
        planning.update_event(event.id, name="AG", start_day=date(2026, 12, 13),
                              end_day=date(2026, 12, 1))
    with pytest.raises(ValidationError):
        planning.update_event(event.id, name=" ", start_day=date(2026, 12, 13))
    with pytest.raises(NotFoundError):
        planning.update_event(event.id, name="AG", start_day=date(2026, 12, 13),
                              campaign_id=999)
    assert planning.event(event.id) == back


def test_update_campaign_checks_dates_colour_and_names(workspace: Workspace) -> None:
    planning = workspace.planning
    winter = planning.add_campaign(name="Hiver", start_day=date(2026, 12, 1),
                                   end_day=date(2027, 1, 31))
    planning.add_campaign(name="Printemps", start_day=date(2027, 3, 1),
                          end_day=date(2027, 5, 31))
    changed = planning.update_campaign(winter.id, name="Grand froid",
                                       start_day=date(2026, 12, 15),
                                       end_day=date(2027, 2, 28), colour="#ABCDEF")
    assert (changed.name, changed.start_day, changed.colour) == (
        "Grand froid", date(2026, 12, 15), "#abcdef")
    for bad in ({"end_day": date(2026, 1, 1)}, {"colour": "blue"}, {"name": "Printemps"}):
        fields = {"name": "Grand froid", "start_day": date(2026, 12, 15),
                  "end_day": date(2027, 2, 28), "colour": "#abcdef", **bad}
        with pytest.raises(ValidationError):
            planning.update_campaign(winter.id, **fields)  # type: ignore[arg-type]
    assert planning.campaign(winter.id) == changed


def test_free_slots_counted_in_their_local_week() -> None:
    span = DateRange(date(2026, 3, 23), date(2026, 4, 6))
    columns = list(weeks(span))
    free = [datetime(2026, 3, 29, 22, 30, tzinfo=UTC),  # Monday 30 March 00:30 in Paris
            datetime(2026, 3, 25, 8, 0, tzinfo=UTC), datetime(2026, 3, 27, 8, 0, tzinfo=UTC),
            datetime(2026, 5, 1, 8, 0, tzinfo=UTC)]  # outside the span
    assert free_by_week(columns, PARIS, free) == (2, 1)
    assert free_by_week(columns, UTC, free) == (3, 0)
