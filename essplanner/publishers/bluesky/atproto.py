"""An AT Protocol (Bluesky) session kept in the account's vault, refreshed, never re-created
per post.

``createSession`` is limited to 30 calls per 5 minutes and 300 per day per account,
so the session (access and refresh tokens) is stored in the keyring vault under
``session`` and reused: the access token is refreshed with ``refreshSession`` a
little before it expires, or when the server answers ``ExpiredToken``; a new login
happens only when the refresh token itself is refused.
"""

from __future__ import annotations

import base64
import binascii
import json
import threading
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import requests

from essplanner.publishers.base import PublisherContext
from essplanner.publishers.errors import AuthError, PermanentError
from essplanner.publishers.http import check_api_url
from essplanner.publishers.i18n import tr

DEFAULT_SERVICE = "https://bsky.social"
VAULT_KEY = "session"
#: refresh the access token when less than this is left (the official SDK uses 15 minutes)
REFRESH_MARGIN = timedelta(minutes=15)
#: errors meaning "this token is no good any more; get another"
TOKEN_ERRORS = frozenset({"ExpiredToken", "InvalidToken"})
#: errors meaning "this account cannot be used as it is"
ACCOUNT_ERRORS = frozenset({"AccountTakedown", "AccountDeactivated", "AccountSuspended"})


def xrpc_error(response: requests.Response) -> tuple[str, str]:
    """The XRPC error name and message of a response (empty when it has none)."""
    try:
        body = response.json()
    except ValueError:
        return "", ""
    if not isinstance(body, dict):
        return "", ""
    return str(body.get("error") or ""), str(body.get("message") or "")


def jwt_claims(token: str) -> dict[str, Any]:
    """The payload of a JWT, unverified (we only read its expiry and scope)."""
    try:
        payload = token.split(".")[1]
        raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
        claims = json.loads(raw)
    except (IndexError, ValueError, binascii.Error):
        return {}
    return claims if isinstance(claims, dict) else {}


@dataclass(frozen=True)
class Session:
    """Tokens and identity of a logged-in account, as stored in the vault (JSON)."""

    did: str
    handle: str
    access_jwt: str
    refresh_jwt: str
    service: str

    @classmethod
    def from_response(cls, body: Mapping[str, Any], service: str) -> Session:
        try:
            return cls(did=str(body["did"]), handle=str(body.get("handle") or ""),
                       access_jwt=str(body["accessJwt"]), refresh_jwt=str(body["refreshJwt"]),
                       service=service)
        except KeyError as exc:
            raise PermanentError(tr("The Bluesky server gave an unexpected answer (no {key}).",
                                    key=exc.args[0])) from exc

    @classmethod
    def load(cls, raw: str | None) -> Session | None:
        if not raw:
            return None
        try:
            return cls(**json.loads(raw))
        except (TypeError, ValueError):
            return None  # an unreadable stored session: log in again

    def dump(self) -> str:
        return json.dumps(asdict(self))

    def expires_at(self, token: str) -> datetime | None:
        exp = jwt_claims(token).get("exp")
        return datetime.fromtimestamp(exp, UTC) if isinstance(exp, int | float) else None

    def access_is_fresh(self, now: datetime) -> bool:
        """Whether the access token will last a while longer (unknown expiry: trust it)."""
        claims = jwt_claims(self.access_jwt)
        exp, iat = claims.get("exp"), claims.get("iat")
        if not isinstance(exp, int | float):
            return True
        lifetime = timedelta(seconds=exp - iat) if isinstance(iat, int | float) else None
        margin = min(REFRESH_MARGIN, lifetime / 4) if lifetime else REFRESH_MARGIN
        return now < datetime.fromtimestamp(exp, UTC) - margin

    @property
    def is_app_password(self) -> bool:
        return jwt_claims(self.access_jwt).get("scope") == "com.atproto.appPass"


