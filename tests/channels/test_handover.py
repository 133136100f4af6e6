"""Issue 16 item 6: the account handover register (who connected an account and when, whose
login, backup administrators, where the recovery codes are kept, the login's end), the
checklist of a departing volunteer as a PDF, and the reminders in needs-attention. No
secret anywhere in it."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from channels.conftest import Cli
from essplanner.channels.accounts import login_attention
from essplanner.domain import AccountHandover, Holdup, LoginKind
from essplanner.errors import ValidationError
from essplanner.publishers.base import TOKEN_EXPIRES_AT
from essplanner.services.handover import looks_like_codes
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace
from tests.conftest import need
from tests.helpers.memkeyring import MemoryKeyring

#: planted in the keyring: it must reach no register, no output, no PDF
TOKEN = "tok_9fQ2xLmZ7vKp3RwT8sYb"


def _account(ws: Workspace, name: str, mimic: str, *, ends: datetime | None = None,
             secret: str | None = None, connected_by: str = "Léa Martin"):
    settings = {"mimic": mimic}
    if ends is not None:
        settings[TOKEN_EXPIRES_AT] = ends.isoformat()
    return ws.accounts.add(platform="dryrun", name=name, settings=settings, secret=secret,
                           connected_by=connected_by)


@pytest.mark.parametrize("text", [
    "4821 9930 1177 5532", "a7kq-29xm-pp31", "48219930", "codes: 8812-2290",
    "recovery a7kq29xm and b8lr30yn", "1234 5678",
])
def test_recovery_codes_are_recognised(text: str) -> None:
    assert looks_like_codes(text)


@pytest.mark.parametrize("text", [
    "the office safe", "Bitwarden of the association, folder 2FA", "bureau 12, armoire de 2024",
    "coffre-fort du siège, enveloppe B12", "KeePass entry ESS-Mastodon", "",
])
def test_places_are_not_taken_for_codes(text: str) -> None:
    assert not looks_like_codes(text)


def test_the_register_keeps_who_what_login_and_where_and_refuses_secrets(
        workspace: Workspace) -> None:
    account = _account(workspace, "Asso Mastodon", "mastodon", secret=TOKEN)
    saved = workspace.handover.set(account.id, AccountHandover(
        login_kind=LoginKind.PERSONAL, login_owner=" Léa  Martin ",
        backup_admins=("Bruno", "Chloé", "Bruno"), recovery_codes_place="the office safe"),
        connected_by="Léa Martin")
    assert saved.handover == AccountHandover(
        login_kind=LoginKind.PERSONAL, login_owner="Léa Martin",
        backup_admins=("Bruno", "Chloé"), recovery_codes_place="the office safe")
    assert workspace.accounts.get(account.id).handover.at_risk
    refused = [
        AccountHandover(recovery_codes_place="4821 9930 1177 5532"),  # the codes themselves
        AccountHandover(recovery_codes_place=f"in the safe, {TOKEN}"),  # the account's secret
        AccountHandover(login_owner=TOKEN),
        AccountHandover(backup_admins=("Bruno", "access_token=abcdef123456")),
        AccountHandover(recovery_codes_place="x" * 301),
    ]
    for handover in refused:
        with pytest.raises(ValidationError):
            workspace.handover.set(account.id, handover)
    # nothing refused was stored
    assert workspace.accounts.get(account.id).handover.recovery_codes_place == "the office safe"


def test_the_checklist_lists_what_the_person_connected_holds_or_administers(
        workspace: Workspace, clock: FakeClock) -> None:
    ends = datetime(2027, 1, 15, 12, tzinfo=UTC)
    mastodon = _account(workspace, "Asso Mastodon", "mastodon", ends=ends)
    facebook = _account(workspace, "Page Facebook", "facebook", connected_by="Bruno")
    _account(workspace, "Bluesky", "bluesky", connected_by="Chloé")
    workspace.handover.set(mastodon.id, AccountHandover(
        login_kind=LoginKind.PERSONAL, login_owner="Léa Martin"))
    workspace.handover.set(facebook.id, AccountHandover(
        login_kind=LoginKind.ASSOCIATION, login_owner="Bruno", backup_admins=("léa martin",),
        recovery_codes_place="the office safe"))
    checklist = workspace.handover.checklist("Léa Martin", zone="Europe/Paris")
    assert [(i.account, i.network, i.roles, i.expiry, i.at_risk) for i in checklist.items] == [
        ("Asso Mastodon", "Mastodon", ("connected it", "holds its login"), "2027-01-15", True),
        ("Page Facebook", "Facebook", ("backup administrator",), "no known expiry", False),
    ]
    first, second = checklist.items
    assert first.steps[0].startswith("Move the account from Léa Martin's private login")
    assert any("Reconnect the account in ESS Planner" in s for s in first.steps)
    assert any("2027-01-15" in s for s in first.steps)
    assert any("Remove Léa Martin from the account's administrators on Facebook" in s
               for s in second.steps)
    assert any("the office safe" in s for s in second.steps)
    assert workspace.handover.people() == ["Bruno", "Chloé", "Léa Martin"]
    with pytest.raises(ValidationError, match="No account names Zoé.*People named: Bruno"):
        workspace.handover.checklist("Zoé")


def test_needs_attention_flags_a_private_login_and_the_reminder_names_who_holds_it(
        workspace: Workspace, clock: FakeClock) -> None:
    ends = clock.now() + timedelta(days=5)
    account = _account(workspace, "Asso Mastodon", "mastodon", ends=ends)
    other = _account(workspace, "Page Facebook", "facebook")
    assert [r.holdup for r in login_attention(workspace)] == [Holdup.LOGIN_ENDING]
    workspace.handover.set(account.id, AccountHandover(
        login_kind=LoginKind.PERSONAL, login_owner="Léa Martin", backup_admins=("Bruno",)))
    workspace.handover.set(other.id, AccountHandover(login_kind=LoginKind.ASSOCIATION))
    ending, risk = login_attention(workspace)
    assert (ending.holdup, ending.account_id) == (Holdup.LOGIN_ENDING, account.id)
    assert ending.last_error.endswith(
        "reconnect it. Léa Martin holds its login; backup administrators: Bruno.")
    assert (risk.holdup, risk.account_id, risk.post_id) == (Holdup.PRIVATE_LOGIN, account.id, 0)
    assert risk.last_error.startswith(
        "« Asso Mastodon » (Mastodon) is connected with Léa Martin's private login: if Léa "
        "Martin leaves, the association loses it.")
    workspace.accounts.update(account.id, enabled=False)
    assert login_attention(workspace) == []


# ---- the command line and the PDF


def _pdf_streams(data: bytes) -> list[bytes]:
    """The PDF's bytes and each of its streams decompressed (QPdfWriter deflates them)."""
    out = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            out.append(zlib.decompress(match.group(1)))
        except zlib.error:
            out.append(match.group(1))
    return out


