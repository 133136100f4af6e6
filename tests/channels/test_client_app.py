"""Platforms whose login needs a developer app (X, LinkedIn, Pinterest): the client id from
the person (or the shipped default), the secret to the keyring only, and the choice of where
to publish, through the core, the command line and the accounts dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from channels.conftest import Cli
from channels.oauthy import REFRESH, TOKEN, OauthyPublisher
from essplanner.channels import accounts
from essplanner.credentials import MemoryStore
from essplanner.errors import ValidationError
from essplanner.publishers.base import Choice, ClientApp, Credentials
from essplanner.publishers.registry import Registry
from essplanner.settings import Paths, Settings
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace
from tests.helpers.memkeyring import MemoryKeyring

SECRET = "oauthy-client-secret-9f8e7d6c5b4a"


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    """Each test starts from the publisher's two places and no client, and leaves them so
    (other files use the same test publisher)."""
    places, clients = OauthyPublisher.places, OauthyPublisher.clients
    OauthyPublisher.clients = []
    OauthyPublisher.places = (Choice("101", "Asso Énergie"), Choice("202", "Asso Jeunes"))
    yield
    OauthyPublisher.places, OauthyPublisher.clients = places, clients


@pytest.fixture
def ows(paths: Paths, clock: FakeClock) -> Iterator[Workspace]:
    ws = Workspace.open(paths=paths, settings=Settings(timezone="Europe/Paris"), clock=clock,
                        secrets=MemoryStore(), registry=Registry(extra={"oauthy": OauthyPublisher}))
    yield ws
    ws.close()


@pytest.fixture
def plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The oauthy publisher found through an entry point, like an installed plugin."""
    info = tmp_path / "plugins" / "essplanner_oauthy_test-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: essplanner-oauthy-test\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        "[essplanner.publishers]\noauthy = channels.oauthy:OauthyPublisher\n")
    monkeypatch.syspath_prepend(str(tmp_path / "plugins"))


