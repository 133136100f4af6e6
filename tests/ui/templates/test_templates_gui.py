"""The template picker, a new post from a template, the editor's evergreen row and "Save as
template", the evergreen library, and the coverage gaps that propose evergreen posts and
templates."""

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog
from pytestqt.qtbot import QtBot

from essplanner import domain
from essplanner.domain import DeliveryState, ObjectiveKind, PostDraft, Segment
from essplanner.kpi.coverage import GapKind
from essplanner.kpi.fill import ProposalKind
from essplanner.kpi.periods import DateRange
from essplanner.ui.kpi.coverage import GAP_ROLE, CoverageWindow
from essplanner.ui.mainwindow import MainWindow
from essplanner.ui.templates.library import Column, EvergreenDialog
from essplanner.ui.templates.picker import TemplatePicker
from essplanner.workspace import Workspace

from ..conftest import Dialogs

pytestmark = pytest.mark.gui


def _picker(qtbot: QtBot, ws: Workspace) -> TemplatePicker:
    picker = TemplatePicker(ws)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    return picker


def test_the_template_picker_previews_each_template_and_deletes_saved_ones(
        qtbot: QtBot, workspace: Workspace, model_check, dialogs: Dialogs) -> None:
    workspace.personas.add(name="Marie", segment=Segment.BENEFICIARIES)
    workspace.objectives.add(name="Dons", kind=ObjectiveKind.DONATIONS, kpi_name="Dons reçus",
                             target_value=1000)
    post = workspace.posts.create(PostDraft(title="Notre astuce", body="Un geste par jour."))
    workspace.templates.save_from_post(post.id, "Astuce maison")
    picker = _picker(qtbot, workspace)
    model_check(picker.model)
    names = [picker.model.index(r, 0).data() for r in range(picker.model.rowCount())]
    assert len(names) == 8 and names[1] == "Beneficiary testimony"
    assert names[-1] == "Astuce maison (yours)"

    picker.select("beneficiary-testimony")
    preview = picker.preview.toPlainText()
    assert "Image rights: get the person's written consent" in preview
    assert "[First name], [age or situation in a few words]" in preview
    assert "Marie" in preview and "Dons" in preview  # the workspace's, matched
    assert "Facebook, Instagram, YouTube" in preview
    assert not picker.delete_button.isEnabled()  # the guide's stay

    picker.select("Astuce maison")
    assert picker.delete_button.isEnabled()
    assert "Un geste par jour." in picker.preview.toPlainText()
    picker.delete_button.click()
    assert [t.name for t in workspace.templates.saved()] == []
    assert picker.model.rowCount() == 7
    picker.select("thank-you")
    picker.buttons.accepted.emit()
    assert picker.result() == QDialog.DialogCode.Accepted
    chosen = picker.chosen()
    assert chosen is not None and chosen.key == "thank-you"


def test_new_post_from_a_template_fills_the_editor(
        qtbot: QtBot, window: MainWindow, workspace: Workspace,
        monkeypatch: pytest.MonkeyPatch) -> None:
    karim = workspace.personas.add(name="Karim", segment=Segment.VOLUNTEERS)
    recruit = workspace.objectives.add(name="Bénévoles", kind=ObjectiveKind.VOLUNTEERS,
                                       kpi_name="Recrutés", target_value=5)
    assert window.action_new_from_template in window.menu_file.actions()
    from PySide6.QtWidgets import QToolBar, QToolButton

    bar = window.findChild(QToolBar, "navigation")
    button = bar.widgetForAction(window.action_new)
    assert isinstance(button, QToolButton)
    assert window.action_new_from_template in button.menu().actions()

    def choose(picker: TemplatePicker) -> int:
        picker.select("beneficiary-testimony")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TemplatePicker, "exec", choose)
    window.action_new_from_template.trigger()
    editor = window.editors[-1]
    qtbot.waitExposed(editor)
    assert editor.post is None and editor.dirty
    assert editor.form.body_edit.toPlainText().startswith("“[The strongest sentence")
    assert editor.reminder.isVisible() and "Image rights" in editor.reminder.text()
    assert editor.state().persona_ids == []  # a testimony speaks to Marie and Sophie
    window.editor_host.new_from_template(
        workspace.templates.find("call-for-volunteers", "en"))
    editor = window.editors[-1]
    qtbot.waitExposed(editor)
    assert editor.state().persona_ids == [karim.id]
    assert editor.state().objective_ids == [recruit.id]
    assert not editor.reminder.isVisible()


def test_the_editor_marks_evergreen_and_saves_as_template(
        qtbot: QtBot, window: MainWindow, workspace: Workspace,
        monkeypatch: pytest.MonkeyPatch) -> None:
    post = workspace.posts.create(PostDraft(title="Gestes", body="Trois gestes simples."),
                                  scheduled_at=datetime(2026, 12, 2, 9, tzinfo=UTC))
    window.open_post(post.id)
    editor = window.editors[-1]
    qtbot.waitExposed(editor)
    row = editor.evergreen
    assert not row.check.isChecked() and not row.cooldown.isEnabled()
    row.cooldown.setValue(21)  # disabled: nothing stored
    row.check.setChecked(True)
    row.cooldown.setValue(45)
    row.max_reuses.setValue(3)
    entry = workspace.evergreen.get(post.id)
    assert (entry.cooldown_days, entry.max_reuses) == (45, 3)
    row.max_reuses.setValue(0)
    assert workspace.evergreen.get(post.id).max_reuses is None  # no limit

    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *args, **kwargs: ("Trois gestes", True))
    editor.action_save_template.trigger()
    assert "Saved as the template “Trois gestes”." in editor.form.message.text()
    saved = workspace.templates.find("Trois gestes", "en")
    assert saved.body == "Trois gestes simples."
    row.check.setChecked(False)
    assert workspace.evergreen.find(post.id) is None


