"""The app paints the calendar from the quick reader, then attaches the full workspace."""

import sys
import time
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from essplanner.errors import StorageError
from essplanner.settings import database_url
from essplanner.ui.bridge import Bridge
from essplanner.ui.calendar.month_model import Role
from essplanner.ui.startup import StartupWorkspace, start_window
from essplanner.workspace import Workspace

from .conftest import paris

pytestmark = pytest.mark.gui


def test_first_paint_from_the_quick_reader_then_the_full_workspace(
        qtbot: QtBot, workspace: Workspace, make_post) -> None:
    post = make_post("déjà là", at=paris(2026, 11, 27, 18))
    reports: list[Exception] = []
    window = start_window(
        paths=workspace.paths, settings=workspace.settings,
        db_url=database_url(workspace.paths), bridge=Bridge(),
        load_workspace=lambda: workspace, report=reports.append, started=time.monotonic(),
        clock=workspace.clock)
    assert window is not None
    qtbot.addWidget(window)
    assert isinstance(window.ws, StartupWorkspace) and not window.ready
    # the first page came from sqlite3, before any service existed
    chips = window.month_model.index_of(date(2026, 11, 27)).data(Role.CHIPS)
    assert [c.post_id for c in chips] == [post.id]
    window.new_post()  # too early: a polite message, no crash
    assert "Still opening" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.ready, timeout=10_000)  # painted, loaded, attached
    assert window.ws is workspace and window.actions_ is not None
    assert reports == []
    # changes now reach the calendar through the bridge
    moved = workspace.posts.reschedule(post.id, paris(2026, 11, 28, 9))
    assert [c.post_id for c in window.month_model.chips_on(date(2026, 11, 28))] == [moved.id]
    window.close()


def test_a_workspace_that_cannot_open_is_reported(qtbot: QtBot, workspace: Workspace,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    reports: list[Exception] = []

    def broken() -> Workspace:
        raise StorageError("The database file is read-only: nothing was saved.")

    exits: list[int] = []
    from PySide6.QtCore import QCoreApplication

    monkeypatch.setattr(QCoreApplication.instance(), "exit", exits.append)
    window = start_window(
        paths=workspace.paths, settings=workspace.settings,
        db_url=database_url(workspace.paths), bridge=Bridge(), load_workspace=broken,
        report=reports.append, started=time.monotonic())
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(reports), timeout=10_000)
    assert "read-only" in str(reports[0]) and exits == [1]


def test_without_a_current_sqlite_file_the_workspace_opens_first(
        qtbot: QtBot, workspace: Workspace, tmp_path) -> None:
    window = start_window(
        paths=workspace.paths, settings=workspace.settings,
        db_url=f"sqlite:///{tmp_path / 'not-yet.sqlite3'}", bridge=Bridge(),
        load_workspace=lambda: workspace, report=lambda exc: None, started=time.monotonic())
    assert window is not None
    qtbot.addWidget(window)
    assert window.ready and window.ws is workspace
    assert sys.modules.get("essplanner.workspace") is not None


