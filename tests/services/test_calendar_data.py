"""The calendar's lean range query returns what the chips need, in a fixed number of queries."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import event

from essplanner import domain
from essplanner.domain import DeliveryState, PostDraft, PostStatus
from essplanner.services.calendar import entries, entries_by_id, has_posts
from essplanner.workspace import Workspace

WHEN = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def test_entries_carry_targets_tags_and_the_mimicked_platform(workspace: Workspace) -> None:
    assert not has_posts(workspace.db)
    marie = workspace.personas.add(name="Marie")
    dons = workspace.objectives.add(name="Dons")
    aware = workspace.objectives.add(name="Awareness")
    fb = workspace.accounts.add(platform="dryrun", name="FB", settings={"mimic": "facebook"})
    plain = workspace.accounts.add(platform="dryrun", name="Plain")
    post = workspace.posts.create(
        PostDraft(body="Une première ligne\net la suite", persona_ids=(marie.id,),
                  objective_ids=(dons.id, aware.id), account_ids=(fb.id, plain.id)),
        scheduled_at=WHEN, schedule=True)
    workspace.posts.create(PostDraft(body="hors période"), scheduled_at=WHEN + timedelta(days=90))
    workspace.posts.create(PostDraft(body="sans date"))
    found = entries(workspace.db, WHEN - timedelta(days=1), WHEN + timedelta(days=1))
    assert [e.post_id for e in found] == [post.id]
    entry = found[0]
    assert entry.display_title == "Une première ligne"
    assert entry.platforms == ("facebook", "dryrun")
    assert entry.persona_ids == (marie.id,)
    assert entry.objective_ids == (aware.id, dons.id)  # by name, like Post.objectives
    assert entry.status is PostStatus.SCHEDULED
    assert entry.account_ids == {fb.id, plain.id}
    with_undated = entries(workspace.db, WHEN - timedelta(days=1), WHEN + timedelta(days=1),
                           include_unscheduled=True)
    assert len(with_undated) == 2
    assert has_posts(workspace.db)
    assert entries_by_id(workspace.db, [post.id, 9999])[0].version == post.version


def test_query_count_does_not_grow_with_the_number_of_posts(workspace: Workspace) -> None:
    account = workspace.accounts.add(platform="dryrun", name="A")
    persona = workspace.personas.add(name="P")
    for i in range(30):
        workspace.posts.create(PostDraft(body=f"post {i}", account_ids=(account.id,),
                                         persona_ids=(persona.id,)),
                               scheduled_at=WHEN + timedelta(hours=i))
    statements: list[str] = []

    def count(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(workspace.db.engine, "before_cursor_execute", count)
    try:
        found = entries(workspace.db, WHEN, WHEN + timedelta(days=3))
    finally:
        event.remove(workspace.db.engine, "before_cursor_execute", count)
    assert len(found) == 30
    assert len(statements) <= 6


def test_attention_states_make_the_entry_need_attention(workspace: Workspace) -> None:
    account = workspace.accounts.add(platform="dryrun", name="A")
    post = workspace.posts.create(PostDraft(body="x", account_ids=(account.id,)),
                                  scheduled_at=WHEN, schedule=True)
    from sqlalchemy import update

    from essplanner import models
    with workspace.db.write() as s:
        s.execute(update(models.Target).values(state=DeliveryState.FAILED.value,
                                               last_error="refused"))
    entry = entries_by_id(workspace.db, [post.id])[0]
    assert entry.status is PostStatus.ATTENTION
    assert entry.targets[0].last_error == "refused"
    assert isinstance(entry.targets[0].state, domain.DeliveryState)
