"""Issue 16 item 5: an edit conflict shows both versions, field by field, and the person
chooses (keep mine, take theirs, copy mine to a new post); a change made elsewhere while
the editor is open never touches what is typed."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from essplanner import domain
from essplanner.errors import EditConflictError
from essplanner.services.posts import draft_of
from essplanner.ui.editor import conflict
from essplanner.ui.editor.editor import PostEditor
from essplanner.ui.editor.state import EditorState
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace

from ..conftest import paris

pytestmark = pytest.mark.gui


def _open(window: MainWindow, qtbot: QtBot, post_id: int) -> PostEditor:
    window.open_post(post_id)
    editor = window.editors[-1]
    qtbot.waitExposed(editor)
    return editor


def _theirs(workspace: Workspace, post: domain.Post, **changes: object) -> domain.Post:
    """What a teammate saves meanwhile (as the command line's ``post edit`` does)."""
    import dataclasses

    return workspace.posts.update(post.id, dataclasses.replace(draft_of(post), **changes),
                                  expected_version=post.version)


class Chooser:
    """Answers the conflict dialog with :attr:`choice` by clicking its real button."""

    def __init__(self) -> None:
        self.choice = conflict.Choice.KEEP_EDITING
        self.shown: list[conflict.ConflictDialog] = []

    def ask(self, dialog: conflict.ConflictDialog) -> conflict.Choice:
        self.shown.append(dialog)
        dialog.buttons[self.choice].click()
        return dialog.choice


@pytest.fixture
def chosen(monkeypatch: pytest.MonkeyPatch) -> Chooser:
    chooser = Chooser()
    monkeypatch.setattr(conflict, "ask", chooser.ask)
    return chooser


def _cells(dialog: conflict.ConflictDialog) -> list[tuple[str, str, str]]:
    return [(a.text(), b.text(), c.text()) for a, b, c in dialog.cells]


def test_the_service_refuses_a_stale_edit_and_hands_over_the_other_version(
        workspace: Workspace) -> None:
    post = workspace.posts.create(domain.PostDraft(title="Kermesse", body="A"))
    theirs = _theirs(workspace, post, body="B (collègue)")
    with pytest.raises(EditConflictError) as caught:
        workspace.posts.update(post.id, domain.PostDraft(title="Kermesse", body="C (moi)"),
                               expected_version=post.version)
    assert caught.value.theirs is not None
    assert caught.value.theirs.body == "B (collègue)"
    assert caught.value.theirs.version == theirs.version
    assert workspace.posts.get(post.id).body == "B (collègue)"


def test_differences_list_only_the_fields_that_differ() -> None:
    names = conflict.Names(accounts={1: "Mastodon asso"}, personas={3: "Bénévoles"},
                           objectives={})
    theirs = EditorState(title="Kermesse", body="Samedi", account_ids=[1],
                         local_when="2026-12-05T09:00", schedule=True)
    mine = EditorState(title="Kermesse", body="Dimanche", account_ids=[1], persona_ids=[3],
                       local_when="2026-12-06T09:00", schedule=True,
                       variants={1: "Dimanche !"})
    assert [(d.label, d.theirs, d.mine) for d in conflict.differences(theirs, mine, names=names)] == [
        ("Text", "Samedi", "Dimanche"),
        ("When", "2026-12-05 09:00 · publish automatically",
         "2026-12-06 09:00 · publish automatically"),
        ("Personas", "", "Bénévoles"),
        ("Text for Mastodon asso", "", "Dimanche !"),
    ]


def test_keep_mine_shows_both_then_saves_mine_and_undo_gives_theirs_back(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, make_post,
        chosen: Chooser) -> None:
    post = make_post("Samedi 10 h", title="Kermesse", at=paris(2026, 12, 5, 9))
    editor = _open(window, qtbot, post.id)
    _theirs(workspace, post, title="Kermesse de Noël")
    editor.form.body_edit.setPlainText("Dimanche 10 h")
    chosen.choice = conflict.Choice.KEEP_MINE
    assert editor.save()
    # both versions were shown, field by field, before anything was written
    assert _cells(chosen.shown[0]) == [("Title", "Kermesse de Noël", "Kermesse"),
                                 ("Text", "Samedi 10 h", "Dimanche 10 h")]
    stored = workspace.posts.get(post.id)
    assert (stored.title, stored.body) == ("Kermesse", "Dimanche 10 h")
    window.undo_stack.undo()
    stored = workspace.posts.get(post.id)
    assert (stored.title, stored.body) == ("Kermesse de Noël", "Samedi 10 h")


def test_take_theirs_shows_their_version_and_keeps_mine_on_the_clipboard(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, make_post,
        chosen: Chooser) -> None:
    from PySide6.QtGui import QGuiApplication

    post = make_post("Samedi", title="Kermesse", at=paris(2026, 12, 5, 9))
    editor = _open(window, qtbot, post.id)
    _theirs(workspace, post, body="Samedi, salle des fêtes")
    editor.form.body_edit.setPlainText("Samedi, au parc")
    chosen.choice = conflict.Choice.TAKE_THEIRS
    assert not editor.save()
    assert editor.form.body_edit.toPlainText() == "Samedi, salle des fêtes"
    assert QGuiApplication.clipboard().text() == "Samedi, au parc"
    assert not editor.dirty
    editor.form.title_edit.setText("Kermesse 2026")
    assert editor.save()  # on their version now: no conflict
    stored = workspace.posts.get(post.id)
    assert (stored.title, stored.body) == ("Kermesse 2026", "Samedi, salle des fêtes")


def test_copy_mine_leaves_theirs_and_makes_mine_a_new_draft(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, make_post,
        chosen: Chooser) -> None:
    post = make_post("Samedi", title="Kermesse", at=paris(2026, 12, 5, 9))
    editor = _open(window, qtbot, post.id)
    _theirs(workspace, post, body="Samedi, salle des fêtes")
    editor.form.body_edit.setPlainText("Samedi, au parc")
    chosen.choice = conflict.Choice.COPY_MINE
    assert editor.save()
    assert workspace.posts.get(post.id).body == "Samedi, salle des fêtes"
    copies = [p for p in workspace.posts.query(domain.PostQuery()) if p.id != post.id]
    assert [(p.title, p.body, p.scheduled_at) for p in copies] == [
        ("Kermesse", "Samedi, au parc", paris(2026, 12, 5, 9))]
    assert all(t.state is domain.DeliveryState.DRAFT for t in copies[0].targets)
    # the copy is open for the person to go on
    assert window.editors[-1].post is not None and window.editors[-1].post.id == copies[0].id


def test_keep_editing_changes_nothing(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, make_post,
        chosen: Chooser) -> None:
    post = make_post("Samedi", title="Kermesse", at=paris(2026, 12, 5, 9))
    editor = _open(window, qtbot, post.id)
    _theirs(workspace, post, body="B")
    editor.form.body_edit.setPlainText("C")
    chosen.choice = conflict.Choice.KEEP_EDITING
    assert not editor.save()
    assert editor.dirty and editor.form.body_edit.toPlainText() == "C"
    assert workspace.posts.get(post.id).body == "B"
    assert len(workspace.posts.query(domain.PostQuery())) == 1


def test_a_change_elsewhere_never_touches_what_is_typed(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, make_post) -> None:
    first = make_post("Samedi", title="Kermesse", at=paris(2026, 12, 5, 9))
    second = make_post("Lundi", title="Assemblée", at=paris(2026, 12, 7, 18))
    untouched = _open(window, qtbot, first.id)
    typing = _open(window, qtbot, second.id)
    typing.form.body_edit.setPlainText("Lundi, 18 h 30")
    # a teammate saves both posts (the change reaches the window through the bridge)
    _theirs(workspace, first, body="Samedi, salle des fêtes")
    _theirs(workspace, second, body="Lundi, 19 h")
    # nothing typed: their version is shown
    qtbot.waitUntil(lambda: untouched.form.body_edit.toPlainText() == "Samedi, salle des fêtes")
    # text typed: kept, with a word about what saving will do
    qtbot.waitUntil(lambda: "both versions" in typing.form.message.text())
    assert typing.form.body_edit.toPlainText() == "Lundi, 18 h 30"
    assert typing.dirty
