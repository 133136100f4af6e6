"""README pictures of image rights (issue 17), in French at 1280×800, offscreen:

- ``editor-people-fr.png``: the editor asking who appears in a photo, with the face
  detector's hint (scikit-image's astronaut photo, written to a temporary file: no photo
  of a person is shipped);
- ``consent-register-fr.png``: Tools › Droit à l'image… with a few people and their
  consents.

    PYTHONPATH=. python tools/consent_screenshots.py docs/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from essplanner.workspace import Workspace

SIZE = (1280, 800)


def main(out: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from essplanner.credentials import MemoryStore
    from essplanner.demo.loader import load_demo
    from essplanner.i18n import set_language
    from essplanner.settings import Paths, Settings
    from essplanner.timeutil import FakeClock
    from essplanner.ui.bridge import Bridge
    from essplanner.ui.mainwindow import MainWindow
    from essplanner.ui.translations import install_translators
    from essplanner.workspace import Workspace

    set_language("fr")
    app = QApplication([])
    install_translators(app, "fr")
    tmp = Path(tempfile.mkdtemp(prefix="essplanner-consents-"))
    ws = Workspace.open(paths=Paths.resolve(tmp / "data"),
                        settings=Settings(timezone="Europe/Paris"), secrets=MemoryStore(),
                        clock=FakeClock(datetime(2026, 11, 23, 8, tzinfo=UTC)))
    load_demo(ws, lang="fr")
    people = add_people(ws, tmp)
    bridge = Bridge()
    ws.subscribe(bridge.emit_change)
    window = MainWindow(ws, bridge)
    window.resize(*SIZE)
    window.show()
    settle(app)
    out.mkdir(parents=True, exist_ok=True)
    editor_picture(app, window, tmp, out / "editor-people-fr.png")
    register_picture(app, window, people["Lucas Petit"], out / "consent-register-fr.png")
    window.close()
    ws.close()


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def add_people(ws: Workspace, tmp: Path) -> dict[str, int]:
    """A few people of the example association, with their consents as they stand."""
    from PIL import Image, ImageDraw

    form = tmp / "autorisation-lucas.png"  # a "scan" of the signed form
    scan = Image.new("RGB", (620, 877), "white")
    ImageDraw.Draw(scan).text((40, 40), "Autorisation de droit à l'image — signée", fill="black")
    scan.save(form)
    consents = ws.consents
    awa = consents.add_person("Awa Diallo", contact="awa.diallo@example.org",
                              notes="Bénévole du marché solidaire")
    consents.add_consent(awa.id, all_networks=True, website=True, print_=True,
                         starts_on=date(2026, 3, 1), ends_on=date(2028, 2, 29))
    lucas = consents.add_person("Lucas Petit", contact="06 12 34 56 78", minor=True,
                                guardian_name="Claire Petit (sa mère)",
                                notes="Atelier vélo du mercredi")
    consents.add_consent(lucas.id, all_networks=False, platforms=("facebook",),
                         starts_on=date(2025, 9, 1), ends_on=date(2026, 8, 31),
                         guardian_signed=True)
    consents.add_consent(lucas.id, all_networks=False, platforms=("facebook", "instagram"),
                         website=True, starts_on=date(2026, 9, 1), ends_on=date(2027, 8, 31),
                         guardian_signed=True, form=form)
    helene = consents.add_person("Hélène Martin", contact="helene.martin@example.org")
    withdrawn = consents.add_consent(helene.id, all_networks=True,
                                     starts_on=date(2026, 1, 15), ends_on=None)
    consents.withdraw(withdrawn.id, "Courriel du 20 novembre")
    karim = consents.add_person("Karim Benali", contact="karim@example.org")
    consents.add_consent(karim.id, all_networks=True, starts_on=date(2026, 11, 1),
                         ends_on=date(2026, 12, 31))
    consents.add_person("Sofia Haddad", contact="Conseil d’administration")
    return {p.name: p.id for p in consents.people()}


def editor_picture(app: QApplication, window: object, tmp: Path, path: Path) -> None:
    """A new post with the astronaut's photo: the row asks who appears, with the hint."""
    from PIL import Image
    from PySide6.QtWidgets import QScrollArea
    from skimage import data

    from essplanner.ui.mainwindow import MainWindow

    assert isinstance(window, MainWindow)
    photo = tmp / "portrait-benevole.jpg"
    Image.fromarray(data.astronaut()).save(photo, quality=90)
    window.new_post(day=date(2026, 11, 30))
    editor = window.editors[-1]
    f = editor.form
    f.title_edit.setText("Portrait de bénévole : Eileen")
    f.body_edit.setPlainText("Chaque mois, une bénévole raconte son engagement. Ce mois-ci, "
                             "Eileen nous parle de ses missions au service de l’association.")
    f.hashtags_edit.setText("#ESS #Bénévolat")
    f.accounts.set_checked([a.id for a in editor.accounts if "Instagram" in a.name
                            or "Facebook" in a.name])
    editor.add_images([str(photo)])
    f.alt_edit.setText("Portrait d’une femme souriante en combinaison, devant un drapeau.")
    f.media.setData(f.media.index(0, 0), f.alt_edit.text())
    row = editor.people.rows[str(photo)]
    for _ in range(600):  # the look-up, then the face count, on worker threads
        editor.people.wait()
        settle(app, 2)
        if row.people is not None and not row.detecting:
            break
    editor.resize(*SIZE)
    editor.move(0, 0)
    editor.show()
    editor._check_timer.stop()
    editor.refresh()
    settle(app)
    scroll = f.findChild(QScrollArea)
    if scroll is not None:
        bar = scroll.verticalScrollBar()
        bar.setValue(f.media_view.mapTo(scroll.widget(), f.media_view.rect().topLeft()).y()
                     - 150)
    settle(app)
    editor.grab().save(str(path))
    print(path, "—", row.hint.text())
    editor.dirty = False
    editor.close()


def register_picture(app: QApplication, window: object, person_id: int, path: Path) -> None:
    from essplanner.ui.consents.actions import open_register
    from essplanner.ui.mainwindow import MainWindow

    assert isinstance(window, MainWindow)
    register = open_register(window)
    assert register is not None
    register.resize(*SIZE)
    register.move(0, 0)
    register.select(person_id)
    settle(app)
    register.grab().save(str(path))
    print(path)
    register.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
