"""Measurements of the example workspace, so that its dashboard and report show numbers.

For the posts already published: platform counters read one day and three days after
publication (the later reading counts), visits of their tagged links for the days
after, and the outcome entries an association would type in (donations, sign-ups,
help requests). The two months before get outcome entries and visits too, so that
progress can be followed over time. Everything is derived from the posts' position
in the month: the same month gives the same numbers.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from essplanner import models
from essplanner.channels.composer import campaign_slug
from essplanner.domain import DeliveryState, KpiSource, ObjectiveKind, Period
from essplanner.kpi.periods import period_of
from essplanner.kpi.service import visit_instant

# platform: (counter name as the platform says it, low, high) per counter
COUNTERS: dict[str, tuple[tuple[str, int, int], ...]] = {
    "facebook": (("reactions", 25, 70), ("comments", 3, 14), ("shares", 2, 12),
                 ("post_total_media_view_unique", 400, 1400)),
    "instagram": (("like_count", 45, 130), ("comments_count", 3, 16), ("saved", 2, 12),
                  ("views", 900, 2600)),
    "bluesky": (("likeCount", 10, 35), ("repostCount", 3, 11), ("replyCount", 1, 6)),
    "mastodon": (("favourites_count", 6, 26), ("reblogs_count", 2, 9), ("replies_count", 0, 4)),
}

# outcome entries: kind of objective -> (day of month, amount, source)
OUTCOMES: dict[ObjectiveKind, tuple[tuple[int, float, str], ...]] = {
    ObjectiveKind.DONATIONS: (
        (5, 150, "HelloAsso"), (6, 420, "HelloAsso"), (7, 80, "chèque"), (12, 200, "HelloAsso"),
        (16, 650, "HelloAsso"), (17, 300, "virement"), (18, 120, "chèque"),
        (20, 95, "HelloAsso"), (23, 400, "Fondation locale"), (26, 260, "HelloAsso"),
        (29, 310, "HelloAsso"),
    ),
    ObjectiveKind.VOLUNTEERS: ((7, 2, "formulaire"), (9, 1, "permanence"),
                               (21, 3, "réunion d’accueil"), (29, 1, "formulaire")),
    ObjectiveKind.AWARENESS: ((3, 4, "téléphone"), (4, 6, "permanence"), (8, 3, "courriel"),
                              (10, 5, "permanence"), (14, 7, "téléphone"), (15, 2, "courriel"),
                              (17, 4, "permanence"), (22, 3, "téléphone"),
                              (23, 5, "permanence"), (24, 2, "courriel")),
    ObjectiveKind.PRODUCTS: ((10, 12, "formulaire"), (11, 8, "formulaire"),
                             (24, 9, "formulaire"), (25, 6, "téléphone")),
}
# the two months before: share of the current month's amounts
HISTORY = (0.62, 0.81)
# visits of the first three days after a post with a link, per platform reached
VISITS_AFTER = (24, 11, 4)


def add_measurements(s: Session, *, zone: ZoneInfo, now: datetime, first: date) -> None:
    """Counters, visits and outcome entries for the demo posts of the month of ``first``."""
    targets = s.scalars(
        select(models.Target).where(models.Target.state == DeliveryState.PUBLISHED.value)
        .options(selectinload(models.Target.account), selectinload(models.Target.post)
                 .selectinload(models.Post.objectives))
        .order_by(models.Target.id)).all()
    visits: dict[tuple[date, str, str, str], int] = {}
    for target in targets:
        post = target.post
        published = target.published_at or post.scheduled_at
        if published is None or published > now:
            continue
        platform = str(target.account.settings.get("mimic") or target.account.platform)
        rng = random.Random(f"{post.title}|{platform}")
        boost = 1.0 + 0.6 * (len(post.hashtags) > 1) + (0.8 if "Vid" in post.title else 0.0)
        if any(o.kind == ObjectiveKind.AWARENESS.value for o in post.objectives):
            boost *= 3.2  # practical tips and testimonies travel further
        for counter, low, high in COUNTERS.get(platform, ()):
            final = round(rng.randint(low, high) * boost)
            for delay, share in ((1, 0.7), (3, 1.0)):
                read_at = min(published + timedelta(days=delay), now)
                s.add(models.TargetMetric(target_id=target.id, name=counter,
                                          value=float(round(final * share)), read_at=read_at))
        if post.link_url and post.objectives:
            campaign = campaign_slug(min(post.objectives, key=lambda o: o.name.casefold()).name)
            day0 = published.astimezone(zone).date()
            for offset, base in enumerate(VISITS_AFTER):
                day = day0 + timedelta(days=offset)
                if datetime.combine(day, time(12), tzinfo=zone) > now:
                    break
                key = (day, platform, post.link_url, campaign)
                visits[key] = visits.get(key, 0) + round(base * (0.6 + rng.random()))
    objectives = s.scalars(select(models.Objective).options(
        selectinload(models.Objective.kpis))).all()
    previous = [period_of(first - timedelta(days=1), Period.MONTH).start]
    previous.insert(0, period_of(previous[0] - timedelta(days=1), Period.MONTH).start)
    for objective in objectives:
        outcome_kpi = next((k for k in objective.kpis if k.source == KpiSource.OUTCOMES.value),
                           None)
        entries = OUTCOMES.get(ObjectiveKind(objective.kind), ())
        if outcome_kpi is not None:
            for month, share in ((previous[0], HISTORY[0]), (previous[1], HISTORY[1]),
                                 (first, 1.0)):
                for day_of_month, amount, source in entries:
                    day = month + timedelta(days=day_of_month - 1)
                    when = datetime.combine(day, time(11, 30), tzinfo=zone)
                    if when > now or day.month != month.month:
                        continue
                    value = amount if share == 1.0 else max(1.0, round(amount * share))
                    s.add(models.OutcomeEntry(kpi_id=outcome_kpi.id, occurred_at=when,
                                              amount=float(value), source=source,
                                              created_at=now))
        campaign = campaign_slug(objective.name)
        for month, share in ((previous[0], HISTORY[0]), (previous[1], HISTORY[1])):
            for week in range(4):
                day = month + timedelta(days=3 + 7 * week)
                for platform in ("facebook", "instagram", "mastodon"):
                    key = (day, platform, "", campaign)
                    visits[key] = round(30 * share * (1 + week % 2))
    for (day, platform, url, campaign), count in sorted(visits.items()):
        s.add(models.LinkVisit(
            day=visit_instant(day, zone), url=url, utm_source=platform,
            utm_medium="social", utm_campaign=campaign, visits=count, imported_at=now))
