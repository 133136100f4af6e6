import ctypes
import json
import os
import re
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import event, select, text

from essplanner import models
from essplanner.credentials import MemoryStore
from essplanner.domain import PostDraft, PostQuery
from essplanner.errors import StorageError
from essplanner.settings import Paths
from essplanner.storage import (
    Database,
    current_revision,
    describe_db_error,
    ensure_schema,
    head_revision,
    upgrade,
)
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


def test_upgrading_from_0004_keeps_media_and_adds_the_video_facts(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(f"sqlite:///{path}")
    upgrade(db, "0004")
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO post (title, body, link_url, call_to_action, hashtags, "
                          "language, editorial_state, version, created_at, updated_at) VALUES "
                          "('T', 'Bonjour', '', '', '[]', 'fr', 'draft', 1, "
                          "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO media (post_id, position, path, original_name, checksum, "
                          "mime_type, size, width, height, alt_text, consent_note) VALUES "
                          "(1, 0, '/m/ab.jpg', 'affiche.jpg', 'ab', 'image/jpeg', 1234, 800, "
                          "600, 'L’affiche', '')"))
    db.dispose()
    ws = Workspace.open(paths=Paths.resolve(tmp_path / "data"), db_url=f"sqlite:///{path}",
                        secrets=MemoryStore())
    assert current_revision(ws.db) == head_revision(ws.db)
    (item,) = ws.posts.get(1).media
    assert (item.path, item.original_name, item.mime_type, item.size, item.width, item.height,
            item.alt_text) == ("/m/ab.jpg", "affiche.jpg", "image/jpeg", 1234, 800, 600,
                               "L’affiche")
    assert (item.duration, item.frame_rate, item.video_codec, item.audio_codec,
            item.cover_path) == (None, None, "", "", "")
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
    folder = workspace.paths.data_dir
    with pytest.raises(StorageError, match=f"^The disk holding {re.escape(str(folder))} is "
                                           "full: nothing was saved"):
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


ROOT = Path(__file__).parents[1]


_DRIVER = textwrap.dedent("""
    import contextlib, io, json, sys
    from essplanner.cli.main import main
    results = []
    for args in json.loads(sys.argv[1]):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(args)
        results.append([code, out.getvalue(), err.getvalue()])
    sys.__stdout__.write(json.dumps(results))
""")


