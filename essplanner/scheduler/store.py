"""The service's reads and compare-and-set writes on targets.

Every state change the service makes is one short transaction whose ``WHERE``
states what it expects (``state='scheduled'``, ``lease_owner=<me>``...), so that
several processes on one database never act on the same target twice: the loser
of a race updates no row and walks away. No transaction is ever held open while
a request is on the network.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Row, Select, Table, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session, aliased

from essplanner import domain, models, repositories as repo
from essplanner.domain import DeliveryState
from essplanner.publishers.base import Receipt
from essplanner.scheduler.outcome import (
    AWAITING_APPROVAL,
    VERIFY_FIRST,
    Claim,
    DueTarget,
    Outcome,
    Result,
)
from essplanner.services import consent_rules as consents
from essplanner.storage import Database

log = logging.getLogger(__name__)

T = models.Target
A = models.Account
TT = cast(Table, models.Target.__table__)  # Core: no ORM bookkeeping on the hot path
AT = cast(Table, models.PublishAttempt.__table__)
AccT = cast(Table, models.Account.__table__)
UT = cast(Table, models.UploadSession.__table__)
PT = cast(Table, models.Post.__table__)
ST = cast(Table, models.WorkspaceSetting.__table__)
HT = cast(Table, models.PostHistory.__table__)
SCHEDULED = DeliveryState.SCHEDULED.value
PUBLISHING = DeliveryState.PUBLISHING.value


class DeliveryStore:
    """Claims, leases and outcomes of targets for one service instance (``owner``)."""

    def __init__(self, db: Database, *, owner: str, zone: str | None = None) -> None:
        self.db = db
        self.owner = owner
        #: the workspace's zone: consents are given in its local dates
        self.zone = zone
        #: targets the last :meth:`claim` stopped for want of consent: id -> why
        self.refused: dict[int, str] = {}
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
            per_account: int = 1, limit: int = 100) -> list[DueTarget]:
        """The oldest due targets of each usable account (at most ``per_account``), in order."""
        ranked = (
            select(T.id.label("target_id"), func.row_number().over(
                partition_by=T.account_id, order_by=(T.next_attempt_at, T.id)).label("rank"))
            .join(A, A.id == T.account_id)
            .where(T.state == SCHEDULED, T.next_attempt_at <= now,
                   A.needs_reconnect.is_(False), A.blocked_reason == "", A.enabled.is_(True),
                   _may_go_out(T.post_id))
        )
        if exclude_accounts:
            ranked = ranked.where(T.account_id.not_in(list(exclude_accounts)))
        heads = ranked.subquery()
        stmt = (
            _due_columns()
            .add_columns(_superseded(now))
            .join(heads, heads.c.target_id == T.id)
            .where(heads.c.rank <= per_account)
            .order_by(T.next_attempt_at, T.id)
            .limit(limit)
        )
        with self.db.read() as s:
            return [dataclasses.replace(_due(row[:-1]), superseded=bool(row[-1]))  # type: ignore[arg-type]
                    for row in s.execute(stmt)]

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
        """Due targets of accounts that are flagged for reconnection, blocked or disabled,
        or whose post awaits approval."""
        stmt = _due_columns().where(
            T.state == SCHEDULED, T.next_attempt_at <= now,
            or_(A.needs_reconnect.is_(True), A.blocked_reason != "", A.enabled.is_(False),
                ~_may_go_out(T.post_id)),
        )
        with self.db.read() as s:
            return [_due(row) for row in s.execute(stmt)]

    def next_wakeup(self, now: datetime) -> datetime | None:
        """When something next needs this service: a target falling due, a lease running out."""
        with self.db.read() as s:
            due = s.scalar(
                select(func.min(T.next_attempt_at)).join(A, A.id == T.account_id).where(
                    T.state == SCHEDULED, T.next_attempt_at > now,
                    A.needs_reconnect.is_(False), A.blocked_reason == "",
                    A.enabled.is_(True), _may_go_out(T.post_id)))
            lease = s.scalar(select(func.min(T.lease_until)).where(
                T.state == PUBLISHING, T.lease_until.is_not(None),
                or_(T.lease_owner.is_(None), T.lease_owner != self.owner)))
        times = [t for t in (due, lease) if t is not None]
        return min(times) if times else None

    # ---- claims
    def claim(self, items: Sequence[DueTarget], now: datetime,
              lease_until: datetime) -> list[Claim]:
        """Claim each of ``items`` if it is still scheduled and due: one row or nothing each.

        One compare-and-set ``UPDATE`` for all of them; the rows it changed are ours. A
        ``sending`` attempt is recorded for each in the same transaction, before any request.
        """
        self.refused = {}
        if not items:
            return []
        ids = sorted({i.target_id for i in items})  # one lock order: no deadlock
        with self._write() as s:
            won = self._compare_and_set(
                s, ids,
                (TT.c.state == SCHEDULED, TT.c.next_attempt_at <= now,
                 _may_go_out(TT.c.post_id)),
                {"state": PUBLISHING, "lease_owner": self.owner, "lease_until": lease_until,
                 "attempt_count": TT.c.attempt_count + 1, "updated_at": now},
            )
            if not won:
                return []
            rows = _targets(s, won)
            posts = _lean_posts(s, {r.post_id for r in rows})
            # image rights, checked again now: a consent withdrawn since scheduling stops it
            self.refused = _refuse_without_consent(s, rows, posts, now, self.zone, self.owner)
            rows = [r for r in rows if r.id not in self.refused]
            won = [i for i in won if i not in self.refused]
            if not won:
                return []
            previous = _last_outcomes(s, won)
            uncertain = _uncertain_since(s, won)
            inserted = s.execute(
                insert(AT).returning(AT.c.id, AT.c.target_id, sort_by_parameter_order=True),
                [{"target_id": r.id, "started_at": now, "outcome": Result.SENDING.value,
                  "worker": self.owner, "error": ""} for r in rows],
            )
            attempts = {target_id: attempt_id for attempt_id, target_id in inserted}
            return [
                Claim(
                    target_id=row.id, attempt_id=attempts[row.id],
                    attempt_number=row.attempt_count, post=posts[row.post_id],
                    account=row.account, idempotency_key=row.idempotency_key,
                    text_variant=row.text_variant, options=row.options,
                    due_at=row.next_attempt_at, previous=previous.get(row.id),
                    started_at=now, uncertain_since=uncertain.get(row.id, (None, None))[0],
                    unresolved_since=uncertain.get(row.id, (None, None))[1],
                )
                for row in rows
            ]

    def _compare_and_set(self, s: Session, ids: Sequence[int], expected: tuple[Any, ...],
                         values: dict[str, Any]) -> list[int]:
        """``UPDATE target SET values WHERE id IN ids AND expected``: the ids changed."""
        stmt = update(TT).where(TT.c.id.in_(ids), *expected).values(**values)
        if self.db.engine.dialect.update_returning:
            return sorted(s.scalars(stmt.returning(TT.c.id)))
        won = []  # SQLite before 3.35: one row at a time
        for target_id in ids:
            result = s.execute(update(TT).where(TT.c.id == target_id, *expected).values(**values))
            if _rowcount(result) == 1:
                won.append(target_id)
        return won

    def release(self, claims: Sequence[Claim], now: datetime) -> int:
        """Give back claims that were not sent (the service stops, the account must wait).

        A fresh claim goes back to ``scheduled`` as if never taken. A recovered one (its
        outcome still unknown) stays ``publishing`` with a lease that has run out, for the
        next look-up.
        """
        if not claims:
            return 0
        fresh = sorted(c.target_id for c in claims if not c.recovered)
        recovered = sorted(c.target_id for c in claims if c.recovered)
        mine = (TT.c.state == PUBLISHING, TT.c.lease_owner == self.owner)
        with self._write() as s:
            back = self._compare_and_set(s, fresh, mine, {
                "state": SCHEDULED, "lease_owner": None, "lease_until": None,
                "attempt_count": TT.c.attempt_count - 1}) if fresh else []
            unsent = [c.attempt_id for c in claims if c.target_id in set(back)]
            if unsent:
                s.execute(delete(AT).where(AT.c.id.in_(unsent),
                                           AT.c.outcome == Result.SENDING.value))
            later = self._compare_and_set(s, recovered, mine, {
                "lease_owner": None, "lease_until": now}) if recovered else []
            return len(back) + len(later)

    def recover(self, items: Sequence[DueTarget], now: datetime,
                lease_until: datetime) -> list[Claim]:
        """Take over targets whose lease ran out; their last attempt becomes ``lost``."""
        if not items:
            return []
        with self._write() as s:
            won = self._compare_and_set(
                s, sorted({i.target_id for i in items}),
                (TT.c.state == PUBLISHING, or_(TT.c.lease_until.is_(None), TT.c.lease_until < now)),
                {"lease_owner": self.owner, "lease_until": lease_until, "updated_at": now},
            )
            if not won:
                return []
            rows = _targets(s, won)
            posts = _lean_posts(s, {r.post_id for r in rows})
            uncertain = _uncertain_since(s, won)
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
                earlier, unresolved = uncertain.get(row.id, (None, None))
                claims.append(Claim(
                    target_id=row.id, attempt_id=attempt.id, attempt_number=row.attempt_count,
                    post=posts[row.post_id], account=row.account,
                    idempotency_key=row.idempotency_key, text_variant=row.text_variant,
                    options=row.options, due_at=row.next_attempt_at,
                    previous=Result.LOST, recovered=True, lost_since=attempt.started_at,
                    started_at=now,
                    uncertain_since=(attempt.started_at if earlier is None
                                     else min(earlier, attempt.started_at)),
                    unresolved_since=(attempt.started_at if unresolved is None
                                      else min(unresolved, attempt.started_at)),
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
        return self.finish_many([(claim, outcome)], now)[0]

    def finish_many(self, items: Sequence[tuple[Claim, Outcome]], now: datetime) -> list[bool]:
        """Record outcomes in one transaction; for each, False if its lease was lost."""
        ids = [claim.target_id for claim, _ in items]
        with self._write() as s:
            ours = set(s.scalars(
                select(TT.c.id)
                .where(TT.c.id.in_(ids), TT.c.state == PUBLISHING, TT.c.lease_owner == self.owner)
                .with_for_update()))
            published = [_published_params(c, o, now) for c, o in items
                         if c.target_id in ours and o.state is DeliveryState.PUBLISHED]
            others = [_other_params(c, o, now) for c, o in items
                      if c.target_id in ours and o.state is not DeliveryState.PUBLISHED]
            if published:
                s.execute(_FINISH_PUBLISHED, published)
                s.execute(insert(HT), [  # the post's history: "" is the publishing service
                    {"post_id": c.post.id, "at": now, "actor_name": "",
                     "kind": domain.HistoryKind.PUBLISHED.value, "detail": _where(c, o)}
                    for c, o in items
                    if c.target_id in ours and o.state is DeliveryState.PUBLISHED])
            if others:
                s.execute(_FINISH_OTHER, others)
            s.execute(_FINISH_ATTEMPT, [
                {"b_id": c.attempt_id, "b_now": now, "b_duration": o.duration_ms,
                 "b_status": o.http_status, "b_outcome": o.result.value, "b_error": o.message}
                for c, o in items])
            for claim, outcome in items:
                if outcome.reconnect_reason is not None:
                    s.execute(update(AccT).where(AccT.c.id == claim.account.id).values(
                        needs_reconnect=True, reconnect_reason=outcome.reconnect_reason))
                if outcome.account_block is not None:
                    reason, message = outcome.account_block
                    s.execute(update(AccT).where(AccT.c.id == claim.account.id).values(
                        blocked_reason=reason, blocked_message=message))
            # An upload ends with its target: published, or failed for good.
            done = [c.target_id for c, o in items if c.target_id in ours
                    and o.state in (DeliveryState.PUBLISHED, DeliveryState.FAILED)]
            if done:
                s.execute(delete(UT).where(UT.c.target_id.in_(done)))
        return [target_id in ours for target_id in ids]

    # ---- resumable uploads (scheduler.uploads), each write its own short transaction
    def upload_session(self, target_id: int) -> dict[str, Any] | None:
        with self.db.read() as s:
            session = s.scalar(select(UT.c.session).where(UT.c.target_id == target_id))
        return dict(session) if isinstance(session, dict) else None

    def save_upload(self, target_id: int, now: datetime, *,
                    session: dict[str, Any] | None = None, keep_session: bool = False,
                    sent: int | None = None, total: int | None = None) -> None:
        """Store a target's upload session (and/or its progress), committed on return."""
        values: dict[str, Any] = {"updated_at": now}
        if not keep_session:
            values["session"] = session
        if sent is not None:
            values["sent"] = sent
        if total is not None:
            values["total"] = total
        with self._write() as s:
            changed = s.execute(update(UT).where(UT.c.target_id == target_id).values(**values))
            if _rowcount(changed) == 0:
                s.execute(insert(UT).values({"target_id": target_id, "session": None,
                                             "sent": 0, "total": 0} | values))

    def clear_upload(self, target_id: int) -> None:
        with self._write() as s:
            s.execute(delete(UT).where(UT.c.target_id == target_id))

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