def test_the_client_app_comes_from_the_person_the_account_or_the_shipped_default(
        ows: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    needs = accounts.client_needs(ows, "oauthy")
    assert (needs.needs_client_app, needs.client_secret_required) == (True, True)
    assert accounts.client_needs(ows, "dryrun").needs_client_app is False
    assert accounts.client_app(ows, "dryrun") is None
    with pytest.raises(ValidationError, match="client id of the Oauthy developer app"):
        accounts.client_app(ows, "oauthy")
    with pytest.raises(ValidationError, match="client secret of the Oauthy developer app"):
        accounts.client_app(ows, "oauthy", client_id="abc")
    assert accounts.client_app(ows, "oauthy", client_id=" abc ", client_secret=SECRET) == \
        ClientApp("abc", SECRET)
    monkeypatch.setattr(accounts, "shipped_client_ids", lambda: {"oauthy": "shipped-id"})
    assert accounts.client_needs(ows, "oauthy").default_client_id == "shipped-id"
    assert accounts.client_app(ows, "oauthy", client_secret=SECRET).client_id == "shipped-id"
    # reconnecting: the account's own app, its secret from the keyring
    account = ows.accounts.add(platform="oauthy", name="Asso", secret=TOKEN,
                               settings={"client_id": "own-id"},
                               extra_secrets={"client_secret": SECRET})
    assert accounts.client_app(ows, "oauthy", account=account) == ClientApp("own-id", SECRET)


def test_the_shipped_file_has_an_entry_for_each_new_network_and_no_secret() -> None:
    from importlib import resources

    from essplanner.publishers.registry import Registry

    ids = accounts.shipped_client_ids()
    registry = Registry()
    needing = {p for p in registry.platforms()
               if getattr(registry.try_get(p), "needs_client_app", False)}
    assert needing >= {"x", "linkedin", "pinterest", "youtube", "tiktok"}
    assert set(ids) == needing
    text = resources.files("essplanner.publishers").joinpath("clients.toml").read_text()
    assert "client_secret =" not in text


def test_a_single_place_is_taken_without_asking_several_need_a_choice() -> None:
    one = Credentials(secret="t", choose="board_id", choices=(Choice("7", "Recettes"),))
    assert accounts.settle_choice(one).settings == {"board_id": "7"}
    several = Credentials(secret="t", choose="organization",
                          choices=(Choice("101", "Asso Énergie"), Choice("202", "Asso Jeunes")))
    with pytest.raises(accounts.ChoiceNeeded, match=r"101 \(Asso Énergie\); 202") as asked:
        accounts.settle_choice(several)
    assert [c.value for c in asked.value.choices] == ["101", "202"]
    chosen = accounts.settle_choice(several, "202")
    assert (chosen.settings, chosen.choose) == ({"organization": "202"}, "")
    assert accounts.settle_choice(several, "asso jeunes").settings == {"organization": "202"}
    with pytest.raises(ValidationError, match="'303' is not among the choices"):
        accounts.settle_choice(several, "303")
    with pytest.raises(ValidationError, match="nowhere to publish"):
        accounts.settle_choice(Credentials(secret="t", choose="board_id"))
    plain = Credentials(secret="t")
    assert accounts.settle_choice(plain, None) is plain


def _keyring(backend: MemoryKeyring) -> dict[str, str]:
    return {user: value for (service, user), value in backend.store.items()
            if service == "essplanner"}


def test_account_add_with_a_client_app_and_a_choice(
        cli: Cli, mem_keyring: MemoryKeyring, plugin: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("webbrowser.open", lambda url: True)
    # not on a terminal and no --choice: a clear error listing the places, nothing stored
    code, _out, err = cli("account", "add", "oauthy", "--name", "Asso", "--browser",
                          "--client-id", "cid-1", "--client-secret-stdin", stdin=SECRET + "\n")
    assert code == 2
    assert "101 (Asso Énergie); 202 (Asso Jeunes)" in err and "--choice VALUE" in err
    assert SECRET not in err
    assert cli.json("account", "list") == []
    code, out, err = cli("account", "add", "oauthy", "--name", "Asso", "--browser",
                         "--client-id", "cid-1", "--client-secret-stdin", "--choice", "202",
                         stdin=SECRET + "\n")
    assert code == 0, err
    assert OauthyPublisher.clients[-1] == ClientApp("cid-1", SECRET)
    [account] = cli.json("account", "list")
    assert account["settings"]["client_id"] == "cid-1"
    assert account["settings"]["organization"] == "202"
    assert _keyring(mem_keyring) == {str(account["id"]): TOKEN,
                                     f"{account['id']}/refresh_token": REFRESH,
                                     f"{account['id']}/client_secret": SECRET}
    assert SECRET not in out + err + (cli.data / "essplanner.sqlite3").read_bytes().decode(
        "latin-1")
    # reconnecting reuses the account's app: no client id to type again
    code, _out, err = cli("account", "reconnect", "Asso", "--browser", "--choice", "101")
    assert code == 0, err
    assert OauthyPublisher.clients[-1] == ClientApp("cid-1", SECRET)
    [again] = cli.json("account", "list")
    assert again["settings"]["organization"] == "101"
    assert _keyring(mem_keyring)[f"{account['id']}/client_secret"] == SECRET


def test_client_options_are_refused_where_they_mean_nothing(cli: Cli, plugin: None) -> None:
    code, _out, err = cli("account", "add", "oauthy", "--name", "A", "--client-id", "x")
    assert code == 2 and "go with --browser" in err
    code, _out, err = cli("account", "add", "mastodon", "--name", "M", "--browser",
                          "--client-id", "x", "--api-url", "https://masto.example")
    assert code == 2 and "needs no client id" in err
    code, _out, err = cli("account", "add", "oauthy", "--name", "A", "--browser")
    assert code == 2 and "client id of the Oauthy developer app" in err


@pytest.mark.gui
def test_the_dialog_asks_the_client_app_and_where_to_publish(
        qtbot, ows: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QInputDialog

    from essplanner.ui.accounts.editor import AccountEditor
    from essplanner.ui.tasks import TaskRunner

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: True))
    asked: list[list[str]] = []

    def pick(parent, title, label, items, *args, **kwargs):
        asked.append(list(items))
        return "Asso Jeunes", True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(pick))
    runner = TaskRunner()
    editor = AccountEditor(ows, runner)
    qtbot.addWidget(editor)
    editor.platform.setCurrentIndex(editor.platform.findData("oauthy"))
    editor.name.setText("Asso")
    assert editor.client_id is not None and editor.client_secret is not None
    assert editor.client_id.text() == ""  # nothing shipped for this platform
    editor.browser_button.click()  # no client id yet: said, nothing opened
    assert "client id of the Oauthy developer app" in editor.status.text()
    assert OauthyPublisher.clients == []
    editor.client_id.setText("cid-9")
    editor.client_secret.setText(SECRET)
    with qtbot.waitSignal(runner.finished, timeout=20_000):
        editor.browser_button.click()
    assert asked == [["Asso Énergie", "Asso Jeunes"]]
    assert OauthyPublisher.clients == [ClientApp("cid-9", SECRET)]
    with qtbot.waitSignal(editor.login_checked, timeout=20_000):
        editor.on_accept()
    [account] = ows.accounts.all()
    assert account.settings["client_id"] == "cid-9"
    assert account.settings["organization"] == "202"
    assert SECRET not in repr(account.settings)
    assert ows.secrets.get(account.id, "client_secret") == SECRET
    assert ows.secrets.get(account.id, "refresh_token") == REFRESH

    # one place only: taken without asking; a shipped client id prefills the field
    OauthyPublisher.places = (Choice("7", "Seule Page"),)
    monkeypatch.setattr(accounts, "shipped_client_ids", lambda: {"oauthy": "shipped-id"})
    other = AccountEditor(ows, runner)
    qtbot.addWidget(other)
    other.platform.setCurrentIndex(other.platform.findData("oauthy"))
    assert other.client_id is not None and other.client_id.text() == "shipped-id"
    other.client_secret.setText(SECRET)
    with qtbot.waitSignal(runner.finished, timeout=20_000):
        other.browser_button.click()
    assert len(asked) == 1
    assert other.credentials is not None and other.credentials.settings["organization"] == "7"
