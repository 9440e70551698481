"""Sanctions and trade lists: one row per loaded list, its entries and their names.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "lists",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("format", sa.String(32), nullable=False),
        sa.Column("publisher", sa.Text, nullable=False),
        sa.Column("published", sa.Date),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("checksum", sa.String(64), nullable=False),
        sa.Column("sources", sa.JSON, nullable=False),
        sa.Column("entry_count", sa.Integer, nullable=False),
    )
    op.create_table(
        "list_entries",
        sa.Column(
            "list_id",
            sa.String(64),
            sa.ForeignKey("lists.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("entry_id", sa.String(128), primary_key=True),
        sa.Column("schema", sa.String(32), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("countries", sa.JSON, nullable=False),
        sa.Column("properties", sa.JSON, nullable=False),
    )
    op.create_table(
        "list_names",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("list_id", sa.String(64), nullable=False),
        sa.Column("entry_id", sa.String(128), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.ForeignKeyConstraint(
            ["list_id", "entry_id"],
            ["list_entries.list_id", "list_entries.entry_id"],
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_list_names_entry", "list_names", ["list_id", "entry_id"])


def downgrade() -> None:
    op.drop_table("list_names")
    op.drop_table("list_entries")
    op.drop_table("lists")
