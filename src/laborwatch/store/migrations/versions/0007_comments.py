"""Column comments on PostgreSQL, as the table definitions give them.

A team's analysts read them with ``\\d+ table`` in psql. SQLite keeps no comments.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COMMENTS: list[tuple[str, str, sa.types.TypeEngine[Any], bool, str]] = [
    ("api_tokens", "role", sa.String(16), False, "viewer|editor|admin"),
    ("api_tokens", "token_sha256", sa.String(64), False, "never the token"),
    ("country_goods", "good", sa.Text(), False, "lower-cased DOL good name"),
    ("document_sources", "content_id", sa.String(64), False, "id of this copy's text"),
    (
        "document_sources",
        "relation",
        sa.String(16),
        False,
        "original|copy|near_duplicate",
    ),
    ("documents", "id", sa.String(64), False, "SHA-256 of the normalised text"),
    ("documents", "published", sa.String(10), True, "ISO 8601 date"),
    (
        "documents",
        "page_starts",
        sa.JSON(),
        True,
        "character offset of each page's start",
    ),
    ("list_names", "kind", sa.String(16), False, "name|alias|weak_alias"),
    ("lists", "checksum", sa.String(64), False, "SHA-256 of the list files"),
    ("screenings", "input_checksum", sa.String(64), False, "SHA-256 of the file"),
    (
        "screenings",
        "lists",
        sa.JSON(),
        False,
        "id, edition date, checksum of each list",
    ),
    ("screenings", "status", sa.String(16), False, "running|complete"),
]


def upgrade() -> None:
    _set_comments(add=True)


def downgrade() -> None:
    _set_comments(add=False)


def _set_comments(*, add: bool) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column, type_, nullable, comment in COMMENTS:
        op.alter_column(
            table,
            column,
            comment=comment if add else None,
            existing_comment=None if add else comment,
            existing_type=type_,
            existing_nullable=nullable,
        )
