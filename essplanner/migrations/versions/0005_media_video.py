"""Videos are first-class media: duration, frame rate, codecs and a chosen cover image.

The cover is a path (an image copied into the data folder like any media), not another
media row: it is no item of the post's gallery and goes with its video.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("media", schema=None) as batch_op:
        batch_op.add_column(sa.Column("duration", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("frame_rate", sa.Float(), nullable=True))
        batch_op.add_column(
            sa.Column("video_codec", sa.String(length=32), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("audio_codec", sa.String(length=32), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("cover_path", sa.String(length=1000), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("media", schema=None) as batch_op:
        batch_op.drop_column("cover_path")
        batch_op.drop_column("audio_codec")
        batch_op.drop_column("video_codec")
        batch_op.drop_column("frame_rate")
        batch_op.drop_column("duration")
