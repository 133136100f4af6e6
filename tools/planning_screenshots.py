"""README picture of issue 15: the month view in French with a campaign bar, an event and
the shipped awareness days, from the example workspace (offscreen, 1280×800).

    PYTHONPATH=. python tools/planning_screenshots.py docs/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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
    ws = Workspace.open(paths=Paths.resolve(Path(tempfile.mkdtemp()) / "data"),
                        settings=Settings(timezone="Europe/Paris"), secrets=MemoryStore(),
                        clock=FakeClock(datetime(2026, 11, 23, 8, tzinfo=UTC)))
    load_demo(ws, lang="fr")
    ws.days.import_shipped("fr")
    objective = next((o.id for o in ws.objectives.all() if o.kind.value == "donations"), None)
    campaign = ws.planning.add_campaign(name="Collecte d’hiver", start_day=date(2026, 11, 16),
                                        end_day=date(2026, 12, 6), colour="#e76f51",
                                        objective_id=objective)
    ws.planning.add_event(name="Collecte nationale", start_day=date(2026, 11, 27),
                          end_day=date(2026, 11, 28), place="Supermarchés du quartier",
                          objective_id=objective, campaign_id=campaign.id)
    window = MainWindow(ws, Bridge())
    window.resize(1280, 800)
    window.show()
    window.set_view("month", date(2026, 11, 25))
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(out / "month-campaign-fr.png"))
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