def _cli(data: Path, *commands: tuple[str, ...],
         preexec: object = None) -> list[tuple[int, str, str]]:
    """Run the command line on ``data`` in one child process: (code, stdout, stderr) each."""
    argvs = [["--lang", "en", "--data-dir", str(data), *command] for command in commands]
    result = subprocess.run([sys.executable, "-c", _DRIVER, json.dumps(argvs)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60,
                            preexec_fn=preexec)  # type: ignore[arg-type]
    assert result.returncode == 0, result.stderr
    return [tuple(r) for r in json.loads(result.stdout)]  # type: ignore[misc]


def _workspace_with_a_post(data: Path) -> None:
    ws = Workspace.open(paths=Paths.resolve(data), secrets=MemoryStore())
    ws.posts.create(PostDraft(title="Fête", body="Bonjour"))
    ws.close()


def _small_files_only() -> None:
    # No file may grow past 16 KiB: the 32 KiB -shm file of a WAL database cannot be
    # made, exactly as on a full disk (SQLITE_IOERR_SHMSIZE, "disk I/O error").
    resource.setrlimit(resource.RLIMIT_FSIZE, (16384, 16384))


def test_no_room_for_the_shm_file_is_a_full_disk_not_a_disk_io_error(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _workspace_with_a_post(data)
    assert not (data / "essplanner.sqlite3-shm").exists()  # removed by the last connection
    [listed, added] = _cli(data, ("post", "list"), ("post", "add", "--text", "x"),
                           preexec=_small_files_only)
    for code, out, err in (listed, added):
        assert (code, out) == (1, "")
        assert err == (f"essplanner: The disk holding {data} is full: nothing was saved. "
                       "Free some space and try again.\n")
    with Database(f"sqlite:///{data / 'essplanner.sqlite3'}").read() as s:
        assert s.scalars(select(models.Post.body)).all() == ["Bonjour"]


def _io_error(name: str) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorname = name  # type: ignore[attr-defined]
    return error


def test_an_io_error_on_a_nearly_full_disk_is_a_full_disk(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "essplanner.sqlite3"
    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: usage._replace(free=4096))
    assert describe_db_error(_io_error("SQLITE_IOERR_WRITE"), path).startswith(
        f"The disk holding {tmp_path} is full: nothing was saved.")
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: usage._replace(free=10**9))
    assert "full" not in describe_db_error(_io_error("SQLITE_IOERR_WRITE"), path)


def _without_root_bypass() -> None:
    """In the child: as root, lose the power to write what permissions forbid
    (CAP_DAC_OVERRIDE leaves the bounding set, so the exec'd program never has it)."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(24, 1, 0, 0, 0) != 0:  # PR_CAPBSET_DROP, CAP_DAC_OVERRIDE
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _read_only(folder: Path, *, on: bool) -> None:
    for path in [folder, *folder.rglob("*")]:
        mode = path.stat().st_mode
        path.chmod(mode & ~0o222 if on else mode | stat.S_IWUSR)


@pytest.mark.parametrize("logs", [True, False], ids=["with its logs", "without logs folder"])
def test_a_read_only_data_folder_is_read_and_refuses_writes_clearly(tmp_path: Path,
                                                                    logs: bool) -> None:
    data = tmp_path / "data"
    _workspace_with_a_post(data)
    database = data / "essplanner.sqlite3"
    before = database.read_bytes()
    if not logs:
        shutil.rmtree(data / "logs")
    # one line saying the log cannot be written, when its folder cannot be made
    log_note = [] if logs else [f"essplanner: cannot write the log file {data}/logs/"
                                "essplanner.log: [Errno 13] Permission denied: "
                                f"'{data}/logs'"]
    _read_only(data, on=True)
    try:
        try:
            listed, shown, exported, *refused = _cli(
                data, ("post", "list"), ("post", "show", "1", "--json"), ("export", "csv"),
                ("post", "add", "--text", "x"), ("persona", "add", "Marie"),
                preexec=_without_root_bypass)
        except subprocess.SubprocessError as exc:
            pytest.skip(f"cannot run without root's permission bypass here: {exc}")
        for code, _out, err in (listed, shown, exported):
            assert code == 0, err
            assert err.splitlines() == log_note
        assert listed[1].startswith("#1 Fête")
        assert json.loads(shown[1])["text"] == "Bonjour"
        assert "Bonjour" in exported[1]
        for code, out, err in refused:
            assert (code, out) == (1, "")
            assert err.splitlines() == [
                *log_note, f"essplanner: The data folder {data} is read-only: nothing was saved."]
    finally:
        _read_only(data, on=False)
    assert database.read_bytes() == before
    assert sorted(p.name for p in data.iterdir()) == ["essplanner.sqlite3"] + (
        ["logs"] if logs else [])


def test_an_old_database_in_a_read_only_folder_is_not_upgraded(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    db = Database(f"sqlite:///{path}")
    upgrade(db, "0001")
    db.dispose()
    before = path.read_bytes()
    monkeypatch.setattr("essplanner.storage._writable", lambda p: p != tmp_path)
    with pytest.raises(StorageError, match=f"^The data folder {re.escape(str(tmp_path))} is "
                                           "read-only: the database in it cannot be brought"):
        Workspace.open(paths=Paths.resolve(tmp_path / "data"), db_url=f"sqlite:///{path}",
                       secrets=MemoryStore())
    assert path.read_bytes() == before
    assert not (tmp_path / "data" / "backups").exists()


def test_a_database_that_may_not_be_written_is_opened_read_only(
        workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same, in process and whoever runs the tests: SQLite itself refuses the write."""
    post = workspace.posts.create(PostDraft(title="kept", body="safe"))
    workspace.close()
    data = workspace.paths.data_dir
    monkeypatch.setattr("essplanner.storage._writable", lambda path: path != data)
    ws = Workspace.open(paths=workspace.paths, secrets=MemoryStore())
    try:
        assert ws.db.read_only
        assert ws.posts.get(post.id).body == "safe"
        with pytest.raises(StorageError, match=f"^The data folder {re.escape(str(data))} is "
                                               "read-only: nothing was saved.$"):
            ws.posts.create(PostDraft(body="new"))
        with pytest.raises(StorageError, match="is read-only"):
            ws.personas.add(name="Marie")
        assert [p.id for p in ws.posts.query(PostQuery(include_unscheduled=True))] == [post.id]
    finally:
        ws.close()


def test_a_folder_that_cannot_be_made_is_named_in_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        if not self.exists():
            raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    folder = tmp_path / "nope"
    with pytest.raises(StorageError, match=f"^Cannot create the folder {re.escape(str(folder))}"
                                           ": Permission denied$"):
        Database(f"sqlite:///{folder / 'x.db'}")
    with pytest.raises(StorageError, match=f"^Cannot create the folder {re.escape(str(folder))}"
                                           ": Permission denied$"):
        Workspace.open(paths=Paths.resolve(folder), secrets=MemoryStore())
