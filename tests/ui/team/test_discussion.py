"""The editor's team side: submit, approve or ask for changes with a comment, the diff since
approval, the comments thread with @mentions, the history — and each person sees only the
actions their role allows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from essplanner import domain
from essplanner.domain import EditorialState, Member, Role
from essplanner.ui.accounts.dialog import AccountsDialog
from essplanner.ui.editor import discussion
from essplanner.ui.editor.discussion import CommentDialog, TeamSection
from essplanner.ui.editor.editor import PostEditor
from essplanner.ui.labels import fmt_datetime
from essplanner.ui.mainwindow import MainWindow
from essplanner.ui.settings_dialog import SettingsDialog
from essplanner.workspace import Workspace

from ..conftest import Dialogs
from .conftest import Crew

pytestmark = pytest.mark.gui

Become = Callable[[Member], Member]


def noon() -> str:
    """The fake clock's 27/11/2026 09:00 UTC, in Paris, as the app writes it now."""
    return fmt_datetime(datetime(2026, 11, 27, 10, 0))


def _draft(ws: Workspace, title: str = "Assemblée générale") -> domain.Post:
    return ws.posts.create(domain.PostDraft(title=title, body="Rendez-vous samedi à 14 h."))


def _open(window: MainWindow, qtbot: QtBot, post_id: int) -> PostEditor:
    window.open_post(post_id)
    editor = window.editors[-1]
    qtbot.waitExposed(editor)
    return editor


def _close(editor: PostEditor) -> None:
    editor.dirty = False
    editor.close()


def _answer(monkeypatch: pytest.MonkeyPatch, *answers: str | None) -> list[str]:
    """Answer the comment dialogs in turn; returns their titles."""
    asked: list[str] = []
    queue = list(answers)

    def ask(_parent: object, *, title: str, **_kwargs: object) -> str | None:
        asked.append(title)
        return queue.pop(0)

    monkeypatch.setattr(discussion, "ask_comment", ask)
    return asked


