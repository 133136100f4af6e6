"""The team: who uses this installation, the workspace's members and roles, and the
workspace's team settings ("posts need approval before they are scheduled").

The installation's identity (name, e-mail) lives in the user's settings; the members
live in the database. On a SQLite workspace alone the first person met is created as
an administrator: she holds every role and nothing changes for her. On PostgreSQL each
person connects with their own login, found by that login first; when the team's group
roles are installed (:mod:`essplanner.services.teamdb`) the database's role wins over
the member's row, so what the app offers is what the database allows.
"""

from __future__ import annotations

import getpass
import logging
import re
import threading
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from essplanner import models
from essplanner.controlchars import clean_line
from essplanner.domain import Change, Member, Role, TeamAction, can
from essplanner.errors import EssPlannerError, NotFoundError, PermissionDenied, ValidationError
from essplanner.i18n import _
from essplanner.repositories import approval_required
from essplanner.services import teamdb
from essplanner.services.base import Notify, Service, flush_unique
from essplanner.settings import Settings
from essplanner.storage import Database
from essplanner.timeutil import Clock

log = logging.getLogger(__name__)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def refusal(action: TeamAction) -> str:
    """What a person is told when their role does not allow ``action``."""
    return {
        TeamAction.WRITE: _("Only members of the team can write posts."),
        TeamAction.SUBMIT: _("Only members of the team can submit posts for review."),
        TeamAction.APPROVE: _("Only approvers can approve posts."),
        TeamAction.SCHEDULE: _("Only approvers can schedule posts."),
        TeamAction.MANAGE_ACCOUNTS: _("Only administrators can change accounts."),
        TeamAction.MANAGE_SETTINGS: _("Only administrators can change the workspace's "
                                      "settings."),
        TeamAction.MANAGE_PEOPLE: _("Only administrators can change the team's members."),
    }[action]


def role_label(role: Role) -> str:
    return {Role.CONTRIBUTOR: _("contributor"), Role.APPROVER: _("approver"),
            Role.ADMINISTRATOR: _("administrator")}[role]


def to_member(row: models.TeamMember, role: Role | None = None) -> Member:
    return Member(id=row.id, name=row.name, email=row.email, role=role or Role(row.role),
                  db_login=row.db_login, active=row.active)


