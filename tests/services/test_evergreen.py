"""Evergreen posts: reuse makes a new post, within the cooldown and the maximum of reuses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from essplanner.domain import DeliveryState, PostDraft
from essplanner.errors import NotFoundError, ValidationError
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace

FIRST = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _published_post(ws: Workspace, clock: FakeClock) -> int:
    account = ws.accounts.add(platform="dryrun", name="Essai", settings={"mimic": "mastodon"})
    post = ws.posts.create(PostDraft(title="Trois gestes", body="Trois gestes simples.",
                                     account_ids=(account.id,)),
                           scheduled_at=FIRST)
    target = post.targets[0]
    ws.posts.mark_published(target.id, remote_url="https://example.org/1")
    return post.id


def test_cooldown_and_max_reuses_are_enforced(workspace: Workspace, clock: FakeClock) -> None:
    post_id = _published_post(workspace, clock)
    entry = workspace.evergreen.mark(post_id, cooldown_days=14, max_reuses=2)
    assert (entry.times_reused, entry.last_used) == (0, FIRST)
    assert entry.available_from == FIRST + timedelta(days=14)

    with pytest.raises(ValidationError, match="wait 14 days between two uses"):
        workspace.evergreen.reuse(post_id, FIRST + timedelta(days=13), schedule=True)
    first = workspace.evergreen.reuse(post_id, FIRST + timedelta(days=14), schedule=True)
    assert first.id != post_id and first.body == "Trois gestes simples."
    assert [t.state for t in first.targets] == [DeliveryState.SCHEDULED]
    original = workspace.posts.get(post_id)
    assert [t.state for t in original.targets] == [DeliveryState.PUBLISHED]  # never touched
    assert {t.id for t in first.targets}.isdisjoint({t.id for t in original.targets})

    # a use later in the calendar counts too: nothing within 14 days on either side
    with pytest.raises(ValidationError, match="2026-12-04"):
        workspace.evergreen.reuse(post_id, FIRST + timedelta(days=5), schedule=False)
    entry = workspace.evergreen.get(post_id)
    assert (entry.times_reused, entry.last_used) == (1, FIRST + timedelta(days=14))
    assert entry.available_from == FIRST + timedelta(days=28)

    clock.advance(timedelta(days=30))
    second = workspace.evergreen.reuse(post_id, clock.now() + timedelta(days=1))
    assert [t.state for t in second.targets] == [DeliveryState.DRAFT]
    assert second.scheduled_at == clock.now() + timedelta(days=1)
    with pytest.raises(ValidationError, match="reused 2 times, its maximum"):
        workspace.evergreen.reuse(post_id, clock.now() + timedelta(days=100))
    assert len(workspace.posts.query(_everything())) == 3  # no copy was left behind

    # deleting a copy gives its reuse back
    workspace.posts.delete(second.id)
    assert workspace.evergreen.get(post_id).times_reused == 1
    third = workspace.evergreen.reuse(post_id, clock.now() + timedelta(days=100))
    assert workspace.evergreen.get(post_id).exhausted
    assert workspace.evergreen.available(clock.now(), clock.now() + timedelta(days=400)) == []
    assert third.id not in (post_id, first.id)


def test_the_library_says_when_each_post_is_available_again(
        workspace: Workspace, clock: FakeClock) -> None:
    post_id = _published_post(workspace, clock)
    never_used = workspace.posts.create(PostDraft(title="Idée", body="Une idée sans date."))
    workspace.evergreen.mark(post_id, cooldown_days=30)
    workspace.evergreen.mark(never_used.id, cooldown_days=7, max_reuses=None)
    library = workspace.evergreen.library()
    assert [e.post_id for e in library] == [never_used.id, post_id]
    assert library[0].available_from is None
    start = clock.now()  # 2026-11-27, a week after the first use
    found = dict((e.post_id, when) for e, when in
                 workspace.evergreen.available(start, start + timedelta(days=7)))
    assert found == {never_used.id: start}  # the other waits until 2026-12-20
    found = dict((e.post_id, when) for e, when in
                 workspace.evergreen.available(start, start + timedelta(days=30)))
    assert found[post_id] == FIRST + timedelta(days=30)

    workspace.evergreen.unmark(post_id)
    assert workspace.evergreen.find(post_id) is None
    with pytest.raises(NotFoundError, match="not an evergreen post"):
        workspace.evergreen.reuse(post_id, start + timedelta(days=60))
    with pytest.raises(ValidationError, match="1 or more"):
        workspace.evergreen.mark(post_id, cooldown_days=3, max_reuses=0)
    with pytest.raises(ValidationError, match="0 or more"):
        workspace.evergreen.mark(post_id, cooldown_days=-1)


def _everything():  # type: ignore[no-untyped-def]
    from essplanner.domain import PostQuery

    return PostQuery(include_unscheduled=True)
