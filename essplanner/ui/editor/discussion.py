"""The team's side of the editor: submit for review, approve or ask for changes (with a
comment), what changed since the approval, the comments thread with @mentions, and the
history of who did what to the post.

:class:`TeamSection` attaches all of it to a :class:`~essplanner.ui.editor.editor.PostEditor`:
a bar at the top (the review state and its buttons) and a "Discussion" tab beside the
preview. What a person may do follows their role (:meth:`TeamService.can`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from html import escape
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from essplanner import domain
from essplanner.domain import EditorialState, HistoryKind, TeamAction
from essplanner.errors import ConflictError, EssPlannerError
from essplanner.ui import messages
from essplanner.ui.labels import editorial_label, fmt_datetime
from essplanner.ui.team.mention import MentionEdit
from essplanner.ui.team.roles import refusal

if TYPE_CHECKING:
    from essplanner.ui.editor.editor import PostEditor
    from essplanner.workspace import Workspace

ModelIndex = QModelIndex | QPersistentModelIndex
#: the review's own steps, the latest of which the bar describes
REVIEW_KINDS = (HistoryKind.SUBMITTED, HistoryKind.APPROVED, HistoryKind.CHANGES_REQUESTED,
                HistoryKind.BACK_TO_REVIEW)


def history_label(kind: HistoryKind) -> str:
    """What someone did to a post, as the history says it ("Marie — submitted for review")."""
    labels = {
        HistoryKind.CREATED: QCoreApplication.translate("Discussion", "created the post"),
        HistoryKind.EDITED: QCoreApplication.translate("Discussion", "edited it"),
        HistoryKind.MOVED: QCoreApplication.translate("Discussion", "moved it"),
        HistoryKind.SUBMITTED: QCoreApplication.translate("Discussion",
                                                          "submitted it for review"),
        HistoryKind.APPROVED: QCoreApplication.translate("Discussion", "approved it"),
        HistoryKind.CHANGES_REQUESTED: QCoreApplication.translate("Discussion",
                                                                  "asked for changes"),
        HistoryKind.SCHEDULED: QCoreApplication.translate("Discussion", "scheduled it"),
        HistoryKind.UNSCHEDULED: QCoreApplication.translate("Discussion", "unscheduled it"),
        HistoryKind.BACK_TO_REVIEW: QCoreApplication.translate(
            "Discussion", "edited it after its approval: back to review"),
        HistoryKind.PUBLISHED: QCoreApplication.translate("Discussion", "published it"),
        HistoryKind.CANCELLED: QCoreApplication.translate("Discussion", "cancelled it"),
        HistoryKind.COMMENTED: QCoreApplication.translate("Discussion", "commented"),
    }
    return labels.get(kind, str(kind))


class HistoryModel(QAbstractListModel):
    """Who did what to the post, oldest first, one sentence each:
    "03/12/2026 09:30 — Léa Moreau submitted it for review: …"."""

    def __init__(self, zone: ZoneInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.entries: list[domain.HistoryEntry] = []

    def set_entries(self, entries: Sequence[domain.HistoryEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def sentence(self, entry: domain.HistoryEntry) -> str:
        who = entry.actor_name or self.tr("ESS Planner")  # no one: the publishing service
        what = history_label(entry.kind)
        if entry.detail:
            what = self.tr("%1: %2").replace("%1", what).replace("%2", entry.detail)
        when = fmt_datetime(entry.at.astimezone(self.zone))
        return f"{when} — {who} {what}"

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.sentence(self.entries[index.row()])
        return None

    def lines(self) -> list[str]:
        """Each entry as the list shows it (for tests and screen readers)."""
        return [self.sentence(entry) for entry in self.entries]


def comments_html(comments: Sequence[domain.Comment], names: Sequence[str],
                  zone: ZoneInfo) -> str:
    """The thread as rich text: author and date, then the text with its @mentions marked.
    Everything typed is escaped: a comment is plain text."""
    parts = []
    ordered = sorted(names, key=len, reverse=True)  # "@Marie Dupont" before "@Marie"
    for comment in comments:
        body = escape(comment.body)
        for name in ordered:
            mention = escape(f"@{name}")
            body = body.replace(mention, f"\x00{mention}\x01")
        body = (body.replace("\x00", "<span style='color:#1565c0; font-weight:600'>")
                .replace("\x01", "</span>").replace("\n", "<br>"))
        when = fmt_datetime(comment.at.astimezone(zone)) if comment.at else ""
        parts.append(f"<p style='margin-bottom:8px'><b>{escape(comment.author_name)}</b> "
                     f"<span style='color:#666'>{escape(when)}</span><br>{body}</p>")
    return "".join(parts)


class CommentDialog(QDialog):
    """A comment for a review step (approve, ask for changes, submit)."""

    def __init__(self, parent: QWidget | None, *, title: str, prompt: str, action: str,
                 required: bool, names: Sequence[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.required = required
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        self.edit = MentionEdit(names, self)
        self.edit.setPlaceholderText(
            self.tr("What should change, and why (type @ to name a teammate)") if required
            else self.tr("A comment for the team (optional; type @ to name a teammate)"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._update)
        self._update()
        self.resize(480, 260)

    def _update(self) -> None:
        self.ok.setEnabled(not self.required or bool(self.text()))

    def text(self) -> str:
        return self.edit.toPlainText().strip()


def ask_comment(parent: QWidget | None, *, title: str, prompt: str, action: str,
                required: bool, names: Sequence[str]) -> str | None:
    """The comment typed, or None if the person cancelled (tests replace this function)."""
    dialog = CommentDialog(parent, title=title, prompt=prompt, action=action,
                           required=required, names=names)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.text()


def _words(text: str) -> list[str]:
    return re.findall(r"\s+|[^\s]+", text)


def inline_diff(before: str, after: str) -> str:
    """``before`` turned into ``after`` word by word, as rich text: removed words struck
    through in red, added ones in green, the rest as it is."""
    old, new = _words(before), _words(after)
    parts = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape("".join(old[i1:i2])))
            continue
        if i2 > i1:
            parts.append("<span style='color:#b71c1c; text-decoration:line-through'>"
                         f"{escape(''.join(old[i1:i2]))}</span>")
        if j2 > j1:
            parts.append("<span style='color:#1b5e20; background:#e8f5e9'>"
                         f"{escape(''.join(new[j1:j2]))}</span>")
    return "".join(parts).replace("\n", "<br>")


def diff_html(diff: domain.ApprovalDiff) -> str:
    """What changed since the approval, field by field, the changes marked in the text."""
    heading = (QCoreApplication.translate("Discussion", "Changed since %1 approved it:")
               .replace("%1", diff.approved_by) if diff.approved_by else
               QCoreApplication.translate("Discussion", "Changed since it was approved:"))
    rows = "".join(
        f"<tr><td style='padding-right:8px'><b>{escape(label)}</b></td>"
        f"<td>{inline_diff(before, after) or '—'}</td></tr>"
        for label, before, after in diff.changes)
    return f"<b>{escape(heading)}</b><table>{rows}</table>"


class ReviewBar(QFrame):
    """Where the post stands in the review, and the buttons of the next step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewBar")
        self.setStyleSheet("#reviewBar { background: #eef3fb; border: 1px solid #c5d5ee; }")
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.submit_button = QPushButton(self.tr("Su&bmit for review…"), self)
        self.approve_button = QPushButton(self.tr("A&pprove…"), self)
        self.changes_button = QPushButton(self.tr("Request chan&ges…"), self)
        self.diff = QLabel(self)
        self.diff.setObjectName("approvalDiff")
        self.diff.setWordWrap(True)
        self.diff.setTextFormat(Qt.TextFormat.RichText)
        self.diff.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.diff.hide()
        row = QHBoxLayout()
        row.addWidget(self.state, 1)
        for button in (self.submit_button, self.changes_button, self.approve_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addLayout(row)
        layout.addWidget(self.diff)


class DiscussionPanel(QWidget):
    """The comments thread with its field, and the history under it. Signals:
    ``comment_requested(str)``."""

    comment_requested = Signal(str)

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.comments_view = QTextBrowser(self)
        self.comments_view.setOpenLinks(False)
        self.comments_view.setAccessibleName(self.tr("Comments"))
        self.comments_view.setPlaceholderText(self.tr("No comment yet."))
        self.edit = MentionEdit(parent=self)
        self.edit.setPlaceholderText(self.tr("Write a comment; @ names a teammate"))
        self.edit.setMaximumHeight(58)
        self.send_button = QPushButton(self.tr("Co&mment"), self)
        self.send_button.setToolTip(self.tr("Ctrl+Enter"))
        self.history = HistoryModel(zone, self)
        self.history_view = QListView(self)
        self.history_view.setModel(self.history)
        self.history_view.setAccessibleName(self.tr("History"))
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.setWordWrap(True)
        self.history_view.setUniformItemSizes(False)
        self.history_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.history_view.setSpacing(1)

        comments = QWidget(self)
        box = QVBoxLayout(comments)
        box.setContentsMargins(0, 0, 0, 0)
        heading = self.tr("Comments")
        box.addWidget(QLabel(f"<b>{escape(heading)}</b>", comments))
        box.addWidget(self.comments_view, 1)
        send = QHBoxLayout()
        send.addWidget(self.edit, 1)
        send.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        box.addLayout(send)
        history = QWidget(self)
        box = QVBoxLayout(history)
        box.setContentsMargins(0, 0, 0, 0)
        heading = self.tr("History")
        box.addWidget(QLabel(f"<b>{escape(heading)}</b>", history))
        box.addWidget(self.history_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(comments)
        splitter.addWidget(history)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.send_button.clicked.connect(self._send)
        self.edit.send_requested.connect(self._send)

    def _send(self) -> None:
        text = self.edit.toPlainText().strip()
        if text:
            self.comment_requested.emit(text)

    def show_comments(self, comments: Sequence[domain.Comment], names: Sequence[str]) -> None:
        self.comments_view.setHtml(comments_html(comments, names, self.zone))
        # the newest at the bottom, in view (once the text is laid out)
        QTimer.singleShot(0, self, self.scroll_to_newest)

    def scroll_to_newest(self) -> None:
        bar = self.comments_view.verticalScrollBar()
        bar.setValue(bar.maximum())
        self.history_view.scrollToBottom()


class TeamSection(QObject):
    """The review bar and the discussion tab of one editor, kept to the person's role."""

    def __init__(self, editor: PostEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.ws: Workspace = editor.ws
        team = self.ws.team
        self.may_submit = team.can(TeamAction.SUBMIT)
        self.approve_refused = refusal(self.ws, TeamAction.APPROVE)
        self.may_approve = not self.approve_refused
        self.bar = ReviewBar(editor)
        self.panel = DiscussionPanel(editor.zone, editor)
        self.members = [m.name for m in team.members() if m.active]
        # alone on a laptop, with no rule asking for approval, nobody reviews: no bar
        self.reviewing = len(self.members) > 1 or team.approval_required()
        self.panel.edit.set_names(self.members)
        form = editor.form
        self.tab = form.side_tabs.addTab(self.panel, self.tr("Discussion"))
        # only an approver sets the stage "approved" by hand
        model = form.state_combo.model()
        index = form.state_combo.findData(EditorialState.APPROVED.value)
        if isinstance(model, QStandardItemModel) and index >= 0 and not self.may_approve:
            item = model.item(index)
            if item is not None:
                item.setEnabled(False)
                item.setToolTip(self.tr("Only an approver approves a post."))
        schedule_refused = refusal(self.ws, TeamAction.SCHEDULE)
        if schedule_refused:  # a contributor writes; an approver schedules
            for widget in (form.schedule_check, form.queue_button):
                widget.setEnabled(False)
                widget.setToolTip(schedule_refused)
            editor.action_publish_now.setEnabled(False)
        self.bar.submit_button.clicked.connect(self.submit)
        self.bar.approve_button.clicked.connect(self.approve)
        self.bar.changes_button.clicked.connect(self.request_changes)
        self.panel.comment_requested.connect(self.comment)
        self.reload()

    # ---- what is shown
    @property
    def post(self) -> domain.Post | None:
        return self.editor.post

    def reload(self) -> None:
        """Read the post's comments, history and review state again."""
        post = self.post
        self.bar.setVisible(post is not None and (
            self.reviewing or post.editorial_state is EditorialState.IN_REVIEW))
        self.panel.setEnabled(post is not None)
        if post is None:
            self.panel.comments_view.setPlaceholderText(self.tr(
                "Save the post to discuss it with the team."))
            self._set_tab_title(0)
            return
        comments = self.ws.reviews.comments(post.id)
        history = self.ws.reviews.history(post.id)
        self.panel.show_comments(comments, self.members)
        self.panel.history.set_entries(history)
        self._set_tab_title(len(comments))
        self._show_state(post, history)

    def _set_tab_title(self, count: int) -> None:
        title = self.tr("Discussion (%1)").replace("%1", str(count)) if count else \
            self.tr("Discussion")
        self.editor.form.side_tabs.setTabText(self.tab, title)

    def _show_state(self, post: domain.Post, history: Sequence[domain.HistoryEntry]) -> None:
        bar = self.bar
        state = EditorialState(post.editorial_state)
        last = next((e for e in reversed(history) if e.kind in REVIEW_KINDS), None)
        if state is EditorialState.IN_REVIEW and last is not None and \
                last.kind is HistoryKind.BACK_TO_REVIEW:
            text = (self.tr("Back in review: edited by %1 on %2 after its approval.")
                    .replace("%1", last.actor_name)
                    .replace("%2", fmt_datetime(last.at.astimezone(self.editor.zone))))
        elif state is EditorialState.IN_REVIEW:
            text = (self.tr("In review: submitted by %1 on %2.").replace("%1", last.actor_name)
                    .replace("%2", fmt_datetime(last.at.astimezone(self.editor.zone)))
                    if last is not None and last.kind is HistoryKind.SUBMITTED
                    else self.tr("In review."))
        elif state is EditorialState.APPROVED:
            text = (self.tr("Approved by %1 on %2.").replace("%1", last.actor_name)
                    .replace("%2", fmt_datetime(last.at.astimezone(self.editor.zone)))
                    if last is not None and last.kind is HistoryKind.APPROVED
                    else self.tr("Approved."))
        elif last is not None and last.kind is HistoryKind.CHANGES_REQUESTED:
            text = self.tr("%1 asked for changes: %2").replace("%1", last.actor_name).replace(
                "%2", last.detail or "")
        else:
            text = self.tr("Stage: %1. Submit it when it is ready for an approver.").replace(
                "%1", editorial_label(state))
        if self.ws.team.approval_required():
            text += " " + self.tr("(The team's rule: a post goes out only once approved.)")
        bar.state.setText(text)
        in_review = state is EditorialState.IN_REVIEW
        bar.submit_button.setVisible(not in_review and state is not EditorialState.APPROVED)
        bar.submit_button.setEnabled(self.may_submit)
        for button in (bar.approve_button, bar.changes_button):
            button.setVisible(in_review)
            button.setEnabled(self.may_approve)
            button.setToolTip(self.approve_refused)
        diff = self.ws.reviews.diff_since_approval(post.id) if in_review else None
        if diff is not None and diff.changes:
            bar.diff.setText(diff_html(diff))
            bar.diff.show()
        else:
            bar.diff.hide()

    # ---- the review's steps
    def _ready(self) -> domain.Post | None:
        """The saved post to act on; None (and a message) while changes are unsaved."""
        if self.post is None:
            return None
        if self.editor.dirty:
            self.editor.show_message(self.tr(
                "Save your changes first: the review is of the saved post."))
            return None
        return self.post

    def _ask(self, *, title: str, prompt: str, action: str, required: bool) -> str | None:
        return ask_comment(self.editor, title=title, prompt=prompt, action=action,
                           required=required, names=self.members)

    def submit(self) -> bool:
        post = self._ready()
        if post is None:
            return False
        comment = self._ask(
            title=self.tr("Submit for review"),
            prompt=self.tr("“%1” goes to the approvers' review list.").replace(
                "%1", post.display_title),
            action=self.tr("&Submit"), required=False)
        if comment is None:
            return False
        return self._act(lambda v: self.ws.reviews.submit(post.id, comment, expected_version=v))

    def approve(self) -> bool:
        post = self._ready()
        if post is None:
            return False
        comment = self._ask(
            title=self.tr("Approve"),
            prompt=self.tr("Approve “%1”: it can then go out at its time.").replace(
                "%1", post.display_title),
            action=self.tr("&Approve"), required=False)
        if comment is None:
            return False
        return self._act(lambda v: self.ws.reviews.approve(post.id, comment, expected_version=v))

    def request_changes(self) -> bool:
        post = self._ready()
        if post is None:
            return False
        comment = self._ask(
            title=self.tr("Request changes"),
            prompt=self.tr("Say what should change in “%1”; its author sees it in the "
                           "discussion.").replace("%1", post.display_title),
            action=self.tr("&Request changes"), required=True)
        if not comment:
            return False
        return self._act(lambda v: self.ws.reviews.request_changes(
            post.id, comment, expected_version=v))

    def comment(self, text: str) -> bool:
        if self.post is None:
            return False
        try:
            self.ws.reviews.add_comment(self.post.id, text)
        except EssPlannerError as exc:
            self.editor.show_message(str(exc))
            return False
        self.panel.edit.clear()
        self.reload()
        return True

    def _act(self, step: Callable[[int | None], domain.Post]) -> bool:
        """Run a review step on the version this editor shows (a post changed elsewhere
        meanwhile is a conflict, not an approval of something unseen)."""
        try:
            stored = step(self.editor.expected_version)
        except ConflictError as exc:
            self.editor.report_conflict(str(exc))
            return False
        except EssPlannerError as exc:
            self.editor.show_message(str(exc))
            return False
        self.editor.take_stored(stored)
        self.reload()
        return True


def confirm_waiting(editor: PostEditor, stage: str) -> bool:
    """With the team's rule on, scheduling a post not approved says it will wait."""
    box = QMessageBox(QMessageBox.Icon.Question,
                      QCoreApplication.translate("Discussion", "The post needs approval"),
                      QCoreApplication.translate(
                          "Discussion", "The team's rule: a post goes out only once an "
                          "approver has approved it. This one is at the stage “%1”.")
                      .replace("%1", stage), parent=editor)
    box.setInformativeText(QCoreApplication.translate(
        "Discussion", "Schedule it anyway? It waits for the approval, and goes out at its "
        "time only if it is approved by then."))
    schedule = box.addButton(QCoreApplication.translate("Discussion", "&Schedule, waiting "
                                                        "for approval"),
                             QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    messages.ask(box)
    return box.clickedButton() is schedule
