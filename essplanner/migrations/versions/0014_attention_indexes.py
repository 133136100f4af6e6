"""Indexes for the needs-attention list: targets by account and state, and the targets
refused for now (a partial index), so the list no longer walks every scheduled target.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_target_account_state", "target", ["account_id", "state"])
    op.create_index("ix_target_retrying", "target", ["state"],
                    sqlite_where=sa.text("attempt_count > 0"),
                    postgresql_where=sa.text("attempt_count > 0"))


def downgrade() -> None:
    op.drop_index("ix_target_retrying", table_name="target")
    op.drop_index("ix_target_account_state", table_name="target")
