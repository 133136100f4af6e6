"""Campaign bars, events and awareness days on the month and week views; "Prepare the
posts" of an event, undone."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from pytestqt.qtbot import QtBot

from essplanner import domain
from essplanner.ui.calendar.marks import CellMarks, Shown
from essplanner.ui.calendar.month_model import Role
from essplanner.ui.calendar.prepare_posts import PreparePostsCommand, PreparePostsDialog
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace
from tests.services.test_planning import days_file

PARIS = ZoneInfo("Europe/Paris")


def marks(window: MainWindow, day: date) -> CellMarks:
    value = window.month_model.index_of(day).data(Role.MARKS)
    assert isinstance(value, CellMarks)
    return value


def test_imported_days_and_campaign_bars_on_the_month_view(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path) -> None:
    assert window.month_model.month == date(2026, 11, 1)
    workspace.days.import_ics(days_file(), source="days.ics")
    workspace.planning.add_campaign(name="Collecte d'hiver", start_day=date(2026, 11, 20),
                                    end_day=date(2026, 12, 2), colour="#e76f51")
    workspace.planning.add_event(name="AG", start_day=date(2026, 11, 28), place="Mairie")
    qtbot.waitUntil(lambda: bool(marks(window, date(2026, 11, 12))))

    assert [d.name for d in marks(window, date(2026, 11, 12)).days] == [
        "Assemblée des quartiers"]
    assert [d.name for d in marks(window, date(2026, 11, 26)).days] == ["Thanksgiving"]
    assert not marks(window, date(2026, 11, 13))
    bar_days = {window.month_model.date_at(r, c) for r in range(6) for c in range(7)
                if marks(window, window.month_model.date_at(r, c)).campaigns}
    assert bar_days == {date(2026, 11, d) for d in range(20, 31)} | {
        date(2026, 12, 1), date(2026, 12, 2)}
    assert [e.name for e in marks(window, date(2026, 11, 28)).events] == ["AG"]
    tip = window.month_model.index_of(date(2026, 11, 28)).data(0x03)  # ToolTipRole
    assert "AG — Mairie" in tip and "Collecte d'hiver" in tip
    window.grab().save(str(tmp_path / "month-days.png"))
    assert (tmp_path / "month-days.png").stat().st_size > 0

    # the next year: the yearly rule and the moving day are there too, expanded
    window.show_month(date(2027, 10, 1))
    assert [d.name for d in marks(window, date(2027, 10, 17)).days] == ["Refus de la misère"]
    window.show_month(date(2027, 11, 1))
    assert [d.name for d in marks(window, date(2027, 11, 25)).days] == ["Thanksgiving"]

    # the filter panel's toggles hide them
    window.show_month(date(2026, 11, 1))
    window.filters.marks.days.setChecked(False)
    assert not marks(window, date(2026, 11, 12)).days
    assert marks(window, date(2026, 11, 20)).campaigns
    window.filters.marks.campaigns.setChecked(False)
    assert not marks(window, date(2026, 11, 20)).campaigns
    assert window.month_model.shown == Shown(campaigns=False, events=True, days=False)


def test_week_view_shows_the_marks_of_its_days(qtbot: QtBot, window: MainWindow,
                                                workspace: Workspace, tmp_path: Path) -> None:
    workspace.planning.add_campaign(name="Hiver", start_day=date(2026, 11, 20),
                                    end_day=date(2026, 11, 24))
    workspace.days.import_shipped("fr")
    window.set_view("week", date(2026, 12, 1))
    week = window.week_view
    assert [d.name for d in week.marks_on(date(2026, 12, 5)).days] == [
        "Journée mondiale du bénévolat"]
    assert not week.marks_on(date(2026, 12, 2)).campaigns
    window.set_view("week", date(2026, 11, 23))
    assert week.marks_on(date(2026, 11, 23)).campaigns[0].name == "Hiver"
    window.grab().save(str(tmp_path / "week-days.png"))


def test_prepare_posts_creates_drafts_at_offsets_and_undo_removes_them(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    objective = workspace.objectives.add(name="Dons", kind=domain.ObjectiveKind.DONATIONS)
    campaign = workspace.planning.add_campaign(
        name="Hiver", start_day=date(2026, 11, 1), end_day=date(2026, 12, 31))
    event = workspace.planning.add_event(name="Collecte", start_day=date(2026, 12, 12),
                                         objective_id=objective.id, campaign_id=campaign.id)
    dialog = PreparePostsDialog(workspace.planning.plan_posts(event.id, PARIS), PARIS,
                                event.name, window)
    qtbot.addWidget(dialog)
    dialog.ticks[0].setChecked(False)  # no announcement
    dialog.times[1].setDateTime(dialog.times[1].dateTime().addSecs(2 * 3600))  # 12:00
    chosen = dialog.planned()
    before = {p.id for p in workspace.posts.query(domain.PostQuery(include_unscheduled=True))}
    window.undo_stack.push(PreparePostsCommand(workspace, event.id, chosen, "prepare",
                                               report=lambda m: None))

    def prepared() -> list[domain.Post]:
        return sorted((p for p in workspace.posts.query(domain.PostQuery(
            include_unscheduled=True)) if p.id not in before),
            key=lambda p: p.scheduled_at or p.created_at)

    posts = prepared()
    assert [(p.scheduled_at.astimezone(PARIS).date(), p.scheduled_at.astimezone(PARIS).hour)
            for p in posts if p.scheduled_at] == [
        (date(2026, 12, 11), 12), (date(2026, 12, 12), 9), (date(2026, 12, 13), 10)]
    assert all(p.editorial_state == domain.EditorialState.DRAFT for p in posts)
    assert all([o.name for o in p.objectives] == ["Dons"] for p in posts)
    assert workspace.planning.campaign_posts(campaign.id) == sorted(p.id for p in posts)

    window.undo_stack.undo()
    assert prepared() == []
    assert workspace.planning.campaign_posts(campaign.id) == []
    window.undo_stack.redo()
    assert len(prepared()) == 3
