"""Personas: the people posts speak to."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, select

from essplanner import domain, models
from essplanner import repositories as repo
from essplanner.domain import Change
from essplanner.errors import (
    NotFoundError,
    ValidationError,
)
from essplanner.i18n import _
from essplanner.services.base import Service, clean_list, flush_unique, required

# ------------------------------------------------------------------ personas ---


class PersonaService(Service):
    """The audience: personas with their age, segment, motivation and networks."""

    def all(self) -> list[domain.Persona]:
        with self.db.read() as s:
            rows = s.scalars(select(models.Persona).order_by(models.Persona.name))
            return [repo.to_persona(r) for r in rows]

    def get(self, persona_id: int) -> domain.Persona:
        with self.db.read() as s:
            row = s.get(models.Persona, persona_id)
            if row is None:
                raise NotFoundError(_("There is no persona number {id}.", id=persona_id))
            return repo.to_persona(row)

    def find(self, names: Iterable[str]) -> list[domain.Persona]:
        with self.db.read() as s:
            return [repo.to_persona(r) for r in repo.personas_by_names(s, names)]

    def add(self, *, name: str, age: int | None = None, segment: domain.Segment | None = None,
            motivation: str = "", networks: Sequence[str] = (),
            expected_content: str = "") -> domain.Persona:
        name = required(name, _("name"))
        if age is not None and not 0 < age < 130:
            raise ValidationError(_("The age must be between 1 and 129."))
        row = models.Persona(
            name=name, age=age, segment=segment.value if segment else None,
            motivation=motivation.strip(), networks=clean_list(networks),
            expected_content=expected_content.strip(),
        )
        with self.db.write() as s:
            s.add(row)
            flush_unique(s, _("A persona named {name!r} already exists.", name=name))
            result = repo.to_persona(row)
        self._notify(Change(personas=True))
        return result

    def update(self, persona: domain.Persona) -> domain.Persona:
        with self.db.write() as s:
            row = s.get(models.Persona, persona.id)
            if row is None:
                raise NotFoundError(_("There is no persona number {id}.", id=persona.id))
            row.name = required(persona.name, _("name"))
            row.age = persona.age
            row.segment = persona.segment.value if persona.segment else None
            row.motivation = persona.motivation.strip()
            row.networks = clean_list(persona.networks)
            row.expected_content = persona.expected_content.strip()
            flush_unique(s, _("A persona named {name!r} already exists.", name=persona.name))
            result = repo.to_persona(row)
        self._notify(Change(personas=True))
        return result

    def delete(self, persona_id: int) -> None:
        with self.db.write() as s:
            s.execute(delete(models.Persona).where(models.Persona.id == persona_id))
        self._notify(Change(personas=True))
