"""Errors whose message is meant for the user, sorted by who is to blame.

Anything raised from here is caused by the input or the environment and is shown
as a clear message; any other exception is a bug and is logged with a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from essplanner.domain import Post


class EssPlannerError(Exception):
    """Base of the errors that carry a message fit for the user."""

    exit_code = 1


class ValidationError(EssPlannerError):
    """The input is invalid; nothing was stored."""

    exit_code = 2

    def __init__(self, message: str, problems: Sequence[ProblemInfo] = ()) -> None:
        super().__init__(message)
        self.problems = tuple(problems)


class NotFoundError(EssPlannerError):
    """The thing asked for does not exist."""

    exit_code = 2


class ConflictError(EssPlannerError):
    """Someone else changed the same thing first; nothing was overwritten."""


class PermissionDenied(EssPlannerError):
    """The person's role (or their database login) does not allow this; nothing changed."""

    exit_code = 2


class EditConflictError(ConflictError):
    """A post was saved by someone else since the edit began; nothing was overwritten.
    ``theirs`` is the stored version (a ``domain.Post``), so that the person can compare it
    with theirs field by field and choose (None when it was deleted meanwhile)."""

    def __init__(self, message: str, theirs: Post | None = None) -> None:
        super().__init__(message)
        self.theirs = theirs


class StorageError(EssPlannerError):
    """The database could not be read or written (locked, full disk, unreadable file)."""


class CredentialError(EssPlannerError):
    """The operating system keyring is missing, locked or refused the secret."""


@dataclass(frozen=True)
class ProblemInfo:
    """One validation problem, for inline display (field may be None)."""

    message: str
    field: str | None = None
    account: str | None = None
