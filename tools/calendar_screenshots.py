"""README pictures of issue 18: the month view and the week view with five posts within half
an hour, in French at 1280×800, from the example workspace (offscreen).

    PYTHONPATH=. python tools/calendar_screenshots.py docs/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(out: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from essplanner import domain
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
    zone = ZoneInfo("Europe/Paris")
    ws = Workspace.open(paths=Paths.resolve(Path(tempfile.mkdtemp()) / "data"),
                        settings=Settings(timezone="Europe/Paris"), secrets=MemoryStore(),
                        clock=FakeClock(datetime(2026, 11, 23, 8, tzinfo=UTC)))
    load_demo(ws, lang="fr")
    accounts = [a.id for a in ws.accounts.all()
                if (a.settings or {}).get("mimic", a.platform) != "instagram"]
    titles = ("Appel aux bénévoles", "Collecte de dons", "Atelier vélo", "Repair café",
              "Portes ouvertes")
    for i, (minute, title) in enumerate(zip((0, 5, 10, 20, 30), titles, strict=True)):
        ws.posts.create(
            domain.PostDraft(title=title, body=f"{title} : tous les détails sur le site.",
                             account_ids=tuple(accounts[: i % 3 + 1])),
            scheduled_at=datetime(2026, 11, 25, 10, minute, tzinfo=zone), schedule=True)
    window = MainWindow(ws, Bridge())
    window.resize(1280, 800)
    window.show()
    for kind, name in (("month", "month-fr.png"), ("week", "week-close-fr.png")):
        window.set_view(kind, date(2026, 11, 25))
        if kind == "week":
            window.week_view.scroll_to_time(time(8, 0))
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(out / name))
    window.close()
    ws.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
