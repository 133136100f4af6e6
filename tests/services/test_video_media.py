"""A video attached to a post keeps what PyAV read from it, its cover, and reaches publishers."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from essplanner import domain
from essplanner.channels.composer import build_request
from essplanner.errors import ValidationError
from essplanner.workspace import Workspace
from tests.helpers.video import make_corrupt_video, make_video


def _draft(*media: domain.MediaInput, accounts: tuple[int, ...] = ()) -> domain.PostDraft:
    return domain.PostDraft(title="Chantier", body="Le chantier en vidéo", media=media,
                            account_ids=accounts)


def _cover(path: Path) -> Path:
    Image.new("RGB", (64, 36), (200, 40, 40)).save(path, "JPEG")
    return path


def test_a_videos_facts_are_stored_and_reach_the_request(workspace: Workspace,
                                                         tmp_path: Path) -> None:
    video = make_video(tmp_path / "chantier.mp4", seconds=2.0, width=320, height=180, fps=25)
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    post = workspace.posts.create(_draft(domain.MediaInput(str(video), ""),
                                         accounts=(account.id,)))
    item = workspace.posts.get(post.id).media[0]
    assert item.is_video and item.mime_type == "video/mp4"
    assert (item.duration, item.width, item.height, item.frame_rate) == (2.0, 320, 180, 25.0)
    assert (item.video_codec, item.audio_codec, item.cover_path) == ("h264", "aac", "")
    assert Path(item.path).is_relative_to(workspace.paths.media_dir)
    media = build_request(workspace.posts.get(post.id), account).media[0]
    assert media.is_video
    assert (media.duration, media.frame_rate, media.video_codec, media.audio_codec,
            media.cover, media.size) == (2.0, 25.0, "h264", "aac", None, video.stat().st_size)


def test_a_cover_is_chosen_kept_and_changed(workspace: Workspace, tmp_path: Path) -> None:
    video = make_video(tmp_path / "chantier.mp4")
    cover = _cover(tmp_path / "couverture.jpg")
    account = workspace.accounts.add(platform="dryrun", name="Essai")
    post = workspace.posts.create(_draft(domain.MediaInput(str(video), "", cover=str(cover)),
                                         accounts=(account.id,)))
    item = post.media[0]
    stored_cover = Path(item.cover_path)
    assert stored_cover.is_relative_to(workspace.paths.media_dir)
    assert stored_cover.read_bytes() == cover.read_bytes()
    cover.unlink()  # the original may go: the copy stays
    assert build_request(post, account).media[0].cover == stored_cover
    # Saved again unchanged, the cover is kept; emptied, it goes.
    kept = workspace.posts.update(post.id, _draft(domain.MediaInput(
        item.path, "", media_id=item.id, cover=item.cover_path)),
        expected_version=post.version)
    assert kept.media[0].cover_path == item.cover_path
    cleared = workspace.posts.update(post.id, _draft(domain.MediaInput(
        item.path, "", media_id=item.id)), expected_version=kept.version)
    assert cleared.media[0].cover_path == ""


def test_a_cover_must_be_an_image_of_a_video(workspace: Workspace, tmp_path: Path) -> None:
    video = make_video(tmp_path / "chantier.mp4")
    with pytest.raises(ValidationError, match="The cover of a video must be an image"):
        workspace.posts.create(_draft(domain.MediaInput(str(video), "", cover=str(video))))
    photo = _cover(tmp_path / "photo.jpg")
    with pytest.raises(ValidationError, match="Only a video can have a cover image"):
        workspace.posts.create(_draft(domain.MediaInput(str(photo), "photo",
                                                        cover=str(photo))))
    assert workspace.posts.query(domain.PostQuery()) == []


def test_a_damaged_video_leaves_the_post_unsaved(workspace: Workspace, tmp_path: Path) -> None:
    broken = make_corrupt_video(tmp_path / "broken.mp4")
    with pytest.raises(ValidationError, match="broken.mp4 cannot be read as a video"):
        workspace.posts.create(_draft(domain.MediaInput(str(broken), "")))
    assert workspace.posts.query(domain.PostQuery()) == []
    assert not any(workspace.paths.media_dir.rglob("*.mp4"))
