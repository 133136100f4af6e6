"""The window on a shared PostgreSQL database, opened with each of three real database
logins (contributor, approver, administrator, granted with ``essplanner team grant``):
each person sees enabled only the actions their role allows — what their login may do."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from pytestqt.qtbot import QtBot

from essplanner.credentials import MemoryStore
from essplanner.domain import EditorialState, PostDraft, Role
from essplanner.settings import Paths, Settings
from essplanner.timeutil import Clock
from essplanner.ui.accounts.dialog import AccountsDialog
from essplanner.ui.bridge import Bridge
from essplanner.ui.mainwindow import MainWindow
from essplanner.ui.settings_dialog import SettingsDialog
from essplanner.workspace import Workspace
from tests.conftest import need

pytestmark = [pytest.mark.peer, pytest.mark.gui]

ROOT = Path(__file__).resolve().parents[3]
LOGINS = {Role.CONTRIBUTOR: "ui_lina", Role.APPROVER: "ui_paul",
          Role.ADMINISTRATOR: "ui_alice"}


@pytest.fixture(scope="module")
def team_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, str]]:
    """A workspace database and its three logins, each granted a role by the owner."""
    from tests.scheduler.sched_helpers import postgres_bindir, postgres_server

    need(postgres_bindir() is not None, "PostgreSQL server binaries (apt-get install postgresql)")
    with postgres_server() as server:
        url = server.create_database("team_ui")
        with psycopg.connect(f"host=127.0.0.1 port={server.port} user=postgres "
                             "dbname=postgres", autocommit=True) as conn:
            for login in LOGINS.values():
                conn.execute(f'CREATE ROLE "{login}" LOGIN')
        owner = tmp_path_factory.mktemp("owner")
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        env.pop("ESSPLANNER_DATABASE_URL", None)
        for role, login in LOGINS.items():
            done = subprocess.run(
                [sys.executable, "-m", "essplanner", "--db", url, "--data-dir", str(owner),
                 "team", "grant", login, "--role", role.value, "--name", login.title(),
                 "--email", f"{login}@asso.example"],
                capture_output=True, text=True, timeout=120, check=False, env=env)
            assert done.returncode == 0, done.stderr
        yield server.port, "team_ui"


def _open(team_url: tuple[int, str], role: Role, folder: Path) -> Workspace:
    port, database = team_url
    login = LOGINS[role]
    return Workspace.open(
        paths=Paths.resolve(folder), clock=Clock(), secrets=MemoryStore(),
        db_url=f"postgresql+psycopg://{login}@127.0.0.1:{port}/{database}",
        settings=Settings(timezone="Europe/Paris", user_name=login.title(),
                          user_email=f"{login}@asso.example"))


@pytest.mark.parametrize(("role", "approve", "schedule", "accounts", "rule"), [
    (Role.CONTRIBUTOR, False, False, False, False),
    (Role.APPROVER, True, True, False, False),
    (Role.ADMINISTRATOR, True, True, True, True),
])
def test_each_login_sees_only_the_actions_its_role_allows(
        qtbot: QtBot, team_url: tuple[int, str], tmp_path: Path, role: Role, approve: bool,
        schedule: bool, accounts: bool, rule: bool) -> None:
    admin = _open(team_url, Role.ADMINISTRATOR, tmp_path / "admin")
    writer = _open(team_url, Role.CONTRIBUTOR, tmp_path / "writer")
    ws = _open(team_url, role, tmp_path / "me")
    window: MainWindow | None = None
    try:
        if not admin.accounts.all():
            admin.accounts.add(platform="dryrun", name="Asso")
        post = writer.posts.create(PostDraft(title=f"Pour {role.value}", body="Collecte"))
        writer.reviews.submit(post.id)
        assert ws.team.me().role is role  # the database's grant, not a row anyone may edit

        bridge = Bridge()
        ws.subscribe(bridge.emit_change)
        window = MainWindow(ws, bridge)
        qtbot.addWidget(window)
        window.open_post(post.id)
        editor = window.editors[-1]
        bar = editor.team.bar
        assert editor.post is not None
        assert editor.post.editorial_state is EditorialState.IN_REVIEW
        assert bar.approve_button.isEnabled() is approve
        assert bar.changes_button.isEnabled() is approve
        assert editor.form.schedule_check.isEnabled() is schedule
        assert editor.form.queue_button.isEnabled() is schedule
        dialog = AccountsDialog(ws, bridge, window)
        qtbot.addWidget(dialog)
        assert dialog.add_button.isEnabled() is accounts
        assert dialog.remove_button.isEnabled() is accounts
        preferences = SettingsDialog(ws, window)
        qtbot.addWidget(preferences)
        assert preferences.team.approval.isEnabled() is rule
        editor.dirty = False
        editor.close()
    finally:
        if window is not None:
            # before its workspace, as the app does: a window left open reads through it
            # later (its first paint is still queued), reopening a connection for good
            window.close()
        for workspace in (ws, writer, admin):
            workspace.close()
