#!/usr/bin/env python3
"""All the translations: Qt's for the desktop app (``resources/i18n/essplanner_<lang>.ts``
and ``.qm``), gettext's for the core, the command line and the plugins
(``essplanner/locale/essplanner.pot`` and ``<lang>/LC_MESSAGES/essplanner.po``/``.mo``).

    python tools/update_translations.py            # refresh .ts/.pot/.po from the code, build
    python tools/update_translations.py --release  # only build the .qm and .mo
    python tools/update_translations.py --check    # list strings without a translation (exit 1)

Every ``self.tr("...")`` and ``QCoreApplication.translate("Context", "...")`` in
``essplanner/ui/`` is collected by ``pyside6-lupdate`` (it keeps existing
translations); translate new entries in Qt Linguist (``pyside6-linguist``) or in the
XML by hand, then run this again. The English file only needs the plural forms of
``%n`` messages, but every entry is filled so that both files are complete.
The messages of the core and the plugins (``_()``, ``n_()``, ``tr()``, ``ntr()``,
``N_()``) are extracted by Babel into the .pot, merged into the .po and compiled to .mo
(tools/i18n.py; translate the .po with Poedit, Weblate or Qt Linguist).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import i18n as gettext_catalogs  # tools/i18n.py, next to this script

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "essplanner" / "ui"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("fr", "en")


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to this Python, or on PATH."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    if beside.exists():
        return str(beside)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        sys.exit(f"pyside6-{name} not found: install PySide6-Essentials in this Python")
    return found


def ts_path(lang: str, folder: Path = I18N) -> Path:
    return folder / f"essplanner_{lang}.ts"


def sources() -> list[str]:
    return sorted(str(p) for p in SOURCES.rglob("*.py"))


def lupdate(ts: Path, lang: str, extra: Sequence[Path] = ()) -> None:
    subprocess.run(
        [tool("lupdate"), *sources(), *map(str, extra), "-ts", str(ts), "-source-language", "en",
         "-target-language", lang, "-locations", "none", "-no-obsolete", "-silent"],
        check=True)


def lrelease(ts: Path) -> Path:
    qm = ts.with_suffix(".qm")
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


@dataclass(frozen=True)
class Missing:
    context: str
    source: str


def untranslated(ts: Path) -> list[Missing]:
    """Entries with no translation, or one marked unfinished (vanished/obsolete ignored)."""
    missing = []
    # our own .ts files, written by lupdate: trusted input
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            if translation is None or kind == "unfinished":
                missing.append(Missing(name, message.findtext("source") or ""))
                continue
            forms = translation.findall("numerusform")
            texts = [f.text for f in forms] if forms else [translation.text]
            if any(not (t or "").strip() for t in texts):
                missing.append(Missing(name, message.findtext("source") or ""))
    return missing


def check(extra: Sequence[Path] = ()) -> dict[str, list[Missing]]:
    """Run lupdate on copies of the .ts files: what the code shows that is not translated
    (``extra``: more source files to scan, for testing the check itself)."""
    result: dict[str, list[Missing]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGUAGES:
            copy = ts_path(lang, Path(tmp))
            if ts_path(lang).exists():
                shutil.copyfile(ts_path(lang), copy)
            lupdate(copy, lang, extra)
            result[lang] = untranslated(copy)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--release", action="store_true", help="only build the .qm files")
    mode.add_argument("--check", action="store_true", help="list untranslated strings")
    args = parser.parse_args()
    if args.check:
        found = check()
        for lang, missing in found.items():
            for m in missing:
                print(f"{lang}: [{m.context}] {m.source!r}")
        template = gettext_catalogs.extract()
        for lang in gettext_catalogs.LANGUAGES:
            po = gettext_catalogs.read(gettext_catalogs.po_path(lang), lang)
            found[f"{lang}.po"] = [Missing("gettext", text)
                                   for text in gettext_catalogs.untranslated(template, po)]
            for text in found[f"{lang}.po"]:
                print(f"{lang}: [gettext] {text.source!r}")
        total = sum(len(m) for m in found.values())
        print(f"{total} untranslated", file=sys.stderr)
        return 1 if total else 0
    I18N.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        ts = ts_path(lang)
        if not args.release:
            lupdate(ts, lang)
            left = untranslated(ts)
            if left:
                print(f"{ts.name}: {len(left)} to translate", file=sys.stderr)
        print(lrelease(ts).relative_to(ROOT))
    if not args.release:
        gettext_catalogs.update()
    for mo in gettext_catalogs.compile_catalogs():
        print(mo.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
