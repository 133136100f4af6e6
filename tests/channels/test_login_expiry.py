"""Logins that run out (LinkedIn's 60-day token, a refresh token's end) show up before any
post fails: in the needs-attention rows, ``account list|check`` and ``post show``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from channels.conftest import Cli
from essplanner.channels.accounts import (
    login_attention,
    login_ending_text,
    login_ends_at,
    logins_ending,
)
from essplanner.cli.common import post_text
from essplanner.domain import Holdup, PostDraft
from essplanner.publishers.base import TOKEN_EXPIRES_AT
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace


def _account(ws: Workspace, name: str, ends: datetime | None, *, mimic: str = "linkedin"):
    settings = {"mimic": mimic}
    if ends is not None:
        settings[TOKEN_EXPIRES_AT] = ends.isoformat()
    return ws.accounts.add(platform="dryrun", name=name, settings=settings)


def test_only_logins_ending_within_ten_days_are_listed_soonest_first(
        workspace: Workspace, clock: FakeClock) -> None:
    now = clock.now()
    _account(workspace, "Loin", now + timedelta(days=11))
    _account(workspace, "Jamais", None)
    soon = _account(workspace, "Asso", now + timedelta(days=9, hours=23))
    gone = _account(workspace, "Fini", now - timedelta(hours=1))
    assert [(e.account.name, e.ended) for e in logins_ending(workspace)] == [
        ("Fini", True), ("Asso", False)]
    assert [e.account.name for e in logins_ending(workspace, days=30)] == [
        "Fini", "Asso", "Loin"]
    clock.advance(timedelta(days=2))
    assert [e.account.name for e in logins_ending(workspace)] == ["Fini", "Asso", "Loin"]
    # flagged for reconnection already: said by its own state, not twice
    workspace.accounts.update(gone.id, needs_reconnect=True, reconnect_reason="expired")
    assert [e.account.name for e in logins_ending(workspace)] == ["Asso", "Loin"]
    assert login_ends_at(workspace.accounts.get(soon.id)) == now + timedelta(days=9, hours=23)


def test_the_setting_wins_over_the_checked_expiry_and_a_bad_value_is_ignored(
        workspace: Workspace, clock: FakeClock) -> None:
    checked = clock.now() + timedelta(days=3)
    account = _account(workspace, "Asso", None)
    workspace.accounts.update(account.id, token_expires_at=checked)
    assert login_ends_at(workspace.accounts.get(account.id)) == checked
    workspace.accounts.merge_settings(account.id, {TOKEN_EXPIRES_AT: "2026-12-01T10:00:00Z"})
    assert login_ends_at(workspace.accounts.get(account.id)) == datetime(
        2026, 12, 1, 10, tzinfo=UTC)
    workspace.accounts.merge_settings(account.id, {TOKEN_EXPIRES_AT: "bientôt"})
    assert login_ends_at(workspace.accounts.get(account.id)) == checked


def test_the_attention_row_names_the_network_the_date_and_the_posts_planned_after(
        workspace: Workspace, clock: FakeClock) -> None:
    ends = datetime(2026, 12, 3, 11, 0, tzinfo=UTC)  # 12:00 in Paris
    account = _account(workspace, "Asso", ends)
    before = workspace.posts.create(PostDraft(body="Avant", account_ids=(account.id,)),
                                    scheduled_at=ends - timedelta(days=1), schedule=True)
    after = workspace.posts.create(PostDraft(body="Après", account_ids=(account.id,)),
                                   scheduled_at=ends + timedelta(days=2), schedule=True)
    [row] = login_attention(workspace)
    assert (row.target_id, row.post_id, row.account_id, row.holdup, row.platform) == (
        -account.id, 0, account.id, Holdup.LOGIN_ENDING, "linkedin")
    assert row.last_error == (
        "The LinkedIn login of « Asso » ends on 2026-12-03 12:00: reconnect it. 1 scheduled "
        "post is planned after that (2026-12-05 12:00): it will not go out unless you "
        "reconnect first.")
    [ending] = logins_ending(workspace)
    clock.set(ends + timedelta(minutes=1))
    [ended] = logins_ending(workspace)
    assert login_ending_text(ended, "Europe/Paris").startswith(
        "The LinkedIn login of « Asso » ended on 2026-12-03 12:00")
    assert ending.posts_after == (ends + timedelta(days=2),)

    # post show: said on the post planned after the end, not on the one before
    assert "before this post" not in post_text(workspace, workspace.posts.get(before.id))
    shown = post_text(workspace, workspace.posts.get(after.id))
    assert "the login of Asso ends on 2026-12-03 12:00" in shown
    assert "essplanner account reconnect Asso --browser" in shown


def test_account_list_and_check_say_when_the_login_ends(cli: Cli) -> None:
    ends = (datetime.now(UTC) + timedelta(days=4)).replace(microsecond=0)
    assert cli("account", "add", "dryrun", "--name", "Asso", "--setting", "mimic=linkedin",
               "--setting", f"{TOKEN_EXPIRES_AT}={ends.isoformat()}")[0] == 0
    code, out, _err = cli("account", "list")
    assert code == 0
    assert "The LinkedIn login of « Asso » ends on" in out
    assert "essplanner account reconnect Asso --browser" in out
    [listed] = cli.json("account", "list")
    assert listed["login_ends_at"] == ends.isoformat().replace("+00:00", "Z")
    assert any("ends on" in n for n in listed["notes"])
    checked = cli.json("account", "check", "Asso")
    assert any("The LinkedIn login of « Asso » ends on" in w for w in checked["warnings"])


def test_a_blocked_account_says_what_to_do_and_try_again_unblocks_it(cli: Cli) -> None:
    import sqlite3

    assert cli("account", "add", "dryrun", "--name", "Asso")[0] == 0
    assert cli("post", "add", "--text", "Bonjour", "--account", "Asso",
               "--at", "2099-01-01T10:00+01:00")[0] == 0
    with sqlite3.connect(cli.data / "essplanner.sqlite3") as db:
        db.execute("UPDATE account SET blocked_reason = 'credits', "
                   "blocked_message = 'Plus de crédits X (402).'")
    code, out, _err = cli("account", "list")
    assert "Plus de crédits X (402). Once done: essplanner account try-again Asso" in out
    code, out, _err = cli("post", "show", "1")
    assert "waiting: Plus de crédits X (402). Once done: essplanner account try-again" in out
    code, out, _err = cli("account", "try-again", "Asso")
    assert code == 0 and "publishes again" in out
    [account] = cli.json("account", "list")
    assert (account["blocked_reason"], account["notes"]) == ("", [])
    assert "not blocked" in cli("account", "try-again", "Asso")[1]
