"""A dense month paints fast and the app starts light (issue 18, "fast at the scale of years"):
the same pixels and the same answers as the plain ways, with less work."""

from __future__ import annotations

import linecache
import random
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from essplanner import domain
from essplanner.domain import DeliveryState, EditorialState
from essplanner.services.calendar import CalendarEntry, TargetBadge
from essplanner.ui.bridge import Bridge
from essplanner.ui.calendar.chip_painter import ChipPainter
from essplanner.ui.calendar.month_model import Role
from essplanner.ui.calendar.post_model import Chip, PostFilter
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace

from ..conftest import paris

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[3]


def _reference_split(metrics: QFontMetrics, text: str, first: int,
                     second: int) -> tuple[str, str]:
    """How a title is cut over two lines, measuring every prefix (the plain way)."""
    if first > 0 and metrics.horizontalAdvance(text) <= first:
        return text, ""
    words = text.split(" ")
    cut = 0
    for i in range(1, len(words)):
        if metrics.horizontalAdvance(" ".join(words[:i])) > first:
            break
        cut = i
    return (" ".join(words[:cut]),
            metrics.elidedText(" ".join(words[cut:]), Qt.TextElideMode.ElideRight, second))


def test_titles_are_cut_exactly_where_measuring_every_prefix_cuts_them(qtbot: QtBot) -> None:
    words = ("Atelier de la Fête des bénévoles Assemblée générale AVAVA To Ty WAW l'été « Noël »"
             " — collecte 2025 : inscriptions ouvertes ! Wolf VAT office Publication 12345"
             " Ωμέγα مرحبا 日本語 a\tb").split(" ")
    rng = random.Random(18)
    checked = 0
    for size in (7.0, 8.5, 10.0, 13.0):
        for kerning in (True, False):
            font = QFont(QApplication.font())
            font.setPointSizeF(size)
            font.setKerning(kerning)
            metrics = QFontMetrics(font)
            painter = ChipPainter()
            painter._fonts(font)
            for _ in range(600):
                title = " ".join(rng.choice(words) for _ in range(rng.randint(1, 7)))
                first, second = rng.randint(-5, 200), rng.randint(10, 200)
                assert painter._split(metrics, title, first, second) == _reference_split(
                    metrics, title, first, second), (size, title, first, second)
                checked += 1
    assert checked == 4800


def _chip(post_id: int, title: str, hour: int, *states: DeliveryState) -> Chip:
    entry = CalendarEntry(
        post_id=post_id, version=1, title=title, text="Le texte du post", link_url="",
        scheduled_at=paris(2026, 12, 3, hour), editorial_state=EditorialState.APPROVED,
        targets=tuple(TargetBadge(target_id=post_id * 10 + i, account_id=i + 1,
                                  account_name=f"Compte {i}", platform=platform, state=state)
                      for i, (platform, state) in enumerate(zip(
                          ("bluesky", "mastodon", "facebook"), states, strict=False))),
        objective_ids=(post_id % 3 + 1,))
    from zoneinfo import ZoneInfo

    return Chip.of(entry, ZoneInfo("Europe/Paris"))


