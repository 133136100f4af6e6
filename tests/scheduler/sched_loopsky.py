"""A test publisher on the plugin API only, speaking the fake PDS's XRPC (sched_fakepds).

It imports nothing from ESS Planner but ``essplanner.publishers``, like a
third-party plugin, and is found through an ``essplanner.publishers`` entry point
in the subprocess tests. The record key is the target's idempotency key, so
``lookup`` can tell for sure whether a post exists.
"""

from __future__ import annotations

import threading
from datetime import UTC
from typing import Any, ClassVar

from essplanner.publishers import (
    AccountCheck,
    AuthError,
    BasePublisher,
    PlatformRules,
    PublisherContext,
    PublishRequest,
    Receipt,
    TextCounting,
)
from essplanner.publishers.http import check_api_url

COLLECTION = "app.bsky.feed.post"


def _xrpc_error(response: Any) -> str:
    try:
        body = response.json()
    except ValueError:
        return ""
    return str(body.get("error", "")) if isinstance(body, dict) else ""


class LoopskyPublisher(BasePublisher):
    platform: ClassVar[str] = "loopsky"
    display_name: ClassVar[str] = "Loopsky"
    default_api_url: ClassVar[str] = ""
    RULES: ClassVar[PlatformRules] = PlatformRules(
        platform="loopsky", display_name="Loopsky", text_limit=300, byte_limit=3000,
        counting=TextCounting.GRAPHEMES, max_images=4,
    )

    def __init__(self) -> None:
        self._sessions: dict[tuple[str, int], tuple[str, str]] = {}
        self._lock = threading.Lock()

    def _base(self, context: PublisherContext) -> str:
        return check_api_url(context.api_url)

    def _session(self, context: PublisherContext, *, fresh: bool = False) -> tuple[str, str]:
        key = (context.api_url, context.account.id)
        with self._lock:
            if not fresh and key in self._sessions:
                return self._sessions[key]
        if not context.secret:
            raise AuthError("No app password is stored for this account.")
        response = context.http.post(
            f"{self._base(context)}/xrpc/com.atproto.server.createSession",
            json={"identifier": context.account.handle, "password": context.secret},
        )
        context.http.raise_for_status(response)
        body = response.json()
        session = (str(body["did"]), str(body["accessJwt"]))
        with self._lock:
            self._sessions[key] = session
        return session

    def publish(self, request: PublishRequest, context: PublisherContext) -> Receipt:
        self.ensure_valid(request)
        record: dict[str, Any] = {
            "$type": COLLECTION, "text": request.text,
            "createdAt": context.clock().astimezone(UTC).isoformat().replace("+00:00", "Z"),
        }
        if request.language:
            record["langs"] = [request.language]
        response = None
        for fresh in (False, True):
            did, token = self._session(context, fresh=fresh)
            response = context.http.post(
                f"{self._base(context)}/xrpc/com.atproto.repo.createRecord",
                json={"repo": did, "collection": COLLECTION, "rkey": request.idempotency_key,
                      "record": record},
                headers={"Authorization": f"Bearer {token}"},
            )
            # An expired session is refused before anything is written: safe to log in again.
            if response.status_code == 400 and _xrpc_error(response) in (
                    "ExpiredToken", "InvalidToken"):
                continue
            break
        assert response is not None
        context.http.raise_for_status(response)
        return self._receipt(context, response.json()["uri"])

    def lookup(self, request: PublishRequest, context: PublisherContext) -> Receipt | None:
        did, _token = self._session(context)
        response = context.http.get(
            f"{self._base(context)}/xrpc/com.atproto.repo.getRecord",
            params={"repo": did, "collection": COLLECTION, "rkey": request.idempotency_key},
        )
        if response.status_code == 400 and _xrpc_error(response) == "RecordNotFound":
            return None
        context.http.raise_for_status(response)
        return self._receipt(context, response.json()["uri"])

    def _receipt(self, context: PublisherContext, uri: str) -> Receipt:
        rkey = uri.rsplit("/", 1)[-1]
        return Receipt(
            remote_id=uri,
            remote_url=f"{self._base(context)}/profile/{context.account.handle}/post/{rkey}",
            published_at=context.clock(),
        )

    def check_account(self, context: PublisherContext) -> AccountCheck:
        self._session(context, fresh=True)
        return AccountCheck(handle=context.account.handle)
