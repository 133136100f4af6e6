"""Initial schema: personas, objectives and KPIs, accounts, posts, media, targets, attempts.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import essplanner.models

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("handle", sa.String(length=255), nullable=False),
        sa.Column("api_url", sa.String(length=500), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("connected_by", sa.String(length=120), nullable=False),
        sa.Column("connected_at", essplanner.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("token_expires_at", essplanner.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("needs_reconnect", sa.Boolean(), nullable=False),
        sa.Column("reconnect_reason", sa.Text(), nullable=False),
        sa.Column("grace_minutes", sa.Integer(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account")),
        sa.UniqueConstraint("name", name=op.f("uq_account_name")),
    )

    op.create_table(
        "objective",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_objective")),
        sa.UniqueConstraint("name", name=op.f("uq_objective_name")),
    )

    op.create_table(
        "persona",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("age", sa.Integer(), nullable=True),
        sa.Column("segment", sa.String(length=32), nullable=True),
        sa.Column("motivation", sa.Text(), nullable=False),
        sa.Column("networks", sa.JSON(), nullable=False),
        sa.Column("expected_content", sa.Text(), nullable=False),
        sa.Column("created_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_persona")),
        sa.UniqueConstraint("name", name=op.f("uq_persona_name")),
    )

    op.create_table(
        "post",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("link_url", sa.String(length=2000), nullable=False),
        sa.Column("call_to_action", sa.String(length=120), nullable=False),
        sa.Column("hashtags", sa.JSON(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("editorial_state", sa.String(length=16), nullable=False),
        sa.Column("scheduled_at", essplanner.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post")),
    )
    with op.batch_alter_table("post", schema=None) as batch_op:
        batch_op.create_index("ix_post_scheduled_at", ["scheduled_at"], unique=False)

    op.create_table(
        "kpi",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("objective_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("target_value", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("metric", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["objective_id"],
            ["objective.id"],
            name=op.f("fk_kpi_objective_id_objective"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kpi")),
    )

    op.create_table(
        "media",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(length=1000), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("checksum", sa.String(length=64), nullable=False),
        sa.Column("mime_type", sa.String(length=80), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("alt_text", sa.Text(), nullable=False),
        sa.Column("consent_note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"], ["post.id"], name=op.f("fk_media_post_id_post"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_media")),
    )
    with op.batch_alter_table("media", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_media_post_id"), ["post_id"], unique=False)

    op.create_table(
        "post_objective",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("objective_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["objective_id"],
            ["objective.id"],
            name=op.f("fk_post_objective_objective_id_objective"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["post.id"],
            name=op.f("fk_post_objective_post_id_post"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("post_id", "objective_id", name=op.f("pk_post_objective")),
    )

    op.create_table(
        "post_persona",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("persona_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["persona_id"],
            ["persona.id"],
            name=op.f("fk_post_persona_persona_id_persona"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"], ["post.id"], name=op.f("fk_post_persona_post_id_post"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("post_id", "persona_id", name=op.f("pk_post_persona")),
    )

    op.create_table(
        "target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("text_variant", sa.Text(), nullable=True),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("next_attempt_at", essplanner.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("attempt_count", sa.Integer(), nullable=False),
        sa.Column("lease_owner", sa.String(length=120), nullable=True),
        sa.Column("lease_until", essplanner.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("idempotency_key", sa.String(length=64), nullable=False),
        sa.Column("remote_id", sa.String(length=500), nullable=True),
        sa.Column("remote_url", sa.String(length=2000), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("published_at", essplanner.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("updated_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_target_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"], ["post.id"], name=op.f("fk_target_post_id_post"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target")),
        sa.UniqueConstraint("post_id", "account_id", name="uq_target_post_account"),
    )
    with op.batch_alter_table("target", schema=None) as batch_op:
        batch_op.create_index("ix_target_due", ["state", "next_attempt_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_target_post_id"), ["post_id"], unique=False)

    op.create_table(
        "publish_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("started_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", essplanner.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("worker", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["target.id"],
            name=op.f("fk_publish_attempt_target_id_target"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publish_attempt")),
    )
    with op.batch_alter_table("publish_attempt", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_publish_attempt_target_id"), ["target_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("publish_attempt")
    op.drop_table("target")
    op.drop_table("post_persona")
    op.drop_table("post_objective")
    op.drop_table("media")
    op.drop_table("kpi")
    op.drop_table("post")
    op.drop_table("persona")
    op.drop_table("objective")
    op.drop_table("account")
