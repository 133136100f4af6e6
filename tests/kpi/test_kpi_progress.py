"""KPI progress from the three sources on the fixture plan (see kpi_fixture)."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from kpi_fixture import NOVEMBER, Plan, measure, paris

from essplanner.domain import Change, KpiSource, Period
from essplanner.errors import NotFoundError, ValidationError
from essplanner.kpi.periods import DateRange
from essplanner.kpi.progress import Status, canonical_metric, engagement, normalise_readings


def by_name(progress):
    return {p.kpi.name: p for p in progress}


def test_kpi_progress_from_the_three_sources(plan: Plan, tmp_path: Path) -> None:
    measure(plan, tmp_path)
    progress = by_name(plan.ws.kpis.progress(DateRange.inclusive(*NOVEMBER)))
    values = {name: [(p.label, p.value, p.target) for p in prog.periods]
              for name, prog in progress.items()}
    assert values == {
        # (b) outcome entries, by their local day
        "Dons reçus": [("November 2026", 2500.0, 3000.0)],
        "Bénévoles inscrits": [("November 2026", 3.0, 8.0)],
        "Demandes d’aide reçues": [("Q4 2026", 26.0, 40.0)],
        # (c) imported visits of the objective's campaign (any case), and from one source
        "Clics vers la page de don": [("November 2026", 160.0, 400.0)],
        "Clics depuis Facebook": [("November 2026", 130.0, 100.0)],
        # (a) latest platform counters of the objective's posts published in the period
        "Personnes sensibilisées": [("November 2026", 80.0, 500.0)],
        "Partages": [("November 2026", 8.0, 50.0)],
    }
    status = {name: prog.periods[-1].status for name, prog in progress.items()}
    assert status == {
        "Dons reçus": Status.BEHIND, "Bénévoles inscrits": Status.BEHIND,
        "Demandes d’aide reçues": Status.ON_TRACK, "Clics vers la page de don": Status.BEHIND,
        "Clics depuis Facebook": Status.REACHED, "Personnes sensibilisées": Status.BEHIND,
        "Partages": Status.BEHIND,
    }
    november = progress["Dons reçus"].periods[0]
    assert november.elapsed == pytest.approx(634 / 720)  # 26 days and 10 hours of 30 days
    assert november.expected == pytest.approx(3000 * 634 / 720)
    assert november.ratio == pytest.approx(2500 / 3000)


def test_history_gives_each_period(plan: Plan, tmp_path: Path) -> None:
    measure(plan, tmp_path)
    history = by_name(plan.ws.kpis.history(months=2))
    assert [(p.label, p.value, p.status) for p in history["Dons reçus"].periods] == [
        ("October 2026", 300.0, Status.MISSED), ("November 2026", 2500.0, Status.BEHIND)]
    assert [p.value for p in history["Personnes sensibilisées"].periods] == [100.0, 80.0]
    assert [p.value for p in history["Clics vers la page de don"].periods] == [50.0, 160.0]
    # the periods of the last two months: October and November are both in Q4
    assert [p.label for p in history["Demandes d’aide reçues"].periods] == ["Q4 2026"]
    longer = by_name(plan.ws.kpis.history(months=3))
    assert [(p.label, p.value) for p in longer["Demandes d’aide reçues"].periods] == [
        ("Q3 2026", 0.0), ("Q4 2026", 26.0)]
    assert len(longer["Dons reçus"].periods) == 3
    current = by_name(plan.ws.kpis.progress())
    assert current["Dons reçus"].latest.value == 2500.0  # type: ignore[union-attr]


def test_weekly_and_campaign_periods(plan: Plan, tmp_path: Path) -> None:
    measure(plan, tmp_path)
    ws = plan.ws
    sensib = plan.objectives["Sensibilisation"].id
    ws.kpis.add_kpi(sensib, name="Interactions par semaine", target=20,
                    source=KpiSource.METRICS, period=Period.WEEK)
    ws.kpis.add_kpi(sensib, name="J’aime de la campagne", target=30,
                    source=KpiSource.METRICS, metric="favourites", period=Period.CAMPAIGN)
    progress = by_name(ws.kpis.progress(DateRange.inclusive(date(2026, 11, 2),
                                                           date(2026, 11, 15))))
    weekly = progress["Interactions par semaine"].periods
    assert [(p.label, p.value) for p in weekly] == [("W45 2026", 80.0), ("W46 2026", 0.0)]
    assert weekly[0].status is Status.REACHED and weekly[1].status is Status.MISSED
    campaign = progress["J’aime de la campagne"].periods
    assert [(p.label, p.value) for p in campaign] == [
        ("2 November 2026 to 15 November 2026", 65.0)]  # 25 + 40 likes


def test_metric_names_across_platforms() -> None:
    assert canonical_metric("favourites_count") == "likes"
    assert canonical_metric("likeCount") == "likes"
    assert canonical_metric("reblogs") == "reposts"
    assert canonical_metric("retweet_count") == "reposts"
    assert canonical_metric("replies_count") == "replies"
    assert canonical_metric("quoteCount") == "quotes"
    assert canonical_metric("impression_count") == "views"
    assert canonical_metric("total_interactions") == "interactions"
    readings = normalise_readings({"favourites": 4, "likes": 5, "reblogs_count": 2,
                                   "replies": 1, "views": 900})
    assert readings == {"likes": 5, "reposts": 2, "replies": 1, "views": 900}
    assert engagement(readings) == 8
    assert engagement({"interactions": 12}) == 12  # a platform's own total, when alone


def test_outcome_entries_are_checked(plan: Plan) -> None:
    kpis = plan.ws.kpis
    with pytest.raises(ValidationError, match="measured from platform metrics"):
        kpis.add_outcome(plan.kpi("Personnes sensibilisées").id, amount=3)
    with pytest.raises(ValidationError, match="other than zero"):
        kpis.add_outcome(plan.kpi("Dons reçus").id, amount=0)
    with pytest.raises(ValidationError, match="other than zero"):
        kpis.add_outcome(plan.kpi("Dons reçus").id, amount=float("nan"))
    with pytest.raises(ValidationError, match="future"):
        kpis.add_outcome(plan.kpi("Dons reçus").id, amount=5, occurred_at=paris(29))
    with pytest.raises(ValidationError, match="future"):
        kpis.add_outcome(plan.kpi("Dons reçus").id, amount=5,
                         occurred_at=plan.ws.clock.now() + timedelta(minutes=10))
    with pytest.raises(NotFoundError):
        kpis.add_outcome(9999, amount=5)
    assert kpis.outcomes() == []
    # a clock a minute ahead is still "now"
    kpis.add_outcome(plan.kpi("Dons reçus").id, amount=5,
                     occurred_at=plan.ws.clock.now() + timedelta(minutes=1))


def test_outcome_entries_undo_and_notify(plan: Plan) -> None:
    kpis = plan.ws.kpis
    changes: list[Change] = []
    kpis.subscribe(changes.append)
    entry = kpis.add_outcome(plan.kpi("Dons reçus").id, amount=50, source="Chèque",
                             note="Mme D.")
    assert (entry.amount, entry.day, entry.source, entry.unit, entry.objective_name) == (
        50.0, date(2026, 11, 27), "Chèque", "€", "Dons")
    removed = kpis.delete_outcome(entry.id)
    assert kpis.outcomes() == []
    back = kpis.restore_outcome(removed)
    assert [(o.amount, o.note) for o in kpis.outcomes()] == [(50.0, "Mme D.")]
    assert back.occurred_at == entry.occurred_at
    assert changes == [Change(measurements=True)] * 3


def test_find_a_kpi_by_its_name_or_its_objective(plan: Plan) -> None:
    kpis = plan.ws.kpis
    assert kpis.find_kpi("dons reçus")[1].name == "Dons reçus"
    assert kpis.find_kpi("Dons", source=KpiSource.OUTCOMES)[1].name == "Dons reçus"
    assert kpis.find_kpi("recrutement", source=KpiSource.OUTCOMES)[1].name == \
        "Bénévoles inscrits"
    assert kpis.find_kpi("Sensibilisation", source=KpiSource.OUTCOMES)[1].name == \
        "Demandes d’aide reçues"
    with pytest.raises(NotFoundError, match="Known: Dons reçus \\(Dons\\)"):
        kpis.find_kpi("Zorglub", source=KpiSource.OUTCOMES)


def test_kpis_are_validated(plan: Plan) -> None:
    kpis = plan.ws.kpis
    dons = plan.objectives["Dons"].id
    with pytest.raises(ValidationError, match="already has a KPI"):
        kpis.add_kpi(dons, name="dons reçus", target=1)
    with pytest.raises(ValidationError, match="Unknown metric"):
        kpis.add_kpi(dons, name="X", target=1, source=KpiSource.METRICS, metric="bananas")
    with pytest.raises(ValidationError, match="no metric"):
        kpis.add_kpi(dons, name="X", target=1, metric="likes")
    with pytest.raises(ValidationError, match="negative"):
        kpis.add_kpi(dons, name="X", target=-1)
    added = kpis.add_kpi(dons, name="Likes", target=10, source=KpiSource.METRICS,
                         metric="favourites")
    assert added.metric == "likes"
    assert [k.name for k in plan.ws.objectives.get(dons).kpis][-1] == "Likes"
    kpis.remove_kpi(added.id)
    assert "Likes" not in [k.name for k in plan.ws.objectives.get(dons).kpis]


def test_reach_and_best_posts(plan: Plan, tmp_path: Path) -> None:
    measure(plan, tmp_path)
    board = plan.ws.kpis.dashboard(DateRange.inclusive(*NOVEMBER))
    assert board.published_posts == 4  # karim-2, marie-3, paul-12, marie-24
    assert board.interactions == 87  # 30 + 50 + 7
    assert board.visits == 700  # every imported visit of November
    persona = {r.key: (r.posts, r.interactions, r.views) for r in board.by_persona}
    assert persona == {"Karim": (1, 80, 1000), "Marie": (2, 7, 0), "Paul": (1, 0, 0),
                       "Sophie": (0, 0, 0)}
    platform = {r.key: (r.posts, r.interactions, r.visits) for r in board.by_platform}
    assert platform == {"facebook": (4, 57, 130), "instagram": (1, 30, 30),
                        "bluesky": (0, 0, 40)}
    assert [(p.title, p.interactions, p.platforms) for p in board.best_posts][:2] == [
        ("karim-2", 80, ("facebook", "instagram")), ("marie-3", 7, ("facebook",))]
    assert board.best_posts[0].personas == ("Karim",)
    assert board.best_posts[0].objectives == ("Sensibilisation",)
