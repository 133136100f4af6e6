"""Events, campaigns (and the campaign of a post), awareness days.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import essplanner.models

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "campaign",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("start_day", sa.Date(), nullable=False),
        sa.Column("end_day", sa.Date(), nullable=False),
        sa.Column("colour", sa.String(length=9), nullable=False),
        sa.Column("objective_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["objective_id"], ["objective.id"],
                                name=op.f("fk_campaign_objective_id_objective"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign")),
        sa.UniqueConstraint("name", name=op.f("uq_campaign_name")),
    )
    op.create_table(
        "campaign_post",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["post_id"], ["post.id"],
                                name=op.f("fk_campaign_post_post_id_post"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaign.id"],
                                name=op.f("fk_campaign_post_campaign_id_campaign"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("post_id", name=op.f("pk_campaign_post")),
    )
    op.create_index(op.f("ix_campaign_post_campaign_id"), "campaign_post", ["campaign_id"])
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("all_day", sa.Boolean(), nullable=False),
        sa.Column("start_day", sa.Date(), nullable=True),
        sa.Column("end_day", sa.Date(), nullable=True),
        sa.Column("starts_at", essplanner.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ends_at", essplanner.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("objective_id", sa.Integer(), nullable=True),
        sa.Column("campaign_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["objective_id"], ["objective.id"],
                                name=op.f("fk_event_objective_id_objective"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaign.id"],
                                name=op.f("fk_event_campaign_id_campaign"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
    )
    op.create_table(
        "awareness_day",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=300), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("start_day", sa.Date(), nullable=False),
        sa.Column("rrule", sa.String(length=500), nullable=False),
        sa.Column("offset_days", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("personas", sa.JSON(), nullable=False),
        sa.Column("objectives", sa.JSON(), nullable=False),
        sa.Column("created_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_awareness_day")),
        sa.UniqueConstraint("uid", name=op.f("uq_awareness_day_uid")),
    )


def downgrade() -> None:
    op.drop_table("awareness_day")
    op.drop_table("event")
    op.drop_index(op.f("ix_campaign_post_campaign_id"), table_name="campaign_post")
    op.drop_table("campaign_post")
    op.drop_table("campaign")
