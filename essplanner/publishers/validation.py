"""The checks every platform shares, driven by its :class:`~.rules.PlatformRules`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from essplanner.publishers.i18n import ntr, tr
from essplanner.publishers.rules import PlatformRules, Problem

if TYPE_CHECKING:
    from essplanner.publishers.base import MediaFile, PublishRequest

#: how codecs are named to people (FFmpeg's short names otherwise)
CODEC_NAMES = {"h264": "H.264", "hevc": "HEVC (H.265)", "vp8": "VP8", "vp9": "VP9",
               "av1": "AV1", "mpeg4": "MPEG-4 Part 2", "prores": "ProRes", "aac": "AAC",
               "mp3": "MP3", "opus": "Opus", "vorbis": "Vorbis", "pcm_s16le": "PCM"}


def codec_name(short: str) -> str:
    return CODEC_NAMES.get(short, short.upper() or "?")


def format_duration(seconds: float) -> str:
    """``45 s``, ``2 min 30 s``, ``1 h 5 min``: a duration as a person reads it (the
    same in French and English)."""
    total = round(seconds, 1) if seconds < 10 else round(seconds)
    if total < 60:
        return f"{total:g} s"
    minutes, secs = divmod(int(total), 60)
    if minutes < 60:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.0f}" if size >= 10_000_000 else f"{size / 1e6:.1f}"


def video_problems(rules: PlatformRules, item: MediaFile, index: int) -> list[Problem]:
    """A video against the network's limits, in its own terms: length, weight, pixels,
    frame rate and codecs. Facts not read (None, empty) are not held against it."""
    problems: list[Problem] = []
    n, name, platform = index + 1, item.path.name, rules.name

    def add(code: str, message: str) -> None:
        problems.append(Problem(code, message, "media", index=index))

    if item.mime_type not in rules.video_types:
        add("video_type", tr(
            "Video {n} ({name}) is {type}; {platform} takes {types}.", n=n, name=name,
            type=item.mime_type.removeprefix("video/").upper(), platform=platform,
            types=", ".join(sorted(t.removeprefix("video/").replace("quicktime", "mov").upper()
                                   for t in rules.video_types))))
    seconds = item.duration
    if seconds is not None:
        if rules.max_video_seconds is not None and seconds > rules.max_video_seconds:
            add("video_too_long", tr(
                "Video {n} ({name}) lasts {duration}; {platform} takes videos of at most "
                "{limit}.", n=n, name=name, duration=format_duration(seconds),
                platform=platform, limit=format_duration(rules.max_video_seconds)))
        if rules.min_video_seconds is not None and seconds < rules.min_video_seconds:
            add("video_too_short", tr(
                "Video {n} ({name}) lasts {duration}; {platform} takes videos of at least "
                "{limit}.", n=n, name=name, duration=format_duration(seconds),
                platform=platform, limit=format_duration(rules.min_video_seconds)))
    if rules.max_video_bytes is not None and item.size > rules.max_video_bytes:
        add("video_too_big", tr(
            "Video {n} ({name}) weighs {size} MB; {platform} takes at most {limit} MB.",
            n=n, name=name, size=_megabytes(item.size), platform=platform,
            limit=_megabytes(rules.max_video_bytes)))
    width, height = item.width, item.height
    if width and height:
        size = {"n": n, "name": name, "width": width, "height": height, "platform": platform}
        if ((rules.min_video_width is not None and width < rules.min_video_width)
                or (rules.min_video_height is not None and height < rules.min_video_height)):
            add("video_resolution_low", tr(
                "Video {n} ({name}) is {width}×{height} pixels; {platform} needs at least "
                "{min_width}×{min_height}.", **size,
                min_width=rules.min_video_width or "…", min_height=rules.min_video_height or "…"))
        if ((rules.max_video_width is not None and width > rules.max_video_width)
                or (rules.max_video_height is not None and height > rules.max_video_height)):
            add("video_resolution_high", tr(
                "Video {n} ({name}) is {width}×{height} pixels; {platform} takes at most "
                "{max_width}×{max_height}.", **size,
                max_width=rules.max_video_width or "…", max_height=rules.max_video_height or "…"))
        if rules.max_video_pixels is not None and width * height > rules.max_video_pixels:
            add("video_resolution_high", tr(
                "Video {n} ({name}) is {width}×{height} pixels; {platform} takes at most "
                "{megapixels} megapixels.", **size,
                megapixels=f"{rules.max_video_pixels / 1e6:.1f}"))
    fps = item.frame_rate
    if fps is not None:
        if rules.max_frame_rate is not None and fps > rules.max_frame_rate + 0.01:
            add("video_frame_rate", tr(
                "Video {n} ({name}) has {fps} frames per second; {platform} takes at most "
                "{limit}.", n=n, name=name, fps=f"{fps:g}", platform=platform,
                limit=f"{rules.max_frame_rate:g}"))
        if rules.min_frame_rate is not None and fps < rules.min_frame_rate - 0.01:
            add("video_frame_rate", tr(
                "Video {n} ({name}) has {fps} frames per second; {platform} needs at least "
                "{limit}.", n=n, name=name, fps=f"{fps:g}", platform=platform,
                limit=f"{rules.min_frame_rate:g}"))
    if rules.video_codecs and item.video_codec and item.video_codec not in rules.video_codecs:
        add("video_codec", tr(
            "Video {n} ({name}) is encoded in {codec}; {platform} takes {codecs}.", n=n,
            name=name, codec=codec_name(item.video_codec), platform=platform,
            codecs=", ".join(sorted(codec_name(c) for c in rules.video_codecs))))
    if rules.audio_codecs and item.audio_codec and item.audio_codec not in rules.audio_codecs:
        add("audio_codec", tr(
            "The sound of video {n} ({name}) is encoded in {codec}; {platform} takes {codecs}.",
            n=n, name=name, codec=codec_name(item.audio_codec), platform=platform,
            codecs=", ".join(sorted(codec_name(c) for c in rules.audio_codecs))))
    return problems


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
    elif len(videos) > rules.max_videos:
        problems.append(Problem(
            "too_many_videos",
            ntr("{n} video; {platform} takes at most {limit} per post.",
                "{n} videos; {platform} takes at most {limit} per post.", len(videos),
                platform=rules.name, limit=rules.max_videos),
            "media",
        ))
    for index, item in enumerate(request.media):
        name = item.path.name
        if item.is_video:
            if rules.supports_video:
                problems += video_problems(rules, item, index)
            if rules.video_alt_text and not item.alt_text.strip():
                problems.append(Problem(
                    "alt_text_missing",
                    tr("Video {n} ({name}) has no description: describe it for people "
                       "who cannot see it.", n=index + 1, name=name),
                    "media", index=index,
                ))
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
        if rules.supports_alt_text and not item.is_video and not item.alt_text.strip():
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
