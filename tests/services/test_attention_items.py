"""The needs-attention list: what it holds, read without walking every scheduled target
(a ten-year workspace has 20,000 of them; the list is read again after every change)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, event, update

from essplanner import domain, models
from essplanner.domain import DeliveryState, Holdup
from essplanner.services.calendar import attention_items
from essplanner.workspace import Workspace


@contextmanager
def selects() -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def record(_conn: object, _cursor: object, statement: str, parameters: Any,
               *_args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", record)


def _steps(ws: Workspace, statements: list[tuple[str, Any]]) -> int:
    """How many virtual-machine instructions SQLite runs for ``statements``."""
    steps = 0

    def step() -> int:
        nonlocal steps
        steps += 1
        return 0

    with sqlite3.connect(ws.paths.database_file) as raw:
        raw.set_progress_handler(step, 1)
        for statement, parameters in statements:
            raw.execute(statement, parameters).fetchall()
    return steps


def _target(ws: Workspace, post: domain.Post) -> int:
    [target] = post.targets
    return target.id


def test_the_list_holds_each_kind_of_holdup_and_its_cost_does_not_grow_with_the_calendar(
        workspace: Workspace) -> None:
    healthy = workspace.accounts.add(platform="dryrun", name="Sain")
    waiting = workspace.accounts.add(platform="dryrun", name="À reconnecter")
    when = datetime(2027, 1, 4, 9, tzinfo=UTC)
    posts = [workspace.posts.create(domain.PostDraft(body=f"n°{i}", account_ids=(healthy.id,)),
                                    scheduled_at=when + timedelta(hours=i), schedule=True)
             for i in range(30)]
    failed, retrying, fine = posts[3], posts[7], posts[11]
    blocked = workspace.posts.create(domain.PostDraft(body="attend", account_ids=(waiting.id,)),
                                     scheduled_at=when, schedule=True)
    with workspace.db.write() as s:
        s.execute(update(models.Target).where(models.Target.id == _target(workspace, failed))
                  .values(state=DeliveryState.FAILED.value, last_error="refusé"))
        s.execute(update(models.Target).where(models.Target.id == _target(workspace, retrying))
                  .values(attempt_count=1, last_error="429: réessayer plus tard"))
        s.execute(update(models.Target).where(models.Target.id == _target(workspace, fine))
                  .values(attempt_count=1, last_error=""))  # tried, nothing wrong kept
        s.execute(update(models.Account).where(models.Account.id == waiting.id)
                  .values(needs_reconnect=True))

    with selects() as seen:
        items = attention_items(workspace.db)
    assert {(i.post_id, i.holdup) for i in items} == {
        (failed.id, Holdup.FAILED), (retrying.id, Holdup.RETRYING),
        (blocked.id, Holdup.RECONNECT)}

    # The work SQLite does (its virtual machine's steps, counted: no clock involved) does
    # not grow with the healthy scheduled targets: 200 more of them cost nothing more.
    before = _steps(workspace, seen)
    for i in range(200):
        workspace.posts.create(domain.PostDraft(body=f"plus {i}", account_ids=(healthy.id,)),
                               scheduled_at=when + timedelta(days=1, hours=i), schedule=True)
    with selects() as again:
        assert len(attention_items(workspace.db)) == 3
    after = _steps(workspace, again)
    assert after < before * 1.2, (before, after)

    # nobody waiting: the same list without the accounts' branch, still no scan
    with workspace.db.write() as s:
        s.execute(update(models.Account).where(models.Account.id == waiting.id)
                  .values(needs_reconnect=False))
    assert {i.post_id for i in attention_items(workspace.db)} == {failed.id, retrying.id}
