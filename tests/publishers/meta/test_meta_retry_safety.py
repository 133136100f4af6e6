"""Retry safety of the container flow with the real workspace pieces (posts, targets, media
store, keyring store, contexts), as the publishing service drives a publisher:
publish → AmbiguousError → lookup → Receipt → target published.

The proof is the fake Graph server's record of every media object it created.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from essplanner import domain, models
from essplanner.channels.composer import build_request
from essplanner.channels.contexts import make_context
from essplanner.publishers.base import PublisherContext
from essplanner.publishers.errors import AmbiguousError
from essplanner.publishers.meta.instagram import InstagramPublisher
from essplanner.publishers.meta.threads import ThreadsPublisher
from essplanner.publishers.meta.webdav import VAULT_KEY
from tests.publishers.meta import webdavserver
from tests.publishers.meta.conftest import jpeg, webdav_settings

BODY = "Grande collecte de jouets samedi au local 🎁 Merci à toutes et à tous !"


def schedule(workspace, account: domain.Account, clock, tmp_path: Path, images: int = 1
             ) -> tuple[domain.Post, domain.Target, str]:
    media = tuple(
        domain.MediaInput(path=str(jpeg(tmp_path / f"photo{i}.jpg", color=(20 * i, 90, 140)).path),
                          alt_text=f"Des jouets emballés, photo {i + 1}")
        for i in range(images))
    draft = domain.PostDraft(title="Collecte", body=BODY, account_ids=(account.id,),
                             editorial_state=domain.EditorialState.APPROVED, media=media)
    post = workspace.posts.create(draft, scheduled_at=clock.now() + timedelta(hours=1),
                                  schedule=True)
    [target] = post.targets
    assert target.state is domain.DeliveryState.SCHEDULED
    with workspace.db.read() as session:
        key = session.scalar(select(models.Target.idempotency_key)
                             .where(models.Target.id == target.id))
    assert key
    clock.advance(timedelta(hours=1))
    return post, target, key


def context_for(workspace, account: domain.Account, clock) -> PublisherContext:
    return make_context(account, secrets=workspace.secrets, clock=clock,
                        data_dir=workspace.paths.plugin_data_dir)


@pytest.mark.parametrize("platform", ["instagram", "threads"])
def test_lost_publish_answer_ends_with_one_post_and_the_target_published(
        platform, workspace, meta, webdav, clock, tmp_path: Path, fake_sleep) -> None:
    graph = meta.graph
    if platform == "instagram":
        settings = {"ig_user_id": meta.ig.id, **webdav_settings(webdav)}
        account = workspace.accounts.add(platform=platform, name="Insta", settings=settings,
                                         api_url=graph.graph_url, secret=meta.page_token.value)
        publisher = InstagramPublisher(sleep=fake_sleep)
        kind, publish_path = "ig_media", r"/media_publish$"
    else:
        settings = {"threads_user_id": meta.threads.id, **webdav_settings(webdav)}
        account = workspace.accounts.add(platform=platform, name="Threads", settings=settings,
                                         api_url=graph.threads_url,
                                         secret=meta.threads_token.value)
        publisher = ThreadsPublisher(sleep=fake_sleep)
        kind, publish_path = "th_media", r"/threads_publish$"
    workspace.secrets.set(account.id, webdavserver.PASSWORD, VAULT_KEY)
    post, target, key = schedule(workspace, account, clock, tmp_path, images=2)
    request = build_request(post, account, target_id=target.id, idempotency_key=key)
    assert workspace.posts.validate(post) == []  # valid for the account, errors only

    # The server publishes, then the connection drops before the answer; the status read
    # that would settle it at once fails too (the network is down for a moment).
    graph.drop_after("POST", publish_path)
    graph.fail("GET", r"^/\d+$", 2, status=500, after=("POST", publish_path))
    context = context_for(workspace, account, clock)
    with pytest.raises(AmbiguousError):
        publisher.publish(request, context)
    context.http.close()
    assert len(graph.published(kind)) == 1  # it did go out

    # What the service does after an ambiguous outcome: ask lookup, from a fresh process.
    restarted = type(publisher)(sleep=fake_sleep)
    context = context_for(workspace, account, clock)
    receipt = restarted.lookup(request, context)
    assert receipt is not None
    workspace.posts.mark_published(target.id, remote_url=receipt.remote_url)
    # A stray retry afterwards sends nothing either.
    assert restarted.publish(request, context).remote_id == receipt.remote_id
    context.http.close()

    [published] = workspace.posts.get(post.id).targets
    assert published.state is domain.DeliveryState.PUBLISHED
    [media] = graph.published(kind)
    assert receipt.remote_id == media["id"] and published.remote_url == media["permalink"]
    parents = [o for o in graph.created if o["kind"].endswith("container")
               and not o["carousel_item"]]
    assert len(parents) == 1 and len(graph.calls("POST", publish_path)) == 1
    assert webdav.files() == []  # uploads cleaned once the post was proved


def test_crash_between_container_and_publish_resumes_the_same_container(
        workspace, meta, webdav, clock, tmp_path: Path, fake_sleep) -> None:
    graph = meta.graph
    account = workspace.accounts.add(
        platform="instagram", name="Insta", api_url=graph.graph_url,
        settings={"ig_user_id": meta.ig.id, **webdav_settings(webdav)},
        secret=meta.page_token.value)
    workspace.secrets.set(account.id, webdavserver.PASSWORD, VAULT_KEY)
    post, target, key = schedule(workspace, account, clock, tmp_path)
    request = build_request(post, account, target_id=target.id, idempotency_key=key)

    class Killed(BaseException):
        """The process dies (SIGKILL) while waiting for the container."""

    def die(_seconds: float) -> None:
        raise Killed

    with pytest.raises(Killed):
        InstagramPublisher(sleep=die).publish(request, context_for(workspace, account, clock))
    [container] = [o for o in graph.created if o["kind"] == "ig_container"]
    assert graph.published("ig_media") == []
    uploads = [p for m, p in webdav.requests if m == "PUT"]

    receipt = InstagramPublisher(sleep=fake_sleep).publish(
        request, context_for(workspace, account, clock))
    assert [o for o in graph.created if o["kind"] == "ig_container"] == [container]
    assert [p for m, p in webdav.requests if m == "PUT"] == uploads  # nothing re-uploaded
    [media] = graph.published("ig_media")
    assert media["container"] == container["id"] and receipt.remote_id == media["id"]
