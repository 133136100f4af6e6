"""Loading the example workspace through the services: the same numbers every time."""

from __future__ import annotations

from datetime import date

import pytest

from essplanner.demo.loader import load_demo
from essplanner.domain import Change, DeliveryState, PostQuery
from essplanner.errors import ValidationError
from essplanner.kpi.periods import DateRange
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace

NOVEMBER = DateRange.inclusive(date(2026, 11, 1), date(2026, 11, 30))

#: the example loaded on 27 November 2026, 10:00 in Paris (the ``clock`` fixture): each
#: KPI's value in November (the workshops' in the fourth quarter), and the dashboard's
#: published posts, interactions and visits
NUMBERS = {
    "fr": ({"Dons reçus": 2675, "Clics vers la page de don": 234,
            "Inscriptions aux ateliers": 63, "Bénévoles inscrits": 6,
            "Personnes sensibilisées": 2933, "Demandes d’aide reçues": 41},
           (15, 3886, 742)),
    "en": ({"Donations received": 2675, "Clicks to the donation page": 236,
            "Workshop sign-ups": 63, "Volunteers signed up": 6, "People made aware": 2748,
            "Help requests received": 41},
           (15, 3665, 772)),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_example_gives_the_same_numbers(workspace: Workspace, lang: str) -> None:
    load_demo(workspace, lang=lang)
    values = {p.kpi.name: p.periods[-1].value for p in workspace.kpis.progress(NOVEMBER)}
    board = workspace.kpis.dashboard(NOVEMBER)
    assert (values, (board.published_posts, board.interactions, board.visits)) == NUMBERS[lang]


def test_it_is_created_through_the_services(workspace: Workspace, clock: FakeClock) -> None:
    changes: list[Change] = []
    workspace.subscribe(changes.append)
    load_demo(workspace, lang="en")
    posts = workspace.posts.query(PostQuery(include_unscheduled=True))
    told = Change()
    for change in changes:
        told = told | change
    assert told == Change(posts=frozenset(p.id for p in posts), personas=True, objectives=True,
                          accounts=True, measurements=True)
    now = clock.now()
    for post in posts:
        for target in post.targets:
            if post.scheduled_at <= now:
                assert (target.state, target.published_at, target.remote_id) == (
                    DeliveryState.PUBLISHED, post.scheduled_at,
                    f"dryrun:{target.idempotency_key}")
            else:
                assert (target.state, target.next_attempt_at) == (
                    DeliveryState.SCHEDULED, post.scheduled_at)
    assert {a.name: a.settings["mimic"] for a in workspace.accounts.all()} == {
        "Facebook (demo)": "facebook", "Instagram (demo)": "instagram",
        "Bluesky (demo)": "bluesky", "Mastodon (demo)": "mastodon"}
    assert {a.handle for a in workspace.accounts.all()} == {"Energy Solidarity"}


def test_accounts_of_the_same_name_are_reused(workspace: Workspace) -> None:
    mine = workspace.accounts.add(platform="dryrun", name="Facebook (demo)",
                                  settings={"mimic": "facebook"})
    load_demo(workspace, lang="en")
    assert len(workspace.accounts.all()) == 4
    assert mine.id in {t.account_id for p in workspace.posts.query(PostQuery())
                       for t in p.targets}


def test_a_taken_objective_name_stops_it_before_anything_is_stored(
        workspace: Workspace) -> None:
    workspace.objectives.add(name="Awareness")
    with pytest.raises(ValidationError, match="An objective named 'Awareness' already exists"):
        load_demo(workspace, lang="en")
    assert workspace.personas.all() == [] and workspace.accounts.all() == []
    assert [o.name for o in workspace.objectives.all()] == ["Awareness"]


def test_loaded_twice_is_refused(workspace: Workspace) -> None:
    load_demo(workspace, lang="fr")
    with pytest.raises(ValidationError, match="already loaded"):
        load_demo(workspace, lang="fr")
    assert len(workspace.posts.query(PostQuery(include_unscheduled=True))) == 16


def test_an_unknown_language_gets_the_french_example(workspace: Workspace) -> None:
    load_demo(workspace, lang="de")
    assert "Sensibilisation" in {o.name for o in workspace.objectives.all()}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_example_post_passes_the_checks_of_the_networks_its_accounts_imitate(
        workspace: Workspace, lang: str) -> None:
    """A scheduled example post that broke its network's rules (an Instagram post without
    an image) would fail at its time, in a volunteer's first month."""
    load_demo(workspace, lang=lang)
    posts = workspace.posts.query(PostQuery(include_unscheduled=True))
    scheduled = [p for p in posts
                 if any(t.state is DeliveryState.SCHEDULED for t in p.targets)]
    assert scheduled
    assert {p.title: workspace.posts.validate(p) for p in posts} == {p.title: [] for p in posts}
    pictured = [p for p in posts if p.media]
    assert len(pictured) == 5
    assert all(m.alt_text.strip() for p in pictured for m in p.media)
