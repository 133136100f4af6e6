"""No secret ever reaches the database file, the logs or ``--json`` output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from channels.conftest import Cli
from essplanner.channels.accounts import context_for, find_account
from essplanner.publishers.base import PublishRequest
from essplanner.publishers.mastodon import MastodonPublisher
from essplanner.publishers.telegram import TelegramPublisher
from essplanner.settings import Paths
from essplanner.workspace import Workspace
from tests.helpers.memkeyring import MemoryKeyring


def _all_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.expect_log(r"^publishing failed$", logger="essplanner.publishers.telegram")
def test_secrets_stay_in_the_keyring(cli: Cli, mem_keyring: MemoryKeyring, telegram,
                                     mastodon) -> None:
    tg, tg_url = telegram
    masto, masto_url = mastodon
    outputs: list[str] = []
    code, out, err = cli("-vvv", "account", "add", "telegram", "--name", "Canal", "--api-url",
                         tg_url, "--setting", "chat_id=@asso_energie", "--secret-stdin",
                         "--check", "--json", stdin=tg.token)
    assert code == 0, err
    outputs += [out, err]
    code, out, err = cli("-vvv", "account", "add", "mastodon", "--name", "Masto", "--api-url",
                         masto_url, "--secret-stdin", "--check", "--json", stdin=masto.token)
    assert code == 0, err
    outputs += [out, err]
    for args in (["account", "list"], ["account", "check", "Canal"],
                 ["account", "check", "Masto"], ["account", "platforms"]):
        code, out, err = cli("-vvv", *args, "--json")
        assert code == 0, err
        json.loads(out)
        outputs += [out, err]

    # Publish on both through the workspace's own contexts (keyring secret, real logging).
    ws = Workspace.open(paths=Paths.resolve(cli.data))
    try:
        for name, publisher in (("Canal", TelegramPublisher()), ("Masto", MastodonPublisher())):
            account = find_account(ws, name)
            context = context_for(ws, account)
            request = PublishRequest(target_id=1, post_id=1, account=context.account,
                                     text="Bonjour", idempotency_key="3kabcdefghijk")
            publisher.publish(request, context)
            context.logger.info("published with context %r", context)  # a careless log line
            context.http.close()
        # A failure, logged with its traceback, as the service would.
        tg.channels["@asso_energie"].bot_status = "left"
        account = find_account(ws, "Canal")
        context = context_for(ws, account)
        try:
            TelegramPublisher().publish(PublishRequest(1, 1, context.account, "x", "k"), context)
        except Exception:
            context.logger.exception("publishing failed")
    finally:
        ws.close()

    secrets = [tg.token, tg.token.split(":", 1)[1], masto.token]
    files = _all_bytes(cli.data)
    assert "essplanner.sqlite3" in files and any(p.startswith("logs/") for p in files)
    log_text = b"".join(v for k, v in files.items() if k.startswith("logs/"))
    assert b"sendMessage" in log_text and b"/api/v1/statuses" in log_text  # logs were written
    for secret in secrets:
        for name, content in files.items():  # database, -wal, -shm, logs, settings, journals
            assert secret.encode() not in content, f"{secret[:6]}… found in {name}"
        for text in outputs:
            assert secret not in text
