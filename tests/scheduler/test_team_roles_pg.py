"""Roles that hold on PostgreSQL: three real database logins (contributor, approver,
administrator) set up with ``essplanner team grant``. The contributor's connection cannot
approve a post or change an account or a member, even with raw SQL; the approver can
approve; the administrator can change accounts; and each login's ``can(action)`` says
what its database allows."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sched_helpers import ROOT, PostgresServer

from essplanner.credentials import MemoryStore
from essplanner.domain import EditorialState, PostDraft, Role, TeamAction
from essplanner.errors import PermissionDenied
from essplanner.settings import Paths, Settings
from essplanner.timeutil import Clock
from essplanner.workspace import Workspace

pytestmark = pytest.mark.peer

EXPECTED = {
    Role.CONTRIBUTOR: {TeamAction.WRITE, TeamAction.SUBMIT},
    Role.APPROVER: {TeamAction.WRITE, TeamAction.SUBMIT, TeamAction.APPROVE,
                    TeamAction.SCHEDULE},
    Role.ADMINISTRATOR: set(TeamAction),
}


def _superuser(postgres: PostgresServer, database: str = "postgres") -> psycopg.Connection:
    return psycopg.connect(f"host=127.0.0.1 port={postgres.port} user=postgres "
                           f"dbname={database}", autocommit=True)


@pytest.fixture
def team_db(postgres: PostgresServer, tmp_path: Path) -> Iterator[tuple[str, dict[Role, str]]]:
    """A workspace database made by its owner, and three logins granted a role each with
    the command line (as the owner would type it)."""
    suffix = random.randrange(10**9)
    database = f"team_{suffix}"
    url = postgres.create_database(database)
    logins = {role: f"{role.value[:5]}_{suffix}" for role in Role}
    with _superuser(postgres) as conn:
        for login in logins.values():
            conn.execute(f'CREATE ROLE "{login}" LOGIN')
    owner_dir = tmp_path / "owner"
    Settings(user_name="Owner", user_email="owner@asso.example").save(
        Paths.resolve(owner_dir).settings_file)
    for role, login in logins.items():
        done = _cli("--db", url, "--data-dir", str(owner_dir), "team", "grant", login,
                    "--role", role.value, "--name", f"{role.value.title()} {suffix}",
                    "--email", f"{login}@asso.example")
        assert done.returncode == 0, done.stderr
    yield database, logins
    with _superuser(postgres) as conn:
        conn.execute(f'DROP DATABASE "{database}" WITH (FORCE)')
        for login in logins.values():
            conn.execute(f'DROP ROLE "{login}"')


def _cli(*argv: str) -> subprocess.CompletedProcess[str]:
    """The command line, as the database's owner types it."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("ESSPLANNER_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "essplanner", *argv], capture_output=True,
                          text=True, timeout=120, check=False, env=env)


def _open(postgres: PostgresServer, database: str, login: str, folder: Path) -> Workspace:
    return Workspace.open(
        paths=Paths.resolve(folder), clock=Clock(), secrets=MemoryStore(),
        db_url=f"postgresql+psycopg://{login}@127.0.0.1:{postgres.port}/{database}",
        settings=Settings(timezone="Europe/Paris", user_name=login,
                          user_email=f"{login}@asso.example"))


def _raw(postgres: PostgresServer, database: str, login: str) -> psycopg.Connection:
    return psycopg.connect(f"host=127.0.0.1 port={postgres.port} user={login} "
                           f"dbname={database}", autocommit=True)


