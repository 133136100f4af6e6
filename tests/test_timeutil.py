from datetime import UTC, datetime

import pytest

from essplanner.errors import ValidationError
from essplanner.timeutil import parse_user_datetime


def test_offset_times_are_converted_to_utc() -> None:
    parsed = parse_user_datetime("2026-12-03T10:00:00+01:00", "Europe/Paris")
    assert parsed.utc == datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    assert parsed.note == ""


def test_naive_time_is_read_in_the_configured_zone_and_said_so() -> None:
    parsed = parse_user_datetime("2026-07-03T10:00", "Europe/Paris")
    assert parsed.utc == datetime(2026, 7, 3, 8, 0, tzinfo=UTC)
    assert "Europe/Paris" in parsed.note


def test_a_time_in_the_spring_forward_gap_is_refused_clearly() -> None:
    with pytest.raises(ValidationError, match="does not exist in Europe/Paris"):
        parse_user_datetime("2027-03-28T02:30", "Europe/Paris")


def test_a_time_that_happens_twice_means_the_first_one() -> None:
    parsed = parse_user_datetime("2026-10-25T02:30", "Europe/Paris")
    assert parsed.utc == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # still summer time, +02:00
    assert "happens twice" in parsed.note
    second = parse_user_datetime("2026-10-25T02:30+01:00", "Europe/Paris")
    assert second.utc == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)


def test_garbage_is_a_clear_error() -> None:
    with pytest.raises(ValidationError, match="not a date and time"):
        parse_user_datetime("demain", "Europe/Paris")
