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