def _may_go_out(post_id: Any) -> Any:
    """Whether the target's post may go out: it is approved, or the workspace does not ask
    for approval (``workspace_setting``), checked in the same statement as the claim."""
    required = select(ST.c.key).where(ST.c.key == models.APPROVAL_REQUIRED,
                                      ST.c.value == "1").exists()
    approved = (select(PT.c.id)
                .where(PT.c.id == post_id,
                       PT.c.editorial_state == domain.EditorialState.APPROVED.value)
                .correlate_except(PT).exists())
    return or_(~required, approved)


def _where(claim: Claim, outcome: Outcome) -> str:
    url = outcome.receipt.remote_url if outcome.receipt else None
    return f"{claim.account.name}: {url}" if url else claim.account.name


def _superseded(now: datetime) -> Any:
    """Whether a later occurrence of the same series is due on the same account too."""
    later_t = aliased(models.Target)
    later_p = aliased(models.Post)
    this_p = aliased(models.Post)
    return (
        select(later_t.id)
        .join(later_p, later_p.id == later_t.post_id)
        .join(this_p, this_p.id == T.post_id)
        .where(this_p.series_id.is_not(None), later_p.series_id == this_p.series_id,
               later_t.account_id == T.account_id, later_t.state == SCHEDULED,
               later_t.next_attempt_at <= now, later_p.occurrence > this_p.occurrence)
        .exists()
        .correlate(T)
    )


