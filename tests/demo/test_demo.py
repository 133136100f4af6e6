from datetime import UTC, datetime

from essplanner.demo.loader import load_demo
from essplanner.domain import DeliveryState, PostQuery
from essplanner.i18n import set_language
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace


def test_french_example_workspace(workspace: Workspace, clock: FakeClock) -> None:
    set_language("fr")
    load_demo(workspace)
    personas = {p.name: p for p in workspace.personas.all()}
    assert set(personas) == {"Marie", "Karim", "Sophie"}
    assert personas["Marie"].age == 72 and personas["Marie"].networks == ("facebook",)
    assert personas["Karim"].age == 30 and {"instagram", "x"} <= set(personas["Karim"].networks)
    assert personas["Sophie"].age == 40 and "Groupes locaux" in personas["Sophie"].networks
    objectives = {o.name: o for o in workspace.objectives.all()}
    assert set(objectives) == {"Dons", "Recrutement de bénévoles", "Sensibilisation",
                               "Promotion des ateliers"}
    kpi_names = {k.name for o in objectives.values() for k in o.kpis}
    assert {"Personnes sensibilisées", "Demandes d’aide reçues"} <= kpi_names
    posts = workspace.posts.query(PostQuery(include_unscheduled=True))
    assert len(posts) >= 15
    days = {p.scheduled_at.date() for p in posts if p.scheduled_at}
    assert len(days) >= 12
    now = clock.now()
    for post in posts:
        assert post.personas and post.objectives and post.targets
        for target in post.targets:
            expected = DeliveryState.PUBLISHED if post.scheduled_at <= now \
                else DeliveryState.SCHEDULED
            assert target.state is expected
    assert all(a.platform == "dryrun" for a in workspace.accounts.all())


def test_english_example_workspace(workspace: Workspace) -> None:
    load_demo(workspace, lang="en")
    assert {o.name for o in workspace.objectives.all()} == {
        "Donations", "Volunteer recruitment", "Awareness", "Workshop promotion"}
    kpis = {k.name for o in workspace.objectives.all() for k in o.kpis}
    assert {"People made aware", "Help requests received"} <= kpis
    first = workspace.posts.query(PostQuery())[0]
    assert first.language == "en"
    assert first.scheduled_at is not None
    assert first.scheduled_at >= datetime(2026, 10, 31, tzinfo=UTC)
