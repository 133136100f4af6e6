"""Videos in the editor: a thumbnail made off the main thread, live checks, a cover, the
calendar chip's tooltip."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from essplanner import domain
from essplanner.services.calendar import entries_by_id
from essplanner.ui.calendar.post_model import Chip
from essplanner.ui.editor.editor import PostEditor
from essplanner.ui.editor.state import Level
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace
from tests.helpers.video import make_video

pytestmark = pytest.mark.gui


def _editor(window: MainWindow, qtbot: QtBot) -> PostEditor:
    window.new_post(day=date(2026, 12, 3))
    editor = window.editors[-1]
    qtbot.waitExposed(editor)
    return editor


def test_a_video_shows_its_thumbnail_checks_and_cover(qtbot: QtBot, window: MainWindow,
                                                      workspace: Workspace,
                                                      tmp_path: Path) -> None:
    insta = workspace.accounts.add(platform="instagram", name="Insta",
                                   settings={"ig_user_id": "17841"}, secret="EAAB-test-page-token-5e1f")
    editor = _editor(window, qtbot)
    f = editor.form
    f.body_edit.setPlainText("Le chantier")
    f.accounts.set_checked([insta.id])
    video = make_video(tmp_path / "chantier.mp4", seconds=1.0, width=320, height=180, fps=10)
    with qtbot.waitSignal(editor.thumbnails.made, timeout=10_000):
        editor.add_images([str(video)])
        index = f.media.index(0, 0)
        assert index.data(Qt.ItemDataRole.DecorationRole) is None  # being made, not blocking
    icon = f.media.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    assert icon is not None and not icon.isNull()
    assert "chantier.mp4 — 0:01" in f.media.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    editor._check_timer.stop()
    editor.refresh()
    assert not f.preview.image.pixmap().isNull()  # the preview shows the video's thumbnail
    errors = [p.message for p in editor.problems() if p.level is Level.ERROR]
    assert not any("alternative text" in m for m in errors)  # Instagram takes none for reels
    assert any("lasts 1 s; Instagram takes videos of at least 3 s" in m for m in errors)
    assert any("10 frames per second; Instagram needs at least 23" in m for m in errors)
    # a cover chosen for the selected video
    f.media_view.setCurrentIndex(f.media.index(0, 0))
    assert f.cover_button.isEnabled()
    cover = tmp_path / "couverture.jpg"
    Image.new("RGB", (64, 36), "red").save(cover)
    editor.images.choose_cover(str(cover))
    assert "cover chosen" in f.media.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    with qtbot.waitSignal(editor.saved):
        assert editor.save()
    editor.thumbnails.wait()
    (post,) = workspace.posts.query(domain.PostQuery(include_unscheduled=True))
    item = post.media[0]
    assert item.is_video and item.cover_path and Path(item.cover_path).exists()
    qtbot.waitUntil(lambda: Path(item.path + ".thumb.jpg").exists(), timeout=10_000)
    (found,) = entries_by_id(workspace.db, [post.id])
    assert found.video == item.path
    tooltip = Chip.of(found, editor.zone).tooltip()
    assert "<img src='file://" in tooltip and ".thumb.jpg" in tooltip
