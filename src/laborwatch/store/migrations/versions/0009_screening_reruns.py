"""A screening run may re-screen another run's input: ``rerun_of`` names that run.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain column, no foreign key: adding a constraint would make SQLite copy
    # and drop the table, which cascades to every screening's rows.
    with op.batch_alter_table("screenings", recreate="never") as batch:
        batch.add_column(sa.Column("rerun_of", sa.Integer, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("screenings", recreate="never") as batch:
        batch.drop_column("rerun_of")
