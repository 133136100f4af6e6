"""A recurring post's chip: its series reaches the chip through both readers (the start-up
sqlite3 one and SQLAlchemy) in the same number of queries, a repeat mark is painted, and
the tooltip says how it repeats."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette

from essplanner.domain import PostDraft
from essplanner.i18n import set_language
from essplanner.services.calendar import CalendarEntry, entries
from essplanner.services.quickread import QuickReader
from essplanner.ui.calendar.chip_painter import ChipPainter
from essplanner.ui.calendar.post_model import Chip
from essplanner.workspace import Workspace
from tests.services.test_query_counts import counting

PARIS = ZoneInfo("Europe/Paris")
WIDE = (datetime(2026, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC))


def _series(workspace: Workspace, count: int) -> int:
    account = workspace.accounts.add(platform="dryrun", name=f"Essai {count}")
    series, _posts = workspace.series.create(
        PostDraft(body="L'astuce du lundi", account_ids=(account.id,)),
        rule=f"FREQ=WEEKLY;BYDAY=MO;COUNT={count}",
        start=datetime(2026, 11, 30, 9, 0, tzinfo=PARIS))
    return series.id


def test_the_series_reaches_the_chip_through_both_readers(workspace: Workspace) -> None:
    series_id = _series(workspace, 4)
    single = workspace.posts.create(PostDraft(body="Une fois"),
                                    scheduled_at=datetime(2026, 12, 2, 10, tzinfo=UTC))
    reader = QuickReader.open(workspace.db.url)
    assert reader is not None
    try:
        quick = reader.entries(*WIDE)
        slow = entries(workspace.db, *WIDE)
        assert quick == slow
        assert quick == reader.entries_by_id(e.post_id for e in quick)
    finally:
        reader.close()
    marks = {e.post_id: (e.series_id, e.series_rule, e.series_at) for e in slow}
    assert marks.pop(single.id) == (None, "", "")
    assert set(marks.values()) == {(series_id, "FREQ=WEEKLY;BYDAY=MO;COUNT=4", "09:00")}


def test_reading_series_posts_costs_the_same_queries_whatever_their_number(
        workspace: Workspace) -> None:
    _series(workspace, 2)
    reader = QuickReader.open(workspace.db.url)
    assert reader is not None
    try:
        with counting() as few:
            assert len(entries(workspace.db, *WIDE)) == 2
        quick_few = _quick_count(reader)
        _series(workspace, 6)  # within the 56-day horizon: all made
        with counting() as many:
            assert len(entries(workspace.db, *WIDE)) == 8
        assert len(many) == len(few)
        assert _quick_count(reader) == quick_few
    finally:
        reader.close()


def _quick_count(reader: QuickReader) -> int:
    statements: list[str] = []
    reader._db.set_trace_callback(statements.append)
    try:
        reader.entries(*WIDE)
    finally:
        reader._db.set_trace_callback(None)
    return len(statements)


def _chip(workspace: Workspace) -> Chip:
    _series(workspace, 4)
    entry = entries(workspace.db, *WIDE)[0]
    return Chip.of(entry, PARIS)


def _paint(chip: Chip) -> QImage:
    image = QImage(220, 24, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    ChipPainter().paint(painter, QRect(0, 0, 220, 24), chip, font=QFont(),
                        palette=QPalette())
    painter.end()
    return image


def test_a_recurring_post_gets_a_repeat_mark_on_its_chip(qapp: object,
                                                         workspace: Workspace) -> None:
    chip = _chip(workspace)
    plain = Chip(entry=dataclasses.replace(chip.entry, series_id=None, series_rule=""),
                 local_start=chip.local_start)
    assert _paint(chip) != _paint(plain)


def test_the_tooltip_says_how_it_repeats(qapp: object, workspace: Workspace) -> None:
    chip = _chip(workspace)
    assert "Repeats: every Monday at 09:00, 4 times" in chip.tooltip()
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from essplanner.ui.translations import install_translators, remove_translators

    app = QApplication.instance()
    previous = QLocale()
    set_language("fr")
    translators = install_translators(app, "fr")
    try:
        # "Répétée :" from the .ts, the rule in words from the .po
        assert "Répétée\u00a0: chaque lundi à 09:00, 4 fois" in chip.tooltip()
    finally:
        remove_translators(app, translators)
        QLocale.setDefault(previous)
        set_language("en")
    lone = Chip(entry=CalendarEntry(1, 1, "Seul", "", "", chip.entry.scheduled_at,
                                    chip.entry.editorial_state), local_start=chip.local_start)
    assert "Repeats" not in lone.tooltip()
