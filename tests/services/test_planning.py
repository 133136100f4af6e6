"""Events, campaigns and awareness days: the services, the iCalendar import, the shipped list."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from essplanner import domain
from essplanner.errors import ValidationError
from essplanner.services.awareness import occurrences, parse_ics, shipped_days
from essplanner.workspace import Workspace

PARIS = ZoneInfo("Europe/Paris")


def days_file() -> bytes:
    """A fixed day, a yearly rule, a moving day (4th Thursday of November), a timed event."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//test//days//FR")
    cal.add("version", "2.0")
    fixed = icalendar.Event()
    fixed.add("uid", "ag-2026@test")
    fixed.add("summary", "Assemblée des quartiers")
    fixed.add("dtstart", date(2026, 11, 12))
    yearly = icalendar.Event()
    yearly.add("uid", "poverty@test")
    yearly.add("summary", "Refus de la misère")
    yearly.add("dtstart", date(2020, 10, 17))
    yearly.add("rrule", {"freq": "yearly"})
    moving = icalendar.Event()
    moving.add("uid", "thanksgiving@test")
    moving.add("summary", "Thanksgiving")
    moving.add("dtstart", date(2020, 11, 26))
    moving.add("rrule", {"freq": "yearly", "bymonth": 11, "byday": "4TH"})
    timed = icalendar.Event()
    timed.add("uid", "meeting@test")
    timed.add("summary", "Réunion")
    timed.add("dtstart", datetime(2026, 11, 3, 18, 0, tzinfo=UTC))
    for event in (fixed, yearly, moving, timed):
        cal.add_component(event)
    return cal.to_ical()


def test_ics_days_imported_once_and_expanded_for_the_period(workspace: Workspace) -> None:
    first = workspace.days.import_ics(days_file(), source="test.ics")
    assert (first.added, first.skipped) == (3, 1)
    again = workspace.days.import_ics(days_file(), source="test.ics")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    assert len(workspace.days.days()) == 3

    marks = workspace.days.on(date(2026, 11, 1), date(2026, 12, 1))
    assert {d: [m.name for m in v] for d, v in marks.items()} == {
        date(2026, 11, 12): ["Assemblée des quartiers"],
        date(2026, 11, 26): ["Thanksgiving"],
    }
    # the rule, not a stored list: any year is there
    assert [m.name for m in workspace.days.on(date(2031, 10, 1), date(2031, 11, 1))[
        date(2031, 10, 17)]] == ["Refus de la misère"]
    assert date(2031, 11, 27) in workspace.days.on(date(2031, 11, 1), date(2031, 12, 1))


