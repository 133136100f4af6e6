"""Mastodon through the real requests stack against a faithful loopback fake instance."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from essplanner.publishers.base import AccountInfo, MediaFile, PublishRequest
from essplanner.publishers.errors import (
    AmbiguousError,
    AuthError,
    ContentRejected,
    PermanentError,
    RetryableError,
)
from essplanner.publishers.http import HttpClient
from essplanner.publishers.mastodon import MastodonPublisher, instance_limits, plain_text
from essplanner.services.posts import new_idempotency_key
from essplanner.timeutil import FakeClock
from publishers.conftest import make_context
from publishers.fake_mastodon import FakeMastodon, MastodonHandler
from publishers.images import noise_png, small_png
from publishers.loopback import LoopbackServer

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


@pytest.fixture
def fake() -> Iterator[tuple[FakeMastodon, str]]:
    state = FakeMastodon()
    with LoopbackServer(MastodonHandler, state) as server:
        state.base_url = server.url
        yield state, server.url


class Env:
    def __init__(self, fake: FakeMastodon, url: str, tmp_path: Path, **kw: Any) -> None:
        self.fake, self.url = fake, url
        self.clock = FakeClock(NOW)
        fake.now = self.clock.now  # the statuses' created_at and the keys' hour
        self.sleeps: list[float] = []
        self.saved: list[dict[str, Any]] = []
        self.settings: dict[str, Any] = kw.pop("settings", {})
        self.tmp_path = tmp_path
        self.kw = kw

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.clock.advance(timedelta(seconds=seconds))

    def context(self, *, first_attempt_at: datetime | None = None, **kw: Any) -> Any:
        args = {**self.kw, **kw}
        ctx = make_context(platform="mastodon", api_url=self.url, secret=self.fake.token,
                           settings=self.settings, tmp_path=self.tmp_path,
                           clock=self.clock.now, sleep=self.sleep, saved=self.saved, **args)
        ctx.first_attempt_at = first_attempt_at
        return ctx

    def request(self, text: str, **kw: Any) -> PublishRequest:
        key = kw.pop("key", None) or new_idempotency_key()
        account = AccountInfo(id=1, platform="mastodon", name="m", api_url=self.url,
                              settings=self.settings)
        return PublishRequest(target_id=1, post_id=1, account=account, text=text,
                              idempotency_key=key, **kw)


@pytest.fixture
def env(fake: tuple[FakeMastodon, str], tmp_path: Path) -> Env:
    return Env(fake[0], fake[1], tmp_path)


def _image(path: Path, alt: str) -> MediaFile:
    return MediaFile(path=path, mime_type="image/png", alt_text=alt, size=path.stat().st_size)


def test_check_account_reports_the_handle_and_caches_the_instance_limits(env: Env) -> None:
    env.fake.max_characters = 1000
    check = MastodonPublisher().check_account(env.context())
    assert check.handle == "@asso@127.0.0.1"
    assert check.display_name == "Association Énergie Solidaire"
    assert check.settings["account_id"] == env.fake.account_id
    assert check.settings["instance"]["max_characters"] == 1000
    assert env.saved == [{"instance": check.settings["instance"]}]
    # With the limits stored, the counter knows them with no network at all.
    env.settings["instance"] = check.settings["instance"]
    rules = MastodonPublisher().rules(env.request("x").account)
    assert rules.text_limit == 1000 and rules.url_length == 23


def test_the_count_follows_mastodon_urls_23_mentions_local_part_and_the_warning(env: Env) -> None:
    publisher = MastodonPublisher()
    url = "https://example.org/" + "a" * 200
    text = "x" * 460 + f" {url} @marie@very-long-instance-name.example"  # 460+1+23+1+6 = 491
    assert publisher.rules(None).count(text) == 491
    assert publisher.validate(env.request(text)) == []
    problems = publisher.validate(env.request(text, options={"spoiler_text": "Énergie !!"}))
    assert [p.code for p in problems] == ["text_too_long"]
    assert "501" in problems[0].message


def test_a_status_carries_the_key_visibility_warning_and_language(env: Env) -> None:
    request = env.request("Assemblée générale samedi ! #ESS https://example.org/ag",
                          language="fr", options={"visibility": "unlisted",
                                                  "spoiler_text": "Vie associative"})
    receipt = MastodonPublisher().publish(request, env.context())
    status = env.fake.statuses[receipt.remote_id]
    assert receipt.remote_url == status["url"]
    assert status["visibility"] == "unlisted" and status["language"] == "fr"
    assert status["spoiler_text"] == "Vie associative" and status["sensitive"] is True
    sent = env.fake.status_requests()
    assert [r["headers"]["idempotency-key"] for r in sent] == [request.idempotency_key]
    assert sent[0]["headers"]["authorization"] == f"Bearer {env.fake.token}"
    assert plain_text(status["content"]) == request.text


def test_media_are_uploaded_with_alt_text_and_processing_is_polled(env: Env,
                                                                   tmp_path: Path) -> None:
    small = small_png(tmp_path / "small.png")
    big = noise_png(tmp_path / "big.png", 300, 300)  # over 100 kB: the fake answers 202
    request = env.request("Deux photos", media=(_image(small, "Un logo"),
                                                _image(big, "Une foule")))
    receipt = MastodonPublisher().publish(request, env.context())
    status = env.fake.statuses[receipt.remote_id]
    assert [m["description"] for m in status["media_attachments"]] == ["Un logo", "Une foule"]
    polls = [r for r in env.fake.requests if r["path"].startswith("/api/v1/media/")]
    assert len(polls) == env.fake.polls_before_ready + 1  # 206, 206, then 200
    assert env.sleeps == [1.0, 2.0, 3.0]  # waited between polls, on the injected clock
    assert all(m["url"] for m in status["media_attachments"])


def test_media_still_processing_after_the_bounded_wait_is_retryable_and_posts_nothing(
        env: Env, tmp_path: Path) -> None:
    env.fake.polls_before_ready = 10_000
    big = noise_png(tmp_path / "big.png", 300, 300)
    with pytest.raises(RetryableError, match="still processing"):
        MastodonPublisher().publish(env.request("x", media=(_image(big, "alt"),)),
                                    env.context())
    assert sum(env.sleeps) >= 120 and sum(env.sleeps) < 130
    assert env.fake.statuses == {}


def test_a_send_retried_after_a_timeout_carries_the_same_key_and_makes_one_status(
        env: Env) -> None:
    env.fake.hold_next_status = threading.Event()
    held = env.fake.hold_next_status
    publisher = MastodonPublisher()
    request = env.request("Collecte de jouets samedi")
    ctx = env.context(timeout=(5.0, 0.5))
    with pytest.raises(AmbiguousError):
        publisher.publish(request, ctx)
    held.set()
    assert len(env.fake.statuses) == 1  # it went out although we got no answer
    # A send again carries the same key; lookup finds the status without sending.
    again = publisher.publish(request, env.context())
    proven = publisher.lookup(request, env.context(first_attempt_at=NOW))
    assert proven is not None and proven.remote_id == again.remote_id
    assert list(env.fake.statuses) == [again.remote_id]
    keys = [r["headers"]["idempotency-key"] for r in env.fake.status_requests()]
    assert keys == [request.idempotency_key] * 2


def test_lookup_within_the_key_window_sends_a_status_that_never_arrived_once(
        env: Env) -> None:
    publisher = MastodonPublisher()
    request = env.request("Repair café jeudi")
    env.clock.advance(timedelta(minutes=49))  # first attempt 49 minutes ago: key still known
    receipt = publisher.lookup(request, env.context(first_attempt_at=NOW))
    assert receipt is not None and list(env.fake.statuses) == [receipt.remote_id]
    assert publisher.lookup(request, env.context(first_attempt_at=NOW)) == receipt
    assert len(env.fake.status_requests()) == 1  # found by the search the second time
    # Past the window, or with no known first attempt, nothing is ever sent by lookup.
    env.clock.advance(timedelta(minutes=1))
    for first in (NOW, None):
        with pytest.raises(AmbiguousError, match="cannot tell"):
            publisher.lookup(env.request("Jamais envoyé"), env.context(first_attempt_at=first))
    assert len(env.fake.status_requests()) == 1


def test_a_server_ignoring_the_key_that_answers_502_after_creating_gets_no_duplicate(
        env: Env) -> None:
    env.fake.honour_idempotency = False
    env.fake.fail_after_create = [502]
    publisher = MastodonPublisher()
    request = env.request("Assemblée générale samedi")
    with pytest.raises(AmbiguousError, match="502") as caught:
        publisher.publish(request, env.context())
    assert caught.value.http_status == 502
    [status_id] = env.fake.statuses  # created all the same
    found = publisher.lookup(request, env.context(first_attempt_at=NOW))
    assert found is not None and found.remote_id == status_id
    assert len(env.fake.status_requests()) == 1 and len(env.fake.statuses) == 1


def test_an_older_status_with_the_same_words_is_not_taken_for_this_post(env: Env) -> None:
    publisher = MastodonPublisher()
    weekly = "Permanence énergie mardi 14 h"
    old = publisher.publish(env.request(weekly), env.context())
    env.clock.advance(timedelta(days=7))
    request = env.request(weekly)
    found = publisher.lookup(request, env.context(first_attempt_at=env.clock.now()))
    assert found is not None and found.remote_id != old.remote_id  # sent, not confused
    assert len(env.fake.statuses) == 2


def test_lookup_after_the_idempotency_window_searches_the_latest_statuses(env: Env) -> None:
    publisher = MastodonPublisher()
    request = env.request("Permanence énergie mardi 14 h\n\nInfos : https://example.org/"
                          "permanences/energie-2026 #précarité")
    receipt = publisher.publish(request, env.context())
    env.clock.advance(timedelta(hours=2))
    found = publisher.lookup(request, env.context(first_attempt_at=NOW))
    assert found is not None and found.remote_id == receipt.remote_id
    assert len(env.fake.status_requests()) == 1  # no re-send after the hour
    with pytest.raises(AmbiguousError, match="cannot tell"):
        publisher.lookup(env.request("Jamais envoyé"), env.context(first_attempt_at=NOW))


def test_errors_are_sorted_by_blame(env: Env) -> None:
    publisher = MastodonPublisher()
    with pytest.raises(AuthError, match="access token is invalid"):
        publisher.publish(env.request("x"), make_context(
            platform="mastodon", api_url=env.url, secret="wrong", tmp_path=env.tmp_path))
    env.fake.fail_next = [503]
    with pytest.raises(AmbiguousError) as caught:  # a 5xx to a POST: maybe created
        publisher.publish(env.request("x"), env.context())
    assert caught.value.http_status == 503
    env.fake.fail_next = [503]
    with pytest.raises(RetryableError) as unread:  # a 5xx to a read: simply later
        publisher.lookup(env.request("x"), env.context())
    assert unread.value.http_status == 503
    env.settings["instance"] = instance_limits(env.fake.instance())  # cached: 500
    env.fake.max_characters = 10  # the server became stricter since
    with pytest.raises(PermanentError, match="character limit of 10 exceeded"):
        publisher.publish(env.request("Un texte trop long pour ce serveur"), env.context())
    env.fake.max_characters = 500
    env.fake.rate_limit = env.fake.used  # the next call goes over
    env.fake.reset_at = datetime.now(UTC) + timedelta(seconds=90)
    ctx = env.context()
    ctx.http.clock = lambda: datetime.now(UTC)
    with pytest.raises(RetryableError) as limited:
        publisher.publish(env.request("x"), ctx)
    assert limited.value.http_status == 429
    assert limited.value.retry_after is not None and 80 < limited.value.retry_after <= 90
    assert ctx.http.last_rate_limit is not None
    assert ctx.http.last_rate_limit.reset_at is not None


def test_content_over_the_instance_limit_is_refused_before_posting(env: Env) -> None:
    env.fake.max_characters = 100
    with pytest.raises(ContentRejected):
        MastodonPublisher().publish(env.request("é" * 150), env.context())
    assert env.saved and env.saved[0]["instance"]["max_characters"] == 100
    assert env.fake.status_requests() == []


def test_metrics_are_read_from_the_status(env: Env) -> None:
    publisher = MastodonPublisher()
    receipt = publisher.publish(env.request("Merci !"), env.context())
    env.fake.statuses[receipt.remote_id].update(favourites_count=7, reblogs_count=3,
                                                replies_count=1)
    assert publisher.metrics(receipt, env.context()) == {"likes": 7.0, "reposts": 3.0,
                                                         "replies": 1.0}
    del env.fake.statuses[receipt.remote_id]
    assert publisher.metrics(receipt, env.context()) is None


def test_browser_login_registers_the_app_and_gets_a_token_with_pkce(env: Env) -> None:
    opened: list[str] = []

    def browser(url: str) -> None:  # the user's browser: follows the consent redirect
        opened.append(url)
        threading.Thread(target=requests.get, args=(url,), kwargs={"timeout": 10},
                         daemon=True).start()

    http = HttpClient()
    credentials = MastodonPublisher().browser_login(api_url=env.url, http=http,
                                                    open_url=browser, timeout=20)
    assert opened and "code_challenge_method=S256" in opened[0]
    assert credentials.secret == env.fake.token
    assert credentials.handle == "@asso@127.0.0.1"
    client_id = credentials.settings["client_id"]
    assert credentials.vault["app_secret"] == env.fake.apps[client_id]["secret"]
    assert env.fake.apps[client_id]["redirect_uri"].startswith("http://127.0.0.1:")


def test_plain_http_is_refused_for_a_remote_instance(tmp_path: Path) -> None:
    ctx = make_context(platform="mastodon", api_url="http://mastodon.example", secret="t",
                       tmp_path=tmp_path)
    with pytest.raises(PermanentError, match="plain http"):
        MastodonPublisher().publish(PublishRequest(1, 1, ctx.account, "x", "k"), ctx)
    assert ctx.http.session.sent == []


def test_instance_limits_fall_back_to_defaults() -> None:
    limits = instance_limits({"version": "3.5.0", "configuration": {"statuses": {}}})
    assert limits["max_characters"] == 500 and limits["characters_reserved_per_url"] == 23


def test_a_status_is_deleted_and_deleting_it_again_is_no_error(env: Env) -> None:
    publisher = MastodonPublisher()
    assert publisher.can_delete
    receipt = publisher.publish(env.request("Atelier couture"), env.context())
    assert receipt.remote_id in env.fake.statuses
    publisher.delete(receipt, env.context())
    assert env.fake.statuses == {}
    publisher.delete(receipt, env.context())  # already gone: 404, nothing to do
    deletes = [r for r in env.fake.requests if r["method"] == "DELETE"]
    assert [r["path"] for r in deletes] == [f"/api/v1/statuses/{receipt.remote_id}"] * 2
    assert all(r["headers"]["authorization"] == f"Bearer {env.fake.token}" for r in deletes)
    context = env.context()
    env.fake.token = "revoked-on-the-instance"
    with pytest.raises(AuthError):
        publisher.delete(receipt, context)
