"""The TikTok part of the editor, as TikTok's Content Sharing Guidelines demand of an app
that posts directly (the audit checks each point):

1. the creator's info read from TikTok when the target is shown (on a worker thread):
   their nickname shown, the maximum video duration told and enforced;
2. who can see the video chosen by the person among the options TikTok offers, with no
   default; comment, duet and stitch unticked, greyed out when the creator turned them
   off;
3. the commercial content disclosure, off by default: "Your brand" and "Branded
   content", with the label the video will get ("Promotional content" or "Paid
   partnership"); branded content cannot be private;
4. the Music Usage Confirmation declaration (and the Branded Content Policy with
   branded content), always shown;
5. a notice that TikTok takes a while to process a video.

The choices are the target's options (:meth:`TikTokPanel.options`), which the
publisher sends and checks: a Direct Post without a chosen privacy is not scheduled.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from essplanner.ui.tasks import TaskRunner

MUSIC_URL = "https://www.tiktok.com/legal/page/global/music-usage-confirmation/en"
BRANDED_URL = "https://www.tiktok.com/legal/page/global/bc-policy/en"
SELF_ONLY = "SELF_ONLY"
# the option keys the publisher reads (essplanner.publishers.tiktok.publisher)
KEYS = ("privacy_level", "allow_comment", "allow_duet", "allow_stitch", "disclose",
        "your_brand", "branded_content", "max_video_post_duration_sec")


class TikTokPanel(QGroupBox):
    """The TikTok choices of one target. ``fetch`` reads the creator's info (a worker runs
    it); ``changed`` is emitted at every choice."""

    changed = Signal()

    def __init__(self, fetch: Callable[[], Mapping[str, Any]], options: Mapping[str, Any],
                 runner: TaskRunner, *, inbox: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("TikTok"))
        self._saved = dict(options)
        self.creator: Mapping[str, Any] | None = None
        self._loading = True
        layout = QVBoxLayout(self)
        self.creator_label = QLabel(self.tr("Reading the TikTok account…"), self)
        self.creator_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.creator_label)
        self.inbox_note = QLabel(self.tr(
            "This account sends videos to the TikTok inbox: you finish and post each one in "
            "the TikTok app."), self)
        self.inbox_note.setWordWrap(True)
        self.inbox_note.setVisible(inbox)
        layout.addWidget(self.inbox_note)

        self.direct = QWidget(self)
        box = QVBoxLayout(self.direct)
        box.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Who can see this video:"), self.direct))
        self.privacy = QComboBox(self.direct)
        row.addWidget(self.privacy, 1)
        box.addLayout(row)
        box.addWidget(QLabel(self.tr("Allow users to:"), self.direct))
        allow = QHBoxLayout()
        self.comment = QCheckBox(self.tr("Comment"), self.direct)
        self.duet = QCheckBox(self.tr("Duet"), self.direct)
        self.stitch = QCheckBox(self.tr("Stitch"), self.direct)
        for check in (self.comment, self.duet, self.stitch):
            allow.addWidget(check)
        allow.addStretch(1)
        box.addLayout(allow)

        self.disclose = QCheckBox(self.tr("Disclose video content"), self.direct)
        box.addWidget(self.disclose)
        self.disclose_help = QLabel(self.tr(
            "Turn on to disclose that this video promotes goods or services in exchange for "
            "something of value. Your video could promote yourself, a third party, or "
            "both."), self.direct)
        self.disclose_help.setWordWrap(True)
        box.addWidget(self.disclose_help)
        self.your_brand = QCheckBox(self.tr("Your brand"), self.direct)
        self.your_brand.setToolTip(self.tr(
            "You are promoting yourself or your own business. This video will be classified "
            "as Brand Organic."))
        self.branded = QCheckBox(self.tr("Branded content"), self.direct)
        self.branded.setToolTip(self.tr(
            "You are promoting another brand or a third party. This video will be classified "
            "as Branded Content."))
        kinds = QHBoxLayout()
        kinds.addWidget(self.your_brand)
        kinds.addWidget(self.branded)
        kinds.addStretch(1)
        box.addLayout(kinds)
        self.label_notice = QLabel(self.direct)
        self.label_notice.setWordWrap(True)
        box.addWidget(self.label_notice)
        self.declaration = QLabel(self.direct)
        self.declaration.setTextFormat(Qt.TextFormat.RichText)
        self.declaration.setOpenExternalLinks(True)
        self.declaration.setWordWrap(True)
        box.addWidget(self.declaration)
        self.duration = QLabel(self.direct)
        box.addWidget(self.duration)
        self.processing = QLabel(self.tr(
            "After publishing, TikTok may take a few minutes to process the video before it "
            "appears on the profile."), self.direct)
        self.processing.setWordWrap(True)
        box.addWidget(self.processing)
        layout.addWidget(self.direct)
        self.direct.setVisible(not inbox)
        self.direct.setEnabled(False)  # until TikTok said what the creator may choose

        for check in (self.comment, self.duet, self.stitch, self.disclose, self.your_brand,
                      self.branded):
            check.toggled.connect(self._toggled)
        self.privacy.currentIndexChanged.connect(self._toggled)
        self._update()
        runner.run(fetch, self._loaded, self._failed)

    # ---- creator info
    def _loaded(self, creator: Mapping[str, Any]) -> None:
        self.creator = dict(creator)
        nickname = str(creator.get("nickname") or "")
        username = str(creator.get("username") or "")
        self.creator_label.setText(
            self.tr("Posting as %1 (@%2)").replace("%1", nickname).replace("%2", username)
            if username else self.tr("Posting as %1").replace("%1", nickname))
        self.privacy.blockSignals(True)
        self.privacy.clear()
        self.privacy.addItem(self.tr("Choose who can see this video"), None)
        for option in creator.get("privacy_level_options") or ():
            self.privacy.addItem(self._privacy_label(str(option)), str(option))
        # only what the person chose before, never a default
        index = self.privacy.findData(self._saved.get("privacy_level"))
        self.privacy.setCurrentIndex(max(0, index))
        self.privacy.blockSignals(False)
        for check, key, off in ((self.comment, "allow_comment", "comment_disabled"),
                                (self.duet, "allow_duet", "duet_disabled"),
                                (self.stitch, "allow_stitch", "stitch_disabled")):
            check.blockSignals(True)
            disabled = bool(creator.get(off))
            check.setChecked(not disabled and bool(self._saved.get(key)))
            check.setEnabled(not disabled)
            if disabled:
                check.setToolTip(self.tr("Turned off in this account's TikTok settings."))
            check.blockSignals(False)
        for check, key in ((self.disclose, "disclose"), (self.your_brand, "your_brand"),
                           (self.branded, "branded_content")):
            check.blockSignals(True)
            check.setChecked(bool(self._saved.get(key)))
            check.blockSignals(False)
        limit = creator.get("max_video_post_duration_sec")
        self.duration.setText(
            self.tr("This account may post videos of at most %1 s.").replace("%1", str(limit))
            if limit else "")
        self.direct.setEnabled(True)
        self._loading = False
        self._update()
        self.changed.emit()  # the maximum duration is now known: check the video again

    def _failed(self, error: Exception) -> None:
        self.creator_label.setText(self.tr("The TikTok account could not be read: %1")
                                   .replace("%1", str(error)))
        self._loading = False

    def _privacy_label(self, option: str) -> str:
        return {
            "PUBLIC_TO_EVERYONE": self.tr("Everyone"),
            "MUTUAL_FOLLOW_FRIENDS": self.tr("Friends"),
            "FOLLOWER_OF_CREATOR": self.tr("Followers"),
            SELF_ONLY: self.tr("Only you"),
        }.get(option, option)

    # ---- choices
    def _toggled(self, *_args: object) -> None:
        if self._loading:
            return
        self._update()
        self.changed.emit()

    def _update(self) -> None:
        disclose = self.disclose.isChecked()
        self.your_brand.setVisible(disclose)
        self.branded.setVisible(disclose)
        branded = disclose and self.branded.isChecked()
        mine = disclose and self.your_brand.isChecked()
        if branded:
            notice = self.tr("Your video will be labeled as 'Paid partnership'")
        elif mine:
            notice = self.tr("Your video will be labeled as 'Promotional content'")
        elif disclose:
            notice = self.tr("You need to indicate if your content promotes yourself, a third "
                             "party, or both.")
        else:
            notice = ""
        self.label_notice.setText(notice)
        self.label_notice.setVisible(bool(notice))
        # branded content cannot be private: "Only you" is greyed out, and the other way round
        model = self.privacy.model()
        index = self.privacy.findData(SELF_ONLY)
        if isinstance(model, QStandardItemModel) and index >= 0:
            item = model.item(index)
            item.setEnabled(not branded)
            item.setToolTip(self.tr("Branded content visibility cannot be set to private.")
                            if branded else "")
        private = self.privacy.currentData() == SELF_ONLY
        self.branded.setEnabled(not private)
        self.branded.setToolTip(self.tr("Branded content visibility cannot be set to private.")
                                if private else self.tr(
            "You are promoting another brand or a third party. This video will be classified "
            "as Branded Content."))
        if branded:
            text = self.tr("By posting, you agree to TikTok's <a href=\"%1\">Branded Content "
                           "Policy</a> and <a href=\"%2\">Music Usage Confirmation</a>.")
            self.declaration.setText(text.replace("%1", BRANDED_URL).replace("%2", MUSIC_URL))
        else:
            text = self.tr("By posting, you agree to TikTok's <a href=\"%1\">Music Usage "
                           "Confirmation</a>.")
            self.declaration.setText(text.replace("%1", MUSIC_URL))

    def options(self) -> dict[str, Any]:
        """The target's options: what the person chose (nothing chosen for them)."""
        if self.creator is None:
            return dict(self._saved)  # not read yet: keep what was stored
        values: dict[str, Any] = {
            "allow_comment": self.comment.isEnabled() and self.comment.isChecked(),
            "allow_duet": self.duet.isEnabled() and self.duet.isChecked(),
            "allow_stitch": self.stitch.isEnabled() and self.stitch.isChecked(),
            "disclose": self.disclose.isChecked(),
            "your_brand": self.disclose.isChecked() and self.your_brand.isChecked(),
            "branded_content": self.disclose.isChecked() and self.branded.isChecked(),
        }
        privacy = self.privacy.currentData()
        if privacy:
            values["privacy_level"] = str(privacy)
        limit = self.creator.get("max_video_post_duration_sec")
        if isinstance(limit, int):
            values["max_video_post_duration_sec"] = limit
        return {**{k: v for k, v in self._saved.items() if k not in KEYS}, **values}
