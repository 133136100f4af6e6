"""The example workspace: an association fighting energy poverty.

Its personas are those of the guide the product is built from (Marie, Karim and
Sophie), with four objectives that carry measurable KPIs and a month of posts
around today: the past ones published, the coming ones scheduled, on dry-run
accounts that publish nothing, so everything can be tried safely.

The content is in data files, one folder per language (:mod:`essplanner.demo.content`);
this module creates it through the workspace's services.
"""

from __future__ import annotations

from contextlib import ExitStack
from datetime import date, datetime, timedelta
from importlib import resources
from zoneinfo import ZoneInfo

from essplanner import domain
from essplanner.demo.content import (
    DEFAULT_LANGUAGE,
    Content,
    ObjectiveSpec,
    PostSpec,
    image_file,
    languages,
    load_content,
)
from essplanner.demo.measures import add_measurements
from essplanner.domain import Change, EditorialState
from essplanner.errors import ValidationError
from essplanner.i18n import _, language
from essplanner.services.posts import DRY_RUN
from essplanner.timeutil import get_zone
from essplanner.workspace import Workspace


def load_demo(ws: Workspace, *, lang: str | None = None, month: date | None = None) -> Change:
    """Add the example workspace, its posts in the month of ``month`` (default: today's).

    Refused if its personas are already there; refused before anything is stored if one
    of its objectives' names is taken.
    """
    lang = lang or language()
    content = load_content(lang if lang in languages() else DEFAULT_LANGUAGE)
    zone: ZoneInfo = get_zone(ws.settings.timezone)
    now = ws.clock.now()
    first = month or now.astimezone(zone).date().replace(day=1)
    _refuse_if_taken(ws, content)
    personas = {p.name: ws.personas.add(
        name=p.name, age=p.age, segment=p.segment, motivation=p.motivation,
        networks=p.networks, expected_content=p.expected_content) for p in content.personas}
    objectives = {o.name: _add_objective(ws, o) for o in content.objectives}
    accounts = _accounts(ws, content)
    with ExitStack() as files:
        drafts = []
        for spec in content.posts:
            media: tuple[domain.MediaInput, ...] = ()
            if spec.image:
                path = files.enter_context(
                    resources.as_file(image_file(content.language, spec.image)))
                media = (domain.MediaInput(path=str(path), alt_text=spec.alt),)
            drafts.append(_draft(spec, content, media, first=first, zone=zone, now=now,
                                 personas=personas, objectives=objectives, accounts=accounts))
        posts = ws.posts.add_dry_run_posts(drafts)
    add_measurements(ws, content, list(zip(content.posts, posts, strict=True)),
                     objectives=list(objectives.values()), accounts=list(accounts.values()),
                     zone=zone, now=now, first=first)
    return Change(personas=True, objectives=True, accounts=True, posts=frozenset())


def _draft(spec: PostSpec, content: Content, media: tuple[domain.MediaInput, ...], *,
           first: date, zone: ZoneInfo, now: datetime, personas: dict[str, domain.Persona],
           objectives: dict[str, domain.Objective], accounts: dict[str, domain.Account],
           ) -> tuple[domain.PostDraft, datetime]:
    local = datetime.combine(first + timedelta(days=spec.day - 1), spec.at, tzinfo=zone)
    draft = domain.PostDraft(
        title=spec.title, body=spec.text, link_url=spec.link,
        call_to_action=spec.call_to_action,
        hashtags=spec.hashtags + content.every_post_hashtags, language=content.language,
        editorial_state=EditorialState.APPROVED,
        persona_ids=tuple(personas[name].id for name in spec.personas),
        objective_ids=tuple(objectives[name].id for name in spec.objectives),
        account_ids=tuple(accounts[name].id for name in spec.accounts), media=media)
    return draft, local.astimezone(now.tzinfo)


def _refuse_if_taken(ws: Workspace, content: Content) -> None:
    wanted = {p.name for p in content.personas}
    if any(p.name in wanted for p in ws.personas.all()):
        raise ValidationError(_("The example workspace is already loaded here."))
    names = {o.name for o in content.objectives}
    for objective in ws.objectives.all():
        if objective.name in names:
            raise ValidationError(_("An objective named {name!r} already exists.",
                                    name=objective.name))


def _add_objective(ws: Workspace, spec: ObjectiveSpec) -> domain.Objective:
    """The objective with its first KPI, then its other KPIs after it."""
    if not spec.kpis:
        return ws.objectives.add(name=spec.name, kind=spec.kind, description=spec.description)
    first, *others = spec.kpis
    objective = ws.objectives.add(
        name=spec.name, kind=spec.kind, description=spec.description, kpi_name=first.name,
        target_value=first.target, unit=first.unit, period=first.period, source=first.source,
        metric=first.metric)
    for kpi in others:
        ws.kpis.add_kpi(objective.id, name=kpi.name, target=kpi.target, unit=kpi.unit,
                        period=kpi.period, source=kpi.source, metric=kpi.metric)
    return ws.objectives.get(objective.id) if others else objective


def _accounts(ws: Workspace, content: Content) -> dict[str, domain.Account]:
    """The dry-run accounts, by name; one of the same name already there is reused."""
    existing = {a.name: a for a in ws.accounts.all()}
    return {spec.name: existing.get(spec.name) or ws.accounts.add(
        platform=DRY_RUN, name=spec.name, handle=content.handle,
        settings={"mimic": spec.mimics}) for spec in content.accounts}
