"""Counting text the way platforms do, and finding links, hashtags and mentions in it."""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import regex


class _LazyPattern:
    """A ``regex`` pattern compiled the first time it is used: the ``regex`` module and
    its Unicode tables (about 1.5 MB) are not loaded by an app that has not yet counted
    or searched any text (its start, for one)."""

    __slots__ = ("_compiled", "_ignorecase", "_lock", "_pattern")

    def __init__(self, pattern: str, ignorecase: bool) -> None:
        self._pattern = pattern
        self._ignorecase = ignorecase
        self._compiled: Any = None
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        compiled = self._compiled
        if compiled is None:
            with self._lock:
                if self._compiled is None:
                    import regex

                    self._compiled = regex.compile(
                        self._pattern, regex.IGNORECASE if self._ignorecase else 0)
                compiled = self._compiled
        return getattr(compiled, name)


def lazy_pattern(pattern: str, *, ignorecase: bool = False) -> regex.Pattern[str]:
    """``regex.compile(pattern)``, done on first use (see :class:`_LazyPattern`)."""
    return cast("regex.Pattern[str]", _LazyPattern(pattern, ignorecase))


# A URL as users type them: with a scheme, or a bare www. address.
URL_RE = lazy_pattern(
    r"(?<![\w@/])(?:https?://|www\.)[^\s<>\"]+[^\s<>\"'.,;:!?)\]}»…]", ignorecase=True
)
HASHTAG_RE = lazy_pattern(r"(?<![\w#&])#([\p{L}\p{N}_][\p{L}\p{N}\p{M}_]*)")
MENTION_RE = lazy_pattern(
    r"(?<![\w@])@((?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)"
)
# A remote mention as Mastodon writes it: @user@instance.example
REMOTE_MENTION_RE = lazy_pattern(
    r"(?<![/\w])@([A-Za-z0-9_]+(?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)@[\w.-]*\w"
)
_GRAPHEME = lazy_pattern(r"\X")


def count_graphemes(text: str) -> int:
    """User-perceived characters (extended grapheme clusters): "👨‍👩‍👧" is one."""
    return len(_GRAPHEME.findall(text))


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units (Telegram entities, TikTok captions)."""
    return len(text.encode("utf-16-le")) // 2


def _weight(char: str) -> int:
    # X (twitter-text v3): these ranges weigh 1, everything else 2.
    cp = ord(char)
    light = (
        (0x0000, 0x10FF),
        (0x2000, 0x200D),
        (0x2010, 0x201F),
        (0x2032, 0x2037),
    )
    return 1 if any(lo <= cp <= hi for lo, hi in light) else 2


def count_weighted(text: str) -> int:
    """X's weighted length: NFC text, most Latin characters 1, CJK and emoji 2."""
    total = 0
    for cluster in _GRAPHEME.findall(unicodedata.normalize("NFC", text)):
        if _is_emoji_cluster(cluster):
            total += 2
        else:
            total += sum(_weight(c) for c in cluster)
    return total


def _is_emoji_cluster(cluster: str) -> bool:
    return any(
        unicodedata.category(c) == "So" and ord(c) > 0x2000 for c in cluster
    ) or "\u200d" in cluster or any(0x1F1E6 <= ord(c) <= 0x1F1FF for c in cluster)


def replace_urls(text: str, replacement: str) -> str:
    return str(URL_RE.sub(replacement, text))


def strip_mention_domains(text: str) -> str:
    """``@user@instance`` becomes ``@user`` (Mastodon counts only the local part)."""
    urls = find_urls(text)

    def local(m: regex.Match[str]) -> str:
        if any(u.start <= m.start() < u.end for u in urls):
            return m.group(0)
        return f"@{m.group(1)}"

    return str(REMOTE_MENTION_RE.sub(local, text))


@dataclass(frozen=True)
class Span:
    """A piece of text found by a scanner, with offsets in characters (code points)."""

    start: int
    end: int
    text: str
    value: str  # the URL, the tag without '#', the handle without '@'


def find_urls(text: str) -> list[Span]:
    spans = []
    for m in URL_RE.finditer(text):
        url = m.group(0)
        full = url if url.lower().startswith("http") else f"https://{url}"
        spans.append(Span(m.start(), m.end(), url, full))
    return spans


def find_hashtags(text: str) -> list[Span]:
    urls = find_urls(text)
    spans = []
    for m in HASHTAG_RE.finditer(text):
        if any(u.start <= m.start() < u.end for u in urls):
            continue  # the fragment of a link (#section) is not a hashtag
        tag = m.group(1)
        if tag.isdigit():
            continue  # "#1" is not a tag on any platform
        spans.append(Span(m.start(), m.end(), m.group(0), tag))
    return spans


def find_mentions(text: str) -> list[Span]:
    """Mentions of full handles (``@alice.bsky.social``)."""
    urls = find_urls(text)
    return [
        Span(m.start(), m.end(), m.group(0), m.group(1))
        for m in MENTION_RE.finditer(text)
        if not any(u.start <= m.start() < u.end for u in urls)
    ]


def byte_offsets(text: str, start: int, end: int) -> tuple[int, int]:
    """UTF-8 byte offsets of the code-point span [start, end) (Bluesky facets)."""
    return len(text[:start].encode("utf-8")), len(text[:end].encode("utf-8"))


def truncate_graphemes(text: str, limit: int, ellipsis: str = "…") -> str:
    """``text`` cut to ``limit`` graphemes, ending with ``ellipsis`` when cut (previews)."""
    clusters = _GRAPHEME.findall(text)
    if len(clusters) <= limit:
        return text
    return "".join(clusters[: max(0, limit - len(ellipsis))]) + ellipsis


def short_link_text(url: str, limit: int) -> str:
    """How a long link reads in a post: host and path, no scheme, no query (the tracking
    tags), cut to ``limit`` characters with "…" (``https://www.example.org/don/hiver?utm_
    source=bluesky`` reads ``example.org/don/hiver``). Short links stay as typed."""
    if len(url) <= limit:
        return url
    from urllib.parse import urlsplit

    parts = urlsplit(url if "://" in url else f"https://{url}")
    shown = (parts.netloc.removeprefix("www.") + parts.path).rstrip("/")
    return shown if len(shown) <= limit else shown[:limit - 1] + "…"


def shorten_links(text: str, limit: int) -> tuple[str, list[Span]]:
    """``text`` with each long link shown short, and the links as spans of the new text
    (``value`` is the full address, to carry in a link facet)."""
    out: list[str] = []
    links: list[Span] = []
    position = 0
    for url in find_urls(text):
        out.append(text[position:url.start])
        shown = short_link_text(url.text, limit)
        start = sum(len(p) for p in out)
        out.append(shown)
        links.append(Span(start, start + len(shown), shown, url.value))
        position = url.end
    out.append(text[position:])
    return "".join(out), links
