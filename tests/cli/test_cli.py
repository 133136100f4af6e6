import json
import random
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from essplanner.cli.main import main


def _ahead(days: int) -> datetime:
    """09:00 UTC some days after the (possibly moved) real clock: the command line has no
    injected clock, so a fixed "future" date would become a past one some day."""
    return (datetime.now(UTC) + timedelta(days=days)).replace(hour=9, minute=0, second=0,
                                                                microsecond=0)


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


def test_post_add_with_persona_and_objective_then_list_json(run) -> None:
    assert run("persona", "add", "Marie", "--age", "72", "--networks", "facebook")[0] == 0
    assert run("objective", "add", "Dons", "--kind", "donations", "--kpi", "Dons reçus",
               "--target", "3000", "--unit", "€")[0] == 0
    code, out, _ = run("post", "add", "--text", "Bonjour", "--at", "2026-12-03T10:00:00+01:00",
                       "--persona", "Marie", "--objective", "Dons")
    assert code == 0
    post_id = int(out.strip())
    code, out, _ = run("post", "list", "--json")
    assert code == 0
    posts = json.loads(out)
    assert posts[0]["id"] == post_id
    assert posts[0]["scheduled_at"] == "2026-12-03T09:00:00Z"
    assert posts[0]["personas"] == ["Marie"] and posts[0]["objectives"] == ["Dons"]
    assert {"id", "title", "text", "scheduled_at", "personas", "objectives", "state",
            "targets"} <= set(posts[0])
    code, out, _ = run("post", "show", str(post_id), "--json")
    assert json.loads(out)["text"] == "Bonjour"


def test_unknown_persona_exits_2_and_names_the_known_ones(run) -> None:
    run("persona", "add", "Marie")
    run("persona", "add", "Karim")
    code, out, err = run("post", "add", "--text", "x", "--persona", "Zoé")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "Zoé" in err and "Karim, Marie" in err
    assert json.loads(run("post", "list", "--json")[1]) == []


def test_naive_time_is_read_in_the_configured_zone_and_said_so(run) -> None:
    code, out, err = run("post", "add", "--text", "x", "--at", "2026-12-03T10:00")
    assert code == 0
    assert "Europe/Paris" in err
    post = json.loads(run("post", "show", out.strip(), "--json")[1])
    assert post["scheduled_at"] == "2026-12-03T09:00:00Z"


def test_nonexistent_local_time_exits_2(run) -> None:
    code, _, err = run("post", "add", "--text", "x", "--at", "2027-03-28T02:30")
    assert code == 2
    assert "does not exist" in err


def test_bad_usage_exits_2_and_unknown_post_exits_2(run) -> None:
    with pytest.raises(SystemExit) as exc:
        run("post", "frobnicate")
    assert exc.value.code == 2
    code, _, err = run("post", "show", "999")
    assert code == 2 and "999" in err


def test_schedule_and_cancel_on_a_dryrun_account(run, tmp_path: Path) -> None:
    from essplanner.credentials import MemoryStore
    from essplanner.settings import Paths
    from essplanner.workspace import Workspace

    ws = Workspace.open(paths=Paths.resolve(tmp_path / "data"),
                        db_url=f"sqlite:///{tmp_path / 'x.db'}", secrets=MemoryStore())
    ws.accounts.add(platform="dryrun", name="Essai")
    ws.close()
    code, out, _ = run("post", "add", "--text", "Bonjour", "--account", "Essai",
                       "--at", _ahead(40).isoformat())
    assert code == 0
    post = json.loads(run("post", "show", out.strip(), "--json")[1])
    assert post["targets"][0]["state"] == "scheduled"
    assert post["targets"][0]["account"] == "Essai"
    code, _, _ = run("post", "schedule", out.strip(), "--at", _ahead(41).isoformat())
    assert code == 0
    assert run("post", "cancel", out.strip())[0] == 0
    post = json.loads(run("post", "show", out.strip(), "--json")[1])
    assert post["targets"][0]["state"] == "cancelled"
    code, out, _ = run("post", "list", "--state", "cancelled", "--json")
    assert len(json.loads(out)) == 1


def test_demo_load_then_db_upgrade_is_a_no_op(run) -> None:
    assert run("demo", "load")[0] == 0
    personas = json.loads(run("persona", "list", "--json")[1])
    assert [p["name"] for p in personas] == ["Karim", "Marie", "Sophie"]
    code, out, _ = run("db", "upgrade", "--json")
    assert code == 0 and json.loads(out)["upgraded"] is False
    code, _, err = run("demo", "load")
    assert code == 2 and "already loaded" in err


