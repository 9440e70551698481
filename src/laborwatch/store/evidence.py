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
        indicator_rows = connection.execute(
            select(indicators)
            .where(indicators.c.document_id == document.id)
            .order_by(indicators.c.id)
        ).all()
        fact_rows = connection.execute(
            select(facts).where(facts.c.document_id == document.id).order_by(facts.c.id)
        ).all()
        incident_rows = connection.execute(
            select(incidents.c.detail)
            .where(incidents.c.document_id == document.id)
            .order_by(incidents.c.id)
        ).all()
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


def map_counts(database: Database) -> dict[str, Any]:
    """Documents with evidence per country, per subdivision (ISO 3166-2 code) and
    per located place (subdivision or city, with the gazetteer's coordinates), for
    the map; a place a report names only as where goods go is not counted."""
    evidenced = select(indicators.c.document_id).distinct()
    with database.reading() as connection:
        rows = connection.execute(
            select(facts.c.document_id, facts.c.key, facts.c.detail).where(
                facts.c.kind == "place", facts.c.document_id.in_(evidenced)
            )
        ).all()
    countries: dict[str, set[str]] = {}
    subdivisions: dict[str, set[str]] = {}
    points: dict[str, dict[str, Any]] = {}
    for document_id, key, detail in rows:
        # Where goods go is not where the work is: the map leaves destinations out.
        if not key or detail.get("role") == "destination":
            continue
        countries.setdefault(key[:2], set()).add(document_id)
        # A city's key is its subdivision's code where the gazetteer knows it, so
        # a report naming Sunchon counts for South Pyongan (KP-02) too.
        if "-" in key:
            subdivisions.setdefault(key.upper(), set()).add(document_id)
        latitude, longitude = detail.get("latitude"), detail.get("longitude")
        if (detail.get("subdivision") or detail.get("city")) and latitude is not None:
            name = detail.get("city") or detail.get("text")
            point = points.setdefault(
                key + (name or ""),
                {
                    "name": name,
                    "code": key,
                    "latitude": latitude,
                    "longitude": longitude,
                    "documents": set(),
                },
            )
            point["documents"].add(document_id)
    return {
        "countries": {code: len(ids) for code, ids in countries.items()},
        "subdivisions": {code: len(ids) for code, ids in subdivisions.items()},
        "points": [{**p, "documents": len(p["documents"])} for p in points.values()],
    }


def incident_records(
    database: Database, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Incidents with their document's id and title, newest documents first."""
    from laborwatch.store.tables import documents

    query = (
        select(
            incidents.c.id,
            incidents.c.document_id,
            incidents.c.detail,
            documents.c.title,
            documents.c.published,
        )
        .join(documents, documents.c.id == incidents.c.document_id)
        .order_by(documents.c.ingested_at.desc(), incidents.c.id)
        .limit(limit)
        .offset(offset)
    )
    with database.reading() as connection:
        return [
            {
                "id": row.id,
                "document_id": row.document_id,
                "title": row.title,
                "published": row.published,
                **row.detail,
            }
            for row in connection.execute(query)
        ]


def actor_mentions(database: Database, name: str) -> list[dict[str, Any]]:
    """Every mention of an actor (by name, any case) with its sentence and document."""
    from sqlalchemy import func

    from laborwatch.store.tables import documents

    query = (
        select(
            facts.c.document_id,
            facts.c.key,
            facts.c.detail,
            sentences.c.text,
            documents.c.title,
        )
        .join(documents, documents.c.id == facts.c.document_id)
        .join(
            sentences,
            (sentences.c.document_id == facts.c.document_id)
            & (sentences.c.position == facts.c.sentence_position),
        )
        .where(facts.c.kind == "actor", func.lower(facts.c.key) == name.lower())
        .limit(200)
    )
    with database.reading() as connection:
        return [
            {
                "document_id": r.document_id,
                "title": r.title,
                "name": r.key,
                "kind": r.detail.get("kind"),
                "role": r.detail.get("role"),
                "sentence": r.text,
            }
            for r in connection.execute(query)
        ]


def co_mentioned(
    database: Database, document_ids: list[str], name: str
) -> list[tuple[str, int]]:
    """Actors named in the same documents as ``name``: the entity's relations."""
    from sqlalchemy import func

    if not document_ids:
        return []
    query = (
        select(facts.c.key, func.count(func.distinct(facts.c.document_id)))
        .where(
            facts.c.kind == "actor",
            facts.c.document_id.in_(document_ids),
            func.lower(facts.c.key) != name.lower(),
        )
        .group_by(facts.c.key)
        .order_by(func.count(func.distinct(facts.c.document_id)).desc())
        .limit(12)
    )
    with database.reading() as connection:
        return [(str(key), int(n)) for key, n in connection.execute(query)]


def dashboard_counts(database: Database) -> dict[str, list[tuple[str, int]]]:
    """Reports with evidence by country, by good and by year of publication."""
    from sqlalchemy import func

    from laborwatch.store.tables import documents

    evidenced = select(indicators.c.document_id).distinct()
    with database.reading() as connection:

        def grouped(column: Any, *conditions: Any) -> list[tuple[str, int]]:
            query = (
                select(column, func.count(func.distinct(facts.c.document_id)))
                .where(facts.c.document_id.in_(evidenced), *conditions)
                .group_by(column)
                .order_by(func.count(func.distinct(facts.c.document_id)).desc())
                .limit(15)
            )
            return [
                (str(value), int(n)) for value, n in connection.execute(query) if value
            ]

        by_country = grouped(func.substr(facts.c.key, 1, 2), facts.c.kind == "place")
        by_good = grouped(facts.c.key, facts.c.kind == "good")
        year = func.substr(documents.c.published, 1, 4)
        by_year = [
            (str(value), int(n))
            for value, n in connection.execute(
                select(year, func.count())
                .where(
                    documents.c.id.in_(evidenced), documents.c.published.is_not(None)
                )
                .group_by(year)
                .order_by(year)
            )
            if value
        ]
    return {"by_country": by_country, "by_good": by_good, "by_year": by_year}
