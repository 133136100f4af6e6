"""Bluesky: the AT Protocol client, link cards and the publisher."""
