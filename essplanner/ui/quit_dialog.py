"""The dialog shown when the app is asked to quit while posts are being sent.

It lists what is being sent (the post's title and the network's name) with a countdown
to each send's deadline, and closes by itself once the sends have finished. "Quit
anyway" leaves them to be checked at the next start; "Let the background service
finish it" hands them over. The window stays responsive meanwhile: nothing here waits.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from essplanner.scheduler.outcome import SendInProgress

# how often the list and the countdown are redrawn
TICK_MS = 200


class QuitDialog(QDialog):
    """Signals: ``quit_anyway()``, ``hand_over()``; ``accepted`` once nothing is sent any more."""

    quit_anyway = Signal()
    hand_over = Signal()

    def __init__(self, sending: Callable[[], Sequence[SendInProgress]], *, background: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sending = sending
        self.setWindowTitle(self.tr("Posts being sent"))
        self.setModal(False)
        self.intro = QLabel(self.tr("ESS Planner quits as soon as these posts are sent:"), self)
        self.intro.setWordWrap(True)
        self.items = QLabel(self)
        self.items.setObjectName("sending")
        self.items.setTextFormat(Qt.TextFormat.RichText)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.quit_button = QPushButton(self.tr("&Quit anyway"), self)
        self.quit_button.setToolTip(self.tr(
            "The posts being sent are checked on their network at the next start; none is "
            "sent twice."))
        self.buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.hand_over_button: QPushButton | None = None
        if background:
            self.hand_over_button = QPushButton(
                self.tr("&Let the background service finish it"), self)
            self.hand_over_button.setToolTip(self.tr(
                "ESS Planner quits now; the background publishing service checks these "
                "posts and goes on with the others."))
            self.buttons.addButton(self.hand_over_button,
                                   QDialogButtonBox.ButtonRole.AcceptRole)
            self.hand_over_button.setDefault(True)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.items, self.note, self.buttons):
            layout.addWidget(widget)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self._connect()
        self.refresh()

    def _connect(self) -> None:
        self.timer.timeout.connect(self.refresh)
        self.quit_button.clicked.connect(self.on_quit_anyway)
        if self.hand_over_button is not None:
            self.hand_over_button.clicked.connect(self.on_hand_over)

    def showEvent(self, event: QShowEvent) -> None:
        self.timer.start()
        super().showEvent(event)

    def refresh(self) -> None:
        """Redraw the list and the countdown; close once nothing is being sent."""
        sends = list(self._sending())
        if not sends:
            self.timer.stop()
            self.accept()
            return
        now = time.monotonic()
        rows = []
        for send in sends:
            left = math.ceil(send.deadline - now)
            when = (self.tr("%n s", "", left) if left > 0 else self.tr("waiting…"))
            rows.append(f"<li><b>{escape(send.post_title)}</b> — {escape(send.network)} "
                        f"<i>({escape(when)})</i></li>")
        self.items.setText("<ul>" + "".join(rows) + "</ul>")
        self.note.setText(self.tr("The network has not answered yet. Quitting now does not "
                                  "lose the post: it is checked before anything is sent "
                                  "again."))

    def on_quit_anyway(self) -> None:
        self.timer.stop()
        self.quit_anyway.emit()
        self.done(QDialog.DialogCode.Rejected)

    def on_hand_over(self) -> None:
        self.timer.stop()
        self.hand_over.emit()
        self.done(QDialog.DialogCode.Rejected)

    def reject(self) -> None:
        """Escape and the title bar's close button keep waiting: quitting is decided."""
