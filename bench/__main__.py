"""``python -m bench [NAME...]``: run the benchmarks in bench/*.py.

Each module defines ``run() -> list[Result]``; results are printed as ratios
against a baseline measured in the same run (this machine is shared and noisy:
absolute times mean little). Benchmarks are not tests; nothing asserts on time.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

import bench
from bench.common import Result


def main(argv: list[str]) -> int:
    wanted = set(argv)
    results: list[Result] = []
    for info in sorted(pkgutil.iter_modules(bench.__path__), key=lambda i: i.name):
        if info.name in {"common", "__main__"} or (wanted and info.name not in wanted):
            continue
        module = importlib.import_module(f"bench.{info.name}")
        run = getattr(module, "run", None)
        if run is None:
            continue
        print(f"== {info.name}", flush=True)
        for result in run():
            print(result.line(), flush=True)
            results.append(result)
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.txt").write_text("\n".join(r.line() for r in results) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
