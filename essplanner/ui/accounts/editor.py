"""The form to connect an account (or give it a new secret), built from the platform's
``account_fields``: a new platform plugin gets its form with no UI code."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from essplanner.channels import accounts as core
from essplanner.domain import PLATFORM_NAMES, TEST_PLATFORM, Account
from essplanner.errors import EssPlannerError
from essplanner.publishers.base import AccountField, Credentials, FieldKind
from essplanner.publishers.i18n import tr
from essplanner.ui.labels import platform_label
from essplanner.ui.messages import report_error
from essplanner.ui.plain import plain_label
from essplanner.ui.style import platform_icon
from essplanner.ui.tasks import TaskRunner
from essplanner.workspace import Workspace


class AccountEditor(QDialog):
    """Add an account (``account`` is None) or reconnect one. Signals: ``login_checked()``
    once a new account's login has been tried (stored or refused).

    A new account is connected from here: OK logs in on a worker and the
    dialog closes only once the account is stored, ``outcome`` holding what the check
    found; refused credentials store nothing and keep the dialog open, the reason under
    the form and the secret field focused to correct it. Reconnecting: after ``exec()``
    returns Accepted, ``result_values`` holds what to pass to
    :mod:`essplanner.channels.accounts`.
    """

    login_checked = Signal()

    def __init__(self, workspace: Workspace, runner: TaskRunner, *,
                 account: Account | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.runner = runner
        self.account = account
        self.result_values: dict[str, Any] | None = None
        self.outcome: core.CheckOutcome | Account | None = None
        self._busy = False
        self.credentials: Credentials | None = None
        self.edits: dict[str, QLineEdit] = {}
        self.client_id: QLineEdit | None = None
        self.client_secret: QLineEdit | None = None
        self._fields: tuple[AccountField, ...] = ()
        self._cancel_login = threading.Event()

        self.platform = QComboBox(self)
        for info in sorted(workspace.registry.available(),
                           key=lambda i: (i.platform == TEST_PLATFORM,
                                          i.display_name.casefold())):
            known = info.platform in PLATFORM_NAMES or info.platform == TEST_PLATFORM
            self.platform.addItem(platform_label(info.platform) if known else info.display_name,
                                  info.platform)
        # a test account imitates a network: its rules, preview and icon
        self.imitates = QComboBox(self)
        for info in sorted(workspace.registry.available(), key=lambda i: i.platform):
            if info.platform != TEST_PLATFORM:
                self.imitates.addItem(platform_icon(info.platform),
                                      platform_label(info.platform), info.platform)
        self.imitates.addItem(self.tr("No network in particular"), "")
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. Bluesky of the association"))
        self.form_host = QWidget(self)
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.browser_button = QPushButton(self.tr("Log in with the &browser…"), self)
        self.status = plain_label(QLabel(self))
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)

        top = QFormLayout()
        top.addRow(self.tr("&Platform"), self.platform)
        top.addRow(self.tr("&Imitates"), self.imitates)
        self._top = top
        top.addRow(self.tr("&Name"), self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.form_host)
        layout.addWidget(self.browser_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        if account is not None:
            self.setWindowTitle(self.tr("Reconnect %1").replace("%1", account.name))
            self.platform.setCurrentIndex(max(0, self.platform.findData(account.platform)))
            self.platform.setEnabled(False)
            self.name.setText(account.name)
            self.name.setEnabled(False)
        else:
            self.setWindowTitle(self.tr("Connect an account"))
        self.platform.currentIndexChanged.connect(self._build_form)
        self.name.textChanged.connect(self._update_ok)
        self.browser_button.clicked.connect(self.on_browser_login)
        self.buttons.accepted.connect(self.on_accept)
        self.buttons.rejected.connect(self.reject)
        self._build_form()

    # ---- form
    def current_platform(self) -> str:
        return str(self.platform.currentData() or "")

    def _build_form(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.edits.clear()
        self.client_id = self.client_secret = None
        self.credentials = None
        platform = self.current_platform()
        self._top.setRowVisible(self.imitates, platform == TEST_PLATFORM)
        fields = core.fields_for(self.ws, platform) if platform else ()
        if self.account is not None:  # reconnecting: a new secret, nothing else
            fields = tuple(f for f in fields if f.kind is FieldKind.SECRET)
        self._fields = fields
        for f in fields:
            edit = QLineEdit(self.form_host)
            edit.setObjectName(f"field_{f.key}")
            edit.setPlaceholderText(f.placeholder)
            if f.kind is FieldKind.SECRET:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
                edit.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData
                                         | Qt.InputMethodHint.ImhNoPredictiveText)
                reveal = QAction(self.tr("Show"), edit)
                reveal.setCheckable(True)
                reveal.toggled.connect(lambda on, e=edit: e.setEchoMode(
                    QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
                edit.addAction(reveal, QLineEdit.ActionPosition.TrailingPosition)
            elif f.kind is FieldKind.API_URL and self.account is not None:
                edit.setText(self.account.api_url)
            edit.textChanged.connect(self._update_ok)
            label = tr(f.label) + ("" if f.required else " " + self.tr("(optional)"))
            holder = QWidget(self.form_host)
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(edit)
            if f.help:
                hint = QLabel(tr(f.help), holder)
                hint.setWordWrap(True)
                hint.setStyleSheet("color: palette(mid); font-size: small;")
                box.addWidget(hint)
            self.form.addRow(label, holder)
            self.edits[f.key] = edit
        self._add_client_fields(platform)
        self.browser_button.setVisible(bool(platform)
                                       and core.supports_browser_login(self.ws, platform))
        self.status.clear()
        self._update_ok()

    def _add_client_fields(self, platform: str) -> None:
        """The developer app's client id (and secret where the platform requires one), for
        platforms whose login needs one; prefilled and optional when one is shipped."""
        needs = core.client_needs(self.ws, platform) if platform else core.ClientNeeds()
        if not needs.needs_client_app:
            return
        own = str(self.account.settings.get(core.CLIENT_ID, "")) if self.account else ""
        self.client_id = QLineEdit(self.form_host)
        self.client_id.setObjectName("client_id")
        self.client_id.setText(own or needs.default_client_id)
        label = self.tr("Client id")
        if needs.default_client_id:
            label += " " + self.tr("(optional)")
        self.form.addRow(label, self.client_id)
        if needs.client_secret_required:
            self.client_secret = QLineEdit(self.form_host)
            self.client_secret.setObjectName("client_secret")
            self.client_secret.setEchoMode(QLineEdit.EchoMode.Password)
            self.client_secret.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData
                                                   | Qt.InputMethodHint.ImhNoPredictiveText)
            if self.account is not None:
                self.client_secret.setPlaceholderText(self.tr("(kept: type to replace)"))
            self.form.addRow(self.tr("Client secret"), self.client_secret)

    def _client_values(self) -> tuple[str, str]:
        return (self.client_id.text().strip() if self.client_id is not None else "",
                self.client_secret.text().strip() if self.client_secret is not None else "")

    def _value(self, key: str) -> str:
        edit = self.edits.get(key)
        return edit.text().strip() if edit is not None else ""

    def _value_of(self, kind: FieldKind) -> str:
        key = next((f.key for f in self._fields if f.kind is kind), "")
        return self._value(key) if key else ""

    def _update_ok(self) -> None:
        ok = bool(self.name.text().strip()) and bool(self.current_platform())
        for f in self._fields:
            if not f.required:
                continue
            if f.kind is FieldKind.SECRET and self.credentials is not None:
                continue
            if f.kind is FieldKind.API_URL and self._default_api_url():
                continue
            ok = ok and bool(self._value(f.key))
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        button.setEnabled(ok and not self._busy)

    def _default_api_url(self) -> str:
        publisher = self.ws.registry.try_get(self.current_platform())
        return str(getattr(publisher, "default_api_url", "") or "")

    # ---- browser login
    def on_browser_login(self) -> None:
        platform = self.current_platform()
        api_url = self._value_of(FieldKind.API_URL) or (self.account.api_url
                                                         if self.account else "")
        self._cancel_login.clear()
        self.browser_button.setEnabled(False)
        self.status.setText(self.tr("Waiting for the authorisation in the browser…"))

        client_id, client_secret = self._client_values()
        try:
            client = core.client_app(self.ws, platform, client_id=client_id,
                                     client_secret=client_secret, account=self.account)
        except EssPlannerError as exc:
            self.browser_button.setEnabled(True)
            self._show_status(str(exc), error=True)
            return

        def work(open_url: Any) -> Credentials:
            login = core.browser_login(self.ws, platform, api_url, open_url=open_url,
                                       cancelled=self._cancel_login.is_set, client=client)
            return core.with_client(login, client)

        def done(credentials: Credentials) -> None:
            self.browser_button.setEnabled(True)
            chosen = self.choose(credentials)
            if chosen is None:
                self.status.setText(self.tr("No place to publish was chosen: log in again "
                                            "to choose one."))
                return
            credentials = chosen
            self.credentials = credentials
            for f in self._fields:
                if f.kind is FieldKind.SECRET:
                    edit = self.edits[f.key]
                    edit.clear()
                    edit.setPlaceholderText(self.tr("(received from the browser)"))
                    edit.setEnabled(False)
            self.status.setText(self.tr("Authorised as %1. Click OK to save.")
                                .replace("%1", credentials.handle or "?"))
            self._update_ok()

        def failed(exc: Exception) -> None:
            self.browser_button.setEnabled(True)
            if self._cancel_login.is_set():
                return
            self.status.setText(str(exc))
            report_error(self, self.tr("The browser login did not succeed"), exc)

        def open_url(url: str) -> None:
            if not QDesktopServices.openUrl(QUrl(url)):
                self.status.setText(self.tr("Open this address in your browser: %1")
                                    .replace("%1", url))

        self.runner.run(work, done, failed, on_open_url=open_url)

    def choose(self, credentials: Credentials) -> Credentials | None:
        """Where to publish, when the login offers several places: asked with their labels
        (a single one is taken without asking). None: the person cancelled."""
        try:
            return core.settle_choice(credentials)
        except core.ChoiceNeeded as exc:
            labels = [c.label for c in exc.choices]
            label, ok = QInputDialog.getItem(
                self, self.tr("Where to publish"),
                self.tr("This login can publish in several places. Where should the posts "
                        "of this account go?"), labels, 0, False)
            if not ok:
                return None
            return core.settle_choice(credentials, exc.choices[labels.index(label)].value)
        except EssPlannerError as exc:
            self._show_status(str(exc), error=True)
            return None

    def reject(self) -> None:
        if self._busy:
            return  # the login being checked stores the account if it succeeds: wait for it
        self._cancel_login.set()
        super().reject()

    # ---- result
    def on_accept(self) -> None:
        settings: dict[str, Any] = {}
        values: dict[str, Any] = {"secret": self._value_of(FieldKind.SECRET) or None}
        for f in self._fields:
            if f.kind is FieldKind.SETTING and self._value(f.key):
                settings[f.key] = self._value(f.key)
        if self.current_platform() == TEST_PLATFORM and self.imitates.currentData():
            settings["mimic"] = str(self.imitates.currentData())
        extra: dict[str, str] = {}
        handle = self._value_of(FieldKind.HANDLE)
        if self.credentials is not None:
            values["secret"] = self.credentials.secret
            extra = dict(self.credentials.vault)
            settings = {**dict(self.credentials.settings), **settings}
            handle = handle or self.credentials.handle
        if self.account is None:
            values.update(platform=self.current_platform(), name=self.name.text().strip(),
                          handle=handle, api_url=self._value_of(FieldKind.API_URL),
                          settings=settings, extra_secrets=extra)
            self._connect(values)
            return
        values.update(extra_secrets=extra, settings=settings, handle=handle)
        if not values["secret"]:
            return
        self.result_values = values
        self.accept()

    def _connect(self, values: dict[str, Any]) -> None:
        """Log in and store the new account on a worker; close only when it is stored."""
        self._set_busy(True)
        self._show_status(self.tr("Logging in to %1…").replace("%1", values["name"]))

        def work() -> core.CheckOutcome | Account:
            if values["platform"] == TEST_PLATFORM:  # nothing to log in to
                return core.add_account(self.ws, **values)
            return core.connect_account(self.ws, **values)

        def done(outcome: core.CheckOutcome | Account) -> None:
            self._set_busy(False)
            self.outcome = outcome
            self.result_values = values
            self.accept()
            self.login_checked.emit()

        def failed(exc: Exception) -> None:
            self._set_busy(False)
            if isinstance(exc, core.CredentialsRefused):
                self._show_status(self.tr("The login was refused: %1 Correct it and try "
                                          "again.").replace("%1", str(exc)), error=True)
                self._focus_secret()
            elif isinstance(exc, EssPlannerError):
                self._show_status(str(exc), error=True)  # the person can fix it here
            else:
                self._show_status(self.tr("The account was not added."), error=True)
                report_error(self, self.tr("The account was not added"), exc)
            self.login_checked.emit()

        self.runner.run(work, done, failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.platform, self.imitates, self.name, self.form_host,
                       self.browser_button):
            widget.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(not busy)
        self._update_ok()

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #c62828;" if error else "")
        self.status.setText(text)

    def _focus_secret(self) -> None:
        edit = next((self.edits[f.key] for f in self._fields
                     if f.kind is FieldKind.SECRET and self.edits[f.key].isEnabled()), None)
        if edit is not None:
            edit.setFocus(Qt.FocusReason.OtherFocusReason)
            edit.selectAll()
