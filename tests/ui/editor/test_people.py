"""The editor asks who appears in each attached photo; a face detector (on a worker thread)
hints how many faces it seems to show; the answer is kept with the image's checksum, and
the consents of the people named are checked for the ticked networks as the post is
written. The photos are scikit-image's samples, written to temporary files."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from skimage import data

from essplanner.services.media import sha256_file
from essplanner.ui.editor.editor import PostEditor
from essplanner.ui.editor.people import PhotoRow
from essplanner.ui.editor.state import Level
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace
from tests.ui.conftest import Dialogs

pytestmark = pytest.mark.gui


@pytest.fixture
def astronaut(tmp_path: Path) -> Path:
    path = tmp_path / "astronaute.jpg"
    Image.fromarray(data.astronaut()).save(path, quality=90)
    return path


@pytest.fixture
def coffee(tmp_path: Path) -> Path:
    path = tmp_path / "cafe.jpg"
    Image.fromarray(data.coffee()).save(path, quality=90)
    return path


def _editor(window: MainWindow, qtbot: QtBot) -> PostEditor:
    window.new_post(day=date(2026, 12, 3))
    editor = window.editors[-1]
    qtbot.waitExposed(editor)
    return editor


def _row(editor: PostEditor, qtbot: QtBot, path: Path, *, counted: bool = True) -> PhotoRow:
    """The photo's row once its checksum is known (and its faces counted)."""
    editor.add_images([str(path)])
    row = editor.people.rows[str(path)]
    qtbot.waitUntil(lambda: row.people is not None and (not counted or not row.detecting))
    return row


def _problems(editor: PostEditor, level: Level) -> list[str]:
    editor._check_timer.stop()
    editor.refresh()
    return [p.message for p in editor.problems() if p.level is level]


def test_a_photo_with_a_face_asks_who_appears_in_it(
        qtbot: QtBot, window: MainWindow, astronaut: Path,
        speak: Callable[[str], None]) -> None:
    speak("en")
    editor = _editor(window, qtbot)
    assert editor.people.isHidden()  # no image, no question
    row = _row(editor, qtbot, astronaut)
    assert not editor.people.isHidden()
    assert "Who appears in this photo?" in row.question.text()
    assert row.people is not None and row.people.faces == 1
    assert row.hint.text() == "This photo seems to show 1 face, none tagged."
    assert ("Image 1 (astronaute.jpg) seems to show 1 face: say who appears in it, or that "
            "nobody can be recognised.") in _problems(editor, Level.WARNING)


def test_no_face_on_a_still_life_and_no_warning(
        qtbot: QtBot, window: MainWindow, coffee: Path) -> None:
    editor = _editor(window, qtbot)
    row = _row(editor, qtbot, coffee)
    assert row.people is not None and row.people.faces == 0
    assert row.hint.text() == "No face found."
    assert not any("face" in m for m in _problems(editor, Level.WARNING))


# the completer's popup: the offscreen platform cannot raise it nor grab the keyboard
@pytest.mark.qt_log_ignore("This plugin does not support raise", "does not support grabbing")
def test_a_name_typed_without_accents_tags_the_person_and_the_image_keeps_her(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, astronaut: Path,
        tmp_path: Path) -> None:
    helene = workspace.consents.add_person("Hélène Martin", contact="helene@example.org")
    workspace.consents.add_person("Awa Diallo")
    editor = _editor(window, qtbot)
    row = _row(editor, qtbot, astronaut)
    qtbot.keyClicks(row.search, "helene")
    assert [row.matches.item(i).text() for i in range(row.matches.rowCount())] == [
        "Hélène Martin — helene@example.org"]
    qtbot.keyClick(row.search, "\r")
    assert row.person_ids() == (helene.id,)
    assert row.search.text() == ""
    stored = workspace.consents.photo_people(sha256_file(astronaut))
    assert stored.person_ids == (helene.id,) and stored.faces == 1
    assert row.hint.text() == ""  # one face, one person said
    assert not any("face" in m for m in _problems(editor, Level.WARNING))
    editor.dirty = False
    editor.close()

    # the same picture under another name, in another post: its people come with it
    again = tmp_path / "copie.jpg"
    shutil.copy(astronaut, again)
    other = _editor(window, qtbot)
    row = _row(other, qtbot, again)
    assert row.person_ids() == (helene.id,)
    chips = [row.chips.itemAt(i).widget().text() for i in range(row.chips.count())]
    assert chips == ["Hélène Martin ✕"]
    chip = row.chips.itemAt(0).widget()
    chip.click()
    assert workspace.consents.photo_people(sha256_file(again)).person_ids == ()
    # nobody named any more, and the photo still seems to show a face: the warning is back
    assert any("seems to show" in m for m in _problems(other, Level.WARNING))


def test_new_person_from_the_photo_is_added_to_the_register_and_tagged(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, astronaut: Path) -> None:
    editor = _editor(window, qtbot)
    row = _row(editor, qtbot, astronaut)
    qtbot.keyClicks(row.search, "Lucas Petit")
    qtbot.keyClick(row.search, "\r")  # nobody of that name: the register's form opens
    form = editor.people.person_form
    assert form is not None and form.name.text() == "Lucas Petit"
    form.minor.setChecked(True)
    form.guardian.setText("Claire Petit")
    form.buttons.accepted.emit()
    (lucas,) = workspace.consents.people("lucas")
    assert lucas.minor and lucas.guardian_name == "Claire Petit"
    assert row.person_ids() == (lucas.id,)


