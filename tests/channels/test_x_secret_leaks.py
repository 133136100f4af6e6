"""No X token (access, refresh, rotated refresh, renewed access) reaches the database file,
the logs or ``--json`` output: browser login, ``account check``, a post sent by the
service with a token renewal on the way (sibling of ``test_no_secret_leaks``)."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import requests
from publishers.fake_x import FakeX

from channels.conftest import Cli
from essplanner.channels import accounts
from essplanner.publishers.base import ClientApp
from essplanner.publishers.http import HttpClient
from essplanner.publishers.x import XPublisher
from essplanner.settings import Paths
from essplanner.workspace import Workspace
from tests.helpers.memkeyring import MemoryKeyring

pytestmark = pytest.mark.skipif(
    not any(p.name == "x" for p in entry_points(group="essplanner.publishers")),
    reason="the x entry point is not installed yet")


@pytest.fixture
def fake() -> Iterator[FakeX]:
    server = FakeX(now=lambda: datetime.now(UTC)).start()
    yield server
    server.stop()


def _all_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_x_tokens_stay_in_the_keyring(cli: Cli, mem_keyring: MemoryKeyring,
                                      fake: FakeX) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    fake.callback = f"http://127.0.0.1:{port}/callback"
    client_id = fake.add_client()

    def browser(url: str) -> None:
        threading.Thread(target=requests.get, args=(url,), kwargs={"timeout": 10},
                         daemon=True).start()

    http = HttpClient()
    credentials = XPublisher(redirect_port=port).browser_login(
        api_url=fake.url, http=http, open_url=browser, timeout=20,
        client=ClientApp(client_id))
    http.close()
    ws = Workspace.open(paths=Paths.resolve(cli.data))
    try:
        accounts.add_account(ws, platform="x", name="X asso", secret=credentials.secret,
                             handle=credentials.handle, api_url=fake.url,
                             settings=credentials.settings, extra_secrets=credentials.vault)
    finally:
        ws.close()

    outputs: list[str] = []
    for args in (["account", "list"], ["account", "check", "X asso"]):
        code, out, err = cli("-vvv", *args, "--json")
        assert code == 0, err
        json.loads(out)
        outputs += [out, err]
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    code, out, err = cli("-vvv", "post", "add", "--text", "Bonjour le quartier",
                         "--account", "X asso", "--at", now)
    assert code == 0, err
    outputs += [out, err]
    fake.access.clear()  # X ended the access token: the service renews it, rotating
    code, out, err = cli("-vvv", "service", "--once", "--json")
    assert code == 0, err
    outputs += [out, err]
    assert len(fake.posts()) == 1 and len(fake.used_refresh) == 1

    tokens = [credentials.secret, *credentials.vault.values(), *fake.refresh, *fake.access]
    assert len(tokens) == 4  # login access + refresh, renewed access + rotated refresh
    files = _all_bytes(cli.data)
    log_text = b"".join(v for k, v in files.items() if k.startswith("logs/"))
    assert b"/2/tweets" in log_text and b"/2/oauth2/token" in log_text  # logs were written
    for token in tokens:
        for name, content in files.items():
            assert token.encode() not in content, f"{token[:6]}… found in {name}"
        for text in outputs:
            assert token not in text
    # ...and the rotated refresh token is where the next run will look for it
    [rotated] = fake.refresh
    assert rotated in mem_keyring.store.values()