class TeamService(Service):
    """Members and roles, the installation's identity, the workspace's team settings.

    Changes are announced as ``Change(team=True)``."""

    def __init__(self, db: Database, *, settings: Settings,
                 settings_file: Path | None = None, clock: Clock | None = None,
                 notify: Notify | None = None) -> None:
        super().__init__(db, clock=clock, notify=notify)
        self.settings = settings
        self.settings_file = settings_file
        self._me: Member | None = None
        self._lock = threading.Lock()

    # ---- who I am
    def me(self) -> Member:
        """The person using this installation (created on first use; cached until a
        change of the team)."""
        with self._lock:
            if self._me is None:
                self._me = self._find_me()
            return self._me

    def actor_name(self) -> str:
        """The name history entries and comments give to what I do."""
        return self.me().name

    def can(self, action: TeamAction) -> bool:
        """Whether my role allows ``action``."""
        return can(self.me().role, action)

    def require(self, action: TeamAction) -> Member:
        """Me, if my role allows ``action``; else :class:`PermissionDenied` saying who may."""
        me = self.me()
        if not can(me.role, action):
            raise PermissionDenied(refusal(action))
        return me

    def refresh(self) -> None:
        """Forget the cached identity (another process changed the team)."""
        with self._lock:
            self._me = None

    def set_identity(self, name: str, email: str) -> Member:
        """Who uses this installation (first start, Preferences): saved in the settings,
        and my member row renamed (or, on a shared database, found by its e-mail)."""
        name = clean_line(name.strip(), field=_("Name"))
        email = _clean_email(email)
        if not name:
            raise ValidationError(_("The {field} is required.", field=_("name")))
        me = self.me()
        if me.id and (me.name, me.email) != (name, email):
            with self.db.write() as s:
                taken = s.scalar(select(models.TeamMember.id).where(
                    func.lower(models.TeamMember.email) == email.lower(),
                    models.TeamMember.id != me.id))
                if taken is None:
                    row = s.get(models.TeamMember, me.id)
                    if row is not None:
                        row.name, row.email = name, email
        self.settings.user_name, self.settings.user_email = name, email
        if self.settings_file is not None:
            self.settings.save(self.settings_file)
        self.refresh()
        result = self.me()
        self._notify(Change(team=True))
        return result

    # ---- members
    def members(self, *, include_inactive: bool = False) -> list[Member]:
        self.me()  # the first person exists before anyone is listed
        with self.db.read() as s:
            query = select(models.TeamMember).order_by(func.lower(models.TeamMember.name),
                                                       models.TeamMember.id)
            if not include_inactive:
                query = query.where(models.TeamMember.active.is_(True))
            return [to_member(r) for r in s.scalars(query)]

    def get(self, member_id: int) -> Member:
        with self.db.read() as s:
            row = s.get(models.TeamMember, member_id)
            if row is None:
                raise NotFoundError(_("There is no member number {id}.", id=member_id))
            return to_member(row)

    def find(self, who: str) -> Member:
        """A member by number, e-mail, database login or name (case ignored)."""
        who = who.strip()
        members = self.members(include_inactive=True)
        if who.isdigit():
            for m in members:
                if m.id == int(who):
                    return m
        wanted = who.casefold()
        for attribute in ("email", "db_login", "name"):
            found = [m for m in members if getattr(m, attribute).casefold() == wanted and wanted]
            if len(found) == 1:
                return found[0]
        raise NotFoundError(_("No member of the team is called {who}.", who=who))

    def add_member(self, name: str, email: str, role: Role, db_login: str = "") -> Member:
        """Add a person to the team (administrators only)."""
        self.require(TeamAction.MANAGE_PEOPLE)
        name = clean_line(name.strip(), field=_("Name"))
        if not name:
            raise ValidationError(_("The {field} is required.", field=_("name")))
        email = _clean_email(email)
        db_login = db_login.strip()
        if db_login and not teamdb.valid_login(db_login):
            raise ValidationError(_("{login} is not a valid database login.", login=db_login))
        with self.db.write() as s:
            if s.scalar(select(models.TeamMember.id).where(
                    func.lower(models.TeamMember.email) == email.lower())) is not None:
                raise ValidationError(_("A member already has the e-mail {email}.",
                                        email=email))
            row = models.TeamMember(name=name, email=email, role=Role(role).value,
                                    db_login=db_login, active=True,
                                    created_at=self.clock.now())
            s.add(row)
            flush_unique(s, _("A member already has the e-mail {email}.", email=email))
            result = to_member(row)
        self._notify(Change(team=True))
        return result

    def set_role(self, member_id: int, role: Role) -> Member:
        """Give a member another role (administrators only); the last administrator keeps
        hers."""
        self.require(TeamAction.MANAGE_PEOPLE)
        with self.db.write() as s:
            row = s.get(models.TeamMember, member_id)
            if row is None:
                raise NotFoundError(_("There is no member number {id}.", id=member_id))
            if (row.role == Role.ADMINISTRATOR.value and role is not Role.ADMINISTRATOR
                    and _administrators(s) <= 1):
                raise ValidationError(_("{name} is the team's only administrator: make "
                                        "someone else administrator first.", name=row.name))
            row.role = Role(role).value
            if row.db_login and teamdb.roles_installed(s):
                # on PostgreSQL the database's role is the one that holds
                teamdb.grant(s.connection(), row.db_login, Role(role))
            result = to_member(row)
        self.refresh()
        self._notify(Change(team=True))
        return result

    def set_active(self, member_id: int, active: bool) -> Member:
        """A member who left stays named in the history, no longer listed (administrators
        only)."""
        self.require(TeamAction.MANAGE_PEOPLE)
        with self.db.write() as s:
            row = s.get(models.TeamMember, member_id)
            if row is None:
                raise NotFoundError(_("There is no member number {id}.", id=member_id))
            if (not active and row.role == Role.ADMINISTRATOR.value
                    and _administrators(s) <= 1):
                raise ValidationError(_("{name} is the team's only administrator: make "
                                        "someone else administrator first.", name=row.name))
            row.active = active
            result = to_member(row)
        self.refresh()
        self._notify(Change(team=True))
        return result

    def mentions(self, body: str) -> tuple[int, ...]:
        """The members named in ``body`` with @ (their full name, first name when no one
        else has it, or the start of their e-mail), in order of first mention."""
        return mentioned(body, self.members())

    # ---- roles that hold on PostgreSQL
    def grant(self, login: str, role: Role, *, name: str = "", email: str = "") -> Member:
        """Give the database login ``login`` the group role of ``role`` (installing the
        group roles, grants and trigger first, idempotently) and make it a member with
        that role. For the database's owner or an administrator allowed to create roles;
        PostgreSQL only."""
        self.require(TeamAction.MANAGE_PEOPLE)
        role = Role(role)
        login = login.strip()
        if not teamdb.valid_login(login):
            raise ValidationError(_("{login} is not a valid database login.", login=login))
        with self.db.write() as s:
            if not teamdb.is_postgresql(s):
                raise ValidationError(_(
                    "Database roles exist only on a shared PostgreSQL database; on SQLite, "
                    "roles are set with \"essplanner team role\"."))
            conn = s.connection()
            if not teamdb.login_exists(conn, login):
                raise ValidationError(_(
                    "There is no database login named {login}: create it first "
                    "(CREATE ROLE {login} LOGIN PASSWORD '...').", login=login))
            row = s.scalars(select(models.TeamMember)
                            .where(models.TeamMember.db_login == login)).first()
            if row is None and email:
                row = s.scalars(select(models.TeamMember).where(
                    func.lower(models.TeamMember.email) == _clean_email(email).lower())).first()
            if row is None:
                if not (name.strip() and email.strip()):
                    raise ValidationError(_(
                        "{login} is not yet a member of the team: give --name and --email.",
                        login=login))
                row = models.TeamMember(
                    name=clean_line(name.strip(), field=_("Name")), email=_clean_email(email),
                    role=role.value, db_login=login, active=True, created_at=self.clock.now())
                s.add(row)
            elif (row.role == Role.ADMINISTRATOR.value and role is not Role.ADMINISTRATOR
                  and _administrators(s) <= 1):
                raise ValidationError(_("{name} is the team's only administrator: make "
                                        "someone else administrator first.", name=row.name))
            row.role, row.db_login, row.active = role.value, login, True
            if teamdb.owns_schema(conn):
                teamdb.install(conn)
            elif not teamdb.roles_installed(s):
                raise PermissionDenied(_(
                    "The team's roles are not set up on this database yet: the database's "
                    "owner runs \"essplanner team grant\" first."))
            teamdb.grant(conn, login, role)
            s.flush()
            result = to_member(row)
        self.refresh()
        self._notify(Change(team=True))
        return result

    # ---- the workspace's team settings
    def approval_required(self) -> bool:
        """Whether posts need approval before they go out (a setting of the database, that
        every machine and the publishing service obey)."""
        with self.db.read() as s:
            return approval_required(s)

    def set_approval_required(self, required: bool) -> None:
        """Turn the approval rule on or off (administrators only)."""
        self.require(TeamAction.MANAGE_SETTINGS)
        with self.db.write() as s:
            row = s.get(models.WorkspaceSetting, models.APPROVAL_REQUIRED)
            if row is None:
                s.add(models.WorkspaceSetting(key=models.APPROVAL_REQUIRED,
                                              value="1" if required else "0"))
            else:
                row.value = "1" if required else "0"
        # every scheduled post's chance of going out changed: every view redraws
        self._notify(Change(team=True, posts=frozenset(self._scheduled_posts())))

    # ---- internals
    def _identity(self) -> tuple[str, str]:
        name = self.settings.user_name.strip()
        if not name:
            try:
                name = getpass.getuser()
            except (KeyError, OSError):
                name = _("Me")
        return name[:120], self.settings.user_email.strip()

    def _find_me(self) -> Member:
        name, email = self._identity()
        with self.db.read() as s:
            login = teamdb.current_login(s)
            database_role = teamdb.login_role(s)
            row = _lookup(s, login, email)
            if row is not None:
                return to_member(row, database_role)
        try:
            with self.db.write() as s:
                row = _lookup(s, login, email)
                if row is None:
                    first = not s.scalar(select(func.count(models.TeamMember.id)))
                    row = models.TeamMember(
                        name=name, email=email,
                        role=(Role.ADMINISTRATOR if first else Role.CONTRIBUTOR).value,
                        db_login=login, active=True, created_at=self.clock.now())
                    s.add(row)
                    s.flush()
                    log.info("team member %s added (%s)", row.id, row.role)
                return to_member(row, database_role)
        except (EssPlannerError, DBAPIError) as exc:
            # a read-only file, or a login that may not add members: known, not stored
            log.info("cannot record who uses this installation: %s", exc)
            fallback = database_role or Role.CONTRIBUTOR
            return Member(id=0, name=name, email=email, role=fallback, db_login=login)

    def _scheduled_posts(self) -> list[int]:
        with self.db.read() as s:
            return list(s.scalars(select(models.Target.post_id).distinct().where(
                models.Target.state == "scheduled")))


