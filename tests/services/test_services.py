import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from essplanner import domain
from essplanner.domain import DeliveryState, PostDraft, PostQuery, PostStatus
from essplanner.errors import ConflictError, NotFoundError, ValidationError
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace

WHEN = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def _dryrun(ws: Workspace, name: str = "Essai", **settings: object) -> domain.Account:
    return ws.accounts.add(platform="dryrun", name=name, settings=dict(settings))


def test_second_editor_of_the_same_version_gets_a_conflict(workspace: Workspace) -> None:
    post = workspace.posts.create(PostDraft(title="Appel aux dons", body="v1"))
    first = workspace.posts.get(post.id)
    second = workspace.posts.get(post.id)
    assert first.version == second.version == 1
    saved = workspace.posts.update(post.id, PostDraft(title="Appel", body="edit A"),
                                   expected_version=first.version)
    assert saved.version == 2
    with pytest.raises(ConflictError, match="Someone else changed this post"):
        workspace.posts.update(post.id, PostDraft(title="Appel", body="edit B"),
                               expected_version=second.version)
    assert workspace.posts.get(post.id).body == "edit A"


def test_tags_and_date_range_queries_with_filters(workspace: Workspace) -> None:
    marie = workspace.personas.add(name="Marie", age=72, networks=["facebook"])
    karim = workspace.personas.add(name="Karim", age=30, networks=["instagram"])
    dons = workspace.objectives.add(name="Dons", kind=domain.ObjectiveKind.DONATIONS,
                                    kpi_name="Dons reçus", target_value=3000, unit="€")
    fb = _dryrun(workspace, "Facebook")
    a = workspace.posts.create(
        PostDraft(body="pour Marie", persona_ids=(marie.id,), objective_ids=(dons.id,),
                  account_ids=(fb.id,)),
        scheduled_at=WHEN, schedule=True)
    b = workspace.posts.create(PostDraft(body="pour Karim", persona_ids=(karim.id,)),
                               scheduled_at=WHEN + timedelta(days=40))
    workspace.posts.create(PostDraft(body="sans date"))

    december = PostQuery(start=datetime(2026, 12, 1, tzinfo=UTC),
                         end=datetime(2027, 1, 1, tzinfo=UTC))
    assert [p.id for p in workspace.posts.query(december)] == [a.id]
    everything = PostQuery(start=WHEN - timedelta(days=5), end=WHEN + timedelta(days=60))
    assert [p.id for p in workspace.posts.query(everything)] == [a.id, b.id]
    by_persona = PostQuery(start=everything.start, end=everything.end,
                           persona_ids=frozenset({karim.id}))
    assert [p.id for p in workspace.posts.query(by_persona)] == [b.id]
    by_objective = PostQuery(objective_ids=frozenset({dons.id}))
    assert [p.id for p in workspace.posts.query(by_objective)] == [a.id]
    by_account = PostQuery(account_ids=frozenset({fb.id}))
    assert [p.id for p in workspace.posts.query(by_account)] == [a.id]
    by_state = PostQuery(delivery_states=frozenset({DeliveryState.SCHEDULED}))
    assert [p.id for p in workspace.posts.query(by_state)] == [a.id]
    drafts = PostQuery(statuses=frozenset({PostStatus.DRAFT}), include_unscheduled=True)
    assert len(workspace.posts.query(drafts)) == 2
    loaded = workspace.posts.get(a.id)
    assert [p.name for p in loaded.personas] == ["Marie"]
    assert loaded.objectives[0].kpis[0].name == "Dons reçus"
    assert loaded.targets[0].state is DeliveryState.SCHEDULED
    assert loaded.targets[0].next_attempt_at == WHEN


def test_schedule_reschedule_cancel(workspace: Workspace) -> None:
    account = _dryrun(workspace)
    post = workspace.posts.create(PostDraft(body="Bonjour", account_ids=(account.id,)))
    assert post.status is PostStatus.DRAFT
    post = workspace.posts.schedule(post.id, WHEN)
    assert post.status is PostStatus.SCHEDULED
    later = WHEN + timedelta(days=2, hours=3)
    post = workspace.posts.reschedule(post.id, later)
    assert post.scheduled_at == later
    assert post.targets[0].next_attempt_at == later
    post = workspace.posts.cancel(post.id)
    assert post.targets[0].state is DeliveryState.CANCELLED
    assert post.status is PostStatus.CANCELLED


def test_scheduling_in_the_past_is_refused(workspace: Workspace, clock: FakeClock) -> None:
    account = _dryrun(workspace)
    with pytest.raises(ValidationError, match="already passed"):
        workspace.posts.create(PostDraft(body="x", account_ids=(account.id,)),
                               scheduled_at=clock.now() - timedelta(hours=1), schedule=True)
    assert workspace.posts.query(PostQuery(include_unscheduled=True)) == []


def test_invalid_content_is_refused_for_every_account_and_nothing_is_scheduled(
    workspace: Workspace, tmp_path: Path
) -> None:
    image = tmp_path / "photo.png"
    Image.new("RGB", (40, 30), "red").save(image)
    account = _dryrun(workspace)
    with pytest.raises(ValidationError, match="no alternative text"):
        workspace.posts.create(
            PostDraft(body="x", account_ids=(account.id,),
                      media=(domain.MediaInput(path=str(image), alt_text=""),)),
            scheduled_at=WHEN, schedule=True)
    assert workspace.posts.query(PostQuery(include_unscheduled=True)) == []


