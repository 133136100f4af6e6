"""French typography in every French catalog: a non-breaking space (U+00A0, or the narrow
U+202F) before ``: ; ! ?``, never an ordinary one, never none."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "i18n" / "essplanner_fr.ts"

# an ordinary space before the mark; or a letter, digit or closing quote glued to it (a
# colon only when a space or the end follows: "https://", "10:30" and "%1:%2" are fine)
_WRONG = re.compile(r"(?: [:;!?])|(?:[\w»”)][;!?](?=\s|$))|(?:[\w»”)]:(?=\s|$))")


def mistakes(text: str) -> list[str]:
    return [text[max(0, m.start() - 12):m.end() + 2] for m in _WRONG.finditer(text)]


def catalog_values() -> Iterator[tuple[str, str]]:
    """(where, French text) of the dict catalogs, the .po catalogs and the Qt .ts file."""
    sources = [*sorted((ROOT / "essplanner" / "locale").glob("fr_*.py")),
               *sorted((ROOT / "essplanner" / "publishers").glob("i18n_fr*.py"))]
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                for value in node.values:
                    if isinstance(value, ast.Constant) and isinstance(value.value, str):
                        yield f"{path.name}:{value.lineno}", value.value
    for po in sorted((ROOT / "essplanner").rglob("fr/LC_MESSAGES/*.po")):
        with po.open("rb") as fh:
            catalog = read_po(fh, locale="fr")
        for message in catalog:
            if not message.id:
                continue  # the header
            forms = message.string if isinstance(message.string, (tuple, list)) else (
                message.string,)
            for form in forms:
                yield f"{po.name} ({message.id!r})", form or ""
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None:
            continue
        forms = [n.text or "" for n in translation.iter("numerusform")] or [
            translation.text or ""]
        for form in forms:
            yield f"{TS.name} ({message.findtext('source')!r})", form


def test_every_french_message_has_a_non_breaking_space_before_high_punctuation() -> None:
    wrong = [f"{where}: {m!r}" for where, text in catalog_values() for m in mistakes(text)]
    assert wrong == []


def test_the_check_tells_right_from_wrong() -> None:
    assert mistakes("Erreur : fichier") and mistakes("Vraiment ?") and mistakes("Erreur: x")
    assert mistakes("Oui!") and mistakes("« Brouillon »;")
    assert not mistakes("Erreur\u00a0: fichier\u202f; suite\u202f? Oui\u202f!")
    assert not mistakes("https://exemple.org à 10:30 (%1:%2)")
