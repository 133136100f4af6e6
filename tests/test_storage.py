import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import event, select, text

from essplanner import models
from essplanner.credentials import MemoryStore
from essplanner.domain import PostDraft
from essplanner.errors import StorageError
from essplanner.settings import Paths
from essplanner.storage import Database, current_revision, ensure_schema, head_revision, upgrade
from essplanner.workspace import Workspace


def test_sqlite_runs_in_wal_with_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'x.db'}")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_write_transactions_begin_immediate(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'x.db'}")
    upgrade(db)
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute",
                 lambda conn, cur, stmt, *a: statements.append(stmt))
    with db.write() as s:
        s.add(models.Persona(name="Marie"))
    with db.read() as s:
        s.execute(select(models.Persona)).all()
    begins = [s for s in statements if s.startswith("BEGIN")]
    assert begins == ["BEGIN IMMEDIATE", "BEGIN DEFERRED"]


WRITER = textwrap.dedent("""
    import sys, time
    from essplanner import models
    from essplanner.storage import Database
    db = Database(sys.argv[1])
    for i in range(50):
        with db.write() as s:
            s.add(models.Persona(name=f"committed-{i}"))
    with db.write() as s:
        for i in range(2000):
            s.add(models.Persona(name=f"uncommitted-{i}"))
            if i % 100 == 0:
                s.flush()
        print("mid-transaction", flush=True)
        time.sleep(60)
""")


def test_a_writer_killed_mid_transaction_leaves_a_good_database(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    db = Database(f"sqlite:///{path}")
    upgrade(db)
    db.dispose()
    with subprocess.Popen([sys.executable, "-c", WRITER, f"sqlite:///{path}"],
                          stdout=subprocess.PIPE, text=True,
                          cwd=Path(__file__).parents[1]) as proc:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "mid-transaction"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL

    reopened = Database(f"sqlite:///{path}")
    with reopened.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    with reopened.read() as s:
        names = set(s.scalars(select(models.Persona.name)))
    assert names == {f"committed-{i}" for i in range(50)}
    with reopened.write() as s:  # and it is writable again (no stale lock)
        s.add(models.Persona(name="after"))


def test_upgrading_from_the_first_migration_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(f"sqlite:///{path}")
    upgrade(db, "0001")
    assert current_revision(db) == "0001"
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO persona (name, motivation, networks, expected_content, "
                          "created_at) VALUES ('Marie', 'factures', '[\"facebook\"]', '', "
                          "'2026-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO post (title, body, link_url, call_to_action, hashtags, "
                          "language, editorial_state, scheduled_at, version, created_at, "
                          "updated_at) VALUES ('T', 'Bonjour', '', '', '[]', 'fr', 'draft', "
                          "'2026-12-03 09:00:00', 1, '2026-01-01 00:00:00', "
                          "'2026-01-01 00:00:00')"))
    db.dispose()

    paths = Paths.resolve(tmp_path / "data")
    ws = Workspace.open(paths=paths, db_url=f"sqlite:///{path}", secrets=MemoryStore())
    assert current_revision(ws.db) == head_revision(ws.db)
    assert ws.backup is not None and ws.backup.exists()
    backup = sqlite3.connect(ws.backup)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    backup.close()
    assert [p.name for p in ws.personas.all()] == ["Marie"]
    post = ws.posts.get(1)
    assert post.body == "Bonjour" and post.scheduled_at is not None
    ws.close()


def test_a_current_database_is_not_backed_up_again(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'x.db'}")
    assert ensure_schema(db, tmp_path / "backups") is None  # new: created, nothing to back up
    assert ensure_schema(db, tmp_path / "backups") is None
    assert not (tmp_path / "backups").exists()


def test_a_full_disk_is_a_clear_error_and_loses_nothing(workspace: Workspace) -> None:
    post = workspace.posts.create(PostDraft(title="kept", body="safe"))
    with workspace.db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(workspace.db.engine, "connect")
    def _limit(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    workspace.db.engine.dispose()
    with pytest.raises(StorageError, match="disk is full"):
        workspace.posts.create(PostDraft(title="big", body="x" * 2_000_000))
    event.remove(workspace.db.engine, "connect", _limit)
    workspace.db.engine.dispose()
    assert workspace.posts.get(post.id).body == "safe"


def test_two_processes_writing_read_modify_write_never_fail(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    db = Database(f"sqlite:///{path}")
    upgrade(db)
    with db.write() as s:
        s.add(models.Objective(name="counter", description="0"))
    db.dispose()
    script = textwrap.dedent("""
        import sys
        from sqlalchemy import select
        from essplanner import models
        from essplanner.storage import Database
        db = Database(sys.argv[1])
        for _ in range(150):
            with db.write() as s:
                row = s.scalars(select(models.Objective)).one()
                row.description = str(int(row.description) + 1)
    """)
    procs = [subprocess.Popen([sys.executable, "-c", script, f"sqlite:///{path}"],
                              cwd=Path(__file__).parents[1], stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with Database(f"sqlite:///{path}").read() as s:
        assert s.scalars(select(models.Objective.description)).one() == "300"
