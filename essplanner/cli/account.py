"""``essplanner account add|list|check|reconnect|remove|platforms`` (and ``handover``,
``handover-checklist``: ``cli/handover.py``).

Secrets are read from standard input (``--secret-stdin``; typed without echo on a
terminal), never from an argument, where they would be visible to every user of the
machine in the process list and kept in the shell history.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from essplanner import domain
from essplanner.i18n import _
from essplanner.timeutil import to_utc_iso


def login_ends_at(account: domain.Account) -> Any:
    from essplanner.services.handover import login_ends_at as ends_at

    return ends_at(account)


def account_json(account: domain.Account) -> dict[str, Any]:
    """An account for ``--json``: everything but its secret (which is not here anyway)."""
    return {
        "id": account.id,
        "name": account.name,
        "platform": account.platform,
        "handle": account.handle,
        "api_url": account.api_url,
        "settings": account.settings,
        "connected_by": account.connected_by,
        "connected_at": to_utc_iso(account.connected_at),
        "token_expires_at": to_utc_iso(account.token_expires_at),
        "needs_reconnect": account.needs_reconnect,
        "reconnect_reason": account.reconnect_reason,
        "enabled": account.enabled,
        "blocked_reason": account.blocked_reason,
        "blocked_message": account.blocked_message,
        "login_ends_at": to_utc_iso(login_ends_at(account)),
    }


def _read_secret(args: argparse.Namespace) -> str | None:
    if not args.secret_stdin:
        return None
    from essplanner.cli.common import UsageError
    from essplanner.log import register_secret

    if sys.stdin.isatty():
        import getpass

        secret = getpass.getpass(_("Secret (not shown): "), stream=sys.stderr)
    else:
        secret = sys.stdin.read()
    secret = secret.strip()
    if not secret:
        raise UsageError(_("Nothing was read on standard input: pipe the secret into "
                           "the command (--secret-stdin)."))
    register_secret(secret)
    return secret


def _client(args: argparse.Namespace, ws: Any, platform: str,
            account: domain.Account | None = None) -> Any:
    """The developer app to log in through (X, LinkedIn, Pinterest), None for the others.
    The client secret is read like a secret: standard input, or typed without echo."""
    from essplanner.channels import accounts
    from essplanner.cli.common import UsageError
    from essplanner.errors import ValidationError
    from essplanner.log import register_secret

    needs = accounts.client_needs(ws, platform)
    if not needs.needs_client_app:
        if args.client_id or args.client_secret_stdin:
            raise UsageError(_("This platform needs no client id: leave out --client-id and "
                               "--client-secret-stdin."))
        return None
    secret = ""
    stored = account is not None and not args.client_id
    if args.client_secret_stdin or (needs.client_secret_required and not stored
                                    and sys.stdin.isatty()):
        if sys.stdin.isatty():
            import getpass

            secret = getpass.getpass(_("Client secret of the developer app (not shown): "),
                                     stream=sys.stderr)
        else:
            secret = sys.stdin.readline()
        secret = secret.strip()
        if not secret:
            raise UsageError(_("Nothing was read on standard input: pipe the client secret "
                               "into the command (--client-secret-stdin)."))
        register_secret(secret)
    try:
        return accounts.client_app(ws, platform, client_id=args.client_id or "",
                                   client_secret=secret, account=account)
    except ValidationError as exc:
        hint = _("Give it with --client-id ID (and --client-secret-stdin).")
        raise UsageError(f"{exc} {hint}") from exc


def _choose(args: argparse.Namespace, credentials: Any) -> Any:
    """Where to publish when the login offers several places: --choice, else asked."""
    from essplanner.channels import accounts
    from essplanner.cli.common import UsageError

    try:
        return accounts.settle_choice(credentials, args.choice)
    except accounts.ChoiceNeeded as exc:
        if not sys.stdin.isatty():
            raise UsageError(_("{problem} Give one with --choice VALUE.",
                               problem=str(exc))) from exc
        print(_("Where should the posts go?"), file=sys.stderr)
        for number, choice in enumerate(exc.choices, 1):
            print(f"  {number}. {choice.label} ({choice.value})", file=sys.stderr)
        while True:
            answer = input(_("Number (1-{n}): ", n=len(exc.choices))).strip()
            if answer.isdigit() and 1 <= int(answer) <= len(exc.choices):
                return accounts.settle_choice(credentials, exc.choices[int(answer) - 1].value)
            print(_("Type a number from the list."), file=sys.stderr)


def _settings(pairs: list[str]) -> dict[str, Any]:
    from essplanner.cli.common import UsageError

    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(_("--setting takes KEY=VALUE, not {pair!r}.", pair=pair))
        try:
            parsed: Any = json.loads(value)
            if not isinstance(parsed, bool | int | float):
                parsed = value  # keep "@channel", "-100123" as typed text
        except ValueError:
            parsed = value
        out[key.strip()] = parsed
    return out


def _open_browser(url: str) -> None:
    import webbrowser

    print(_("Opening the platform's page to authorise ESS Planner. If no browser opens, "
            "visit:\n{url}", url=url), file=sys.stderr)
    webbrowser.open(url)


def _describe(account: domain.Account, notes: dict[int, str]) -> str:
    state = (_("needs reconnecting: {reason}", reason=account.reconnect_reason)
             if account.needs_reconnect else
             _("checked {when}", when=account.settings.get("checked_at", "?"))
             if account.settings.get("checked_at") else _("not checked yet"))
    handle = f" {account.handle}" if account.handle else ""
    lines = [f"{account.name} ({account.platform}){handle} — {state}"]
    lines.extend(f"  ! {note}" for note in _notes(account, notes))
    return "\n".join(lines)


def _notes(account: domain.Account, endings: dict[int, str]) -> list[str]:
    """What a person must do about the account: its block, its login running out."""
    out = []
    if account.blocked_reason:
        out.append(_("{message} Once done: essplanner account try-again {quoted}",
                     message=account.blocked_message or account.blocked_reason,
                     quoted=_quote(account.name)))
    if account.id in endings:
        out.append(_("{text} With: essplanner account reconnect {quoted} --browser",
                     text=endings[account.id], quoted=_quote(account.name)))
    return out


def _endings(ws: Any) -> dict[int, str]:
    from essplanner.channels.accounts import login_ending_text, logins_ending

    return {e.account.id: login_ending_text(e, ws.settings.timezone)
            for e in logins_ending(ws)}


def _print_check(args: argparse.Namespace, outcome: Any, ws: Any = None) -> int:
    from essplanner.cli.common import emit

    endings = _endings(ws) if ws is not None else {}
    notes = _notes(outcome.account, endings)

    def text() -> str:
        if outcome.ok:
            lines = [_("{name}: connected as {handle}.", name=outcome.account.name,
                       handle=outcome.account.handle or "?")]
        elif outcome.needs_reconnect:
            lines = [_("{name}: the credentials were refused: {reason}\nReconnect with: "
                       "essplanner account reconnect {quoted} --secret-stdin",
                       name=outcome.account.name, reason=outcome.message,
                       quoted=_quote(outcome.account.name))]
        else:
            lines = [_("{name}: cannot check now: {reason}", name=outcome.account.name,
                       reason=outcome.message)]
        lines.extend(f"  ! {w}" for w in (*outcome.warnings, *notes))
        return "\n".join(lines)

    emit(args, {"account": account_json(outcome.account), "ok": outcome.ok,
                "message": outcome.message, "warnings": [*outcome.warnings, *notes]}, text)
    return 0 if outcome.ok else 1


def _quote(name: str) -> str:
    import shlex

    return shlex.quote(name)


# ---------------------------------------------------------------- handlers ---


def cmd_add(args: argparse.Namespace) -> int:
    from essplanner.channels import accounts
    from essplanner.cli.common import UsageError, emit, open_workspace

    if args.secret_stdin and args.browser:
        raise UsageError(_("Choose --secret-stdin or --browser, not both."))
    ws = open_workspace(args)
    settings = _settings(args.setting)
    secret = _read_secret(args)
    extra: dict[str, str] = {}
    handle = args.handle or ""
    if (args.client_id or args.client_secret_stdin or args.choice) and not args.browser:
        raise UsageError(_("--client-id, --client-secret-stdin and --choice go with "
                           "--browser."))
    if args.browser:
        client = _client(args, ws, args.platform)
        credentials = accounts.browser_login(ws, args.platform, args.api_url or "",
                                             open_url=_open_browser, client=client)
        credentials = _choose(args, accounts.with_client(credentials, client))
        secret, handle = credentials.secret, handle or credentials.handle
        extra = dict(credentials.vault)
        settings = {**dict(credentials.settings), **settings}
    account = accounts.add_account(ws, platform=args.platform, name=args.name, secret=secret,
                                   handle=handle, api_url=args.api_url or "",
                                   settings=settings, extra_secrets=extra)
    if args.check:
        return _print_check(args, accounts.check_account(ws, account.id), ws)
    emit(args, account_json(account),
         _("Account {name} added ({platform}). Check the login with: essplanner account "
           "check {quoted}", name=account.name, platform=account.platform,
           quoted=_quote(account.name)))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from essplanner.cli.common import emit, open_workspace

    ws = open_workspace(args)
    items = ws.accounts.all()
    endings = _endings(ws)
    emit(args, [{**account_json(a), "notes": _notes(a, endings)} for a in items],
         lambda: "\n".join(_describe(a, endings) for a in items) or _("No accounts yet."))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from essplanner.channels import accounts
    from essplanner.cli.common import open_workspace

    ws = open_workspace(args)
    account = accounts.find_account(ws, args.name)
    return _print_check(args, accounts.check_account(ws, account.id), ws)


def cmd_try_again(args: argparse.Namespace) -> int:
    from essplanner.channels import accounts
    from essplanner.cli.common import emit, open_workspace

    ws = open_workspace(args)
    account = accounts.find_account(ws, args.name)
    was = account.blocked_reason
    account = accounts.try_again(ws, account.id)
    emit(args, account_json(account),
         _("{name} publishes again; the posts it refused are sent again.", name=account.name)
         if was else _("{name} was not blocked.", name=account.name))
    return 0


def cmd_reconnect(args: argparse.Namespace) -> int:
    from essplanner.channels import accounts
    from essplanner.cli.common import UsageError, emit, open_workspace

    if args.secret_stdin == args.browser:
        raise UsageError(_("Give the new secret with --secret-stdin, or use --browser."))
    if (args.client_id or args.client_secret_stdin or args.choice) and not args.browser:
        raise UsageError(_("--client-id, --client-secret-stdin and --choice go with "
                           "--browser."))
    ws = open_workspace(args)
    account = accounts.find_account(ws, args.name)
    if args.browser:
        client = _client(args, ws, account.platform, account)
        credentials = accounts.browser_login(ws, account.platform, account.api_url,
                                             open_url=_open_browser, client=client)
        credentials = _choose(args, accounts.with_client(credentials, client))
        account = accounts.reconnect(ws, account.id, secret=credentials.secret,
                                     extra_secrets=credentials.vault,
                                     settings=credentials.settings, handle=credentials.handle)
    else:
        secret = _read_secret(args)
        assert secret is not None
        account = accounts.reconnect(ws, account.id, secret=secret)
    if args.check:
        return _print_check(args, accounts.check_account(ws, account.id), ws)
    emit(args, account_json(account), _("New secret stored for {name}.", name=account.name))
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from essplanner.channels import accounts
    from essplanner.cli.common import emit, open_workspace

    ws = open_workspace(args)
    account = accounts.find_account(ws, args.name)
    removed = accounts.remove_account(ws, account.id)
    emit(args, {"removed": account_json(removed)},
         _("Account {name} removed; its secrets were deleted from the keyring.",
           name=removed.name))
    return 0


def cmd_slots(args: argparse.Namespace) -> int:
    from essplanner.channels import accounts
    from essplanner.cli.common import emit, note, open_workspace
    from essplanner.i18n import n_
    from essplanner.services.slots import format_slots, parse_slots

    ws = open_workspace(args)
    account = accounts.find_account(ws, args.name)
    if args.set is not None:
        saved = ws.slots.set_slots(account.id, parse_slots(args.set))
        slots, off_slot = saved.slots, saved.off_slot
        if off_slot:
            note(n_("{n} queued post no longer sits on a slot; it was not moved (put it back "
                    "with: essplanner post queue {ids}).",
                    "{n} queued posts no longer sit on a slot; they were not moved (put them "
                    "back with: essplanner post queue {ids}).", len(off_slot),
                    ids=" ".join(map(str, off_slot))))
    else:
        slots, off_slot = ws.slots.slots(account.id), ()
    emit(args, {"account": account.name,
                "slots": [{"weekday": s.weekday, "time": s.time.strftime("%H:%M")}
                          for s in slots],
                "off_slot": list(off_slot)},
         lambda: _("{name}: {slots}", name=account.name, slots=format_slots(slots))
         if slots else _("{name} has no posting slots.", name=account.name))
    return 0


def cmd_platforms(args: argparse.Namespace) -> int:
    from essplanner.cli.common import emit, open_workspace
    from essplanner.publishers.i18n import tr

    ws = open_workspace(args)
    infos = ws.registry.available()
    data = []
    for info in infos:
        fields = getattr(ws.registry.get(info.platform), "account_fields", ())
        data.append({"platform": info.platform, "name": info.display_name,
                     "fields": [{"key": f.key, "kind": f.kind.value, "required": f.required,
                                 "label": tr(f.label)} for f in fields]})
    failures = ws.registry.failures()

    def text() -> str:
        lines = []
        for item in data:
            needs = ", ".join(f["label"] + ("" if f["required"] else " " + _("(optional)"))
                              for f in item["fields"])
            lines.append(f"{item['platform']:<10} {item['name']}" + (f" — {needs}" if needs
                                                                    else ""))
        lines.extend(f"! {message}" for message in failures.values())
        return "\n".join(lines)

    emit(args, {"platforms": data, "failures": failures}, text)
    return 0


def register(sub: Any) -> None:
    from essplanner.cli.common import Parser

    account = sub.add_parser("account", help=_("connected accounts (secrets in the keyring)"))
    verbs = account.add_subparsers(dest="verb", metavar="VERB", required=True,
                                   parser_class=Parser)

    def json_flag(p: argparse.ArgumentParser) -> None:
        p.add_argument("--json", action="store_true", help=_("print JSON"))

    def secret_flags(p: argparse.ArgumentParser) -> None:
        p.add_argument("--secret-stdin", action="store_true", help=_(
            "read the secret (app password, token) from standard input"))
        p.add_argument("--browser", action="store_true", help=_(
            "connect through the platform's page in the browser (Mastodon)"))
        p.add_argument("--check", action="store_true", help=_("log in right away"))
        p.add_argument("--client-id", metavar="ID", help=_(
            "client id of the platform's developer app (X, LinkedIn, Pinterest), with "
            "--browser"))
        p.add_argument("--client-secret-stdin", action="store_true", help=_(
            "read the developer app's client secret from standard input (asked when needed "
            "on a terminal)"))
        p.add_argument("--choice", metavar="VALUE", help=_(
            "where to publish when the login offers several places (a LinkedIn Page, a "
            "Pinterest board); asked on a terminal"))

    p = verbs.add_parser("add", help=_("connect an account"))
    p.add_argument("platform", metavar="PLATFORM", help=_("bluesky, mastodon, telegram..."))
    p.add_argument("--name", required=True, help=_("a name for the account in ESS Planner"))
    p.add_argument("--api-url", metavar="URL", help=_("server address (Mastodon instance, "
                                                      "Bluesky PDS, Bot API server)"))
    p.add_argument("--handle", metavar="H", help=_("login handle (Bluesky)"))
    p.add_argument("--setting", action="append", default=[], metavar="KEY=VALUE",
                   help=_("a platform setting, e.g. chat_id=@channel (Telegram)"))
    secret_flags(p)
    json_flag(p)
    p.set_defaults(handler=cmd_add)

    p = verbs.add_parser("list", help=_("list accounts"))
    json_flag(p)
    p.set_defaults(handler=cmd_list)

    p = verbs.add_parser("check", help=_("log in and report the handle"))
    p.add_argument("name")
    json_flag(p)
    p.set_defaults(handler=cmd_check)

    p = verbs.add_parser("try-again", help=_(
        "the platform's demand was met (credits added, update installed, access granted): "
        "publish again"))
    p.add_argument("name")
    json_flag(p)
    p.set_defaults(handler=cmd_try_again)

    p = verbs.add_parser("reconnect", help=_("give an account a new secret"))
    p.add_argument("name")
    secret_flags(p)
    json_flag(p)
    p.set_defaults(handler=cmd_reconnect)

    p = verbs.add_parser("remove", help=_("forget an account and delete its secrets"))
    p.add_argument("name")
    json_flag(p)
    p.set_defaults(handler=cmd_remove)

    p = verbs.add_parser("slots", help=_(
        "weekly posting slots of an account, in local time (used by post queue)"))
    p.add_argument("name")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--set", metavar="SLOTS", help=_(
        "replace the slots, e.g. \"mon 09:00, wed 18:30\" (\"\" for none); scheduled "
        "posts do not move"))
    group.add_argument("--list", action="store_true", help=_("show the slots (the default)"))
    json_flag(p)
    p.set_defaults(handler=cmd_slots)

    p = verbs.add_parser("platforms", help=_("platforms that can be connected"))
    json_flag(p)
    p.set_defaults(handler=cmd_platforms)

    from essplanner.cli.handover import add_verbs

    add_verbs(verbs, json_flag)
