"""Non-secret facts a publisher keeps about one target between attempts, safe across crashes.

Platforms without idempotency keys (Meta's Graph API) need to remember what an
earlier attempt created — an Instagram container id, the files uploaded for it,
when a Facebook post was sent — so that the next attempt, or ``lookup`` after a
crash, checks before creating anything again. The key is the target's
idempotency key, which the service keeps for every retry.

One small JSON file per key, written with write-to-temp, fsync and rename: after
a crash the file holds either the old or the new content, never half of one.
Nothing secret goes here (ids, file names, times). See
docs/decisions/0007-meta-container-state-on-disk.md.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

_SAFE_KEY = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def _file_name(key: str) -> str:
    if _SAFE_KEY.match(key):
        return f"{key}.json"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:40] + ".json"


class TargetState:
    """Per-target records in ``folder`` (usually ``context.data_dir / "targets"``).

    Each record carries ``updated_at`` from ``clock`` (the publisher context's clock),
    which decides when an abandoned record is old enough to clean up.
    """

    def __init__(self, folder: Path, clock: Callable[[], datetime] | None = None) -> None:
        self.folder = folder
        self.clock = clock or (lambda: datetime.now(UTC))

    def path(self, key: str) -> Path:
        if not key:
            raise ValueError("a target's state needs its idempotency key")
        return self.folder / _file_name(key)

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            raw = self.path(key).read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        try:
            data = json.loads(raw)
        except ValueError:
            return None  # cannot happen with atomic writes; treat as absent, never crash
        return data if isinstance(data, dict) else None

    def put(self, key: str, data: Mapping[str, Any]) -> dict[str, Any]:
        record = dict(data)
        record["key"] = key
        record["updated_at"] = self.clock().isoformat()
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.path(key)
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".state-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(record, fh, ensure_ascii=False, sort_keys=True)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _fsync_dir(self.folder)
        return record

    def update(self, key: str, **changes: Any) -> dict[str, Any]:
        """Merge ``changes`` into the record (creating it); ``None`` values remove fields."""
        record = self.get(key) or {}
        for name, value in changes.items():
            if value is None:
                record.pop(name, None)
            else:
                record[name] = value
        return self.put(key, record)

    def delete(self, key: str) -> None:
        self.path(key).unlink(missing_ok=True)

    def older_than(self, age: timedelta, now: datetime) -> Iterator[tuple[str, dict[str, Any]]]:
        """Records last written more than ``age`` before ``now`` (for clean-up of leftovers)."""
        if not self.folder.is_dir():
            return
        for path in sorted(self.folder.glob("*.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if not isinstance(data, dict) or not isinstance(data.get("key"), str):
                continue
            try:
                written = datetime.fromisoformat(str(data.get("updated_at")))
            except ValueError:
                written = datetime.fromtimestamp(path.stat().st_mtime, UTC)
            if written.tzinfo is None:
                written = written.replace(tzinfo=UTC)
            if now - written > age:
                yield data["key"], data


def _fsync_dir(folder: Path) -> None:
    # The rename is durable only once the directory entry is on disk (POSIX).
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a directory; its rename is already durable enough
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
