"""A test publisher whose login needs a developer app and offers places to publish, on the
plugin API only (like X, LinkedIn, Pinterest): no network, it remembers what it was given."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from essplanner.publishers import AccountCheck, BasePublisher, PlatformRules, PublisherContext
from essplanner.publishers.base import TOKEN_EXPIRES_AT, Choice, ClientApp, Credentials

TOKEN = "oauthy-access-token-0123456789abcdef"
REFRESH = "oauthy-refresh-token-0123456789abcdef"


class OauthyPublisher(BasePublisher):
    platform: ClassVar[str] = "oauthy"
    display_name: ClassVar[str] = "Oauthy"
    default_api_url: ClassVar[str] = "https://api.oauthy.example"
    RULES: ClassVar[PlatformRules] = PlatformRules(platform="oauthy", display_name="Oauthy",
                                                   text_limit=300)
    needs_client_app: ClassVar[bool] = True
    client_secret_required: ClassVar[bool] = True
    #: the places the next login offers; the clients it was given
    places: ClassVar[tuple[Choice, ...]] = (Choice("101", "Asso Énergie"),
                                            Choice("202", "Asso Jeunes"))
    clients: ClassVar[list[ClientApp]] = []

    def browser_login(self, *, api_url: str, http: Any, open_url: Callable[[str], None],
                      timeout: float = 300.0, cancelled: Callable[[], bool] | None = None,
                      client: ClientApp) -> Credentials:
        OauthyPublisher.clients.append(client)
        open_url(f"{api_url}/authorize?client_id={client.client_id}")
        return Credentials(secret=TOKEN, handle="asso", vault={"refresh_token": REFRESH},
                           settings={TOKEN_EXPIRES_AT: "2027-01-26T09:00:00+00:00"},
                           choose="organization", choices=self.places)

    def check_account(self, context: PublisherContext) -> AccountCheck:
        return AccountCheck(handle="asso")
