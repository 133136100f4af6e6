"""Build the :class:`~essplanner.publishers.base.PublisherContext` of an account.

The publishing service, ``account check`` and the metrics reader all get their
context here, so every publisher sees the same thing: an HTTP client with
timeouts and rate-limit reporting, the account's secret from the keyring, a vault
for further secrets (sessions), a scoped logger, the clock, its data folder, and a
way to remember non-secret facts about the account.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from essplanner import domain
from essplanner.channels.composer import account_info
from essplanner.credentials import MAIN, KeyringStore, SecretStore
from essplanner.publishers.base import (
    MemoryUploads,
    PublisherContext,
    RateLimitInfo,
    UploadStore,
)
from essplanner.timeutil import Clock

if TYPE_CHECKING:
    # requests (under HttpClient) loads when a context is made, not with the service
    from essplanner.publishers.http import HttpClient


class AccountVault:
    """The keyring entries of one account, as the plugin API's ``SecretVault``."""

    def __init__(self, store: SecretStore, account_id: int) -> None:
        self._store = store
        self._account_id = account_id

    def get(self, key: str) -> str | None:
        return self._store.get(self._account_id, key)

    def set(self, key: str, value: str) -> None:
        if key == MAIN:
            raise ValueError("the main secret is set through the account service")
        if key not in KeyringStore.KNOWN_EXTRA_KEYS:
            # Removing an account deletes exactly these keys: any other would be orphaned.
            raise ValueError(f"unknown vault key {key!r}: add it to "
                             "KeyringStore.KNOWN_EXTRA_KEYS")
        self._store.set(self._account_id, value, key)

    def delete(self, key: str) -> None:
        self._store.delete(self._account_id, key)


def make_context(
    account: domain.Account,
    *,
    secrets: SecretStore,
    clock: Clock,
    data_dir: Path,
    save_settings: Callable[[Mapping[str, Any]], None] | None = None,
    on_rate_limit: Callable[[RateLimitInfo], None] | None = None,
    http: HttpClient | None = None,
    read_secret: bool = True,
    uploads: UploadStore | None = None,
) -> PublisherContext:
    """A context for ``account``; the caller closes ``context.http`` when done.

    ``uploads`` keeps the resumable upload of the target being published (the service's
    is the database, per target); without one, an upload lives in memory only."""
    from essplanner.publishers.http import HttpClient

    logger = logging.getLogger(f"essplanner.publishers.{account.platform}.{account.id}")
    client = http or HttpClient(on_rate_limit=on_rate_limit, clock=clock.now,
                                platform=account.platform)
    folder = data_dir / account.platform
    return PublisherContext(
        account=account_info(account),
        secret=secrets.get(account.id) if read_secret else None,
        http=client,
        logger=logger,
        clock=clock.now,
        data_dir=folder,
        vault=AccountVault(secrets, account.id),
        save_settings=save_settings or (lambda _settings: None),
        uploads=uploads if uploads is not None else MemoryUploads(),
    )
