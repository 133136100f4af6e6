"""Two parts of the post editor with their own behaviour: its images and its hashtag sets."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QWidget

from essplanner import domain
from essplanner.errors import EssPlannerError
from essplanner.services.hashtags import split_hashtags
from essplanner.services.media import inspect
from essplanner.ui import messages
from essplanner.ui.editor.media_model import MediaRole
from essplanner.ui.editor.state import MediaDraft
from essplanner.ui.plain import plain

if TYPE_CHECKING:
    from essplanner.services.hashtags import HashtagSetService
    from essplanner.ui.editor.form import EditorForm

ModelIndex = QModelIndex | QPersistentModelIndex


class ImageList(QObject):
    """Adds, removes, orders the images and videos, edits the selected one's alternative
    text, and chooses a video's cover image."""

    def __init__(self, form: EditorForm, dialog_parent: QWidget) -> None:
        super().__init__(form)
        self.form = form
        self.dialog_parent = dialog_parent
        form.media_view.selectionModel().currentChanged.connect(self._selected)
        form.alt_edit.textEdited.connect(self._alt_edited)
        form.add_media_button.clicked.connect(lambda: self.add())  # noqa: PLW0108 - not clicked(bool)
        form.remove_media_button.clicked.connect(self.remove)
        form.media_up_button.clicked.connect(lambda: self.move(-1))
        form.media_down_button.clicked.connect(lambda: self.move(1))
        form.cover_button.clicked.connect(lambda: self.choose_cover())  # noqa: PLW0108

    def add(self, paths: list[str] | None = None) -> None:
        """Add files (asked for when ``paths`` is None); the alt text field gets the focus."""
        if not paths:
            paths, _filter = QFileDialog.getOpenFileNames(
                self.dialog_parent, self.tr("Add images"), str(Path.home()),
                self.tr("Images and videos (*.jpg *.jpeg *.png *.gif *.webp *.mp4 *.mov *.m4v "
                        "*.webm);;Images (*.jpg *.jpeg *.png *.gif *.webp);;"
                        "Videos (*.mp4 *.mov *.m4v *.webm)"))
        media, view = self.form.media, self.form.media_view
        for path in paths:
            try:
                facts = inspect(Path(path))
            except EssPlannerError as exc:
                messages.warning(self.dialog_parent, self.tr("Add images"),
                                    plain(str(exc)))
                continue
            video = facts.video
            row = media.add(MediaDraft(
                path=path, mime_type=facts.mime_type, size=Path(path).stat().st_size,
                width=facts.width, height=facts.height, original_name=Path(path).name,
                duration=video.duration if video else None,
                frame_rate=video.frame_rate if video else None,
                video_codec=video.video_codec if video else "",
                audio_codec=video.audio_codec if video else ""))
            view.setCurrentIndex(media.index(row, 0))
            self.form.alt_edit.setFocus()

    def remove(self) -> None:
        index = self.form.media_view.currentIndex()
        if index.isValid():
            self.form.media.remove(index.row())

    def move(self, step: int) -> None:
        index = self.form.media_view.currentIndex()
        if index.isValid():
            row = self.form.media.move(index.row(), step)
            self.form.media_view.setCurrentIndex(self.form.media.index(row, 0))

    def choose_cover(self, path: str | None = None) -> None:
        """Choose (asked for when ``path`` is None) an image as the selected video's cover;
        an empty path removes it."""
        index = self.form.media_view.currentIndex()
        draft = index.data(MediaRole.DRAFT) if index.isValid() else None
        if not isinstance(draft, MediaDraft) or not draft.is_video:
            return
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self.dialog_parent, self.tr("Cover of the video"), str(Path.home()),
                self.tr("Images (*.jpg *.jpeg *.png)"))
            if not path:
                return
        if path:
            try:
                facts = inspect(Path(path))
            except EssPlannerError as exc:
                messages.warning(self.dialog_parent, self.tr("Cover of the video"),
                                 plain(str(exc)))
                return
            if facts.video is not None:
                messages.warning(self.dialog_parent, self.tr("Cover of the video"),
                                 self.tr("The cover of a video must be an image."))
                return
        self.form.media.set_cover(index.row(), path)

    def _selected(self, current: ModelIndex, _previous: ModelIndex) -> None:
        draft = current.data(MediaRole.DRAFT) if current.isValid() else None
        self.form.cover_button.setEnabled(isinstance(draft, MediaDraft) and draft.is_video)
        alt = self.form.alt_edit
        alt.setEnabled(current.isValid())
        video = isinstance(draft, MediaDraft) and draft.is_video
        alt.setPlaceholderText(
            self.tr("Describe the video, for the networks that show a description "
                    "(Mastodon, Bluesky)") if video
            else self.tr("Describe the image for people who cannot see it (required)"))
        alt.setText(str(current.data(Qt.ItemDataRole.EditRole) or "") if current.isValid()
                    else "")

    def _alt_edited(self, text: str) -> None:
        index = self.form.media_view.currentIndex()
        if index.isValid():
            self.form.media.setData(index, text)


class HashtagSets(QObject):
    """The "Hashtag sets" menu: insert a saved set, save the typed tags as one, delete one."""

    def __init__(self, form: EditorForm, service: HashtagSetService,
                 dialog_parent: QWidget) -> None:
        super().__init__(form)
        self.form = form
        self.service = service
        self.dialog_parent = dialog_parent
        self.menu = QMenu(form)
        form.sets_button.setMenu(self.menu)
        self.menu.aboutToShow.connect(self.fill)

    def tags(self) -> list[str]:
        return split_hashtags(self.form.hashtags_edit.text())

    def fill(self) -> None:
        menu = self.menu
        menu.clear()
        sets = self.service.all()
        for tag_set in sets:
            label = f"{tag_set.name}  ({' '.join('#' + t for t in tag_set.tags)})"
            action = menu.addAction(label)
            action.triggered.connect(lambda _c=False, s=tag_set: self.insert(s.tags))
        if not sets:
            menu.addAction(self.tr("No hashtag set yet")).setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.tr("Save these hashtags as a set…"), self.save)
        if sets:
            delete = menu.addMenu(self.tr("Delete a set"))
            for tag_set in sets:
                action = delete.addAction(tag_set.name)
                action.triggered.connect(lambda _c=False, s=tag_set: self.delete(s))

    def insert(self, tags: tuple[str, ...]) -> None:
        """Append the tags not typed yet (ignoring case)."""
        present = {t.casefold() for t in self.tags()}
        extra = [f"#{t}" for t in tags if t.casefold() not in present]
        text = self.form.hashtags_edit.text().strip()
        self.form.hashtags_edit.setText(" ".join([text, *extra]).strip())

    def save(self) -> None:
        name, ok = QInputDialog.getText(self.dialog_parent, self.tr("Hashtag set"),
                                        self.tr("Name of the set:"))
        if not ok:
            return
        try:
            self.service.save(name, self.tags())
        except EssPlannerError as exc:
            messages.warning(self.dialog_parent, self.tr("Hashtag set"), plain(str(exc)))

    def delete(self, tag_set: domain.HashtagSet) -> None:
        try:
            self.service.delete(tag_set.id)
        except EssPlannerError as exc:
            messages.warning(self.dialog_parent, self.tr("Hashtag set"), plain(str(exc)))