def test_the_checklist_pdf_names_each_account_its_network_and_expiry_and_no_secret(
        cli: Cli, mem_keyring: MemoryKeyring, tmp_path: Path) -> None:
    need(shutil.which("pdftotext") is not None, "pdftotext (apt-get install poppler-utils)")
    for name, mimic, ends in (("Asso Mastodon", "mastodon", "2027-01-15T12:00:00+00:00"),
                              ("Page Facebook", "facebook", "2027-03-02T09:00:00+00:00"),
                              ("Bluesky de Chloé", "bluesky", "")):
        args = ["account", "add", "dryrun", "--name", name, "--setting", f"mimic={mimic}",
                "--secret-stdin"]
        if ends:
            args += ["--setting", f"{TOKEN_EXPIRES_AT}={ends}"]
        code, _out, err = cli(*args, stdin=f"{TOKEN}-{mimic}\n")
        assert code == 0, err
    planted = [f"{TOKEN}-{m}" for m in ("mastodon", "facebook", "bluesky")]
    assert sorted(mem_keyring.store.values()) == sorted(planted)  # the tokens are in the keyring

    assert cli("account", "handover", "Asso Mastodon", "--connected-by", "Léa Martin",
               "--login-kind", "personal", "--login-owner", "Léa Martin",
               "--recovery-codes-place", "the office safe")[0] == 0
    assert cli("account", "handover", "Page Facebook", "--connected-by", "Bruno",
               "--login-kind", "association", "--backup-admin", "Léa Martin, Chloé")[0] == 0
    assert cli("account", "handover", "Bluesky de Chloé", "--connected-by", "Chloé")[0] == 0
    # codes, not a place: refused in one line, exit 2, nothing stored
    code, out, err = cli("account", "handover", "Page Facebook",
                         "--recovery-codes-place", "4821 9930 1177 5532")
    assert code == 2 and "never the codes" in err and len(err.strip().splitlines()) == 1
    assert "4821" not in out
    register = {e["account"]: e for e in cli.json("account", "handover")}
    assert register["Asso Mastodon"]["private_login_risk"] is True
    assert register["Page Facebook"]["backup_admins"] == ["Léa Martin", "Chloé"]
    assert register["Page Facebook"]["recovery_codes_place"] == ""
    assert register["Asso Mastodon"]["login_ends_at"] == "2027-01-15T12:00:00Z"

    pdf = tmp_path / "lea.pdf"
    code, out, err = cli("account", "handover-checklist", "--person", "Léa Martin",
                         "--out", str(pdf))
    assert code == 0, err
    assert "2 accounts" in out
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    flat = " ".join(unicodedata.normalize("NFKC", text).split())  # ligatures: "ﬃ" is "ffi"
    assert "Handover checklist — Léa Martin" in flat
    for account, network, expiry in (("Asso Mastodon", "Mastodon", "2027-01-15"),
                                     ("Page Facebook", "Facebook", "2027-03-02")):
        assert f"{account} — {network}" in flat
        assert expiry in flat
    assert "Bluesky de Chloé" not in flat  # not hers
    assert "private login" in flat and "the office safe" in flat
    # no secret: not in the text, not in the file's bytes, not in any of its streams
    for secret in (*planted, TOKEN):
        assert secret not in text
        for chunk in _pdf_streams(pdf.read_bytes()):
            assert secret.encode() not in chunk
    for stream in (out, err):
        assert TOKEN not in stream


def test_a_checklist_for_nobody_named_is_a_clear_refusal(cli: Cli, tmp_path: Path) -> None:
    assert cli("account", "add", "dryrun", "--name", "Asso")[0] == 0
    code, _out, err = cli("account", "handover-checklist", "--person", "Zoé",
                          "--out", str(tmp_path / "z.pdf"))
    assert code == 2 and "No account names Zoé" in err
    assert not (tmp_path / "z.pdf").exists()
