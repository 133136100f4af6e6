"""Deleting a published post from its network ("delete from the network"), where the
platform's publisher can (:func:`essplanner.publishers.base.deletes`; Mastodon can).

Withdrawing a person's image-rights consent lists the published posts showing them
(:meth:`essplanner.services.consents.ConsentService.impact`); each one whose publisher can
delete it is deleted here, on request. The target then stays in the calendar as
``cancelled`` with a note saying when it was deleted, and the register's proof log keeps
what was done and when.
"""

from __future__ import annotations

import logging

from sqlalchemy import select

from essplanner import domain, models, repositories as repo
from essplanner.domain import Change, DeliveryState
from essplanner.errors import EssPlannerError, NotFoundError, ValidationError
from essplanner.i18n import _
from essplanner.log import redact
from essplanner.publishers.base import Receipt, deletes
from essplanner.publishers.errors import AuthError, PublishError
from essplanner.workspace import Workspace

log = logging.getLogger(__name__)


def delete_from_network(ws: Workspace, target_id: int, *,
                        person_id: int | None = None) -> domain.Post:
    """Delete a published target from its network; ``person_id``: the person whose
    consent asked for it (the proof log records it under their number)."""
    from essplanner.channels.accounts import context_for

    with ws.db.read() as s:
        row = s.get(models.Target, target_id)
        if row is None:
            raise NotFoundError(_("There is no target number {id}.", id=target_id))
        account = repo.to_account(row.account)
        state, remote_id, remote_url = row.state, row.remote_id, row.remote_url
    network = account.name
    if state != DeliveryState.PUBLISHED.value or not remote_id:
        raise ValidationError(_("Only a published post can be deleted from its network."))
    publisher = ws.registry.try_get(account.platform)
    if publisher is None or not deletes(publisher):
        raise ValidationError(_("{network} posts cannot be deleted from ESS Planner: delete "
                                "it on the network itself ({url}).", network=network,
                                url=remote_url or "-"))
    context = context_for(ws, account)
    try:
        publisher.delete(Receipt(remote_id=remote_id, remote_url=remote_url),  # type: ignore[attr-defined]
                         context)
    except AuthError as exc:
        reason = redact(exc.message, secrets=(context.secret,))
        ws.accounts.update(account.id, needs_reconnect=True, reconnect_reason=reason)
        raise EssPlannerError(_("Could not delete the post from {network}: {error}",
                                network=network, error=reason)) from exc
    except PublishError as exc:
        raise EssPlannerError(_("Could not delete the post from {network}: {error}",
                                network=network,
                                error=redact(exc.message, secrets=(context.secret,)))) from exc
    finally:
        context.http.close()
    now = ws.clock.now()
    note = _("Deleted from {network} on {date} (image rights).", network=network,
             date=now.date().isoformat())
    with ws.db.write() as s:
        target = s.scalars(select(models.Target).where(models.Target.id == target_id)
                           .with_for_update()).one()
        target.state = DeliveryState.CANCELLED.value
        target.last_error = note
        target.next_attempt_at = None
        target.updated_at = now
        post_id = target.post_id
    log.info("target %s (post %s) deleted from %s", target_id, post_id, account.platform)
    if person_id is not None:
        ws.consents.note_deleted(person_id, target_id, f"{account.platform} {remote_url or ''}"
                                 .strip())
    ws.announce(Change(posts=frozenset({post_id})))
    return ws.posts.get(post_id)
