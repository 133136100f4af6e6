"""Posts and their targets: create, edit, schedule, move, cancel, retry, restore."""

from __future__ import annotations

import enum
import secrets
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from essplanner import domain, models, repositories as repo
from essplanner.channels.composer import Validator
from essplanner.controlchars import clean_line, clean_text
from essplanner.domain import Change, DeliveryState, EditorialState, HistoryKind, TeamAction
from essplanner.errors import (
    ConflictError,
    EditConflictError,
    EssPlannerError,
    NotFoundError,
    ProblemInfo,
    ValidationError,
)
from essplanner.i18n import _
from essplanner.publishers.rules import Severity
from essplanner.services.accessibility import AccessibilityChecker, Finding, ImageText
from essplanner.services.base import Notify, Service
from essplanner.services.consent_rules import consent_platform, local_day, refusals
from essplanner.services.media import MediaStore
from essplanner.services.reviews import content_diff, content_of, record_history, store_approval
from essplanner.settings import Settings
from essplanner.storage import Database
from essplanner.timeutil import Clock, require_aware, to_utc_iso

if TYPE_CHECKING:
    from essplanner.services.team import TeamService

#: a scheduled time may be this far in the past (the time it takes to click "schedule")
PAST_TOLERANCE = timedelta(minutes=2)
#: delivery states that the user can still change
OPEN_STATES = frozenset({
    DeliveryState.DRAFT, DeliveryState.SCHEDULED, DeliveryState.FAILED,
    DeliveryState.UNCONFIRMED, DeliveryState.MISSED, DeliveryState.CANCELLED,
})

#: the platform that sends nothing (:mod:`essplanner.publishers.dryrun`)
DRY_RUN = "dryrun"


class Keep(enum.Enum):
    """Leave a field as it is (``update(..., scheduled_at=Keep.KEEP)``)."""

    KEEP = "keep"


_TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"


def new_idempotency_key() -> str:
    """A key chosen once per target and reused on every retry.

    It is an AT Protocol TID (13 base32-sortable characters: microseconds and a
    random clock id), so Bluesky can use it as the record key; other platforms use
    it as an opaque idempotency key.
    """
    micros = time.time_ns() // 1000
    value = (micros << 10) | secrets.randbelow(1024)
    chars = []
    for _position in range(13):
        chars.append(_TID_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))



# --------------------------------------------------------------------- posts ---


