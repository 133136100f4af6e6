"""Post templates from the guide (both languages), matched to a workspace; saved templates."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from essplanner import domain
from essplanner.domain import ObjectiveKind, PostDraft, Segment
from essplanner.errors import NotFoundError, ValidationError
from essplanner.services import starter
from essplanner.services.templates import (
    draft_from,
    guide_templates,
    serves_objective,
    speaks_to_persona,
    suggest,
)
from essplanner.workspace import Workspace

GUIDE_KEYS = {"practical-tip", "beneficiary-testimony", "impact-story", "call-for-volunteers",
              "event-announcement", "thank-you", "transparency"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_guide_templates_load_in_both_languages(lang: str) -> None:
    templates = guide_templates(lang)
    assert {t.key for t in templates} == GUIDE_KEYS
    guide_personas = {p.name for p in starter.persona_templates(lang)}
    for t in templates:
        assert t.name and t.body.strip() and t.description
        assert t.language == lang
        assert t.personas and set(t.personas) <= guide_personas, t.key
        assert t.objective_kinds and t.networks and t.segments
    testimony = next(t for t in templates if t.key == "beneficiary-testimony")
    assert ("droit à l’image" if lang == "fr" else "image rights") in testimony.reminder.lower()
    # the same template in the other language says the same things
    other = {t.key: t for t in guide_templates("en" if lang == "fr" else "fr")}
    for t in templates:
        assert (t.personas, t.objective_kinds, t.networks) == (
            other[t.key].personas, other[t.key].objective_kinds, other[t.key].networks)
    assert guide_templates("de") == guide_templates("fr")


def test_templates_match_the_workspace_personas_objectives_and_accounts(
        workspace: Workspace) -> None:
    marie = workspace.personas.add(name="marie", segment=Segment.BENEFICIARIES)
    karim = workspace.personas.add(name="Karim", segment=Segment.VOLUNTEERS)
    lea = workspace.personas.add(name="Léa", segment=Segment.VOLUNTEERS)
    recruit = workspace.objectives.add(name="Recrutement", kind=ObjectiveKind.VOLUNTEERS,
                                       kpi_name="Bénévoles", target_value=5)
    gifts = workspace.objectives.add(name="Dons", kind=ObjectiveKind.DONATIONS,
                                     kpi_name="Dons reçus", target_value=1000)
    linkedin = workspace.accounts.add(platform="dryrun", name="LI", settings={"mimic": "linkedin"})
    workspace.accounts.add(platform="dryrun", name="TT", settings={"mimic": "tiktok"})
    templates = {t.key: t for t in guide_templates("fr")}

    volunteers = suggest(templates["call-for-volunteers"], personas=workspace.personas.all(),
                         objectives=workspace.objectives.all(),
                         accounts=workspace.accounts.all())
    assert volunteers.persona_ids == (karim.id,)  # by name, before the segment
    assert volunteers.objective_ids == (recruit.id,)
    assert volunteers.account_ids == (linkedin.id,)
    tip = suggest(templates["practical-tip"], personas=workspace.personas.all(),
                  objectives=workspace.objectives.all(), accounts=workspace.accounts.all())
    assert tip.persona_ids == (marie.id,)  # "Marie" ignoring case
    assert tip.objective_ids == ()
    thanks = suggest(templates["thank-you"], personas=[lea], objectives=[gifts, recruit],
                     accounts=[])
    assert thanks.persona_ids == (lea.id,)  # no Karim nor Marie: by segment
    assert set(thanks.objective_ids) == {gifts.id, recruit.id}
    assert speaks_to_persona(templates["call-for-volunteers"], lea)
    assert not speaks_to_persona(templates["practical-tip"], lea)
    assert serves_objective(templates["transparency"], gifts)
    assert not serves_objective(templates["transparency"], recruit)

    draft = draft_from(templates["call-for-volunteers"], volunteers, persona_ids=(lea.id,))
    assert draft.persona_ids == (lea.id, karim.id)
    assert draft.body.startswith("🙋 Nous cherchons")
    assert draft.call_to_action == "Devenir bénévole"


def test_save_as_template_round_trip(workspace: Workspace) -> None:
    karim = workspace.personas.add(name="Karim", segment=Segment.VOLUNTEERS)
    recruit = workspace.objectives.add(name="Recrutement", kind=ObjectiveKind.VOLUNTEERS,
                                       kpi_name="Bénévoles", target_value=5)
    masto = workspace.accounts.add(platform="dryrun", name="Masto", settings={"mimic": "mastodon"})
    post = workspace.posts.create(PostDraft(
        title="L’astuce du lundi", body="Baissez le chauffage d’un degré.",
        call_to_action="En savoir plus", hashtags=("astuce",), link_url="https://ex.org/a",
        persona_ids=(karim.id,), objective_ids=(recruit.id,), account_ids=(masto.id,)),
        scheduled_at=datetime(2026, 12, 7, 8, tzinfo=UTC))

    saved = workspace.templates.save_from_post(post.id, "Astuce du lundi")
    assert saved.id is not None and not saved.from_guide
    again = workspace.templates.find("astuce du LUNDI", "fr")
    assert again == saved
    assert (again.title, again.body, again.link_url, again.hashtags) == (
        "L’astuce du lundi", "Baissez le chauffage d’un degré.", "https://ex.org/a", ("astuce",))
    assert again.personas == ("Karim",) and again.objectives == ("Recrutement",)
    assert again.segments == (Segment.VOLUNTEERS,)
    assert again.networks == ("mastodon",)
    assert [t.name for t in workspace.templates.all("fr")][-1] == "Astuce du lundi"
    with pytest.raises(ValidationError, match="already a template"):
        workspace.templates.save_from_post(post.id, "ASTUCE DU LUNDI")
    with pytest.raises(ValidationError, match="name"):
        workspace.templates.save_from_post(post.id, "  ")

    made = workspace.posts.create(draft_from(again, suggest(
        again, personas=workspace.personas.all(), objectives=workspace.objectives.all(),
        accounts=workspace.accounts.all())))
    assert made.body == post.body and made.id != post.id
    assert [p.id for p in made.personas] == [karim.id]
    assert [o.id for o in made.objectives] == [recruit.id]
    assert [t.account_id for t in made.targets] == [masto.id]
    assert all(t.state is domain.DeliveryState.DRAFT for t in made.targets)

    assert saved.id is not None
    workspace.templates.delete(saved.id)
    with pytest.raises(NotFoundError, match="no template 'Astuce du lundi'"):
        workspace.templates.find("Astuce du lundi", "fr")
