"""X (API v2): posts with images and alt text, threads, OAuth 2 with PKCE (see :mod:`.publisher`)."""

from essplanner.publishers.x.publisher import XPublisher

__all__ = ["XPublisher"]
