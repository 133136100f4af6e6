"""Reviews of posts: submit, approve, request changes; the diff since approval; each
post's discussion thread (with @mentions) and its history.

The approval workflow (docs/decisions/0022-team-roles.md): a post is *submitted*
(``in_review``), then *approved* by an approver — its content is kept then, so that an
edit since shows as a diff — or sent back with *changes requested* (``draft``, with the
approver's comment). While the workspace asks for approval
(:meth:`~essplanner.services.team.TeamService.approval_required`), the publishing service
claims no target of a post that is not approved. History entries are written in the
same transaction as what they record, by this service, the post service and the
publishing service.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from essplanner import domain, models, repositories as repo
from essplanner.controlchars import clean_text
from essplanner.domain import (
    ApprovalDiff,
    Change,
    Comment,
    EditorialState,
    HistoryEntry,
    HistoryKind,
    ReviewItem,
    TeamAction,
)
from essplanner.errors import ConflictError, NotFoundError, ValidationError
from essplanner.i18n import _
from essplanner.services.base import Notify, Service
from essplanner.services.team import TeamService
from essplanner.storage import Database
from essplanner.timeutil import Clock

#: the longest comment kept (a thread is for discussion, not documents)
COMMENT_LIMIT = 5000


# ---- what posts.py and the scheduler share: history rows, the content kept at approval


def record_history(s: Session, post_id: int, kind: HistoryKind, *, actor: str, at: datetime,
                   detail: str = "") -> None:
    """Add a history entry to ``s`` (the transaction of what it records)."""
    s.add(models.PostHistory(post_id=post_id, at=at, actor_name=actor[:120], kind=kind.value,
                             detail=detail))


def content_of(post: domain.Post) -> dict[str, Any]:
    """What an approval covers: the text, link, hashtags, language, each account's own
    text and each image's description."""
    return {
        "title": post.title, "body": post.body, "link_url": post.link_url,
        "call_to_action": post.call_to_action, "hashtags": list(post.hashtags),
        "language": post.language,
        "media": [f"{m.original_name}: {m.alt_text}" if m.alt_text else m.original_name
                  for m in post.media],
        "variants": {t.account_name: t.text_variant for t in post.targets if t.text_variant},
    }


def content_diff(before: dict[str, Any], after: dict[str, Any]
                 ) -> tuple[tuple[str, str, str], ...]:
    """(field label, before, after) of each field of :func:`content_of` that changed."""
    labels = {"title": _("Title"), "body": _("Text"), "link_url": _("Link"),
              "call_to_action": _("Call to action"), "hashtags": _("Hashtags"),
              "language": _("Language"), "media": _("Images")}
    changes: list[tuple[str, str, str]] = []
    for key, label in labels.items():
        old, new = _shown(before.get(key)), _shown(after.get(key))
        if old != new:
            changes.append((label, old, new))
    old_variants = dict(before.get("variants") or {})
    new_variants = dict(after.get("variants") or {})
    for account in sorted(set(old_variants) | set(new_variants)):
        old, new = str(old_variants.get(account) or ""), str(new_variants.get(account) or "")
        if old != new:
            changes.append((_("Text for {account}", account=account), old, new))
    return tuple(changes)


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return "" if value is None else str(value)


def store_approval(s: Session, post: domain.Post, *, actor: str, at: datetime) -> None:
    """Keep ``post``'s content as approved by ``actor`` (replacing an older approval)."""
    row = s.get(models.PostApproval, post.id)
    if row is None:
        s.add(models.PostApproval(post_id=post.id, approved_at=at, approved_by=actor[:120],
                                  snapshot=content_of(post)))
    else:
        row.approved_at, row.approved_by, row.snapshot = at, actor[:120], content_of(post)


def to_history(row: models.PostHistory) -> HistoryEntry:
    try:
        kind = HistoryKind(row.kind)
    except ValueError:
        kind = HistoryKind.EDITED
    return HistoryEntry(id=row.id, post_id=row.post_id, at=row.at, actor_name=row.actor_name,
                        kind=kind, detail=row.detail)


def to_comment(row: models.PostComment) -> Comment:
    return Comment(id=row.id, post_id=row.post_id, author_id=row.author_id,
                   author_name=row.author_name, body=row.body,
                   mentions=tuple(int(m) for m in row.mentions or ()), at=row.created_at)


# ---- the service


