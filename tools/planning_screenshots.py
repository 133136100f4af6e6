"""README pictures of issue 15: the month view in French with a campaign bar, an event and
the shipped awareness days (month-campaign-fr.png), then with a weekly recurring post too
("L'astuce du lundi": month-planning-fr.png), from the example workspace (offscreen,
1280×800).

    PYTHONPATH=. python tools/planning_screenshots.py docs/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if TYPE_CHECKING:
    from essplanner.domain import Change
    from essplanner.workspace import Workspace


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
    bridge = Bridge()
    ws.subscribe(bridge.emit_change)  # the calendar follows the changes, as in the app
    window = MainWindow(ws, bridge)
    window.resize(1280, 800)
    window.show()
    window.set_view("month", date(2026, 11, 25))
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(out / "month-campaign-fr.png"))
    bridge.emit_change(add_weekly_series(ws))  # the states set here, behind the services
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(out / "month-planning-fr.png"))
    window.close()


def add_weekly_series(ws: Workspace) -> Change:
    """"L'astuce du lundi" every Monday at 09:00 since the start of November: the Mondays
    gone by published, the coming ones scheduled (made when the series was saved, on 1
    November)."""
    from sqlalchemy import update

    from essplanner import domain, models
    from essplanner.timeutil import FakeClock

    clock = ws.clock
    assert isinstance(clock, FakeClock)
    now = clock.now()
    accounts = [a.id for a in ws.accounts.all() if a.enabled][:2]
    clock.set(datetime(2026, 11, 1, 8, tzinfo=UTC))
    try:
        _series, posts = ws.series.create(
            domain.PostDraft(title="L’astuce du lundi",
                             body="L’astuce du lundi : trier ses papiers avant l’hiver.",
                             account_ids=tuple(accounts),
                             editorial_state=domain.EditorialState.APPROVED),
            rule="FREQ=WEEKLY;BYDAY=MO", start=datetime(2026, 11, 2, 8, tzinfo=UTC))
    finally:
        clock.set(now)
    past = [p.id for p in posts if p.scheduled_at is not None
            and p.scheduled_at < now - timedelta(minutes=1)]
    with ws.db.write() as s:
        for post in posts:
            if post.id in past:
                s.execute(update(models.Target).where(models.Target.post_id == post.id).values(
                    state=domain.DeliveryState.PUBLISHED.value, published_at=post.scheduled_at))
    return domain.Change(posts=frozenset(past))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
