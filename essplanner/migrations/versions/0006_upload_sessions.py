"""Resumable uploads: the session of each target's upload and how far it got.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import essplanner.models

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "upload_session",
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("session", sa.JSON(), nullable=True),
        sa.Column("sent", sa.BigInteger(), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["target_id"], ["target.id"], name=op.f("fk_upload_session_target_id_target"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("target_id", name=op.f("pk_upload_session")),
    )


def downgrade() -> None:
    op.drop_table("upload_session")
