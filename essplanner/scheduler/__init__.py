"""The publishing service: wake-up jobs, claiming, retries, outcomes (DESIGN.md §4-5).

:class:`PublishingService` runs inside the desktop app and as ``essplanner
service``; it imports no Qt.
"""

from essplanner.scheduler.config import ServiceConfig
from essplanner.scheduler.outcome import PublishEvent, Result
from essplanner.scheduler.service import PublishingService

__all__ = ["PublishEvent", "PublishingService", "Result", "ServiceConfig"]