def _render(size: tuple[int, int], paint: Callable[[QPainter], None]) -> QImage:
    image = QImage(*size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint(painter)
    painter.end()
    return image


def test_a_day_of_chips_paints_the_same_pixels_as_one_chip_at_a_time(qtbot: QtBot) -> None:
    chips = [_chip(1, "Assemblée générale de printemps", 9, DeliveryState.PUBLISHED),
             _chip(2, "Collecte", 12, DeliveryState.SCHEDULED, DeliveryState.SCHEDULED),
             _chip(3, "Appel aux bénévoles pour la fête de quartier", 18,
                   DeliveryState.FAILED, DeliveryState.PUBLISHED, DeliveryState.SCHEDULED)]
    palette = QApplication.palette()
    font = QFont(QApplication.font())
    font.setPointSizeF(font.pointSizeF() * 0.85)
    for height in (19, 2 * QFontMetrics(font).height() + 4, 60):
        placed = [(chip, QRect(3, 4 + i * (height + 2), 140, height))
                  for i, chip in enumerate(chips)]
        size = (160, 3 * (height + 2) + 10)

        def one_at_a_time(painter: QPainter, placed: list[tuple[Chip, QRect]] = placed) -> None:
            chip_painter = ChipPainter()
            for chip, rect in placed:
                chip_painter.paint(painter, rect, chip, font=font, palette=palette,
                                   selected=chip.post_id == 2)

        def all_at_once(painter: QPainter, placed: list[tuple[Chip, QRect]] = placed) -> None:
            ChipPainter().paint_all(painter, placed, font=font, palette=palette,
                                    current_post_id=2)

        assert _render(size, all_at_once) == _render(size, one_at_a_time), height


def test_a_new_painter_finds_what_others_measured_in_that_font(qtbot: QtBot) -> None:
    """Each view (and each window) has its chip painter; what is measured in a font is
    shared, so that a view that opens does not measure every title again."""
    from PySide6.QtCore import QLocale

    chips = [_chip(1, "Assemblée générale de printemps", 9, DeliveryState.PUBLISHED),
             _chip(2, "Appel aux bénévoles pour la fête de quartier", 18,
                   DeliveryState.SCHEDULED, DeliveryState.FAILED)]
    palette = QApplication.palette()
    font = QFont(QApplication.font())
    font.setPointSizeF(font.pointSizeF() * 0.85)
    height = 2 * QFontMetrics(font).height() + 4
    placed = [(chip, QRect(3, 4 + i * (height + 2), 120, height)) for i, chip in enumerate(chips)]

    def paint_with(chip_painter: ChipPainter) -> QImage:
        return _render((140, 2 * (height + 2) + 10), lambda painter: chip_painter.paint_all(
            painter, placed, font=font, palette=palette, current_post_id=None))

    first, second = ChipPainter(), ChipPainter()
    cold = paint_with(first)
    assert first._measured.words and first._measured.times
    second._fonts(font)
    assert second._measured.words is first._measured.words
    assert second._measured.splits is first._measured.splits
    assert second._measured.times is first._measured.times
    assert paint_with(second) == cold  # the same pixels from what the first measured

    bigger = QFont(font)
    bigger.setPointSizeF(font.pointSizeF() * 2)
    third = ChipPainter()
    third._fonts(bigger)
    assert third._measured.words is not first._measured.words
    assert not third._measured.words

    # time labels follow the locale (12 h in English): another locale forgets them, also
    # for a painter that opens after the change (its first paint asks before drawing)
    previous = QLocale()
    try:
        QLocale.setDefault(QLocale("en_US" if previous.name() != "en_US" else "fr_FR"))
        fresh = ChipPainter()
        fresh._fonts(font)
        assert not first._measured.times
    finally:
        QLocale.setDefault(previous)
        second._fonts(font)


def test_closing_a_window_leaves_the_workspace_reading_with_the_standard_library(
        qtbot: QtBot, workspace: Workspace, make_post) -> None:
    make_post("Bonjour", title="Fête", at=paris(2026, 12, 3, 9))
    first = MainWindow(workspace, Bridge())
    qtbot.addWidget(first)
    first.show_date(date(2026, 12, 3))
    first.close()

    assert workspace.calendar._quick is not None  # the workspace's reader, still open
    second = MainWindow(workspace, Bridge())
    qtbot.addWidget(second)
    second.show_date(date(2026, 12, 3))
    shown = {c.title for r in range(6) for col in range(7)
             for c in second.month_model.index(r, col).data(Role.CHIPS)}
    assert shown == {"Fête"}


def test_the_filter_proxy_lists_the_same_chips_with_and_without_a_filter(
        window: MainWindow, make_post) -> None:
    for hour, title in ((9, "Collecte de dons"), (10, "Fête"), (11, "Dons du mois")):
        make_post("Texte", title=title, at=paris(2026, 12, 3, hour))
    window.show_date(date(2026, 12, 3))
    proxy = window.proxy

    def mapped() -> list[int]:
        return [proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 20)
                for r in range(proxy.rowCount())]

    assert [c.post_id for c in proxy.chips()] == mapped()
    assert len(mapped()) == 3
    proxy.set_filter(PostFilter(text="dons"))
    assert [c.post_id for c in proxy.chips()] == mapped()
    assert len(mapped()) == 2
    proxy.set_filter(PostFilter())
    assert [c.post_id for c in proxy.chips()] == mapped()
    assert len(mapped()) == 3


def test_a_post_status_is_the_same_as_its_definition_for_every_mix_of_states() -> None:
    import itertools

    states = list(DeliveryState)
    for count in range(4):
        for mix in itertools.product(states, repeat=count):
            found = set(mix)
            live = found - {DeliveryState.CANCELLED}
            if found & domain.NEEDS_ATTENTION:
                expected = domain.PostStatus.ATTENTION
            elif not found:
                expected = domain.PostStatus.DRAFT
            elif found == {DeliveryState.CANCELLED}:
                expected = domain.PostStatus.CANCELLED
            elif live == {DeliveryState.PUBLISHED}:
                expected = domain.PostStatus.PUBLISHED
            elif live & {DeliveryState.SCHEDULED, DeliveryState.PUBLISHING,
                         DeliveryState.PUBLISHED}:
                expected = domain.PostStatus.SCHEDULED
            else:
                expected = domain.PostStatus.DRAFT
            assert domain.status_of(mix) == expected, mix


