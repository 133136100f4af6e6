"""Shared fixtures. Qt runs offscreen unless a test starts a real display."""

from __future__ import annotations

import os

from tests.helpers import userdirs

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the developer's real data, keyring or settings from a test.
os.environ.pop("ESSPLANNER_DATABASE_URL", None)
os.environ.pop("ESSPLANNER_DATA_DIR", None)
# ... nor the user's folders: XDG_* point into a throwaway folder (before platformdirs is read)
os.environ.update(userdirs.environment())

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from essplanner.credentials import MemoryStore
from essplanner.i18n import set_language
from essplanner.settings import Paths, Settings
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace
from tests.helpers.shifted import install_from_environment

#: the session's throwaway folder of XDG folders (tests/helpers/userdirs.py)
USER_DIRS = Path(os.environ["ESSPLANNER_TEST_USER_DIRS"])
# ``make test`` runs the fast suite again with the wall clock moved (ESSPLANNER_TEST_NOW).
SHIFTED_TO = install_from_environment()

#: shared fixtures and checks (tests/helpers/); pytester runs the logfail plugin's own test
pytest_plugins = ["tests.helpers.logfail", "pytester"]

REQUIRE_PEERS = os.environ.get("ESSPLANNER_REQUIRE_PEERS") == "1"


def pytest_report_header() -> str | None:
    return f"wall clock moved to {SHIFTED_TO} (ESSPLANNER_TEST_NOW)" if SHIFTED_TO else None


def need(condition: bool, reason: str) -> None:
    """Skip when a real component is missing, except under ``make test``, where it fails."""
    if condition:
        return
    if REQUIRE_PEERS:
        pytest.fail(f"required component missing: {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _own_secrets() -> Iterator[None]:
    """The secrets a test stores are masked in that test only: one test's short secret
    ("token") must not mask an ordinary word in another's messages."""
    from essplanner import log as essplanner_log

    with essplanner_log._lock:
        before = set(essplanner_log._known_secrets)
    yield
    with essplanner_log._lock:
        essplanner_log._known_secrets.clear()
        essplanner_log._known_secrets.update(before)


@pytest.fixture(autouse=True)
def _english_core() -> Iterator[None]:
    """Core messages in English unless a test selects French."""
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths.resolve(tmp_path / "data")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 27, 9, 0, tzinfo=UTC))


@pytest.fixture
def workspace(paths: Paths, clock: FakeClock) -> Iterator[Workspace]:
    ws = Workspace.open(
        paths=paths,
        settings=Settings(timezone="Europe/Paris"),
        clock=clock,
        secrets=MemoryStore(),
    )
    yield ws
    ws.close()