class SessionManager:
    """One session per account, shared by every call of this process (thread-safe)."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[int, threading.Lock] = {}

    def _lock(self, account_id: int) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(account_id, threading.Lock())

    @staticmethod
    def service(context: PublisherContext) -> str:
        return check_api_url(context.api_url or DEFAULT_SERVICE)

    def get(self, context: PublisherContext) -> Session:
        """A session whose access token is good for a while: stored, refreshed or new."""
        service = self.service(context)
        with self._lock(context.account.id):
            session = Session.load(context.vault.get(VAULT_KEY))
            if session is not None and session.service != service:
                session = None  # the account moved to another server
            if session is not None and session.access_is_fresh(context.clock()):
                return session
            if session is not None:
                renewed = self._refresh(context, session)
                if renewed is not None:
                    return renewed
            return self._create(context, service)

    def renew(self, context: PublisherContext, stale: Session) -> Session:
        """After the server refused ``stale``'s access token: refresh, or log in again."""
        service = self.service(context)
        with self._lock(context.account.id):
            current = Session.load(context.vault.get(VAULT_KEY))
            if current is not None and current.access_jwt != stale.access_jwt \
                    and current.service == service:
                return current  # another thread already renewed it
            renewed = self._refresh(context, current or stale)
            return renewed if renewed is not None else self._create(context, service)

    def forget(self, context: PublisherContext) -> None:
        with self._lock(context.account.id):
            context.vault.delete(VAULT_KEY)

    def _store(self, context: PublisherContext, session: Session) -> Session:
        context.vault.set(VAULT_KEY, session.dump())
        return session

    def _refresh(self, context: PublisherContext, session: Session) -> Session | None:
        """A new token pair, or None when the refresh token is refused (log in again)."""
        response = context.http.post(
            f"{session.service}/xrpc/com.atproto.server.refreshSession",
            headers={"Authorization": f"Bearer {session.refresh_jwt}"},
            changes_state=False,  # a lost answer only costs a new login
        )
        if response.status_code == 200:
            context.logger.info("Bluesky session refreshed")
            return self._store(context, Session.from_response(response.json(), session.service))
        name, _message = xrpc_error(response)
        if name in ACCOUNT_ERRORS:
            raise AuthError(tr("Bluesky refused the account: {reason}",
                               reason=_message or name), http_status=response.status_code)
        if response.status_code in (400, 401):
            context.logger.info("Bluesky refresh token refused (%s); logging in again", name)
            return None
        context.http.raise_for_status(response)
        return None

    def _create(self, context: PublisherContext, service: str) -> Session:
        identifier = str(context.account.settings.get("identifier") or context.account.handle)
        identifier = identifier.strip().lstrip("@")
        if not identifier:
            raise AuthError(tr("The Bluesky account has no handle: reconnect it with its "
                               "handle (e.g. association.bsky.social)."))
        if not context.secret:
            raise AuthError(tr("No app password is stored for this Bluesky account: "
                               "reconnect it."))
        response = context.http.post(
            f"{service}/xrpc/com.atproto.server.createSession",
            json={"identifier": identifier, "password": context.secret},
            changes_state=False,
        )
        if response.status_code == 200:
            context.logger.info("Bluesky login for %s (new session)", identifier)
            return self._store(context, Session.from_response(response.json(), service))
        name, message = xrpc_error(response)
        if name == "AuthFactorTokenRequired":
            raise AuthError(tr("Bluesky asks for a confirmation code: this is the account's "
                               "main password. Create an app password in Bluesky's settings "
                               "and use it instead."), http_status=response.status_code)
        if response.status_code == 401 or name in ACCOUNT_ERRORS:
            raise AuthError(tr(
                "Bluesky refused the handle {handle} with this app password ({reason}). "
                "Check the handle, or create a new app password and reconnect.",
                handle=identifier, reason=message or name), http_status=response.status_code)
        context.http.raise_for_status(response)
        raise PermanentError(tr("The Bluesky server gave an unexpected answer ({status}).",
                                status=response.status_code))
