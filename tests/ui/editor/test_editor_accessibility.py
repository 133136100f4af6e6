"""The editor lists the accessibility findings in the post's language; the workspace's
setting makes an alternative text that says nothing an error that refuses scheduling."""

from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from essplanner import domain
from essplanner.ui.editor.editor import PostEditor
from essplanner.ui.editor.state import Level
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace

pytestmark = pytest.mark.gui


def _editor(window: MainWindow, qtbot: QtBot) -> PostEditor:
    window.new_post(day=date(2026, 12, 3))
    editor = window.editors[-1]
    qtbot.waitExposed(editor)
    return editor


def _refreshed(editor: PostEditor) -> None:
    editor._check_timer.stop()
    editor.refresh()


def _messages(editor: PostEditor, level: Level) -> list[str]:
    return [p.message for p in editor.problems() if p.level is level]


def _language(editor: PostEditor, code: str) -> None:
    combo = editor.form.language_combo
    combo.setCurrentIndex(combo.findData(code))


def test_the_findings_are_listed_in_the_posts_language(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    editor = _editor(window, qtbot)
    f = editor.form
    f.body_edit.setPlainText("VENEZ TRÈS NOMBREUX à l'AG ! #journéemondialedesbénévoles")
    _language(editor, "fr")
    _refreshed(editor)
    warnings = _messages(editor, Level.WARNING)
    assert ("Les lecteurs d’écran lisent #journéemondialedesbénévoles comme un seul mot\u00a0: "
            "écrivez #JournéeMondialeDesBénévoles.") in warnings
    assert any(m.startswith("« VENEZ TRÈS NOMBREUX » est en majuscules") for m in warnings)
    assert any(m.startswith("AG\u00a0: tout le monde") for m in warnings)
    assert _messages(editor, Level.ERROR) == []
    f.body_edit.setPlainText("Join our AGM! #internationalvolunteerday")
    _language(editor, "en")
    _refreshed(editor)
    warnings = _messages(editor, Level.WARNING)
    assert ("Screen readers read #internationalvolunteerday as one word: write "
            "#InternationalVolunteerDay.") in warnings
    assert any(m.startswith("AGM: not everyone knows") for m in warnings)
    f.body_edit.setPlainText("Join our annual meeting! #InternationalVolunteerDay")
    _refreshed(editor)
    assert _messages(editor, Level.WARNING) == []


def test_the_setting_makes_a_meaningless_alt_text_block_scheduling(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path) -> None:
    workspace.accounts.add(platform="dryrun", name="Essai", settings={})
    editor = _editor(window, qtbot)
    f = editor.form
    f.body_edit.setPlainText("Notre atelier vélo samedi")
    _language(editor, "en")
    f.accounts.set_checked([a.id for a in editor.accounts])
    image = tmp_path / "IMG_2041.png"
    Image.new("RGB", (30, 20), "green").save(image)
    editor.add_images([str(image)])
    f.media_view.setCurrentIndex(f.media.index(0, 0))
    qtbot.keyClicks(f.alt_edit, "IMG_2041.png")
    f.schedule_check.setChecked(True)
    _refreshed(editor)
    expected = ("Image 1: “IMG_2041.png” is a file name, which a screen reader reads out as it "
                "is. Describe what the image shows.")
    assert expected in _messages(editor, Level.WARNING)
    assert _messages(editor, Level.ERROR) == []
    workspace.settings.alt_text_blocking = True
    _refreshed(editor)
    assert _messages(editor, Level.ERROR) == [expected]
    assert not editor.save()
    assert workspace.posts.query(domain.PostQuery(include_unscheduled=True)) == []
    f.alt_edit.clear()
    qtbot.keyClicks(f.alt_edit, "Two volunteers repair a bicycle")
    _refreshed(editor)
    assert _messages(editor, Level.ERROR) == []
    with qtbot.waitSignal(editor.saved):
        assert editor.save()
    (post,) = workspace.posts.query(domain.PostQuery(include_unscheduled=True))
    assert post.targets[0].state is domain.DeliveryState.SCHEDULED
