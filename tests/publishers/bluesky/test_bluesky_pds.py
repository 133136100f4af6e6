"""Bluesky against Bluesky's own reference PDS (a real server on loopback)."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from PIL import Image

from essplanner.publishers.base import MediaFile, PublishRequest
from essplanner.publishers.bluesky.atproto import VAULT_KEY, Session
from essplanner.publishers.bluesky.publisher import BLOB_LIMIT, THUMB_LIMIT, BlueskyPublisher
from essplanner.publishers.errors import AuthError, ContentRejected, RetryableError
from essplanner.publishers.text import count_graphemes
from essplanner.services.posts import new_idempotency_key
from publishers.conftest import DictVault, make_context
from publishers.images import noise_png, png_bytes, rotated_jpeg
from publishers.loopback import Handler, LoopbackServer
from publishers.pds import Pds, PdsAccount, start_pds, stop_pds

pytestmark = pytest.mark.peer


def _request(ctx: Any, text: str, *, key: str | None = None, **kw: Any) -> PublishRequest:
    return PublishRequest(target_id=1, post_id=1, account=ctx.account, text=text,
                          idempotency_key=key or new_idempotency_key(), **kw)


def _context(pds: Pds, acct: PdsAccount, tmp_path: Path, **kw: Any) -> Any:
    kw.setdefault("settings", {"link_card": False})
    return make_context(platform="bluesky", api_url=pds.url, secret=acct.app_password,
                        handle=acct.handle, tmp_path=tmp_path, **kw)


def _media(path: Path, mime: str, alt: str) -> MediaFile:
    with Image.open(path) as img:
        width, height = img.size
    return MediaFile(path=path, mime_type=mime, alt_text=alt, size=path.stat().st_size,
                     width=width, height=height)


def _span(text: str, piece: str) -> dict[str, int]:
    raw, needle = text.encode("utf-8"), piece.encode("utf-8")
    start = raw.index(needle)
    return {"byteStart": start, "byteEnd": start + len(needle)}


def test_post_with_link_hashtag_mention_emoji_and_two_images(pds: Pds, tmp_path: Path) -> None:
    acct = pds.create_account()
    friend = pds.create_account("friend")
    text = (f"Bonne année 🎉👨‍👩‍👧‍👦 ! Café à l’asso avec @{friend.handle} : "
            f"https://example.org/événement?x=1 #SolidaritéÉnergie 🇫🇷✨")
    big = noise_png(tmp_path / "big.png", 1200, 900)  # ~3.2 MB: over the blob limit
    assert big.stat().st_size > BLOB_LIMIT
    portrait = rotated_jpeg(tmp_path / "portrait.jpg")
    ctx = _context(pds, acct, tmp_path)
    media = (_media(big, "image/png", "Des bénévoles devant le local 🏠"),
             _media(portrait, "image/jpeg", "Affiche de la permanence"))
    receipt = BlueskyPublisher().publish(
        _request(ctx, text, media=media, language="fr", link="https://example.org/événement?x=1"),
        ctx)

    rkey = receipt.extra["rkey"]
    stored = pds.get_record(acct.did, rkey)
    assert stored["uri"] == receipt.remote_id == f"at://{acct.did}/app.bsky.feed.post/{rkey}"
    value = stored["value"]
    # the long link reads short (host and path); its facet keeps the whole address
    text = text.replace("https://example.org/événement?x=1", "example.org/événement")
    assert value["text"] == text
    assert value["langs"] == ["fr"]
    facets = {f["features"][0]["$type"].rsplit("#", 1)[1]: f for f in value["facets"]}
    assert facets["link"]["index"] == _span(text, "example.org/événement")
    assert facets["link"]["features"][0]["uri"] == "https://example.org/événement?x=1"
    assert facets["tag"]["index"] == _span(text, "#SolidaritéÉnergie")
    assert facets["tag"]["features"][0]["tag"] == "SolidaritéÉnergie"
    assert facets["mention"]["index"] == _span(text, f"@{friend.handle}")
    assert facets["mention"]["features"][0]["did"] == friend.did
    images = value["embed"]["images"]
    assert [i["alt"] for i in images] == [m.alt_text for m in media]
    first = pds.get_blob(acct.did, images[0]["image"]["ref"]["$link"])
    assert len(first.content) <= BLOB_LIMIT == 2_000_000
    assert images[0]["image"]["size"] == len(first.content)
    with Image.open(io.BytesIO(first.content)) as img:
        assert images[0]["aspectRatio"] == {"width": img.width, "height": img.height}
        assert abs(img.width / img.height - 1200 / 900) < 0.01
    second = pds.get_blob(acct.did, images[1]["image"]["ref"]["$link"])
    assert second.content == portrait.read_bytes()  # small enough: sent untouched
    assert images[1]["aspectRatio"] == {"width": 300, "height": 400}  # as displayed
    records = pds.list_records(acct.did)
    assert [r["uri"] for r in records] == [receipt.remote_id]


def test_301_graphemes_are_refused_before_any_request(pds: Pds, tmp_path: Path) -> None:
    acct = pds.create_account()
    ctx = _context(pds, acct, tmp_path)
    publisher = BlueskyPublisher()
    text = "e\u0301" * 100 + "👩🏽‍🚒" * 100 + "a\u0308\u0323" * 101
    assert count_graphemes(text) == 301
    problems = publisher.validate(_request(ctx, text))
    assert [p.code for p in problems] == ["text_too_long"]
    assert "301" in problems[0].message and "300" in problems[0].message
    with pytest.raises(ContentRejected):
        publisher.publish(_request(ctx, text), ctx)
    assert ctx.http.session.sent == []
    heavy = "👨‍👩‍👧‍👦" * 300  # 300 graphemes, 7,500 bytes
    assert [p.code for p in publisher.validate(_request(ctx, heavy))] == ["text_too_many_bytes"]
    with pytest.raises(ContentRejected):
        publisher.publish(_request(ctx, heavy), ctx)
    assert ctx.http.session.sent == []
    # The server counts as we do: 300 graphemes of the same kind are accepted.
    receipt = publisher.publish(_request(ctx, text[: -len("a\u0308\u0323")]), ctx)
    assert pds.get_record(acct.did, receipt.extra["rkey"])["value"]["text"].endswith("a\u0308\u0323")


def test_wrong_password_gives_a_clear_auth_error(pds: Pds, tmp_path: Path) -> None:
    acct = pds.create_account()
    ctx = make_context(platform="bluesky", api_url=pds.url, secret="abcd-efgh-ijkl-mnop",
                       handle=acct.handle, tmp_path=tmp_path)
    with pytest.raises(AuthError) as caught:
        BlueskyPublisher().publish(_request(ctx, "Bonjour"), ctx)
    message = str(caught.value)
    assert acct.handle in message and "app password" in message
    assert "abcd-efgh-ijkl-mnop" not in message
    assert ctx.vault.get(VAULT_KEY) is None
    assert pds.list_records(acct.did) == []
    with pytest.raises(AuthError):
        BlueskyPublisher().check_account(ctx)


def test_the_session_is_kept_and_reused_never_one_login_per_post(pds: Pds,
                                                                 tmp_path: Path) -> None:
    acct = pds.create_account()
    vault = DictVault()
    publisher = BlueskyPublisher()
    logins = 0
    for n in range(3):
        ctx = _context(pds, acct, tmp_path, vault=vault)
        publisher.publish(_request(ctx, f"Message {n}"), ctx)
        logins += ctx.http.session.calls("createSession")
    # A new publisher (another process) reads the same vault: still no new login.
    ctx = _context(pds, acct, tmp_path, vault=vault)
    BlueskyPublisher().publish(_request(ctx, "Message 3"), ctx)
    logins += ctx.http.session.calls("createSession")
    assert logins == 1
    assert len(pds.list_records(acct.did)) == 4


def _install_expired(pds: Pds, vault: DictVault) -> Session:
    session = Session.load(vault.get(VAULT_KEY))
    assert session is not None
    expired = Session(did=session.did, handle=session.handle,
                      access_jwt=pds.forge_expired(session.access_jwt),
                      refresh_jwt=session.refresh_jwt, service=session.service)
    vault.set(VAULT_KEY, expired.dump())
    # The server itself says so:
    r = requests.get(f"{pds.url}/xrpc/com.atproto.server.getSession", timeout=10,
                     headers={"Authorization": f"Bearer {expired.access_jwt}"})
    assert r.status_code == 400 and r.json()["error"] == "ExpiredToken"
    return expired


def test_an_expired_access_token_is_refreshed_without_a_new_login(pds: Pds,
                                                                  tmp_path: Path) -> None:
    acct = pds.create_account()
    vault = DictVault()
    publisher = BlueskyPublisher()
    ctx = _context(pds, acct, tmp_path, vault=vault)
    publisher.check_account(ctx)
    assert ctx.http.session.calls("createSession") == 1
    expired = _install_expired(pds, vault)

    # 1. Seen ahead of time from the token's exp: refreshed before the call.
    ctx = _context(pds, acct, tmp_path, vault=vault)
    receipt = publisher.publish(_request(ctx, "Après expiration"), ctx)
    assert ctx.http.session.calls("createSession") == 0
    assert ctx.http.session.calls("refreshSession") == 1
    assert ctx.http.session.calls("createRecord") == 1
    renewed = Session.load(vault.get(VAULT_KEY))
    assert renewed is not None and renewed.access_jwt != expired.access_jwt

    # 2. Told by the server (our clock thinks the token is fresh): ExpiredToken, then
    # refreshSession, then the same call again, once.
    _install_expired(pds, vault)
    three_hours_ago = datetime.now(UTC) - timedelta(hours=3)
    ctx = _context(pds, acct, tmp_path, vault=vault, clock=lambda: three_hours_ago)
    second = publisher.publish(_request(ctx, "Expiré côté serveur"), ctx)
    assert ctx.http.session.calls("createSession") == 0
    assert ctx.http.session.calls("refreshSession") == 1
    assert ctx.http.session.calls("createRecord") == 2  # refused (ExpiredToken), then done
    uris = {r["uri"] for r in pds.list_records(acct.did)}
    assert uris == {receipt.remote_id, second.remote_id}


def test_a_revoked_refresh_token_falls_back_to_one_login(pds: Pds, tmp_path: Path) -> None:
    acct = pds.create_account()
    vault = DictVault()
    ctx = _context(pds, acct, tmp_path, vault=vault)
    BlueskyPublisher().check_account(ctx)
    session = Session.load(vault.get(VAULT_KEY))
    assert session is not None
    requests.post(f"{pds.url}/xrpc/com.atproto.server.deleteSession", timeout=10,
                  headers={"Authorization": f"Bearer {session.refresh_jwt}"}).raise_for_status()
    _install_expired(pds, vault)
    ctx = _context(pds, acct, tmp_path, vault=vault)
    BlueskyPublisher().publish(_request(ctx, "Nouvelle session"), ctx)
    assert ctx.http.session.calls("refreshSession") == 1
    assert ctx.http.session.calls("createSession") == 1
    assert len(pds.list_records(acct.did)) == 1


def test_the_same_record_key_twice_is_one_post_and_lookup_proves_it(pds: Pds,
                                                                   tmp_path: Path) -> None:
    acct = pds.create_account()
    ctx = _context(pds, acct, tmp_path)
    publisher = BlueskyPublisher()
    key = new_idempotency_key()
    request = _request(ctx, "Une seule fois", key=key)
    assert publisher.lookup(request, ctx) is None
    first = publisher.publish(request, ctx)
    again = publisher.publish(request, ctx)  # the PDS answers 500 for a taken key
    assert again.remote_id == first.remote_id
    found = publisher.lookup(request, ctx)
    assert found is not None and found.remote_id == first.remote_id
    assert found.extra["cid"] == first.extra["cid"]
    assert [r["uri"] for r in pds.list_records(acct.did)] == [first.remote_id]


class _Site(Handler):
    def do_GET(self) -> None:
        if self.route == "/article":
            page = ("<!doctype html><html><head><meta charset='utf-8'>"
                    "<title>Fallback</title>"
                    "<meta property='og:title' content='Hiver solidaire : 120 foyers aidés'>"
                    "<meta property='og:description' content='Le bilan de la campagne.'>"
                    "<meta property='og:image' content='/cover.png'>"
                    "</head><body>…</body></html>").encode()
            self.send(200, raw=page, content_type="text/html; charset=utf-8")
        elif self.route == "/cover.png":
            self.send(200, raw=self.app["cover"], content_type="image/png")
        else:
            self.send(404, raw=b"not found", content_type="text/plain")


def test_a_link_without_images_gets_a_card_with_its_thumbnail(pds: Pds, tmp_path: Path) -> None:
    acct = pds.create_account()
    with LoopbackServer(_Site, {"cover": png_bytes(2400, 1260)}) as site:
        link = f"{site.url}/article?utm_source=bluesky"
        ctx = _context(pds, acct, tmp_path, settings={})
        receipt = BlueskyPublisher().publish(_request(ctx, f"Notre bilan : {link}", link=link),
                                             ctx)
    value = pds.get_record(acct.did, receipt.extra["rkey"])["value"]
    external = value["embed"]["external"]
    assert value["embed"]["$type"] == "app.bsky.embed.external"
    assert external["uri"] == link
    assert external["title"] == "Hiver solidaire : 120 foyers aidés"
    assert external["description"] == "Le bilan de la campagne."
    thumb = pds.get_blob(acct.did, external["thumb"]["ref"]["$link"])
    assert 0 < len(thumb.content) <= THUMB_LIMIT
    assert thumb.headers["Content-Type"].startswith("image/")


def test_an_unreachable_link_posts_without_a_card(pds: Pds, tmp_path: Path) -> None:
    acct = pds.create_account()
    with LoopbackServer(_Site, {"cover": b""}) as site:
        gone = f"{site.url}/missing"
        ctx = _context(pds, acct, tmp_path, settings={})
        receipt = BlueskyPublisher().publish(_request(ctx, f"Voir {gone}", link=gone), ctx)
    value = pds.get_record(acct.did, receipt.extra["rkey"])["value"]
    assert "embed" not in value
    assert value["facets"][0]["features"][0]["uri"] == gone


class _AppView(Handler):
    def do_GET(self) -> None:
        if self.route != "/xrpc/app.bsky.feed.getPosts":
            self.send(404, {"error": "MethodNotImplemented", "message": "Method Not Implemented"})
            return
        uris = self.query.get("uris", [])
        self.app["asked"].extend(uris)
        posts = [{"uri": u, "cid": "bafy", "author": {}, "record": {}, "indexedAt": "",
                  "likeCount": 12, "repostCount": 3, "replyCount": 2, "quoteCount": 1}
                 for u in uris]
        self.send(200, {"posts": posts})


def test_metrics_come_from_the_appview_and_are_skipped_without_one(pds: Pds,
                                                                   tmp_path: Path) -> None:
    acct = pds.create_account()
    ctx = _context(pds, acct, tmp_path)
    publisher = BlueskyPublisher()
    receipt = publisher.publish(_request(ctx, "Chiffres"), ctx)
    # This PDS has no AppView: "No service configured" is no metric, not a failure.
    assert publisher.metrics(receipt, ctx) is None
    with LoopbackServer(_AppView, {"asked": []}) as appview:
        ctx = _context(pds, acct, tmp_path, settings={"appview_url": appview.url})
        counts = publisher.metrics(receipt, ctx)
        assert appview.httpd.app["asked"] == [receipt.remote_id]  # type: ignore[attr-defined]
    assert counts == {"likes": 12.0, "reposts": 3.0, "replies": 2.0, "quotes": 1.0}


def test_check_account_reports_the_handle_and_warns_about_a_main_password(
        pds: Pds, tmp_path: Path) -> None:
    acct = pds.create_account()
    check = BlueskyPublisher().check_account(_context(pds, acct, tmp_path))
    assert check.handle == acct.handle
    assert check.settings["did"] == acct.did
    assert check.warnings == ()
    main = make_context(platform="bluesky", api_url=pds.url, secret=acct.password,
                        handle=acct.handle, tmp_path=tmp_path)
    warned = BlueskyPublisher().check_account(main)
    assert warned.handle == acct.handle
    assert any("app password" in w for w in warned.warnings)


@pytest.fixture(scope="module")
def strict_pds(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A second PDS with the real rate limits on, and a blob limit (300 kB) below the
    lexicon's, so that it answers 429 and 413."""
    server, env = start_pds(tmp_path_factory.mktemp("pds-strict"),
                            {"PDS_BLOB_UPLOAD_LIMIT": "300000",
                             "PDS_RATE_LIMITS_ENABLED": "true"})
    try:
        yield server
    finally:
        stop_pds(env)


