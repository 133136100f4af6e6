"""Filling a coverage gap: the evergreen posts available in it and the templates that
speak to its persona, segment or objective.

Pure functions: the caller gives the gap, the workspace's personas and objectives, the
evergreen posts available during the gap (with the first time each may be reused, from
:meth:`EvergreenService.available`) and the templates.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from essplanner import domain
from essplanner.domain import Segment
from essplanner.kpi.coverage import Gap, GapKind
from essplanner.services.evergreen import EvergreenPost
from essplanner.services.templates import PostTemplate, serves_objective, speaks_to_persona


class ProposalKind(enum.StrEnum):
    EVERGREEN = "evergreen"
    TEMPLATE = "template"


@dataclass(frozen=True)
class Proposal:
    """A way to fill ``gap``: reuse evergreen post ``post_id`` at ``when``, or write a post
    from ``template``, tagged with the gap's persona or objective."""

    kind: ProposalKind
    name: str
    gap: Gap
    when: datetime | None = None  # an evergreen post's first allowed time in the gap
    post_id: int | None = None
    template: PostTemplate | None = None
    persona_ids: tuple[int, ...] = ()
    objective_ids: tuple[int, ...] = ()


def proposals(gap: Gap, *, personas: Sequence[domain.Persona],
              objectives: Sequence[domain.Objective],
              available: Sequence[tuple[EvergreenPost, datetime]],
              templates: Sequence[PostTemplate]) -> list[Proposal]:
    """Evergreen posts first (ready to go), then templates; none for a segment that has no
    persona yet (the gap asks for a persona, not a post)."""
    persona_ids: tuple[int, ...] = ()
    objective_ids: tuple[int, ...] = ()
    if gap.kind is GapKind.PERSONA:
        persona = next((p for p in personas if str(p.id) == gap.key), None)
        if persona is None:
            return []
        persona_ids = (persona.id,)
        wanted_personas = {persona.id}

        def template_fits(t: PostTemplate) -> bool:
            return speaks_to_persona(t, persona)
    elif gap.kind is GapKind.SEGMENT:
        segment = Segment(gap.key)
        members = [p for p in personas if p.segment is segment and not p.archived]
        wanted_personas = {p.id for p in members}

        def template_fits(t: PostTemplate) -> bool:
            return segment in t.segments or any(speaks_to_persona(t, p) for p in members)
    elif gap.kind is GapKind.OBJECTIVE:
        objective = next((o for o in objectives if str(o.id) == gap.key), None)
        if objective is None:
            return []
        objective_ids = (objective.id,)
        wanted_personas = set()

        def template_fits(t: PostTemplate) -> bool:
            return serves_objective(t, objective)
    else:
        return []
    found = []
    for entry, when in available:
        fits = (bool(wanted_personas & set(entry.persona_ids)) if wanted_personas
                else bool(set(objective_ids) & set(entry.objective_ids)))
        if fits:
            found.append(Proposal(ProposalKind.EVERGREEN, entry.title, gap, when=when,
                                  post_id=entry.post_id))
    found += [Proposal(ProposalKind.TEMPLATE, t.name, gap, template=t, persona_ids=persona_ids,
                       objective_ids=objective_ids)
              for t in templates if template_fits(t)]
    return found
