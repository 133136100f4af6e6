"""Recurrence rules computed in local time: DST, the 31st, "second Tuesday", ends."""

import itertools
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from essplanner.errors import ValidationError
from essplanner.recurrence import (
    MonthlyMode,
    build_rule,
    describe,
    local_occurrences,
    occurrences_utc,
    parse_rule,
    to_utc,
    with_until,
)


@pytest.mark.parametrize(("zone", "start", "winter", "summer"), [
    # Europe/Paris: summer time from 2027-03-28, winter time from 2027-10-31
    ("Europe/Paris", datetime(2027, 3, 15, 9, 0), 8, 7),
    # America/Montreal: summer time from 2027-03-14, winter time from 2027-11-07
    ("America/Montreal", datetime(2027, 3, 1, 9, 0), 14, 13),
])
def test_weekly_monday_stays_at_nine_local_across_both_dst_changes(
        zone: str, start: datetime, winter: int, summer: int) -> None:
    rule = parse_rule("FREQ=WEEKLY;BYDAY=MO")
    pairs = occurrences_utc(rule, start, zone, after=datetime(2027, 1, 1, tzinfo=UTC),
                            before=datetime(2027, 12, 1, tzinfo=UTC))
    tz = ZoneInfo(zone)
    assert all(utc.astimezone(tz).time() == time(9, 0) for _local, utc in pairs)
    assert all(utc.astimezone(tz).weekday() == 0 for _local, utc in pairs)
    hours = [utc.hour for _local, utc in pairs]
    # UTC hour changes at both transitions: winter, then summer, then winter again
    assert hours[0] == winter
    assert summer in hours
    assert hours[-1] == winter
    changes = sum(1 for a, b in itertools.pairwise(hours) if a != b)
    assert changes == 2


def test_monthly_on_the_31st_skips_months_without_one() -> None:
    rule = build_rule(freq="MONTHLY", start=date(2027, 1, 31), count=4)
    assert rule.text == "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=4"
    days = [d.date() for d in local_occurrences(rule, datetime(2027, 1, 31, 10, 0))]
    assert days == [date(2027, 1, 31), date(2027, 3, 31), date(2027, 5, 31), date(2027, 7, 31)]
    assert "skipped" in describe(rule, time(10, 0))


def test_second_tuesday_of_the_month() -> None:
    rule = build_rule(freq="MONTHLY", monthly=MonthlyMode.WEEKDAY, start=date(2027, 1, 12))
    assert rule.text == "FREQ=MONTHLY;BYDAY=2TU"
    days = [d.date() for d in local_occurrences(rule, datetime(2027, 1, 12, 18, 30), limit=4)]
    assert days == [date(2027, 1, 12), date(2027, 2, 9), date(2027, 3, 9), date(2027, 4, 13)]
    assert describe(rule, time(18, 30)) == "The second Tuesday of every month at 18:30"


def test_end_by_count_and_by_date() -> None:
    start = datetime(2027, 3, 1, 9, 0)  # a Monday
    counted = parse_rule("RRULE:FREQ=WEEKLY;BYDAY=MO,TH;COUNT=5")
    assert len(local_occurrences(counted, start)) == 5
    assert local_occurrences(counted, start)[-1] == datetime(2027, 3, 15, 9, 0)
    assert describe(counted, time(9, 0)) == "Every Monday, Thursday at 09:00, 5 times"
    dated = parse_rule("FREQ=DAILY;INTERVAL=2;UNTIL=20270307")
    assert [d.day for d in local_occurrences(dated, start)] == [1, 3, 5, 7]
    cut = with_until(counted, date(2027, 3, 7))
    assert cut.text == "FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20270307"
    assert len(local_occurrences(cut, start)) == 2  # Monday 1st, Thursday 4th


def test_a_time_missing_on_the_spring_forward_night_moves_forward_by_the_gap() -> None:
    paris = ZoneInfo("Europe/Paris")
    assert to_utc(datetime(2027, 3, 28, 2, 30), paris) == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)
    # twice on the fall-back night: the first one (summer time)
    assert to_utc(datetime(2027, 10, 31, 2, 30), paris) == datetime(2027, 10, 31, 0, 30,
                                                                     tzinfo=UTC)


@pytest.mark.parametrize(("text", "message"), [
    ("FREQ=HOURLY", "FREQ=DAILY"),
    ("FREQ=DAILY;BYHOUR=9", "BYHOUR"),
    ("FREQ=DAILY;COUNT=0", "COUNT must be 1"),
    ("FREQ=DAILY;COUNT=3;UNTIL=20270101", "not both"),
    ("FREQ=WEEKLY;BYDAY=XX", "BYDAY=XX"),
    ("FREQ", "NAME=value"),
])
def test_bad_rules_get_one_line_messages(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_rule(text)


def test_the_summary_in_french() -> None:
    from essplanner.i18n import set_language

    set_language("fr")
    try:
        rule = parse_rule("FREQ=WEEKLY;BYDAY=MO;COUNT=10")
        assert describe(rule, time(9, 0)) == "Chaque lundi à 09:00, 10 fois"
        monthly = parse_rule("FREQ=MONTHLY;BYDAY=2TU")
        assert describe(monthly, time(18, 30)) == "Le deuxième mardi de chaque mois à 18:30"
    finally:
        set_language("en")
