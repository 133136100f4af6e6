"""The post editor's "Campaign" combo: none, or one of the workspace's campaigns. The
link is stored through the planning service when the post is saved."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from essplanner.errors import EssPlannerError
from essplanner.workspace import Workspace


class CampaignCombo(QComboBox):
    """Signals: ``changed()`` when the person chooses another campaign (not when loaded)."""

    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.setAccessibleName(self.tr("Campaign"))
        self.setToolTip(self.tr("The campaign this post belongs to (Tools › Events and "
                                "campaigns)"))
        self.stored: int | None = None
        self._loading = False
        self.currentIndexChanged.connect(self._on_changed)

    def load(self, post_id: int | None) -> None:
        """The campaigns, and the post's own chosen."""
        self._loading = True
        try:
            self.clear()
            self.addItem(self.tr("(no campaign)"), None)
            for campaign in self.ws.planning.campaigns():
                self.addItem(campaign.name, campaign.id)
            self.stored = self.ws.planning.campaign_of(post_id) if post_id is not None \
                else None
            index = self.findData(self.stored) if self.stored is not None else 0
            self.setCurrentIndex(max(0, index))
        finally:
            self._loading = False

    def chosen(self) -> int | None:
        value = self.currentData()
        return int(value) if value is not None else None

    def apply(self, post_id: int) -> str | None:
        """Store the chosen campaign for post ``post_id`` if it changed; the reason it
        was refused, if it was."""
        chosen = self.chosen()
        if chosen == self.stored:
            return None
        try:
            self.ws.planning.set_campaign([post_id], chosen)
        except EssPlannerError as exc:
            return str(exc)
        self.stored = chosen
        return None

    def _on_changed(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()
