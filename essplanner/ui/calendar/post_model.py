"""The posts of the visible period as a Qt list model, and the filter proxy every view reads.

:class:`PostListModel` holds one :class:`Chip` per post planned in the loaded range
(read with :func:`essplanner.services.calendar.entries`: a few queries whatever the
database size). It applies a :class:`~essplanner.domain.Change` by reloading only
the posts it names and emitting targeted ``dataChanged``, row inserts and removals.
:class:`PostFilterProxy` filters by persona, objective, account, platform, state and
text; the month, week and agenda views all sit on it.
"""

from __future__ import annotations

import bisect
import enum
import functools
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QUrl,
)

from essplanner.domain import Change, PostStatus, time_is_fixed
from essplanner.services.calendar import (
    CalendarEntry,
    TargetBadge,
    fold,
    positional,
    search_words,
)
from essplanner.ui.labels import (
    delivery_label,
    fmt_datetime,
    holdup_label,
    platform_label,
    status_label,
)
from essplanner.ui.plain import escape
from essplanner.ui.thumbnails import stored_thumbnail

ModelIndex = QModelIndex | QPersistentModelIndex
POST_MIME = "application/x-essplanner-post"


class PostRole(enum.IntEnum):
    """Data roles of the post models (and of the proxies over them)."""

    POST_ID = Qt.ItemDataRole.UserRole + 20  # int
    CHIP = Qt.ItemDataRole.UserRole + 21  # Chip
    LOCAL_START = Qt.ItemDataRole.UserRole + 22  # aware local datetime, or None
    LOCAL_DATE = Qt.ItemDataRole.UserRole + 23  # date, or None
    STATUS = Qt.ItemDataRole.UserRole + 24  # PostStatus
    VERSION = Qt.ItemDataRole.UserRole + 25  # int
    MOVABLE = Qt.ItemDataRole.UserRole + 26  # bool
    SORT_KEY = Qt.ItemDataRole.UserRole + 27  # float: time order, undated last


@dataclass(frozen=True)
class Chip:
    """What a calendar shows of one post, with its time already in the user's zone."""

    entry: CalendarEntry
    local_start: datetime | None

    @classmethod
    def of(cls, entry: CalendarEntry, zone: ZoneInfo) -> Chip:
        start = entry.scheduled_at.astimezone(zone) if entry.scheduled_at else None
        return _make_chip(entry, start)

    @property
    def post_id(self) -> int:
        return self.entry.post_id

    @property
    def version(self) -> int:
        return self.entry.version

    @property
    def title(self) -> str:
        return self.entry.display_title

    @property
    def text(self) -> str:
        return self.entry.text

    @functools.cached_property
    def excerpt(self) -> str:
        """The text on one line, for chips tall enough to show it."""
        return " ".join(self.entry.text.split())[:300]

    @property
    def status(self) -> PostStatus:
        return self.entry.status

    @functools.cached_property
    def folded(self) -> str:
        """Title and text as search compares them (no case, no accents)."""
        return fold(f"{self.entry.title}\n{self.entry.text}")

    @property
    def local_date(self) -> date | None:
        return self.local_start.date() if self.local_start else None

    @property
    def platforms(self) -> tuple[str, ...]:
        return self.entry.platforms

    @property
    def targets(self) -> tuple[TargetBadge, ...]:
        return self.entry.targets

    @property
    def objective_id(self) -> int | None:
        return self.entry.objective_ids[0] if self.entry.objective_ids else None

    @property
    def movable(self) -> bool:
        return not time_is_fixed(t.state for t in self.entry.targets)

    def order(self) -> tuple[int, float, int]:
        """Where the post goes in time order: dated first, by time, then by number."""
        when = self.entry.scheduled_at
        return (0, when.timestamp(), self.post_id) if when else (1, 0.0, self.post_id)

    def sort_key(self) -> float:
        """Seconds since the epoch (undated posts last); a plain number, so that the
        proxy sorts in C++ without calling back into Python for every comparison."""
        when = self.entry.scheduled_at
        return when.timestamp() if when else float("inf")

    def tooltip(self) -> str:
        """Rich text: title, time, state, the text, and each account's state."""
        lines = [f"<b>{escape(self.title)}</b>"]
        when = fmt_datetime(self.local_start) if self.local_start else ""
        lines.append(f"{escape(when)} · {escape(status_label(self.status))}".lstrip(" ·"))
        if self.entry.series_id is not None:
            from essplanner.ui.calendar.series_mark import repeat_summary

            lines.append(f"<i>{escape(repeat_summary(self.entry, self.local_date))}</i>")
        if self.entry.video:
            thumb = stored_thumbnail(self.entry.video)
            if thumb is not None:
                lines.append(f"<img src='{escape(QUrl.fromLocalFile(thumb).toString())}' "
                             "width='160'>")
        if self.entry.campaign:
            lines.append("▬ " + escape(QCoreApplication.translate(
                "Chip", "Campaign: %1").replace("%1", self.entry.campaign)))
        if self.text.strip():
            text = self.text.strip()
            lines.append(escape(text[:400] + ("…" if len(text) > 400 else "")).replace(
                "\n", "<br>"))
        for t in self.targets:
            state = holdup_label(t.holdup) if t.holdup is not None else delivery_label(t.state)
            line = (f"{escape(t.account_name)} ({escape(platform_label(t.platform))}): "
                    f"{escape(state)}")
            if t.last_error and t.holdup is not None:
                line += f" — <i>{escape(t.last_error[:200])}</i>"
            lines.append(line)
        return "<p style='white-space:pre-wrap'>" + "<br>".join(lines) + "</p>"


