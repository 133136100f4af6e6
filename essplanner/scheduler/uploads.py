"""Where the publishing service keeps each target's resumable upload: the database.

A publisher's ``context.uploads`` (the plugin API's ``UploadStore``) for one target.
``put`` commits the session in its own short transaction before it returns, so an upload
cut by a SIGKILL resumes from what the platform says on the next try, on this computer
or another of the team. Progress (bytes sent of the total) is written for the app and
``post show`` only when the whole percentage changes: at most about a hundred writes
per upload, however small the chunks. The session goes when the target is published or
fails for good (:meth:`~.store.DeliveryStore.finish_many`), or when the publisher clears
it (a dead session).

Values are JSON and never a secret: a key that names a token, a password or a
signature is refused (a session URL that carries a credential must not be stored).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from essplanner.scheduler.store import DeliveryStore

#: keys a session may not have, at any depth: they would put a secret in the database
SECRET_KEY = re.compile(
    r"token|secret|passw|authori[sz]ation|cookie|api_?key|bearer|signature|credential",
    re.IGNORECASE)


def check_session(session: Mapping[str, Any]) -> dict[str, Any]:
    """``session`` as plain JSON; ValueError for what cannot be stored (not JSON, or a
    key that names a secret)."""

    def walk(value: Any, where: str) -> None:
        if isinstance(value, Mapping):
            for key, item in value.items():
                if not isinstance(key, str):
                    raise ValueError(f"upload session key {key!r} at {where} is not a string")
                if SECRET_KEY.search(key):
                    raise ValueError(f"upload session key {key!r} at {where} names a secret: "
                                     "secrets belong in the vault, never in the database")
                walk(item, f"{where}.{key}")
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                walk(item, f"{where}[{index}]")
        elif not (value is None or isinstance(value, str | bool | int | float)):
            raise ValueError(f"upload session value at {where} is a {type(value).__name__}, "
                             "not JSON")

    walk(session, "session")
    plain = json.loads(json.dumps(dict(session), allow_nan=False))
    assert isinstance(plain, dict)
    return plain


class TargetUploads:
    """The ``UploadStore`` of one target, in the shared database."""

    def __init__(self, store: DeliveryStore, target_id: int,
                 clock: Callable[[], datetime]) -> None:
        self._store = store
        self._target_id = target_id
        self._clock = clock
        self._shown: tuple[int, int] | None = None  # (percent, total) last written

    def get(self) -> dict[str, Any] | None:
        return self._store.upload_session(self._target_id)

    def put(self, session: Mapping[str, Any]) -> None:
        self._store.save_upload(self._target_id, self._clock(), session=check_session(session))

    def clear(self) -> None:
        self._store.clear_upload(self._target_id)
        self._shown = None

    def progress(self, sent: int, total: int) -> None:
        if total <= 0:
            return
        sent = max(0, min(sent, total))
        step = (sent * 100 // total, total)
        if step == self._shown:
            return  # the same whole percentage: not worth a write
        self._shown = step
        self._store.save_upload(self._target_id, self._clock(), keep_session=True,
                                sent=sent, total=total)
