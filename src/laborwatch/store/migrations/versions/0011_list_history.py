"""List editions and the entries each added or removed; watched screenings.

Each list already loaded becomes its first edition, a baseline with no changes
recorded: its earlier history was never stored, and none is invented.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
# Chained after 0010 (feeds) when both are merged.
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    editions = op.create_table(
        "list_editions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("list_id", sa.String(64), nullable=False),
        sa.Column(
            "number", sa.Integer, nullable=False, comment="1, 2, ... within its list"
        ),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("published", sa.Date),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("checksum", sa.String(64), nullable=False),
        sa.Column("entry_count", sa.Integer, nullable=False),
        sa.Column("added", sa.Integer, nullable=False),
        sa.Column("removed", sa.Integer, nullable=False),
        sa.Column(
            "baseline",
            sa.Boolean,
            nullable=False,
            comment="no earlier edition stored to compare with: no changes recorded",
        ),
        sa.UniqueConstraint("list_id", "number"),
    )
    op.create_table(
        "list_edition_changes",
        sa.Column(
            "edition_id",
            sa.Integer,
            sa.ForeignKey("list_editions.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("entry_id", sa.String(128), primary_key=True),
        sa.Column("change", sa.String(8), nullable=False, comment="added|removed"),
        sa.Column("schema", sa.String(32), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
    )
    op.create_index(
        "ix_list_edition_changes_entry", "list_edition_changes", ["entry_id"]
    )
    lists = sa.table(
        "lists",
        *(
            sa.column(name)
            for name in (
                "id",
                "title",
                "published",
                "loaded_at",
                "checksum",
                "entry_count",
            )
        ),
    )
    op.execute(
        editions.insert().from_select(
            [
                "list_id",
                "number",
                "title",
                "published",
                "loaded_at",
                "checksum",
                "entry_count",
                "added",
                "removed",
                "baseline",
            ],
            sa.select(
                lists.c.id,
                sa.literal(1),
                lists.c.title,
                lists.c.published,
                lists.c.loaded_at,
                lists.c.checksum,
                lists.c.entry_count,
                sa.literal(0),
                sa.literal(0),
                sa.true(),
            ),
        )
    )
    # A plain column with a default, no table copy (see 0009).
    with op.batch_alter_table("screenings", recreate="never") as batch:
        batch.add_column(
            sa.Column("watched", sa.Boolean, nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("screenings", recreate="never") as batch:
        batch.drop_column("watched")
    op.drop_index("ix_list_edition_changes_entry", "list_edition_changes")
    op.drop_table("list_edition_changes")
    op.drop_table("list_editions")