def test_the_evergreen_library_reuses_a_post(
        qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch,
        model_check) -> None:
    from zoneinfo import ZoneInfo

    account = workspace.accounts.add(platform="dryrun", name="Essai")
    first = datetime(2026, 11, 20, 9, tzinfo=UTC)
    post = workspace.posts.create(PostDraft(title="Gestes", body="Trois gestes.",
                                            account_ids=(account.id,)), scheduled_at=first)
    workspace.posts.mark_published(post.targets[0].id)
    workspace.evergreen.mark(post.id, cooldown_days=30, max_reuses=1)
    dialog = EvergreenDialog(workspace, ZoneInfo("Europe/Paris"))
    qtbot.addWidget(dialog)
    model_check(dialog.model)
    assert dialog.model.index(0, Column.REUSED).data() == "0 of 1"
    assert dialog.model.index(0, Column.AVAILABLE).data() != "now"  # 20 December
    # the reuse is proposed at the first allowed time, at the original's time of day
    assert dialog.first_time(dialog.current()) == first + timedelta(days=30)  # type: ignore
    monkeypatch.setattr("essplanner.ui.calendar.when_dialog.DateTimeDialog.exec",
                        lambda self: QDialog.DialogCode.Accepted)
    dialog.schedule_check.setChecked(True)
    with qtbot.waitSignal(dialog.reused) as blocker:
        dialog.reuse_button.click()
    copy = blocker.args[0]
    assert copy.scheduled_at == first + timedelta(days=30)
    assert [t.state for t in copy.targets] == [DeliveryState.SCHEDULED]
    assert dialog.model.index(0, Column.AVAILABLE).data() == "never (maximum reached)"
    assert not dialog.reuse_button.isEnabled()


def test_the_gaps_view_proposes_an_evergreen_post_and_a_template(
        qtbot: QtBot, workspace: Workspace, model_check) -> None:
    from essplanner.ui.bridge import Bridge

    karim = workspace.personas.add(name="Karim", segment=Segment.VOLUNTEERS)
    marie = workspace.personas.add(name="Marie", segment=Segment.BENEFICIARIES)
    recruit = workspace.objectives.add(name="Bénévoles", kind=ObjectiveKind.VOLUNTEERS,
                                       kpi_name="Recrutés", target_value=5)
    # an evergreen post for Karim, used on 20 November: free again from 4 December
    old = workspace.posts.create(PostDraft(title="Rejoignez-nous", body="On recrute !",
                                           persona_ids=(karim.id,),
                                           objective_ids=(recruit.id,)),
                                 scheduled_at=datetime(2026, 11, 20, 9, tzinfo=UTC))
    workspace.evergreen.mark(old.id, cooldown_days=14)
    # Marie's evergreen post does not fill Karim's gap
    other = workspace.posts.create(PostDraft(title="Astuce", body="Un geste.",
                                             persona_ids=(marie.id,)))
    workspace.evergreen.mark(other.id, cooldown_days=1)
    bridge = Bridge()
    workspace.subscribe(bridge.emit_change)
    window = CoverageWindow(workspace, bridge)
    qtbot.addWidget(window)
    window.set_span(DateRange(datetime(2026, 12, 1).date(), datetime(2027, 1, 1).date()))
    gaps = window.gaps
    row = next(r for r in range(gaps.rowCount())
               if (g := gaps.index(r, 0).data(GAP_ROLE)) is not None
               and g.kind is GapKind.PERSONA and g.key == str(karim.id))
    window.gap_view.setCurrentIndex(gaps.index(row, 0))
    fill = window.fill
    model_check(fill.model)
    found = fill.model.proposals
    assert [(p.kind, p.name) for p in found if p.kind is ProposalKind.EVERGREEN] == [
        (ProposalKind.EVERGREEN, "Rejoignez-nous")]
    assert found[0].when == datetime(2026, 12, 4, 9, tzinfo=UTC)
    templates = [p.name for p in found if p.kind is ProposalKind.TEMPLATE]
    assert "Call for volunteers" in templates and "Beneficiary testimony" not in templates
    assert "Reuse “Rejoignez-nous”" in fill.model.index(0, 0).data()

    with qtbot.waitSignal(window.post_created) as blocker:
        fill.create_button.click()
    reused = blocker.args[0]
    assert reused.id != old.id and reused.scheduled_at == datetime(2026, 12, 4, 9, tzinfo=UTC)
    assert [p.id for p in reused.personas] == [karim.id]
    assert workspace.evergreen.get(old.id).times_reused == 1
    karim_row = next(r for r in window.model.coverage.rows if r.key == str(karim.id))
    assert karim_row.planned == 1  # the coverage counts it at once

    # a template for the objective's gap: a dated draft, tagged with the objective
    row = next(r for r in range(gaps.rowCount())
               if (g := gaps.index(r, 0).data(GAP_ROLE)) is not None
               and g.kind is GapKind.PERSONA and g.key == str(marie.id))
    window.gap_view.setCurrentIndex(gaps.index(row, 0))
    names = [p.name for p in fill.model.proposals]
    assert names[0] == "Astuce" and "Practical tip" in names
    fill.view.setCurrentIndex(fill.model.index(names.index("Practical tip"), 0))
    with qtbot.waitSignal(window.post_created) as blocker:
        fill.create_button.click()
    made: domain.Post = blocker.args[0]
    assert made.body.startswith("💡 Tip of the week")
    assert [p.id for p in made.personas] == [marie.id]
    assert made.scheduled_at is not None and made.scheduled_at.date() == datetime(
        2026, 12, 1).date()
