"""The rule of image rights, inside any transaction: who appears in which image, and
whether their consents let it go out on a channel on a date.

An image is known by its file's checksum (the media store's key): tagging it once tags
every post that uses it. A post showing a person goes out on a channel only while one of
their consents covers that channel on the publishing date (local date in the workspace's
zone). Scheduling (:mod:`essplanner.services.posts`) and claiming
(:mod:`essplanner.scheduler.store`) both ask :func:`refusals`, in their own transaction.
The register itself is :mod:`essplanner.services.consents`.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from essplanner import domain, models
from essplanner.domain import (
    PRINT,
    WEBSITE,
    ConsentAction,
    ConsentProblem,
    ConsentProblemKind,
    DeliveryState,
    network_id,
    platform_name,
)
from essplanner.i18n import _
from essplanner.timeutil import get_zone, require_aware

log = logging.getLogger(__name__)

#: where signed forms are copied, under the media folder (backed up with the images)
FORMS_FOLDER = "consent-forms"
MAX_FORM_BYTES = 50 * 1024 * 1024
#: what a signed form may be: a PDF or a scan, recognised by its first bytes
FORM_MAGIC = {
    ".pdf": (b"%PDF-",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".webp": (b"RIFF",),
    ".tif": (b"II*\x00", b"MM\x00*"),
    ".tiff": (b"II*\x00", b"MM\x00*"),
}
#: delivery states of a post still to go out, and of one that went out
WAITING_STATES = (DeliveryState.SCHEDULED, DeliveryState.MISSED, DeliveryState.FAILED,
                  DeliveryState.UNCONFIRMED, DeliveryState.PUBLISHING)
OUT_STATES = (DeliveryState.PUBLISHED,)
#: how soon "expiring" looks, by default (the board report's page)
EXPIRING_DAYS = 60

Zone = Callable[[], str | None]
K = TypeVar("K")
_EPOCH = datetime.min.replace(tzinfo=UTC)


def fold(text: str) -> str:
    """``text`` without case or accents, for searching ("Zoé" finds "zoe")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def channel_name(platform: str) -> str:
    """A channel of a consent for people: a network's name, the website, print."""
    if platform == WEBSITE:
        return _("the website")
    if platform == PRINT:
        return _("print")
    return platform_name(platform)


def consent_platform(platform: str, settings: dict[str, Any] | None) -> str:
    """The network a target's consent must cover: a test account's imitated one."""
    mimic = (settings or {}).get("mimic")
    return network_id(str(mimic)) if mimic else network_id(platform)


# ---- conversions


def to_person(row: models.Person) -> domain.Person:
    return domain.Person(id=row.id, name=row.name, contact=row.contact, minor=row.minor,
                         guardian_name=row.guardian_name, notes=row.notes,
                         created_at=row.created_at, erased_at=row.erased_at)


def to_consent(row: models.Consent) -> domain.Consent:
    return domain.Consent(
        id=row.id, person_id=row.person_id, all_networks=row.all_networks,
        platforms=tuple(row.platforms or ()), website=row.website, print_=row.print_media,
        starts_on=row.starts_on, ends_on=row.ends_on, guardian_signed=row.guardian_signed,
        form_path=row.form_path, withdrawn_at=row.withdrawn_at,
        withdrawal_note=row.withdrawal_note, recorded_at=row.recorded_at)


def to_entry(row: models.ConsentRecord) -> domain.ConsentRecordEntry:
    return domain.ConsentRecordEntry(id=row.id, person_id=row.person_id, at=row.at,
                                     action=ConsentAction(row.action), detail=row.detail)


def scope_text(consent: domain.Consent) -> str:
    """A consent's scopes in plain words (the proof log, the command line)."""
    parts = [_("all social networks") if consent.all_networks
             else ", ".join(platform_name(p) for p in consent.platforms) or _("no network")]
    if consent.website:
        parts.append(_("the website"))
    if consent.print_:
        parts.append(_("print"))
    return "; ".join(parts)


def period_text(consent: domain.Consent) -> str:
    if consent.ends_on is None:
        return _("from {start}, no end date", start=consent.starts_on.isoformat())
    return _("from {start} to {end}", start=consent.starts_on.isoformat(),
             end=consent.ends_on.isoformat())


# ---- the rule, inside any transaction


