"""Posts recorded on dry-run accounts as the publishing service would have left them."""

from datetime import timedelta

import pytest

from essplanner.domain import Change, DeliveryState, PostDraft, PostQuery
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace


def test_past_posts_went_out_and_coming_ones_are_scheduled(workspace: Workspace,
                                                           clock: FakeClock) -> None:
    ws = workspace
    dry = ws.accounts.add(platform="dryrun", name="Instagram (demo)",
                          settings={"mimic": "instagram"})
    other = ws.accounts.add(platform="dryrun", name="Bluesky (demo)")
    changes: list[Change] = []
    ws.subscribe(changes.append)
    now = clock.now()
    yesterday, tomorrow = now - timedelta(days=1), now + timedelta(days=1)
    past, coming = ws.posts.add_dry_run_posts([
        (PostDraft(title="Went out", body="Done", account_ids=(dry.id, other.id)), yesterday),
        # no image although Instagram needs one: recorded as it stands, not checked
        (PostDraft(title="Coming", body="Soon", hashtags=("#ESS",), account_ids=(dry.id,)),
         tomorrow),
    ])
    assert [(t.state, t.published_at, t.next_attempt_at) for t in past.targets] == [
        (DeliveryState.PUBLISHED, yesterday, None)] * 2
    assert all(t.remote_id == f"dryrun:{t.idempotency_key}" and t.idempotency_key
               for t in past.targets)
    assert len({t.idempotency_key for t in past.targets}) == 2
    assert [(t.state, t.published_at, t.next_attempt_at, t.remote_id)
            for t in coming.targets] == [(DeliveryState.SCHEDULED, None, tomorrow, None)]
    assert coming.hashtags == ("ESS",) and past.scheduled_at == yesterday
    assert changes == [Change(posts=frozenset({past.id, coming.id}))]
    assert len(ws.posts.query(PostQuery(include_unscheduled=True))) == 2


def test_only_dry_run_accounts_and_all_or_nothing(workspace: Workspace,
                                                  clock: FakeClock) -> None:
    ws = workspace
    dry = ws.accounts.add(platform="dryrun", name="Dry")
    real = ws.accounts.add(platform="mastodon", name="Real", api_url="https://social.example")
    when = clock.now() - timedelta(hours=1)
    with pytest.raises(ValueError, match="Real is not a dry-run account"):
        ws.posts.add_dry_run_posts([(PostDraft(title="a", account_ids=(dry.id,)), when),
                                    (PostDraft(title="b", account_ids=(real.id,)), when)])
    assert ws.posts.query(PostQuery(include_unscheduled=True)) == []
    with pytest.raises(ValueError, match="naive datetime"):
        ws.posts.add_dry_run_posts([(PostDraft(title="a", account_ids=(dry.id,)),
                                     when.replace(tzinfo=None))])
