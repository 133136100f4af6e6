"""The dashboard in words a volunteer reads: its real period, values with their unit, plural
forms, and charts that say why they are empty (issue 18, item 8)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from kpi_fixture import NOVEMBER, Plan, measure
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from essplanner.i18n import set_language
from essplanner.kpi.periods import DateRange
from essplanner.ui.bridge import Bridge
from essplanner.ui.kpi.dashboard import DashboardWindow
from essplanner.workspace import Workspace

pytestmark = pytest.mark.gui

NNBSP = "\u202f"  # the narrow no-break space of French thousands


def _speaking(qapp: QApplication, lang: str) -> Iterator[None]:
    from essplanner.ui.translations import install_translators, remove_translators

    previous = QLocale()
    set_language(lang)
    translators = install_translators(qapp, lang)
    yield
    remove_translators(qapp, translators)
    QLocale.setDefault(previous)
    set_language("en")


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    yield from _speaking(qapp, "fr")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    yield from _speaking(qapp, "en")


def _window(qtbot: QtBot, ws: Workspace) -> DashboardWindow:
    window = DashboardWindow(ws, Bridge())
    qtbot.addWidget(window)
    return window


def _value(window: DashboardWindow, kpi: str) -> str:
    model = window.kpi_model
    return next(model.index(r, model.VALUE).data() for r in range(model.rowCount())
                if model.index(r, model.KPI).data() == kpi)


def test_a_new_dashboard_shows_its_real_period_in_the_users_locale(
        qtbot: QtBot, workspace: Workspace, french: None) -> None:
    window = _window(qtbot, workspace)  # opened from the menu: no span given
    # today is 27 November 2026 (the shared clock): the month of November, not 1/1/2000
    assert window.span == DateRange(date(2026, 11, 1), date(2026, 12, 1))
    assert window.start.date().toPython() == date(2026, 11, 1)
    assert window.end.date().toPython() == date(2026, 11, 30)
    assert window.start.text() == "01/11/2026"
    assert window.end.text() == "30/11/2026"
    assert "2000" not in window.start.text() + window.end.text()
    assert window.title.text() == "Tableau de bord — novembre 2026"


def test_kpi_values_carry_their_unit(qtbot: QtBot, plan: Plan, tmp_path: Path,
                                     french: None) -> None:
    measure(plan, tmp_path)
    window = _window(qtbot, plan.ws)
    window.set_span(DateRange.inclusive(*NOVEMBER))
    assert _value(window, "Dons reçus") == f"2{NNBSP}500 €"
    assert _value(window, "Bénévoles inscrits") == "3 personnes"
    assert _value(window, "Clics depuis Facebook") == "130 visites"


def test_the_summary_agrees_in_number(qtbot: QtBot, plan: Plan, tmp_path: Path,
                                      french: None) -> None:
    measure(plan, tmp_path)
    window = _window(qtbot, plan.ws)
    window.set_span(DateRange.inclusive(date(2026, 11, 3), date(2026, 11, 3)))
    assert window.summary.text().startswith("1 publication publiée · ")
    window.set_span(DateRange.inclusive(date(2026, 11, 2), date(2026, 11, 3)))
    assert window.summary.text().startswith("2 publications publiées · ")


def test_the_summary_in_english(qtbot: QtBot, plan: Plan, tmp_path: Path,
                                english: None) -> None:
    measure(plan, tmp_path)
    window = _window(qtbot, plan.ws)
    window.set_span(DateRange.inclusive(date(2026, 11, 3), date(2026, 11, 3)))
    assert window.summary.text().startswith("1 post published · ")
    window.set_span(DateRange.inclusive(*NOVEMBER))
    assert window.summary.text().startswith("4 posts published · ")
    assert "1 of 7 KPIs reached" in window.summary.text()


def test_empty_charts_say_why(qtbot: QtBot, plan: Plan, tmp_path: Path,
                              french: None) -> None:
    window = _window(qtbot, plan.ws)
    window.show()
    window.set_span(DateRange.inclusive(*NOVEMBER))
    # objectives with targets but nothing measured yet
    progress = window.progress_chart
    assert progress.empty.isVisible() and not progress.view.isVisible()
    assert "Aucune mesure sur cette période" in progress.empty.text()
    assert "Part de chaque cible atteinte" in progress.empty.text()  # the chart's title
    assert window.persona_chart.empty.isVisible()
    assert "Aucune interaction mesurée" in window.persona_chart.empty.text()
    assert window.platform_chart.empty.isVisible()

    measure(plan, tmp_path)
    window.reload()
    for panel in (window.progress_chart, window.trend_chart, window.persona_chart,
                  window.platform_chart):
        assert panel.view.isVisible() and not panel.empty.isVisible()


def test_a_new_workspace_says_what_to_add(qtbot: QtBot, workspace: Workspace,
                                          english: None) -> None:
    window = _window(qtbot, workspace)
    window.show()
    assert "No KPI with a target yet" in window.progress_chart.empty.text()
    assert "No KPI with a target yet" in window.trend_chart.empty.text()
    assert "No persona yet" in window.persona_chart.empty.text()
    assert "No interactions measured" in window.platform_chart.empty.text()
    assert window.summary.text() == ("0 posts published · 0 interactions · 0 web visits from "
                                     "the posts' links · 0 of 0 KPIs reached")
