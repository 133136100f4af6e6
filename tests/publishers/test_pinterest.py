"""The Pinterest publisher against the fake Pinterest, through the real ``requests`` stack."""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from PIL import Image

from essplanner.publishers.base import (
    TOKEN_EXPIRES_AT,
    AccountInfo,
    ClientApp,
    MediaFile,
    PublisherContext,
    PublishRequest,
    Receipt,
)
from essplanner.publishers.errors import (
    AccountBlocked,
    AmbiguousError,
    AuthError,
    ContentRejected,
    PermanentError,
    RetryableError,
)
from essplanner.publishers.http import HttpClient
from essplanner.publishers.pinterest import (
    CLIENT_SECRET,
    REFRESH_TOKEN,
    SCOPES,
    PinterestPublisher,
)
from essplanner.timeutil import FakeClock
from publishers.conftest import DictVault, make_context
from publishers.fake_pinterest import FakePinterest, PinterestHandler
from publishers.loopback import LoopbackServer

DESCRIPTION = "Cinq gestes simples pour baisser la facture d'électricité cet hiver 💡"
TITLE = "Astuces énergie pour l'hiver"
LINK = "https://asso.example/astuces-hiver?utm_source=pinterest"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 27, 9, 0, tzinfo=UTC))


@pytest.fixture
def fake(clock: FakeClock) -> FakePinterest:
    return FakePinterest(now=clock.now)


@pytest.fixture
def api(fake: FakePinterest) -> Iterator[str]:
    with LoopbackServer(PinterestHandler, fake) as server:
        yield f"{server.url}/v5"


@pytest.fixture
def vault(fake: FakePinterest) -> DictVault:
    vault = DictVault()
    vault.set(REFRESH_TOKEN, fake.issue_refresh())
    vault.set(CLIENT_SECRET, fake.client_secret)
    return vault


@pytest.fixture
def saved() -> list[dict[str, Any]]:
    return []


@pytest.fixture
def context(fake: FakePinterest, api: str, tmp_path: Path, clock: FakeClock, vault: DictVault,
            saved: list[dict[str, Any]]) -> Iterator[PublisherContext]:
    ctx = make_context(platform="pinterest", api_url=api, secret=fake.issue_token(),
                       settings={"board_id": fake.boards[0]["id"], "client_id": fake.client_id},
                       tmp_path=tmp_path, vault=vault, clock=clock.now, saved=saved)
    yield ctx
    ctx.http.close()


def image(path: Path, size: tuple[int, int] = (600, 900), fmt: str = "JPEG",
          alt: str = "Un radiateur avec un thermomètre réglé sur 19 °C") -> MediaFile:
    Image.new("RGB", size, (200, 90, 40)).save(path, fmt)
    mime = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}[fmt]
    return MediaFile(path=path, mime_type=mime, alt_text=alt, size=path.stat().st_size,
                     width=size[0], height=size[1])


def request(context: PublisherContext, *, media: tuple[MediaFile, ...], text: str = DESCRIPTION,
            title: str = TITLE, link: str = LINK) -> PublishRequest:
    return PublishRequest(target_id=1, post_id=1, account=context.account, text=text,
                          idempotency_key="3lbqz7xkdwc2a", link=link, media=media, title=title)


def sent(fake: FakePinterest) -> list[dict[str, Any]]:
    return [json.loads(r["body"]) for r in fake.pin_requests()]


# ---------------------------------------------------------------- publishing ---

def test_one_image_pin_with_title_description_link_and_alt_text(
        fake: FakePinterest, context: PublisherContext, tmp_path: Path) -> None:
    photo = image(tmp_path / "radiateur.jpg")
    receipt = PinterestPublisher().publish(request(context, media=(photo,)), context)

    [pin] = fake.pins
    assert receipt.remote_id == pin["id"]
    assert receipt.remote_url == f"https://www.pinterest.com/pin/{pin['id']}/"
    assert (pin["title"], pin["description"], pin["link"]) == (TITLE, DESCRIPTION, LINK)
    assert pin["alt_text"] == photo.alt_text  # read back from the fake
    assert pin["board_id"] == fake.boards[0]["id"]
    [body] = sent(fake)
    assert body["media_source"]["source_type"] == "image_base64"
    assert body["media_source"]["content_type"] == "image/jpeg"
    assert base64.b64decode(body["media_source"]["data"]) == photo.path.read_bytes()
    assert fake.images[pin["id"]] == [("JPEG", 600, 900)]


