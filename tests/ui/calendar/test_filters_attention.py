"""Filters narrow every view; the needs-attention list answers failed, unconfirmed, missed."""

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from essplanner import models
from essplanner.domain import DeliveryState, PostQuery, PostStatus
from essplanner.ui.calendar.month_model import Role
from essplanner.ui.calendar.post_model import PostRole
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace

from ..conftest import Dialogs, paris

pytestmark = pytest.mark.gui


def _shown(window: MainWindow) -> set[str]:
    return {c.title for r in range(6) for col in range(7)
            for c in window.month_model.index(r, col).data(Role.CHIPS)}


@pytest.fixture
def planned(window: MainWindow, workspace: Workspace, make_post) -> dict[str, int]:
    marie = workspace.personas.add(name="Marie", networks=["facebook"])
    karim = workspace.personas.add(name="Karim", networks=["mastodon"])
    dons = workspace.objectives.add(name="Dons")
    fb = workspace.accounts.add(platform="dryrun", name="FB", settings={"mimic": "facebook"})
    ig = workspace.accounts.add(platform="dryrun", name="MA", settings={"mimic": "mastodon"})
    make_post("pour Marie", title="A", at=paris(2026, 11, 28, 9), schedule=True,
              accounts=(fb.id,), personas=(marie.id,), objectives=(dons.id,))
    make_post("pour Karim", title="B", at=paris(2026, 11, 29, 9), schedule=True,
              accounts=(ig.id,), personas=(karim.id,))
    make_post("brouillon sans compte", title="C", at=paris(2026, 11, 30, 9))
    window.after_first_paint()
    return {"marie": marie.id, "karim": karim.id, "dons": dons.id, "fb": fb.id, "ig": ig.id}


def test_each_filter_narrows_the_calendar(qtbot: QtBot, window: MainWindow,
                                          planned: dict[str, int]) -> None:
    panel = window.filters
    assert _shown(window) == {"A", "B", "C"}
    panel.personas.set_checked([planned["karim"]])
    assert _shown(window) == {"B"}
    panel.personas.set_checked([planned["karim"], planned["marie"]])
    assert _shown(window) == {"A", "B"}
    panel.clear()
    panel.objectives.set_checked([planned["dons"]])
    assert _shown(window) == {"A"}
    panel.clear()
    panel.accounts.set_checked([planned["ig"]])
    assert _shown(window) == {"B"}
    panel.clear()
    # networks are the platforms accounts show, dry-run ones by the platform they imitate
    assert {i.key for i in panel.platforms.items()} == {"facebook", "mastodon"}
    panel.platforms.set_checked(["facebook"])
    assert _shown(window) == {"A"}
    panel.clear()
    panel.states.set_checked([PostStatus.DRAFT])
    assert _shown(window) == {"C"}
    assert panel.clear_button.isEnabled()
    panel.clear()
    assert not panel.clear_button.isEnabled()
    with qtbot.waitSignal(panel.filter_changed, timeout=2000):
        qtbot.keyClicks(panel.search, "karim")
    assert _shown(window) == {"B"}
    # the other views read the same filtered proxy
    window.set_view("agenda", date(2026, 11, 1))
    model = window.agenda_model
    shown = [model.index(r, 0, model.index(g, 0)).data(PostRole.CHIP).title
             for g in range(model.rowCount()) for r in range(model.rowCount(model.index(g, 0)))]
    assert shown == ["B"]


def test_needs_attention_lists_targets_and_answers_them(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, planned: dict[str, int],
        dialogs: Dialogs) -> None:
    posts = {p.title: p for p in workspace.posts.query(
        PostQuery())}
    a, b = posts["A"], posts["B"]
    with workspace.db.write() as s:
        s.execute(update(models.Target).where(models.Target.id == a.targets[0].id).values(
            state=DeliveryState.FAILED.value, last_error="Le réseau a refusé le texte."))
        s.execute(update(models.Target).where(models.Target.id == b.targets[0].id).values(
            state=DeliveryState.UNCONFIRMED.value))
    window.refresh()
    model = window.attention_model
    assert model.rowCount() == 2
    assert window.banners.attention_button.isVisibleTo(window)
    assert "2" in window.attention_dock.windowTitle()
    # per-target state badges on the calendar chips
    chip = window.month_model.chips_on(date(2026, 11, 28))[0]
    assert chip.status is PostStatus.ATTENTION
    assert [t.state for t in chip.targets] == [DeliveryState.FAILED]
    assert "Le réseau a refusé le texte." in chip.tooltip()

    panel = window.attention
    row_of = {model.item(r).title: r for r in range(model.rowCount())}
    panel.table.selectRow(row_of["B"])
    dialogs.answer = QMessageBox.StandardButton.No
    panel.retry_button.click()  # unconfirmed: asks first; the user said no
    assert "may already be online" in dialogs.texts()[-1]
    assert workspace.posts.get(b.id).targets[0].state is DeliveryState.UNCONFIRMED
    panel.published_button.click()  # the user checked: it is online
    assert workspace.posts.get(b.id).targets[0].state is DeliveryState.PUBLISHED
    qtbot.waitUntil(lambda: model.rowCount() == 1)

    panel.table.selectRow(0)
    panel.retry_button.click()
    assert workspace.posts.get(a.id).targets[0].state is DeliveryState.SCHEDULED
    qtbot.waitUntil(lambda: model.rowCount() == 0)
    assert panel.empty.isVisibleTo(panel)


