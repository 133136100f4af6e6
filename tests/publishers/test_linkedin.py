"""LinkedIn Page posts through the real requests stack against the loopback fake."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from essplanner.publishers.base import TOKEN_EXPIRES_AT, ClientApp, MediaFile, PublishRequest
from essplanner.publishers.errors import (
    AccountBlocked,
    AmbiguousError,
    AuthError,
    ContentRejected,
    PermanentError,
    RetryableError,
)
from essplanner.publishers.http import HttpClient
from essplanner.publishers.linkedin import (
    ACCESS_EXPIRES_AT,
    LINKEDIN_VERSION,
    LinkedInPublisher,
    little_text,
)
from essplanner.timeutil import FakeClock
from publishers.conftest import DictVault, make_context
from publishers.fake_linkedin import FakeLinkedIn
from tests.publishers.meta.conftest import jpeg

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
PAGE = "urn:li:organization:2414183"


def test_the_api_version_is_less_than_eleven_months_old() -> None:
    """LinkedIn turns a version off about a year after it came out (426): bump
    LINKEDIN_VERSION to a current one (learn.microsoft.com/linkedin/marketing/versioning)
    before this fails in the field."""
    if os.environ.get("ESSPLANNER_TEST_SHIFT"):
        pytest.skip("make test's moved wall clock (ESSPLANNER_TEST_NOW) is not today: the "
                    "API version's age is only checked against the real date")
    released = date(int(LINKEDIN_VERSION[:4]), int(LINKEDIN_VERSION[4:6]), 1)
    today = datetime.now(UTC).date()
    months = (today.year - released.year) * 12 + today.month - released.month
    assert months <= 11, (f"LinkedIn-Version {LINKEDIN_VERSION} is {months} months old: "
                          "LinkedIn will answer 426 NONEXISTENT_VERSION soon")


class Env:
    def __init__(self, fake: FakeLinkedIn, clock: FakeClock, tmp_path: Path) -> None:
        self.fake, self.clock, self.tmp_path = fake, clock, tmp_path
        self.token = fake.add_token()
        self.vault = DictVault()
        self.saved: list[dict[str, Any]] = []
        self.sleeps: list[float] = []
        self.settings: dict[str, Any] = {"organization": PAGE}

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.clock.advance(timedelta(seconds=seconds))

    def context(self, *, first_attempt_at: datetime | None = None, secret: str | None = None
                ) -> Any:
        ctx = make_context(platform="linkedin", api_url=self.fake.url,
                           secret=secret or self.token, settings=self.settings,
                           tmp_path=self.tmp_path, vault=self.vault, clock=self.clock.now,
                           sleep=self.sleep, saved=self.saved)
        ctx.first_attempt_at = first_attempt_at
        return ctx

    def request(self, text: str, *, media: tuple[MediaFile, ...] = (), link: str = "",
                options: dict[str, Any] | None = None) -> PublishRequest:
        ctx = self.context()
        return PublishRequest(target_id=1, post_id=1, account=ctx.account, text=text,
                              idempotency_key="k1", link=link, media=media,
                              options=options or {})


@pytest.fixture
def env(tmp_path: Path) -> Iterator[Env]:
    clock = FakeClock(NOW)
    fake = FakeLinkedIn(clock.now)
    yield Env(fake, clock, tmp_path)
    fake.stop()


publisher = LinkedInPublisher()


def test_little_text_escapes_reserved_characters_but_keeps_hashtags_and_links() -> None:
    text = "Atelier (gratuit) : vélo_cargo @mairie <3 *5 € ~ [RSVP] {ok} | a\\b #Quartier " \
           "https://ex.org/a_b"
    assert little_text(text) == ("Atelier \\(gratuit\\) : vélo\\_cargo \\@mairie \\<3 \\*5 € "
                                 "\\~ \\[RSVP\\] \\{ok\\} \\| a\\\\b #Quartier "
                                 "https://ex.org/a_b")
    assert little_text("note#1 and # alone") == "note\\#1 and \\# alone"


def test_a_text_post_keeps_all_its_text_and_reads_the_id_from_the_header(env: Env) -> None:
    text = "Assemblée générale (jeudi) : venez nombreux ! #ESS"
    receipt = publisher.publish(env.request(text), env.context())
    [post] = env.fake.posts
    assert receipt.remote_id == post.urn and post.urn.startswith("urn:li:share:")
    assert receipt.remote_url == f"https://www.linkedin.com/feed/update/{post.urn}/"
    assert post.author == PAGE
    # unescaped, LinkedIn would have kept "Assemblée générale " only
    assert post.commentary == post.sent_commentary == little_text(text)
    headers = env.fake.calls("POST", r"^/rest/posts$")[0]
    assert headers["LinkedIn-Version"] == LINKEDIN_VERSION
    assert headers["X-Restli-Protocol-Version"] == "2.0.0"


def test_one_image_with_alt_text_waits_for_processing(env: Env, tmp_path: Path) -> None:
    photo = jpeg(tmp_path / "stand.jpg")
    photo = MediaFile(photo.path, photo.mime_type, alt_text="Le stand de livres",
                      size=photo.size, width=photo.width, height=photo.height)
    publisher.publish(env.request("Photo du stand", media=(photo,)), env.context())
    [post] = env.fake.posts
    assert post.content is not None
    image = post.content["media"]
    assert image["altText"] == "Le stand de livres"
    assert env.fake.images[image["id"]]["data"] == photo.path.read_bytes()
    assert env.fake.images[image["id"]]["owner"] == PAGE
    assert len(env.sleeps) == 2  # PROCESSING twice, then AVAILABLE


def test_several_images_make_a_multi_image_post_each_with_its_alt_text(env: Env,
                                                                       tmp_path: Path) -> None:
    env.fake.processing_reads = 0
    photos = tuple(MediaFile(p.path, p.mime_type, alt_text=f"Atelier {i}", size=p.size,
                             width=p.width, height=p.height)
                   for i, p in enumerate(jpeg(tmp_path / f"a{i}.jpg", color=(30 * i, 9, 9))
                                         for i in range(3)))
    publisher.publish(env.request("Trois ateliers", media=photos), env.context())
    [post] = env.fake.posts
    assert post.content is not None
    images = post.content["multiImage"]["images"]
    assert [i["altText"] for i in images] == ["Atelier 0", "Atelier 1", "Atelier 2"]
    assert [env.fake.images[i["id"]]["data"] for i in images] == \
        [p.path.read_bytes() for p in photos]


def test_a_link_becomes_an_article_with_its_title_and_description(env: Env) -> None:
    link = "https://asso.example/ag-2026"
    publisher.publish(env.request(f"Notre AG {link}", link=link, options={
        "link_title": "AG 2026", "link_description": "Ordre du jour et pouvoirs"}),
        env.context())
    [post] = env.fake.posts
    assert post.content == {"article": {"source": link, "title": "AG 2026",
                                        "description": "Ordre du jour et pouvoirs"}}
    publisher.publish(env.request("Sans titre", link=link), env.context())
    assert env.fake.posts[1].content == {"article": {"source": link,
                                                     "title": "asso.example"}}


@pytest.mark.parametrize("case", ["text", "images", "pixels", "type", "alt"])
def test_each_limit_is_refused_before_any_request(env: Env, tmp_path: Path, case: str) -> None:
    photo = jpeg(tmp_path / "p.jpg")
    text, media = "Bonjour", (photo,)
    if case == "text":
        text, media = "é" * 3001, ()
    elif case == "images":
        media = (photo,) * 21
    elif case == "pixels":
        media = (MediaFile(photo.path, "image/jpeg", alt_text="x", size=photo.size,
                           width=8000, height=5000),)
    elif case == "type":
        media = (MediaFile(photo.path, "image/webp", alt_text="x", size=photo.size,
                           width=10, height=10),)
    else:
        media = (MediaFile(photo.path, "image/jpeg", alt_text="a" * 4087, size=photo.size,
                           width=10, height=10),)
    ctx = env.context()
    with pytest.raises(ContentRejected):
        publisher.publish(env.request(text, media=media), ctx)
    assert ctx.http.session.sent == []
    assert publisher.validate(env.request("é" * 3000)) == []


def test_426_nonexistent_version_blocks_the_account_asking_for_an_update(env: Env) -> None:
    env.fake.versions.discard(LINKEDIN_VERSION)
    with pytest.raises(AccountBlocked) as caught:
        publisher.publish(env.request("Bonjour"), env.context())
    assert caught.value.reason == "update" and caught.value.http_status == 426
    assert "this version of ESS Planner needs an update" in caught.value.message
    assert env.fake.posts == []


def test_429_waits_until_linkedins_daily_reset(env: Env) -> None:
    env.fake.daily_limit = 0
    with pytest.raises(RetryableError) as caught:
        publisher.publish(env.request("Bonjour"), env.context())
    assert caught.value.retry_after == 15 * 3600  # 09:00 UTC → midnight UTC
    assert "APPLICATION DAY limit" in caught.value.message


def test_401_is_an_auth_error(env: Env) -> None:
    with pytest.raises(AuthError, match="Invalid access token"):
        publisher.publish(env.request("Bonjour"), env.context(secret="AQVrevoked"))


def test_a_refusal_is_permanent_with_linkedins_words(env: Env) -> None:
    env.settings["organization"] = "urn:li:organization:7770002"  # ANALYST: may not post
    with pytest.raises(PermanentError, match="Organization permissions must be used"):
        publisher.publish(env.request("Bonjour"), env.context())


def test_a_5xx_answer_to_the_create_is_ambiguous(env: Env) -> None:
    env.fake.fail("POST", r"^/rest/posts$", 504)
    with pytest.raises(AmbiguousError):
        publisher.publish(env.request("Bonjour"), env.context())


def test_a_lost_answer_is_found_by_lookup_and_an_absent_post_is_surely_absent(env: Env) -> None:
    first = env.clock.now()
    env.fake.drop_after("POST", r"^/rest/posts$")
    request = env.request("Fête de quartier (samedi) #voisins")
    with pytest.raises(AmbiguousError):
        publisher.publish(request, env.context())
    [post] = env.fake.posts
    found = publisher.lookup(request, env.context(first_attempt_at=first))
    assert found is not None and found.remote_id == post.urn
    assert publisher.lookup(env.request("Autre texte"),
                            env.context(first_attempt_at=first)) is None


def test_an_older_post_with_the_same_words_is_not_this_one(env: Env) -> None:
    request = env.request("Permanence du mardi")
    publisher.publish(request, env.context())
    env.clock.advance(timedelta(days=7))
    assert publisher.lookup(request, env.context(first_attempt_at=env.clock.now())) is None


def test_lookup_says_what_it_checked_when_it_cannot_tell(env: Env) -> None:
    first = env.clock.now()
    for n in range(50):
        publisher.publish(env.request(f"Post {n}"), env.context())
    with pytest.raises(AmbiguousError, match="Checked the 50 latest posts of the LinkedIn "
                                             "Page since 2026-11-27 09:00 UTC"):
        publisher.lookup(env.request("Introuvable"), env.context(first_attempt_at=first))
    env.fake.fail("GET", r"^/rest/posts\?", 403, {"status": 403, "code": "ACCESS_DENIED",
                                                  "message": "Not enough permissions"})
    with pytest.raises(AmbiguousError, match="did not let ESS Planner read the Page's posts"):
        publisher.lookup(env.request("Post 1"), env.context(first_attempt_at=first))


def test_metrics_are_the_share_statistics_under_the_common_names(env: Env) -> None:
    receipt = publisher.publish(env.request("Bilan annuel"), env.context())
    env.fake.posts[0].stats = {"impressionCount": 1200, "uniqueImpressionsCount": 800,
                               "clickCount": 45, "likeCount": 30, "commentCount": 4,
                               "shareCount": 6, "engagement": 0.0708}
    assert publisher.metrics(receipt, env.context()) == {
        "views": 1200.0, "reach": 800.0, "clicks": 45.0, "likes": 30.0, "replies": 4.0,
        "reposts": 6.0, "engagement_rate": 0.0708}


def test_check_account_names_the_page(env: Env) -> None:
    check = publisher.check_account(env.context())
    assert (check.handle, check.display_name) == (PAGE, "Les Amis du Quartier")
    env.settings["organization"] = "urn:li:organization:7770002"
    with pytest.raises(AuthError, match="may not post as the Page"):
        publisher.check_account(env.context())


# ---------------------------------------------------------------- connecting ---


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _browser(opened: list[str]):  # type: ignore[no-untyped-def]
    def open_url(url: str) -> None:  # the member's browser: approves, follows the redirect
        opened.append(url)
        threading.Thread(target=requests.get, args=(url,), kwargs={"timeout": 10},
                         daemon=True).start()
    return open_url


def login(env: Env) -> Any:
    port = _free_port()
    env.fake.redirect_uris.append(f"http://127.0.0.1:{port}/callback")
    opened: list[str] = []
    http = HttpClient(clock=env.clock.now)
    try:
        credentials = LinkedInPublisher(redirect_port=port).browser_login(
            api_url=env.fake.url, http=http, open_url=_browser(opened), timeout=20,
            client=ClientApp(env.fake.client_id, env.fake.client_secret))
    finally:
        http.close()
    assert "scope=w_organization_social+r_organization_social+rw_organization_admin" \
        in opened[0]
    return credentials


def test_the_browser_login_offers_the_pages_where_the_member_may_post(env: Env) -> None:
    credentials = login(env)
    assert credentials.secret in env.fake.tokens
    assert credentials.choose == "organization"
    assert [(c.value, c.label) for c in credentials.choices] == [
        ("urn:li:organization:2414183", "Les Amis du Quartier"),
        ("urn:li:organization:5550001", "Repair Café Nord")]  # not the ANALYST one
    assert credentials.vault == {"client_secret": env.fake.client_secret}
    assert credentials.settings["client_id"] == env.fake.client_id
    assert credentials.settings[TOKEN_EXPIRES_AT] == (NOW + timedelta(days=60)).isoformat()
    assert credentials.secret not in repr(credentials.settings)


def test_the_login_needs_the_client_secret_and_a_registered_redirect(env: Env) -> None:
    with pytest.raises(PermanentError, match="client secret"):
        LinkedInPublisher().browser_login(api_url=env.fake.url, http=HttpClient(),
                                          open_url=lambda _u: None,
                                          client=ClientApp(env.fake.client_id))
    port = _free_port()  # not registered in the app: LinkedIn shows an error page
    with pytest.raises(PermanentError, match="No answer from the browser"):
        LinkedInPublisher(redirect_port=port).browser_login(
            api_url=env.fake.url, http=HttpClient(), open_url=_browser([]), timeout=1,
            client=ClientApp(env.fake.client_id, env.fake.client_secret))


def test_a_partner_refresh_token_renews_the_login_and_keeps_the_expiry_current(
        env: Env) -> None:
    env.fake.partner = True
    credentials = login(env)
    assert set(credentials.vault) == {"client_secret", "refresh_token"}
    assert credentials.settings[TOKEN_EXPIRES_AT] == (NOW + timedelta(days=365)).isoformat()
    env.vault.values.update(credentials.vault)
    env.settings.update(credentials.settings, organization=PAGE)
    env.clock.advance(timedelta(days=55))  # within a week of the access token's end
    publisher.publish(env.request("Bonjour"), env.context(secret=credentials.secret))
    [saved] = env.saved
    assert saved[ACCESS_EXPIRES_AT] == (env.clock.now() + timedelta(days=60)).isoformat()
    assert saved[TOKEN_EXPIRES_AT] == (NOW + timedelta(days=365)).isoformat()
    renewed = env.fake.calls("POST", r"^/rest/posts$")[0]["Authorization"]
    assert renewed != f"Bearer {credentials.secret}"
    assert "session" in env.vault.values


def test_without_refresh_token_an_ended_login_asks_to_reconnect(env: Env) -> None:
    env.settings[TOKEN_EXPIRES_AT] = (NOW - timedelta(minutes=1)).isoformat()
    ctx = env.context()
    with pytest.raises(AuthError, match="ended on 2026-11-27: reconnect"):
        publisher.publish(env.request("Bonjour"), ctx)
    assert ctx.http.session.sent == []
