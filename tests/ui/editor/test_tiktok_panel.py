"""The editor's TikTok panel: TikTok's Content Sharing Guidelines to the letter (creator's
nickname, privacy with no default, interactions greyed out when the creator turned them
off, the commercial content disclosure and its labels, the music usage declaration, the
maximum duration), and the choices kept as the target's options."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtGui import QStandardItemModel
from pytestqt.qtbot import QtBot

from essplanner.publishers.base import PublisherContext
from essplanner.publishers.tiktok import TikTokPublisher
from essplanner.publishers.tiktok.publisher import CreatorInfo
from essplanner.ui.editor.state import Level
from essplanner.ui.editor.tiktok_panel import TikTokPanel
from essplanner.ui.mainwindow import MainWindow
from essplanner.ui.tasks import TaskRunner
from essplanner.workspace import Workspace

pytestmark = pytest.mark.gui

CREATOR: dict[str, Any] = {
    "username": "amisduquartier", "nickname": "Les Amis du Quartier", "avatar_url": "",
    "privacy_level_options": ["PUBLIC_TO_EVERYONE", "FOLLOWER_OF_CREATOR", "SELF_ONLY"],
    "comment_disabled": False, "duet_disabled": True, "stitch_disabled": True,
    "max_video_post_duration_sec": 180}


def _panel(qtbot: QtBot, options: dict[str, Any] | None = None) -> TikTokPanel:
    runner = TaskRunner()
    panel = TikTokPanel(lambda: CREATOR, options or {}, runner)
    panel._test_runner = runner  # type: ignore[attr-defined]  # kept alive with the panel
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.creator is not None, timeout=5000)
    return panel


def test_the_creator_is_shown_and_nothing_is_chosen_for_the_person(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    assert "Les Amis du Quartier" in panel.creator_label.text()
    assert panel.privacy.currentData() is None  # no default privacy
    assert [panel.privacy.itemData(i) for i in range(1, panel.privacy.count())] == \
        CREATOR["privacy_level_options"]
    assert not panel.comment.isChecked() and panel.comment.isEnabled()
    for greyed in (panel.duet, panel.stitch):  # turned off by the creator
        assert not greyed.isChecked() and not greyed.isEnabled()
    assert not panel.disclose.isChecked()
    assert "Music Usage Confirmation" in panel.declaration.text()
    assert "180 s" in panel.duration.text()
    options = panel.options()
    assert "privacy_level" not in options
    assert options["allow_comment"] is False and options["max_video_post_duration_sec"] == 180


def test_the_commercial_disclosure_and_its_labels(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    panel.disclose.setChecked(True)
    assert panel.your_brand.isVisibleTo(panel) and panel.branded.isVisibleTo(panel)
    assert panel.your_brand.text() == "Your brand" and panel.branded.text() == "Branded content"
    assert "promotes yourself, a third party, or both" in panel.label_notice.text()
    panel.your_brand.setChecked(True)
    assert panel.label_notice.text() == "Your video will be labeled as 'Promotional content'"
    panel.branded.setChecked(True)
    assert panel.label_notice.text() == "Your video will be labeled as 'Paid partnership'"
    assert "Branded Content Policy" in panel.declaration.text()
    model = panel.privacy.model()
    assert isinstance(model, QStandardItemModel)
    assert not model.item(panel.privacy.findData("SELF_ONLY")).isEnabled()  # not private
    panel.branded.setChecked(False)
    panel.privacy.setCurrentIndex(panel.privacy.findData("SELF_ONLY"))
    assert not panel.branded.isEnabled()
    assert panel.options()["privacy_level"] == "SELF_ONLY"
    assert panel.options()["your_brand"] is True and panel.options()["branded_content"] is False


def test_stored_choices_come_back_but_a_creator_turning_off_wins(qtbot: QtBot) -> None:
    panel = _panel(qtbot, {"privacy_level": "FOLLOWER_OF_CREATOR", "allow_comment": True,
                           "allow_duet": True})
    assert panel.privacy.currentData() == "FOLLOWER_OF_CREATOR"
    assert panel.comment.isChecked()
    assert not panel.duet.isChecked() and panel.options()["allow_duet"] is False


class _Creator(TikTokPublisher):
    """TikTok with its creator info answered locally (the publisher's own HTTP path is
    tested against the fake server in tests/publishers/test_tiktok.py)."""

    def creator_info(self, context: PublisherContext) -> CreatorInfo:
        return CreatorInfo.from_data({"creator_username": CREATOR["username"],
                                      "creator_nickname": CREATOR["nickname"],
                                      **{k: v for k, v in CREATOR.items()
                                         if k not in ("username", "nickname")}})


def test_the_editor_shows_the_panel_and_refuses_to_schedule_without_privacy(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    workspace.registry.register("tiktok", _Creator)
    account = workspace.accounts.add(platform="tiktok", name="TikTok asso")
    window.new_post(day=date(2026, 12, 3))
    editor = window.editors[-1]
    qtbot.waitExposed(editor)
    editor.form.body_edit.setPlainText("Chantier participatif")
    editor.form.accounts.set_checked([account.id])
    editor.form.schedule_check.setChecked(True)
    qtbot.waitUntil(lambda: account.id in editor.tiktok_panels, timeout=3000)
    panel = editor.tiktok_panels[account.id]
    qtbot.waitUntil(lambda: panel.creator is not None, timeout=5000)
    assert "Les Amis du Quartier" in panel.creator_label.text()
    editor._check_timer.stop()
    editor.refresh()
    errors = [p.message for p in editor.problems() if p.level is Level.ERROR]
    assert any("Choose who can see the video on TikTok" in m for m in errors)
    panel.privacy.setCurrentIndex(panel.privacy.findData("PUBLIC_TO_EVERYONE"))
    editor._check_timer.stop()
    editor.refresh()
    errors = [p.message for p in editor.problems() if p.level is Level.ERROR]
    assert not any("TikTok" in m and "see the video" in m for m in errors)
    assert editor.state().options[account.id]["privacy_level"] == "PUBLIC_TO_EVERYONE"
