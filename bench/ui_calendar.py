"""Calendar benchmarks (issue 5), each a ratio against a baseline measured in the same run.

1. Month view open and paint with 20,000 posts in the database divided by the same with
   20 posts. Goal: at most 1.5. Measured twice: with the same 20 posts in the shown month
   and 19,980 more elsewhere (the cost of the database's size), and with 20,000 posts
   spread evenly over ten years (the shown month then holds ~250 posts, not 20).
2. App start to first painted calendar (``essplanner`` on the 20,000-post database)
   divided by a bare PySide6 window's start to its first paint. Goal: at most 2.5.
3. The app's resident memory once started on the 20,000-post database (calendar painted,
   full workspace loaded: measured when it stops growing) divided by a bare PySide6
   window's. Goal: at most 2.

Every measurement runs in a fresh process (bench/ui_calendar_child.py) with
QT_QPA_PLATFORM=offscreen; medians of several runs, interleaved so that machine noise
falls on both sides alike (the two months of a ratio open in turn, window by window, in
the same process).
"""

from __future__ import annotations

import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Result

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5
REPEAT = 7
START_RUNS = 9


def _env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.pop("ESSPLANNER_DATABASE_URL", None)
    env.pop("ESSPLANNER_DATA_DIR", None)
    return env


def _month(*data_dirs: Path) -> tuple[list[list[float]], list[int]]:
    """Each workspace's month, opened and painted in turn in one process."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.ui_calendar_child", "month",
         *(str(d) for d in data_dirs), str(REPEAT)],
        env=_env(), cwd=ROOT, capture_output=True, text=True, check=True, timeout=300)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return [list(t) for t in result["times"]], [int(c) for c in result["chips"]]


def _until_first_paint(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    with subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True) as child:
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == "FIRST_PAINT":
                elapsed = time.perf_counter() - start
                break
        else:
            raise RuntimeError(f"{command[0]} exited before painting")
        child.wait(timeout=60)
    return elapsed


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _settled_rss(command: list[str], env: dict[str, str]) -> float:
    """Resident memory (MiB) of a fresh process once it stopped growing: sampled every
    quarter second until six samples in a row are within 0.5 % (at most 60 s)."""
    with subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL) as child:
        try:
            samples: list[int] = []
            deadline = time.monotonic() + 60
            time.sleep(1.0)
            while time.monotonic() < deadline and child.poll() is None:
                samples.append(_rss_kib(child.pid))
                last = samples[-6:]
                if len(last) == 6 and max(last) - min(last) <= max(last) * 0.005:
                    break
                time.sleep(0.25)
            return max(samples[-6:]) / 1024
        finally:
            child.terminate()
            child.wait(timeout=30)


def _stop_background(data_dir: Path, env: dict[str, str]) -> None:
    """Stop the background publishing service the app started for ``data_dir`` and remove
    its login entry (a benchmark must leave no process behind to load the next one)."""
    from essplanner.services.background import BackgroundPublishing
    from essplanner.settings import Paths

    BackgroundPublishing(Paths.resolve(data_dir), env=env).disable()


def _month_ratio(name: str, big: Path, small: Path, note: str) -> Result:
    big_runs: list[float] = []
    small_runs: list[float] = []
    firsts: dict[str, list[float]] = {"big": [], "small": []}
    chips: list[int] = []
    for run_number in range(RUNS):
        # both in one process, taking turns window by window (which one opens first
        # alternates from one process to the next)
        order = (big, small) if run_number % 2 == 0 else (small, big)
        times, counts = _month(*order)
        if order[0] is small:
            times, counts = times[::-1], counts[::-1]
        chips = counts
        for key, into, series in (("big", big_runs, times[0]), ("small", small_runs,
                                                                   times[1])):
            firsts[key].append(series[0])
            into.extend(series[1:])
    return Result(
        name, statistics.median(big_runs), statistics.median(small_runs),
        goal="ratio <= 1.5",
        note=f"{note}; median of {len(big_runs)}; posts in the 6-week grid: {chips[0]} vs "
             f"{chips[1]}; first open in each process "
             f"{statistics.median(firsts['big']) * 1000:.0f} ms vs "
             f"{statistics.median(firsts['small']) * 1000:.0f} ms")


def run() -> list[Result]:
    from bench.ui_calendar_data import build

    with tempfile.TemporaryDirectory(prefix="essplanner-bench-") as tmp:
        small = build(Path(tmp) / "small", posts=0, spread_days=0, month_posts=20)
        same = build(Path(tmp) / "same", posts=19_980, spread_days=3650, month_posts=20)
        dense = build(Path(tmp) / "dense", posts=20_000, spread_days=3650)
        results = [
            _month_ratio("month view open+paint, 20,000 posts / 20 posts", same, small,
                         "the same 20 posts in the shown month, 19,980 more over ten years: "
                         "what the size of the database costs"),
            _month_ratio("month view open+paint, 20,000 posts over ten years / 20 posts",
                         dense, small,
                         "5.5 posts a day all year long: the shown month holds that many more"),
        ]

        # Start-up as installed: the sources compiled once, as pip does on install (with
        # PYTHONDONTWRITEBYTECODE set, every start would compile them again, while the bare
        # window's PySide6 comes compiled).
        compileall.compile_dir(ROOT / "essplanner", quiet=1)
        app_env = dict(_env(), ESSPLANNER_EXIT_AFTER_FIRST_PAINT="1")
        app_cmd = [sys.executable, "-m", "essplanner", "--data-dir", str(dense), "--lang", "fr"]
        bare_cmd = [sys.executable, "-m", "bench.ui_calendar_child", "bare"]
        _until_first_paint(bare_cmd, _env())  # warm the OS file cache for both
        _until_first_paint(app_cmd, app_env)
        app_times, bare_times = [], []
        for _ in range(START_RUNS):
            bare_times.append(_until_first_paint(bare_cmd, _env()))
            app_times.append(_until_first_paint(app_cmd, app_env))
        results.append(Result(
            "app start to first painted calendar / bare PySide6 window",
            statistics.median(app_times), statistics.median(bare_times), goal="ratio <= 2.5",
            note=f"median of {START_RUNS} runs each, on the ten-year 20,000-post database; "
                 "sources compiled first, as installed"))

        # The app stays up (no exit after the first paint) and, as by default, hands
        # publishing to a background service: its login entry goes to a throwaway
        # config folder and the service is stopped once measured.
        run_env = dict(_env(), XDG_CONFIG_HOME=str(Path(tmp) / "config"))
        try:
            app_mem = [_settled_rss(app_cmd, run_env) for _ in range(3)]
        finally:
            _stop_background(dense, run_env)
        bare_mem = [_settled_rss([*bare_cmd, "stay"], _env()) for _ in range(3)]
        results.append(Result(
            "app resident memory after start / bare PySide6 window",
            statistics.median(app_mem), statistics.median(bare_mem), unit=" MiB",
            goal="ratio <= 2",
            note="VmRSS once it stops growing, median of 3 runs each; the app on the "
                 "ten-year 20,000-post database, calendar painted and workspace loaded"))
    return results
