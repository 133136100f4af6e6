"""End to end: a post made on the command line is published on the real PDS by
``essplanner service --once``, read back with getRecord, and exists exactly once."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from channels.conftest import Cli, cli, mem_keyring  # noqa: F401 - fixtures used below
from PIL import Image

from publishers.images import noise_png, rotated_jpeg
from publishers.pds import Pds
from tests.helpers.memkeyring import MemoryKeyring

pytestmark = pytest.mark.peer
# The publishing service lives on its own branch until the lead merges it.
pytest.importorskip("essplanner.cli.service")


def _span(text: str, piece: str) -> dict[str, int]:
    raw, needle = text.encode("utf-8"), piece.encode("utf-8")
    start = raw.index(needle)
    return {"byteStart": start, "byteEnd": start + len(needle)}


def test_service_once_publishes_a_rich_post_exactly_once(
        pds: Pds, tmp_path: Path, cli: Cli, mem_keyring: MemoryKeyring) -> None:  # noqa: F811
    acct = pds.create_account()
    text = ("Hiver solidaire 🎉❄️👨‍👩‍👧‍👦 : merci à nos 42 bénévoles 🙌🏽 ! "
            "Le bilan ➜ https://example.org/bilan-hiver?année=2026 #ÉnergieSolidaire 🇫🇷")
    big = noise_png(tmp_path / "foule.png", 1200, 900)  # over 2 MB: re-encoded
    portrait = rotated_jpeg(tmp_path / "affiche.jpg")
    code, _out, err = cli("account", "add", "bluesky", "--name", "Bluesky", "--api-url",
                          pds.url, "--handle", acct.handle, "--secret-stdin",
                          stdin=acct.app_password)
    assert code == 0, err
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    code, out, err = cli("post", "add", "--text", text, "--account", "Bluesky", "--at", now,
                         "--language", "fr", "--media", str(big), "--alt",
                         "Des bénévoles devant le local", "--media", str(portrait), "--alt",
                         "L’affiche de la permanence")
    assert code == 0, err
    post_id = int(out.strip())

    summary = cli.json("service", "--once")
    assert summary["published"] == 1 and summary["failed"] == 0

    [target] = cli.json("post", "show", str(post_id))["targets"]
    assert target["state"] == "published"
    uri = target["remote_id"]
    did, _collection, rkey = uri.removeprefix("at://").split("/")
    assert did == acct.did
    value = pds.get_record(did, rkey)["value"]
    # the long link reads short; its facet keeps the whole address
    shown = text.replace("https://example.org/bilan-hiver?année=2026", "example.org/bilan-hiver")
    assert value["text"] == shown
    facets = {f["features"][0]["$type"].rsplit("#", 1)[1]: f for f in value["facets"]}
    assert facets["link"]["index"] == _span(shown, "example.org/bilan-hiver")
    assert facets["tag"]["index"] == _span(shown, "#ÉnergieSolidaire")
    assert facets["tag"]["features"][0]["tag"] == "ÉnergieSolidaire"
    images = value["embed"]["images"]
    assert [i["alt"] for i in images] == ["Des bénévoles devant le local",
                                         "L’affiche de la permanence"]
    first = pds.get_blob(did, images[0]["image"]["ref"]["$link"]).content
    assert len(first) <= 2_000_000
    with Image.open(io.BytesIO(first)) as img:
        assert images[0]["aspectRatio"] == {"width": img.width, "height": img.height}
    assert pds.get_blob(did, images[1]["image"]["ref"]["$link"]).content == portrait.read_bytes()
    assert images[1]["aspectRatio"] == {"width": 300, "height": 400}

    # Nothing is due any more: a second run publishes nothing, and the post exists once.
    assert cli.json("service", "--once")["published"] == 0
    assert [r["uri"] for r in pds.list_records(did)] == [uri]

    # This PDS has no AppView: reading metrics skips it without an error.
    report = cli.json("metrics", "refresh")
    assert report["stored"] == 0 and report["problems"] == {}

    # The app password and the session tokens stayed in the keyring.
    session = json.loads(next(v for (_s, user), v in mem_keyring.store.items()
                              if user.endswith("/session")))
    for secret in (acct.app_password, session["access_jwt"], session["refresh_jwt"]):
        for path in cli.data.rglob("*"):
            if path.is_file():
                assert secret.encode() not in path.read_bytes(), path.name
