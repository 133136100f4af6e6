"""An account the platform blocks until a person acts (X credits, LinkedIn version,
Pinterest access): the post that met the block fails at once with the publisher's message,
never retried; the account's other due posts wait, named, until "try again"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import pytest
from sched_helpers import FAST, run_due, schedule, target

from essplanner.channels.accounts import check_account, try_again
from essplanner.credentials import MemoryStore
from essplanner.domain import AccountBlock, DeliveryState, Holdup
from essplanner.publishers import (
    AccountCheck,
    BasePublisher,
    PlatformRules,
    PublisherContext,
    PublishRequest,
    Receipt,
)
from essplanner.publishers.errors import AccountBlocked
from essplanner.publishers.registry import Registry
from essplanner.scheduler import PublishingService
from essplanner.services.calendar import attention_items
from essplanner.settings import Paths, Settings
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace

pytestmark = pytest.mark.expect_log(
    r"^target \d+ \(post \d+\) on .+ failed: ", logger="essplanner.scheduler.service")

CREDITS = "Your X developer account has no credits left (402 CreditsDepleted)."


class BlockyPublisher(BasePublisher):
    """Refuses every post with ``AccountBlocked`` while ``blocked`` is set."""

    platform: ClassVar[str] = "blocky"
    display_name: ClassVar[str] = "Blocky"
    RULES: ClassVar[PlatformRules] = PlatformRules(platform="blocky", display_name="Blocky",
                                                   text_limit=280)
    blocked: ClassVar[str] = "credits"
    sent: ClassVar[list[str]] = []

    def publish(self, request: PublishRequest, context: PublisherContext) -> Receipt:
        if self.blocked:
            raise AccountBlocked(CREDITS, reason=self.blocked, http_status=402)
        BlockyPublisher.sent.append(request.text)
        return Receipt(remote_id=str(len(self.sent)))

    def check_account(self, context: PublisherContext) -> AccountCheck:
        if self.blocked:
            raise AccountBlocked(CREDITS, reason=self.blocked, http_status=402)
        return AccountCheck(handle="asso")


@pytest.fixture
def ws(paths: Paths, clock: FakeClock) -> Iterator[Workspace]:
    BlockyPublisher.blocked = "credits"
    BlockyPublisher.sent = []
    workspace = Workspace.open(
        paths=paths, settings=Settings(timezone="Europe/Paris", extra={"service": FAST}),
        clock=clock, secrets=MemoryStore(), registry=Registry(extra={"blocky": BlockyPublisher}))
    yield workspace
    workspace.close()


@pytest.fixture
def service(ws: Workspace) -> Iterator[PublishingService]:
    svc = PublishingService(ws)
    yield svc
    svc.stop(wait=True, timeout=10)


def test_a_blocked_account_fails_the_post_once_and_its_other_posts_wait_named(
        ws: Workspace, service: PublishingService) -> None:
    account = ws.accounts.add(platform="blocky", name="Asso", secret="tok")
    first = schedule(ws, account, text="Un")
    second = schedule(ws, account, text="Deux")
    run_due(service)

    failed = target(ws, first)
    assert failed.state is DeliveryState.FAILED
    assert failed.last_error == CREDITS
    assert [(a.outcome, a.http_status) for a in failed.attempts] == [("blocked", 402)]
    blocked = ws.accounts.get(account.id)
    assert (blocked.blocked_reason, blocked.blocked_message) == ("credits", CREDITS)
    assert blocked.block is AccountBlock.CREDITS

    # The other post is neither sent nor failed: it waits, saying why, for as long as needed.
    for _ in range(3):
        run_due(service)
    waiting = target(ws, second)
    assert waiting.state is DeliveryState.SCHEDULED
    assert waiting.attempts == ()
    assert "credits" in waiting.last_error and "Try again" in waiting.last_error
    holdups = {i.target_id: i.holdup for i in attention_items(ws.db)}
    assert holdups == {failed.id: Holdup.FAILED, waiting.id: Holdup.NEEDS_CREDITS}
    assert BlockyPublisher.sent == []

    # "I added credits — try again": both go out, the refused one included.
    BlockyPublisher.blocked = ""
    try_again(ws, account.id)
    assert ws.accounts.get(account.id).blocked_reason == ""
    run_due(service)
    assert target(ws, first).state is DeliveryState.PUBLISHED
    assert target(ws, second).state is DeliveryState.PUBLISHED
    assert sorted(BlockyPublisher.sent) == ["Deux", "Un"]


def test_a_check_the_platform_accepts_again_clears_the_block(
        ws: Workspace, service: PublishingService) -> None:
    account = ws.accounts.add(platform="blocky", name="Asso", secret="tok")
    BlockyPublisher.blocked = "update"
    post = schedule(ws, account)
    run_due(service)
    assert ws.accounts.get(account.id).block is AccountBlock.UPDATE
    assert check_account(ws, account.id).ok is False  # still refused: still blocked
    assert ws.accounts.get(account.id).block is AccountBlock.UPDATE
    BlockyPublisher.blocked = ""
    assert check_account(ws, account.id).ok
    assert ws.accounts.get(account.id).block is None
    run_due(service)
    assert target(ws, post).state is DeliveryState.PUBLISHED
