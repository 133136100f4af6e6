"""The approval rule in the publishing service: while the workspace asks for approval, a
scheduled post that is not approved is never claimed (checked in the claim's own
compare-and-set, whoever asks), waits in needs-attention saying why, and goes out once,
once approved."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import ClassVar

import pytest
from sched_helpers import FAST, run_due, target

from essplanner.credentials import MemoryStore
from essplanner.domain import DeliveryState, EditorialState, HistoryKind, Holdup, PostDraft, Role
from essplanner.publishers import (
    BasePublisher,
    PlatformRules,
    PublisherContext,
    PublishRequest,
    Receipt,
)
from essplanner.publishers.registry import Registry
from essplanner.scheduler import PublishingService
from essplanner.services.calendar import attention_items
from essplanner.settings import Paths, Settings
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace


class CountingPublisher(BasePublisher):
    """Publishes at once and remembers every text it was asked to send."""

    platform: ClassVar[str] = "counting"
    display_name: ClassVar[str] = "Counting"
    RULES: ClassVar[PlatformRules] = PlatformRules(platform="counting",
                                                   display_name="Counting", text_limit=280)
    sent: ClassVar[list[str]] = []

    def publish(self, request: PublishRequest, context: PublisherContext) -> Receipt:
        CountingPublisher.sent.append(request.text)
        return Receipt(remote_id=str(len(self.sent)),
                       remote_url=f"https://counting.test/{len(self.sent)}")


@pytest.fixture
def ws(paths: Paths, clock: FakeClock) -> Iterator[Workspace]:
    CountingPublisher.sent = []
    workspace = Workspace.open(
        paths=paths, settings=Settings(timezone="Europe/Paris", extra={"service": FAST}),
        clock=clock, secrets=MemoryStore(),
        registry=Registry(extra={"counting": CountingPublisher}))
    yield workspace
    workspace.close()


@pytest.fixture
def service(ws: Workspace) -> Iterator[PublishingService]:
    svc = PublishingService(ws)
    yield svc
    svc.stop(wait=True, timeout=10)


def test_an_unapproved_post_waits_at_its_time_then_goes_out_once_approved(
        ws: Workspace, service: PublishingService, clock: FakeClock) -> None:
    ws.team.set_approval_required(True)
    account = ws.accounts.add(platform="counting", name="Asso", secret="tok")
    post = ws.posts.create(PostDraft(body="Collecte samedi", account_ids=(account.id,)),
                           scheduled_at=clock.now() + timedelta(minutes=5), schedule=True)
    assert post.editorial_state is EditorialState.DRAFT
    # nothing to wake up for: the only scheduled post may not go out
    assert service.store.next_wakeup(clock.now()) is None

    clock.advance(timedelta(minutes=6))
    for _ in range(3):
        run_due(service)
    waiting = target(ws, post)
    assert waiting.state is DeliveryState.SCHEDULED
    assert waiting.attempts == ()
    assert "must be approved" in waiting.last_error
    (item,) = attention_items(ws.db)
    assert (item.target_id, item.holdup) == (waiting.id, Holdup.AWAITING_APPROVAL)
    assert "must be approved" in item.last_error
    assert CountingPublisher.sent == []

    clock.advance(timedelta(minutes=10))
    ws.reviews.approve(post.id, "OK pour samedi")
    for _ in range(3):
        run_due(service)
    sent = target(ws, post)
    assert sent.state is DeliveryState.PUBLISHED
    assert len(sent.attempts) == 1
    assert CountingPublisher.sent == ["Collecte samedi"]
    assert attention_items(ws.db) == []
    published = [h for h in ws.reviews.history(post.id) if h.kind is HistoryKind.PUBLISHED]
    assert [(h.actor_name, h.detail) for h in published] == [
        ("", "Asso: https://counting.test/1")]


def test_the_claim_itself_refuses_a_post_whose_approval_was_taken_back(
        ws: Workspace, service: PublishingService, clock: FakeClock) -> None:
    """Between reading what is due and claiming it, the post is edited and goes back to
    review: the compare-and-set claims nothing (a second service, or a stale read)."""
    ws.team.set_approval_required(True)
    lina = ws.team.add_member("Lina", "lina@asso.example", Role.CONTRIBUTOR)
    account = ws.accounts.add(platform="counting", name="Asso", secret="tok")
    post = ws.posts.create(PostDraft(body="v1", account_ids=(account.id,),
                                     editorial_state=EditorialState.APPROVED),
                           scheduled_at=clock.now() + timedelta(minutes=1), schedule=True)
    clock.advance(timedelta(minutes=2))
    due = service.store.due(clock.now())
    assert [d.post_id for d in due] == [post.id]

    ws.settings.user_name, ws.settings.user_email = lina.name, lina.email
    ws.team.refresh()
    edited = ws.posts.update(post.id, PostDraft(body="v2", account_ids=(account.id,),
                                                editorial_state=EditorialState.APPROVED),
                             expected_version=ws.posts.get(post.id).version)
    assert edited.editorial_state is EditorialState.IN_REVIEW

    assert service.store.claim(due, clock.now(), clock.now() + timedelta(minutes=5)) == []
    assert target(ws, post).state is DeliveryState.SCHEDULED
    assert CountingPublisher.sent == []


def test_without_the_rule_a_draft_goes_out_as_before(
        ws: Workspace, service: PublishingService, clock: FakeClock) -> None:
    account = ws.accounts.add(platform="counting", name="Asso", secret="tok")
    post = ws.posts.create(PostDraft(body="Bonjour", account_ids=(account.id,)),
                           scheduled_at=clock.now(), schedule=True)
    run_due(service)
    assert target(ws, post).state is DeliveryState.PUBLISHED
    assert CountingPublisher.sent == ["Bonjour"]
