"""Logging: a rotating file in the user log folder, stderr for the command line.

Every handler carries a :class:`SecretFilter`, which masks any secret the
process has read from the keyring, and anything shaped like a bearer token or a
Telegram bot token, before a record is written anywhere. The same :func:`redact`
cleans every error message that is stored or shown.
"""

from __future__ import annotations

import functools
import json
import logging
import logging.handlers
import os
import re
import sys
import threading
import urllib.parse
from collections.abc import Iterable
from pathlib import Path

_FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"
_known_secrets: set[str] = set()
_lock = threading.Lock()

_MASK = "***"
_TOKEN_NAMES = (r"access_token|refresh_token|id_token|client_secret|app_secret|api_key|apikey"
                r"|password|passwd|secret|token")
_PATTERNS = [
    # Authorization: Bearer|Basic|Bot|... <credentials>, as a header line or a JSON member
    re.compile(r"(?i)(authorization[\"']?\s*[:=]\s*[\"']?(?:[A-Za-z-]+\s+)?)[^\s\"',;}]+"),
    re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]{8,}"),
    # a Telegram bot token, in a /bot<token>/ URL or alone (also URL-encoded)
    re.compile(r"(?i)(/bot)\d{5,}(?::|%3A)[A-Za-z0-9_-]{20,}"),
    re.compile(r"(?i)(\b\d{6,}(?::|%3A))[A-Za-z0-9_-]{30,}"),
    # access_token=..., client_secret=..., password=... in a query string or a form
    re.compile(rf"(?i)(\b(?:{_TOKEN_NAMES})=)[^\s&\"'#;,]+"),
    # the same names as JSON members or "name: value"
    re.compile(rf"(?i)((?:{_TOKEN_NAMES})[\"']?\s*:\s*[\"']?)[^\s\"'&,}}]{{6,}}"),
    re.compile(r"(eyJ[A-Za-z0-9_-]{6,}\.)[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}"),
]


def register_secret(value: str | None) -> None:
    """Remember a secret so that it is masked wherever it would be logged or shown."""
    if value and len(value) >= _SHORTEST:
        with _lock:
            _known_secrets.add(value)


#: shorter values are not masked: they would hide ordinary words
_SHORTEST = 4


def redact(text: str, *, secrets: Iterable[str | None] = ()) -> str:
    """``text`` with every secret and token-shaped string replaced by ``***``.

    The one redaction of the application: log records, stored errors
    (``target.last_error``, ``publish_attempt.error``, an account's reconnect reason),
    account checks, the command line and the windows all go through it. ``secrets``
    adds values known to the caller (the account's secret in a publisher context) to
    those registered by :func:`register_secret`; each is masked as it is and in the
    forms a server may echo it back in (URL-encoded, form-encoded, JSON-escaped).
    """
    if not text:
        return text
    with _lock:
        known = frozenset(_known_secrets)
    extra = frozenset(s for s in secrets if s and len(s) >= _SHORTEST)
    matcher = _secret_matcher(known | extra)
    if matcher is not None:
        text = matcher.sub(_MASK, text)
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: m.group(1) + _MASK, text)
    return text


@functools.lru_cache(maxsize=64)
def _secret_matcher(secrets: frozenset[str]) -> re.Pattern[str] | None:
    forms: set[str] = set()
    for secret in secrets:
        in_json = json.dumps(secret)[1:-1]
        forms.update((secret, urllib.parse.quote(secret, safe=""),
                      urllib.parse.quote_plus(secret), in_json, in_json.replace("/", "\\/")))
    if not forms:
        return None
    # Longest first, so that a secret containing another is masked whole; percent-escapes
    # may come back in either case.
    return re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)),
                      re.IGNORECASE)


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
