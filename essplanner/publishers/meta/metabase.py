"""What the Facebook, Instagram and Threads publishers share: token, client, state, checks.

Account layout (no secret in settings):

- main secret (keyring): the access token — a Page token for Facebook and
  Instagram, a Threads user token for Threads;
- vault ``app_secret`` (keyring): the Meta app's secret, when known — every call
  then carries ``appsecret_proof``, and ``/debug_token`` uses the app token;
- vault ``webdav`` (keyring): the password of the upload folder (Instagram, Threads);
- settings: ``page_id`` / ``ig_user_id`` / ``threads_user_id``, ``app_id``,
  ``token_expires_at`` (ISO 8601, written by ``check_account``), the upload folder.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, ClassVar

from essplanner.publishers.base import AccountCheck, BasePublisher, PublisherContext, Receipt
from essplanner.publishers.errors import AuthError, PermanentError, PublishError, RetryableError
from essplanner.publishers.i18n import tr
from essplanner.publishers.meta.graph import GRAPH_URL, GraphClient
from essplanner.publishers.meta.graphtoken import TokenInfo, debug_token, expiry_warnings
from essplanner.publishers.meta.webdav import WebDav
from essplanner.publishers.state import TargetState

APP_SECRET = "app_secret"


class MetaPublisher(BasePublisher):
    """Base of the three Meta publishers. ``sleep`` is injectable for tests."""

    default_api_url: ClassVar[str] = GRAPH_URL
    NEEDED_SCOPES: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *, sleep: Callable[[float], None] | None = None) -> None:
        self.sleep = sleep

    def sleeper(self, context: PublisherContext) -> Callable[[float], None]:
        """How to wait between polls: the one given here, else the context's, else real time."""
        if self.sleep is not None:
            return self.sleep
        waiting: Callable[[float], None] = getattr(context, "sleep", time.sleep)
        return waiting

    # ------------------------------------------------------------ plumbing ---

    def token(self, context: PublisherContext) -> str:
        if not context.secret:
            raise AuthError(tr("No {platform} access token is stored for this account: "
                               "reconnect it.", platform=self.display_name))
        return context.secret

    def client(self, context: PublisherContext, *, token: str | None = None) -> GraphClient:
        return GraphClient(
            context,
            base_url=context.api_url or self.default_api_url,
            token=token or self.token(context),
            platform=self.display_name,
            app_secret=context.vault.get(APP_SECRET),
        )

    @staticmethod
    def state(context: PublisherContext) -> TargetState:
        return TargetState(context.data_dir / "targets", context.clock)

    def setting(self, context: PublisherContext, name: str) -> str:
        value = str(context.account.settings.get(name) or "").strip()
        if not value:
            raise PermanentError(tr(
                "The {platform} account has no {name} setting: connect it with "
                "`essplanner meta connect` (see the Meta guide in docs/platforms/).",
                platform=self.display_name, name=name))
        return value

    # ------------------------------------------------------------ checks ---

    def app_token(self, context: PublisherContext) -> str | None:
        """The app token ``app_id|app_secret`` used to inspect user tokens, when known."""
        app_id = str(context.account.settings.get("app_id") or "")
        app_secret = context.vault.get(APP_SECRET)
        return f"{app_id}|{app_secret}" if app_id and app_secret else None

    def inspect_token(self, client: GraphClient, context: PublisherContext
                      ) -> tuple[TokenInfo | None, list[str]]:
        """``/debug_token`` for ``check_account``: expiry and warnings (never fatal unless
        Meta says the token is invalid)."""
        try:
            info = debug_token(client, access_token=self.app_token(context))
        except AuthError:
            raise
        except PublishError as exc:
            return None, [tr("The expiry of the {platform} token could not be read: {reason}",
                             platform=self.display_name, reason=exc.message)]
        if not info.valid:
            raise AuthError(tr("{platform} says the access token is no longer valid: "
                               "reconnect the account.", platform=self.display_name))
        warnings = expiry_warnings(info, platform=self.display_name, now=context.clock(),
                                   needed=self.NEEDED_SCOPES)
        return info, warnings

    def check_upload_folder(self, context: PublisherContext) -> list[str]:
        """Round trip through the upload folder and its public address (Instagram, Threads)."""
        try:
            WebDav.for_account(context, platform=self.display_name).verify()
        except (PermanentError, RetryableError) as exc:
            return [tr("Upload folder: {reason}", reason=exc.message)]
        return []

    @staticmethod
    def remembered(info: TokenInfo | None, extra: Mapping[str, Any] | None = None
                   ) -> dict[str, Any]:
        settings: dict[str, Any] = dict(extra or {})
        if info is not None:
            settings["token_expires_at"] = (info.expires_at.isoformat()
                                            if info.expires_at else "")
        return settings

    def account_check(self, *, handle: str, display_name: str, info: TokenInfo | None,
                      warnings: list[str], settings: Mapping[str, Any]) -> AccountCheck:
        expires: datetime | None = info.expires_at if info else None
        return AccountCheck(handle=handle, display_name=display_name, token_expires_at=expires,
                            settings=self.remembered(info, settings), warnings=tuple(warnings))

    # ------------------------------------------------------------ metrics ---

    def counters(self, client: GraphClient, path: str, params: Mapping[str, Any]
                 ) -> dict[str, Any] | None:
        """A metrics read: auth and transient errors propagate, anything else means "none"."""
        try:
            return client.get(path, params)
        except (AuthError, RetryableError):
            raise
        except PermanentError as exc:
            client.context.logger.info("metrics unavailable: %s", exc.message)
            return None

    @staticmethod
    def unresolved(receipt: Receipt) -> bool:
        return bool(receipt.extra.get("media_id_unknown"))


def numbers(body: Mapping[str, Any], names: Mapping[str, str]) -> dict[str, float]:
    """``{our name: value}`` for the numeric fields ``names`` maps from Meta's names."""
    return {ours: float(body[theirs]) for theirs, ours in names.items()
            if isinstance(body.get(theirs), int | float)}
