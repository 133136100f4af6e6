"""Deleting a persona says how many posts use it, can be undone, and never rewrites the
history of published posts: they keep it, archived (issue 18, item 8)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import inspect, text

from essplanner import domain, models
from essplanner.domain import DeliveryState, Segment
from essplanner.kpi.coverage import RowKind
from essplanner.kpi.periods import DateRange
from essplanner.storage import Database, upgrade
from essplanner.workspace import Workspace

PAST = datetime(2026, 11, 3, 9, tzinfo=UTC)  # the shared clock says 27 November 2026
FUTURE = datetime(2026, 12, 8, 9, tzinfo=UTC)


def _post(ws: Workspace, title: str, persona: domain.Persona, *,
          at: datetime | None = None, published: bool = False) -> int:
    account = ws.accounts.all()[0]
    post = ws.posts.create(domain.PostDraft(title=title, body=title, account_ids=(account.id,),
                                            persona_ids=(persona.id,)), scheduled_at=at)
    if published:
        with ws.db.write() as s:
            for target in s.get(models.Post, post.id).targets:  # type: ignore[union-attr]
                target.state = DeliveryState.PUBLISHED.value
                target.published_at = at
                target.remote_id = f"r{target.id}"
    return post.id


def _names(ws: Workspace, post_id: int) -> list[str]:
    return [p.name for p in ws.posts.get(post_id).personas]


def _plan(ws: Workspace) -> tuple[domain.Persona, dict[str, int]]:
    ws.accounts.add(platform="dryrun", name="Essai")
    marie = ws.personas.add(name="Marie", age=72, segment=Segment.BENEFICIARIES,
                            networks=["facebook"], motivation="Réduire sa facture")
    posts = {
        "out": _post(ws, "parue", marie, at=PAST, published=True),
        "planned": _post(ws, "prévue", marie, at=FUTURE),
        "draft": _post(ws, "brouillon", marie),
    }
    return marie, posts


def test_usage_counts_the_posts_and_the_published_ones(workspace: Workspace) -> None:
    marie, _posts = _plan(workspace)
    assert workspace.personas.usage(marie.id) == domain.PersonaUsage(posts=3, published=1)
    paul = workspace.personas.add(name="Paul")
    assert workspace.personas.usage(paul.id) == domain.PersonaUsage(posts=0, published=0)


def test_published_posts_keep_an_archived_persona_and_undo_brings_all_back(
        workspace: Workspace) -> None:
    ws = workspace
    marie, posts = _plan(ws)
    removal = ws.personas.delete(marie.id)
    assert removal.archived
    assert sorted(removal.untagged) == sorted([posts["planned"], posts["draft"]])
    # the history stays: the published post still names Marie, shown as archived
    kept = ws.posts.get(posts["out"]).personas
    assert [(p.name, p.archived) for p in kept] == [("Marie", True)]
    assert _names(ws, posts["planned"]) == [] and _names(ws, posts["draft"]) == []
    # hidden from the pickers, and from the coverage of the weeks to come
    assert ws.personas.all() == []
    assert [p.name for p in ws.personas.all(include_archived=True)] == ["Marie"]
    future = ws.kpis.coverage(DateRange(date(2026, 12, 1), date(2027, 1, 1)))
    assert [r.name for r in future.rows_of(RowKind.PERSONA)] == []
    assert not any("Marie" in g.message for g in future.gaps)
    past = ws.kpis.coverage(DateRange(date(2026, 11, 1), date(2026, 12, 1)))
    assert [(r.name, r.published) for r in past.rows_of(RowKind.PERSONA)] == [("Marie", 1)]

    back = ws.personas.restore(removal)
    assert back == marie  # same id, same details, no longer archived
    assert not back.archived and ws.personas.all() == [marie]
    for post_id in posts.values():
        assert _names(ws, post_id) == ["Marie"]


def test_a_persona_no_published_post_uses_is_deleted_and_restored_with_its_id(
        workspace: Workspace) -> None:
    ws = workspace
    ws.accounts.add(platform="dryrun", name="Essai")
    paul = ws.personas.add(name="Paul", age=30, networks=["instagram"])
    planned = _post(ws, "prévue", paul, at=FUTURE)
    removal = ws.personas.delete(paul.id)
    assert not removal.archived and removal.untagged == (planned,)
    assert ws.personas.all(include_archived=True) == []
    with ws.db.read() as s:
        assert s.get(models.Persona, paul.id) is None  # the row is gone
    ws.posts.delete(planned)  # deleted meanwhile: undo skips it
    assert ws.personas.restore(removal) == paul
    assert ws.personas.get(paul.id).networks == ("instagram",)


def test_a_new_persona_with_an_archived_name_brings_it_back(workspace: Workspace) -> None:
    ws = workspace
    marie, posts = _plan(ws)
    ws.personas.delete(marie.id)
    again = ws.personas.add(name="Marie", age=73)
    assert again.id == marie.id and not again.archived and again.age == 73
    assert _names(ws, posts["out"]) == ["Marie"]


def test_the_migration_adds_the_archived_flag(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(db, "0002")
    with db.write() as s:  # a persona of a workspace made before the flag existed
        s.execute(text("INSERT INTO persona (name, motivation, networks, expected_content, "
                       "created_at) VALUES ('Marie', '', '[]', '', '2026-11-01 00:00:00')"))
    upgrade(db)
    assert "archived" in {c["name"] for c in inspect(db.engine).get_columns("persona")}
    with db.read() as s:
        assert s.get(models.Persona, 1).archived is False  # type: ignore[union-attr]
    db.dispose()
