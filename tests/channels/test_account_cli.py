"""``essplanner account ...`` against the fake platforms, with secrets in a keyring backend."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from channels.conftest import Cli
from tests.helpers.memkeyring import MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]


def _secrets(backend: MemoryKeyring) -> dict[str, str]:
    return {user: value for (service, user), value in backend.store.items()
            if service == "essplanner"}


def test_add_check_reconnect_remove_a_telegram_channel(cli: Cli, mem_keyring: MemoryKeyring,
                                                       telegram) -> None:
    fake, url = telegram
    code, out, err = cli("account", "add", "telegram", "--name", "Canal", "--api-url", url,
                         "--setting", "chat_id=@asso_energie", "--secret-stdin",
                         stdin=fake.token + "\n")
    assert code == 0, err
    [account] = cli.json("account", "list")
    assert account["settings"] == {"chat_id": "@asso_energie"}
    assert _secrets(mem_keyring) == {str(account["id"]): fake.token}

    checked = cli.json("account", "check", "Canal")
    assert checked["ok"] is True and checked["account"]["handle"] == "@asso_energie"
    assert checked["account"]["settings"]["bot_username"] == "asso_poster_bot"

    fake.token = "7012345678:AAnewTOKENafterREVOKEjustNOW1234567"  # revoked in @BotFather
    code, out, err = cli("account", "check", "Canal")
    assert code == 1
    assert "credentials were refused" in out and "account reconnect Canal" in out
    [flagged] = cli.json("account", "list")
    assert flagged["needs_reconnect"] is True and "Unauthorized" in flagged["reconnect_reason"]

    code, _out, err = cli("account", "reconnect", "Canal", "--secret-stdin", "--check",
                          stdin=fake.token)
    assert code == 0, err
    [fixed] = cli.json("account", "list")
    assert fixed["needs_reconnect"] is False and fixed["reconnect_reason"] == ""
    assert _secrets(mem_keyring) == {str(account["id"]): fake.token}

    code, out, _err = cli("account", "remove", "Canal")
    assert code == 0 and "deleted from the keyring" in out
    assert cli.json("account", "list") == []
    assert _secrets(mem_keyring) == {}


def test_removing_an_account_deletes_every_secret_it_had(cli: Cli, mem_keyring: MemoryKeyring,
                                                          mastodon) -> None:
    fake, url = mastodon
    assert cli("account", "add", "mastodon", "--name", "Masto", "--api-url", url,
               "--secret-stdin", stdin=fake.token)[0] == 0
    [account] = cli.json("account", "list")
    # What publishers keep next to the main secret (a session, an OAuth client secret):
    for key in ("session", "app_secret"):
        mem_keyring.set_password("essplanner", f"{account['id']}/{key}", f"v-{key}")
    assert len(_secrets(mem_keyring)) == 3
    assert cli("account", "remove", "Masto")[0] == 0
    assert _secrets(mem_keyring) == {}


def test_missing_fields_and_secrets_in_arguments_are_refused(cli: Cli,
                                                             mem_keyring: MemoryKeyring) -> None:
    code, _out, err = cli("account", "add", "telegram", "--name", "T", "--secret-stdin",
                          stdin="123:abc")
    assert code == 2 and "Channel" in err
    code, _out, err = cli("account", "add", "mastodon", "--name", "M", "--secret-stdin",
                          stdin="tok")
    assert code == 2 and "Instance" in err
    code, _out, err = cli("account", "add", "bluesky", "--name", "B", "--handle", "a.bsky.social",
                          "--secret", "abcd-efgh")  # no such option: never in argv
    assert code == 2 and "unrecognized arguments" in err
    code, _out, err = cli("account", "add", "bluesky", "--name", "B", "--handle",
                          "a.bsky.social", "--secret-stdin", stdin="\n")
    assert code == 2 and "Nothing was read" in err
    code, _out, err = cli("account", "add", "mastodon", "--name", "M", "--api-url",
                          "http://mastodon.example", "--secret-stdin", stdin="tok")
    assert code == 2 and "plain http" in err
    code, _out, err = cli("account", "add", "myspace", "--name", "X")
    assert code == 2 and "bluesky" in err
    assert cli.json("account", "list") == []
    assert _secrets(mem_keyring) == {}


def test_with_no_keyring_backend_add_fails_clearly_and_stores_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
           "ESSPLANNER_DATA_DIR": str(data)}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "essplanner", "--lang", "en", *args],
                              input=stdin, capture_output=True, text=True, env=env, cwd=ROOT,
                              timeout=120)

    added = run("account", "add", "bluesky", "--name", "Bluesky", "--handle",
                "asso.bsky.social", "--secret-stdin", stdin="abcd-efgh-ijkl-mnop\n")
    assert added.returncode == 1
    assert added.stderr.count("\n") == 1
    assert "No keyring is available" in added.stderr and "nothing was stored" in added.stderr
    listed = run("account", "list", "--json")
    assert listed.returncode == 0 and listed.stdout.strip() == "[]"
    with sqlite3.connect(data / "essplanner.sqlite3") as db:
        assert db.execute("select count(*) from account").fetchone() == (0,)
    # An account without a secret (the dry run) is still fine.
    assert run("account", "add", "dryrun", "--name", "Essai").returncode == 0


def test_platforms_lists_what_each_needs(cli: Cli) -> None:
    listed = cli.json("account", "platforms")
    names = [p["platform"] for p in listed["platforms"]]
    assert names == ["bluesky", "dryrun", "facebook", "instagram", "linkedin", "mastodon",
                     "pinterest", "telegram", "threads", "tiktok", "x", "youtube"]
    telegram = next(p for p in listed["platforms"] if p["platform"] == "telegram")
    assert [f["key"] for f in telegram["fields"]] == ["secret", "chat_id", "api_url"]
    assert listed["failures"] == {}


def test_platform_field_labels_and_help_are_translated() -> None:
    from essplanner.i18n import set_language
    from essplanner.publishers.bluesky.publisher import BlueskyPublisher
    from essplanner.publishers.i18n import _catalog
    from essplanner.publishers.linkedin import LinkedInPublisher
    from essplanner.publishers.mastodon import MastodonPublisher
    from essplanner.publishers.meta.facebook import FacebookPublisher
    from essplanner.publishers.meta.instagram import InstagramPublisher
    from essplanner.publishers.meta.threads import ThreadsPublisher
    from essplanner.publishers.pinterest import PinterestPublisher
    from essplanner.publishers.telegram import TelegramPublisher
    from essplanner.publishers.tiktok import TikTokPublisher
    from essplanner.publishers.x import XPublisher

    set_language("fr")
    catalog = _catalog("fr")
    for publisher in (BlueskyPublisher, MastodonPublisher, TelegramPublisher,
                      FacebookPublisher, InstagramPublisher, ThreadsPublisher,
                      LinkedInPublisher, PinterestPublisher, XPublisher, TikTokPublisher):
        for f in publisher.account_fields:
            for text in (f.label, f.help):
                assert not text or text in catalog, text
