"""What the editor holds, as plain data: saved, autosaved, checked and counted without widgets.

:class:`EditorState` is the editor's whole content (JSON for autosave). From it,
:func:`check` lists the problems to show before scheduling (the publishers' own
validation of the exact text that will be sent, plus alt text, persona networks,
time-zone gaps) and :func:`counters` gives each account's live character count,
counted the way that platform counts, against its limit.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from essplanner import domain
from essplanner.channels.composer import Validator
from essplanner.errors import ValidationError
from essplanner.publishers.rules import PlatformRules, Severity
from essplanner.services.accessibility import AccessibilityChecker, ImageText
from essplanner.services.calendar import shown_platform
from essplanner.services.hashtags import split_hashtags
from essplanner.services.posts import PAST_TOLERANCE
from essplanner.timeutil import localize
from essplanner.ui.labels import platform_label

translate = QCoreApplication.translate


@dataclass
class MediaDraft:
    """An image or video of the post being edited: a stored one (``media_id``) or a new
    file; a video's facts as PyAV read them, and ``cover``, an image chosen as its cover."""

    path: str
    alt_text: str = ""
    media_id: int | None = None
    mime_type: str = ""
    size: int = 0
    width: int | None = None
    height: int | None = None
    original_name: str = ""
    duration: float | None = None
    frame_rate: float | None = None
    video_codec: str = ""
    audio_codec: str = ""
    cover: str = ""

    @property
    def name(self) -> str:
        return self.original_name or Path(self.path).name

    @property
    def is_video(self) -> bool:
        return self.mime_type.startswith("video/")


