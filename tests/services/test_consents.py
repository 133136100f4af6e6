"""The image-rights register: people, consents, who is in an image, the checks that
block scheduling, withdrawal, GDPR export and erasure, the proof log."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from essplanner import domain, models
from essplanner.domain import ConsentAction, ConsentProblemKind, DeliveryState
from essplanner.errors import NotFoundError, ValidationError
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace


def photo(tmp_path: Path, name: str = "awa.jpg", colour: str = "orange") -> Path:
    path = tmp_path / name
    Image.new("RGB", (1080, 1080), colour).save(path, "JPEG")
    return path


def pdf(tmp_path: Path, name: str = "form.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.4\n% a signed form\n%%EOF\n")
    return path


def post_with_photo(ws: Workspace, image: Path, *accounts: domain.Account,
                    title: str = "Atelier") -> domain.Post:
    return ws.posts.create(domain.PostDraft(
        title=title, body="Atelier couture au local",
        account_ids=tuple(a.id for a in accounts),
        media=(domain.MediaInput(path=str(image), alt_text="Awa coud une robe au local"),)))


def test_consent_covers_each_reason() -> None:
    consent = domain.Consent(id=1, person_id=1, all_networks=False, platforms=("facebook",),
                             website=True, starts_on=date(2026, 1, 1),
                             ends_on=date(2026, 12, 31))
    assert consent.covers("facebook", date(2026, 6, 1)) is None
    assert consent.covers("Facebook", date(2026, 6, 1)) is None
    assert consent.covers("instagram", date(2026, 6, 1)) is ConsentProblemKind.SCOPE
    assert consent.covers("website", date(2026, 6, 1)) is None
    assert consent.covers("print", date(2026, 6, 1)) is ConsentProblemKind.SCOPE
    assert consent.covers("facebook", date(2027, 1, 1)) is ConsentProblemKind.EXPIRED
    assert consent.covers("facebook", date(2026, 12, 31)) is None
    assert consent.covers("facebook", date(2025, 12, 31)) is ConsentProblemKind.NOT_YET
    assert consent.covers("facebook", date(2026, 6, 1),
                          minor=True) is ConsentProblemKind.GUARDIAN
    withdrawn = domain.Consent(id=2, person_id=1, all_networks=True,
                               starts_on=date(2026, 1, 1),
                               withdrawn_at=datetime(2026, 3, 1, tzinfo=UTC))
    assert withdrawn.covers("facebook", date(2026, 6, 1)) is ConsentProblemKind.WITHDRAWN


def test_people_are_added_searched_edited(workspace: Workspace) -> None:
    consents = workspace.consents
    zoe = consents.add_person("Zoé Martin", contact="zoe@example.org")
    consents.add_person("Awa Diallo", minor=True, guardian_name="Mariam Diallo")
    assert [p.name for p in consents.people()] == ["Awa Diallo", "Zoé Martin"]
    assert [p.name for p in consents.people("ZOE")] == ["Zoé Martin"]
    assert [p.name for p in consents.people("mariam")] == ["Awa Diallo"]
    edited = consents.update_person(zoe.id, notes="Bénévole du jeudi")
    assert edited.notes == "Bénévole du jeudi" and edited.contact == "zoe@example.org"
    with pytest.raises(ValidationError, match="legal guardian"):
        consents.add_person("Léo", minor=True)
    with pytest.raises(ValidationError, match="name"):
        consents.add_person("   ")
    with pytest.raises(NotFoundError):
        consents.person(999)
    actions = [e.action for e in consents.proof_log(zoe.id)]
    assert actions == [ConsentAction.PERSON_ADDED, ConsentAction.PERSON_EDITED]


def test_consent_recorded_with_its_form_copied(workspace: Workspace, tmp_path: Path) -> None:
    consents = workspace.consents
    awa = consents.add_person("Awa Diallo")
    form = pdf(tmp_path)
    consent = consents.add_consent(awa.id, all_networks=False, platforms=["Facebook", "insta"],
                                   website=True, starts_on=date(2026, 11, 1),
                                   ends_on=date(2027, 10, 31), form=form)
    assert consent.platforms == ("facebook", "instagram")
    stored = Path(consent.form_path)
    assert stored.is_file() and stored.read_bytes() == form.read_bytes()
    assert workspace.paths.media_dir in stored.parents
    assert consents.consents(awa.id) == [consent]
    with pytest.raises(ValidationError, match="at least one channel"):
        consents.add_consent(awa.id, all_networks=False)
    with pytest.raises(ValidationError, match="before it starts"):
        consents.add_consent(awa.id, all_networks=True, starts_on=date(2026, 11, 2),
                             ends_on=date(2026, 11, 1))
    fake = tmp_path / "scan.pdf"
    fake.write_text("not a pdf")
    with pytest.raises(ValidationError, match="not what its name says"):
        consents.add_consent(awa.id, all_networks=True, form=fake)
    with pytest.raises(ValidationError, match="PDF or a scan"):
        consents.add_consent(awa.id, all_networks=True, form=tmp_path / "form.docx")


def test_photo_tags_follow_the_image(workspace: Workspace, tmp_path: Path) -> None:
    consents = workspace.consents
    awa = consents.add_person("Awa Diallo")
    image = photo(tmp_path)
    post = post_with_photo(workspace, image)
    checksum = post.media[0].checksum
    assert consents.photo_people(checksum) == domain.PhotoPeople(checksum=checksum)
    consents.record_faces(checksum, 2)
    tagged = consents.tag_photo(checksum, [awa.id])
    assert tagged == domain.PhotoPeople(checksum=checksum, person_ids=(awa.id,),
                                        answered=True, faces=2)
    # the same picture attached to another post (a copy elsewhere on disk) keeps its people
    copy = tmp_path / "copy.jpg"
    copy.write_bytes(image.read_bytes())
    again = post_with_photo(workspace, copy, title="Encore")
    assert consents.photo_people(again.media[0].checksum).person_ids == (awa.id,)
    nobody = consents.tag_photo(checksum, [], no_person=True)
    assert nobody.no_person and nobody.answered and nobody.person_ids == ()
    with pytest.raises(ValidationError):
        consents.tag_photo(checksum, [awa.id], no_person=True)
    with pytest.raises(NotFoundError):
        consents.tag_photo(checksum, [404])


def test_facebook_only_consent_refuses_instagram_with_her_name(
        workspace: Workspace, tmp_path: Path) -> None:
    """The issue's example: her consent covers Facebook, not Instagram."""
    consents = workspace.consents
    facebook = workspace.accounts.add(platform="dryrun", name="Page",
                                      settings={"mimic": "facebook"})
    instagram = workspace.accounts.add(platform="dryrun", name="Insta",
                                       settings={"mimic": "instagram"})
    awa = consents.add_person("Awa Diallo")
    consents.add_consent(awa.id, all_networks=False, platforms=["facebook"],
                         starts_on=date(2026, 1, 1))
    when = workspace.clock.now() + timedelta(days=2)
    on_facebook = post_with_photo(workspace, photo(tmp_path), facebook)
    consents.tag_photo(on_facebook.media[0].checksum, [awa.id])
    assert workspace.posts.schedule(on_facebook.id, when).targets[0].state \
        is DeliveryState.SCHEDULED

    on_instagram = post_with_photo(workspace, photo(tmp_path), instagram)
    problems = consents.check_post(on_instagram.id, at=when)
    assert [(p.person_name, p.kind, p.platform) for p in problems] == [
        ("Awa Diallo", ConsentProblemKind.SCOPE, "instagram")]
    with pytest.raises(ValidationError) as refused:
        workspace.posts.schedule(on_instagram.id, when)
    assert "Awa Diallo's consent does not cover Instagram" in str(refused.value)
    assert workspace.posts.get(on_instagram.id).targets[0].state is DeliveryState.DRAFT
    # the same check when saving a scheduled post from the editor, and from post add --at
    draft = domain.PostDraft(title="Atelier", body="Atelier", account_ids=(instagram.id,),
                             media=(domain.MediaInput(path=str(photo(tmp_path)),
                                                      alt_text="Awa coud une robe"),))
    with pytest.raises(ValidationError, match="Awa Diallo"):
        workspace.posts.update(on_instagram.id, draft, expected_version=on_instagram.version,
                               scheduled_at=when, schedule=True)
    with pytest.raises(ValidationError, match="Awa Diallo"):
        workspace.posts.create(draft, scheduled_at=when, schedule=True)
    assert consents.check_media([on_instagram.media[0].checksum], ["facebook"], when) == []
    checksum = on_instagram.media[0].checksum
    assert consents.check_accounts([checksum], [facebook.id], when) == []
    assert [p.platform for p in consents.check_accounts([checksum], [facebook.id, instagram.id],
                                                        when)] == ["instagram"]