def problem_message(person: domain.Person, kind: ConsentProblemKind, platform: str,
                    consent: domain.Consent | None) -> str:
    """Why ``person`` may not appear on ``platform``, for people (names them)."""
    name, channel = person.name, channel_name(platform)
    if kind is ConsentProblemKind.ERASED:
        return _("An image shows a person whose data was erased (number {id}); it can no "
                 "longer be used.", id=person.id)
    if kind is ConsentProblemKind.NO_CONSENT or consent is None:
        return _("{name} appears in an image and has no consent on record.", name=name)
    if kind is ConsentProblemKind.WITHDRAWN:
        when = consent.withdrawn_at.date().isoformat() if consent.withdrawn_at else ""
        return _("{name} withdrew their consent on {date}.", name=name, date=when)
    if kind is ConsentProblemKind.GUARDIAN:
        return _("{name} is a minor and their legal guardian has not signed the consent.",
                 name=name)
    if kind is ConsentProblemKind.EXPIRED:
        assert consent.ends_on is not None
        return _("{name}'s consent ended on {date}, before the publishing date.", name=name,
                 date=consent.ends_on.isoformat())
    if kind is ConsentProblemKind.NOT_YET:
        return _("{name}'s consent only starts on {date}, after the publishing date.",
                 name=name, date=consent.starts_on.isoformat())
    return _("{name}'s consent does not cover {network}.", name=name, network=channel)


def judge(person: domain.Person, consents: Sequence[domain.Consent], platform: str,
          on: date) -> ConsentProblem | None:
    """None when one of ``consents`` lets ``person`` appear on ``platform`` on ``on``;
    otherwise the problem of their latest consent (the one people remember)."""
    if person.erased_at is not None:
        kind: ConsentProblemKind | None = ConsentProblemKind.ERASED
        latest = None
    elif not consents:
        kind, latest = ConsentProblemKind.NO_CONSENT, None
    else:
        kinds = [c.covers(platform, on, minor=person.minor) for c in consents]
        if any(k is None for k in kinds):
            return None
        latest = max(consents, key=lambda c: (c.recorded_at or _EPOCH, c.id))
        kind = kinds[list(consents).index(latest)]
    assert kind is not None
    return ConsentProblem(person_id=person.id, person_name=person.name, kind=kind,
                          platform=platform,
                          message=problem_message(person, kind, platform, latest))


def people_in(s: Session, checksums: Iterable[str]) -> dict[str, list[int]]:
    """The people tagged in each image (checksum -> person ids)."""
    wanted = list(dict.fromkeys(checksums))
    if not wanted:
        return {}
    link = models.photo_person
    found: dict[str, list[int]] = {}
    for checksum, person_id in s.execute(
            select(link.c.checksum, link.c.person_id).where(link.c.checksum.in_(wanted))
            .order_by(link.c.checksum, link.c.person_id)):
        found.setdefault(checksum, []).append(person_id)
    return found


def consent_problems(s: Session, checksums: Iterable[str], platforms: Iterable[str],
                     on: date) -> list[ConsentProblem]:
    """The consent problems of images ``checksums`` going out on ``platforms`` (platform
    ids, :data:`WEBSITE`, :data:`PRINT`) on the local date ``on``, in ``s``'s transaction."""
    person_ids = list(dict.fromkeys(p for ids in people_in(s, checksums).values() for p in ids))
    channels = list(dict.fromkeys(platforms))
    if not person_ids or not channels:
        return []
    people = {r.id: to_person(r) for r in s.scalars(
        select(models.Person).where(models.Person.id.in_(person_ids)))}
    consents: dict[int, list[domain.Consent]] = {}
    for row in s.scalars(select(models.Consent).where(models.Consent.person_id.in_(person_ids))
                         .order_by(models.Consent.id)):
        consents.setdefault(row.person_id, []).append(to_consent(row))
    problems = []
    for person_id in person_ids:
        person = people[person_id]
        for channel in channels:
            problem = judge(person, consents.get(person_id, []), channel, on)
            if problem is not None:
                problems.append(problem)
    return problems


def local_day(when: datetime, zone: str | None) -> date:
    """The date of ``when`` in the workspace's zone (consents are given in local dates)."""
    return require_aware(when).astimezone(get_zone(zone)).date()


def post_checksums(s: Session, post_ids: Iterable[int]) -> dict[int, list[str]]:
    """The checksums of each post's images (post id -> checksums)."""
    found: dict[int, list[str]] = {}
    wanted = list(dict.fromkeys(post_ids))
    if wanted:
        for post_id, checksum in s.execute(
                select(models.Media.post_id, models.Media.checksum)
                .where(models.Media.post_id.in_(wanted))):
            found.setdefault(post_id, []).append(checksum)
    return found


def refusals(s: Session, items: Iterable[tuple[K, Iterable[str], str]], on: date,
             ) -> dict[K, str]:
    """Of ``items`` (a key, the checksums of a post's images, the platform its consent
    must cover), those showing someone whose consent does not let them go out on the
    local date ``on``: key -> why (the people's names and reasons)."""
    refused: dict[K, str] = {}
    for key, checksums, platform in items:
        problems = consent_problems(s, checksums, [platform], on)
        if problems:
            refused[key] = " ".join(dict.fromkeys(p.message for p in problems))
    return refused


def record(s: Session, person_id: int | None, action: ConsentAction, at: datetime,
           detail: str = "") -> None:
    """Add a line to the proof log (no name: it outlives the person's data)."""
    s.add(models.ConsentRecord(person_id=person_id, at=at, action=action.value,
                               detail=detail))


