"""The account handover register: for each connected account, who connected it and when,
whose login it is (the association's own, or a person's private one: a risk), the backup
administrators on the platform, where the two-factor recovery codes are kept (a place,
never the codes) and when the login runs out; and the checklist of what a departing
volunteer must hand over.

Nothing here holds or shows a secret: what is typed into the register is refused when it
looks like a password, a token or recovery codes, or contains the account's own secret.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from essplanner import domain, models, repositories as repo
from essplanner.credentials import SecretStore
from essplanner.domain import Change, LoginKind
from essplanner.errors import CredentialError, NotFoundError, ValidationError
from essplanner.i18n import _
from essplanner.log import redact
from essplanner.publishers.base import TOKEN_EXPIRES_AT
from essplanner.services.base import Notify, Service
from essplanner.services.calendar import shown_platform
from essplanner.storage import Database
from essplanner.timeutil import Clock, get_zone

#: the longest place, name or list of backup administrators accepted
MAX_PLACE = 300
MAX_NAME = 120
MAX_ADMINS = 12

# A recovery code is a group of letters and digits (``4821-9930``, ``a7kq 29xm``,
# ``48219930``): a token with a digit, of 4 characters or more once dashes go.
_TOKEN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*")


def _code_like(token: str) -> bool:
    """A code on its own: grouped with dashes (``1234-5678``, ``a7kq-29xm``) or one long
    word of digits, or of letters and digits (``48219930``, ``a7kq29xm``)."""
    bare = token.replace("-", "")
    if not any(c.isdigit() for c in bare):
        return False
    return len(bare) >= 6 if "-" in token else len(bare) >= 8


def _code_group(token: str) -> bool:
    """Four or more letters and digits with a digit, not a year (``4821``, ``29xm``)."""
    if len(token) < 4 or "-" in token or not any(c.isdigit() for c in token):
        return False
    return not (token.isdigit() and len(token) == 4 and 1900 <= int(token) <= 2100)


def looks_like_codes(text: str) -> bool:
    """Whether ``text`` looks like recovery codes rather than the place they are kept: a
    code-shaped word, or two groups of four or more letters and digits (``4821 9930``).
    "Bureau 12, armoire de 2024" and "the association's password manager" are places."""
    tokens = _TOKEN.findall(text)
    return any(_code_like(t) for t in tokens) or sum(map(_code_group, tokens)) >= 2


def login_ends_at(account: domain.Account) -> datetime | None:
    """When the account's login runs out for good: the ``token_expires_at`` setting a
    publisher keeps current, else the expiry its last check reported."""
    raw = account.settings.get(TOKEN_EXPIRES_AT)
    if isinstance(raw, str) and raw:
        try:
            when = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            when = None
        if when is not None:
            return when if when.tzinfo is not None else when.replace(tzinfo=UTC)
    return account.token_expires_at


@dataclass(frozen=True)
class HandoverEntry:
    """One account in the register."""

    account: domain.Account
    login_ends: datetime | None

    @property
    def handover(self) -> domain.AccountHandover:
        return self.account.handover

    @property
    def network(self) -> str:
        """The network's name for people (a test account: the one it imitates)."""
        return domain.platform_name(shown_platform(self.account.platform,
                                                   self.account.settings))

    def holders(self) -> set[str]:
        """Who this account depends on (casefolded names): who connected it, whose login
        it is, its backup administrators."""
        names = [self.account.connected_by, self.handover.login_owner,
                 *self.handover.backup_admins]
        return {n.strip().casefold() for n in names if n.strip()}


@dataclass(frozen=True)
class ChecklistItem:
    """One account a departing person is tied to, and what to hand over (all text already
    in the user's language)."""

    account: str
    network: str
    handle: str
    login_kind: str
    connected: str  # who and when
    roles: tuple[str, ...]  # how the person is tied to it
    backup_admins: str
    recovery_codes_place: str
    expiry: str
    at_risk: bool
    steps: tuple[str, ...]


@dataclass(frozen=True)
class Checklist:
    """What a departing volunteer hands over: the accounts they connected or hold."""

    person: str
    made_on: str
    items: tuple[ChecklistItem, ...]