def test_carousel_of_equal_images_with_numbered_alt_texts(
        fake: FakePinterest, context: PublisherContext, tmp_path: Path) -> None:
    photos = tuple(image(tmp_path / f"geste{i}.png", fmt="PNG", alt=f"Geste {i}")
                   for i in range(1, 4))
    PinterestPublisher().publish(request(context, media=photos), context)

    [pin] = fake.pins
    assert pin["creative_type"] == "CAROUSEL"
    assert fake.images[pin["id"]] == [("PNG", 600, 900)] * 3
    assert pin["alt_text"] == "1. Geste 1 2. Geste 2 3. Geste 3"
    [body] = sent(fake)
    items = body["media_source"]["items"]
    assert body["media_source"]["source_type"] == "multiple_image_base64"
    assert [i["content_type"] for i in items] == ["image/png"] * 3
    assert all(i["link"] == LINK and i["title"] == TITLE for i in items)


def test_a_webp_image_is_sent_as_jpeg(fake: FakePinterest, context: PublisherContext,
                                      tmp_path: Path) -> None:
    PinterestPublisher().publish(
        request(context, media=(image(tmp_path / "a.webp", fmt="WEBP"),)), context)
    [pin] = fake.pins
    assert fake.images[pin["id"]] == [("JPEG", 600, 900)]


def test_without_a_title_the_first_line_of_the_text_is_the_title(
        fake: FakePinterest, context: PublisherContext, tmp_path: Path) -> None:
    text = "Économiser l'eau\n\nTrois astuces pour la salle de bains."
    PinterestPublisher().publish(
        request(context, media=(image(tmp_path / "a.jpg"),), text=text, title=""), context)
    assert fake.pins[0]["title"] == "Économiser l'eau"
    assert fake.pins[0]["description"] == text


@pytest.mark.parametrize(("change", "code"), [
    ({"title": "T" * 101}, "title_too_long"),
    ({"text": "é" * 801}, "text_too_long"),
    ({"link": "https://asso.example/" + "a" * 2040}, "link_too_long"),
    ({"media": ()}, "media_required"),
    ({"media": "six"}, "too_many_images"),
    ({"media": "unequal"}, "carousel_sizes"),
    ({"media": "long_alt"}, "alt_text_too_long"),
    ({"media": "carousel_alt"}, "carousel_alt_text_too_long"),
])
def test_each_limit_is_refused_before_any_request(
        change: dict[str, Any], code: str, fake: FakePinterest, context: PublisherContext,
        tmp_path: Path) -> None:
    media: Any = change.get("media", (image(tmp_path / "a.jpg"),))
    if media == "six":
        media = tuple(image(tmp_path / f"{i}.jpg") for i in range(6))
    elif media == "unequal":
        media = (image(tmp_path / "a.jpg"), image(tmp_path / "b.jpg", size=(600, 800)))
    elif media == "long_alt":
        media = (image(tmp_path / "a.jpg", alt="x" * 501),)
    elif media == "carousel_alt":
        media = tuple(image(tmp_path / f"{i}.jpg", alt=f"{i}" * 200) for i in range(3))
    req = request(context, media=media)
    req = replace(req, **{k: v for k, v in change.items() if k != "media"})
    publisher = PinterestPublisher()
    assert code in [p.code for p in publisher.validate(req)]
    with pytest.raises(ContentRejected):
        publisher.publish(req, context)
    assert fake.requests == []


def test_unequal_sizes_unknown_to_the_media_store_are_refused_before_any_request(
        fake: FakePinterest, context: PublisherContext, tmp_path: Path) -> None:
    media = tuple(replace(m, width=None, height=None) for m in (
        image(tmp_path / "a.jpg"), image(tmp_path / "b.jpg", size=(900, 900))))
    with pytest.raises(ContentRejected, match=r"same size: a.jpg 600×900, b.jpg 900×900"):
        PinterestPublisher().publish(request(context, media=media), context)
    assert fake.requests == []


