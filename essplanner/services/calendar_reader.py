"""The calendar read model: what the views read, by the fastest way the database allows.

The window, the screenshot verb and the attention list read through a
:class:`CalendarReader`; it picks :mod:`~essplanner.services.quickread` (the standard
library's sqlite3) or :mod:`~essplanner.services.calendar` (SQLAlchemy), so that no view
chooses, or touches the database itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from essplanner.dataplace import DataPlace, data_place
from essplanner.services.calendar import (
    SEARCH_LIMIT,
    AttentionItem,
    CalendarEntry,
    SearchResult,
    attention_items,
    entries,
    entries_by_id,
    has_posts,
    search,
)
from essplanner.services.quickread import QuickReader

if TYPE_CHECKING:
    from essplanner.domain import Change
    from essplanner.services.changes import ChangeWatcher, PostgresListener
    from essplanner.storage import Database


class CalendarReader:
    """The calendar read model the views use: entries, attention items, whether any post exists.

    It chooses how to read: a SQLite database whose schema is current is read with the
    standard library (:class:`~essplanner.services.quickread.QuickReader`, opened on first
    use), anything else through SQLAlchemy. Before the full workspace exists (the app's
    first paint) it reads with the quick reader alone. Nothing here writes.
    """

    def __init__(self, db: Database | None = None, *, quick: QuickReader | None = None) -> None:
        self._db = db
        self._quick = quick
        self._try_quick = quick is None and db is not None
        self._url = db.url if db is not None else ""

    @classmethod
    def quick_only(cls, url: str) -> CalendarReader | None:
        """A reader that needs no SQLAlchemy, or None when this database cannot be read so."""
        quick = QuickReader.open(url)
        if quick is None:
            return None
        reader = cls(quick=quick)
        reader._url = url
        return reader

    def watcher(self) -> ChangeWatcher | None:
        """A new :class:`~essplanner.services.changes.ChangeWatcher` on this database: ask
        its ``changed()`` every second or so to see what other programs wrote (the caller
        closes it). None when there is nothing to watch."""
        from essplanner.services.changes import open_watcher

        return open_watcher(self._url, self._db) if self._url else None

    def listener(self, *, on_change: Callable[[Change], None],
                 on_resync: Callable[[], None]) -> PostgresListener | None:
        """A started :class:`~essplanner.services.changes.PostgresListener` handing over
        the changes other programs commit, as they commit them (the caller stops it);
        None when this database does not notify (SQLite: use :meth:`watcher`)."""
        from essplanner.services.changes import PostgresListener

        if self._db is None:
            return None
        listener = PostgresListener.for_database(self._db, on_change=on_change,
                                                 on_resync=on_resync)
        return listener.start() if listener is not None else None

    @property
    def complete(self) -> bool:
        """Whether the whole database is there (attention items need it)."""
        return self._db is not None

    def _reader(self) -> QuickReader | None:
        if self._try_quick and self._db is not None:
            self._try_quick = False
            self._quick = QuickReader.open(self._db.url)
        return self._quick

    def entries(self, start: datetime, end: datetime, *,
                include_unscheduled: bool = False) -> list[CalendarEntry]:
        quick = self._reader()
        if quick is not None:
            return quick.entries(start, end, include_unscheduled=include_unscheduled)
        return entries(self._database(), start, end, include_unscheduled=include_unscheduled)

    def entries_by_id(self, post_ids: Iterable[int]) -> list[CalendarEntry]:
        quick = self._reader()
        if quick is not None:
            return quick.entries_by_id(post_ids)
        return entries_by_id(self._database(), post_ids)

    def search(self, text: str, *, limit: int = SEARCH_LIMIT) -> SearchResult:
        """Posts of any date whose title or text has every word of ``text``, ignoring case
        and accents (see :func:`essplanner.services.calendar.search`)."""
        quick = self._reader()
        if quick is not None:
            return quick.search(text, limit=limit)
        return search(self._database(), text, limit=limit)

    def has_posts(self) -> bool:
        quick = self._reader()
        return quick.has_posts() if quick is not None else has_posts(self._database())

    def attention_items(self) -> list[AttentionItem]:
        """Posts that need the user; empty until the whole database is there."""
        return attention_items(self._db) if self._db is not None else []

    def place(self) -> DataPlace:
        """Where the data lives, in words for the status bar (never the URL)."""
        return data_place(self._url)

    def release_memory(self) -> None:
        """Hand back the page caches that start-up filled (SQLite keeps up to 2 MB per
        connection of pages it read once); later reads fill them again as needed. Call
        it from the thread that reads the calendar."""
        if self._quick is not None:
            self._quick.release_memory()
        if self._db is not None:
            self._db.release_memory()

    def close(self) -> None:
        """Close the quick reader; later reads, if any, go through SQLAlchemy."""
        self._try_quick = False
        if self._quick is not None:
            self._quick.close()
            self._quick = None

    def _database(self) -> Database:
        assert self._db is not None, "the quick reader is closed and no database is attached"
        return self._db