def login_kind_label(kind: LoginKind) -> str:
    return {LoginKind.UNKNOWN: _("not known"),
            LoginKind.ASSOCIATION: _("the association's own login"),
            LoginKind.PERSONAL: _("a person's private login (risk)")}[kind]


class HandoverService(Service):
    """The register (read and edited here; the accounts' other fields are the
    :class:`~essplanner.services.accounts.AccountService`'s) and the checklists."""

    def __init__(self, db: Database, secrets: SecretStore, *, clock: Clock | None = None,
                 notify: Notify | None = None) -> None:
        super().__init__(db, clock=clock, notify=notify)
        self.secrets = secrets

    def entries(self) -> list[HandoverEntry]:
        """Every account, by name."""
        with self.db.read() as s:
            rows = s.scalars(select(models.Account).order_by(models.Account.name))
            accounts = [repo.to_account(r) for r in rows]
        return [HandoverEntry(a, login_ends_at(a)) for a in accounts]

    def entry(self, account_id: int) -> HandoverEntry:
        with self.db.read() as s:
            row = s.get(models.Account, account_id)
            if row is None:
                raise NotFoundError(_("There is no account number {id}.", id=account_id))
            account = repo.to_account(row)
        return HandoverEntry(account, login_ends_at(account))

    def set(self, account_id: int, handover: domain.AccountHandover, *,
            connected_by: str | None = None) -> domain.Account:
        """Replace the account's register entry (and, if given, who connected it)."""
        entry = self.entry(account_id)
        secrets = self._secrets_of(account_id)
        owner = self._clean(handover.login_owner, _("Whose login"), secrets, MAX_NAME)
        admins = tuple(dict.fromkeys(
            a for a in (self._clean(a, _("Backup administrators"), secrets, MAX_NAME)
                        for a in handover.backup_admins) if a))
        if len(admins) > MAX_ADMINS:
            raise ValidationError(_("Name at most {n} backup administrators.", n=MAX_ADMINS))
        place = self._clean(handover.recovery_codes_place, _("Recovery codes kept at"),
                            secrets, MAX_PLACE)
        if looks_like_codes(place):
            raise ValidationError(_(
                "Write where the recovery codes are kept (“the office safe”, “the "
                "association's password manager”), never the codes themselves."))
        by = entry.account.connected_by if connected_by is None else self._clean(
            connected_by, _("Connected by"), secrets, MAX_NAME)
        with self.db.write() as s:
            row = s.get(models.Account, account_id)
            if row is None:
                raise NotFoundError(_("There is no account number {id}.", id=account_id))
            row.login_kind = LoginKind(handover.login_kind).value
            row.login_owner = owner
            row.backup_admins = list(admins)
            row.recovery_codes_place = place
            row.connected_by = by
            s.flush()
            result = repo.to_account(row)
        self._notify(Change(accounts=True))
        return result

    def _secrets_of(self, account_id: int) -> list[str]:
        try:
            secret = self.secrets.get(account_id)
        except CredentialError:
            return []  # no keyring here: the shape checks still apply
        return [secret] if secret else []

    @staticmethod
    def _clean(text: str, label: str, secrets: Sequence[str], limit: int) -> str:
        text = " ".join((text or "").split())
        if len(text) > limit:
            raise ValidationError(_("{field}: at most {n} characters.", field=label,
                                    n=limit))
        if text and redact(text, secrets=secrets) != text:
            raise ValidationError(_(
                "{field}: this looks like a password or a token. The register never holds "
                "a secret: write where it is kept, or who holds it.", field=label))
        return text

    # ---- people and their checklist
    def people(self) -> list[str]:
        """Everyone the register names (connected an account, holds a login, is a backup
        administrator), by name."""
        found: dict[str, str] = {}
        for entry in self.entries():
            account = entry.account
            for name in (account.connected_by, entry.handover.login_owner,
                         *entry.handover.backup_admins):
                if name.strip():
                    found.setdefault(name.strip().casefold(), name.strip())
        return sorted(found.values(), key=str.casefold)

    def checklist(self, person: str, *, zone: str | None = None) -> Checklist:
        """What ``person`` must hand over before leaving: each account they connected, whose
        login they hold or which they administer, with its network, kind of login, expiry
        and the steps to take. Refused (a clear message) when the register names nobody so."""
        person = " ".join((person or "").split())
        if not person:
            raise ValidationError(_("Name the person who is leaving."))
        key = person.casefold()
        tz = get_zone(zone)
        items = [self._item(entry, key=key, person=person, tz=tz) for entry in self.entries()
                 if key in entry.holders()]
        if not items:
            known = ", ".join(self.people()) or _("nobody yet")
            raise ValidationError(_(
                "No account names {person} (as who connected it, whose login it is or a "
                "backup administrator). People named: {people}.", person=person,
                people=known))
        made_on = self.clock.now().astimezone(tz).strftime("%Y-%m-%d")
        return Checklist(person=person, made_on=made_on, items=tuple(items))

    def _item(self, entry: HandoverEntry, *, key: str, person: str, tz: ZoneInfo,
              ) -> ChecklistItem:
        account, handover = entry.account, entry.handover
        connected_it = account.connected_by.strip().casefold() == key
        holds_login = handover.login_owner.strip().casefold() == key
        admin = key in {a.casefold() for a in handover.backup_admins}
        roles = []
        if connected_it:
            roles.append(_("connected it"))
        if holds_login:
            roles.append(_("holds its login"))
        if admin:
            roles.append(_("backup administrator"))
        others = [a for a in handover.backup_admins if a.casefold() != key]
        steps: list[str] = []
        if holds_login and handover.login_kind is LoginKind.PERSONAL:
            steps.append(_("Move the account from {person}'s private login to the "
                           "association's own login, before {person} leaves.",
                           person=person))
        elif holds_login:
            steps.append(_("Hand the association's login over to someone who stays, then "
                           "change its password."))
        if handover.login_kind is LoginKind.UNKNOWN:
            steps.append(_("Find out whose login connects this account (the association's "
                           "own or a private one)."))
        if connected_it:
            steps.append(_("Reconnect the account in ESS Planner as someone who stays (its "
                           "access was given by {person}).", person=person))
        if admin:
            steps.append(_("Remove {person} from the account's administrators on {network}.",
                           person=person, network=entry.network))
        if not others:
            steps.append(_("Name a backup administrator who stays, on {network} itself.",
                           network=entry.network))
        if handover.recovery_codes_place:
            steps.append(_("Check that the two-factor recovery codes are still at: {place}.",
                           place=handover.recovery_codes_place))
        else:
            steps.append(_("Write down where the two-factor recovery codes are kept (a "
                           "place, never the codes)."))
        if entry.login_ends is not None:
            steps.append(_("The login ends on {date}: reconnect it before then.",
                           date=entry.login_ends.astimezone(tz).strftime("%Y-%m-%d")))
        connected = account.connected_by or _("not known")
        if account.connected_at is not None:
            connected = _("{person}, on {date}", person=connected,
                          date=account.connected_at.astimezone(tz).strftime("%Y-%m-%d"))
        return ChecklistItem(
            account=account.name, network=entry.network, handle=account.handle,
            login_kind=login_kind_label(handover.login_kind),
            connected=connected, roles=tuple(roles),
            backup_admins=", ".join(handover.backup_admins) or _("none"),
            recovery_codes_place=handover.recovery_codes_place or _("not written down"),
            expiry=(entry.login_ends.astimezone(tz).strftime("%Y-%m-%d")
                    if entry.login_ends is not None else _("no known expiry")),
            at_risk=handover.at_risk, steps=tuple(steps))


def parse_admins(text: str | Iterable[str]) -> tuple[str, ...]:
    """Backup administrators typed as one line ("Ana, Bruno; Chloé") or given one by one."""
    parts = re.split(r"[,;\n]", text) if isinstance(text, str) else list(text)
    return tuple(p.strip() for p in parts if p.strip())