class ReviewService(Service):
    """Submit, approve, request changes; comments and history of posts.

    Every change is announced as ``Change(posts={post id})``."""

    def __init__(self, db: Database, team: TeamService, *, clock: Clock | None = None,
                 notify: Notify | None = None) -> None:
        super().__init__(db, clock=clock, notify=notify)
        self.team = team

    # ---- the workflow
    def submit(self, post_id: int, comment: str = "", *,
               expected_version: int | None = None) -> domain.Post:
        """Ask for the post to be reviewed (it goes ``in_review``)."""
        me = self.team.require(TeamAction.SUBMIT)
        comment = _clean_comment(comment)

        def apply(s: Session, row: models.Post) -> None:
            if row.editorial_state == EditorialState.IN_REVIEW.value:
                raise ValidationError(_("This post is already waiting for review."))
            if row.editorial_state == EditorialState.APPROVED.value:
                raise ValidationError(_("This post is already approved."))
            row.editorial_state = EditorialState.IN_REVIEW.value
            self._record(s, row.id, HistoryKind.SUBMITTED, me.name, comment)
            self._comment(s, row.id, me, comment)

        return self._mutate(post_id, expected_version, apply)

    def approve(self, post_id: int, comment: str = "", *,
                expected_version: int | None = None) -> domain.Post:
        """Approve the post as it is now (approvers only); while the workspace asks for
        approval, its scheduled targets may go out from now on."""
        me = self.team.require(TeamAction.APPROVE)
        comment = _clean_comment(comment)

        def apply(s: Session, row: models.Post) -> None:
            if row.editorial_state == EditorialState.APPROVED.value:
                raise ValidationError(_("This post is already approved."))
            row.editorial_state = EditorialState.APPROVED.value
            s.flush()
            store_approval(s, repo.load_post(s, row.id, attempts=False), actor=me.name,
                           at=self.clock.now())
            self._record(s, row.id, HistoryKind.APPROVED, me.name, comment)
            self._comment(s, row.id, me, comment)

        return self._mutate(post_id, expected_version, apply)

    def request_changes(self, post_id: int, comment: str, *,
                        expected_version: int | None = None) -> domain.Post:
        """Send the post back to its writers with what to change (approvers only): it
        becomes a draft again, the comment in its thread."""
        me = self.team.require(TeamAction.APPROVE)
        comment = _clean_comment(comment)
        if not comment:
            raise ValidationError(_("Say what should change: the comment is required."))

        def apply(s: Session, row: models.Post) -> None:
            row.editorial_state = EditorialState.DRAFT.value
            self._record(s, row.id, HistoryKind.CHANGES_REQUESTED, me.name, comment)
            self._comment(s, row.id, me, comment)

        return self._mutate(post_id, expected_version, apply)

    def review_list(self) -> list[ReviewItem]:
        """The posts waiting for review, the longest waiting first."""
        post, history, approval = models.Post, models.PostHistory, models.PostApproval
        asked = (select(history.post_id, func.max(history.id).label("last"))
                 .where(history.kind.in_([HistoryKind.SUBMITTED.value,
                                          HistoryKind.BACK_TO_REVIEW.value]))
                 .group_by(history.post_id).subquery())
        last = select(history).join(asked, asked.c.last == history.id).subquery()
        stmt = (select(post.id, post.version, post.title, post.body, post.scheduled_at,
                       post.updated_at, last.c.at, last.c.actor_name, approval.post_id)
                .outerjoin(last, last.c.post_id == post.id)
                .outerjoin(approval, approval.post_id == post.id)
                .where(post.editorial_state == EditorialState.IN_REVIEW.value))
        with self.db.read() as s:
            rows = s.execute(stmt).all()
        items = [ReviewItem(post_id=r[0], version=r[1],
                            title=r[2] or domain.title_from_body(r[3] or ""),
                            scheduled_at=r[4], submitted_at=r[6] or r[5],
                            submitted_by=r[7] or "", changed_since_approval=r[8] is not None)
                 for r in rows]
        return sorted(items, key=lambda i: (i.submitted_at is None, i.submitted_at, i.post_id))

    def diff_since_approval(self, post_id: int) -> ApprovalDiff:
        """What changed in the post since its last approval (empty: never approved, or
        unchanged)."""
        with self.db.read() as s:
            post = repo.load_post(s, post_id, attempts=False)
            row = s.get(models.PostApproval, post_id)
            if row is None:
                return ApprovalDiff()
            return ApprovalDiff(changes=content_diff(dict(row.snapshot or {}),
                                                     content_of(post)),
                                approved_at=row.approved_at, approved_by=row.approved_by)

    # ---- the thread and the history
    def comments(self, post_id: int) -> list[Comment]:
        """The post's discussion thread, oldest first."""
        with self.db.read() as s:
            _exists(s, post_id)
            rows = s.scalars(select(models.PostComment)
                             .where(models.PostComment.post_id == post_id)
                             .order_by(models.PostComment.created_at, models.PostComment.id))
            return [to_comment(r) for r in rows]

    def add_comment(self, post_id: int, body: str) -> Comment:
        """Add my message to the post's thread (the members named with @ are noted)."""
        me = self.team.require(TeamAction.WRITE)
        body = _clean_comment(body)
        if not body:
            raise ValidationError(_("Write something to comment."))
        with self.db.write() as s:
            _exists(s, post_id)
            row = self._comment(s, post_id, me, body)
            self._record(s, post_id, HistoryKind.COMMENTED, me.name, "")
            s.flush()
            assert row is not None
            result = to_comment(row)
        self._notify(Change(posts=frozenset({post_id})))
        return result

    def history(self, post_id: int) -> list[HistoryEntry]:
        """Who did what to the post, oldest first."""
        with self.db.read() as s:
            _exists(s, post_id)
            rows = s.scalars(select(models.PostHistory)
                             .where(models.PostHistory.post_id == post_id)
                             .order_by(models.PostHistory.at, models.PostHistory.id))
            return [to_history(r) for r in rows]

    def threads(self, post_ids: Sequence[int]
                ) -> dict[int, tuple[list[Comment], list[HistoryEntry]]]:
        """The comments and history of many posts (an export), in two queries per 500
        posts whatever their comments' and entries' count."""
        found: dict[int, tuple[list[Comment], list[HistoryEntry]]] = {
            i: ([], []) for i in post_ids}
        ids = list(found)
        comment, history = models.PostComment, models.PostHistory
        with self.db.read() as s:
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                for c in s.scalars(select(comment).where(comment.post_id.in_(chunk))
                                   .order_by(comment.created_at, comment.id)):
                    found[c.post_id][0].append(to_comment(c))
                for h in s.scalars(select(history).where(history.post_id.in_(chunk))
                                   .order_by(history.at, history.id)):
                    found[h.post_id][1].append(to_history(h))
        return found

    def mentioning(self, member_id: int) -> list[Comment]:
        """The comments naming a member, newest first (what to notify them of)."""
        with self.db.read() as s:
            rows = s.scalars(select(models.PostComment)
                             .order_by(models.PostComment.created_at.desc(),
                                       models.PostComment.id.desc()))
            return [to_comment(r) for r in rows if member_id in (r.mentions or ())]

    # ---- internals
    def _record(self, s: Session, post_id: int, kind: HistoryKind, actor: str,
                detail: str) -> None:
        record_history(s, post_id, kind, actor=actor, at=self.clock.now(), detail=detail)

    def _comment(self, s: Session, post_id: int, me: domain.Member,
                 body: str) -> models.PostComment | None:
        if not body:
            return None
        row = models.PostComment(post_id=post_id, author_id=me.id or None,
                                 author_name=me.name[:120], body=body,
                                 mentions=list(self.team.mentions(body)),
                                 created_at=self.clock.now())
        s.add(row)
        return row

    def _mutate(self, post_id: int, expected_version: int | None,
                apply: Any) -> domain.Post:
        try:
            with self.db.write() as s:
                row = s.get(models.Post, post_id)
                if row is None:
                    raise NotFoundError(_("There is no post number {id}.", id=post_id))
                if expected_version is not None and row.version != expected_version:
                    raise _conflict()
                apply(s, row)
                row.updated_at = self.clock.now()
                s.flush()
                result = repo.load_post(s, post_id)
        except StaleDataError as exc:
            raise _conflict() from exc
        self._notify(Change(posts=frozenset({post_id})))
        return result


def _exists(s: Session, post_id: int) -> None:
    if s.scalar(select(models.Post.id).where(models.Post.id == post_id)) is None:
        raise NotFoundError(_("There is no post number {id}.", id=post_id))


def _clean_comment(body: str) -> str:
    body = clean_text((body or "").strip(), field=_("Comment"))
    if len(body) > COMMENT_LIMIT:
        raise ValidationError(_("A comment is {limit} characters at most.",
                                limit=COMMENT_LIMIT))
    return body


def _conflict() -> ConflictError:
    return ConflictError(_(
        "Someone else changed this post after you opened it. Your changes were not saved: "
        "reload the post and apply them again."))


__all__: Sequence[str] = ["ReviewService", "content_diff", "content_of", "record_history",
                          "store_approval"]
