"""When the publishing service looks at the database: APScheduler jobs and a dispatcher thread.

One ``BackgroundScheduler``: memory job store (the database is the truth; jobs are
derived from it at every start), UTC, ``coalesce=True``, ``max_instances=1``, no
misfire limit (a wake-up slept through by the laptop still runs on waking). It
starts paused, the jobs are rebuilt, then it resumes (STYLE habit 12). Stable ids:

- ``wakeup``: a date job at the next time something falls due, replaced whenever
  the schedule changes;
- ``sweep``: every 30 s, changes made by other processes, leases of stopped
  services, missed targets, accounts waiting for reconnection;
- ``lease-renewal``: keeps the claims of long sends alive;
- extra interval jobs given by the caller (the metrics reader).

The wake-up job only *kicks* the dispatcher thread and returns: a job still running
when it is re-armed would see its next run skipped (``max_instances`` is 1).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

from essplanner.scheduler.config import ServiceConfig
from essplanner.timeutil import Clock

log = logging.getLogger(__name__)

ExtraJob = tuple[str, float, Callable[[], None]]
WAKEUP, SWEEP, RENEWAL = "wakeup", "sweep", "lease-renewal"


class Jobs:
    """The service's clockwork. ``reconcile`` runs on the dispatcher thread when kicked."""

    def __init__(self, *, config: ServiceConfig, clock: Clock, reconcile: Callable[[], None],
                 sweep: Callable[[], None], renew: Callable[[], None],
                 extra_jobs: Sequence[ExtraJob] = ()) -> None:
        self.config = config
        self.clock = clock
        self._reconcile = reconcile
        self._sweep = sweep
        self._renew = renew
        self._extra_jobs = list(extra_jobs)
        self._dispatcher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dispatch")
        self._lock = threading.Lock()
        self._kicked = False
        self._closed = False
        self._wakeup_at: datetime | None = None
        self.scheduler: Any = None

    @property
    def running(self) -> bool:
        return self.scheduler is not None and not self._closed

    def start(self, *, full: bool) -> None:
        """Start paused, add the jobs, resume. Without ``full``: lease renewal only."""
        from apscheduler.executors.pool import ThreadPoolExecutor as JobExecutor
        from apscheduler.jobstores.memory import MemoryJobStore
        from apscheduler.schedulers.background import BackgroundScheduler

        if self.scheduler is not None:
            raise RuntimeError("the publishing service is already running")
        scheduler = BackgroundScheduler(
            jobstores={"default": MemoryJobStore()},
            executors={"default": JobExecutor(4)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
            timezone=UTC,
        )
        scheduler.start(paused=True)
        self.scheduler = scheduler
        scheduler.add_job(self._renew, "interval", seconds=self.config.renew_seconds,
                          id=RENEWAL)
        if full:
            # The first sweep runs as soon as the scheduler resumes: interrupted sends,
            # missed targets, what is due now; it then sets the wake-up job.
            scheduler.add_job(self._sweep, "interval", seconds=self.config.sweep_seconds,
                              id=SWEEP, next_run_time=datetime.now(UTC))
            for job_id, seconds, func in self._extra_jobs:
                scheduler.add_job(func, "interval", seconds=seconds, id=job_id)
        scheduler.resume()

    def shutdown(self, *, wait: bool) -> None:
        with self._lock:
            self._closed = True
        scheduler, self.scheduler = self.scheduler, None
        if scheduler is not None:
            scheduler.shutdown(wait=wait)
        self._dispatcher.shutdown(wait=wait, cancel_futures=True)

    def kick(self) -> None:
        """Reconcile soon on the dispatcher thread; callers (jobs, the UI) never wait."""
        with self._lock:
            if self._kicked or self._closed:
                return
            self._kicked = True
        try:
            self._dispatcher.submit(self._kicked_reconcile)
        except RuntimeError:  # shut down meanwhile
            with self._lock:
                self._kicked = False

    def _kicked_reconcile(self) -> None:
        with self._lock:
            self._kicked = False
        self._reconcile()

    def _on_wakeup(self) -> None:
        with self._lock:
            self._wakeup_at = None
        self.kick()

    def arm(self, when: datetime | None, *, replace: bool = False) -> None:
        """Wake up at ``when`` (service clock), unless an earlier wake-up is set already.

        With ``replace`` (the database was read), ``when`` replaces whatever was set.
        """
        scheduler = self.scheduler
        if scheduler is None or self._closed:
            return
        with self._lock:
            if not replace and (when is None or (self._wakeup_at is not None
                                                 and self._wakeup_at <= when)):
                return
            self._wakeup_at = when
        if when is None:
            if scheduler.get_job(WAKEUP) is not None:
                scheduler.remove_job(WAKEUP)
            return
        delay = (when - self.clock.now()).total_seconds()
        if delay <= 0:
            with self._lock:
                self._wakeup_at = None
            self.kick()
            return
        # The service's clock says when; APScheduler counts in real time.
        run_date = datetime.now(UTC) + timedelta(seconds=delay)
        scheduler.add_job(self._on_wakeup, "date", run_date=run_date, id=WAKEUP,
                          replace_existing=True)
