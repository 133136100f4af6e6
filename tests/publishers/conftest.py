"""Fixtures of the publisher tests: the real Bluesky PDS, contexts, and request counting."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests

from essplanner.publishers.base import AccountInfo, PublisherContext
from essplanner.publishers.http import HttpClient
from publishers.pds import Pds, pds_available, start_pds, stop_pds
from tests.conftest import need


class CountingSession(requests.Session):
    """A real requests session that remembers every request it sent (method, URL)."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[tuple[str, str]] = []

    def request(self, method: str | bytes, url: str | bytes, *args: Any,  # type: ignore[override]
                **kwargs: Any) -> requests.Response:
        self.sent.append((str(method), str(url)))
        return super().request(method, url, *args, **kwargs)

    def calls(self, fragment: str) -> int:
        return sum(1 for _m, url in self.sent if fragment in url)


class DictVault:
    """The vault of one account, in memory."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, key: str) -> str | None:
        return self.values.get(key)

    def set(self, key: str, value: str) -> None:
        self.values[key] = value

    def delete(self, key: str) -> None:
        self.values.pop(key, None)


def make_context(*, platform: str, api_url: str, secret: str | None, handle: str = "",
                 settings: dict[str, Any] | None = None, tmp_path: Path,
                 vault: DictVault | None = None, account_id: int = 1,
                 timeout: tuple[float, float] = (5.0, 30.0),
                 clock: Any = None, sleep: Any = None,
                 saved: list[dict[str, Any]] | None = None) -> PublisherContext:
    session = CountingSession()
    http = HttpClient(session=session, timeout=timeout, platform=platform)
    ctx = PublisherContext(
        account=AccountInfo(id=account_id, platform=platform, name=f"{platform} test",
                            handle=handle, api_url=api_url, settings=dict(settings or {})),
        secret=secret,
        http=http,
        logger=logging.getLogger(f"tests.{platform}"),
        clock=clock or (lambda: datetime.now(UTC)),
        data_dir=tmp_path / "plugin-data",
        vault=vault or DictVault(),
        save_settings=(lambda values: saved.append(dict(values))) if saved is not None
        else (lambda _values: None),
    )
    if sleep is not None:
        ctx.sleep = sleep
    return ctx


@pytest.fixture(scope="session")
def pds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pds]:
    reason = pds_available()
    need(reason is None, reason or "")
    state = tmp_path_factory.mktemp("pds-state")
    server, env = start_pds(state)
    try:
        yield server
    finally:
        stop_pds(env)
