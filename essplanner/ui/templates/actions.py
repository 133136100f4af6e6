"""The main window's commands for templates and evergreen posts (File › New post from
template…, the new-post button's menu, Tools › Evergreen posts…)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from essplanner.domain import Post

if TYPE_CHECKING:
    from essplanner.ui.mainwindow import MainWindow


def new_post_from_template(window: MainWindow) -> None:
    """Pick a template, then open a new post's editor filled from it."""
    from essplanner.ui.templates.picker import TemplatePicker

    if window.require_actions() is None:
        return
    picker = TemplatePicker(window.ws, window)
    if picker.exec() != QDialog.DialogCode.Accepted:
        return
    template = picker.chosen()
    if template is not None:
        window.editor_host.new_from_template(template)


def open_evergreen_library(window: MainWindow) -> None:
    """The evergreen library; a reused post goes on the undo stack and is shown."""
    from essplanner.ui.templates.library import EvergreenDialog

    if window.require_actions() is None:
        return
    dialog = EvergreenDialog(window.ws, window.zone, window.bridge, window)

    def on_reused(post: Post) -> None:
        assert window.actions_ is not None
        window.actions_.record_save(None, post)
        if post.scheduled_at is not None:
            window.show_date(post.scheduled_at.astimezone(window.zone).date())

    dialog.reused.connect(on_reused)
    dialog.exec()
