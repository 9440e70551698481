"""Facets: narrow documents by indicator, place, good, actor, source and date,
and count what a set of documents holds. Portable SQL (no engine-specific parts)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import Select, func, select

from laborwatch.store.database import Database
from laborwatch.store.search import SearchHit
from laborwatch.store.tables import documents, facts, indicators

FACET_NAMES = ("indicator", "country", "subdivision", "good", "actor", "source")


@dataclass(frozen=True)
class Facets:
    indicator: str | None = None
    country: str | None = None
    subdivision: str | None = None
    good: str | None = None
    actor: str | None = None
    source: str | None = None
    published_from: str | None = None
    published_to: str | None = None

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


def filter_documents(database: Database, facets: Facets) -> set[str] | None:
    """Ids of the documents that have every facet asked for; None if none asked."""
    if not facets.any():
        return None
    with database.reading() as connection:
        return {
            str(document_id)
            for document_id in connection.execute(_filtered(facets)).scalars()
        }


def newest_documents(
    database: Database, facets: Facets, limit: int = 20, offset: int = 0
) -> list[SearchHit]:
    """The documents that have every facet asked for, newest publication first (those
    with no date last), as hits with no snippet: the search page with no words."""
    query = (
        select(
            documents.c.id, documents.c.title, documents.c.published, documents.c.site
        )
        .where(documents.c.id.in_(_filtered(facets)))
        .order_by(documents.c.published.desc().nulls_last(), documents.c.id)
        .limit(limit)
        .offset(offset)
    )
    with database.reading() as connection:
        return [
            SearchHit(
                row.id, row.title, "", 0.0, published=row.published, site=row.site
            )
            for row in connection.execute(query)
        ]


def _filtered(facets: Facets) -> Select[Any]:
    """The ids of the documents that have every facet in ``facets``."""
    query: Select[Any] = select(documents.c.id)
    if facets.indicator:
        query = query.where(
            documents.c.id.in_(
                select(indicators.c.document_id).where(
                    indicators.c.code == facets.indicator
                )
            )
        )
    for kind, value in (
        ("place", facets.country),
        ("place", facets.subdivision),
        ("good", facets.good),
        ("actor", facets.actor),
    ):
        if value:
            column = facts.c.key
            condition = (
                func.substr(column, 1, 2) == value.upper()
                if value is facets.country
                else func.lower(column) == value.lower()
            )
            query = query.where(
                documents.c.id.in_(
                    select(facts.c.document_id).where(facts.c.kind == kind, condition)
                )
            )
    if facets.source:
        query = query.where(func.lower(documents.c.site) == facets.source.lower())
    if facets.published_from:
        query = query.where(documents.c.published >= facets.published_from)
    if facets.published_to:
        # Up to the end of a year or month given: "2024-05-03" sorts after
        # "2024-05" but before "2024-05-99".
        query = query.where(documents.c.published <= facets.published_to + "-99")
    return query


def facet_counts(
    database: Database, document_ids: Iterable[str]
) -> dict[str, list[tuple[str, int]]]:
    """How many of the documents carry each indicator, country, good, actor, source."""
    ids = list(dict.fromkeys(document_ids))
    if not ids:
        return {name: [] for name in FACET_NAMES}
    counts: dict[str, list[tuple[str, int]]] = {}
    with database.reading() as connection:
        counts["indicator"] = _pairs(
            connection.execute(
                select(
                    indicators.c.code,
                    func.count(func.distinct(indicators.c.document_id)),
                )
                .where(indicators.c.document_id.in_(ids))
                .group_by(indicators.c.code)
            )
        )
        for name, kind, key in (
            ("country", "place", func.substr(facts.c.key, 1, 2)),
            ("subdivision", "place", facts.c.key),
            ("good", "good", facts.c.key),
        ):
            query = (
                select(key, func.count(func.distinct(facts.c.document_id)))
                .where(
                    facts.c.document_id.in_(ids),
                    facts.c.kind == kind,
                    facts.c.key.is_not(None),
                )
                .group_by(key)
            )
            pairs = _pairs(connection.execute(query))
            if name == "subdivision":
                pairs = [(value, n) for value, n in pairs if "-" in value]
            counts[name] = pairs
        counts["actor"] = _merged_case_variants(
            connection.execute(
                select(facts.c.key, facts.c.document_id)
                .distinct()
                .where(
                    facts.c.document_id.in_(ids),
                    facts.c.kind == "actor",
                    facts.c.key.is_not(None),
                )
            )
        )
        counts["source"] = _pairs(
            connection.execute(
                select(documents.c.site, func.count())
                .where(documents.c.id.in_(ids), documents.c.site.is_not(None))
                .group_by(documents.c.site)
            )
        )
    return counts


def _merged_case_variants(rows: Iterable[tuple[str, str]]) -> list[tuple[str, int]]:
    """Actor counts with case variants as one ("MINISTRY OF X", "Ministry of X"):
    the facet filters by name in any case, so they are one choice. Each counts
    its documents once, shown in the form most documents use (mixed case first)."""
    documents_of: dict[str, set[str]] = {}
    forms: dict[str, Counter[str]] = {}
    for name, document_id in rows:
        if not name:
            continue
        key = name.casefold()
        documents_of.setdefault(key, set()).add(document_id)
        forms.setdefault(key, Counter())[name] += 1
    return _pairs(
        (
            min(
                forms[key].items(),
                key=lambda form: (-form[1], form[0].isupper(), form[0]),
            )[0],
            len(ids),
        )
        for key, ids in documents_of.items()
    )


def _pairs(rows: Iterable[tuple[object, int]]) -> list[tuple[str, int]]:
    return sorted(
        ((str(value), int(n)) for value, n in rows if value),
        key=lambda pair: (-pair[1], pair[0]),
    )[:20]
