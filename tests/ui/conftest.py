"""Fixtures of the calendar and editor tests: a window on a workspace, posts, a test network."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import ClassVar

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from essplanner import domain
from essplanner.publishers.base import BasePublisher
from essplanner.publishers.rules import PlatformRules, TextCounting
from essplanner.ui.bridge import Bridge
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace


class ShortNet(BasePublisher):
    """A network with Mastodon's habits: 60 graphemes, every link counts 23, alt text."""

    platform: ClassVar[str] = "shortnet"
    display_name: ClassVar[str] = "ShortNet"
    RULES: ClassVar[PlatformRules] = PlatformRules(
        platform="shortnet", display_name="ShortNet", text_limit=60,
        counting=TextCounting.GRAPHEMES, url_length=23, max_images=2)


class ByteNet(BasePublisher):
    """A network that counts UTF-16 code units (emoji count 2), limit 40."""

    platform: ClassVar[str] = "bytenet"
    display_name: ClassVar[str] = "ByteNet"
    RULES: ClassVar[PlatformRules] = PlatformRules(
        platform="bytenet", display_name="ByteNet", text_limit=40,
        counting=TextCounting.UTF16)


@pytest.fixture
def nets(workspace: Workspace) -> Workspace:
    workspace.registry.register("shortnet", ShortNet)
    workspace.registry.register("bytenet", ByteNet)
    return workspace


@pytest.fixture
def make_post(workspace: Workspace) -> Callable[..., domain.Post]:
    def make(body: str = "Bonjour", *, at: datetime | None = None, schedule: bool = False,
             accounts: tuple[int, ...] = (), personas: tuple[int, ...] = (),
             objectives: tuple[int, ...] = (), title: str = "") -> domain.Post:
        return workspace.posts.create(
            domain.PostDraft(title=title, body=body, account_ids=accounts,
                             persona_ids=personas, objective_ids=objectives),
            scheduled_at=at, schedule=schedule)
    return make


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace) -> Iterator[MainWindow]:
    bridge = Bridge()
    workspace.subscribe(bridge.emit_change)
    win = MainWindow(workspace, bridge)
    qtbot.addWidget(win)
    win.resize(1280, 820)
    win.show()
    qtbot.waitExposed(win)
    yield win
    for editor in list(win.editors):
        editor.dirty = False
        editor.close()


def paris(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    from zoneinfo import ZoneInfo

    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo("Europe/Paris")).astimezone(UTC)


@pytest.fixture
def model_check(request: pytest.FixtureRequest) -> Iterator[Callable[[object], None]]:
    """Qt's model tester on each model given, each with its own tester (one tester follows
    one model; the ``qtmodeltester`` fixture is a single one)."""
    from pytestqt.modeltest import ModelTester

    testers: list[ModelTester] = []

    def check(model: object) -> None:
        tester = ModelTester(request.config)
        tester.check(model, force_py=True)
        testers.append(tester)

    yield check
    for tester in testers:
        tester._cleanup()


class Dialogs:
    """Message boxes shown during a test (never modal here): what they said, and the answer
    the test chose for questions."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []
        self.answer: object = None

    def texts(self) -> list[str]:
        return [text for _kind, text in self.shown]


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    from PySide6.QtWidgets import QMessageBox

    record = Dialogs()
    record.answer = QMessageBox.StandardButton.Yes

    def fake(kind: str):  # type: ignore[no-untyped-def]
        def show(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
            record.shown.append((kind, text))
            return record.answer if kind == "question" else QMessageBox.StandardButton.Ok
        return show

    from essplanner.ui import messages

    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(messages, kind, fake(kind))
    return record


@pytest.fixture
def speak(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    """Install the app's translators for a language (English has the plural forms)."""
    from PySide6.QtCore import QLocale

    from essplanner.i18n import set_language
    from essplanner.ui.translations import install_translators, remove_translators

    previous = QLocale()
    installed: list[object] = []

    def install(lang: str) -> None:
        set_language(lang)
        installed.extend(install_translators(qapp, lang))

    yield install
    remove_translators(qapp, installed)
    QLocale.setDefault(previous)
    set_language("en")
