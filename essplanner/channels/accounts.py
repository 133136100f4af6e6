"""Connecting accounts: add with their secret, check the login, reconnect, remove.

The command line and the accounts dialog both go through these functions, so a
volunteer gets the same checks and the same messages in both. Secrets go to the
keyring through :class:`~essplanner.services.accounts.AccountService`; nothing here keeps one.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from essplanner import domain
from essplanner.channels.contexts import make_context
from essplanner.credentials import MAIN, MemoryStore
from essplanner.errors import EssPlannerError, ValidationError
from essplanner.i18n import _, n_
from essplanner.log import redact
from essplanner.publishers.base import (
    AccountField,
    Choice,
    ClientApp,
    Credentials,
    FieldKind,
    PublisherContext,
)
from essplanner.publishers.errors import AuthError, PermanentError, PublishError
from essplanner.publishers.i18n import tr
from essplanner.publishers.registry import PluginError
from essplanner.services.calendar import AttentionItem, shown_platform
from essplanner.services.handover import login_ends_at
from essplanner.workspace import Workspace

if TYPE_CHECKING:
    # requests (under HttpClient) loads when an account is checked, not with the window
    from essplanner.publishers.http import HttpClient

log = logging.getLogger(__name__)


class ConnectionFailed(EssPlannerError):
    """The platform could not be reached, or refused the credentials."""


class CredentialsRefused(ConnectionFailed):
    """The platform refused the credentials typed for a new account: nothing was stored."""


@dataclass(frozen=True)
class CheckOutcome:
    """What ``check`` found. ``needs_reconnect``: the credentials were refused."""

    account: domain.Account
    ok: bool
    message: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def needs_reconnect(self) -> bool:
        return self.account.needs_reconnect


class ChoiceNeeded(ValidationError):
    """The login gives several places to publish (Pages, boards): the person picks one."""

    def __init__(self, message: str, choices: tuple[Choice, ...]) -> None:
        super().__init__(message)
        self.choices = choices


# ---------------------------------------------------------------- developer apps ---

#: the setting holding an account's client id; its secret is the vault key of the same name
CLIENT_ID = "client_id"
CLIENT_SECRET = "client_secret"


@dataclass(frozen=True)
class ClientNeeds:
    """What a platform's login needs of its developer app. ``default_client_id``: the one
    the project ships (``publishers/clients.toml``), "" when none."""

    needs_client_app: bool = False
    client_secret_required: bool = False
    default_client_id: str = ""


def shipped_client_ids() -> dict[str, str]:
    """The default client ids shipped in ``essplanner/publishers/clients.toml``."""
    import tomllib
    from importlib import resources

    try:
        data = tomllib.loads(resources.files("essplanner.publishers")
                             .joinpath("clients.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        log.warning("the shipped client ids cannot be read: %s", exc)
        return {}
    return {platform: str(table.get(CLIENT_ID, "") or "").strip()
            for platform, table in data.items() if isinstance(table, dict)}


def client_needs(ws: Workspace, platform: str) -> ClientNeeds:
    publisher = _publisher(ws, platform)
    if not getattr(publisher, "needs_client_app", False):
        return ClientNeeds()
    return ClientNeeds(True, bool(getattr(publisher, "client_secret_required", False)),
                       shipped_client_ids().get(platform, ""))


def client_app(ws: Workspace, platform: str, *, client_id: str = "", client_secret: str = "",
               account: domain.Account | None = None) -> ClientApp | None:
    """The developer app to log in through: what the person typed, else the account's own
    (reconnecting), else the shipped default. None when the platform needs none; a clear
    error when one is needed and missing."""
    needs = client_needs(ws, platform)
    if not needs.needs_client_app:
        return None
    name = _publisher(ws, platform).display_name
    client_id = client_id.strip() or (str(account.settings.get(CLIENT_ID, "") or "")
                                      if account is not None else "") or needs.default_client_id
    if not client_id:
        raise ValidationError(_("Give the client id of the {platform} developer app first "
                                "(see its guide).", platform=name))
    if not client_secret and account is not None:
        client_secret = ws.secrets.get(account.id, CLIENT_SECRET) or ""
    if needs.client_secret_required and not client_secret:
        raise ValidationError(_("Give the client secret of the {platform} developer app "
                                "too (see its guide).", platform=name))
    return ClientApp(client_id, client_secret.strip())


def with_client(credentials: Credentials, client: ClientApp | None) -> Credentials:
    """The login's credentials, sure to carry its app: the client id in the settings, the
    secret in the vault (the keyring), never the other way round."""
    if client is None:
        return credentials
    settings = {**dict(credentials.settings), CLIENT_ID: client.client_id}
    vault = dict(credentials.vault)
    if client.client_secret:
        vault.setdefault(CLIENT_SECRET, client.client_secret)
    return dataclasses.replace(credentials, settings=settings, vault=vault)


def settle_choice(credentials: Credentials, value: str | None = None) -> Credentials:
    """Where to publish, when the login offers several places: ``value`` (a choice's value,
    or its label) goes to ``settings[choose]``; a single choice is taken without asking;
    several and no value: :class:`ChoiceNeeded` listing them."""
    if not credentials.choose:
        return credentials
    choices = credentials.choices
    if not choices:
        raise ValidationError(_("This login gives access to nowhere to publish: check the "
                                "account's rights on the platform, then connect again."))
    listed = "; ".join(f"{c.value} ({c.label})" for c in choices)
    if value is None or not value.strip():
        if len(choices) > 1:
            raise ChoiceNeeded(_("Choose where to publish: {choices}.", choices=listed),
                               choices)
        chosen = choices[0]
    else:
        wanted = value.strip()
        found = [c for c in choices if c.value == wanted] or [
            c for c in choices if c.label.casefold() == wanted.casefold()]
        if not found:
            raise ValidationError(_("{value!r} is not among the choices: {choices}.",
                                    value=wanted, choices=listed))
        chosen = found[0]
    settings = {**dict(credentials.settings), credentials.choose: chosen.value}
    return dataclasses.replace(credentials, settings=settings, choose="", choices=())


#: how many days ahead a login that runs out is shown as needing attention
EXPIRY_WARNING_DAYS = 10


@dataclass(frozen=True)
class LoginEnding:
    """An account whose login runs out soon (or already did): reconnect it before then.
    ``posts_after``: when its scheduled posts due at or after that moment are planned."""

    account: domain.Account
    ends_at: datetime
    posts_after: tuple[datetime, ...] = ()
    ended: bool = False  # already ran out


def logins_ending(ws: Workspace, *, days: int = EXPIRY_WARNING_DAYS) -> list[LoginEnding]:
    """Enabled accounts whose login runs out within ``days`` (by the workspace's clock),
    soonest first; accounts already flagged for reconnection say so elsewhere."""
    now = ws.clock.now()
    horizon = now + timedelta(days=days)
    scheduled: dict[int, list[datetime]] | None = None
    out = []
    for account in ws.accounts.all():
        ends = login_ends_at(account)
        if ends is None or ends > horizon or account.needs_reconnect or not account.enabled:
            continue
        if scheduled is None:
            scheduled = ws.accounts.scheduled_times()
        after = tuple(t for t in scheduled.get(account.id, ()) if t >= ends)
        out.append(LoginEnding(account, ends, after, ended=ends <= now))
    return sorted(out, key=lambda e: (e.ends_at, e.account.name))


def login_ending_text(ending: LoginEnding, zone_name: str | None) -> str:
    """"The LinkedIn login of « Asso » ends on 2027-03-12: reconnect it." and, when posts
    are planned after that, how many and from when."""
    from essplanner.timeutil import get_zone

    zone = get_zone(zone_name)
    account = ending.account
    when = ending.ends_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    network = domain.platform_name(shown_platform(account.platform, account.settings))
    if ending.ended:
        text = _("The {network} login of « {account} » ended on {date}: reconnect it.",
                 network=network, account=account.name, date=when)
    else:
        text = _("The {network} login of « {account} » ends on {date}: reconnect it.",
                 network=network, account=account.name, date=when)
    text += _handover_hint(account)
    if ending.posts_after:
        first = ending.posts_after[0].astimezone(zone).strftime("%Y-%m-%d %H:%M")
        text += " " + n_("{n} scheduled post is planned after that ({first}): it will not go "
                         "out unless you reconnect first.",
                         "{n} scheduled posts are planned after that (the first on {first}): "
                         "they will not go out unless you reconnect first.",
                         len(ending.posts_after), first=first)
    return text


def _handover_hint(account: domain.Account) -> str:
    """Who can reconnect it, from the handover register ("" when it names nobody)."""
    handover = account.handover
    if handover.login_owner and handover.backup_admins:
        return " " + _("{owner} holds its login; backup administrators: {admins}.",
                       owner=handover.login_owner, admins=", ".join(handover.backup_admins))
    if handover.login_owner:
        return " " + _("{owner} holds its login.", owner=handover.login_owner)
    if handover.backup_admins:
        return " " + _("Backup administrators: {admins}.",
                       admins=", ".join(handover.backup_admins))
    return ""


def private_login_text(account: domain.Account) -> str:
    """Why an account in a person's private login is a risk, and what to do."""
    network = domain.platform_name(shown_platform(account.platform, account.settings))
    owner = account.handover.login_owner or account.connected_by
    if owner:
        text = _("« {account} » ({network}) is connected with {owner}'s private login: if "
                 "{owner} leaves, the association loses it.", account=account.name,
                 network=network, owner=owner)
    else:
        text = _("« {account} » ({network}) is connected with a person's private login: if "
                 "that person leaves, the association loses it.", account=account.name,
                 network=network)
    return text + " " + _("Move it to the association's own login and name a backup "
                          "administrator (essplanner account handover).")


def login_attention(ws: Workspace, *, days: int = EXPIRY_WARNING_DAYS,
                    ) -> list[AttentionItem]:
    """The needs-attention rows of logins running out, then of accounts in a person's
    private login (a risk): one per account and reason, before any post fails
    (``target_id`` is minus the account's id; there is no post)."""
    from essplanner.domain import DeliveryState, Holdup

    risks = [
        AttentionItem(
            target_id=-a.id, post_id=0, post_version=0,
            title=_("Private login: {account}", account=a.name), account_name=a.name,
            platform=shown_platform(a.platform, a.settings), state=DeliveryState.SCHEDULED,
            scheduled_at=None, next_attempt_at=None, attempt_count=0,
            last_error=private_login_text(a), account_id=a.id, holdup=Holdup.PRIVATE_LOGIN)
        for a in ws.accounts.all() if a.enabled and a.handover.at_risk
    ]
    return [
        AttentionItem(
            target_id=-e.account.id, post_id=0, post_version=0,
            title=_("Login of {account}", account=e.account.name),
            account_name=e.account.name,
            platform=shown_platform(e.account.platform, e.account.settings),
            state=DeliveryState.SCHEDULED, scheduled_at=e.ends_at, next_attempt_at=None,
            attempt_count=0, last_error=login_ending_text(e, ws.settings.timezone),
            account_id=e.account.id, holdup=Holdup.LOGIN_ENDING)
        for e in logins_ending(ws, days=days)
    ] + risks


def normalize_api_url(url: str) -> str:
    """``mastodon.example`` becomes ``https://mastodon.example``; plain http only on loopback."""
    url = url.strip()
    if not url:
        return ""
    if "://" not in url:
        url = f"https://{url}"
    from essplanner.publishers.http import check_api_url

    try:
        return check_api_url(url)
    except PermanentError as exc:
        raise ValidationError(str(exc)) from exc


def fields_for(ws: Workspace, platform: str) -> tuple[AccountField, ...]:
    """What a volunteer types to connect an account of ``platform``."""
    publisher = _publisher(ws, platform)
    return tuple(getattr(publisher, "account_fields", ()))


def supports_browser_login(ws: Workspace, platform: str) -> bool:
    return callable(getattr(_publisher(ws, platform), "browser_login", None))


def _publisher(ws: Workspace, platform: str) -> Any:
    try:
        return ws.registry.get(platform)
    except PluginError as exc:
        raise ValidationError(str(exc)) from exc


def add_account(
    ws: Workspace,
    *,
    platform: str,
    name: str,
    secret: str | None = None,
    handle: str = "",
    api_url: str = "",
    settings: Mapping[str, Any] | None = None,
    extra_secrets: Mapping[str, str] | None = None,
) -> domain.Account:
    """Store a new account after checking that what its platform needs is there.

    Nothing is stored when something is missing or the keyring refuses the secret.
    """
    publisher = _publisher(ws, platform)
    settings = {k: v for k, v in (settings or {}).items() if v not in (None, "")}
    api_url = normalize_api_url(api_url)
    handle = handle.strip().removeprefix("@")
    _require_fields(publisher, secret=secret, handle=handle, api_url=api_url,
                    settings=settings)
    return ws.accounts.add(platform=platform, name=name, handle=handle, api_url=api_url,
                           settings=dict(settings), secret=secret,
                           extra_secrets=dict(extra_secrets or {}),
                           grace_minutes=ws.settings.default_grace_minutes)


def _require_fields(publisher: Any, *, secret: str | None, handle: str, api_url: str,
                    settings: Mapping[str, Any]) -> None:
    """Refuse an account that lacks what its platform requires, naming what is missing."""
    missing = []
    for f in getattr(publisher, "account_fields", ()):
        if not f.required:
            continue
        present = {
            FieldKind.SECRET: bool(secret),
            FieldKind.API_URL: bool(api_url or publisher.default_api_url),
            FieldKind.HANDLE: bool(handle),
            FieldKind.SETTING: f.key in settings,
        }[f.kind]
        if not present:
            missing.append(tr(f.label))
    if missing:
        raise ValidationError(_("A {platform} account needs: {fields}.",
                                platform=publisher.display_name, fields=", ".join(missing)))


def connect_account(
    ws: Workspace,
    *,
    platform: str,
    name: str,
    secret: str | None = None,
    handle: str = "",
    api_url: str = "",
    settings: Mapping[str, Any] | None = None,
    extra_secrets: Mapping[str, str] | None = None,
) -> CheckOutcome:
    """Log in with what was typed, then store the account: refused credentials store
    nothing (:class:`CredentialsRefused`), so that the person corrects them and tries again.

    The login runs before anything is stored, with the secrets in memory; what it leaves
    (a session in the vault, settings it learned) is stored with the account. A platform
    that cannot be reached now does not stop the account from being added: the outcome
    says so, and a later check will tell.
    """
    publisher = _publisher(ws, platform)
    kept = {k: v for k, v in (settings or {}).items() if v not in (None, "")}
    _require_fields(publisher, secret=secret, handle=handle.strip(),
                    api_url=normalize_api_url(api_url), settings=kept)
    if secret:
        ws.secrets.check_available()  # before the network: a missing keyring says so first
    probe = domain.Account(id=0, platform=platform, name=name.strip(),
                           handle=handle.strip().removeprefix("@"),
                           api_url=normalize_api_url(api_url), settings=kept)
    memory = MemoryStore()
    if secret:
        memory.set(0, secret)
    for key, value in (extra_secrets or {}).items():
        memory.set(0, value, key)
    learned: dict[str, Any] = {}
    context = make_context(probe, secrets=memory, clock=ws.clock,
                           data_dir=ws.paths.plugin_data_dir, save_settings=learned.update)
    try:
        result = publisher.check_account(context)
    except AuthError as exc:
        log.info("new %s account %s: credentials refused", platform, name)
        raise CredentialsRefused(exc.message) from exc
    except PublishError as exc:
        log.info("new %s account %s: not checked: %s", platform, name, exc)
        account = add_account(ws, platform=platform, name=name, secret=secret, handle=handle,
                              api_url=api_url, settings=settings, extra_secrets=extra_secrets)
        return CheckOutcome(account, ok=False, message=exc.message)
    finally:
        context.http.close()
    vault = {key: value for (_id, key), value in memory.items() if key != MAIN}
    account = add_account(
        ws, platform=platform, name=name, secret=secret, handle=handle, api_url=api_url,
        settings={**dict(settings or {}), **learned, **dict(result.settings)},
        extra_secrets=vault)
    # as check_account records it (the handle as the platform writes it: "@channel")
    checked = ws.accounts.update(
        account.id, handle=result.handle or account.handle,
        token_expires_at=result.token_expires_at,
        settings={**account.settings, "checked_at": ws.clock.now().isoformat(timespec="seconds")})
    return CheckOutcome(checked, ok=True, warnings=tuple(result.warnings))


def context_for(ws: Workspace, account: domain.Account, *,
                http: HttpClient | None = None) -> PublisherContext:
    """The publisher context of ``account``: keyring secret, settings saved to the database."""

    def save_settings(values: Mapping[str, Any]) -> None:
        ws.accounts.merge_settings(account.id, dict(values))

    return make_context(account, secrets=ws.secrets, clock=ws.clock,
                        data_dir=ws.paths.plugin_data_dir, save_settings=save_settings,
                        http=http)


def creator_info(ws: Workspace, account_id: int) -> dict[str, Any]:
    """What the account's platform says the editor must show before posting (TikTok's
    ``creator_info``: nickname, privacy options, interactions turned off, maximum video
    duration), as plain values. Raises the platform's error with its message."""
    account = ws.accounts.get(account_id)
    publisher = _publisher(ws, account.platform)
    reader = getattr(publisher, "creator_info", None)
    if reader is None:
        return {}
    context = context_for(ws, account)
    try:
        info = reader(context)
    except PublishError as exc:
        raise ConnectionFailed(redact(exc.message, secrets=(context.secret,))) from None
    finally:
        context.http.close()
    return dict(info.as_dict())


def check_account(ws: Workspace, account_id: int) -> CheckOutcome:
    """Log in through the publisher; remember the handle and settings, or flag the account.

    Refused credentials mark the account ``needs_reconnect`` with the reason; a network
    problem changes nothing. A keyring problem raises :class:`CredentialError`.
    """
    account = ws.accounts.get(account_id)
    publisher = _publisher(ws, account.platform)
    context = context_for(ws, account)
    try:
        result = publisher.check_account(context)
    except AuthError as exc:
        log.info("account %s: credentials refused: %s", account.name, exc)
        reason = redact(exc.message, secrets=(context.secret,))
        flagged = ws.accounts.update(account_id, needs_reconnect=True, reconnect_reason=reason)
        return CheckOutcome(flagged, ok=False, message=reason)
    except PublishError as exc:
        log.info("account %s: check failed: %s", account.name, exc)
        return CheckOutcome(ws.accounts.get(account_id), ok=False,
                            message=redact(exc.message, secrets=(context.secret,)))
    finally:
        context.http.close()
    merged = {**ws.accounts.get(account_id).settings, **dict(result.settings),
              "checked_at": ws.clock.now().isoformat(timespec="seconds")}
    if account.blocked_reason:
        try_again(ws, account_id)  # the platform accepts the account again
    updated = ws.accounts.update(
        account_id, handle=result.handle or account.handle, settings=merged,
        token_expires_at=result.token_expires_at, needs_reconnect=False, reconnect_reason="")
    return CheckOutcome(updated, ok=True, warnings=tuple(
        redact(w, secrets=(context.secret,)) for w in result.warnings))


def try_again(ws: Workspace, account_id: int) -> domain.Account:
    """"I added credits (updated, got access): try again": the account publishes again, and
    the posts its block refused are sent again now. If the platform still refuses, the
    next post says so again."""
    for post_id, target_id in ws.accounts.unblock(account_id):
        try:
            ws.posts.retry(post_id, target_ids=[target_id])
        except ValidationError:
            continue  # changed meanwhile (cancelled, retried by someone else)
    return ws.accounts.get(account_id)


def reconnect(ws: Workspace, account_id: int, *, secret: str,
              extra_secrets: Mapping[str, str] | None = None,
              settings: Mapping[str, Any] | None = None, handle: str = "") -> domain.Account:
    """Give the account a new secret (the old session is forgotten with the old secret)."""
    if not secret:
        raise ValidationError(_("The new secret is empty."))
    ws.secrets.check_available()
    ws.accounts.set_secret(account_id, secret, extra_secrets=dict(extra_secrets or {}))
    if settings:
        ws.accounts.merge_settings(account_id, dict(settings))
    if handle:
        ws.accounts.update(account_id, handle=handle)
    return ws.accounts.get(account_id)


def browser_login(ws: Workspace, platform: str, api_url: str, *,
                  open_url: Callable[[str], None],
                  timeout: float = 300.0,
                  cancelled: Callable[[], bool] | None = None,
                  client: ClientApp | None = None) -> Credentials:
    """Connect through the platform's consent page in the browser (OAuth).

    ``client``: the developer app to log in through, for platforms whose publisher
    declares ``needs_client_app`` (X, LinkedIn, Pinterest)."""
    publisher = _publisher(ws, platform)
    login = getattr(publisher, "browser_login", None)
    if login is None:
        raise ValidationError(_("{platform} cannot connect through the browser; give its "
                                "secret instead.", platform=publisher.display_name))
    url = normalize_api_url(api_url or publisher.default_api_url)
    if not url:
        raise ValidationError(_("Give the server's address first."))
    from essplanner.publishers.http import HttpClient

    http = HttpClient(clock=ws.clock.now, platform=platform)
    try:
        extra: dict[str, Any] = {}
        if getattr(publisher, "needs_client_app", False):
            if client is None or not client.client_id:
                raise ValidationError(_("Give the client id of the {platform} developer app "
                                        "first (see its guide).",
                                        platform=publisher.display_name))
            extra["client"] = client
        credentials: Credentials = login(api_url=url, http=http, open_url=open_url,
                                         timeout=timeout, cancelled=cancelled, **extra)
    except PublishError as exc:
        raise ConnectionFailed(redact(exc.message)) from exc
    finally:
        http.close()
    return credentials


def remove_account(ws: Workspace, account_id: int) -> domain.Account:
    """Forget the account and its secrets; returns what it was."""
    account = ws.accounts.get(account_id)
    ws.accounts.remove(account_id)
    return account


def find_account(ws: Workspace, name: str) -> domain.Account:
    """The account called ``name`` (exact, then case-insensitive)."""
    accounts = ws.accounts.all()
    for account in accounts:
        if account.name == name:
            return account
    folded = [a for a in accounts if a.name.casefold() == name.casefold()]
    if len(folded) == 1:
        return folded[0]
    from essplanner.errors import NotFoundError

    raise NotFoundError(_("There is no account named {name!r}. Accounts: {known}.",
                          name=name, known=", ".join(a.name for a in accounts) or "-"))
