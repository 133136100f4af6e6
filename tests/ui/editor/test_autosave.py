"""A draft typed in the editor survives the app being killed (SIGKILL), and comes back."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from essplanner import domain
from essplanner.ui.bridge import Bridge
from essplanner.ui.editor.autosave import AutosaveStore
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace
from tests.helpers.shifted import pythonpath

pytestmark = [pytest.mark.gui, pytest.mark.slow]
CHILD = Path(__file__).with_name("editor_child.py")


def _run_child_until_autosaved(data_dir: Path) -> Path:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=pythonpath(Path.cwd()))
    with subprocess.Popen([sys.executable, str(CHILD), str(data_dir)], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None
        line = child.stdout.readline()  # blocks until the child reports (or dies)
        # no chance to clean up: like a crash or a power cut
        child.send_signal(signal.SIGKILL)
        _out, err = child.communicate(timeout=30)
    assert line.startswith("AUTOSAVED "), (line, err)
    assert child.returncode == -signal.SIGKILL
    return Path(line.split(" ", 1)[1].strip())


def test_a_draft_survives_sigkill_and_is_reopened(qtbot: QtBot, workspace: Workspace) -> None:
    data_dir = workspace.paths.data_dir
    path = _run_child_until_autosaved(data_dir)
    assert path.parent == workspace.paths.autosave_dir
    record = json.loads(path.read_text(encoding="utf-8"))  # whole, never half written
    assert record["state"]["title"] == "Appel aux bénévoles"
    assert not list(path.parent.glob(".draft-*"))  # no temporary file left behind

    bridge = Bridge()
    workspace.subscribe(bridge.emit_change)
    window = MainWindow(workspace, bridge)
    qtbot.addWidget(window)
    window.show()
    window.after_first_paint()
    assert window.banners.recovery.isVisibleTo(window)
    assert "1" in window.banners.recovery_label.text()
    window.banners.recover_button.click()
    editor = window.editors[-1]
    assert editor.form.title_edit.text() == "Appel aux bénévoles"
    assert editor.form.body_edit.toPlainText() == "Rejoignez-nous samedi à 10 h"
    assert editor.form.hashtags_edit.text() == "#Bénévolat"
    assert editor.dirty  # recovered, not saved yet
    assert not path.exists()  # the editor owns the draft now (its own autosave file)
    assert editor.save()
    post = workspace.posts.query(domain.PostQuery(include_unscheduled=True))[0]
    assert post.title == "Appel aux bénévoles" and post.hashtags == ("Bénévolat",)
    assert list(workspace.paths.autosave_dir.glob("draft-*.json")) == []


@pytest.mark.expect_log(r"unreadable autosaved draft .*draft-broken\.json")
def test_drafts_of_running_editors_are_not_offered(tmp_path: Path) -> None:
    store = AutosaveStore(tmp_path)
    mine = store.new_path()
    store.write(mine, post_id=None, state={"title": "en cours"})
    assert store.pending() == []  # this process is alive: its editor is open
    finished = subprocess.run([sys.executable, "-c", "pass"], check=True)
    assert finished.returncode == 0
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    record = json.loads(mine.read_text(encoding="utf-8"))
    record["pid"] = dead.pid
    orphan = store.new_path()
    orphan.write_text(json.dumps(record), encoding="utf-8")
    (tmp_path / "draft-broken.json").write_text("{not json", encoding="utf-8")
    pending = store.pending()
    assert [e.path for e in pending] == [orphan]
    assert pending[0].state == {"title": "en cours"}


def test_a_recovered_draft_of_a_post_changed_since_gives_a_conflict(
        qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    from essplanner.timeutil import get_zone
    from essplanner.ui.editor.autosave import AutosaveStore
    from essplanner.ui.editor.editor import PostEditor
    from essplanner.ui.editor.state import EditorState

    post = workspace.posts.create(domain.PostDraft(body="version 1"))
    zone = get_zone("Europe/Paris")
    state = EditorState.from_post(post, zone)
    state.body = "typed before the crash"
    workspace.posts.update(post.id, domain.PostDraft(body="a colleague's version 2"),
                           expected_version=post.version)
    editor = PostEditor(workspace, zone, post=workspace.posts.get(post.id),
                        state=state.to_json())
    qtbot.addWidget(editor)
    from essplanner.ui.editor import conflict

    shown: list[list[tuple[str, str, str]]] = []

    def ask(dialog: conflict.ConflictDialog) -> conflict.Choice:
        shown.append([(d.label, d.theirs, d.mine) for d in dialog.diffs])
        return conflict.Choice.KEEP_EDITING

    monkeypatch.setattr(conflict, "ask", ask)
    assert not editor.save()
    # both versions offered, nothing overwritten
    [diffs] = shown
    assert diffs[0] == ("Text", "a colleague's version 2", "typed before the crash")
    assert workspace.posts.get(post.id).body == "a colleague's version 2"
    editor.dirty = False
    assert AutosaveStore(workspace.paths.autosave_dir).pending() == []


def test_a_recovered_draft_keeps_its_repeat(qtbot: QtBot, workspace: Workspace) -> None:
    """The Repeat section is part of what was typed: the autosave keeps the rule, and the
    recovered editor repeats as the person had chosen."""
    from essplanner.timeutil import get_zone
    from essplanner.ui.editor.editor import PostEditor

    zone = get_zone("Europe/Paris")
    first = PostEditor(workspace, zone)
    qtbot.addWidget(first)
    first.form.body_edit.setPlainText("Permanence du lundi")
    combo = first.repeat.freq_combo
    combo.setCurrentIndex(combo.findData("WEEKLY"))
    rule = first.repeat.rule_text()
    assert rule is not None and rule.startswith("FREQ=WEEKLY")
    first.write_autosave()
    saved = json.loads(first.autosave_path.read_text(encoding="utf-8"))
    assert saved["state"]["repeat"] == rule
    recovered = PostEditor(workspace, zone, state=saved["state"])
    qtbot.addWidget(recovered)
    assert recovered.repeat.rule_text() == rule
    assert recovered.form.body_edit.toPlainText() == "Permanence du lundi"
    first.dirty = recovered.dirty = False