@pytest.mark.parametrize(("consent", "minor", "kind", "words"), [
    (None, False, ConsentProblemKind.NO_CONSENT, "has no consent on record"),
    ({"ends_on": date(2026, 11, 28)}, False, ConsentProblemKind.EXPIRED, "ended on 2026-11-28"),
    ({"starts_on": date(2026, 12, 1)}, False, ConsentProblemKind.NOT_YET,
     "only starts on 2026-12-01"),
    ({"guardian_signed": False}, True, ConsentProblemKind.GUARDIAN, "legal guardian"),
    ({"guardian_signed": True}, True, None, ""),
    ({}, False, None, ""),
])
def test_each_reason_blocks_scheduling(workspace: Workspace, tmp_path: Path,
                                       consent: dict[str, object] | None, minor: bool,
                                       kind: ConsentProblemKind | None, words: str) -> None:
    """Published on 2026-11-29 (Paris); the clock says 2026-11-27."""
    consents = workspace.consents
    page = workspace.accounts.add(platform="dryrun", name="Page", settings={"mimic": "facebook"})
    person = consents.add_person("Awa Diallo", minor=minor,
                                 guardian_name="Mariam Diallo" if minor else "")
    if consent is not None:
        fields: dict[str, object] = {"starts_on": date(2026, 1, 1), **consent}
        consents.add_consent(person.id, all_networks=True, **fields)  # type: ignore[arg-type]
    post = post_with_photo(workspace, photo(tmp_path), page)
    consents.tag_photo(post.media[0].checksum, [person.id])
    when = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
    problems = consents.check_post(post.id, at=when)
    assert [p.kind for p in problems] == ([kind] if kind else [])
    if kind is None:
        workspace.posts.schedule(post.id, when)
        return
    with pytest.raises(ValidationError) as refused:
        workspace.posts.schedule(post.id, when)
    assert "Awa Diallo" in str(refused.value) and words in str(refused.value)