def _due_columns() -> Select[*tuple[Any, ...]]:
    return select(
        T.id, T.post_id, T.account_id, A.name, A.platform, T.next_attempt_at, A.grace_minutes,
        A.needs_reconnect, A.reconnect_reason, A.enabled, T.last_error, A.blocked_reason,
        ~_may_go_out(T.post_id),
    ).join(A, A.id == T.account_id)


def _due(row: Row[*tuple[Any, ...]]) -> DueTarget:
    (target_id, post_id, account_id, name, platform, due_at, grace, flagged, reason, enabled,
     last_error, block, awaiting) = row
    blocked = ""
    if flagged:
        blocked = reason or "reconnect"
    elif block:
        blocked = "blocked"
    elif not enabled:
        blocked = "disabled"
    elif awaiting:
        blocked = AWAITING_APPROVAL
    return DueTarget(
        target_id=target_id, post_id=post_id, account_id=account_id, account_name=name,
        platform=platform, due_at=due_at, grace_minutes=grace, blocked_reason=blocked,
        last_error=last_error or "", account_block=block or "",
    )


# Outcomes are written with prepared statements, many at a time (executemany).
_FINISH_PUBLISHED = update(TT).where(TT.c.id == bindparam("b_id")).values(
    state=DeliveryState.PUBLISHED.value, updated_at=bindparam("b_now"), lease_owner=None,
    lease_until=None, remote_id=bindparam("b_remote_id"), remote_url=bindparam("b_remote_url"),
    published_at=bindparam("b_published_at"), next_attempt_at=None,
    last_error=bindparam("b_error"))
