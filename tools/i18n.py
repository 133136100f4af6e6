#!/usr/bin/env python3
"""Messages of the core and the plugins (``_("...")`` and ``tr("...")``) that lack a French
translation. ``python tools/i18n.py`` lists them; ``--stub FILE`` appends them to a catalog
with the English text as a placeholder to translate. (Qt UI strings live in .ts files.)"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "essplanner"


def extract(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"_", "tr"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.args[0].value, node.lineno))
    return found


def messages() -> dict[str, list[str]]:
    """English source string -> where it is used."""
    out: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT)
        if rel.parts[1] in ("ui", "locale") or path.name.startswith("i18n_"):
            continue  # the UI uses Qt's tr() and .ts files; catalogs are not sources
        for text, line in extract(path):
            out.setdefault(text, []).append(f"{rel}:{line}")
    return out


def french() -> dict[str, str]:
    sys.path.insert(0, str(ROOT))
    from essplanner.i18n import _, set_language
    from essplanner.publishers import i18n as shared

    set_language("fr")
    _("")  # loads the core catalogs
    return shared._catalog("fr")


def missing() -> dict[str, list[str]]:
    catalog = french()
    return {k: v for k, v in messages().items() if k not in catalog}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stub", type=Path, help="append missing strings to this catalog")
    args = parser.parse_args()
    absent = missing()
    for text, where in absent.items():
        print(f"{where[0]}: {text!r}")
    if args.stub and absent:
        lines = args.stub.read_text(encoding="utf-8").rstrip().removesuffix("}").rstrip()
        body = "".join(f"    {t!r}:\n        {t!r},\n" for t in absent)
        args.stub.write_text(f"{lines}\n{body}}}\n", encoding="utf-8")
    print(f"{len(absent)} missing of {len(messages())}", file=sys.stderr)
    return 1 if absent else 0


if __name__ == "__main__":
    sys.exit(main())
