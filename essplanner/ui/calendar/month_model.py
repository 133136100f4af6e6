"""The month grid as a real Qt model: 6 weeks × 7 days, each cell a day with its post chips.

:class:`MonthModel` reads the posts from the filtered, sorted proxy (see
:mod:`essplanner.ui.calendar.post_model`) and groups them by local day. When the proxy
changes (a post edited, a filter set), only the cells whose chips changed emit
``dataChanged`` (one signal for the whole grid when more than a week of days changed).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from essplanner.domain import DayMarks
from essplanner.ui.calendar.marks import CellMarks, Shown, cell_marks
from essplanner.ui.calendar.post_model import POST_MIME, Chip, PostRole, decode_posts
from essplanner.ui.labels import fmt_date, fmt_time
from essplanner.ui.plain import plain

WEEKS = 6
ModelIndex = QModelIndex | QPersistentModelIndex


class Role(enum.IntEnum):
    """Data roles of the day cells."""

    DATE = Qt.ItemDataRole.UserRole + 1  # datetime.date of the cell
    CHIPS = Qt.ItemDataRole.UserRole + 2  # tuple[Chip, ...], in time order
    IN_MONTH = Qt.ItemDataRole.UserRole + 3  # bool: the day belongs to the shown month
    IS_TODAY = Qt.ItemDataRole.UserRole + 4  # bool
    MARKS = Qt.ItemDataRole.UserRole + 5  # marks.CellMarks: campaigns, events, awareness days


def first_day_of_grid(month: date, first_weekday: int = 0) -> date:
    """Monday (0) or Sunday (6) on or before the 1st of ``month``."""
    first = month.replace(day=1)
    return first - timedelta(days=(first.weekday() - first_weekday) % 7)


def first_day_of_week(day: date, first_weekday: int = 0) -> date:
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


def chips_of(source: QAbstractItemModel) -> list[Chip]:
    """The chips of a post model, in its row order."""
    from essplanner.ui.calendar.post_model import PostFilterProxy

    if isinstance(source, PostFilterProxy):
        return source.chips()  # without a round trip through C++ per row
    found = (source.index(row, 0).data(PostRole.CHIP) for row in range(source.rowCount()))
    return [c for c in found if isinstance(c, Chip)]


def group_by_day(source: QAbstractItemModel) -> dict[date, tuple[Chip, ...]]:
    """The chips of a (sorted) post model by local day."""
    days: dict[date, list[Chip]] = {}
    for chip in chips_of(source):
        day = chip.local_date
        if day is not None:
            days.setdefault(day, []).append(chip)
    return {d: tuple(c) for d, c in days.items()}


class MonthModel(QAbstractTableModel):
    """Days of a month as a 6×7 table, with the posts of ``source`` grouped per day.

    Signals: ``move_requested(list[(post_id, version)], date)`` when posts are dropped
    on a day (the window turns it into an undoable reschedule).
    """

    move_requested = Signal(object, object)

    def __init__(self, source: QAbstractItemModel, *, today: Callable[[], date],
                 first_weekday: int = 0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self.today = today
        self._first_weekday = first_weekday
        self._month = today().replace(day=1)
        self._chips: dict[date, tuple[Chip, ...]] = {}
        self._locale = QLocale()
        for signal in (source.modelReset, source.layoutChanged, source.rowsInserted,
                       source.rowsRemoved, source.dataChanged, source.rowsMoved):
            signal.connect(self._regroup)
        self._chips = group_by_day(source)
        self._all_marks = DayMarks()
        self._marks: dict[date, CellMarks] = {}
        self._shown = Shown()

    # ---- navigation
    @property
    def month(self) -> date:
        return self._month

    @property
    def grid_start(self) -> date:
        return first_day_of_grid(self._month, self._first_weekday)

    @property
    def grid_end(self) -> date:
        """The day after the last cell."""
        return self.grid_start + timedelta(days=WEEKS * 7)

    def set_month(self, month: date) -> None:
        month = month.replace(day=1)
        if month == self._month:
            return
        self.beginResetModel()
        self._month = month
        self._locale = QLocale()
        self.endResetModel()

    def _regroup(self, *_args: object) -> None:
        old = self._chips
        self._chips = group_by_day(self._source)
        roles = [Role.CHIPS, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole]
        changed = [index for index in (
            self.index_of(day) for day in set(old) | set(self._chips)
            if old.get(day) != self._chips.get(day)) if index.isValid()]
        if len(changed) > 7:  # a new period or a filter: one signal for the whole grid
            self.dataChanged.emit(self.index(0, 0), self.index(WEEKS - 1, 6), roles)
            return
        for index in changed:
            self.dataChanged.emit(index, index, roles)

    # ---- campaigns, events, awareness days: computed per day here, never in paint
    def set_marks(self, marks: DayMarks) -> None:
        """The marks of the shown grid (read by the window with the posts)."""
        self._all_marks = marks
        self._remark()

    def set_shown(self, shown: Shown) -> None:
        if shown != self._shown:
            self._shown = shown
            self._remark()

    @property
    def shown(self) -> Shown:
        return self._shown

    def marks_on(self, day: date) -> CellMarks:
        return self._marks.get(day, CellMarks())

    def _remark(self) -> None:
        marks = self._shown.apply(self._all_marks)
        old = self._marks
        days = set(marks.campaigns) | set(marks.events) | set(marks.days)
        self._marks = {d: cell_marks(marks, d) for d in days}
        for day in set(old) | set(self._marks):
            if old.get(day) != self._marks.get(day):
                index = self.index_of(day)
                if index.isValid():
                    self.dataChanged.emit(index, index, [
                        Role.MARKS, Qt.ItemDataRole.ToolTipRole])

    def date_at(self, row: int, column: int) -> date:
        return self.grid_start + timedelta(days=row * 7 + column)

    def index_of(self, day: date) -> QModelIndex:
        offset = (day - self.grid_start).days
        if not 0 <= offset < WEEKS * 7:
            return QModelIndex()
        return self.index(offset // 7, offset % 7)

    def chips_on(self, day: date) -> tuple[Chip, ...]:
        return self._chips.get(day, ())

    # ---- Qt model API
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else WEEKS

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        day = self.date_at(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role == Role.DATE:
            return day
        if role == Role.CHIPS:
            return self._chips.get(day, ())
        if role == Role.IN_MONTH:
            return day.month == self._month.month and day.year == self._month.year
        if role == Role.IS_TODAY:
            return day == self.today()
        if role == Role.MARKS:
            return self._marks.get(day) or CellMarks()
        if role == Qt.ItemDataRole.ToolTipRole:
            chips = self._chips.get(day, ())
            marks = self._marks.get(day)
            if not chips and not marks:
                return None
            from essplanner.ui.calendar.marks import tooltip

            return plain("\n".join(
                ([tooltip(marks)] if marks else []) + [
                    f"{fmt_time(c.local_start)} {c.title}" if c.local_start else c.title
                    for c in chips]))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            count = len(self._chips.get(day, ()))
            return self.tr("%1: %n post(s)", "", count).replace(
                "%1", fmt_date(day, long=True))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            weekday = (section + self._first_weekday) % 7 + 1  # Qt: Monday = 1
            return self._locale.dayName(weekday, QLocale.FormatType.ShortFormat)
        start = self.date_at(section, 0)
        return str(start.isocalendar().week)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDropEnabled)

    # ---- drops: a post dragged onto a day
    def mimeTypes(self) -> list[str]:
        return [POST_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: ModelIndex) -> bool:
        return bool(decode_posts(data)) and self._drop_day(row, column, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: ModelIndex) -> bool:
        posts = decode_posts(data)
        day = self._drop_day(row, column, parent)
        if not posts or day is None:
            return False
        self.move_requested.emit(posts, day)
        # The move happens through the services; the source model hears about it and
        # updates. Returning False keeps the view from deleting a "moved" source row.
        return False

    def _drop_day(self, row: int, column: int, parent: ModelIndex) -> date | None:
        if parent.isValid():
            return self.date_at(parent.row(), parent.column())
        if 0 <= row < WEEKS and 0 <= column < 7:
            return self.date_at(row, column)
        return None
