"""``essplanner meta connect|threads|upload-folder`` against the fake Graph server."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from essplanner.credentials import KeyringStore
from essplanner.settings import Paths
from essplanner.workspace import Workspace
from tests.publishers.meta import webdavserver


def open_ws(run) -> Workspace:
    return Workspace.open(paths=Paths.resolve(run.data), secrets=KeyringStore())


def database_bytes(data: Path) -> bytes:
    return b"".join(p.read_bytes() for p in data.glob("essplanner.sqlite3*"))


def test_connect_page_and_instagram_with_secrets_only_in_the_keyring(meta, run, ring) -> None:
    graph = meta.graph
    short = graph.add_token("USER", meta.page.owner, lifetime=timedelta(hours=1))
    code, out, err = run("meta", "connect", "--app-id", meta.app.app_id,
                         "--api-url", graph.graph_url, "--json",
                         stdin=f"{short.value}\n{meta.app.secret}\n")
    assert code == 0, err
    fb, ig = json.loads(out)
    assert (fb["platform"], fb["name"], fb["handle"]) == (
        "facebook", "Les Amis du Quartier", "@amisduquartier")
    assert fb["token_expires_at"] is None and fb["new"] and fb["error"] == ""
    assert ig["platform"] == "instagram" and ig["handle"] == "@amisduquartier"
    assert any("upload folder" in w.lower() for w in ig["warnings"])
    ws = open_ws(run)
    try:
        accounts = {a.platform: a for a in ws.accounts.all()}
        assert accounts["facebook"].settings["page_id"] == meta.page.id
        assert accounts["instagram"].settings["ig_user_id"] == meta.ig.id
        page_token = ws.secrets.get(accounts["facebook"].id)
        assert graph.tokens[page_token].kind == "PAGE"
        assert graph.tokens[page_token].expires_at is None  # from a long-lived user token
        assert ws.secrets.get(accounts["instagram"].id, "app_secret") == meta.app.secret
    finally:
        ws.close()
    stored = database_bytes(run.data)
    for secret in (short.value, page_token, meta.app.secret):
        assert secret.encode() not in stored
        assert secret not in out and secret not in err
    log = (run.data / "logs" / "essplanner.log")
    if log.exists():
        assert page_token not in log.read_text(encoding="utf-8")


def test_connecting_again_reconnects_the_same_accounts(meta, run) -> None:
    stdin = lambda: f"{meta.graph.add_token('USER', meta.page.owner).value}\n{meta.app.secret}\n"  # noqa: E731
    args = ("meta", "connect", "--app-id", meta.app.app_id, "--api-url", meta.graph.graph_url)
    assert run(*args, stdin=stdin())[0] == 0
    code, out, _err = run(*args, stdin=stdin())
    assert code == 0 and out.count("reconnected as @amisduquartier") == 2
    ws = open_ws(run)
    try:
        assert len(ws.accounts.all()) == 2
    finally:
        ws.close()


def test_several_pages_need_a_choice(meta, run) -> None:
    graph = meta.graph
    graph.add_page("Épicerie solidaire", "epicerie", owner=meta.page.owner, with_instagram=False)
    token = graph.add_token("USER", meta.page.owner).value
    args = ("meta", "connect", "--app-id", meta.app.app_id, "--api-url", graph.graph_url)
    code, _out, err = run(*args, stdin=f"{token}\n{meta.app.secret}\n")
    assert code == 1 and "several Pages" in err and "Épicerie solidaire" in err
    code, out, err = run(*args, "--page", "épicerie solidaire",
                         stdin=f"{token}\n{meta.app.secret}\n")
    assert code == 0, err
    assert "Épicerie solidaire (facebook) connected as @epicerie" in out
    assert "No Instagram professional account is linked" in err


def test_wrong_app_secret_stores_nothing(meta, run) -> None:
    token = meta.graph.add_token("USER", meta.page.owner).value
    code, _out, err = run("meta", "connect", "--app-id", meta.app.app_id, "--api-url",
                          meta.graph.graph_url, stdin=f"{token}\nnot-the-secret\n")
    assert code == 1 and "client secret" in err
    ws = open_ws(run)
    try:
        assert ws.accounts.all() == []
    finally:
        ws.close()


def test_missing_stdin_is_a_usage_error(meta, run) -> None:
    code, _out, err = run("meta", "connect", "--app-id", "1", stdin="only-one-line\n")
    assert code == 2 and "one per line" in err


def test_threads_token_is_exchanged_for_a_long_lived_one(meta, run, clock) -> None:
    short = meta.graph.add_token("THREADS", meta.threads.id, lifetime=timedelta(hours=1))
    code, out, err = run("meta", "threads", "--name", "Threads asso", "--api-url",
                         meta.graph.threads_url, "--json",
                         stdin=f"{short.value}\n{meta.app.secret}\n")
    assert code == 0, err
    [account] = json.loads(out)
    assert account["handle"] == "@amisduquartier"
    assert account["token_expires_at"].startswith(
        (clock.now() + timedelta(days=60)).date().isoformat())
    ws = open_ws(run)
    try:
        [stored] = ws.accounts.all()
        token = ws.secrets.get(stored.id)
        assert token != short.value and meta.graph.tokens[token].expires_at is not None
        assert ws.secrets.get(stored.id, "app_secret") is None  # not kept: not needed
        assert stored.settings["threads_user_id"] == meta.threads.id
    finally:
        ws.close()


def test_upload_folder_is_verified_then_saved(meta, run, webdav) -> None:
    token = meta.graph.add_token("USER", meta.page.owner).value
    run("meta", "connect", "--app-id", meta.app.app_id, "--api-url", meta.graph.graph_url,
        stdin=f"{token}\n{meta.app.secret}\n")
    name = "Les Amis du Quartier (Instagram)"
    code, _out, err = run("meta", "upload-folder", name, "--url", webdav.folder_url(),
                          "--user", webdavserver.USER, "--public-url",
                          webdav.base + "/public/nowhere/{name}",
                          stdin=f"{webdavserver.PASSWORD}\n")
    assert code == 1 and "not visible at its public address" in err
    code, out, err = run("meta", "upload-folder", name, "--url", webdav.folder_url(),
                         "--user", webdavserver.USER, "--public-url", webdav.public_pattern(),
                         stdin=f"{webdavserver.PASSWORD}\n")
    assert code == 0, err
    assert "a test file was readable" in out and webdav.files() == []
    ws = open_ws(run)
    try:
        [account] = ws.accounts.find([name])
        assert account.settings["public_url_pattern"] == webdav.public_pattern()
        assert ws.secrets.get(account.id, "webdav") == webdavserver.PASSWORD
    finally:
        ws.close()
    assert webdavserver.PASSWORD.encode() not in database_bytes(run.data)
