"""Connected accounts: settings in the database, secrets in the keyring."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select

from essplanner import domain, models, repositories as repo
from essplanner.credentials import SecretStore
from essplanner.domain import Change, DeliveryState
from essplanner.errors import (
    ConflictError,
    NotFoundError,
    ValidationError,
)
from essplanner.i18n import _
from essplanner.publishers.errors import PermanentError
from essplanner.services.base import Notify, Service, flush_unique, required
from essplanner.storage import Database
from essplanner.timeutil import Clock

if TYPE_CHECKING:
    from essplanner.services.team import TeamService

#: what only administrators change (the rest is what checks and publishing record)
_ADMINISTERED = frozenset({"name", "api_url", "enabled", "grace_minutes"})

# ------------------------------------------------------------------ accounts ---


def _no_credentials_in_addresses(api_url: str, settings: dict[str, Any] | None) -> None:
    """An account's addresses never carry a user name or password: it would be stored,
    logged and shown with them."""
    addresses = [api_url] if api_url else []
    addresses += [v for v in (settings or {}).values() if isinstance(v, str) and "://" in v]
    if not addresses:
        return
    # not at import: the HTTP layer brings requests, which the window loads with its first send
    from essplanner.publishers.http import refuse_credentials

    for address in addresses:
        try:
            refuse_credentials(address)
        except PermanentError as exc:
            raise ValidationError(exc.message) from None


def _changed(old: dict[str, Any] | None, new: dict[str, Any] | None) -> dict[str, Any]:
    """The settings of ``new`` that ``old`` does not already hold (only those are checked:
    an account stored before a rule must still save its other settings)."""
    old = old or {}
    return {k: v for k, v in (new or {}).items() if old.get(k) != v}


class AccountService(Service):
    """Connected channels. Secrets go to the keyring; the database never sees them."""

    def __init__(self, db: Database, secrets_store: SecretStore, *, clock: Clock | None = None,
                 notify: Notify | None = None) -> None:
        super().__init__(db, clock=clock, notify=notify)
        self.secrets = secrets_store
        #: who acts, and whether their role allows changing accounts (set by the workspace)
        self.team: TeamService | None = None

    def _require_administrator(self) -> None:
        if self.team is not None:
            self.team.require(domain.TeamAction.MANAGE_ACCOUNTS)

    def all(self) -> list[domain.Account]:
        with self.db.read() as s:
            rows = s.scalars(select(models.Account).order_by(models.Account.name))
            return [repo.to_account(r) for r in rows]

    def get(self, account_id: int) -> domain.Account:
        with self.db.read() as s:
            row = s.get(models.Account, account_id)
            if row is None:
                raise NotFoundError(_("There is no account number {id}.", id=account_id))
            return repo.to_account(row)

    def find(self, names: Iterable[str]) -> list[domain.Account]:
        with self.db.read() as s:
            return [repo.to_account(r) for r in repo.accounts_by_names(s, names)]

    def add(self, *, platform: str, name: str, handle: str = "", api_url: str = "",
            settings: dict[str, Any] | None = None, secret: str | None = None,
            connected_by: str = "", grace_minutes: int = 60,
            extra_secrets: dict[str, str] | None = None) -> domain.Account:
        """Store an account; its secret (if any) goes to the keyring in the same step,
        with ``extra_secrets`` (vault keys, e.g. an OAuth client secret).

        If the keyring refuses the secret, nothing is stored.
        """
        name = required(name, _("name"))
        _no_credentials_in_addresses(api_url, settings)
        if secret is not None:
            self.secrets.check_available()
        if grace_minutes < 0:
            raise ValidationError(_("The grace period cannot be negative."))
        row = models.Account(
            platform=platform, name=name, handle=handle.strip(), api_url=api_url.strip(),
            settings=dict(settings or {}), connected_by=connected_by or _current_user(),
            connected_at=self.clock.now(), grace_minutes=grace_minutes,
        )
        self._require_administrator()
        with self.db.write() as s:
            s.add(row)
            flush_unique(s, _("An account named {name!r} already exists.", name=name))
            if secret is not None:
                # Inside the transaction: if the keyring fails, the row is rolled back.
                self.secrets.set(row.id, secret)
            for key, value in (extra_secrets or {}).items():
                self.secrets.set(row.id, value, key)
            result = repo.to_account(row)
        self._notify(Change(accounts=True))
        return result

    def update(self, account_id: int, **fields: Any) -> domain.Account:
        allowed = {"name", "handle", "api_url", "settings", "grace_minutes", "enabled",
                   "needs_reconnect", "reconnect_reason", "token_expires_at",
                   "blocked_reason", "blocked_message"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"cannot update {', '.join(sorted(unknown))}")
        if _ADMINISTERED & set(fields):
            self._require_administrator()
        with self.db.write() as s:
            row = s.get(models.Account, account_id)
            if row is None:
                raise NotFoundError(_("There is no account number {id}.", id=account_id))
            new_url = fields.get("api_url", row.api_url)
            _no_credentials_in_addresses(new_url if new_url != row.api_url else "",
                                         _changed(row.settings, fields.get("settings")))
            for key, value in fields.items():
                setattr(row, key, value)
            flush_unique(s, _("An account named {name!r} already exists.",
                               name=fields.get("name", "")))
            result = repo.to_account(row)
        self._notify(Change(accounts=True))
        return result

    def set_secret(self, account_id: int, secret: str, *,
                   extra_secrets: dict[str, str] | None = None) -> None:
        """Replace the secret (reconnect) and clear the reconnect flag.

        Secrets derived from the old one (a stored session) are forgotten with it.
        """
        from essplanner.credentials import KeyringStore

        self._require_administrator()
        self.get(account_id)
        self.secrets.set(account_id, secret)
        for key in KeyringStore.KNOWN_EXTRA_KEYS:
            self.secrets.delete(account_id, key)
        for key, value in (extra_secrets or {}).items():
            self.secrets.set(account_id, value, key)
        self.update(account_id, needs_reconnect=False, reconnect_reason="")

    def merge_settings(self, account_id: int, values: dict[str, Any]) -> domain.Account:
        """Add or replace some settings of the account, keeping the others (one transaction)."""
        with self.db.write() as s:
            row = s.get(models.Account, account_id)
            if row is None:
                raise NotFoundError(_("There is no account number {id}.", id=account_id))
            _no_credentials_in_addresses("", _changed(row.settings, values))
            row.settings = {**(row.settings or {}), **values}
            result = repo.to_account(row)
        self._notify(Change(accounts=True))
        return result

    def scheduled_times(self) -> dict[int, list[datetime]]:
        """When each account's scheduled targets are due next: {account id: [times]}."""
        target = models.Target
        out: dict[int, list[datetime]] = {}
        with self.db.read() as s:
            for account_id, when in s.execute(
                    select(target.account_id, target.next_attempt_at).where(
                        target.state == DeliveryState.SCHEDULED.value,
                        target.next_attempt_at.is_not(None)).order_by(target.next_attempt_at)):
                if when is not None:
                    out.setdefault(account_id, []).append(when)
        return out

    def unblock(self, account_id: int) -> list[tuple[int, int]]:
        """The person acted on the platform's side (added credits, updated, got access):
        the account publishes again. Returns the (post id, target id) of its failed targets
        that the block refused, to be tried again."""
        attempt, target = models.PublishAttempt, models.Target
        with self.db.write() as s:
            row = s.get(models.Account, account_id)
            if row is None:
                raise NotFoundError(_("There is no account number {id}.", id=account_id))
            row.blocked_reason = ""
            row.blocked_message = ""
            refused: list[tuple[int, int]] = []
            for post_id, target_id in s.execute(
                    select(target.post_id, target.id).where(
                        target.account_id == account_id,
                        target.state == DeliveryState.FAILED.value).order_by(target.id)):
                last = s.scalar(select(attempt.outcome).where(attempt.target_id == target_id)
                                .order_by(attempt.id.desc()).limit(1))
                if last == "blocked":
                    refused.append((post_id, target_id))
        self._notify(Change(accounts=True))
        return refused

    def remove(self, account_id: int) -> None:
        """Forget the account: its secrets leave the keyring, its targets are deleted."""
        self._require_administrator()
        account = self.get(account_id)
        with self.db.write() as s:
            busy = s.scalar(select(models.Target.id).where(
                models.Target.account_id == account_id,
                models.Target.state == DeliveryState.PUBLISHING.value).limit(1))
            if busy is not None:
                raise ConflictError(_("A post is being sent on {name} right now; try again in "
                                      "a moment.", name=account.name))
            post_ids = set(s.scalars(select(models.Target.post_id).where(
                models.Target.account_id == account_id)))
            s.execute(delete(models.Account).where(models.Account.id == account_id))
            delete_all = getattr(self.secrets, "delete_all", None)
            if delete_all is not None:
                delete_all(account_id)
            else:
                self.secrets.delete(account_id)
        self._notify(Change(accounts=True, posts=frozenset(post_ids)))


def _current_user() -> str:
    try:
        return os.getlogin()
    except OSError:
        return os.environ.get("USER", "")
