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
    from essplanner.cli import open_workspace
    from essplanner.scheduler import PublishingService

    _log_to_stderr(args.verbose)
    ws = open_workspace(args)
    try:
        service = PublishingService(ws)
        if args.once:
            counts = service.run_once()
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
        return _foreground(service)
    finally:
        ws.close()


def _foreground(service: Any) -> int:
    stop = threading.Event()
    received: list[int] = []

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        received.append(signum)
        if len(received) > 1:
            log.warning("second signal: exiting now; interrupted sends will be checked by the "
                        "next service")
            os._exit(1)
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        service.start()
        log.info("publishing service running; stop it with Ctrl+C or SIGTERM")
        while not stop.wait(1.0):
            pass
        sending = len(service.in_flight())
        log.info("stopping (signal %s)%s", received[0],
                 f"; waiting for {sending} sends in flight" if sending else "")
        service.stop(wait=True)
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _log_to_stderr(verbose: int) -> None:
    """The service reports what it does on stderr (INFO), more with -v."""
    level = logging.DEBUG if verbose >= 2 else logging.INFO
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler) and getattr(handler, "stream", None) in (
                sys.stderr, sys.__stderr__):
            handler.setLevel(level)
