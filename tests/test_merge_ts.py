"""tools/merge_ts.py: a merged .ts gets the other branch's translations where it has none."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import merge_ts  # noqa: E402
import update_translations  # noqa: E402

TARGET = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Only here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Other</name>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
"""

DONOR = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Dossier</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation>
            <numerusform>%n sauvegarde</numerusform>
            <numerusform>%n sauvegardes</numerusform>
        </translation>
    </message>
    <message>
        <source>Only here</source>
        <translation type="unfinished">Pas fini</translation>
    </message>
</context>
</TS>
"""


def test_unfinished_entries_get_the_donor_translation_of_the_same_context(
        tmp_path: Path) -> None:
    target = tmp_path / "essplanner_fr.ts"
    target.write_text(TARGET, encoding="utf-8")
    filled = merge_ts.merge(target, [DONOR], lang=None)
    assert filled == [("MainWindow", "Back up now", ""), ("MainWindow", "%n backup(s)", "")]
    done = merge_ts.translations(merge_ts.parse(target.read_text(encoding="utf-8")))
    assert done[("MainWindow", "&File", "")].text == "&Fichier"  # finished: kept
    assert done[("MainWindow", "Back up now", "")].text == "Sauvegarder maintenant"
    assert merge_ts._texts(done[("MainWindow", "%n backup(s)", "")]) == [
        "%n sauvegarde", "%n sauvegardes"]
    # another context, and a donor's unfinished text, are not translations to copy
    assert [(m.context, m.source) for m in update_translations.untranslated(target)] == [
        ("MainWindow", "Only here"), ("Other", "Back up now")]
    assert target.read_text(encoding="utf-8").startswith(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS ')


def test_with_the_base_a_correction_made_by_the_donor_only_survives(tmp_path: Path) -> None:
    base = TARGET.replace("<translation>&amp;Fichier</translation>",
                          "<translation>&amp;Dossier</translation>")
    ours = tmp_path / "essplanner_fr.ts"
    # ours still has the base's text; the donor corrected it
    ours.write_text(base, encoding="utf-8")
    donor = DONOR.replace("&amp;Dossier", "&amp;Fichier")
    assert ("MainWindow", "&File", "") in merge_ts.merge(ours, [donor], None, base=base)
    done = merge_ts.translations(merge_ts.parse(ours.read_text(encoding="utf-8")))
    assert done[("MainWindow", "&File", "")].text == "&Fichier"

    # ours changed it since the base: ours stays, whatever the donor says
    ours.write_text(TARGET.replace("&amp;Fichier", "&amp;Classeur"), encoding="utf-8")
    assert ("MainWindow", "&File", "") not in merge_ts.merge(ours, [donor], None, base=base)
    done = merge_ts.translations(merge_ts.parse(ours.read_text(encoding="utf-8")))
    assert done[("MainWindow", "&File", "")].text == "&Classeur"
