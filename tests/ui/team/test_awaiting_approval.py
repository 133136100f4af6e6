"""Needs attention: a scheduled post waiting for approval (the team's rule) says why and
offers "Review…", which opens the post (its editor has Approve)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from essplanner.domain import DeliveryState, Holdup
from essplanner.services.calendar import AttentionItem
from essplanner.ui.calendar.attention import AttentionModel, AttentionPanel
from essplanner.ui.labels import holdup_label
from essplanner.ui.style import HOLDUP_MARKS
from essplanner.workspace import Workspace

pytestmark = pytest.mark.gui

ITEM = AttentionItem(
    target_id=7, post_id=3, post_version=2, title="Assemblée générale",
    account_name="Mastodon de l’asso", platform="mastodon", state=DeliveryState.SCHEDULED,
    scheduled_at=datetime(2026, 12, 1, 9, 0, tzinfo=UTC), next_attempt_at=None,
    attempt_count=0, last_error="", account_id=1, holdup=Holdup.AWAITING_APPROVAL)


def test_a_post_awaiting_approval_says_why_and_opens_for_review(
        qtbot: QtBot, workspace: Workspace) -> None:
    model = AttentionModel(lambda: [ITEM], ZoneInfo("Europe/Paris"))
    panel = AttentionPanel(workspace, model, ZoneInfo("Europe/Paris"))
    qtbot.addWidget(panel)
    model.reload()
    panel.table.selectRow(0)
    assert model.index(0, 2).data() == "waiting: not approved yet"
    assert model.index(0, 4).data() == ("The team's rule: it goes out at its time only once an "
                                        "approver has approved it.")
    assert panel.action_button.text() == "Review…"
    assert panel.published_button.isHidden()  # it has not gone out
    assert HOLDUP_MARKS[Holdup.AWAITING_APPROVAL] == "question"  # its own mark on the chip
    assert holdup_label(Holdup.AWAITING_APPROVAL) == "waiting: not approved yet"
    with qtbot.waitSignal(panel.open_post) as opened:
        panel.action_button.click()
    assert opened.args == [3]
