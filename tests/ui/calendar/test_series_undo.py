"""Moving a recurring post "this and the following" from the calendar, undone and redone."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from essplanner.domain import PostDraft, SeriesScope
from essplanner.ui.calendar import post_actions
from essplanner.ui.calendar.post_actions import PostActions
from essplanner.workspace import Workspace

PARIS = ZoneInfo("Europe/Paris")


def test_move_following_splits_and_the_undo_stack_restores_it(
        qapp: object, workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    series, posts = workspace.series.create(
        PostDraft(body="L'astuce du lundi", account_ids=(account.id,)),
        rule="FREQ=WEEKLY;BYDAY=MO;COUNT=4", start=datetime(2026, 11, 30, 9, 0, tzinfo=PARIS))
    monkeypatch.setattr(post_actions, "ask_scope", lambda *_a: SeriesScope.FOLLOWING)
    window = QWidget()
    stack = QUndoStack()
    actions = PostActions(workspace, PARIS, stack, window, lambda _m: None)
    third = posts[2]
    later = third.scheduled_at.astimezone(PARIS) + timedelta(hours=2)  # type: ignore[union-attr]
    actions.move([(third.id, third.version)], later)

    def times() -> list[tuple[int, str]]:
        ids = [s.id for s in workspace.series.all()]
        return sorted((p.series_id or 0, p.scheduled_at.astimezone(PARIS).strftime(  # type: ignore[union-attr]
            "%m-%d %H:%M")) for p in workspace.series.state(ids).posts)

    split = times()
    assert len(workspace.series.all()) == 2
    assert split[-2:] == [(series.id + 1, "12-14 11:00"), (series.id + 1, "12-21 11:00")]
    stack.undo()
    assert [s.rule for s in workspace.series.all()] == ["FREQ=WEEKLY;BYDAY=MO;COUNT=4"]
    assert times() == [(series.id, d) for d in ("11-30 09:00", "12-07 09:00", "12-14 09:00",
                                                "12-21 09:00")]
    stack.redo()
    assert times() == split
    window.deleteLater()
