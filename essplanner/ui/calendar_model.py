"""The month grid as a real Qt model: 6 weeks × 7 days, each cell a day with its post chips."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from essplanner.domain import Post, PostStatus

WEEKS = 6
ModelIndex = QModelIndex | QPersistentModelIndex


class Role(enum.IntEnum):
    """Data roles of calendar models."""

    DATE = Qt.ItemDataRole.UserRole + 1  # datetime.date of the cell
    CHIPS = Qt.ItemDataRole.UserRole + 2  # tuple[Chip, ...]
    IN_MONTH = Qt.ItemDataRole.UserRole + 3  # bool: the day belongs to the shown month
    IS_TODAY = Qt.ItemDataRole.UserRole + 4  # bool


@dataclass(frozen=True)
class Chip:
    """What a calendar cell shows of one post."""

    post_id: int
    version: int
    local_time: time | None
    title: str
    text: str
    platforms: tuple[str, ...]
    status: PostStatus
    objective_id: int | None
    attention_states: tuple[str, ...] = ()

    @classmethod
    def from_post(cls, post: Post, zone: ZoneInfo) -> Chip:
        local = post.scheduled_at.astimezone(zone).time() if post.scheduled_at else None
        platforms = tuple(dict.fromkeys(
            str(t.platform if t.platform != "dryrun" else "dryrun") for t in post.targets))
        return cls(
            post_id=post.id,
            version=post.version,
            local_time=local,
            title=post.display_title,
            text=post.body,
            platforms=platforms,
            status=post.status,
            objective_id=post.objectives[0].id if post.objectives else None,
            attention_states=tuple(t.state.value for t in post.targets
                                   if t.state.needs_attention),
        )


PostLoader = Callable[[datetime, datetime], Sequence[Post]]


def first_day_of_grid(month: date, first_weekday: int = 0) -> date:
    """Monday (0) or Sunday (6) on or before the 1st of ``month``."""
    first = month.replace(day=1)
    return first - timedelta(days=(first.weekday() - first_weekday) % 7)


class MonthModel(QAbstractTableModel):
    """Days of a month as a 6×7 table; reloads its posts through ``loader``."""

    def __init__(self, loader: PostLoader, zone: ZoneInfo, *, today: Callable[[], date],
                 first_weekday: int = 0, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._loader = loader
        self._zone = zone
        self._today = today
        self._first_weekday = first_weekday
        self._month = today().replace(day=1)
        self._chips: dict[date, tuple[Chip, ...]] = {}
        self._locale = QLocale()

    # ---- navigation
    @property
    def month(self) -> date:
        return self._month

    @property
    def grid_start(self) -> date:
        return first_day_of_grid(self._month, self._first_weekday)

    def set_month(self, month: date) -> None:
        self.beginResetModel()
        self._month = month.replace(day=1)
        self._load()
        self.endResetModel()

    def set_zone(self, zone: ZoneInfo) -> None:
        self._zone = zone
        self.reload()

    def reload(self) -> None:
        """Reload the posts of the visible weeks; only the cells whose chips changed repaint."""
        old = self._chips
        self._load()
        for row in range(WEEKS):
            for col in range(7):
                day = self.date_at(row, col)
                if old.get(day) != self._chips.get(day):
                    index = self.index(row, col)
                    self.dataChanged.emit(index, index, [Role.CHIPS, Qt.ItemDataRole.ToolTipRole,
                                                         Qt.ItemDataRole.DisplayRole])

    def _load(self) -> None:
        start = self.grid_start
        end = start + timedelta(days=WEEKS * 7)
        start_utc = datetime.combine(start, time(0), tzinfo=self._zone)
        end_utc = datetime.combine(end, time(0), tzinfo=self._zone)
        chips: dict[date, list[Chip]] = {}
        for post in self._loader(start_utc, end_utc):
            if post.scheduled_at is None:
                continue
            day = post.scheduled_at.astimezone(self._zone).date()
            chips.setdefault(day, []).append(Chip.from_post(post, self._zone))
        self._chips = {d: tuple(sorted(c, key=lambda x: (x.local_time or time(0), x.post_id)))
                       for d, c in chips.items()}

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
            return day == self._today()
        if role == Qt.ItemDataRole.ToolTipRole:
            chips = self._chips.get(day, ())
            if not chips:
                return None
            return "\n".join(
                f"{c.local_time.strftime('%H:%M') if c.local_time else ''} {c.title}".strip()
                for c in chips
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            count = len(self._chips.get(day, ()))
            qdate = QDate(day.year, day.month, day.day)
            return f"{self._locale.toString(qdate, QLocale.FormatType.LongFormat)}: {count}"
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
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
