"""The filter panel: which personas, objectives, networks, accounts and states to show."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from essplanner.domain import Account, Objective, Persona, PostStatus
from essplanner.services.calendar import shown_platform
from essplanner.ui.calendar.post_model import PostFilter
from essplanner.ui.check_model import CheckItem, CheckListModel
from essplanner.ui.labels import platform_label, status_label
from essplanner.ui.style import STATUS_COLOURS, objective_colour, platform_icon, state_icon


class _CheckList(QListView):
    """A short list of checkboxes that grows with its items up to a few rows."""

    def __init__(self, model: CheckListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        model.modelReset.connect(self.updateGeometry)

    def _height(self, most: int) -> int:
        rows = max(1, min(self.model().rowCount(), most))
        height = self.sizeHintForRow(0) if self.model().rowCount() else 18
        return rows * max(height, 18) + 2 * self.frameWidth() + 2

    def sizeHint(self) -> QSize:
        return QSize(180, self._height(7))

    def minimumSizeHint(self) -> QSize:
        # three rows (all of a shorter list) at least: on a low screen the panel scrolls
        # rather than squeezing every list to a row and a half
        return QSize(120, self._height(3))


class FilterPanel(QWidget):
    """Signals: ``filter_changed(PostFilter)``."""

    filter_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clearing = False
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search titles and texts"))
        self.search.setClearButtonEnabled(True)
        self.personas = CheckListModel(self)
        self.objectives = CheckListModel(self)
        self.platforms = CheckListModel(self)
        self.accounts = CheckListModel(self)
        self.states = CheckListModel(self)
        self.states.set_items([CheckItem(s, status_label(s), state_icon(STATUS_COLOURS[s]))
                               for s in PostStatus])
        self.clear_button = QPushButton(self.tr("Show everything"), self)
        self.clear_button.setEnabled(False)

        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        self.lists: dict[str, _CheckList] = {}
        for key, title, model in (
            ("personas", self.tr("Personas"), self.personas),
            ("objectives", self.tr("Objectives"), self.objectives),
            ("platforms", self.tr("Networks"), self.platforms),
            ("accounts", self.tr("Accounts"), self.accounts),
            ("states", self.tr("State"), self.states),
        ):
            label = QLabel(f"<b>{title}</b>", inner)
            view = _CheckList(model, inner)
            view.setAccessibleName(title)
            label.setBuddy(view)
            layout.addWidget(label)
            layout.addWidget(view)
            self.lists[key] = view
            model.checked_changed.connect(self._changed)
        layout.addWidget(self.clear_button)
        from essplanner.ui.calendar.marks import MarksToggles

        #: campaigns, events and awareness days shown or hidden (not a post filter)
        self.marks = MarksToggles(inner)
        calendar = self.tr("Calendar")
        layout.addWidget(QLabel(f"<b>{calendar}</b>", inner))
        layout.addWidget(self.marks)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self._changed)
        self.search.textChanged.connect(self._debounce.start)
        self.clear_button.clicked.connect(self.clear)

    def set_choices(self, personas: Sequence[Persona], objectives: Sequence[Objective],
                    accounts: Sequence[Account]) -> None:
        self.personas.set_items([CheckItem(p.id, p.name) for p in personas])
        self.objectives.set_items([CheckItem(o.id, o.name, state_icon(objective_colour(o.id)))
                                   for o in objectives])
        platforms = sorted({shown_platform(a.platform, a.settings) for a in accounts})
        self.platforms.set_items([CheckItem(p, platform_label(p), platform_icon(p))
                                  for p in platforms])
        self.accounts.set_items([
            CheckItem(a.id, a.name, platform_icon(shown_platform(a.platform, a.settings)))
            for a in accounts])

    def current(self) -> PostFilter:
        def ids(model: CheckListModel) -> frozenset[Hashable]:
            return frozenset(model.checked())

        return PostFilter(
            persona_ids=ids(self.personas),  # type: ignore[arg-type]
            objective_ids=ids(self.objectives),  # type: ignore[arg-type]
            account_ids=ids(self.accounts),  # type: ignore[arg-type]
            platforms=ids(self.platforms),  # type: ignore[arg-type]
            statuses=ids(self.states),  # type: ignore[arg-type]
            text=self.search.text(),
        )

    def clear(self) -> None:
        self._clearing = True
        try:
            for model in (self.personas, self.objectives, self.platforms, self.accounts,
                          self.states):
                model.set_checked(())
            self.search.clear()
            self._debounce.stop()
        finally:
            self._clearing = False
        self._changed()

    def _changed(self) -> None:
        if self._clearing:
            return
        current = self.current()
        self.clear_button.setEnabled(current.active)
        self.filter_changed.emit(current)
