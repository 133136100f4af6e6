"""The dashboard, the coverage view, the outcome dialog, the import of visits, the report
dialog, and their Qt models (through qtmodeltester), on the fixture plan."""

from datetime import date
from pathlib import Path

import pytest
from kpi_fixture import NOVEMBER, Plan, measure
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from essplanner.kpi.periods import DateRange
from essplanner.ui.bridge import Bridge
from essplanner.ui.kpi.coverage import GAP, CoverageWindow, Role
from essplanner.ui.kpi.dashboard import DashboardWindow
from essplanner.ui.kpi.models import Role as TableRole
from essplanner.ui.kpi.outcome_dialog import OutcomeDialog
from essplanner.ui.kpi.tools import install
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace

pytestmark = pytest.mark.gui


def connected(ws: Workspace) -> Bridge:
    bridge = Bridge()
    ws.subscribe(bridge.emit_change)
    return bridge


def dashboard(qtbot: QtBot, plan: Plan, bridge: Bridge | None = None) -> DashboardWindow:
    window = DashboardWindow(plan.ws, bridge or connected(plan.ws))
    qtbot.addWidget(window)
    window.set_span(DateRange.inclusive(*NOVEMBER))
    return window


def kpi_cells(window: DashboardWindow) -> dict[str, list[str]]:
    model = window.kpi_model
    return {model.index(r, 1).data(): [model.index(r, c).data() for c in range(8)]
            for r in range(model.rowCount())}


def test_dashboard_shows_objectives_against_targets(qtbot: QtBot, plan: Plan,
                                                   tmp_path: Path) -> None:
    measure(plan, tmp_path)
    window = dashboard(qtbot, plan)
    cells = kpi_cells(window)
    assert cells["Dons reçus"] == ["Dons", "Dons reçus", "November 2026", "2,500 €", "3,000 €",
                                   "83%", "Behind", "outcome entries"]
    assert cells["Clics depuis Facebook"][3:7] == ["130 visites", "100 visites", "130%",
                                                   "Reached"]
    assert cells["Personnes sensibilisées"][3] == "80 interactions"
    assert cells["Demandes d’aide reçues"][2:4] == ["Q4 2026", "26 demandes"]
    # no translator installed here: Qt's plural source text (tests/kpi/test_dashboard_words.py
    # checks the English and French forms)
    assert "4 post(s) published" in window.summary.text()
    assert "1 of 7 KPI(s) reached" in window.summary.text()
    best = window.best_model
    assert [best.index(r, 0).data() for r in range(best.rowCount())][:2] == ["karim-2",
                                                                           "marie-3"]
    assert best.index(0, best.INTERACTIONS).data() == "80"
    chart = window.progress_chart.view.chart()
    assert chart.title() and chart.series()
    categories = chart.axes()[0].categories()  # type: ignore[attr-defined]
    assert "Dons reçus" in categories and "Partages" in categories
    persona = window.persona_chart.view.chart().series()[0].barSets()[0]  # type: ignore
    assert [persona.at(i) for i in range(persona.count())] == [0.0, 0.0, 7.0, 80.0]
    # the whole dashboard and one chart, as PNG images
    assert window.save_png(tmp_path / "dashboard.png")
    assert window.progress_chart.save_png(tmp_path / "chart.png")
    from PySide6.QtGui import QImage

    image = QImage(str(tmp_path / "dashboard.png"))
    assert image.width() >= 800 and image.height() > window.height() * 0.8


def test_periods_can_be_stepped(qtbot: QtBot, plan: Plan, tmp_path: Path) -> None:
    measure(plan, tmp_path)
    window = dashboard(qtbot, plan)
    window.period.setCurrentIndex(0)  # month
    assert window.span == DateRange(date(2026, 11, 1), date(2026, 12, 1))
    window.action_previous.trigger()
    assert window.span == DateRange(date(2026, 10, 1), date(2026, 11, 1))
    assert kpi_cells(window)["Dons reçus"][3] == "300 €"
    window.period.setCurrentIndex(1)  # quarter
    assert window.span == DateRange(date(2026, 10, 1), date(2027, 1, 1))
    assert "Q4 2026" in window.title.text()
    assert [r for r in range(window.kpi_model.rowCount())
            if window.kpi_model.index(r, 1).data() == "Dons reçus"] == [0, 1, 2]


