"""Screening runs record their process and a heartbeat, so a run whose process is
gone shows as interrupted, and the error that stopped a failed run.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STATUS = "running|complete|failed|interrupted"
_OLD_STATUS = "running|complete"


def upgrade() -> None:
    with op.batch_alter_table("screenings") as batch:
        batch.add_column(sa.Column("host", sa.Text, nullable=True))
        batch.add_column(sa.Column("pid", sa.Integer, nullable=True))
        batch.add_column(
            sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch.add_column(sa.Column("error", sa.Text, nullable=True))
    _comment(_STATUS, _OLD_STATUS)


def downgrade() -> None:
    _comment(_OLD_STATUS, _STATUS)
    # ALTER TABLE DROP COLUMN, not a copy of the table: dropping the old table
    # would cascade to every screening's rows while foreign keys are on.
    with op.batch_alter_table("screenings", recreate="never") as batch:
        batch.drop_column("error")
        batch.drop_column("updated_at")
        batch.drop_column("pid")
        batch.drop_column("host")


def _comment(new: str, old: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite keeps no comments
    op.alter_column(
        "screenings",
        "status",
        comment=new,
        existing_comment=old,
        existing_type=sa.String(16),
        existing_nullable=False,
    )
