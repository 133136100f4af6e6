"""Undo and redo of what the user does to posts: moves, edits, creations, deletions.

Every command keeps full snapshots of the post (frozen :class:`~essplanner.domain.Post`)
and goes back and forth with :meth:`PostService.restore`, which never reverts a
target that went out. Commands about one post share a :class:`PostRef`, so a post
recreated by undoing its deletion under another number is still found by the
commands above it. A command that cannot be applied any more (someone else changed
the post) reports why and leaves the stack.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from essplanner.domain import Post
from essplanner.errors import EssPlannerError

if TYPE_CHECKING:
    from essplanner.services.posts import PostService



@dataclasses.dataclass
class PostRef:
    """The current number and version of a post, as the undo stack last saw them."""

    id: int
    version: int

    def follow(self, post: Post) -> None:
        self.id, self.version = post.id, post.version


class UndoContext:
    """What commands need: the post service, the shared refs, and where to report failures."""

    def __init__(self, posts: PostService, report: Callable[[str], None]) -> None:
        self.posts = posts
        self.report = report
        self._refs: dict[int, PostRef] = {}

    def ref(self, post: Post) -> PostRef:
        ref = self._refs.get(post.id)
        if ref is None:
            ref = self._refs[post.id] = PostRef(post.id, post.version)
        else:
            ref.follow(post)
        return ref

    def renumbered(self, ref: PostRef, old_id: int) -> None:
        self._refs.pop(old_id, None)
        self._refs[ref.id] = ref


class _PostCommand(QUndoCommand):
    def __init__(self, ctx: UndoContext, ref: PostRef, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.ref = ref

    def _run(self, action: Callable[[], Post | None]) -> None:
        try:
            post = action()
        except EssPlannerError as exc:
            self.ctx.report(str(exc))
            self.setObsolete(True)  # QUndoStack drops it: it cannot be replayed
            return
        if post is not None:
            old_id = self.ref.id
            self.ref.follow(post)
            if post.id != old_id:
                self.ctx.renumbered(self.ref, old_id)

    def _restore(self, snapshot: Post) -> Post:
        return self.ctx.posts.restore(dataclasses.replace(snapshot, id=self.ref.id),
                                      expected_version=self.ref.version)


class RescheduleCommand(_PostCommand):
    """Move a post to another time (drag and drop, keyboard)."""

    def __init__(self, ctx: UndoContext, before: Post, when: datetime, text: str) -> None:
        super().__init__(ctx, ctx.ref(before), text)
        self.before = before
        self.when = when
        self.after: Post | None = None

    def redo(self) -> None:
        if self.after is None:
            def first() -> Post:
                self.after = self.ctx.posts.reschedule(self.ref.id, self.when,
                                                       expected_version=self.ref.version)
                return self.after
            self._run(first)
        else:
            after = self.after
            self._run(lambda: self._restore(after))

    def undo(self) -> None:
        self._run(lambda: self._restore(self.before))


class EditCommand(_PostCommand):
    """An edit saved from the editor (already applied when pushed)."""

    def __init__(self, ctx: UndoContext, before: Post, after: Post, text: str) -> None:
        super().__init__(ctx, ctx.ref(before), text)
        self.ref.follow(after)
        self.before = before
        self.after = after
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False  # QUndoStack.push calls redo: the save already happened
            return
        self._run(lambda: self._restore(self.after))

    def undo(self) -> None:
        self._run(lambda: self._restore(self.before))


class CreateCommand(_PostCommand):
    """A post created from the editor (already applied when pushed)."""

    def __init__(self, ctx: UndoContext, created: Post, text: str) -> None:
        super().__init__(ctx, ctx.ref(created), text)
        self.snapshot = created
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        snapshot = self.snapshot
        self._run(lambda: self.ctx.posts.restore(
            dataclasses.replace(snapshot, id=self.ref.id)))

    def undo(self) -> None:
        def delete() -> None:
            self.snapshot = self.ctx.posts.delete(self.ref.id, expected_version=self.ref.version)
        self._run(delete)


class DeleteCommand(_PostCommand):
    """Delete a post; undo recreates it with its targets, states and history."""

    def __init__(self, ctx: UndoContext, before: Post, text: str) -> None:
        super().__init__(ctx, ctx.ref(before), text)
        self.snapshot = before

    def redo(self) -> None:
        def delete() -> None:
            self.snapshot = self.ctx.posts.delete(self.ref.id, expected_version=self.ref.version)
        self._run(delete)

    def undo(self) -> None:
        snapshot = self.snapshot
        self._run(lambda: self.ctx.posts.restore(dataclasses.replace(snapshot, id=self.ref.id)))
