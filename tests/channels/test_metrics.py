"""Metrics of published targets, read from the platform and stored with their read time."""

from __future__ import annotations

from datetime import timedelta

import keyring
from sqlalchemy import select

from channels.conftest import Cli
from essplanner import models
from essplanner.channels.accounts import add_account
from essplanner.channels.metrics import refresh_metrics
from essplanner.credentials import KeyringStore
from essplanner.domain import DeliveryState, PostDraft
from essplanner.settings import Paths, Settings
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace
from tests.helpers.memkeyring import MemoryKeyring


def _published_target(ws: Workspace, account_id: int, remote_id: str) -> int:
    post = ws.posts.create(PostDraft(body="Merci à tous !", account_ids=(account_id,)))
    target_id = post.targets[0].id
    with ws.db.write() as s:
        row = s.get(models.Target, target_id)
        assert row is not None
        row.state = DeliveryState.PUBLISHED.value
        row.remote_id = remote_id
        row.published_at = ws.clock.now()
    return target_id


def test_refresh_stores_each_counter_with_its_read_time(tmp_path, mem_keyring: MemoryKeyring,
                                                        mastodon, clock: FakeClock) -> None:
    fake, url = mastodon
    ws = Workspace.open(paths=Paths.resolve(tmp_path / "data"), settings=Settings(),
                        clock=clock, secrets=KeyringStore())
    try:
        account = add_account(ws, platform="mastodon", name="Masto", api_url=url,
                              secret=fake.token)
        status = {"id": "1101", "content": "<p>Merci</p>", "favourites_count": 4,
                  "reblogs_count": 2, "replies_count": 1, "url": "https://x/1101"}
        fake.statuses["1101"] = status
        target = _published_target(ws, account.id, "1101")
        old = _published_target(ws, account.id, "1102")
        with ws.db.write() as s:  # published long ago: not read any more
            s.get(models.Target, old).published_at = clock.now() - timedelta(days=90)

        first = refresh_metrics(ws)
        assert (first.read, first.stored, first.problems) == (1, 3, {})
        assert first.change.measurements is True
        clock.advance(timedelta(hours=6))
        status.update(favourites_count=9)
        refresh_metrics(ws)
        with ws.db.read() as s:
            rows = s.execute(select(models.TargetMetric.name, models.TargetMetric.value,
                                    models.TargetMetric.read_at)
                             .where(models.TargetMetric.target_id == target)
                             .order_by(models.TargetMetric.id)).all()
        likes = [(value, read_at) for name, value, read_at in rows if name == "likes"]
        assert likes == [(4.0, clock.now() - timedelta(hours=6)), (9.0, clock.now())]
        latest = {name: value for name, value, _at in rows}  # in read order: last wins
        assert latest == {"likes": 9.0, "reposts": 2.0, "replies": 1.0}

        # Revoked token: the account is flagged, nothing else is read.
        fake.token = "revoked"
        third = refresh_metrics(ws)
        assert third.stored == 0 and "Masto" in third.problems
        assert ws.accounts.get(account.id).needs_reconnect is True
        assert refresh_metrics(ws).problems == {}  # flagged accounts are skipped
    finally:
        ws.close()


def test_metrics_refresh_command(cli: Cli, mem_keyring: MemoryKeyring, mastodon) -> None:
    fake, url = mastodon
    assert cli("account", "add", "mastodon", "--name", "Masto", "--api-url", url,
               "--secret-stdin", stdin=fake.token)[0] == 0
    report = cli.json("metrics", "refresh")
    assert report == {"read": 0, "stored": 0, "unavailable": 0, "problems": {}}
    assert keyring.get_keyring() is mem_keyring
