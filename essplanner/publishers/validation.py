"""The checks every platform shares, driven by its :class:`~.rules.PlatformRules`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from essplanner.publishers.i18n import ntr, tr
from essplanner.publishers.rules import PlatformRules, Problem

if TYPE_CHECKING:
    from essplanner.publishers.base import PublishRequest


def validate_with_rules(rules: PlatformRules, request: PublishRequest) -> list[Problem]:
    """The checks every platform shares: text length, media count, types, sizes, alt text."""
    problems: list[Problem] = []
    images = [m for m in request.media if m.mime_type.startswith("image/")]
    videos = [m for m in request.media if m.mime_type.startswith("video/")]
    text = request.text
    if rules.text_required and not text.strip() and not request.media:
        problems.append(Problem("text_empty", tr("The text is empty."), "text"))
    limit = rules.limit_for(len(request.media))
    if limit is not None:
        length = rules.count(text)
        if length > limit:
            params = {"length": length, "platform": rules.name, "limit": limit,
                      "over": length - limit}
            message = (
                tr("The caption is {length} characters long; {platform} allows {limit} "
                   "({over} too many).", **params)
                if request.media and rules.caption_limit
                else tr("The text is {length} characters long; {platform} allows {limit} "
                        "({over} too many).", **params)
            )
            problems.append(Problem("text_too_long", message, "text"))
    if rules.byte_limit is not None:
        size = len(text.encode("utf-8"))
        if size > rules.byte_limit:
            problems.append(Problem(
                "text_too_many_bytes",
                tr("The text takes {size} bytes; {platform} allows {limit} "
                   "(emoji and accented letters take several bytes).",
                   size=size, platform=rules.name, limit=rules.byte_limit),
                "text",
            ))
    if len(request.media) < rules.min_media:
        problems.append(Problem(
            "media_required",
            ntr("{platform} needs at least {n} image or video.",
                "{platform} needs at least {n} images or videos.", rules.min_media,
                platform=rules.name),
            "media",
        ))
    if len(images) > rules.max_images:
        problems.append(Problem(
            "too_many_images",
            ntr("{n} image; {platform} takes at most {limit}.",
                "{n} images; {platform} takes at most {limit}.", len(images),
                platform=rules.name, limit=rules.max_images),
            "media",
        ))
    if videos and not rules.supports_video:
        problems.append(Problem(
            "video_unsupported",
            tr("{platform} does not take videos here.", platform=rules.name), "media"
        ))
    for index, item in enumerate(request.media):
        name = item.path.name
        if item.mime_type.startswith("image/") and item.mime_type not in rules.image_types:
            problems.append(Problem(
                "image_type",
                tr("Image {n} ({name}) is {type}; {platform} takes {types}.",
                   n=index + 1, name=name, type=item.mime_type, platform=rules.name,
                   types=", ".join(sorted(t.removeprefix("image/") for t in rules.image_types))),
                "media", index=index,
            ))
        if (
            rules.max_image_bytes is not None
            and item.mime_type.startswith("image/")
            and item.size > rules.max_image_bytes
            and not rules.reencode_images
        ):
            problems.append(Problem(
                "image_too_big",
                tr("Image {n} ({name}) weighs {size} MB; {platform} takes at most {limit} MB.",
                   n=index + 1, name=name, size=f"{item.size / 1e6:.1f}",
                   platform=rules.name, limit=f"{rules.max_image_bytes / 1e6:.1f}"),
                "media", index=index,
            ))
        if (
            rules.max_image_pixels is not None
            and item.width and item.height
            and item.width * item.height > rules.max_image_pixels
            and not rules.reencode_images
        ):
            problems.append(Problem(
                "image_too_large",
                tr("Image {n} ({name}) is {width}×{height} pixels; too large for {platform}.",
                   n=index + 1, name=name, width=item.width, height=item.height,
                   platform=rules.name),
                "media", index=index,
            ))
        if rules.supports_alt_text and not item.alt_text.strip():
            problems.append(Problem(
                "alt_text_missing",
                tr("Image {n} ({name}) has no alternative text: describe it for people "
                   "who cannot see it.", n=index + 1, name=name),
                "media", index=index,
            ))
        if rules.alt_text_limit is not None and len(item.alt_text) > rules.alt_text_limit:
            problems.append(Problem(
                "alt_text_too_long",
                tr("The alternative text of image {n} is {length} characters; {platform} "
                   "allows {limit}.", n=index + 1, length=len(item.alt_text),
                   platform=rules.name, limit=rules.alt_text_limit),
                "media", index=index,
            ))
    return problems
