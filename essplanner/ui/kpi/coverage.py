"""The coverage view: personas, audience segments and objectives against the weeks of a
month, with the gaps highlighted and said in plain words, and the channel fit."""

from __future__ import annotations

import enum
from datetime import timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListView,
    QMainWindow,
    QSpinBox,
    QSplitter,
    QStyle,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from essplanner.domain import Change, Period
from essplanner.kpi.coverage import Coverage, Gap, GapKind, RowKind, free_slots_text
from essplanner.kpi.periods import (
    DateRange,
    label,
    next_start,
    period_of,
    period_start,
    week_label,
    week_short,
)
from essplanner.ui.bridge import Bridge
from essplanner.ui.kpi.gap_fill import GapFillPanel
from essplanner.ui.plain import plain
from essplanner.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex

GAP = QColor("#fde0dc")
EMPTY = QColor("#f5f5f5")
COVERED = QColor("#e3f2e1")
SECTION = {RowKind.PERSONA: "", RowKind.SEGMENT: "◆ ", RowKind.OBJECTIVE: "◎ "}


#: the role of a gap row holding its :class:`Gap` (None for a channel misfit)
GAP_ROLE = Qt.ItemDataRole.UserRole + 10


class Role(enum.IntEnum):
    PLANNED = Qt.ItemDataRole.UserRole + 1
    PUBLISHED = Qt.ItemDataRole.UserRole + 2
    IN_GAP = Qt.ItemDataRole.UserRole + 3
    POST_IDS = Qt.ItemDataRole.UserRole + 4
    ROW_KIND = Qt.ItemDataRole.UserRole + 5


class CoverageModel(QAbstractTableModel):
    """Rows: personas, segments, objectives; columns: weeks, then the total.

    A cell shows "planned (published)"; gap cells are highlighted.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.coverage: Coverage | None = None
        self.titles: dict[int, str] = {}

    def set_coverage(self, coverage: Coverage, titles: dict[int, str]) -> None:
        self.beginResetModel()
        self.coverage = coverage
        self.titles = titles
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or self.coverage is None:
            return 0
        return len(self.coverage.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.coverage is None:
            return 0
        return len(self.coverage.weeks) + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.coverage is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < self.columnCount():
                return None
            total = section == len(self.coverage.weeks)
            free = self.free(section)
            if role == Qt.ItemDataRole.DisplayRole:
                if total:
                    return self.tr("Total")
                short = week_short(self.coverage.weeks[section])
                return f"{short}\n{free_slots_text(free)}" if free else short
            if role == Qt.ItemDataRole.ToolTipRole and not total:
                week = self.coverage.weeks[section]
                tip = self.tr("Week of %1").replace("%1", week_label(week))
                return f"{tip}\n{free_slots_text(free)}" if free else tip
            return None
        if not 0 <= section < len(self.coverage.rows):
            return None
        row = self.coverage.rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return SECTION[row.kind] + row.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return {RowKind.PERSONA: self.tr("Persona"), RowKind.SEGMENT: self.tr(
                "Audience segment"), RowKind.OBJECTIVE: self.tr("Objective")}[row.kind]
        if role == Qt.ItemDataRole.FontRole and row.kind is not RowKind.PERSONA:
            font = QFont()
            font.setItalic(row.kind is RowKind.SEGMENT)
            font.setBold(row.kind is RowKind.OBJECTIVE)
            return font
        return None

    def free(self, column: int) -> int:
        """The posting slots still free in week ``column`` (0 if not counted)."""
        slots = self.coverage.free_slots if self.coverage is not None else ()
        return slots[column] if 0 <= column < len(slots) else 0

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.coverage is None or not index.isValid() \
                or not 0 <= index.row() < len(self.coverage.rows) \
                or not 0 <= index.column() < self.columnCount():
            return None
        row = self.coverage.rows[index.row()]
        total = index.column() == len(self.coverage.weeks)
        planned = row.planned if total else row.cells[index.column()].planned
        published = row.published if total else row.cells[index.column()].published
        ids = tuple(i for c in row.cells for i in c.post_ids) if total \
            else row.cells[index.column()].post_ids
        in_gap = not total and index.column() in row.gap_weeks
        if role == Qt.ItemDataRole.DisplayRole:
            if not planned:
                return "·"
            return f"{planned} ({published})" if published != planned else str(planned)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if total:
                return None
            return QBrush(GAP if in_gap else COVERED if planned else EMPTY)
        if role == Qt.ItemDataRole.ToolTipRole:
            if not ids:
                said = self.tr("Nothing planned this week.") if not in_gap else self.tr(
                    "Nothing planned: part of a gap.")
                free = 0 if total else self.free(index.column())
                return f"{said} {free_slots_text(free)}." if free else said
            return plain("\n".join(f"• {self.titles.get(i, '#' + str(i))}" for i in ids))
        if role == Role.PLANNED:
            return planned
        if role == Role.PUBLISHED:
            return published
        if role == Role.IN_GAP:
            return in_gap
        if role == Role.POST_IDS:
            return list(ids)
        if role == Role.ROW_KIND:
            return row.kind.value
        return None


class GapListModel(QAbstractListModel):
    """The gaps and channel misfits, in plain sentences."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, str]] = []  # (kind, message)
        self._gaps: list[Gap] = []  # the first rows' gaps (the misfits follow)

    def set_coverage(self, coverage: Coverage) -> None:
        self.beginResetModel()
        self._items = [(g.kind.value, g.message) for g in coverage.gaps]
        self._items += [("channel", m.message) for m in coverage.misfits]
        self._gaps = list(coverage.gaps)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        kind, message = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return message
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain(message)
        if role == Qt.ItemDataRole.DecorationRole:
            from PySide6.QtWidgets import QApplication

            style = QApplication.style()
            icon = QStyle.StandardPixmap.SP_MessageBoxInformation \
                if kind == GapKind.SEGMENT_WITHOUT_PERSONA.value \
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            return style.standardIcon(icon)
        if role == Qt.ItemDataRole.UserRole:
            return kind
        if role == GAP_ROLE:
            return self._gaps[index.row()] if index.row() < len(self._gaps) else None
        return None


