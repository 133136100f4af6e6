"""Published means published: the editor of a post that went out shows where and when, a
link that opens it and its latest metrics; its content is read-only; changing it makes a
new post; Open on the network / Copy link / Duplicate / Publish now."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from essplanner import domain, models
from essplanner.domain import DeliveryState
from essplanner.errors import ValidationError
from essplanner.ui.editor.editor import PostEditor
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace

from ..conftest import Dialogs, paris

pytestmark = pytest.mark.gui

PARIS = ZoneInfo("Europe/Paris")
URL = "https://bsky.app/profile/asso.example/post/3kabc"


def _published_post(workspace: Workspace) -> domain.Post:
    account = workspace.accounts.add(platform="dryrun", name="Asso Mastodon",
                                     settings={"mimic": "mastodon"})
    post = workspace.posts.create(
        domain.PostDraft(title="Collecte", body="Merci aux bénévoles !",
                         editorial_state=domain.EditorialState.APPROVED,
                         account_ids=(account.id,)),
        scheduled_at=paris(2026, 11, 20, 9))
    target = post.targets[0]
    now = workspace.clock.now()
    with workspace.db.write() as s:
        s.execute(update(models.Target).where(models.Target.id == target.id).values(
            state=DeliveryState.PUBLISHED.value, remote_id="at://x", remote_url=URL,
            published_at=paris(2026, 11, 20, 9)))
        s.add(models.TargetMetric(target_id=target.id, read_at=now - timedelta(days=1),
                                  name="likes", value=3))
        s.add(models.TargetMetric(target_id=target.id, read_at=now, name="likes", value=7))
    return workspace.posts.get(post.id)


def test_a_published_posts_editor_shows_the_link_and_is_read_only(
        qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    post = _published_post(workspace)
    editor = PostEditor(workspace, PARIS, post=post)
    qtbot.addWidget(editor)
    editor.show()
    f = editor.form
    assert f.published_box.isVisible()
    text = f.published_box.text()
    assert URL in text and "Open on the network" in text
    assert "Mastodon · Asso Mastodon" in text
    assert "likes 7" in text  # the latest reading, not the first
    assert f.body_edit.isReadOnly() and f.title_edit.isReadOnly()
    assert not f.save_button.isEnabled() and not f.accounts_view.isEnabled()

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(
        lambda url: opened.append(url) or True))
    f.published_box.linkActivated.emit(URL)
    assert opened == [QUrl(URL)]
    editor.action_open_online.trigger()
    assert opened[-1] == QUrl(URL)
    editor.action_copy_link.trigger()
    assert QGuiApplication.clipboard().text() == URL
    assert not editor.action_publish_now.isEnabled()  # nothing left to send


def test_editing_a_published_post_makes_a_new_post(
        qtbot: QtBot, window: MainWindow, workspace: Workspace,
        monkeypatch: pytest.MonkeyPatch) -> None:
    post = _published_post(workspace)
    window.open_post(post.id)
    editor = window.editors[0]
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        buttons = [b for b in box.buttons()
                   if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole]
        buttons[0].click()
        return 0

    from essplanner.ui import messages

    monkeypatch.setattr(messages, "ask", answer)
    editor.form.edit_published_button.click()
    assert "already online" in asked[0]
    assert len(window.editors) == 2
    copy = window.editors[1]
    assert copy.post is not None and copy.post.id != post.id
    assert copy.form.body_edit.toPlainText() == "Merci aux bénévoles !"
    assert not copy.form.body_edit.isReadOnly()
    assert [t.state for t in copy.post.targets] == [DeliveryState.DRAFT]
    assert copy.post.editorial_state is domain.EditorialState.DRAFT
    # the original kept its history
    assert workspace.posts.get(post.id).targets[0].state is DeliveryState.PUBLISHED
    window.undo_stack.undo()  # the copy is one undoable step
    assert all(p.id != copy.post.id for p in workspace.posts.query(domain.PostQuery()))


def test_publish_now_sends_what_has_not_gone_out(qtbot: QtBot, workspace: Workspace,
                                                 make_post) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    post = make_post("Demain", at=paris(2026, 12, 24, 9), accounts=(account.id,))
    editor = PostEditor(workspace, PARIS, post=post)
    qtbot.addWidget(editor)
    assert editor.action_publish_now.isEnabled()
    editor.action_publish_now.trigger()
    target = workspace.posts.get(post.id).targets[0]
    assert target.state is DeliveryState.SCHEDULED
    assert target.next_attempt_at == workspace.clock.now()


def test_reticking_publish_automatically_on_a_published_post_says_why(
        workspace: Workspace) -> None:
    post = _published_post(workspace)
    with pytest.raises(ValidationError) as info:
        workspace.posts.update(post.id, domain.PostDraft(
            title=post.title, body=post.body, account_ids=(post.targets[0].account_id,)),
            expected_version=post.version, schedule=True)
    assert "already gone out" in str(info.value)
    assert "Choose at least one account" not in str(info.value)


def test_auto_publishing_a_post_not_approved_asks_first(
        qtbot: QtBot, workspace: Workspace, dialogs: Dialogs) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    editor = PostEditor(workspace, PARIS, start=paris(2026, 12, 24, 9).astimezone(
        PARIS).replace(tzinfo=None))
    qtbot.addWidget(editor)
    f = editor.form
    f.body_edit.setPlainText("Bonjour")
    f.accounts.set_checked([account.id])
    f.schedule_check.setChecked(True)
    dialogs.answer = QMessageBox.StandardButton.Cancel
    assert editor.save() is False
    assert "not “Approved”" in dialogs.texts()[-1]
    assert workspace.posts.query(domain.PostQuery(include_unscheduled=True)) == []
    dialogs.answer = QMessageBox.StandardButton.Yes
    assert editor.save() is True
    saved = workspace.posts.query(domain.PostQuery(include_unscheduled=True))
    assert [t.state for t in saved[0].targets] == [DeliveryState.SCHEDULED]