_FINISH_OTHER = update(TT).where(TT.c.id == bindparam("b_id")).values(
    state=bindparam("b_state"), updated_at=bindparam("b_now"), lease_owner=None,
    # set for a post still to be verified (it stays ``publishing``, for anyone, later)
    lease_until=bindparam("b_lease_until"),
    # a new time for a retry; otherwise the time it was due, kept for the user to see
    next_attempt_at=func.coalesce(bindparam("b_next", type_=models.UTCDateTime()),
                                  TT.c.next_attempt_at),
    last_error=bindparam("b_error"))
_FINISH_ATTEMPT = update(AT).where(AT.c.id == bindparam("b_id")).values(
    finished_at=bindparam("b_now"), duration_ms=bindparam("b_duration"),
    http_status=bindparam("b_status"), outcome=bindparam("b_outcome"),
    error=bindparam("b_error"))


def _published_params(claim: Claim, outcome: Outcome, now: datetime) -> dict[str, object]:
    receipt = outcome.receipt
    return {
        "b_id": claim.target_id, "b_now": now,
        "b_remote_id": receipt.remote_id if receipt else None,
        "b_remote_url": receipt.remote_url if receipt else None,
        "b_published_at": receipt.published_at if receipt and receipt.published_at else now,
        # a warning of a published post (a thumbnail the network refused), kept visible
        "b_error": _warning(receipt),
    }


