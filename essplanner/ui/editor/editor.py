"""The post editor: write, tag, adapt per account, check, preview, save or schedule.

What is typed is checked as it is typed (the publishers' own rules on the exact
text each account will receive) and autosaved every second to the data folder, so
a crash loses at most a second of typing. Saving is one service call; a post
changed elsewhere meanwhile gets a clear conflict with a way out, never a silent
overwrite.
"""

from __future__ import annotations

from datetime import datetime, time
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, QTime, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from essplanner import domain
from essplanner.channels.accounts import creator_info
from essplanner.domain import SeriesScope, time_is_fixed
from essplanner.errors import (
    ConflictError,
    EditConflictError,
    EssPlannerError,
    ValidationError,
)
from essplanner.services.calendar import shown_platform
from essplanner.timeutil import localize
from essplanner.ui import messages
from essplanner.ui.calendar.series_scope import ask_scope
from essplanner.ui.check_model import CheckItem
from essplanner.ui.editor import conflict
from essplanner.ui.editor.autosave import AutosaveStore
from essplanner.ui.editor.form import EditorForm
from essplanner.ui.editor.parts import HashtagSets, ImageList
from essplanner.ui.editor.people import PeoplePanel
from essplanner.ui.editor.repeat import RepeatSection
from essplanner.ui.editor.state import (
    Counter,
    EditorProblem,
    EditorState,
    Level,
    MediaDraft,
    check,
    counters,
    default_start,
)
from essplanner.ui.editor.tiktok_panel import TikTokPanel
from essplanner.ui.labels import fmt_datetime, metric_label, platform_label, pydate
from essplanner.ui.plain import plain, plain_label
from essplanner.ui.planning.campaign_row import CampaignCombo
from essplanner.ui.style import objective_colour, platform_icon, state_icon
from essplanner.ui.tasks import TaskRunner
from essplanner.ui.templates.editor_parts import EvergreenRow, ask_template_name, saved_message
from essplanner.ui.thumbnails import VideoThumbnails
from essplanner.workspace import Workspace

__all__ = ["PostEditor", "copy_link", "default_language", "default_start"]

CHECK_MS = 150
AUTOSAVE_MS = 1000


def default_language(workspace: Workspace) -> str:
    """A new post's language: the workspace's (the language the app speaks)."""
    from essplanner.i18n import language

    return (workspace.settings.language or language() or "fr")[:2]


def copy_link(url: str) -> None:
    QGuiApplication.clipboard().setText(url)


