"""The states and kinds the domain's records use: editorial and delivery states, holdups,
account blocks, roles and team actions, consent kinds (re-exported by
:mod:`essplanner.domain`, where callers import them from).

They sit apart so that :mod:`essplanner.records` and :mod:`essplanner.domain` both build
on them without importing each other.
"""

from __future__ import annotations

import enum

#: how people write some networks, as their platform ids ("Twitter" is X)
_NETWORK_ALIASES = {"twitter": "x", "x twitter": "x", "twitter x": "x", "fb": "facebook",
                    "insta": "instagram", "ig": "instagram", "bsky": "bluesky",
                    "linked in": "linkedin", "youtube": "youtube", "yt": "youtube"}


def network_id(name: str) -> str:
    """How people write a network ("Twitter", "Insta") as its platform id ("x", "instagram")."""
    plain = " ".join("".join(c if c.isalnum() else " " for c in name.casefold()).split())
    return _NETWORK_ALIASES.get(plain, plain.replace(" ", ""))


class EditorialState(enum.StrEnum):
    """Where a post stands in the team's editorial process."""

    IDEA = "idea"
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"


class DeliveryState(enum.StrEnum):
    """Delivery state of one post on one account (DESIGN.md §4)."""

    DRAFT = "draft"
    SCHEDULED = "scheduled"
    PUBLISHING = "publishing"
    PUBLISHED = "published"
    FAILED = "failed"
    UNCONFIRMED = "unconfirmed"
    MISSED = "missed"
    CANCELLED = "cancelled"

    @property
    def needs_attention(self) -> bool:
        return self in NEEDS_ATTENTION


NEEDS_ATTENTION = frozenset(
    {DeliveryState.FAILED, DeliveryState.UNCONFIRMED, DeliveryState.MISSED}
)


class AccountBlock(enum.StrEnum):
    """Why a platform refuses every post of an account until a person acts outside the app
    (``publishers.errors.AccountBlocked.reason``)."""

    CREDITS = "credits"  # X: the pay-per-use balance is empty
    UPDATE = "update"  # the platform no longer speaks this release's API version
    ACCESS = "access"  # the developer app's access level forbids publishing

    @classmethod
    def of(cls, reason: str) -> AccountBlock | None:
        """The block named ``reason`` (None: not blocked; an unknown name: access)."""
        if not reason:
            return None
        try:
            return cls(reason)
        except ValueError:
            return cls.ACCESS

    @property
    def holdup(self) -> Holdup:
        return {AccountBlock.CREDITS: Holdup.NEEDS_CREDITS,
                AccountBlock.UPDATE: Holdup.NEEDS_UPDATE,
                AccountBlock.ACCESS: Holdup.NEEDS_ACCESS}[self]


class Holdup(enum.StrEnum):
    """Why a target will not go out at its time unless a person acts, and so what to do."""

    RECONNECT = "reconnect"  # scheduled, but its account must be reconnected
    DISABLED = "disabled"  # scheduled, but its account is disabled
    NEEDS_CREDITS = "needs_credits"  # scheduled, but the platform wants credits bought first
    NEEDS_UPDATE = "needs_update"  # scheduled, but ESS Planner must be updated first
    NEEDS_ACCESS = "needs_access"  # scheduled, but the developer app needs a higher access
    LOGIN_ENDING = "login_ending"  # an account's login runs out soon: reconnect before
    PRIVATE_LOGIN = "private_login"  # an account sits in a person's private login: a risk
    RETRYING = "retrying"  # a send was refused for now (rate limit, credits): waiting to retry
    FAILED = "failed"  # the network refused it, or a check blocked it
    UNCONFIRMED = "unconfirmed"
    MISSED = "missed"
    #: scheduled, but its post is not approved while the workspace asks for approval
    AWAITING_APPROVAL = "awaiting_approval"


class PostStatus(enum.StrEnum):
    """One word for a whole post, derived from its targets, for calendar chips and filters."""

    DRAFT = "draft"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    ATTENTION = "attention"
    CANCELLED = "cancelled"


class Segment(enum.StrEnum):
    """Audience segments that social-economy communication guides name."""

    VOLUNTEERS = "volunteers"
    DONORS = "donors"
    BENEFICIARIES = "beneficiaries"
    PARTNERS = "partners"
    GENERAL = "general"


