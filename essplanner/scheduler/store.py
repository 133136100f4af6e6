"""The service's reads and compare-and-set writes on targets.

Every state change the service makes is one short transaction whose ``WHERE``
states what it expects (``state='scheduled'``, ``lease_owner=<me>``...), so that
several processes on one database never act on the same target twice: the loser
of a race updates no row and walks away. No transaction is ever held open while
a request is on the network.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import datetime
from typing import Any

from sqlalchemy import Row, Select, func, or_, select, update
from sqlalchemy.orm import Session, selectinload

from essplanner import domain, models
from essplanner import repositories as repo
from essplanner.domain import DeliveryState
from essplanner.scheduler.outcome import Claim, DueTarget, Outcome, Result
from essplanner.storage import Database

log = logging.getLogger(__name__)

T = models.Target
A = models.Account
SCHEDULED = DeliveryState.SCHEDULED.value
PUBLISHING = DeliveryState.PUBLISHING.value


class DeliveryStore:
    """Claims, leases and outcomes of targets for one service instance (``owner``)."""

    def __init__(self, db: Database, *, owner: str) -> None:
        self.db = db
        self.owner = owner
        # SQLite has one writer at a time, and its busy handler sleeps in steps of
        # milliseconds: threads of one process queue here instead (STYLE habit 8).
        self._serial: AbstractContextManager[object] = (
            threading.Lock() if db.is_sqlite else nullcontext())

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with self._serial, self.db.write() as s:
            yield s

    # ---- reads
    def due(self, now: datetime, *, exclude_accounts: Collection[int] = (),
            limit: int = 100) -> list[DueTarget]:
        """The oldest due target of each usable account (they go out in order), oldest first."""
        ranked = (
            select(T.id.label("target_id"), func.row_number().over(
                partition_by=T.account_id, order_by=(T.next_attempt_at, T.id)).label("rank"))
            .join(A, A.id == T.account_id)
            .where(T.state == SCHEDULED, T.next_attempt_at <= now,
                   A.needs_reconnect.is_(False), A.enabled.is_(True))
        )
        if exclude_accounts:
            ranked = ranked.where(T.account_id.not_in(list(exclude_accounts)))
        heads = ranked.subquery()
        stmt = (
            _due_columns()
            .join(heads, heads.c.target_id == T.id)
            .where(heads.c.rank == 1)
            .order_by(T.next_attempt_at, T.id)
            .limit(limit)
        )
        with self.db.read() as s:
            return [_due(row) for row in s.execute(stmt)]

    def expired(self, now: datetime, *, limit: int = 100) -> list[DueTarget]:
        """Targets left ``publishing`` by a service that stopped (their lease ran out)."""
        stmt = (
            _due_columns()
            .where(T.state == PUBLISHING, or_(T.lease_until.is_(None), T.lease_until < now))
            .order_by(T.lease_until, T.id)
            .limit(limit)
        )
        with self.db.read() as s:
            return [_due(row) for row in s.execute(stmt)]

    def blocked(self, now: datetime) -> list[DueTarget]:
        """Due targets of accounts that are flagged for reconnection or disabled."""
        stmt = _due_columns().where(
            T.state == SCHEDULED, T.next_attempt_at <= now,
            or_(A.needs_reconnect.is_(True), A.enabled.is_(False)),
        )
        with self.db.read() as s:
            return [_due(row) for row in s.execute(stmt)]

    def next_wakeup(self, now: datetime) -> datetime | None:
        """When something next needs this service: a target falling due, a lease running out."""
        with self.db.read() as s:
            due = s.scalar(
                select(func.min(T.next_attempt_at)).join(A, A.id == T.account_id).where(
                    T.state == SCHEDULED, T.next_attempt_at > now,
                    A.needs_reconnect.is_(False), A.enabled.is_(True)))
            lease = s.scalar(select(func.min(T.lease_until)).where(
                T.state == PUBLISHING, T.lease_until.is_not(None),
                or_(T.lease_owner.is_(None), T.lease_owner != self.owner)))
        times = [t for t in (due, lease) if t is not None]
        return min(times) if times else None

    # ---- claims
    def claim(self, items: Sequence[DueTarget], now: datetime,
              lease_until: datetime) -> list[Claim]:
        """Claim each of ``items`` if it is still scheduled and due: one row or nothing each.

        A ``sending`` attempt is recorded in the same transaction, before any request.
        """
        if not items:
            return []
        with self._write() as s:
            won: list[int] = []
            for item in sorted(items, key=lambda i: i.target_id):  # one lock order: no deadlock
                result = s.execute(
                    update(T)
                    .where(T.id == item.target_id, T.state == SCHEDULED, T.next_attempt_at <= now)
                    .values(state=PUBLISHING, lease_owner=self.owner, lease_until=lease_until,
                            attempt_count=T.attempt_count + 1, updated_at=now)
                    .execution_options(synchronize_session=False)
                )
                if _rowcount(result) == 1:
                    won.append(item.target_id)
            if not won:
                return []
            previous = _last_outcomes(s, won)
            rows = _targets(s, won)
            posts = _lean_posts(s, {r.post_id for r in rows})
            attempts = {}
            for row in rows:
                attempt = models.PublishAttempt(
                    target_id=row.id, started_at=now, outcome=Result.SENDING.value,
                    worker=self.owner, error="")
                s.add(attempt)
                attempts[row.id] = attempt
            s.flush()
            return [
                Claim(
                    target_id=row.id, attempt_id=attempts[row.id].id,
                    attempt_number=row.attempt_count, post=posts[row.post_id],
                    account=repo.to_account(row.account), idempotency_key=row.idempotency_key,
                    text_variant=row.text_variant, options=dict(row.options or {}),
                    due_at=row.next_attempt_at, previous=previous.get(row.id),
                )
                for row in rows
            ]

    def recover(self, items: Sequence[DueTarget], now: datetime,
                lease_until: datetime) -> list[Claim]:
        """Take over targets whose lease ran out; their last attempt becomes ``lost``."""
        if not items:
            return []
        with self._write() as s:
            won: list[int] = []
            for item in sorted(items, key=lambda i: i.target_id):
                result = s.execute(
                    update(T)
                    .where(T.id == item.target_id, T.state == PUBLISHING,
                           or_(T.lease_until.is_(None), T.lease_until < now))
                    .values(lease_owner=self.owner, lease_until=lease_until, updated_at=now)
                    .execution_options(synchronize_session=False)
                )
                if _rowcount(result) == 1:
                    won.append(item.target_id)
            if not won:
                return []
            rows = _targets(s, won)
            posts = _lean_posts(s, {r.post_id for r in rows})
            claims = []
            for row in rows:
                attempt = s.scalars(
                    select(models.PublishAttempt)
                    .where(models.PublishAttempt.target_id == row.id)
                    .order_by(models.PublishAttempt.id.desc()).limit(1)
                ).first()
                if attempt is None:
                    attempt = models.PublishAttempt(target_id=row.id, started_at=now,
                                                    outcome=Result.LOST.value, worker=self.owner)
                    s.add(attempt)
                    s.flush()
                elif attempt.outcome == Result.SENDING.value:
                    attempt.outcome = Result.LOST.value
                    attempt.error = attempt.error or "the service stopped before the answer"
                claims.append(Claim(
                    target_id=row.id, attempt_id=attempt.id, attempt_number=row.attempt_count,
                    post=posts[row.post_id], account=repo.to_account(row.account),
                    idempotency_key=row.idempotency_key, text_variant=row.text_variant,
                    options=dict(row.options or {}), due_at=row.next_attempt_at,
                    previous=Result.LOST, recovered=True, lost_since=attempt.started_at,
                ))
            return claims

    def renew(self, target_ids: Collection[int], lease_until: datetime) -> int:
        """Extend the leases of the targets being sent; returns how many are still ours."""
        if not target_ids:
            return 0
        with self._write() as s:
            result = s.execute(
                update(T)
                .where(T.id.in_(list(target_ids)), T.state == PUBLISHING,
                       T.lease_owner == self.owner)
                .values(lease_until=lease_until)
                .execution_options(synchronize_session=False)
            )
            return _rowcount(result)

    # ---- outcomes
    def finish(self, claim: Claim, outcome: Outcome, now: datetime) -> bool:
        """Record ``outcome``; False if the lease was lost meanwhile (the target is not ours)."""
        values: dict[str, object] = {"state": outcome.state.value, "updated_at": now,
                                     "lease_owner": None, "lease_until": None}
        if outcome.state is DeliveryState.PUBLISHED:
            receipt = outcome.receipt
            values.update(
                remote_id=receipt.remote_id if receipt else None,
                remote_url=receipt.remote_url if receipt else None,
                published_at=(receipt.published_at if receipt and receipt.published_at else now),
                next_attempt_at=None, last_error="",
            )
        elif outcome.state is DeliveryState.SCHEDULED:
            values.update(next_attempt_at=outcome.next_attempt_at, last_error=outcome.message)
        elif outcome.state is DeliveryState.PUBLISHING:
            values.update(lease_until=outcome.verify_again_at, last_error=outcome.message)
        else:
            values.update(last_error=outcome.message)
        with self._write() as s:
            result = s.execute(
                update(T)
                .where(T.id == claim.target_id, T.state == PUBLISHING,
                       T.lease_owner == self.owner)
                .values(**values)
                .execution_options(synchronize_session=False)
            )
            s.execute(
                update(models.PublishAttempt)
                .where(models.PublishAttempt.id == claim.attempt_id)
                .values(finished_at=now, duration_ms=outcome.duration_ms,
                        http_status=outcome.http_status, outcome=outcome.result.value,
                        error=outcome.message)
                .execution_options(synchronize_session=False)
            )
            if outcome.reconnect_reason is not None:
                s.execute(
                    update(A).where(A.id == claim.account.id)
                    .values(needs_reconnect=True, reconnect_reason=outcome.reconnect_reason)
                    .execution_options(synchronize_session=False)
                )
            return _rowcount(result) == 1

    def mark_missed(self, items: Iterable[tuple[DueTarget, str]], now: datetime,
                    ) -> list[DueTarget]:
        """Targets found due too long ago become ``missed`` (unless they changed meanwhile)."""
        marked = []
        with self._write() as s:
            for item, message in items:
                result = s.execute(
                    update(T)
                    .where(T.id == item.target_id, T.state == SCHEDULED,
                           T.next_attempt_at == item.due_at)
                    .values(state=DeliveryState.MISSED.value, last_error=message,
                            lease_owner=None, lease_until=None, updated_at=now)
                    .execution_options(synchronize_session=False)
                )
                if _rowcount(result) == 1:
                    marked.append(item)
        return marked

    def note(self, items: Iterable[tuple[DueTarget, str]], now: datetime) -> list[DueTarget]:
        """Set the ``last_error`` of waiting targets (only where it differs)."""
        noted = []
        with self._write() as s:
            for item, message in items:
                result = s.execute(
                    update(T)
                    .where(T.id == item.target_id, T.state == SCHEDULED, T.last_error != message)
                    .values(last_error=message, updated_at=now)
                    .execution_options(synchronize_session=False)
                )
                if _rowcount(result) == 1:
                    noted.append(item)
        return noted


# ---- helpers


def _due_columns() -> Select[*tuple[Any, ...]]:
    return select(
        T.id, T.post_id, T.account_id, A.name, A.platform, T.next_attempt_at, A.grace_minutes,
        A.needs_reconnect, A.reconnect_reason, A.enabled, T.last_error,
    ).join(A, A.id == T.account_id)


def _due(row: Row[*tuple[Any, ...]]) -> DueTarget:
    (target_id, post_id, account_id, name, platform, due_at, grace, flagged, reason, enabled,
     last_error) = row
    blocked = ""
    if flagged:
        blocked = reason or "reconnect"
    elif not enabled:
        blocked = "disabled"
    return DueTarget(
        target_id=target_id, post_id=post_id, account_id=account_id, account_name=name,
        platform=platform, due_at=due_at, grace_minutes=grace, blocked_reason=blocked,
        last_error=last_error or "",
    )


def _rowcount(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


def _targets(s: Session, ids: Sequence[int]) -> list[models.Target]:
    return list(s.scalars(
        select(T).where(T.id.in_(list(ids))).options(selectinload(T.account)).order_by(T.id)
    ))


def _last_outcomes(s: Session, ids: Sequence[int]) -> dict[int, Result]:
    pa = models.PublishAttempt
    latest = (select(func.max(pa.id)).where(pa.target_id.in_(list(ids)))
              .group_by(pa.target_id).scalar_subquery())
    rows = s.execute(select(pa.target_id, pa.outcome).where(pa.id.in_(latest)))
    found: dict[int, Result] = {}
    for target_id, outcome in rows:
        try:
            found[target_id] = Result(outcome)
        except ValueError:
            continue
    return found


def _lean_posts(s: Session, ids: Iterable[int]) -> dict[int, domain.Post]:
    """The posts with what a request needs (text, link, objectives' names, media)."""
    rows = s.scalars(
        select(models.Post).where(models.Post.id.in_(list(ids)))
        .options(selectinload(models.Post.objectives), selectinload(models.Post.media))
    )
    return {
        row.id: domain.Post(
            id=row.id, title=row.title, body=row.body,
            editorial_state=domain.EditorialState(row.editorial_state),
            scheduled_at=row.scheduled_at, version=row.version, link_url=row.link_url,
            call_to_action=row.call_to_action, hashtags=tuple(row.hashtags or ()),
            language=row.language,
            objectives=tuple(domain.Objective(id=o.id, name=o.name,
                                              kind=domain.ObjectiveKind(o.kind))
                             for o in row.objectives),
            media=tuple(repo.to_media(m) for m in row.media),
        )
        for row in rows
    }


__all__ = ["DeliveryStore"]
