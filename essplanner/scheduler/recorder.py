"""Outcomes are written by one thread, in batches: database writes are serialized, sends are
parallel (STYLE habit 8).

A send hands its outcome over and goes on with the next post of its account; the
recorder commits whatever has accumulated in one short transaction. Until then
the target stays ``publishing`` under this service's lease (renewed), so a crash
in between is handled like a crash mid-send: the platform is asked.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence

from essplanner.errors import EssPlannerError
from essplanner.scheduler.outcome import Claim, Outcome
from essplanner.scheduler.store import DeliveryStore
from essplanner.timeutil import Clock

log = logging.getLogger(__name__)

Recorded = Callable[[Sequence[tuple[Claim, Outcome, bool]]], None]
BATCH = 200


class Recorder:
    """Writes outcomes in batches; ``on_recorded`` hears (claim, outcome, recorded) after."""

    def __init__(self, store: DeliveryStore, clock: Clock, *, retry_seconds: float,
                 on_recorded: Recorded) -> None:
        self.store = store
        self.clock = clock
        self.retry_seconds = retry_seconds
        self.on_recorded = on_recorded
        self._items: list[tuple[Claim, Outcome, threading.Event | None]] = []
        self._cond = threading.Condition()
        self._closing = False
        self._thread: threading.Thread | None = None

    def put(self, claim: Claim, outcome: Outcome, *, wait: bool = False) -> None:
        """Queue an outcome; with ``wait``, return once it is written (or given up)."""
        done = threading.Event() if wait else None
        with self._cond:
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="publish-recorder",
                                                daemon=True)
                self._thread.start()
            self._items.append((claim, outcome, done))
            self._cond.notify_all()
        if done is not None:
            done.wait()

    def close(self) -> None:
        """Write what is queued, then end the thread."""
        with self._cond:
            self._closing = True
            self._cond.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join()

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._items and not self._closing:
                    self._cond.wait()
                if not self._items:
                    return
                batch, self._items = self._items[:BATCH], self._items[BATCH:]
            results = self._write(batch)
            try:
                self.on_recorded([(c, o, ok) for (c, o, _), ok in zip(batch, results, strict=True)])
            except Exception:
                log.exception("handling recorded outcomes failed")
            for *_rest, done in batch:
                if done is not None:
                    done.set()

    def _write(self, batch: Sequence[tuple[Claim, Outcome, object]]) -> list[bool]:
        """Commit the batch, retrying while the database is unavailable."""
        deadline = time.monotonic() + self.retry_seconds
        delay = 0.2
        while True:
            try:
                return self.store.finish_many([(c, o) for c, o, _ in batch], self.clock.now())
            except EssPlannerError as exc:
                if time.monotonic() >= deadline:
                    log.error("%d outcomes could not be recorded (%s); those posts will be "
                              "checked again when their leases run out", len(batch), exc)
                    return [False] * len(batch)
                log.warning("recording %d outcomes failed (%s); retrying", len(batch), exc)
                time.sleep(delay)
                delay = min(delay * 2, 5.0)
            except Exception:
                log.exception("recording %d outcomes failed", len(batch))
                return [False] * len(batch)
