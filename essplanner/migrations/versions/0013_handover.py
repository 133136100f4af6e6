"""The account handover register, and PostgreSQL notifications of changes.

- ``account``: what a team needs to hand an account over (``login_kind``: the
  association's own login or a person's private one; ``login_owner``; the platform's
  ``backup_admins``; ``recovery_codes_place``: where the two-factor recovery codes are
  kept — a place, never the codes).
- PostgreSQL only: triggers that ``pg_notify`` the channel ``essplanner_changes`` when
  posts, their targets or media change (payload ``post:<id>``) and, per statement, when
  accounts, personas, objectives or the planning change (payload ``accounts``,
  ``personas``, ``objectives``, ``planning``). Open windows LISTEN to it
  (``essplanner.services.changes.PostgresListener``, docs/decisions/0024-live-updates.md).

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

#: the channel the triggers notify (essplanner.services.changes.CHANNEL)
CHANNEL = "essplanner_changes"
#: tables whose rows name a post: (table, column holding the post's id)
POST_TABLES = (("post", "id"), ("target", "post_id"), ("media", "post_id"))
#: tables notified once per statement: (table, payload)
COARSE_TABLES = (("account", "accounts"), ("persona", "personas"),
                 ("objective", "objectives"), ("campaign", "planning"),
                 ("campaign_post", "planning"), ("event", "planning"),
                 ("awareness_day", "planning"))

POST_FUNCTION = f"""
CREATE OR REPLACE FUNCTION essplanner_notify_post() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    changed_post bigint;
BEGIN
    -- TG_ARGV[0] names the column holding the post's id; identical payloads within one
    -- transaction are delivered once by PostgreSQL.
    IF TG_OP = 'DELETE' THEN
        changed_post := (to_jsonb(OLD) ->> TG_ARGV[0])::bigint;
    ELSE
        changed_post := (to_jsonb(NEW) ->> TG_ARGV[0])::bigint;
    END IF;
    IF changed_post IS NOT NULL THEN
        PERFORM pg_notify('{CHANNEL}', 'post:' || changed_post);
    END IF;
    RETURN NULL;
END
$$
"""

TABLE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION essplanner_notify_table() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', TG_ARGV[0]);
    RETURN NULL;
END
$$
"""


def upgrade() -> None:
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("login_kind", sa.String(length=16), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("login_owner", sa.String(length=120), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("backup_admins", sa.JSON(), nullable=False,
                                      server_default=sa.text("'[]'")))
        batch_op.add_column(sa.Column("recovery_codes_place", sa.String(length=300),
                                      nullable=False, server_default=""))
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite: windows poll PRAGMA data_version (docs/decisions/0019)
    op.execute(POST_FUNCTION)
    op.execute(TABLE_FUNCTION)
    for table, column in POST_TABLES:
        op.execute(f"CREATE TRIGGER essplanner_notify_{table} "
                   f"AFTER INSERT OR UPDATE OR DELETE ON {table} "
                   f"FOR EACH ROW EXECUTE FUNCTION essplanner_notify_post('{column}')")
    for table, payload in COARSE_TABLES:
        op.execute(f"CREATE TRIGGER essplanner_notify_{table} "
                   f"AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                   f"FOR EACH STATEMENT EXECUTE FUNCTION essplanner_notify_table('{payload}')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, _column in (*POST_TABLES, *COARSE_TABLES):
            op.execute(f"DROP TRIGGER IF EXISTS essplanner_notify_{table} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS essplanner_notify_post()")
        op.execute("DROP FUNCTION IF EXISTS essplanner_notify_table()")
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_column("recovery_codes_place")
        batch_op.drop_column("backup_admins")
        batch_op.drop_column("login_owner")
        batch_op.drop_column("login_kind")
