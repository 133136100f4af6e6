"""Graph API helpers: usage headers, the error table, small parsers, state files."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from essplanner.i18n import set_language
from essplanner.publishers.errors import AuthError, PermanentError, RetryableError
from essplanner.publishers.i18n import _catalog
from essplanner.publishers.meta.graph import (
    _AUTH_REASONS,
    DuplicatePost,
    GraphError,
    MediaNotReady,
    ObjectNotFound,
    QuotaReached,
    exception_for,
    parse_time,
    parse_usage,
    root_url,
    same_text,
)
from essplanner.publishers.state import TargetState

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def test_usage_headers_become_rate_limit_info() -> None:
    headers = {
        "X-App-Usage": json.dumps({"call_count": 12, "total_cputime": 40, "total_time": 8}),
        "X-Business-Use-Case-Usage": json.dumps({"1784": [
            {"type": "pages", "call_count": 97, "total_cputime": 5, "total_time": 5,
             "estimated_time_to_regain_access": 0},
            {"type": "instagram", "call_count": 100, "total_cputime": 2, "total_time": 3,
             "estimated_time_to_regain_access": 7}]}),
    }
    info = parse_usage(headers, NOW)
    assert info is not None
    assert (info.limit, info.remaining, info.retry_after) == (100, 0, 7 * 60)
    assert info.reset_at == NOW + timedelta(minutes=7)
    quiet = parse_usage({"x-app-usage": '{"call_count": 3}'}, NOW)
    assert quiet is not None and quiet.remaining == 97 and quiet.retry_after is None
    assert parse_usage({"Content-Type": "application/json"}, NOW) is None
    assert parse_usage({"X-App-Usage": "not json"}, NOW) is None


def error(code: int, subcode: int | None = None, transient: bool = False) -> GraphError:
    return GraphError(code=code, subcode=subcode, message=f"(#{code}) words",
                      transient=transient)


@pytest.mark.parametrize(("code", "subcode", "status", "kind"), [
    (190, 463, 400, AuthError),
    (190, None, 401, AuthError),
    (102, None, 400, AuthError),
    (10, None, 403, AuthError),
    (200, None, 403, AuthError),
    (4, None, 400, RetryableError),
    (80001, None, 400, RetryableError),
    (1, None, 500, RetryableError),
    (9007, 2207027, 400, MediaNotReady),
    (9, 2207042, 400, QuotaReached),
    (9004, 2207052, 400, PermanentError),
    (368, None, 400, PermanentError),
    (506, None, 400, DuplicatePost),
    (100, 33, 400, ObjectNotFound),
    (100, None, 400, PermanentError),
    (12345, None, 503, RetryableError),
])
def test_error_table(code, subcode, status, kind) -> None:
    exc = exception_for(error(code, subcode), platform="Facebook", status=status, usage=None)
    assert type(exc) is kind
    assert exc.http_status == status


def test_transient_flag_wins_and_reasons_are_plain_words() -> None:
    exc = exception_for(error(100, transient=True), platform="X", status=400, usage=None)
    assert isinstance(exc, RetryableError)
    expired = exception_for(error(190, 463), platform="Instagram", status=400, usage=None)
    assert "the access token has expired" in expired.message
    assert "Reconnect" in expired.message


def test_every_token_reason_has_french() -> None:
    set_language("fr")
    catalog = _catalog("fr")
    assert [r for r in _AUTH_REASONS.values() if r not in catalog] == []


def test_graph_error_from_body() -> None:
    body = {"error": {"message": "(#506) Duplicate status message", "type": "OAuthException",
                      "code": 506, "error_subcode": 1455006, "error_user_msg": "Duplicate",
                      "fbtrace_id": "AbC"}}
    err = GraphError.from_body(body)
    assert err is not None and (err.code, err.subcode, err.trace) == (506, 1455006, "AbC")
    assert err.text == "Duplicate (code 506/1455006)"
    assert GraphError.from_body({"data": []}) is None


def test_small_parsers() -> None:
    assert parse_time("2026-11-27T09:00:00+0000") == NOW
    assert parse_time("2026-11-27T10:00:00+01:00") == NOW
    assert parse_time("nonsense") is None and parse_time(None) is None
    assert root_url("https://graph.threads.net/v1.0") == "https://graph.threads.net"
    assert root_url("http://127.0.0.1:8080/v25.0/") == "http://127.0.0.1:8080"
    assert same_text("Bonjour\r\n\r\nà tous ", "Bonjour\n\nà tous")
    assert not same_text("Bonjour à tous", "Bonjour à toutes")


def test_state_survives_rewrites_and_refuses_odd_keys(tmp_path: Path) -> None:
    state = TargetState(tmp_path / "targets", lambda: NOW)
    state.update("3lbqz7xkdwc2a", container_id="17890", uploads=["a.jpg"])
    state.update("3lbqz7xkdwc2a", uploads=None, media_id="1799")
    record = state.get("3lbqz7xkdwc2a")
    assert record == {"key": "3lbqz7xkdwc2a", "container_id": "17890", "media_id": "1799",
                      "updated_at": NOW.isoformat()}
    assert [p.name for p in (tmp_path / "targets").iterdir()] == ["3lbqz7xkdwc2a.json"]
    state.update("../../etc/passwd", x=1)  # a strange key never escapes the folder
    assert all(p.parent == tmp_path / "targets" for p in (tmp_path / "targets").iterdir())
    assert state.get("../../etc/passwd")["x"] == 1
    with pytest.raises(ValueError):
        state.get("")


def test_expiry_warnings() -> None:
    from essplanner.publishers.meta.graphtoken import TokenInfo, expiry_warnings

    soon = TokenInfo(valid=True, expires_at=NOW + timedelta(days=3),
                     data_access_expires_at=NOW + timedelta(days=80),
                     scopes=("pages_manage_posts",))
    [expiry, scopes] = expiry_warnings(soon, platform="Facebook", now=NOW,
                                       needed=("pages_manage_posts", "pages_read_engagement"))
    assert "2026-11-30 09:00 UTC (in 3 days)" in expiry and "pages_read_engagement" in scopes
    page = TokenInfo(valid=True, expires_at=None, data_access_expires_at=NOW + timedelta(days=6))
    [access] = expiry_warnings(page, platform="Facebook", now=NOW, needed=())
    assert "data access" in access and "2026-12-03" in access
    fine = TokenInfo(valid=True, expires_at=NOW + timedelta(days=50),
                     data_access_expires_at=NOW + timedelta(days=89))
    assert expiry_warnings(fine, platform="Threads", now=NOW, needed=()) == []
