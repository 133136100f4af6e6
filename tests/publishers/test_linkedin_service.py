"""LinkedIn through the publishing service on the command line (``service --once``):
a lost answer proved by lookup, 426 blocking with no retry, 429 waiting for the reset.

The ``linkedin`` entry point must be installed (``pip install -e .``, or a dev dist-info
on the path before the project is reinstalled)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring
import pytest

from essplanner.cli.main import main
from essplanner.publishers.linkedin import LINKEDIN_VERSION
from essplanner.publishers.registry import Registry
from publishers.fake_linkedin import FakeLinkedIn
from tests.helpers.memkeyring import MemoryKeyring

PAGE = "urn:li:organization:2414183"
BODY = "Repair café samedi (10h-12h) : apportez vos objets cassés ! #réemploi"


@pytest.fixture
def fake() -> Iterator[FakeLinkedIn]:
    server = FakeLinkedIn(lambda: datetime.now(UTC))
    yield server
    server.stop()


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> Iterator[Any]:
    if "linkedin" not in Registry().platforms():
        pytest.skip("the linkedin entry point is not installed in this environment")
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    data = tmp_path / "data"

    def invoke(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(["--data-dir", str(data), "--lang", "en", *argv])
        out, err = capsys.readouterr()
        return code, out, err

    invoke.ring = ring  # type: ignore[attr-defined]
    invoke.data = data  # type: ignore[attr-defined]
    yield invoke
    keyring.set_keyring(previous)


def schedule(run: Any, fake: FakeLinkedIn) -> str:
    token = fake.add_token()
    code, _out, err = run("account", "add", "linkedin", "--name", "Page asso", "--api-url",
                          fake.url, "--setting", f"organization={PAGE}", "--secret-stdin",
                          stdin=token)
    assert code == 0, err
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    code, out, err = run("post", "add", "--text", BODY, "--account", "Page asso", "--at", now)
    assert code == 0, err
    return out.strip().split()[-1]


def target(run: Any, post_id: str) -> dict[str, Any]:
    code, out, err = run("post", "show", post_id, "--json")
    assert code == 0, err
    [item] = json.loads(out)["targets"]
    return dict(item)


def once(run: Any) -> dict[str, Any]:
    code, out, err = run("service", "--once", "--json")
    assert code == 0, err
    return dict(json.loads(out.strip().splitlines()[-1]))


def test_a_lost_answer_is_proved_by_lookup_and_the_page_holds_one_post(run, fake) -> None:
    post_id = schedule(run, fake)
    fake.drop_after("POST", r"^/rest/posts$")
    assert once(run)["published"] == 1
    [post] = fake.posts
    item = target(run, post_id)
    assert item["state"] == "published" and item["remote_id"] == post.urn
    assert len(fake.calls("POST", r"^/rest/posts$")) == 1
    assert len(fake.calls("GET", r"^/rest/posts\?.*q=author")) == 1
    assert once(run)["published"] == 0
    assert len(fake.posts) == 1


@pytest.mark.expect_log(r"needs an update", logger="essplanner.scheduler.service")
def test_426_ends_blocked_with_the_update_message_and_is_not_retried(run, fake) -> None:
    post_id = schedule(run, fake)
    fake.versions.discard(LINKEDIN_VERSION)
    once(run)
    item = target(run, post_id)
    assert item["state"] == "failed", item
    assert "this version of ESS Planner needs an update" in item["last_error"]
    code, out, err = run("account", "list", "--json")
    assert code == 0, err
    assert [a["blocked_reason"] for a in json.loads(out)] == ["update"]
    once(run)
    assert len(fake.calls("POST", r"^/rest/posts$")) == 1 and fake.posts == []


def test_429_waits_for_linkedins_daily_reset(run, fake) -> None:
    post_id = schedule(run, fake)
    fake.daily_limit = 0
    once(run)
    item = target(run, post_id)
    assert item["state"] == "scheduled", item
    assert "daily limit" in item["last_error"]
    fake.daily_limit = None
    once(run)  # not due before midnight UTC: nothing is sent
    assert fake.posts == [] and len(fake.calls("POST", r"^/rest/posts$")) == 1


def test_the_access_token_never_reaches_the_database_logs_or_json(run, fake) -> None:
    token = fake.add_token()
    outputs: list[str] = []
    code, out, err = run("-vvv", "account", "add", "linkedin", "--name", "Page asso",
                         "--api-url", fake.url, "--setting", f"organization={PAGE}",
                         "--secret-stdin", "--check", "--json", stdin=token)
    assert code == 0, err
    outputs += [out, err]
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    code, out, err = run("-vvv", "post", "add", "--text", BODY, "--account", "Page asso",
                         "--at", now)
    assert code == 0, err
    post_id = out.strip().split()[-1]
    fake.drop_after("POST", r"^/rest/posts$")
    for args in (["service", "--once", "--json"], ["post", "show", post_id, "--json"],
                 ["account", "list", "--json"], ["account", "check", "Page asso", "--json"]):
        code, out, err = run("-vvv", *args)
        assert code == 0, err
        outputs += [out, err]
    assert json.loads(outputs[-2])["ok"] is True  # outputs[-1] is the debug log
    files = [p.read_bytes() for p in run.data.rglob("*") if p.is_file()]  # type: ignore[attr-defined]
    assert files
    for blob in [*(o.encode() for o in outputs), *files]:
        assert token.encode() not in blob
