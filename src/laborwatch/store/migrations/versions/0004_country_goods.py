"""Goods and countries of the US Department of Labor's list.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "country_goods",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "list_id",
            sa.String(64),
            sa.ForeignKey("lists.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("good", sa.Text, nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("child_labour", sa.Boolean, nullable=False),
        sa.Column("forced_labour", sa.Boolean, nullable=False),
        sa.Column("forced_child_labour", sa.Boolean, nullable=False),
        sa.Column("derived_from", sa.String(2)),
    )
    op.create_index(
        "ix_country_goods_country_good", "country_goods", ["country", "good"]
    )


def downgrade() -> None:
    op.drop_table("country_goods")
