"""Undo and redo at the storage level: PostService.restore never sends anything twice."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import update

from essplanner import domain, models
from essplanner.domain import DeliveryState, PostDraft
from essplanner.errors import ConflictError
from essplanner.workspace import Workspace

WHEN = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def _image(tmp_path: Path) -> str:
    path = tmp_path / "affiche.png"
    Image.new("RGB", (40, 30), "orange").save(path)
    return str(path)


def _post(ws: Workspace, tmp_path: Path) -> domain.Post:
    marie = ws.personas.add(name="Marie", networks=["facebook"])
    dons = ws.objectives.add(name="Dons")
    fb = ws.accounts.add(platform="dryrun", name="Facebook", settings={"mimic": "facebook"})
    bs = ws.accounts.add(platform="dryrun", name="Bluesky")
    return ws.posts.create(
        PostDraft(title="Appel", body="Soutenez-nous", link_url="https://ex.org/don",
                  call_to_action="Faire un don", hashtags=("ESS",),
                  persona_ids=(marie.id,), objective_ids=(dons.id,),
                  account_ids=(fb.id, bs.id), text_variants={bs.id: "Version courte"},
                  media=(domain.MediaInput(_image(tmp_path), "Une affiche orange"),)),
        scheduled_at=WHEN, schedule=True)


def test_undo_of_a_delete_recreates_the_post_with_its_number_and_keys(
        workspace: Workspace, tmp_path: Path) -> None:
    post = _post(workspace, tmp_path)
    keys = {t.account_id: t.idempotency_key for t in post.targets}
    assert all(keys.values())
    before = workspace.posts.delete(post.id)
    restored = workspace.posts.restore(before)
    assert restored.id == post.id
    assert restored.body == "Soutenez-nous" and restored.hashtags == ("ESS",)
    assert [p.name for p in restored.personas] == ["Marie"]
    assert [o.name for o in restored.objectives] == ["Dons"]
    assert [m.alt_text for m in restored.media] == ["Une affiche orange"]
    assert Path(restored.media[0].path).exists()
    assert {t.account_id: t.idempotency_key for t in restored.targets} == keys
    assert {t.state for t in restored.targets} == {DeliveryState.SCHEDULED}
    assert [t.text_variant for t in restored.targets] == [None, "Version courte"]
    assert restored.scheduled_at == WHEN


def test_undo_of_an_edit_brings_back_text_tags_and_times(workspace: Workspace,
                                                          tmp_path: Path) -> None:
    post = _post(workspace, tmp_path)
    moved = workspace.posts.reschedule(post.id, WHEN + timedelta(days=2),
                                       expected_version=post.version)
    edited = workspace.posts.update(
        post.id, PostDraft(title="Autre", body="Changé", account_ids=(post.targets[0].account_id,)),
        expected_version=moved.version)
    assert len(edited.targets) == 1 and not edited.media
    back = workspace.posts.restore(post, expected_version=edited.version)
    assert back.title == "Appel" and back.body == "Soutenez-nous"
    assert back.scheduled_at == WHEN
    assert len(back.targets) == 2 and len(back.media) == 1
    assert {t.next_attempt_at for t in back.targets} == {WHEN}


def test_restore_refuses_a_stale_version(workspace: Workspace, tmp_path: Path) -> None:
    post = _post(workspace, tmp_path)
    workspace.posts.reschedule(post.id, WHEN + timedelta(hours=1), expected_version=post.version)
    with pytest.raises(ConflictError):
        workspace.posts.restore(post, expected_version=post.version)


def test_undo_never_turns_a_published_target_back_into_a_scheduled_one(
        workspace: Workspace, tmp_path: Path) -> None:
    post = _post(workspace, tmp_path)
    first = post.targets[0]
    # the publishing service sent it meanwhile
    with workspace.db.write() as s:
        s.execute(update(models.Target).where(models.Target.id == first.id).values(
            state=DeliveryState.PUBLISHED.value, remote_id="r1"))
    current = workspace.posts.get(post.id)
    back = workspace.posts.restore(post, expected_version=current.version)
    states = {t.id: t.state for t in back.targets}
    assert states[first.id] is DeliveryState.PUBLISHED
    assert states[post.targets[1].id] is DeliveryState.SCHEDULED


def test_undo_of_a_delete_never_overwrites_a_post_that_took_the_number(
        workspace: Workspace, tmp_path: Path) -> None:
    post = _post(workspace, tmp_path)
    before = workspace.posts.delete(post.id)
    # SQLite reuses the highest number: the next post gets the deleted one's
    other = workspace.posts.create(PostDraft(body="another post"))
    assert other.id == post.id
    restored = workspace.posts.restore(before)
    assert restored.id != other.id
    assert workspace.posts.get(other.id).body == "another post"
    assert restored.body == "Soutenez-nous"


def test_restore_is_refused_while_a_target_is_being_sent(workspace: Workspace,
                                                         tmp_path: Path) -> None:
    post = _post(workspace, tmp_path)
    with workspace.db.write() as s:
        s.execute(update(models.Target).where(models.Target.id == post.targets[0].id).values(
            state=DeliveryState.PUBLISHING.value))
    with pytest.raises(ConflictError, match="being sent"):
        workspace.posts.restore(post, expected_version=post.version)


def test_a_restored_deleted_post_keeps_its_attempt_history(workspace: Workspace,
                                                           tmp_path: Path) -> None:
    post = _post(workspace, tmp_path)
    with workspace.db.write() as s:
        s.add(models.PublishAttempt(target_id=post.targets[0].id, started_at=WHEN,
                                    duration_ms=120, http_status=503, outcome="retry",
                                    error="Service Unavailable"))
    before = workspace.posts.delete(post.id)
    restored = workspace.posts.restore(before)
    attempts = restored.targets[0].attempts
    assert [(a.http_status, a.error) for a in attempts] == [(503, "Service Unavailable")]


def test_update_can_schedule_or_unschedule_in_the_same_transaction(
        workspace: Workspace, tmp_path: Path) -> None:
    post = _post(workspace, tmp_path)
    accounts = tuple(t.account_id for t in post.targets)
    draft = PostDraft(title="Appel", body="Soutenez-nous", account_ids=accounts)
    back_to_draft = workspace.posts.update(post.id, draft, expected_version=post.version,
                                           schedule=False)
    assert {t.state for t in back_to_draft.targets} == {DeliveryState.DRAFT}
    again = workspace.posts.update(post.id, draft, expected_version=back_to_draft.version,
                                   schedule=True)
    assert {t.state for t in again.targets} == {DeliveryState.SCHEDULED}
    assert {t.next_attempt_at for t in again.targets} == {WHEN}
    with pytest.raises(Exception, match="at least one account"):
        workspace.posts.update(post.id, PostDraft(body="x"), expected_version=again.version,
                               schedule=True)
    assert workspace.posts.get(post.id).body == "Soutenez-nous"  # nothing half-saved
