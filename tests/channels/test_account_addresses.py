"""An account's addresses never carry a user name or password (``https://user:pw@host``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from channels.conftest import Cli
from essplanner.errors import ValidationError
from essplanner.settings import Paths
from essplanner.workspace import Workspace
from tests.helpers.memkeyring import MemoryKeyring

PASSWORD = "s3cretPW-4f9a"


def _files_holding(folder: Path, needle: str) -> list[str]:
    return [str(p) for p in folder.rglob("*")
            if p.is_file() and needle.encode() in p.read_bytes()]


@pytest.mark.parametrize("url", [f"https://alice:{PASSWORD}@mastodon.example",
                                 f"alice:{PASSWORD}@mastodon.example",
                                 f"https://{PASSWORD}@mastodon.example/"])
def test_an_api_url_with_credentials_is_refused_at_input_and_never_stored(
        url: str, cli: Cli, mem_keyring: MemoryKeyring) -> None:
    code, out, err = cli("account", "add", "mastodon", "--name", "Masto", "--api-url", url,
                         "--secret-stdin", stdin="token-123")
    assert code == 2
    assert err.count("\n") == 1, err  # one line, no traceback
    assert "https://mastodon.example contains a user name or password" in err
    assert PASSWORD not in out + err
    assert cli.json("account", "list") == []
    assert mem_keyring.store == {}
    assert _files_holding(cli.data, PASSWORD) == []


def test_a_setting_address_with_credentials_is_refused_at_input(
        cli: Cli, mem_keyring: MemoryKeyring) -> None:
    code, out, err = cli("account", "add", "telegram", "--name", "Canal", "--setting",
                         "chat_id=@asso", "--setting",
                         f"webdav_url=https://bob:{PASSWORD}@cloud.example/dav/",
                         "--secret-stdin", stdin="123:abc")
    assert code == 2
    assert "https://cloud.example contains a user name or password" in err
    assert PASSWORD not in out + err
    assert cli.json("account", "list") == []
    assert _files_holding(cli.data, PASSWORD) == []


def test_changing_an_account_to_an_address_with_credentials_is_refused(tmp_path: Path) -> None:
    ws = Workspace.open(paths=Paths.resolve(tmp_path / "data"))
    try:
        account = ws.accounts.add(platform="dryrun", name="Essai",
                                  api_url="https://example.org", settings={"a": "b"})
        with pytest.raises(ValidationError, match="contains a user name or password"):
            ws.accounts.update(account.id, api_url=f"https://u:{PASSWORD}@example.org")
        with pytest.raises(ValidationError, match="contains a user name or password"):
            ws.accounts.merge_settings(account.id,
                                       {"webdav_url": f"https://u:{PASSWORD}@example.org/"})
        kept = ws.accounts.get(account.id)
        assert kept.api_url == "https://example.org" and kept.settings == {"a": "b"}
        # Other changes still go through.
        assert ws.accounts.update(account.id, name="Essai 2").name == "Essai 2"
    finally:
        ws.close()
    assert _files_holding(tmp_path / "data", PASSWORD) == []
