"""View › Review list: what is submitted appears, oldest first, with who and when; a
double-click opens the post; approvers are notified of what someone else submits, driven
by the change events (no timer)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from essplanner import domain
from essplanner.credentials import MemoryStore
from essplanner.domain import Member
from essplanner.settings import Paths, Settings
from essplanner.timeutil import FakeClock
from essplanner.ui.labels import fmt_datetime
from essplanner.ui.mainwindow import MainWindow
from essplanner.ui.team.actions import install
from essplanner.ui.team.review import ReviewModel, ReviewWatch
from essplanner.workspace import Workspace

from .conftest import Crew

pytestmark = pytest.mark.gui

Notes = list[tuple[str, str]]


@pytest.fixture
def notes() -> Notes:
    return []


def _install(window: MainWindow, workspace: Workspace, notes: Notes) -> ReviewWatch:
    parts = install(window, workspace, window.bridge,
                    notify=lambda title, text: notes.append((title, text)))
    assert parts.dock is window.review_dock and parts.panel is window.review_panel
    return parts.watch


@pytest.fixture
def elsewhere(paths: Paths, clock: FakeClock) -> Iterator[Callable[[Member], Workspace]]:
    """Another person's installation on the same database."""
    opened: list[Workspace] = []

    def open_as(member: Member) -> Workspace:
        ws = Workspace.open(paths=paths, clock=clock, secrets=MemoryStore(), settings=Settings(
            timezone="Europe/Paris", user_name=member.name, user_email=member.email))
        opened.append(ws)
        return ws

    yield open_as
    for ws in opened:
        ws.close()


def _draft(ws: Workspace, title: str) -> domain.Post:
    return ws.posts.create(domain.PostDraft(title=title, body=f"{title}: venez nombreux"))


def test_submitted_posts_are_listed_oldest_first_and_open_with_a_double_click(
        window: MainWindow, workspace: Workspace, crew: Crew, clock: FakeClock,
        become: Callable[[Member], Member], notes: Notes, qtbot: QtBot,
        model_check: Callable[[object], None]) -> None:
    watch = _install(window, workspace, notes)
    panel = window.review_panel
    model: ReviewModel = panel.model
    model_check(model)
    assert model.rowCount() == 0 and panel.pages.currentWidget() is panel.empty

    become(crew.chloe)
    first = _draft(workspace, "Assemblée générale")
    second = _draft(workspace, "Atelier vélo")
    workspace.reviews.submit(second.id)  # submitted first: it has waited the longest
    clock.advance(timedelta(minutes=30))
    workspace.reviews.submit(first.id, "Relis les horaires")

    assert [r.post_id for r in model.rows] == [second.id, first.id]
    assert panel.pages.currentWidget() is panel.table
    row = [model.index(0, c).data() for c in range(4)]
    assert row[0] == "Atelier vélo" and row[1] == "Chloé Durand"
    # the fake clock's 09:00 UTC, in Paris
    assert row[2] == fmt_datetime(datetime(2026, 11, 27, 10, 0))
    assert model.index(1, 2).data() == fmt_datetime(datetime(2026, 11, 27, 10, 30))
    assert row[3] == "no date"
    assert watch is window.review_watch

    window.review_dock.show()
    qtbot.waitExposed(panel.table)
    point = panel.table.visualRect(panel.table.model().index(1, 0)).center()
    # a double click is a click, then a double-click event (what QTest sends alone is the
    # latter: the view needs the press before it)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.editors[-1].post is not None and window.editors[-1].post.id == first.id

    become(crew.paul)
    workspace.reviews.approve(first.id)
    assert [r.post_id for r in model.rows] == [second.id]
    become(crew.chloe)  # an approved post edited: back in the list, said so
    approved = workspace.posts.get(first.id)
    workspace.posts.update(first.id, domain.PostDraft(
        title=approved.title, body="Autre", editorial_state=domain.EditorialState.APPROVED),
                           expected_version=approved.version)
    assert [r.post_id for r in model.rows] == [second.id, first.id]
    assert model.index(1, 0).data() == "Assemblée générale (changed since its approval)"
    assert notes == []  # everything was done from this installation


def test_approvers_are_notified_of_what_someone_else_submits(
        window: MainWindow, workspace: Workspace, crew: Crew,
        elsewhere: Callable[[Member], Workspace], become: Callable[[Member], Member],
        notes: Notes) -> None:
    become(crew.paul)
    _install(window, workspace, notes)
    waiting = _draft(workspace, "Déjà en attente")
    other = elsewhere(crew.chloe)
    other.reviews.submit(waiting.id)
    assert notes == []  # nothing told this window yet
    window.refresh()  # what the window does when another program wrote to the database
    assert notes == [("Post to review",
                      "Chloé Durand submitted “Déjà en attente” for review.")]
    window.refresh()
    assert len(notes) == 1  # told once

    mine = _draft(workspace, "Le mien")
    workspace.reviews.submit(mine.id)  # Paul's own submission: no news for Paul
    assert len(notes) == 1
    two = [_draft(workspace, f"Post {n}") for n in (1, 2)]
    for post in two:
        other.reviews.submit(post.id)
    window.refresh()
    assert notes[-1] == ("2 posts to review", "Post 1 — Chloé Durand\nPost 2 — Chloé Durand")

    workspace.settings.notifications = False  # Preferences: no notifications
    third = _draft(workspace, "Sans bulle")
    other.reviews.submit(third.id)
    window.refresh()
    assert len(notes) == 2
    assert any(r.title == "Sans bulle" for r in window.review_panel.model.rows)


def test_a_contributor_is_not_notified(
        window: MainWindow, workspace: Workspace, crew: Crew,
        elsewhere: Callable[[Member], Workspace], become: Callable[[Member], Member],
        notes: Notes) -> None:
    become(crew.chloe)
    _install(window, workspace, notes)
    post = _draft(workspace, "Collecte de jouets")
    elsewhere(crew.paul).reviews.submit(post.id)
    window.refresh()
    assert [r.title for r in window.review_panel.model.rows] == ["Collecte de jouets"]
    assert notes == []


def test_a_comment_naming_me_is_notified_once(
        window: MainWindow, workspace: Workspace, crew: Crew,
        elsewhere: Callable[[Member], Workspace], become: Callable[[Member], Member],
        notes: Notes) -> None:
    post = _draft(workspace, "Collecte de jouets")
    workspace.reviews.add_comment(post.id, "@Chloé Durand déjà vu ?")  # before: not news
    become(crew.chloe)
    _install(window, workspace, notes)
    paul = elsewhere(crew.paul)
    paul.reviews.add_comment(post.id, "Sans mention")
    paul.reviews.add_comment(post.id, "@Chloé Durand   tu peux\nrelire ?")
    window.refresh()
    assert notes == [("Paul Martin mentioned you",
                      "On “Collecte de jouets”: @Chloé Durand tu peux relire ?")]
    window.refresh()
    assert len(notes) == 1  # told once
    workspace.reviews.add_comment(post.id, "Merci @Chloé Durand")  # my own: not news
    assert len(notes) == 1
    paul.reviews.add_comment(post.id, "@Chloé Durand un")
    elsewhere(crew.alice).reviews.add_comment(post.id, "@Chloé Durand deux")
    window.refresh()
    assert notes[-1] == ("2 comments mention you",
                         "Paul Martin — Collecte de jouets\nAlice Bernard — Collecte de jouets")