def test_missed_targets_are_rescheduled_or_cancelled(qtbot: QtBot, window: MainWindow,
                                                     workspace: Workspace,
                                                     planned: dict[str, int]) -> None:
    a = next(p for p in workspace.posts.query(
        PostQuery()) if p.title == "A")
    with workspace.db.write() as s:
        s.execute(update(models.Target).where(models.Target.id == a.targets[0].id).values(
            state=DeliveryState.MISSED.value))
    window.refresh()
    panel = window.attention
    panel.table.selectRow(0)
    item = panel.selected()
    assert item is not None and item.state is DeliveryState.MISSED
    from datetime import datetime

    panel.reschedule(item, datetime(2026, 12, 2, 18, 0))
    moved = workspace.posts.get(a.id)
    assert moved.scheduled_at == paris(2026, 12, 2, 18)
    assert moved.targets[0].state is DeliveryState.SCHEDULED
    qtbot.waitUntil(lambda: window.attention_model.rowCount() == 0)
    with workspace.db.write() as s:
        s.execute(update(models.Target).values(state=DeliveryState.MISSED.value))
    window.refresh()
    panel.table.selectRow(0)
    item = panel.selected()
    assert item is not None
    panel.cancel_button.click()
    assert {t.state for t in workspace.posts.get(item.post_id).targets} == {
        DeliveryState.CANCELLED}
    others = [p for p in workspace.posts.query(PostQuery()) if p.id != item.post_id]
    assert DeliveryState.MISSED in {t.state for p in others for t in p.targets}


def test_a_blocked_account_waits_named_and_try_again_unblocks_it(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, planned: dict[str, int]) -> None:
    from essplanner.domain import Holdup

    workspace.accounts.update(planned["fb"], blocked_reason="credits",
                              blocked_message="Plus de crédits (402).")
    window.refresh()
    model = window.attention_model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    item = model.item(0)
    assert (item.title, item.holdup) == ("A", Holdup.NEEDS_CREDITS)
    assert model.index(0, 2).data() == "waiting: the account needs credits"
    assert "until you act on its side" in model.index(0, 4).data()
    panel = window.attention
    panel.table.selectRow(0)
    assert panel.action_button.text() == "I added credits: try again"
    assert not panel.published_button.isVisibleTo(panel)
    panel.action_button.click()
    assert workspace.accounts.get(planned["fb"]).blocked_reason == ""
    qtbot.waitUntil(lambda: model.rowCount() == 0)


def test_a_login_running_out_is_listed_before_posts_fail_with_reconnect(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, planned: dict[str, int]) -> None:
    from datetime import timedelta

    from essplanner.domain import Holdup

    ends = workspace.clock.now() + timedelta(days=3)
    workspace.accounts.merge_settings(planned["fb"], {"token_expires_at": ends.isoformat()})
    window.refresh()
    model = window.attention_model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    item = model.item(0)
    assert (item.holdup, item.account_id, item.post_id) == (Holdup.LOGIN_ENDING, planned["fb"], 0)
    assert model.index(0, 2).data() == "login ends soon"
    assert "login of « FB » ends on" in model.index(0, 4).data()
    panel = window.attention
    panel.table.selectRow(0)
    assert panel.action_button.text() == "Reconnect…"
    assert not panel.retry_button.isEnabled() and not panel.open_button.isEnabled()
    with qtbot.waitSignal(panel.reconnect_requested) as asked:
        panel.action_button.click()
    assert asked.args == [planned["fb"]]