def test_no_identifiable_person_is_an_answer(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, astronaut: Path,
        speak: Callable[[str], None]) -> None:
    speak("en")
    editor = _editor(window, qtbot)
    row = _row(editor, qtbot, astronaut)
    row.nobody.setChecked(True)
    stored = workspace.consents.photo_people(sha256_file(astronaut))
    assert stored.no_person and stored.answered
    assert not row.search.isEnabled()
    assert row.hint.text() == ("This photo seems to show 1 face: can nobody really be "
                               "recognised?")
    assert not any("face" in m for m in _problems(editor, Level.WARNING))


def test_a_consent_that_does_not_cover_a_ticked_network_is_an_error(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, astronaut: Path) -> None:
    awa = workspace.consents.add_person("Awa Diallo")
    workspace.consents.add_consent(
        awa.id, all_networks=False, platforms=("facebook",), website=False, print_=False,
        starts_on=date(2026, 1, 1), ends_on=None, guardian_signed=False, form=None)
    facebook = workspace.accounts.add(platform="dryrun", name="Page",
                                      settings={"mimic": "facebook"})
    instagram = workspace.accounts.add(platform="dryrun", name="Insta",
                                       settings={"mimic": "instagram"})
    editor = _editor(window, qtbot)
    row = _row(editor, qtbot, astronaut)
    row.add_person(awa.id)
    editor.form.accounts.set_checked([facebook.id])
    assert not any("Awa Diallo" in m for m in _problems(editor, Level.ERROR))
    editor.form.accounts.set_checked([facebook.id, instagram.id])
    errors = [m for m in _problems(editor, Level.ERROR) if "Awa Diallo" in m]
    assert len(errors) == 1 and "Instagram" in errors[0]


# Qt's image reader says so too, making the thumbnails
@pytest.mark.qt_log_ignore("Corrupt JPEG data")
def test_a_damaged_photo_says_so_without_a_traceback(
        qtbot: QtBot, window: MainWindow, astronaut: Path, tmp_path: Path,
        dialogs: Dialogs) -> None:
    damaged = tmp_path / "abime.jpg"
    whole = astronaut.read_bytes()
    damaged.write_bytes(whole[: len(whole) // 3])
    editor = _editor(window, qtbot)
    row = _row(editor, qtbot, damaged)
    assert row.hint.text().startswith("Faces could not be looked for: abime.jpg could not be "
                                      "read as an image")
    assert dialogs.shown == []


def test_the_question_and_the_hint_in_french(
        qtbot: QtBot, window: MainWindow, astronaut: Path, tmp_path: Path,
        speak: Callable[[str], None]) -> None:
    speak("fr")
    editor = _editor(window, qtbot)
    row = _row(editor, qtbot, astronaut)
    assert "Qui apparaît sur cette photo\u202f?" in row.question.text()
    assert row.hint.text() == "Cette photo semble montrer 1 visage, personne n’est indiqué."
    assert row.nobody.text() == "Aucune personne identifiable"
    assert row.new_button.text() == "Nouvelle personne…"
    assert ("L’image 1 (astronaute.jpg) semble montrer 1 visage\u00a0: dites qui y apparaît, "
            "ou que personne n’est reconnaissable.") in _problems(editor, Level.WARNING)


def test_a_consent_given_meanwhile_clears_the_editors_error(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, astronaut: Path) -> None:
    awa = workspace.consents.add_person("Awa Diallo")
    account = workspace.accounts.add(platform="dryrun", name="Insta",
                                     settings={"mimic": "instagram"})
    editor = _editor(window, qtbot)
    row = _row(editor, qtbot, astronaut)
    row.add_person(awa.id)
    editor.form.accounts.set_checked([account.id])
    assert any("Awa Diallo" in m for m in _problems(editor, Level.ERROR))
    workspace.consents.add_consent(  # from the register, or another program
        awa.id, all_networks=True, platforms=(), website=False, print_=False,
        starts_on=date(2026, 1, 1), ends_on=None, guardian_signed=False, form=None)
    qtbot.waitUntil(lambda: not any("Awa Diallo" in p.message for p in editor.problems()))


@pytest.mark.qt_log_ignore("This plugin does not support raise", "does not support grabbing")
def test_a_name_chosen_in_the_completers_list_is_tagged_once(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, astronaut: Path) -> None:
    workspace.consents.add_person("Hélène Martin", contact="helene@example.org")
    eric = workspace.consents.add_person("Éric Hélias")
    editor = _editor(window, qtbot)
    row = _row(editor, qtbot, astronaut)
    qtbot.keyClicks(row.search, "heli")  # Éric Hélias only; "hel" finds both
    popup = row.completer.popup()
    assert popup.isVisible()
    popup.setCurrentIndex(row.completer.completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert row.person_ids() == (eric.id,)
    assert row.search.text() == ""
    assert editor.people.person_form is None  # Return did not ask for a new person
