"""A 5xx answer to a send, and a re-send past the platform's idempotency window, are
ambiguous (DESIGN.md §4): the post is looked up where the platform can prove it, else
the target ends ``unconfirmed``; it is never sent again blindly.

Telegram and Mastodon are the faithful loopback fakes of the publisher tests, driven
through the real service path (claim, send, record) on a FakeClock.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import ClassVar

import pytest
from publishers.fake_mastodon import FakeMastodon, MastodonHandler
from publishers.fake_telegram import Channel, FakeTelegram, TelegramHandler
from publishers.loopback import LoopbackServer
from sched_helpers import FAST, run_due, schedule, target

from essplanner import domain
from essplanner.credentials import MemoryStore
from essplanner.domain import DeliveryState
from essplanner.publishers.base import (
    BasePublisher,
    PublisherContext,
    PublishRequest,
    Receipt,
)
from essplanner.publishers.errors import AmbiguousError, RetryableError
from essplanner.publishers.registry import Registry
from essplanner.publishers.rules import PlatformRules
from essplanner.scheduler import PublishingService
from essplanner.settings import Paths, Settings
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace

# a delivery outcome (failed, missed, unconfirmed, recovered) is logged as a warning by design
pytestmark = pytest.mark.expect_log(
    r"^target \d+ \(post \d+[^)]*\) (on .+ (failed|unconfirmed|publishing): |missed: |was being sent by a service that stopped)",
    logger="essplanner.scheduler.service")


@pytest.fixture
def mastodon(clock: FakeClock) -> Iterator[tuple[FakeMastodon, str]]:
    fake = FakeMastodon(now=clock.now)
    with LoopbackServer(MastodonHandler, fake) as server:
        fake.base_url = server.url
        yield fake, server.url


def mastodon_account(ws: Workspace, mastodon: tuple[FakeMastodon, str]) -> domain.Account:
    fake, url = mastodon
    return ws.accounts.add(platform="mastodon", name="Masto", api_url=url, secret=fake.token)


def until_settled(ws: Workspace, service: PublishingService, clock: FakeClock,
                  post: domain.Post, *, rounds: int = 15) -> domain.Target:
    """Run the service at each retry time (the FakeClock jumps there) until it settles."""
    for _ in range(rounds):
        run_due(service)
        t = target(ws, post)
        if t.state is not DeliveryState.SCHEDULED:
            return t
        assert t.next_attempt_at is not None
        clock.set(t.next_attempt_at)
    raise AssertionError(f"still scheduled after {rounds} rounds: {t.last_error}")


def test_a_502_after_telegram_delivered_the_message_ends_unconfirmed_with_one_message(
        ws: Workspace, clock: FakeClock, service: PublishingService) -> None:
    fake = FakeTelegram()
    channel = fake.add_channel(Channel(id=-1001234567890, username="asso_energie",
                                       title="Asso Énergie"))
    fake.fail_after_send = [502]  # the proxy's upstream answered too late
    with LoopbackServer(TelegramHandler, fake) as server:
        account = ws.accounts.add(platform="telegram", name="Canal", api_url=server.url,
                                  secret=fake.token, settings={"chat_id": "@asso_energie"})
        post = schedule(ws, account, text="Assemblée générale samedi à 14 h")
        run_due(service)
        t = target(ws, post)
        assert t.state is DeliveryState.UNCONFIRMED, t.last_error
        assert "(502)" in t.last_error and "mark it as published or retry" in t.last_error
        assert [(a.outcome, a.http_status) for a in t.attempts] == [("unknown", 502)]
        clock.advance(timedelta(hours=3))
        run_due(service)
        assert target(ws, post).state is DeliveryState.UNCONFIRMED
    assert [m["text"] for m in channel.messages] == ["Assemblée générale samedi à 14 h"]


def test_a_mastodon_server_ignoring_the_key_and_answering_5xx_after_creating_gets_no_duplicate(
        ws: Workspace, clock: FakeClock, service: PublishingService,
        mastodon: tuple[FakeMastodon, str]) -> None:
    fake, _url = mastodon
    fake.honour_idempotency = False
    fake.fail_after_create = [503]
    post = schedule(ws, mastodon_account(ws, mastodon), text="Repair café jeudi 18 h")
    t = until_settled(ws, service, clock, post)
    assert t.state is DeliveryState.PUBLISHED
    [status_id] = fake.statuses
    assert t.remote_id == status_id
    clock.advance(timedelta(hours=3))
    run_due(service)
    assert len(fake.statuses) == 1 and len(fake.status_requests()) == 1


def test_a_resend_past_mastodons_key_hour_is_looked_up_not_sent(
        paths: Paths, clock: FakeClock, mastodon: tuple[FakeMastodon, str]) -> None:
    """The production back-off (30 s doubling) passes the hour on the 8th try: by then
    Mastodon has forgotten the key, and a POST would make a second status."""
    fake, _url = mastodon
    fake.fail_after_create = [502]
    fake.outage_after_create = timedelta(hours=1)  # then 503 to everything for an hour
    ws = Workspace.open(paths=paths, clock=clock, secrets=MemoryStore(), registry=Registry(),
                        settings=Settings(timezone="Europe/Paris", extra={"service": {
                            **FAST, "backoff_base_seconds": 30, "backoff_max_seconds": 3600,
                            "backoff_jitter": 0, "max_attempts": 10}}))
    service = PublishingService(ws)
    try:
        start = clock.now()
        post = schedule(ws, mastodon_account(ws, mastodon), text="Collecte de jouets samedi")
        t = until_settled(ws, service, clock, post)
        assert t.state is DeliveryState.PUBLISHED, t.last_error
        assert len(fake.statuses) == 1
        assert len(fake.status_requests()) == 1  # never sent again, in the hour or after
        assert clock.now() - start > timedelta(hours=1)
        assert [a.outcome for a in t.attempts] == ["ambiguous"] * 7 + ["published"]
    finally:
        service.stop()
        ws.close()


class KeyedSky(BasePublisher):
    """A platform whose requests carry a key it remembers for ten minutes, and which can
    only be asked about a post by that key: past ten minutes it cannot tell."""

    platform: ClassVar[str] = "keyedsky"
    display_name: ClassVar[str] = "KeyedSky"
    RULES: ClassVar[PlatformRules] = PlatformRules(platform="keyedsky", text_limit=300)
    idempotency_window: ClassVar[timedelta | None] = timedelta(minutes=10)
    answers: ClassVar[list[str]] = []
    calls: ClassVar[list[str]] = []

    def publish(self, request: PublishRequest, context: PublisherContext) -> Receipt:
        self.calls.append("publish")
        answer = self.answers.pop(0)
        if answer == "ambiguous":
            raise AmbiguousError("no answer in time")
        if answer == "busy":
            raise RetryableError("busy, nothing done")
        return Receipt(remote_id=request.idempotency_key)

    def lookup(self, request: PublishRequest, context: PublisherContext) -> Receipt | None:
        self.calls.append("lookup")
        assert context.first_attempt_at is not None
        if context.clock() - context.first_attempt_at < timedelta(minutes=10):
            return None  # the key is known: nothing was made with it
        raise AmbiguousError("the key is forgotten")


def test_a_resend_past_the_platforms_key_window_is_checked_first(
        ws: Workspace, clock: FakeClock, service: PublishingService) -> None:
    ws.registry.register("keyedsky", KeyedSky)
    KeyedSky.answers[:] = ["ambiguous", "busy"]
    KeyedSky.calls.clear()
    account = ws.accounts.add(platform="keyedsky", name="Keyed")
    post = schedule(ws, account)
    run_due(service)  # ambiguous; the key proves nothing was made: try again
    clock.set(target(ws, post).next_attempt_at)
    run_due(service)  # looked up, sent again: busy
    t = target(ws, post)
    assert [a.outcome for a in t.attempts] == ["ambiguous", "retry"]
    clock.advance(timedelta(minutes=20))  # the back-off passed the key's ten minutes
    run_due(service)
    t = target(ws, post)
    assert t.state is DeliveryState.UNCONFIRMED
    assert "no longer recognises" in t.last_error and "the key is forgotten" in t.last_error
    assert KeyedSky.calls == ["publish", "lookup", "lookup", "publish", "lookup"]
    # The user checked and asks for a retry: sent, even long after.
    ws.posts.retry(t.id)
    KeyedSky.answers[:] = ["busy", "ok"]
    clock.advance(timedelta(minutes=1))
    t = until_settled(ws, service, clock, post)
    assert t.state is DeliveryState.PUBLISHED


# ---- team mode: another computer proves what an interrupted send did


def team_member(tmp_path: Path, name: str, db_url: str, clock: FakeClock,
                secrets: MemoryStore) -> Workspace:
    """One computer of the team: its own data folder, the team's database and keyring."""
    return Workspace.open(paths=Paths.resolve(tmp_path / name), db_url=db_url, clock=clock,
                          settings=Settings(timezone="Europe/Paris", extra={"service": FAST}),
                          secrets=secrets, registry=Registry())


