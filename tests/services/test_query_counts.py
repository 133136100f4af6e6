"""Every list loads its posts in a fixed number of queries, whatever their count (issue 18,
item 9): 5 posts and 50 posts cost the same number of SQL statements."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, insert

from essplanner import domain, models
from essplanner.cli.main import main
from essplanner.credentials import MemoryStore
from essplanner.services.calendar import attention_items, search
from essplanner.services.quickread import QuickReader
from essplanner.settings import Paths, Settings
from essplanner.workspace import Workspace
from tests.publishers.images import small_png


@contextmanager
def counting() -> Iterator[list[str]]:
    """Every SQL statement any engine sends while inside."""
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if not statement.lstrip().upper().startswith(("BEGIN", "PRAGMA", "COMMIT",
                                                      "ROLLBACK", "SAVEPOINT", "RELEASE")):
            seen.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", record)


def _workspace(folder: Path, count: int) -> Path:
    """``count`` posts in November 2026, each with two accounts (one published with an
    attempt, one failed), a persona, an objective with a KPI, and an image."""
    ws = Workspace.open(paths=Paths.resolve(folder), settings=Settings(timezone="Europe/Paris"),
                        secrets=MemoryStore())
    ws.settings.save(ws.paths.settings_file)
    try:
        a = ws.accounts.add(platform="dryrun", name="A", settings={"mimic": "bluesky"})
        b = ws.accounts.add(platform="dryrun", name="B", settings={"mimic": "mastodon"})
        persona = ws.personas.add(name="Marie", networks=["facebook"])
        objective = ws.objectives.add(name="Bénévoles")
        image = small_png(folder / "image.png")
        start = datetime(2026, 11, 2, 9, tzinfo=UTC)
        for i in range(count):
            ws.posts.create(domain.PostDraft(
                title=f"Appel aux bénévoles {i}", body="Rejoignez-nous",
                persona_ids=(persona.id,), objective_ids=(objective.id,),
                account_ids=(a.id, b.id),
                media=(domain.MediaInput(path=image, alt_text="logo"),)),
                scheduled_at=start + timedelta(hours=7 * i))
        now = datetime.now(UTC)
        with ws.db.write() as s:
            targets = s.query(models.Target).all()
            for t in targets:
                t.state = "published" if t.account_id == a.id else "failed"
            s.execute(insert(models.PublishAttempt), [
                {"target_id": t.id, "started_at": now, "outcome": "ok"} for t in targets])
    finally:
        ws.close()
    return folder


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    root = tmp_path_factory.mktemp("counts")
    return {n: _workspace(root / str(n), n) for n in (5, 50)}


def _statements(folder: Path, action: Callable[[Workspace], object]) -> int:
    ws = Workspace.open(paths=Paths.resolve(folder), secrets=MemoryStore())
    try:
        ws.personas.all()  # connections opened, pragmas sent: not what is counted
        with counting() as seen:
            action(ws)
        return len(seen)
    finally:
        ws.close()


def _cli(folder: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with counting() as seen:
        assert main(["--data-dir", str(folder), *args]) == 0
    return len(seen), capsys.readouterr().out


def test_post_list_json_is_a_constant_number_of_queries(
        folders: dict[int, Path], capsys: pytest.CaptureFixture[str]) -> None:
    few, out = _cli(folders[5], "post", "list", "--json", capsys=capsys)
    many, out_many = _cli(folders[50], "post", "list", "--json", capsys=capsys)
    posts = json.loads(out_many)
    assert len(posts) == 50 and len(json.loads(out)) == 5
    first = posts[0]
    assert first["personas"] == ["Marie"] and first["objectives"] == ["Bénévoles"]
    assert first["media"][0]["alt"] == "logo"
    assert [t["state"] for t in first["targets"]] == ["published", "failed"]
    assert all(len(t["attempts"]) == 1 for t in first["targets"])
    assert many == few, (few, many)


def test_export_is_a_constant_number_of_queries(
        folders: dict[int, Path], capsys: pytest.CaptureFixture[str]) -> None:
    few, _out = _cli(folders[5], "export", "csv", capsys=capsys)
    many, out_many = _cli(folders[50], "export", "csv", capsys=capsys)
    assert out_many.count("Appel aux bénévoles") == 50
    assert many == few, (few, many)


def test_search_and_needs_attention_are_a_constant_number_of_queries(
        folders: dict[int, Path]) -> None:
    def both(ws: Workspace) -> None:
        assert search(ws.db, "BENEVOLES").total in (5, 50)
        assert ws.posts.attention()
        assert attention_items(ws.db)

    assert _statements(folders[5], both) == _statements(folders[50], both)


def test_the_report_is_a_constant_number_of_queries(folders: dict[int, Path]) -> None:
    from essplanner.kpi.periods import DateRange
    from essplanner.kpi.report import build

    span = DateRange(datetime(2026, 11, 1).date(), datetime(2026, 12, 31).date())
    assert _statements(folders[5], lambda ws: build(ws, span)) == \
        _statements(folders[50], lambda ws: build(ws, span))


def test_quick_search_is_a_constant_number_of_queries(folders: dict[int, Path]) -> None:
    counts = []
    for n in (5, 50):
        quick = QuickReader.open(f"sqlite:///{folders[n] / 'essplanner.sqlite3'}")
        assert quick is not None
        seen: list[str] = []
        quick._db.set_trace_callback(seen.append)
        assert quick.search("bénévoles").total == n
        counts.append(len(seen))
        quick.close()
    assert counts[0] == counts[1]
