"""The desktop app opens on the stored posts; unexpected errors name the log file."""

from datetime import date

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from essplanner.demo.loader import load_demo
from essplanner.ui.bridge import Bridge
from essplanner.ui.calendar.month_model import Role
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace

pytestmark = pytest.mark.gui


def test_main_window_shows_the_month_of_stored_posts(qtbot: QtBot, workspace: Workspace) -> None:
    load_demo(workspace, lang="en")
    window = MainWindow(workspace, Bridge())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    model = window.month_model
    assert model.month == date(2026, 11, 1)
    chips = [c for r in range(6) for col in range(7) for c in model.index(r, col).data(Role.CHIPS)]
    assert len(chips) >= 15
    assert not window.empty_banner.isVisible()
    window.step_month(1)
    assert model.month == date(2026, 12, 1)
    assert "2026" in window.title.text()


def test_month_model_passes_the_model_tester(qtbot: QtBot, qtmodeltester: ModelTester,
                                             workspace: Workspace) -> None:
    load_demo(workspace, lang="en")
    window = MainWindow(workspace, Bridge())
    qtbot.addWidget(window)
    qtmodeltester.check(window.month_model)


def test_empty_workspace_offers_the_example(qtbot: QtBot, workspace: Workspace) -> None:
    bridge = Bridge()
    workspace.subscribe(bridge.emit_change)
    window = MainWindow(workspace, bridge)
    qtbot.addWidget(window)
    window.show()
    assert window.empty_banner.isVisible()
    window.load_example_button.click()
    assert not window.empty_banner.isVisible()


@pytest.mark.expect_log(r"^unexpected error", logger="essplanner.app")
def test_unexpected_error_dialog_names_the_log_file(qtbot: QtBot, tmp_path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:

    from essplanner.app import ErrorReporter
    from essplanner.ui import messages

    shown: list[str] = []
    monkeypatch.setattr(messages, "critical",
                        lambda parent, title, text, *a: shown.append(text))
    reporter = ErrorReporter(tmp_path / "essplanner.log")
    try:
        raise ZeroDivisionError("bug")
    except ZeroDivisionError as exc:
        reporter.on_exception(type(exc), exc, exc.__traceback__)
    assert shown and str(tmp_path / "essplanner.log") in shown[0]
    assert "ZeroDivisionError" in shown[0]
