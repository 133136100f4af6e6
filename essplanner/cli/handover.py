"""``essplanner account handover`` (the handover register of an account, shown or changed)
and ``essplanner account handover-checklist`` (a departing volunteer's checklist, PDF).

The register holds no secret: what looks like a password, a token or recovery codes is
refused with a one-line reason (exit 2).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from essplanner import domain
from essplanner.i18n import _, n_
from essplanner.timeutil import to_utc_iso

LOGIN_KINDS = {"association": domain.LoginKind.ASSOCIATION,
               "personal": domain.LoginKind.PERSONAL, "unknown": domain.LoginKind.UNKNOWN}


def entry_json(entry: Any) -> dict[str, Any]:
    """A register entry for ``--json`` (no secret: there is none in the register)."""
    account, handover = entry.account, entry.handover
    return {
        "account": account.name, "platform": account.platform, "network": entry.network,
        "handle": account.handle, "connected_by": account.connected_by,
        "connected_at": to_utc_iso(account.connected_at),
        "login_kind": handover.login_kind.value or "unknown",
        "login_owner": handover.login_owner, "private_login_risk": handover.at_risk,
        "backup_admins": list(handover.backup_admins),
        "recovery_codes_place": handover.recovery_codes_place,
        "login_ends_at": to_utc_iso(entry.login_ends),
    }


def entry_text(entry: Any, zone: str | None) -> str:
    from essplanner.services.handover import login_kind_label
    from essplanner.timeutil import get_zone

    tz = get_zone(zone)
    account, handover = entry.account, entry.handover

    def day(when: Any) -> str:
        return when.astimezone(tz).strftime("%Y-%m-%d") if when is not None else "—"

    lines = [
        f"{account.name} ({entry.network})",
        "  " + _("connected by: {person}, on {date}", person=account.connected_by or "—",
                 date=day(account.connected_at)),
        "  " + _("login: {kind}", kind=login_kind_label(handover.login_kind))
        + (f" — {handover.login_owner}" if handover.login_owner else ""),
        "  " + _("backup administrators: {names}",
                 names=", ".join(handover.backup_admins) or "—"),
        "  " + _("recovery codes kept at: {place}", place=handover.recovery_codes_place or "—"),
        "  " + _("login ends: {date}", date=day(entry.login_ends)),
    ]
    if handover.at_risk:
        lines.append("  " + _("RISK: in a person's private login; move it to the "
                              "association's own login."))
    return "\n".join(lines)


def cmd_handover(args: argparse.Namespace) -> int:
    from essplanner.channels import accounts
    from essplanner.cli.common import emit, open_workspace
    from essplanner.services.handover import parse_admins

    ws = open_workspace(args)
    zone = ws.settings.timezone
    if args.name is None:
        if _changes(args):
            from essplanner.cli.common import UsageError

            raise UsageError(_("Name the account whose register entry to change."))
        entries = ws.handover.entries()
        emit(args, [entry_json(e) for e in entries],
             lambda: "\n".join(entry_text(e, zone) for e in entries)
             or _("No account is connected."))
        return 0
    account = accounts.find_account(ws, args.name)
    if _changes(args):
        current = account.handover
        handover = domain.AccountHandover(
            login_kind=LOGIN_KINDS[args.login_kind] if args.login_kind else current.login_kind,
            login_owner=current.login_owner if args.login_owner is None else args.login_owner,
            backup_admins=(current.backup_admins if args.backup_admin is None
                           else parse_admins(args.backup_admin)),
            recovery_codes_place=(current.recovery_codes_place
                                  if args.recovery_codes_place is None
                                  else args.recovery_codes_place))
        ws.handover.set(account.id, handover, connected_by=args.connected_by)
    entry = ws.handover.entry(account.id)
    emit(args, entry_json(entry), lambda: entry_text(entry, zone))
    return 0


def _changes(args: argparse.Namespace) -> bool:
    return any(v is not None for v in (args.login_kind, args.login_owner, args.backup_admin,
                                       args.recovery_codes_place, args.connected_by))


def cmd_checklist(args: argparse.Namespace) -> int:
    from essplanner.cli.common import emit, open_workspace
    from essplanner.cli.kpi import ensure_offscreen

    ws = open_workspace(args)
    checklist = ws.handover.checklist(args.person, zone=ws.settings.timezone)
    out = Path(args.out)
    ensure_offscreen()
    from essplanner.ui.accounts.handover_pdf import write_checklist_pdf

    write_checklist_pdf(checklist, out)
    emit(args, {"out": str(out), "person": checklist.person,
                "accounts": [i.account for i in checklist.items]},
         n_("Handover checklist of {person} written to {file} ({n} account).",
            "Handover checklist of {person} written to {file} ({n} accounts).",
            len(checklist.items), person=checklist.person, file=str(out)))
    return 0


def add_verbs(verbs: Any, json_flag: Any) -> None:
    """``account handover`` and ``account handover-checklist`` (called by ``cli.account``)."""
    p = verbs.add_parser("handover", help=_(
        "the handover register: who connected an account, whose login, backup "
        "administrators, where the recovery codes are kept, when the login ends"))
    p.add_argument("name", nargs="?", help=_("the account (none: list the whole register)"))
    p.add_argument("--login-kind", choices=sorted(LOGIN_KINDS), help=_(
        "the association's own login, or a person's private one (a risk)"))
    p.add_argument("--login-owner", metavar="PERSON", help=_("whose login it is"))
    p.add_argument("--backup-admin", metavar="PEOPLE", help=_(
        "the backup administrators on the platform, separated by commas (\"\" for none)"))
    p.add_argument("--recovery-codes-place", metavar="PLACE", help=_(
        "where the two-factor recovery codes are kept (a place, never the codes)"))
    p.add_argument("--connected-by", metavar="PERSON", help=_("who connected the account"))
    json_flag(p)
    p.set_defaults(handler=cmd_handover)

    p = verbs.add_parser("handover-checklist", help=_(
        "the checklist (PDF) of what a departing volunteer must hand over"))
    p.add_argument("--person", required=True, metavar="NAME")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    json_flag(p)
    p.set_defaults(handler=cmd_checklist)
