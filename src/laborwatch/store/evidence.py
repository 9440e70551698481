"""Storing extracted evidence, and replacing it atomically after an upgrade."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from itertools import islice
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, select

from laborwatch.documents import Document, Sentence
from laborwatch.extract.evidence import (
    Actor,
    CitedSource,
    DateMention,
    Denial,
    Evidence,
    Good,
    Incident,
    Indicator,
    Money,
    Place,
    Span,
    Victim,
    fact_fields,
)
from laborwatch.store.database import Database
from laborwatch.store.rows import document_rows
from laborwatch.store.tables import analyses, facts, incidents, indicators, sentences

if TYPE_CHECKING:  # documents.py imports this module to write evidence
    from laborwatch.store.documents import StoredDocument

_BATCH_ROWS = 5000
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
    _insert_in_batches(
        connection,
        sentences.insert(),
        (
            {
                "document_id": sentence.document_id,
                "position": sentence.position,
                "start": sentence.start,
                "end": sentence.end,
                "page": sentence.page,
                "text": sentence.text,
            }
            for sentence in sentences_
        ),
    )


def _insert_in_batches(
    connection: Connection, statement: Any, rows: Iterable[dict[str, Any]]
) -> None:
    """Insert rows a batch at a time: a long document has a hundred thousand
    sentences, and their parameters all at once would cost more than its analysis."""
    iterator = iter(rows)
    while batch := list(islice(iterator, _BATCH_ROWS)):
        connection.execute(statement, batch)


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
    _insert_in_batches(
        connection,
        indicators.insert(),
        (
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
        ),
    )
    _insert_in_batches(
        connection,
        facts.insert(),
        (
            {
                "document_id": document_id,
                "sentence_position": fact.span.sentence,
                "kind": kind,
                "text": getattr(fact, "text", None) or getattr(fact, "name", ""),
                "key": key(fact),
                "start": fact.span.start,
                "end": fact.span.end,
                "detail": fact_fields(fact),
            }
            for attribute, (kind, key) in _FACT_KEYS.items()
            for fact in getattr(evidence, attribute)
        ),
    )
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


# Each stored fact kind: the Evidence list it belongs to and its dataclass.
_FACT_CLASSES: dict[str, tuple[str, type[Any]]] = {
    "actor": ("actors", Actor),
    "place": ("places", Place),
    "good": ("goods", Good),
    "money": ("money", Money),
    "victim": ("victims", Victim),
    "date": ("dates", DateMention),
    "source": ("sources", CitedSource),
    "denial": ("denials", Denial),
}


def load_evidence(database: Database, stored: StoredDocument) -> Evidence:
    """A stored document's evidence as ``analyze`` returned it when it was stored;
    a document with no stored analysis is not analysed, with a note saying so."""
    document = stored.document
    with database.reading() as connection:
        analysis = connection.execute(
            select(analyses).where(analyses.c.document_id == document.id)
        ).first()
        indicator_rows = document_rows(connection, indicators, document.id)
        fact_rows = document_rows(connection, facts, document.id)
        incident_rows = document_rows(connection, incidents, document.id)
    evidence = Evidence(
        document.id,
        analysis.extractor_version if analysis else "",
        document.language,
        analysis.analysed if analysis else False,
        analysis.note if analysis else "no stored analysis: run reanalyze",
        sentences=list(stored.sentences),
    )
    for row in indicator_rows:
        evidence.indicators.append(
            Indicator(
                row.code,
                row.cue,
                Span(row.start, row.end, row.sentence_position),
                row.confidence,
                row.rule,
                row.model_confidence,
            )
        )
    for row in fact_rows:
        attribute, fact_class = _FACT_CLASSES[row.kind]
        getattr(evidence, attribute).append(
            _fact(
                fact_class, row.detail, Span(row.start, row.end, row.sentence_position)
            )
        )
    evidence.incidents = [
        Incident(**{key: tuple(value) for key, value in row.detail.items()})
        for row in incident_rows
    ]
    return evidence


def _fact(fact_class: type[Any], detail: dict[str, Any], span: Span) -> Any:
    """A fact from its stored fields; a field an older version did not store is
    None, and one a newer version dropped is left out."""
    fields = {
        field.name: field
        for field in dataclasses.fields(fact_class)
        if field.name != "span"
    }
    values = {
        name: detail.get(name)
        for name, field in fields.items()
        if name in detail
        or (
            field.default is dataclasses.MISSING
            and field.default_factory is dataclasses.MISSING
        )
    }
    return fact_class(**values, span=span)