class PostService(Service):
    """Drafts, tags, scheduling and the user's answers to delivery problems."""

    def __init__(self, db: Database, validator: Validator, media: MediaStore, *,
                 clock: Clock | None = None, notify: Notify | None = None,
                 settings: Settings | None = None,
                 accessibility: AccessibilityChecker | None = None) -> None:
        super().__init__(db, clock=clock, notify=notify)
        self.validator = validator
        self.media = media
        self.settings = settings or Settings()
        #: accessibility and plain-language checks (:mod:`essplanner.services.accessibility`)
        self.accessibility = accessibility or AccessibilityChecker()
        #: who acts, and what their role allows (set by the workspace; None: one person
        #: holding every role, named nowhere)
        self.team: TeamService | None = None

    def accessibility_findings(self, post: domain.Post | domain.PostDraft,
                               networks: dict[str, str] | None = None) -> list[Finding]:
        """The accessibility findings of ``post`` in its language, for ``networks``
        (platform -> name; a stored post's: its targets'); its alternative texts are
        blocking when the workspace's setting ``alt_text_blocking`` is on."""
        if isinstance(post, domain.Post):
            images = [ImageText(m.alt_text, m.original_name, m.is_video) for m in post.media]
            if networks is None:
                networks = {t.platform: self._network_name(t.platform) for t in post.targets}
        else:
            images = [ImageText(m.alt_text, m.path) for m in post.media]
        text = "\n\n".join(t for t in (post.body, post.call_to_action) if t)
        return self.accessibility.check(
            text=text, hashtags=post.hashtags, images=images, networks=networks,
            lang=post.language, alt_text_blocking=self.settings.alt_text_blocking)

    # ---- queries
    def get(self, post_id: int) -> domain.Post:
        with self.db.read() as s:
            return repo.load_post(s, post_id)

    def query(self, query: domain.PostQuery, *, attempts: bool = False) -> list[domain.Post]:
        """The posts ``query`` selects, in a fixed number of queries whatever their count
        (with each target's publishing attempts if ``attempts``)."""
        with self.db.read() as s:
            return repo.query_posts(s, query, attempts=attempts)

    def attention(self) -> list[domain.Post]:
        """Posts with a failed, unconfirmed or missed target."""
        return self.query(domain.PostQuery(
            delivery_states=frozenset(domain.NEEDS_ATTENTION), include_unscheduled=True))

    def uploads(self, target_ids: Iterable[int] | None = None) -> dict[int, domain.UploadProgress]:
        """The uploads under way, by target (all of them, or those of ``target_ids``):
        how many bytes the publishing service has sent of each video."""
        up = models.UploadSession
        query = select(up.target_id, up.sent, up.total, up.updated_at).where(up.total > 0)
        if target_ids is not None:
            query = query.where(up.target_id.in_(list(target_ids)))
        with self.db.read() as s:
            return {row.target_id: domain.UploadProgress(row.target_id, row.sent, row.total,
                                                         row.updated_at)
                    for row in s.execute(query)}

    def uploads_under_way(self) -> list[domain.UploadUnderWay]:
        """The videos being sent now (targets ``publishing`` with an upload begun), with
        their post's title and their account: what the window's status bar shows."""
        up, t, p, a = models.UploadSession, models.Target, models.Post, models.Account
        query = (select(up.target_id, up.sent, up.total, up.updated_at, p.id, p.title, p.body,
                        a.name, a.platform, a.settings)
                 .join(t, t.id == up.target_id).join(p, p.id == t.post_id)
                 .join(a, a.id == t.account_id)
                 .where(up.total > 0, t.state == DeliveryState.PUBLISHING.value)
                 .order_by(up.target_id))
        with self.db.read() as s:
            rows = s.execute(query).all()
        return [domain.UploadUnderWay(
            post_id=r.id, title=r.title or domain.title_from_body(r.body or ""),
            account_name=r.name,
            platform=str((r.settings or {}).get("mimic") or r.platform),
            progress=domain.UploadProgress(r.target_id, r.sent, r.total, r.updated_at))
            for r in rows]

    def waiting_count(self) -> int:
        """How many posts still have a target to send (scheduled or being sent): what
        closing the window would leave to the background service."""
        waiting = _states(DeliveryState.SCHEDULED, DeliveryState.PUBLISHING)
        with self.db.read() as s:
            return int(s.scalar(select(func.count(func.distinct(models.Target.post_id)))
                                .where(models.Target.state.in_(waiting))) or 0)

    # ---- drafts
    def create(self, draft: domain.PostDraft, *, scheduled_at: datetime | None = None,
               schedule: bool = False) -> domain.Post:
        """Create a post; with ``schedule`` its targets are scheduled (after validation)."""
        if scheduled_at is not None:
            require_aware(scheduled_at)
        if schedule and scheduled_at is None:
            raise ValidationError(_("Give a date and time to schedule the post."))
        actor = self._actor(approving=draft.editorial_state is EditorialState.APPROVED)
        stored_media = [self.media.import_file(m.path) for m in draft.media if m.media_id is None]
        with self.db.write() as s:
            row = models.Post(editorial_state=draft.editorial_state.value)
            self._apply_draft(s, row, draft, stored_media)
            row.scheduled_at = scheduled_at
            s.add(row)
            self._sync_targets(s, row, draft)
            s.flush()
            if schedule:
                self._schedule_targets(s, row, scheduled_at)  # type: ignore[arg-type]
            s.flush()
            self._history(s, row.id, HistoryKind.CREATED, actor)
            if schedule:
                self._history(s, row.id, HistoryKind.SCHEDULED, actor,
                              to_utc_iso(scheduled_at) or "")
            result = repo.load_post(s, row.id)
            if result.editorial_state is EditorialState.APPROVED:
                store_approval(s, result, actor=actor, at=self.clock.now())
                self._history(s, row.id, HistoryKind.APPROVED, actor)
        self._notify(Change(posts=frozenset({result.id})))
        return result

    def create_many(self, items: Sequence[tuple[str, domain.PostDraft, datetime | None]], *,
                    schedule: bool = False) -> list[domain.Post]:
        """Create several posts in one transaction (an import): all of them, or none.

        Each item is ``(label, draft, scheduled_at)``; an error names the item's label
        (a CSV line, say).
        """
        stored: list[list[Any]] = []
        for label, draft, when in items:
            if when is not None:
                require_aware(when)
            try:
                stored.append([self.media.import_file(m.path) for m in draft.media
                               if m.media_id is None])
            except EssPlannerError as exc:
                raise type(exc)(f"{label}: {exc}") from exc
        actor = self._actor(approving=any(d.editorial_state is EditorialState.APPROVED
                                          for _label, d, _when in items))
        ids: list[int] = []
        with self.db.write() as s:
            for (label, draft, when), media in zip(items, stored, strict=True):
                try:
                    if schedule and when is None:
                        raise ValidationError(_("Give a date and time to schedule the post."))
                    row = models.Post(editorial_state=draft.editorial_state.value)
                    self._apply_draft(s, row, draft, media)
                    row.scheduled_at = when
                    s.add(row)
                    self._sync_targets(s, row, draft)
                    s.flush()
                    if schedule and row.targets:
                        assert when is not None
                        self._schedule_targets(s, row, when)
                except EssPlannerError as exc:
                    error = type(exc)(f"{label}: {exc}")
                    if isinstance(exc, ValidationError):
                        error = ValidationError(f"{label}: {exc}", exc.problems)
                    raise error from exc
                ids.append(row.id)
                self._history(s, row.id, HistoryKind.CREATED, actor)
            s.flush()
            results = [repo.load_post(s, i, attempts=False) for i in ids]
            for result in results:
                if result.editorial_state is EditorialState.APPROVED:
                    store_approval(s, result, actor=actor, at=self.clock.now())
        self._notify(Change(posts=frozenset(ids)))
        return results

    def add_dry_run_posts(self, items: Sequence[tuple[domain.PostDraft, datetime]],
                          ) -> list[domain.Post]:
        """Create posts on dry-run accounts as the publishing service would have left them
        (the example workspace), all in one transaction: a post whose time has passed went
        out then on each of its accounts, with the receipt a dry run gives
        (``dryrun:<idempotency key>``); the others are scheduled at their time.

        Each item is ``(draft, time)``. Only dry-run accounts are taken: they send nothing
        anywhere. Unlike :meth:`schedule`, the posts are not checked against the rules of the
        platforms the accounts mimic (the example's Instagram posts have no image): a
        scheduled one that breaks them fails when its time comes.
        """
        for _draft, when in items:
            require_aware(when)
        stored = [[self.media.import_file(m.path) for m in draft.media if m.media_id is None]
                  for draft, _when in items]
        now = self.clock.now()
        ids: list[int] = []
        with self.db.write() as s:
            for (draft, when), media in zip(items, stored, strict=True):
                row = models.Post(editorial_state=draft.editorial_state.value)
                self._apply_draft(s, row, draft, media)
                row.scheduled_at = when
                s.add(row)
                self._sync_targets(s, row, draft)
                for target in row.targets:
                    if target.account.platform != DRY_RUN:
                        raise ValueError(f"{target.account.name} is not a dry-run account")
                    if when <= now:
                        _set_state(target, DeliveryState.PUBLISHED, now)
                        target.published_at = when
                        target.remote_id = f"{DRY_RUN}:{target.idempotency_key}"
                    else:
                        _set_state(target, DeliveryState.SCHEDULED, now)
                        target.next_attempt_at = when
                s.flush()
                ids.append(row.id)
            results = [repo.load_post(s, i, attempts=False) for i in ids]
        self._notify(Change(posts=frozenset(ids)))
        return results

    def update(self, post_id: int, draft: domain.PostDraft, *, expected_version: int,
               scheduled_at: datetime | Keep | None = Keep.KEEP,
               schedule: bool | None = None) -> domain.Post:
        """Save an edit made on version ``expected_version``; a newer version means conflict.

        ``schedule``: None keeps each target's delivery state; True also schedules the
        targets that can be (as :meth:`schedule`); False puts scheduled and missed ones
        back to draft. Either way in the same transaction as the edit.
        """
        actor = self._actor()
        stored_media = [self.media.import_file(m.path) for m in draft.media if m.media_id is None]
        try:
            with self.db.write() as s:
                row = self._for_update(s, post_id, expected_version)
                if any(t.state == DeliveryState.PUBLISHING.value for t in row.targets):
                    raise ConflictError(_("This post is being sent right now; edit it again in "
                                          "a moment."))
                if not isinstance(scheduled_at, Keep):
                    self._refuse_split(row, scheduled_at)
                before = repo.to_post(row)
                self._apply_draft(s, row, draft, stored_media)
                if not isinstance(scheduled_at, Keep):
                    row.scheduled_at = scheduled_at
                self._sync_targets(s, row, draft)
                row.updated_at = self.clock.now()
                if schedule is False:
                    for t in row.targets:
                        if t.state in _states(DeliveryState.SCHEDULED, DeliveryState.MISSED):
                            _set_state(t, DeliveryState.DRAFT, self.clock.now())
                            t.next_attempt_at = None
                wanted = _states(DeliveryState.SCHEDULED)
                if schedule:
                    wanted |= _states(DeliveryState.DRAFT, DeliveryState.MISSED,
                                      DeliveryState.CANCELLED, DeliveryState.FAILED)
                scheduled = [t for t in row.targets if t.state in wanted]
                if schedule and not scheduled:
                    if any(t.state in _states(DeliveryState.PUBLISHED) for t in row.targets):
                        raise ValidationError(_(
                            "This post has already gone out on every account ticked; to "
                            "publish it again, duplicate it."))
                    raise ValidationError(_("Choose at least one account to publish on."))
                if scheduled:
                    if row.scheduled_at is None:
                        raise ValidationError(_("A scheduled post needs a date and time."))
                    self._schedule_targets(s, row, row.scheduled_at, only=scheduled)
                s.flush()
                result = repo.load_post(s, row.id)
                changed = content_diff(content_of(before), content_of(result))
                self._history(s, row.id, HistoryKind.EDITED, actor,
                              ", ".join(label for label, _old, _new in changed))
                if result.scheduled_at != before.scheduled_at:
                    self._history(s, row.id, HistoryKind.MOVED, actor,
                                  to_utc_iso(result.scheduled_at) or "")
                if schedule and scheduled:
                    self._history(s, row.id, HistoryKind.SCHEDULED, actor,
                                  to_utc_iso(row.scheduled_at) or "")
                elif schedule is False and before.status is domain.PostStatus.SCHEDULED:
                    self._history(s, row.id, HistoryKind.UNSCHEDULED, actor)
                result = self._approval_after_edit(s, row, before, result, actor,
                                                   bool(changed)) or result
        except StaleDataError as exc:
            raise self._edit_conflict(post_id) from exc
        self._notify(Change(posts=frozenset({post_id})))
        return result

    def _edit_conflict(self, post_id: int) -> EditConflictError:
        """The conflict of an edit that lost a race, with the version that won."""
        try:
            theirs: domain.Post | None = self.get(post_id)
        except NotFoundError:
            theirs = None
        return _conflict(theirs)

    def set_editorial_state(self, post_id: int, state: domain.EditorialState, *,
                            expected_version: int | None = None) -> domain.Post:
        """Set the post's editorial state; approving it is for approvers (and keeps its
        content, for the diff since approval), asking for review is recorded."""
        actor = self._actor(approving=state is EditorialState.APPROVED)

        def apply(s: Session, row: models.Post) -> None:
            if row.editorial_state == state.value:
                return
            row.editorial_state = state.value
            if state is EditorialState.APPROVED:
                s.flush()
                store_approval(s, repo.load_post(s, row.id, attempts=False), actor=actor,
                               at=self.clock.now())
                self._history(s, row.id, HistoryKind.APPROVED, actor)
            elif state is EditorialState.IN_REVIEW:
                self._history(s, row.id, HistoryKind.SUBMITTED, actor)

        return self._mutate(post_id, expected_version, apply)

    def delete(self, post_id: int, *, expected_version: int | None = None) -> domain.Post:
        """Delete a post; returns what it was (for undo). Refused while it is being sent."""
        try:
            with self.db.write() as s:
                before = repo.load_post(s, post_id)
                row = self._for_update(s, post_id, expected_version)
                if any(t.state == DeliveryState.PUBLISHING.value for t in row.targets):
                    raise ConflictError(_("This post is being sent right now; it cannot be "
                                          "deleted."))
                s.delete(row)
        except StaleDataError as exc:
            raise _conflict() from exc
        self._notify(Change(posts=frozenset({post_id})))
        return before

    # ---- scheduling
    def schedule(self, post_id: int, when: datetime, *,
                 expected_version: int | None = None) -> domain.Post:
        """Schedule every open target of the post at ``when`` (validated for each account)."""
        require_aware(when)

        def apply(s: Session, row: models.Post) -> None:
            self._refuse_split(row, when)
            row.scheduled_at = when
            targets = [t for t in row.targets if t.state in _states(
                DeliveryState.DRAFT, DeliveryState.SCHEDULED, DeliveryState.MISSED,
                DeliveryState.CANCELLED, DeliveryState.FAILED)]
            self._schedule_targets(s, row, when, only=targets)
            self._history(s, row.id, HistoryKind.SCHEDULED, actor, to_utc_iso(when) or "")

        actor = self._actor()
        return self._mutate(post_id, expected_version, apply)

    def reschedule(self, post_id: int, when: datetime, *,
                   expected_version: int | None = None) -> domain.Post:
        """Move a post to ``when`` (drag and drop): its scheduled targets move with it."""
        require_aware(when)

        def apply(s: Session, row: models.Post) -> None:
            self._move_row(s, row, when, actor)

        actor = self._actor()
        return self._mutate(post_id, expected_version, apply)

    def reschedule_many(self, moves: Sequence[tuple[int, datetime]]) -> list[domain.Post]:
        """Move several posts in one transaction, all or none (reordering the queue)."""
        for _post_id, when in moves:
            require_aware(when)
        actor = self._actor()
        try:
            with self.db.write() as s:
                for post_id, when in moves:
                    row = self._for_update(s, post_id, None)
                    self._move_row(s, row, when, actor)
                    row.updated_at = self.clock.now()
                s.flush()
                result = [repo.load_post(s, post_id) for post_id, _when in moves]
        except StaleDataError as exc:
            raise _conflict() from exc
        self._notify(Change(posts=frozenset(post_id for post_id, _when in moves)))
        return result

    def _move_row(self, s: Session, row: models.Post, when: datetime, actor: str) -> None:
        self._refuse_split(row, when)
        if row.scheduled_at != when:
            self._history(s, row.id, HistoryKind.MOVED, actor, to_utc_iso(when) or "")
        row.scheduled_at = when
        moving = [t for t in row.targets
                  if t.state in _states(DeliveryState.SCHEDULED, DeliveryState.MISSED)]
        if moving:
            self._schedule_targets(s, row, when, only=moving)

    def unschedule(self, post_id: int, *, expected_version: int | None = None) -> domain.Post:
        """Scheduled targets go back to draft; the planned date stays on the calendar."""

        def apply(s: Session, row: models.Post) -> None:
            for t in row.targets:
                if t.state in _states(DeliveryState.SCHEDULED, DeliveryState.MISSED):
                    _set_state(t, DeliveryState.DRAFT, self.clock.now())
                    t.next_attempt_at = None
            self._history(s, row.id, HistoryKind.UNSCHEDULED, actor)

        actor = self._actor()
        return self._mutate(post_id, expected_version, apply)

    def cancel(self, post_id: int, *, expected_version: int | None = None) -> domain.Post:
        """Cancel every target that has not gone out; published ones stay published."""

        def apply(s: Session, row: models.Post) -> None:
            if any(t.state == DeliveryState.PUBLISHING.value for t in row.targets):
                raise ConflictError(_("This post is being sent right now; cancel it again in a "
                                      "moment if it fails."))
            for t in row.targets:
                if t.state in _states(*(OPEN_STATES - {DeliveryState.CANCELLED})):
                    _set_state(t, DeliveryState.CANCELLED, self.clock.now())
                    t.next_attempt_at = None
            self._history(s, row.id, HistoryKind.CANCELLED, actor)

        actor = self._actor()
        return self._mutate(post_id, expected_version, apply)

    def retry(self, post_id: int, *, target_ids: Iterable[int] | None = None,
              when: datetime | None = None) -> domain.Post:
        """Send failed, unconfirmed or missed targets again (now, or at ``when``)."""
        wanted = set(target_ids) if target_ids is not None else None
        at = when or self.clock.now()

        def apply(s: Session, row: models.Post) -> None:
            # a scheduled target waiting for its next try is sent again when named
            chosen = [t for t in row.targets
                      if (t.state in _states(*domain.NEEDS_ATTENTION)
                          or (wanted is not None and t.state == DeliveryState.SCHEDULED.value))
                      and (wanted is None or t.id in wanted)]
            if not chosen:
                raise ValidationError(_("Nothing to retry: no failed, unconfirmed or missed "
                                        "target."))
            for t in chosen:
                t.attempt_count = 0
            self._schedule_targets(s, row, at, only=chosen, allow_past=True)

        return self._mutate(post_id, None, apply)

    def latest_metrics(self, post_id: int) -> dict[int, dict[str, float]]:
        """The last value read of each counter of the post's targets: {target id: {name:
        value}} (likes, reposts...), for the editor of a published post."""
        latest: dict[int, dict[str, tuple[datetime, float]]] = {}
        metric, target = models.TargetMetric, models.Target
        with self.db.read() as s:
            for target_id, name, read_at, value in s.execute(
                    select(metric.target_id, metric.name, metric.read_at, metric.value)
                    .join(target, target.id == metric.target_id)
                    .where(target.post_id == post_id)):
                seen = latest.setdefault(target_id, {}).get(name)
                if seen is None or read_at > seen[0]:
                    latest[target_id][name] = (read_at, value)
        return {t: {n: v for n, (_at, v) in names.items()} for t, names in latest.items()}

    def publish_now(self, post_id: int) -> domain.Post:
        """Send now every target that has not gone out (after validating each)."""

        def apply(s: Session, row: models.Post) -> None:
            if any(t.state == DeliveryState.PUBLISHING.value for t in row.targets):
                raise ConflictError(_("This post is being sent right now."))
            open_targets = [t for t in row.targets if t.state in _states(
                DeliveryState.DRAFT, DeliveryState.SCHEDULED, DeliveryState.MISSED,
                DeliveryState.FAILED, DeliveryState.CANCELLED)]
            if not open_targets:
                raise ValidationError(_("Nothing to publish: the post has gone out on every "
                                        "account it has, or has no account."))
            now = self.clock.now()
            if row.scheduled_at is None or row.scheduled_at > now:
                row.scheduled_at = now
            for t in open_targets:
                t.attempt_count = 0
            self._schedule_targets(s, row, now, only=open_targets, allow_past=True)
            self._history(s, row.id, HistoryKind.SCHEDULED, actor, to_utc_iso(now) or "")

        actor = self._actor()
        return self._mutate(post_id, None, apply)

    def duplicate(self, post_id: int) -> domain.Post:
        """A new post with the same content, tags, accounts and images, not scheduled
        (published posts are not edited: a new post is made from them)."""
        source = self.get(post_id)
        draft = domain.PostDraft(
            title=source.title, body=source.body, link_url=source.link_url,
            call_to_action=source.call_to_action, hashtags=source.hashtags,
            language=source.language, editorial_state=domain.EditorialState.DRAFT,
            persona_ids=tuple(p.id for p in source.personas),
            objective_ids=tuple(o.id for o in source.objectives),
            account_ids=tuple(t.account_id for t in source.targets),
            text_variants={t.account_id: t.text_variant for t in source.targets
                           if t.text_variant},
            target_options={t.account_id: dict(t.options) for t in source.targets
                            if t.options},
            media=tuple(domain.MediaInput(path=m.path, alt_text=m.alt_text)
                        for m in source.media),
        )
        return self.create(draft, scheduled_at=None, schedule=False)

    def mark_published(self, target_id: int, *, remote_url: str | None = None) -> domain.Post:
        """The user checked the platform: the post is there."""
        with self.db.write() as s:
            target = s.get(models.Target, target_id, with_for_update=True)
            if target is None:
                raise NotFoundError(_("There is no target number {id}.", id=target_id))
            if target.state == DeliveryState.PUBLISHING.value:
                raise ConflictError(_("This post is being sent right now."))
            now = self.clock.now()
            _set_state(target, DeliveryState.PUBLISHED, now)
            target.published_at = target.published_at or now
            target.remote_url = remote_url or target.remote_url
            target.last_error = ""
            target.next_attempt_at = None
            post_id = target.post_id
            s.flush()
            result = repo.load_post(s, post_id)
        self._notify(Change(posts=frozenset({post_id})))
        return result

    def restore(self, snapshot: domain.Post, *,
                expected_version: int | None = None) -> domain.Post:
        """Put a post back as ``snapshot`` (undo and redo of an edit, a move, a delete).

        With ``expected_version``, the post exists and must still be at that version.
        Without it, the post was deleted and is recreated (under its old number if no
        other post took it) with its targets' states, idempotency keys and attempts. Targets being sent or published since keep their state: undo never
        sends anything twice (see :mod:`essplanner.services.restore`).
        """
        from essplanner.services.restore import recreate_post, revert_post

        # undo brings an approval back only for someone who may approve
        may_approve = self.team is None or self.team.can(TeamAction.APPROVE)
        try:
            with self.db.write() as s:
                row = s.scalars(select(models.Post).where(models.Post.id == snapshot.id)
                                .options(selectinload(models.Post.targets),
                                         selectinload(models.Post.media))).one_or_none()
                if expected_version is None:
                    # Undo of a delete: the old number, unless another post took it since.
                    row = recreate_post(s, snapshot, self.clock.now(), new_idempotency_key,
                                        keep_id=row is None)
                elif row is None:
                    raise NotFoundError(_("There is no post number {id}.", id=snapshot.id))
                else:
                    if row.version != expected_version:
                        raise _conflict()
                    if any(t.state == DeliveryState.PUBLISHING.value for t in row.targets):
                        raise ConflictError(_("This post is being sent right now; try again "
                                              "in a moment."))
                    self._refuse_split(row, snapshot.scheduled_at)
                    was_approved = row.editorial_state == EditorialState.APPROVED.value
                    revert_post(s, row, snapshot, self.clock.now(), new_idempotency_key)
                    row.updated_at = self.clock.now()
                    if (row.editorial_state == EditorialState.APPROVED.value
                            and not was_approved and not may_approve):
                        row.editorial_state = EditorialState.IN_REVIEW.value
                if expected_version is None and not may_approve and (
                        row.editorial_state == EditorialState.APPROVED.value):
                    row.editorial_state = EditorialState.IN_REVIEW.value
                s.flush()
                result = repo.load_post(s, row.id)
        except StaleDataError as exc:
            raise _conflict() from exc
        self._notify(Change(posts=frozenset({result.id})))
        return result

    def validate(self, post: domain.Post, accounts: Sequence[domain.Account] | None = None,
                 ) -> list[ProblemInfo]:
        """Problems of ``post`` for each of its accounts (or ``accounts``), without network."""
        if accounts is None:
            with self.db.read() as s:
                ids = [t.account_id for t in post.targets]
                rows = s.scalars(select(models.Account).where(models.Account.id.in_(ids)))
                accounts = [repo.to_account(r) for r in rows]
        variants = {t.account_id: t.text_variant for t in post.targets}
        options = {t.account_id: dict(t.options) for t in post.targets}
        problems: list[ProblemInfo] = []
        for account in accounts:
            request = self.validator.request_for(post, account, variant=variants.get(account.id),
                                                 options=options.get(account.id))
            for p in self.validator.validate(request, account):
                if p.severity is Severity.ERROR:
                    problems.append(ProblemInfo(p.message, p.field, account.name))
        return problems

    def check_move(self, post: domain.Post, when: datetime | None) -> None:
        """Refuse to move ``post`` to ``when`` once a target is being sent or went out.

        One post goes out at one time: moving it then would split it across two times
        (the moved targets at the new one, the rest already at the old one). Raises
        :class:`ValidationError` saying why; the moves of this service apply the same rule.
        """
        if when == post.scheduled_at or not domain.time_is_fixed(
                t.state for t in post.targets):
            return
        if any(t.state is DeliveryState.PUBLISHING for t in post.targets):
            raise ValidationError(_(
                "“{title}” is being published right now; it cannot be moved. If the sending "
                "fails, move it then.", title=post.display_title))
        networks = dict.fromkeys(self._network_name(t.platform) for t in post.targets
                                 if t.state is DeliveryState.PUBLISHED)
        raise ValidationError(_(
            "“{title}” already went out on {networks}; duplicate it instead: moving it would "
            "put one post at two times.", title=post.display_title,
            networks=", ".join(networks)))

    # ---- internals
    def _actor(self, *, approving: bool = False) -> str:
        """Who acts (resolved before any write transaction: finding her may write); with
        ``approving``, only if her role allows approving."""
        if self.team is None:
            return ""
        if approving:
            return self.team.require(TeamAction.APPROVE).name
        return self.team.actor_name()

    def _history(self, s: Session, post_id: int, kind: HistoryKind, actor: str,
                 detail: str = "") -> None:
        record_history(s, post_id, kind, actor=actor, at=self.clock.now(), detail=detail)

    def _approval_after_edit(self, s: Session, row: models.Post, before: domain.Post,
                             after: domain.Post, actor: str,
                             changed: bool) -> domain.Post | None:
        """Apply the approval rules to an edit; the post as it ends up if they changed it.

        Marking it approved is for approvers (its content is kept). Changing an approved
        post's content takes the approval back ("in review", with a diff since approval)
        while the workspace asks for approval, or when the editor may not approve."""
        was_approved = before.editorial_state is EditorialState.APPROVED
        if after.editorial_state is EditorialState.APPROVED and not was_approved:
            if self.team is not None:
                self.team.require(TeamAction.APPROVE)
            store_approval(s, after, actor=actor, at=self.clock.now())
            self._history(s, row.id, HistoryKind.APPROVED, actor)
            return None
        if not (was_approved and after.editorial_state is EditorialState.APPROVED and changed):
            if (after.editorial_state is EditorialState.IN_REVIEW
                    and before.editorial_state is not EditorialState.IN_REVIEW):
                self._history(s, row.id, HistoryKind.SUBMITTED, actor)
            return None
        if repo.approval_required(s) or (self.team is not None
                                    and not self.team.can(TeamAction.APPROVE)):
            row.editorial_state = EditorialState.IN_REVIEW.value
            self._history(s, row.id, HistoryKind.BACK_TO_REVIEW, actor)
            s.flush()
            return repo.load_post(s, row.id)
        # an approver's own edit: what she approves is what she wrote
        store_approval(s, after, actor=actor, at=self.clock.now())
        return None

    def _refuse_split(self, row: models.Post, when: datetime | None) -> None:
        if when != row.scheduled_at and domain.time_is_fixed(
                DeliveryState(t.state) for t in row.targets):
            self.check_move(repo.to_post(row), when)

    def _network_name(self, platform: str) -> str:
        publisher = self.validator.registry.try_get(platform)
        return publisher.display_name if publisher is not None else platform

    def _mutate(self, post_id: int, expected_version: int | None,
                apply: Callable[[Session, models.Post], None]) -> domain.Post:
        try:
            with self.db.write() as s:
                row = self._for_update(s, post_id, expected_version)
                apply(s, row)
                row.updated_at = self.clock.now()
                s.flush()
                result = repo.load_post(s, post_id)
        except StaleDataError as exc:
            raise _conflict() from exc
        self._notify(Change(posts=frozenset({post_id})))
        return result

    def _for_update(self, s: Session, post_id: int, expected_version: int | None) -> models.Post:
        # Lock the post's targets first (PostgreSQL; SQLite's BEGIN IMMEDIATE already holds the
        # database): a publishing service claiming one of them waits, or we see its claim.
        s.execute(select(models.Target.id).where(models.Target.post_id == post_id)
                  .order_by(models.Target.id).with_for_update()).all()
        row = s.scalars(
            select(models.Post).where(models.Post.id == post_id).options(
                selectinload(models.Post.targets).selectinload(models.Target.account),
                selectinload(models.Post.media), selectinload(models.Post.personas),
                selectinload(models.Post.objectives),
            )
        ).one_or_none()
        if row is None:
            raise NotFoundError(_("There is no post number {id}.", id=post_id))
        if expected_version is not None and row.version != expected_version:
            raise _conflict(repo.load_post(s, post_id))
        return row

    def _apply_draft(self, s: Session, row: models.Post, draft: domain.PostDraft,
                     stored: Sequence[Any]) -> None:
        if not (draft.body.strip() or draft.title.strip() or draft.media):
            raise ValidationError(_("Write a title or a text for the post."))
        row.title = clean_line(draft.title.strip(), field=_("Title"))
        row.body = clean_text(draft.body, field=_("Text"))
        row.link_url = _clean_url(clean_line(draft.link_url, field=_("Link")))
        row.call_to_action = clean_line(draft.call_to_action.strip(),
                                        field=_("Call to action"))
        row.hashtags = [clean_line(h.strip().lstrip("#"), field=_("Hashtag"))
                        for h in draft.hashtags if h.strip().lstrip("#")]
        row.language = draft.language.strip()
        row.editorial_state = draft.editorial_state.value
        row.personas = _rows_by_ids(s, models.Persona, draft.persona_ids, _("persona"))
        row.objectives = _rows_by_ids(s, models.Objective, draft.objective_ids, _("objective"))
        kept = {m.id: m for m in row.media}
        new_media: list[models.Media] = []
        fresh = iter(stored)
        for position, item in enumerate(draft.media):
            if item.media_id is not None:
                media_row = kept.get(item.media_id)
                if media_row is None:
                    raise NotFoundError(_("There is no image number {id} on this post.",
                                          id=item.media_id))
            else:
                info = next(fresh)
                video = info.video
                media_row = models.Media(
                    path=str(info.path), original_name=info.original_name,
                    checksum=info.checksum, mime_type=info.mime_type, size=info.size,
                    width=info.width, height=info.height,
                    duration=video.duration if video else None,
                    frame_rate=video.frame_rate if video else None,
                    video_codec=video.video_codec if video else "",
                    audio_codec=video.audio_codec if video else "",
                )
            media_row.position = position
            media_row.alt_text = clean_text(item.alt_text.strip(), field=_("Image description"))
            media_row.cover_path = self._cover(media_row, item.cover)
            new_media.append(media_row)
        row.media = new_media

    def _cover(self, row: models.Media, cover: str) -> str:
        """The stored path of a video's cover: kept when unchanged, copied in when new."""
        if not cover:
            return ""
        if cover == row.cover_path:
            return cover
        if not row.mime_type.startswith("video/"):
            raise ValidationError(_("Only a video can have a cover image."))
        return str(self.media.import_cover(cover).path)

    def _sync_targets(self, s: Session, row: models.Post, draft: domain.PostDraft) -> None:
        wanted = list(dict.fromkeys(draft.account_ids))
        accounts = _rows_by_ids(s, models.Account, wanted, _("account"))
        by_account = {t.account_id: t for t in row.targets}
        keep: list[models.Target] = []
        for account in accounts:
            target = by_account.pop(account.id, None)
            if target is None:
                target = models.Target(
                    account=account, account_id=account.id, state=DeliveryState.DRAFT.value,
                    idempotency_key=new_idempotency_key(), options={}, attempt_count=0,
                    last_error="",
                )
                # A post whose other targets are scheduled gets the new one scheduled too.
                if any(t.state == DeliveryState.SCHEDULED.value for t in row.targets):
                    target.state = DeliveryState.SCHEDULED.value
            variant = draft.text_variants.get(account.id)
            target.text_variant = (clean_text(variant, field=_("Text for {account}",
                                                               account=account.name))
                                   if variant and variant.strip() else None)
            if account.id in draft.target_options:
                target.options = dict(draft.target_options[account.id])
            keep.append(target)
        for target in by_account.values():
            if target.state in _states(DeliveryState.PUBLISHED, DeliveryState.PUBLISHING):
                keep.append(target)  # history stays: it went out on that account
        row.targets = keep

    def _schedule_targets(self, s: Session, row: models.Post, when: datetime, *,
                          only: Sequence[models.Target] | None = None,
                          allow_past: bool = False) -> None:
        targets = list(row.targets if only is None else only)
        if not targets:
            return
        now = self.clock.now()
        if not allow_past and when < now - PAST_TOLERANCE:
            raise ValidationError(_("That time has already passed; choose a time in the future."))
        post = repo.to_post(row)
        problems: list[ProblemInfo] = []
        for t in targets:
            account = repo.to_account(t.account)
            request = self.validator.request_for(post, account, variant=t.text_variant,
                                                 options=dict(t.options or {}))
            for p in self.validator.validate(request, account):
                if p.severity is Severity.ERROR:
                    problems.append(ProblemInfo(p.message, p.field, account.name))
        # image rights: nobody shown without a consent for the network on that date
        checksums = [m.checksum for m in row.media]
        refused = refusals(
            s, [(n, checksums, consent_platform(t.account.platform, t.account.settings))
                for n, t in enumerate(targets)], local_day(when, self.settings.timezone))
        problems.extend(ProblemInfo(refused[n], "media", t.account.name)
                        for n, t in enumerate(targets) if n in refused)
        if self.settings.alt_text_blocking:
            images = [ImageText(m.alt_text, m.original_name, m.is_video) for m in post.media]
            problems.extend(ProblemInfo(f.message, f.field)
                            for f in self.accessibility.alt_problems(images, post.language))
        if problems:
            raise ValidationError(
                _("The post cannot be scheduled: {problems}",
                  problems="; ".join(f"{p.account}: {p.message}" if p.account else p.message
                                     for p in problems)),
                problems,
            )
        for t in targets:
            _set_state(t, DeliveryState.SCHEDULED, now)
            t.next_attempt_at = when
            t.last_error = ""
            t.lease_owner = None
            t.lease_until = None


