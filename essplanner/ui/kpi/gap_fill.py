"""Below the coverage's gaps: what could fill the selected one — evergreen posts available
then, templates that speak to its persona or serve its objective — and a button that
creates the post (a dated draft inside the gap, opened for editing)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from essplanner import APP_DISPLAY_NAME
from essplanner.errors import EssPlannerError, ValidationError
from essplanner.i18n import language
from essplanner.kpi.coverage import Gap
from essplanner.kpi.fill import Proposal, ProposalKind, proposals
from essplanner.kpi.periods import utc_bounds
from essplanner.services.templates import draft_from, suggest
from essplanner.timeutil import localize
from essplanner.ui import messages
from essplanner.ui.labels import fmt_datetime
from essplanner.ui.plain import plain, plain_label
from essplanner.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex

PROPOSAL_ROLE = Qt.ItemDataRole.UserRole + 1
# the local time a post made from a template is dated at, on the gap's first free day
TEMPLATE_HOUR = time(10, 0)


class ProposalModel(QAbstractListModel):
    """The proposals for one gap, evergreen posts first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.proposals: list[Proposal] = []
        self.zone: Any = None

    def set_proposals(self, found: Sequence[Proposal], zone: Any) -> None:
        self.beginResetModel()
        self.proposals = list(found)
        self.zone = zone
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.proposals)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.proposals):
            return None
        proposal = self.proposals[index.row()]
        if role == PROPOSAL_ROLE:
            return proposal
        if role == Qt.ItemDataRole.DisplayRole:
            if proposal.kind is ProposalKind.EVERGREEN and proposal.when is not None:
                return self.tr("♻ Reuse “%1” (from %2)").replace("%1", proposal.name).replace(
                    "%2", fmt_datetime(proposal.when.astimezone(self.zone)))
            return self.tr("✎ New post from the template “%1”").replace("%1", proposal.name)
        if role == Qt.ItemDataRole.ToolTipRole and proposal.template is not None:
            return plain(proposal.template.description) or None
        return None


class GapFillPanel(QWidget):
    """Proposals for the selected gap. Signals: ``post_created(object)``: the new post."""

    post_created = Signal(object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.gap: Gap | None = None
        self.model = ProposalModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Ways to fill the gap"))
        self.heading = plain_label(QLabel(self))
        self.heading.setWordWrap(True)
        self.create_button = QPushButton(self.tr("&Create the post"), self)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.create_button.clicked.connect(self.on_create)
        self.view.doubleClicked.connect(lambda _index: self.on_create())
        self.view.selectionModel().currentChanged.connect(self._enable)
        self.set_gap(None)

    def set_gap(self, gap: Gap | None) -> None:
        self.gap = gap
        zone = self.ws.kpis.zone
        found: list[Proposal] = []
        if gap is None:
            self.heading.setText(self.tr("Select a gap to see what could fill it."))
        elif gap.end <= self.ws.kpis.today():
            self.heading.setText(self.tr("This gap is over."))
        else:
            start, end = utc_bounds(gap.start, gap.end, zone)
            found = proposals(gap, personas=self.ws.personas.all(),
                              objectives=self.ws.objectives.all(),
                              available=self.ws.evergreen.available(start, end),
                              templates=self.ws.templates.all(language()))
            self.heading.setText(
                self.tr("To fill it: evergreen posts available then, and templates.") if found
                else self.tr("No evergreen post nor template fits this gap."))
        self.model.set_proposals(found, zone)
        if found:
            self.view.setCurrentIndex(self.model.index(0, 0))
        self._enable()

    def current(self) -> Proposal | None:
        index = self.view.currentIndex()
        value = index.data(PROPOSAL_ROLE) if index.isValid() else None
        return value if isinstance(value, Proposal) else None

    def _enable(self, *_args: object) -> None:
        self.create_button.setEnabled(self.current() is not None)

    def template_time(self, gap: Gap) -> datetime | None:
        """The first day of ``gap`` from today on whose 10:00 is still to come."""
        zone = self.ws.kpis.zone
        now = self.ws.clock.now()
        day: date = max(gap.start, self.ws.kpis.today())
        while day < gap.end:
            try:
                when = localize(datetime.combine(day, TEMPLATE_HOUR), zone).utc
            except ValidationError:
                when = None
            if when is not None and when > now:
                return when
            day += timedelta(days=1)
        return None

    def on_create(self) -> None:
        proposal = self.current()
        if proposal is None:
            return
        try:
            post = self.make_post(proposal)
        except EssPlannerError as exc:
            messages.warning(self, APP_DISPLAY_NAME, plain(str(exc)))
            return
        self.set_gap(self.gap)
        self.post_created.emit(post)

    def make_post(self, proposal: Proposal) -> Any:
        """The post ``proposal`` makes: a dated draft inside the gap."""
        if proposal.kind is ProposalKind.EVERGREEN:
            assert proposal.post_id is not None and proposal.when is not None
            return self.ws.evergreen.reuse(proposal.post_id, proposal.when, schedule=False)
        assert proposal.template is not None
        when = self.template_time(proposal.gap)
        if when is None:
            raise ValidationError(self.tr("This gap is over."))
        template = proposal.template
        draft = draft_from(template, suggest(
            template, personas=self.ws.personas.all(), objectives=self.ws.objectives.all(),
            accounts=self.ws.accounts.all()), persona_ids=proposal.persona_ids,
            objective_ids=proposal.objective_ids)
        return self.ws.posts.create(draft, scheduled_at=when)