def test_withdrawal_lists_exactly_the_posts_showing_her(
        workspace: Workspace, tmp_path: Path, clock: FakeClock) -> None:
    consents = workspace.consents
    page = workspace.accounts.add(platform="dryrun", name="Page", settings={"mimic": "facebook"})
    awa = consents.add_person("Awa Diallo")
    zoe = consents.add_person("Zoé Martin")
    for person in (awa, zoe):
        consents.add_consent(person.id, all_networks=True, starts_on=date(2026, 1, 1))
    with_awa = photo(tmp_path, "awa.jpg", "orange")
    with_zoe = photo(tmp_path, "zoe.jpg", "blue")
    scheduled = post_with_photo(workspace, with_awa, page, title="Prévu")
    published = post_with_photo(workspace, with_awa, page, title="Publié")
    other = post_with_photo(workspace, with_zoe, page, title="Zoé seule")
    draft_only = post_with_photo(workspace, with_awa, title="Brouillon sans compte")
    consents.tag_photo(scheduled.media[0].checksum, [awa.id])
    consents.tag_photo(other.media[0].checksum, [zoe.id])
    when = clock.now() + timedelta(days=3)
    for post in (scheduled, published, other):
        workspace.posts.schedule(post.id, when)
    workspace.posts.mark_published(workspace.posts.get(published.id).targets[0].id,
                                   remote_url="https://facebook.example/p/1")

    consent = consents.consents(awa.id)[0]
    impact = consents.withdraw(consent.id, note="Asked by phone")
    assert [(r.post_id, r.title, r.platform, r.state) for r in impact.scheduled] == [
        (scheduled.id, "Prévu", "facebook", DeliveryState.SCHEDULED)]
    assert [(r.post_id, r.url, r.can_delete) for r in impact.published] == [
        (published.id, "https://facebook.example/p/1", False)]
    assert draft_only.id not in {r.post_id for r in (*impact.scheduled, *impact.published)}
    assert consents.consents(awa.id)[0].withdrawn_at == clock.now()
    # the post still waiting is now blocked, with her name and the reason
    blocked = consents.blocked_posts()
    assert [(row.post_id, "withdrew their consent" in why) for row, why in blocked] == [
        (scheduled.id, True)]
    with pytest.raises(ValidationError, match="already withdrawn"):
        consents.withdraw(consent.id)
    log = consents.proof_log(awa.id)
    assert [e.action for e in log][-1] is ConsentAction.WITHDRAWN
    assert "Asked by phone" in log[-1].detail and log[-1].at == clock.now()