def test_a_send_interrupted_on_one_data_folder_is_proven_from_another(
        tmp_path: Path, clock: FakeClock, mastodon: tuple[FakeMastodon, str]) -> None:
    fake, _url = mastodon
    db_url = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    keyring = MemoryStore()
    laptop = team_member(tmp_path, "laptop", db_url, clock, keyring)
    server = team_member(tmp_path, "server", db_url, clock, keyring)
    try:
        account = mastodon_account(laptop, mastodon)
        sent = schedule(laptop, account, text="Atelier vélo samedi")
        never_left = schedule(laptop, account, text="Conseil d'administration lundi")
        # The laptop claims both, sends the first, and dies before recording anything.
        dying = PublishingService(laptop, worker_id="laptop:1:abc")
        now = clock.now()
        claims = dying.store.claim(dying.store.due(now, per_account=2), now,
                                   now + timedelta(seconds=dying.config.lease_seconds))
        assert sorted(c.post.id for c in claims) == [sent.id, never_left.id]
        first = next(c for c in claims if c.post.id == sent.id)
        assert dying.sender.send(first).state is DeliveryState.PUBLISHED
        dying.sender.close()
        [status_id] = fake.statuses
        # The always-on machine takes over once the leases run out.
        clock.advance(timedelta(seconds=dying.config.lease_seconds + 1))
        service = PublishingService(server)
        try:
            run_due(service)
        finally:
            service.stop()
        proven, resent = target(server, sent), target(server, never_left)
        assert proven.state is DeliveryState.PUBLISHED and proven.remote_id == status_id
        assert resent.state is DeliveryState.PUBLISHED, resent.last_error
        assert len(fake.statuses) == 2  # each post exactly once
        assert [a.worker for a in proven.attempts] == ["laptop:1:abc"]
        # Nothing of the proof lives in either computer's data folder.
        assert not [p for p in tmp_path.rglob("*first-sends*")]
    finally:
        server.close()
        laptop.close()
