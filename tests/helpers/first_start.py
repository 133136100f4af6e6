"""Fixtures of the first-start tests (assistant, preferences, empty panels): a workspace whose
registry holds exactly the dry run and Mastodon (no entry points read), and the app's French."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from essplanner.credentials import MemoryStore
from essplanner.publishers.dryrun import DryRunPublisher
from essplanner.publishers.mastodon import MastodonPublisher
from essplanner.publishers.registry import Registry
from essplanner.settings import Paths, Settings
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fresh(paths: Paths, clock: FakeClock) -> Iterator[Workspace]:
    """A first start: default settings, nothing in the database."""
    registry = Registry(extra={"dryrun": DryRunPublisher, "mastodon": MastodonPublisher},
                        entry_point_source=lambda: [])
    ws = Workspace.open(paths=paths, settings=Settings(), clock=clock, registry=registry,
                        secrets=MemoryStore())
    yield ws
    ws.close()


@pytest.fixture
def french(tmp_path: Path, qapp: QApplication) -> Iterator[QTranslator]:
    """The app's French .qm, built from the .ts of this checkout."""
    sys.path.insert(0, str(ROOT / "tools"))
    import update_translations as ts

    qm = tmp_path / "essplanner_fr.qm"
    subprocess.run([ts.tool("lrelease"), "-silent", str(ts.ts_path("fr")), "-qm", str(qm)],
                   check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    previous = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)
    QLocale.setDefault(previous)
