"""Table models of the dashboard: KPI progress, best posts, outcome entries.

Each holds frozen dataclasses from :mod:`essplanner.kpi.progress` and is refilled whole
(``set_rows``) when the dashboard reloads; every one passes ``qtmodeltester``.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush

from essplanner.kpi import progress as k
from essplanner.kpi.report import number, percent, quantity
from essplanner.kpi.service import source_name
from essplanner.ui.kpi.charts import STATUS_COLOURS, status_label
from essplanner.ui.labels import platform_label
from essplanner.ui.plain import plain

Index = QModelIndex | QPersistentModelIndex


class Role(enum.IntEnum):
    """Data roles beyond Qt's: the row's dataclass and sortable raw values."""

    ITEM = Qt.ItemDataRole.UserRole + 1
    SORT = Qt.ItemDataRole.UserRole + 2


class _Table(QAbstractTableModel):
    """A read-only table of dataclass rows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def headers(self) -> list[str]:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_item(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.headers()):
            return self.headers()[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == Role.ITEM:
            return item
        return self.cell(item, index.column(), role)

    def cell(self, item: Any, column: int, role: int) -> Any:
        raise NotImplementedError


class KpiTableModel(_Table):
    """One row per KPI and period: value, target, share, where it stands."""

    OBJECTIVE, KPI, PERIOD, VALUE, TARGET, PERCENT, STATUS, SOURCE = range(8)

    def headers(self) -> list[str]:
        return [self.tr("Objective"), self.tr("KPI"), self.tr("Period"), self.tr("Value"),
                self.tr("Target"), self.tr("%"), self.tr("Status"), self.tr("Source")]

    def set_progress(self, progress: Sequence[k.KpiProgress]) -> None:
        self.set_rows([(p, v) for p in progress for v in p.periods])

    def cell(self, item: Any, column: int, role: int) -> Any:
        progress, value = item
        kpi = progress.kpi
        if role == Qt.ItemDataRole.DisplayRole:
            # the value with its unit, as the target: "12 bénévoles", "1 250 €"
            return [progress.objective.name, kpi.name, value.label,
                    quantity(value.value, kpi.unit),
                    quantity(value.target, kpi.unit), percent(value.ratio),
                    status_label(value.status), source_name(kpi.source)][column]
        if role == Role.SORT:
            return [progress.objective.name, kpi.name, value.start.isoformat(), value.value,
                    value.target, value.ratio or 0.0, value.status.value,
                    kpi.source.value][column]
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QBrush(STATUS_COLOURS[value.status])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                self.VALUE, self.TARGET, self.PERCENT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if value.status in (k.Status.ON_TRACK, k.Status.BEHIND):
                return self.tr("By now, %1 would be on pace for the target.").replace(
                    "%1", quantity(round(value.expected, 1), kpi.unit))
            return plain(kpi.name)
        return None


class BestPostsModel(_Table):
    """The posts of the span that drew the most interactions."""

    TITLE, DATE, NETWORKS, PERSONAS, OBJECTIVES, INTERACTIONS, VIEWS = range(7)

    def headers(self) -> list[str]:
        return [self.tr("Post"), self.tr("Published"), self.tr("Networks"), self.tr("Personas"),
                self.tr("Objectives"), self.tr("Interactions"), self.tr("Views")]

    def cell(self, item: Any, column: int, role: int) -> Any:
        post: k.PostPerformance = item
        if role == Qt.ItemDataRole.DisplayRole:
            return [post.title, _short_date(post.published_at.astimezone().date()),
                    ", ".join(platform_label(p) for p in post.platforms),
                    ", ".join(post.personas),
                    ", ".join(post.objectives), number(post.interactions),
                    number(post.views) if post.views else "–"][column]
        if role == Role.SORT:
            return [post.title, post.published_at.isoformat(), ", ".join(post.platforms),
                    ", ".join(post.personas), ", ".join(post.objectives), post.interactions,
                    post.views][column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.INTERACTIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and post.urls:
            return plain("\n".join(post.urls))
        return None


class OutcomeModel(_Table):
    """Outcome entries typed in by the team, newest first."""

    DATE, KPI, OBJECTIVE, AMOUNT, SOURCE, NOTE = range(6)

    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("KPI"), self.tr("Objective"), self.tr("Amount"),
                self.tr("Source"), self.tr("Note")]

    def cell(self, item: Any, column: int, role: int) -> Any:
        entry: k.OutcomeRecord = item
        if role == Qt.ItemDataRole.DisplayRole:
            return [_short_date(entry.day),
                    entry.kpi_name, entry.objective_name, quantity(entry.amount, entry.unit),
                    entry.source, entry.note][column]
        if role == Role.SORT:
            return [entry.occurred_at.isoformat(), entry.kpi_name, entry.objective_name,
                    entry.amount, entry.source, entry.note][column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None



def _short_date(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)
