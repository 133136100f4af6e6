"""On Bluesky a long tracked link reads short while its facet carries the whole address
(UTM tags included), and the post says its language. Against the reference PDS."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from essplanner.publishers.base import PublishRequest
from essplanner.publishers.bluesky.publisher import LINK_TEXT_LIMIT, BlueskyPublisher
from essplanner.publishers.text import count_graphemes, short_link_text, shorten_links
from essplanner.services.posts import new_idempotency_key
from publishers.conftest import make_context
from publishers.pds import Pds

LONG = ("https://www.energie-solidaire.example/dons/hiver-2026?utm_source=bluesky"
        "&utm_medium=social&utm_campaign=collecte-hiver")


def test_a_long_link_reads_short_and_keeps_its_address() -> None:
    text = f"Aidez-nous cet hiver : {LONG} merci !"
    shown, links = shorten_links(text, LINK_TEXT_LIMIT)
    assert shown == ("Aidez-nous cet hiver : energie-solidaire.example/don… merci !")
    assert [(shown[s.start:s.end], s.value) for s in links] == [
        ("energie-solidaire.example/don…", LONG)]
    assert short_link_text("https://example.org/a", 30) == "https://example.org/a"
    # the counter counts what people see: the tracking tags no longer eat the limit
    rules = BlueskyPublisher.RULES
    assert rules.count(text) == count_graphemes(shown) < count_graphemes(text) - 60


@pytest.mark.peer
def test_the_pds_stores_the_short_text_and_the_full_link(pds: Pds, tmp_path: Path) -> None:
    acct = pds.create_account()
    ctx: Any = make_context(platform="bluesky", api_url=pds.url, secret=acct.app_password,
                            handle=acct.handle, tmp_path=tmp_path,
                            settings={"link_card": False})
    text = f"Collecte d’hiver : chaque don compte. {LONG} #solidarité"
    request = PublishRequest(target_id=1, post_id=1, account=ctx.account, text=text,
                             idempotency_key=new_idempotency_key(), language="fr", link=LONG)
    receipt = BlueskyPublisher().publish(request, ctx)

    value = pds.get_record(acct.did, receipt.extra["rkey"])["value"]
    assert value["text"] == ("Collecte d’hiver : chaque don compte. "
                             "energie-solidaire.example/don… #solidarité")
    assert "utm_source" not in value["text"]
    link = next(f for f in value["facets"]
                if f["features"][0]["$type"] == "app.bsky.richtext.facet#link")
    assert link["features"][0]["uri"] == LONG  # with its UTM parameters
    raw = value["text"].encode("utf-8")
    start, end = link["index"]["byteStart"], link["index"]["byteEnd"]
    assert raw[start:end].decode("utf-8") == "energie-solidaire.example/don…"
    assert value["langs"] == ["fr"]
