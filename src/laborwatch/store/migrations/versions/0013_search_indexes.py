"""An index for listing documents newest publication first, dateless last: the
search page without words (a dashboard bar, a country on the map), which a query
plan showed sorting every document within the facets.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-28
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Newest publication first, dateless last: the order of the search page without
# words. SQLite sorts NULL lowest (and refuses NULLS LAST).
PUBLISHED = {
    "postgresql": "CREATE INDEX ix_documents_published ON documents"
    " (published DESC NULLS LAST, id)",
    "sqlite": "CREATE INDEX ix_documents_published_sqlite ON documents"
    " (published DESC, id)",
}


def upgrade() -> None:
    op.execute(PUBLISHED[op.get_bind().dialect.name])


def downgrade() -> None:
    op.execute(f"DROP INDEX {PUBLISHED[op.get_bind().dialect.name].split()[2]}")
