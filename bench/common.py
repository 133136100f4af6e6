"""What a benchmark reports: a measured value, its baseline from the same run, the goal."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    name: str
    value: float
    baseline: float | None = None
    unit: str = "s"
    goal: str = ""  # e.g. "ratio <= 1.5"
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.value / self.baseline  # type: ignore[operator]

    def line(self) -> str:
        ratio = f" ratio={self.ratio:.2f}" if self.ratio is not None else ""
        base = f" baseline={self.baseline:.4g}{self.unit}" if self.baseline is not None else ""
        goal = f" (goal: {self.goal})" if self.goal else ""
        note = f" [{self.note}]" if self.note else ""
        return f"{self.name}: {self.value:.4g}{self.unit}{base}{ratio}{goal}{note}"


def median_time(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of ``fn`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