class PostEditor(QDialog):
    """One post being written. Signals: ``saved(Post | None, Post)`` (before, after),
    ``delete_requested(int)``, ``autosaved(str)`` (the autosave file's path),
    ``duplicated(Post)`` (a new post made from this one: open it)."""

    saved = Signal(object, object)
    delete_requested = Signal(int)
    autosaved = Signal(str)
    duplicated = Signal(object)
    # a recurring post saved: (undo text, SeriesState before, SeriesState after)
    series_changed = Signal(str, object, object)

    def __init__(
        self,
        workspace: Workspace,
        zone: ZoneInfo,
        *,
        post: domain.Post | None = None,
        start: datetime | None = None,
        state: dict[str, object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ws = workspace
        self.zone = zone
        self.post = post
        # The version this text was written on: a recovered draft keeps the one it had, so
        # a post changed elsewhere since the crash gives a conflict, never an overwrite.
        self.expected_version: int | None = post.version if post is not None else None
        if post is not None and state is not None and state.get("base_version") is not None:
            self.expected_version = int(state["base_version"])  # type: ignore[call-overload]
        self.accounts = [
            a
            for a in workspace.accounts.all()
            if a.enabled or (post and a.id in {t.account_id for t in post.targets})
        ]
        # an archived persona stays on the (published) posts that name it
        self.personas = workspace.personas.all() + [
            p for p in (post.personas if post is not None else ()) if p.archived]
        self.objectives = workspace.objectives.all()
        self.store = AutosaveStore(workspace.paths.autosave_dir)
        self.autosave_path = self.store.new_path()
        self.variant_edits: dict[int, tuple[QPlainTextEdit, QLabel]] = {}
        self._variant_texts: dict[int, str] = {}
        # per account, the options chosen for it; TikTok's are chosen in a panel of its own
        self._options: dict[int, dict[str, Any]] = {}
        self.tiktok_panels: dict[int, TikTokPanel] = {}
        self._runner: TaskRunner | None = None
        self._loading = False
        self.dirty = False

        self.form = EditorForm(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.form)
        self.resize(1100, 780)
        f = self.form
        f.personas.set_items(
            [CheckItem(p.id, self.tr("%1 (archived)").replace("%1", p.name) if p.archived
                       else p.name, None, ", ".join(platform_label(n) for n in p.networks))
             for p in self.personas]
        )
        f.objectives.set_items(
            [CheckItem(o.id, o.name, state_icon(objective_colour(o.id))) for o in self.objectives]
        )
        f.accounts.set_items(
            [
                CheckItem(
                    a.id,
                    a.name,
                    platform_icon(shown_platform(a.platform, a.settings)),
                    platform_label(shown_platform(a.platform, a.settings)),
                )
                for a in self.accounts
            ]
        )
        f.zone_label.setText(self.tr("time zone %1").replace("%1", str(zone)))
        f.delete_button.setVisible(post is not None)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_MS)
        self._check_timer.timeout.connect(self.refresh)
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self.write_autosave)
        self.thumbnails = VideoThumbnails(workspace.posts.media, self)
        f.media.set_thumbnails(self.thumbnails)
        self.thumbnails.made.connect(lambda _video: self._update_preview())
        self.images = ImageList(f, self)
        self.hashtag_sets = HashtagSets(f, workspace.hashtags, self)
        self.evergreen = EvergreenRow(workspace, self)
        f.form_layout.addRow("", self.evergreen)
        self.repeat = RepeatSection(
            lambda rule, begin: workspace.series.preview(rule, begin, zone=str(zone)), zone,
            horizon_days=workspace.settings.series_horizon_days, parent=self)
        repeat_label = QLabel(self.tr("&Repeat:"), self)
        repeat_label.setBuddy(self.repeat.freq_combo)
        f.form_layout.insertRow(f.when_row + 1, repeat_label, self.repeat)
        self.people = PeoplePanel(workspace, f.media, self)  # after: it moves the rows below
        f.form_layout.insertRow(f.media_row + 1, "", self.people)
        self._series_rule: str | None = None
        self.campaign = CampaignCombo(workspace, self)
        f.form_layout.addRow(self.tr("Ca&mpaign:"), self.campaign)
        self.reminder = plain_label(QLabel(self))
        self.reminder.setWordWrap(True)
        self.reminder.setStyleSheet("background: #fff4d6; padding: 6px;")
        self.reminder.hide()
        layout.insertWidget(0, self.reminder)
        self._connect()

        if state is not None:
            initial = EditorState.from_json(state)
        elif post is not None:
            initial = EditorState.from_post(post, zone)
        else:
            when = start or default_start(
                workspace.clock.now().astimezone(zone).date(),
                workspace.clock.now().astimezone(zone),
            )
            initial = EditorState(
                local_when=when.replace(tzinfo=None).isoformat(timespec="minutes"),
                language=default_language(workspace),
            )
        self.apply_state(initial)
        self._load_repeat(post)
        if state is not None and initial.repeat and self.repeat.isEnabled():
            self.repeat.set_rule(initial.repeat)  # a recovered draft repeats as typed
        self.evergreen.load(post.id if post is not None else None)
        self.evergreen.changed.connect(self._on_evergreen_changed)
        self.campaign.load(post.id if post is not None else None)
        self.campaign.changed.connect(self._mark_dirty)
        self._build_actions_menu()
        from essplanner.ui.editor.discussion import TeamSection

        self.team = TeamSection(self)  # review, comments, history
        layout.insertWidget(1, self.team.bar)
        self._show_published()
        if state is not None:
            self._mark_dirty()  # recovered text is not saved yet
        self.refresh()

    # ---- wiring
    def _connect(self) -> None:
        f = self.form
        for line in (f.title_edit, f.link_edit, f.hashtags_edit):
            line.textChanged.connect(self._changed)
        f.body_edit.textChanged.connect(self._changed)
        f.cta_combo.currentTextChanged.connect(self._changed)
        f.date_edit.dateChanged.connect(self._changed)
        f.time_edit.timeChanged.connect(self._changed)
        f.date_edit.dateChanged.connect(self._repeat_start)
        f.time_edit.timeChanged.connect(self._repeat_start)
        self.repeat.changed.connect(self._changed)
        f.state_combo.currentIndexChanged.connect(self._changed)
        f.schedule_check.toggled.connect(self._changed)
        f.personas.checked_changed.connect(self._changed)
        f.objectives.checked_changed.connect(self._changed)
        f.accounts.checked_changed.connect(self._accounts_changed)
        f.media.dataChanged.connect(self._changed)
        f.media.rowsInserted.connect(self._changed)
        f.media.rowsRemoved.connect(self._changed)
        f.media.rowsMoved.connect(self._changed)
        self.people.changed.connect(self._check_timer.start)
        f.language_combo.currentIndexChanged.connect(self._changed)
        f.preview_combo.currentIndexChanged.connect(self._update_preview)
        f.published_box.linkActivated.connect(self.open_link)
        f.edit_published_button.clicked.connect(self.on_edit_published)
        f.save_button.clicked.connect(self.save)
        f.queue_button.clicked.connect(self.add_to_queue)
        f.close_button.clicked.connect(self.reject)
        f.delete_button.clicked.connect(self._delete)
        save = QAction(self)
        save.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Save), QKeySequence("Ctrl+Return")]
        )
        save.triggered.connect(self.save)
        self.addAction(save)

    # ---- state in and out
    def state(self) -> EditorState:
        f = self.form
        d: QDate = f.date_edit.date()
        t: QTime = f.time_edit.time()
        when = datetime.combine(pydate(d), time(t.hour(), t.minute()))
        for account_id, (edit, _label) in self.variant_edits.items():
            self._variant_texts[account_id] = edit.toPlainText()
        for account_id, panel in self.tiktok_panels.items():
            self._options[account_id] = panel.options()
        return EditorState(
            post_id=self.post.id if self.post else None,
            base_version=self.expected_version,
            title=f.title_edit.text(),
            body=f.body_edit.toPlainText(),
            link_url=f.link_edit.text().strip(),
            call_to_action=f.cta_combo.currentText(),
            hashtags=f.hashtags_edit.text(),
            language=str(f.language_combo.currentData() or ""),
            editorial_state=str(f.state_combo.currentData()),
            persona_ids=[int(k) for k in f.personas.checked()],  # type: ignore[call-overload]
            objective_ids=[int(k) for k in f.objectives.checked()],  # type: ignore[call-overload]
            account_ids=[int(k) for k in f.accounts.checked()],  # type: ignore[call-overload]
            variants={k: v for k, v in self._variant_texts.items() if v.strip()},
            options={k: dict(v) for k, v in self._options.items() if v},
            media=f.media.items(),
            local_when=when.isoformat(timespec="minutes"),
            schedule=f.schedule_check.isChecked(),
            repeat=self._typed_rule(),
        )

    def _typed_rule(self) -> str:
        """The Repeat section's rule as typed so far ("" while it is incomplete)."""
        try:
            return self.repeat.rule_text() or ""
        except ValidationError:
            return ""

    def apply_state(self, state: EditorState) -> None:
        self._loading = True
        try:
            f = self.form
            f.title_edit.setText(state.title)
            f.body_edit.setPlainText(state.body)
            f.link_edit.setText(state.link_url)
            f.cta_combo.setCurrentText(state.call_to_action)
            f.hashtags_edit.setText(state.hashtags)
            index = f.state_combo.findData(state.editorial_state)
            f.state_combo.setCurrentIndex(max(0, index))
            f.personas.set_checked(state.persona_ids)
            f.objectives.set_checked(state.objective_ids)
            self._variant_texts = dict(state.variants)
            self._options = {k: dict(v) for k, v in state.options.items()}
            f.accounts.set_checked(state.account_ids)
            f.media.set_items([MediaDraft(**vars(m)) for m in state.media])
            local = state.local_datetime() or datetime.combine(
                self.ws.clock.now().astimezone(self.zone).date(), time(10, 0))
            f.date_edit.setDate(QDate(local.year, local.month, local.day))
            f.time_edit.setTime(QTime(local.hour, local.minute))
            f.schedule_check.setChecked(state.schedule)
            language = f.language_combo.findData(state.language)
            if language < 0:  # a language the list does not name: keep it as it is
                f.language_combo.addItem(state.language, state.language)
                language = f.language_combo.count() - 1
            f.language_combo.setCurrentIndex(language)
            self._rebuild_variants()
        finally:
            self._loading = False
        self._update_title()

    # ---- reacting to edits
    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._mark_dirty()
        self._check_timer.start()

    def _mark_dirty(self) -> None:
        self.dirty = True
        if not self._autosave_timer.isActive():
            self._autosave_timer.start()  # at most a second after the first unsaved change
        self._update_title()

    def _accounts_changed(self) -> None:
        self.state()  # keeps the texts of tabs about to disappear
        self._rebuild_variants()
        self._changed()

    def _rebuild_variants(self) -> None:
        f = self.form
        chosen = [a for a in self.accounts if a.id in f.accounts.checked()]
        current = {a.id for a in chosen}
        for account_id in list(self.variant_edits):
            if account_id not in current:
                edit, _label = self.variant_edits.pop(account_id)
                self.tiktok_panels.pop(account_id, None)
                page = edit.parentWidget()
                if page is not None:
                    f.variant_tabs.removeTab(f.variant_tabs.indexOf(page))
                    page.deleteLater()
        for account in chosen:
            if account.id in self.variant_edits:
                continue
            edit, label, page = f.variant_editor()
            edit.setPlainText(self._variant_texts.get(account.id, ""))
            edit.textChanged.connect(self._changed)
            platform = shown_platform(account.platform, account.settings)
            if account.platform == "tiktok" and not account.settings.get("mimic"):
                self._add_tiktok_panel(account, page)
            f.variant_tabs.addTab(page, platform_icon(platform), account.name)
            self.variant_edits[account.id] = (edit, label)
        f.variants_stack.setCurrentWidget(f.variant_tabs if chosen else f.no_variants)
        f.preview_combo.blockSignals(True)
        selected = f.preview_combo.currentData()
        f.preview_combo.clear()
        for account in chosen:
            platform = shown_platform(account.platform, account.settings)
            f.preview_combo.addItem(platform_icon(platform), account.name, account.id)
        f.preview_combo.setCurrentIndex(max(0, f.preview_combo.findData(selected)))
        f.preview_combo.blockSignals(False)

    def _add_tiktok_panel(self, account: domain.Account, page: QWidget) -> None:
        """TikTok's audit controls for this target, its creator info read on a worker."""
        if self._runner is None:
            self._runner = TaskRunner(self)
        ws, account_id = self.ws, account.id
        panel = TikTokPanel(lambda: creator_info(ws, account_id),
                            self._options.get(account_id, {}), self._runner,
                            inbox=account.settings.get("mode") == "inbox", parent=page)
        panel.changed.connect(self._changed)
        layout = page.layout()
        if layout is not None:
            layout.addWidget(panel)
        self.tiktok_panels[account_id] = panel

    def refresh(self) -> None:
        """Check the post, count each account's text and redraw the preview."""
        state = self.state()
        now = self.ws.clock.now()
        problems = check(
            state,
            accounts=self.accounts,
            personas=self.personas,
            objectives=self.objectives,
            validator=self.ws.posts.validator,
            zone=self.zone,
            now=now,
            accessibility=self.ws.posts.accessibility,
            alt_text_blocking=self.ws.settings.alt_text_blocking,
        )
        problems += self.people.problems(state, self.accounts, self._publishing_time(state, now))
        self.form.problems.set_problems(problems)
        self.form.no_problems.setVisible(not problems)
        self.form.problems_view.setVisible(bool(problems))
        self._counters = {
            c.account_id: c
            for c in counters(state, self.accounts, self.objectives, self.ws.posts.validator)
        }
        parts = []
        for account in self.accounts:
            counter = self._counters.get(account.id)
            if counter is None:
                continue
            parts.append(self._counter_html(account.name, counter))
            edit_label = self.variant_edits.get(account.id)
            if edit_label is not None:
                edit_label[1].setText(self._counter_html(self.tr("Sent text"), counter))
        self.form.counters.setText(" · ".join(parts))
        self._update_preview()

    def recheck(self) -> None:
        """Check the post again shortly: something it depends on changed elsewhere."""
        self._check_timer.start()

    def _publishing_time(self, state: EditorState, now: datetime) -> datetime:
        """When the post goes out (UTC), for checking consents; now if not said."""
        local = state.local_datetime()
        try:
            return localize(local, self.zone).utc if local is not None else now
        except ValidationError:
            return now

    def _counter_html(self, name: str, counter: Counter) -> str:
        limit = f" / {counter.limit}" if counter.limit is not None else ""
        colour = "#c62828" if counter.over else "#2e7d32" if counter.limit else "#555"
        return (f"{escape(name)} <span style='color:{colour}'><b>{counter.count}</b>"
                f"{limit}</span>")

    def counter_for(self, account_id: int) -> Counter | None:
        return getattr(self, "_counters", {}).get(account_id)

    def problems(self) -> list[EditorProblem]:
        return self.form.problems.problems()

    def _update_preview(self, *_args: object) -> None:
        f = self.form
        account_id = f.preview_combo.currentData()
        account = next((a for a in self.accounts if a.id == account_id), None)
        counter = self.counter_for(account.id) if account else None
        if account is None or counter is None:
            f.preview.clear_post(self.tr("Choose an account to see the preview."))
            return
        state = self.state()
        from essplanner.channels.composer import link_for

        link = link_for(state.preview_post(self.objectives), account)
        f.preview.show_post(
            account,
            counter,
            self.ws.posts.validator.rules_for(account),
            link=link,
            media=[(picture, m.alt_text) for m in state.media
                   if (picture := f.media.picture(m) or "")],
            title=state.title,
        )

    def _update_title(self) -> None:
        name = self.form.title_edit.text().strip() or self.tr("New post")
        if self.post is not None and not self.form.title_edit.text().strip():
            name = self.post.display_title
        self.setWindowTitle(f"{name}{' *' if self.dirty else ''} — ESS Planner")

    # ---- images and hashtag sets (essplanner/ui/editor/parts.py)
    def add_images(self, paths: list[str] | None = None) -> None:
        self.images.add(paths)

    def insert_tags(self, tags: tuple[str, ...]) -> None:
        self.hashtag_sets.insert(tags)

    # ---- autosave
    def write_autosave(self) -> None:
        if not self.dirty:
            return
        try:
            self.store.write(
                self.autosave_path,
                post_id=self.post.id if self.post else None,
                state=self.state().to_json(),
            )
        except OSError as exc:
            self.form.message.setText(
                self.tr("The draft could not be autosaved: %1").replace(
                    "%1", exc.strerror or str(exc)
                )
            )
            self.form.message.show()
            return
        self.autosaved.emit(str(self.autosave_path))

    def _forget_autosave(self) -> None:
        self._autosave_timer.stop()
        self.store.discard(self.autosave_path)

    # ---- save, delete, close
    def save(self) -> bool:
        """Save (and schedule or unschedule, as ticked); False if nothing was saved."""
        self.refresh()
        state = self.state()
        errors = [p for p in self.problems() if p.level is Level.ERROR]
        if state.schedule and errors:
            self._show_message(
                self.tr(
                    "Fix the problems listed on the right before "
                    "scheduling, or untick “Publish automatically” to save "
                    "a draft."
                )
            )
            return False
        if state.schedule and not self._confirm_unapproved(state):
            return False
        before = self.post
        repeating = self._save_repeating(state)
        if repeating is not None:
            return repeating
        try:
            local = state.local_datetime()
            when = localize(local, self.zone).utc if local else None
            if before is None:
                after = self.ws.posts.create(
                    state.draft(), scheduled_at=when, schedule=state.schedule
                )
            else:
                was_scheduled = EditorState.from_post(before, self.zone).schedule
                # ticked: schedule what can be; unticked now: back to draft; else leave states
                schedule = True if state.schedule else (False if was_scheduled else None)
                after = self.ws.posts.update(
                    before.id,
                    state.draft(),
                    expected_version=self.expected_version or before.version,
                    scheduled_at=when,
                    schedule=schedule,
                )
        except EditConflictError as exc:
            if exc.theirs is None:
                self._conflict(str(exc))
                return False
            return self.resolve_conflict(exc.theirs, state)
        except ConflictError as exc:
            self._conflict(str(exc))
            return False
        except ValidationError as exc:
            extra = [
                EditorProblem(
                    Level.ERROR, f"{p.account}: {p.message}" if p.account else p.message, p.field
                )
                for p in exc.problems
            ]
            if extra:
                self.form.problems.set_problems([*self.problems(), *extra])
                self.form.problems_view.show()
                self.form.no_problems.hide()
            self._show_message(str(exc))
            return False
        except EssPlannerError as exc:
            self._show_message(str(exc))
            return False
        self._forget_autosave()
        for item in after.media:  # the calendar's tooltip shows the stored video's thumbnail
            if item.is_video:
                self.thumbnails.get(item.path, duration=item.duration)
        self.dirty = False
        self.post = after
        self.expected_version = after.version
        if before is None and self.evergreen.check.isChecked():
            refused = self.evergreen.apply(after.id)
            if refused:
                messages.warning(self, self.windowTitle(), plain(refused))
        refused = self.campaign.apply(after.id)
        if refused:
            messages.warning(self, self.windowTitle(), plain(refused))
        self.saved.emit(before, after)
        self.accept()
        return True

    # ---- recurring posts (essplanner/ui/editor/repeat.py)
    def _load_repeat(self, post: domain.Post | None) -> None:
        if post is not None and post.series_id is not None:
            try:
                self._series_rule = self.ws.series.get(post.series_id).rule
            except EssPlannerError:
                self._series_rule = None
            self.repeat.set_rule(self._series_rule)
        elif post is not None and time_is_fixed(t.state for t in post.targets):
            self.repeat.setEnabled(False)  # it went out (or is going): its copy may repeat
            self.repeat.setToolTip(self.tr("A post that went out cannot start repeating: "
                                           "duplicate it, then choose how the copy repeats."))

    def _repeat_start(self, *_args: object) -> None:
        d: QDate = self.form.date_edit.date()
        t: QTime = self.form.time_edit.time()
        self.repeat.set_start(datetime.combine(pydate(d), time(t.hour(), t.minute())))

    def _save_repeating(self, state: EditorState) -> bool | None:
        """Save a new post that repeats (a series), or an occurrence of a series for the
        scope the user chooses; None when the usual save of one post applies."""
        before = self.post
        try:
            rule = self.repeat.rule_text()
        except ValidationError as exc:
            self._show_message(str(exc))
            return False
        if before is None and rule is None:
            return None
        if before is not None and before.series_id is None and rule is None:
            return None
        local = state.local_datetime()
        when = localize(local, self.zone).utc if local else None
        title = state.title.strip() or (before.display_title if before else "") or \
            (state.body.strip().splitlines() or [""])[0][:60]
        try:
            if before is None:
                assert rule is not None
                if when is None:
                    self._show_message(self.tr("Choose the date of the first post."))
                    return False
                series, _posts = self.ws.series.create(
                    state.draft(), rule=rule, start=when, zone=str(self.zone),
                    schedule=state.schedule)
                states = (domain.SeriesState(series=(), posts=(),
                                             series_ids=frozenset({series.id})),
                          self.ws.series.state([series.id]))
                text = self.tr("Create the recurring post “%1”").replace("%1", title)
            elif before.series_id is None:
                assert rule is not None
                if when is None:
                    self._show_message(self.tr("Choose the date of the first post."))
                    return False
                states = self.ws.series.start_from(
                    before.id, state.draft(), rule=rule, start=when, zone=str(self.zone),
                    schedule=state.schedule,
                    expected_version=self.expected_version or before.version)
                text = self.tr("Make “%1” repeat").replace("%1", title)
            else:
                if rule is None:
                    self._show_message(self.tr(
                        "To stop the repeat, delete this occurrence and the following ones "
                        "from the calendar."))
                    return False
                scope = ask_scope(self, self.tr("Save a recurring post"))
                if scope is None:
                    return False
                new_rule = rule if rule != self._series_rule else None
                if scope is SeriesScope.THIS:
                    if new_rule is not None:
                        self._show_message(self.tr(
                            "A new repeat applies to this occurrence and the following ones, "
                            "or to all of them."))
                        return False
                    return None  # one post, saved the usual way
                states = self.ws.series.edit(
                    before.id, state.draft(), scope=scope,
                    when=when if when != before.scheduled_at else None, rule=new_rule,
                    expected_version=self.expected_version or before.version)
                text = self.tr("Edit the recurring post “%1”").replace("%1", title)
        except ConflictError as exc:
            self._conflict(str(exc))
            return False
        except EssPlannerError as exc:
            self._show_message(str(exc))
            return False
        self._forget_autosave()
        self.dirty = False
        self.series_changed.emit(text, *states)
        self.accept()
        return True

    def add_to_queue(self) -> bool:
        """Save the post, then schedule it at the next posting slot free on all its
        accounts (one more undoable step); False if it was not queued."""
        self.refresh()
        state = self.state()
        if not state.account_ids:
            self._show_message(self.tr("Choose at least one account for the post before "
                                       "adding it to the queue."))
            return False
        if any(p.level is Level.ERROR for p in self.problems()):
            self._show_message(self.tr("Fix the problems listed on the right before adding "
                                       "the post to the queue."))
            return False
        try:
            self.ws.slots.require_free(state.account_ids,
                                       ignore_post=self.post.id if self.post else None)
        except EssPlannerError as exc:
            self._show_message(str(exc))
            return False
        if not self._confirm_unapproved(state) or not self.save():
            return False
        assert self.post is not None
        saved = self.post
        try:
            queued = self.ws.slots.enqueue(saved.id)
        except EssPlannerError as exc:
            messages.warning(self.parentWidget(), self.tr("Add to the queue"),
                             plain(str(exc)))
            return False
        self.post = queued
        self.expected_version = queued.version
        self.saved.emit(saved, queued)
        return True

    def _confirm_unapproved(self, state: EditorState) -> bool:
        """Publishing automatically a post the team has not approved asks first; with the
        workspace's rule "posts need approval", it says the post will wait."""
        if state.editorial_state == domain.EditorialState.APPROVED.value:
            return True
        if self.post is not None and EditorState.from_post(self.post, self.zone).schedule:
            return True  # already going out: saving an edit does not ask again
        if self.ws.team.approval_required():
            from essplanner.ui.editor.discussion import confirm_waiting

            return confirm_waiting(self, self.form.state_combo.currentText())
        answer = messages.question(
            self, self.tr("Publish a post not approved?"),
            self.tr("This post is at the stage “%1”, not “Approved”. Publish it "
                    "automatically anyway?").replace("%1", self.form.state_combo.currentText()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    # ---- a post that went out
    def published_targets(self) -> list[domain.Target]:
        if self.post is None:
            return []
        return [t for t in self.post.targets if t.state is domain.DeliveryState.PUBLISHED]

    def _show_published(self) -> None:
        """Where the post went out, with links and metrics; its content is read-only."""
        f = self.form
        published = self.published_targets()
        f.published_box.setVisible(bool(published))
        f.edit_published_button.setVisible(bool(published))
        if not published:
            return
        metrics = self.ws.posts.latest_metrics(self.post.id) if self.post else {}
        heading = self.tr("Published")
        lines = [f"<b>{escape(heading)}</b>"]
        for t in published:
            account = next((a for a in self.accounts if a.id == t.account_id), None)
            platform = (shown_platform(account.platform, account.settings) if account
                        else t.platform)
            when = (fmt_datetime(t.published_at.astimezone(self.zone)) if t.published_at
                    else "")
            line = f"{escape(platform_label(platform))} · {escape(t.account_name)}"
            if when:
                line += " — " + escape(self.tr("on %1").replace("%1", when))
            if t.remote_url:
                open_text = self.tr("Open on the network")
                line += (f" — <a href='{escape(t.remote_url, quote=True)}'>"
                         f"{escape(open_text)}</a>")
            counts = sorted((label, value) for name, value in metrics.get(t.id, {}).items()
                            if (label := metric_label(name)) is not None)
            if counts:
                line += " — " + escape(", ".join(f"{n} {v:g}" for n, v in counts))
            lines.append(line)
        f.published_box.setText("<br>".join(lines))
        self._set_read_only(True)

    def _set_read_only(self, read_only: bool) -> None:
        f = self.form
        for line in (f.title_edit, f.link_edit, f.hashtags_edit, f.alt_edit):
            line.setReadOnly(read_only)
        f.body_edit.setReadOnly(read_only)
        for edit, _label in self.variant_edits.values():
            edit.setReadOnly(read_only)
        for widget in (f.cta_combo, f.media_view, f.add_media_button, f.remove_media_button,
                       f.media_up_button, f.media_down_button, f.sets_button, f.date_edit,
                       f.time_edit, f.accounts_view, f.schedule_check, f.language_combo):
            widget.setEnabled(not read_only)
        f.save_button.setEnabled(not read_only)

    def on_edit_published(self) -> None:
        """Changes to a post that is online: a new post made from it (no publisher here
        can change a post already on the network)."""
        names = ", ".join(t.account_name for t in self.published_targets())
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("The post is online"),
                          self.tr("“%1” is already online on %2. Changes made here would not "
                                  "reach the network.").replace(
                              "%1", self.post.display_title if self.post else "")
                          .replace("%2", names), parent=self)
        box.setInformativeText(self.tr("Make a new post from it, to edit and publish?"))
        duplicate = box.addButton(self.tr("Make a &new post"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        messages.ask(box)
        if box.clickedButton() is duplicate:
            self.on_duplicate()

    def links(self) -> list[tuple[str, str]]:
        """(account name, address) of each published target that has one."""
        return [(t.account_name, t.remote_url) for t in self.published_targets()
                if t.remote_url]

    def open_link(self, url: str) -> None:
        QDesktopServices.openUrl(QUrl(url))

    def _build_actions_menu(self) -> None:
        f = self.form
        menu = QMenu(f.actions_button)
        links = self.links()
        self.action_open_online = menu.addAction(self.tr("&Open on the network"))
        self.action_copy_link = menu.addAction(self.tr("&Copy link"))
        if len(links) > 1:
            for action, handler in ((self.action_open_online, self.open_link),
                                    (self.action_copy_link, copy_link)):
                sub = QMenu(menu)
                for name, url in links:
                    sub.addAction(name).triggered.connect(
                        lambda _c=False, u=url, h=handler: h(u))
                action.setMenu(sub)
        elif links:
            url = links[0][1]
            self.action_open_online.triggered.connect(lambda: self.open_link(url))
            self.action_copy_link.triggered.connect(lambda: copy_link(url))
        self.action_open_online.setEnabled(bool(links))
        self.action_copy_link.setEnabled(bool(links))
        self.action_duplicate = menu.addAction(self.tr("D&uplicate"))
        self.action_duplicate.triggered.connect(self.on_duplicate)
        self.action_publish_now = menu.addAction(self.tr("&Publish now"))
        self.action_publish_now.triggered.connect(self.on_publish_now)
        self.action_save_template = menu.addAction(self.tr("Save as &template…"))
        self.action_save_template.triggered.connect(self.on_save_as_template)
        unsent = self.post is not None and any(
            t.state in (domain.DeliveryState.DRAFT, domain.DeliveryState.SCHEDULED,
                        domain.DeliveryState.MISSED, domain.DeliveryState.FAILED)
            for t in self.post.targets)
        self.action_duplicate.setEnabled(self.post is not None)
        self.action_publish_now.setEnabled(unsent)
        f.actions_button.setMenu(menu)
        f.actions_button.setVisible(self.post is not None)

    def on_duplicate(self) -> None:
        if self.post is None:
            return
        try:
            copy = self.ws.posts.duplicate(self.post.id)
        except EssPlannerError as exc:
            self._show_message(str(exc))
            return
        self.duplicated.emit(copy)

    def show_reminder(self, text: str) -> None:
        """A reminder from the template the post started from (image rights...)."""
        self.reminder.setText("⚠ " + text)
        self.reminder.show()

    def _on_evergreen_changed(self) -> None:
        """An existing post (published ones too) is marked at once; a new one when saved."""
        if self.post is None:
            return
        refused = self.evergreen.apply(self.post.id)
        if refused:
            self._show_message(refused)
            self.evergreen.load(self.post.id)

    def on_save_as_template(self) -> None:
        if self.post is None:
            return
        if self.dirty:
            self._show_message(self.tr("Save your changes first: the template is made from "
                                       "the saved post."))
            return
        name = ask_template_name(self, self.post.display_title)
        if name is None:
            return
        try:
            template = self.ws.templates.save_from_post(self.post.id, name)
        except EssPlannerError as exc:
            self._show_message(str(exc))
            return
        self._show_message(saved_message(template))

    def on_publish_now(self) -> None:
        if self.post is None:
            return
        if self.dirty and not self.save():
            return
        try:
            self.post = self.ws.posts.publish_now(self.post.id)
        except EssPlannerError as exc:
            self._show_message(str(exc))
            return
        self.expected_version = self.post.version
        self._show_message(self.tr("The post goes out now."))

    def _show_message(self, text: str) -> None:
        self.form.message.setText(text)
        self.form.message.show()

    show_message = _show_message

    def report_conflict(self, message: str) -> None:
        """The post changed elsewhere: offer to reload it (the text goes to the clipboard)."""
        self._conflict(message)

    def take_stored(self, post: domain.Post) -> None:
        """The stored post changed without this editor's text changing (submitted,
        approved...): go on from its new version and stage, keeping what is typed."""
        self.post = post
        self.expected_version = post.version
        combo = self.form.state_combo
        self._loading = True
        try:
            combo.setCurrentIndex(max(0, combo.findData(post.editorial_state.value)))
        finally:
            self._loading = False

    # ---- someone else's edits
    def on_changed_elsewhere(self, change: domain.Change) -> None:
        """The post may have been saved elsewhere (a teammate, the command line): with
        nothing typed yet, show their version; else keep what is typed and say that saving
        will compare both."""
        if self.post is None or self.post.id not in change.posts:
            return
        # after the current event: this editor's own save announces its change before
        # it learns the new version
        QTimer.singleShot(0, self, self._check_elsewhere)

    def _check_elsewhere(self) -> None:
        if self.post is None:
            return
        try:
            stored = self.ws.posts.get(self.post.id)
        except EssPlannerError:
            self._show_message(self.tr("This post was deleted elsewhere. Your text is still "
                                       "here: save it to make it a new post."))
            return
        if stored.version == self.expected_version:
            return  # our own save, or a change that left the post as it was
        if not self.dirty:
            self.post = stored
            self.expected_version = stored.version
            self.apply_state(EditorState.from_post(stored, self.zone))
            self.refresh()
            self._show_message(self.tr("Someone else just changed this post: their version "
                                       "is shown."))
            return
        self._show_message(self.tr("Someone else just saved this post. Keep writing: when "
                                   "you save, you will see both versions and choose."))

    def _names(self) -> conflict.Names:
        return conflict.Names(accounts={a.id: a.name for a in self.ws.accounts.all()},
                              personas={p.id: p.name for p in self.personas},
                              objectives={o.id: o.name for o in self.objectives})

    def resolve_conflict(self, theirs: domain.Post, mine: EditorState) -> bool:
        """Someone saved ``theirs`` since this edit began: show both, field by field, and
        do what the person chooses; True when something was saved."""
        when = (fmt_datetime(theirs.updated_at.astimezone(self.zone))
                if theirs.updated_at is not None else "")
        dialog = conflict.ConflictDialog(
            conflict.differences(EditorState.from_post(theirs, self.zone), mine,
                                 names=self._names()), saved_at=when, parent=self)
        choice = conflict.ask(dialog)
        dialog.deleteLater()
        if choice is conflict.Choice.KEEP_MINE:
            self.post = theirs  # undo then gives their version back
            self.expected_version = theirs.version
            return self.save()
        if choice is conflict.Choice.TAKE_THEIRS:
            QGuiApplication.clipboard().setText(mine.body)
            self.post = theirs
            self.expected_version = theirs.version
            self.apply_state(EditorState.from_post(theirs, self.zone))
            self._forget_autosave()
            self.dirty = False
            self._update_title()
            self.refresh()
            self._show_message(self.tr("Their version is shown; your text is on the "
                                       "clipboard."))
            return False
        if choice is conflict.Choice.COPY_MINE:
            return self._copy_to_new_post(theirs, mine)
        return False

    def _copy_to_new_post(self, theirs: domain.Post, mine: EditorState) -> bool:
        """Leave their version alone; make mine a new post (a draft, not scheduled: two
        versions of one post must not both go out) and open it."""
        import dataclasses

        draft = mine.draft()
        draft = dataclasses.replace(draft, media=tuple(
            dataclasses.replace(m, media_id=None) for m in draft.media))
        local = mine.local_datetime()
        try:
            copy = self.ws.posts.create(
                draft, scheduled_at=localize(local, self.zone).utc if local else None,
                schedule=False)
        except EssPlannerError as exc:
            self._show_message(str(exc))
            return False
        self._forget_autosave()
        self.dirty = False
        self.post = theirs
        self.expected_version = theirs.version
        self.duplicated.emit(copy)
        self.accept()
        return True

    def _conflict(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Changed elsewhere"), message, parent=self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        reload_button = box.addButton(
            self.tr("&Reload the post"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(self.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setInformativeText(
            self.tr(
                "Reloading shows the other person's version; your text "
                "is copied to the clipboard first."
            )
        )
        messages.ask(box)
        if box.clickedButton() is reload_button:
            self.reload_post()

    def reload_post(self) -> None:
        """Show the stored version (the user's text goes to the clipboard)."""
        if self.post is None:
            return
        QGuiApplication.clipboard().setText(self.form.body_edit.toPlainText())
        try:
            self.post = self.ws.posts.get(self.post.id)
            self.expected_version = self.post.version
        except EssPlannerError as exc:
            self._show_message(str(exc))
            return
        self.apply_state(EditorState.from_post(self.post, self.zone))
        self._forget_autosave()
        self.dirty = False
        self._update_title()
        self.refresh()
        self._show_message(self.tr("The post was reloaded; your text is on the clipboard."))

    def _delete(self) -> None:
        if self.post is None:
            return
        post_id = self.post.id
        self._forget_autosave()
        self.dirty = False
        self.reject()
        self.delete_requested.emit(post_id)

    def reject(self) -> None:
        """Esc, Close and the window's close button: asks before losing changes."""
        if self.dirty:
            answer = messages.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Save the changes to this post before closing?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self.save()
                return  # save() closes the editor when it worked
            self._forget_autosave()
            self.dirty = False
        self._autosave_timer.stop()
        super().reject()
