"""Logging: a rotating file in the user log folder, stderr for the command line.

Every handler carries a :class:`SecretFilter`, which masks any secret the
process has read from the keyring, and anything shaped like a bearer token or a
Telegram bot token, before a record is written anywhere.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import sys
import threading
from pathlib import Path

_FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"
_known_secrets: set[str] = set()
_lock = threading.Lock()

_PATTERNS = [
    re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]{8,}"),
    re.compile(r"(?i)(/bot)\d{5,}:[A-Za-z0-9_-]{20,}"),
    re.compile(r"(?i)((?:access_token|refresh_token|password|secret|token)[\"']?\s*[:=]\s*[\"']?)"
               r"[^\s\"'&,}]{6,}"),
    re.compile(r"(eyJ[A-Za-z0-9_-]{6,}\.)[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}"),
]


def register_secret(value: str | None) -> None:
    """Remember a secret so that it is masked wherever it would be logged."""
    if value and len(value) >= 4:
        with _lock:
            _known_secrets.add(value)


def redact(text: str) -> str:
    """``text`` with every known secret and token-shaped string replaced by ``***``."""
    with _lock:
        secrets = sorted(_known_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, "***")
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: m.group(1) + "***", text)
    return text


class SecretFilter(logging.Filter):
    """Masks secrets in the final message (arguments included) and in tracebacks."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def _file_handler(log_file: Path) -> logging.Handler | None:
    """A rotating handler for ``log_file``; None when it cannot be written (a read-only
    data folder can still be read, and the handler would print a traceback per record)."""
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"essplanner: cannot write the log file {log_file}: {exc}", file=sys.stderr)
        return None
    if not os.access(log_file if log_file.exists() else log_file.parent, os.W_OK):
        return None
    return logging.handlers.RotatingFileHandler(
        log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8", delay=True)


def setup(log_file: Path | None, *, verbose: int = 0, stderr: bool = True) -> None:
    """Configure the root logger once per process."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    root.setLevel(logging.DEBUG)
    secret_filter = SecretFilter()
    if log_file is not None:
        file_handler = _file_handler(log_file)
        if file_handler is not None:
            file_handler.setLevel(logging.DEBUG if verbose else logging.INFO)
            file_handler.setFormatter(logging.Formatter(_FORMAT))
            file_handler.addFilter(secret_filter)
            root.addHandler(file_handler)
    if stderr:
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.DEBUG if verbose >= 2 else logging.INFO if verbose else logging.WARNING)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        console.addFilter(secret_filter)
        root.addHandler(console)
    # urllib3 logs full URLs at DEBUG; Telegram puts the token in the URL. The filter
    # masks it, and we keep urllib3 at INFO unless asked for everything.
    logging.getLogger("urllib3").setLevel(logging.DEBUG if verbose >= 3 else logging.INFO)
    logging.getLogger("apscheduler").setLevel(logging.INFO if verbose >= 2 else logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.INFO if verbose else logging.WARNING)
