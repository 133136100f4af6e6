"""The preview shows a link card exactly where the network gets one (issue 18, item 8)."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from essplanner import domain
from essplanner.publishers.rules import LinkHandling, PlatformRules
from essplanner.ui.editor.editor import PostEditor
from essplanner.ui.editor.preview import card_link
from essplanner.ui.mainwindow import MainWindow
from essplanner.workspace import Workspace

pytestmark = pytest.mark.gui


def _preview(window: MainWindow, qtbot: QtBot, account: domain.Account, *, body: str,
             link: str = "") -> PostEditor:
    window.new_post(day=date(2026, 12, 3))
    editor = window.editors[-1]
    qtbot.waitExposed(editor)
    f = editor.form
    f.body_edit.setPlainText(body)
    f.link_edit.setText(link)
    f.accounts.set_checked([account.id])
    qtbot.waitUntil(lambda: f.preview_combo.findData(account.id) >= 0, timeout=2000)
    f.preview_combo.setCurrentIndex(f.preview_combo.findData(account.id))
    editor._check_timer.stop()
    editor.refresh()
    return editor


def test_no_card_on_a_bluesky_account_whose_cards_are_off(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    off = workspace.accounts.add(platform="bluesky", name="Sans carte",
                                 handle="asso.bsky.social", settings={"link_card": False})
    editor = _preview(window, qtbot, off, body="Atelier samedi",
                      link="https://exemple.org/atelier")
    assert editor.form.preview.link.isHidden()
    assert editor.form.preview.link.text() == ""


def test_bluesky_cards_the_first_address_of_the_text(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    on = workspace.accounts.add(platform="bluesky", name="Bluesky", handle="asso.bsky.social")
    editor = _preview(window, qtbot, on, body="Tout est sur https://exemple.org/programme samedi")
    card = editor.form.preview.link
    assert not card.isHidden()  # the publisher builds a card from that address
    assert "exemple.org" in card.text() and "https://exemple.org/programme" in card.text()


def test_no_card_in_an_instagram_caption(qtbot: QtBot, window: MainWindow,
                                         workspace: Workspace) -> None:
    insta = workspace.accounts.add(platform="instagram", name="Insta")
    editor = _preview(window, qtbot, insta, body="Atelier samedi",
                      link="https://exemple.org/atelier")
    assert editor.form.preview.link.isHidden()


def test_card_link_follows_what_each_publisher_sends() -> None:
    bluesky = PlatformRules(platform="bluesky", text_limit=300,
                            link_handling=LinkHandling.CARD)
    masto = PlatformRules(platform="mastodon", text_limit=500)
    insta = PlatformRules(platform="instagram", text_limit=2200,
                          link_handling=LinkHandling.NOT_CLICKABLE)
    account = domain.Account(id=1, platform="bluesky", name="B")
    off = domain.Account(id=2, platform="bluesky", name="B", settings={"link_card": False})
    url = "https://exemple.org/a"
    assert card_link(account, bluesky, link=url, text="", has_media=False) == url
    assert card_link(account, bluesky, link="", text="voir https://x.org/b", has_media=False) \
        == "https://x.org/b"
    assert card_link(off, bluesky, link=url, text=url, has_media=False) == ""
    assert card_link(account, bluesky, link=url, text="", has_media=True) == ""  # images win
    assert card_link(account, masto, link=url, text="", has_media=False) == url
    assert card_link(account, masto, link="", text="", has_media=False) == ""
    assert card_link(account, insta, link=url, text=url, has_media=False) == ""


def test_a_pin_shows_its_title_and_destination_and_keeps_the_address_out_of_its_text(
        qtbot: QtBot, window: MainWindow, workspace: Workspace) -> None:
    """Pinterest takes the link as the Pin's destination: the description gets the call
    to action alone, and the preview shows the title readers see and where the Pin leads."""
    pins = workspace.accounts.add(platform="dryrun", name="Épingles",
                                  settings={"mimic": "pinterest"})
    editor = _preview(window, qtbot, pins, body="Nos 5 gestes pour un hiver plus chaud",
                      link="https://exemple.org/atelier")
    editor.form.title_edit.setText("Atelier isolation")
    editor.form.cta_combo.setCurrentText("S’inscrire")
    editor.refresh()
    preview = editor.form.preview
    assert not preview.title.isHidden() and "Atelier isolation" in preview.title.text()
    assert not preview.destination.isHidden() and "exemple.org" in preview.destination.text()
    assert "exemple.org" not in preview.text.text()
    assert "S’inscrire" in preview.text.text()
    counter = editor.counter_for(pins.id)
    assert counter is not None and "https://" not in counter.text


def test_the_link_goes_in_the_text_except_where_the_network_has_a_field_for_it(
        workspace: Workspace) -> None:
    pins = workspace.accounts.add(platform="dryrun", name="Épingles",
                                  settings={"mimic": "pinterest"})
    page = workspace.accounts.add(platform="dryrun", name="Page", settings={"mimic": "linkedin"})
    post = domain.Post(id=1, version=1, title="Atelier", body="Samedi 14 h",
                       editorial_state=domain.EditorialState.DRAFT, scheduled_at=None,
                       link_url="https://exemple.org/atelier", call_to_action="S’inscrire")
    validator = workspace.posts.validator
    pin = validator.request_for(post, pins)
    assert pin.link.startswith("https://exemple.org/atelier")
    assert pin.text == "Samedi 14 h\n\nS’inscrire"
    linked = validator.request_for(post, page)
    assert linked.text.startswith("Samedi 14 h\n\nS’inscrire → https://exemple.org/atelier")
