"""The team's place in the main window: View › Review list (a dock), the approvers'
desktop notification when a post is submitted, and everyone's when a comment names them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget

from essplanner.domain import Comment
from essplanner.ui.team.review import (
    ReviewModel,
    ReviewPanel,
    ReviewRow,
    ReviewWatch,
    review_rows,
)

if TYPE_CHECKING:
    from essplanner.ui.bridge import Bridge
    from essplanner.workspace import Workspace


@dataclass(frozen=True)
class ReviewParts:
    """What :func:`install` adds to the window."""

    dock: QDockWidget
    panel: ReviewPanel
    watch: ReviewWatch


def install(window: Any, workspace: Workspace, bridge: Bridge, *,
            notify: Callable[[str, str], object]) -> ReviewParts:
    """Add the review list's dock (View › Review list) and tell approvers, through
    ``notify(title, text)`` (the tray's balloon), what is submitted while the app runs."""
    model = ReviewModel(lambda: review_rows(workspace), window.zone, window)
    dock = QDockWidget(QCoreApplication.translate("Review", "Review list"), window)
    dock.setObjectName("review")
    panel = ReviewPanel(model, dock)
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    toggle = dock.toggleViewAction()
    toggle.setText(QCoreApplication.translate("Review", "&Review list"))
    window.menu_view.addAction(toggle)
    panel.open_post.connect(window.open_post)
    watch = ReviewWatch(workspace, model, window)

    def submitted(rows: Sequence[ReviewRow]) -> None:
        if workspace.settings.notifications:
            notify(*watch.notification(rows))

    def mentioned(comments: Sequence[Comment]) -> None:
        if workspace.settings.notifications:
            notify(*watch.mention_notification(comments))

    watch.submitted.connect(submitted)
    watch.mentioned.connect(mentioned)
    bridge.changed.connect(watch.on_changed)
    refreshed = getattr(window, "refreshed", None)
    if refreshed is not None:  # another computer's (or program's) writes
        refreshed.connect(watch.refresh)
    watch.start()
    window.review_dock, window.review_panel, window.review_watch = dock, panel, watch
    return ReviewParts(dock, panel, watch)
