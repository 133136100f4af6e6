"""The publishing service (DESIGN.md §4-5): each due target sent once, on time.

The database is the truth; APScheduler only decides *when* to look at it
(:mod:`.jobs`). A dispatch round reads the due targets, marks the ones found too
late as missed, and claims the others with one compare-and-set
(:class:`~.store.DeliveryStore`), so several services on one database (two laptops
and a server of one team) never send a target twice. Claims wait in their
account's queue; one runner per account sends them in order through
:class:`~.sender.Sender`, in a bounded pool behind :class:`~.throttle.Throttle`,
and hands each outcome to the :class:`~.recorder.Recorder`. Listeners get a
:class:`~.outcome.PublishEvent` for every change of delivery state, from the
service's threads.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from essplanner.domain import Change, DeliveryState
from essplanner.errors import EssPlannerError
from essplanner.i18n import _
from essplanner.log import redact
from essplanner.scheduler.config import ServiceConfig
from essplanner.scheduler.jobs import ExtraJob, Jobs
from essplanner.scheduler.outcome import (
    Claim,
    DueTarget,
    Outcome,
    PublishEvent,
    Result,
    SendInProgress,
    blocked_message,
    event_for,
    log_outcome,
    missed_message,
    superseded_message,
)
from essplanner.scheduler.recorder import Recorder
from essplanner.scheduler.sender import Sender
from essplanner.scheduler.store import DeliveryStore
from essplanner.scheduler.throttle import Throttle
from essplanner.scheduler.uploads import TargetUploads

if TYPE_CHECKING:
    from essplanner.workspace import Workspace

log = logging.getLogger(__name__)

Listener = Callable[[PublishEvent], None]

TERMINAL = frozenset({DeliveryState.PUBLISHED, DeliveryState.FAILED, DeliveryState.UNCONFIRMED})


def default_worker_id() -> str:
    """Who holds a lease: host, process and a random part (several services per process)."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{secrets.token_hex(3)}"


