"""Telegram through the real requests stack against a faithful loopback Bot API server."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from essplanner import log as logsetup
from essplanner.publishers.base import AccountInfo, MediaFile, PublishRequest
from essplanner.publishers.errors import (
    AmbiguousError,
    AuthError,
    ContentRejected,
    PermanentError,
    RetryableError,
)
from essplanner.publishers.telegram import TelegramPublisher
from essplanner.services.posts import new_idempotency_key
from publishers.conftest import make_context
from publishers.fake_telegram import Channel, FakeTelegram, TelegramHandler
from publishers.images import small_png
from publishers.loopback import LoopbackServer


@pytest.fixture
def tg() -> Iterator[tuple[FakeTelegram, str]]:
    state = FakeTelegram()
    state.add_channel(Channel(id=-1001234567890, username="asso_energie", title="Asso Énergie"))
    state.add_channel(Channel(id=-1009876543210, username=None, title="Bénévoles (privé)"))
    with LoopbackServer(TelegramHandler, state) as server:
        yield state, server.url


def _ctx(tg: tuple[FakeTelegram, str], tmp_path: Path, *, chat: str = "@asso_energie",
         token: str | None = None, **kw: Any) -> Any:
    fake, url = tg
    return make_context(platform="telegram", api_url=url, secret=token or fake.token,
                        settings={"chat_id": chat, **kw.pop("settings", {})},
                        tmp_path=tmp_path, **kw)


def _req(ctx: Any, text: str, **kw: Any) -> PublishRequest:
    return PublishRequest(target_id=1, post_id=1, account=ctx.account, text=text,
                          idempotency_key=new_idempotency_key(), **kw)


def _photo(path: Path) -> MediaFile:
    return MediaFile(path=path, mime_type="image/png", alt_text="", size=path.stat().st_size)


def test_a_text_goes_out_as_plain_text_with_a_link_to_the_message(tg, tmp_path: Path) -> None:
    fake, _url = tg
    ctx = _ctx(tg, tmp_path)
    text = "Permanence *énergie* mardi <b>14 h</b> _ici_ 🔌 https://example.org/p"
    receipt = TelegramPublisher().publish(_req(ctx, text, link="https://example.org/p"), ctx)
    channel = fake.channels["@asso_energie"]
    assert [m["text"] for m in channel.messages] == [text]  # no markup interpreted
    sent = fake.requests[-1]["params"]
    assert "parse_mode" not in sent
    assert sent["link_preview_options"] == {"url": "https://example.org/p"}
    message_id = channel.messages[0]["message_id"]
    assert receipt.remote_id == f"-1001234567890/{message_id}"
    assert receipt.remote_url == f"https://t.me/asso_energie/{message_id}"


def test_a_private_channel_gets_a_members_link(tg, tmp_path: Path) -> None:
    ctx = _ctx(tg, tmp_path, chat="-1009876543210")
    receipt = TelegramPublisher().publish(_req(ctx, "Réunion"), ctx)
    assert receipt.remote_url is not None
    assert receipt.remote_url.startswith("https://t.me/c/9876543210/")


def test_limits_are_counted_in_utf16_units_before_sending(tg, tmp_path: Path) -> None:
    fake, _url = tg
    ctx = _ctx(tg, tmp_path)
    publisher = TelegramPublisher()
    at_limit = "😀" * 2048  # 2048 characters, 4096 UTF-16 code units
    publisher.publish(_req(ctx, at_limit), ctx)
    over = at_limit + "a"
    with pytest.raises(ContentRejected, match="4097"):
        publisher.publish(_req(ctx, over), ctx)
    photo = small_png(tmp_path / "p.png")
    caption = "é" * 1000 + "🎉" * 13  # 1013 characters, 1026 UTF-16 units
    problems = publisher.validate(_req(ctx, caption, media=(_photo(photo),)))
    assert [p.code for p in problems] == ["text_too_long"]
    assert "caption" in problems[0].message.lower()
    assert len(fake.requests) == 1  # only the message at the limit was sent


def test_the_server_refuses_a_long_caption_with_400(tg, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = _ctx(tg, tmp_path)
    publisher = TelegramPublisher()
    monkeypatch.setattr(publisher, "ensure_valid", lambda _request: None)
    photo = small_png(tmp_path / "p.png")
    with pytest.raises(PermanentError, match="caption is too long") as caught:
        publisher.publish(_req(ctx, "x" * 1025, media=(_photo(photo),)), ctx)
    assert caught.value.http_status == 400


def test_one_photo_then_an_album_with_its_caption_on_the_first(tg, tmp_path: Path) -> None:
    fake, _url = tg
    ctx = _ctx(tg, tmp_path)
    publisher = TelegramPublisher()
    one = small_png(tmp_path / "one.png")
    publisher.publish(_req(ctx, "Une photo", media=(_photo(one),)), ctx)
    # A banner far too wide for Telegram (width + height > 10,000) is re-encoded to fit.
    banner = tmp_path / "banner.png"
    Image.new("RGB", (9500, 900), (250, 200, 0)).save(banner)
    photos = (_photo(one), _photo(small_png(tmp_path / "two.png", (0, 0, 0))), _photo(banner))
    receipt = publisher.publish(_req(ctx, "Trois photos", media=photos), ctx)
    messages = fake.channels["@asso_energie"].messages
    assert messages[0]["caption"] == "Une photo" and "photo" in messages[0]
    album = messages[1:]
    assert len(album) == 3 and len({m["media_group_id"] for m in album}) == 1
    assert [m.get("caption") for m in album] == ["Trois photos", None, None]
    assert album[2]["photo"][0]["width"] + album[2]["photo"][0]["height"] <= 10_000
    assert receipt.extra["message_ids"] == [m["message_id"] for m in album]


def test_retry_after_from_the_body_is_honoured(tg, tmp_path: Path) -> None:
    fake, _url = tg
    fake.flood_after = 0
    ctx = _ctx(tg, tmp_path)
    with pytest.raises(RetryableError) as caught:
        TelegramPublisher().publish(_req(ctx, "Trop vite"), ctx)
    assert caught.value.retry_after == 7.0 and caught.value.http_status == 429


def test_a_bot_that_is_not_admin_gets_a_clear_permanent_error(tg, tmp_path: Path) -> None:
    fake, _url = tg
    fake.channels["@asso_energie"].bot_status = "member"
    ctx = _ctx(tg, tmp_path)
    publisher = TelegramPublisher()
    with pytest.raises(PermanentError, match="administrator") as caught:
        publisher.publish(_req(ctx, "x"), ctx)
    assert not isinstance(caught.value, AuthError)  # reconnecting would not help
    check = publisher.check_account(ctx)
    assert check.handle == "@asso_energie"
    assert any("not an administrator" in w for w in check.warnings)


def test_check_account_names_the_channel(tg, tmp_path: Path) -> None:
    check = TelegramPublisher().check_account(_ctx(tg, tmp_path))
    assert check.handle == "@asso_energie" and check.display_name == "Asso Énergie"
    assert check.warnings == ()
    assert check.settings["bot_username"] == "asso_poster_bot"
    with pytest.raises(PermanentError, match="does not know the channel"):
        TelegramPublisher().check_account(_ctx(tg, tmp_path, chat="@nobody_here"))


def test_a_group_upgraded_to_a_supergroup_is_followed(tg, tmp_path: Path) -> None:
    fake, _url = tg
    fake.migrated["-4001"] = -1001234567890
    saved: list[dict[str, Any]] = []
    ctx = _ctx(tg, tmp_path, chat="-4001", saved=saved)
    with pytest.raises(RetryableError) as caught:
        TelegramPublisher().publish(_req(ctx, "x"), ctx)
    assert caught.value.retry_after == 0
    assert saved == [{"chat_id": "-1001234567890"}]


def test_a_bad_token_is_an_auth_error_that_never_shows_the_token(tg, tmp_path: Path) -> None:
    fake, _url = tg
    publisher = TelegramPublisher()
    unknown = "7012345678:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    with pytest.raises(AuthError) as caught:
        publisher.publish(_req(ctx := _ctx(tg, tmp_path, token=unknown), "x"), ctx)
    assert caught.value.http_status == 401 and unknown not in str(caught.value)
    with pytest.raises(AuthError, match="does not look like a bot token"):
        publisher.check_account(_ctx(tg, tmp_path, token="not a token/../x"))
    # A server that answers 404 for the token's path (a wrong server address).
    wrong = make_context(platform="telegram", api_url=f"{tg[1]}/nothing-here",
                         secret=fake.token, settings={"chat_id": "@asso_energie"},
                         tmp_path=tmp_path)
    with pytest.raises(AuthError, match="server address") as not_found:
        publisher.publish(_req(wrong, "x"), wrong)
    assert not_found.value.http_status == 404 and fake.token not in str(not_found.value)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_the_token_never_reaches_logs_or_error_messages(tg, tmp_path: Path) -> None:
    fake, url = tg
    log_file = tmp_path / "logs" / "essplanner.log"
    logsetup.setup(log_file, verbose=3, stderr=False)  # urllib3 logs every URL at DEBUG
    errors: list[str] = []
    try:
        publisher = TelegramPublisher()
        ctx = _ctx(tg, tmp_path)
        publisher.publish(_req(ctx, "Bonjour"), ctx)
        fake.channels["@asso_energie"].bot_status = "left"
        with pytest.raises(PermanentError) as refused:
            publisher.publish(_req(ctx, "x"), ctx)
        errors.append(str(refused.value))
        logging.getLogger("tests").error("publish failed: %s", refused.value,
                                         exc_info=refused.value)
        offline = make_context(platform="telegram", api_url=f"http://127.0.0.1:{_closed_port()}",
                               secret=fake.token, settings={"chat_id": "@x"}, tmp_path=tmp_path)
        with pytest.raises(RetryableError) as caught:
            publisher.publish(_req(offline, "x"), offline)
        errors.append(str(caught.value))
        logging.getLogger("tests").warning("offline: %r", caught.value)
        logging.getLogger("tests").info("calling %s/bot%s/getMe", url, fake.token)
    finally:
        logsetup.setup(None, stderr=False)
    content = log_file.read_text()
    assert "sendMessage" in content  # urllib3 did log the calls...
    assert fake.token not in content  # ...with the token masked
    assert fake.token.split(":")[1] not in content
    assert errors and all(fake.token not in e and fake.token.split(":")[1] not in e
                          for e in errors)


def test_lookup_says_it_cannot_tell(tg, tmp_path: Path) -> None:
    ctx = _ctx(tg, tmp_path)
    with pytest.raises(AmbiguousError, match="Look at the channel"):
        TelegramPublisher().lookup(_req(ctx, "x"), ctx)


def test_rules_count_utf16() -> None:
    rules = TelegramPublisher().rules(AccountInfo(1, "telegram", "t"))
    assert rules.count("😀a") == 3


@pytest.mark.parametrize("status", [500, 502, 504])
def test_a_5xx_after_a_send_is_ambiguous_not_retryable(tg, tmp_path: Path, status: int) -> None:
    fake, _url = tg
    fake.fail_after_send = [status]  # a proxy: the message is delivered, then an error page
    ctx = _ctx(tg, tmp_path)
    with pytest.raises(AmbiguousError, match="may or may not") as caught:
        TelegramPublisher().publish(_req(ctx, "Bonjour"), ctx)
    assert caught.value.http_status == status
    assert len(fake.channels["@asso_energie"].messages) == 1


def test_telegrams_own_5xx_is_ambiguous_for_a_send_and_retryable_for_a_read(
        tg, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from publishers.fake_telegram import _Refused

    def down(*_args: object) -> None:
        raise _Refused(500, "Internal Server Error")

    monkeypatch.setattr(TelegramHandler, "m_sendMessage", down)
    monkeypatch.setattr(TelegramHandler, "m_getMe", down)
    ctx = _ctx(tg, tmp_path)
    with pytest.raises(AmbiguousError, match=r"Telegram had a problem \(500\)"):
        TelegramPublisher().publish(_req(ctx, "Bonjour"), ctx)
    with pytest.raises(RetryableError, match=r"Telegram had a problem \(500\)"):
        TelegramPublisher().check_account(ctx)
