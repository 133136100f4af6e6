"""The editors a main window opens: one per post, new ones, drafts recovered after a crash."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from essplanner import APP_DISPLAY_NAME
from essplanner.domain import Post, SeriesState
from essplanner.errors import EssPlannerError
from essplanner.ui import messages
from essplanner.ui.plain import plain

if TYPE_CHECKING:
    from essplanner.services.templates import PostTemplate
    from essplanner.ui.editor.editor import PostEditor
    from essplanner.ui.mainwindow import MainWindow


class EditorHost(QObject):
    """Opens editors for ``window`` and puts what they save on its undo stack."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main = window
        self.editors: list[PostEditor] = []

    def open_post(self, post_id: int) -> None:
        if self.main.require_actions() is None:
            return
        try:
            post = self.main.ws.posts.get(post_id)
        except EssPlannerError as exc:

            messages.warning(self.main, APP_DISPLAY_NAME, plain(str(exc)))
            return
        self._show_editor(post_id, post=post)

    def new_post(self, *, day: date | None = None, when: datetime | None = None) -> None:
        from essplanner.ui.editor.editor import default_start

        if self.main.require_actions() is None:
            return
        start = when or default_start(
            day or self.main.selected_date() or self.main.today(),
            self.main.ws.clock.now().astimezone(self.main.zone),
        )
        self._show_editor(None, start=start)

    def new_from_template(self, template: PostTemplate, *, day: date | None = None,
                          persona_ids: Sequence[int] = (), objective_ids: Sequence[int] = (),
                          ) -> PostEditor | None:
        """A new post's editor filled from ``template`` (not saved until the user saves),
        tagged with what it suggests; its reminder (image rights...) shown."""
        from essplanner.services.templates import draft_from, suggest
        from essplanner.ui.editor.editor import default_start
        from essplanner.ui.editor.state import EditorState

        if self.main.require_actions() is None:
            return None
        ws = self.main.ws
        start = default_start(day or self.main.selected_date() or self.main.today(),
                              ws.clock.now().astimezone(self.main.zone))
        draft = draft_from(template, suggest(
            template, personas=ws.personas.all(), objectives=ws.objectives.all(),
            accounts=ws.accounts.all()), persona_ids=persona_ids, objective_ids=objective_ids)
        state = EditorState(
            title=draft.title, body=draft.body, link_url=draft.link_url,
            call_to_action=draft.call_to_action,
            hashtags=" ".join(f"#{h}" for h in draft.hashtags), language=draft.language,
            persona_ids=list(draft.persona_ids), objective_ids=list(draft.objective_ids),
            account_ids=list(draft.account_ids),
            local_when=start.replace(tzinfo=None).isoformat(timespec="minutes"))
        editor = self._show_editor(None, state=state.to_json())
        if template.reminder:
            editor.show_reminder(template.reminder)
        return editor

    def _show_editor(
        self,
        key: int | None,
        *,
        post: Post | None = None,
        start: datetime | None = None,
        state: dict[str, object] | None = None,
    ) -> PostEditor:
        from essplanner.ui.editor.editor import PostEditor

        existing = next(
            (
                e
                for e in self.editors
                if key is not None and e.post is not None and e.post.id == key
            ),
            None,
        )
        if existing is not None and state is None:
            existing.raise_()
            existing.activateWindow()
            return existing
        editor = PostEditor(
            self.main.ws, self.main.zone, post=post, start=start, state=state, parent=self.main
        )
        assert self.main.actions_ is not None
        editor.saved.connect(self.main.actions_.record_save)
        editor.saved.connect(self._on_saved)
        editor.delete_requested.connect(self.main.actions_.delete)
        editor.duplicated.connect(self._on_duplicated)
        editor.series_changed.connect(self._on_series_changed)
        editor.finished.connect(lambda _result, e=editor: self._forget_editor(e))
        self.main.bridge.changed.connect(editor.on_changed_elsewhere)
        self.editors.append(editor)
        editor.show()
        return editor

    def _on_duplicated(self, copy: Post) -> None:
        """A post made from another one (to change a published post): open it."""
        assert self.main.actions_ is not None
        self.main.actions_.record_save(None, copy)
        self._show_editor(copy.id, post=copy)

    def _forget_editor(self, editor: PostEditor) -> None:
        if editor in self.editors:
            self.editors.remove(editor)
            self.main.bridge.changed.disconnect(editor.on_changed_elsewhere)

    def _on_saved(self, _before: Post | None, after: Post) -> None:
        if after.scheduled_at is not None:
            self.main.show_date(after.scheduled_at.astimezone(self.main.zone).date())

    def _on_series_changed(self, text: str, before: SeriesState, after: SeriesState) -> None:
        """A recurring post saved by an editor: on the undo stack, already made."""
        from essplanner.ui.calendar.series_scope import SeriesCommand

        assert self.main.actions_ is not None
        self.main.undo_stack.push(SeriesCommand(self.main.ws.series, text,
                                                lambda: (before, after),
                                                self.main.actions_.report))
        first = min((p.scheduled_at for p in after.posts if p.scheduled_at is not None),
                    default=None)
        if first is not None and not before.posts:
            self.main.show_date(first.astimezone(self.main.zone).date())

    def open_recovered(self) -> None:
        from essplanner.ui.editor.autosave import AutosaveStore

        if self.main.require_actions() is None:
            return
        store = AutosaveStore(self.main.ws.paths.autosave_dir)
        for entry in store.pending():
            post = None
            if entry.post_id is not None:
                try:
                    post = self.main.ws.posts.get(entry.post_id)
                except EssPlannerError:
                    post = None  # deleted since: the draft becomes a new post
            self._show_editor(None if post is None else post.id, post=post, state=entry.state)
            store.discard(entry.path)