def _lookup(s: Session, login: str, email: str) -> models.TeamMember | None:
    member = models.TeamMember
    if login:
        row = s.scalars(select(member).where(member.db_login == login)
                        .order_by(member.id)).first()
        if row is not None:
            return row
    return s.scalars(select(member).where(func.lower(member.email) == email.lower())
                     .order_by(member.id)).first()


def _administrators(s: Session) -> int:
    return int(s.scalar(select(func.count(models.TeamMember.id)).where(
        models.TeamMember.role == Role.ADMINISTRATOR.value,
        models.TeamMember.active.is_(True))) or 0)


def _clean_email(email: str) -> str:
    email = clean_line(email.strip(), field=_("E-mail"))
    if not _EMAIL.match(email):
        raise ValidationError(_("{email} is not an e-mail address.", email=email or "“”"))
    return email


def mentioned(body: str, members: list[Member]) -> tuple[int, ...]:
    """The ids of ``members`` named in ``body`` with @, in order of first mention."""
    firsts: dict[str, list[Member]] = {}
    for m in members:
        first = m.name.split()[0].casefold() if m.name.split() else ""
        firsts.setdefault(first, []).append(m)
    handles: list[tuple[str, int]] = []
    for m in members:
        names = {m.name.casefold()}
        first = m.name.split()[0].casefold() if m.name.split() else ""
        if first and len(firsts[first]) == 1:
            names.add(first)
        if m.email:
            names.add(m.email.split("@")[0].casefold())
        handles += [(n, m.id) for n in names if n]
    handles.sort(key=lambda h: -len(h[0]))  # "@Marie Dupont" before "@Marie"
    text = body.casefold()
    found: list[tuple[int, int]] = []
    taken: set[int] = set()
    for handle, member_id in handles:
        for match in re.finditer("@" + re.escape(handle) + r"(?![\w.-]*\w)", text):
            if match.start() in taken:
                continue
            taken.add(match.start())
            found.append((match.start(), member_id))
    return tuple(dict.fromkeys(member_id for _at, member_id in sorted(found)))


__all__ = ["TeamService", "approval_required", "mentioned", "refusal", "role_label"]
