"""Drafts typed in the editor survive a crash: each open editor's state, written atomically.

One JSON file per editor session in the data folder's ``autosave/``: written to a
temporary file, flushed to disk, then renamed over the old one, so a kill at any
moment leaves either the previous or the new state, never half of one. The file
names the process that writes it; at start-up the files of processes that are no
longer running are offered back. Saving or discarding in the editor removes it.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import tempfile
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

FORMAT = 1


@dataclass(frozen=True)
class AutosaveEntry:
    path: Path
    post_id: int | None
    saved_at: str
    state: dict[str, Any]


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    except OSError:
        return False
    return True


class AutosaveStore:
    """The autosave folder of a workspace."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def new_path(self) -> Path:
        return self.folder / f"draft-{uuid.uuid4().hex}.json"

    def write(self, path: Path, *, post_id: int | None, state: dict[str, Any]) -> None:
        """Replace ``path`` with the new state, atomically and durably."""
        self.folder.mkdir(parents=True, exist_ok=True)
        record = {
            "format": FORMAT, "pid": os.getpid(), "host": socket.gethostname(),
            "post_id": post_id, "saved_at": datetime.now(UTC).isoformat(), "state": state,
        }
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".draft-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(record, fh, ensure_ascii=False)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        try:  # the rename itself must reach the disk too
            dir_fd = os.open(self.folder, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except OSError:
            pass

    def discard(self, path: Path) -> None:
        path.unlink(missing_ok=True)

    def pending(self) -> list[AutosaveEntry]:
        """Drafts left by editors whose program is no longer running, oldest first."""
        if not self.folder.is_dir():
            return []
        found = []
        here = socket.gethostname()
        for path in sorted(self.folder.glob("draft-*.json")):
            try:
                record = json.loads(path.read_text(encoding="utf-8"))
                pid, host = int(record["pid"]), str(record.get("host", here))
                state = dict(record["state"])
            except (OSError, ValueError, KeyError, TypeError) as exc:
                log.warning("unreadable autosaved draft %s: %s", path, exc)
                continue
            if host == here and _alive(pid):
                continue  # an editor open right now, in this or another window
            post_id = record.get("post_id")
            found.append(AutosaveEntry(path, int(post_id) if post_id is not None else None,
                                       str(record.get("saved_at", "")), state))
        found.sort(key=lambda e: e.saved_at)
        return found
