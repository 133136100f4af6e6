"""From a post and an account to the exact text and request a publisher receives.

The editor's counters, the preview, the validation before scheduling and the
publishing service all go through :func:`build_request`, so what is checked is
what is sent.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from essplanner import domain
from essplanner.publishers.base import AccountInfo, MediaFile, Publisher, PublishRequest
from essplanner.publishers.registry import PluginError, Registry
from essplanner.publishers.rules import LinkHandling, PlatformRules, Problem
from essplanner.publishers.text import find_hashtags
from essplanner.publishers.validation import validate_with_rules

UTM_MEDIUM = "social"
#: longest ``utm_campaign`` made from an objective name (analytics tools cut long ones)
MAX_CAMPAIGN = 80


def account_info(account: domain.Account) -> AccountInfo:
    return AccountInfo(
        id=account.id,
        platform=account.platform,
        name=account.name,
        handle=account.handle,
        api_url=account.api_url,
        settings=dict(account.settings),
    )


def campaign_slug(name: str) -> str:
    """An objective name as a ``utm_campaign`` value: lower case, accents dropped, dashes.

    Letters without an ASCII form (Arabic, Cyrillic...) are kept, so that two such
    objectives never collapse into the same campaign; ``urlencode`` escapes them.
    """
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name.casefold().translate(_LIGATURES))
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = "".join(c if c.isalnum() else " " for c in kept).split()
    slug = "-".join(words)
    if len(slug) > MAX_CAMPAIGN:
        slug = slug[:MAX_CAMPAIGN].rsplit("-", 1)[0] or slug[:MAX_CAMPAIGN]
    return slug or "post"


_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "ı": "i"})


def _query_keys(query: str) -> set[str]:
    return {k.strip().lower() for k, _v in parse_qsl(query, keep_blank_values=True)}


def tag_link(url: str, *, source: str, campaign: str, medium: str = UTM_MEDIUM) -> str:
    """``url`` with UTM parameters added; parameters already there are kept, never doubled.

    The existing query string is left byte for byte as it was (no re-encoding), the
    fragment stays at the end, keys are compared without regard to case
    (``UTM_Source`` counts as ``utm_source``), and parameters carried in a
    fragment route (``#/don?utm_source=x``, used by single-page sites) count too.
    """
    if not url:
        return url
    parts = urlsplit(url if "://" in url else f"https://{url}")
    present = _query_keys(parts.query)
    if "?" in parts.fragment:
        present |= _query_keys(parts.fragment.split("?", 1)[1])
    additions = [
        (k, v)
        for k, v in (("utm_source", source), ("utm_medium", medium), ("utm_campaign", campaign))
        if k not in present and v
    ]
    if not additions:
        return url
    query = parts.query
    separator = "" if not query or query.endswith("&") else "&"
    return urlunsplit(parts._replace(query=f"{query}{separator}{urlencode(additions)}"))


def compose_text(post: domain.Post, *, variant: str | None, link: str,
                 link_in_text: bool = True) -> str:
    """The text as published: the account's variant (or the body), then the call to action
    with its link, then the hashtags not already in the text.

    ``link_in_text`` False: the network takes the link in a field of its own (a Pinterest
    Pin's destination), so the text gets the call to action alone, not the address.
    """
    text = (variant if variant is not None and variant.strip() else post.body).rstrip()
    if link and post.link_url and link != post.link_url:
        # The link typed into the text itself is the measured one too.
        text = _standalone(post.link_url).sub(lambda _m: link, text)
    tail: list[str] = []
    if not link_in_text:
        if post.call_to_action:
            tail.append(post.call_to_action)
    elif link and not (_standalone(link).search(text)
                     or (post.link_url and _standalone(post.link_url).search(text))):
        tail.append(f"{post.call_to_action} → {link}" if post.call_to_action else link)
    present = {h.value.casefold() for h in find_hashtags(text)}
    tags = [
        f"#{t.lstrip('#')}" for t in post.hashtags
        if t.strip("# ") and t.lstrip("#").casefold() not in present
    ]
    if tags:
        tail.append(" ".join(tags))
    return "\n\n".join([text, *tail]) if text else "\n\n".join(tail)


def _standalone(url: str) -> re.Pattern[str]:
    """``url`` where it appears whole: not inside a longer address."""
    end = r"""(?=$|[\s)\]}>»”"']|[.,;:!?](?:$|[\s)\]}>»”"']))"""
    return re.compile(r"(?<![\w/.:%-])" + re.escape(url) + end)


def campaign_objective(post: domain.Post) -> domain.Objective:
    """The objective whose name is the ``utm_campaign`` of the post's links."""
    return min(post.objectives, key=lambda o: (o.name.casefold(), o.name, o.id))


def link_for(post: domain.Post, account: domain.Account) -> str:
    """The post's link, UTM-tagged for this platform and the post's first objective.

    "First" is in name order, whatever order the objectives were loaded in: the text
    validated when scheduling and the text sent later must be the same.
    """
    if not post.link_url:
        return ""
    if account.settings.get("utm") is False:
        return post.link_url
    campaign = campaign_slug(campaign_objective(post).name) if post.objectives else ""
    source = str(account.settings.get("mimic") or account.platform)
    return tag_link(post.link_url, source=source, campaign=campaign)


def build_request(
    post: domain.Post,
    account: domain.Account,
    *,
    target_id: int = 0,
    idempotency_key: str = "",
    variant: str | None = None,
    options: dict[str, object] | None = None,
    link_in_text: bool = True,
) -> PublishRequest:
    """What is sent for ``post`` on ``account``. Prefer :meth:`Validator.request_for`, which
    knows whether the account's network wants the link in the text."""
    link = link_for(post, account)
    return PublishRequest(
        target_id=target_id,
        post_id=post.id,
        account=account_info(account),
        text=compose_text(post, variant=variant, link=link, link_in_text=link_in_text),
        idempotency_key=idempotency_key,
        link=link,
        media=tuple(
            MediaFile(
                path=Path(m.path),
                mime_type=m.mime_type,
                alt_text=m.alt_text,
                size=m.size,
                width=m.width,
                height=m.height,
                checksum=m.checksum,
                duration=m.duration,
                frame_rate=m.frame_rate,
                video_codec=m.video_codec,
                audio_codec=m.audio_codec,
                cover=Path(m.cover_path) if m.cover_path else None,
            )
            for m in post.media
        ),
        language=post.language,
        title=post.title,
        scheduled_at=post.scheduled_at,
        options=dict(options or {}),
    )


class Validator:
    """Checks content for accounts through their publishers (and dry-run ``mimic`` rules)."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def publisher(self, platform: str) -> Publisher:
        return self.registry.get(platform)

    def rules_for(self, account: domain.Account) -> PlatformRules | None:
        info = account_info(account)
        mimic = str(account.settings.get("mimic") or "")
        try:
            if mimic:
                return self.registry.get(mimic).rules(None)
            return self.registry.get(account.platform).rules(info)
        except PluginError:
            return None

    def request_for(self, post: domain.Post, account: domain.Account, *,
                    target_id: int = 0, idempotency_key: str = "", variant: str | None = None,
                    options: dict[str, object] | None = None) -> PublishRequest:
        """:func:`build_request` for ``account``, with the link where its network wants it:
        in the text, or only in a field of its own (:attr:`LinkHandling.FIELD`)."""
        rules = self.rules_for(account)
        return build_request(
            post, account, target_id=target_id, idempotency_key=idempotency_key,
            variant=variant, options=options,
            link_in_text=rules is None or rules.link_handling is not LinkHandling.FIELD)

    def validate(self, request: PublishRequest, account: domain.Account) -> list[Problem]:
        try:
            publisher = self.registry.get(account.platform)
        except PluginError as exc:
            return [Problem("plugin_missing", str(exc), None)]
        mimic = str(account.settings.get("mimic") or "")
        if mimic:
            rules = self.rules_for(account)
            if rules is not None:
                return validate_with_rules(rules, request)
        return publisher.validate(request)
