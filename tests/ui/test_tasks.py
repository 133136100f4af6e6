"""The UI's one background-task helper (essplanner.ui.tasks)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from essplanner.ui.tasks import TaskRunner
from tests.helpers.shifted import pythonpath

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.gui


def test_results_errors_and_urls_come_back_on_the_main_thread_to_their_own_task(
        qtbot: QtBot) -> None:
    import threading

    runner = TaskRunner()
    main = threading.get_ident()
    seen: list[tuple[str, object, bool]] = []

    def note(kind: str):
        return lambda value: seen.append((kind, value, threading.get_ident() == main))

    def fails() -> None:
        raise ValueError("non")

    def logs_in(open_url) -> int:
        open_url("https://exemple.org")
        return 3

    finished: list[None] = []
    runner.finished.connect(lambda: finished.append(None))
    runner.run(lambda: 1, note("done-1"), note("error-1"))
    runner.run(fails, note("done-2"), note("error-2"))
    runner.run(logs_in, note("done-3"), note("error-3"), on_open_url=note("url-3"))
    qtbot.waitUntil(lambda: len(finished) == 3, timeout=10_000)
    runner.wait()
    assert ("done-1", 1, True) in seen
    assert [(k, str(v), m) for k, v, m in seen if k == "error-2"] == [("error-2", "non", True)]
    assert seen.index(("url-3", "https://exemple.org", True)) < seen.index(("done-3", 3, True))
    assert len(seen) == 4


def test_a_runner_dropped_after_its_tasks_does_not_crash_the_app() -> None:
    """A runner with no parent (a test's local, a closed dialog's) destroyed while its
    results' clean-up was still queued made the next event loop turn crash the process."""
    child = textwrap.dedent("""
        import gc, os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QApplication
        from essplanner.ui.tasks import TaskRunner
        app = QApplication([])
        def once():
            runner = TaskRunner()
            loop = QEventLoop()
            runner.finished.connect(loop.quit)
            runner.run(lambda open_url: open_url("x") or 1, lambda r: None, lambda e: None,
                       on_open_url=lambda u: None)
            loop.exec()
        for _ in range(3):
            once()
            gc.collect()
            app.processEvents()
        print("alive")
    """)
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env={"PYTHONPATH": pythonpath(str(ROOT)),
                                                      "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0 and done.stdout.strip() == "alive", done.stderr[-2000:]
