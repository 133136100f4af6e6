"""Connecting Meta accounts: token exchanges and the list of Pages, for ``essplanner meta``.

The ten-minute flow for a volunteer (docs/platforms/meta.*.md):

1. Facebook + Instagram: a short-lived *user* token from the Graph API Explorer
   and the app secret → :func:`exchange_user_token` (long-lived user token, 60
   days) → :func:`list_pages` (each Page's own token — made from a long-lived
   user token, it does not expire — and its linked Instagram account).
2. Threads: a token from the app's Threads "User Token Generator" (or the
   authorization window) and the Threads app secret → :func:`exchange_threads_token`
   (long-lived, 60 days; renewed automatically afterwards).

Nothing here stores anything: the caller puts tokens in the keyring.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from essplanner.publishers.base import AccountInfo, PublisherContext
from essplanner.publishers.errors import PublishError
from essplanner.publishers.http import HttpClient
from essplanner.publishers.i18n import tr
from essplanner.publishers.meta.graph import GRAPH_URL, GraphClient, root_url
from essplanner.publishers.meta.graphtoken import TokenInfo, debug_token
from essplanner.publishers.meta.threads import THREADS_URL

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageChoice:
    """A Page the user manages, with its own token and linked Instagram account."""

    page_id: str
    name: str
    token: str
    ig_user_id: str = ""
    ig_username: str = ""


@dataclass(frozen=True)
class Exchanged:
    token: str
    expires_at: datetime | None  # None: never


class _NoVault:
    def get(self, key: str) -> str | None:
        return None

    def set(self, key: str, value: str) -> None:
        raise PublishError("no vault while connecting")

    def delete(self, key: str) -> None:
        return None


def _client(http: HttpClient, *, base_url: str, token: str, platform: str,
            app_secret: str | None = None) -> GraphClient:
    context = PublisherContext(
        account=AccountInfo(id=0, platform=platform.lower(), name=platform), secret=token,
        http=http, logger=log, clock=http.clock, data_dir=Path(tempfile.gettempdir()),
        vault=_NoVault())
    return GraphClient(context, base_url=base_url, token=token, platform=platform,
                       app_secret=app_secret)


def _expiry(seconds: object, now: datetime) -> datetime | None:
    return now + timedelta(seconds=seconds) if isinstance(seconds, int) and seconds > 0 else None


def exchange_user_token(http: HttpClient, *, app_id: str, app_secret: str, token: str,
                        base_url: str = GRAPH_URL) -> Exchanged:
    """A long-lived user token (60 days) for a short-lived one."""
    client = _client(http, base_url=base_url, token=token, platform="Facebook")
    body = client.call("GET", "oauth/access_token", authenticated=False, params={
        "grant_type": "fb_exchange_token", "client_id": app_id, "client_secret": app_secret,
        "fb_exchange_token": token})
    long_token = str(body.get("access_token") or "")
    if not long_token:
        raise PublishError(tr("Facebook gave no long-lived token."))
    return Exchanged(long_token, _expiry(body.get("expires_in"), http.clock()))


def list_pages(http: HttpClient, *, user_token: str, app_secret: str | None,
               base_url: str = GRAPH_URL) -> list[PageChoice]:
    """The Pages the user manages, each with its own token and Instagram account."""
    client = _client(http, base_url=base_url, token=user_token, platform="Facebook",
                     app_secret=app_secret)
    pages = []
    for item in client.items("me/accounts", {
            "fields": "id,name,access_token,instagram_business_account{id,username}",
            "limit": 100}):
        ig = item.get("instagram_business_account")
        ig = ig if isinstance(ig, dict) else {}
        pages.append(PageChoice(page_id=str(item.get("id") or ""),
                                name=str(item.get("name") or ""),
                                token=str(item.get("access_token") or ""),
                                ig_user_id=str(ig.get("id") or ""),
                                ig_username=str(ig.get("username") or "")))
    return [p for p in pages if p.page_id and p.token]


def choose_page(pages: list[PageChoice], wanted: str) -> PageChoice:
    """The Page named or numbered ``wanted`` (the only one if ``wanted`` is empty)."""
    if not pages:
        raise PublishError(tr(
            "This Facebook user manages no Page the app may use: when logging in, tick the "
            "Page (and its Instagram account) in the list Meta shows."))
    if not wanted:
        if len(pages) == 1:
            return pages[0]
        raise PublishError(tr("You manage several Pages: {pages}. Say which one with --page.",
                              pages="; ".join(f"{p.name} ({p.page_id})" for p in pages)))
    for page in pages:
        if wanted in (page.page_id, page.name) or wanted.casefold() == page.name.casefold():
            return page
    raise PublishError(tr("No Page called {wanted!r}; the Pages are: {pages}.", wanted=wanted,
                          pages="; ".join(f"{p.name} ({p.page_id})" for p in pages)))


def exchange_threads_token(http: HttpClient, *, app_secret: str, token: str,
                           base_url: str = THREADS_URL) -> Exchanged:
    """A long-lived Threads token. A token that already is one is kept as it is."""
    client = _client(http, base_url=base_url, token=token, platform="Threads")
    try:
        body = client.call("GET", f"{root_url(client.base_url)}/access_token",
                           authenticated=False, params={
                               "grant_type": "th_exchange_token", "client_secret": app_secret,
                               "access_token": token})
    except PublishError as exc:
        info = inspect(http, token=token, base_url=base_url, platform="Threads")
        if info is None or not info.valid:
            raise
        log.info("Threads token kept as given (not exchanged: %s)", exc.message)
        return Exchanged(token, info.expires_at)
    long_token = str(body.get("access_token") or "")
    if not long_token:
        raise PublishError(tr("Threads gave no long-lived token."))
    return Exchanged(long_token, _expiry(body.get("expires_in"), http.clock()))


def inspect(http: HttpClient, *, token: str, base_url: str, platform: str,
            app_token: str | None = None) -> TokenInfo | None:
    """``/debug_token`` for a token, None when it cannot be read."""
    client = _client(http, base_url=base_url, token=token, platform=platform)
    try:
        return debug_token(client, access_token=app_token)
    except PublishError as exc:
        log.info("token inspection failed: %s", exc.message)
        return None