def test_three_logins_each_can_only_what_their_role_allows_even_with_raw_sql(
        postgres: PostgresServer, team_db: tuple[str, dict[Role, str]], tmp_path: Path) -> None:
    database, logins = team_db
    spaces = {role: _open(postgres, database, login, tmp_path / role.value)
              for role, login in logins.items()}
    try:
        # the app offers each person what the database allows them
        for role, ws in spaces.items():
            me = ws.team.me()
            assert (me.role, me.db_login) == (role, logins[role])
            assert {a for a in TeamAction if ws.team.can(a)} == EXPECTED[role]

        contributor, approver, admin = (spaces[Role.CONTRIBUTOR], spaces[Role.APPROVER],
                                        spaces[Role.ADMINISTRATOR])
        account = admin.accounts.add(platform="dryrun", name="Asso")
        post = contributor.posts.create(PostDraft(body="Collecte samedi",
                                                  account_ids=(account.id,)))
        contributor.reviews.submit(post.id)
        with pytest.raises(PermissionDenied, match="Only approvers can approve posts."):
            contributor.reviews.approve(post.id)
        # with the app's own check out of the way, the database still says no
        contributor.posts.team = None
        with pytest.raises(PermissionDenied, match="database refused"):
            contributor.posts.set_editorial_state(post.id, EditorialState.APPROVED)

        with pytest.raises(PermissionDenied, match="Only administrators can change accounts."):
            contributor.accounts.update(account.id, api_url="https://evil.example")
        contributor.accounts.team = None
        with pytest.raises(PermissionDenied, match="database refused"):
            contributor.accounts.update(account.id, name="Mine")

        with _raw(postgres, database, logins[Role.CONTRIBUTOR]) as raw:
            for statement in (
                f"UPDATE post SET editorial_state = 'approved' WHERE id = {post.id}",
                f"INSERT INTO post_approval (post_id, approved_at, approved_by, snapshot) "
                f"VALUES ({post.id}, now(), 'me', '{{}}')",
                f"UPDATE account SET name = 'Mine', api_url = 'https://evil.example' "
                f"WHERE id = {account.id}",
                "INSERT INTO account (platform, name, handle, api_url, settings, connected_by, "
                "needs_reconnect, reconnect_reason, blocked_reason, blocked_message, "
                "grace_minutes, enabled, created_at) VALUES ('dryrun', 'X', '', '', '{}', '', "
                "false, '', '', '', 60, true, now())",
                f"DELETE FROM account WHERE id = {account.id}",
                "UPDATE team_member SET role = 'administrator'",
                "INSERT INTO workspace_setting (key, value) VALUES ('approval_required', '0')",
            ):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    raw.execute(statement)
            # a post inserted as approved is stored in review
            inserted = raw.execute(
                "INSERT INTO post (title, body, link_url, call_to_action, hashtags, language, "
                "editorial_state, version, created_at, updated_at) VALUES ('', 'raw', '', '', "
                "'[]', '', 'approved', 1, now(), now()) RETURNING id, editorial_state").fetchone()
            assert inserted is not None and inserted[1] == "in_review"
            # what the publishing service writes when a platform refuses an account: allowed
            raw.execute(f"UPDATE account SET needs_reconnect = false WHERE id = {account.id}")
        assert contributor.posts.get(post.id).editorial_state is EditorialState.IN_REVIEW

        # the approver approves, through the app and with raw SQL
        assert approver.reviews.approve(post.id).editorial_state is EditorialState.APPROVED
        with _raw(postgres, database, logins[Role.APPROVER]) as raw:
            raw.execute(f"UPDATE post SET editorial_state = 'approved' WHERE id = {inserted[0]}")
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                raw.execute(f"UPDATE account SET name = 'Mine' WHERE id = {account.id}")
        # a contributor's raw edit of the approved post takes the approval back
        with _raw(postgres, database, logins[Role.CONTRIBUTOR]) as raw:
            raw.execute(f"UPDATE post SET body = 'changed' WHERE id = {post.id}")
            row = raw.execute(f"SELECT editorial_state FROM post WHERE id = {post.id}").fetchone()
            assert row == ("in_review",)

        # the administrator changes accounts and people
        assert admin.accounts.update(account.id, name="Association").name == "Association"
        with _raw(postgres, database, logins[Role.ADMINISTRATOR]) as raw:
            raw.execute(f"UPDATE account SET handle = 'asso' WHERE id = {account.id}")
        lina = contributor.team.me()
        assert admin.team.set_role(lina.id, Role.APPROVER).role is Role.APPROVER
        contributor.team.refresh()
        assert contributor.team.can(TeamAction.APPROVE)
    finally:
        for ws in spaces.values():
            ws.close()


def test_grant_refuses_an_unknown_login_in_one_line(
        postgres: PostgresServer, tmp_path: Path) -> None:
    url = postgres.create_database(f"team_{random.randrange(10**9)}")
    done = _cli("--db", url, "--data-dir", str(tmp_path), "team", "grant", "nobody_here",
                "--role", "approver")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "no database login named nobody_here" in done.stderr


def test_on_the_shared_database_an_unapproved_post_waits_then_goes_out_once(
        postgres: PostgresServer, tmp_path: Path) -> None:
    """The claim-time check on PostgreSQL too."""
    from datetime import UTC, datetime, timedelta

    from sched_helpers import FAST, run_due

    from essplanner.domain import DeliveryState, Holdup
    from essplanner.scheduler import PublishingService
    from essplanner.services.calendar import attention_items
    from essplanner.timeutil import FakeClock

    clock = FakeClock(datetime(2026, 11, 27, 9, 0, tzinfo=UTC))
    url = postgres.create_database(f"team_{random.randrange(10**9)}")
    ws = Workspace.open(paths=Paths.resolve(tmp_path / "data"), db_url=url, clock=clock,
                        secrets=MemoryStore(),
                        settings=Settings(timezone="Europe/Paris", extra={"service": FAST}))
    service = PublishingService(ws)
    try:
        ws.team.set_approval_required(True)
        account = ws.accounts.add(platform="dryrun", name="Essai")
        post = ws.posts.create(PostDraft(body="Collecte", account_ids=(account.id,)),
                               scheduled_at=clock.now() + timedelta(minutes=5), schedule=True)
        clock.advance(timedelta(minutes=6))
        run_due(service)
        waiting = ws.posts.get(post.id).targets[0]
        assert (waiting.state, waiting.attempts) == (DeliveryState.SCHEDULED, ())
        assert [i.holdup for i in attention_items(ws.db)] == [Holdup.AWAITING_APPROVAL]
        ws.reviews.approve(post.id)
        run_due(service)
        run_due(service)
        sent = ws.posts.get(post.id).targets[0]
        assert sent.state is DeliveryState.PUBLISHED and len(sent.attempts) == 1
    finally:
        service.stop(wait=True, timeout=10)
        ws.close()
