"""A new workspace's first steps: the guide's examples as templates, and applying what the
first-run assistant gathered.

The personas are those of the guide the product is built from (Marie, Karim and Sophie,
word for word), the objectives those it names — people made aware, requests for help
received, volunteers recruited, donations — each with one measurable KPI. They are
templates: the assistant lets the user edit them before anything is created, and
:func:`apply` creates what was kept through the services, never the database directly.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

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

_PERSONAS: dict[str, tuple[PersonaTemplate, ...]] = {
    "fr": (
        PersonaTemplate(
            name="Marie", age=72, segment=Segment.BENEFICIARIES,
            motivation="Retraitée. Cherche des conseils pour réduire sa facture d’énergie et "
            "améliorer son confort.",
            networks=("facebook",),
            expected_content="Astuces simples, témoignages, informations sur les aides "
            "financières.",
        ),
        PersonaTemplate(
            name="Karim", age=30, segment=Segment.VOLUNTEERS,
            motivation="Jeune actif. Sensibilisé à l’écologie, souhaite réduire son empreinte "
            "carbone et faire des économies.",
            networks=("instagram", "x"),
            expected_content="Infographies, vidéos courtes, articles sur les énergies "
            "renouvelables.",
        ),
        PersonaTemplate(
            name="Sophie", age=40, segment=Segment.BENEFICIARIES,
            motivation="Mère célibataire. Confrontée à des difficultés financières, cherche des "
            "solutions pour payer ses factures d’énergie.",
            networks=("facebook", "Groupes locaux"),
            expected_content="Informations sur les aides d’urgence, contacts d’associations "
            "locales.",
        ),
    ),
    "en": (
        PersonaTemplate(
            name="Marie", age=72, segment=Segment.BENEFICIARIES,
            motivation="Retired. Looking for advice to cut her energy bill and live more "
            "comfortably.",
            networks=("facebook",),
            expected_content="Simple tips, testimonies, information on financial aid.",
        ),
        PersonaTemplate(
            name="Karim", age=30, segment=Segment.VOLUNTEERS,
            motivation="Young professional. Cares about ecology; wants to reduce his carbon "
            "footprint and save money.",
            networks=("instagram", "x"),
            expected_content="Infographics, short videos, articles on renewable energy.",
        ),
        PersonaTemplate(
            name="Sophie", age=40, segment=Segment.BENEFICIARIES,
            motivation="Single mother. Facing financial hardship; looking for ways to pay her "
            "energy bills.",
            networks=("facebook", "Local groups"),
            expected_content="Information on emergency aid, contacts of local associations.",
        ),
    ),
}

# The guide: "objectives beyond mere presence: more donations, recruiting volunteers,
# raising awareness of a cause", and KPIs "such as the number of people made aware of a
# cause or the number of requests for help received". Targets are a start, to adjust.
_OBJECTIVES: dict[str, tuple[ObjectiveTemplate, ...]] = {
    "fr": (
        ObjectiveTemplate(
            name="Sensibilisation", kind=ObjectiveKind.AWARENESS,
            description="Faire connaître notre cause et nos actions.",
            kpi_name="Personnes sensibilisées", target=2000, unit="personnes",
            source=KpiSource.METRICS, metric="reach",
        ),
        ObjectiveTemplate(
            name="Demandes d’aide", kind=ObjectiveKind.OTHER,
            description="Que les personnes qui ont besoin de nous nous contactent.",
            kpi_name="Demandes d’aide reçues", target=20, unit="demandes",
        ),
        ObjectiveTemplate(
            name="Recrutement de bénévoles", kind=ObjectiveKind.VOLUNTEERS,
            description="Trouver de nouveaux bénévoles.",
            kpi_name="Bénévoles recrutés", target=5, unit="personnes",
        ),
        ObjectiveTemplate(
            name="Dons", kind=ObjectiveKind.DONATIONS,
            description="Financer nos actions.",
            kpi_name="Dons reçus", target=1000, unit="€",
        ),
    ),
    "en": (
        ObjectiveTemplate(
            name="Awareness", kind=ObjectiveKind.AWARENESS,
            description="Make our cause and our work known.",
            kpi_name="People made aware", target=2000, unit="people",
            source=KpiSource.METRICS, metric="reach",
        ),
        ObjectiveTemplate(
            name="Requests for help", kind=ObjectiveKind.OTHER,
            description="Make sure the people who need us get in touch.",
            kpi_name="Requests for help received", target=20, unit="requests",
        ),
        ObjectiveTemplate(
            name="Volunteer recruitment", kind=ObjectiveKind.VOLUNTEERS,
            description="Find new volunteers.",
            kpi_name="Volunteers recruited", target=5, unit="people",
        ),
        ObjectiveTemplate(
            name="Donations", kind=ObjectiveKind.DONATIONS,
            description="Fund our work.",
            kpi_name="Donations received", target=1000, unit="€",
        ),
    ),
}


def persona_templates(lang: str) -> tuple[PersonaTemplate, ...]:
    """The guide's personas (Marie, Karim, Sophie) in ``lang`` (French if unknown)."""
    return _PERSONAS.get(lang, _PERSONAS["fr"])


def objective_templates(lang: str) -> tuple[ObjectiveTemplate, ...]:
    """The guide's objectives, each with a measurable KPI, in ``lang``."""
    return _OBJECTIVES.get(lang, _OBJECTIVES["fr"])


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