def test_export_then_erase_keeps_only_the_proof(workspace: Workspace, tmp_path: Path) -> None:
    consents = workspace.consents
    page = workspace.accounts.add(platform="dryrun", name="Page", settings={"mimic": "facebook"})
    awa = consents.add_person("Awa Diallo", contact="awa@example.org", notes="Atelier couture")
    consent = consents.add_consent(awa.id, all_networks=True, starts_on=date(2026, 1, 1),
                                   form=pdf(tmp_path))
    post = post_with_photo(workspace, photo(tmp_path), page)
    consents.tag_photo(post.media[0].checksum, [awa.id])

    exported = consents.export_person(awa.id)
    text = json.dumps(exported)  # JSON-able
    assert exported["person"]["name"] == "Awa Diallo"
    assert exported["consents"][0]["all_networks"] is True
    assert exported["images"] == [post.media[0].checksum]
    assert exported["posts"][0]["post"] == post.id
    assert "awa@example.org" in text

    erased = consents.erase_person(awa.id)
    assert erased.erased_at is not None and erased.name == ""
    assert consents.people() == []
    with pytest.raises(NotFoundError):
        consents.person(awa.id)
    assert not Path(consent.form_path).exists()
    with workspace.db.read() as s:
        assert s.scalars(select(models.Consent)).all() == []
        row = s.get(models.Person, awa.id)
        assert row is not None
        assert (row.name, row.contact, row.notes) == ("", "", "")
        records = [(r.action, r.detail, r.person_id)
                   for r in s.scalars(select(models.ConsentRecord))]
    for _action, detail, person_id in records:  # the proof names no one
        assert "Awa" not in detail and "awa@" not in detail and person_id == awa.id
    actions = [ConsentAction(action) for action, _detail, _person in records]
    assert actions[0] is ConsentAction.PERSON_ADDED
    assert {ConsentAction.ADDED, ConsentAction.EXPORTED, ConsentAction.ERASED} <= set(actions)
    # her images never go out again
    with pytest.raises(ValidationError, match="data was erased"):
        workspace.posts.schedule(post.id, workspace.clock.now() + timedelta(days=1))


def test_expiring_within_sixty_days(workspace: Workspace, clock: FakeClock) -> None:
    consents = workspace.consents
    soon = consents.add_person("Bientôt")
    later = consents.add_person("Plus tard")
    gone = consents.add_person("Retiré")
    today = date(2026, 11, 27)
    consents.add_consent(soon.id, all_networks=True, starts_on=date(2026, 1, 1),
                         ends_on=today + timedelta(days=60))
    consents.add_consent(later.id, all_networks=True, starts_on=date(2026, 1, 1),
                         ends_on=today + timedelta(days=61))
    withdrawn = consents.add_consent(gone.id, all_networks=True, starts_on=date(2026, 1, 1),
                                     ends_on=today + timedelta(days=5))
    consents.withdraw(withdrawn.id)
    assert [(p.name, c.ends_on) for p, c in consents.expiring()] == [
        ("Bientôt", today + timedelta(days=60))]
    clock.advance(timedelta(days=1))
    assert [p.name for p, _c in consents.expiring()] == ["Bientôt", "Plus tard"]


def test_changes_are_announced(workspace: Workspace) -> None:
    seen: list[domain.Change] = []
    workspace.subscribe(seen.append)
    workspace.consents.add_person("Awa Diallo")
    assert seen and seen[-1].consents


def test_migration_matches_the_models(workspace: Workspace) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with workspace.db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), models.Base.metadata)
    ours = {"person", "consent", "photo", "photo_person", "consent_record"}
    mine = [d for d in diff if any(t in repr(d) for t in ours)]
    assert mine == []