class CoverageWindow(QMainWindow):
    """Coverage of a month. Signals: ``post_activated(int)`` (a post of a cell),
    ``post_created(object)`` (a post made to fill a gap)."""

    post_activated = Signal(int)
    post_created = Signal(object)

    def __init__(self, workspace: Workspace, bridge: Bridge,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.bridge = bridge
        self.span: DateRange = period_of(workspace.kpis.today(), Period.MONTH)
        self.setWindowTitle(self.tr("Coverage by persona and objective"))
        self.resize(1100, 700)
        self.model = CoverageModel(self)
        self.gaps = GapListModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.gap_view = QListView(self)
        self.gap_view.setModel(self.gaps)
        self.gap_view.setWordWrap(True)
        self.gap_view.setAlternatingRowColors(True)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        legend = QLabel(self.tr("Each cell: posts planned that week (published ones in "
                                "brackets when not all are). Red: a gap."), self)
        legend.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        box = QWidget(splitter)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        heading = self.tr("Gaps and channel fit")
        box_layout.addWidget(QLabel(f"<b>{heading}</b>", box))
        gaps_row = QSplitter(Qt.Orientation.Horizontal, box)
        gaps_row.addWidget(self.gap_view)
        self.fill = GapFillPanel(workspace, gaps_row)
        gaps_row.addWidget(self.fill)
        box_layout.addWidget(gaps_row)
        splitter.addWidget(box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.title)
        layout.addWidget(legend)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._build_toolbar()
        self._connect()
        self.reload()

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Month"), self)
        bar.setObjectName("coverageMonth")
        bar.setMovable(False)
        self.action_previous = QAction(self.tr("&Previous month"), self)
        self.action_previous.setShortcut(QKeySequence(QKeySequence.StandardKey.MoveToPreviousPage))
        self.action_today = QAction(self.tr("&This month"), self)
        self.action_next = QAction(self.tr("&Next month"), self)
        self.action_next.setShortcut(QKeySequence(QKeySequence.StandardKey.MoveToNextPage))
        self.min_weeks = QSpinBox(bar)
        self.min_weeks.setRange(1, 12)
        self.min_weeks.setValue(2)
        self.min_weeks.setSuffix(self.tr(" weeks"))
        self.min_weeks.setToolTip(self.tr("How many weeks without a post make a gap"))
        bar.addAction(self.action_previous)
        bar.addAction(self.action_today)
        bar.addAction(self.action_next)
        bar.addSeparator()
        bar.addWidget(QLabel(self.tr("A gap from "), bar))
        bar.addWidget(self.min_weeks)
        self.addToolBar(bar)

    def _connect(self) -> None:
        self.action_previous.triggered.connect(lambda: self.step(-1))
        self.action_next.triggered.connect(lambda: self.step(1))
        self.action_today.triggered.connect(
            lambda: self.set_span(period_of(self.ws.kpis.today(), Period.MONTH)))
        self.min_weeks.valueChanged.connect(self.reload)
        self.table.doubleClicked.connect(self.on_double_clicked)
        self.bridge.changed.connect(self.on_changed)
        self.gap_view.selectionModel().currentChanged.connect(self.on_gap_changed)
        self.fill.post_created.connect(self.on_post_created)

    def set_span(self, span: DateRange) -> None:
        self.span = span
        self.reload()

    def step(self, delta: int) -> None:
        start = next_start(self.span.start, Period.MONTH) if delta > 0 else \
            period_start(self.span.start - timedelta(days=1), Period.MONTH)
        self.set_span(period_of(start, Period.MONTH))

    def reload(self) -> None:
        start, end = self.span.utc(self.ws.kpis.zone)
        free = [f.when for f in self.ws.slots.free_slots(start, end)]
        coverage = self.ws.kpis.coverage(self.span, min_weeks=self.min_weeks.value(),
                                         free_slots=free)
        ids = sorted({i for r in coverage.rows for c in r.cells for i in c.post_ids})
        titles = {p.id: p.display_title for p in self._posts(ids)}
        self.model.set_coverage(coverage, titles)
        self.gaps.set_coverage(coverage)
        self.fill.set_gap(None)
        whole_month = period_of(self.span.start, Period.MONTH) == self.span
        name = label(self.span, Period.MONTH if whole_month else None)
        self.title.setText(self.tr("Coverage — %1").replace("%1", name[:1].upper() + name[1:]))

    def _posts(self, ids: list[int]) -> list[Any]:
        from essplanner.domain import PostQuery

        start, end = self.span.utc(self.ws.kpis.zone)
        wanted = set(ids)
        return [p for p in self.ws.posts.query(PostQuery(start=start, end=end))
                if p.id in wanted]

    def on_changed(self, change: Change) -> None:
        if change.posts or change.personas or change.objectives or change.accounts:
            self.reload()

    def on_gap_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        gap = current.data(GAP_ROLE) if current.isValid() else None
        self.fill.set_gap(gap if isinstance(gap, Gap) else None)

    def on_post_created(self, post: Any) -> None:
        self.post_created.emit(post)
        self.post_activated.emit(int(post.id))

    def on_double_clicked(self, index: QModelIndex) -> None:
        ids = index.data(Role.POST_IDS) or []
        if ids:
            self.post_activated.emit(int(ids[0]))
