"""Pinterest through the publishing service, end to end on the command line: the account is
connected through the real OAuth flow against the fake Pinterest (``browser_login`` of the
accounts service, the board picked from its choices), then ``post add`` and
``service --once``. No secret reaches the database file, the logs or ``--json``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from PIL import Image

from essplanner.channels.accounts import browser_login
from essplanner.publishers.base import ClientApp
from essplanner.settings import Paths
from essplanner.workspace import Workspace
from publishers.fake_pinterest import FakePinterest, PinterestHandler
from publishers.loopback import LoopbackServer
from tests.publishers.meta import conftest as meta_fixtures

pytest.importorskip("essplanner.scheduler.service",
                    reason="the publishing service is not merged yet")

# the command-line runner on an in-memory keyring, as the Meta service tests use it
ring = meta_fixtures.ring
run = meta_fixtures.run

TEXT = "Cinq gestes simples pour baisser la facture d'électricité cet hiver"
NAME = "Pinterest asso"


@pytest.fixture
def live() -> Iterator[tuple[FakePinterest, str]]:
    """The fake Pinterest on the wall clock, like the command line's workspace."""
    fake = FakePinterest(now=lambda: datetime.now(UTC))
    with LoopbackServer(PinterestHandler, fake) as server:
        yield fake, f"{server.url}/v5"


def connect(run: Any, fake: FakePinterest, api: str) -> dict[str, str]:
    """Connect through the browser flow and store the account as the account dialog does."""
    code, _out, err = run("account", "list")  # creates the data folder and database
    assert code == 0, err

    def browser(url: str) -> None:
        threading.Thread(target=requests.get, args=(url,), kwargs={"timeout": 10},
                         daemon=True).start()

    ws = Workspace.open(paths=Paths.resolve(run.data))
    try:
        credentials = browser_login(ws, "pinterest", api, open_url=browser, timeout=20,
                                    client=ClientApp(fake.client_id, fake.client_secret))
        board = credentials.choices[0]
        ws.accounts.add(platform="pinterest", name=NAME, handle=credentials.handle,
                        api_url=api, secret=credentials.secret,
                        settings={**credentials.settings, credentials.choose: board.value},
                        extra_secrets=dict(credentials.vault))
    finally:
        ws.close()
    return {"access": credentials.secret, **credentials.vault}


def add_post(run: Any, tmp_path: Path) -> str:
    photo = tmp_path / "radiateur.jpg"
    Image.new("RGB", (600, 900), (200, 90, 40)).save(photo, "JPEG")
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    code, out, err = run("post", "add", "--title", "Astuces énergie", "--text", TEXT,
                         "--account", NAME, "--at", now, "--media", str(photo),
                         "--alt", "Un radiateur réglé sur 19 °C")
    assert code == 0, err
    return out.strip().split()[-1]


outputs: list[str] = []


def once(run: Any) -> dict[str, Any]:
    code, out, err = run("-vvv", "service", "--once", "--json")
    outputs.extend((out, err))
    assert code == 0, err
    return dict(json.loads(out.strip().splitlines()[-1]))


def target(run: Any, post_id: str) -> dict[str, Any]:
    code, out, err = run("post", "show", post_id, "--json")
    assert code == 0, err
    [found] = json.loads(out)["targets"]
    return dict(found)


def no_secret_anywhere(folder: Path, secrets: dict[str, str], outputs: list[str]) -> None:
    files = {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*")
             if p.is_file()}
    assert any(name.startswith("essplanner.sqlite3") for name in files)
    logs = b"".join(v for k, v in files.items() if k.startswith("logs/"))
    assert b"pinterest" in logs.lower()  # the logs were written
    for secret in secrets.values():
        for name, content in files.items():
            assert secret.encode() not in content, f"{secret[:6]}… found in {name}"
        for text in outputs:
            assert secret not in text


def test_a_lost_answer_is_found_by_lookup_and_the_board_holds_one_pin(
        run: Any, live: tuple[FakePinterest, str], tmp_path: Path) -> None:
    fake, api = live
    secrets = connect(run, fake, api)
    post_id = add_post(run, tmp_path)
    fake.drop_after_create = 1  # Pinterest creates the Pin, the answer is lost

    first = once(run)
    second = once(run) if first["published"] == 0 else {"published": 0}
    assert first["published"] + second["published"] == 1
    [pin] = fake.pins
    assert len(fake.pin_requests()) == 1  # never sent again
    found = target(run, post_id)
    assert found["state"] == "published", found
    assert found["remote_id"] == pin["id"]
    assert pin["alt_text"] == "Un radiateur réglé sur 19 °C"
    assert pin["title"] == "Astuces énergie"
    assert fake.calls("GET", f"/v5/boards/{pin['board_id']}/pins")  # found by lookup

    assert once(run)["published"] == 0
    assert len(fake.pins) == 1
    _code, out, err = run("-vvv", "account", "list", "--json")
    no_secret_anywhere(run.data, secrets, [out, err, *outputs])


@pytest.mark.expect_log(r"Pinterest asso.*Trial access", logger="essplanner.scheduler.service")
def test_trial_access_ends_blocked_with_the_clear_message_and_no_retry(
        run: Any, live: tuple[FakePinterest, str], tmp_path: Path) -> None:
    fake, api = live
    connect(run, fake, api)
    post_id = add_post(run, tmp_path)
    fake.trial = True

    assert once(run)["published"] == 0
    found = target(run, post_id)
    assert found["state"] == "failed", found
    assert "Trial access" in found["last_error"]
    code, out, err = run("account", "list", "--json")
    assert code == 0, err
    assert [a["blocked_reason"] for a in json.loads(out)] == ["access"]
    assert "Standard access" in found["last_error"]
    assert once(run)["published"] == 0
    assert len(fake.pin_requests()) == 1 and fake.pins == []


def test_429_waits_for_the_reset(run: Any, live: tuple[FakePinterest, str],
                                 tmp_path: Path) -> None:
    fake, api = live
    connect(run, fake, api)
    post_id = add_post(run, tmp_path)
    fake.rate_limited, fake.reset_seconds = 1, 600

    before = datetime.now(UTC)
    assert once(run)["published"] == 0
    found = target(run, post_id)
    assert found["state"] != "published" and found["state"] != "failed", found
    assert found["next_attempt_at"] is not None
    wait = (datetime.fromisoformat(found["next_attempt_at"]) - before).total_seconds()
    assert wait >= 590, found
    assert once(run)["published"] == 0
    assert len(fake.pin_requests()) == 1 and fake.pins == []
