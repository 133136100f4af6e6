"""Post templates: the guide's content strategies as skeleton posts, and the users' own.

The guide's templates — practical tip, beneficiary testimony (with the image-rights
reminder), impact story, call for volunteers, event announcement, thank-you, transparency
(annual report) — are written in data files, one per language
(``services/guide/posts/<lang>.toml``). Each suggests personas (by the guide's names:
Marie, Karim, Sophie), audience segments, objective kinds and networks; :func:`suggest`
matches them to what the workspace holds. Users save their own templates from a post
(stored in the ``post_template`` table) and make new posts from any template.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import TypeVar

from sqlalchemy import delete, func, select

from essplanner import domain, models, repositories as repo
from essplanner.datafiles import DataError, Table, choice, read_toml, unique
from essplanner.domain import ObjectiveKind, Segment, network_id
from essplanner.errors import NotFoundError, ValidationError
from essplanner.i18n import _
from essplanner.services.base import Service, flush_unique

_E = TypeVar("_E", bound=StrEnum)

#: the languages the guide's templates are written in (French for any other)
TEMPLATE_LANGUAGES = ("fr", "en")


@dataclass(frozen=True)
class PostTemplate:
    """A skeleton post and what it suggests. ``id`` is None for the guide's templates."""

    key: str
    name: str
    body: str
    title: str = ""
    description: str = ""
    link_url: str = ""
    call_to_action: str = ""
    hashtags: tuple[str, ...] = ()
    personas: tuple[str, ...] = ()  # persona names
    segments: tuple[Segment, ...] = ()
    objective_kinds: tuple[ObjectiveKind, ...] = ()
    objectives: tuple[str, ...] = ()  # objective names (a user's template)
    networks: tuple[str, ...] = ()  # network ids
    reminder: str = ""
    language: str = ""
    id: int | None = None

    @property
    def from_guide(self) -> bool:
        return self.id is None


@dataclass(frozen=True)
class Suggestion:
    """What a template suggests in a workspace: its persona, objective and account ids."""

    persona_ids: tuple[int, ...]
    objective_ids: tuple[int, ...]
    account_ids: tuple[int, ...]


# ------------------------------------------------------------------ the guide ---


def _guide_language(lang: str | None) -> str:
    return lang if lang in TEMPLATE_LANGUAGES else "fr"


@cache
def guide_templates(lang: str | None) -> tuple[PostTemplate, ...]:
    """The guide's templates in ``lang`` (French if there are none in it), checked."""
    lang = _guide_language(lang)
    where = f"services/guide/posts/{lang}.toml"
    data = read_toml(resources.files("essplanner.services").joinpath("guide", "posts",
                                                                     f"{lang}.toml"), where)
    found = [_template(t, lang) for t in data.tables("template")]
    data.done()
    unique([t.key for t in found], where)
    unique([t.name for t in found], where)
    return tuple(found)


def _template(t: Table, lang: str) -> PostTemplate:
    template = PostTemplate(
        key=t.get("key", str), name=t.get("name", str), body=t.get("body", str),
        title=t.get("title", str, ""), description=t.get("description", str, ""),
        call_to_action=t.get("call_to_action", str, ""), hashtags=t.words("hashtags", ()),
        personas=t.words("personas", ()),
        segments=tuple(_enum(t, "segments", Segment)),
        objective_kinds=tuple(_enum(t, "objectives", ObjectiveKind)),
        networks=tuple(network_id(n) for n in t.words("networks", ())),
        reminder=t.get("reminder", str, ""), language=lang)
    t.done()
    if not template.name.strip() or not template.body.strip():
        raise DataError(f"{t.where}: name and body must not be empty")
    return template


def _enum(t: Table, key: str, enum: type[_E]) -> list[_E]:
    return [choice(Table({"value": word}, f"{t.where} {key} {n}"), "value", enum)
            for n, word in enumerate(t.words(key, ()), start=1)]


# ------------------------------------------------------------------ matching ---


def suggest(template: PostTemplate, *, personas: Sequence[domain.Persona],
            objectives: Sequence[domain.Objective],
            accounts: Sequence[domain.Account]) -> Suggestion:
    """The workspace's personas, objectives and accounts ``template`` suggests.

    Personas: those named by the template (names compared without case); when none of
    them is in the workspace, those of the template's segments. Objectives: those named,
    else those of the template's kinds. Accounts: the enabled ones on the template's
    networks (a test account counts as the network it imitates).
    """
    names = {n.strip().casefold() for n in template.personas}
    chosen = [p.id for p in personas if not p.archived and p.name.strip().casefold() in names]
    if not chosen:
        chosen = [p.id for p in personas
                  if not p.archived and p.segment is not None and p.segment in template.segments]
    wanted = {n.strip().casefold() for n in template.objectives}
    aims = [o.id for o in objectives if o.name.strip().casefold() in wanted]
    if not aims:
        aims = [o.id for o in objectives if o.kind in template.objective_kinds]
    networks = set(template.networks)
    reach = [a.id for a in accounts if a.enabled
             and network_id(str(a.settings.get("mimic") or a.platform)) in networks]
    return Suggestion(tuple(chosen), tuple(aims), tuple(reach))


