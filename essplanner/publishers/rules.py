"""What a platform accepts: its limits and habits, and the problems found in a post."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from essplanner.publishers.text import (
    count_graphemes,
    count_weighted,
    replace_urls,
    shorten_links,
    strip_mention_domains,
    utf16_len,
)


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a post for a platform, in words a volunteer understands."""

    code: str  # stable id, e.g. "text_too_long", "alt_text_missing"
    message: str
    field: str | None = None  # "text", "media", "link", ...
    severity: Severity = Severity.ERROR
    index: int | None = None  # which image, for media problems


class TextCounting(enum.StrEnum):
    """How a platform counts the length of a text."""

    GRAPHEMES = "graphemes"  # user-perceived characters (Bluesky, Mastodon)
    CODE_POINTS = "code_points"  # Unicode code points (Threads, Instagram)
    UTF16 = "utf16"  # UTF-16 code units (Telegram, TikTok)
    WEIGHTED = "weighted"  # X: most scripts 1, CJK and emoji 2
    BYTES = "bytes"  # UTF-8 bytes (YouTube description)


class LinkHandling(enum.StrEnum):
    """What the platform does with a link in the text."""

    PREVIEW = "preview"  # a preview card of the link (Mastodon, Telegram, Facebook; LinkedIn's
    # article, which its publisher builds when the post has no image)
    CARD = "card"  # the client must build the card itself (Bluesky)
    NOT_CLICKABLE = "not_clickable"  # links in captions are plain text (Instagram)
    FIELD = "field"  # the link goes in a field of its own, not in the text (Pinterest's
    # destination link): the text gets the call to action alone


@dataclass(frozen=True)
class PlatformRules:
    """Limits and habits of a platform, used by the editor's counters and by ``validate``."""

    platform: str
    text_limit: int | None
    counting: TextCounting = TextCounting.GRAPHEMES
    url_length: int | None = None  # every URL counts as this many characters (Mastodon, X)
    link_text_limit: int | None = None  # long links are shown this short (Bluesky)
    mention_local_part_only: bool = False  # "@user@domain" counts as "@user" (Mastodon)
    byte_limit: int | None = None  # a second limit in UTF-8 bytes (Bluesky: 3000)
    caption_limit: int | None = None  # limit of the text when media is attached (Telegram)
    max_images: int = 4
    min_media: int = 0  # Instagram needs at least one image
    image_types: frozenset[str] = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})
    max_image_bytes: int | None = None
    reencode_images: bool = False  # images over max_image_bytes are re-encoded, not refused
    max_image_pixels: int | None = None
    supports_alt_text: bool = True
    alt_text_limit: int | None = None
    link_handling: LinkHandling = LinkHandling.PREVIEW
    supports_video: bool = False
    text_required: bool = True
    display_name: str = ""
    #: the post's title is shown to readers, up to this many characters (a Pinterest Pin's
    #: title); None: the title is the team's only
    title_limit: int | None = None
    # ---- videos (checked when ``supports_video``; None or empty: no limit known)
    video_types: frozenset[str] = frozenset({"video/mp4", "video/quicktime"})
    max_videos: int = 1
    min_video_seconds: float | None = None
    max_video_seconds: float | None = None
    max_video_bytes: int | None = None
    min_video_width: int | None = None
    min_video_height: int | None = None
    max_video_width: int | None = None
    max_video_height: int | None = None
    max_video_pixels: int | None = None  # width × height (Mastodon's video_matrix_limit)
    min_frame_rate: float | None = None
    max_frame_rate: float | None = None
    video_codecs: frozenset[str] = frozenset()  # FFmpeg's short names: "h264", "hevc"
    audio_codecs: frozenset[str] = frozenset()  # "aac"; a silent video always passes
    video_alt_text: bool = False  # the network takes a description of a video too

    @property
    def name(self) -> str:
        """The platform's name for messages."""
        return self.display_name or self.platform

    def count(self, text: str) -> int:
        """The length of ``text`` as the platform counts it."""
        if self.url_length is not None:
            text = replace_urls(text, "x" * self.url_length)
        if self.link_text_limit is not None:
            text = shorten_links(text, self.link_text_limit)[0]
        if self.mention_local_part_only:
            text = strip_mention_domains(text)
        match self.counting:
            case TextCounting.GRAPHEMES:
                return count_graphemes(text)
            case TextCounting.CODE_POINTS:
                return len(text)
            case TextCounting.UTF16:
                return utf16_len(text)
            case TextCounting.WEIGHTED:
                return count_weighted(text)
            case TextCounting.BYTES:
                return len(text.encode("utf-8"))
        raise AssertionError(self.counting)

    def limit_for(self, media_count: int) -> int | None:
        if media_count and self.caption_limit is not None:
            return self.caption_limit
        return self.text_limit