def test_an_unreadable_image_is_refused_by_the_fake_like_the_real_api(
        fake: FakePinterest, context: PublisherContext) -> None:
    data = base64.b64encode(b"\xff\xd8\xff not really a jpeg").decode()
    response = requests.post(f"{context.api_url}/pins", timeout=10,
                             headers={"Authorization": f"Bearer {context.secret}"},
                             json={"board_id": fake.boards[0]["id"], "media_source": {
                                 "source_type": "image_base64", "content_type": "image/jpeg",
                                 "data": data}})
    assert response.status_code == 400
    assert response.json()["message"].startswith("Image is invalid or corrupt")
    assert fake.pins == []


# ---------------------------------------------------------------- errors ---

def test_trial_access_blocks_the_account_with_a_clear_message(
        fake: FakePinterest, context: PublisherContext, tmp_path: Path) -> None:
    fake.trial = True
    with pytest.raises(AccountBlocked) as caught:
        PinterestPublisher().publish(request(context, media=(image(tmp_path / "a.jpg"),)),
                                     context)
    assert caught.value.reason == "access"
    assert "Trial access" in caught.value.message and "Standard access" in caught.value.message
    assert fake.pins == [] and len(fake.pin_requests()) == 1


def test_429_waits_for_the_reset_header(fake: FakePinterest, context: PublisherContext,
                                        tmp_path: Path) -> None:
    fake.rate_limited, fake.reset_seconds = 1, 95
    with pytest.raises(RetryableError) as caught:
        PinterestPublisher().publish(request(context, media=(image(tmp_path / "a.jpg"),)),
                                     context)
    assert caught.value.retry_after == pytest.approx(95)
    assert fake.pins == []


def test_400_carries_pinterests_message(fake: FakePinterest, context: PublisherContext,
                                        tmp_path: Path) -> None:
    context.account = replace(context.account, settings={**context.account.settings,
                                                         "board_id": "999"})
    with pytest.raises(PermanentError, match="Board not found"):
        PinterestPublisher().publish(request(context, media=(image(tmp_path / "a.jpg"),)),
                                     context)


def test_5xx_after_the_create_is_ambiguous(fake: FakePinterest, context: PublisherContext,
                                           tmp_path: Path) -> None:
    fake.fail_next = [502]
    with pytest.raises(AmbiguousError):
        PinterestPublisher().publish(request(context, media=(image(tmp_path / "a.jpg"),)),
                                     context)


def test_a_lost_answer_is_ambiguous_and_lookup_finds_the_pin(
        fake: FakePinterest, context: PublisherContext, tmp_path: Path,
        clock: FakeClock) -> None:
    publisher = PinterestPublisher()
    req = request(context, media=(image(tmp_path / "a.jpg"),))
    # an older Pin with the same words, made before the attempt: not ours
    publisher.publish(req, context)
    clock.advance(timedelta(hours=2))
    context.first_attempt_at = clock.now()
    fake.drop_after_create = 1
    with pytest.raises(AmbiguousError):
        publisher.publish(req, context)
    clock.advance(timedelta(minutes=1))
    found = publisher.lookup(req, context)
    assert found is not None and found.remote_id == fake.pins[-1]["id"]
    assert len(fake.pins) == 2


def test_lookup_says_none_when_the_board_has_no_such_pin_since_the_attempt(
        fake: FakePinterest, context: PublisherContext, tmp_path: Path,
        clock: FakeClock) -> None:
    publisher = PinterestPublisher()
    req = request(context, media=(image(tmp_path / "a.jpg"),))
    publisher.publish(replace(req, text="Un autre Pin"), context)
    clock.advance(timedelta(hours=1))
    context.first_attempt_at = clock.now()
    assert publisher.lookup(req, context) is None


def test_lookup_without_a_known_first_attempt_says_what_was_checked(
        fake: FakePinterest, context: PublisherContext, tmp_path: Path) -> None:
    req = request(context, media=(image(tmp_path / "a.jpg"),))
    with pytest.raises(AmbiguousError, match=r"the 0 latest Pins of the board were checked"):
        PinterestPublisher().lookup(req, context)


# ---------------------------------------------------------------- tokens ---

