"""Screening runs, kept so each can be shown and audited later.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "screenings",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("input_name", sa.Text, nullable=False),
        sa.Column("input_checksum", sa.String(64), nullable=False),
        sa.Column("laborwatch_version", sa.String(32), nullable=False),
        sa.Column("extractor_version", sa.String(32), nullable=False),
        sa.Column("lists", sa.JSON, nullable=False),
        sa.Column("config", sa.JSON, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("summary", sa.JSON, nullable=False),
    )
    op.create_table(
        "screening_rows",
        sa.Column(
            "screening_id",
            sa.Integer,
            sa.ForeignKey("screenings.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("row", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("level", sa.String(8), nullable=False),
        sa.Column("result", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("screening_rows")
    op.drop_table("screenings")
