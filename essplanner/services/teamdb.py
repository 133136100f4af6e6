"""Roles that hold on PostgreSQL: group roles, grants and the approval trigger, in SQL.

Every person connects with their own database login; ``essplanner team grant LOGIN
--role ROLE`` (run by the database owner or an administrator) makes the login a member of
one of three group roles, each holding the one before it:

- ``essplanner_contributor`` reads everything and writes the posts, their targets,
  comments and history, personas, objectives...; it cannot add, remove, rename or
  re-point an account (only the columns of :data:`ACCOUNT_STATUS`, which checks and the
  publishing service write), nor write the members, the workspace's settings or the
  approvals;
- ``essplanner_approver`` may also write the approvals, and only its members may mark a
  post approved (the trigger ``essplanner_guard_approval``);
- ``essplanner_administrator`` may write everything.

The trigger enforces the approval rule whatever client is used (raw SQL included): a
non-approver's ``UPDATE`` that marks a post approved is refused; its ``INSERT`` of an
approved post is stored "in review"; its change of an approved post's content takes the
approval back ("in review"), as the application does. The table owner and superusers
count as administrators. On SQLite none of this exists: a file is one person's, and
roles there are workflow, not security (``docs/decisions/0022-team-roles.md``).
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from essplanner.domain import Role
from essplanner.errors import PermissionDenied
from essplanner.i18n import _

#: the group role of each role (cluster-wide names, shared by the databases of a server)
GROUPS = {
    Role.CONTRIBUTOR: "essplanner_contributor",
    Role.APPROVER: "essplanner_approver",
    Role.ADMINISTRATOR: "essplanner_administrator",
}
#: tables only administrators write (approvals: approvers too)
PROTECTED = ("account", "team_member", "workspace_setting", "post_approval", "alembic_version")
#: what checks and the publishing service (under anyone's login) write on an account: the
#: flags set when a platform refuses it, the publisher's saved state (``settings``, never a
#: secret), the handle and the token's expiry a check reads
ACCOUNT_STATUS = ("needs_reconnect", "reconnect_reason", "blocked_reason", "blocked_message",
                  "settings", "handle", "token_expires_at")
#: the post's columns whose change takes an approval back
CONTENT = ("title", "body", "link_url", "call_to_action", "hashtags::text", "language")

_LOGIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.@-]{0,62}$")

_OWNER = "(SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = to_regclass('post'))"

# the names put in these statements are this module's constants, never input
GUARD_FUNCTION = f"""
CREATE OR REPLACE FUNCTION essplanner_guard_approval() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF pg_has_role('{GROUPS[Role.APPROVER]}', 'MEMBER')
     OR pg_has_role((SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = TG_RELID),
                    'MEMBER') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.editorial_state = 'approved' THEN
      NEW.editorial_state := 'in_review';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.editorial_state = 'approved' AND OLD.editorial_state IS DISTINCT FROM 'approved' THEN
    RAISE EXCEPTION 'only approvers can approve posts'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.editorial_state = 'approved'
     AND ({", ".join("NEW." + c for c in CONTENT)})
         IS DISTINCT FROM ({", ".join("OLD." + c for c in CONTENT)}) THEN
    NEW.editorial_state := 'in_review';
  END IF;
  RETURN NEW;
END
$$
"""  # noqa: S608


def is_postgresql(s: Session | Connection) -> bool:
    bind = s.get_bind() if isinstance(s, Session) else s
    return bind.dialect.name == "postgresql"


def current_login(s: Session | Connection) -> str:
    """The database login of this connection ("" on SQLite)."""
    if not is_postgresql(s):
        return ""
    return str(s.execute(text("SELECT current_user")).scalar_one())


def roles_installed(s: Session | Connection) -> bool:
    """Whether the team's group roles exist on this server (``install`` was run)."""
    if not is_postgresql(s):
        return False
    found = s.execute(text("SELECT count(*) FROM pg_roles WHERE rolname = ANY(:names)"),
                      {"names": list(GROUPS.values())}).scalar_one()
    return int(found) == len(GROUPS)


