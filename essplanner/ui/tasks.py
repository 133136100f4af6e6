"""Background work for the UI: run a function on a worker thread, get its result on the main thread.

The one helper for it (like Anki's ``aqt/taskman.py``): a widget owns a
:class:`TaskRunner`, calls ``run(fn, on_done, on_error)``, and both callbacks run on the
main thread, through queued signals (DESIGN.md §3: only the main thread touches Qt).
``fn`` must not touch Qt. Errors are handed to ``on_error``, which sorts them by blame
(:func:`essplanner.ui.messages.report_error`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    """Lives in the main thread; signals emitted from workers are queued to it."""

    succeeded = Signal(object)
    failed = Signal(object)
    open_url = Signal(str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], relay: _Relay, *, with_opener: bool) -> None:
        super().__init__()
        self.fn, self.relay, self.with_opener = fn, relay, with_opener

    def run(self) -> None:
        try:
            result = self.fn(self.relay.open_url.emit) if self.with_opener else self.fn()
        except Exception as exc:
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)


class TaskRunner(QObject):
    """Runs functions on a worker thread; their result or error comes back on the main thread.

    Signals: ``finished()`` after each result or error has been handled.
    """

    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The first child: destroyed first, it waits for running tasks while their
        # relays still exist. Closing the dialog only hides it, so nothing blocks there.
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._relays: set[_Relay] = set()

    def run(self, fn: Callable[..., Any], on_done: Callable[[Any], None],
            on_error: Callable[[Exception], None],
            on_open_url: Callable[[str], None] | None = None) -> None:
        """Start ``fn`` on a worker. With ``on_open_url``, ``fn`` receives a function that
        asks the main thread to open a URL (a browser login)."""
        relay = _Relay(self)
        self._relays.add(relay)

        def done(result: Any) -> None:
            self._release(relay)
            on_done(result)
            self.finished.emit()

        def failed(exc: Exception) -> None:
            self._release(relay)
            on_error(exc)
            self.finished.emit()

        relay.succeeded.connect(done)
        relay.failed.connect(failed)
        if on_open_url is not None:
            relay.open_url.connect(on_open_url)
        self.pool.start(_Task(fn, relay, with_opener=on_open_url is not None))

    def _release(self, relay: _Relay) -> None:
        self._relays.discard(relay)
        relay.deleteLater()

    def wait(self, msecs: int = 30_000) -> bool:
        return bool(self.pool.waitForDone(msecs))
