"""``essplanner event``, ``campaign``, ``import ics`` and ``import days``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from essplanner.cli.main import main
from tests.publishers.loopback import Handler, LoopbackServer
from tests.services.test_planning import days_file


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("ESSPLANNER_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "settings.json").write_text('{"timezone": "Europe/Paris"}')
    db = f"sqlite:///{tmp_path / 'x.db'}"

    def _run(*args: str) -> tuple[int, str, str]:
        code = main(["--lang", "en", "--db", db, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_events_and_campaigns(run) -> None:
    assert run("objective", "add", "Dons", "--kind", "donations")[0] == 0
    code, out, _err = run("campaign", "add", "Hiver", "--start", "2026-11-20",
                          "--end", "2026-12-05", "--objective", "Dons", "--json")
    assert code == 0
    assert json.loads(out)["colour"].startswith("#")
    code, out, _err = run("event", "add", "AG", "--start", "2026-11-28T14:00",
                          "--place", "Salle des fêtes", "--campaign", "Hiver", "--json")
    assert code == 0, _err
    ag = json.loads(out)
    assert ag["starts_at"] == "2026-11-28T13:00:00Z"
    assert ag["ends_at"] == "2026-11-28T15:00:00Z"
    code, out, _err = run("event", "add", "Collecte", "--start", "2026-11-27",
                          "--end", "2026-11-29", "--json")
    assert json.loads(out)["all_day"] is True
    code, out, _err = run("event", "list")
    assert "2026-11-28 14:00\tAG (Salle des fêtes)" in out
    assert "2026-11-27 → 2026-11-29\tCollecte" in out
    code, out, _err = run("campaign", "list", "--json")
    assert [c["name"] for c in json.loads(out)] == ["Hiver"]
    assert run("event", "remove", str(ag["id"]))[0] == 0
    assert "AG" not in run("event", "list")[1]
    code, _out, err = run("event", "add", "X", "--start", "2026-11-28", "--end", "2026-11-27")
    assert code == 2 and err.count("\n") == 1
    code, _out, err = run("event", "add", "X", "--start", "2026-11-28", "--campaign", "Nope")
    assert code == 2 and "Nope" in err


def test_import_ics_file_twice_and_malformed(run, tmp_path: Path) -> None:
    path = tmp_path / "days.ics"
    path.write_bytes(days_file())
    code, out, _err = run("import", "ics", str(path))
    assert code == 0
    assert out.startswith("3 days added, 0 updated, 0 already there, 1 event with a time")
    code, out, _err = run("import", "ics", str(path), "--json")
    assert json.loads(out) == {"added": 0, "updated": 0, "unchanged": 3, "skipped": 1}
    bad = tmp_path / "bad.ics"
    bad.write_text("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nnonsense here\n"
                   "END:VEVENT\nEND:VCALENDAR\n")
    code, out, err = run("import", "ics", str(bad))
    assert code == 2
    assert out == ""
    assert err.startswith("essplanner: Line 5: not an iCalendar line: nonsense here")
    assert err.count("\n") == 1 and "Traceback" not in err


class _Ics(Handler):
    def do_GET(self) -> None:
        self.send(200, raw=days_file(), content_type="text/calendar")


def test_import_ics_from_a_loopback_url_and_plain_http_refused(run) -> None:
    with LoopbackServer(_Ics) as server:
        code, out, err = run("import", "ics", f"{server.url}/days.ics", "--json")
    assert code == 0, err
    assert json.loads(out)["added"] == 3
    code, _out, err = run("import", "ics", "http://example.org/days.ics")
    assert code == 2 and "https" in err


def test_import_shipped_days(run) -> None:
    code, out, _err = run("import", "days", "--in", "fr", "--json")
    assert code == 0
    assert json.loads(out)["added"] >= 20
    code, out, _err = run("import", "days", "--in", "fr", "--json")
    assert json.loads(out)["added"] == 0
