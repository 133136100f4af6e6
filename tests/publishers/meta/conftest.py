"""Fixtures for the Meta publishers: the fake Graph server, a real WebDAV server, accounts."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import keyring
import pytest

from essplanner import domain
from essplanner.channels.contexts import make_context
from essplanner.cli.main import main
from essplanner.publishers.base import AccountInfo, MediaFile, PublisherContext, PublishRequest
from essplanner.publishers.meta.facebook import FacebookPublisher
from essplanner.publishers.meta.instagram import InstagramPublisher
from essplanner.publishers.meta.threads import ThreadsPublisher
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace
from tests.helpers.memkeyring import MemoryKeyring
from tests.publishers.meta import webdavserver
from tests.publishers.meta.fakegraph import FakeGraph
from tests.publishers.meta.fakemeta import Account, App, Token


@dataclass
class Meta:
    """The fake platform with one app, one Page + Instagram account and one Threads profile."""

    graph: FakeGraph
    app: App
    page: Account
    ig: Account
    threads: Account
    page_token: Token
    threads_token: Token


@pytest.fixture
def graph(clock: FakeClock) -> Iterator[FakeGraph]:
    fake = FakeGraph(clock.now)
    yield fake
    fake.stop()


@pytest.fixture
def meta(graph: FakeGraph) -> Meta:
    app = graph.add_app()
    page = graph.add_page()
    ig = graph.accounts[page.linked_ig]
    threads = graph.add_threads_user()
    page_token = graph.add_token("PAGE", page.id, app_id=app.app_id)
    threads_token = graph.add_token("THREADS", threads.id, app_id=app.app_id,
                                    lifetime=timedelta(days=60))
    return Meta(graph, app, page, ig, threads, page_token, threads_token)


@pytest.fixture
def webdav(tmp_path: Path) -> Iterator[webdavserver.WebDavServer]:
    server = webdavserver.start(tmp_path / "webdav-root")
    yield server
    server.stop()


@pytest.fixture
def sleeps(clock: FakeClock) -> list[float]:
    return []


@pytest.fixture
def fake_sleep(clock: FakeClock, sleeps: list[float]) -> Callable[[float], None]:
    """Waiting moves the test clock instead of the wall clock."""
    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        clock.advance(timedelta(seconds=seconds))
    return sleep


def webdav_settings(server: webdavserver.WebDavServer) -> dict[str, Any]:
    return {"webdav_url": server.folder_url(), "webdav_user": webdavserver.USER,
            "public_url_pattern": server.public_pattern()}


@dataclass
class Connected:
    account: domain.Account
    context: PublisherContext


@pytest.fixture
def connect(workspace: Workspace, clock: FakeClock, tmp_path: Path
            ) -> Iterator[Callable[..., Connected]]:
    """Store an account in the workspace (secret in the store) and build its context."""
    contexts: list[PublisherContext] = []

    def make(platform: str, *, api_url: str, secret: str | None, settings: dict[str, Any],
             vault: dict[str, str] | None = None, name: str | None = None) -> Connected:
        account = workspace.accounts.add(platform=platform, name=name or platform,
                                         api_url=api_url, settings=settings, secret=secret)
        for key, value in (vault or {}).items():
            workspace.secrets.set(account.id, value, key)

        def save(values: Any) -> None:
            current = workspace.accounts.get(account.id)
            workspace.accounts.update(account.id, settings={**current.settings, **values})

        context = make_context(account, secrets=workspace.secrets, clock=clock,
                               data_dir=tmp_path / "publishers", save_settings=save)
        contexts.append(context)
        return Connected(account, context)

    yield make
    for context in contexts:
        context.http.close()


def jpeg(path: Path, *, size: tuple[int, int] = (64, 48), color: tuple[int, int, int] =
         (200, 80, 40), noise: bool = False, fmt: str = "JPEG") -> MediaFile:
    """A real image file on disk, as the core's media store would describe it."""
    import os

    from PIL import Image

    if noise:
        img = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    else:
        img = Image.new("RGBA" if fmt == "PNG" else "RGB", size,
                        (*color, 128) if fmt == "PNG" else color)
    buffer = io.BytesIO()
    img.save(buffer, fmt, quality=100) if fmt == "JPEG" else img.save(buffer, fmt)
    path.write_bytes(buffer.getvalue())
    mime = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif",
            "WEBP": "image/webp"}[fmt]
    return MediaFile(path=path, mime_type=mime, alt_text=f"Photo {path.stem}",
                     size=path.stat().st_size, width=size[0], height=size[1])


def request_for(connected: Connected, text: str, *, media: tuple[MediaFile, ...] = (),
                key: str = "3lbqz7xkdwc2a", link: str = "", target_id: int = 1) -> PublishRequest:
    account = connected.account
    info = AccountInfo(id=account.id, platform=account.platform, name=account.name,
                       handle=account.handle, api_url=account.api_url,
                       settings=dict(account.settings))
    return PublishRequest(target_id=target_id, post_id=target_id, account=info, text=text,
                          idempotency_key=key, link=link, media=media,
                          scheduled_at=connected.context.clock())


@pytest.fixture
def publishers(fake_sleep: Callable[[float], None]) -> dict[str, Any]:
    return {"facebook": FacebookPublisher(sleep=fake_sleep),
            "instagram": InstagramPublisher(sleep=fake_sleep),
            "threads": ThreadsPublisher(sleep=fake_sleep)}


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def run(tmp_path: Path, monkeypatch, capsys, ring):
    data = tmp_path / "data"

    def invoke(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(["--data-dir", str(data), "--lang", "en", *argv])
        out, err = capsys.readouterr()
        return code, out, err

    invoke.data = data  # type: ignore[attr-defined]
    return invoke
