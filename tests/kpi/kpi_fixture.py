"""A fixture workspace whose coverage gaps and KPI values are known exactly.

Today is Friday 27 November 2026, 10:00 in Paris (the shared ``clock``). November's
weeks, Monday first: W44 (26 Oct–1 Nov), W45 (2–8), W46 (9–15), W47 (16–22),
W48 (23–29, this week), W49 (30 Nov–6 Dec).

Posts (Paris time), personas and where they go:
- 28 Oct  Karim     Sensibilisation   IG        published (October: outside November)
- 15 Oct  Karim     Recrutement       IG        published (the only recruitment post)
- 2 Nov   Karim     Sensibilisation   IG + FB   published
- 3 Nov   Marie     Dons              FB        published
- 10 Nov  Marie     Dons              FB        failed (planned, not published)
- 12 Nov  Paul      Dons              FB        published (Paul is on LinkedIn only)
- 18 Nov  Sophie    Sensibilisation   FB        cancelled
- 24 Nov  Marie     Dons              FB        published
- 28 Nov  Marie     Sensibilisation   FB        scheduled
- undated Sophie    draft
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from essplanner import domain, models
from essplanner.domain import DeliveryState, KpiSource, PostDraft, Segment
from essplanner.workspace import Workspace

PARIS_OFFSET = 1  # November: UTC+1


def need(condition: bool, reason: str) -> None:
    """Skip when a system tool is missing, except under ``make test``, where it fails
    (as ``tests/conftest.py``'s ``need``)."""
    if condition:
        return
    if os.environ.get("ESSPLANNER_REQUIRE_PEERS") == "1":
        pytest.fail(f"required component missing: {reason}")
    pytest.skip(reason)


def paris(day: int, hour: int = 10, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour - PARIS_OFFSET, tzinfo=UTC)


@dataclass
class Plan:
    ws: Workspace
    personas: dict[str, domain.Persona]
    objectives: dict[str, domain.Objective]
    accounts: dict[str, domain.Account]
    posts: dict[str, int]
    targets: dict[tuple[str, str], int]  # (post, account) -> target id

    def kpi(self, name: str) -> domain.Kpi:
        return next(k for o in self.ws.objectives.all() for k in o.kpis if k.name == name)


def _set_targets(ws: Workspace, post_id: int, state: DeliveryState,
                 when: datetime | None) -> None:
    with ws.db.write() as s:
        for t in s.get(models.Post, post_id).targets:  # type: ignore[union-attr]
            t.state = state.value
            t.published_at = when if state is DeliveryState.PUBLISHED else None
            t.remote_id = f"r{t.id}" if state is DeliveryState.PUBLISHED else None
            t.remote_url = f"https://social.example/{t.id}" \
                if state is DeliveryState.PUBLISHED else None


def build_plan(workspace: Workspace) -> Plan:
    ws = workspace
    personas = {
        "Marie": ws.personas.add(name="Marie", age=72, segment=Segment.BENEFICIARIES,
                                 networks=["facebook"]),
        "Karim": ws.personas.add(name="Karim", age=30, segment=Segment.VOLUNTEERS,
                                 networks=["instagram", "bluesky"]),
        "Sophie": ws.personas.add(name="Sophie", age=40, segment=Segment.BENEFICIARIES,
                                  networks=["facebook", "Groupes locaux"]),
        "Paul": ws.personas.add(name="Paul", age=55, segment=Segment.DONORS,
                                networks=["linkedin"]),
    }
    dons = ws.objectives.add(name="Dons", kind=domain.ObjectiveKind.DONATIONS,
                             kpi_name="Dons reçus", target_value=3000, unit="€")
    ws.kpis.add_kpi(dons.id, name="Clics vers la page de don", target=400, unit="visites",
                    source=KpiSource.VISITS)
    ws.kpis.add_kpi(dons.id, name="Clics depuis Facebook", target=100, unit="visites",
                    source=KpiSource.VISITS, metric="Facebook")
    ws.objectives.add(name="Recrutement de bénévoles",
                                    kind=domain.ObjectiveKind.VOLUNTEERS,
                                    kpi_name="Bénévoles inscrits", target_value=8,
                                    unit="personnes")
    sensib = ws.objectives.add(name="Sensibilisation", kind=domain.ObjectiveKind.AWARENESS,
                               kpi_name="Personnes sensibilisées", target_value=500,
                               unit="interactions", source=KpiSource.METRICS,
                               metric="engagement")
    ws.kpis.add_kpi(sensib.id, name="Partages", target=50, source=KpiSource.METRICS,
                    metric="reposts")
    ws.kpis.add_kpi(sensib.id, name="Demandes d’aide reçues", target=40, unit="demandes",
                    period=domain.Period.QUARTER)
    objectives = {o.name: o for o in ws.objectives.all()}
    accounts = {
        "FB": ws.accounts.add(platform="dryrun", name="FB", settings={"mimic": "facebook"}),
        "IG": ws.accounts.add(platform="dryrun", name="IG", settings={"mimic": "instagram"}),
    }

    posts: dict[str, int] = {}
    targets: dict[tuple[str, str], int] = {}

    def post(key: str, when: datetime | None, persona: str, objective: str,
             accounts_: list[str], state: DeliveryState) -> None:
        created = ws.posts.create(PostDraft(
            title=key, body=f"Texte {key}", persona_ids=(personas[persona].id,),
            objective_ids=(objectives[objective].id,),
            account_ids=tuple(accounts[a].id for a in accounts_)), scheduled_at=when)
        posts[key] = created.id
        for t in created.targets:
            targets[(key, t.account_name)] = t.id
        _set_targets(ws, created.id, state, when)

    published, failed = DeliveryState.PUBLISHED, DeliveryState.FAILED
    post("oct-sensib", paris(28, month=10), "Karim", "Sensibilisation", ["IG"], published)
    post("oct-recrut", paris(15, month=10), "Karim", "Recrutement de bénévoles", ["IG"],
         published)
    post("karim-2", paris(2), "Karim", "Sensibilisation", ["IG", "FB"], published)
    post("marie-3", paris(3), "Marie", "Dons", ["FB"], published)
    post("marie-10", paris(10), "Marie", "Dons", ["FB"], failed)
    post("paul-12", paris(12), "Paul", "Dons", ["FB"], published)
    post("sophie-18", paris(18), "Sophie", "Sensibilisation", ["FB"],
         DeliveryState.CANCELLED)
    post("marie-24", paris(24), "Marie", "Dons", ["FB"], published)
    post("marie-28", paris(28), "Marie", "Sensibilisation", ["FB"], DeliveryState.SCHEDULED)
    post("sophie-draft", None, "Sophie", "Sensibilisation", [], DeliveryState.DRAFT)
    return Plan(ws, personas, objectives, accounts, posts, targets)


def add_metric(ws: Workspace, target_id: int, name: str, value: float,
               read_at: datetime) -> None:
    """A reading as the publishers' metrics reader stores it."""
    with ws.db.write() as s:
        s.add(models.TargetMetric(target_id=target_id, name=name, value=value, read_at=read_at))


NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))


