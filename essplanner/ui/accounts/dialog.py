"""The accounts dialog: connected channels, their state, and add / check / reconnect / remove,
their handover register entry and a departing volunteer's checklist.

Checking an account (a network call) and anything touching the keyring (which may
wait for the user to unlock it) run on a worker thread; results come back on the
main thread through :class:`~essplanner.ui.tasks.TaskRunner`'s queued signals (DESIGN.md §3).
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from essplanner.channels import accounts as core
from essplanner.domain import PLATFORM_NAMES, TEST_PLATFORM, Account, Change, TeamAction
from essplanner.ui import messages
from essplanner.ui.bridge import Bridge
from essplanner.ui.empty_state import EmptyState
from essplanner.ui.messages import report_error
from essplanner.ui.plain import plain, plain_label
from essplanner.ui.tasks import TaskRunner
from essplanner.workspace import Workspace

log = logging.getLogger(__name__)
ModelIndex = QModelIndex | QPersistentModelIndex


class Role(enum.IntEnum):
    ACCOUNT = Qt.ItemDataRole.UserRole + 1  # the Account dataclass
    ACCOUNT_ID = Qt.ItemDataRole.UserRole + 2
    BUSY = Qt.ItemDataRole.UserRole + 3  # bool: a check is running


class Column(enum.IntEnum):
    NAME = 0
    PLATFORM = 1
    HANDLE = 2
    STATUS = 3


class AccountsModel(QAbstractTableModel):
    """One row per account: name, platform, handle, state (needs reconnecting, checked...)."""

    def __init__(self, platform_names: dict[str, str] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._accounts: list[Account] = []
        self._busy: set[int] = set()
        self._platforms = dict(platform_names or {})

    def set_accounts(self, accounts: Sequence[Account]) -> None:
        self.beginResetModel()
        self._accounts = list(accounts)
        self._busy &= {a.id for a in self._accounts}
        self.endResetModel()

    def set_busy(self, account_id: int, busy: bool) -> None:
        if busy:
            self._busy.add(account_id)
        else:
            self._busy.discard(account_id)
        row = self.row_of(account_id)
        if row is not None:
            index = self.index(row, Column.STATUS)
            self.dataChanged.emit(index, index)

    def is_busy(self, account_id: int) -> bool:
        return account_id in self._busy

    def row_of(self, account_id: int) -> int | None:
        for row, account in enumerate(self._accounts):
            if account.id == account_id:
                return row
        return None

    def account_at(self, row: int) -> Account | None:
        return self._accounts[row] if 0 <= row < len(self._accounts) else None

    # ---- Qt
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._accounts)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {Column.NAME: self.tr("Name"), Column.PLATFORM: self.tr("Platform"),
                  Column.HANDLE: self.tr("Handle"), Column.STATUS: self.tr("Status")}
        return titles.get(Column(section)) if 0 <= section < len(Column) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._accounts):
            return None
        account = self._accounts[index.row()]
        column = Column(index.column())
        if role == Role.ACCOUNT:
            return account
        if role == Role.ACCOUNT_ID:
            return account.id
        if role == Role.BUSY:
            return account.id in self._busy
        if role == Qt.ItemDataRole.DisplayRole:
            if column is Column.NAME:
                return account.name
            if column is Column.PLATFORM:
                return self._platform_text(account)
            if column is Column.HANDLE:
                return account.handle
            return self._status(account)
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.STATUS:
            return plain(account.reconnect_reason) or None
        if role == Qt.ItemDataRole.DecorationRole and column is Column.STATUS \
                and account.id not in self._busy:
            from PySide6.QtWidgets import QApplication

            pixmap = (QStyle.StandardPixmap.SP_MessageBoxWarning if account.needs_reconnect
                      else QStyle.StandardPixmap.SP_DialogApplyButton
                      if account.settings.get("checked_at") else None)
            return QApplication.style().standardIcon(pixmap) if pixmap is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.STATUS \
                and account.needs_reconnect:
            from PySide6.QtGui import QBrush, QColor

            return QBrush(QColor(176, 32, 32))
        return None

    def _platform_text(self, account: Account) -> str:
        """The network's name; a test account's says what it imitates."""
        from essplanner.ui.labels import platform_label

        if account.platform == TEST_PLATFORM:
            mimic = str(account.settings.get("mimic") or "")
            test = platform_label(TEST_PLATFORM)
            return f"{test} · {platform_label(mimic)}" if mimic else test
        if account.platform in PLATFORM_NAMES:
            return platform_label(account.platform)
        return self._platforms.get(account.platform, account.platform)

    def _status(self, account: Account) -> str:
        if account.id in self._busy:
            return self.tr("Checking…")
        if account.needs_reconnect:
            return self.tr("Reconnect needed")
        if not account.enabled:
            return self.tr("Disabled")
        if account.settings.get("checked_at"):
            return self.tr("Connected")
        return self.tr("Not checked yet")


class AccountsDialog(QDialog):
    """The list of accounts with add, check, reconnect and remove.

    Signals: ``task_finished()`` when a background operation's result has been shown.
    """

    task_finished = Signal()

    def __init__(self, workspace: Workspace, bridge: Bridge,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.bridge = bridge
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(760, 380)
        names = {info.platform: info.display_name for info in workspace.registry.available()}
        self.model = AccountsModel(names, self)
        self.runner = TaskRunner(self)

        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        style = self.style()
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.check_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload), self.tr("&Check"), self)
        self.reconnect_button = QPushButton(self.tr("&Reconnect…"), self)
        self.remove_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon), self.tr("Re&move…"), self)
        self.handover_button = QPushButton(self.tr("&Handover…"), self)
        self.handover_button.setToolTip(self.tr(
            "Who connected the account, whose login it is, the backup administrators and "
            "where the recovery codes are kept"))
        self.checklist_button = QPushButton(self.tr("Handover check&list…"), self)
        self.checklist_button.setToolTip(self.tr(
            "A PDF of what a departing volunteer must hand over"))
        from essplanner.ui.accounts.slots import SlotsEditor

        self.slots = SlotsEditor(workspace.slots, self)
        self.info = plain_label(QLabel(self))
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        self.empty = EmptyState(
            self.tr("No accounts connected yet"),
            self.tr("An account is a page or profile of the association on a network "
                    "(Facebook, Mastodon, Bluesky…) where planned posts go out at their time. "
                    "Connect one with the help of its platform guide; or choose “Dry run” "
                    "to try everything with a test account that publishes nothing."),
            self.tr("Connect an account"), self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.view)
        self.pages.addWidget(self.empty)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.check_button, self.reconnect_button,
                       self.remove_button, self.handover_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.checklist_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.slots)
        layout.addWidget(self.info)
        layout.addWidget(close)

        self.remove_action = QAction(self)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.addAction(self.remove_action)
        self.check_action = QAction(self)
        self.check_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.addAction(self.check_action)
        from essplanner.ui.team.roles import refusal

        # connecting, reconnecting and removing accounts is the administrators' (the team)
        self.refused = refusal(workspace, TeamAction.MANAGE_ACCOUNTS)
        self._connect()
        self.reload()

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.on_add)
        self.empty.activated.connect(self.on_add)
        self.check_button.clicked.connect(self.on_check)
        self.reconnect_button.clicked.connect(self.on_reconnect)
        self.remove_button.clicked.connect(self.on_remove)
        self.handover_button.clicked.connect(self.on_handover)
        self.checklist_button.clicked.connect(self.on_checklist)
        self.remove_action.triggered.connect(self.on_remove)
        self.check_action.triggered.connect(self.on_check)
        self.view.doubleClicked.connect(lambda _index: self.on_check())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.bridge.changed.connect(self.on_changed)
        self.runner.finished.connect(self.task_finished)

    # ---- state
    def reload(self) -> None:
        selected = self.selected()
        self.model.set_accounts(self.ws.accounts.all())
        if selected is not None:
            self.select(selected.id)
        elif self.model.rowCount():
            self.view.selectRow(0)
        self.pages.setCurrentWidget(self.view if self.model.rowCount() else self.empty)
        self._update_buttons()

    def select(self, account_id: int) -> None:
        row = self.model.row_of(account_id)
        if row is not None:
            self.view.selectRow(row)

    def selected(self) -> Account | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        if not rows:
            return None
        return self.model.account_at(rows[0].row())

    def _update_buttons(self) -> None:
        account = self.selected()
        busy = account is not None and self.model.is_busy(account.id)
        for button in (self.check_button, self.remove_button, self.reconnect_button,
                       self.handover_button):
            button.setEnabled(account is not None and not busy)
        if account is not None and account.platform == "dryrun":
            self.reconnect_button.setEnabled(False)
        self.reconnect_button.setDefault(bool(account and account.needs_reconnect))
        if self.refused:
            for button in (self.add_button, self.empty.button, self.reconnect_button,
                           self.remove_button):
                button.setEnabled(False)
                button.setToolTip(self.refused)
        if account != self.slots.account:
            self.slots.set_account(account)

    def on_changed(self, change: Change) -> None:
        if change.accounts:
            self.reload()

    # ---- actions
    def on_add(self) -> None:
        if self.refused:
            return
        from essplanner.ui.accounts.editor import AccountEditor

        # the editor logs in and stores the account; refused credentials keep it open
        editor = AccountEditor(self.ws, self.runner, parent=self)
        if editor.exec() != QDialog.DialogCode.Accepted or editor.outcome is None:
            return
        self._show_outcome(editor.outcome)
        self.task_finished.emit()

    def edit_handover(self, account_id: int | None = None) -> bool:
        """Edit the handover register entry of ``account_id`` (default: the selected
        account); True when it was saved."""
        from essplanner.ui.accounts.handover import HandoverDialog

        if account_id is None:
            account = self.selected()
            if account is None:
                return False
            account_id = account.id
        else:
            self.select(account_id)
        dialog = HandoverDialog(self.ws, account_id, self)
        saved = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if saved:
            self.reload()
        return saved

    def on_handover(self) -> None:
        self.edit_handover()

    def on_checklist(self) -> None:
        from essplanner.ui.accounts.handover import save_checklist

        path = save_checklist(self, self.ws)
        if path is not None:
            self.info.setText(self.tr("Handover checklist saved to %1.").replace(
                "%1", str(path)))

    def on_check(self) -> None:
        account = self.selected()
        if account is None or self.model.is_busy(account.id):
            return
        self.model.set_busy(account.id, True)
        self._update_buttons()
        self.info.setText(self.tr("Checking %1…").replace("%1", account.name))

        def done(outcome: Any) -> None:
            self.model.set_busy(account.id, False)
            self._show_outcome(outcome)

        def failed(exc: Exception) -> None:
            self.model.set_busy(account.id, False)
            self._failed(self.tr("The account could not be checked"), exc)

        self.runner.run(lambda: core.check_account(self.ws, account.id), done, failed)

    def reconnect_account(self, account_id: int) -> None:
        """Select the account and open its reconnection (from needs attention)."""
        self.select(account_id)
        self.on_reconnect()

    def on_reconnect(self) -> None:
        if self.refused:
            return
        from essplanner.ui.accounts.editor import AccountEditor

        account = self.selected()
        if account is None:
            return
        editor = AccountEditor(self.ws, self.runner, account=account, parent=self)
        if editor.exec() != QDialog.DialogCode.Accepted or editor.result_values is None:
            return
        values = editor.result_values

        def work() -> core.CheckOutcome:
            core.reconnect(self.ws, account.id, secret=values["secret"],
                           extra_secrets=values.get("extra_secrets"),
                           settings=values.get("settings"), handle=values.get("handle", ""))
            return core.check_account(self.ws, account.id)

        self.model.set_busy(account.id, True)

        def done(outcome: Any) -> None:
            self.model.set_busy(account.id, False)
            self._show_outcome(outcome)

        def failed(exc: Exception) -> None:
            self.model.set_busy(account.id, False)
            self._failed(self.tr("The account was not reconnected"), exc)

        self.runner.run(work, done, failed)

    def on_remove(self) -> None:
        account = self.selected()
        if self.refused or account is None or self.model.is_busy(account.id):
            return
        answer = messages.question(
            self, self.tr("Remove the account"),
            plain(self.tr("Remove the account %1? Its secrets are deleted from the keyring, "
                          "and posts planned on it will no longer go out there.")
                  .replace("%1", account.name)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.runner.run(
            lambda: core.remove_account(self.ws, account.id),
            lambda removed: self.info.setText(
                self.tr("%1 was removed and its secrets deleted.").replace("%1", removed.name)),
            lambda exc: self._failed(self.tr("The account was not removed"), exc))

    # ---- results
    def _show_outcome(self, outcome: Any) -> None:
        self.reload()
        if isinstance(outcome, Account):
            self.select(outcome.id)
            self.info.setText(self.tr("%1 was added.").replace("%1", outcome.name))
            return
        assert isinstance(outcome, core.CheckOutcome)
        account = outcome.account
        self.select(account.id)
        if outcome.ok:
            text = self.tr("%1: connected as %2.").replace("%1", account.name) \
                .replace("%2", account.handle or "?")
            if outcome.warnings:
                text += "\n" + "\n".join(f"⚠ {w}" for w in outcome.warnings)
            self.info.setText(text)
        elif outcome.needs_reconnect:
            self.info.setText(self.tr("%1: the credentials were refused. %2")
                              .replace("%1", account.name).replace("%2", outcome.message))
            self.reconnect_button.setFocus()
        else:
            self.info.setText(self.tr("%1 cannot be checked now: %2")
                              .replace("%1", account.name).replace("%2", outcome.message))

    def _failed(self, title: str, exc: Exception) -> None:
        self.reload()
        self.info.setText(f"{title}: {exc}")
        report_error(self, title, exc)
