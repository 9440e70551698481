"""Stored sentences read by reference (document id and position), with their
documents' titles: what a page shows to open a row's evidence."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select, tuple_

from laborwatch.store.database import Database
from laborwatch.store.tables import documents, sentences

# Placeholders per query stay well under SQLite's and PostgreSQL's limits.
_BATCH = 400


def sentence_texts(
    database: Database, refs: Iterable[tuple[str, int]]
) -> dict[tuple[str, int], str]:
    """The text of each (document id, position) that is stored."""
    wanted = list(dict.fromkeys(refs))
    found: dict[tuple[str, int], str] = {}
    with database.reading() as connection:
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start : start + _BATCH]
            rows = connection.execute(
                select(
                    sentences.c.document_id, sentences.c.position, sentences.c.text
                ).where(
                    tuple_(sentences.c.document_id, sentences.c.position).in_(batch)
                )
            )
            for document_id, position, text in rows:
                found[(document_id, position)] = text
    return found


def document_titles(
    database: Database, document_ids: Iterable[str]
) -> dict[str, str | None]:
    """Each stored document's title (None where it has none)."""
    wanted = list(dict.fromkeys(document_ids))
    found: dict[str, str | None] = {}
    with database.reading() as connection:
        for start in range(0, len(wanted), _BATCH):
            rows = connection.execute(
                select(documents.c.id, documents.c.title).where(
                    documents.c.id.in_(wanted[start : start + _BATCH])
                )
            )
            found.update({document_id: title for document_id, title in rows})
    return found