def test_the_command_line_does_not_import_qt(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from essplanner.cli.main import main\n"
        f"rc = main(['--data-dir', {str(tmp_path)!r}, 'post', 'list', '--json'])\n"
        "assert 'PySide6' not in sys.modules, 'Qt was imported'\n"
        "sys.exit(rc)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=Path(__file__).parents[2], timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_post_schedule_during_a_send_or_after_it_exits_2_and_changes_nothing(
        run, tmp_path: Path) -> None:

    from essplanner.credentials import MemoryStore
    from essplanner.domain import DeliveryState
    from essplanner.publishers.base import Receipt
    from essplanner.scheduler.outcome import Outcome, Result
    from essplanner.scheduler.store import DeliveryStore
    from essplanner.settings import Paths
    from essplanner.workspace import Workspace

    ws = Workspace.open(paths=Paths.resolve(tmp_path / "data"),
                        db_url=f"sqlite:///{tmp_path / 'x.db'}", secrets=MemoryStore())
    ws.accounts.add(platform="dryrun", name="Essai")
    due_at = _ahead(40)
    code, out, _ = run("post", "add", "--text", "Bonjour", "--account", "Essai",
                       "--at", due_at.isoformat())
    assert code == 0
    post_id = out.strip()
    store = DeliveryStore(ws.db, owner="svc")  # the publishing service's claim, as it does it
    [claim] = store.claim(store.due(due_at), due_at, due_at + timedelta(minutes=5))
    before = json.loads(run("post", "show", post_id, "--json")[1])
    assert before["targets"][0]["state"] == "publishing"

    code, out, err = run("post", "schedule", post_id, "--at", _ahead(41).isoformat())
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "is being published right now" in err
    assert json.loads(run("post", "show", post_id, "--json")[1]) == before

    store.finish(claim, Outcome(Result.PUBLISHED, DeliveryState.PUBLISHED,
                                receipt=Receipt("r1")), due_at)
    before = json.loads(run("post", "show", post_id, "--json")[1])
    assert before["targets"][0]["state"] == "published"
    code, out, err = run("post", "schedule", post_id, "--at", _ahead(41).isoformat())
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "already went out on Dry run; duplicate it instead" in err
    assert json.loads(run("post", "show", post_id, "--json")[1]) == before
    ws.close()


@pytest.mark.parametrize("content", [
    b"id;title\n1;Ceci n'est pas une base\n",
    random.Random(10).randbytes(8192),
], ids=["text", "random bytes"])
def test_a_file_that_is_not_a_database_is_named_in_one_line_and_left_untouched(
        run, tmp_path: Path, content: bytes) -> None:
    database = tmp_path / "x.db"
    database.write_bytes(content)
    for command in (("post", "list"), ("post", "add", "--text", "x"), ("db", "upgrade"),
                    ("export", "csv")):
        code, out, err = run(*command)
        assert (code, out) == (1, ""), command
        assert err == f"essplanner: {database} is not an ESS Planner database; it was left " \
                      "untouched.\n", command
    assert database.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "x.db"]


def test_post_add_repeat_makes_one_post_per_occurrence(run) -> None:
    assert run("account", "add", "dryrun", "--name", "Essai")[0] == 0
    first = _ahead(3).strftime("%Y-%m-%dT10:00")  # local time in Europe/Paris
    code, out, err = run("post", "add", "--text", "L'astuce", "--account", "Essai",
                         "--at", first, "--repeat", "RRULE:FREQ=WEEKLY;COUNT=3")
    assert code == 0, err
    assert "Repeats: Every " in err and "at 10:00, 3 times (3 posts made ahead)" in err
    posts = json.loads(run("post", "list", "--json")[1])
    assert len(posts) == 3 and int(out) == posts[0]["id"]
    assert all(t["state"] == "scheduled" for p in posts for t in p["targets"])
    code, _out, err = run("post", "add", "--text", "x", "--at", first, "--repeat",
                          "FREQ=HOURLY")
    assert code == 2 and "Traceback" not in err
    assert err.strip().splitlines()[-1] == ("essplanner: A repeat rule needs FREQ=DAILY, WEEKLY, "
                                            "MONTHLY or YEARLY.")
    code, _out, err = run("post", "add", "--text", "x", "--repeat", "FREQ=DAILY")
    assert code == 2 and "--repeat needs --at" in err
