"""People-facing words only: in the example workspace, in French and in English, no
platform id ("bluesky", "dryrun", ...) reaches a visible string of the main views, the
editor, needs attention, the dashboard, coverage or the board report."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from essplanner.demo.loader import load_demo
from essplanner.domain import PostQuery
from essplanner.i18n import set_language
from essplanner.ui.bridge import Bridge
from essplanner.ui.calendar.month_model import Role
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace

# the offscreen platform cannot raise the dashboard and coverage windows
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support raise")]

IDS = re.compile(r"\b(bluesky|dryrun|facebook|instagram|threads|mastodon|telegram)\b")
# addresses, handles and hashtags may hold a platform's name: they are not words
NOT_WORDS = re.compile(r"\S+://\S+|[\w.-]+\.(?:social|app|org|com|net|example)\S*|[@#]\S+")


def platform_ids(text: str) -> list[str]:
    return IDS.findall(NOT_WORDS.sub(" ", text))


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return int(model.columnCount(parent))
    except TypeError:  # a list model: PySide makes its columnCount private
        return 1


def _model_strings(model: QAbstractItemModel, parent: QModelIndex = QModelIndex(),  # noqa: B008
                   depth: int = 0) -> Iterator[str]:
    for row in range(min(model.rowCount(parent), 300)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    yield value
            if depth < 2 and column == 0 and model.rowCount(index) > 0:
                yield from _model_strings(model, index, depth + 1)
    for section in range(_columns(model, parent)):
        value = model.headerData(section, Qt.Orientation.Horizontal)
        if isinstance(value, str):
            yield value


def visible_strings(widgets: list[QWidget]) -> Iterator[tuple[str, str]]:
    for top in widgets:
        for widget in [top, *top.findChildren(QWidget)]:
            if not widget.isVisible():
                continue
            where = f"{type(widget).__name__}"
            yield where, widget.toolTip()
            yield where, widget.windowTitle()
            if isinstance(widget, QLabel | QAbstractButton):
                yield where, widget.text()
            if isinstance(widget, QAbstractItemView) and widget.model() is not None:
                for text in _model_strings(widget.model()):
                    yield where, text


@pytest.fixture(params=["fr", "en"])
def lang(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    from essplanner.ui.translations import install_translators, remove_translators

    language: str = request.param
    previous = QLocale()
    set_language(language)
    translators = install_translators(qapp, language)
    yield language
    remove_translators(qapp, translators)
    QLocale.setDefault(previous)
    set_language("en")


def test_no_platform_id_in_the_example_workspace(qtbot: QtBot, workspace: Workspace,
                                                 lang: str, tmp_path: Path) -> None:
    from essplanner.kpi import report
    from essplanner.kpi.periods import DateRange
    from essplanner.ui.kpi import tools as kpi_tools

    load_demo(workspace, lang=lang)
    bridge = Bridge()
    window = MainWindow(workspace, bridge)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.after_first_paint()
    tools = kpi_tools.install(window, workspace, bridge)
    found: list[str] = []

    def check(where: str, text: str) -> None:
        found.extend(f"{where}: {hit} in {text[:120]!r}" for hit in platform_ids(text))

    month = window.month_model
    for r in range(month.rowCount()):
        for c in range(month.columnCount()):
            for chip in month.index(r, c).data(Role.CHIPS):
                check("chip", chip.tooltip())
    window.show_attention()
    for kind in ("month", "week", "agenda"):
        window.set_view(kind)
        for where, text in visible_strings([window]):
            check(f"{kind}/{where}", text)
    window.set_view("month")
    window.filters_dock.show()
    for where, text in visible_strings([window.filters_dock]):
        check(f"filters/{where}", text)

    post = workspace.posts.query(PostQuery(include_unscheduled=True))[0]
    window.open_post(post.id)
    editor = window.editors[-1]
    editor.form.accounts.set_checked([a.id for a in editor.accounts])
    editor.refresh()
    for where, text in visible_strings([editor]):
        check(f"editor/{where}", text)
    editor.dirty = False
    editor.close()

    dashboard = tools.on_dashboard()
    coverage = tools.on_coverage()
    for where, text in visible_strings([dashboard, coverage]):
        check(f"kpi/{where}", text)
    span = DateRange.inclusive(date(2026, 10, 1), date(2026, 12, 31))
    data = report.build(workspace, span, lang=lang, include_test_accounts=True)
    report.write_csv(data, tmp_path / "report.csv")
    check("report.csv", (tmp_path / "report.csv").read_text(encoding="utf-8"))
    from essplanner.ui.kpi.report_pdf import build_html

    html, _images = build_html(data)
    check("report.pdf", html)
    dashboard.close()
    coverage.close()
    assert sorted(set(found)) == []


def test_the_check_finds_an_id_but_not_an_address() -> None:
    assert platform_ids("2 publications sur 2 réseaux (bluesky, dryrun)") == [
        "bluesky", "dryrun"]
    assert platform_ids("https://mastodon.social/@asso #mastodon asso.bsky.social") == []
    assert platform_ids("Bluesky, Mastodon") == []
