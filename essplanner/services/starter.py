"""A new workspace's first steps: the guide's examples as templates, and applying what the
first-run assistant gathered.

The personas are those of the guide the product is built from (Marie, Karim and Sophie,
word for word), the objectives those it names — people made aware, requests for help
received, volunteers recruited, donations — each with one measurable KPI. They are
templates: the assistant lets the user edit them before anything is created, and
:func:`apply` creates what was kept through the services, never the database directly.
They are written in data files, one per language (``services/guide/fr.toml``, ``en.toml``).
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

from essplanner.datafiles import choice, read_toml, unique
from essplanner.domain import KpiSource, ObjectiveKind, Period, Segment
from essplanner.errors import EssPlannerError, ValidationError
from essplanner.i18n import SUPPORTED, _
from essplanner.publishers.registry import PluginError
from essplanner.settings import Paths
from essplanner.timeutil import get_zone

if TYPE_CHECKING:
    from essplanner.workspace import Workspace

log = logging.getLogger(__name__)

#: image files a logo may be (what Qt reads without plugins, and SVG)
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".svg")


@dataclass(frozen=True)
class PersonaTemplate:
    """A persona to create (from the guide, or written from scratch)."""

    name: str
    age: int | None = None
    segment: Segment | None = None
    motivation: str = ""
    networks: tuple[str, ...] = ()
    expected_content: str = ""


@dataclass(frozen=True)
class ObjectiveTemplate:
    """An objective to create, with its one KPI (name, target, unit, period, source)."""

    name: str
    kind: ObjectiveKind = ObjectiveKind.OTHER
    description: str = ""
    kpi_name: str = ""
    target: float = 0.0
    unit: str = ""
    period: Period = Period.MONTH
    source: KpiSource = KpiSource.OUTCOMES
    metric: str | None = None


@dataclass(frozen=True)
class Association:
    """Who the association is, and how it reads dates: name, logo, language, time zone."""

    name: str = ""
    logo: Path | None = None  # the user's file; copied into the data folder
    language: str | None = None  # None: the system's
    timezone: str | None = None  # IANA name; None: the system's


@dataclass(frozen=True)
class TrialAccount:
    """A ``dryrun`` account that publishes nothing and follows ``mimic``'s rules."""

    name: str
    mimic: str


@dataclass(frozen=True)
class StartPlan:
    """What the assistant gathered. A skipped step is None (or empty): it changes nothing."""

    association: Association | None = None
    personas: tuple[PersonaTemplate, ...] = ()
    objectives: tuple[ObjectiveTemplate, ...] = ()
    test_account: TrialAccount | None = None
    background_publishing: bool | None = None


@dataclass
class StartResult:
    """What :func:`apply` created, and what it could not (one line each, for the user)."""

    personas: list[str] = field(default_factory=list)
    objectives: list[str] = field(default_factory=list)
    accounts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ the guide ---

#: the guide's templates, one file per language (read like the example workspace's data)
GUIDE_LANGUAGES = ("fr", "en")


def _guide_file(lang: str) -> Traversable:
    return resources.files("essplanner.services").joinpath("guide", f"{lang}.toml")


@cache
def _guide(lang: str) -> tuple[tuple[PersonaTemplate, ...], tuple[ObjectiveTemplate, ...]]:
    """The personas and objectives of ``services/guide/<lang>.toml``, checked."""
    where = f"services/guide/{lang}.toml"
    guide = read_toml(_guide_file(lang), where)
    personas = []
    for t in guide.tables("persona"):
        personas.append(PersonaTemplate(
            name=t.get("name", str), age=t.get("age", int, None),
            segment=choice(t, "segment", Segment, None), motivation=t.get("motivation", str, ""),
            networks=t.words("networks", ()), expected_content=t.get("expected_content", str, "")))
        t.done()
    objectives = []
    for t in guide.tables("objective"):
        kpi = t.table("kpi")
        objectives.append(ObjectiveTemplate(
            name=t.get("name", str), kind=choice(t, "kind", ObjectiveKind),
            description=t.get("description", str, ""), kpi_name=kpi.get("name", str),
            target=kpi.get("target", float), unit=kpi.get("unit", str, ""),
            period=choice(kpi, "period", Period), source=choice(kpi, "source", KpiSource),
            metric=kpi.get("metric", str, None)))
        kpi.done()
        t.done()
    guide.done()
    unique([p.name for p in personas], where)
    unique([o.name for o in objectives], where)
    return tuple(personas), tuple(objectives)


def persona_templates(lang: str) -> tuple[PersonaTemplate, ...]:
    """The guide's personas (Marie, Karim, Sophie) in ``lang`` (French if unknown)."""
    return _guide(lang if lang in GUIDE_LANGUAGES else "fr")[0]


def objective_templates(lang: str) -> tuple[ObjectiveTemplate, ...]:
    """The guide's objectives, each with a measurable KPI, in ``lang``."""
    return _guide(lang if lang in GUIDE_LANGUAGES else "fr")[1]


# ------------------------------------------------------------------ first start ---


