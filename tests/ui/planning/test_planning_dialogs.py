"""Events, campaigns and awareness days managed from the window (Tools menu), undone on
the window's stack; a post's campaign in the editor; free slots in the coverage grid."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTime
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from essplanner import domain
from essplanner.services.slots import parse_slots
from essplanner.ui import messages
from essplanner.ui.calendar.month_model import Role
from essplanner.ui.mainwindow import MainWindow
from essplanner.ui.planning import actions
from essplanner.ui.planning.days import AwarenessDialog
from essplanner.ui.planning.events import PlanningDialog
from essplanner.workspace import Workspace
from tests.services.test_planning import days_file

PARIS = ZoneInfo("Europe/Paris")


def dialog_of(qtbot: QtBot, window: MainWindow) -> PlanningDialog:
    window.action_events.trigger()
    found = window.findChildren(PlanningDialog)
    assert len(found) == 1
    qtbot.addWidget(found[0])
    return found[0]


def test_events_added_edited_deleted_from_the_dialog_and_undone(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    campaign = workspace.planning.add_campaign(name="Hiver", start_day=date(2026, 11, 1),
                                               end_day=date(2026, 12, 31))
    dialog = dialog_of(qtbot, window)
    form = dialog.edit_event(None)
    form.name.setText("Assemblée générale")
    form.all_day.setChecked(False)
    form.start_day.setDate(QDate(2026, 12, 12))
    form.start_time.setTime(QTime(14, 30))
    form.end_time.setTime(QTime(17, 0))
    form.place.setText("Salle des fêtes")
    form.campaign.setCurrentIndex(form.campaign.findData(campaign.id))
    form.buttons.accepted.emit()
    assert form.result() == 1
    (event,) = workspace.planning.events()
    assert event.name == "Assemblée générale" and not event.all_day
    assert event.starts_at == datetime(2026, 12, 12, 14, 30, tzinfo=PARIS).astimezone(UTC)
    assert event.ends_at == datetime(2026, 12, 12, 17, 0, tzinfo=PARIS).astimezone(UTC)
    assert (event.place, event.campaign_id) == ("Salle des fêtes", campaign.id)
    assert dialog.events.topLevelItemCount() == 1
    assert dialog.events.topLevelItem(0).text(3) == "Hiver"

    # a mistake is said in the form, which stays open; nothing is stored
    form = dialog.edit_event(event.id)
    assert form.name.text() == "Assemblée générale" and form.start_time.time() == QTime(14, 30)
    form.name.setText("  ")
    form.buttons.accepted.emit()
    assert form.isVisible() and form.error.isVisible() and form.error.text()
    assert workspace.planning.event(event.id).name == "Assemblée générale"
    form.name.setText("AG")
    form.all_day.setChecked(True)
    form.end_day.setDate(QDate(2026, 12, 13))
    form.buttons.accepted.emit()
    changed = workspace.planning.event(event.id)
    assert (changed.name, changed.all_day, changed.start_day, changed.end_day) == (
        "AG", True, date(2026, 12, 12), date(2026, 12, 13))

    window.undo_stack.undo()  # the change
    assert workspace.planning.event(event.id).name == "Assemblée générale"
    window.undo_stack.redo()
    assert workspace.planning.event(event.id).name == "AG"

    dialog.select(dialog.events, event.id)
    dialog.delete_event_button.click()
    assert workspace.planning.events() == []
    assert dialog.events.topLevelItemCount() == 0
    window.undo_stack.undo()  # the deletion: made again, under a new number
    (back,) = workspace.planning.events()
    assert (back.name, back.start_day, back.campaign_id) == ("AG", date(2026, 12, 12),
                                                            campaign.id)
    window.undo_stack.undo()  # the change, on the event made again
    assert workspace.planning.event(back.id).name == "Assemblée générale"
    window.undo_stack.undo()  # the addition
    assert workspace.planning.events() == []


def test_campaigns_added_edited_deleted_with_their_posts_put_back_by_undo(
        qtbot: QtBot, window: MainWindow, workspace: Workspace,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = dialog_of(qtbot, window)
    form = dialog.edit_campaign(None)
    form.name.setText("Collecte d'hiver")
    form.start_day.setDate(QDate(2026, 12, 1))
    form.end_day.setDate(QDate(2026, 11, 1))  # follows nothing: a mistake
    form.buttons.accepted.emit()
    assert form.error.isVisible() and workspace.planning.campaigns() == []
    form.end_day.setDate(QDate(2027, 1, 15))
    form.colour.setText("vert")
    form.buttons.accepted.emit()
    assert "#rrggbb" in form.error.text()
    form.colour.setText("#E76F51")
    form.buttons.accepted.emit()
    (campaign,) = workspace.planning.campaigns()
    assert (campaign.name, campaign.start_day, campaign.end_day, campaign.colour) == (
        "Collecte d'hiver", date(2026, 12, 1), date(2027, 1, 15), "#e76f51")

    form = dialog.edit_campaign(campaign.id)
    form.name.setText("Collecte")
    form.buttons.accepted.emit()
    assert workspace.planning.campaign(campaign.id).name == "Collecte"

    post = workspace.posts.create(domain.PostDraft(title="Appel aux dons", body="Donnez"))
    event = workspace.planning.add_event(name="Collecte au marché",
                                         start_day=date(2026, 12, 5), campaign_id=campaign.id)
    workspace.planning.set_campaign([post.id], campaign.id)
    dialog.reload()
    assert dialog.campaigns.topLevelItem(0).text(3) == "1"
    asked: list[str] = []
    monkeypatch.setattr(messages, "question", lambda _p, _t, text, *a: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    dialog.select(dialog.campaigns, campaign.id)
    dialog.delete_campaign_button.click()
    assert len(asked) == 1 and workspace.planning.campaigns() == []
    assert workspace.planning.campaign_of(post.id) is None
    assert workspace.planning.event(event.id).campaign_id is None

    window.undo_stack.undo()
    (back,) = workspace.planning.campaigns()
    assert back.name == "Collecte" and back.colour == "#e76f51"
    assert workspace.planning.campaign_of(post.id) == back.id
    assert workspace.planning.event(event.id).campaign_id == back.id
    window.undo_stack.undo()  # the rename, on the campaign made again
    assert workspace.planning.campaign(back.id).name == "Collecte d'hiver"


def test_double_click_on_an_event_strip_opens_it_and_its_menu_prepares_posts(
        qtbot: QtBot, window: MainWindow, workspace: Workspace,
        monkeypatch: pytest.MonkeyPatch) -> None:
    event = workspace.planning.add_event(name="Portes ouvertes", start_day=date(2026, 11, 18))
    view = window.month_view
    qtbot.waitUntil(lambda: bool(window.month_model.index_of(date(2026, 11, 18)).data(
        Role.MARKS)))
    cell = view.visualRect(window.month_model.index_of(date(2026, 11, 18)))
    found = None
    for y in range(cell.top(), cell.bottom()):
        found = view.event_at(QPoint(cell.center().x(), y))
        if found is not None:
            point = QPoint(cell.center().x(), y)
            break
    assert found == event.id
    assert view.event_at(QPoint(cell.center().x(), cell.bottom() - 2)) is None
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    dialog = window.findChildren(PlanningDialog)[0]
    qtbot.addWidget(dialog)
    assert dialog.events.currentItem().text(1) == "Portes ouvertes"
    assert window.editors == []  # not a new post

    prepared: list[int | None] = []
    monkeypatch.setattr(window, "prepare_event_posts", prepared.append)
    menu = actions.event_menu(window, event.id)
    menu.actions()[1].trigger()
    dialog.prepare_button.click()
    assert prepared == [event.id, event.id]


def test_the_editor_campaign_combo_round_trip_and_the_chip_tooltip(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    winter = workspace.planning.add_campaign(name="Hiver", start_day=date(2026, 11, 1),
                                             end_day=date(2026, 12, 31))
    workspace.planning.add_campaign(name="Printemps", start_day=date(2027, 3, 1),
                                    end_day=date(2027, 5, 31))
    window.new_post(when=datetime(2026, 11, 30, 9, 0, tzinfo=UTC))
    (editor,) = window.editors
    assert [editor.campaign.itemText(i) for i in range(editor.campaign.count())][1:] == [
        "Hiver", "Printemps"]
    assert editor.campaign.chosen() is None
    editor.form.title_edit.setText("La collecte commence")
    editor.form.body_edit.setPlainText("Venez nombreux")
    editor.campaign.setCurrentIndex(editor.campaign.findData(winter.id))
    assert editor.save()
    post_id = editor.post.id if editor.post else 0
    assert workspace.planning.campaign_of(post_id) == winter.id

    window.open_post(post_id)
    editor = next(e for e in window.editors if e.post is not None and e.post.id == post_id)
    assert editor.campaign.chosen() == winter.id
    chip = next(c for c in window.post_model._chips if c.post_id == post_id)
    assert "Campaign: Hiver" in chip.tooltip() or "Campagne : Hiver" in chip.tooltip() \
        or "Campagne\u202f: Hiver" in chip.tooltip()
    editor.campaign.setCurrentIndex(0)
    assert editor.dirty
    assert editor.save()
    assert workspace.planning.campaign_of(post_id) is None
    qtbot.waitUntil(lambda: "Hiver" not in next(
        c for c in window.post_model._chips if c.post_id == post_id).tooltip())


def test_awareness_days_loaded_imported_listed_and_removed(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window.action_days.trigger()
    (dialog,) = window.findChildren(AwarenessDialog)
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItemCount() == 0 and not dialog.empty.isHidden()
    dialog.load_button.click()
    assert workspace.days.days()
    rows = [(dialog.tree.topLevelItem(i).text(0), dialog.tree.topLevelItem(i).text(1),
             dialog.tree.topLevelItem(i).text(2))
            for i in range(dialog.tree.topLevelItemCount())]
    # today is 2026-11-27: the coming three months, the volunteers' day among them
    assert "26/11/2026" not in {r[0] for r in rows}
    assert {r[0][-4:] for r in rows} <= {"2026", "2027"}
    volunteering = [r for r in rows if r[0] == "05/12/2026"]
    assert volunteering and volunteering[0][2]  # its suggested personas, named
    assert dialog.empty.isHidden()
    loaded = len(workspace.days.days())
    dialog.load_button.click()  # again: nothing new
    assert len(workspace.days.days()) == loaded

    ics = tmp_path / "jours.ics"
    ics.write_bytes(days_file())
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(ics), "")))
    dialog.file_button.click()
    assert len(workspace.days.days()) > loaded
    dialog.months.setValue(12)  # Thanksgiving was yesterday: the next one is in 2027
    names = {dialog.tree.topLevelItem(i).text(1)
             for i in range(dialog.tree.topLevelItemCount())}
    assert "Thanksgiving" in names

    bad = tmp_path / "faux.ics"
    bad.write_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nnot a line\nEND:VEVENT\nEND:VCALENDAR\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(bad), "")))
    dialog.file_button.click()
    assert "3" in dialog.status.text() and dialog.status.text().startswith("⚠")

    row = next(i for i in range(dialog.tree.topLevelItemCount())
               if dialog.tree.topLevelItem(i).text(1) == "Thanksgiving")
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(row))
    dialog.remove_button.click()
    assert "Thanksgiving" not in {d.name for d in workspace.days.days()}
    window.undo_stack.undo()
    assert "Thanksgiving" in {d.name for d in workspace.days.days()}


def test_coverage_headers_show_the_free_posting_slots_of_each_week(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    from essplanner.ui.kpi.coverage import CoverageWindow

    workspace.personas.add(name="Karim")
    account = workspace.accounts.add(platform="dryrun", name="Page")
    workspace.slots.set_slots(account.id, parse_slots("mon 09:00, wed 18:30, fri 17:00"))
    workspace.posts.create(domain.PostDraft(body="Déjà là", account_ids=(account.id,)),
                           scheduled_at=datetime(2026, 12, 2, 17, 30, tzinfo=UTC),
                           schedule=True)  # Wed 18:30 in Paris: that slot is taken
    coverage = CoverageWindow(workspace, window.bridge, window)
    qtbot.addWidget(coverage)
    model = coverage.model

    def free() -> dict[date, int]:
        weeks = model.coverage.weeks if model.coverage else ()
        return {w.start: model.free(i) for i, w in enumerate(weeks)}

    # today is Friday 27 November, 10:00 in Paris: that week has Friday 17:00 left
    assert free()[date(2026, 11, 16)] == 0
    assert free()[date(2026, 11, 23)] == 1
    coverage.step(1)  # December
    # the week of 30 November, in December: Wednesday is taken, Friday is free
    assert free()[date(2026, 11, 30)] == 1
    assert free()[date(2026, 12, 7)] == 3
    column = [w.start for w in model.coverage.weeks].index(date(2026, 12, 7))
    header = model.headerData(column, Qt.Orientation.Horizontal)
    assert "3" in header.splitlines()[1]
    cell = model.index(0, column)  # Karim: nothing planned, three free slots
    assert "3" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
