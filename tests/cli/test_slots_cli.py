"""``essplanner account slots`` and ``post add --queue`` / ``post queue``."""

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from essplanner.cli.main import main

PARIS = ZoneInfo("Europe/Paris")


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


def test_slots_are_set_listed_and_used_by_the_queue(run) -> None:
    assert run("account", "add", "dryrun", "--name", "Essai")[0] == 0
    code, out, _ = run("account", "slots", "Essai", "--set", "mon 09:00, mer 18h30")
    assert (code, out.strip()) == (0, "Essai: Mon 09:00, Wed 18:30")
    code, out, _ = run("account", "slots", "Essai", "--list", "--json")
    assert json.loads(out)["slots"] == [{"weekday": 0, "time": "09:00"},
                                        {"weekday": 2, "time": "18:30"}]

    # the command line has the real clock: check the slot's local time, not its date
    before = datetime.now(UTC)
    code, out, _ = run("post", "add", "--text", "Astuce", "--account", "Essai", "--queue")
    assert code == 0
    first = json.loads(run("post", "show", out.strip(), "--json")[1])
    when = datetime.fromisoformat(first["scheduled_at"].replace("Z", "+00:00"))
    local = when.astimezone(PARIS)
    assert (local.weekday(), local.strftime("%H:%M")) in {(0, "09:00"), (2, "18:30")}
    assert before < when < before + timedelta(days=8)
    assert first["targets"][0]["state"] == "scheduled"

    code, out, _ = run("post", "add", "--text", "Suite", "--account", "Essai")
    code, out, _ = run("post", "queue", out.strip(), "--json")
    second = json.loads(out)[0]
    assert second["scheduled_at"] > first["scheduled_at"]

    code, _, err = run("account", "slots", "Essai", "--set", "fri 12:00")
    assert code == 0
    assert "2 queued posts no longer sit on a slot" in err
    again = json.loads(run("post", "show", str(first["id"]), "--json")[1])
    assert again["scheduled_at"] == first["scheduled_at"]  # not moved


def test_queue_mistakes_are_one_line_messages(run) -> None:
    run("account", "add", "dryrun", "--name", "Essai")
    code, _, err = run("account", "slots", "Essai", "--set", "lundi 9h, jamais")
    assert code == 2 and err.count("\n") == 1 and "'jamais' is not a posting slot" in err
    code, _, err = run("post", "add", "--text", "x", "--account", "Essai", "--queue")
    assert code == 2 and "No free posting slot for Essai" in err
    code, _, err = run("post", "add", "--text", "x", "--queue")
    assert code == 2 and "--queue needs at least one --account" in err
    assert json.loads(run("post", "list", "--json")[1]) == []
