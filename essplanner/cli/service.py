"""``essplanner service [--once]``: the publishing service without the desktop app.

In the foreground it logs to stderr and runs until SIGTERM or SIGINT, then lets
the sends in flight finish and exits 0 (a second signal exits at once; the
interrupted sends are checked by the next service). ``--once`` publishes what
is due, waits for those sends and exits, for cron and systemd timers.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import threading
from types import FrameType
from typing import Any

from essplanner.i18n import _

log = logging.getLogger("essplanner.service")


def register(sub: Any) -> None:
    p = sub.add_parser("service", help=_("publish scheduled posts without the desktop app"))
    p.add_argument("--once", action="store_true", help=_(
        "publish what is due now, wait for the sends, then exit (for cron or a systemd timer)"))
    p.add_argument("--json", action="store_true", help=_("with --once: print the results as JSON"))
    p.set_defaults(handler=cmd_service)


def cmd_service(args: argparse.Namespace) -> int:
    from essplanner.services.background import SERVICE_ROLE, ServiceLock
    from essplanner.settings import Paths

    _log_to_stderr(args.verbose)
    # One publisher per workspace: a second one exits 2 naming the first (ServiceRunning).
    lock = ServiceLock.acquire(Paths.resolve(args.data_dir), role=SERVICE_ROLE)
    try:
        return _serve(args)
    finally:
        lock.release()


def _serve(args: argparse.Namespace) -> int:
    from essplanner.cli.common import open_workspace
    from essplanner.scheduler import PublishingService

    if args.once:
        ws = open_workspace(args)
        try:
            counts = PublishingService(ws).run_once()
        finally:
            ws.close()
        summary = {
            "published": counts["published"],
            "retry": counts["retry"] + counts["ambiguous"] + counts["not_sent"],
            "failed": counts["failed"] + counts["auth"] + counts["invalid"],
            "unconfirmed": counts["unknown"],
            "missed": counts["missed"],
        }
        if args.json:
            print(json.dumps(summary))
        else:
            print(_("published {published}, to retry later {retry}, failed {failed}, "
                    "unconfirmed {unconfirmed}, missed {missed}", **summary))
        return 0
    with _StopSignals() as stop:  # from the start: a stop while starting is a clean stop too
        ws = open_workspace(args)
        try:
            if stop.is_set():
                return 0
            from essplanner.channels.metrics import metrics_job
            from essplanner.services.backups import backup_job
            from essplanner.services.changes import ChangeWatch

            service = PublishingService(ws, extra_jobs=[metrics_job(ws), backup_job(ws)])
            service.start()
            # The window's edits (another process) are seen within a second, not at the
            # next sweep: a post scheduled for "in a minute" goes out on time.
            watch = ChangeWatch.open(ws.db.url)
            log.info("publishing service running; stop it with Ctrl+C or SIGTERM")
            while not stop.wait(1.0):
                if watch is not None and watch.changed():
                    service.wake()
            if watch is not None:
                watch.close()
            sending = len(service.in_flight())
            log.info("stopping%s", f"; waiting for {sending} sends in flight" if sending else "")
            service.stop(wait=True)
            return 0
        finally:
            ws.close()


class _StopSignals:
    """SIGTERM and SIGINT set an event; a second one exits at once (sends in flight are
    then checked by the next service)."""

    def __enter__(self) -> threading.Event:
        self.event = threading.Event()
        self.count = 0
        self.previous = {sig: signal.signal(sig, self._on_signal)
                         for sig in (signal.SIGTERM, signal.SIGINT)}
        return self.event

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        self.count += 1
        if self.count > 1:
            log.warning("second signal: exiting now; interrupted sends will be checked by the "
                        "next service")
            os._exit(1)
        log.info("signal %s received", signum)
        self.event.set()

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self.previous.items():
            signal.signal(sig, handler)


def _log_to_stderr(verbose: int) -> None:
    """The service reports what it does on stderr (INFO), more with -v."""
    level = logging.DEBUG if verbose >= 2 else logging.INFO
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler) and getattr(handler, "stream", None) in (
                sys.stderr, sys.__stderr__):
            handler.setLevel(level)
