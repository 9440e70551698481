"""Extracted evidence: analyses, indicators, facts and incidents.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _document_id() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        "document_id",
        sa.String(64),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "analyses",
        sa.Column(
            "document_id",
            sa.String(64),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("extractor_version", sa.String(32), nullable=False),
        sa.Column("analysed", sa.Boolean, nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("analysed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "indicators",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _document_id(),
        sa.Column("sentence_position", sa.Integer, nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("cue", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("model_confidence", sa.Float),
        sa.Column("rule", sa.Text, nullable=False),
    )
    op.create_index("ix_indicators_document_id", "indicators", ["document_id"])
    op.create_index("ix_indicators_code", "indicators", ["code"])
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _document_id(),
        sa.Column("sentence_position", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("key", sa.Text),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("detail", sa.JSON, nullable=False),
    )
    op.create_index("ix_facts_document_id", "facts", ["document_id"])
    op.create_index("ix_facts_kind_key", "facts", ["kind", "key"])
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _document_id(),
        sa.Column("detail", sa.JSON, nullable=False),
    )
    op.create_index("ix_incidents_document_id", "incidents", ["document_id"])


def downgrade() -> None:
    op.drop_table("incidents")
    op.drop_table("facts")
    op.drop_table("indicators")
    op.drop_table("analyses")