def encode_posts(chips: Iterable[Chip]) -> QMimeData:
    """Drag data: which posts, at which version (a move of a stale version is a conflict)."""
    data = QMimeData()
    payload = [{"id": c.post_id, "version": c.version} for c in chips]
    data.setData(POST_MIME, json.dumps(payload).encode())
    data.setText(", ".join(c.title for c in chips))
    return data


def decode_posts(data: QMimeData) -> list[tuple[int, int]]:
    """(post id, version) pairs from drag data; empty if it is not ours."""
    if not data.hasFormat(POST_MIME):
        return []
    try:
        raw = json.loads(bytes(data.data(POST_MIME).data()).decode())
        return [(int(item["id"]), int(item["version"])) for item in raw]
    except (ValueError, KeyError, TypeError):
        return []


EntryLoader = Callable[[datetime, datetime, bool], Sequence[CalendarEntry]]
EntryFetcher = Callable[[Iterable[int]], Sequence[CalendarEntry]]


#: Chip(entry, local_start), built without the frozen __init__ (a page makes hundreds)
_make_chip = positional(Chip)


class PostListModel(QAbstractListModel):
    """The posts planned in [start, end) (plus undated ones if asked), one row each.

    Rows are kept in time order (undated last): a moved post's row moves
    (``rowsMoved``), a new one is inserted in its place. Sorting here rather than in
    the proxy spares a call into Python for every comparison of a sort.
    """

    def __init__(self, loader: EntryLoader, fetcher: EntryFetcher, zone: ZoneInfo,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._fetcher = fetcher
        self._zone = zone
        self._chips: list[Chip] = []
        self._start: datetime | None = None
        self._end: datetime | None = None
        self._undated = False

    # ---- loading
    @property
    def range(self) -> tuple[datetime | None, datetime | None]:
        return self._start, self._end

    def set_range(self, start: datetime, end: datetime, *, undated: bool = False) -> None:
        if (start, end, undated) == (self._start, self._end, self._undated):
            return
        self.beginResetModel()
        self._start, self._end, self._undated = start, end, undated
        self._chips = sorted((Chip.of(e, self._zone) for e in self._loader(start, end, undated)),
                             key=Chip.order)
        self.endResetModel()

    def set_zone(self, zone: ZoneInfo) -> None:
        self.beginResetModel()
        self._zone = zone
        self._chips = [Chip.of(c.entry, zone) for c in self._chips]
        self.endResetModel()

    def refresh(self) -> None:
        """Read the whole range again and apply only the differences."""
        if self._start is None or self._end is None:
            return
        fresh = self._loader(self._start, self._end, self._undated)
        self._merge(fresh, drop_missing=True)

    def apply_change(self, change: Change) -> None:
        """Redraw what ``change`` touched: its posts, or everything when tags or accounts
        changed (names and colours of every chip may depend on them)."""
        if change.accounts or change.personas or change.objectives or not change.posts:
            self.refresh()
            return
        fresh = [e for e in self._fetcher(change.posts) if self._in_range(e)]
        gone = set(change.posts) - {e.post_id for e in fresh}
        self._merge(fresh, drop_missing=False)
        self._remove(gone)

    def _in_range(self, entry: CalendarEntry) -> bool:
        if entry.scheduled_at is None:
            return self._undated
        assert self._start is not None and self._end is not None
        return self._start <= entry.scheduled_at < self._end

    def _merge(self, fresh: Sequence[CalendarEntry], *, drop_missing: bool) -> None:
        # rows by post, valid until a row moves: a refresh where little changed (the
        # usual case, every few seconds) stays linear in the posts shown
        index = {c.post_id: i for i, c in enumerate(self._chips)}
        known = set(index)
        rows: dict[int, int] | None = index
        seen: set[int] = set()
        for entry in fresh:
            seen.add(entry.post_id)
            chip = Chip.of(entry, self._zone)
            if entry.post_id in known:
                if rows is None:
                    rows = {c.post_id: i for i, c in enumerate(self._chips)}
                if self._replace(chip, rows[entry.post_id]):
                    rows = None
            else:
                self._insert(chip)
                rows = None
        if drop_missing:
            self._remove(known - seen)

    def _position(self, chip: Chip) -> int:
        return bisect.bisect_left([c.order() for c in self._chips], chip.order())

    def _insert(self, chip: Chip) -> None:
        row = self._position(chip)
        self.beginInsertRows(QModelIndex(), row, row)
        self._chips.insert(row, chip)
        self.endInsertRows()

    def _replace(self, chip: Chip, row: int) -> bool:
        """Put ``chip`` in place of the one at ``row``; says whether rows moved."""
        old = self._chips[row]
        if old == chip:
            return False
        moved = False
        if old.order() != chip.order():
            del self._chips[row]
            target = self._position(chip)
            self._chips.insert(row, old)
            if target != row:
                # Qt's destination is the row before which the moved row lands, counted
                # in the list as it is before the move.
                destination = target + 1 if target > row else target
                self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
                del self._chips[row]
                self._chips.insert(target, old)
                self.endMoveRows()
                row = target
                moved = True
        self._chips[row] = chip
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)
        return moved

    def _remove(self, post_ids: set[int]) -> None:
        for row in sorted((i for i, c in enumerate(self._chips) if c.post_id in post_ids),
                          reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._chips[row]
            self.endRemoveRows()

    def chip(self, row: int) -> Chip:
        return self._chips[row]

    def chips(self) -> list[Chip]:
        """Every post loaded, in row (time) order."""
        return list(self._chips)

    def row_of(self, post_id: int) -> int | None:
        for i, c in enumerate(self._chips):
            if c.post_id == post_id:
                return i
        return None

    # ---- Qt model API
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._chips)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._chips):
            return None
        return chip_data(self._chips[index.row()], role)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._chips[index.row()].movable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [POST_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return encode_posts(self._chips[r] for r in rows)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction


def chip_data(chip: Chip, role: int) -> object:
    """The value of ``role`` for a post (shared by every model that shows posts)."""
    if role == Qt.ItemDataRole.DisplayRole:
        from essplanner.ui.labels import fmt_time

        return f"{fmt_time(chip.local_start)} {chip.title}" if chip.local_start else chip.title
    if role == Qt.ItemDataRole.ToolTipRole:
        return chip.tooltip()
    if role == Qt.ItemDataRole.AccessibleTextRole:
        when = fmt_datetime(chip.local_start) if chip.local_start else ""
        return f"{chip.title}, {when}, {status_label(chip.status)}"
    if role == PostRole.POST_ID:
        return chip.post_id
    if role == PostRole.CHIP:
        return chip
    if role == PostRole.LOCAL_START:
        return chip.local_start
    if role == PostRole.LOCAL_DATE:
        return chip.local_date
    if role == PostRole.STATUS:
        return chip.status
    if role == PostRole.VERSION:
        return chip.version
    if role == PostRole.MOVABLE:
        return chip.movable
    if role == PostRole.SORT_KEY:
        return chip.sort_key()
    return None


@dataclass(frozen=True)
class PostFilter:
    """What the user chose to see; an empty set means "all"."""

    persona_ids: frozenset[int] = frozenset()
    objective_ids: frozenset[int] = frozenset()
    account_ids: frozenset[int] = frozenset()
    platforms: frozenset[str] = frozenset()
    statuses: frozenset[PostStatus] = frozenset()
    text: str = ""
    _words: tuple[str, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # the same folding as the search over all dates (services/calendar.py)
        object.__setattr__(self, "_words", search_words(self.text))

    @property
    def active(self) -> bool:
        return bool(self.persona_ids or self.objective_ids or self.account_ids
                    or self.platforms or self.statuses or self._words)

    def accepts(self, chip: Chip) -> bool:
        e = chip.entry
        if self.persona_ids and not self.persona_ids.intersection(e.persona_ids):
            return False
        if self.objective_ids and not self.objective_ids.intersection(e.objective_ids):
            return False
        if self.account_ids and not self.account_ids & e.account_ids:
            return False
        if self.platforms and not self.platforms.intersection(e.platforms):
            return False
        if self.statuses and e.status not in self.statuses:
            return False
        return not self._words or all(word in chip.folded for word in self._words)


class PostFilterProxy(QSortFilterProxyModel):
    """Posts that pass the user's :class:`PostFilter`, in the source's (time) order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = PostFilter()
        self.setDynamicSortFilter(True)  # re-filter changed rows; never sorts (no sort())

    @property
    def post_filter(self) -> PostFilter:
        return self._filter

    def set_filter(self, post_filter: PostFilter) -> None:
        if post_filter == self._filter:
            return
        self.beginFilterChange()
        self._filter = post_filter
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if not self._filter.active:
            return True
        source = self.sourceModel()
        if isinstance(source, PostListModel):
            return self._filter.accepts(source.chip(source_row))
        chip = source.index(source_row, 0, source_parent).data(PostRole.CHIP)
        return isinstance(chip, Chip) and self._filter.accepts(chip)

    def chips(self) -> list[Chip]:
        """Every visible post, in time order (ties: in the order they were loaded, which is
        time then number)."""
        source = self.sourceModel()
        if isinstance(source, PostListModel):
            if not self._filter.active and self.rowCount() == source.rowCount():
                # every row passes and the proxy never sorts: its rows are the source's
                # (not while a removal is under way: the proxy tells of it first)
                return source.chips()
            return [source.chip(self.mapToSource(self.index(r, 0)).row())
                    for r in range(self.rowCount())]
        return [self.index(r, 0).data(PostRole.CHIP) for r in range(self.rowCount())]