def test_pyside_keeps_no_source_of_the_modules_imported_after_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from essplanner.ui.sources import spare_sources

    assert spare_sources() is True
    (tmp_path / "plain_helper_18.py").write_text("VALUE = 1\n" * 50)
    (tmp_path / "qt_helper_18.py").write_text("from PySide6.QtCore import QObject\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import plain_helper_18  # type: ignore[import-not-found]  # noqa: F401
    import qt_helper_18  # type: ignore[import-not-found]  # noqa: F401

    assert str(tmp_path / "plain_helper_18.py") not in linecache.cache
    assert str(tmp_path / "qt_helper_18.py") not in linecache.cache
    # what shiboken's hook decides is unchanged: the module using PySide6 is told apart
    feature = sys.modules["shibokensupport.feature"]
    assert feature.pyside_feature_dict["plain_helper_18"] == -1
    assert feature.pyside_feature_dict["qt_helper_18"] == 0


def test_the_publishing_service_accounts_and_dashboard_load_no_network_or_chart_library() -> None:
    """What the app installs once its window is up does not load requests (with the first
    send or check) nor QtCharts (with the dashboard): memory the app need not hold."""
    code = (
        "import sys\n"
        "import essplanner.scheduler, essplanner.ui.kpi.tools, essplanner.ui.accounts.dialog\n"
        "import essplanner.channels.accounts, essplanner.ui.tray\n"
        "print(sorted(m for m in ('requests', 'PySide6.QtCharts', 'essplanner.publishers.http')"
        " if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True, timeout=120,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen",
                              "PYTHONPATH": str(ROOT)})
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_a_chip_line_drawn_as_single_line_text_has_the_same_pixels(qtbot: QtBot) -> None:
    """Chips draw their lines with TextSingleLine (no search for line breaks): the pixels
    are those of the plain AlignLeft | AlignVCenter drawing, clipped or not."""
    from essplanner.ui.calendar.chip_painter import _ALIGN

    plain = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    assert _ALIGN != plain
    texts = ("Appel aux bénévoles : Égalité", "Atelier « Lire sa facture »", "Merci !",
             "L’été — 12:30", "Fête des voisins de l’association du quartier Nord")
    checked = 0
    for size in (7.5, 8.5, 9.0, 10.0, 11.5):
        font = QFont(QApplication.font())
        font.setPointSizeF(size)
        for height in range(10, 30, 3):
            def draw(painter: QPainter, flags: object, height: int = height,
                     font: QFont = font) -> None:
                painter.setFont(font)
                for i, text in enumerate(texts):
                    painter.drawText(QRect(4, 2 + i * 32, 150, height), flags, text)  # type: ignore[call-overload]

            assert _render((170, 170), lambda p: draw(p, _ALIGN)) == _render(
                (170, 170), lambda p: draw(p, plain)), (size, height)
            checked += 1
    assert checked == 5 * 7


