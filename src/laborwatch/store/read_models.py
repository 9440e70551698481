"""What the web's pages read from the stored evidence: counts for the map and the
dashboard, incidents with their documents, an actor's mentions and relations."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from laborwatch.store.database import Database
from laborwatch.store.tables import documents, facts, incidents, indicators, sentences


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
