"""Documents, their sources, sentences, MinHash bands and full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Search DDL is written out here, not imported, so this migration stays as it ran.
SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE document_fts USING fts5(document_id UNINDEXED, title, text,"
    " tokenize = 'porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN"
    " INSERT INTO document_fts (document_id, title, text)"
    " VALUES (new.id, coalesce(new.title, ''), new.text); END",
    "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN"
    " DELETE FROM document_fts WHERE document_id = old.id; END",
    "CREATE VIRTUAL TABLE sentence_fts USING fts5(text, content = 'sentences',"
    " content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN"
    " INSERT INTO sentence_fts (rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN"
    " INSERT INTO sentence_fts (sentence_fts, rowid, text)"
    " VALUES ('delete', old.id, old.text); END",
]
# PostgreSQL caps a tsvector at 1 MB; the first 200,000 characters of a document
# stay well under it, and its sentences are indexed in full.
POSTGRESQL_SEARCH = [
    "ALTER TABLE documents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    " setweight(to_tsvector('english', coalesce(title, '')), 'A') ||"
    " setweight(to_tsvector('english', left(text, 200000)), 'B')) STORED",
    "CREATE INDEX ix_documents_search ON documents USING gin (search_vector)",
    "ALTER TABLE sentences ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    " to_tsvector('english', text)) STORED",
    "CREATE INDEX ix_sentences_search ON sentences USING gin (search_vector)",
]


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("url", sa.Text),
        sa.Column("site", sa.Text),
        sa.Column("language", sa.String(16)),
        sa.Column("media_type", sa.String(64), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("char_count", sa.Integer, nullable=False),
        sa.Column("page_starts", sa.JSON),
        sa.Column("minhash", sa.LargeBinary, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_documents_ingested_at", "documents", ["ingested_at"])
    op.create_table(
        "document_sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "document_id",
            sa.String(64),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column("content_id", sa.String(64), nullable=False),
        sa.Column("relation", sa.String(16), nullable=False),
        sa.Column("similarity", sa.Float),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("document_id", "location", "content_id"),
    )
    op.create_index(
        "ix_document_sources_content_id", "document_sources", ["content_id"]
    )
    op.create_table(
        "sentences",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "document_id",
            sa.String(64),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("page", sa.Integer),
        sa.Column("text", sa.Text, nullable=False),
        sa.UniqueConstraint("document_id", "position"),
    )
    op.create_table(
        "minhash_bands",
        sa.Column("key", sa.BigInteger, primary_key=True),
        sa.Column(
            "document_id",
            sa.String(64),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    op.create_index("ix_minhash_bands_document_id", "minhash_bands", ["document_id"])
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_SEARCH, "postgresql": POSTGRESQL_SEARCH}.get(
        dialect, []
    ):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS sentence_fts")
        op.execute("DROP TABLE IF EXISTS document_fts")
    op.drop_table("minhash_bands")
    op.drop_table("sentences")
    op.drop_table("document_sources")
    op.drop_table("documents")
