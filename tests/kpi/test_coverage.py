"""Coverage of the fixture plan (see conftest): grid counts, gaps and channel fit, exactly."""

from dataclasses import replace
from datetime import date

import pytest
from kpi_fixture import NOVEMBER, Plan

from essplanner.i18n import set_language
from essplanner.kpi.coverage import GapKind, RowKind
from essplanner.kpi.periods import DateRange


def november(plan: Plan, **kw: int):
    return plan.ws.kpis.coverage(DateRange.inclusive(*NOVEMBER), **kw)


def test_grid_counts_planned_and_published_per_week(plan: Plan) -> None:
    cov = november(plan)
    assert [w.start for w in cov.weeks] == [date(2026, 10, 26), date(2026, 11, 2),
                                            date(2026, 11, 9), date(2026, 11, 16),
                                            date(2026, 11, 23), date(2026, 11, 30)]
    rows = {(r.kind, r.name): r for r in cov.rows}
    marie = rows[(RowKind.PERSONA, "Marie")]
    assert [(c.planned, c.published) for c in marie.cells] == [
        (0, 0), (1, 1), (1, 0), (0, 0), (2, 1), (0, 0)]  # 10 Nov failed, 28 Nov scheduled
    assert marie.planned == 4 and marie.published == 2
    karim = rows[(RowKind.PERSONA, "Karim")]
    assert [c.planned for c in karim.cells] == [0, 1, 0, 0, 0, 0]  # October is outside
    sophie = rows[(RowKind.PERSONA, "Sophie")]
    assert sophie.planned == 0  # cancelled and undated posts do not count
    dons = rows[(RowKind.OBJECTIVE, "Dons")]
    assert [c.planned for c in dons.cells] == [0, 1, 2, 0, 1, 0]
    assert dons.cells[2].post_ids == (plan.posts["marie-10"], plan.posts["paul-12"])
    beneficiaries = rows[(RowKind.SEGMENT, "beneficiaries")]
    assert beneficiaries.planned == 4  # Marie's four; Sophie has none
    assert (RowKind.SEGMENT, "partners") not in rows  # no persona in that segment
    assert [r.kind for r in cov.rows] == [RowKind.PERSONA] * 4 + [RowKind.SEGMENT] * 3 + \
        [RowKind.OBJECTIVE] * 3


def test_gaps_are_found_exactly_and_said_plainly(plan: Plan) -> None:
    cov = november(plan)
    assert [(g.kind, g.name, g.start, g.end, g.weeks, g.message) for g in cov.gaps] == [
        (GapKind.PERSONA, "Karim", date(2026, 11, 9), date(2026, 12, 1), 4,
         "Nothing for Karim for three weeks (since 9 November 2026), and nothing planned "
         "until 30 November 2026."),
        (GapKind.PERSONA, "Paul", date(2026, 11, 1), date(2026, 11, 9), 2,
         "Nothing for Paul for two weeks, from 1 November 2026 to 8 November 2026."),
        (GapKind.PERSONA, "Paul", date(2026, 11, 16), date(2026, 12, 1), 3,
         "Nothing for Paul for two weeks (since 16 November 2026), and nothing planned until "
         "30 November 2026."),
        (GapKind.PERSONA, "Sophie", date(2026, 11, 1), date(2026, 12, 1), 6,
         "Nothing for Sophie in the whole period."),
        (GapKind.SEGMENT_WITHOUT_PERSONA, "partners", date(2026, 11, 1), date(2026, 12, 1), 0,
         "No persona in the « partners » segment yet: who are they, and what do they expect?"),
        (GapKind.OBJECTIVE, "Recrutement de bénévoles", date(2026, 11, 1), date(2026, 12, 1),
         0, "No post for the objective « Recrutement de bénévoles » this month."),
    ]
    rows = {r.name: r for r in cov.rows}
    assert rows["Karim"].gap_weeks == {2, 3, 4, 5}
    assert rows["Paul"].gap_weeks == {0, 1, 3, 4, 5}
    assert rows["Marie"].gap_weeks == set()  # single empty weeks are not gaps
    assert rows["Recrutement de bénévoles"].gap_weeks == {0, 1, 2, 3, 4, 5}
    # segments are highlighted as their personas, without repeating the sentences
    assert rows["volunteers"].gap_weeks == {2, 3, 4, 5}
    assert rows["beneficiaries"].gap_weeks == set()