def _render_at(ratio: float, size: tuple[int, int], background: QColor,
               paint: Callable[[QPainter], None]) -> QImage:
    image = QImage(round(size[0] * ratio), round(size[1] * ratio),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(background)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint(painter)
    painter.end()
    return image


def test_a_label_drawn_from_its_pixmap_has_the_pixels_of_drawtext(qtbot: QtBot) -> None:
    """The month's "+N more" is drawn from a pixmap made once (draw_label): the pixels of
    drawText in the same rect, at every font size, rect height and position, on both
    backgrounds of a day, at one and two device pixels per point, clipped where drawText
    clips (a narrow or short rect)."""
    align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    texts = ("+3 more", "+12 autres", "+1 publication de plus", "Été…")
    colour = QColor("#1565c0")
    painter_ = ChipPainter()
    checked = 0
    for ratio in (1.0, 2.0):
        for size in (7.0, 7.5, 8.5, 9.0, 10.0, 11.5):
            font = QFont(QApplication.font())
            font.setPointSizeF(size)
            line = QFontMetrics(font).height()
            for height in range(line - 3, line + 9, 2):
                for top in (3, 4):
                    for width in (160, 30):  # the second clips the longer texts
                        rects = [QRect(4, top + i * 26, width, height)
                                 for i in range(len(texts))]

                        def plain(painter: QPainter, font: QFont = font,
                                  rects: list[QRect] = rects) -> None:
                            painter.setFont(font)
                            painter.setPen(colour)
                            for rect, text in zip(rects, texts, strict=True):
                                painter.drawText(rect, align, text)

                        def cached(painter: QPainter, font: QFont = font,
                                   rects: list[QRect] = rects) -> None:
                            for rect, text in zip(rects, texts, strict=True):
                                painter_.draw_label(painter, rect, text, font=font,
                                                    colour=colour)

                        for background in (QColor("white"), QColor("#eef1f5")):
                            expected = _render_at(ratio, (180, 110), background, plain)
                            assert _render_at(ratio, (180, 110), background, cached) == \
                                expected, (ratio, size, height, top, width)
                            checked += 1
    assert checked == 2 * 6 * 6 * 2 * 2 * 2
    assert painter_._measured.labels  # drawn from pixmaps, not by drawText again


def test_a_chip_background_from_its_rounded_ends_has_the_pixels_of_drawroundedrect(
        qtbot: QtBot) -> None:
    """A chip without outline fills its background from two cached rounded ends and a
    plain middle (fill_rounded): the pixels of the antialiased drawRoundedRect, for every
    chip colour and both alphas, on each background a day has, at many sizes, at one and
    two device pixels per point; where it cannot be exact it draws nothing and says so."""
    from essplanner.ui.calendar.chip_painter import _caps, fill_rounded

    colours = []
    for name in ("#1e88e5", "#e53935", "#43a047", "#8e24aa", "#fb8c00", "#9e9e9e"):
        for alpha in (55, 25):
            colour = QColor(name)
            colour.setAlpha(alpha)
            colours.append(colour)
    checked = 0
    for ratio in (1.0, 2.0):
        for width, height in ((170, 33), (171, 34), (120, 19), (13, 19), (40, 61)):
            for x, y in ((7, 9), (8, 10)):
                for background in (QColor("white"), QColor("#f5f5f5"), QColor("#cfe2fb")):
                    def plain(painter: QPainter, x: int = x, y: int = y, width: int = width,
                              height: int = height) -> None:
                        painter.setPen(Qt.PenStyle.NoPen)
                        for i, colour in enumerate(colours):
                            painter.setBrush(colour)
                            painter.drawRoundedRect(x, y + i * 64, width - 1, height - 1, 4, 4)

                    def cached(painter: QPainter, x: int = x, y: int = y,
                               width: int = width, height: int = height,
                               ratio: float = ratio) -> None:
                        for i, colour in enumerate(colours):
                            assert fill_rounded(painter, x, y + i * 64, width, height,
                                                colour, ratio)

                    size = (190, 64 * len(colours))
                    assert _render_at(ratio, size, background, cached) == _render_at(
                        ratio, size, background, plain), (ratio, width, height, x, y)
                    checked += 1
    assert checked == 2 * 5 * 2 * 3
    assert _caps.cache_info().currsize > 0
    image = QImage(40, 40, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    try:  # too narrow for a straight middle, or a fractional ratio: drawn the plain way
        assert not fill_rounded(painter, 0, 0, 11, 19, colours[0], 1.0)
        assert not fill_rounded(painter, 0, 0, 120, 19, colours[0], 1.5)
    finally:
        painter.end()


def test_the_month_paints_its_chips_in_one_batch_with_the_same_pixels(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, make_post,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The month view paints its days, then every chip in one run (PaintBatch): the very
    pixels of each day painting its own chips — published, scheduled, draft, waiting for
    an account, the current post, days full up to "+N more", a day under a drag."""
    from sqlalchemy import update

    from essplanner import models
    from essplanner.demo.loader import load_demo
    from essplanner.ui.calendar import chip_painter, month_view

    load_demo(workspace, lang="fr")
    account = workspace.accounts.all()[0]
    for hour in range(8, 20):  # a day fuller than its cell
        make_post(f"Appel aux bénévoles n° {hour}", at=paris(2026, 11, 30, hour),
                  accounts=(account.id,), schedule=hour % 3 != 0)
    with workspace.db.write() as s:
        s.execute(update(models.Account).where(models.Account.id == account.id).values(
            needs_reconnect=True))
    window.on_changed(domain.Change(accounts=True))
    view = window.month_view
    chips = [c for r in range(6) for c in range(7)
             for c in window.month_model.chips_on(window.month_model.date_at(r, c))]
    assert len(chips) > 20 and len({c.status for c in chips}) >= 3
    view.set_current_post(chips[3].post_id)
    view.delegate.drop_date = date(2026, 11, 30)

    flushed: list[int] = []
    flush = chip_painter.PaintBatch.flush

    def counting(self: chip_painter.PaintBatch, painter: QPainter) -> None:
        flushed.append(len(self._calls))
        flush(self, painter)

    monkeypatch.setattr(chip_painter.PaintBatch, "flush", counting)
    batched = view.grab().toImage()
    assert flushed and flushed[0] > 10 * len(chips) // 2  # the chips went through the batch
    monkeypatch.setattr(month_view, "PaintBatch", lambda device: None)  # each day paints its own
    flushed.clear()
    plain = view.grab().toImage()
    assert flushed == []
    assert batched == plain