def speaks_to_persona(template: PostTemplate, persona: domain.Persona) -> bool:
    """Whether ``template`` suggests ``persona`` (by name, or by segment)."""
    if persona.name.strip().casefold() in {n.strip().casefold() for n in template.personas}:
        return True
    return persona.segment is not None and persona.segment in template.segments


def serves_objective(template: PostTemplate, objective: domain.Objective) -> bool:
    """Whether ``template`` suggests ``objective`` (by name, or by kind)."""
    if objective.name.strip().casefold() in {n.strip().casefold() for n in template.objectives}:
        return True
    return objective.kind in template.objective_kinds


def draft_from(template: PostTemplate, suggestion: Suggestion, *,
               persona_ids: Sequence[int] = (), objective_ids: Sequence[int] = ()
               ) -> domain.PostDraft:
    """A new draft post from ``template``, tagged as ``suggestion`` says (plus the
    personas and objectives given, a gap's for instance)."""
    return domain.PostDraft(
        title=template.title, body=template.body, link_url=template.link_url,
        call_to_action=template.call_to_action, hashtags=template.hashtags,
        language=template.language, editorial_state=domain.EditorialState.DRAFT,
        persona_ids=tuple(dict.fromkeys([*persona_ids, *suggestion.persona_ids])),
        objective_ids=tuple(dict.fromkeys([*objective_ids, *suggestion.objective_ids])),
        account_ids=suggestion.account_ids)


# ------------------------------------------------------------------ service ---


class TemplateService(Service):
    """The guide's templates and those the users saved, shared by everyone on the database."""

    def saved(self) -> list[PostTemplate]:
        with self.db.read() as s:
            rows = s.scalars(select(models.PostTemplate).order_by(models.PostTemplate.name))
            return [_to_template(r) for r in rows]

    def all(self, lang: str | None) -> list[PostTemplate]:
        """The guide's templates (in ``lang``), then the users' own."""
        return [*guide_templates(lang), *self.saved()]

    def find(self, name: str, lang: str | None) -> PostTemplate:
        """The template called ``name`` (or whose key it is), ignoring case; saved ones first."""
        wanted = name.strip().casefold()
        everything = [*self.saved(), *guide_templates(lang)]
        for template in everything:
            if wanted in (template.name.casefold(), template.key.casefold()):
                return template
        raise NotFoundError(_("There is no template {name!r} (known: {known}).", name=name,
                              known=", ".join(t.name for t in everything)))

    def save_from_post(self, post_id: int, name: str, *, description: str = "") -> PostTemplate:
        """Save post ``post_id`` as the template ``name``: its text, link, call to action,
        hashtags, persona and objective names, and its accounts' networks."""
        name = (name or "").strip()
        if not name:
            raise ValidationError(_("Give the template a name."))
        with self.db.write() as s:
            post = repo.load_post(s, post_id)
            taken = s.scalar(select(models.PostTemplate.id).where(
                func.lower(models.PostTemplate.name) == name.lower()))
            if taken is not None:
                raise ValidationError(_("There is already a template called {name!r}.",
                                        name=name))
            platforms = {a.id: str(a.settings.get("mimic") or a.platform) for a in s.scalars(
                select(models.Account))}
            row = models.PostTemplate(
                name=name, description=description.strip(), title=post.title, body=post.body,
                link_url=post.link_url, call_to_action=post.call_to_action,
                hashtags=list(post.hashtags), personas=[p.name for p in post.personas],
                segments=list(dict.fromkeys(p.segment.value for p in post.personas
                                            if p.segment is not None)),
                objective_kinds=list(dict.fromkeys(o.kind.value for o in post.objectives)),
                objectives=[o.name for o in post.objectives],
                networks=list(dict.fromkeys(network_id(platforms.get(t.account_id, t.platform))
                                            for t in post.targets)),
                reminder="", language=post.language, created_at=self.clock.now())
            s.add(row)
            flush_unique(s, _("There is already a template called {name!r}.", name=name))
            return _to_template(row)

    def delete(self, template_id: int) -> None:
        with self.db.write() as s:
            result = s.execute(delete(models.PostTemplate).where(
                models.PostTemplate.id == template_id))
            if not getattr(result, "rowcount", 1):
                raise NotFoundError(_("There is no template number {id}.", id=template_id))


def _to_template(row: models.PostTemplate) -> PostTemplate:
    return PostTemplate(
        key=f"saved-{row.id}", name=row.name, body=row.body, title=row.title,
        description=row.description, link_url=row.link_url, call_to_action=row.call_to_action,
        hashtags=tuple(row.hashtags or ()), personas=tuple(row.personas or ()),
        segments=tuple(Segment(v) for v in row.segments or () if v in Segment._value2member_map_),
        objective_kinds=tuple(ObjectiveKind(v) for v in row.objective_kinds or ()
                              if v in ObjectiveKind._value2member_map_),
        objectives=tuple(row.objectives or ()), networks=tuple(row.networks or ()),
        reminder=row.reminder, language=row.language, id=row.id)