def _warning(receipt: Receipt | None) -> str:
    warning = receipt.extra.get("warning") if receipt is not None else None
    return warning if isinstance(warning, str) else ""


def _other_params(claim: Claim, outcome: Outcome, now: datetime) -> dict[str, object]:
    return {
        "b_id": claim.target_id, "b_now": now, "b_state": outcome.state.value,
        "b_lease_until": (outcome.verify_again_at
                          if outcome.state is DeliveryState.PUBLISHING else None),
        "b_next": (outcome.next_attempt_at
                   if outcome.state is DeliveryState.SCHEDULED else None),
        "b_error": outcome.message,
    }


def _refuse_without_consent(s: Session, rows: Sequence[_TargetRow],
                            posts: dict[int, domain.Post], now: datetime, zone: str | None,
                            owner: str) -> dict[int, str]:
    """Claimed targets whose images show someone whose consent does not cover their
    network today: they fail (needs attention, with the reason) before anything is sent,
    with an ``invalid`` attempt on record. Returns target id -> why."""
    refused = consents.refusals(
        s, [(r.id, [m.checksum for m in posts[r.post_id].media],
             consents.consent_platform(r.account.platform, r.account.settings))
            for r in rows if posts[r.post_id].media],
        consents.local_day(now, zone))
    if refused:
        s.execute(update(TT).where(TT.c.id == bindparam("b_id")).values(
            state=DeliveryState.FAILED.value, lease_owner=None, lease_until=None,
            last_error=bindparam("b_error"), updated_at=now),
            [{"b_id": target_id, "b_error": why} for target_id, why in refused.items()])
        s.execute(insert(AT), [
            {"target_id": target_id, "started_at": now, "finished_at": now, "duration_ms": 0,
             "outcome": Result.INVALID.value, "worker": owner, "error": why}
            for target_id, why in refused.items()])
    return refused


