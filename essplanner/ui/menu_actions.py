"""Menu entries that open a dialog: Tools › Accounts… and Edit › Preferences….

The entries are made at start; each dialog's module is imported the first time it opens
(docs/decisions/0026: a start loads what it uses).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from essplanner.ui.bridge import Bridge
    from essplanner.workspace import Workspace


def install_accounts(window: Any, workspace: Workspace, bridge: Bridge) -> QAction:
    """Add Tools › Accounts… to the main window."""
    action = QAction(QCoreApplication.translate("MainWindow", "&Accounts…"), window)
    # not Ctrl+Shift+A: View › Needs attention has it (a key bound twice fires neither)
    action.setShortcut(QKeySequence("Ctrl+Shift+N"))

    def open_dialog() -> None:
        dialog = getattr(window, "_accounts_dialog", None)
        if dialog is None:
            from essplanner.ui.accounts.dialog import AccountsDialog

            dialog = AccountsDialog(workspace, bridge, window)
            window._accounts_dialog = dialog
        if dialog.isVisible():  # already open: bring it to the front
            dialog.raise_()
            dialog.activateWindow()
        else:
            dialog.show()

    def reconnect(account_id: int) -> None:
        open_dialog()
        window._accounts_dialog.reconnect_account(account_id)

    def handover(account_id: int) -> None:
        open_dialog()
        window._accounts_dialog.edit_handover(account_id)

    action.triggered.connect(open_dialog)
    reconnect_requested = getattr(window, "reconnect_requested", None)
    if reconnect_requested is not None:
        reconnect_requested.connect(reconnect)
    handover_requested = getattr(window, "handover_requested", None)
    if handover_requested is not None:
        handover_requested.connect(handover)
    window.menu_tools.addAction(action)
    return action


def install_preferences(window: Any, workspace: Workspace, *,
                        on_saved: Callable[[frozenset[str]], object] | None = None) -> QAction:
    """Add Edit › Preferences… (Ctrl+,) to the main window; ``on_saved`` hears which settings
    changed (background publishing, backups... are acted on by their own modules)."""
    action = QAction(QCoreApplication.translate("MainWindow", "&Preferences…"), window)
    action.setShortcut(QKeySequence("Ctrl+,"))
    action.setMenuRole(QAction.MenuRole.PreferencesRole)

    def open_dialog() -> None:
        from essplanner.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(workspace, window)
        if on_saved is not None:
            dialog.saved.connect(on_saved)
        dialog.exec()

    action.triggered.connect(open_dialog)
    window.menu_edit.addSeparator()
    window.menu_edit.addAction(action)
    return action
