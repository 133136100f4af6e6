"""Measurements: platform metrics per target, outcome entries, link visits; hashtag sets.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import essplanner.models

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hashtag_set",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hashtag_set")),
        sa.UniqueConstraint("name", name=op.f("uq_hashtag_set_name")),
    )

    op.create_table(
        "link_visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("utm_source", sa.String(length=80), nullable=False),
        sa.Column("utm_medium", sa.String(length=80), nullable=False),
        sa.Column("utm_campaign", sa.String(length=200), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=False),
        sa.Column("imported_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_link_visit")),
    )

    op.create_table(
        "outcome_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kpi_id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.Column("source", sa.String(length=120), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["kpi_id"], ["kpi.id"], name=op.f("fk_outcome_entry_kpi_id_kpi"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome_entry")),
    )
    with op.batch_alter_table("outcome_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outcome_entry_kpi_id"), ["kpi_id"], unique=False)

    op.create_table(
        "target_metric",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("read_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["target.id"],
            name=op.f("fk_target_metric_target_id_target"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target_metric")),
    )
    with op.batch_alter_table("target_metric", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_target_metric_target_id"), ["target_id"], unique=False)


def downgrade() -> None:
    op.drop_table("target_metric")
    op.drop_table("outcome_entry")
    op.drop_table("link_visit")
    op.drop_table("hashtag_set")
