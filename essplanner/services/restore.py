"""Putting a post back as a snapshot says: the storage side of undo and redo.

:meth:`essplanner.services.posts.PostService.restore` calls these inside its unit of
work. The one rule that matters: undo never makes anything go out twice. A
target that is being sent, or was published since the snapshot, keeps its
current state; only targets that have not gone out get their old state back.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from essplanner import domain, models
from essplanner.domain import DeliveryState

#: states that record something that happened on the platform: never overwritten by undo
_GONE_OUT = frozenset({DeliveryState.PUBLISHING.value, DeliveryState.PUBLISHED.value})


def revert_post(s: Session, row: models.Post, snapshot: domain.Post, now: datetime,
                new_key: Any) -> None:
    """Give the stored ``row`` the content, tags, images, targets and time of ``snapshot``."""
    _copy_content(s, row, snapshot)
    kept_media = {m.id: m for m in row.media}
    row.media = [kept_media.get(item.id) or _new_media(item) for item in snapshot.media]
    for position, (media_row, item) in enumerate(zip(row.media, snapshot.media, strict=True)):
        media_row.position = position
        media_row.alt_text = item.alt_text
        media_row.cover_path = item.cover_path
    existing_accounts = _existing_ids(s, models.Account, (t.account_id for t in snapshot.targets))
    current = {t.account_id: t for t in row.targets}
    targets: list[models.Target] = []
    for old in snapshot.targets:
        if old.account_id not in existing_accounts:
            continue  # the account was removed since: nothing to put back
        target = current.pop(old.account_id, None)
        if target is None:
            target = models.Target(account_id=old.account_id, options={},
                                   idempotency_key=old.idempotency_key or new_key())
            _copy_delivery(target, old, now)
        elif target.state not in _GONE_OUT and old.state.value not in _GONE_OUT:
            _copy_delivery(target, old, now)
        target.text_variant = old.text_variant
        targets.append(target)
    # Targets added since the snapshot go away, unless they already went out (history).
    targets.extend(t for t in current.values() if t.state in _GONE_OUT)
    row.targets = targets


def recreate_post(s: Session, snapshot: domain.Post, now: datetime, new_key: Any, *,
                  keep_id: bool) -> models.Post:
    """Insert a deleted post again; under its old number with ``keep_id`` (checked free)."""
    row = models.Post(id=snapshot.id if keep_id else None,
                      created_at=snapshot.created_at or now, updated_at=now)
    _copy_content(s, row, snapshot)
    row.media = [_new_media(item) for item in snapshot.media]
    existing_accounts = _existing_ids(s, models.Account, (t.account_id for t in snapshot.targets))
    for old in snapshot.targets:
        if old.account_id not in existing_accounts:
            continue
        target = models.Target(account_id=old.account_id, options={},
                               idempotency_key=old.idempotency_key or new_key(),
                               text_variant=old.text_variant, remote_id=old.remote_id,
                               remote_url=old.remote_url, published_at=old.published_at)
        target.state = old.state.value
        target.next_attempt_at = old.next_attempt_at
        target.attempt_count = old.attempt_count
        target.last_error = old.last_error
        target.updated_at = now
        target.attempts = [
            models.PublishAttempt(started_at=a.started_at, duration_ms=a.duration_ms,
                                  http_status=a.http_status, outcome=a.outcome, error=a.error,
                                  worker=a.worker)
            for a in old.attempts
        ]
        row.targets.append(target)
    s.add(row)
    return row


def _copy_content(s: Session, row: models.Post, snapshot: domain.Post) -> None:
    row.title = snapshot.title
    row.body = snapshot.body
    row.link_url = snapshot.link_url
    row.call_to_action = snapshot.call_to_action
    row.hashtags = list(snapshot.hashtags)
    row.language = snapshot.language
    row.editorial_state = snapshot.editorial_state.value
    row.scheduled_at = snapshot.scheduled_at
    # the series it belonged to, unless that series was deleted since
    series = (s.get(models.PostSeries, snapshot.series_id)
              if snapshot.series_id is not None else None)
    row.series_id = series.id if series is not None else None
    row.occurrence = snapshot.occurrence if series is not None else None
    # Personas and objectives deleted since the snapshot are simply left out.
    row.personas = _rows(s, models.Persona, [p.id for p in snapshot.personas])
    row.objectives = _rows(s, models.Objective, [o.id for o in snapshot.objectives])


def _copy_delivery(target: models.Target, old: domain.Target, now: datetime) -> None:
    target.state = old.state.value
    target.next_attempt_at = old.next_attempt_at
    target.attempt_count = old.attempt_count
    target.last_error = old.last_error
    target.lease_owner = None
    target.lease_until = None
    target.updated_at = now


def _new_media(item: domain.MediaItem) -> models.Media:
    # The file itself is still in the data folder: media copies are never deleted.
    return models.Media(path=item.path, original_name=item.original_name,
                        checksum=item.checksum, mime_type=item.mime_type, size=item.size,
                        width=item.width, height=item.height, alt_text=item.alt_text,
                        position=item.position, duration=item.duration,
                        frame_rate=item.frame_rate, video_codec=item.video_codec,
                        audio_codec=item.audio_codec, cover_path=item.cover_path)


def _rows(s: Session, model: Any, ids: list[int]) -> list[Any]:
    if not ids:
        return []
    found = {r.id: r for r in s.scalars(select(model).where(model.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


def _existing_ids(s: Session, model: Any, ids: Iterable[int]) -> set[int]:
    wanted = set(ids)
    if not wanted:
        return set()
    return set(s.scalars(select(model.id).where(model.id.in_(wanted))))
