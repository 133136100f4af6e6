"""The board report's pages on respect: image rights (consents ending soon, posts blocked
for want of consent) and accessibility (the share of images with a real alternative text).

The report goes to the board, the general assembly and funders: it names people by their
first name and initial only ("Awa D."), never their contact; the register has the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from essplanner import domain
from essplanner.domain import ConsentProblemKind, platform_name
from essplanner.i18n import _, n_
from essplanner.kpi.periods import DateRange, day_text
from essplanner.services.accessibility import ImageText
from essplanner.services.consent_rules import EXPIRING_DAYS, channel_name, scope_text
from essplanner.workspace import Workspace


def short_name(name: str) -> str:
    """"Awa Diallo" -> "Awa D." (a report is not the register)."""
    words = name.split()
    if len(words) < 2:
        return name
    return f"{words[0]} {words[-1][:1]}."


def reason_text(kind: ConsentProblemKind, platform: str) -> str:
    """Why a post is blocked, without naming anyone."""
    texts = {
        ConsentProblemKind.NO_CONSENT: _("no consent on record"),
        ConsentProblemKind.EXPIRED: _("consent ended"),
        ConsentProblemKind.NOT_YET: _("consent not started yet"),
        ConsentProblemKind.WITHDRAWN: _("consent withdrawn"),
        ConsentProblemKind.GUARDIAN: _("a minor without the guardian's signature"),
        ConsentProblemKind.ERASED: _("a person whose data was erased"),
    }
    if kind is ConsentProblemKind.SCOPE:
        return _("consent does not cover {network}", network=channel_name(platform))
    return texts[kind]


@dataclass(frozen=True)
class ExpiringRow:
    person: str  # first name and initial
    ends_on: date
    scopes: str


@dataclass(frozen=True)
class BlockedRow:
    post_id: int
    title: str
    when: datetime | None
    network: str
    reasons: str  # "Awa D.: consent withdrawn"


@dataclass(frozen=True)
class ImageRights:
    """The image-rights page: the register's size, what ends soon, what is blocked."""

    people: int
    consents_in_force: int
    within_days: int
    expiring: tuple[ExpiringRow, ...]
    blocked: tuple[BlockedRow, ...]


@dataclass(frozen=True)
class AltText:
    """The accessibility page: images of the period's posts and how many are described
    (an alternative text the accessibility checks accept)."""

    images: int
    described: int
    #: the posts with undescribed images: (title, how many)
    undescribed: tuple[tuple[str, int], ...]

    @property
    def share(self) -> float | None:
        return self.described / self.images if self.images else None


def image_rights(ws: Workspace, within_days: int = EXPIRING_DAYS) -> ImageRights:
    """The image-rights page as of today (the workspace's clock and zone)."""
    people = ws.consents.people()
    today = ws.consents.today()
    in_force = sum(1 for p in people for c in ws.consents.consents(p.id)
                   if c.withdrawn_at is None and c.starts_on <= today
                   and (c.ends_on is None or c.ends_on >= today))
    expiring = tuple(ExpiringRow(short_name(p.name), c.ends_on or today, scope_text(c))
                     for p, c in ws.consents.expiring(within_days))
    blocked = tuple(
        BlockedRow(post_id=row.post_id, title=row.title, when=row.when,
                   network=platform_name(row.platform),
                   reasons="; ".join(dict.fromkeys(
                       _("{person}: {reason}",
                         person=short_name(p.person_name) or f"#{p.person_id}",
                         reason=reason_text(p.kind, p.platform)) for p in problems)))
        for row, problems in ws.consents.blocked_problems())
    return ImageRights(people=len(people), consents_in_force=in_force,
                       within_days=within_days, expiring=expiring, blocked=blocked)


def alt_text(ws: Workspace, span: DateRange) -> AltText:
    """How many images of the posts planned in ``span`` have a real alternative text
    (the rule of :mod:`essplanner.services.accessibility`; videos are not counted)."""
    start, end = span.utc(ws.kpis.zone)
    posts = ws.posts.query(domain.PostQuery(start=start, end=end))
    images = described = 0
    undescribed = []
    for post in posts:
        shown = [ImageText(m.alt_text, m.original_name) for m in post.media if not m.is_video]
        if not shown:
            continue
        missing = len(ws.posts.accessibility.alt_problems(shown, post.language))
        images += len(shown)
        described += len(shown) - missing
        if missing:
            undescribed.append((post.display_title, missing))
    return AltText(images=images, described=described, undescribed=tuple(undescribed))


def image_rights_lines(page: ImageRights) -> tuple[str, ...]:
    """The page's summary in sentences (the PDF and the CSV)."""
    lines = [
        n_("{n} person in the image-rights register", "{n} people in the image-rights "
           "register", page.people),
        n_("{n} consent in force today", "{n} consents in force today",
           page.consents_in_force),
        n_("{n} consent ends within {days} days: ask for a renewal before it does.",
           "{n} consents end within {days} days: ask for renewals before they do.",
           len(page.expiring), days=page.within_days),
        n_("{n} post is blocked for want of a valid consent.",
           "{n} posts are blocked for want of a valid consent.", len(page.blocked)),
    ]
    return tuple(lines)


def expiring_cells(row: ExpiringRow) -> list[str]:
    return [row.person, day_text(row.ends_on), row.scopes]
