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


def test_a_client_secret_stays_in_the_keyring(cli: Cli, mem_keyring: MemoryKeyring,
                                              tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The developer app's client secret typed for X, LinkedIn or Pinterest: never in the
    database, the logs, ``--json`` output, nor a workspace export."""
    import zipfile

    from channels.oauthy import REFRESH, TOKEN

    info = tmp_path / "plugins" / "essplanner_oauthy_test-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: essplanner-oauthy-test\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        "[essplanner.publishers]\noauthy = channels.oauthy:OauthyPublisher\n")
    monkeypatch.syspath_prepend(str(tmp_path / "plugins"))
    monkeypatch.setattr("webbrowser.open", lambda url: True)
    client_secret = "cs-leak-check-5a4b3c2d1e0f9a8b"
    outputs: list[str] = []
    code, out, err = cli("-vvv", "account", "add", "oauthy", "--name", "Asso", "--browser",
                         "--client-id", "cid-1", "--client-secret-stdin", "--choice", "101",
                         "--check", "--json", stdin=client_secret + "\n")
    assert code == 0, err
    outputs += [out, err]
    for args in (["account", "list"], ["account", "check", "Asso"], ["post", "list"]):
        code, out, err = cli("-vvv", *args, "--json")
        assert code == 0, err
        outputs += [out, err]
    export = tmp_path / "export.zip"
    code, out, err = cli("-vvv", "workspace", "export", str(export), "--json")
    assert code == 0, err
    outputs += [out, err]
    with zipfile.ZipFile(export) as archive:
        exported = {name: archive.read(name) for name in archive.namelist()}
    assert mem_keyring.get_password("essplanner", "1/client_secret") == client_secret
    files = _all_bytes(cli.data)
    assert any(p.startswith("logs/") for p in files)
    for secret in (client_secret, TOKEN, REFRESH):
        for name, content in {**files, **exported}.items():
            assert secret.encode() not in content, f"{secret[:6]}… found in {name}"
        for text in outputs:
            assert secret not in text
