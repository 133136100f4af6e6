"""The template picker: "New post from template…", with a preview of each template.

The list holds the guide's templates, then those the association saved; the preview shows
what a template is for, its reminder (the image-rights one for a testimony), its skeleton
text, and what it suggests — personas, objectives and networks — marking those the
workspace has.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from essplanner import APP_DISPLAY_NAME
from essplanner.domain import Account, Objective, Persona
from essplanner.errors import EssPlannerError
from essplanner.i18n import language
from essplanner.services.templates import PostTemplate, suggest
from essplanner.ui import messages
from essplanner.ui.labels import objective_kind_label, platform_label, segment_label
from essplanner.ui.plain import plain
from essplanner.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex

#: the role holding a row's :class:`PostTemplate`
TEMPLATE_ROLE = Qt.ItemDataRole.UserRole + 1


class TemplateListModel(QAbstractListModel):
    """Templates by name; the guide's first, then the saved ones (marked)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.templates: list[PostTemplate] = []

    def set_templates(self, templates: Sequence[PostTemplate]) -> None:
        self.beginResetModel()
        self.templates = list(templates)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.templates)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.templates):
            return None
        template = self.templates[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if template.from_guide:
                return template.name
            return self.tr("%1 (yours)").replace("%1", template.name)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain(template.description) if template.description else None
        if role == TEMPLATE_ROLE:
            return template
        return None


def preview_html(template: PostTemplate, *, personas: Sequence[Persona],
                 objectives: Sequence[Objective], accounts: Sequence[Account]) -> str:
    """What the preview shows of ``template`` (everything taken from it escaped)."""
    suggestion = suggest(template, personas=personas, objectives=objectives, accounts=accounts)
    mine = {p.id: p.name for p in personas}
    aims = {o.id: o.name for o in objectives}
    parts = [f"<h2>{html.escape(template.name)}</h2>"]
    if template.description:
        parts.append(f"<p><i>{html.escape(template.description)}</i></p>")
    if template.reminder:
        parts.append('<table width="100%" cellpadding="6" style="background:#fff4d6">'
                     f"<tr><td>⚠ {html.escape(template.reminder)}</td></tr></table>")
    if template.title:
        parts.append(f"<p><b>{html.escape(template.title)}</b></p>")
    body = html.escape(template.body).replace("\n", "<br>")
    parts.append('<table width="100%" cellpadding="8" style="background:#f5f5f5">'
                 f"<tr><td>{body}</td></tr></table>")
    rows = []
    if template.call_to_action:
        rows.append((QCoreApplication.translate("TemplatePicker", "Call to action"), html.escape(template.call_to_action)))
    if template.hashtags:
        rows.append((QCoreApplication.translate("TemplatePicker", "Hashtags"), html.escape(" ".join(f"#{h}" for h in template.hashtags))))
    suggested = [html.escape(n) for n in template.personas]
    suggested += [html.escape(segment_label(s)) for s in template.segments]
    rows.append((QCoreApplication.translate("TemplatePicker", "Speaks to"), ", ".join(suggested) or "—"))
    none = QCoreApplication.translate("TemplatePicker", "none of yours yet")
    found = [html.escape(mine[i]) for i in suggestion.persona_ids]
    rows.append((QCoreApplication.translate("TemplatePicker", "Your personas"),
                 ", ".join(found) or none))
    kinds = [html.escape(objective_kind_label(k)) for k in template.objective_kinds]
    kinds += [html.escape(n) for n in template.objectives]
    rows.append((QCoreApplication.translate("TemplatePicker", "Objectives"), ", ".join(kinds) or "—"))
    found = [html.escape(aims[i]) for i in suggestion.objective_ids]
    rows.append((QCoreApplication.translate("TemplatePicker", "Your objectives"),
                 ", ".join(found) or none))
    rows.append((QCoreApplication.translate("TemplatePicker", "Networks"),
                 ", ".join(html.escape(platform_label(n)) for n in template.networks) or "—"))
    parts.append("<table cellpadding='2'>" + "".join(
        f"<tr><td><b>{label}</b></td><td>{value}</td></tr>" for label, value in rows)
        + "</table>")
    return "".join(parts)


class TemplatePicker(QDialog):
    """Choose a template to start a post from; ``chosen()`` after ``exec()``."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.setWindowTitle(self.tr("New post from template"))
        self.resize(900, 600)
        self.personas = workspace.personas.all()
        self.objectives = workspace.objectives.all()
        self.accounts = workspace.accounts.all()
        self.model = TemplateListModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Templates"))
        self.preview = QTextBrowser(self)
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName(self.tr("Preview"))
        splitter = QSplitter(self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Create the post"))
        self.delete_button = QPushButton(self.tr("&Delete this template"), self)
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.delete_button.clicked.connect(self.on_delete)
        self.view.selectionModel().currentChanged.connect(self.on_current_changed)
        self.view.doubleClicked.connect(lambda _index: self.accept())
        self.reload()

    def reload(self) -> None:
        self.model.set_templates(self.ws.templates.all(language()))
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
        self.on_current_changed()

    def chosen(self) -> PostTemplate | None:
        index = self.view.currentIndex()
        value = index.data(TEMPLATE_ROLE) if index.isValid() else None
        return value if isinstance(value, PostTemplate) else None

    def select(self, name: str) -> None:
        for row, template in enumerate(self.model.templates):
            if name in (template.key, template.name):
                self.view.setCurrentIndex(self.model.index(row, 0))
                return

    def on_current_changed(self, *_args: object) -> None:
        template = self.chosen()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(template is not None)
        self.delete_button.setEnabled(template is not None and not template.from_guide)
        self.preview.setHtml("" if template is None else preview_html(
            template, personas=self.personas, objectives=self.objectives,
            accounts=self.accounts))

    def on_delete(self) -> None:
        template = self.chosen()
        if template is None or template.id is None:
            return
        answer = messages.question(
            self, APP_DISPLAY_NAME,
            plain(self.tr("Delete the template “%1”?").replace("%1", template.name)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.ws.templates.delete(template.id)
        except EssPlannerError as exc:
            messages.warning(self, APP_DISPLAY_NAME, plain(str(exc)))
        self.reload()