def _set_state(target: models.Target, state: DeliveryState, now: datetime) -> None:
    target.state = state.value
    target.updated_at = now


def _states(*states: DeliveryState) -> set[str]:
    return {s.value for s in states}


def draft_of(post: domain.Post) -> domain.PostDraft:
    """The draft that saves ``post`` as it is (its stored media kept): change some fields
    with :func:`dataclasses.replace` and pass it to :meth:`PostService.update`."""
    return domain.PostDraft(
        title=post.title, body=post.body, link_url=post.link_url,
        call_to_action=post.call_to_action, hashtags=post.hashtags, language=post.language,
        editorial_state=post.editorial_state,
        persona_ids=tuple(p.id for p in post.personas),
        objective_ids=tuple(o.id for o in post.objectives),
        account_ids=tuple(t.account_id for t in post.targets),
        text_variants={t.account_id: t.text_variant for t in post.targets if t.text_variant},
        target_options={t.account_id: dict(t.options) for t in post.targets if t.options},
        media=tuple(domain.MediaInput(path=m.path, alt_text=m.alt_text, media_id=m.id,
                                      cover=m.cover_path) for m in post.media),
    )


def _conflict(theirs: domain.Post | None = None) -> EditConflictError:
    return EditConflictError(_(
        "Someone else changed this post after you opened it. Your changes were not saved: "
        "reload the post and apply them again."
    ), theirs)


def _clean_url(url: str) -> str:
    url = (url or "").strip()
    if url and "://" not in url:
        url = f"https://{url}"
    if url and not url.lower().startswith(("http://", "https://")):
        raise ValidationError(_("The link must be a web address (https://...)."))
    return url


def _rows_by_ids(s: Session, model: Any, ids: Iterable[int], label: str) -> list[Any]:
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    rows = {r.id: r for r in s.scalars(select(model).where(model.id.in_(wanted)))}
    missing = [i for i in wanted if i not in rows]
    if missing:
        raise NotFoundError(_("Unknown {kind} number {ids}.", kind=label,
                              ids=", ".join(map(str, missing))))
    return [rows[i] for i in wanted]
