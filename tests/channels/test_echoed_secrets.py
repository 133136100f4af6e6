"""A server that repeats the credentials it was sent in its error texts (issue 10, item 5).

Whatever it says is stored (``target.last_error``, ``publish_attempt.error``, the
account's reconnect reason), logged and printed; the secret must reach none of them.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest
from publishers.loopback import Handler, LoopbackServer

from channels.conftest import Cli
from essplanner import domain
from essplanner.channels.accounts import find_account
from essplanner.log import redact
from essplanner.scheduler import PublishingService
from essplanner.settings import Paths
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace
from tests.helpers.memkeyring import MemoryKeyring

BOT_TOKEN = "7012345678:AAF5wq1nD3Xg0-SVx9oHkzTqHkR4v8pPlMc"
# Not shaped like any known token: only knowing the secret itself can mask it.
MASTO_TOKEN = "Zk3/x+Q9=wT7~pLm2vRb"
T0 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


class EchoHandler(Handler):
    """Telegram's and Mastodon's paths; every answer is an error quoting the request."""

    def do_GET(self) -> None:
        self._echo()

    def do_POST(self) -> None:
        self.body()
        self._echo()

    def _echo(self) -> None:
        auth = self.headers.get("Authorization", "")
        said = f"{self.command} {self.path} with Authorization: {auth}"
        if self.route.startswith("/bot"):
            token = self.route.split("/")[1].removeprefix("bot")
            code = 401 if self.route.endswith("/getMe") else 400
            self.send(code, {"ok": False, "error_code": code, "description":
                             f"Bad Request: {said}; token={quote(token)}, {token}"})
            return
        token = auth.removeprefix("Bearer ")
        self.send(401, {"error": f"{said}: the access token {token} ({quote(token)}, "
                                 f"{quote_plus(token)}) is invalid"})


def _forms(secret: str) -> set[str]:
    return {secret, quote(secret, safe=""), quote_plus(secret)}


def _database_texts(database: Path) -> dict[str, list[str]]:
    """Every text value of every table, by ``table.column``."""
    found: dict[str, list[str]] = {}
    with sqlite3.connect(database) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
            for row in db.execute(f"SELECT * FROM {table}"):
                for column, value in zip(columns, row, strict=True):
                    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else value
                    if isinstance(text, str):
                        found.setdefault(f"{table}.{column}", []).append(text)
    return found


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.expect_log(
    r"^target \d+ \(post \d+[^)]*\) (on .+ (failed|unconfirmed|publishing): |missed: |was being sent by a service that stopped)",
    logger="essplanner.scheduler.service")
def test_an_echoed_token_reaches_no_row_no_file_and_no_output(
        cli: Cli, mem_keyring: MemoryKeyring) -> None:
    secrets = _forms(BOT_TOKEN) | _forms(BOT_TOKEN.split(":", 1)[1]) | _forms(MASTO_TOKEN)
    outputs: list[str] = []
    with LoopbackServer(EchoHandler) as server:
        for args, secret in (
                (["telegram", "--name", "Canal", "--setting", "chat_id=@asso"], BOT_TOKEN),
                (["mastodon", "--name", "Masto"], MASTO_TOKEN)):
            code, out, err = cli("account", "add", *args, "--api-url", server.url,
                                 "--secret-stdin", stdin=secret)
            assert code == 0, err
        cli("-vvv", "account", "list")  # the log file at DEBUG for the service below

        ws = Workspace.open(paths=Paths.resolve(cli.data), clock=FakeClock(T0))
        try:
            accounts = (find_account(ws, "Canal").id, find_account(ws, "Masto").id)
            post = ws.posts.create(domain.PostDraft(body="Bonjour", account_ids=accounts),
                                   scheduled_at=T0 + timedelta(minutes=1), schedule=True)
            ws.clock.advance(timedelta(minutes=2))  # type: ignore[attr-defined]
            counts = PublishingService(ws).run_once(timeout=60)
            assert counts["failed"] + counts["auth"] == 2, counts
            on_disk = _files(cli.data)  # with the -wal file of the open database
        finally:
            ws.close()
        for name in ("Canal", "Masto"):  # after publishing: a refused check flags the account
            for extra in ([], ["--json"]):
                code, out, err = cli("-vvv", "account", "check", name, *extra)
                outputs += [out, err]
                assert "Authorization" in out + err  # the server's words are shown...
    assert any(name.endswith("-wal") for name in on_disk)
    on_disk |= {f"closed/{k}": v for k, v in _files(cli.data).items()}

    for args in (["post", "list"], ["post", "show", str(post.id)], ["account", "list"]):
        for extra in ([], ["--json"]):
            code, out, err = cli(*args, *extra)
            assert code == 0, err
            outputs += [out, err]
    shown = json.loads(cli("post", "show", str(post.id), "--json")[1])
    errors = {t["platform"]: t["last_error"] for t in shown["targets"]}
    # ...and stored, but masked.
    assert "/bot***/sendMessage" in errors["telegram"]
    assert "Authorization: Bearer ***" in errors["mastodon"]
    assert all(a["error"] for t in shown["targets"] for a in t["attempts"])

    texts = _database_texts(cli.data / "essplanner.sqlite3")
    assert texts["target.last_error"] and texts["publish_attempt.error"]
    assert any(texts["account.reconnect_reason"])
    log_text = b"".join(v for k, v in on_disk.items() if "logs/" in k)
    assert b"sendMessage" in log_text and b"/api/v1/statuses" in log_text
    for secret in secrets:
        for where, values in texts.items():
            assert not any(secret in v for v in values), f"{secret[:6]}… in {where}"
        for name, content in on_disk.items():  # database, -wal, -shm, logs, journals
            assert secret.encode() not in content, f"{secret[:6]}… in {name}"
        for text in outputs:
            assert secret not in text, f"{secret[:6]}… printed"


def test_a_secret_known_to_the_caller_is_masked_in_every_form_it_comes_back_in() -> None:
    secret = "never-registered/+=~42"  # not in the process-wide list: given by the caller
    said = (f"raw {secret}; query {quote(secret, safe='')}; lower "
            f"{quote(secret, safe='').lower()}; form {quote_plus(secret)}; json "
            f"{json.dumps(secret)[1:-1].replace('/', chr(92) + '/')}")
    masked = redact(said, secrets=[secret, None])
    assert masked == "raw ***; query ***; lower ***; form ***; json ***"
    assert redact(said) != masked  # without it, only token-shaped strings are masked


def test_token_shaped_strings_are_masked_without_knowing_them() -> None:
    cases = {
        "GET /bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe":
            "GET /bot***/getMe",
        "POST /bot123456789%3AAAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage":
            "POST /bot***/sendMessage",
        "token 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw refused":
            "token 123456789:*** refused",
        "Authorization: Basic dXNlcjpwYXNz": "Authorization: Basic ***",
        '{"authorization": "Bot abc.def"}': '{"authorization": "Bot ***"}',
        "header Bearer eyJhbGciOiJIUzI1NiJ9 sent": "header Bearer *** sent",
        "https://x.example/cb?code=1&access_token=abc&state=2":
            "https://x.example/cb?code=1&access_token=***&state=2",
        "client_id=7&client_secret=s3cr3t&grant_type=password&password=hunter2":
            "client_id=7&client_secret=***&grant_type=password&password=***",
        "oauth?token=xyz": "oauth?token=***",
    }
    for text, expected in cases.items():
        assert redact(text) == expected
    ordinary = "Telegram refused the message: Bad Request: chat not found (HTTP 400)"
    assert redact(ordinary) == ordinary
