"""Facebook Page publisher against the fake Graph server, through the real requests stack."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from essplanner.publishers.base import RateLimitInfo
from essplanner.publishers.errors import (
    AmbiguousError,
    AuthError,
    ContentRejected,
    PermanentError,
    RetryableError,
)
from essplanner.publishers.meta.graph import appsecret_proof
from tests.publishers.meta.conftest import jpeg, request_for

TEXT = "Repair café samedi 10 h à la Maison des associations : venez avec vos objets cassés !"


@pytest.fixture
def fb(meta, connect):
    return connect("facebook", api_url=meta.graph.graph_url, secret=meta.page_token.value,
                   settings={"page_id": meta.page.id, "app_id": meta.app.app_id})


def posts(meta):
    return meta.graph.published("fb_post", meta.page.id)


def test_text_post_with_link_preview(meta, fb, publishers) -> None:
    link = "https://asso.example.org/repair?utm_source=facebook"
    receipt = publishers["facebook"].publish(request_for(fb, TEXT, link=link), fb.context)
    [post] = posts(meta)
    assert post["message"] == TEXT and post["link"] == link
    assert receipt.remote_id == post["id"] and receipt.remote_id.startswith(f"{meta.page.id}_")
    assert receipt.remote_url == post["permalink"]
    [call] = meta.graph.calls("POST", r"/feed$")
    # the token travels in the Authorization header, never in a URL
    assert call["authorization"] and "access_token" not in call["query"]


def test_one_photo_is_sent_as_multipart_source_with_alt_text(meta, fb, publishers,
                                                              tmp_path: Path) -> None:
    image = jpeg(tmp_path / "affiche.jpg")
    receipt = publishers["facebook"].publish(request_for(fb, TEXT, media=(image,)), fb.context)
    [call] = meta.graph.calls("POST", r"/photos$")
    assert call["files"]["source"] == ("affiche.jpg", image.size)
    assert call["params"]["alt_text_custom"] == "Photo affiche"
    [post] = posts(meta)
    assert receipt.remote_id == post["id"] and len(post["photos"]) == 1


def test_several_photos_become_one_post_with_attached_media(meta, fb, publishers,
                                                            tmp_path: Path) -> None:
    images = tuple(jpeg(tmp_path / f"p{i}.jpg", color=(i * 40, 90, 90)) for i in range(3))
    receipt = publishers["facebook"].publish(request_for(fb, TEXT, media=images), fb.context)
    uploads = meta.graph.calls("POST", r"/photos$")
    assert [u["params"]["published"] for u in uploads] == ["false"] * 3
    assert [u["params"]["alt_text_custom"] for u in uploads] == ["Photo p0", "Photo p1",
                                                                 "Photo p2"]
    [feed] = meta.graph.calls("POST", r"/feed$")
    attached = [json.loads(feed["params"][f"attached_media[{i}]"])["media_fbid"]
                for i in range(3)]
    photos = meta.graph.published("fb_photo", meta.page.id)
    assert attached == [p["id"] for p in photos]
    [post] = posts(meta)
    assert post["photos"] == attached and receipt.remote_id == post["id"]


def test_content_is_refused_before_any_request(meta, fb, publishers, tmp_path: Path) -> None:
    images = tuple(jpeg(tmp_path / f"p{i}.jpg") for i in range(11))
    with pytest.raises(ContentRejected, match="11 images"):
        publishers["facebook"].publish(request_for(fb, TEXT, media=images), fb.context)
    assert meta.graph.requests == []


def test_expired_token_is_an_auth_error_asking_to_reconnect(meta, connect, publishers,
                                                            clock) -> None:
    token = meta.graph.add_token("PAGE", meta.page.id, lifetime=timedelta(hours=1))
    fb = connect("facebook", api_url=meta.graph.graph_url, secret=token.value,
                 settings={"page_id": meta.page.id})
    clock.advance(timedelta(hours=2))
    with pytest.raises(AuthError, match="expired.*Reconnect"):
        publishers["facebook"].publish(request_for(fb, TEXT), fb.context)
    assert posts(meta) == []


def test_throttling_backs_off_by_the_usage_headers(meta, fb, publishers) -> None:
    seen: list[RateLimitInfo] = []
    fb.context.http.on_rate_limit = seen.append
    meta.graph.fail("POST", r"/feed$", 32, "(#32) Page request limit reached",
                    usage={"call_count": 100, "regain": 19})
    with pytest.raises(RetryableError) as caught:
        publishers["facebook"].publish(request_for(fb, TEXT), fb.context)
    assert caught.value.retry_after == 19 * 60
    assert "19 min" in caught.value.message
    assert seen[-1].remaining == 0 and seen[-1].retry_after == 19 * 60
    assert posts(meta) == []


@pytest.mark.parametrize(("code", "status", "kind", "words"), [
    (4, 400, RetryableError, "limiting"),
    (17, 400, RetryableError, "limiting"),
    (613, 400, RetryableError, "limiting"),
    (2, 500, RetryableError, "temporary problem"),
    (1, 500, RetryableError, "temporary problem"),
    (368, 400, PermanentError, "temporarily blocked"),
    (200, 403, AuthError, "permission"),
])
def test_graph_error_codes_map_to_outcomes(meta, fb, publishers, code, status, kind,
                                           words) -> None:
    meta.graph.fail("POST", r"/feed$", code, f"(#{code}) simulated", status=status)
    with pytest.raises(kind, match=words) as caught:
        publishers["facebook"].publish(request_for(fb, TEXT), fb.context)
    if kind is RetryableError:
        assert caught.value.retry_after and caught.value.retry_after > 0
    assert posts(meta) == []


def test_duplicate_of_an_older_post_is_refused_and_links_it(meta, fb, publishers) -> None:
    earlier = meta.graph.new_post(meta.page.id, TEXT)  # posted by hand an hour ago
    with pytest.raises(PermanentError, match="duplicate") as caught:
        publishers["facebook"].publish(request_for(fb, TEXT), fb.context)
    assert earlier["permalink"] in caught.value.message
    assert "Nothing was published" in caught.value.message
    assert posts(meta) == [earlier]


def test_lost_answer_then_retry_finds_the_post_instead_of_sending_again(
        meta, fb, publishers, clock) -> None:
    meta.graph.drop_after("POST", r"/feed$")
    request = request_for(fb, TEXT)
    with pytest.raises(AmbiguousError):
        publishers["facebook"].publish(request, fb.context)
    assert len(posts(meta)) == 1
    clock.advance(timedelta(minutes=5))
    receipt = publishers["facebook"].publish(request, fb.context)  # the service's retry
    [post] = posts(meta)
    assert receipt.remote_id == post["id"] and receipt.remote_url == post["permalink"]
    assert len(meta.graph.calls("POST", r"/feed$")) == 1  # never sent twice


def test_duplicate_after_our_own_lost_post_is_recognised_as_ours(
        meta, fb, publishers, clock) -> None:
    meta.graph.drop_after("POST", r"/feed$")
    request = request_for(fb, TEXT)
    with pytest.raises(AmbiguousError):
        publishers["facebook"].publish(request, fb.context)
    [post] = posts(meta)
    meta.graph.listing_lag[post["id"]] = 1  # the retry's first look does not see it yet
    clock.advance(timedelta(minutes=1))
    receipt = publishers["facebook"].publish(request, fb.context)  # → 506, then found
    assert receipt.remote_id == post["id"] and posts(meta) == [post]
    assert len(meta.graph.calls("POST", r"/feed$")) == 2  # the second one was refused


def test_a_refusal_after_a_lost_send_keeps_the_proof_for_the_next_retry(
        meta, fb, publishers, clock) -> None:
    meta.graph.drop_after("POST", r"/feed$")
    request = request_for(fb, TEXT)
    with pytest.raises(AmbiguousError):
        publishers["facebook"].publish(request, fb.context)
    [post] = posts(meta)
    meta.graph.listing_lag[post["id"]] = 1
    meta.graph.fail("POST", r"/feed$", 190, "Session has expired", subcode=463)
    with pytest.raises(AuthError):  # token expired meanwhile: the target fails
        publishers["facebook"].publish(request, fb.context)
    clock.advance(timedelta(days=1))  # reconnected, the volunteer retries
    receipt = publishers["facebook"].publish(request, fb.context)
    assert receipt.remote_id == post["id"] and posts(meta) == [post]


def test_a_post_edited_after_a_lost_send_is_not_sent_again(meta, fb, publishers,
                                                           clock) -> None:
    meta.graph.drop_after("POST", r"/feed$")
    with pytest.raises(AmbiguousError):
        publishers["facebook"].publish(request_for(fb, TEXT), fb.context)
    clock.advance(timedelta(minutes=10))
    edited = request_for(fb, TEXT + " Entrée libre.")  # same target, text changed meanwhile
    receipt = publishers["facebook"].publish(edited, fb.context)
    [post] = posts(meta)
    assert receipt.remote_id == post["id"] and post["message"] == TEXT


def test_lookup_proves_a_lost_post_and_waits_for_the_listing(
        meta, fb, publishers, sleeps) -> None:
    meta.graph.drop_after("POST", r"/feed$")
    request = request_for(fb, TEXT)
    with pytest.raises(AmbiguousError):
        publishers["facebook"].publish(request, fb.context)
    receipt = publishers["facebook"].lookup(request, fb.context)
    assert sleeps and sleeps[-1] <= 20  # a post made seconds ago may not be listed yet
    [post] = posts(meta)
    assert receipt is not None and receipt.remote_id == post["id"]


def test_lookup_says_none_when_nothing_was_published(meta, fb, publishers) -> None:
    meta.graph.fail("POST", r"/feed$", 2, status=500)
    request = request_for(fb, TEXT)
    with pytest.raises(RetryableError):
        publishers["facebook"].publish(request, fb.context)
    assert publishers["facebook"].lookup(request, fb.context) is None


def test_metrics_read_reactions_comments_shares(meta, fb, publishers) -> None:
    receipt = publishers["facebook"].publish(request_for(fb, TEXT), fb.context)
    obj = meta.graph.objects[receipt.remote_id]
    obj.update(reactions=12, comments=4, shares=3)
    assert publishers["facebook"].metrics(receipt, fb.context) == {
        "reactions": 12.0, "comments": 4.0, "shares": 3.0}


def test_appsecret_proof_is_sent_when_the_app_secret_is_known(meta, connect,
                                                              publishers) -> None:
    meta.app.require_proof = True
    bare = connect("facebook", api_url=meta.graph.graph_url, secret=meta.page_token.value,
                   settings={"page_id": meta.page.id}, name="sans secret")
    with pytest.raises(PermanentError, match="appsecret_proof"):
        publishers["facebook"].publish(request_for(bare, TEXT), bare.context)
    fb = connect("facebook", api_url=meta.graph.graph_url, secret=meta.page_token.value,
                 settings={"page_id": meta.page.id}, vault={"app_secret": meta.app.secret},
                 name="avec secret")
    publishers["facebook"].publish(request_for(fb, TEXT), fb.context)
    refused, call = meta.graph.calls("POST", r"/feed$")
    assert "appsecret_proof" not in refused["params"]
    assert call["params"]["appsecret_proof"] == appsecret_proof(meta.page_token.value,
                                                                meta.app.secret)


def test_check_account_reports_the_page_and_token(meta, fb, publishers) -> None:
    check = publishers["facebook"].check_account(fb.context)
    assert check.handle == "@amisduquartier"
    assert check.display_name == "Les Amis du Quartier"
    assert check.token_expires_at is None  # a Page token from a long-lived user token
    assert check.warnings == ()
    assert check.settings["token_expires_at"] == ""


def test_check_account_warns_about_expiry_scopes_and_token_kind(
        meta, connect, publishers, clock) -> None:
    token = meta.graph.add_token("USER", meta.page.owner, scopes=("pages_show_list",),
                                 lifetime=timedelta(days=5))
    fb = connect("facebook", api_url=meta.graph.graph_url, secret=token.value,
                 settings={"page_id": meta.page.id, "app_id": meta.app.app_id},
                 vault={"app_secret": meta.app.secret})
    meta.graph.tokens[token.value].subject = meta.page.id  # allow reading the Page
    check = publishers["facebook"].check_account(fb.context)
    assert check.token_expires_at == clock.now() + timedelta(days=5)
    text = " | ".join(check.warnings)
    assert "expires on" in text and "in 5 days" in text
    assert "pages_manage_posts" in text
    assert "user token" in text


def test_an_expired_token_known_from_the_last_check_is_refused_without_sending(
        meta, connect, publishers, clock) -> None:
    fb = connect("facebook", api_url=meta.graph.graph_url, secret=meta.page_token.value,
                 settings={"page_id": meta.page.id,
                           "token_expires_at": (clock.now() - timedelta(hours=1)).isoformat()})
    with pytest.raises(AuthError, match="expired on"):
        publishers["facebook"].publish(request_for(fb, TEXT), fb.context)
    assert meta.graph.requests == []
