"""Post templates saved by users, evergreen posts and their reuses.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import essplanner.models

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    words = sa.JSON()
    op.create_table(
        "post_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("link_url", sa.String(length=2000), nullable=False),
        sa.Column("call_to_action", sa.String(length=120), nullable=False),
        sa.Column("hashtags", words, nullable=False),
        sa.Column("personas", words, nullable=False),
        sa.Column("segments", words, nullable=False),
        sa.Column("objective_kinds", words, nullable=False),
        sa.Column("objectives", words, nullable=False),
        sa.Column("networks", words, nullable=False),
        sa.Column("reminder", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("created_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_template")),
        sa.UniqueConstraint("name", name=op.f("uq_post_template_name")),
    )
    op.create_table(
        "evergreen",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("cooldown_days", sa.Integer(), nullable=False),
        sa.Column("max_reuses", sa.Integer(), nullable=True),
        sa.Column("created_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["post_id"], ["post.id"],
                                name=op.f("fk_evergreen_post_id_post"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("post_id", name=op.f("pk_evergreen")),
    )
    op.create_table(
        "evergreen_reuse",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("created_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["evergreen.post_id"],
                                name=op.f("fk_evergreen_reuse_source_id_evergreen"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["post_id"], ["post.id"],
                                name=op.f("fk_evergreen_reuse_post_id_post"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evergreen_reuse")),
        sa.UniqueConstraint("post_id", name=op.f("uq_evergreen_reuse_post_id")),
    )
    op.create_index(op.f("ix_evergreen_reuse_source_id"), "evergreen_reuse", ["source_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_evergreen_reuse_source_id"), table_name="evergreen_reuse")
    op.drop_table("evergreen_reuse")
    op.drop_table("evergreen")
    op.drop_table("post_template")
