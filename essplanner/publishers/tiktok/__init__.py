"""TikTok (Content Posting API): Direct Post or inbox, chunked resumable uploads, OAuth 2
with PKCE (see :mod:`.publisher`)."""

from essplanner.publishers.tiktok.publisher import TikTokPublisher

__all__ = ["TikTokPublisher"]
