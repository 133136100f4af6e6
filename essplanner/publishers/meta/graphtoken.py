"""Meta access tokens: what ``/debug_token`` says, expiry warnings, the expiry remembered in
the account's settings (``token_expires_at``, ISO 8601) and the refusal to send with a token
known to be expired."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from essplanner.publishers.errors import AuthError
from essplanner.publishers.i18n import ntr, tr
from essplanner.publishers.meta.graph import GraphClient, _int

EXPIRY_WARNING = timedelta(days=14)


@dataclass(frozen=True)
class TokenInfo:
    """What ``/debug_token`` says about a token (no secret here)."""

    valid: bool
    kind: str = ""  # USER, PAGE, APP
    expires_at: datetime | None = None  # None: never expires
    data_access_expires_at: datetime | None = None
    scopes: tuple[str, ...] = ()
    profile_id: str = ""
    user_id: str = ""
    app_id: str = ""


def _timestamp(value: object) -> datetime | None:
    number = _int(value)
    return datetime.fromtimestamp(number, UTC) if number else None


def debug_token(client: GraphClient, *, access_token: str | None = None) -> TokenInfo:
    """Introspect the client's token (inspected with itself unless ``access_token`` is given,
    e.g. the app token ``app_id|app_secret``)."""
    body = client.call("GET", "debug_token", params={"input_token": client.token},
                       bearer=access_token)
    data = body.get("data") if isinstance(body.get("data"), dict) else {}
    assert isinstance(data, dict)
    scopes = data.get("scopes")
    return TokenInfo(
        valid=bool(data.get("is_valid")),
        kind=str(data.get("type") or ""),
        expires_at=_timestamp(data.get("expires_at")),
        data_access_expires_at=_timestamp(data.get("data_access_expires_at")),
        scopes=tuple(str(s) for s in scopes) if isinstance(scopes, list) else (),
        profile_id=str(data.get("profile_id") or ""),
        user_id=str(data.get("user_id") or ""),
        app_id=str(data.get("app_id") or ""),
    )


def expiry_warnings(
    info: TokenInfo, *, platform: str, now: datetime, needed: tuple[str, ...]
) -> list[str]:
    """Plain-words warnings for ``check_account``: expiry soon, missing permissions."""
    warnings: list[str] = []
    if info.expires_at is not None and info.expires_at - now < EXPIRY_WARNING:
        days = max(0, (info.expires_at - now).days)
        warnings.append(ntr(
            "The {platform} access token expires on {date} (in {n} day): reconnect the "
            "account before then, or posts will fail.",
            "The {platform} access token expires on {date} (in {n} days): reconnect the "
            "account before then, or posts will fail.", days,
            platform=platform, date=info.expires_at.strftime("%Y-%m-%d %H:%M UTC"),
        ))
    access = info.data_access_expires_at
    if access is not None and access - now < EXPIRY_WARNING and (
            info.expires_at is None or access < info.expires_at):
        warnings.append(tr(
            "Meta's data access for this {platform} connection ends on {date}: if posts or "
            "counters start failing then, reconnect the account.",
            platform=platform, date=access.strftime("%Y-%m-%d"),
        ))
    missing = [s for s in needed if info.scopes and s not in info.scopes]
    if missing:
        warnings.append(tr(
            "The {platform} token lacks these permissions: {missing}. Reconnect and grant them.",
            platform=platform, missing=", ".join(missing),
        ))
    return warnings


def stored_expiry(settings: Mapping[str, Any]) -> datetime | None:
    """The token expiry remembered in the account's settings by ``check_account``."""
    value = settings.get("token_expires_at")
    if not isinstance(value, str) or not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def refuse_if_expired(settings: Mapping[str, Any], *, platform: str, now: datetime) -> None:
    """Raise :class:`AuthError` before sending anything when the token is known to be expired."""
    expires = stored_expiry(settings)
    if expires is not None and expires <= now:
        raise AuthError(tr(
            "The {platform} access token expired on {date}: reconnect the account "
            "(see the Meta guide in docs/platforms/).",
            platform=platform, date=expires.strftime("%Y-%m-%d %H:%M UTC"),
        ))
