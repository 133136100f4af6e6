"""A keyring backend in a JSON file, for service subprocesses in tests.

``PYTHON_KEYRING_BACKEND=sched_filekeyring.FileKeyring`` with the file named by
``ESSPLANNER_TEST_KEYRING``: the test process stores an account's secret, the
headless service it starts reads it through the production ``KeyringStore``.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.errors import InitError, PasswordDeleteError

ENV = "ESSPLANNER_TEST_KEYRING"


class FileKeyring(KeyringBackend):
    # Only a candidate where a test asked for it: keyring considers every imported backend.
    @properties.classproperty
    def priority(cls) -> float:
        if not os.environ.get(ENV):
            raise RuntimeError(f"{ENV} is not set")
        return 1

    @property
    def _path(self) -> Path:
        value = os.environ.get(ENV)
        if not value:
            raise InitError(f"{ENV} is not set")
        return Path(value)

    @contextmanager
    def _locked(self, exclusive: bool) -> Iterator[dict[str, str]]:
        path = self._path
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path.with_suffix(".lock"), "a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
            try:
                data = json.loads(path.read_text()) if path.exists() else {}
            except ValueError:
                data = {}
            before = dict(data)
            yield data
            if exclusive and data != before:
                tmp = path.with_suffix(".tmp")
                tmp.write_text(json.dumps(data))
                os.replace(tmp, path)

    def get_password(self, service: str, username: str) -> str | None:
        with self._locked(False) as data:
            return data.get(f"{service}\0{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._locked(True) as data:
            data[f"{service}\0{username}"] = password

    def delete_password(self, service: str, username: str) -> None:
        with self._locked(True) as data:
            if data.pop(f"{service}\0{username}", None) is None:
                raise PasswordDeleteError("not found")