VISITS_CSV = """\
Date,Landing page,Session source,Session medium,Session campaign,Sessions
2026-11-03,/don,facebook,social,dons,120
2026-11-04,/don,instagram,social,dons,30
2026-11-04,/don,Facebook,social,Dons,10
2026-10-30,/don,facebook,social,dons,50
2026-11-05,/conseils,bluesky,social,sensibilisation,40
2026-11-06,/,google,organic,(not set),500
"""


def measure(plan: Plan, tmp_path: Path) -> None:
    """Outcome entries, visits and platform metrics of known values."""
    ws, kpis = plan.ws, plan.ws.kpis
    dons = plan.kpi("Dons reçus").id
    kpis.add_outcome(dons, amount=1200, occurred_at=paris(5), source="HelloAsso")
    kpis.add_outcome(dons, amount=800, occurred_at=paris(20), note="chèques")
    # 00:30 on 1 November in Paris is still 31 October in UTC: it counts for November
    kpis.add_outcome(dons, amount=500, occurred_at=datetime(2026, 10, 31, 23, 30, tzinfo=UTC))
    # 23:00 on 31 October in Paris: October
    kpis.add_outcome(dons, amount=300, occurred_at=datetime(2026, 10, 31, 22, 0, tzinfo=UTC))
    kpis.add_outcome(plan.kpi("Bénévoles inscrits").id, amount=3, occurred_at=paris(10))
    help_requests = plan.kpi("Demandes d’aide reçues").id
    kpis.add_outcome(help_requests, amount=10, occurred_at=paris(5, month=10))
    kpis.add_outcome(help_requests, amount=16, occurred_at=paris(15))
    csv = tmp_path / "visits.csv"
    csv.write_text(VISITS_CSV, encoding="utf-8")
    kpis.import_visits(csv)
    t = plan.targets
    ig, fb = t[("karim-2", "IG")], t[("karim-2", "FB")]
    add_metric(ws, ig, "likes", 10, paris(3))
    add_metric(ws, ig, "likes", 25, paris(10))  # the latest reading counts, not the sum
    add_metric(ws, ig, "reposts", 3, paris(10))
    add_metric(ws, ig, "replies", 2, paris(10))
    add_metric(ws, fb, "reactions", 40, paris(10))  # Facebook's names
    add_metric(ws, fb, "comments", 5, paris(10))
    add_metric(ws, fb, "shares", 5, paris(10))
    add_metric(ws, fb, "impressions", 1000, paris(10))
    add_metric(ws, t[("oct-sensib", "IG")], "likes", 100, paris(29, month=10))
    add_metric(ws, t[("marie-3", "FB")], "likes", 7, paris(4))  # Dons, not Sensibilisation
    add_metric(ws, t[("sophie-18", "FB")], "likes", 99, paris(19))  # cancelled: ignored
