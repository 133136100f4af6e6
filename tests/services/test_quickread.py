"""The start-up reader (stdlib sqlite3) gives exactly what the SQLAlchemy query gives."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PIL import Image
from sqlalchemy import text, update

from essplanner import domain, models
from essplanner.demo.loader import load_demo
from essplanner.services.calendar import entries, entries_by_id, has_posts
from essplanner.services.quickread import QuickReader, schema_heads, sqlite_path
from essplanner.storage import head_revision
from essplanner.workspace import Workspace

WIDE = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))


def test_both_readers_agree(workspace: Workspace, tmp_path: Path) -> None:
    reader = QuickReader.open(workspace.db.url)
    assert reader is not None
    try:
        assert not reader.has_posts() and not has_posts(workspace.db)
        load_demo(workspace, lang="fr")
        image = tmp_path / "a.png"
        Image.new("RGB", (8, 8), "red").save(image)
        account = workspace.accounts.all()[0]
        workspace.posts.create(domain.PostDraft(
            body="avec image", account_ids=(account.id,),
            media=(domain.MediaInput(str(image), "un carré rouge"),)),
            scheduled_at=datetime(2026, 12, 24, 17, 30, tzinfo=UTC), schedule=True)
        workspace.posts.create(domain.PostDraft(title="sans date", body="…"))
        with workspace.db.write() as s:
            s.execute(update(models.Target).where(models.Target.id == 1).values(
                state="failed", last_error="refusé"))
        assert reader.entries(*WIDE) == entries(workspace.db, *WIDE)
        assert reader.entries(*WIDE, include_unscheduled=True) == entries(
            workspace.db, *WIDE, include_unscheduled=True)
        november = (datetime(2026, 10, 31, 23, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC))
        assert reader.entries(*november) == entries(workspace.db, *november)
        assert [e.post_id for e in reader.entries(*november)] == [
            e.post_id for e in entries(workspace.db, *november)]
        ids = [1, 3, 5, 999]
        assert reader.entries_by_id(ids) == entries_by_id(workspace.db, ids)
        assert reader.has_posts()
        # the range is half-open at the same instant in both
        first = reader.entries(*WIDE)[0].scheduled_at
        assert first is not None
        assert [e.scheduled_at for e in reader.entries(first, first + timedelta(seconds=1))] \
            and reader.entries(first - timedelta(seconds=1), first) == []
    finally:
        reader.close()


def test_the_reader_is_only_used_on_a_current_sqlite_file(workspace: Workspace,
                                                          tmp_path: Path) -> None:
    assert schema_heads() == {head_revision(workspace.db)}
    assert QuickReader.open("postgresql+psycopg://u@localhost/x") is None
    assert QuickReader.open(f"sqlite:///{tmp_path / 'missing.sqlite3'}") is None
    assert sqlite_path("sqlite:///:memory:") is None
    with workspace.db.write() as s:  # a schema upgrade is pending: start the usual way
        s.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    assert QuickReader.open(workspace.db.url) is None


def test_the_calendar_read_model_chooses_sqlite3_and_falls_back_to_sqlalchemy(
        workspace: Workspace, monkeypatch) -> None:
    """The choice lives in services/calendar_reader.py, not in the window."""
    from essplanner.services import calendar_reader
    from essplanner.services.calendar_reader import CalendarReader

    workspace.posts.create(domain.PostDraft(title="sans date", body="…"))
    calendar = workspace.calendar
    assert calendar.complete and calendar.has_posts()
    assert calendar._quick is not None  # SQLite, schema current: the standard library
    quick = calendar.entries(*WIDE, include_unscheduled=True)
    assert quick == entries(workspace.db, *WIDE, include_unscheduled=True)
    calendar.close()
    assert calendar._quick is None
    # after closing, SQLAlchemy answers (same results); the quick reader is not reopened
    opened: list[str] = []
    monkeypatch.setattr(calendar_reader.QuickReader, "open",
                        classmethod(lambda cls, url: opened.append(url)))
    assert calendar.entries(*WIDE, include_unscheduled=True) == quick
    assert opened == []
    # before the workspace exists: the quick reader alone, no attention items yet
    assert CalendarReader.quick_only("postgresql+psycopg://u@localhost/x") is None
    monkeypatch.undo()
    early = CalendarReader.quick_only(workspace.db.url)
    assert early is not None and not early.complete
    try:
        assert early.entries(*WIDE, include_unscheduled=True) == quick
        assert early.attention_items() == []
    finally:
        early.close()


def _sqlite_memory_used() -> int:
    """Bytes SQLite holds in this process (its own counter, every connection)."""
    import _sqlite3
    import ctypes

    library = ctypes.CDLL(_sqlite3.__file__)
    library.sqlite3_memory_used.restype = ctypes.c_int64
    return int(library.sqlite3_memory_used())


def test_release_memory_hands_back_what_a_burst_of_reads_cached(workspace: Workspace) -> None:
    """After start-up the window empties the page caches its first reads filled (up to
    2 MB per connection); reads still work and fill them again."""
    with workspace.db.write() as s:
        s.execute(text("CREATE TABLE filler (id INTEGER PRIMARY KEY, blob TEXT)"))
        s.execute(text("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                       "WHERE i < 600) INSERT INTO filler (blob) "
                       "SELECT printf('%.3000c', 'x') FROM n"))
    calendar = workspace.calendar
    assert calendar.entries(*WIDE) == []  # opens the quick reader on this thread

    def fill() -> None:  # both the pool's connection and the quick reader read 1.8 MB
        with workspace.db.read() as s:
            assert s.execute(text("SELECT sum(length(blob)) FROM filler")).scalar() == 1_800_000
        reader = calendar._reader()
        assert reader is not None
        assert reader._db.execute("SELECT count(blob) FROM filler").fetchone() == (600,)

    fill()
    before = _sqlite_memory_used()
    calendar.release_memory()
    after = _sqlite_memory_used()
    assert before - after > 3_200_000, (before, after)  # about 2 MB each
    fill()  # still reads, through the same connections
    assert _sqlite_memory_used() - after > 2_000_000


def test_the_reader_answers_holdups_as_holdup_of_does(workspace: Workspace) -> None:
    """The reader skips ``holdup_of`` where nothing can hold a target up (published,
    cancelled, drafts; scheduled on an account in order, approved, never refused): for
    every combination, its badges say what ``holdup_of`` says."""
    import itertools

    from essplanner.domain import AccountBlock, DeliveryState, holdup_of

    load_demo(workspace, lang="fr")
    account = workspace.accounts.all()[0]
    post = workspace.posts.create(domain.PostDraft(title="t", body="b",
                                                   account_ids=(account.id,)))
    target_id = post.targets[0].id
    checked = 0
    for state, flagged, enabled, block, attempts, error, approval in itertools.product(
            DeliveryState, (False, True), (True, False), ("", AccountBlock.CREDITS.value),
            (0, 2), ("", "429 Too Many Requests"), (False, True)):
        with workspace.db.write() as s:
            s.execute(update(models.Account).where(models.Account.id == account.id).values(
                needs_reconnect=flagged, enabled=enabled, blocked_reason=block))
            s.execute(update(models.Target).where(models.Target.id == target_id).values(
                state=state.value, attempt_count=attempts, last_error=error))
            s.execute(text("DELETE FROM workspace_setting WHERE key = 'approval_required'"))
            if approval:
                s.execute(text("INSERT INTO workspace_setting (key, value) "
                               "VALUES ('approval_required', '1')"))
        reader = QuickReader.open(workspace.db.url)
        assert reader is not None
        try:
            [entry] = reader.entries_by_id([post.id])
        finally:
            reader.close()
        expected = holdup_of(state, needs_reconnect=flagged, enabled=enabled,
                             attempt_count=attempts, last_error=error, blocked=block,
                             awaiting_approval=approval)  # the post is not approved
        assert entry.targets[0].holdup is expected, (state, flagged, enabled, block,
                                                     attempts, error, approval)
        checked += 1
    assert checked == len(DeliveryState) * 64


def test_the_readers_builders_make_what_the_constructors_make() -> None:
    """The quick reader builds entries and badges with positional(): objects equal to the
    constructors', as frozen, hashed alike, with the same computed status."""
    import dataclasses
    import pickle

    import pytest

    from essplanner.services.calendar import (
        CalendarEntry,
        TargetBadge,
        make_badge,
        make_entry,
        positional,
    )

    badge_values = (7, 2, "Compte", "bluesky", domain.DeliveryState.SCHEDULED, "",
                    domain.Holdup.RECONNECT)
    badge = make_badge(*badge_values)
    assert badge == TargetBadge(*badge_values) and type(badge) is TargetBadge
    entry_values = (3, 4, "Titre", "Texte", "https://example.org",
                    datetime(2027, 1, 5, 9, tzinfo=UTC), domain.EditorialState.APPROVED,
                    (badge,), (1, 2), (5,), 1, "v.mp4", "Campagne", 9, "FREQ=WEEKLY", "09:00")
    built, made = make_entry(*entry_values), CalendarEntry(*entry_values)
    assert built == made and hash(built) == hash(made) and repr(built) == repr(made)
    assert dataclasses.astuple(built) == dataclasses.astuple(made)
    assert built.status is made.status is domain.PostStatus.ATTENTION
    assert pickle.loads(pickle.dumps(built)) == made
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.title = "autre"  # type: ignore[misc]
    with pytest.raises(TypeError):
        make_entry(*entry_values[:-1])  # every field, none left to a default
    assert positional(TargetBadge).__qualname__ == "positional(TargetBadge)"