@pytest.mark.parametrize(("text", "line", "words"), [
    ("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nthis is not a line\n"
     "END:VEVENT\nEND:VCALENDAR\n", 5, "this is not a line"),
    ("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20261112\n"
     "END:VTODO\nEND:VCALENDAR\n", 6, "END:VTODO"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20261112\nEND:VEVENT\n",
     5, "never closed"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:bad\nDTSTART;VALUE=DATE:2026-99-99\nEND:VEVENT\n"
     "END:VCALENDAR\n", 4, "DTSTART"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:r\nDTSTART;VALUE=DATE:20261112\nRRULE:FREQ=SOMETIMES\n"
     "END:VEVENT\nEND:VCALENDAR\n", 5, "RRULE"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nDTSTART;VALUE=DATE:20261112\n"
     "END:VEVENT\nEND:VCALENDAR\n", 2, "UID"),
    ("PRODID:nothing\n", 1, "BEGIN:VCALENDAR"),
])
def test_malformed_ics_refused_naming_the_line(workspace: Workspace, text: str, line: int,
                                               words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        workspace.days.import_ics(text.encode(), source="bad.ics")
    message = str(caught.value)
    assert message.startswith(f"Line {line}:"), message
    assert words in message
    assert "\n" not in message
    assert workspace.days.days() == []


def test_shipped_days_in_both_languages_with_moving_dates() -> None:
    fr = {d.uid: d for d in shipped_days("fr")}
    en = {d.uid: d for d in shipped_days("en")}
    assert fr.keys() == en.keys()
    assert fr["poverty@days.essplanner"].name == "Journée mondiale du refus de la misère"
    assert en["volunteering@days.essplanner"].name == "International Volunteer Day"

    def on(uid: str, year: int) -> list[date]:
        return occurrences(en[uid], date(year, 1, 1), date(year + 1, 1, 1))

    assert on("poverty@days.essplanner", 2027) == [date(2027, 10, 17)]
    assert on("disability@days.essplanner", 2027) == [date(2027, 12, 3)]
    assert on("environment@days.essplanner", 2027) == [date(2027, 6, 5)]
    assert on("food-waste@days.essplanner", 2027) == [date(2027, 9, 29)]
    # the Tuesday after US Thanksgiving: 2024-12-03, 2025-12-02, 2026-12-01
    assert on("giving-tuesday@days.essplanner", 2024) == [date(2024, 12, 3)]
    assert on("giving-tuesday@days.essplanner", 2025) == [date(2025, 12, 2)]
    assert on("giving-tuesday@days.essplanner", 2026) == [date(2026, 12, 1)]
    # Fête des voisins: the last Friday of May
    assert on("neighbours@days.essplanner", 2024) == [date(2024, 5, 31)]
    assert "voisins" in fr["neighbours@days.essplanner"].name
    assert "volunteers" in en["volunteering@days.essplanner"].personas


def test_shipped_days_imported_once(workspace: Workspace) -> None:
    first = workspace.days.import_shipped("fr")
    assert first.added == len(shipped_days("fr"))
    assert workspace.days.import_shipped("fr").added == 0
    dec = workspace.days.on(date(2026, 12, 1), date(2026, 12, 8))
    assert [m.name for m in dec[date(2026, 12, 5)]] == ["Journée mondiale du bénévolat"]
    assert [m.name for m in dec[date(2026, 12, 1)]] == [
        "Giving Tuesday", "Journée mondiale de lutte contre le sida"]


def test_campaign_and_event_marks_by_local_day(workspace: Workspace) -> None:
    campaign = workspace.planning.add_campaign(
        name="Collecte d'hiver", start_day=date(2026, 11, 20), end_day=date(2026, 12, 5))
    assert campaign.colour.startswith("#")
    # 23:30 in Paris on the 14th is the 14th there, the 14th/15th in UTC
    evening = datetime(2026, 11, 14, 23, 30, tzinfo=PARIS)
    timed = workspace.planning.add_event(name="Veillée", starts_at=evening,
                                         ends_at=evening + timedelta(minutes=20))
    ag = workspace.planning.add_event(name="AG", start_day=date(2026, 11, 28),
                                      end_day=date(2026, 11, 29), place="Salle des fêtes")
    marks = workspace.planning.marks(date(2026, 11, 1), date(2026, 12, 1), PARIS)
    assert sorted(marks.campaigns) == [date(2026, 11, d) for d in range(20, 31)]
    bar = marks.campaigns[date(2026, 11, 20)][0]
    assert (bar.name, bar.first, bar.last) == ("Collecte d'hiver", True, False)
    assert marks.events[date(2026, 11, 14)][0].event_id == timed.id
    assert marks.events[date(2026, 11, 14)][0].starts is not None
    assert date(2026, 11, 15) not in marks.events
    assert [e.event_id for e in marks.events[date(2026, 11, 29)]] == [ag.id]
    assert not marks.events[date(2026, 11, 29)][0].first
    december = workspace.planning.marks(date(2026, 12, 1), date(2026, 12, 8), PARIS)
    assert december.campaigns[date(2026, 12, 5)][0].last


def test_prepare_posts_at_offsets_tied_to_objective_and_campaign(
        workspace: Workspace) -> None:
    objective = workspace.objectives.add(name="Dons", kind=domain.ObjectiveKind.DONATIONS)
    campaign = workspace.planning.add_campaign(
        name="Hiver", start_day=date(2026, 11, 1), end_day=date(2026, 12, 31))
    event = workspace.planning.add_event(
        name="Collecte", start_day=date(2026, 12, 12), objective_id=objective.id,
        campaign_id=campaign.id)
    plan = workspace.planning.plan_posts(event.id, PARIS)
    assert [p.kind for p in plan] == ["announcement", "reminder", "live", "thanks"]
    assert [p.when.astimezone(PARIS).date() for p in plan] == [
        date(2026, 11, 28), date(2026, 12, 11), date(2026, 12, 12), date(2026, 12, 13)]
    plan[1] = plan[1].__class__(plan[1].kind, plan[1].title, plan[1].when, chosen=False)
    created = workspace.planning.prepare_posts(event.id, plan, workspace.posts)
    assert len(created) == 3
    for post in created:
        assert post.editorial_state == domain.EditorialState.DRAFT
        assert [o.id for o in post.objectives] == [objective.id]
    assert workspace.planning.campaign_posts(campaign.id) == sorted(p.id for p in created)


def test_campaign_validation(workspace: Workspace) -> None:
    with pytest.raises(ValidationError):
        workspace.planning.add_campaign(name="X", start_day=date(2026, 2, 2),
                                        end_day=date(2026, 2, 1))
    with pytest.raises(ValidationError):
        workspace.planning.add_campaign(name="X", start_day=date(2026, 2, 2),
                                        end_day=date(2026, 2, 3), colour="red")
    workspace.planning.add_campaign(name="X", start_day=date(2026, 2, 2),
                                    end_day=date(2026, 2, 3))
    with pytest.raises(ValidationError):
        workspace.planning.add_campaign(name="X", start_day=date(2026, 2, 2),
                                        end_day=date(2026, 2, 3))


def test_parse_ics_reads_a_real_file_shape(tmp_path: Path) -> None:
    days, skipped = parse_ics(days_file().replace(b"\r\n", b"\n"))
    assert {d.uid for d in days} == {"ag-2026@test", "poverty@test", "thanksgiving@test"}
    assert skipped == 1
