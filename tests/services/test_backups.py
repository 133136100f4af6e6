"""Backups, restore, export and import of the workspace (essplanner/services/backups.py)."""

from __future__ import annotations

import errno
import io
import json
import sqlite3
import threading
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from essplanner import domain
from essplanner.credentials import MemoryStore
from essplanner.demo.loader import load_demo
from essplanner.errors import NotFoundError, StorageError
from essplanner.kpi.periods import DateRange
from essplanner.services import backup_archive, backups
from essplanner.services.backup_archive import ArchiveError, Kind, read_manifest
from essplanner.services.backups import (
    TeamDatabaseError,
    WorkspaceNotEmptyError,
    backup_if_due,
    backup_job,
    backup_now,
    export_workspace,
    import_workspace,
    list_backups,
    restore_backup,
)
from essplanner.settings import Paths, Settings
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace

SECRET = "tok-3c1f9a7e-do-not-leak-5b2d"


def _image(path: Path, colour: str = "red") -> Path:
    from PIL import Image

    Image.new("RGB", (32, 24), colour).save(path, "PNG")
    return path


def _post(ws: Workspace, title: str, *, at: datetime | None = None,
          media: tuple[Path, ...] = (), persona_ids: tuple[int, ...] = ()) -> domain.Post:
    return ws.posts.create(domain.PostDraft(
        title=title, body=f"body of {title}", persona_ids=persona_ids,
        media=tuple(domain.MediaInput(path=str(m), alt_text=f"alt {m.name}") for m in media)),
        scheduled_at=at)


def _all_posts(ws: Workspace) -> list[domain.Post]:
    return ws.posts.query(domain.PostQuery(include_unscheduled=True))


