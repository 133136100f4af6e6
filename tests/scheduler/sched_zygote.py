"""Start ``essplanner service`` processes quickly, to kill them many times in one test.

A zygote process imports ESS Planner once (no thread, no database connection yet)
and forks a child per request; each child runs the command line's ``main()`` with
the given arguments, exactly as ``python -m essplanner ...`` would, in a process of
its own that can be SIGKILLed. Starting one takes a few tens of milliseconds
instead of a second of interpreter start-up and imports.

Protocol on stdin/stdout, one line each: ``spawn <json argv>`` answers the child's
pid; ``wait <pid>`` answers its exit status (negative: killed by that signal).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def serve() -> None:
    import random

    import keyring
    import sched_filekeyring
    import sched_loopsky
    from apscheduler.schedulers.background import BackgroundScheduler

    # Everything a service needs, imported before any fork.
    import essplanner.cli.main
    import essplanner.cli.service
    import essplanner.scheduler
    import essplanner.workspace

    del BackgroundScheduler, keyring, sched_filekeyring, sched_loopsky

    for line in sys.stdin:
        verb, _, arg = line.strip().partition(" ")
        if verb == "spawn":
            argv = json.loads(arg)
            pid = os.fork()
            if pid == 0:
                # stdin and stdout are the protocol's: the child must not touch them.
                devnull = os.open(os.devnull, os.O_RDONLY)
                os.dup2(devnull, 0)
                os.dup2(2, 1)
                random.seed()
                code = 1
                try:
                    code = essplanner.cli.main.main(argv)
                finally:
                    sys.stdout.flush()
                    sys.stderr.flush()
                    os._exit(code)
            print(pid, flush=True)
        elif verb == "wait":
            _, status = os.waitpid(int(arg), 0)
            print(os.waitstatus_to_exitcode(status), flush=True)


class Zygote:
    """The test side: spawn services, wait for them."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self._log = open(log, "ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "import sched_zygote; sched_zygote.serve()"],
            env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log, text=True)

    def _ask(self, line: str) -> int:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return int(self.proc.stdout.readline())

    def spawn(self, argv: list[str]) -> int:
        return self._ask("spawn " + json.dumps(argv))

    def wait(self, pid: int) -> int:
        return self._ask(f"wait {pid}")

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(30)
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        self._log.close()
