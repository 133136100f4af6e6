"""Secrets in the operating system keyring, and nowhere else.

Service name ``essplanner``; the username is the account id (``"12"``), and extra
secrets of the same account (a refreshed session, an app secret) use
``"12/<key>"``. Every value read or written is registered with the log filter so
that it can never be logged.
"""

from __future__ import annotations

import logging
import threading
from typing import Protocol

from essplanner.errors import CredentialError
from essplanner.i18n import _
from essplanner.log import register_secret

log = logging.getLogger(__name__)

SERVICE = "essplanner"
MAIN = "secret"


def _username(account_id: int, key: str) -> str:
    return str(account_id) if key == MAIN else f"{account_id}/{key}"


class SecretStore(Protocol):
    """Where account secrets are kept."""

    def get(self, account_id: int, key: str = MAIN) -> str | None: ...

    def set(self, account_id: int, secret: str, key: str = MAIN) -> None: ...

    def delete(self, account_id: int, key: str = MAIN) -> None: ...

    def check_available(self) -> None:
        """Raise :class:`CredentialError` with a clear message when secrets cannot be kept."""


class KeyringStore:
    """The operating system keyring (Secret Service, macOS Keychain, Windows Credential Locker)."""

    #: extra keys a publisher may store next to the main secret; deleted with the account
    KNOWN_EXTRA_KEYS = ("session", "refresh", "app_secret", "webdav", "refresh_token",
                        "client_secret")

    def check_available(self) -> None:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring):
            raise CredentialError(_(
                "No keyring is available to keep the account's secret safely. Open your "
                "desktop session's keyring (GNOME Keyring, KWallet) or install one; "
                "nothing was stored."
            ))

    def get(self, account_id: int, key: str = MAIN) -> str | None:
        import keyring
        from keyring.errors import KeyringError

        try:
            value = keyring.get_password(SERVICE, _username(account_id, key))
        except KeyringError as exc:
            raise CredentialError(_keyring_message(exc)) from exc
        register_secret(value)
        return value

    def set(self, account_id: int, secret: str, key: str = MAIN) -> None:
        import keyring
        from keyring.errors import KeyringError

        register_secret(secret)
        self.check_available()
        try:
            keyring.set_password(SERVICE, _username(account_id, key), secret)
        except KeyringError as exc:
            raise CredentialError(_keyring_message(exc)) from exc

    def delete(self, account_id: int, key: str = MAIN) -> None:
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            keyring.delete_password(SERVICE, _username(account_id, key))
        except PasswordDeleteError:
            pass  # nothing stored under that name: already gone
        except KeyringError as exc:
            raise CredentialError(_keyring_message(exc)) from exc

    def delete_all(self, account_id: int) -> None:
        for key in (MAIN, *self.KNOWN_EXTRA_KEYS):
            self.delete(account_id, key)


def _keyring_message(exc: Exception) -> str:
    name = type(exc).__name__
    if name == "NoKeyringError":
        return _("No keyring is available to keep the account's secret safely; nothing was "
                 "stored.")
    if name == "KeyringLocked":
        return _("The keyring is locked: unlock it (your session password) and try again.")
    return _("The keyring refused the operation ({kind}).", kind=name)


class MemoryStore:
    """Secrets in memory only, for tests and ``--no-keyring`` dry runs."""

    KNOWN_EXTRA_KEYS = KeyringStore.KNOWN_EXTRA_KEYS

    def __init__(self) -> None:
        self._values: dict[tuple[int, str], str] = {}
        self._lock = threading.Lock()

    def check_available(self) -> None:
        return None

    def get(self, account_id: int, key: str = MAIN) -> str | None:
        with self._lock:
            value = self._values.get((account_id, key))
        register_secret(value)
        return value

    def set(self, account_id: int, secret: str, key: str = MAIN) -> None:
        register_secret(secret)
        with self._lock:
            self._values[(account_id, key)] = secret

    def delete(self, account_id: int, key: str = MAIN) -> None:
        with self._lock:
            self._values.pop((account_id, key), None)

    def delete_all(self, account_id: int) -> None:
        with self._lock:
            for k in [k for k in self._values if k[0] == account_id]:
                del self._values[k]

    def items(self) -> list[tuple[tuple[int, str], str]]:
        """Every ``((account id, key), secret)`` held (a login tried before storing)."""
        with self._lock:
            return list(self._values.items())