def _database_of(archive: Path, folder: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(archive) as zf:
        zf.extract(backup_archive.DATABASE, folder)
    return sqlite3.connect(str(folder / backup_archive.DATABASE))


# ----------------------------------------------------- backup while writing ---


class _Writer(threading.Thread):
    """Another program writing: its own workspace on the same database, committing posts
    (each with a persona link) in a loop until told to stop."""

    def __init__(self, paths: Paths, clock: FakeClock, persona_id: int) -> None:
        super().__init__(daemon=True)
        self.ws = Workspace.open(paths=paths, clock=clock, secrets=MemoryStore(),
                                 settings=Settings(timezone="Europe/Paris"))
        self.persona_id = persona_id
        self.committed: list[int] = []
        self.lock = threading.Condition()
        self.stop = threading.Event()
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            n = 0
            while not self.stop.is_set():
                n += 1
                post = _post(self.ws, f"w{n}", persona_ids=(self.persona_id,))
                with self.lock:
                    self.committed.append(post.id)
                    self.lock.notify_all()
        except BaseException as exc:  # reported by the test
            self.error = exc
        finally:
            self.ws.close()

    def wait_for(self, count: int) -> list[int]:
        """Wait until ``count`` posts are committed; returns the ids committed so far."""
        with self.lock:
            assert self.lock.wait_for(lambda: len(self.committed) >= count or self.error,
                                      timeout=60)
            return list(self.committed)


def test_a_backup_taken_while_another_program_writes_holds_every_committed_post(
        workspace: Workspace, paths: Paths, clock: FakeClock, tmp_path: Path) -> None:
    persona = workspace.personas.add(name="Marie")
    first = [_post(workspace, f"p{i}", persona_ids=(persona.id,)).id for i in range(20)]
    writer = _Writer(paths, clock, persona.id)
    writer.start()
    try:
        committed_before = first + writer.wait_for(3)  # the writer is busy now
        during: list[int] = []

        def progress(done: int, total: int) -> None:
            # The snapshot is taken: the writer goes on committing while the file is written.
            if not during:
                during.extend(writer.wait_for(len(committed_before) - len(first) + 3))

        made = backup_now(workspace, progress=progress)
    finally:
        writer.stop.set()
        writer.join(60)
    assert writer.error is None
    assert len(writer.committed) > len(committed_before) - len(first) + 2  # written during

    conn = _database_of(made.path, tmp_path / "check")
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    ids = [r[0] for r in conn.execute("SELECT id FROM post ORDER BY id")]
    assert set(committed_before) <= set(ids)
    # a consistent snapshot: the posts of one moment, each whole (row and persona link)
    everything = first + writer.committed
    assert ids == everything[:len(ids)]
    linked = {r[0] for r in conn.execute("SELECT post_id FROM post_persona")}
    assert linked == set(ids)
    titles = dict(conn.execute("SELECT id, body FROM post").fetchall())
    assert all(body.startswith("body of ") for body in titles.values())
    assert made.manifest.counts.posts == len(ids)


def test_an_uncommitted_transaction_neither_blocks_the_backup_nor_gets_into_it(
        workspace: Workspace, paths: Paths, tmp_path: Path) -> None:
    _post(workspace, "committed")
    other = sqlite3.connect(str(paths.database_file), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE post SET title = 'half-written'")
    other.execute("INSERT INTO persona (name, motivation, networks, expected_content, "
                  "created_at) VALUES ('Torn', '', '[]', '', '2026-01-01 00:00:00')")
    try:
        made = backup_now(workspace)
    finally:
        other.execute("COMMIT")
        other.close()
    conn = _database_of(made.path, tmp_path / "check")
    assert conn.execute("SELECT title FROM post").fetchall() == [("committed",)]
    assert conn.execute("SELECT count(*) FROM persona").fetchone() == (0,)


# ---------------------------------------------------------------- rotation ---


def test_one_backup_a_day_and_only_the_newest_kept(workspace: Workspace, clock: FakeClock,
                                                   paths: Paths) -> None:
    workspace.settings.backups_kept = 3
    paths.backup_dir.mkdir(parents=True, exist_ok=True)
    upgrade_copy = paths.backup_dir / "essplanner-before-0002-20260101T000000Z.sqlite3"
    upgrade_copy.write_bytes(b"kept")
    made = []
    for day in range(5):
        _post(workspace, f"day {day}")
        made.append(backup_if_due(workspace))
        clock.advance(timedelta(hours=5))
        assert backup_if_due(workspace) is None  # not a day old yet
        clock.advance(timedelta(hours=19))
    assert all(m is not None for m in made)
    kept = sorted(p.name for p in paths.backup_dir.glob("essplanner-backup-*.zip"))
    assert kept == sorted(m.path.name for m in made[-3:] if m is not None)
    assert upgrade_copy.read_bytes() == b"kept"
    listed = list_backups(paths.backup_dir)
    assert [b.manifest.counts.posts for b in listed] == [5, 4, 3]
    assert all(b.manifest.kind is Kind.BACKUP for b in listed)


def test_backups_off_means_none(workspace: Workspace) -> None:
    workspace.settings.backups = False
    assert backup_if_due(workspace) is None
    assert not workspace.paths.backup_dir.exists() or not list(
        workspace.paths.backup_dir.glob("*.zip"))


def test_the_service_job_makes_the_daily_backup(workspace: Workspace, clock: FakeClock) -> None:
    name, seconds, run = backup_job(workspace)
    assert name == "backup" and seconds <= 3600
    run()
    run()
    assert len(list_backups(workspace.paths.backup_dir)) == 1
    clock.advance(timedelta(days=1))
    run()
    assert len(list_backups(workspace.paths.backup_dir)) == 2


def test_the_service_job_follows_the_settings_as_saved(workspace: Workspace, clock: FakeClock,
                                                       paths: Paths) -> None:
    """A background service runs for days: Edit › Preferences changes the settings file,
    not the service's copy of the settings."""
    _name, _seconds, run = backup_job(workspace)
    assert workspace.settings.backups  # the service's copy, as it started
    Settings(backups=False).save(paths.settings_file)
    run()
    assert list_backups(paths.backup_dir) == []
    Settings(backups=True, backups_kept=1).save(paths.settings_file)
    for _day in range(3):
        run()
        clock.advance(timedelta(days=1))
    assert len(list_backups(paths.backup_dir)) == 1  # the one kept, as saved


def test_a_team_database_is_left_to_its_server(paths: Paths, tmp_path: Path) -> None:
    team = SimpleNamespace(settings=Settings(), paths=paths,
                           db=SimpleNamespace(url="postgresql+psycopg://u@db.example/ess",
                                              describe=lambda: "postgresql://db.example/ess"),
                           clock=FakeClock(datetime(2026, 1, 1, tzinfo=UTC)))
    assert backup_if_due(team) is None  # type: ignore[arg-type]
    with pytest.raises(TeamDatabaseError, match="pg_dump"):
        backup_now(team)  # type: ignore[arg-type]
    with pytest.raises(TeamDatabaseError, match="pg_dump"):
        import_workspace(paths, tmp_path / "x.zip", db_url="postgresql+psycopg://u@h/ess")


# ----------------------------------------------------------------- restore ---


def test_restore_shows_what_the_backup_holds_then_puts_it_back(
        workspace: Workspace, clock: FakeClock, paths: Paths, tmp_path: Path) -> None:
    picture = _image(tmp_path / "affiche.png")
    soon = clock.now() + timedelta(days=2)
    kept = _post(workspace, "Atelier facture", at=soon, media=(picture,))
    _post(workspace, "Permanence", at=soon + timedelta(days=1))
    _post(workspace, "Idée sans date")
    made = backup_now(workspace)

    manifest = read_manifest(made.path)
    assert manifest.kind is Kind.BACKUP
    assert manifest.created_at == clock.now()
    assert (manifest.counts.posts, manifest.counts.media) == (3, 1)
    assert [u.title for u in manifest.upcoming] == ["Atelier facture", "Permanence"]
    assert manifest.upcoming[0].scheduled_at == soon
    assert manifest.schema_revision

    # what happens next: a post deleted, another added, the image lost
    workspace.posts.delete(kept.id)
    _post(workspace, "Ajout après la sauvegarde")
    media_file = Path(kept.media[0].path)
    media_file.unlink()
    clock.advance(timedelta(hours=1))

    result = restore_backup(workspace, made.path)
    titles = sorted(p.title for p in _all_posts(workspace))  # the same open workspace
    assert titles == ["Atelier facture", "Idée sans date", "Permanence"]
    restored = workspace.posts.get(kept.id)
    assert restored.scheduled_at == soon
    assert Path(restored.media[0].path).read_bytes() == picture.read_bytes()
    assert result.safety is not None and result.safety.manifest.kind is Kind.SAFETY
    assert read_manifest(result.safety.path).counts.posts == 3  # 2 kept + 1 added


def test_restore_into_a_database_other_connections_have_open(
        workspace: Workspace, paths: Paths) -> None:
    _post(workspace, "before")
    made = backup_now(workspace)
    _post(workspace, "after")
    reader = sqlite3.connect(str(paths.database_file))  # the window's quick reader, say
    assert reader.execute("SELECT count(*) FROM post").fetchone() == (2,)
    restore_backup(workspace, made.path)
    assert reader.execute("SELECT title FROM post").fetchall() == [("before",)]
    assert reader.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    reader.close()
    assert [p.title for p in _all_posts(workspace)] == ["before"]


# ---------------------------------------------------------- export / import ---


class _WatchedStore(MemoryStore):
    """A keyring that counts reads: exporting must not read a single secret."""

    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    def get(self, account_id: int, key: str = "secret") -> str | None:
        self.reads += 1
        return super().get(account_id, key)


@pytest.fixture
def demo(tmp_path: Path, clock: FakeClock) -> Iterator[Workspace]:
    store = _WatchedStore()
    ws = Workspace.open(paths=Paths.resolve(tmp_path / "laptop"), clock=clock, secrets=store,
                        settings=Settings(timezone="Europe/Paris", language="fr",
                                          organisation_name="Énergie Solidaire"))
    load_demo(ws, lang="fr")
    ws.settings.organisation_logo = str(_image(ws.paths.data_dir / "logo.png", "green"))
    personas = {p.name: p.id for p in ws.personas.all()}
    _post(ws, "Affiche de l’atelier", at=clock.now() + timedelta(days=3),
          media=(_image(tmp_path / "affiche.png"), _image(tmp_path / "salle.png", "blue")),
          persona_ids=(personas["Marie"],))
    for account in ws.accounts.all():
        ws.secrets.set(account.id, SECRET)
        ws.secrets.set(account.id, SECRET + "-refresh", "refresh")
    yield ws
    ws.close()


def _calendar(ws: Workspace) -> list[tuple[object, ...]]:
    return sorted(
        (p.id, p.title, p.body, p.scheduled_at, p.editorial_state,
         tuple(x.name for x in p.personas), tuple(x.name for x in p.objectives),
         tuple((t.account_name, t.state) for t in p.targets),
         tuple((m.original_name, m.checksum, m.alt_text) for m in p.media))
        for p in _all_posts(ws))


def test_an_exported_workspace_imported_elsewhere_shows_the_same_calendar_media_and_kpis(
        demo: Workspace, clock: FakeClock, tmp_path: Path) -> None:
    store = demo.secrets
    assert isinstance(store, _WatchedStore)
    reads = store.reads
    archive = tmp_path / "vers-le-nouveau-benevole.zip"
    made = export_workspace(demo, archive)
    assert store.reads == reads  # the keyring is not read
    assert made.manifest.kind is Kind.EXPORT and made.manifest.has_settings

    # no secret anywhere: not in the file's bytes, not in any member
    raw = archive.read_bytes()
    assert SECRET.encode() not in raw
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            data = zf.read(info)
            assert SECRET.encode() not in data, info.filename
            assert SECRET.encode("utf-16-le") not in data, info.filename

    elsewhere = Paths.resolve(tmp_path / "other-computer")
    result = import_workspace(elsewhere, archive, now=clock.now())
    assert result.safety is None
    moved = Workspace.open(paths=elsewhere, clock=clock, secrets=MemoryStore())
    try:
        assert _calendar(moved) == _calendar(demo)
        assert [(p.name, p.age, p.networks, p.motivation) for p in moved.personas.all()] == \
            [(p.name, p.age, p.networks, p.motivation) for p in demo.personas.all()]
        assert moved.objectives.all() == demo.objectives.all()  # with their KPIs
        span = DateRange(date(2026, 10, 1), date(2027, 1, 1))
        assert moved.kpis.measurements(span) == demo.kpis.measurements(span)
        assert moved.kpis.history(months=3) == demo.kpis.history(months=3)
        assert moved.kpis.outcomes() == demo.kpis.outcomes()
        # media: in the new folder, byte for byte
        for new, old in zip(_all_posts(moved), _all_posts(demo), strict=True):
            for m_new, m_old in zip(new.media, old.media, strict=True):
                assert Path(m_new.path).parent.parent == elsewhere.media_dir
                assert Path(m_new.path).read_bytes() == Path(m_old.path).read_bytes()
        assert sum(len(p.media) for p in _all_posts(moved)) == 2 + 5  # two attached here, five in the example
        # accounts: the same, waiting to be connected again
        accounts = moved.accounts.all()
        assert [a.name for a in accounts] == [a.name for a in demo.accounts.all()]
        assert accounts and all(a.needs_reconnect and "another computer" in a.reconnect_reason
                                for a in accounts)
        assert not any(a.needs_reconnect for a in demo.accounts.all())  # the original is intact
        # settings came along; the logo is in the new data folder
        assert moved.settings.timezone == "Europe/Paris"
        assert moved.settings.organisation_name == "Énergie Solidaire"
        logo = Path(moved.settings.organisation_logo)
        assert logo.parent == elsewhere.data_dir
        assert logo.read_bytes() == Path(demo.settings.organisation_logo).read_bytes()
    finally:
        moved.close()


def test_import_refuses_a_data_folder_that_holds_a_workspace(
        demo: Workspace, workspace: Workspace, clock: FakeClock, tmp_path: Path) -> None:
    archive = export_workspace(demo, tmp_path / "x.zip").path
    _post(workspace, "déjà là")
    before = _calendar(workspace)
    with pytest.raises(WorkspaceNotEmptyError, match=r"\(1 post, 0 accounts\)"):
        import_workspace(workspace.paths, archive, now=clock.now())
    assert _calendar(workspace) == before

    result = import_workspace(workspace.paths, archive, replace=True, now=clock.now())
    assert result.safety is not None
    assert read_manifest(result.safety.path).counts.posts == 1
    assert _calendar(workspace) == _calendar(demo)  # the open workspace sees the new data


def test_a_new_empty_database_counts_as_an_empty_data_folder(
        demo: Workspace, workspace: Workspace, clock: FakeClock, tmp_path: Path) -> None:
    archive = export_workspace(demo, tmp_path / "x.zip").path
    assert backups.workspace_contents(workspace.paths).empty  # opened once, nothing in it
    assert import_workspace(workspace.paths, archive, now=clock.now()).safety is None


# ------------------------------------------------------------------ refusals ---


def _rezip(source: Path, dest: Path, *, drop: str = "", change: dict[str, bytes] | None = None,
           add: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(dest, "w") as out:
        for info in src.infolist():
            if info.filename == drop:
                continue
            out.writestr(info, (change or {}).get(info.filename, src.read(info)))
        for name, data in (add or {}).items():
            out.writestr(name, data)
    return dest


def _flip_a_byte_inside(member: str, archive: Path, dest: Path) -> Path:
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as zf:
        info = zf.getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    dest.write_bytes(bytes(data))
    return dest


def test_a_corrupt_or_foreign_file_is_refused_and_changes_nothing(
        workspace: Workspace, tmp_path: Path) -> None:
    _post(workspace, "précieux")
    good = backup_now(workspace).path
    manifest = json.loads(zipfile.ZipFile(good).read(backup_archive.MANIFEST))
    newer = dict(manifest, format_version=backup_archive.FORMAT_VERSION + 1,
                 app_version="9.0")
    garbage = tmp_path / "vacances.zip"
    garbage.write_bytes(b"PK\x03\x04 this is not really a zip")
    foreign = tmp_path / "photos.zip"
    with zipfile.ZipFile(foreign, "w") as zf:
        zf.writestr("IMG_0001.jpg", b"...")
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    cases = {
        garbage: "not an ESS Planner",
        foreign: "not an ESS Planner",
        truncated: "not an ESS Planner|damaged",
        _flip_a_byte_inside(backup_archive.DATABASE, good, tmp_path / "flipped.zip"): "damaged",
        _rezip(good, tmp_path / "newer.zip",
               change={backup_archive.MANIFEST: json.dumps(newer).encode()}): "newer version",
        _rezip(good, tmp_path / "nodb.zip", drop=backup_archive.DATABASE): "not an ESS Planner",
        _rezip(good, tmp_path / "evil.zip", add={"media/../../settings.json": b"{}"}):
            "not an ESS Planner",
        _rezip(good, tmp_path / "notsqlite.zip",
               change={backup_archive.DATABASE: b"SQLite format 3\x00" + b"x" * 5000}):
            "damaged",
    }
    for path, message in cases.items():
        with pytest.raises(ArchiveError, match=message):
            restore_backup(workspace, path)
        with pytest.raises(ArchiveError, match=message):
            import_workspace(Paths.resolve(tmp_path / f"empty-{path.stem}"), path)
    with pytest.raises(NotFoundError, match="does not exist"):
        restore_backup(workspace, tmp_path / "missing.zip")
    assert [p.title for p in _all_posts(workspace)] == ["précieux"]
    assert not list(workspace.paths.backup_dir.glob("essplanner-safety-*"))  # nothing began


def test_a_backup_from_a_newer_schema_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    good = backup_now(workspace).path
    folder = tmp_path / "x"
    conn = _database_of(good, folder)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    future = _rezip(good, tmp_path / "future.zip", change={
        backup_archive.DATABASE: (folder / backup_archive.DATABASE).read_bytes()})
    with pytest.raises(ArchiveError, match="newer version"):
        restore_backup(workspace, future)


def test_a_full_disk_is_a_clear_message_and_leaves_no_half_file(
        workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _post(workspace, "x")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "write", full)
    with pytest.raises(StorageError, match="disk is full"):
        backup_now(workspace)
    with pytest.raises(StorageError, match="disk is full"):
        export_workspace(workspace, tmp_path / "x.zip")
    leftovers = [p.name for p in (*workspace.paths.backup_dir.iterdir(), *tmp_path.iterdir())
                 if p.name.startswith(".essplanner-")]
    assert leftovers == [] and not (tmp_path / "x.zip").exists()


def test_exporting_into_a_missing_folder_says_so(workspace: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="does not exist"):
        export_workspace(workspace, tmp_path / "nowhere" / "x.zip")


def test_manifest_round_trip() -> None:
    manifest = backup_archive.Manifest(
        kind=Kind.EXPORT, created_at=datetime(2026, 11, 27, 9, tzinfo=UTC), app_version="1.2",
        schema_revision="0002", counts=backup_archive.Counts(posts=3, media=1),
        upcoming=(backup_archive.UpcomingPost("Vœux", datetime(2027, 1, 5, 8, tzinfo=UTC)),),
        media_dir="/x/media", has_settings=True)
    raw = json.loads(io.StringIO(json.dumps(manifest.to_json())).read())
    assert backup_archive.Manifest.from_json(raw) == manifest


def test_a_full_disk_during_a_restore_leaves_the_workspace_as_it_was(
        workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    _post(workspace, "sauvegardé")
    made = backup_now(workspace)
    _post(workspace, "ensuite")

    def full(source: Path, target: Path) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backups, "install_database", full)
    with pytest.raises(StorageError, match="disk is full: the workspace was not replaced"):
        restore_backup(workspace, made.path)
    assert sorted(p.title for p in _all_posts(workspace)) == ["ensuite", "sauvegardé"]
