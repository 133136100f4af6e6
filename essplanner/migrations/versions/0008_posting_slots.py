"""Posting slots (weekly local times per account) and the posts placed in them by the queue.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import essplanner.models

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "posting_slot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("minute", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.id"], name=op.f("fk_posting_slot_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posting_slot")),
        sa.UniqueConstraint("account_id", "weekday", "minute", name="uq_posting_slot_time"),
    )
    with op.batch_alter_table("posting_slot", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_posting_slot_account_id"), ["account_id"],
                              unique=False)
    op.create_table(
        "queued_post",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("queued_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"], ["post.id"], name=op.f("fk_queued_post_post_id_post"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("post_id", name=op.f("pk_queued_post")),
    )


def downgrade() -> None:
    op.drop_table("queued_post")
    with op.batch_alter_table("posting_slot", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_posting_slot_account_id"))
    op.drop_table("posting_slot")
