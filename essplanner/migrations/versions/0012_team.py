"""Working as a team: members, the workspace's settings, approvals, comments, history.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import essplanner.models

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("db_login", sa.String(length=63), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_member")),
        sa.UniqueConstraint("email", name=op.f("uq_team_member_email")),
    )
    op.create_table(
        "workspace_setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_workspace_setting")),
    )
    op.create_table(
        "post_approval",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("approved_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("approved_by", sa.String(length=120), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["post_id"], ["post.id"],
                                name=op.f("fk_post_approval_post_id_post"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("post_id", name=op.f("pk_post_approval")),
    )
    op.create_table(
        "post_comment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("author_name", sa.String(length=120), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("mentions", sa.JSON(), nullable=False),
        sa.Column("created_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["post_id"], ["post.id"],
                                name=op.f("fk_post_comment_post_id_post"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["author_id"], ["team_member.id"],
                                name=op.f("fk_post_comment_author_id_team_member"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_comment")),
    )
    op.create_index(op.f("ix_post_comment_post_id"), "post_comment", ["post_id"])
    op.create_table(
        "post_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor_name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["post_id"], ["post.id"],
                                name=op.f("fk_post_history_post_id_post"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_history")),
    )
    op.create_index(op.f("ix_post_history_post_id"), "post_history", ["post_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_post_history_post_id"), table_name="post_history")
    op.drop_table("post_history")
    op.drop_index(op.f("ix_post_comment_post_id"), table_name="post_comment")
    op.drop_table("post_comment")
    op.drop_table("post_approval")
    op.drop_table("workspace_setting")
    op.drop_table("team_member")
