"""Recurring posts: a series (an RFC 5545 rule in local time) and, on each post, the series
and occurrence it stands for (one post per occurrence).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import essplanner.models

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "post_series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=500), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("local_time", sa.String(length=5), nullable=False),
        sa.Column("zone", sa.String(length=64), nullable=False),
        sa.Column("schedule", sa.Boolean(), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("exdates", sa.JSON(), nullable=False),
        sa.Column("horizon_until", essplanner.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_series")),
    )
    # plain ADD COLUMN, never a batch copy of ``post``: on SQLite, copying the table
    # drops the old one, and with foreign keys on that would delete every post's media
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a column with its reference in one statement (Alembic cannot)
        op.execute("ALTER TABLE post ADD COLUMN series_id INTEGER "
                   "REFERENCES post_series (id) ON DELETE SET NULL")
    else:
        op.add_column("post", sa.Column("series_id", sa.Integer(), nullable=True))
        op.create_foreign_key(op.f("fk_post_series_id_post_series"), "post", "post_series",
                              ["series_id"], ["id"], ondelete="SET NULL")
    op.add_column("post", sa.Column("occurrence", sa.String(length=16), nullable=True))
    op.create_index(op.f("ix_post_series_id"), "post", ["series_id"], unique=False)
    op.create_index("uq_post_series_occurrence", "post", ["series_id", "occurrence"],
                    unique=True)


def downgrade() -> None:
    op.drop_index("uq_post_series_occurrence", table_name="post")
    op.drop_index(op.f("ix_post_series_id"), table_name="post")
    with op.batch_alter_table("post", schema=None) as batch_op:
        batch_op.drop_column("occurrence")
        batch_op.drop_column("series_id")
    op.drop_table("post_series")