def test_401_renews_the_token_once_and_keeps_the_login_current(
        fake: FakePinterest, context: PublisherContext, tmp_path: Path, vault: DictVault,
        saved: list[dict[str, Any]], clock: FakeClock) -> None:
    old_refresh = vault.get(REFRESH_TOKEN)
    fake.tokens.clear()  # the access token was revoked
    clock.advance(timedelta(days=10))
    PinterestPublisher().publish(request(context, media=(image(tmp_path / "a.jpg"),)), context)
    assert len(fake.pins) == 1
    assert vault.get(REFRESH_TOKEN) != old_refresh  # the renewed refresh token is kept
    session = json.loads(vault.get("session") or "")
    assert session["token"] in fake.tokens
    [settings] = saved
    assert settings[TOKEN_EXPIRES_AT] == (clock.now() + timedelta(days=60)).isoformat()
    [call] = fake.calls("POST", "/v5/oauth/token")
    assert b"continuous_refresh=true" in call["body"]
    assert call["headers"]["authorization"].startswith("Basic ")
    # The next post uses the renewed token without asking again.
    PinterestPublisher().publish(request(context, media=(image(tmp_path / "a.jpg"),)), context)
    assert len(fake.calls("POST", "/v5/oauth/token")) == 1


def test_an_expired_access_token_is_renewed_before_sending(
        fake: FakePinterest, context: PublisherContext, tmp_path: Path,
        clock: FakeClock) -> None:
    context.account = replace(context.account, settings={
        **context.account.settings, "access_expires_at": clock.now().isoformat()})
    clock.advance(timedelta(days=31))
    PinterestPublisher().publish(request(context, media=(image(tmp_path / "a.jpg"),)), context)
    assert len(fake.calls("POST", "/v5/oauth/token")) == 1
    assert len(fake.pin_requests()) == 1  # no refused attempt first


def test_a_dead_refresh_token_asks_to_reconnect(
        fake: FakePinterest, context: PublisherContext, tmp_path: Path,
        clock: FakeClock) -> None:
    fake.tokens.clear()
    clock.advance(timedelta(days=61))  # the refresh token ran out
    with pytest.raises(AuthError, match="reconnect"):
        PinterestPublisher().publish(request(context, media=(image(tmp_path / "a.jpg"),)),
                                     context)
    assert fake.pins == []


def test_an_app_from_before_september_2025_gets_a_continuous_refresh_token(
        fake: FakePinterest, context: PublisherContext, vault: DictVault, tmp_path: Path,
        saved: list[dict[str, Any]], clock: FakeClock) -> None:
    fake.legacy_app = True
    legacy = fake.issue_refresh(continuous=False)
    # Without continuous_refresh=true such an app keeps its legacy (365-day) token ...
    response = requests.post(f"{context.api_url}/oauth/token", timeout=10,
                             auth=(fake.client_id, fake.client_secret),
                             data={"grant_type": "refresh_token", "refresh_token": legacy})
    assert response.json()["refresh_token"] == legacy
    # ... the publisher asks for the continuous one, renewed for 60 days at each refresh.
    vault.set(REFRESH_TOKEN, legacy)
    fake.tokens.clear()
    clock.advance(timedelta(days=100))
    PinterestPublisher().publish(request(context, media=(image(tmp_path / "a.jpg"),)), context)
    renewed = vault.get(REFRESH_TOKEN)
    assert renewed != legacy and fake.refresh_tokens[str(renewed)].continuous
    assert saved[-1][TOKEN_EXPIRES_AT] == (clock.now() + timedelta(days=60)).isoformat()


# ---------------------------------------------------------------- connecting ---

