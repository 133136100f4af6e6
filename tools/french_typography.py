#!/usr/bin/env python3
"""Put French typography's non-breaking spaces before ``: ; ! ?`` in the French catalogs.

    python tools/french_typography.py

A no-break space (U+00A0) goes before ":", a narrow one (U+202F) before ";", "!" and
"?", in the translations only (never in the English source texts): the gettext .po of
the core and the plugins (each plural form too), the Qt .ts, and any old ``fr_*.py``
dictionary a branch brings back (tools/po_from_dicts.py moves those into the .po). Safe
to run again; tests/ui/i18n/test_french_typography.py fails on any message this would
change.
"""

from __future__ import annotations

import ast
import html
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import i18n as gettext_catalogs  # tools/i18n.py, next to this script

ROOT = Path(__file__).resolve().parents[1]
NBSP, NNBSP = "\u00a0", "\u202f"


def fix(text: str) -> str:
    """``text`` with the right space before each high punctuation mark."""
    text = re.sub(r"[ \u00a0\u202f]?:(?=\s|$)", lambda m: NBSP + ":", text)
    text = re.sub(r"(?<=[\w»”)]) ?([;!?])(?=\s|$)", lambda m: NNBSP + m.group(1), text)
    return re.sub(r" ([;!?])", lambda m: NNBSP + m.group(1), text)


def fix_python_catalog(path: Path) -> bool:
    """Fix the string values of the dict literals of a ``fr_*.py`` catalog, in place."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    edits: list[tuple[int, int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Dict):
            continue
        for value in node.values:
            if not (isinstance(value, ast.Constant) and isinstance(value.value, str)):
                continue
            assert value.end_lineno is not None and value.end_col_offset is not None
            # offsets are in UTF-8 bytes within a line
            begin = starts[value.lineno - 1] + len(
                lines[value.lineno - 1].encode()[:value.col_offset].decode())
            end = starts[value.end_lineno - 1] + len(
                lines[value.end_lineno - 1].encode()[:value.end_col_offset].decode())
            segment = source[begin:end]
            fixed = fix_literal_source(segment)
            if fixed != segment:
                edits.append((begin, end, fixed))
    for begin, end, fixed in sorted(edits, reverse=True):
        source = source[:begin] + fixed + source[end:]
    if edits:
        path.write_text(source, encoding="utf-8")
    return bool(edits)


def fix_literal_source(segment: str) -> str:
    """Fix the text inside the quotes of each string literal of ``segment`` (an escaped
    newline counts as the space after a colon)."""
    def fixed(m: re.Match[str]) -> str:
        quote, body = m.group(1), m.group(2)
        return quote + fix(body.replace("\\n", "\n")).replace("\n", "\\n") + quote

    return re.sub(r'(["\'])((?:(?!\1)[^\\]|\\.)*)\1', fixed, segment)


def fix_ts(path: Path) -> bool:
    """Fix the translations of a Qt .ts file (the XML text, entities decoded first)."""
    text = path.read_text(encoding="utf-8")

    def fixed_xml(raw: str) -> str:
        plain = html.unescape(raw)
        return html.escape(fix(plain), quote=False) if fix(plain) != plain else raw

    fixed = re.sub(r"(<(?:translation|numerusform)(?: [^>]*)?>)([^<]*)(</)",
                   lambda m: m.group(1) + fixed_xml(m.group(2)) + m.group(3), text)
    if fixed != text:
        path.write_text(fixed, encoding="utf-8")
    return fixed != text


def fix_po(path: Path, lang: str = "fr") -> bool:
    """Fix the translations of a gettext .po file (every plural form), in place."""
    catalog = gettext_catalogs.read(path, lang)
    changed = False
    for message in catalog:
        if not message.id or not message.string:
            continue
        if isinstance(message.string, (tuple, list)):
            forms = tuple(fix(form) for form in message.string)
            if forms != tuple(message.string):
                message.string, changed = forms, True
        elif fix(message.string) != message.string:
            message.string, changed = fix(message.string), True
    if changed:
        gettext_catalogs.write(catalog, path)
    return changed


def main() -> int:
    changed = [p for p in (*sorted((ROOT / "essplanner" / "locale").glob("fr_*.py")),
                           *sorted((ROOT / "essplanner" / "publishers").glob("i18n_fr*.py")))
               if fix_python_catalog(p)]
    changed += [po for po in sorted((ROOT / "essplanner").rglob("fr/LC_MESSAGES/*.po"))
                if fix_po(po)]
    ts = ROOT / "resources" / "i18n" / "essplanner_fr.ts"
    if fix_ts(ts):
        changed.append(ts)
    for path in changed:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
