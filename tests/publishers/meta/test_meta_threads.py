"""Threads publisher: text, image, carousel through containers; token renewal; retry safety."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from essplanner.publishers.errors import AmbiguousError, ContentRejected
from essplanner.publishers.meta.graph import QuotaReached
from essplanner.publishers.meta.threads import SESSION
from essplanner.publishers.meta.webdav import VAULT_KEY
from essplanner.publishers.rules import Severity
from tests.publishers.meta import webdavserver
from tests.publishers.meta.conftest import jpeg, request_for, webdav_settings

TEXT = "Ce soir, soupe solidaire place du Marché à 19 h. Bénévoles bienvenus ! #solidarité"
LINK = "https://asso.example.org/soupe?utm_source=threads"


@pytest.fixture
def th(meta, connect, webdav):
    return connect("threads", api_url=meta.graph.threads_url, secret=meta.threads_token.value,
                   settings={"threads_user_id": meta.threads.id, **webdav_settings(webdav)},
                   vault={VAULT_KEY: webdavserver.PASSWORD})


def posts(meta):
    return meta.graph.published("th_media", meta.threads.id)


def containers(meta, *, items: bool = False):
    return [o for o in meta.graph.created if o["kind"] == "th_container"
            and o["carousel_item"] == items]


def test_text_post_with_a_link_preview(meta, th, webdav, publishers) -> None:
    receipt = publishers["threads"].publish(request_for(th, f"{TEXT}\n{LINK}", link=LINK),
                                            th.context)
    [container] = containers(meta)
    assert container["media_type"] == "TEXT" and container["link"] == LINK
    [post] = posts(meta)
    assert post["text"] == f"{TEXT}\n{LINK}"
    assert receipt.remote_id == post["id"] and receipt.remote_url == post["permalink"]
    assert webdav.requests == []  # nothing to upload for a text post


def test_png_image_is_sent_as_is_and_webp_converted(meta, th, webdav, publishers,
                                                    tmp_path: Path) -> None:
    png = jpeg(tmp_path / "carte.png", fmt="PNG")
    publishers["threads"].publish(request_for(th, TEXT, media=(png,), key="k1"), th.context)
    webp = jpeg(tmp_path / "photo.webp", fmt="WEBP")
    publishers["threads"].publish(request_for(th, "Autre texte", media=(webp,), key="k2"),
                                  th.context)
    first, second = containers(meta)
    assert first["format"] == "PNG" and first["alt_text"] == "Photo carte"
    assert second["format"] == "JPEG" and second["image_url"].endswith(".jpg")
    assert len(posts(meta)) == 2 and webdav.files() == []


def test_carousel(meta, th, publishers, tmp_path: Path) -> None:
    images = tuple(jpeg(tmp_path / f"c{i}.jpg", color=(50 * i, 10, 10)) for i in range(3))
    publishers["threads"].publish(request_for(th, TEXT, media=images), th.context)
    children = containers(meta, items=True)
    [parent] = containers(meta)
    assert parent["media_type"] == "CAROUSEL" and parent["text"] == TEXT
    assert parent["children"] == [c["id"] for c in children]
    assert all(c["media_type"] == "IMAGE" for c in children)
    assert len(posts(meta)) == 1


def test_limits_are_checked_before_anything_is_sent(meta, th, webdav, publishers,
                                                    tmp_path: Path) -> None:
    with pytest.raises(ContentRejected, match="500"):
        publishers["threads"].publish(request_for(th, "é" * 501), th.context)
    images = tuple(jpeg(tmp_path / f"i{i}.jpg") for i in range(21))
    problems = publishers["threads"].validate(request_for(th, TEXT, media=images))
    assert {"too_many_images", "carousel_too_big"} <= {
        p.code for p in problems if p.severity is Severity.ERROR}
    assert meta.graph.requests == [] and webdav.requests == []


def test_lost_publish_answer_gives_exactly_one_post(meta, th, publishers) -> None:
    meta.graph.drop_after("POST", r"/threads_publish$")
    receipt = publishers["threads"].publish(request_for(th, TEXT), th.context)
    [post] = posts(meta)
    assert receipt.remote_id == post["id"]


def test_lost_answer_unreadable_status_then_lookup_and_retry(meta, th, publishers) -> None:
    request = request_for(th, TEXT)
    meta.graph.drop_after("POST", r"/threads_publish$")
    meta.graph.fail("GET", r"^/\d+$", 1, status=500, after=("POST", r"/threads_publish$"))
    with pytest.raises(AmbiguousError):
        publishers["threads"].publish(request, th.context)
    [post] = posts(meta)
    receipt = publishers["threads"].lookup(request, th.context)
    assert receipt is not None and receipt.remote_id == post["id"]
    assert publishers["threads"].publish(request, th.context).remote_id == post["id"]
    assert len(posts(meta)) == 1 and len(containers(meta)) == 1
    assert len(meta.graph.calls("POST", r"/threads_publish$")) == 1


def test_quota_read_before_creating_anything(meta, th, publishers) -> None:
    meta.graph.quota_total["threads"] = 1
    publishers["threads"].publish(request_for(th, TEXT, key="k1"), th.context)
    with pytest.raises(QuotaReached, match="allows 1 posts per 24 hours"):
        publishers["threads"].publish(request_for(th, "Demain aussi", key="k2"), th.context)
    assert len(containers(meta)) == 1


def test_quota_error_at_publish_time_keeps_the_container(meta, th, publishers) -> None:
    meta.graph.fail("POST", r"/threads_publish$", 9, "Application request limit reached",
                    subcode=2207042)
    request = request_for(th, TEXT)
    with pytest.raises(QuotaReached, match="limit for the last 24 hours"):
        publishers["threads"].publish(request, th.context)
    publishers["threads"].publish(request, th.context)  # later: the same container goes out
    assert len(containers(meta)) == 1 and len(posts(meta)) == 1


def test_token_is_renewed_before_it_expires_and_reconnecting_replaces_it(
        meta, connect, workspace, webdav, publishers, clock) -> None:
    old = meta.graph.add_token("THREADS", meta.threads.id, lifetime=timedelta(days=5),
                               issued_at=clock.now() - timedelta(days=55))
    expires = clock.now() + timedelta(days=5)
    th = connect("threads", api_url=meta.graph.threads_url, secret=old.value,
                 settings={"threads_user_id": meta.threads.id,
                           "token_expires_at": expires.isoformat()})
    renewed_at = clock.now()
    publishers["threads"].publish(request_for(th, TEXT), th.context)
    saved = json.loads(workspace.secrets.get(th.account.id, SESSION))
    renewed = saved["token"]
    assert renewed != old.value and meta.graph.tokens[renewed].kind == "THREADS"
    [create] = meta.graph.calls("POST", r"/threads$")
    assert create["token"] == renewed  # the post went out with the renewed token
    [refresh] = meta.graph.calls("GET", r"/refresh_access_token$")
    assert "access_token" in refresh["query"] and "/v1.0" not in refresh["path"]
    stored = workspace.accounts.get(th.account.id).settings["token_expires_at"]
    assert stored == (renewed_at + timedelta(days=60)).isoformat()
    # Reconnecting (a new main secret) makes the renewed token of the old one irrelevant.
    fresh = meta.graph.add_token("THREADS", meta.threads.id, lifetime=timedelta(days=60))
    workspace.accounts.set_secret(th.account.id, fresh.value)
    th.context.secret = fresh.value
    assert publishers["threads"].token(th.context) == fresh.value


@pytest.mark.expect_log(r"^Threads token refresh failed: ", logger="essplanner.publishers")
def test_renewal_failure_is_a_warning_not_a_failure(meta, connect, publishers, clock) -> None:
    young = meta.graph.add_token("THREADS", meta.threads.id, lifetime=timedelta(days=5))
    th = connect("threads", api_url=meta.graph.threads_url, secret=young.value,
                 settings={"threads_user_id": meta.threads.id,
                           "token_expires_at": (clock.now() + timedelta(days=5)).isoformat()})
    check = publishers["threads"].check_account(th.context)
    assert "could not be renewed" in check.warnings[0]
    assert any("expires on" in w for w in check.warnings)
    publishers["threads"].publish(request_for(th, TEXT), th.context)
    assert len(posts(meta)) == 1


def test_metrics_from_insights(meta, th, publishers) -> None:
    receipt = publishers["threads"].publish(request_for(th, TEXT), th.context)
    meta.graph.objects[receipt.remote_id].update(views=120, likes=9, replies=2, reposts=1)
    assert publishers["threads"].metrics(receipt, th.context) == {
        "views": 120.0, "likes": 9.0, "replies": 2.0, "reposts": 1.0, "quotes": 0.0,
        "shares": 0.0}


def test_check_account(meta, th, publishers, clock) -> None:
    check = publishers["threads"].check_account(th.context)
    assert check.handle == "@amisduquartier"
    assert check.settings["threads_user_id"] == meta.threads.id
    assert check.token_expires_at == clock.now() + timedelta(days=60)
    assert check.warnings == ()
