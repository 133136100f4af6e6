"""The status bar says which video is being sent and how far it got (issue 12)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from essplanner import models
from essplanner.domain import DeliveryState, PostDraft
from essplanner.scheduler.store import DeliveryStore
from essplanner.scheduler.uploads import TargetUploads
from essplanner.timeutil import FakeClock
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace

pytestmark = pytest.mark.gui


def _sending(workspace: Workspace, clock: FakeClock, title: str, account: str) -> int:
    """A post whose one target the publishing service is sending (state publishing)."""
    acc = workspace.accounts.add(platform="dryrun", name=account,
                                 settings={"mimic": "youtube"})
    post = workspace.posts.create(PostDraft(title=title, body="Notre vidéo",
                                            account_ids=(acc.id,)),
                                  scheduled_at=clock.now() + timedelta(hours=1))
    target_id = post.targets[0].id
    with workspace.db.write() as s:
        row = s.get(models.Target, target_id)
        assert row is not None
        row.state = DeliveryState.PUBLISHING.value
    return target_id


def test_a_video_being_sent_shows_its_progress_then_goes(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, clock: FakeClock) -> None:
    label = window.upload_status
    window.refresh()
    assert label.isHidden()  # nothing is being sent
    assert label.textFormat() is Qt.TextFormat.PlainText  # "<b>" in a title is shown as typed

    target_id = _sending(workspace, clock, "Vide-grenier solidaire", "Chaîne de l’asso")
    store = DeliveryStore(workspace.db, owner="test")
    uploads = TargetUploads(store, target_id, clock.now)
    uploads.put({"uri": "https://upload.example/session/1"})
    uploads.progress(21_000_000, 50_000_000)
    window.refresh()
    assert not label.isHidden()
    assert "Vide-grenier solidaire" in label.text() and "YouTube" in label.text()
    assert "Chaîne de l’asso" in label.text()
    assert "42" in label.text() and "21" in label.text() and "50" in label.text()

    second = _sending(workspace, clock, "Atelier vélo", "Autre chaîne")
    other = TargetUploads(store, second, clock.now)
    other.progress(50_000_000, 50_000_000)
    window.refresh()
    assert "71" in label.text()  # 71 MB of 100 MB, both videos together
    assert "Atelier vélo" in label.toolTip() and "Vide-grenier" in label.toolTip()

    for done in (target_id, second):
        TargetUploads(store, done, clock.now).clear()
    window.refresh()
    assert label.isHidden()
