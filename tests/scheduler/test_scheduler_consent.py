"""Image rights at claim time: a consent withdrawn after scheduling stops the post in the
claim's transaction; the target needs attention with the reason, and nothing is sent."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image
from publishers.fake_mastodon import FakeMastodon, MastodonHandler
from publishers.loopback import LoopbackServer
from sched_fakepds import FakePds
from sched_helpers import add_account, run_due

from essplanner import domain
from essplanner.channels.deletion import delete_from_network
from essplanner.domain import ConsentAction, DeliveryState
from essplanner.errors import ValidationError
from essplanner.scheduler import PublishingService
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace

pytestmark = pytest.mark.expect_log(
    r"^target \d+ \(post \d+\) stopped: no valid consent", logger="essplanner.scheduler.service")


def post_showing(ws: Workspace, tmp_path: Path, account: domain.Account,
                 person: domain.Person, minutes: int = 5) -> domain.Post:
    image = tmp_path / "awa.jpg"
    Image.new("RGB", (800, 600), "orange").save(image, "JPEG")
    post = ws.posts.create(domain.PostDraft(
        title="Atelier", body="Atelier couture au local", account_ids=(account.id,),
        media=(domain.MediaInput(path=str(image), alt_text="Awa coud une robe au local"),)))
    ws.consents.tag_photo(post.media[0].checksum, [person.id])
    return ws.posts.schedule(post.id, ws.clock.now() + timedelta(minutes=minutes))


def test_consent_withdrawn_after_scheduling_stops_it_at_claim_time(
        ws: Workspace, service: PublishingService, pds: FakePds, clock: FakeClock,
        tmp_path: Path) -> None:
    account = add_account(ws, pds, "Asso")
    awa = ws.consents.add_person("Awa Diallo")
    consent = ws.consents.add_consent(awa.id, all_networks=True, starts_on=date(2026, 1, 1))
    post = post_showing(ws, tmp_path, account, awa)
    assert post.targets[0].state is DeliveryState.SCHEDULED
    events: list[object] = []
    service.subscribe(events.append)

    impact = ws.consents.withdraw(consent.id, note="Asked by email")
    assert [r.post_id for r in impact.scheduled] == [post.id]
    clock.advance(timedelta(minutes=6))
    run_due(service)

    stopped = ws.posts.get(post.id).targets[0]
    assert stopped.state is DeliveryState.FAILED  # needs attention
    assert "Awa Diallo withdrew their consent" in stopped.last_error
    assert pds.creates() == []  # nothing reached the network
    assert [a.outcome for a in ws.posts.get(post.id).targets[0].attempts] == ["invalid"]
    assert any(getattr(e, "state", None) is DeliveryState.FAILED for e in events)


def test_consent_ending_before_the_claim_stops_it(
        ws: Workspace, service: PublishingService, pds: FakePds, clock: FakeClock,
        tmp_path: Path) -> None:
    """Valid when scheduled (checked for the planned date), it ended before the service
    ran: the date of the claim is what counts."""
    account = add_account(ws, pds, "Asso")
    awa = ws.consents.add_person("Awa Diallo")
    ws.consents.add_consent(awa.id, all_networks=True, starts_on=date(2026, 1, 1),
                            ends_on=date(2026, 11, 27))
    post = post_showing(ws, tmp_path, account, awa, minutes=5)
    # the service was not running: it claims the post a day later, within no grace
    with ws.db.write() as s:
        from essplanner import models
        for row in s.query(models.Account):
            row.grace_minutes = 3 * 24 * 60
    clock.advance(timedelta(days=1))
    run_due(service)
    stopped = ws.posts.get(post.id).targets[0]
    assert stopped.state is DeliveryState.FAILED
    assert "ended on 2026-11-27" in stopped.last_error
    assert pds.creates() == []


def test_a_valid_consent_lets_it_go_out(
        ws: Workspace, service: PublishingService, pds: FakePds, clock: FakeClock,
        tmp_path: Path) -> None:
    account = add_account(ws, pds, "Asso")
    awa = ws.consents.add_person("Awa Diallo")
    ws.consents.add_consent(awa.id, all_networks=True, starts_on=date(2026, 1, 1))
    post = post_showing(ws, tmp_path, account, awa)
    clock.advance(timedelta(minutes=6))
    run_due(service)
    assert ws.posts.get(post.id).targets[0].state is DeliveryState.PUBLISHED
    assert len(pds.creates()) == 1


def test_withdrawal_lists_a_mastodon_post_and_deletes_it_from_the_network(
        ws: Workspace, service: PublishingService, clock: FakeClock, tmp_path: Path) -> None:
    """Through the real service and the faithful loopback Mastodon: published, then the
    consent is withdrawn; "delete from the network" sends DELETE /api/v1/statuses/:id."""
    fake = FakeMastodon(now=clock.now)
    with LoopbackServer(MastodonHandler, fake) as server:
        fake.base_url = server.url
        account = ws.accounts.add(platform="mastodon", name="Masto", api_url=server.url,
                                  secret=fake.token)
        awa = ws.consents.add_person("Awa Diallo")
        consent = ws.consents.add_consent(awa.id, all_networks=True, starts_on=date(2026, 1, 1))
        post = post_showing(ws, tmp_path, account, awa)
        clock.advance(timedelta(minutes=6))
        run_due(service)
        published = ws.posts.get(post.id).targets[0]
        assert published.state is DeliveryState.PUBLISHED and len(fake.statuses) == 1

        impact = ws.consents.withdraw(consent.id)
        assert impact.scheduled == ()
        [row] = impact.published
        assert (row.post_id, row.url, row.can_delete) == (post.id, published.remote_url, True)

        after = delete_from_network(ws, row.target_id, person_id=awa.id)
        assert fake.statuses == {}
        deletes = [r for r in fake.requests if r["method"] == "DELETE"]
        assert [r["path"] for r in deletes] == [f"/api/v1/statuses/{published.remote_id}"]
        assert after.targets[0].state is DeliveryState.CANCELLED
        assert "Deleted from Masto" in after.targets[0].last_error
        log = ws.consents.proof_log(awa.id)
        assert log[-1].action is ConsentAction.DELETED_POST and log[-1].at == clock.now()
        assert ws.consents.impact(awa.id).published == ()
        with pytest.raises(ValidationError, match="Only a published post"):
            delete_from_network(ws, row.target_id)
        assert len([r for r in fake.requests if r["method"] == "DELETE"]) == 1


def test_a_network_that_cannot_delete_says_so(
        ws: Workspace, service: PublishingService, pds: FakePds, clock: FakeClock,
        tmp_path: Path) -> None:
    account = add_account(ws, pds, "Asso")
    awa = ws.consents.add_person("Awa Diallo")
    consent = ws.consents.add_consent(awa.id, all_networks=True, starts_on=date(2026, 1, 1))
    post = post_showing(ws, tmp_path, account, awa)
    clock.advance(timedelta(minutes=6))
    run_due(service)
    [row] = ws.consents.withdraw(consent.id).published
    assert row.can_delete is False and row.url
    with pytest.raises(ValidationError, match="delete it on the network itself"):
        delete_from_network(ws, row.target_id, person_id=awa.id)
    assert ws.posts.get(post.id).targets[0].state is DeliveryState.PUBLISHED
