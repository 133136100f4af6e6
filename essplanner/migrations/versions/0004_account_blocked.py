"""Accounts can be blocked by their platform until a person acts (credits, update, access).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("blocked_reason", sa.String(length=16), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("blocked_message", sa.Text(), nullable=False,
                      server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_column("blocked_message")
        batch_op.drop_column("blocked_reason")
