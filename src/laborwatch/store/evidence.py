"""Storing extracted evidence, and replacing it atomically after an upgrade."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, select

from laborwatch.documents import Document, Sentence
from laborwatch.extract.evidence import Evidence
from laborwatch.store.database import Database
from laborwatch.store.tables import analyses, facts, incidents, indicators, sentences

_FACT_KEYS: dict[str, tuple[str, Callable[[Any], str | None]]] = {
    "actors": ("actor", lambda fact: fact.name),
    "places": ("place", lambda fact: fact.subdivision or fact.country),
    "goods": ("good", lambda fact: fact.good),
    "money": ("money", lambda fact: fact.currency),
    "victims": ("victim", lambda fact: fact.group),
    "dates": ("date", lambda fact: fact.value),
    "sources": ("source", lambda fact: fact.outlet or fact.speaker),
    "denials": ("denial", lambda fact: fact.by),
}


def write_sentences(connection: Connection, sentences_: list[Sentence]) -> None:
    if sentences_:
        connection.execute(
            sentences.insert(),
            [
                {
                    "document_id": sentence.document_id,
                    "position": sentence.position,
                    "start": sentence.start,
                    "end": sentence.end,
                    "page": sentence.page,
                    "text": sentence.text,
                }
                for sentence in sentences_
            ],
        )


def write_evidence(connection: Connection, evidence: Evidence) -> None:
    """Insert an analysis and its indicators, facts and incidents (no sentences)."""
    document_id = evidence.document_id
    connection.execute(
        analyses.insert().values(
            document_id=document_id,
            extractor_version=evidence.extractor_version,
            analysed=evidence.analysed,
            note=evidence.note,
            analysed_at=datetime.now(UTC),
        )
    )
    if evidence.indicators:
        connection.execute(
            indicators.insert(),
            [
                {
                    "document_id": document_id,
                    "sentence_position": i.span.sentence,
                    "code": i.code,
                    "cue": i.cue,
                    "start": i.span.start,
                    "end": i.span.end,
                    "confidence": i.confidence,
                    "model_confidence": i.model_confidence,
                    "rule": i.rule,
                }
                for i in evidence.indicators
            ],
        )
    rows = []
    for attribute, (kind, key) in _FACT_KEYS.items():
        for fact in getattr(evidence, attribute):
            detail = {k: v for k, v in dataclasses.asdict(fact).items() if k != "span"}
            rows.append(
                {
                    "document_id": document_id,
                    "sentence_position": fact.span.sentence,
                    "kind": kind,
                    "text": getattr(fact, "text", None) or getattr(fact, "name", ""),
                    "key": key(fact),
                    "start": fact.span.start,
                    "end": fact.span.end,
                    "detail": detail,
                }
            )
    if rows:
        connection.execute(facts.insert(), rows)
    if evidence.incidents:
        connection.execute(
            incidents.insert(),
            [
                {
                    "document_id": document_id,
                    "detail": _plain(dataclasses.asdict(incident)),
                }
                for incident in evidence.incidents
            ],
        )


def replace_evidence(
    database: Database, document: Document, evidence: Evidence
) -> None:
    """Swap a document's sentences and evidence for new ones, in one transaction."""
    with database.writing() as connection:
        for table in (incidents, facts, indicators, analyses, sentences):
            connection.execute(delete(table).where(table.c.document_id == document.id))
        write_sentences(connection, evidence.sentences)
        write_evidence(connection, evidence)


def count_indicators(database: Database) -> dict[str, int]:
    """How many sentences carry each indicator code, across stored documents."""
    from sqlalchemy import func

    query = (
        select(indicators.c.code, func.count())
        .group_by(indicators.c.code)
        .order_by(func.count().desc(), indicators.c.code)
    )
    with database.reading() as connection:
        return {code: count for code, count in connection.execute(query)}


def analysed_versions(database: Database) -> dict[str, str | None]:
    """Every stored document's id and the extractor version of its evidence."""
    from laborwatch.store.tables import documents

    query = select(documents.c.id, analyses.c.extractor_version).outerjoin(
        analyses, analyses.c.document_id == documents.c.id
    )
    with database.reading() as connection:
        return {row.id: row.extractor_version for row in connection.execute(query)}


def _plain(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def get_evidence(
    database: Database, document_id: str
) -> dict[str, list[dict[str, Any]]]:
    """A stored document's indicators and facts, in text order."""
    with database.reading() as connection:
        found = connection.execute(
            select(indicators)
            .where(indicators.c.document_id == document_id)
            .order_by(indicators.c.start)
        ).all()
        stored = connection.execute(
            select(facts)
            .where(facts.c.document_id == document_id)
            .order_by(facts.c.start)
        ).all()
    return {
        "indicators": [dict(row._asdict()) for row in found],
        "facts": [dict(row._asdict()) for row in stored],
    }