def test_a_longer_minimum_finds_fewer_gaps(plan: Plan) -> None:
    cov = november(plan, min_weeks=3)
    assert [(g.name, g.weeks) for g in cov.gaps if g.kind is GapKind.PERSONA] == [
        ("Karim", 4), ("Paul", 3), ("Sophie", 6)]
    with pytest.raises(Exception, match="at least one week"):
        november(plan, min_weeks=0)


def test_gap_wording_in_french(plan: Plan) -> None:
    set_language("fr")
    messages = [g.message for g in november(plan).gaps]
    assert "Rien pour Karim depuis trois semaines (depuis le 9 novembre 2026), et rien de " \
           "prévu jusqu’au 30 novembre 2026." in messages
    assert "Aucune publication pour l’objectif « Recrutement de bénévoles » ce mois-ci." \
        in messages
    assert "Rien pour Sophie sur toute la période." in messages


def test_past_month_gaps_name_the_month(plan: Plan) -> None:
    cov = plan.ws.kpis.coverage(DateRange.inclusive(date(2026, 10, 1), date(2026, 10, 31)))
    objective_gaps = [g.message for g in cov.gaps if g.kind is GapKind.OBJECTIVE]
    assert objective_gaps == ["No post for the objective « Dons » in October 2026."]
    karim = next(r for r in cov.rows if r.name == "Karim")
    assert karim.planned == 2
    # nothing for Karim in the first two weeks of a past month: dates, not "since"
    karim_gaps = [g.message for g in cov.gaps if g.name == "Karim"]
    assert karim_gaps == ["Nothing for Karim for two weeks, from 1 October 2026 to "
                          "11 October 2026."]


def test_channel_fit(plan: Plan) -> None:
    cov = november(plan)
    assert [(m.persona, m.post_id, m.platforms) for m in cov.misfits] == [
        ("Paul", plan.posts["paul-12"], ("facebook",))]
    assert cov.misfits[0].message == (
        "« paul-12 » (12 November) speaks to Paul but goes out only on Facebook, where Paul "
        "is not (Paul uses LinkedIn).")
    assert {(f.persona, f.fitting, f.misfit) for f in cov.fit} == {
        ("Karim", 1, 0), ("Marie", 4, 0), ("Paul", 0, 1), ("Sophie", 0, 0)}


def test_a_dry_run_account_reaches_the_platform_it_mimics(plan: Plan) -> None:
    ws = plan.ws
    ws.accounts.update(plan.accounts["FB"].id, settings={"mimic": "linkedin"})
    cov = november(plan)
    assert [m.persona for m in cov.misfits] == ["Marie", "Marie", "Marie", "Marie"]
    assert {(f.persona, f.fitting, f.misfit) for f in cov.fit} >= {("Paul", 1, 0),
                                                                  ("Karim", 1, 0)}


def test_networks_written_the_way_people_write_them(plan: Plan) -> None:
    from essplanner.kpi.coverage import network_id

    assert [network_id(n) for n in ("Twitter", "X (Twitter)", "Insta", "Facebook", "Bsky",
                                    "LinkedIn")] == ["x", "x", "instagram", "facebook",
                                                      "bluesky", "linkedin"]
    ws = plan.ws
    paul = plan.personas["Paul"]
    ws.personas.update(replace(paul, networks=("LinkedIn", "FB")))
    assert november(plan).misfits == ()