@dataclass
class EditorState:
    """Everything typed or chosen in the editor."""

    post_id: int | None = None
    base_version: int | None = None
    title: str = ""
    body: str = ""
    link_url: str = ""
    call_to_action: str = ""
    hashtags: str = ""
    language: str = ""
    editorial_state: str = domain.EditorialState.DRAFT.value
    persona_ids: list[int] = field(default_factory=list)
    objective_ids: list[int] = field(default_factory=list)
    account_ids: list[int] = field(default_factory=list)
    variants: dict[int, str] = field(default_factory=dict)
    #: per account, what was chosen for it (the TikTok panel's privacy, interactions...)
    options: dict[int, dict[str, Any]] = field(default_factory=dict)
    media: list[MediaDraft] = field(default_factory=list)
    local_when: str = ""  # naive wall-clock ISO time in the user's zone
    schedule: bool = False
    #: the Repeat section's rule (an RRULE; empty: does not repeat), kept by the autosave
    repeat: str = ""

    # ---- conversions
    @classmethod
    def from_post(cls, post: domain.Post, zone: ZoneInfo) -> EditorState:
        when = (
            post.scheduled_at.astimezone(zone).replace(tzinfo=None) if post.scheduled_at else None
        )
        return cls(
            post_id=post.id,
            base_version=post.version,
            title=post.title,
            body=post.body,
            link_url=post.link_url,
            call_to_action=post.call_to_action,
            hashtags=" ".join(f"#{h}" for h in post.hashtags),
            language=post.language,
            editorial_state=post.editorial_state.value,
            persona_ids=[p.id for p in post.personas],
            objective_ids=[o.id for o in post.objectives],
            account_ids=[t.account_id for t in post.targets],
            variants={t.account_id: t.text_variant for t in post.targets if t.text_variant},
            options={t.account_id: dict(t.options) for t in post.targets if t.options},
            media=[
                MediaDraft(
                    path=m.path,
                    alt_text=m.alt_text,
                    media_id=m.id,
                    mime_type=m.mime_type,
                    size=m.size,
                    width=m.width,
                    height=m.height,
                    original_name=m.original_name,
                    duration=m.duration,
                    frame_rate=m.frame_rate,
                    video_codec=m.video_codec,
                    audio_codec=m.audio_codec,
                    cover=m.cover_path,
                )
                for m in post.media
            ],
            local_when=when.isoformat(timespec="minutes") if when else "",
            schedule=any(
                t.state in (domain.DeliveryState.SCHEDULED, domain.DeliveryState.PUBLISHING)
                for t in post.targets
            ),
        )

    def to_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["variants"] = {str(k): v for k, v in self.variants.items()}
        data["options"] = {str(k): v for k, v in self.options.items()}
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> EditorState:
        known = {f.name for f in dataclasses.fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["variants"] = {int(k): str(v) for k, v in dict(values.get("variants") or {}).items()}
        values["options"] = {int(k): dict(v) for k, v in dict(values.get("options") or {}).items()
                             if isinstance(v, dict)}
        values["media"] = [MediaDraft(**m) for m in values.get("media") or []]
        return cls(**values)

    def local_datetime(self) -> datetime | None:
        try:
            return datetime.fromisoformat(self.local_when) if self.local_when else None
        except ValueError:
            return None

    def tags(self) -> tuple[str, ...]:
        return tuple(split_hashtags(self.hashtags))

    def draft(self) -> domain.PostDraft:
        return domain.PostDraft(
            title=self.title,
            body=self.body,
            link_url=self.link_url,
            call_to_action=self.call_to_action,
            hashtags=self.tags(),
            language=self.language,
            editorial_state=domain.EditorialState(self.editorial_state),
            persona_ids=tuple(self.persona_ids),
            objective_ids=tuple(self.objective_ids),
            account_ids=tuple(self.account_ids),
            text_variants={
                k: v for k, v in self.variants.items() if k in self.account_ids and v.strip()
            },
            media=tuple(
                domain.MediaInput(path=m.path, alt_text=m.alt_text, media_id=m.media_id,
                                  cover=m.cover)
                for m in self.media
            ),
            target_options={k: dict(v) for k, v in self.options.items()
                            if k in self.account_ids},
        )

    def preview_post(self, objectives: Sequence[domain.Objective]) -> domain.Post:
        """A stand-in Post for composing the exact text of each account (link, UTM, tags)."""
        chosen = [o for o in objectives if o.id in self.objective_ids]
        chosen.sort(key=lambda o: o.name)
        link = self.link_url.strip()
        if link and "://" not in link:
            link = f"https://{link}"
        return domain.Post(
            id=self.post_id or 0,
            title=self.title,
            body=self.body,
            editorial_state=domain.EditorialState(self.editorial_state),
            scheduled_at=None,
            version=self.base_version or 0,
            link_url=link,
            call_to_action=self.call_to_action.strip(),
            hashtags=self.tags(),
            language=self.language,
            objectives=tuple(chosen),
            media=tuple(
                domain.MediaItem(
                    id=m.media_id or 0,
                    position=i,
                    path=m.path,
                    original_name=m.name,
                    checksum="",
                    mime_type=m.mime_type or "image/jpeg",
                    size=m.size,
                    alt_text=m.alt_text,
                    width=m.width,
                    height=m.height,
                    duration=m.duration,
                    frame_rate=m.frame_rate,
                    video_codec=m.video_codec,
                    audio_codec=m.audio_codec,
                    cover_path=m.cover,
                )
                for i, m in enumerate(self.media)
            ),
        )


class Level(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True)
class EditorProblem:
    level: Level
    message: str
    field: str | None = None  # "text", "media", "when", "accounts", "personas", ...
    account_id: int | None = None


@dataclass(frozen=True)
class Counter:
    """One account's character count of the exact text that will be sent."""

    account_id: int
    platform: str
    count: int
    limit: int | None
    text: str

    @property
    def over(self) -> bool:
        return self.limit is not None and self.count > self.limit


def counters(
    state: EditorState,
    accounts: Sequence[domain.Account],
    objectives: Sequence[domain.Objective],
    validator: Validator,
) -> list[Counter]:
    post = state.preview_post(objectives)
    out = []
    for account in accounts:
        if account.id not in state.account_ids:
            continue
        variant = state.variants.get(account.id)
        text = validator.request_for(post, account, variant=variant).text
        rules = validator.rules_for(account)
        if rules is None:
            from essplanner.publishers.text import count_graphemes

            count, limit = count_graphemes(text), None
        else:
            count, limit = rules.count(text), rules.limit_for(len(state.media))
        out.append(
            Counter(
                account.id, shown_platform(account.platform, account.settings), count, limit, text
            )
        )
    return out


def default_start(day: date, now: datetime) -> datetime:
    """When a new post starts: the next round hour today, 10:00 on another day (local)."""
    if day == now.date():
        start = (now + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
        return start.replace(tzinfo=None)
    return datetime.combine(day, time(10, 0))


def check(
    state: EditorState,
    *,
    accounts: Sequence[domain.Account],
    personas: Sequence[domain.Persona],
    objectives: Sequence[domain.Objective],
    validator: Validator,
    zone: ZoneInfo,
    now: datetime,
    accessibility: AccessibilityChecker | None = None,
    alt_text_blocking: bool = False,
) -> list[EditorProblem]:
    """Problems to show under the editor; errors block scheduling, not saving a draft.

    With ``accessibility``, its findings too, in the post's language: warnings, except
    alternative texts that say nothing when ``alt_text_blocking`` (the workspace's setting).
    """
    problems: list[EditorProblem] = []
    if not (state.title.strip() or state.body.strip() or state.media):
        problems.append(
            EditorProblem(Level.ERROR, translate("EditorCheck", "Write a title or a text."), "text")
        )
    for i, m in enumerate(state.media):
        # A video's description is asked by the networks that take one (their checks).
        if not m.is_video and not m.alt_text.strip():
            problems.append(
                EditorProblem(
                    Level.ERROR,
                    translate(
                        "EditorCheck",
                        "Image %1 (%2) needs an alternative text: describe it for people who cannot "
                        "see it.",
                    )
                    .replace("%1", str(i + 1))
                    .replace("%2", m.name),
                    "media",
                )
            )
    problems.extend(_time_problems(state, zone, now))
    if state.schedule and not state.account_ids:
        problems.append(
            EditorProblem(
                Level.ERROR,
                translate("EditorCheck", "Choose at least one account to publish on."),
                "accounts",
            )
        )
    try:
        tags = state.tags()
        from essplanner.services.hashtags import clean_hashtags

        clean_hashtags(tags)
    except ValidationError as exc:
        problems.append(EditorProblem(Level.ERROR, str(exc), "hashtags"))
    chosen = [a for a in accounts if a.id in state.account_ids]
    post = state.preview_post(objectives)
    for account in chosen:
        request = validator.request_for(post, account, variant=state.variants.get(account.id),
                                        options=state.options.get(account.id))
        for p in validator.validate(request, account):
            if p.code == "alt_text_missing":
                continue  # said once above, for every platform
            level = Level.ERROR if p.severity is Severity.ERROR else Level.WARNING
            problems.append(
                EditorProblem(level, f"{account.name}: {p.message}", p.field, account.id)
            )
    if accessibility is not None:
        problems.extend(_accessibility_problems(state, chosen, validator, accessibility,
                                                alt_text_blocking))
    for persona in personas:
        if persona.id not in state.persona_ids or not persona.networks:
            continue
        for account in chosen:
            platform = shown_platform(account.platform, account.settings)
            if platform != "dryrun" and not persona.uses_platform(platform):
                rules = validator.rules_for(account)
                name = (
                    rules.name
                    if rules is not None and rules.display_name
                    else platform_label(platform)
                )
                problems.append(
                    EditorProblem(
                        Level.WARNING,
                        translate(
                            "EditorCheck",
                            "%1 is not on %2 (networks: %3): this account will not reach this "
                            "persona.",
                        )
                        .replace("%1", persona.name)
                        .replace("%2", name)
                        .replace("%3", ", ".join(platform_label(n) for n in persona.networks)),
                        "personas",
                        account.id,
                    )
                )
    return problems


def _accessibility_problems(
    state: EditorState,
    chosen: Sequence[domain.Account],
    validator: Validator,
    checker: AccessibilityChecker,
    alt_text_blocking: bool,
) -> list[EditorProblem]:
    networks = {}
    for account in chosen:
        platform = shown_platform(account.platform, account.settings)
        rules = validator.rules_for(account)
        networks[platform] = (rules.name if rules is not None and rules.display_name
                              else platform_label(platform))
    text = "\n\n".join(t for t in (state.body, state.call_to_action) if t)
    findings = checker.check(
        text=text, hashtags=state.tags(),
        images=[ImageText(m.alt_text, m.name, m.is_video) for m in state.media],
        networks=networks, lang=state.language, alt_text_blocking=alt_text_blocking)
    return [
        EditorProblem(Level.ERROR if f.blocking else Level.WARNING, f.message, f.field)
        for f in findings
        # an empty alternative text is already an error above
        if not (f.code == "alt_text" and f.index is not None
                and not state.media[f.index].alt_text.strip())
    ]


# A date further ahead than this is most likely a typo in the year (2202 for 2022)
FAR_AHEAD = timedelta(days=2 * 365 + 1)


def _time_problems(state: EditorState, zone: ZoneInfo, now: datetime) -> list[EditorProblem]:
    local = state.local_datetime()
    if local is None:
        if state.schedule:
            return [
                EditorProblem(
                    Level.ERROR,
                    translate("EditorCheck", "Choose a date and time to publish."),
                    "when",
                )
            ]
        return []
    try:
        parsed = localize(local, zone)
    except ValidationError as exc:
        return [EditorProblem(Level.ERROR, str(exc), "when")]
    found = []
    if parsed.note:
        found.append(EditorProblem(Level.NOTE, parsed.note, "when"))
    if state.schedule and parsed.utc < now - PAST_TOLERANCE:
        found.append(
            EditorProblem(
                Level.ERROR,
                translate(
                    "EditorCheck",
                    "This time has already passed: choose a time in the future to publish.",
                ),
                "when",
            )
        )
    if parsed.utc > now + FAR_AHEAD:
        found.append(
            EditorProblem(
                Level.WARNING,
                translate(
                    "EditorCheck",
                    "This date is more than two years ahead: check the year.",
                ),
                "when",
            )
        )
    return found


def cut_to_limit(text: str, rules: PlatformRules | None, limit: int | None) -> tuple[str, str]:
    """``text`` split where the platform's limit falls: (what fits, what is over)."""
    if rules is None or limit is None or rules.count(text) <= limit:
        return text, ""
    import regex

    clusters = regex.findall(r"\X", text)
    low, high = 0, len(clusters)
    while low < high:  # the longest prefix that still fits, by bisection
        middle = (low + high + 1) // 2
        if rules.count("".join(clusters[:middle])) <= limit:
            low = middle
        else:
            high = middle - 1
    return "".join(clusters[:low]), "".join(clusters[low:])


def account_platforms(accounts: Sequence[domain.Account]) -> dict[int, str]:
    return {a.id: shown_platform(a.platform, a.settings) for a in accounts}
