"""The X publisher against the fake X API (loopback, real ``requests``): posts, images with
alt text, threads, X's weighted count, errors, look-up, metrics, and the OAuth flow."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from essplanner.publishers.base import (
    TOKEN_EXPIRES_AT,
    AccountInfo,
    ClientApp,
    MediaFile,
    PublisherContext,
    PublishRequest,
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
from essplanner.publishers.oauth import SESSION
from essplanner.publishers.x import XPublisher
from essplanner.publishers.x.api import REFRESH
from essplanner.timeutil import FakeClock
from publishers.conftest import DictVault, make_context
from publishers.fake_x import FakeX
from tests.publishers.meta.conftest import jpeg

BODY = "Vide-grenier solidaire dimanche, place de la Mairie 🧺 #quartier"


@dataclass
class Env:
    fake: FakeX
    clock: FakeClock
    tmp_path: Path
    client_id: str
    access: str
    vault: DictVault
    sleeps: list[float]
    saved: list[dict[str, Any]]
    settings: dict[str, Any]

    def context(self, *, first_attempt_at: datetime | None = None, **settings: Any
                ) -> PublisherContext:
        def sleep(seconds: float) -> None:
            self.sleeps.append(seconds)
            self.clock.advance(timedelta(seconds=seconds))

        ctx = make_context(platform="x", api_url=self.fake.url, secret=self.access,
                           handle="@amisduquartier",
                           settings={**self.settings, **settings}, tmp_path=self.tmp_path,
                           vault=self.vault, clock=self.clock.now, sleep=sleep,
                           saved=self.saved)
        ctx.first_attempt_at = first_attempt_at
        return ctx

    def request(self, text: str = BODY, *, media: tuple[MediaFile, ...] = (),
                **settings: Any) -> PublishRequest:
        account = AccountInfo(id=1, platform="x", name="X asso", handle="@amisduquartier",
                              api_url=self.fake.url, settings={**self.settings, **settings})
        return PublishRequest(target_id=1, post_id=1, account=account, text=text,
                              idempotency_key="k1", media=media)


@pytest.fixture
def env(clock: FakeClock, tmp_path: Path) -> Iterator[Env]:
    fake = FakeX(now=clock.now).start()
    client_id = fake.add_client()
    access, refresh = fake.issue(client_id)
    vault = DictVault()
    vault.set(REFRESH, refresh)
    settings = {"client_id": client_id, "user_id": fake.user["id"],
                "username": fake.user["username"],
                "access_expires_at": (clock.now() + timedelta(hours=2)).isoformat()}
    yield Env(fake, clock, tmp_path, client_id, access, vault, [], [], settings)
    fake.stop()


def sent(ctx: PublisherContext) -> list[tuple[str, str]]:
    return ctx.http.session.sent  # type: ignore[attr-defined, no-any-return]


# ---------------------------------------------------------------- publishing ---

def test_a_text_post_is_created_and_its_address_given(env: Env) -> None:
    receipt = XPublisher().publish(env.request(), env.context())
    [tweet] = env.fake.posts()
    assert tweet["text"] == BODY and receipt.remote_id == tweet["id"]
    assert receipt.remote_url == f"https://x.com/amisduquartier/status/{tweet['id']}"


def test_images_go_up_in_chunks_are_processed_and_carry_their_alt_text(env: Env) -> None:
    big = jpeg(env.tmp_path / "affiche.jpg", size=(900, 700), noise=True)
    small = replace(jpeg(env.tmp_path / "stand.jpg"), alt_text="Le stand de livres")
    assert big.size > 1024 * 1024  # more than one APPEND segment
    receipt = XPublisher().publish(env.request(media=(big, small)), env.context())

    [tweet] = env.fake.posts()
    assert tweet["id"] == receipt.remote_id
    first, second = (env.fake.media[i] for i in tweet["media_ids"])
    assert len(first.segments) == 2 and first.category == "tweet_image"
    assert b"".join(first.segments[i] for i in sorted(first.segments)) == big.path.read_bytes()
    # alt text read back from the fake, per image
    assert env.fake.alt_texts == {first.id: "Photo affiche", second.id: "Le stand de livres"}
    # asynchronous processing: STATUS read until succeeded, waiting as X said
    assert first.status_reads == 2 and env.sleeps == [1.0, 1.0, 1.0, 1.0]


@pytest.mark.parametrize(("text", "media_kinds", "code"), [
    ("a" * 281, (), "text_too_long"),
    ("🧺" * 141, (), "text_too_long"),  # emoji weigh 2: 282
    ("日本語" * 47, (), "text_too_long"),  # CJK weighs 2: 282
    ("https://example.org/" + "a" * 300 + " " + "b" * 257, (), "text_too_long"),  # 23+1+257
    ("Bonjour", ("jpeg",) * 5, "too_many_images"),
    ("Bonjour", ("long-alt",), "alt_text_too_long"),
    ("Bonjour", ("gif", "jpeg"), "gif_not_alone"),
])
def test_each_limit_is_refused_before_any_request(env: Env, text: str,
                                                  media_kinds: tuple[str, ...],
                                                  code: str) -> None:
    media = []
    for index, kind in enumerate(media_kinds):
        item = jpeg(env.tmp_path / f"i{index}.{'gif' if kind == 'gif' else 'jpg'}",
                    fmt="GIF" if kind == "gif" else "JPEG")
        if kind == "long-alt":
            item = replace(item, alt_text="a" * 1001)
        media.append(item)
    ctx = env.context()
    with pytest.raises(ContentRejected) as caught:
        XPublisher().publish(env.request(text, media=tuple(media)), ctx)
    assert code in [p.code for p in caught.value.problems]
    assert sent(ctx) == [] and env.fake.calls == []


def test_x_counts_weighted_characters_and_links_as_23() -> None:
    rules = XPublisher().rules()
    assert rules.text_limit == 280
    assert rules.count("é" * 280) == 280
    assert rules.count("日本") == 4
    assert rules.count("👨‍👩‍👧") == 2
    assert rules.count("Voir https://example.org/un/tres/long/chemin?utm_source=x") == 5 + 23
    # quotes and dash weigh 1 (U+2010–U+201F), the ellipsis U+2026 weighs 2
    assert rules.count("“guillemets” — tiret…") == 22
    exact = PublishRequest(1, 1, AccountInfo(1, "x", "X"), "a" * 256 + " https://e.org/x", "k")
    assert XPublisher().validate(exact) == []


def test_a_premium_account_takes_long_posts(env: Env) -> None:
    publisher = XPublisher()
    long = env.request("a" * 1000, premium="yes")
    assert publisher.rules(long.account).text_limit == 25_000
    assert publisher.validate(long) == []
    assert [p.code for p in publisher.validate(env.request("a" * 1000))] == ["text_too_long"]


def test_a_long_text_marked_as_a_thread_goes_out_as_replies(env: Env) -> None:
    words = " ".join(f"mot{i:03d}" for i in range(120))  # 839 characters
    photo = jpeg(env.tmp_path / "stand.jpg")
    request = env.request(words, media=(photo,), thread="oui")
    publisher = XPublisher()
    assert publisher.validate(request) == []
    parts = publisher.parts(request)
    assert len(parts) == 3 and " ".join(parts) == words
    assert all(publisher.rules().count(p) <= 280 for p in parts)
    # the editor's counter does not call a thread too long: only each of its posts has a limit
    assert publisher.rules(request.account).text_limit is None
    assert publisher.rules(env.request(words).account).text_limit == 280

    receipt = publisher.publish(request, env.context())
    tweets = env.fake.posts()
    assert [t["text"] for t in tweets] == parts
    assert tweets[0]["media_ids"] and not tweets[1]["media_ids"]
    assert [t["reply_to"] for t in tweets] == ["", tweets[0]["id"], tweets[1]["id"]]
    assert receipt.remote_id == tweets[0]["id"]
    assert receipt.extra["thread"] == [t["id"] for t in tweets]


def test_a_long_text_not_marked_as_a_thread_is_refused(env: Env) -> None:
    ctx = env.context()
    with pytest.raises(ContentRejected, match="280"):
        XPublisher().publish(env.request("mot " * 100, thread="no"), ctx)
    assert env.fake.calls == []


# ---------------------------------------------------------------- errors ---

def test_credits_depleted_blocks_the_account_without_retry(env: Env) -> None:
    env.fake.credits = 0
    with pytest.raises(AccountBlocked) as caught:
        XPublisher().publish(env.request(), env.context())
    assert caught.value.reason == "credits" and caught.value.http_status == 402
    assert "credits" in caught.value.message and not isinstance(caught.value, RetryableError)
    assert env.fake.posts() == []


def test_duplicate_content_is_permanent(env: Env) -> None:
    XPublisher().publish(env.request(), env.context())
    with pytest.raises(PermanentError, match="same text") as caught:
        XPublisher().publish(env.request(), env.context())
    assert type(caught.value) is PermanentError and caught.value.http_status == 403
    assert len(env.fake.posts()) == 1


def test_a_429_waits_until_the_rate_limit_reset(env: Env) -> None:
    reset = env.clock.now().replace(microsecond=0) + timedelta(minutes=11)
    env.fake.limit_window = (0, reset)
    with pytest.raises(RetryableError) as caught:
        XPublisher().publish(env.request(), env.context())
    assert caught.value.retry_after == pytest.approx((reset - env.clock.now()).total_seconds())
    assert reset.strftime("%H:%M") in caught.value.message


def test_a_429_of_the_daily_allowance_waits_for_the_24_hour_reset(env: Env) -> None:
    reset = env.clock.now().replace(microsecond=0) + timedelta(hours=7)
    env.fake.limit_24h = reset
    with pytest.raises(RetryableError, match="24 hours") as caught:
        XPublisher().publish(env.request(), env.context())
    assert caught.value.retry_after == pytest.approx((reset - env.clock.now()).total_seconds())


def test_an_expired_token_is_refreshed_and_the_rotated_refresh_token_kept(env: Env) -> None:
    old_refresh = env.vault.get(REFRESH)
    env.clock.advance(timedelta(hours=3))  # the 2-hour access token has ended
    XPublisher().publish(env.request(), env.context())
    assert env.fake.used_refresh == [old_refresh]
    new_refresh = env.vault.get(REFRESH)
    assert new_refresh and new_refresh != old_refresh and new_refresh in env.fake.refresh
    assert env.vault.get(SESSION)
    assert len(env.fake.posts()) == 1

    # Within the new token's life nothing is refreshed; after it, the rotated one is used.
    XPublisher().publish(env.request("Deuxième"), env.context())
    assert env.fake.used_refresh == [old_refresh]
    env.clock.advance(timedelta(hours=3))
    XPublisher().publish(env.request("Troisième"), env.context())
    assert env.fake.used_refresh == [old_refresh, new_refresh]


def test_a_401_refreshes_once_then_asks_for_a_reconnection(env: Env) -> None:
    env.fake.access.clear()  # revoked on X's side, though not yet expired here
    XPublisher().publish(env.request(), env.context())  # refreshed after the 401
    assert len(env.fake.posts()) == 1
    env.fake.access.clear()
    env.fake.refresh.clear()  # the person revoked the app
    with pytest.raises(AuthError, match="reconnect"):
        XPublisher().publish(env.request("Autre"), env.context())


# ---------------------------------------------------------------- look-up ---

def test_a_lost_answer_is_found_by_the_look_up_and_never_sent_again(env: Env) -> None:
    text = "Soirée jeux & crêpes <vendredi> : https://asso.example/agenda?utm_source=x"
    photo = jpeg(env.tmp_path / "stand.jpg")
    request = env.request(text, media=(photo,))
    env.fake.after_create = ["drop"]
    started = env.clock.now()
    with pytest.raises(AmbiguousError):
        XPublisher().publish(request, env.context())
    [tweet] = env.fake.posts()
    assert tweet["shown"] != text  # X shows t.co links, entities and a media link

    receipt = XPublisher().lookup(request, env.context(first_attempt_at=started))
    assert receipt is not None and receipt.remote_id == tweet["id"]
    assert len(env.fake.posts()) == 1 and env.fake.count("POST", "/2/tweets") == 1


def test_the_look_up_says_surely_absent_or_what_it_checked(env: Env) -> None:
    XPublisher().publish(env.request("Un autre message"), env.context())
    started = env.clock.now()
    assert XPublisher().lookup(env.request(), env.context(first_attempt_at=started)) is None
    with pytest.raises(AmbiguousError, match=r"checked the 1 latest post .*unknown"):
        XPublisher().lookup(env.request(), env.context())
    assert env.fake.count("POST", "/2/tweets") == 1


def test_the_look_up_ignores_an_older_post_with_the_same_words(env: Env) -> None:
    XPublisher().publish(env.request(), env.context())
    env.fake.tweets.clear()
    old = XPublisher().publish(env.request(), env.context())
    env.clock.advance(timedelta(days=2))
    assert XPublisher().lookup(env.request(), env.context(
        first_attempt_at=env.clock.now())) is None
    assert old.remote_id in env.fake.tweets


def test_a_thread_cut_short_is_completed_by_the_look_up(env: Env) -> None:
    words = " ".join(f"mot{i:03d}" for i in range(120))
    request = env.request(words, thread=True)
    env.fake.after_create = [None, "drop"]
    started = env.clock.now()
    with pytest.raises(AmbiguousError, match="after post 1 of 3"):
        XPublisher().publish(request, env.context())
    assert len(env.fake.posts()) == 2

    receipt = XPublisher().lookup(request, env.context(first_attempt_at=started))
    tweets = env.fake.posts()
    assert len(tweets) == 3 and [t["reply_to"] for t in tweets[1:]] == [tweets[0]["id"],
                                                                       tweets[1]["id"]]
    assert receipt is not None and receipt.remote_id == tweets[0]["id"]
    # once complete, a look-up finds it all and sends nothing
    again = XPublisher().lookup(request, env.context(first_attempt_at=started))
    assert again is not None and len(env.fake.posts()) == 3


# ---------------------------------------------------------------- metrics, account ---

def test_metrics_are_x_public_metrics_under_the_common_names(env: Env) -> None:
    receipt = XPublisher().publish(env.request(), env.context())
    env.fake.tweets[receipt.remote_id]["metrics"].update(
        impression_count=120, like_count=7, retweet_count=3, reply_count=2, quote_count=1,
        bookmark_count=4)
    assert XPublisher().metrics(receipt, env.context()) == {
        "views": 120.0, "likes": 7.0, "reposts": 3.0, "replies": 2.0, "quotes": 1.0,
        "saves": 4.0}
    del env.fake.tweets[receipt.remote_id]
    assert XPublisher().metrics(receipt, env.context()) is None


def test_check_account_tells_who_we_are(env: Env) -> None:
    check = XPublisher().check_account(env.context())
    assert check.handle == "@amisduquartier" and check.warnings == ()
    assert check.settings == {"user_id": env.fake.user["id"], "username": "amisduquartier"}


# ---------------------------------------------------------------- OAuth ---

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _browser(opened: list[str]) -> Any:
    def open_url(url: str) -> None:  # the person's browser: follows the consent redirect
        opened.append(url)
        threading.Thread(target=requests.get, args=(url,), kwargs={"timeout": 10},
                         daemon=True).start()
    return open_url


def test_oauth_pkce_login_then_refresh_rotation_end_to_end(env: Env) -> None:
    port = _free_port()
    env.fake.callback = f"http://127.0.0.1:{port}/callback"
    opened: list[str] = []
    http = HttpClient(clock=env.clock.now)
    publisher = XPublisher(redirect_port=port)
    credentials = publisher.browser_login(api_url=env.fake.url, http=http,
                                          open_url=_browser(opened), timeout=20,
                                          client=ClientApp(env.client_id))
    http.close()
    assert "code_challenge_method=S256" in opened[0]
    assert "scope=tweet.read+tweet.write+users.read+media.write+offline.access" in opened[0]
    assert credentials.secret in env.fake.access
    assert credentials.handle == "@amisduquartier"
    assert set(credentials.vault) == {REFRESH}  # a public client: no secret to keep
    assert credentials.vault[REFRESH] in env.fake.refresh
    assert TOKEN_EXPIRES_AT not in credentials.settings  # the refresh token keeps it alive
    assert credentials.settings["client_id"] == env.client_id
    assert not any(v in str(credentials.settings) for v in
                   (credentials.secret, credentials.vault[REFRESH]))

    # Publishing hours later: the access token is renewed, the refresh token rotated.
    env.access = credentials.secret
    env.settings = dict(credentials.settings)
    env.vault.values = dict(credentials.vault)
    env.clock.advance(timedelta(hours=5))
    publisher.publish(env.request(), env.context())
    assert env.fake.used_refresh == [credentials.vault[REFRESH]]
    assert env.vault.get(REFRESH) in env.fake.refresh


def test_oauth_without_offline_access_says_when_the_login_ends(env: Env) -> None:
    port = _free_port()
    env.fake.callback = f"http://127.0.0.1:{port}/callback"
    env.fake.grant_offline = False
    http = HttpClient(clock=env.clock.now)
    credentials = XPublisher(redirect_port=port).browser_login(
        api_url=env.fake.url, http=http, open_url=_browser([]), timeout=20,
        client=ClientApp(env.client_id))
    http.close()
    assert credentials.vault == {}
    assert datetime.fromisoformat(credentials.settings[TOKEN_EXPIRES_AT]) == \
        env.clock.now() + timedelta(hours=2)


def test_oauth_with_an_unknown_client_id_stops_at_x(env: Env) -> None:
    port = _free_port()
    env.fake.callback = f"http://127.0.0.1:{port}/callback"
    http = HttpClient(clock=env.clock.now)
    with pytest.raises(Exception, match="No answer from the browser"):
        XPublisher(redirect_port=port).browser_login(
            api_url=env.fake.url, http=http, open_url=_browser([]), timeout=1,
            client=ClientApp("not-registered"))
    http.close()


def test_the_official_api_sends_the_person_to_x_com() -> None:
    from essplanner.publishers.x.api import authorize_url

    assert authorize_url("https://api.x.com") == "https://x.com/i/oauth2/authorize"
    assert XPublisher.default_api_url == "https://api.x.com"
    assert XPublisher.needs_client_app is True



def test_a_renewal_made_meanwhile_by_another_sender_is_used(env: Env) -> None:
    """Two senders renew at once: X voids the refresh token the slower one sends; it then
    takes the token the first one stored instead of asking for a reconnection."""
    from essplanner.publishers.x.api import XApi

    env.clock.advance(timedelta(hours=3))
    other = env.context()
    shared = env.vault

    class RacingVault(DictVault):
        """Reads the refresh token, then the other sender renews before X hears us."""

        raced = False

        def get(self, key: str) -> str | None:
            value = shared.get(key)
            if key == REFRESH and not self.raced:
                self.raced = True
                XApi(other).refresh()  # the other sender: R1 → R2, R1 void
            return value

        def set(self, key: str, value: str) -> None:
            shared.set(key, value)

    slow = env.context()
    slow.vault = RacingVault()
    api = XApi(slow)
    api.refresh()  # sends R1, refused: takes the token the other one stored
    assert api.token in env.fake.access
    assert len(env.fake.used_refresh) == 1
