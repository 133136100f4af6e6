#!/usr/bin/env python3
"""Move French messages from the old Python dictionaries into the gettext catalog.

Until issue 14 the French text lived in ``CATALOG`` dictionaries:
``essplanner/locale/fr_*.py`` and ``essplanner/publishers/i18n_fr*.py``. A branch
started before then may still add entries there; after merging it:

    python tools/po_from_dicts.py --delete   # entries -> fr .po, then the files go
    python tools/i18n.py --update            # align the .po with the code
    python tools/i18n.py                     # anything left to translate?

An entry whose message is already translated differently in the .po replaces it (the
dictionary is the newer one) and is listed, to check. Files are read, never imported.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import i18n  # tools/i18n.py, next to this script

PATTERNS = ("essplanner/locale/fr_*.py", "essplanner/publishers/**/i18n_fr*.py")


def dictionaries(root: Path = i18n.ROOT) -> list[Path]:
    return sorted(p for pattern in PATTERNS for p in root.glob(pattern))


def entries(path: Path) -> dict[str, str]:
    """The ``CATALOG = {...}`` literal of ``path``."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        target = (node.target if isinstance(node, ast.AnnAssign)
                  else node.targets[0] if isinstance(node, ast.Assign) else None)
        if isinstance(target, ast.Name) and target.id == "CATALOG" and node.value is not None:
            value = ast.literal_eval(node.value)
            assert isinstance(value, dict), path
            return {str(k): str(v) for k, v in value.items()}
    raise SystemExit(f"{path}: no CATALOG dictionary")


def convert(paths: list[Path], po: Path, lang: str = "fr") -> list[str]:
    """Add the entries of ``paths`` to ``po``; returns the messages whose translation
    changed."""
    catalog = i18n.read(po, lang) if po.exists() else i18n.new_catalog(lang)
    changed = []
    for path in paths:
        for source, text in entries(path).items():
            found = catalog.get(source)
            if found is not None and found.pluralizable:
                changed.append(f"{source!r}: now a plural message, translate it in the .po")
                continue
            if found is not None and found.string and found.string != text and not found.fuzzy:
                changed.append(f"{source!r}: {found.string!r} -> {text!r}")
            if found is None:
                catalog.add(source, text)
            else:
                found.string = text
                found.flags.discard("fuzzy")
    i18n.write(catalog, po)
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--delete", action="store_true", help="delete the dictionaries after")
    args = parser.parse_args()
    paths = dictionaries()
    if not paths:
        print("no French dictionaries left", file=sys.stderr)
        return 0
    for line in convert(paths, i18n.po_path("fr")):
        print(line)
    for path in paths:
        print(f"{path.relative_to(i18n.ROOT)}: {len(entries(path))} entries", file=sys.stderr)
        if args.delete:
            path.unlink()
    package = i18n.LOCALE / "__init__.py"
    others = [p for p in i18n.LOCALE.glob("*.py") if p != package]
    if args.delete and package.exists() and not others:
        package.unlink()  # essplanner/locale/ is a folder of catalogs, not a module
    return 0


if __name__ == "__main__":
    sys.exit(main())
