"""A third-party platform: "publishes" by appending to a file in its data folder.

It imports only the plugin API, as a plugin from another package must.
"""

from __future__ import annotations

from typing import ClassVar

from essplanner.publishers import (
    AccountCheck,
    BasePublisher,
    PlatformRules,
    PublisherContext,
    PublishRequest,
    Receipt,
)


class PigeonPublisher(BasePublisher):
    platform: ClassVar[str] = "pigeon"
    display_name: ClassVar[str] = "Carrier pigeon"
    default_api_url: ClassVar[str] = ""
    RULES: ClassVar[PlatformRules] = PlatformRules(platform="pigeon", text_limit=12,
                                                   display_name="Carrier pigeon")

    def publish(self, request: PublishRequest, context: PublisherContext) -> Receipt:
        self.ensure_valid(request)
        context.data_dir.mkdir(parents=True, exist_ok=True)
        with (context.data_dir / "loft.txt").open("a", encoding="utf-8") as fh:
            fh.write(request.text + "\n")
        return Receipt(remote_id=request.idempotency_key)

    def check_account(self, context: PublisherContext) -> AccountCheck:
        return AccountCheck(handle="pigeon")
