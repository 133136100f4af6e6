#!/usr/bin/env python3
"""Pictures of working as a team, for the README (French, 1280×800).

    .venv/bin/python tools/team_screenshots.py [OUT_DIR]

writes ``review-list-fr.png`` (the calendar with View › Review list: the posts waiting for
an approver, oldest first, who submitted them and when) and ``post-discussion-fr.png``
(a post edited after its approval, seen by the approver: the review bar with what changed
since the approval, the comments thread with @mentions and the history) into OUT_DIR
(default ``docs/screenshots``). The example workspace and a team of four on a fake clock,
so the pictures do not change with the day they are made. Runs offscreen without a display
(under Xvfb, with the system's fonts, when DISPLAY is set).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1280, 800)

if TYPE_CHECKING:
    from essplanner import domain
    from essplanner.timeutil import FakeClock
    from essplanner.workspace import Workspace


def as_member(ws: Workspace, member: domain.Member) -> None:
    """Use the workspace as ``member`` would from their own computer."""
    ws.settings.user_name, ws.settings.user_email = member.name, member.email
    ws.team.refresh()


def draft_of(post: domain.Post, **changes: object) -> domain.PostDraft:
    from dataclasses import replace

    from essplanner import domain

    draft = domain.PostDraft(
        title=post.title, body=post.body, link_url=post.link_url,
        call_to_action=post.call_to_action, hashtags=post.hashtags, language=post.language,
        editorial_state=post.editorial_state,
        persona_ids=tuple(p.id for p in post.personas),
        objective_ids=tuple(o.id for o in post.objectives),
        account_ids=tuple(t.account_id for t in post.targets))
    return replace(draft, **changes)  # type: ignore[arg-type]


def make_team(ws: Workspace, clock: FakeClock) -> tuple[int, domain.Member]:
    """The team, four posts waiting for review and one discussed post; returns the
    discussed post's id and its approver."""
    from essplanner import domain
    from essplanner.domain import Role

    claire = ws.team.set_identity("Claire Martin", "claire@energie-solidaire.org")
    karim = ws.team.add_member("Karim Haddad", "karim@energie-solidaire.org", Role.APPROVER)
    lea = ws.team.add_member("Léa Moreau", "lea@energie-solidaire.org", Role.CONTRIBUTOR)
    thomas = ws.team.add_member("Thomas Petit", "thomas@energie-solidaire.org",
                                Role.CONTRIBUTOR)
    ws.team.set_approval_required(True)
    accounts = [a.id for a in ws.accounts.all()][:2]
    personas = [p.id for p in ws.personas.all()][:1]
    objectives = [o.id for o in ws.objectives.all()][:1]
    hour = timedelta(hours=1)

    def write(who: domain.Member, title: str, body: str, day: int, at: int) -> domain.Post:
        as_member(ws, who)
        return ws.posts.create(
            domain.PostDraft(title=title, body=body, language="fr", account_ids=tuple(accounts),
                             persona_ids=tuple(personas), objective_ids=tuple(objectives),
                             hashtags=("ESS",)),
            scheduled_at=datetime(2026, 12, day, at - 1, 0, tzinfo=UTC))

    # the discussed post: written, sent back with a request, approved, edited since
    toys = write(lea, "Collecte solidaire de jouets",
                 "Samedi 12 décembre, collecte de jouets pour les familles accompagnées "
                 "par l’association. Déposez jeux et livres en bon état de 10 h à 17 h.",
                 12, 10)
    ws.reviews.submit(toys.id, "Première version, @Karim Haddad tu peux relire ?")
    clock.advance(3 * hour)
    as_member(ws, karim)
    ws.reviews.request_changes(toys.id, "Il manque l’adresse du point de collecte : "
                               "@Léa Moreau tu peux l’ajouter ?")
    clock.advance(2 * hour)
    as_member(ws, lea)
    toys = ws.posts.get(toys.id)
    toys = ws.posts.update(toys.id, draft_of(toys, body=toys.body.replace(
        "de 10 h à 17 h.", "de 10 h à 17 h, à la Maison des associations, 4 rue des "
        "Lilas.")), expected_version=toys.version)
    ws.reviews.submit(toys.id, "Adresse ajoutée.")
    clock.advance(hour)
    as_member(ws, karim)
    ws.reviews.approve(toys.id, "Parfait, merci Léa !")
    clock.advance(18 * hour)
    as_member(ws, thomas)
    ws.reviews.add_comment(toys.id, "@Léa Moreau l’épicerie solidaire relaie aussi la "
                                    "collecte, on peut la citer ?")
    clock.advance(hour)
    as_member(ws, lea)
    toys = ws.posts.get(toys.id)
    ws.posts.update(toys.id, draft_of(toys, body=toys.body.replace(
        "de 10 h à 17 h", "de 10 h à 18 h").replace(
        "4 rue des Lilas.", "4 rue des Lilas. Merci à l’épicerie solidaire qui relaie !")),
        expected_version=toys.version)  # approved, then edited: back to review

    # the review list: what else waits, submitted at different times
    for who, title, body, day, at in (
            (thomas, "Permanence d’accès aux droits",
             "Chaque mardi, nos bénévoles vous aident dans vos démarches (CAF, énergie, "
             "logement). Sans rendez-vous, de 14 h à 17 h.", 15, 9),
            (lea, "Atelier réparation de vélos",
             "Un vélo qui grince ? Venez le réparer avec nous samedi matin.", 19, 10),
            (thomas, "Appel à bénévoles pour les fêtes",
             "Nous cherchons des bénévoles pour la distribution des colis de fin d’année.",
             17, 11)):
        clock.advance(2 * hour)
        post = write(who, title, body, day, at)
        ws.reviews.submit(post.id)
    clock.advance(hour)
    as_member(ws, claire)
    return toys.id, karim


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QWidget

    from essplanner.credentials import MemoryStore
    from essplanner.demo.loader import load_demo
    from essplanner.i18n import set_language
    from essplanner.settings import Paths, Settings
    from essplanner.timeutil import FakeClock
    from essplanner.ui.bridge import Bridge
    from essplanner.ui.mainwindow import MainWindow
    from essplanner.ui.team import actions as team_actions
    from essplanner.ui.translations import install_translators
    from essplanner.workspace import Workspace

    set_language("fr")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    translators = install_translators(app, "fr")
    clock = FakeClock(datetime(2026, 12, 3, 8, 30, tzinfo=UTC))
    with tempfile.TemporaryDirectory(prefix="essplanner-shots-") as tmp:
        ws = Workspace.open(paths=Paths.resolve(str(Path(tmp) / "ws")), clock=clock,
                            settings=Settings(timezone="Europe/Paris", language="fr"),
                            secrets=MemoryStore())
        try:
            load_demo(ws, lang="fr")
            post_id, approver = make_team(ws, clock)
            as_member(ws, approver)
            bridge = Bridge()
            ws.subscribe(bridge.emit_change)
            window = MainWindow(ws, bridge)
            window.resize(*SIZE)
            window.move(0, 0)
            window.show()
            app.processEvents()
            window.after_first_paint()
            review = team_actions.install(window, ws, bridge,
                                          notify=lambda _title, _text: None)
            review.dock.show()
            window.resizeDocks([review.dock], [190], Qt.Orientation.Vertical)
            window.statusBar().clearMessage()  # the temporary folder's path says nothing
            for _round in range(3):
                app.processEvents()
            shots: dict[str, QWidget] = {"review-list-fr.png": window}
            window.open_post(post_id)
            editor = window.editors[-1]
            editor.resize(*SIZE)
            editor.move(0, 0)
            editor.form.side_tabs.setCurrentIndex(editor.team.tab)
            editor.show()
            for _round in range(3):
                app.processEvents()
            shots["post-discussion-fr.png"] = editor
            for name, widget in shots.items():
                assert widget.grab().save(str(out / name), "PNG"), name
                print(out / name)
            editor.dirty = False
            editor.close()
            window.close()
        finally:
            ws.close()
    for translator in translators:
        app.removeTranslator(translator)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
