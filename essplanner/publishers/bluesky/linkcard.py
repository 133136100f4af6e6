"""Link previews built by the client: a page's OpenGraph title, description and image.

Platforms that do not build link cards themselves (Bluesky) need the publisher to
read the page. Reading is best effort: a page that cannot be read gives no card,
never a failed post. Only the first ``max_bytes`` of the page are read.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from essplanner.publishers.errors import PublishError
from essplanner.publishers.http import HttpClient

log = logging.getLogger(__name__)

PAGE_TIMEOUT = (5.0, 10.0)
PAGE_DEADLINE = 20.0  # a card is not worth holding a post longer
MAX_PAGE_BYTES = 1_000_000
MAX_IMAGE_BYTES = 10_000_000


@dataclass(frozen=True)
class LinkPreview:
    """What a card shows. ``image_url`` is absolute, or empty."""

    url: str
    title: str
    description: str = ""
    image_url: str = ""


class _MetaParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or "").strip().lower()
            if key and "content" in values:
                self.meta.setdefault(key, values["content"].strip())
        elif tag == "title" and not self.title:
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def parse_link_preview(html: str, url: str) -> LinkPreview:
    """The card of a page from its HTML (OpenGraph first, then Twitter cards, then <title>)."""
    parser = _MetaParser()
    parser.feed(html)
    parser.close()
    meta = parser.meta

    def pick(*keys: str) -> str:
        for key in keys:
            value = " ".join(meta.get(key, "").split())
            if value:
                return value
        return ""

    title = pick("og:title", "twitter:title") or " ".join(parser.title.split())
    description = pick("og:description", "twitter:description", "description")
    image = pick("og:image:secure_url", "og:image", "og:image:url", "twitter:image",
                 "twitter:image:src")
    image_url = urljoin(url, image) if image else ""
    if image_url and urlsplit(image_url).scheme not in ("http", "https"):
        image_url = ""
    return LinkPreview(url=url, title=title or url, description=description,
                       image_url=image_url)


def _read_limited(http: HttpClient, url: str, limit: int, accept: str) -> tuple[bytes, str]:
    response = http.get(url, timeout=PAGE_TIMEOUT, deadline=PAGE_DEADLINE, max_bytes=limit,
                        truncate=True, headers={"Accept": accept})
    if response.status_code != 200:
        return b"", ""
    return response.content, response.headers.get("Content-Type", "")


def _decode(raw: bytes, content_type: str) -> str:
    charset = ""
    for part in content_type.split(";")[1:]:
        key, _sep, value = part.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"')
    for encoding in (charset, "utf-8"):
        if not encoding:
            continue
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("cp1252", errors="replace")


def fetch_link_preview(http: HttpClient, url: str) -> LinkPreview | None:
    """The card of ``url``, or None when the page cannot be read or is not HTML."""
    try:
        raw, content_type = _read_limited(http, url, MAX_PAGE_BYTES,
                                          "text/html,application/xhtml+xml")
    except PublishError as exc:
        log.info("no link card for %s: %s", url, exc)
        return None
    if not raw or "html" not in content_type.lower():
        log.info("no link card for %s: not an HTML page (%s)", url, content_type or "?")
        return None
    return parse_link_preview(_decode(raw, content_type), url)


def fetch_image(http: HttpClient, url: str) -> bytes | None:
    """The bytes of a card's image, or None (missing, too big, not an image)."""
    try:
        raw, content_type = _read_limited(http, url, MAX_IMAGE_BYTES + 1, "image/*")
    except PublishError as exc:
        log.info("no card image from %s: %s", url, exc)
        return None
    if not raw or len(raw) > MAX_IMAGE_BYTES or not content_type.lower().startswith("image/"):
        return None
    return raw
