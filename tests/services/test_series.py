"""Recurring posts: occurrences made ahead of time, once each; scoped edits; undo."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from essplanner import domain, models
from essplanner.domain import DeliveryState, PostDraft, SeriesScope
from essplanner.errors import ValidationError
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace

PARIS = ZoneInfo("Europe/Paris")
# the workspace clock says 2026-11-27 09:00 UTC (a Friday)
MONDAY_9 = datetime(2026, 11, 30, 9, 0, tzinfo=PARIS)


def _series(ws: Workspace, rule: str = "FREQ=WEEKLY;BYDAY=MO", body: str = "L'astuce du lundi",
            ) -> tuple[domain.Series, list[domain.Post]]:
    account = ws.accounts.add(platform="dryrun", name="Essai")
    return ws.series.create(PostDraft(body=body, account_ids=(account.id,)), rule=rule,
                            start=MONDAY_9)


def _local(posts: list[domain.Post]) -> list[tuple[str, str]]:
    return [(p.scheduled_at.astimezone(PARIS).strftime("%Y-%m-%d %H:%M"), p.body)
            for p in sorted(posts, key=lambda p: p.scheduled_at or MONDAY_9)]


def test_each_occurrence_is_a_scheduled_post_up_to_the_horizon(workspace: Workspace) -> None:
    series, posts = _series(workspace)
    assert len(posts) == 8  # eight weeks ahead
    assert all(p.series_id == series.id for p in posts)
    assert all(t.state is DeliveryState.SCHEDULED for p in posts for t in p.targets)
    # 09:00 in Paris before and after the spring change too (one week past March 29)
    assert {p.scheduled_at.astimezone(PARIS).time() for p in posts} == {time(9, 0)}
    assert workspace.series.extend().posts == frozenset()  # nothing more: idempotent


def test_the_horizon_rolls_forward_and_never_makes_an_occurrence_twice(
        workspace: Workspace, clock: FakeClock) -> None:
    series, posts = _series(workspace)
    clock.advance(timedelta(days=14))
    made = workspace.series.extend()
    assert len(made.posts) == 2
    workspace.series.extend()
    state = workspace.series.state([series.id])
    occurrences = [p.occurrence for p in state.posts]
    assert len(occurrences) == len(set(occurrences)) == 10
    # the database refuses a second post for one occurrence, whoever writes it
    with pytest.raises(IntegrityError), workspace.db.write() as s:
        s.add(models.Post(title="double", series_id=series.id, occurrence=posts[0].occurrence))


def test_end_by_count_makes_exactly_that_many(workspace: Workspace) -> None:
    series, posts = _series(workspace, "FREQ=WEEKLY;BYDAY=MO;COUNT=3")
    assert len(posts) == 3
    workspace.series.extend()
    assert len(workspace.series.state([series.id]).posts) == 3


def test_a_deleted_occurrence_is_not_made_again(workspace: Workspace,
                                                clock: FakeClock) -> None:
    series, posts = _series(workspace)
    workspace.series.delete(posts[1].id, scope=SeriesScope.THIS)
    clock.advance(timedelta(days=7))
    workspace.series.extend()
    keys = {p.occurrence for p in workspace.series.state([series.id]).posts}
    assert posts[1].occurrence not in keys
    assert len(keys) == 8


def test_this_and_the_following_splits_the_series_and_undo_restores_it(
        workspace: Workspace) -> None:
    series, posts = _series(workspace, "FREQ=WEEKLY;BYDAY=MO;COUNT=6")
    third = posts[2]
    edited = PostDraft(body="La nouvelle astuce", account_ids=tuple(
        t.account_id for t in third.targets))
    before, after = workspace.series.edit(third.id, edited, scope=SeriesScope.FOLLOWING,
                                          when=third.scheduled_at + timedelta(hours=1))
    old, new = sorted(after.series, key=lambda s: s.id)
    assert old.id == series.id
    assert old.rule == "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261213"  # the day before the split
    assert new.rule == "FREQ=WEEKLY;BYDAY=MO;COUNT=4"  # the 4 that were left
    assert new.local_time == time(10, 0)
    assert new.starts_on == third.scheduled_at.astimezone(PARIS).date()
    old_posts = [p for p in after.posts if p.series_id == old.id]
    new_posts = [p for p in after.posts if p.series_id == new.id]
    assert _local(old_posts) == [("2026-11-30 09:00", "L'astuce du lundi"),
                                 ("2026-12-07 09:00", "L'astuce du lundi")]
    assert _local(new_posts) == [(f"2026-12-{d} 10:00", "La nouvelle astuce")
                                 for d in (14, 21, 28)] + [("2027-01-04 10:00",
                                                            "La nouvelle astuce")]
    # undo: one series again, six posts at 09:00 with the old text, the same numbers
    workspace.series.restore_state(before)
    undone = workspace.series.state(after.series_ids)
    assert [s.rule for s in undone.series] == ["FREQ=WEEKLY;BYDAY=MO;COUNT=6"]
    assert sorted(p.id for p in undone.posts) == sorted(p.id for p in posts)
    assert _local(list(undone.posts)) == _local(posts)
    assert all(t.state is DeliveryState.SCHEDULED for p in undone.posts for t in p.targets)
    # redo
    workspace.series.restore_state(after)
    redone = workspace.series.state(after.series_ids)
    assert _local([p for p in redone.posts if p.series_id == new.id]) == _local(new_posts)


def test_edit_all_changes_every_occurrence_that_has_not_gone_out(
        workspace: Workspace) -> None:
    _series_row, posts = _series(workspace, "FREQ=WEEKLY;BYDAY=MO;COUNT=4")
    with workspace.db.write() as s:  # the first one went out
        target = s.scalars(select(models.Target).where(
            models.Target.post_id == posts[0].id)).one()
        target.state = DeliveryState.PUBLISHED.value
    draft = PostDraft(body="Nouveau texte", account_ids=(posts[1].targets[0].account_id,))
    _before, after = workspace.series.edit(posts[1].id, draft, scope=SeriesScope.ALL)
    bodies = {p.id: p.body for p in after.posts}
    assert bodies[posts[0].id] == "L'astuce du lundi"
    assert [bodies[p.id] for p in posts[1:]] == ["Nouveau texte"] * 3


def test_moving_all_to_tuesday_moves_the_rule(workspace: Workspace) -> None:
    _series_row, posts = _series(workspace, "FREQ=WEEKLY;BYDAY=MO;COUNT=3")
    _before, after = workspace.series.move(posts[0].id, posts[0].scheduled_at + timedelta(
        days=1), scope=SeriesScope.ALL)
    assert after.series[0].rule == "FREQ=WEEKLY;BYDAY=TU;COUNT=3"
    assert [d for d, _b in _local(list(after.posts))] == [
        "2026-12-01 09:00", "2026-12-08 09:00", "2026-12-15 09:00"]


def test_delete_all_keeps_what_went_out_and_undo_brings_the_series_back(
        workspace: Workspace) -> None:
    series, posts = _series(workspace, "FREQ=DAILY;COUNT=3")
    before, _after = workspace.series.delete(posts[0].id, scope=SeriesScope.ALL)
    assert workspace.series.all() == []
    workspace.series.restore_state(before)
    assert [s.id for s in workspace.series.all()] == [series.id]
    assert len(workspace.series.state([series.id]).posts) == 3


def test_a_yearly_rule_shows_its_next_occurrences_past_the_horizon(
        workspace: Workspace) -> None:
    _series_row, posts = _series(workspace, "FREQ=YEARLY")
    assert [p.scheduled_at.astimezone(PARIS).year for p in posts] == [2026, 2027]
    assert workspace.series.preview("FREQ=YEARLY", MONDAY_9, count=3)[-1].year == 2028


def test_utc_times_follow_the_zone(workspace: Workspace) -> None:
    _s, posts = _series(workspace, "FREQ=WEEKLY;BYDAY=MO;COUNT=20")
    spring = [p.scheduled_at for p in posts
              if p.scheduled_at and p.scheduled_at > datetime(2027, 3, 29, tzinfo=UTC)]
    assert spring == [] or spring[0].hour == 7


def test_a_single_post_starts_repeating_and_undo_makes_it_single_again(
        workspace: Workspace) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    post = workspace.posts.create(PostDraft(body="Permanence", account_ids=(account.id,)),
                                  scheduled_at=MONDAY_9, schedule=True)
    draft = PostDraft(body="Permanence du lundi", account_ids=(account.id,))
    before, after = workspace.series.start_from(post.id, draft, rule="FREQ=WEEKLY;BYDAY=MO",
                                                start=MONDAY_9)
    first = workspace.posts.get(post.id)
    assert first.series_id is not None and first.body == "Permanence du lundi"
    state = workspace.series.state([first.series_id])
    assert len(state.posts) == 8  # the post itself is the first of eight weeks
    assert len({p.occurrence for p in state.posts}) == 8
    assert sorted(p.scheduled_at for p in state.posts)[0] == MONDAY_9
    assert all(t.state is DeliveryState.SCHEDULED for p in state.posts for t in p.targets)
    # undo: one post again, as it was; redo: the series again, the post its first
    workspace.series.restore_state(before)
    again = workspace.posts.get(post.id)
    assert again.series_id is None and again.body == "Permanence"
    assert workspace.series.state([first.series_id]).posts == ()
    assert [p.id for p in workspace.posts.query(domain.PostQuery())] == [post.id]
    workspace.series.restore_state(after)
    assert workspace.posts.get(post.id).series_id == first.series_id
    assert len(workspace.series.state([first.series_id]).posts) == 8


def test_a_post_that_went_out_does_not_start_repeating(workspace: Workspace) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    post = workspace.posts.create(PostDraft(body="Déjà parue", account_ids=(account.id,)),
                                  scheduled_at=MONDAY_9, schedule=True)
    with workspace.db.write() as s:
        for target in s.scalars(select(models.Target).where(models.Target.post_id == post.id)):
            target.state = DeliveryState.PUBLISHED.value
    with pytest.raises(ValidationError, match="went out"):
        workspace.series.start_from(post.id, PostDraft(body="x", account_ids=(account.id,)),
                                    rule="FREQ=WEEKLY", start=MONDAY_9)
    assert workspace.posts.get(post.id).series_id is None