def test_models_pass_the_model_tester(qtbot: QtBot, qtmodeltester: ModelTester, plan: Plan,
                                      tmp_path: Path) -> None:
    measure(plan, tmp_path)
    window = dashboard(qtbot, plan)
    for model in (window.kpi_model, window.best_model, window.outcome_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)
    coverage = CoverageWindow(plan.ws, Bridge())
    qtbot.addWidget(coverage)
    coverage.set_span(DateRange.inclusive(*NOVEMBER))
    qtmodeltester.check(coverage.model)
    qtmodeltester.check(coverage.gaps)


def test_recording_an_outcome_refreshes_and_can_be_undone(
        qtbot: QtBot, plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    measure(plan, tmp_path)
    window = dashboard(qtbot, plan)
    kpi = plan.kpi("Dons reçus")

    def fill_and_save(dialog: OutcomeDialog) -> int:
        dialog.kpi.setCurrentIndex(dialog.kpi.findData(kpi.id))
        assert dialog.amount.suffix() == " €"
        dialog.amount.setValue(150)
        dialog.source.setText("Tombola")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(OutcomeDialog, "exec", fill_and_save)
    with qtbot.waitSignal(window.reloaded):
        window.add_button.click()
    assert kpi_cells(window)["Dons reçus"][3] == "2,650 €"
    with qtbot.waitSignal(window.reloaded):
        window.action_undo.trigger()
    assert kpi_cells(window)["Dons reçus"][3] == "2,500 €"
    with qtbot.waitSignal(window.reloaded):
        window.action_redo.trigger()
    assert kpi_cells(window)["Dons reçus"][3] == "2,650 €"
    assert plan.ws.kpis.outcomes(kpi_id=kpi.id)[0].source == "Tombola"


def test_deleting_an_entry_and_undo(qtbot: QtBot, plan: Plan, tmp_path: Path) -> None:
    measure(plan, tmp_path)
    window = dashboard(qtbot, plan)
    assert not window.delete_button.isEnabled()
    model = window.outcome_model
    row = next(r for r in range(model.rowCount())
               if model.index(r, 0).data(TableRole.ITEM).amount == 1200)
    window.outcome_view.selectRow(row)
    assert window.delete_button.isEnabled()
    with qtbot.waitSignal(window.reloaded):
        window.delete_button.click()
    assert kpi_cells(window)["Dons reçus"][3] == "1,300 €"
    with qtbot.waitSignal(window.reloaded):
        window.action_undo.trigger()
    assert kpi_cells(window)["Dons reçus"][3] == "2,500 €"


def test_outcome_dialog_shows_problems_inline(qtbot: QtBot, plan: Plan) -> None:
    dialog = OutcomeDialog(plan.ws, kpi_id=plan.kpi("Bénévoles inscrits").id)
    qtbot.addWidget(dialog)
    assert dialog.kpi.currentText() == "Bénévoles inscrits — Recrutement de bénévoles"
    assert dialog.kpi.count() == 3  # only the KPIs fed by outcome entries
    dialog.amount.setValue(0)
    dialog.accept()
    assert dialog.entry is None and not dialog.error.isHidden()
    assert "other than zero" in dialog.error.text()
    dialog.amount.setValue(2)
    dialog.day.setDate(dialog.day.date().addDays(-3))
    dialog.accept()
    assert dialog.entry is not None and dialog.entry.day == date(2026, 11, 24)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen windows
def test_the_tools_menu_opens_everything(qtbot: QtBot, workspace: Workspace,
                                         tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from kpi_fixture import VISITS_CSV

    from essplanner.demo.loader import load_demo
    from essplanner.ui import messages

    load_demo(workspace, lang="en")
    bridge = connected(workspace)
    window = MainWindow(workspace, bridge)
    qtbot.addWidget(window)
    tools = install(window, workspace, bridge)
    texts = [a.text() for a in window.menu_tools.actions() if not a.isSeparator()]
    # the window's own Tools entries (personas, objectives) come first
    assert texts[-5:] == ["&Dashboard of objectives and KPIs", "&Coverage by persona and objective",
                     "Record an &outcome…", "Import web &visits (CSV)…",
                     "Board &report (PDF or CSV)…"]
    board = tools.on_dashboard()
    qtbot.waitExposed(board)
    assert board.kpi_model.rowCount() >= 6
    coverage = tools.on_coverage()
    assert coverage.isVisible()
    # importing visits runs in a worker, then the dashboard follows
    csv = tmp_path / "visits.csv"
    csv.write_text(VISITS_CSV.replace("dons", "donations"), encoding="utf-8")
    with qtbot.waitSignal(board.reloaded, timeout=10000):
        tools.import_visits(csv)
        qtbot.waitUntil(lambda: "visits imported" in window.statusBar().currentMessage(),
                        timeout=10000)
    assert window.statusBar().currentMessage() == \
        "750 visits imported (6 new lines, 0 updated)."
    shown: list[str] = []
    monkeypatch.setattr(messages, "warning",
                        lambda parent, title, text, *a: shown.append(text))
    bad = tmp_path / "bad.csv"
    bad.write_text("date,campaign,visits\n2026-11-01,dons,lots\n", encoding="utf-8")
    tools.import_visits(bad)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert shown[0].startswith("Nothing was imported: 1 bad line. line 2:")


def test_coverage_view_highlights_the_gaps(qtbot: QtBot, plan: Plan) -> None:
    window = CoverageWindow(plan.ws, Bridge())
    qtbot.addWidget(window)
    window.set_span(DateRange.inclusive(*NOVEMBER))
    model = window.model
    rows = {str(model.headerData(r, Qt.Orientation.Vertical)).lstrip("◆◎ "): r
            for r in range(model.rowCount())}
    karim = rows["Karim"]
    assert [model.index(karim, c).data(Role.IN_GAP) for c in range(6)] == [
        False, False, True, True, True, True]
    assert model.index(karim, 3).data(Qt.ItemDataRole.ToolTipRole) == \
        "Nothing planned: part of a gap."
    assert model.index(karim, 3).data(Qt.ItemDataRole.BackgroundRole).color() == GAP
    assert model.index(karim, 1).data() == "1"
    marie = rows["Marie"]
    assert model.index(marie, 4).data() == "2 (1)"  # planned (published)
    assert model.index(marie, 6).data() == "4 (2)"  # the total
    assert model.index(marie, 4).data(Role.POST_IDS) == [plan.posts["marie-24"],
                                                         plan.posts["marie-28"]]
    assert model.index(marie, 4).data(Qt.ItemDataRole.ToolTipRole) == "• marie-24\n• marie-28"
    gaps = [window.gaps.index(r).data() for r in range(window.gaps.rowCount())]
    assert "Nothing for Sophie in the whole period." in gaps
    assert any(g.startswith("« paul-12 »") for g in gaps)  # channel fit
    with qtbot.waitSignal(window.post_activated) as activated:
        window.on_double_clicked(model.index(marie, 4))
    assert activated.args == [plan.posts["marie-24"]]
    window.min_weeks.setValue(5)
    assert [model.index(karim, c).data(Role.IN_GAP) for c in range(6)] == [False] * 6


def test_report_dialog_writes_pdf_and_csv(qtbot: QtBot, plan: Plan, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from essplanner.ui.kpi.report_dialog import ReportDialog

    measure(plan, tmp_path)
    dialog = ReportDialog(plan.ws, span=DateRange.inclusive(*NOVEMBER))
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "choose_file", lambda fmt: tmp_path / f"board.{fmt}")
    dialog.lang.setCurrentIndex(dialog.lang.findData("en"))
    dialog.accept()
    assert dialog.saved == tmp_path / "board.pdf"
    assert (tmp_path / "board.pdf").read_bytes().startswith(b"%PDF")
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.lang.setCurrentIndex(dialog.lang.findData("fr"))
    dialog.accept()
    text = (tmp_path / "board.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("rubrique;objectif;Indicateur")
    assert "Indicateur;Dons;Dons reçus;;;;novembre 2026;2026-11-01;2026-11-30;2500;3000;€;" \
        in text
