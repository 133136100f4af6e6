"""Image rights: people, their consents, who appears in an image, the proof log.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import essplanner.models

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("contact", sa.String(length=300), nullable=False),
        sa.Column("minor", sa.Boolean(), nullable=False),
        sa.Column("guardian_name", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("erased_at", essplanner.models.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    op.create_table(
        "consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("all_networks", sa.Boolean(), nullable=False),
        sa.Column("platforms", sa.JSON(), nullable=False),
        sa.Column("website", sa.Boolean(), nullable=False),
        sa.Column("print_media", sa.Boolean(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("guardian_signed", sa.Boolean(), nullable=False),
        sa.Column("form_path", sa.String(length=1000), nullable=False),
        sa.Column("withdrawn_at", essplanner.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("withdrawal_note", sa.Text(), nullable=False),
        sa.Column("recorded_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"],
                                name=op.f("fk_consent_person_id_person"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
    )
    op.create_index(op.f("ix_consent_person_id"), "consent", ["person_id"])
    op.create_table(
        "photo",
        sa.Column("checksum", sa.String(length=64), nullable=False),
        sa.Column("no_person", sa.Boolean(), nullable=False),
        sa.Column("answered", sa.Boolean(), nullable=False),
        sa.Column("faces", sa.Integer(), nullable=True),
        sa.Column("updated_at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("checksum", name=op.f("pk_photo")),
    )
    op.create_table(
        "photo_person",
        sa.Column("checksum", sa.String(length=64), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["checksum"], ["photo.checksum"],
                                name=op.f("fk_photo_person_checksum_photo"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"],
                                name=op.f("fk_photo_person_person_id_person"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("checksum", "person_id", name=op.f("pk_photo_person")),
    )
    op.create_index(op.f("ix_photo_person_person_id"), "photo_person", ["person_id"])
    op.create_table(
        "consent_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("at", essplanner.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"],
                                name=op.f("fk_consent_record_person_id_person"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_record")),
    )
    op.create_index(op.f("ix_consent_record_person_id"), "consent_record", ["person_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_consent_record_person_id"), table_name="consent_record")
    op.drop_table("consent_record")
    op.drop_index(op.f("ix_photo_person_person_id"), table_name="photo_person")
    op.drop_table("photo_person")
    op.drop_table("photo")
    op.drop_index(op.f("ix_consent_person_id"), table_name="consent")
    op.drop_table("consent")
    op.drop_table("person")
