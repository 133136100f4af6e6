#!/usr/bin/env python3
"""Fill the unfinished entries of a Qt .ts file from another .ts file's translations.

Two branches that both add UI strings conflict in ``resources/i18n/*.ts`` on every merge;
the XML is not merged by hand. Instead:

    git checkout --ours resources/i18n/essplanner_fr.ts resources/i18n/essplanner_en.ts
    python tools/update_translations.py     # lupdate: every string of the merged code
    python tools/merge_ts.py --from BRANCH  # the branch's translations, where still missing
    python tools/update_translations.py --check

``--from REV`` reads ``resources/i18n/essplanner_<lang>.ts`` of that git revision for
each language; ``TARGET DONOR...`` takes explicit files. An entry of the target is
filled when it is unfinished (or empty) and a donor has a finished translation of the
same context and source (and comment). With ``--base REV`` (the merge base, e.g.
``git merge-base HEAD BRANCH``), a finished entry also takes the donor's translation
when the donor changed it since the base and the target did not: the branch's
corrections (wording, typography) survive the merge, as git would merge them. The
target is rewritten by lupdate afterwards, so its layout stays Qt's.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import update_translations  # tools/update_translations.py, next to this script

Key = tuple[str, str, str]


def _key(context: str, message: ET.Element) -> Key:
    return (context, message.findtext("source") or "", message.findtext("comment") or "")


def _texts(translation: ET.Element) -> list[str]:
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def _finished(translation: ET.Element | None) -> bool:
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    return all(t.strip() for t in _texts(translation))


def _messages(root: ET.Element) -> Iterable[tuple[Key, ET.Element]]:
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield _key(name, message), message


def translations(root: ET.Element) -> dict[Key, ET.Element]:
    """The finished ``<translation>`` of each (context, source, comment) of ``root``."""
    found = {}
    for key, message in _messages(root):
        translation = message.find("translation")
        if translation is not None and _finished(translation):
            found[key] = translation
    return found


def fill(target: ET.Element, donors: Iterable[ET.Element],
         base: ET.Element | None = None) -> list[Key]:
    """Copy into ``target``'s unfinished entries the donors' finished translations (the
    first donor that has one wins); with ``base``, also into its finished entries still as
    in ``base`` that a donor changed since. Returns the keys filled."""
    known: dict[Key, ET.Element] = {}
    for donor in donors:
        for key, translation in translations(donor).items():
            known.setdefault(key, translation)
    before = translations(base) if base is not None else {}
    filled = []
    for key, message in _messages(target):
        translation = message.find("translation")
        if key not in known:
            continue
        if _finished(translation):
            assert translation is not None
            was = before.get(key)
            if (was is None or _texts(translation) != _texts(was)
                    or _texts(known[key]) == _texts(was)):
                continue  # ours changed it, or the donor did not: ours stays
        if translation is not None and translation.get("type") in ("vanished", "obsolete"):
            continue
        source = known[key]
        if translation is None:
            translation = ET.SubElement(message, "translation")
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        forms = source.findall("numerusform")
        if forms and message.get("numerus") == "yes":
            translation.text = None
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form.text
        elif forms or message.get("numerus") == "yes":
            continue  # one side is a plural message, the other is not: translate by hand
        else:
            translation.text = source.text
        filled.append(key)
    return filled


def parse(text: str) -> ET.Element:
    # our own .ts files (this repository's, or one of its git revisions): trusted input
    return ET.fromstring(text)  # noqa: S314


def write(root: ET.Element, path: Path) -> None:
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n',
                    encoding="utf-8")


def at_revision(rev: str, path: Path) -> str | None:
    relative = path.resolve().relative_to(update_translations.ROOT).as_posix()
    done = subprocess.run(["git", "show", f"{rev}:{relative}"], capture_output=True, text=True,
                          cwd=update_translations.ROOT, check=False)
    return done.stdout if done.returncode == 0 else None


def merge(target: Path, donors: list[str], lang: str | None,
          base: str | None = None) -> list[Key]:
    root = parse(target.read_text(encoding="utf-8"))
    filled = fill(root, [parse(text) for text in donors],
                  parse(base) if base is not None else None)
    if filled:
        write(root, target)
        if lang is not None:
            update_translations.lupdate(target, lang)  # back to lupdate's own layout
    return filled


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="rev", help="a git revision: fill both languages' .ts")
    parser.add_argument("--base", help="with --from: the merge base (a git revision)")
    parser.add_argument("files", nargs="*", type=Path, help="TARGET.ts DONOR.ts...")
    args = parser.parse_args()
    if (args.rev and args.files) or (not args.rev and len(args.files) < 2):
        parser.error("give --from REV, or TARGET.ts and at least one DONOR.ts")
    if args.base and not args.rev:
        parser.error("--base goes with --from")
    jobs: list[tuple[Path, list[str], str | None, str | None]] = []
    if args.rev:
        for lang in update_translations.LANGUAGES:
            target = update_translations.ts_path(lang)
            donor = at_revision(args.rev, target)
            if donor is None:
                print(f"{args.rev}: no {target.name}", file=sys.stderr)
                continue
            base = at_revision(args.base, target) if args.base else None
            jobs.append((target, [donor], lang, base))
    else:
        target, *donors = args.files
        root = parse(target.read_text(encoding="utf-8"))
        jobs.append((target, [d.read_text(encoding="utf-8") for d in donors],
                     root.get("language", "").split("_")[0] or None, None))
    for target, donors, lang, base in jobs:
        filled = merge(target, donors, lang, base)
        print(f"{target.name}: {len(filled)} translations filled", file=sys.stderr)
        left = update_translations.untranslated(target)
        for missing in left:
            print(f"{target.name}: still to translate: [{missing.context}] {missing.source!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
