"""The editor: live counters by each platform's rule, inline problems, preview, save, conflicts."""

from datetime import date, datetime
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QDate, Qt, QTime
from pytestqt.qtbot import QtBot

from essplanner import domain
from essplanner.channels.composer import build_request
from essplanner.domain import DeliveryState
from essplanner.ui.editor.editor import PostEditor
from essplanner.ui.editor.state import Level
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace

from ..conftest import Dialogs, paris

pytestmark = pytest.mark.gui


def _editor(window: MainWindow, qtbot: QtBot, **kwargs: object) -> PostEditor:
    if "post_id" in kwargs:
        window.open_post(int(kwargs["post_id"]))  # type: ignore[call-overload]
    else:
        window.new_post(day=kwargs.get("day", date(2026, 12, 3)))  # type: ignore[arg-type]
    editor = window.editors[-1]
    qtbot.waitExposed(editor)
    return editor


def _tick(editor: PostEditor, *names: str) -> None:
    accounts = {a.name: a.id for a in editor.accounts}
    editor.form.accounts.set_checked([accounts[n] for n in names])


def _refreshed(editor: PostEditor) -> None:
    editor._check_timer.stop()
    editor.refresh()


def _messages(editor: PostEditor, level: Level | None = None) -> list[str]:
    return [p.message for p in editor.problems() if level is None or p.level is level]


def test_counters_count_the_exact_text_by_each_platform_rule(
        qtbot: QtBot, window: MainWindow, nets: Workspace) -> None:
    short = nets.accounts.add(platform="dryrun", name="Short", settings={"mimic": "shortnet"})
    utf16 = nets.accounts.add(platform="bytenet", name="Utf16")
    editor = _editor(window, qtbot)
    f = editor.form
    qtbot.keyClicks(f.body_edit, "Venez ")
    f.body_edit.insertPlainText("😀")  # QTest cannot type characters outside the BMP
    f.link_edit.setText("https://exemple.org/atelier")
    f.cta_combo.setCurrentText("S’inscrire")
    f.hashtags_edit.setText("#ESS")
    _tick(editor, "Short", "Utf16")
    qtbot.waitUntil(lambda: editor.counter_for(short.id) is not None, timeout=2000)
    _refreshed(editor)
    counter = editor.counter_for(short.id)
    assert counter is not None
    # the text that will be sent: body, call to action with the UTM-tagged link, hashtags
    post = editor.state().preview_post(editor.objectives)
    sent = build_request(post, short).text
    assert counter.text == sent
    assert "S’inscrire → https://exemple.org/atelier?utm_source=shortnet" in sent
    assert sent.endswith("#ESS")
    # ShortNet counts graphemes, and every link as 23
    assert counter.count == len("Venez 😀\n\nS’inscrire → ") + 23 + len("\n\n#ESS")
    assert counter.limit == 60 and not counter.over
    bytes_counter = editor.counter_for(utf16.id)
    assert bytes_counter is not None and bytes_counter.limit == 40
    # UTF-16: the emoji counts 2, the link counts as typed (utm_source=bytenet)
    assert bytes_counter.count == len(bytes_counter.text.encode("utf-16-le")) // 2
    assert bytes_counter.over
    assert any("Utf16" in m and "40" in m for m in _messages(editor, Level.ERROR))
    assert "<b>" in f.counters.text() and "/ 60" in f.counters.text()


def test_a_variant_changes_only_its_own_account_and_the_preview_cuts_it(
        qtbot: QtBot, window: MainWindow, nets: Workspace) -> None:
    short = nets.accounts.add(platform="shortnet", name="Short")
    other = nets.accounts.add(platform="dryrun", name="Plain")
    editor = _editor(window, qtbot)
    f = editor.form
    f.body_edit.setPlainText("Texte principal")
    _tick(editor, "Short", "Plain")
    variant, _label = editor.variant_edits[short.id]
    variant.setPlainText("x" * 70)
    _refreshed(editor)
    assert editor.counter_for(short.id).count == 70  # type: ignore[union-attr]
    assert editor.counter_for(other.id).text == "Texte principal"  # type: ignore[union-attr]
    f.preview_combo.setCurrentIndex(f.preview_combo.findData(short.id))
    html = f.preview.text.text()
    assert "x" * 60 in html and "line-through" in html  # 10 characters over, shown struck out
    assert "70" in f.preview.footer.text() and "60" in f.preview.footer.text()