def test_a_413_from_the_server_gets_a_smaller_image(strict_pds: Pds, tmp_path: Path) -> None:
    acct = strict_pds.create_account()
    image = noise_png(tmp_path / "photo.png", 700, 500)  # ~1 MB: under 2 MB, over 300 kB
    ctx = _context(strict_pds, acct, tmp_path)
    receipt = BlueskyPublisher().publish(
        _request(ctx, "Photo", media=(_media(image, "image/png", "Une photo"),)), ctx)
    assert ctx.http.session.calls("uploadBlob") >= 2
    value = strict_pds.get_record(acct.did, receipt.extra["rkey"])["value"]
    blob = value["embed"]["images"][0]["image"]
    assert blob["size"] <= 300_000 and blob["mimeType"] == "image/jpeg"


def test_the_login_rate_limit_is_retryable_and_a_kept_session_still_posts(
        strict_pds: Pds, tmp_path: Path) -> None:
    acct = strict_pds.create_account()
    vault = DictVault()
    publisher = BlueskyPublisher()
    publisher.check_account(_context(strict_pds, acct, tmp_path, vault=vault))  # login 1
    for _n in range(40):  # someone else logs in again and again
        r = requests.post(f"{strict_pds.url}/xrpc/com.atproto.server.createSession", timeout=10,
                          json={"identifier": acct.handle, "password": acct.app_password})
        if r.status_code == 429:
            break
    assert r.status_code == 429 and r.json()["error"] == "RateLimitExceeded"
    fresh = _context(strict_pds, acct, tmp_path)  # no stored session: must log in
    with pytest.raises(RetryableError) as caught:
        publisher.publish(_request(fresh, "Refusé"), fresh)
    assert caught.value.http_status == 429
    assert caught.value.retry_after is not None and 0 < caught.value.retry_after <= 300
    kept = _context(strict_pds, acct, tmp_path, vault=vault)  # the kept session needs none
    receipt = publisher.publish(_request(kept, "Publié malgré la limite"), kept)
    assert kept.http.session.calls("createSession") == 0
    assert [r["uri"] for r in strict_pds.list_records(acct.did)] == [receipt.remote_id]