def is_new(ws: Workspace) -> bool:
    """Whether to offer the first-run assistant: never finished, and nothing in the workspace."""
    if ws.settings.first_run_done:
        return False
    return not (ws.calendar.has_posts() or ws.personas.all() or ws.accounts.all())


def copy_logo(paths: Paths, source: Path) -> Path:
    """Copy the association's logo into the data folder (the original may move or vanish)."""
    suffix = source.suffix.lower()
    if suffix not in LOGO_SUFFIXES:
        raise ValidationError(_("The logo must be an image ({kinds}).",
                                kinds=", ".join(s.lstrip(".") for s in LOGO_SUFFIXES)))
    if not source.is_file():
        raise ValidationError(_("There is no file {path}.", path=str(source)))
    folder = paths.data_dir / "organisation"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"logo{suffix}"
    if source.resolve() == target.resolve():
        return target
    for old in folder.glob("logo.*"):
        old.unlink()
    shutil.copyfile(source, target)
    return target


def check_association(association: Association) -> None:
    """Refuse an unknown language or time zone before anything is saved."""
    if association.language is not None and association.language not in SUPPORTED:
        raise ValidationError(_("Unknown language {name!r}.", name=association.language))
    if association.timezone is not None:
        get_zone(association.timezone)
    if association.logo is not None and association.logo.suffix.lower() not in LOGO_SUFFIXES:
        raise ValidationError(_("The logo must be an image ({kinds}).",
                                kinds=", ".join(s.lstrip(".") for s in LOGO_SUFFIXES)))


def apply(ws: Workspace, plan: StartPlan) -> StartResult:
    """Create what ``plan`` holds, through the services, and save the settings.

    What already exists (a persona of the same name...) is left as it is. A refused item
    does not stop the others; it is listed in ``problems``. The settings are saved with
    ``first_run_done`` set, whatever was skipped.
    """
    result = StartResult()
    settings = ws.settings
    if plan.association is not None:
        association = plan.association
        check_association(association)
        settings.organisation_name = association.name.strip()
        settings.language = association.language
        settings.timezone = association.timezone
        if association.logo is not None:
            try:
                settings.organisation_logo = str(copy_logo(ws.paths, association.logo))
            except (OSError, EssPlannerError) as exc:
                result.problems.append(_("The logo was not copied: {error}", error=str(exc)))
    existing = {p.name.casefold() for p in ws.personas.all()}
    for persona in plan.personas:
        if persona.name.strip().casefold() in existing:
            continue
        try:
            ws.personas.add(name=persona.name, age=persona.age, segment=persona.segment,
                            motivation=persona.motivation, networks=persona.networks,
                            expected_content=persona.expected_content)
        except EssPlannerError as exc:
            result.problems.append(str(exc))
        else:
            result.personas.append(persona.name.strip())
            existing.add(persona.name.strip().casefold())
    existing = {o.name.casefold() for o in ws.objectives.all()}
    for objective in plan.objectives:
        if objective.name.strip().casefold() in existing:
            continue
        try:
            ws.objectives.add(name=objective.name, kind=objective.kind,
                              description=objective.description, kpi_name=objective.kpi_name,
                              target_value=objective.target, unit=objective.unit,
                              period=objective.period, source=objective.source,
                              metric=objective.metric)
        except EssPlannerError as exc:
            result.problems.append(str(exc))
        else:
            result.objectives.append(objective.name.strip())
            existing.add(objective.name.strip().casefold())
    if plan.test_account is not None:
        account = plan.test_account
        try:
            ws.registry.get(account.mimic)
            ws.accounts.add(platform="dryrun", name=account.name, settings={"mimic": account.mimic},
                            grace_minutes=settings.default_grace_minutes)
        except (EssPlannerError, PluginError) as exc:
            result.problems.append(str(exc))
        else:
            result.accounts.append(account.name.strip())
    if plan.background_publishing is not None:
        settings.background_publishing = plan.background_publishing
    settings.first_run_done = True
    settings.save(ws.paths.settings_file)
    log.info("first start: %d personas, %d objectives, %d accounts created (%d problems)",
             len(result.personas), len(result.objectives), len(result.accounts),
             len(result.problems))
    return result


def finish_without_changes(ws: Workspace) -> None:
    """The assistant was closed: remember it, so it is not offered again at each start."""
    ws.settings.first_run_done = True
    ws.settings.save(ws.paths.settings_file)


#: platforms whose guide is another's (one guide for Meta's three networks)
_GUIDE_OF = {"facebook": "meta", "instagram": "meta", "threads": "meta"}


def guide_folders() -> list[Path]:
    """Where the platform guides may be: in the installed package, or the source tree."""
    package = Path(__file__).resolve().parents[1]
    return [package / "resources" / "docs" / "platforms", package.parent / "docs" / "platforms"]


def platform_guide(platform: str, lang: str) -> Path | None:
    """The guide to connecting a ``platform`` account (``docs/platforms/<name>.<lang>.md``),
    in ``lang`` or else English; None when there is none."""
    name = _GUIDE_OF.get(platform, platform)
    for folder in guide_folders():
        for candidate in (f"{name}.{lang}.md", f"{name}.en.md"):
            if (folder / candidate).is_file():
                return folder / candidate
    return None