def test_scheduling_is_refused_until_the_problems_are_fixed(
        qtbot: QtBot, window: MainWindow, nets: Workspace, tmp_path: Path) -> None:
    nets.accounts.add(platform="shortnet", name="Short")
    marie = nets.personas.add(name="Marie", networks=["facebook"])
    editor = _editor(window, qtbot)
    f = editor.form
    f.body_edit.setPlainText("Notre atelier")
    _tick(editor, "Short")
    f.personas.set_checked([marie.id])
    image = tmp_path / "affiche.png"
    Image.new("RGB", (30, 20), "green").save(image)
    editor.add_images([str(image)])
    f.schedule_check.setChecked(True)
    _refreshed(editor)
    errors = _messages(editor, Level.ERROR)
    assert any("alternative text" in m for m in errors)
    warnings = _messages(editor, Level.WARNING)
    assert any("Marie is not on ShortNet" in m for m in warnings)
    assert not editor.save()
    assert f.message.isVisibleTo(editor) and "Fix the problems" in f.message.text()
    assert window.ws.posts.query(domain.PostQuery(include_unscheduled=True)) == []
    f.media_view.setCurrentIndex(f.media.index(0, 0))
    qtbot.keyClicks(f.alt_edit, "Une affiche verte")
    _refreshed(editor)
    assert _messages(editor, Level.ERROR) == []
    with qtbot.waitSignal(editor.saved):
        assert editor.save()
    post = window.ws.posts.query(domain.PostQuery(include_unscheduled=True))[0]
    assert post.media[0].alt_text == "Une affiche verte"
    assert post.targets[0].state is DeliveryState.SCHEDULED
    assert post.scheduled_at == paris(2026, 12, 3, 10, 0)
    # the creation is undoable
    window.action_undo.trigger()
    assert window.ws.posts.query(domain.PostQuery(include_unscheduled=True)) == []
    window.action_redo.trigger()
    assert len(window.ws.posts.query(domain.PostQuery(include_unscheduled=True))) == 1


def test_a_time_in_the_spring_forward_gap_is_an_inline_error(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    editor = _editor(window, qtbot)
    f = editor.form
    f.body_edit.setPlainText("nuit")
    f.date_edit.setDate(QDate(2027, 3, 28))
    f.time_edit.setTime(QTime(2, 30))
    _refreshed(editor)
    assert any("does not exist" in m for m in _messages(editor, Level.ERROR))
    f.time_edit.setTime(QTime(3, 30))
    _refreshed(editor)
    assert _messages(editor, Level.ERROR) == []


def test_editing_saves_the_text_and_undo_brings_it_back(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, make_post) -> None:
    post = make_post("Avant", at=paris(2026, 12, 5, 9))
    editor = _editor(window, qtbot, post_id=post.id)
    editor.form.body_edit.setPlainText("Après")
    assert editor.dirty
    assert editor.save()
    assert workspace.posts.get(post.id).body == "Après"
    window.action_undo.trigger()
    assert workspace.posts.get(post.id).body == "Avant"
    window.action_redo.trigger()
    assert workspace.posts.get(post.id).body == "Après"


def test_a_conflict_offers_to_take_theirs_and_never_overwrites(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, make_post, monkeypatch) -> None:
    from essplanner.ui.editor import conflict

    post = make_post("Version A", at=paris(2026, 12, 5, 9))
    editor = _editor(window, qtbot, post_id=post.id)
    workspace.posts.update(post.id, domain.PostDraft(body="Version B (collègue)"),
                           expected_version=post.version)
    editor.form.body_edit.setPlainText("Version C (moi)")
    offered: list[list[conflict.FieldDiff]] = []
    monkeypatch.setattr(conflict, "ask", lambda dialog: (
        offered.append(dialog.diffs), conflict.Choice.TAKE_THEIRS)[1])
    assert not editor.save()
    assert [(d.label, d.theirs, d.mine) for d in offered[0]] == [
        ("Text", "Version B (collègue)", "Version C (moi)")]
    assert workspace.posts.get(post.id).body == "Version B (collègue)"
    assert editor.form.body_edit.toPlainText() == "Version B (collègue)"
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == "Version C (moi)"
    assert not editor.dirty


def test_hashtag_sets_are_saved_and_inserted(qtbot: QtBot, window: MainWindow,
                                             workspace: Workspace, monkeypatch) -> None:
    editor = _editor(window, qtbot)
    editor.form.hashtags_edit.setText("#ESS #Solidarité")
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Base", True)))
    editor.hashtag_sets.save()
    assert [(s.name, s.tags) for s in workspace.hashtags.all()] == [
        ("Base", ("ESS", "Solidarité"))]
    editor.form.hashtags_edit.setText("#ess #Énergie")
    editor.hashtag_sets.fill()
    first = editor.hashtag_sets.menu.actions()[0]
    assert first.text().startswith("Base")
    first.trigger()
    assert editor.form.hashtags_edit.text() == "#ess #Énergie #Solidarité"


def test_closing_with_changes_asks_and_discarding_removes_the_autosave(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, dialogs: Dialogs) -> None:
    from PySide6.QtWidgets import QMessageBox

    editor = _editor(window, qtbot)
    qtbot.keyClicks(editor.form.body_edit, "brouillon")
    with qtbot.waitSignal(editor.autosaved, timeout=3000):
        pass
    path = editor.autosave_path
    assert path.exists()
    dialogs.answer = QMessageBox.StandardButton.Cancel
    editor.reject()
    assert editor.isVisible() and path.exists()
    dialogs.answer = QMessageBox.StandardButton.Discard
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert not path.exists()


def test_new_posts_start_at_the_next_hour_today_or_ten_on_another_day() -> None:
    from essplanner.ui.editor.state import default_start

    now = datetime(2026, 11, 27, 14, 20)
    assert default_start(date(2026, 11, 27), now) == datetime(2026, 11, 27, 15, 0)
    assert default_start(date(2026, 12, 1), now) == datetime(2026, 12, 1, 10, 0)
