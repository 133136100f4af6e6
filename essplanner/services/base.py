"""The base of every service: a database, a clock, and listeners told what changed.

Each method of a service is one transaction and returns frozen dataclasses. Mutations
report what they changed through ``notify`` (a :class:`~essplanner.domain.Change`), so that
each view decides what to redraw. No ORM object leaves a service.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from essplanner.domain import Change
from essplanner.errors import (
    ValidationError,
)
from essplanner.i18n import _
from essplanner.storage import Database
from essplanner.timeutil import Clock

log = logging.getLogger(__name__)

Notify = Callable[[Change], None]


class Service:
    """A use-case group sharing the database, the clock and the change listeners."""

    def __init__(self, db: Database, *, clock: Clock | None = None,
                 notify: Notify | None = None) -> None:
        self.db = db
        self.clock = clock or Clock()
        self._listeners: list[Notify] = [notify] if notify else []

    def subscribe(self, listener: Notify) -> None:
        self._listeners.append(listener)

    def announce(self, change: Change) -> None:
        """Tell the listeners about a change made outside the services (metrics, imports)."""
        self._notify(change)

    def _notify(self, change: Change) -> None:
        for listener in self._listeners:
            try:
                listener(change)
            except Exception:
                log.exception("change listener failed")



def required(value: str, label: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(_("The {field} is required.", field=label))
    return value


def clean_list(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v.strip() for v in values if v and v.strip()))


def flush_unique(s: Session, message: str) -> None:
    try:
        s.flush()
    except IntegrityError as exc:
        raise ValidationError(message) from exc
