from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError

from essplanner import models
from essplanner.workspace import Workspace


def test_naive_datetime_is_rejected_by_the_column_type(workspace: Workspace) -> None:
    with pytest.raises(StatementError, match="naive datetime"):
        with workspace.db.write() as s:
            s.add(models.Post(title="x", body="y", scheduled_at=datetime(2026, 12, 3, 10, 0)))


def test_aware_datetimes_are_stored_in_utc_and_read_back_aware(workspace: Workspace) -> None:
    paris_winter = timezone(timedelta(hours=1))
    with workspace.db.write() as s:
        s.add(models.Post(title="x", body="y",
                          scheduled_at=datetime(2026, 12, 3, 10, 0, tzinfo=paris_winter)))
    with workspace.db.read() as s:
        value = s.scalars(select(models.Post.scheduled_at)).one()
    assert value == datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    assert value.tzinfo is UTC


def test_no_column_is_meant_for_a_secret() -> None:
    suspicious = ("password", "secret", "token", "jwt", "credential")
    for table in models.Base.metadata.tables.values():
        for column in table.columns:
            name = column.name.lower()
            if name in ("token_expires_at",):  # a date, not a token
                continue
            assert not any(word in name for word in suspicious), f"{table.name}.{column.name}"
