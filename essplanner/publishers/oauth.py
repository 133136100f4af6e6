"""OAuth for a desktop app: PKCE, and a one-shot loopback redirect receiver.

The platform redirects the browser to ``http://127.0.0.1:<port>/callback?code=...``;
:class:`LoopbackRedirect` listens on that port (chosen by the system, bound to
127.0.0.1 only) for that one request, checks ``state``, and hands the code back.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import secrets
import threading
import time
from collections.abc import Callable
from datetime import datetime
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlsplit

from essplanner.publishers.base import SecretVault
from essplanner.publishers.errors import AuthError, PermanentError
from essplanner.publishers.i18n import tr

CALLBACK_PATH = "/callback"
#: the port of the one redirect address to register in a developer app whose platform
#: accepts only an exact address (LinkedIn, Pinterest, X): http://127.0.0.1:8734/callback
REGISTERED_PORT = 8734
REGISTERED_REDIRECT_URI = f"http://127.0.0.1:{REGISTERED_PORT}{CALLBACK_PATH}"


def pkce_pair() -> tuple[str, str]:
    """A PKCE ``code_verifier`` and its S256 ``code_challenge`` (RFC 7636)."""
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
    return verifier, challenge


def new_state() -> str:
    return secrets.token_urlsafe(24)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != CALLBACK_PATH:
            self.send_error(404)
            return
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        self.server.result = query
        ok = "code" in query and "error" not in query
        text = (tr("ESS Planner is connected. You can close this window.") if ok
                else tr("The connection was not authorised. You can close this window."))
        body = (f"<!doctype html><meta charset=utf-8><title>ESS Planner</title>"
                f"<p style='font:1.2em sans-serif;margin:3em'>{html.escape(text)}</p>"
                ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return  # the query holds the authorisation code: never print it


class _Server(HTTPServer):
    result: dict[str, str] | None = None


class LoopbackRedirect:
    """Receives one OAuth redirect on ``http://127.0.0.1:<free port>/callback``.

    ``port``: a fixed port, for platforms that accept only the exact redirect address
    registered in the developer app (LinkedIn's authorization code flow); 0 lets the
    system choose a free one.
    """

    def __init__(self, *, port: int = 0) -> None:
        try:
            self._server = _Server(("127.0.0.1", port), _Handler)
        except OSError as exc:
            raise PermanentError(tr(
                "Port {port} of this computer is busy, so the browser cannot come back to "
                "ESS Planner: close the program using it and connect again.",
                port=port)) from exc
        self._server.timeout = 0.2
        self._lock = threading.Lock()

    @property
    def redirect_uri(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{CALLBACK_PATH}"

    def wait_for_code(
        self,
        state: str,
        *,
        timeout: float = 300.0,
        cancelled: Callable[[], bool] | None = None,
    ) -> str:
        """The authorisation code, once the browser comes back with the right ``state``."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                self._server.handle_request()
                result = self._server.result
                if result is not None:
                    self._server.result = None
                    if result.get("state") != state:
                        continue  # not our login (an old tab): keep waiting
                    if "error" in result:
                        raise AuthError(tr(
                            "The platform refused the connection: {reason}",
                            reason=result.get("error_description") or result["error"]))
                    if result.get("code"):
                        return result["code"]
                if cancelled is not None and cancelled():
                    raise PermanentError(tr("The connection was cancelled."))
                if time.monotonic() > deadline:
                    raise PermanentError(tr(
                        "No answer from the browser in time: the connection was not made."))

    def close(self) -> None:
        self._server.server_close()

    def __enter__(self) -> LoopbackRedirect:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---- a renewed access token, kept beside the account's stored one

#: vault key of the access token a refresh gave (JSON: token, expiry, which login it renews)
SESSION = "session"


def fingerprint(token: str) -> str:
    """A short, one-way name of ``token``: tells which stored login a renewal belongs to."""
    return hashlib.sha256(token.encode()).hexdigest()[:16]


def parse_time(value: object) -> datetime | None:
    """An aware time written in ISO 8601 (``Z`` accepted); None for anything else."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def renewed_token(vault: SecretVault, main: str,
                  main_expires: object = None) -> tuple[str, datetime | None]:
    """The access token to use and when it ends: the one a refresh kept in ``vault`` if it
    renews this very login (``main``, the account's stored token), else ``main`` itself
    (ending at ``main_expires``). A new login (reconnecting) thus never uses an older
    login's renewal."""
    raw = vault.get(SESSION)
    if raw:
        try:
            saved = json.loads(raw)
        except ValueError:
            saved = None
        if (isinstance(saved, dict) and saved.get("from") == fingerprint(main)
                and isinstance(saved.get("token"), str)):
            return str(saved["token"]), parse_time(saved.get("expires_at"))
    return main, parse_time(main_expires)


def keep_renewed_token(vault: SecretVault, main: str, token: str, expires: datetime) -> None:
    """Keep the access token a refresh gave, as the renewal of the login ``main``."""
    vault.set(SESSION, json.dumps({"token": token, "from": fingerprint(main),
                                   "expires_at": expires.isoformat()}))
