"""``essplanner meta connect|threads|upload-folder``: connect Facebook, Instagram and Threads.

The step-by-step guide is docs/platforms/meta.fr.md (meta.en.md). Tokens and the app
secret are read from standard input (typed without echo on a terminal), never from
an argument, and go to the keyring only.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from essplanner import domain
from essplanner.errors import EssPlannerError
from essplanner.i18n import _, n_


class ConnectError(EssPlannerError):
    """Meta refused or could not be reached while connecting."""


def _read_secrets(prompts: list[str]) -> list[str]:
    """One secret per prompt: typed without echo on a terminal, else one per stdin line."""
    from essplanner.cli.common import UsageError
    from essplanner.log import register_secret

    if sys.stdin.isatty():
        import getpass

        values = [getpass.getpass(f"{p}: ", stream=sys.stderr).strip() for p in prompts]
    else:
        values = [line.strip() for line in sys.stdin.read().splitlines() if line.strip()]
    if len(values) < len(prompts) or not all(values[: len(prompts)]):
        raise UsageError(_("Expected on standard input, one per line: {what}.",
                           what=", ".join(prompts)))
    for value in values:
        register_secret(value)
    return values[: len(prompts)]


def _save(ws: Any, *, platform: str, name: str, secret: str, settings: dict[str, Any],
          api_url: str, vault: dict[str, str]) -> tuple[domain.Account, bool]:
    """Create the account, or reconnect the one of that name: (account, was it new)."""
    existing = [a for a in ws.accounts.all() if a.name == name]
    if existing and existing[0].platform != platform:
        raise ConnectError(_("An account named {name!r} already exists on {platform}: choose "
                             "another name.", name=name, platform=existing[0].platform))
    if existing:
        account = existing[0]
        ws.accounts.set_secret(account.id, secret)
        account = ws.accounts.update(account.id, settings={**account.settings, **settings},
                                     api_url=api_url)
        new = False
    else:
        account = ws.accounts.add(platform=platform, name=name, api_url=api_url,
                                  settings=settings, secret=secret)
        new = True
    for key, value in vault.items():
        ws.secrets.set(account.id, value, key)
    return account, new


def _check(ws: Any, account: domain.Account) -> tuple[domain.Account, list[str], str]:
    """Run the publisher's check; remember handle, expiry and settings. (account, warnings,
    error)."""
    from essplanner.channels.contexts import make_context
    from essplanner.publishers.errors import AuthError, PublishError

    publisher = ws.registry.get(account.platform)

    def save(values: Any) -> None:
        current = ws.accounts.get(account.id)
        ws.accounts.update(account.id, settings={**current.settings, **dict(values)})

    context = make_context(account, secrets=ws.secrets, clock=ws.clock,
                           data_dir=ws.paths.plugin_data_dir, save_settings=save)
    try:
        result = publisher.check_account(context)
    except AuthError as exc:
        flagged = ws.accounts.update(account.id, needs_reconnect=True,
                                     reconnect_reason=exc.message)
        return flagged, [], exc.message
    except PublishError as exc:
        return ws.accounts.get(account.id), [], exc.message
    finally:
        context.http.close()
    current = ws.accounts.get(account.id)
    updated = ws.accounts.update(
        account.id, handle=result.handle or current.handle,
        settings={**current.settings, **dict(result.settings)},
        token_expires_at=result.token_expires_at, needs_reconnect=False, reconnect_reason="")
    return updated, list(result.warnings), ""


def _expiry_text(ws: Any, account: domain.Account) -> str:
    when = account.token_expires_at
    if when is None:
        return _("the token does not expire")
    from essplanner.timeutil import get_zone

    days = (when - ws.clock.now()).days
    return n_("the token expires on {date} (in {n} day)",
              "the token expires on {date} (in {n} days)", days,
              date=when.astimezone(get_zone(ws.timezone)).strftime("%Y-%m-%d %H:%M"))


def _report(args: argparse.Namespace, ws: Any, results: list[tuple[domain.Account, bool,
                                                                    list[str], str]]) -> int:
    from essplanner.cli.common import emit
    from essplanner.timeutil import to_utc_iso

    data = [{"id": a.id, "name": a.name, "platform": a.platform, "handle": a.handle,
             "new": new, "token_expires_at": to_utc_iso(a.token_expires_at),
             "needs_reconnect": a.needs_reconnect, "warnings": warnings, "error": error}
            for a, new, warnings, error in results]

    def text() -> str:
        lines = []
        for account, new, warnings, error in results:
            verb = _("connected") if new else _("reconnected")
            if error:
                lines.append(_("{name} ({platform}) {verb}, but the check failed: {error}",
                               name=account.name, platform=account.platform, verb=verb,
                               error=error))
            else:
                lines.append(_("{name} ({platform}) {verb} as {handle}; {expiry}.",
                               name=account.name, platform=account.platform, verb=verb,
                               handle=account.handle or "?",
                               expiry=_expiry_text(ws, account)))
            lines.extend(f"  ! {w}" for w in warnings)
        return "\n".join(lines)

    emit(args, data, text)
    return 1 if any(error for *_rest, error in results) else 0


def _api_url(value: str) -> str:
    from essplanner.cli.common import UsageError
    from essplanner.publishers.errors import PermanentError
    from essplanner.publishers.http import check_api_url

    if not value:
        return ""
    try:
        return check_api_url(value)
    except PermanentError as exc:
        raise UsageError(exc.message) from exc


def cmd_connect(args: argparse.Namespace) -> int:
    from essplanner.cli.common import open_workspace
    from essplanner.publishers.errors import PublishError
    from essplanner.publishers.http import HttpClient
    from essplanner.publishers.meta.graph import GRAPH_URL
    from essplanner.publishers.meta.metaconnect import choose_page, exchange_user_token, list_pages

    api_url = _api_url(args.api_url)
    token, app_secret = _read_secrets([
        _("Facebook user access token (Graph API Explorer)"),
        _("App secret (App settings › Basic)")])
    ws = open_workspace(args)
    http = HttpClient(clock=ws.clock.now, platform="facebook")
    try:
        long = exchange_user_token(http, app_id=args.app_id, app_secret=app_secret,
                                   token=token, base_url=api_url or GRAPH_URL)
        page = choose_page(list_pages(http, user_token=long.token, app_secret=app_secret,
                                      base_url=api_url or GRAPH_URL), args.page)
    except PublishError as exc:
        raise ConnectError(exc.message) from exc
    finally:
        http.close()
    vault = {"app_secret": app_secret}
    results = []
    account, new = _save(ws, platform="facebook", name=args.name or page.name,
                         secret=page.token, api_url=api_url, vault=vault,
                         settings={"page_id": page.page_id, "app_id": args.app_id})
    results.append((account, new))
    if page.ig_user_id and not args.no_instagram:
        name = args.instagram_name or f"{page.name} (Instagram)"
        account, new = _save(ws, platform="instagram", name=name, secret=page.token,
                             api_url=api_url, vault=vault,
                             settings={"ig_user_id": page.ig_user_id, "page_id": page.page_id,
                                       "app_id": args.app_id})
        results.append((account, new))
    elif not page.ig_user_id and not args.no_instagram:
        print(_("No Instagram professional account is linked to this Page (Instagram › "
                "Settings › Account type and tools, then link it to the Page)."),
              file=sys.stderr)
    checked = []
    for account, new in results:
        updated, warnings, error = _check(ws, account)
        checked.append((updated, new, warnings, error))
    return _report(args, ws, checked)


def cmd_threads(args: argparse.Namespace) -> int:
    from essplanner.cli.common import open_workspace
    from essplanner.publishers.errors import PublishError
    from essplanner.publishers.http import HttpClient
    from essplanner.publishers.meta.metaconnect import exchange_threads_token
    from essplanner.publishers.meta.threads import THREADS_URL

    api_url = _api_url(args.api_url)
    token, app_secret = _read_secrets([
        _("Threads access token (User Token Generator)"),
        _("Threads app secret (Use cases › Threads › Settings)")])
    ws = open_workspace(args)
    http = HttpClient(clock=ws.clock.now, platform="threads")
    try:
        exchanged = exchange_threads_token(http, app_secret=app_secret, token=token,
                                           base_url=api_url or THREADS_URL)
    except PublishError as exc:
        raise ConnectError(exc.message) from exc
    finally:
        http.close()
    settings: dict[str, Any] = {}
    if exchanged.expires_at is not None:
        settings["token_expires_at"] = exchanged.expires_at.isoformat()
    if args.app_id:
        settings["app_id"] = args.app_id
    # The Threads app secret is needed only for this exchange: it is not kept.
    account, new = _save(ws, platform="threads", name=args.name, secret=exchanged.token,
                         api_url=api_url, vault={}, settings=settings)
    updated, warnings, error = _check(ws, account)
    return _report(args, ws, [(updated, new, warnings, error)])


def cmd_upload_folder(args: argparse.Namespace) -> int:
    from essplanner.cli.common import emit, open_workspace
    from essplanner.publishers.errors import PublishError
    from essplanner.publishers.http import HttpClient
    from essplanner.publishers.meta.webdav import VAULT_KEY, WebDav, WebDavConfig

    [password] = _read_secrets([_("Password of the upload folder (an app password)")])
    ws = open_workspace(args)
    [account] = ws.accounts.find([args.account])
    http = HttpClient(clock=ws.clock.now, platform=account.platform)
    try:
        config = WebDavConfig.build(url=args.url, user=args.user, password=password,
                                    pattern=args.public_url)
        public = WebDav(http, config).verify()
    except PublishError as exc:
        raise ConnectError(exc.message) from exc
    finally:
        http.close()
    ws.accounts.update(account.id, settings={
        **account.settings, "webdav_url": config.folder_url, "webdav_user": args.user,
        "public_url_pattern": args.public_url})
    ws.secrets.set(account.id, password, VAULT_KEY)
    emit(args, {"account": account.name, "webdav_url": config.folder_url, "checked": public},
         _("{name}: images will be uploaded to {folder}; a test file was readable at {url} "
           "and deleted.", name=account.name, folder=config.folder_url, url=public))
    return 0


def register(sub: Any) -> None:
    from essplanner.cli.common import Parser

    meta = sub.add_parser("meta", help=_("connect Facebook Pages, Instagram and Threads"))
    verbs = meta.add_subparsers(dest="verb", metavar="VERB", required=True,
                                parser_class=Parser)

    def json_flag(p: argparse.ArgumentParser) -> None:
        p.add_argument("--json", action="store_true", help=_("machine-readable output"))

    p = verbs.add_parser("connect", help=_(
        "connect a Facebook Page and its Instagram account (token and app secret on stdin)"))
    p.add_argument("--app-id", required=True, help=_("the Meta app's id"))
    p.add_argument("--page", default="", help=_("the Page's name or id, if you manage several"))
    p.add_argument("--name", default="", help=_("account name (default: the Page's name)"))
    p.add_argument("--instagram-name", default="", help=_("name of the Instagram account"))
    p.add_argument("--no-instagram", action="store_true",
                   help=_("do not connect the linked Instagram account"))
    p.add_argument("--api-url", default="", help=_("Graph API address (tests, other version)"))
    json_flag(p)
    p.set_defaults(handler=cmd_connect)

    p = verbs.add_parser("threads", help=_(
        "connect a Threads profile (token and Threads app secret on stdin)"))
    p.add_argument("--name", required=True, help=_("account name"))
    p.add_argument("--app-id", default="", help=_("the Threads app's id"))
    p.add_argument("--api-url", default="", help=_("Threads API address"))
    json_flag(p)
    p.set_defaults(handler=cmd_threads)

    p = verbs.add_parser("upload-folder", help=_(
        "where Instagram and Threads images are uploaded (password on stdin)"))
    p.add_argument("account", help=_("account name"))
    p.add_argument("--url", required=True, help=_("WebDAV address of the folder"))
    p.add_argument("--user", required=True, help=_("WebDAV user name"))
    p.add_argument("--public-url", required=True,
                   help=_("public address of a file in the folder, with {name}"))
    json_flag(p)
    p.set_defaults(handler=cmd_upload_folder)
