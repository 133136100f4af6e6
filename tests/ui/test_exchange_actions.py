"""File › Import posts / Export: from the menu, through the same code as the command line."""

import re
from datetime import date
from pathlib import Path

import pytest

from essplanner.domain import PostQuery
from essplanner.ui import exchange_actions
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace

from .conftest import Dialogs

pytestmark = pytest.mark.gui


def test_import_a_csv_from_the_file_menu_shows_the_posts(
        window: MainWindow, workspace: Workspace, dialogs: Dialogs, tmp_path: Path) -> None:
    workspace.personas.add(name="Sophie")
    actions = exchange_actions.install(window, workspace, window.bridge)
    texts = [a.text() for a in window.menu_file.actions()]
    assert actions.action_import.text() in texts
    assert texts.index(actions.action_export_ics.text()) < len(texts) - 1  # Quit stays last
    plan = tmp_path / "plan.csv"
    plan.write_text("date;heure;titre;texte;personas\n"
                    "2026-12-03;18h30;Aides d’urgence;Le FSL peut aider.;Sophie\n",
                    encoding="utf-8")
    assert actions.import_file(plan) == 1
    assert re.match(r"1 post(\(s\))? imported", dialogs.texts()[-1])  # English source or .qm
    window.show_date(date(2026, 12, 3))
    chips = window.month_model.chips_on(date(2026, 12, 3))
    assert [c.title for c in chips] == ["Aides d’urgence"]


def test_a_bad_file_is_reported_and_imports_nothing(
        window: MainWindow, workspace: Workspace, dialogs: Dialogs, tmp_path: Path) -> None:
    actions = exchange_actions.install(window, workspace, window.bridge)
    plan = tmp_path / "plan.csv"
    plan.write_text("date,title,personas\n2026-12-03,Qui ?,Zoé\n", encoding="utf-8")
    assert actions.import_file(plan) == 0
    assert "line 2" in dialogs.texts()[-1] and "Zoé" in dialogs.texts()[-1]
    assert workspace.posts.query(PostQuery(include_unscheduled=True)) == []


def test_export_writes_csv_and_ics(window: MainWindow, workspace: Workspace,
                                   make_post, tmp_path: Path) -> None:
    from .conftest import paris

    make_post("Vœux", at=paris(2027, 1, 5, 9, 0))
    actions = exchange_actions.install(window, workspace, window.bridge)
    assert actions.export_file(tmp_path / "posts.csv", "csv") == 1
    assert "Vœux" in (tmp_path / "posts.csv").read_text(encoding="utf-8")
    assert actions.export_file(tmp_path / "posts.ics", "ics") == 1
    assert "DTSTART:20270105T080000Z" in (tmp_path / "posts.ics").read_text(encoding="utf-8")
    assert actions.export_file(tmp_path / "missing-folder" / "x.ics", "ics") == 0