def login_role(s: Session | Connection) -> Role | None:
    """The role the database gives this connection's login (None: no team role, or the
    roles are not installed). The table owner and superusers are administrators."""
    if not roles_installed(s):
        return None
    admin, approver, contributor, owner = s.execute(text(
        f"SELECT pg_has_role('{GROUPS[Role.ADMINISTRATOR]}', 'MEMBER'), "
        f"pg_has_role('{GROUPS[Role.APPROVER]}', 'MEMBER'), "
        f"pg_has_role('{GROUPS[Role.CONTRIBUTOR]}', 'MEMBER'), "
        f"coalesce(pg_has_role({_OWNER}, 'MEMBER'), false)")).one()
    if admin or owner:
        return Role.ADMINISTRATOR
    if approver:
        return Role.APPROVER
    if contributor:
        return Role.CONTRIBUTOR
    return None


def login_exists(conn: Connection, login: str) -> bool:
    return bool(conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :login AND rolcanlogin"),
                             {"login": login}).first())


def valid_login(login: str) -> bool:
    return bool(_LOGIN.match(login)) and login not in GROUPS.values()


def install(conn: Connection) -> None:
    """Create the group roles (if missing), grant the tables and install the trigger.

    Idempotent: run again after an upgrade adds tables (default privileges cover tables
    the same owner creates later). Needs the table owner with the right to create roles."""
    for group in GROUPS.values():
        conn.execute(text(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') "  # noqa: S608
            f"THEN CREATE ROLE {group} NOLOGIN; END IF; END $$"))
    contributor, approver, admin = (GROUPS[Role.CONTRIBUTOR], GROUPS[Role.APPROVER],
                                    GROUPS[Role.ADMINISTRATOR])
    protected = ", ".join(t for t in PROTECTED if _table_exists(conn, t))
    for statement in (
        f"GRANT {contributor} TO {approver}",
        f"GRANT {approver} TO {admin}",
        f"GRANT USAGE ON SCHEMA public TO {contributor}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {contributor}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {protected} FROM {contributor}",
        f"GRANT UPDATE ({', '.join(ACCOUNT_STATUS)}) ON account TO {contributor}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {contributor}",
        f"GRANT INSERT, UPDATE, DELETE ON post_approval TO {approver}",
        f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {admin}",
        f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {admin}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE "
        f"ON TABLES TO {contributor}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES "
        f"TO {contributor}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO {admin}",
        GUARD_FUNCTION,
        "DROP TRIGGER IF EXISTS essplanner_guard_approval ON post",
        "CREATE TRIGGER essplanner_guard_approval BEFORE INSERT OR UPDATE ON post "
        "FOR EACH ROW EXECUTE FUNCTION essplanner_guard_approval()",
    ):
        conn.execute(text(statement))


def grant(conn: Connection, login: str, role: Role) -> None:
    """Make ``login`` a member of ``role``'s group only (the others are revoked). An
    administrator gets the groups with their admin option, to give roles in turn.

    Raises :class:`PermissionDenied` if the database kept another role (a membership
    only its grantor or the owner may revoke)."""
    for group in GROUPS.values():
        conn.execute(text(f'REVOKE {group} FROM "{login}"'))
    if role is Role.ADMINISTRATOR:
        for group in GROUPS.values():
            conn.execute(text(f'GRANT {group} TO "{login}" WITH ADMIN OPTION'))
    else:
        conn.execute(text(f'GRANT {GROUPS[role]} TO "{login}"'))
    if role_of(conn, login) is not role:
        raise PermissionDenied(_(
            "The database kept another role for {login}: ask the database's owner to run "
            "\"essplanner team grant {login} --role {role}\".", login=login, role=role.value))


def role_of(conn: Connection, login: str) -> Role | None:
    """The role ``login``'s group memberships give it."""
    member = {r: bool(conn.execute(text("SELECT pg_has_role(:login, :group, 'MEMBER')"),
                                   {"login": login, "group": g}).scalar())
              for r, g in GROUPS.items()}
    for role in (Role.ADMINISTRATOR, Role.APPROVER, Role.CONTRIBUTOR):
        if member[role]:
            return role
    return None


def owns_schema(conn: Connection) -> bool:
    """Whether this connection's login owns the workspace's tables (or is a superuser)."""
    return bool(conn.execute(text(f"SELECT coalesce(pg_has_role({_OWNER}, 'MEMBER'), false)"))
                .scalar())


def _table_exists(conn: Connection, name: str) -> bool:
    return conn.execute(text("SELECT to_regclass(:name)"), {"name": name}).scalar() is not None


__all__ = ["GROUPS", "current_login", "grant", "install", "login_role", "roles_installed"]