def _rowcount(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


@dataclass(frozen=True)
class _TargetRow:
    id: int
    post_id: int
    account: domain.Account
    idempotency_key: str
    text_variant: str | None
    options: dict[str, Any]
    attempt_count: int
    next_attempt_at: datetime | None


def _targets(s: Session, ids: Sequence[int]) -> list[_TargetRow]:
    """Targets as plain columns (no ORM objects on the hot path), with their accounts."""
    rows = s.execute(
        select(T.id, T.post_id, T.idempotency_key, T.text_variant, T.options, T.attempt_count,
               T.next_attempt_at, A)
        .join(A, A.id == T.account_id).where(T.id.in_(list(ids))).order_by(T.id))
    accounts: dict[int, domain.Account] = {}
    targets = []
    for target_id, post_id, key, variant, options, attempts, due, account in rows:
        if account.id not in accounts:
            accounts[account.id] = repo.to_account(account)
        targets.append(_TargetRow(
            id=target_id, post_id=post_id, idempotency_key=key, text_variant=variant,
            options=dict(options or {}), attempt_count=attempts, next_attempt_at=due,
            account=accounts[account.id]))
    return targets


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


def _uncertain_since(s: Session, ids: Sequence[int],
                     ) -> dict[int, tuple[datetime, datetime | None]]:
    """When the earliest attempt that may have reached the platform started, per target;
    and the same among the attempts made since the user last said "retry" (``None``: none).

    The proof a look-up needs, kept in the shared database so that any computer taking
    over a send has it: attempts whose outcome stayed uncertain (ambiguous, unknown,
    lost). Attempts that surely published nothing (retry, invalid...) do not count. An
    ``unknown`` attempt is one the user was asked about: retrying it, they took the
    earlier ones upon themselves.
    """
    pa = models.PublishAttempt
    uncertain = [r.value for r in VERIFY_FIRST]
    rows = s.execute(select(pa.target_id, pa.outcome, pa.started_at)
                     .where(pa.target_id.in_(list(ids)), pa.outcome.in_(uncertain))
                     .order_by(pa.target_id, pa.id))
    found: dict[int, tuple[datetime, datetime | None]] = {}
    for target_id, outcome, started in rows:
        first, unresolved = found.get(target_id, (started, None))
        if outcome == Result.UNKNOWN.value:
            unresolved = None
        elif unresolved is None:
            unresolved = started
        found[target_id] = (min(first, started), unresolved)
    return found


def _lean_posts(s: Session, ids: Iterable[int]) -> dict[int, domain.Post]:
    """The posts with what a request needs (text, link, objectives' names, media)."""
    wanted = list(ids)
    post, objective, medium, link = (models.Post, models.Objective, models.Media,
                                     models.post_objective)
    objectives: dict[int, list[domain.Objective]] = {}
    for post_id, objective_id, name, kind in s.execute(
            select(link.c.post_id, objective.id, objective.name, objective.kind)
            .join(objective, objective.id == link.c.objective_id)
            .where(link.c.post_id.in_(wanted)).order_by(objective.name)):
        objectives.setdefault(post_id, []).append(
            domain.Objective(id=objective_id, name=name, kind=domain.ObjectiveKind(kind)))
    media: dict[int, list[domain.MediaItem]] = {}
    for row in s.scalars(select(medium).where(medium.post_id.in_(wanted))
                         .order_by(medium.position)):
        media.setdefault(row.post_id, []).append(repo.to_media(row))
    rows = s.execute(select(post.id, post.title, post.body, post.editorial_state,
                            post.scheduled_at, post.version, post.link_url,
                            post.call_to_action, post.hashtags, post.language)
                     .where(post.id.in_(wanted)))
    return {
        r[0]: domain.Post(
            id=r[0], title=r[1], body=r[2], editorial_state=domain.EditorialState(r[3]),
            scheduled_at=r[4], version=r[5], link_url=r[6], call_to_action=r[7],
            hashtags=tuple(r[8] or ()), language=r[9],
            objectives=tuple(objectives.get(r[0], ())), media=tuple(media.get(r[0], ())),
        )
        for r in rows
    }


__all__ = ["DeliveryStore"]