def test_oauth_flow_end_to_end_lists_every_board_and_stores_no_secret_in_settings(
        fake: FakePinterest, api: str, tmp_path: Path, clock: FakeClock,
        saved: list[dict[str, Any]]) -> None:
    def browser(url: str) -> None:  # the volunteer's browser: follows the consent redirect
        assert url.startswith(api.removesuffix("/v5") + "/oauth/?")
        threading.Thread(target=requests.get, args=(url,), kwargs={"timeout": 10},
                         daemon=True).start()

    http = HttpClient(clock=clock.now, platform="pinterest")
    try:
        credentials = PinterestPublisher().browser_login(
            api_url=api, http=http, open_url=browser, timeout=20,
            client=ClientApp(fake.client_id, fake.client_secret))
    finally:
        http.close()
    assert credentials.secret in fake.tokens
    assert credentials.handle == "@assoquartier"
    assert credentials.choose == "board_id"
    assert len(credentials.choices) == 30  # two pages of boards (bookmark)
    assert credentials.choices[0].value == fake.boards[0]["id"]
    assert credentials.choices[0].label == "Astuces énergie"
    [authorize] = fake.calls("GET", "/oauth/")
    assert authorize["query"]["scope"] == [",".join(SCOPES)]
    assert credentials.vault[CLIENT_SECRET] == fake.client_secret
    assert credentials.vault[REFRESH_TOKEN] in fake.refresh_tokens
    settings = json.dumps(credentials.settings)
    for secret in (credentials.secret, fake.client_secret, credentials.vault[REFRESH_TOKEN]):
        assert secret not in settings
    assert credentials.settings[TOKEN_EXPIRES_AT] == (clock.now()
                                                      + timedelta(days=60)).isoformat()

    # The chosen board, then a publish after the access token ran out: refreshed.
    vault = DictVault()
    for key, value in credentials.vault.items():
        vault.set(key, value)
    ctx = make_context(platform="pinterest", api_url=api, secret=credentials.secret,
                       settings={**credentials.settings, "board_id": credentials.choices[1].value},
                       tmp_path=tmp_path, vault=vault, clock=clock.now, saved=saved)
    try:
        clock.advance(timedelta(days=40))
        photo = image(tmp_path / "a.jpg")
        PinterestPublisher().publish(request(ctx, media=(photo,)), ctx)
    finally:
        ctx.http.close()
    assert fake.pins[0]["board_id"] == credentials.choices[1].value
    assert saved[-1][TOKEN_EXPIRES_AT] == (clock.now() + timedelta(days=60)).isoformat()


def test_a_wrong_app_secret_is_a_clear_refusal(fake: FakePinterest, api: str,
                                               clock: FakeClock) -> None:
    def browser(url: str) -> None:
        threading.Thread(target=requests.get, args=(url,), kwargs={"timeout": 10},
                         daemon=True).start()

    http = HttpClient(clock=clock.now, platform="pinterest")
    try:
        with pytest.raises(AuthError, match="Pinterest refused the connection"):
            PinterestPublisher().browser_login(api_url=api, http=http, open_url=browser,
                                               timeout=20,
                                               client=ClientApp(fake.client_id, "wrong"))
    finally:
        http.close()


# ---------------------------------------------------------------- account, metrics ---

def test_check_account_names_the_account_and_the_board(
        fake: FakePinterest, context: PublisherContext) -> None:
    check = PinterestPublisher().check_account(context)
    assert check.handle == "@assoquartier"
    assert check.settings["board_name"] == "Astuces énergie"
    assert check.warnings == ()


def test_metrics_are_read_from_pin_analytics(fake: FakePinterest, context: PublisherContext,
                                             tmp_path: Path, clock: FakeClock) -> None:
    publisher = PinterestPublisher()
    receipt = publisher.publish(request(context, media=(image(tmp_path / "a.jpg"),)), context)
    fake.analytics[receipt.remote_id] = {"IMPRESSION": 240, "SAVE": 20, "PIN_CLICK": 37,
                                         "OUTBOUND_CLICK": 12, "TOTAL_COMMENTS": 3,
                                         "TOTAL_REACTIONS": 9}
    clock.advance(timedelta(days=3))
    assert publisher.metrics(receipt, context) == {
        "views": 240.0, "saves": 20.0, "pin_clicks": 37.0, "clicks": 12.0,
        "comments": 3.0, "reactions": 9.0}
    [call] = fake.calls("GET", f"/v5/pins/{receipt.remote_id}/analytics")
    assert call["query"]["start_date"] == ["2026-11-27"]
    assert call["query"]["end_date"] == ["2026-11-30"]


def test_metrics_of_a_deleted_pin_are_unavailable(context: PublisherContext) -> None:
    assert PinterestPublisher().metrics(Receipt(remote_id="42"), context) is None


def test_registered_as_a_plugin_needing_a_client_app() -> None:
    from essplanner.publishers.registry import Registry

    publisher = Registry().get("pinterest")
    assert isinstance(publisher, PinterestPublisher)
    assert publisher.needs_client_app is True
    assert publisher.rules(AccountInfo(1, "pinterest", "p")).text_limit == 800
