"""Re-reading the shown period (every change seen, every few seconds) applies only what
changed, in time linear in the posts shown (a year of the agenda holds thousands)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from essplanner.domain import DeliveryState, EditorialState
from essplanner.services.calendar import CalendarEntry, TargetBadge
from essplanner.ui.calendar.post_model import PostListModel

pytestmark = pytest.mark.gui

START = datetime(2027, 1, 1, tzinfo=UTC)


def _entries(count: int) -> list[CalendarEntry]:
    return [CalendarEntry(
        post_id=i, version=1, title=f"Post {i}", text="", link_url="",
        scheduled_at=START + timedelta(hours=3 * i), editorial_state=EditorialState.APPROVED,
        targets=(TargetBadge(target_id=i, account_id=1, account_name="Compte",
                             platform="mastodon", state=DeliveryState.SCHEDULED),))
        for i in range(1, count + 1)]


def _model(rows: list[CalendarEntry]) -> PostListModel:
    model = PostListModel(lambda start, end, undated: list(rows),
                          lambda ids: [e for e in rows if e.post_id in set(ids)],
                          ZoneInfo("Europe/Paris"))
    model.set_range(START, START + timedelta(days=400))
    return model


def test_a_refresh_where_nothing_changed_signals_nothing_and_searches_no_row(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _entries(2_000)
    model = _model(rows)
    changed: list[int] = []
    model.dataChanged.connect(lambda first, last: changed.append(first.row()))
    searched: list[int] = []
    original = PostListModel.row_of
    monkeypatch.setattr(PostListModel, "row_of",
                        lambda self, post_id: searched.append(post_id) or original(self, post_id))

    model.refresh()
    assert changed == [] and searched == []  # one pass over the rows, no search per post

    rows[700] = dataclasses.replace(rows[700], title="Nouveau titre", version=2)
    model.refresh()
    assert changed == [700] and searched == []
    assert model.chip(700).title == "Nouveau titre"


def test_a_refresh_moves_inserts_and_removes_rows_in_time_order(qtbot: QtBot) -> None:
    rows = _entries(50)
    model = _model(rows)
    moved: list[tuple[int, int]] = []
    model.rowsMoved.connect(lambda _p, first, _l, _d, dest: moved.append((first, dest)))

    # post 10 now goes out after post 40; post 20 changes in place; post 30 is gone;
    # a new post lands between posts 4 and 5
    rows[9] = dataclasses.replace(rows[9], scheduled_at=rows[39].scheduled_at
                                  + timedelta(minutes=30), version=2)
    rows[19] = dataclasses.replace(rows[19], title="Changé", version=2)
    del rows[29]
    new = dataclasses.replace(rows[0], post_id=99, title="Nouveau",
                              scheduled_at=rows[3].scheduled_at + timedelta(minutes=5))
    rows.append(new)
    model.refresh()

    ids = [model.chip(i).post_id for i in range(model.rowCount())]
    expected = sorted((e for e in rows), key=lambda e: (e.scheduled_at, e.post_id))
    assert ids == [e.post_id for e in expected]
    assert moved == [(9, 40)]
    assert model.chip(ids.index(20)).title == "Changé"
    assert 30 not in ids and ids.index(99) == 4