def test_media_is_copied_by_checksum_and_bad_files_are_refused(
    workspace: Workspace, tmp_path: Path
) -> None:
    image = tmp_path / "photo.png"
    Image.new("RGB", (40, 30), "blue").save(image)
    post = workspace.posts.create(PostDraft(
        body="x", media=(domain.MediaInput(path=str(image), alt_text="Un carré bleu"),)))
    item = post.media[0]
    assert (item.width, item.height, item.mime_type) == (40, 30, "image/png")
    assert Path(item.path).is_file() and Path(item.path) != image
    image.unlink()
    assert Path(item.path).is_file()  # the post keeps its image

    not_image = tmp_path / "notes.png"
    not_image.write_text("hello")
    with pytest.raises(ValidationError, match="not an image"):
        workspace.posts.create(PostDraft(
            body="x", media=(domain.MediaInput(path=str(not_image), alt_text="a"),)))
    with pytest.raises(ValidationError, match="does not exist"):
        workspace.posts.create(PostDraft(
            body="x", media=(domain.MediaInput(path=str(tmp_path / "nope.jpg"), alt_text="a"),)))


def test_personas_and_objectives_management(workspace: Workspace) -> None:
    sophie = workspace.personas.add(
        name="Sophie", age=40, segment=domain.Segment.BENEFICIARIES,
        motivation="Payer ses factures", networks=["facebook", "Groupes locaux"],
        expected_content="Aides d’urgence")
    assert sophie.uses_platform("Facebook") and not sophie.uses_platform("instagram")
    with pytest.raises(ValidationError, match="already exists"):
        workspace.personas.add(name="Sophie")
    updated = workspace.personas.update(domain.Persona(
        id=sophie.id, name="Sophie", age=41, networks=("facebook",)))
    assert updated.age == 41
    objective = workspace.objectives.add(name="Bénévoles", kpi_name="Inscrits", target_value=8)
    kpi = objective.kpis[0]
    objective = workspace.objectives.update(domain.Objective(
        id=objective.id, name="Bénévoles", kind=domain.ObjectiveKind.VOLUNTEERS,
        kpis=(kpi, domain.Kpi(id=0, objective_id=objective.id, name="Heures données",
                              target_value=100, unit="h"))))
    assert [k.name for k in objective.kpis] == ["Inscrits", "Heures données"]
    with pytest.raises(NotFoundError, match="Unknown persona 'Zoé'. Known: Sophie"):
        workspace.personas.find(["Zoé"])


def test_changes_are_reported_to_listeners(workspace: Workspace) -> None:
    seen: list[domain.Change] = []
    workspace.subscribe(seen.append)
    post = workspace.posts.create(PostDraft(body="x"))
    workspace.personas.add(name="Marie")
    assert seen[0].posts == frozenset({post.id})
    assert seen[1].personas


def _claim(ws: Workspace, now: datetime, account_id: int) -> object:
    """The publishing service's own claim (compare-and-set) on the account's due target."""
    from essplanner.scheduler.store import DeliveryStore

    store = DeliveryStore(ws.db, owner="svc")
    due = [d for d in store.due(now) if d.account_id == account_id]
    [claim] = store.claim(due, now, now + timedelta(minutes=5))
    return store, claim


def _moves(ws: Workspace, post: domain.Post, later: datetime) -> list[object]:
    """Every way the service lets a post change time."""
    return [
        lambda: ws.posts.reschedule(post.id, later),
        lambda: ws.posts.schedule(post.id, later),
        lambda: ws.posts.update(post.id, PostDraft(
            body=post.body, account_ids=tuple(t.account_id for t in post.targets)),
            expected_version=ws.posts.get(post.id).version, scheduled_at=later),
        lambda: ws.posts.restore(dataclasses.replace(post, scheduled_at=later),
                                 expected_version=ws.posts.get(post.id).version),
    ]


def test_a_post_is_not_moved_while_it_is_being_sent_nor_once_it_went_out(
        workspace: Workspace, clock: FakeClock) -> None:
    from essplanner.publishers.base import Receipt
    from essplanner.scheduler.outcome import Outcome, Result

    first = _dryrun(workspace, "Essai")
    second = _dryrun(workspace, "Autre")
    when = clock.now() + timedelta(hours=1)
    post = workspace.posts.create(PostDraft(body="Bonjour", account_ids=(first.id, second.id)),
                                  scheduled_at=when, schedule=True)
    store, claim = _claim(workspace, when, first.id)
    sending = workspace.posts.get(post.id)
    later = when + timedelta(days=1)
    for move in _moves(workspace, sending, later)[:2]:
        with pytest.raises(ValidationError, match="is being published right now"):
            move()
        assert workspace.posts.get(post.id) == sending  # nothing changed, not even the version
    for move in _moves(workspace, sending, later)[2:]:  # edits and undo wait for any send
        with pytest.raises(ConflictError, match="being sent right now"):
            move()
        assert workspace.posts.get(post.id) == sending  # nothing changed, not even the version

    store.finish(claim, Outcome(Result.PUBLISHED, DeliveryState.PUBLISHED,
                                receipt=Receipt("r1")), when)
    partly = workspace.posts.get(post.id)
    assert [t.state for t in partly.targets] == [DeliveryState.PUBLISHED,
                                                 DeliveryState.SCHEDULED]
    for move in _moves(workspace, partly, later):
        with pytest.raises(ValidationError,
                           match="already went out on Dry run; duplicate it instead"):
            move()
        assert workspace.posts.get(post.id) == partly
    # the same time is no move: an edit of the text keeps working
    edited = workspace.posts.update(
        post.id, PostDraft(body="Bonjour !", account_ids=(first.id, second.id)),
        expected_version=partly.version, scheduled_at=when)
    assert edited.body == "Bonjour !" and edited.scheduled_at == when
