"""What crosses the service's threads: due targets, claims, outcomes and events (all frozen)."""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from datetime import datetime

from essplanner import domain
from essplanner.domain import Change, DeliveryState
from essplanner.i18n import _, n_
from essplanner.publishers.base import Receipt
from essplanner.timeutil import get_zone

log = logging.getLogger("essplanner.scheduler.service")


class Result(enum.StrEnum):
    """What one attempt came to (``publish_attempt.outcome``)."""

    SENDING = "sending"  # in progress; left like this, the service stopped mid-send
    PUBLISHED = "published"
    RETRY = "retry"  # not published; tried again later
    FAILED = "failed"  # refused by the platform, or given up after too many tries
    AUTH = "auth"  # credentials refused; the account must be reconnected
    INVALID = "invalid"  # the content breaks the platform's rules; nothing was sent
    AMBIGUOUS = "ambiguous"  # maybe sent; not found yet: looked up again before any re-send
    UNKNOWN = "unknown"  # maybe sent, and the platform cannot tell: the user decides
    LOST = "lost"  # the service stopped mid-send; checked by looking the post up
    NOT_SENT = "not_sent"  # stopped mid-send, and the platform proved nothing arrived
    BLOCKED = "blocked"  # the platform refuses every post of the account until a person acts


#: ``DueTarget.blocked_reason`` of a target whose post awaits approval (the workspace asks
#: for approval before posts go out)
AWAITING_APPROVAL = "awaiting_approval"

#: previous attempts after which the post is looked up before being sent again
VERIFY_FIRST = frozenset({Result.AMBIGUOUS, Result.UNKNOWN, Result.LOST})


@dataclass(frozen=True)
class DueTarget:
    """A target the service may act on, as read before claiming it."""

    target_id: int
    post_id: int
    account_id: int
    account_name: str
    platform: str
    due_at: datetime | None
    grace_minutes: int
    blocked_reason: str  # non-empty: the account is flagged, blocked or disabled
    last_error: str = ""
    account_block: str = ""  # the account's ``blocked_reason`` (credits, update, access)
    #: an occurrence of a series whose later occurrence on the same account is due too:
    #: only the latest goes out late (never a burst of catch-up posts)
    superseded: bool = False


@dataclass(frozen=True)
class Claim:
    """A target this service holds the lease of, with everything needed to send it."""

    target_id: int
    attempt_id: int
    attempt_number: int
    post: domain.Post
    account: domain.Account
    idempotency_key: str
    text_variant: str | None
    options: dict[str, object]
    due_at: datetime | None
    #: outcome of the previous attempt, if any (decides whether to look the post up first)
    previous: Result | None = None
    #: taken over from an expired lease: look the post up, never send blindly
    recovered: bool = False
    #: when the lost attempt started (recovered claims)
    lost_since: datetime | None = None
    #: when this attempt started (its claim)
    started_at: datetime | None = None
    #: when the earliest attempt that may have reached the platform started (earlier
    #: attempts whose outcome stayed uncertain; the lost one of a recovered claim)
    uncertain_since: datetime | None = None
    #: the same, among the attempts since the user last chose to retry an unconfirmed post
    unresolved_since: datetime | None = None

    @property
    def platform(self) -> str:
        return self.account.platform


@dataclass(frozen=True)
class SendInProgress:
    """A post being sent now (the quit dialog lists them): what, where, and until when."""

    target_id: int
    post_title: str
    account_name: str
    #: the network's display name ("Bluesky"), never an id
    network: str
    #: ``time.monotonic()`` after which the current request gives up (HTTP timeouts)
    deadline: float


@dataclass(frozen=True)
class Outcome:
    """What the sender concluded about one claim; the store writes it."""

    result: Result
    state: DeliveryState
    message: str = ""
    http_status: int | None = None
    receipt: Receipt | None = None
    next_attempt_at: datetime | None = None
    #: the account's credentials were refused: flag it with this reason
    reconnect_reason: str | None = None
    #: the platform refuses every post of the account: block it (reason, message)
    account_block: tuple[str, str] | None = None
    duration_ms: int | None = None
    #: recovered claims still being verified: keep the target ``publishing`` until then
    verify_again_at: datetime | None = None


