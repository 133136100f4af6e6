"""The tooling behind ``make test``'s runs at other dates (tests/helpers/shifted.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime

from time_machine import escape_hatch

from tests.helpers.shifted import HERE

PRINT_NOW = "from datetime import UTC, datetime; print(datetime.now(UTC).isoformat())"


def _real_time() -> float:
    """The machine's clock, even while this suite runs shifted."""
    return escape_hatch.time.time() if escape_hatch.is_travelling() else time.time()


def _child_now(extra_env: dict[str, str]) -> datetime:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ESSPLANNER_TEST_")}
    env.update(extra_env)
    out = subprocess.run([sys.executable, "-c", PRINT_NOW], env=env, check=True,
                         capture_output=True, text=True, timeout=60).stdout
    return datetime.fromisoformat(out.strip())


def test_a_child_process_sees_the_moved_clock() -> None:
    target = datetime(2031, 7, 14, 8, 0, tzinfo=UTC)
    shift = target.timestamp() - _real_time()
    path = os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")])
    seen = _child_now({"ESSPLANNER_TEST_SHIFT": repr(shift), "PYTHONPATH": path})
    assert abs((seen - target).total_seconds()) < 120


def test_without_the_variable_a_child_process_keeps_the_real_clock() -> None:
    seen = _child_now({"PYTHONPATH": str(HERE)})
    assert abs(seen.timestamp() - _real_time()) < 120
