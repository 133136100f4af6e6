"""The status bar's word on videos being sent: "Sending “Title” to YouTube: 42 %"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QWidget

from essplanner.domain import UploadUnderWay
from essplanner.ui.labels import platform_label
from essplanner.ui.plain import escape, plain_label


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.0f}" if size >= 10_000_000 else f"{size / 1_000_000:.1f}"


class UploadStatus(QLabel):
    """Hidden while nothing uploads; one line per video in its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("uploadStatus")
        plain_label(self)  # a post's title is shown as typed, never as markup
        self.hide()

    def show_uploads(self, uploads: Sequence[UploadUnderWay]) -> None:
        if not uploads:
            self.clear()
            self.setToolTip("")
            self.hide()
            return
        lines = [self.line(u) for u in uploads]
        if len(uploads) == 1:
            self.setText(lines[0])
        else:
            total = sum(u.progress.total for u in uploads)
            sent = sum(u.progress.sent for u in uploads)
            self.setText(self.tr("Sending %n video(s): %1 %", "", len(uploads))
                         .replace("%1", str(sent * 100 // total if total else 0)))
        self.setToolTip("<br>".join(escape(line) for line in lines))
        self.show()

    def line(self, upload: UploadUnderWay) -> str:
        progress = upload.progress
        return (self.tr("Sending “%1” to %2 (%3): %4 % (%5 MB of %6 MB)")
                .replace("%1", upload.title)
                .replace("%2", platform_label(upload.platform))
                .replace("%3", upload.account_name)
                .replace("%4", str(progress.percent))
                .replace("%5", megabytes(progress.sent))
                .replace("%6", megabytes(progress.total)))
