"""Indexes for searching a million documents: the facets' lookups and the
listing of documents newest first, each of which a query plan showed scanning.

A country facet compares the first two letters of a place's key, a good, actor or
subdivision facet its key in lower case, a source facet the site in lower case:
an index on each expression lets both engines find the documents of a facet
(``facets.documents_within`` counts them to choose its plan). The search page
without words lists documents newest publication first, dateless last. The
index of facts by document adds kind and key, so a facet's check of a document
reads the index alone.

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

# Written out, not taken from tables.py, so this migration stays as it ran.
INDEXES = {
    "ix_facts_kind_country": "facts (kind, substr(key, 1, 2))",
    "ix_facts_kind_lower_key": "facts (kind, lower(key))",
    "ix_documents_lower_site": "documents (lower(site))",
}
# Newest publication first, dateless last: the order of the search page without
# words. SQLite sorts NULL lowest (and refuses NULLS LAST).
PUBLISHED = {
    "postgresql": "CREATE INDEX ix_documents_published ON documents"
    " (published DESC NULLS LAST, id)",
    "sqlite": "CREATE INDEX ix_documents_published_sqlite ON documents"
    " (published DESC, id)",
}


def upgrade() -> None:
    # A facet checks each candidate document's facts: with kind and key in the
    # index, the check reads the index alone.
    op.drop_index("ix_facts_document_id", "facts")
    op.create_index("ix_facts_document_id", "facts", ["document_id", "kind", "key"])
    for name, columns in INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON {columns}")
    op.execute(PUBLISHED[op.get_bind().dialect.name])
    # Both planners weigh an index by its statistics: without them a new index
    # looks more selective than the analysed ones and wins where it should not.
    op.execute("ANALYZE facts")
    op.execute("ANALYZE documents")


def downgrade() -> None:
    published = PUBLISHED[op.get_bind().dialect.name].split()[2]
    for name in [published, *reversed(INDEXES)]:
        op.execute(f"DROP INDEX {name}")
    op.drop_index("ix_facts_document_id", "facts")
    op.create_index("ix_facts_document_id", "facts", ["document_id"])