@pytest.mark.slow
def test_the_app_starts_and_paints_the_calendar(tmp_path) -> None:
    """``essplanner`` end to end: first start (the workspace is created first), then a
    start with the calendar painted from the quick reader."""
    import os
    import subprocess
    from pathlib import Path

    env = {k: v for k, v in os.environ.items()
           if k not in ("ESSPLANNER_DATABASE_URL", "ESSPLANNER_DATA_DIR", "DISPLAY")}
    env.update(QT_QPA_PLATFORM="offscreen", ESSPLANNER_EXIT_AFTER_FIRST_PAINT="1")
    root = Path(__file__).resolve().parents[2]
    # The window publishes itself: with background publishing (the default) the app
    # would leave an `essplanner service` running, and a login entry, behind the test.
    from essplanner.settings import Settings

    Settings(background_publishing=False).save(tmp_path / "settings.json")
    for _run in range(2):
        result = subprocess.run(
            [sys.executable, "-m", "essplanner", "--data-dir", str(tmp_path), "--lang", "fr"],
            env=env, cwd=root, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert "FIRST_PAINT" in result.stdout
    log = (tmp_path / "logs" / "essplanner.log").read_text(encoding="utf-8")
    assert log.count("calendar painted") == 2


#: Loaded only when they are needed, not by a start (several MB together): the regex
#: engine and its Unicode tables, html's table of named entities, the network stack,
#: OpenCV.
#: a SQLite workspace needs neither PostgreSQL's dialect (3 MiB) nor Alembic (its schema
#: is read from the migration files)
NOT_AT_START = ("regex", "html.entities", "requests", "cv2", "sqlalchemy.dialects.postgresql",
                "alembic")

_REPORT_WHEN_READY = """
import os, sys
# what the interpreter had before the app (the tests' moved clock, site packages'
# start-up hooks) is not the app's doing
before = set(sys.modules)
import essplanner.ui.startup as startup

def ready() -> bool:  # runs once the workspace is attached and every feature installed
    loaded = [name for name in {names!r} if name in sys.modules and name not in before]
    print("LOADED", ",".join(loaded), "READY", "essplanner.workspace" in sys.modules,
          flush=True)
    os._exit(0)

startup.release_freed_memory = ready
sys.argv = ["essplanner", "--data-dir", {folder!r}, "--lang", "fr"]
from essplanner.cli.main import main
main()
"""


@pytest.mark.slow
def test_a_start_loads_nothing_it_does_not_use(tmp_path, workspace: Workspace) -> None:
    """Resident memory after start is a benchmark goal (issue 18): what a start does not
    use is imported when first needed. The app runs in a child process up to the point
    where the workspace is ready."""
    import os
    import subprocess
    from pathlib import Path

    from essplanner import domain
    from essplanner.settings import Settings

    folder = workspace.paths.data_dir
    account = workspace.accounts.add(platform="dryrun", name="Essai", settings={})
    workspace.posts.create(domain.PostDraft(
        title="Bénévoles", body="Rejoignez-nous #bénévolat https://example.org/?utm_source=x",
        account_ids=(account.id,)), scheduled_at=workspace.clock.now(), schedule=False)
    workspace.close()
    Settings(timezone="Europe/Paris", background_publishing=False,
             first_run_done=True).save(folder / "settings.json")
    env = {k: v for k, v in os.environ.items()
           if k not in ("ESSPLANNER_DATABASE_URL", "ESSPLANNER_DATA_DIR", "DISPLAY")}
    env.update(QT_QPA_PLATFORM="offscreen")
    root = Path(__file__).resolve().parents[2]
    code = _REPORT_WHEN_READY.format(names=NOT_AT_START, folder=str(folder))
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=root,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("LOADED"))
    assert line == "LOADED  READY True", line


def test_the_window_imports_the_publishing_outcomes_without_the_service() -> None:
    """With background publishing (the default) the window never makes a service: the
    names it shows (``essplanner.scheduler.outcome``) come without APScheduler's side."""
    code = ("import sys\n"
            "from essplanner.scheduler.outcome import PublishEvent\n"
            "assert 'essplanner.scheduler.service' not in sys.modules\n"
            "assert 'essplanner.scheduler.config' not in sys.modules\n"
            "from essplanner.scheduler import PublishingService, ServiceConfig\n"
            "assert PublishingService.__module__ == 'essplanner.scheduler.service'\n"
            "assert ServiceConfig.__module__ == 'essplanner.scheduler.config'\n")
    import subprocess

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr

def test_the_tray_and_the_publishing_menu_load_no_publishing_outcome() -> None:
    """With background publishing (the default) no outcome of a send reaches the window
    from its own service: the tray and the publishing menu name them for their types only
    (200 KiB that a start does not need)."""
    code = ("import sys\n"
            "import essplanner.ui.tray, essplanner.ui.publishing\n"
            "assert 'essplanner.scheduler.outcome' not in sys.modules\n")
    import subprocess

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr


def test_a_window_closed_before_its_first_paint_reads_nothing_afterwards(
        qtbot: QtBot, workspace: Workspace) -> None:
    """What waits until after the first paint (the filters' choices, the attention
    list) or after a change (the attention list) does not run once the window is closed:
    it would reopen the connections of the workspace closed after it, and nobody would
    close them again (on PostgreSQL, psycopg connections then collected open during some
    later test)."""
    from PySide6.QtWidgets import QApplication
    from sqlalchemy.pool import QueuePool

    from essplanner.domain import Change
    from essplanner.ui.mainwindow import MainWindow

    window = MainWindow(workspace, Bridge())
    qtbot.addWidget(window)
    window.on_changed(Change())  # a change heard just before: the attention list's reload
    window.close()
    workspace.close()
    QApplication.processEvents()  # what the window queued runs now, if it still would
    pool = workspace.db.engine.pool
    assert isinstance(pool, QueuePool) and pool.checkedin() == 0
