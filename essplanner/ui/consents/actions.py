"""The main window's command for image rights: Tools › Image rights…"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from essplanner.ui.consents.register import ConsentRegister
    from essplanner.ui.mainwindow import MainWindow


def open_register(window: MainWindow) -> ConsentRegister | None:
    """Tools › Image rights…: the register, over the window."""
    from essplanner.ui.consents.register import ConsentRegister

    if not window.ready:
        return None
    dialog = ConsentRegister(window.ws, window.zone, window.undo_stack, window._report, window)
    dialog.setModal(True)
    dialog.show()
    return dialog
