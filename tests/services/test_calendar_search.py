"""Search over all dates (case and accents ignored) and the change watcher, on both read
paths: the standard library's sqlite3 and SQLAlchemy (PostgreSQL included)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from essplanner import domain
from essplanner.credentials import MemoryStore
from essplanner.services.calendar import fold, search
from essplanner.services.calendar_reader import CalendarReader
from essplanner.services.changes import ServerWatcher, SqliteWatcher, open_watcher
from essplanner.services.quickread import QuickReader
from essplanner.settings import Paths, Settings
from essplanner.workspace import Workspace


def _add(ws: Workspace, title: str, body: str = "", when: datetime | None = None) -> int:
    return ws.posts.create(domain.PostDraft(title=title, body=body), scheduled_at=when).id


def test_fold_drops_case_and_accents_on_both_sides() -> None:
    assert fold("Bénévoles") == fold("BENEVOLES") == "benevoles"
    assert fold("Œuvre à l'été") == "œuvre a l'ete"
    assert fold("ﬁn") == "fin"  # compatibility forms too (NFKD)


@pytest.fixture
def posts(workspace: Workspace) -> dict[str, int]:
    return {
        "march": _add(workspace, "Appel aux Bénévoles", "Rejoignez l'équipe",
                      datetime(2027, 3, 12, 9, tzinfo=UTC)),
        "dec": _add(workspace, "Collecte de dons", "Merci aux BENEVOLES de décembre",
                    datetime(2026, 12, 5, 9, tzinfo=UTC)),
        "undated": _add(workspace, "Idée", "bénévolat et été"),
        "other": _add(workspace, "Atelier vélo", "réparer", datetime(2026, 11, 1, 9,
                                                                      tzinfo=UTC)),
    }


def _readers(ws: Workspace) -> Iterator[tuple[str, CalendarReader]]:
    quick = QuickReader.open(ws.db.url)
    assert quick is not None
    yield "sqlite3", CalendarReader(quick=quick)
    slow = CalendarReader(ws.db)
    slow._try_quick = False  # SQLAlchemy, as on PostgreSQL
    yield "sqlalchemy", slow


def test_search_ignores_case_and_accents_over_every_date(workspace: Workspace,
                                                         posts: dict[str, int]) -> None:
    for name, reader in _readers(workspace):
        found = reader.search("benevoles")
        assert [e.post_id for e in found.entries] == [posts["dec"], posts["march"]], name
        assert found.total == 2 and not found.truncated
        assert [e.post_id for e in reader.search("ÉTÉ").entries] == [posts["undated"]], name
        # every word must be there, in any order
        assert [e.post_id for e in reader.search("équipe appel").entries] == [posts["march"]]
        assert reader.search("vélo bénévoles").total == 0
        assert reader.search("   ").total == 0
        reader.close()


def test_search_lists_the_first_ones_and_counts_them_all(workspace: Workspace) -> None:
    for day in range(1, 8):
        _add(workspace, f"Ménage {day}", when=datetime(2026, 1, day, tzinfo=UTC))
    for name, reader in _readers(workspace):
        found = reader.search("menage", limit=3)
        assert found.total == 7 and found.truncated, name
        assert [e.title for e in found.entries] == ["Ménage 1", "Ménage 2", "Ménage 3"]
        reader.close()


def test_sqlite_watcher_sees_commits_of_other_connections(workspace: Workspace,
                                                          tmp_path: Path) -> None:
    watcher = open_watcher(workspace.db.url, workspace.db)
    assert isinstance(watcher, SqliteWatcher)
    assert not watcher.changed()
    _add(workspace, "écrit par ce processus")  # another connection: the workspace's
    assert watcher.changed()
    assert not watcher.changed()  # said once
    other = sqlite3.connect(str(workspace.paths.database_file))
    other.execute("UPDATE post SET title = 'changé ailleurs'")
    other.commit()
    other.close()
    assert watcher.changed()
    watcher.close()


def test_reader_gives_a_watcher_before_and_after_the_full_workspace(
        workspace: Workspace) -> None:
    quick = CalendarReader.quick_only(workspace.db.url)
    assert quick is not None
    for reader in (quick, workspace.calendar):
        watcher = reader.watcher()
        assert watcher is not None
        _add(workspace, "x")
        assert watcher.changed()
        watcher.close()
    quick.close()


def test_server_watcher_fingerprint_sees_edits_and_deletions(workspace: Workspace) -> None:
    post_id = _add(workspace, "un")
    watcher = ServerWatcher(workspace.db)  # the generic fingerprint (not PostgreSQL here)
    assert not watcher.changed()
    post = workspace.posts.get(post_id)
    workspace.posts.update(post_id, domain.PostDraft(title="deux"),
                           expected_version=post.version)
    assert watcher.changed()
    workspace.posts.delete(post_id)
    assert watcher.changed()
    assert not watcher.changed()


@pytest.mark.peer
def test_search_and_watcher_on_postgresql(tmp_path: Path) -> None:
    from tests.conftest import need
    from tests.scheduler.sched_helpers import postgres_bindir, postgres_server

    need(postgres_bindir() is not None, "PostgreSQL server binaries (apt-get install postgresql)")
    with postgres_server() as server:
        url = server.create_database("search18")
        ws = Workspace.open(paths=Paths.resolve(tmp_path / "data"), db_url=url,
                            settings=Settings(timezone="Europe/Paris"), secrets=MemoryStore())
        try:
            march = _add(ws, "Appel aux Bénévoles", when=datetime(2027, 3, 1, tzinfo=UTC))
            assert [e.post_id for e in search(ws.db, "benevoles").entries] == [march]
            assert [e.post_id for e in ws.calendar.search("BÉNÉVOLES").entries] == [march]
            watcher = ws.calendar.watcher()
            assert isinstance(watcher, ServerWatcher)
            assert not watcher.changed()
            second = Workspace.open(paths=Paths.resolve(tmp_path / "other"), db_url=url,
                                    secrets=MemoryStore())
            try:
                _add(second, "d'un coéquipier")
            finally:
                second.close()
            assert watcher.changed()
            assert not watcher.changed()
        finally:
            ws.close()
