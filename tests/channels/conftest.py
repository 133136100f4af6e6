"""Fixtures of the account tests: an in-memory keyring behind the real KeyringStore, the
command line run in-process, and the fake platforms."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from publishers.fake_mastodon import FakeMastodon, MastodonHandler
from publishers.fake_telegram import Channel, FakeTelegram, TelegramHandler
from publishers.loopback import LoopbackServer

from essplanner.cli.main import main
from tests.helpers.memkeyring import MemoryKeyring


@pytest.fixture
def mem_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


class Cli:
    """``essplanner ...`` in this process, with its own data folder and database."""

    def __init__(self, data: Path, capsys: pytest.CaptureFixture[str],
                 monkeypatch: pytest.MonkeyPatch) -> None:
        self.data = data
        self.capsys = capsys
        self.monkeypatch = monkeypatch

    def __call__(self, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
        import io
        import sys

        if stdin is not None:
            self.monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            code = main(["--lang", "en", "--data-dir", str(self.data), *args])
        except SystemExit as exc:  # argparse refusing the command line
            code = int(exc.code or 0)
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, *args: str, stdin: str | None = None) -> Any:
        code, out, err = self(*args, "--json", stdin=stdin)
        assert code == 0, err
        return json.loads(out)


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> Cli:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text('{"timezone": "Europe/Paris"}')
    return Cli(data, capsys, monkeypatch)


@pytest.fixture
def telegram() -> Iterator[tuple[FakeTelegram, str]]:
    state = FakeTelegram()
    state.add_channel(Channel(id=-1001234567890, username="asso_energie", title="Asso Énergie"))
    with LoopbackServer(TelegramHandler, state) as server:
        yield state, server.url


@pytest.fixture
def mastodon() -> Iterator[tuple[FakeMastodon, str]]:
    state = FakeMastodon()
    with LoopbackServer(MastodonHandler, state) as server:
        state.base_url = server.url
        yield state, server.url
