"""Print the module map of essplanner/: each module and the modules it imports, then the
import cycles (module-level imports only, then counting lazy function-level imports too).

    python tools/import_map.py            # map and cycles
    python tools/import_map.py --cycles   # cycles only
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.helpers.importgraph import cycles, edges, graph  # noqa: E402


def main(argv: list[str]) -> int:
    all_edges = edges(ROOT / "essplanner")
    if "--cycles" not in argv:
        lazy_targets: dict[str, set[str]] = {}
        for edge in all_edges:
            if edge.lazy:
                lazy_targets.setdefault(edge.source, set()).add(edge.target)
        for module, targets in sorted(graph(all_edges).items()):
            shown = [t.removeprefix("essplanner.") + ("*" if t in lazy_targets.get(module, ())
                                                      and t not in graph(all_edges, lazy=False)[module]
                                                      else "")
                     for t in sorted(targets)]
            print(f"{module.removeprefix('essplanner.') or 'essplanner'} -> {' '.join(shown)}")
        print("(* only inside functions)")
    for label, lazy in (("module-level", False), ("module- and function-level", True)):
        found = cycles(graph(all_edges, lazy=lazy))
        print(f"import cycles, {label}: {len(found)}")
        for component in found:
            print("   ", " <-> ".join(m.removeprefix("essplanner.") for m in component))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
