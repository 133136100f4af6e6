#!/usr/bin/env python3
"""gettext catalogs of the core, the command line and the built-in platforms (Babel).

    python tools/i18n.py            # list the messages without a French translation (exit 1)
    python tools/i18n.py --update   # extract essplanner.pot from the code, update the .po
    python tools/i18n.py --compile  # compile the .po to .mo (make does this)

Messages are ``_("...")``/``tr("...")``, plurals ``n_(...)``/``ntr(...)`` and strings
translated later ``N_("...")``; ``essplanner/ui/`` uses Qt's ``tr()`` and .ts files
(tools/update_translations.py, which runs this too). Translate the .po with Poedit,
Weblate or Qt Linguist, or by hand; entries marked fuzzy count as untranslated.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "essplanner"
LOCALE = PACKAGE / "locale"
DOMAIN = "essplanner"
POT = LOCALE / f"{DOMAIN}.pot"
LANGUAGES = ("fr",)  # English is the source language: no catalog
# function name -> positions of the message arguments (None: the first)
KEYWORDS: dict[str, tuple[int, ...] | None] = {
    "_": None, "tr": None, "N_": None, "n_": (1, 2), "ntr": (1, 2)}
METHODS = [("ui/**.py", "ignore"), ("locale/**", "ignore"), ("**.py", "python")]
# the Qt UI's own strings are Qt's (self.tr, .ts files); the core's _() it calls are ours
UI_KEYWORDS: dict[str, tuple[int, ...] | None] = {"_": None, "n_": (1, 2)}
UI_METHODS = [("**.py", "python")]
HEADERS = {
    "fr": "Plural-Forms: nplurals=2; plural=(n > 1);\\n",
}


def po_path(lang: str, locale: Path = LOCALE) -> Path:
    return locale / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract(package: Path = PACKAGE) -> Catalog:
    """Every message of ``package`` as a template (in ui/, only the core's ``_()``)."""
    template = Catalog(project="ESS Planner", domain=DOMAIN, charset="utf-8", fuzzy=False)
    passes = [(package, METHODS, KEYWORDS)]
    if (package / "ui").is_dir():
        passes.append((package / "ui", UI_METHODS, UI_KEYWORDS))
    # Babel 2.19 warns on stderr about any f-string inside the call, even one given as a
    # parameter (``size=f"{mb:.1f}"``): tests/test_i18n.py rejects f-string messages itself
    with contextlib.redirect_stderr(io.StringIO()):
        for folder, methods, keywords in passes:
            for filename, lineno, message, comments, context in extract_from_dir(
                    folder, methods, keywords=keywords, comment_tags=("TRANSLATORS:",),
                    strip_comment_tags=True):
                where = (folder / filename).relative_to(package.parent).as_posix()
                template.add(message, None, [(where, lineno)], auto_comments=comments,
                             context=context)
    return template


def new_catalog(lang: str) -> Catalog:
    """An empty catalog for ``lang``, with gettext's classic plural rule for it."""
    header = (f'msgid ""\nmsgstr ""\n"Project-Id-Version: ESS Planner\\n"\n'
              f'"Language: {lang}\\n"\n"MIME-Version: 1.0\\n"\n'
              f'"Content-Type: text/plain; charset=utf-8\\n"\n'
              f'"Content-Transfer-Encoding: 8bit\\n"\n"{HEADERS.get(lang, "")}"\n')
    return read_po(io.StringIO(header), locale=lang, domain=DOMAIN)


def read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale=lang, domain=DOMAIN)


def write(catalog: Catalog, path: Path) -> bool:
    """Write ``catalog`` as a .po/.pot: sorted, file names without line numbers (fewer
    conflicts between branches). Returns whether the file changed (dates aside)."""
    out = io.BytesIO()
    write_po(out, catalog, sort_output=True, include_lineno=False, ignore_obsolete=True,
             width=100)

    def body(data: bytes) -> list[bytes]:
        return [line for line in data.splitlines()
                if not line.startswith((b'"POT-Creation-Date', b'"PO-Revision-Date'))]

    if path.exists() and body(path.read_bytes()) == body(out.getvalue()):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())
    return True


def untranslated(template: Catalog, catalog: Catalog) -> list[str]:
    """Messages of ``template`` that ``catalog`` lacks, leaves empty (any plural form)
    or marks fuzzy."""
    missing = []
    for message in template:
        if not message.id:
            continue
        found = catalog.get(message.id, context=message.context)
        strings = (found.string if isinstance(found.string, tuple) else (found.string,)
                   ) if found is not None else ()
        if (found is None or found.fuzzy or not strings or not all(strings)
                or found.pluralizable != message.pluralizable
                or (found.pluralizable and len(strings) != catalog.num_plurals)):
            missing.append(message.id[0] if isinstance(message.id, tuple) else message.id)
    return missing


def update(locale: Path = LOCALE, package: Path = PACKAGE) -> Catalog:
    """Refresh the template from the code and merge it into each language's .po."""
    template = extract(package)
    if write(template, locale / POT.name):
        print((locale / POT.name).relative_to(ROOT) if locale.is_relative_to(ROOT)
              else locale / POT.name)
    for lang in LANGUAGES:
        path = po_path(lang, locale)
        catalog = read(path, lang) if path.exists() else new_catalog(lang)
        catalog.update(template, update_creation_date=False)
        write(catalog, path)
        left = untranslated(template, catalog)
        if left:
            print(f"{path.name} ({lang}): {len(left)} to translate", file=sys.stderr)
    return template


def compile_catalogs(locale: Path = LOCALE) -> list[Path]:
    """Each ``<lang>/LC_MESSAGES/essplanner.po`` compiled to its ``.mo`` (fuzzy left out)."""
    built = []
    for lang in LANGUAGES:
        po = po_path(lang, locale)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as fh:
            write_mo(fh, read(po, lang), use_fuzzy=False)
        built.append(mo)
    return built


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--update", action="store_true", help="extract the .pot, update the .po")
    mode.add_argument("--compile", action="store_true", help="compile the .po to .mo")
    args = parser.parse_args()
    if args.update:
        update()
        return 0
    if args.compile:
        for mo in compile_catalogs():
            print(mo.relative_to(ROOT))
        return 0
    template = extract()
    total = 0
    for lang in LANGUAGES:
        missing = untranslated(template, read(po_path(lang), lang))
        for text in missing:
            where = ", ".join(f"{f}:{n}" for f, n in template[text].locations)
            print(f"{lang}: {where}: {text!r}")
        total += len(missing)
    print(f"{total} untranslated of {len(template)}", file=sys.stderr)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
