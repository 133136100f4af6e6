"""The personas panel: deleting says how many posts use the persona, and can be undone,
in the panel (Ctrl+Z) or from the window's undo stack (issue 18, item 8)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from essplanner import domain, models
from essplanner.domain import DeliveryState
from essplanner.i18n import set_language
from essplanner.timeutil import get_zone
from essplanner.ui.editor.editor import PostEditor
from essplanner.ui.panels.personas import PersonasDialog
from essplanner.workspace import Workspace

from ..conftest import Dialogs

pytestmark = pytest.mark.gui


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    from essplanner.ui.translations import install_translators, remove_translators

    previous = QLocale()
    set_language("fr")
    translators = install_translators(qapp, "fr")
    yield
    remove_translators(qapp, translators)
    QLocale.setDefault(previous)
    set_language("en")


def _marie_on_posts(ws: Workspace, *, published: int, planned: int) -> tuple[domain.Persona,
                                                                              list[int]]:
    account = ws.accounts.add(platform="dryrun", name="Essai")
    marie = ws.personas.add(name="Marie", age=72)
    ids = []
    for i in range(published + planned):
        post = ws.posts.create(domain.PostDraft(title=f"p{i}", body="…",
                                                account_ids=(account.id,),
                                                persona_ids=(marie.id,)))
        ids.append(post.id)
        if i < published:
            with ws.db.write() as s:
                for t in s.get(models.Post, post.id).targets:  # type: ignore[union-attr]
                    t.state = DeliveryState.PUBLISHED.value
                    t.published_at = datetime(2026, 11, 2, 9, tzinfo=UTC)
    return marie, ids


def test_deleting_says_how_many_posts_use_it_and_ctrl_z_undoes_it(
        qtbot: QtBot, workspace: Workspace, dialogs: Dialogs, french: None) -> None:
    marie, ids = _marie_on_posts(workspace, published=3, planned=9)
    panel = PersonasDialog(workspace)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.name.text() == "Marie"
    panel.delete_button.click()
    question = dialogs.texts()[-1]
    assert question.startswith("Marie figure dans 12 publications (dont 3 publiées). ")
    assert "archivé" in question and "Ctrl+Z" in question
    assert workspace.personas.all() == []
    assert panel.model.rowCount() == 0
    # the published posts keep Marie; the others no longer name her
    assert [p.name for p in workspace.posts.get(ids[0]).personas] == ["Marie"]
    assert workspace.posts.get(ids[-1]).personas == ()

    # Ctrl+Z in the panel (offscreen windows never become active, so Qt dispatches no
    # shortcut here: check the binding, then trigger the action it fires)
    assert panel.action_undo in panel.actions()
    assert panel.action_undo.shortcut() == QKeySequence("Ctrl+Z")
    panel.action_undo.trigger()
    assert workspace.personas.all() == [marie]
    assert panel.model.rowCount() == 1 and panel.name.text() == "Marie"
    assert all([p.name for p in workspace.posts.get(i).personas] == ["Marie"] for i in ids)


def test_singular_forms_and_the_windows_undo_stack(
        qtbot: QtBot, workspace: Workspace, dialogs: Dialogs, french: None) -> None:
    marie, _ids = _marie_on_posts(workspace, published=1, planned=0)
    stack = QUndoStack()
    panel = PersonasDialog(workspace, undo_stack=stack)  # deleted below, not by qtbot
    panel.delete_button.click()
    assert dialogs.texts()[-1].startswith("Marie figure dans 1 publication (dont 1 publiée). ")
    assert stack.undoText() == "Supprimer le persona Marie"
    panel.deleteLater()
    qtbot.waitUntil(lambda: not isValid(panel))
    # the panel is closed: Edit › Undo of the window brings Marie back all the same
    stack.undo()
    assert workspace.personas.all() == [marie]
    stack.redo()
    assert workspace.personas.all() == []


def test_the_published_post_shows_its_archived_persona(
        qtbot: QtBot, workspace: Workspace, dialogs: Dialogs) -> None:
    marie, ids = _marie_on_posts(workspace, published=1, planned=0)
    workspace.personas.delete(marie.id)
    editor = PostEditor(workspace, get_zone(workspace.settings.timezone),
                        post=workspace.posts.get(ids[0]))
    qtbot.addWidget(editor)
    personas = editor.form.personas
    labels = [personas.index(r, 0).data() for r in range(personas.rowCount())]
    assert labels == ["Marie (archived)"]
    assert [int(k) for k in personas.checked()] == [marie.id]  # type: ignore[call-overload]


def test_a_persona_no_post_uses(qtbot: QtBot, workspace: Workspace, dialogs: Dialogs) -> None:
    workspace.personas.add(name="Paul")
    panel = PersonasDialog(workspace)
    qtbot.addWidget(panel)
    panel.delete_button.click()
    assert dialogs.texts()[-1].startswith("Delete Paul? No post names this persona.")
    assert workspace.personas.all(include_archived=True) == []
