"""Run the suite with the wall clock moved to another date: ``ESSPLANNER_TEST_NOW=ISO``.

``make test`` runs the fast suite again at several dates (a night when Europe/Paris changes
its clocks among them): a test that reads the real date instead of the injected clock fails
there. The shift is handed to child processes through ``ESSPLANNER_TEST_SHIFT`` and the
``sitecustomize`` beside this file, so a subprocess sees the same moved clock.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent / "timetravel"


def install_from_environment() -> str | None:
    """Start the shift asked for by ``ESSPLANNER_TEST_NOW``; return the ISO date, or None."""
    wanted = os.environ.get("ESSPLANNER_TEST_NOW")
    if not wanted:
        return None
    if "ESSPLANNER_TEST_SHIFT" in os.environ:  # already moved (this module imported twice)
        return wanted
    target = datetime.fromisoformat(wanted)
    if target.tzinfo is None:
        raise SystemExit(f"ESSPLANNER_TEST_NOW={wanted!r}: give a time zone (Z or +01:00)")
    shift = target.timestamp() - time.time()
    os.environ["ESSPLANNER_TEST_SHIFT"] = repr(shift)
    paths = [str(HERE), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    os.environ["PYTHONPATH"] = os.pathsep.join(paths)
    sys.path.insert(0, str(HERE))
    from essplanner_test_shift import travel

    travel(shift)
    return wanted


def pythonpath(*entries: str | os.PathLike[str]) -> str:
    """A ``PYTHONPATH`` for a child process: ``entries``, and the clock shift when one is on.

    Tests that set their own ``PYTHONPATH`` for a subprocess use this, so that the child sees
    the moved clock too (the ``sitecustomize`` in ``timetravel/`` must be on its path).
    """
    paths = [str(entry) for entry in entries]
    if os.environ.get("ESSPLANNER_TEST_SHIFT"):
        paths.insert(0, str(HERE))
    return os.pathsep.join(paths)
