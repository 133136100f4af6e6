"""Saving a scheduled post from the editor is refused while its image shows someone
whose consent does not cover the network: the editor says who and why, nothing is
scheduled."""

from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from essplanner import domain
from essplanner.domain import DeliveryState
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace

pytestmark = pytest.mark.gui


def test_the_editor_refuses_to_schedule_a_photo_without_consent(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path) -> None:
    insta = workspace.accounts.add(platform="dryrun", name="Insta",
                                   settings={"mimic": "instagram"})
    awa = workspace.consents.add_person("Awa Diallo")
    workspace.consents.add_consent(awa.id, all_networks=False, platforms=["facebook"],
                                   starts_on=date(2026, 1, 1))
    picture = tmp_path / "atelier.jpg"
    Image.new("RGB", (1080, 1080), "orange").save(picture, "JPEG")
    post = workspace.posts.create(domain.PostDraft(
        title="Atelier", body="Atelier couture au local", account_ids=(insta.id,),
        media=(domain.MediaInput(path=str(picture), alt_text="Awa coud une robe au local"),)))
    workspace.consents.tag_photo(post.media[0].checksum, [awa.id])

    window.open_post(post.id)
    editor = window.editors[-1]
    qtbot.waitExposed(editor)
    editor.form.schedule_check.setChecked(True)
    assert not editor.save()
    shown = [p.message for p in editor.problems()] + [editor.form.message.text()]
    assert any("Awa Diallo's consent does not cover Instagram" in m for m in shown), shown
    assert workspace.posts.get(post.id).targets[0].state is DeliveryState.DRAFT
