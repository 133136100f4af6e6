"""How a publisher reports an outcome: by raising one of these (see :mod:`.base`)."""

from __future__ import annotations

from collections.abc import Sequence

from essplanner.publishers.rules import Problem


class PublishError(Exception):
    """Base of the outcomes a publisher reports by raising. ``message`` is in plain words."""

    def __init__(self, message: str, *, http_status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.http_status = http_status


class RetryableError(PublishError):
    """Nothing was published; try again later (after ``retry_after`` seconds if given)."""

    def __init__(
        self, message: str, *, http_status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message, http_status=http_status)
        self.retry_after = retry_after


class PermanentError(PublishError):
    """The platform refused the content; retrying will not help."""


class AuthError(PermanentError):
    """The credentials are wrong, expired or revoked: the account needs reconnecting."""


class AmbiguousError(PublishError):
    """The post may or may not exist: the request was sent but no answer came back."""


class ContentRejected(PermanentError):
    """Validation found problems before anything was sent."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = tuple(problems)


class AccountBlocked(PermanentError):
    """The platform refuses every post of this account until a person acts outside the
    app; nothing was published and retrying will not help. ``reason`` names what to do
    (one of :data:`BLOCK_REASONS`), ``message`` says it in plain words."""

    def __init__(self, message: str, *, reason: str, http_status: int | None = None) -> None:
        super().__init__(message, http_status=http_status)
        if reason not in BLOCK_REASONS:
            raise ValueError(f"unknown block reason {reason!r}")
        self.reason = reason


#: ``credits``: X's pay-per-use balance is empty (402 CreditsDepleted);
#: ``update``: the platform no longer serves the API version this release speaks
#: (LinkedIn 426 NONEXISTENT_VERSION): ESS Planner needs an update;
#: ``access``: the developer app's access level forbids it (Pinterest Trial, code 29).
BLOCK_REASONS = frozenset({"credits", "update", "access"})