def test_submit_then_approve_with_a_comment_shows_in_the_history(
        window: MainWindow, workspace: Workspace, crew: Crew, become: Become, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    become(crew.chloe)
    post = _draft(workspace)
    editor = _open(window, qtbot, post.id)
    bar = editor.team.bar
    assert bar.isVisibleTo(editor) and bar.submit_button.isVisibleTo(editor)
    assert not bar.approve_button.isVisibleTo(editor)
    asked = _answer(monkeypatch, "", None)
    assert editor.team.submit() is True
    assert asked == ["Submit for review"]
    assert editor.post is not None and editor.post.editorial_state is EditorialState.IN_REVIEW
    assert editor.expected_version == editor.post.version  # a later save is no conflict
    assert editor.form.state_combo.currentData() == "in_review" and not editor.dirty
    assert bar.state.text() == f"In review: submitted by Chloé Durand on {noon()}."
    assert bar.approve_button.isVisibleTo(editor) and not bar.approve_button.isEnabled()
    assert bar.approve_button.toolTip() == "Only approvers can approve posts."
    _close(editor)

    become(crew.paul)
    editor = _open(window, qtbot, post.id)
    bar = editor.team.bar
    assert bar.approve_button.isEnabled() and bar.changes_button.isEnabled()
    assert editor.team.approve() is False  # the dialog cancelled: nothing changes
    assert workspace.posts.get(post.id).editorial_state is EditorialState.IN_REVIEW
    _answer(monkeypatch, "Parfait, on publie mardi @Chloé Durand")
    bar.approve_button.click()
    assert workspace.posts.get(post.id).editorial_state is EditorialState.APPROVED
    assert editor.team.panel.history.lines() == [
        f"{noon()} — Chloé Durand created the post",
        f"{noon()} — Chloé Durand submitted it for review",
        f"{noon()} — Paul Martin approved it: Parfait, on publie mardi @Chloé Durand"]
    assert bar.state.text() == f"Approved by Paul Martin on {noon()}."
    assert not bar.submit_button.isVisibleTo(editor)
    tabs = editor.form.side_tabs
    assert tabs.tabText(editor.team.tab) == "Discussion (1)"
    thread = editor.team.panel.comments_view.toPlainText()
    assert "Paul Martin" in thread and "Parfait, on publie mardi @Chloé Durand" in thread
    assert workspace.reviews.comments(post.id)[0].mentions == (crew.chloe.id,)


def test_request_changes_needs_a_comment_and_sends_the_post_back(
        window: MainWindow, workspace: Workspace, crew: Crew, become: Become, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    post = _draft(workspace)
    workspace.reviews.submit(post.id)
    become(crew.paul)
    editor = _open(window, qtbot, post.id)
    _answer(monkeypatch, "", "L'horaire est faux : 15 h")
    assert editor.team.request_changes() is False  # no comment: nothing sent
    assert workspace.posts.get(post.id).editorial_state is EditorialState.IN_REVIEW
    assert editor.team.request_changes() is True
    assert workspace.posts.get(post.id).editorial_state is EditorialState.DRAFT
    assert editor.team.bar.state.text() == \
        "Paul Martin asked for changes: L'horaire est faux : 15 h"
    assert editor.team.bar.submit_button.isVisibleTo(editor)

    dialog = CommentDialog(editor, title="Request changes", prompt="…", action="&Request",
                           required=True, names=["Paul Martin"])
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    dialog.edit.setPlainText("  ")
    assert not dialog.ok.isEnabled()
    dialog.edit.setPlainText("La date")
    assert dialog.ok.isEnabled() and dialog.text() == "La date"


def test_unsaved_changes_are_saved_before_a_review_step(
        window: MainWindow, workspace: Workspace, crew: Crew, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    post = _draft(workspace)
    editor = _open(window, qtbot, post.id)
    editor.form.body_edit.setPlainText("Autre texte")
    _answer(monkeypatch, "")
    assert editor.team.submit() is False
    assert editor.form.message.text() == \
        "Save your changes first: the review is of the saved post."
    assert workspace.posts.get(post.id).editorial_state is EditorialState.DRAFT
    _close(editor)


def test_an_approved_post_edited_shows_what_changed_since_approval(
        window: MainWindow, workspace: Workspace, crew: Crew, become: Become,
        qtbot: QtBot) -> None:
    post = _draft(workspace)
    workspace.reviews.submit(post.id)
    become(crew.paul)
    workspace.reviews.approve(post.id)
    become(crew.chloe)
    editor = _open(window, qtbot, post.id)
    assert editor.team.bar.diff.isHidden()
    editor.form.body_edit.setPlainText("Rendez-vous samedi à 15 h.")
    assert editor.save() is True  # the editor closes
    stored = workspace.posts.get(post.id)
    assert stored.editorial_state is EditorialState.IN_REVIEW  # back to review
    editor = _open(window, qtbot, post.id)
    assert editor.team.bar.state.text() == \
        f"Back in review: edited by Chloé Durand on {noon()} after its approval."
    diff = editor.team.bar.diff
    assert diff.isVisibleTo(editor)
    text = diff.text()
    assert "Changed since Paul Martin approved it:" in text
    # only the changed word is marked: the approved one struck through, the new one after
    assert ("<td>Rendez-vous samedi à <span style='color:#b71c1c; "
            "text-decoration:line-through'>14</span><span style='color:#1b5e20; "
            "background:#e8f5e9'>15</span> h.</td>") in text


# the offscreen platform cannot raise the completer's popup nor let it grab the keyboard
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_a_comment_with_an_at_mention_completes_the_name(
        window: MainWindow, workspace: Workspace, crew: Crew, qtbot: QtBot) -> None:
    post = _draft(workspace)
    editor = _open(window, qtbot, post.id)
    panel = editor.team.panel
    editor.form.side_tabs.setCurrentIndex(editor.team.tab)
    assert sorted(panel.edit.names()) == ["Alice Bernard", "Chloé Durand", "Paul Martin"]
    panel.edit.setFocus()
    qtbot.keyClicks(panel.edit, "Tu relis @pa")
    completer = panel.edit.completer
    assert completer.popup().isVisible()
    assert completer.completionModel().index(0, 0).data() == "Paul Martin"
    assert completer.completionCount() == 1
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert panel.edit.toPlainText() == "Tu relis @Paul Martin "
    assert not completer.popup().isVisible()
    qtbot.keyClicks(panel.edit, "? Merci <b>")
    qtbot.keyClick(panel.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    comments = workspace.reviews.comments(post.id)
    assert [(c.author_name, c.body, c.mentions) for c in comments] == [
        ("Alice Bernard", "Tu relis @Paul Martin ? Merci <b>", (crew.paul.id,))]
    assert panel.edit.toPlainText() == ""
    html = panel.comments_view.toHtml()
    assert "Merci &lt;b&gt;" in html  # typed text is text
    assert "@Paul Martin</span>" in html and "#1565c0" in html  # the mention marked
    assert editor.form.side_tabs.tabText(editor.team.tab) == "Discussion (1)"
    assert panel.history.lines()[-1].endswith(" — Alice Bernard commented")

    # an e-mail address is not a mention
    panel.edit.setPlainText("")
    qtbot.keyClicks(panel.edit, "ecris a paul@ener")  # QTest types ASCII only
    assert not completer.popup().isVisible()


def test_a_new_post_has_no_discussion_yet(window: MainWindow, qtbot: QtBot) -> None:
    window.new_post()
    editor = window.editors[-1]
    qtbot.waitExposed(editor)
    assert not editor.team.bar.isVisibleTo(editor)
    assert not editor.team.panel.isEnabled()


def _stage_enabled(editor: PostEditor, state: EditorialState) -> bool:
    combo = editor.form.state_combo
    model = combo.model()
    assert isinstance(model, QStandardItemModel)
    item = model.item(combo.findData(state.value))
    assert item is not None
    return item.isEnabled()


@pytest.mark.parametrize(("who", "approve", "schedule", "accounts", "rule"), [
    ("chloe", False, False, False, False),
    ("paul", True, True, False, False),
    ("alice", True, True, True, True),
])
def test_each_person_sees_only_the_actions_their_role_allows(
        window: MainWindow, workspace: Workspace, crew: Crew, become: Become, qtbot: QtBot,
        who: str, approve: bool, schedule: bool, accounts: bool, rule: bool) -> None:
    workspace.accounts.add(platform="dryrun", name="Essai")
    post = _draft(workspace)
    workspace.reviews.submit(post.id)
    become(getattr(crew, who))

    editor = _open(window, qtbot, post.id)
    team: TeamSection = editor.team
    assert team.bar.approve_button.isEnabled() is approve
    assert team.bar.changes_button.isEnabled() is approve
    assert team.bar.approve_button.isVisibleTo(editor)
    assert _stage_enabled(editor, EditorialState.APPROVED) is approve
    assert _stage_enabled(editor, EditorialState.DRAFT)
    assert editor.form.schedule_check.isEnabled() is schedule
    assert editor.form.queue_button.isEnabled() is schedule
    assert (editor.form.schedule_check.toolTip() == "") is schedule

    dialog = AccountsDialog(workspace, window.bridge, window)
    qtbot.addWidget(dialog)
    for button in (dialog.add_button, dialog.remove_button):  # a test account: no reconnect
        assert button.isEnabled() is accounts
    if not accounts:
        assert dialog.add_button.toolTip() == "Only administrators can change accounts."
        dialog.on_add()  # the Delete key, a shortcut: refused all the same
        assert not dialog.findChildren(QMessageBox)

    preferences = SettingsDialog(workspace, window)
    qtbot.addWidget(preferences)
    assert preferences.team.approval.isEnabled() is rule
    role = {"chloe": "Contributor", "paul": "Approver", "alice": "Administrator"}[who]
    assert preferences.team.role.text().startswith(f"Your role: {role} (")


def test_with_the_rule_on_scheduling_an_unapproved_post_says_it_waits(
        window: MainWindow, workspace: Workspace, crew: Crew, become: Become, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, dialogs: Dialogs) -> None:
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    post = _draft(workspace)
    workspace.team.set_approval_required(True)
    become(crew.paul)
    editor = _open(window, qtbot, post.id)
    assert "(The team's rule: a post goes out only once approved.)" in \
        editor.team.bar.state.text()
    editor.form.accounts.set_checked([account.id])
    editor.form.schedule_check.setChecked(True)
    asked: list[str] = []

    def answer(accept: bool) -> Callable[[QMessageBox], int]:
        def ask(box: QMessageBox) -> int:
            asked.append(box.text())
            role = (QMessageBox.ButtonRole.AcceptRole if accept
                    else QMessageBox.ButtonRole.RejectRole)
            next(b for b in box.buttons() if box.buttonRole(b) is role).click()
            return 0
        return ask

    from essplanner.ui import messages

    monkeypatch.setattr(messages, "ask", answer(False))
    assert editor.save() is False
    assert asked[-1].startswith("The team's rule: a post goes out only once an approver")
    assert dialogs.shown == []  # not the question asked without the rule
    monkeypatch.setattr(messages, "ask", answer(True))
    assert editor.save() is True
    stored = workspace.posts.get(post.id)
    assert [t.state for t in stored.targets] == [domain.DeliveryState.SCHEDULED]
    assert stored.editorial_state is EditorialState.DRAFT  # still to approve


def test_the_diff_marks_only_what_changed_and_shows_text_as_text() -> None:
    from essplanner.ui.editor.discussion import inline_diff

    assert inline_diff("Venez <b>nombreux</b>", "Venez <b>nombreux</b> samedi") == (
        "Venez &lt;b&gt;nombreux&lt;/b&gt;<span style='color:#1b5e20; background:#e8f5e9'>"
        " samedi</span>")
    assert inline_diff("a\nb", "a\nc") == (
        "a<br><span style='color:#b71c1c; text-decoration:line-through'>b</span>"
        "<span style='color:#1b5e20; background:#e8f5e9'>c</span>")
    assert inline_diff("", "") == ""


def test_the_history_model_passes_the_model_tester(
        workspace: Workspace, crew: Crew, model_check: Callable[[object], None]) -> None:
    from zoneinfo import ZoneInfo

    from essplanner.ui.editor.discussion import HistoryModel

    post = _draft(workspace)
    workspace.reviews.submit(post.id, "À relire")
    model = HistoryModel(ZoneInfo("Europe/Paris"))
    model_check(model)
    model.set_entries(workspace.reviews.history(post.id))
    assert model.rowCount() == 2
    assert model.index(1, 0).data() == \
        f"{noon()} — Alice Bernard submitted it for review: À relire"


def test_alone_on_a_laptop_nobody_reviews_and_nothing_is_greyed_out(
        window: MainWindow, workspace: Workspace, qtbot: QtBot) -> None:
    post = _draft(workspace)
    editor = _open(window, qtbot, post.id)
    assert workspace.team.me().role is Role.ADMINISTRATOR  # the only person, every role
    assert not editor.team.bar.isVisibleTo(editor)  # no review bar for one person
    assert editor.form.schedule_check.isEnabled() and editor.form.queue_button.isEnabled()
    assert _stage_enabled(editor, EditorialState.APPROVED)
    assert editor.form.side_tabs.tabText(editor.team.tab) == "Discussion"  # her history
    assert editor.team.panel.history.lines()[0].endswith(" created the post")
    _close(editor)

    workspace.reviews.submit(post.id)  # she may still use it: then it shows
    editor = _open(window, qtbot, post.id)
    assert editor.team.bar.isVisibleTo(editor)
    _close(editor)
    workspace.team.set_approval_required(True)
    editor = _open(window, qtbot, _draft(workspace, "Autre").id)
    assert editor.team.bar.isVisibleTo(editor)  # the rule is on: the bar says so
