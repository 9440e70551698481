"""Facets: narrow documents by indicator, place, good, actor, source and date,
and count what a set of documents holds. Portable SQL (no engine-specific parts)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import and_, exists, func, select
from sqlalchemy.sql.elements import ColumnElement

from laborwatch.store.database import Database
from laborwatch.store.search import DocumentCondition, SearchHit
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


def documents_within(
    facets: Facets, codes: Iterable[str] = ()
) -> DocumentCondition | None:
    """The condition that a document has every facet asked for and carries every
    indicator code of ``codes``, for the search to apply to each candidate it
    ranks; None if nothing narrows.

    A condition on each document rather than the list of ids: a country holds
    hundreds of thousands of documents, too many to list for every search (or to
    send as parameters: SQLite takes 32,766, PostgreSQL 65,535)."""
    codes = list(dict.fromkeys(codes))
    if not facets.any() and not codes:
        return None
    return lambda document_id: and_(*_conditions(facets, codes, document_id))


def newest_documents(
    database: Database, facets: Facets, limit: int = 20, offset: int = 0
) -> list[SearchHit]:
    """The documents that have every facet asked for, newest publication first (those
    with no date last), as hits with no snippet: the search page with no words."""
    query = (
        select(
            documents.c.id, documents.c.title, documents.c.published, documents.c.site
        )
        .where(*_conditions(facets, (), documents.c.id))
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


def _conditions(
    facets: Facets, codes: Iterable[str], document_id: ColumnElement[Any]
) -> list[ColumnElement[bool]]:
    """What a document with id ``document_id`` must have to be within ``facets``
    and carry every code of ``codes``: one EXISTS each, looked up by document."""
    conditions: list[ColumnElement[bool]] = []
    for code in dict.fromkeys(
        [*([facets.indicator] if facets.indicator else []), *codes]
    ):
        conditions.append(
            exists().where(
                indicators.c.document_id == document_id, indicators.c.code == code
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
            conditions.append(
                exists().where(
                    facts.c.document_id == document_id, facts.c.kind == kind, condition
                )
            )
    about = documents.alias("about")
    narrowing = []
    if facets.source:
        narrowing.append(func.lower(about.c.site) == facets.source.lower())
    if facets.published_from:
        narrowing.append(about.c.published >= facets.published_from)
    if facets.published_to:
        # Up to the end of a year or month given: "2024-05-03" sorts after
        # "2024-05" but before "2024-05-99".
        narrowing.append(about.c.published <= facets.published_to + "-99")
    if narrowing:
        conditions.append(exists().where(about.c.id == document_id, *narrowing))
    return conditions


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