@dataclass(frozen=True)
class PublishEvent:
    """A target changed delivery state (for the UI, notifications, logs)."""

    target_id: int
    post_id: int
    post_title: str
    account_name: str
    platform: str
    state: DeliveryState
    message: str = ""
    remote_url: str | None = None
    account_flagged: bool = False

    @property
    def needs_attention(self) -> bool:
        return self.state.needs_attention

    @property
    def change(self) -> Change:
        return Change(posts=frozenset({self.post_id}), accounts=self.account_flagged)


def event_for(item: DueTarget, state: DeliveryState, message: str) -> PublishEvent:
    return PublishEvent(target_id=item.target_id, post_id=item.post_id,
                        post_title=f"#{item.post_id}", account_name=item.account_name,
                        platform=item.platform, state=state, message=message)


def missed_message(item: DueTarget, now: datetime, zone_name: str | None) -> str:
    """Why a target was not sent, in the user's time zone, and what they can do."""
    zone = get_zone(zone_name)
    due = (item.due_at or now).astimezone(zone)
    return n_("Not sent: it was due at {due} but no publishing service was running until "
              "{now}, more than the {n} minute allowed. Publish it now, reschedule it "
              "or cancel it.",
              "Not sent: it was due at {due} but no publishing service was running until "
              "{now}, more than the {n} minutes allowed. Publish it now, reschedule it "
              "or cancel it.", item.grace_minutes, due=due.strftime("%Y-%m-%d %H:%M"),
              now=now.astimezone(zone).strftime("%Y-%m-%d %H:%M"))


def superseded_message(item: DueTarget, now: datetime, zone_name: str | None) -> str:
    """Why an occurrence of a recurring post was not sent after a long absence."""
    due = (item.due_at or now).astimezone(get_zone(zone_name))
    return _("Not sent: it was due at {due} while no publishing service was running, and a "
             "later occurrence of the series went out instead. Publish it now, reschedule "
             "it or cancel it.", due=due.strftime("%Y-%m-%d %H:%M"))


def blocked_message(item: DueTarget) -> str:
    if item.blocked_reason == AWAITING_APPROVAL:
        return _("Waiting: this post must be approved before it goes out (the workspace asks "
                 "for approval).")
    if item.blocked_reason == "disabled":
        return _("Waiting: the account {account} is disabled.", account=item.account_name)
    block = domain.AccountBlock.of(item.account_block)
    if block is not None:
        return _("Waiting: {what}", what=block_text(block, item.account_name, item.platform))
    return _("Waiting: the account {account} must be reconnected ({reason}).",
             account=item.account_name, reason=item.blocked_reason)


def block_text(block: domain.AccountBlock, account: str, platform: str) -> str:
    """What a blocked account waits for, and what to do, in plain words."""
    network = domain.platform_name(platform)
    if block is domain.AccountBlock.CREDITS:
        return _("{network} refuses the posts of {account} until credits are added to its "
                 "developer account. Add credits, then choose \"Try again\".",
                 network=network, account=account)
    if block is domain.AccountBlock.UPDATE:
        return _("{network} no longer accepts this version of ESS Planner for {account}: "
                 "update ESS Planner, then choose \"Try again\".", network=network,
                 account=account)
    return _("{network} refuses the posts of {account} at the access level of its developer "
             "app. Ask for the higher access (see the guide), then choose \"Try again\".",
             network=network, account=account)


def log_outcome(claim: Claim, outcome: Outcome) -> None:
    what = f"target {claim.target_id} (post {claim.post.id}) on {claim.account.name}"
    if outcome.state is DeliveryState.PUBLISHED:
        url = outcome.receipt.remote_url if outcome.receipt else None
        log.info("%s published%s", what, f": {url}" if url else "")
    elif outcome.state is DeliveryState.SCHEDULED:
        log.info("%s not published (%s); next try at %s", what, outcome.message,
                 outcome.next_attempt_at)
    else:
        log.warning("%s %s: %s", what, outcome.state.value, outcome.message)
