"""YouTube (Data API v3): :mod:`.api` (tokens, errors, quota), :mod:`.upload` (the
resumable upload), :mod:`.publisher`."""

from essplanner.publishers.youtube.publisher import YouTubePublisher

__all__ = ["YouTubePublisher"]
