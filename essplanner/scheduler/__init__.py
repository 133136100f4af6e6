"""The publishing service: wake-up jobs, claiming, retries, outcomes (DESIGN.md §4-5).

:class:`PublishingService` runs inside the desktop app and as ``essplanner
service``; it imports no Qt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from essplanner.scheduler.config import ServiceConfig
    from essplanner.scheduler.outcome import PublishEvent, Result
    from essplanner.scheduler.service import PublishingService

__all__ = ["PublishEvent", "PublishingService", "Result", "ServiceConfig"]

_WHERE = {"ServiceConfig": "config", "PublishEvent": "outcome", "Result": "outcome",
          "PublishingService": "service"}


def __getattr__(name: str) -> Any:
    # The window imports essplanner.scheduler.outcome at start; the service, its
    # configuration and their imports load when a service is made (PEP 562).
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value
    return value
