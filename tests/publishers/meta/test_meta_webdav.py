"""The WebDAV upload folder against a real WebDAV server (WsgiDAV) on loopback."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import requests

from essplanner.publishers.errors import AuthError, PermanentError
from essplanner.publishers.http import HttpClient
from essplanner.publishers.meta.mediahost import PublicMedia, clean_leftovers
from essplanner.publishers.meta.webdav import VAULT_KEY, WebDav, WebDavConfig
from essplanner.publishers.state import TargetState
from tests.publishers.meta import webdavserver
from tests.publishers.meta.conftest import jpeg, webdav_settings


def client(server: webdavserver.WebDavServer, password: str = webdavserver.PASSWORD,
           folder: str = "essplanner") -> WebDav:
    config = WebDavConfig.build(url=server.folder_url(folder), user=webdavserver.USER,
                                password=password, pattern=server.public_pattern(folder))
    return WebDav(HttpClient(), config)


def test_upload_public_url_and_delete_round_trip(webdav: webdavserver.WebDavServer,
                                                 tmp_path: Path) -> None:
    image = jpeg(tmp_path / "affiche.jpg")
    dav = client(webdav)
    url = dav.upload(image.path, "essplanner-key-1.jpg", mime_type="image/jpeg")
    assert url == webdav.public_pattern().format(name="essplanner-key-1.jpg")
    # Anyone (no login) can read it at the public address, byte for byte.
    public = requests.get(url, timeout=10)
    assert public.status_code == 200
    assert public.content == image.path.read_bytes()
    assert webdav.files() == ["essplanner-key-1.jpg"]
    assert dav.delete("essplanner-key-1.jpg") is True
    assert webdav.files() == []
    assert requests.get(url, timeout=10).status_code == 404
    assert dav.delete("essplanner-key-1.jpg") is True  # already gone counts as deleted


def test_missing_folders_are_created_with_mkcol(webdav: webdavserver.WebDavServer,
                                                tmp_path: Path) -> None:
    image = jpeg(tmp_path / "a.jpg")
    dav = client(webdav, folder="asso/reseaux/essplanner")
    url = dav.upload(image.path, "x.jpg", mime_type="image/jpeg")
    assert (webdav.root / "asso" / "reseaux" / "essplanner" / "x.jpg").is_file()
    assert requests.get(url, timeout=10).content == image.path.read_bytes()
    mkcols = [p for m, p in webdav.requests if m == "MKCOL"]
    assert mkcols[-1] == "/dav/asso/reseaux/essplanner/"


def test_file_names_with_spaces_and_accents_are_quoted(webdav: webdavserver.WebDavServer,
                                                       tmp_path: Path) -> None:
    image = jpeg(tmp_path / "a.jpg")
    url = client(webdav).upload(image.path, "fête de quartier.jpg", mime_type="image/jpeg")
    assert "f%C3%AAte%20de%20quartier.jpg" in url
    assert requests.get(url, timeout=10).status_code == 200


def test_wrong_password_is_an_auth_error(webdav: webdavserver.WebDavServer,
                                         tmp_path: Path) -> None:
    image = jpeg(tmp_path / "a.jpg")
    with pytest.raises(AuthError, match="WebDAV user and password"):
        client(webdav, password="wrong").upload(image.path, "a.jpg", mime_type="image/jpeg")
    assert webdav.files() == []


def test_verify_round_trip_and_broken_public_share(webdav: webdavserver.WebDavServer) -> None:
    public = client(webdav).verify()
    assert public.startswith(webdav.base + "/public/essplanner/essplanner-check-")
    assert webdav.files() == []  # the probe file is deleted
    config = WebDavConfig.build(url=webdav.folder_url(), user=webdavserver.USER,
                                password=webdavserver.PASSWORD,
                                pattern=webdav.base + "/public/elsewhere/{name}")
    with pytest.raises(PermanentError, match="not visible at its public address"):
        WebDav(HttpClient(), config).verify()
    assert webdav.files() == []


def test_config_refuses_plain_http_and_a_pattern_without_name() -> None:
    with pytest.raises(PermanentError, match="plain http"):
        WebDavConfig.build(url="http://cloud.example.org/dav/", user="u", password="p",
                           pattern="https://cloud.example.org/s/T/{name}")
    with pytest.raises(PermanentError, match=r"\{name\}"):
        WebDavConfig.build(url="https://cloud.example.org/dav/", user="u", password="p",
                           pattern="https://cloud.example.org/s/T/download")


def test_public_media_converts_png_records_uploads_and_cleans_up(
        webdav: webdavserver.WebDavServer, connect, tmp_path: Path) -> None:
    from PIL import Image

    connected = connect("instagram", api_url="https://graph.facebook.com/v25.0", secret="t",
                        settings=webdav_settings(webdav),
                        vault={VAULT_KEY: webdavserver.PASSWORD})
    state = TargetState(tmp_path / "state")
    media = PublicMedia(connected.context, platform="Instagram", state=state, key="k1",
                        accepted=frozenset({"image/jpeg"}))
    hosted = media.upload_all([jpeg(tmp_path / "a.jpg"),
                               jpeg(tmp_path / "b.png", fmt="PNG")])
    assert [h.name for h in hosted] == ["essplanner-k1-1.jpg", "essplanner-k1-2.jpg"]
    assert [h.converted for h in hosted] == [False, True]
    assert state.get("k1")["uploads"] == ["essplanner-k1-1.jpg", "essplanner-k1-2.jpg"]
    fetched = requests.get(hosted[1].url, timeout=10)
    with Image.open(__import__("io").BytesIO(fetched.content)) as img:
        assert img.format == "JPEG"
        # transparency flattened on white: half-transparent (200, 80, 40) → lighter
        assert img.getpixel((10, 10))[0] > 200
    assert media.cleanup() is True
    assert webdav.files() == []
    assert "uploads" not in state.get("k1")


def test_leftovers_of_abandoned_targets_are_deleted(
        webdav: webdavserver.WebDavServer, connect, tmp_path: Path, clock) -> None:
    connected = connect("threads", api_url="https://graph.threads.net/v1.0", secret="t",
                        settings=webdav_settings(webdav),
                        vault={VAULT_KEY: webdavserver.PASSWORD})
    state = TargetState(tmp_path / "state", clock.now)
    old = PublicMedia(connected.context, platform="Threads", state=state, key="old")
    old.upload_all([jpeg(tmp_path / "a.jpg")])
    clock.advance(timedelta(days=2, minutes=1))
    fresh = PublicMedia(connected.context, platform="Threads", state=state, key="fresh")
    fresh.upload_all([jpeg(tmp_path / "b.jpg")])
    clean_leftovers(connected.context, platform="Threads", state=state)
    assert webdav.files() == ["essplanner-fresh-1.jpg"]
    assert state.get("old") is None
    assert state.get("fresh") is not None


def test_records_are_kept_while_they_can_prove_something(connect, tmp_path: Path,
                                                         clock) -> None:
    connected = connect("facebook", api_url="https://graph.facebook.com/v25.0", secret="t",
                        settings={})
    state = TargetState(tmp_path / "state", clock.now)
    state.update("done", post_id="1_2", done=True)
    state.update("pending", container_id="1789")  # a lost answer, maybe published
    state.update("nothing")  # never sent anything
    clock.advance(timedelta(days=3))
    clean_leftovers(connected.context, platform="Facebook", state=state)
    assert [state.get(k) is not None for k in ("done", "pending", "nothing")] == [
        False, True, False]
    clock.advance(timedelta(days=28))
    clean_leftovers(connected.context, platform="Facebook", state=state)
    assert state.get("pending") is None
