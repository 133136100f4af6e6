"""Personas and objectives panels, the colour choice, and moving around the calendar."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from essplanner.domain import ObjectiveKind, Period, Segment
from essplanner.settings import Settings
from essplanner.ui.mainwindow import MainWindow
from essplanner.ui.panels.objectives import ObjectivesDialog
from essplanner.ui.panels.personas import PersonasDialog
from essplanner.workspace import Workspace

from ..conftest import paris

pytestmark = pytest.mark.gui


def test_personas_are_created_and_edited_in_the_panel(qtbot: QtBot,
                                                      workspace: Workspace) -> None:
    dialog = PersonasDialog(workspace)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    dialog.name.setText("Marie")
    dialog.age.setValue(72)
    dialog.segment.setCurrentIndex(dialog.segment.findData(Segment.BENEFICIARIES.value))
    dialog.motivation.setPlainText("Réduire sa facture")
    dialog.networks.set_checked(["facebook"])
    dialog.other_networks.setText("Groupes locaux")
    dialog.expected.setPlainText("Astuces, témoignages")
    dialog.save_button.click()
    marie = workspace.personas.all()[0]
    assert (marie.name, marie.age, marie.segment) == ("Marie", 72, Segment.BENEFICIARIES)
    assert marie.networks == ("facebook", "Groupes locaux")
    assert marie.uses_platform("facebook") and not marie.uses_platform("instagram")
    assert dialog.model.index(0, 0).data() == "Marie, 72 years old"
    # editing keeps the same persona
    dialog.networks.set_checked(["facebook", "instagram"])
    dialog.save_button.click()
    again = workspace.personas.get(marie.id)
    assert again.uses_platform("instagram") and again.expected_content == "Astuces, témoignages"
    dialog.new_button.click()
    dialog.name.setText("Marie")  # same name: refused with a message, nothing changed
    dialog.save_button.click()
    assert len(workspace.personas.all()) == 1


def test_objectives_with_several_kpis(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = ObjectivesDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.name.setText("Dons")
    dialog.kind.setCurrentIndex(dialog.kind.findData(ObjectiveKind.DONATIONS.value))
    row = dialog.kpis.add()
    for column, value in ((0, "Dons reçus"), (1, "3000"), (2, "€"), (3, Period.MONTH.value)):
        assert dialog.kpis.setData(dialog.kpis.index(row, column), value)
    row = dialog.kpis.add()
    dialog.kpis.setData(dialog.kpis.index(row, 0), "Donateurs")
    dialog.kpis.setData(dialog.kpis.index(row, 1), "40,5")
    dialog.kpis.setData(dialog.kpis.index(row, 3), Period.QUARTER.value)
    assert not dialog.kpis.setData(dialog.kpis.index(row, 1), "beaucoup")
    dialog.save_button.click()
    objective = workspace.objectives.all()[0]
    assert objective.kind is ObjectiveKind.DONATIONS
    assert [(k.name, k.target_value, k.unit, k.period) for k in objective.kpis] == [
        ("Dons reçus", 3000.0, "€", Period.MONTH), ("Donateurs", 40.5, "", Period.QUARTER)]
    dialog.kpi_view.setCurrentIndex(dialog.kpis.index(0, 0))
    dialog.remove_kpi_button.click()
    dialog.save_button.click()
    assert [k.name for k in workspace.objectives.get(objective.id).kpis] == ["Donateurs"]
    assert dialog.kpis.headerData(3, Qt.Orientation.Horizontal) == "Period"


def test_the_colour_choice_is_saved_in_the_settings(window: MainWindow,
                                                    workspace: Workspace) -> None:
    assert window.month_view.delegate.colour_by == "objective"
    window.colour_actions["platform"].trigger()
    assert window.month_view.delegate.colour_by == "platform"
    assert window.colour_combo.currentData() == "platform"
    assert Settings.load(workspace.paths.settings_file).calendar_colour_by == "platform"
    window.set_view("week")
    assert window.week_view.chips.colour_by == "platform"


def test_navigation_today_previous_next_and_keyboard(qtbot: QtBot, window: MainWindow,
                                                     make_post) -> None:
    make_post("x", at=paris(2026, 12, 1, 9))
    assert window.month_model.month == date(2026, 11, 1)  # the clock says 27 November 2026
    window.action_next.trigger()
    assert window.month_model.month == date(2026, 12, 1)
    window.action_previous.trigger()
    window.action_previous.trigger()
    assert window.title.text() == "October 2026"
    window.action_today.trigger()
    assert window.month_view.current_date() == date(2026, 11, 27)
    # arrows past the end of the grid go to the next month, keeping the weekday
    window.month_view.setFocus()
    window.month_view.select_date(date(2026, 12, 6))
    qtbot.keyClick(window.month_view, Qt.Key.Key_Down)
    assert window.month_model.month == date(2026, 12, 1)
    assert window.month_view.current_date() == date(2026, 12, 13)
    window.set_view("week", date(2026, 12, 1))
    assert window.title.text().startswith("30") and window.title.text().endswith("2026")
    window.action_next.trigger()
    assert window.week_view.week_start == date(2026, 12, 7)
    window.set_view("agenda")
    assert window.view_actions["agenda"].isChecked()
    window.show_date(date(2026, 12, 1))
    assert window.agenda_model.day_of(window.agenda_view.currentIndex()) == date(2026, 12, 1)


def test_enter_on_a_day_writes_a_post_there_and_tooltips_tell_the_text(
        qtbot: QtBot, window: MainWindow, make_post) -> None:
    post = make_post("Le texte entier de la publication", title="Titre",
                     at=paris(2026, 12, 2, 9, 30))
    window.show_date(date(2026, 12, 2))
    index = window.month_model.index_of(date(2026, 12, 2))
    assert "09:30 Titre" in index.data(Qt.ItemDataRole.ToolTipRole)
    row = window.post_model.row_of(post.id)
    assert row is not None
    tip = window.post_model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Le texte entier de la publication" in tip
    window.month_view.setFocus()
    window.month_view.select_date(date(2026, 12, 3))
    qtbot.keyClick(window.month_view, Qt.Key.Key_Return)
    editor = window.editors[-1]
    assert editor.state().local_datetime().date() == date(2026, 12, 3)
    editor.dirty = False
    editor.close()
    window.month_view.select_date(date(2026, 12, 2))
    qtbot.keyClick(window.month_view, Qt.Key.Key_Return)
    assert window.editors[-1].post is not None and window.editors[-1].post.id == post.id