class PublishingService:
    """Sends due targets through their publishers. Thread-safe; start once, stop once."""

    def __init__(self, workspace: Workspace, *, config: ServiceConfig | None = None,
                 worker_id: str | None = None, extra_jobs: Sequence[ExtraJob] = ()) -> None:
        self.ws = workspace
        self.config = config or ServiceConfig.from_mapping(workspace.settings.extra.get("service"))
        self.clock = workspace.clock
        self.owner = worker_id or default_worker_id()
        self.store = DeliveryStore(workspace.db, owner=self.owner,
                                   zone=workspace.settings.timezone)
        self.throttle = Throttle(self.config, self.clock)
        self._recorder = Recorder(self.store, self.clock,
                                  retry_seconds=self.config.record_retry_seconds,
                                  on_recorded=self._on_recorded)
        self.sender = Sender(
            registry=workspace.registry, validator=workspace.posts.validator,
            secrets=workspace.secrets, clock=self.clock,
            data_dir=workspace.paths.plugin_data_dir, config=self.config,
            throttle=self.throttle, save_settings=self._save_account_settings,
            uploads=lambda target_id: TargetUploads(self.store, target_id, self.clock.now),
        )
        self.jobs = Jobs(config=self.config, clock=self.clock, reconcile=self._reconcile,
                         sweep=self._sweep, renew=self._renew_leases, extra_jobs=extra_jobs)
        #: what this service did: attempt results by name, and "missed"
        self.counts: Counter[str] = Counter()
        self._pool = ThreadPoolExecutor(max_workers=self.config.workers,
                                        thread_name_prefix="publish")
        self._listeners: list[Listener] = []
        self._lock = threading.Condition()
        self._inflight: dict[int, Claim] = {}  # claimed by this service: leases to renew
        self._queues: dict[int, deque[Claim]] = {}  # account -> its claims, sent in order
        self._runners: set[int] = set()  # accounts whose claims are being sent
        self._active = 0  # runners (a runner ends after its follow-up dispatch)
        self._seen: dict[int, datetime] = {}  # target -> the due time we saw in time
        self._pending = False
        self._dispatching = False
        self._stopping = False
        self._abandoned = False
        self._sending: dict[int, SendInProgress] = {}  # the sends under way, by target
        self._subscribed = False

    # ---- public API
    def subscribe(self, listener: Listener) -> None:
        """Hear about every delivery state change (called from the service's threads)."""
        self._listeners.append(listener)

    @property
    def running(self) -> bool:
        return self.jobs.running and not self._stopping

    def in_flight(self) -> list[int]:
        with self._lock:
            return sorted(self._inflight)

    def sending(self) -> list[SendInProgress]:
        """The sends under way now (claims waiting in a queue are not listed)."""
        with self._lock:
            return sorted(self._sending.values(), key=lambda s: (s.deadline, s.target_id))

    def start(self) -> None:
        """Start paused, rebuild the jobs from the database, resume (STYLE habit 12)."""
        self._stopping = False
        self.jobs.start(full=True)
        if not self._subscribed:
            self.ws.subscribe(self._on_change)
            self._subscribed = True
        log.info("publishing service %s started on %s", self.owner, self.ws.db.describe())

    def run_once(self, *, timeout: float | None = None) -> Counter[str]:
        """Send what is due now, wait for the sends, stop. Returns the results of this run."""
        self.jobs.start(full=False)  # lease renewal only
        try:
            self.extend_series()
            self.recover()
            self.note_blocked()
            self.dispatch()
            self.wait_idle(timeout)
        finally:
            self.stop(wait=True, timeout=timeout)
        return Counter(self.counts)

    def request_stop(self) -> None:
        """Claim nothing more; each account finishes the post it is sending and gives back
        the others it had claimed."""
        self._stopping = True
        with self._lock:
            idle = [a for a in self._queues if a not in self._runners]
        for account in idle:
            self._give_back(account, [])

    def stop(self, *, wait: bool = True, timeout: float | None = None) -> bool:
        """Stop; with ``wait``, let the sends in flight finish first. True if idle.

        Sends still in flight after ``stop_grace_seconds`` are cut: each ends as not
        sent or ambiguous (looked up before any re-send), is recorded, and the service
        stops without waiting for a slow or hostile server.
        """
        self.request_stop()
        if wait:
            started = time.monotonic()
            grace = self.config.stop_grace_seconds
            # With a timeout, half of it at most for the grace: the rest lets cut sends record.
            idle = self.wait_idle(grace if timeout is None else min(grace, timeout / 2))
            if not idle:
                log.warning("cutting %d sends still in flight after %.0f s; each will be "
                            "looked up before any re-send", len(self.in_flight()), grace)
                self.sender.abort()
                left = None if timeout is None else max(0.0, timeout - (time.monotonic()
                                                                         - started))
                idle = self.wait_idle(left)
        else:
            idle = not self._active
        self.jobs.shutdown(wait=wait)
        if idle:
            self._recorder.close()
        self._pool.shutdown(wait=wait and idle, cancel_futures=not idle)
        if idle:
            self.sender.close()
        log.info("publishing service %s stopped (%s)", self.owner,
                 "idle" if idle else f"{len(self._inflight)} sends still in flight")
        return idle

    def abandon(self) -> list[SendInProgress]:
        """The app quits now, without waiting for the sends under way. Never blocks.

        Nothing more is claimed, renewed or recorded by this service: a send still waiting
        for its answer stays ``publishing`` under a lease that runs out, and the next
        service (the background one, or the app's next start) looks it up before anything
        is sent again. Returns the sends left so.
        """
        self._abandoned = True
        self.request_stop()
        left = self.sending()
        self.jobs.shutdown(wait=False)
        self._pool.shutdown(wait=False, cancel_futures=True)
        log.warning("publishing service %s abandoned with %d sends under way; the next "
                    "service will check them", self.owner, len(left))
        return left

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until no send is in flight and no dispatch is running."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            while self._active or self._dispatching:
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._lock.wait(remaining if remaining is not None else 1.0)
            return True

    def wake(self) -> None:
        """Look at the database now (after a change, or "publish due posts now").

        Running, it returns at once: the work happens on the dispatcher thread.
        """
        if self.running:
            self.jobs.kick()
        else:
            self.dispatch()

    # ---- one round: claim what is due and start sending it
    def dispatch(self) -> int:
        """Claim due targets this service may send now and start them; returns how many.

        Safe to call from any thread; calls made during a round make one more round.
        """
        with self._lock:
            self._pending = True
            if self._dispatching:
                return 0
            self._dispatching = True
        started = 0
        try:
            while True:
                with self._lock:
                    if not self._pending or self._stopping:
                        break
                    self._pending = False
                started += self._dispatch_round()
        finally:
            with self._lock:
                self._dispatching = False
                self._lock.notify_all()
        return started

    def _dispatch_round(self) -> int:
        now = self.clock.now()
        with self._lock:
            holding = set(self._runners) | set(self._queues)  # sending, or waiting for a slot
        try:
            due = self.store.due(now, exclude_accounts=holding,
                                 per_account=self.config.account_prefetch,
                                 limit=self.config.batch_size)
        except EssPlannerError as exc:
            log.warning("cannot read due posts: %s", exc)
            return 0
        missed: list[tuple[DueTarget, str]] = []
        wanted: list[DueTarget] = []
        for item in due:
            if item.due_at is None or item.target_id in self._inflight:
                continue
            if item.superseded:  # a later occurrence goes out instead: never a burst
                missed.append((item, superseded_message(item, now, self.ws.settings.timezone)))
                continue
            if (self._seen.get(item.target_id) != item.due_at
                    and now - item.due_at > timedelta(minutes=item.grace_minutes)):
                missed.append((item, missed_message(item, now, self.ws.settings.timezone)))
                continue
            self._seen[item.target_id] = item.due_at
            if self.throttle.blocked_until(item.account_id) is None:  # else: rate-limited
                wanted.append(item)
        if missed and self._mark_missed(missed, now):
            with self._lock:
                self._pending = True  # more may wait behind the missed ones
        claims: list[Claim] = []
        if wanted:
            try:
                claims = self.store.claim(wanted, now,
                                          now + timedelta(seconds=self.config.lease_seconds))
            except EssPlannerError as exc:
                log.warning("cannot claim due posts: %s", exc)
            for item in wanted:  # stopped for want of consent: nothing was sent
                if item.target_id in self.store.refused:
                    log.warning("target %s (post %s) stopped: no valid consent for an image",
                                item.target_id, item.post_id)
                    self._emit(event_for(item, DeliveryState.FAILED,
                                         self.store.refused[item.target_id]))
        self._enqueue(claims)
        self._start_ready()
        self._arm_wakeup_for_throttle()
        return len(claims)

    def recover(self) -> int:
        """Take over targets left ``publishing`` by a stopped service, to look them up."""
        now = self.clock.now()
        with self._lock:
            holding = set(self._runners) | set(self._queues)
        try:
            expired = [e for e in self.store.expired(now)
                       if e.target_id not in self._inflight and e.account_id not in holding]
        except EssPlannerError as exc:
            log.warning("cannot read interrupted sends: %s", exc)
            return 0
        if not expired:
            return 0
        try:
            claims = self.store.recover(expired, now,
                                        now + timedelta(seconds=self.config.lease_seconds))
        except EssPlannerError as exc:
            log.warning("cannot take over interrupted sends: %s", exc)
            return 0
        for claim in claims:
            log.warning("target %s (post %s) was being sent by a service that stopped; "
                        "checking with %s", claim.target_id, claim.post.id, claim.platform)
        self._enqueue(claims)
        self._start_ready()
        return len(claims)

    def note_blocked(self) -> None:
        """Due targets of accounts needing reconnection (or blocked) wait, saying why."""
        now = self.clock.now()
        try:
            blocked = self.store.blocked(now)
            notes = [(item, blocked_message(item)) for item in blocked]
            noted = self.store.note(notes, now)
        except EssPlannerError as exc:
            log.warning("cannot note waiting posts: %s", exc)
            return
        for item in noted:
            self._emit(event_for(item, DeliveryState.SCHEDULED, blocked_message(item)))

    def _enqueue(self, claims: Sequence[Claim]) -> None:
        """Claims wait in their account's queue; each queue is sent in order by one runner."""
        by_account: dict[int, list[Claim]] = {}
        for claim in claims:
            by_account.setdefault(claim.account.id, []).append(claim)
        with self._lock:
            for account, mine in by_account.items():
                mine.sort(key=lambda c: (c.due_at is None, c.due_at, c.target_id))
                self._queues.setdefault(account, deque()).extend(mine)
                for claim in mine:
                    self._inflight[claim.target_id] = claim

    def _start_ready(self) -> None:
        """Start a runner for each waiting queue the throttle admits, oldest first.

        A queue refused because its platform is at its cap waits for a runner to end; one
        refused by its rate limit goes back to the database until the limit resets.
        """
        with self._lock:
            waiting = sorted(
                ((queue[0].due_at or datetime.max.replace(tzinfo=UTC), account, queue[0].platform)
                 for account, queue in self._queues.items()
                 if queue and account not in self._runners),
                key=lambda w: (w[0], w[1]))
        for _due, account, platform in waiting:
            if self._stopping:
                return
            if self.throttle.blocked_until(account) is not None:
                self._give_back(account, [])
                continue
            if not self.throttle.try_acquire(account, platform):
                continue  # platform at its cap: later
            with self._lock:
                if account in self._runners or not self._queues.get(account):
                    self.throttle.release(account, platform)
                    continue
                self._runners.add(account)
                self._active += 1
            try:
                self._pool.submit(self._run_account, account, platform)
            except RuntimeError:  # stopped meanwhile
                self._end_runner(account, platform)

    # ---- one account's sends
    def _run_account(self, account: int, platform: str) -> None:
        first = True
        try:
            for _ in range(self.config.account_prefetch):  # then let other accounts have a turn
                with self._lock:
                    queue = self._queues.get(account)
                    claim = queue.popleft() if queue else None
                if claim is None:
                    break
                if self._stopping or (not first and not self.throttle.take(account, platform)):
                    self._give_back(account, [claim])  # it waits for its turn (or next start)
                    break
                first = False
                outcome = self._send_tracked(claim)
                if self._abandoned:
                    log.info("target %s: the answer came after quitting (%s); the next "
                             "service checks it", claim.target_id, outcome.result.value)
                    break
                with self._lock:
                    self._active += 1  # until recorded
                flagged = (outcome.reconnect_reason is not None
                           or outcome.account_block is not None)
                # Recorded by the recorder thread; the account's flag before anything else.
                self._recorder.put(claim, outcome, wait=flagged)
                if flagged:
                    # The rest waits for the reconnection (or for the person to act on
                    # the platform's side); by then it may be too late to
                    # send without asking: its due time counts as not seen.
                    self._give_back(account, [], forget=True)
                    break
        except Exception:
            log.exception("publishing on account %s failed unexpectedly", account)
        finally:
            self._end_runner(account, platform)

    def _end_runner(self, account: int, platform: str) -> None:
        if self._stopping:
            self._give_back(account, [])
        self.throttle.release(account, platform)
        with self._lock:
            self._runners.discard(account)
            if not self._queues.get(account):
                self._queues.pop(account, None)
        try:
            if not self._stopping:
                # The slot is free: the next waiting account goes now; when none is left
                # waiting, one round claims the next posts of every account at once. This
                # runner still counts as active, so nobody sees the service idle in between.
                self._start_ready()
                with self._lock:
                    waiting = any(a not in self._runners for a in self._queues)
                if not waiting:
                    self.dispatch()
        finally:
            with self._lock:
                self._active -= 1
                self._lock.notify_all()

    def _give_back(self, account: int, claims: list[Claim], *, forget: bool = False) -> None:
        """Return unsent claims of ``account`` (and its queue) to the database."""
        with self._lock:
            queue = self._queues.pop(account, None)
            claims = claims + list(queue or ())
        if not claims:
            return
        try:
            self.store.release(claims, self.clock.now())
        except EssPlannerError as exc:
            log.warning("could not give back %d claims (%s); their leases will run out",
                        len(claims), exc)
        with self._lock:
            for claim in claims:
                self._inflight.pop(claim.target_id, None)
                if forget:
                    self._seen.pop(claim.target_id, None)

    def _send_tracked(self, claim: Claim) -> Outcome:
        publisher = self.ws.registry.try_get(claim.platform)
        started = time.monotonic()
        with self._lock:
            self._sending[claim.target_id] = SendInProgress(
                target_id=claim.target_id, post_title=claim.post.display_title,
                account_name=claim.account.name,
                network=publisher.display_name if publisher is not None else claim.platform,
                deadline=started + self.config.http_connect_timeout
                + self.config.http_read_timeout)
        try:
            return self._send(claim)
        finally:
            with self._lock:
                self._sending.pop(claim.target_id, None)
                self._lock.notify_all()

    def _send(self, claim: Claim) -> Outcome:
        try:
            return self.sender.send(claim)
        except Exception as exc:  # our bug, after the request may have left: never re-send
            log.exception("sending target %s failed unexpectedly", claim.target_id)
            return Outcome(Result.UNKNOWN, DeliveryState.UNCONFIRMED, _(
                "Internal error while sending ({error}): check the account, then mark the "
                "post as published or retry.", error=redact(f"{type(exc).__name__}: {exc}")))

    def _on_recorded(self, items: Sequence[tuple[Claim, Outcome, bool]]) -> None:
        """On the recorder thread, once outcomes are written."""
        now = self.clock.now()
        due_again = False
        for claim, outcome, recorded in items:
            with self._lock:
                self._inflight.pop(claim.target_id, None)
                if outcome.state in TERMINAL:
                    self._seen.pop(claim.target_id, None)
            if recorded:
                self._report(claim, outcome)
                again = outcome.next_attempt_at or outcome.verify_again_at
                due_again = due_again or (again is not None and again <= now)
            else:
                log.error("target %s: outcome %s not recorded (lease lost or database "
                          "unavailable); the post will be looked up", claim.target_id,
                          outcome.result.value)
        try:
            if due_again and not self._stopping:  # e.g. proved not sent: it goes now
                self.wake()
        finally:
            with self._lock:
                self._active -= len(items)
                self._lock.notify_all()

    def _report(self, claim: Claim, outcome: Outcome) -> None:
        self.counts[outcome.result.value] += 1
        log_outcome(claim, outcome)
        self._emit(PublishEvent(
            target_id=claim.target_id, post_id=claim.post.id,
            post_title=claim.post.display_title, account_name=claim.account.name,
            platform=claim.platform, state=outcome.state, message=outcome.message,
            remote_url=outcome.receipt.remote_url if outcome.receipt else None,
            account_flagged=(outcome.reconnect_reason is not None
                             or outcome.account_block is not None),
        ))
        later = outcome.next_attempt_at or outcome.verify_again_at
        if later is not None:
            self.jobs.arm(later)

    # ---- jobs
    def _sweep(self) -> None:
        self.extend_series()
        self.recover()
        self.note_blocked()
        self._reconcile()
        self._prune_seen()

    def extend_series(self) -> None:
        """Make the occurrences of recurring posts that entered the horizon (DESIGN.md §5:
        the database is the truth; whichever process sweeps first makes them, once)."""
        try:
            self.ws.series.extend()
        except EssPlannerError as exc:
            log.warning("cannot make the next occurrences of recurring posts: %s", exc)

    def _reconcile(self) -> None:
        self.dispatch()
        self._reconcile_wakeup()

    def _renew_leases(self) -> None:
        ids = self.in_flight()
        if not ids:
            return
        until = self.clock.now() + timedelta(seconds=self.config.lease_seconds)
        try:
            kept = self.store.renew(ids, until)
        except EssPlannerError as exc:
            log.warning("cannot renew the leases of %d sends: %s", len(ids), exc)
            return
        if kept < len(ids):  # usually sends that ended meanwhile; a lost lease logs at finish
            log.debug("%d of %d leases not renewed", len(ids) - kept, len(ids))

    def _reconcile_wakeup(self) -> None:
        """Set the wake-up job from the database (the truth) and the throttle."""
        try:
            when = self.store.next_wakeup(self.clock.now())
        except EssPlannerError as exc:
            log.warning("cannot read the next due time: %s", exc)
            return
        ready = self.throttle.next_ready()
        times = [t for t in (when, ready) if t is not None]
        self.jobs.arm(min(times) if times else None, replace=True)

    def _arm_wakeup_for_throttle(self) -> None:
        ready = self.throttle.next_ready()
        if ready is not None:
            self.jobs.arm(ready)

    def _on_change(self, change: Change) -> None:
        """A user's edit (any front end in this process): look again, off the caller's thread."""
        if (change.posts or change.accounts) and self.running:
            self.jobs.kick()

    # ---- helpers
    def _mark_missed(self, items: list[tuple[DueTarget, str]], now: datetime) -> int:
        try:
            marked = self.store.mark_missed(items, now)
        except EssPlannerError as exc:
            log.warning("cannot mark missed posts: %s", exc)
            return 0
        messages = {item.target_id: message for item, message in items}
        self.counts["missed"] += len(marked)
        for item in marked:
            log.warning("target %s (post %s, %s) missed: due %s", item.target_id, item.post_id,
                        item.account_name, item.due_at)
            self._emit(event_for(item, DeliveryState.MISSED, messages[item.target_id]))
        return len(marked)

    def _prune_seen(self) -> None:
        horizon = self.clock.now() - timedelta(days=2)
        with self._lock:
            for target_id in [t for t, due in self._seen.items() if due < horizon]:
                del self._seen[target_id]

    def _save_account_settings(self, account_id: int, values: Mapping[str, Any]) -> None:
        account = self.ws.accounts.get(account_id)
        self.ws.accounts.update(account_id, settings={**account.settings, **dict(values)})

    def _emit(self, event: PublishEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:
                log.exception("publish event listener failed")
