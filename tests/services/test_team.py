"""Working as a team on one workspace: who I am, members and roles, the approval rule,
reviews with the diff since approval, comments with @mentions and each post's history."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from essplanner import domain
from essplanner.domain import (
    EditorialState,
    HistoryKind,
    PostDraft,
    Role,
    TeamAction,
)
from essplanner.errors import PermissionDenied, ValidationError
from essplanner.settings import Settings
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace

WHEN = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def _as(ws: Workspace, member: domain.Member) -> None:
    """This installation is now used by ``member`` (as if chosen at first start)."""
    ws.settings.user_name, ws.settings.user_email = member.name, member.email
    ws.team.refresh()


@pytest.fixture
def team(workspace: Workspace) -> dict[str, domain.Member]:
    """Claire the administrator (this installation's first user), Paul an approver and
    Lina a contributor."""
    claire = workspace.team.set_identity("Claire Martin", "claire@asso.example")
    paul = workspace.team.add_member("Paul Durand", "paul@asso.example", Role.APPROVER)
    lina = workspace.team.add_member("Lina Benali", "lina@asso.example", Role.CONTRIBUTOR)
    return {"claire": claire, "paul": paul, "lina": lina}


def test_alone_on_a_laptop_one_person_holds_every_role(workspace: Workspace) -> None:
    me = workspace.team.me()
    assert me.role is Role.ADMINISTRATOR and me.id > 0
    assert all(workspace.team.can(action) for action in TeamAction)
    assert [m.id for m in workspace.team.members()] == [me.id]
    # approval is off by default: an edit of an approved post keeps it approved for her
    post = workspace.posts.create(PostDraft(body="v1", editorial_state=EditorialState.APPROVED))
    edited = workspace.posts.update(post.id, PostDraft(body="v2",
                                                       editorial_state=EditorialState.APPROVED),
                                    expected_version=post.version)
    assert edited.editorial_state is EditorialState.APPROVED
    assert not workspace.team.approval_required()


def test_the_identity_is_kept_in_the_settings_and_renames_my_member(
        workspace: Workspace) -> None:
    first = workspace.team.me()
    me = workspace.team.set_identity("Claire Martin", "claire@asso.example")
    assert (me.id, me.name, me.email, me.role) == (first.id, "Claire Martin",
                                                   "claire@asso.example", Role.ADMINISTRATOR)
    saved = Settings.load(workspace.paths.settings_file)
    assert (saved.user_name, saved.user_email) == ("Claire Martin", "claire@asso.example")
    renamed = workspace.team.set_identity("Claire M.", "claire@asso.example")
    assert (renamed.id, renamed.name) == (first.id, "Claire M.")
    assert [m.name for m in workspace.team.members()] == ["Claire M."]
    with pytest.raises(ValidationError, match="not an e-mail address"):
        workspace.team.set_identity("Claire", "claire")


def test_only_administrators_manage_people_and_settings(
        workspace: Workspace, team: dict[str, domain.Member]) -> None:
    assert [m.name for m in workspace.team.members()] == ["Claire Martin", "Lina Benali",
                                                          "Paul Durand"]
    with pytest.raises(ValidationError, match="already has the e-mail"):
        workspace.team.add_member("Paul bis", "PAUL@asso.example", Role.CONTRIBUTOR)
    with pytest.raises(ValidationError, match="only administrator"):
        workspace.team.set_role(team["claire"].id, Role.APPROVER)
    _as(workspace, team["lina"])
    assert workspace.team.me().id == team["lina"].id
    assert workspace.team.can(TeamAction.SUBMIT) and not workspace.team.can(TeamAction.APPROVE)
    with pytest.raises(PermissionDenied, match="Only administrators can change the team"):
        workspace.team.add_member("Zoé", "zoe@asso.example", Role.ADMINISTRATOR)
    with pytest.raises(PermissionDenied, match="Only administrators"):
        workspace.team.set_role(team["lina"].id, Role.ADMINISTRATOR)
    with pytest.raises(PermissionDenied, match="Only administrators"):
        workspace.team.set_approval_required(True)
    _as(workspace, team["claire"])
    workspace.team.set_approval_required(True)
    assert workspace.team.approval_required()
    assert workspace.team.set_role(team["lina"].id, Role.APPROVER).role is Role.APPROVER


def test_a_newcomer_on_a_shared_file_starts_as_contributor(
        workspace: Workspace, team: dict[str, domain.Member]) -> None:
    workspace.settings.user_name, workspace.settings.user_email = "Nina", "nina@asso.example"
    workspace.team.refresh()
    nina = workspace.team.me()
    assert (nina.name, nina.role) == ("Nina", Role.CONTRIBUTOR) and nina.id > 0


def test_review_round_trip_with_comments_diff_and_history(
        workspace: Workspace, clock: FakeClock, team: dict[str, domain.Member]) -> None:
    workspace.team.set_approval_required(True)
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    _as(workspace, team["lina"])
    post = workspace.posts.create(PostDraft(title="Collecte", body="Samedi, collecte.",
                                            account_ids=(account.id,)),
                                  scheduled_at=WHEN, schedule=True)
    with pytest.raises(PermissionDenied, match="Only approvers can approve posts."):
        workspace.reviews.approve(post.id)
    with pytest.raises(PermissionDenied, match="Only approvers can approve posts."):
        workspace.posts.set_editorial_state(post.id, EditorialState.APPROVED)
    with pytest.raises(PermissionDenied, match="Only approvers can approve posts."):
        workspace.posts.update(post.id, PostDraft(body="x", account_ids=(account.id,),
                                                  editorial_state=EditorialState.APPROVED),
                               expected_version=post.version)
    clock.advance(timedelta(minutes=1))
    submitted = workspace.reviews.submit(post.id, "Relis-moi @Paul stp")
    assert submitted.editorial_state is EditorialState.IN_REVIEW
    assert [i.post_id for i in workspace.reviews.review_list()] == [post.id]
    assert workspace.reviews.review_list()[0].submitted_by == "Lina Benali"

    _as(workspace, team["paul"])
    clock.advance(timedelta(minutes=1))
    back = workspace.reviews.request_changes(post.id, "Ajoute l'heure, @lina.")
    assert back.editorial_state is EditorialState.DRAFT
    with pytest.raises(ValidationError, match="comment is required"):
        workspace.reviews.request_changes(post.id, "  ")

    _as(workspace, team["lina"])
    fixed = workspace.posts.update(post.id, PostDraft(
        title="Collecte", body="Samedi 10 h, collecte.", account_ids=(account.id,)),
        expected_version=back.version)
    workspace.reviews.submit(post.id)
    _as(workspace, team["paul"])
    approved = workspace.reviews.approve(post.id, "Parfait")
    assert approved.editorial_state is EditorialState.APPROVED
    assert workspace.reviews.review_list() == []
    assert not workspace.reviews.diff_since_approval(post.id)

    # Lina edits the approved post: back to review, with what changed since approval
    _as(workspace, team["lina"])
    clock.advance(timedelta(minutes=1))
    edited = workspace.posts.update(post.id, PostDraft(
        title="Collecte", body="Samedi 11 h, collecte.", account_ids=(account.id,),
        editorial_state=EditorialState.APPROVED), expected_version=approved.version)
    assert edited.editorial_state is EditorialState.IN_REVIEW
    diff = workspace.reviews.diff_since_approval(post.id)
    assert diff.approved_by == "Paul Durand"
    assert diff.changes == (("Text", "Samedi 10 h, collecte.", "Samedi 11 h, collecte."),)
    assert workspace.reviews.review_list()[0].changed_since_approval
    assert fixed.version < edited.version

    comments = workspace.reviews.comments(post.id)
    assert [(c.author_name, c.body) for c in comments] == [
        ("Lina Benali", "Relis-moi @Paul stp"), ("Paul Durand", "Ajoute l'heure, @lina."),
        ("Paul Durand", "Parfait")]
    assert comments[0].mentions == (team["paul"].id,)
    assert comments[1].mentions == (team["lina"].id,)
    history = [(h.actor_name, h.kind) for h in workspace.reviews.history(post.id)]
    assert history == [
        ("Lina Benali", HistoryKind.CREATED), ("Lina Benali", HistoryKind.SCHEDULED),
        ("Lina Benali", HistoryKind.SUBMITTED), ("Paul Durand", HistoryKind.CHANGES_REQUESTED),
        ("Lina Benali", HistoryKind.EDITED), ("Lina Benali", HistoryKind.SUBMITTED),
        ("Paul Durand", HistoryKind.APPROVED), ("Lina Benali", HistoryKind.EDITED),
        ("Lina Benali", HistoryKind.BACK_TO_REVIEW)]
    assert workspace.reviews.history(post.id)[-2].detail == "Text"


def test_a_comment_names_the_members_mentioned_and_changes_are_announced(
        workspace: Workspace, team: dict[str, domain.Member]) -> None:
    heard: list[domain.Change] = []
    workspace.subscribe(heard.append)
    post = workspace.posts.create(PostDraft(body="Bonjour"))
    comment = workspace.reviews.add_comment(
        post.id, "@Paul Durand et @LINA, vous validez ? (pas @Personne, ni me@mail)")
    assert comment.mentions == (team["paul"].id, team["lina"].id)
    assert comment.author_id == team["claire"].id
    assert workspace.reviews.mentioning(team["lina"].id) == [comment]
    assert heard[-1] == domain.Change(posts=frozenset({post.id}))
    with pytest.raises(ValidationError, match="Write something"):
        workspace.reviews.add_comment(post.id, " ")
    workspace.team.set_approval_required(True)
    assert heard[-1].team


def test_moves_and_cancellation_are_in_the_history(workspace: Workspace) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    post = workspace.posts.create(PostDraft(body="Bonjour", account_ids=(account.id,)),
                                  scheduled_at=WHEN, schedule=True)
    workspace.posts.reschedule(post.id, WHEN + timedelta(hours=2))
    workspace.posts.cancel(post.id)
    entries = workspace.reviews.history(post.id)
    me = workspace.team.me().name
    assert [(e.kind, e.detail, e.actor_name) for e in entries] == [
        (HistoryKind.CREATED, "", me), (HistoryKind.SCHEDULED, "2026-12-03T09:00:00Z", me),
        (HistoryKind.MOVED, "2026-12-03T11:00:00Z", me), (HistoryKind.CANCELLED, "", me)]


def test_the_calendar_shows_a_scheduled_post_awaiting_approval_in_both_readers(
        workspace: Workspace) -> None:
    from essplanner.services.calendar import entries
    from essplanner.services.quickread import QuickReader

    account = workspace.accounts.add(platform="dryrun", name="Essai")
    waiting = workspace.posts.create(PostDraft(body="à relire", account_ids=(account.id,)),
                                     scheduled_at=WHEN, schedule=True)
    approved = workspace.posts.create(PostDraft(body="validé", account_ids=(account.id,),
                                                editorial_state=EditorialState.APPROVED),
                                      scheduled_at=WHEN, schedule=True)
    span = (WHEN - timedelta(days=1), WHEN + timedelta(days=1))
    reader = QuickReader.open(workspace.db.url)
    assert reader is not None
    try:
        def holdups() -> dict[int, object]:
            quick = reader.entries(*span)
            assert quick == entries(workspace.db, *span)
            return {e.post_id: e.targets[0].holdup for e in quick}

        assert holdups() == {waiting.id: None, approved.id: None}
        workspace.team.set_approval_required(True)
        assert holdups() == {waiting.id: domain.Holdup.AWAITING_APPROVAL, approved.id: None}
        statuses = {e.post_id: e.status for e in reader.entries(*span)}
        assert statuses[waiting.id] is domain.PostStatus.ATTENTION
    finally:
        reader.close()


def test_only_administrators_change_accounts_but_anyone_records_what_a_platform_said(
        workspace: Workspace, team: dict[str, domain.Member]) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    _as(workspace, team["paul"])
    for change in (lambda: workspace.accounts.add(platform="dryrun", name="Autre"),
                   lambda: workspace.accounts.update(account.id, name="Mien"),
                   lambda: workspace.accounts.update(account.id, api_url="https://x.example"),
                   lambda: workspace.accounts.set_secret(account.id, "s3cret"),
                   lambda: workspace.accounts.remove(account.id)):
        with pytest.raises(PermissionDenied, match="Only administrators can change accounts."):
            change()
    # what a check or the publishing service records, under anyone's identity
    flagged = workspace.accounts.update(account.id, needs_reconnect=True,
                                        reconnect_reason="token expired")
    assert flagged.needs_reconnect and flagged.name == "Essai"


def test_undo_does_not_bring_an_approval_back_for_a_contributor(
        workspace: Workspace, team: dict[str, domain.Member]) -> None:
    workspace.team.set_approval_required(True)
    approved = workspace.posts.create(PostDraft(body="v1",
                                                editorial_state=EditorialState.APPROVED))
    _as(workspace, team["lina"])
    edited = workspace.posts.update(approved.id, PostDraft(
        body="v2", editorial_state=EditorialState.APPROVED), expected_version=approved.version)
    assert edited.editorial_state is EditorialState.IN_REVIEW
    undone = workspace.posts.restore(approved, expected_version=edited.version)
    assert (undone.body, undone.editorial_state) == ("v1", EditorialState.IN_REVIEW)
    deleted = workspace.posts.delete(approved.id)
    back = workspace.posts.restore(dataclasses.replace(
        deleted, editorial_state=EditorialState.APPROVED))
    assert back.editorial_state is EditorialState.IN_REVIEW


def test_a_contributor_reusing_an_evergreen_post_sends_it_for_review(
        workspace: Workspace, team: dict[str, domain.Member]) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    source = workspace.posts.create(PostDraft(body="Adhérez !", account_ids=(account.id,)))
    workspace.evergreen.mark(source.id)
    _as(workspace, team["lina"])
    copy = workspace.evergreen.reuse(source.id, WHEN, schedule=True)
    assert copy.editorial_state is EditorialState.IN_REVIEW
    assert copy.status is domain.PostStatus.SCHEDULED