class ObjectiveKind(enum.StrEnum):
    """The purposes a post can serve, beyond "being present"."""

    DONATIONS = "donations"
    VOLUNTEERS = "volunteers"
    AWARENESS = "awareness"
    PRODUCTS = "products"
    OTHER = "other"


class Period(enum.StrEnum):
    """Period over which a KPI target is measured."""

    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    CAMPAIGN = "campaign"


class KpiSource(enum.StrEnum):
    """Where a KPI's values come from."""

    METRICS = "metrics"  # platform metrics of published posts
    OUTCOMES = "outcomes"  # entries typed in by the team
    VISITS = "visits"  # clicks on UTM-tagged links (imported web analytics)


class LoginKind(enum.StrEnum):
    """Whose login connects an account: the association's own (shared, handed over with
    the association) or one person's private login (lost when that person leaves)."""

    UNKNOWN = ""
    ASSOCIATION = "association"
    PERSONAL = "personal"


class Role(enum.StrEnum):
    """What a member of the team may do; each role holds the one before it."""

    CONTRIBUTOR = "contributor"  # writes drafts and submits them for review
    APPROVER = "approver"  # approves, requests changes, schedules
    ADMINISTRATOR = "administrator"  # accounts, settings, people

    def allows(self, action: TeamAction) -> bool:
        return can(self, action)


class TeamAction(enum.StrEnum):
    """Something only some roles may do."""

    WRITE = "write"
    SUBMIT = "submit"
    APPROVE = "approve"
    SCHEDULE = "schedule"
    MANAGE_ACCOUNTS = "manage_accounts"
    MANAGE_SETTINGS = "manage_settings"
    MANAGE_PEOPLE = "manage_people"


#: the least role that may do each action (roles are ordered: each holds the one before)
_LEAST_ROLE = {
    TeamAction.WRITE: Role.CONTRIBUTOR, TeamAction.SUBMIT: Role.CONTRIBUTOR,
    TeamAction.APPROVE: Role.APPROVER, TeamAction.SCHEDULE: Role.APPROVER,
    TeamAction.MANAGE_ACCOUNTS: Role.ADMINISTRATOR,
    TeamAction.MANAGE_SETTINGS: Role.ADMINISTRATOR,
    TeamAction.MANAGE_PEOPLE: Role.ADMINISTRATOR,
}


_RANK = {Role.CONTRIBUTOR: 0, Role.APPROVER: 1, Role.ADMINISTRATOR: 2}


def can(role: Role, action: TeamAction) -> bool:
    """Whether ``role`` may do ``action``."""
    return _RANK[role] >= _RANK[_LEAST_ROLE[action]]


class HistoryKind(enum.StrEnum):
    """What happened to a post, in its history."""

    CREATED = "created"
    EDITED = "edited"
    MOVED = "moved"
    SCHEDULED = "scheduled"
    UNSCHEDULED = "unscheduled"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"
    BACK_TO_REVIEW = "back_to_review"  # an approved post was edited: approval withdrawn
    PUBLISHED = "published"
    CANCELLED = "cancelled"
    COMMENTED = "commented"


class ConsentProblemKind(enum.StrEnum):
    """Why a person's consent does not let an image of them go out on a channel."""

    NO_CONSENT = "no_consent"  # no consent recorded at all
    EXPIRED = "expired"  # it ended before the publishing date
    NOT_YET = "not_yet"  # it starts after the publishing date
    SCOPE = "scope"  # it does not cover this channel
    WITHDRAWN = "withdrawn"  # the person withdrew it
    GUARDIAN = "guardian"  # a minor, and the legal guardian has not signed
    ERASED = "erased"  # the person's data was erased: their images stay unused


#: the channels of a consent that are not social networks (``Consent.covers``)
WEBSITE = "website"


PRINT = "print"


class ConsentAction(enum.StrEnum):
    """What the register's proof log records (:class:`ConsentRecordEntry`)."""

    PERSON_ADDED = "person_added"
    PERSON_EDITED = "person_edited"
    ADDED = "added"
    WITHDRAWN = "withdrawn"
    TAGGED = "tagged"
    EXPORTED = "exported"
    ERASED = "erased"
    DELETED_POST = "deleted_post"
