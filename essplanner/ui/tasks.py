"""Background work for the UI: run a function on a worker thread, get its result on the main thread.

The one helper for it (like Anki's ``aqt/taskman.py``): a widget owns a
:class:`TaskRunner`, calls ``run(fn, on_done, on_error)``, and both callbacks run on the
main thread, through queued signals (DESIGN.md §3: only the main thread touches Qt).
``fn`` must not touch Qt. Errors are handed to ``on_error``, which sorts them by blame
(:func:`essplanner.ui.messages.report_error`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    """Lives in the main thread; signals emitted from workers are queued to it. Each
    signal carries ``(task number, value)``."""

    succeeded = Signal(object)
    failed = Signal(object)
    open_url = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], relay: _Relay, number: int, *,
                 with_opener: bool) -> None:
        super().__init__()
        self.fn, self.relay, self.number, self.with_opener = fn, relay, number, with_opener

    def run(self) -> None:
        relay, number = self.relay, self.number
        try:
            result = (self.fn(lambda url: relay.open_url.emit((number, url)))
                      if self.with_opener else self.fn())
        except Exception as exc:
            relay.failed.emit((number, exc))
        else:
            relay.succeeded.emit((number, result))


class TaskRunner(QObject):
    """Runs functions on a worker thread; their result or error comes back on the main thread.

    Signals: ``finished()`` after each result or error has been handled.

    One relay serves every task, and lives exactly as long as the runner: nothing is
    created or deleted per task, so a runner destroyed with results still queued (a
    dialog closed, a test's locals dropped) leaves no deferred deletion behind; its queued
    results die with it.
    """

    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The first child: destroyed first, it waits for running tasks while the relay
        # still exists. Closing the dialog only hides it, so nothing blocks there.
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._relay = _Relay(self)
        self._relay.succeeded.connect(self._succeeded)
        self._relay.failed.connect(self._failed)
        self._relay.open_url.connect(self._open_url)
        self._tasks: dict[int, tuple[Callable[[Any], None], Callable[[Exception], None],
                                     Callable[[str], None] | None]] = {}
        self._numbers = itertools.count(1)

    def run(self, fn: Callable[..., Any], on_done: Callable[[Any], None],
            on_error: Callable[[Exception], None],
            on_open_url: Callable[[str], None] | None = None) -> None:
        """Start ``fn`` on a worker. With ``on_open_url``, ``fn`` receives a function that
        asks the main thread to open a URL (a browser login)."""
        number = next(self._numbers)
        self._tasks[number] = (on_done, on_error, on_open_url)
        self.pool.start(_Task(fn, self._relay, number, with_opener=on_open_url is not None))

    def _succeeded(self, payload: tuple[int, Any]) -> None:
        number, result = payload
        callbacks = self._tasks.pop(number, None)
        if callbacks is not None:
            callbacks[0](result)
            self.finished.emit()

    def _failed(self, payload: tuple[int, Exception]) -> None:
        number, exc = payload
        callbacks = self._tasks.pop(number, None)
        if callbacks is not None:
            callbacks[1](exc)
            self.finished.emit()

    def _open_url(self, payload: tuple[int, str]) -> None:
        number, url = payload
        callbacks = self._tasks.get(number)
        if callbacks is not None and callbacks[2] is not None:
            callbacks[2](url)

    def wait(self, msecs: int = 30_000) -> bool:
        return bool(self.pool.waitForDone(msecs))
