"""Fixtures of the publishing service tests: a fake PDS on loopback, a workspace whose
accounts publish to it through the real ``requests`` stack, and a PostgreSQL server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sched_fakepds import FakePds
from sched_helpers import PostgresServer, open_workspace, postgres_bindir, postgres_server

from essplanner.scheduler import PublishingService
from essplanner.settings import Paths
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace

REQUIRE_PEERS = os.environ.get("ESSPLANNER_REQUIRE_PEERS") == "1"


def need(condition: bool, reason: str) -> None:
    if condition:
        return
    if REQUIRE_PEERS:
        pytest.fail(f"required component missing: {reason}")
    pytest.skip(reason)


@pytest.fixture
def pds(clock: FakeClock) -> Iterator[FakePds]:
    server = FakePds(now=clock.now).start()
    yield server
    server.stop()


@pytest.fixture
def ws(paths: Paths, clock: FakeClock) -> Iterator[Workspace]:
    workspace = open_workspace(paths, clock)
    yield workspace
    workspace.close()


@pytest.fixture
def service(ws: Workspace) -> Iterator[PublishingService]:
    svc = PublishingService(ws)
    yield svc
    svc.stop(wait=True, timeout=10)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    need(postgres_bindir() is not None, "PostgreSQL server binaries (apt-get install postgresql)")
    with postgres_server() as server:
        yield server


@pytest.fixture
def keyring_file(tmp_path: Path) -> Path:
    return tmp_path / "keyring.json"
