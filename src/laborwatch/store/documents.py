"""Storing documents with their sentences and sources, and reading them back."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Connection, and_, func, select, text
from sqlalchemy.exc import IntegrityError

from laborwatch.documents import Document, Sentence
from laborwatch.errors import LaborwatchError, NotFound
from laborwatch.extract.evidence import Evidence
from laborwatch.ingest.fingerprint import band_keys, similarity
from laborwatch.store.database import Database, insert_or_ignore
from laborwatch.store.evidence import write_evidence, write_sentences
from laborwatch.store.rows import document_rows, from_row
from laborwatch.store.tables import (
    document_sources,
    documents,
    minhash_bands,
    sentences,
)

SaveOutcome = Literal["ingested", "duplicate", "near_duplicate"]
_ID_PREFIX = re.compile(r"^[0-9a-f]{4,64}$")
_ID_LENGTH = 64  # hex SHA-256


@dataclass(frozen=True)
class SaveResult:
    """What storing a document did. ``document_id`` is the stored document's id:
    for a duplicate, the document it duplicates."""

    outcome: SaveOutcome
    document_id: str
    similarity: float | None = None


@dataclass(frozen=True)
class SourceRecord:
    """One place a document was read from, and how that copy relates to it."""

    location: str
    content_id: str
    relation: str
    similarity: float | None
    seen_at: datetime


@dataclass(frozen=True)
class DocumentSummary:
    id: str
    title: str | None
    published: str | None
    site: str | None
    language: str | None
    media_type: str
    char_count: int
    sentence_count: int
    source: str
    ingested_at: datetime


@dataclass(frozen=True)
class StoredDocument:
    document: Document
    sentences: list[Sentence]
    sources: list[SourceRecord]
    ingested_at: datetime


def save_document(
    database: Database,
    document: Document,
    sentences_: list[Sentence],
    signature: bytes,
    *,
    near_duplicate_threshold: float,
    evidence: Evidence | None = None,
) -> SaveResult:
    """Store a document, its sentences and evidence in one transaction, unless held.

    An exact copy adds only its location; a near-duplicate of a stored document
    is recorded against that document and not stored as new evidence.
    """

    def attempt() -> SaveResult:
        with database.writing() as connection:
            result = _save(
                connection, document, sentences_, signature, near_duplicate_threshold
            )
            if result.outcome == "ingested" and evidence is not None:
                write_evidence(connection, evidence)
            return result

    try:
        return attempt()
    except IntegrityError:
        # Another writer stored the same text between our check and insert;
        # a second attempt finds it and records this copy against it.
        return attempt()


def _save(
    connection: Connection,
    document: Document,
    sentences_: list[Sentence],
    signature: bytes,
    threshold: float,
) -> SaveResult:
    now = datetime.now(UTC)
    keys = band_keys(signature)
    if connection.dialect.name == "postgresql":
        # Writers that could be storing the same or similar text share a band key:
        # lock the keys (in order, so no deadlock) until this transaction ends.
        # The checks below then see whatever the other writer committed. SQLite's
        # single writer (BEGIN IMMEDIATE) needs no such lock.
        connection.execute(
            text(
                "SELECT pg_advisory_xact_lock(key) FROM "
                "(SELECT unnest(CAST(:keys AS bigint[])) AS key ORDER BY 1) AS ordered"
            ),
            {"keys": sorted(set(keys))},
        )
    known = _record_copy(connection, document, now)
    if known:
        return known
    original = _find_near_duplicate(connection, signature, keys, threshold)
    if original:
        original_id, score = original
        _add_source(connection, original_id, document, "near_duplicate", score, now)
        return SaveResult("near_duplicate", original_id, score)

    connection.execute(
        documents.insert().values(
            **document.stored_fields(),
            char_count=len(document.text),
            page_starts=list(document.pages) or None,
            minhash=signature,
            ingested_at=now,
        )
    )
    write_sentences(connection, sentences_)
    connection.execute(
        minhash_bands.insert(),
        [{"key": key, "document_id": document.id} for key in keys],
    )
    _add_source(connection, document.id, document, "original", None, now)
    return SaveResult("ingested", document.id)


def record_if_stored(database: Database, document: Document) -> SaveResult | None:
    """Record a copy of text already stored (as a document or a near-duplicate)
    against what it copies, and say so; ``None`` when the text is new.

    Ingest asks before extraction, so a copy costs a lookup, not an analysis. New
    text, the common case, is answered by a read: no write lock is taken.
    """
    with database.reading() as connection:
        if _copied(connection, document.id) is None:
            return None
    with database.writing() as connection:
        return _record_copy(connection, document, datetime.now(UTC))


def _record_copy(
    connection: Connection, document: Document, now: datetime
) -> SaveResult | None:
    copied = _copied(connection, document.id)
    if copied is not None:
        relation = "copy" if copied.outcome == "duplicate" else "near_duplicate"
        _add_source(
            connection, copied.document_id, document, relation, copied.similarity, now
        )
    return copied


def _copied(connection: Connection, content_id: str) -> SaveResult | None:
    """What text with this id copies: the stored document itself, or the original
    of a near-duplicate stored before; None when it is new."""
    if connection.scalar(select(documents.c.id).where(documents.c.id == content_id)):
        return SaveResult("duplicate", content_id)
    earlier = connection.execute(
        select(document_sources.c.document_id, document_sources.c.similarity)
        .where(document_sources.c.content_id == content_id)
        .limit(1)
    ).first()
    if earlier is None:
        return None
    return SaveResult("near_duplicate", earlier.document_id, earlier.similarity)


def _find_near_duplicate(
    connection: Connection,
    signature: bytes,
    keys: list[int],
    threshold: float,
) -> tuple[str, float] | None:
    candidates = connection.execute(
        select(documents.c.id, documents.c.minhash)
        .where(
            documents.c.id.in_(
                select(minhash_bands.c.document_id).where(minhash_bands.c.key.in_(keys))
            )
        )
        .order_by(documents.c.ingested_at, documents.c.id)
    ).all()
    best: tuple[str, float] | None = None
    for candidate_id, candidate_signature in candidates:
        score = similarity(signature, candidate_signature)
        if score >= threshold and (best is None or score > best[1]):
            best = (candidate_id, score)
    return best


def _add_source(
    connection: Connection,
    document_id: str,
    copy: Document,
    relation: str,
    score: float | None,
    now: datetime,
) -> None:
    connection.execute(
        insert_or_ignore(connection, document_sources).values(
            document_id=document_id,
            location=copy.source,
            content_id=copy.id,
            relation=relation,
            similarity=score,
            seen_at=now,
        )
    )


def list_documents(
    database: Database, *, limit: int = 50, offset: int = 0
) -> list[DocumentSummary]:
    """Stored documents, most recently ingested first."""
    sentence_count = (
        select(func.count())
        .where(sentences.c.document_id == documents.c.id)
        .correlate(documents)
        .scalar_subquery()
    )
    first_source = (
        select(func.min(document_sources.c.location))
        .where(
            document_sources.c.document_id == documents.c.id,
            document_sources.c.relation == "original",
        )
        .correlate(documents)
        .scalar_subquery()
    )
    query = (
        select(
            documents.c.id,
            documents.c.title,
            documents.c.published,
            documents.c.site,
            documents.c.language,
            documents.c.media_type,
            documents.c.char_count,
            sentence_count.label("sentence_count"),
            first_source.label("source"),
            documents.c.ingested_at,
        )
        .order_by(documents.c.ingested_at.desc(), documents.c.id)
        .limit(limit)
        .offset(offset)
    )
    with database.reading() as connection:
        return [DocumentSummary(**row._asdict()) for row in connection.execute(query)]


def count_documents(database: Database) -> dict[str, int]:
    """How many documents, sentences and recorded duplicates are stored."""
    with database.reading() as connection:
        return {
            "documents": connection.scalar(select(func.count()).select_from(documents))
            or 0,
            "sentences": connection.scalar(select(func.count()).select_from(sentences))
            or 0,
            "duplicates": connection.scalar(
                select(func.count())
                .select_from(document_sources)
                .where(document_sources.c.relation != "original")
            )
            or 0,
        }


def get_document(database: Database, id_or_prefix: str) -> StoredDocument:
    """A stored document by its id or a unique prefix of at least 4 characters."""
    key = id_or_prefix.strip().lower()
    if not _ID_PREFIX.match(key):
        raise LaborwatchError(
            f"{id_or_prefix}: not a document id (hex SHA-256 or a prefix)"
        )
    with database.reading() as connection:
        # A whole id is looked up as one; a prefix as a range of the primary key
        # too, which both engines search by index (LIKE alone scans the table:
        # SQLite's LIKE ignores case, PostgreSQL's needs the C collation).
        matching = (
            documents.c.id == key
            if len(key) == _ID_LENGTH
            else and_(
                documents.c.id >= key,
                documents.c.id < key + "g",
                documents.c.id.startswith(key, autoescape=True),
            )
        )
        rows = connection.execute(select(documents).where(matching).limit(2)).all()
        if not rows:
            raise NotFound(f"{id_or_prefix}: no such document")
        if len(rows) > 1:
            raise LaborwatchError(
                f"{id_or_prefix}: ambiguous prefix, give more characters"
            )
        row = rows[0]
        sentence_rows = document_rows(connection, sentences, row.id, "position")
        source_rows = document_rows(connection, document_sources, row.id)
    originals = [s.location for s in source_rows if s.relation == "original"]
    return StoredDocument(
        document=_document_from_row(row, originals[0] if originals else ""),
        sentences=[from_row(Sentence, s) for s in sentence_rows],
        sources=[
            SourceRecord(s.location, s.content_id, s.relation, s.similarity, s.seen_at)
            for s in source_rows
        ],
        ingested_at=row.ingested_at,
    )


def _document_from_row(row: Any, source: str) -> Document:
    return from_row(Document, row, source=source, pages=tuple(row.page_starts or ()))
