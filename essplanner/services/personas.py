"""Personas: the people posts speak to."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import ColumnElement, Exists, delete, exists, func, insert, select

from essplanner import domain, models, repositories as repo
from essplanner.domain import Change
from essplanner.errors import (
    NotFoundError,
    ValidationError,
)
from essplanner.i18n import _
from essplanner.services.base import Service, clean_list, flush_unique, required

# ------------------------------------------------------------------ personas ---


def _published(post_id: ColumnElement[int]) -> Exists:
    """Whether the post went out on at least one account (its history)."""
    return exists().where(models.Target.post_id == post_id,
                          models.Target.state == domain.DeliveryState.PUBLISHED.value)


class PersonaService(Service):
    """The audience: personas with their age, segment, motivation and networks.

    Deleting a persona never rewrites history: when published posts name it, it is
    archived (kept for them, hidden from the pickers and from what is planned next) and
    only the other posts lose it. :meth:`restore` undoes a deletion.
    """

    def all(self, *, include_archived: bool = False) -> list[domain.Persona]:
        """The personas to choose from (the archived ones too when asked)."""
        with self.db.read() as s:
            stmt = select(models.Persona).order_by(models.Persona.name)
            if not include_archived:
                stmt = stmt.where(models.Persona.archived.is_(False))
            return [repo.to_persona(r) for r in s.scalars(stmt)]

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
            archived = s.scalar(select(models.Persona).where(
                models.Persona.name == name, models.Persona.archived.is_(True)))
            if archived is not None:  # deleted earlier, kept for its published posts: back
                archived.archived = False
                for key in ("age", "segment", "motivation", "networks", "expected_content"):
                    setattr(archived, key, getattr(row, key))
                row = archived
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

    def usage(self, persona_id: int) -> domain.PersonaUsage:
        """How many posts name the persona, and how many of those were published."""
        link = models.post_persona
        with self.db.read() as s:
            posts = s.scalar(select(func.count()).select_from(link)
                             .where(link.c.persona_id == persona_id)) or 0
            published = s.scalar(select(func.count()).select_from(link).where(
                link.c.persona_id == persona_id, _published(link.c.post_id))) or 0
        return domain.PersonaUsage(posts=posts, published=published)

    def delete(self, persona_id: int) -> domain.PersonaRemoval:
        """Remove the persona from the posts not published yet; archive it when published
        posts name it (they keep it), else delete it. Returns what :meth:`restore` needs."""
        link = models.post_persona
        with self.db.write() as s:
            row = s.get(models.Persona, persona_id)
            if row is None:
                raise NotFoundError(_("There is no persona number {id}.", id=persona_id))
            persona = repo.to_persona(row)
            untagged = tuple(s.scalars(
                select(link.c.post_id).where(link.c.persona_id == persona_id,
                                             ~_published(link.c.post_id))
                .order_by(link.c.post_id)))
            s.execute(delete(link).where(link.c.persona_id == persona_id,
                                         link.c.post_id.in_(untagged)))
            kept = s.scalar(select(func.count()).select_from(link)
                            .where(link.c.persona_id == persona_id)) or 0
            if kept:
                row.archived = True
            else:
                s.delete(row)
        self._notify(Change(personas=True, posts=frozenset(untagged)))
        return domain.PersonaRemoval(persona=persona, archived=bool(kept), untagged=untagged)

    def restore(self, removal: domain.PersonaRemoval) -> domain.Persona:
        """Undo :meth:`delete`: the persona back as it was, on the posts it was taken from
        (those deleted since are skipped)."""
        old = removal.persona
        link = models.post_persona
        with self.db.write() as s:
            row = s.get(models.Persona, old.id)
            if row is None:
                row = models.Persona(
                    id=old.id, name=old.name, age=old.age,
                    segment=old.segment.value if old.segment else None,
                    motivation=old.motivation, networks=list(old.networks),
                    expected_content=old.expected_content)
                s.add(row)
                flush_unique(s, _("A persona named {name!r} already exists.", name=old.name))
            row.archived = old.archived
            present = set(s.scalars(select(models.Post.id)
                                    .where(models.Post.id.in_(removal.untagged))))
            tagged = set(s.scalars(select(link.c.post_id).where(
                link.c.persona_id == old.id, link.c.post_id.in_(present))))
            back = sorted(present - tagged)
            if back:
                s.execute(insert(link), [{"post_id": p, "persona_id": old.id} for p in back])
            result = repo.to_persona(row)
        self._notify(Change(personas=True, posts=frozenset(back)))
        return result
