"""The editor's "Repeat" section: rules from the controls, the summary and the next times,
saving a new recurring post, and saving an occurrence "this and the following" (undoable)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from pytestqt.qtbot import QtBot

from essplanner.domain import EditorialState, PostDraft, SeriesScope
from essplanner.ui.editor import editor as editor_module
from essplanner.ui.editor.editor import PostEditor
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace

from ..conftest import paris

pytestmark = pytest.mark.gui
PARIS = ZoneInfo("Europe/Paris")


def _editor(qtbot: QtBot, window: MainWindow, day: date, hour: int = 9) -> PostEditor:
    window.new_post(day=day)
    editor = window.editors[-1]
    qtbot.waitExposed(editor)
    editor.form.date_edit.setDate(QDate(day.year, day.month, day.day))
    editor.form.time_edit.setTime(QTime(hour, 0))
    return editor


def _choose(editor: PostEditor, freq: str) -> None:
    combo = editor.repeat.freq_combo
    combo.setCurrentIndex(combo.findData(freq))


def test_each_kind_of_rule_is_built_from_the_controls(qtbot: QtBot, window: MainWindow) -> None:
    # Tuesday 8 December 2026: the second Tuesday of its month
    editor = _editor(qtbot, window, date(2026, 12, 8))
    repeat = editor.repeat
    assert repeat.rule_text() is None
    assert not repeat.days_row.isVisible() and not repeat.summary.isVisible()
    # the keyboard alone: Down on the combo goes from "Does not repeat" to "Every day"
    repeat.freq_combo.setFocus()
    qtbot.keyClick(repeat.freq_combo, Qt.Key.Key_Down)
    assert repeat.freq == "DAILY"
    repeat.interval_spin.setValue(2)
    repeat.end_combo.setCurrentIndex(repeat.end_combo.findData("count"))
    repeat.count_spin.setValue(3)
    assert repeat.rule_text() == "FREQ=DAILY;INTERVAL=2;COUNT=3"
    assert editor.dirty

    _choose(editor, "WEEKLY")
    assert repeat.days_row.isVisible()
    assert repeat.day_checks["TU"].isChecked()  # the post's own day, ticked for you
    repeat.day_checks["TU"].setChecked(False)
    repeat.day_checks["MO"].setChecked(True)
    repeat.day_checks["WE"].setChecked(True)
    repeat.interval_spin.setValue(1)
    repeat.end_combo.setCurrentIndex(repeat.end_combo.findData("never"))
    assert repeat.rule_text() == "FREQ=WEEKLY;BYDAY=MO,WE"

    _choose(editor, "MONTHLY")
    assert repeat.monthly_row.isVisible()
    assert repeat.by_day_radio.text() == "On day 8"
    assert repeat.by_weekday_radio.text() == "On the second Tuesday"
    assert repeat.rule_text() == "FREQ=MONTHLY;BYMONTHDAY=8"
    repeat.by_weekday_radio.setChecked(True)
    assert repeat.rule_text() == "FREQ=MONTHLY;BYDAY=2TU"
    assert repeat.summary.text() == "The second Tuesday of every month at 09:00"
    repeat.end_combo.setCurrentIndex(repeat.end_combo.findData("until"))
    repeat.until_edit.setDate(QDate(2027, 3, 31))
    assert repeat.rule_text() == "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270331"

    _choose(editor, "YEARLY")
    repeat.end_combo.setCurrentIndex(repeat.end_combo.findData("never"))
    assert repeat.rule_text() == "FREQ=YEARLY"
    _choose(editor, "")
    assert repeat.rule_text() is None


def test_summary_next_times_and_the_31st(qtbot: QtBot, window: MainWindow) -> None:
    editor = _editor(qtbot, window, date(2026, 11, 30))  # a Monday
    repeat = editor.repeat
    _choose(editor, "WEEKLY")
    repeat.end_combo.setCurrentIndex(repeat.end_combo.findData("count"))
    repeat.count_spin.setValue(10)
    assert repeat.summary.text() == "Every Monday at 09:00, 10 times"
    lines = repeat.upcoming.text().splitlines()
    assert len(lines) == 6 and all("Monday" in line for line in lines[1:])
    assert "December" in lines[2] and " 7" in lines[2] and "09:00" in lines[2]
    assert not repeat.note.isVisible()

    from essplanner.i18n import set_language

    set_language("fr")
    try:
        repeat.count_spin.setValue(9)
        assert repeat.summary.text() == "Chaque lundi à 09:00, 9 fois"
    finally:
        set_language("en")

    # the 31st: the months without one are skipped, and said so
    editor.form.date_edit.setDate(QDate(2026, 12, 31))
    _choose(editor, "MONTHLY")
    repeat.end_combo.setCurrentIndex(repeat.end_combo.findData("never"))
    assert repeat.rule_text() == "FREQ=MONTHLY;BYMONTHDAY=31"
    assert repeat.note.isVisible()
    assert "Months without a day 31 are skipped" in repeat.note.text()
    names = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
    months = [next(m for m in names if m in line)
              for line in repeat.upcoming.text().splitlines()[1:]]
    assert months == ["December", "January", "March", "May", "July"]


def test_saving_a_new_recurring_post_makes_the_series_and_undo_removes_it(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    editor = _editor(qtbot, window, date(2026, 11, 30))
    editor.form.body_edit.setPlainText("L'astuce du lundi")
    editor.form.state_combo.setCurrentIndex(
        editor.form.state_combo.findData(EditorialState.APPROVED.value))
    editor.form.accounts.set_checked([account.id])
    editor.form.schedule_check.setChecked(True)
    _choose(editor, "WEEKLY")
    editor.repeat.end_combo.setCurrentIndex(editor.repeat.end_combo.findData("count"))
    editor.repeat.count_spin.setValue(4)
    assert editor.save(), editor.form.message.text()

    [series] = workspace.series.all()
    assert series.rule == "FREQ=WEEKLY;BYDAY=MO;COUNT=4"
    posts = workspace.series.state([series.id]).posts
    assert sorted(p.scheduled_at for p in posts) == [  # type: ignore[type-var]
        paris(2026, 11, 30, 9), paris(2026, 12, 7, 9), paris(2026, 12, 14, 9),
        paris(2026, 12, 21, 9)]
    assert {p.body for p in posts} == {"L'astuce du lundi"}
    assert window.undo_stack.undoText().startswith("Create the recurring post")
    window.undo_stack.undo()
    assert workspace.series.all() == []
    assert workspace.series.state([series.id]).posts == ()
    window.undo_stack.redo()
    assert len(workspace.series.state([series.id]).posts) == 4


def test_an_existing_single_post_starts_repeating_and_undo_makes_it_single_again(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    post = workspace.posts.create(
        PostDraft(body="Permanence", account_ids=(account.id,),
                  editorial_state=EditorialState.APPROVED),
        scheduled_at=paris(2026, 11, 30, 9), schedule=True)
    window.open_post(post.id)
    editor = window.editors[-1]
    qtbot.waitExposed(editor)
    assert editor.repeat.isEnabled()
    editor.form.body_edit.setPlainText("Permanence du lundi")
    _choose(editor, "WEEKLY")
    editor.repeat.end_combo.setCurrentIndex(editor.repeat.end_combo.findData("count"))
    editor.repeat.count_spin.setValue(3)
    assert editor.save(), editor.form.message.text()

    [series] = workspace.series.all()
    posts = workspace.series.state([series.id]).posts
    assert sorted(p.scheduled_at for p in posts) == [  # type: ignore[type-var]
        paris(2026, 11, 30, 9), paris(2026, 12, 7, 9), paris(2026, 12, 14, 9)]
    assert post.id in {p.id for p in posts}  # the post itself is the first occurrence
    assert {p.body for p in posts} == {"Permanence du lundi"}
    assert window.undo_stack.undoText().startswith("Make")
    window.undo_stack.undo()
    single = workspace.posts.get(post.id)
    assert single.series_id is None and single.body == "Permanence"
    assert workspace.series.all() == []
    window.undo_stack.redo()
    assert len(workspace.series.state([series.id]).posts) == 3


def test_saving_an_occurrence_this_and_the_following_splits_and_undo_restores(
        qtbot: QtBot, window: MainWindow, workspace: Workspace,
        monkeypatch: pytest.MonkeyPatch) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    series, posts = workspace.series.create(
        PostDraft(body="L'astuce du lundi", account_ids=(account.id,),
                  editorial_state=EditorialState.APPROVED),
        rule="FREQ=WEEKLY;BYDAY=MO;COUNT=4", start=datetime(2026, 11, 30, 9, 0, tzinfo=PARIS))
    asked: list[str] = []

    def ask(_parent: object, title: str) -> SeriesScope:
        asked.append(title)
        return SeriesScope.FOLLOWING

    monkeypatch.setattr(editor_module, "ask_scope", ask)
    window.open_post(posts[2].id)
    editor = window.editors[-1]
    qtbot.waitExposed(editor)
    assert editor.repeat.rule_text() == "FREQ=WEEKLY;BYDAY=MO;COUNT=4"
    assert editor.repeat.summary.text() == "Every Monday at 09:00, 4 times"
    editor.form.body_edit.setPlainText("L'astuce du lundi, nouvelle formule")
    editor.form.time_edit.setTime(QTime(11, 0))
    assert editor.save(), editor.form.message.text()
    assert asked == ["Save a recurring post"]

    def shown() -> list[tuple[str, str]]:
        ids = [s.id for s in workspace.series.all()]
        return sorted((p.scheduled_at.astimezone(PARIS).strftime("%m-%d %H:%M"),  # type: ignore[union-attr]
                       p.body) for p in workspace.series.state(ids).posts)

    assert len(workspace.series.all()) == 2
    assert shown() == [("11-30 09:00", "L'astuce du lundi"), ("12-07 09:00", "L'astuce du lundi"),
                       ("12-14 11:00", "L'astuce du lundi, nouvelle formule"),
                       ("12-21 11:00", "L'astuce du lundi, nouvelle formule")]
    window.undo_stack.undo()
    assert [s.rule for s in workspace.series.all()] == ["FREQ=WEEKLY;BYDAY=MO;COUNT=4"]
    assert shown() == [(d, "L'astuce du lundi") for d in ("11-30 09:00", "12-07 09:00",
                                                          "12-14 09:00", "12-21 09:00")]
    assert series.id == workspace.series.all()[0].id


def test_a_new_rule_for_one_occurrence_only_is_refused(
        qtbot: QtBot, window: MainWindow, workspace: Workspace,
        monkeypatch: pytest.MonkeyPatch) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    _series, posts = workspace.series.create(
        PostDraft(body="Astuce", account_ids=(account.id,)),
        rule="FREQ=WEEKLY;BYDAY=MO;COUNT=4", start=datetime(2026, 11, 30, 9, 0, tzinfo=PARIS))
    monkeypatch.setattr(editor_module, "ask_scope", lambda *_a: SeriesScope.THIS)
    window.open_post(posts[1].id)
    editor = window.editors[-1]
    editor.repeat.count_spin.setValue(6)
    assert not editor.save()
    assert "this occurrence and the following ones" in editor.form.message.text()
    assert [s.rule for s in workspace.series.all()] == ["FREQ=WEEKLY;BYDAY=MO;COUNT=4"]
