"""The X publisher through the publishing service, on the command line: ``account add x``
→ ``post add`` → ``service --once``, against the fake X API (real ``requests``):
a create whose answer is lost is found by the look-up, never sent twice; a 402 (no
credits) ends the post at once with a clear message and no retry; a 429 waits for the
reset X announced.

The X plugin is registered through the ``essplanner.publishers`` entry point; these
tests are skipped where the installed metadata does not list it yet.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import keyring
import pytest

from essplanner.cli.main import main
from publishers.fake_x import FakeX
from tests.helpers.memkeyring import MemoryKeyring

pytest.importorskip("essplanner.scheduler.service")

BODY = "Vide-grenier solidaire dimanche, place de la Mairie 🧺 #quartier https://asso.example/vg"
ACCOUNT = "X asso"


def _x_registered() -> bool:
    return any(p.name == "x" for p in entry_points(group="essplanner.publishers"))


pytestmark = pytest.mark.skipif(not _x_registered(),
                                reason="the x entry point is not installed yet")


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        ring: MemoryKeyring) -> Any:
    data = tmp_path / "data"

    def invoke(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(["--data-dir", str(data), "--lang", "en", *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


@pytest.fixture
def fake() -> Iterator[FakeX]:
    server = FakeX(now=lambda: datetime.now(UTC)).start()  # the command line's wall clock
    yield server
    server.stop()


def connect_and_schedule(run: Any, fake: FakeX) -> str:
    client_id = fake.add_client()
    access, _refresh = fake.issue(client_id)
    code, _out, err = run("account", "add", "x", "--name", ACCOUNT, "--api-url", fake.url,
                          "--setting", f"client_id={client_id}", "--secret-stdin",
                          stdin=f"{access}\n")
    assert code == 0, err
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    code, out, err = run("post", "add", "--text", BODY, "--account", ACCOUNT, "--at", now)
    assert code == 0, err
    return out.strip().split()[-1]


def target(run: Any, post_id: str) -> dict[str, Any]:
    code, out, err = run("post", "show", post_id, "--json")
    assert code == 0, err
    [only] = json.loads(out)["targets"]
    return only  # type: ignore[no-any-return]


def blocked_reasons(run: Any) -> list[str]:
    """Each account's named block (``account list --json``)."""
    code, out, err = run("account", "list", "--json")
    assert code == 0, err
    return [a["blocked_reason"] for a in json.loads(out)]


def service(run: Any) -> dict[str, Any]:
    code, out, err = run("service", "--once", "--json")
    assert code == 0, err
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_a_lost_answer_ends_with_one_post_found_by_the_look_up(run: Any, fake: FakeX) -> None:
    post_id = connect_and_schedule(run, fake)
    fake.after_create = ["drop"]  # X creates the post, the answer never arrives

    service(run)
    for _ in range(3):  # however many runs the service needs to settle it
        if target(run, post_id)["state"] == "published":
            break
        service(run)
    [tweet] = fake.posts()
    settled = target(run, post_id)
    assert settled["state"] == "published", settled
    assert settled["remote_id"] == tweet["id"]
    assert fake.count("POST", "/2/tweets") == 1
    assert fake.count("GET", r"/2/users/\d+/tweets") >= 1  # proven by the look-up

    assert service(run)["published"] == 0
    assert fake.count("POST", "/2/tweets") == 1 and len(fake.posts()) == 1


@pytest.mark.expect_log(r"failed: The X developer account has no credits left",
                        logger="essplanner.scheduler")
def test_no_credits_ends_the_post_with_a_clear_message_and_no_retry(run: Any,
                                                                    fake: FakeX) -> None:
    post_id = connect_and_schedule(run, fake)
    fake.credits = 0
    service(run)
    ended = target(run, post_id)
    assert ended["state"] == "failed", ended
    assert "no credits left" in ended["last_error"]
    assert blocked_reasons(run) == ["credits"]  # the account waits, named, until "try again"
    service(run)
    assert fake.count("POST", "/2/tweets") == 1 and fake.posts() == []


def test_a_429_waits_for_the_reset_x_announced(run: Any, fake: FakeX) -> None:
    post_id = connect_and_schedule(run, fake)
    reset = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=14)
    fake.limit_window = (0, reset)
    service(run)
    waiting = target(run, post_id)
    assert waiting["state"] not in ("published", "failed"), waiting
    next_at = datetime.fromisoformat(waiting["next_attempt_at"].replace("Z", "+00:00"))
    assert next_at >= reset - timedelta(seconds=1)
    service(run)  # not due yet: nothing sent again
    assert fake.count("POST", "/2/tweets") == 1 and fake.posts() == []
