"""Workspaces for the calendar benchmarks: years of posts, or a handful, around today."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert

from essplanner import models
from essplanner.credentials import MemoryStore
from essplanner.domain import DeliveryState
from essplanner.services.posts import new_idempotency_key
from essplanner.settings import Paths, Settings
from essplanner.workspace import Workspace

ZONE = "Europe/Paris"
HOURS = (8, 9, 10, 12, 13, 17, 18, 19)


def build(folder: Path, *, posts: int, spread_days: int, month_posts: int = 0,
          seed: int = 7) -> Path:
    """A workspace in ``folder``: ``month_posts`` posts in the four weeks around today
    (always the same ones, for comparisons), and ``posts`` more spread over
    ``spread_days`` centred on today but, when ``month_posts`` is given, outside the
    shown month; 1 to 3 accounts each, personas, objectives. Returns the data folder."""
    ws = Workspace.open(paths=Paths.resolve(folder), settings=Settings(timezone=ZONE),
                        secrets=MemoryStore())
    ws.settings.save(ws.paths.settings_file)
    try:
        accounts = [ws.accounts.add(platform="dryrun", name=f"{name} (bench)",
                                    settings={"mimic": name})
                    for name in ("facebook", "instagram", "bluesky", "mastodon")]
        personas = [ws.personas.add(name=n, networks=["facebook"]) for n in ("A", "B", "C")]
        objectives = [ws.objectives.add(name=n) for n in ("Dons", "Bénévoles", "Ateliers")]
        today = date.today()
        days: list[date] = []
        month_rng = random.Random(1)
        days += [today - timedelta(days=14) + timedelta(days=month_rng.randrange(28))
                 for _ in range(month_posts)]
        rng = random.Random(seed)
        first = today - timedelta(days=spread_days // 2)
        while len(days) < month_posts + posts:
            day = first + timedelta(days=rng.randrange(spread_days))
            if month_posts and abs((day - today).days) < 50:
                continue  # the shown month keeps only its own posts
            days.append(day)
        _insert(ws, days, accounts, personas, objectives, random.Random(seed + 1))
    finally:
        ws.close()
    return folder


def _insert(ws: Workspace, days: list[date], accounts: list[Any], personas: list[Any],
            objectives: list[Any], rng: random.Random) -> None:
    zone = ZoneInfo(ZONE)
    now = datetime.now(UTC)
    post_rows, target_rows, persona_rows, objective_rows = [], [], [], []
    for post_id, day in enumerate(days, start=1):
        when = datetime.combine(day, time(rng.choice(HOURS), rng.choice((0, 30))),
                                tzinfo=zone).astimezone(UTC)
        past = when < now
        post_rows.append({
            "id": post_id, "title": f"Publication {post_id}",
            "body": f"Texte de la publication {post_id} : " + "lorem ipsum " * 12,
            "link_url": "", "call_to_action": "", "hashtags": ["ESS"], "language": "fr",
            "editorial_state": "approved", "scheduled_at": when, "version": 1,
            "created_at": now, "updated_at": now,
        })
        for account in rng.sample(accounts, rng.randint(1, 3)):
            target_rows.append({
                "post_id": post_id, "account_id": account.id,
                "state": (DeliveryState.PUBLISHED if past else DeliveryState.SCHEDULED).value,
                "next_attempt_at": None if past else when, "attempt_count": 0,
                "idempotency_key": new_idempotency_key(), "options": {},
                "last_error": "", "updated_at": now,
            })
        persona_rows.append({"post_id": post_id, "persona_id": rng.choice(personas).id})
        objective_rows.append({"post_id": post_id, "objective_id": rng.choice(objectives).id})
    with ws.db.write() as s:
        s.execute(insert(models.Post), post_rows)
        s.execute(insert(models.Target), target_rows)
        s.execute(insert(models.post_persona), persona_rows)
        s.execute(insert(models.post_objective), objective_rows)
