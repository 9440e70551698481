"""Facets: narrow documents by indicator, place, good, actor, source and date,
and count what a set of documents holds. Portable SQL (no engine-specific parts)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, exists, func, select, true
from sqlalchemy.sql.elements import ColumnElement

from laborwatch.store.database import Database
from laborwatch.store.search import DocumentCondition, SearchHit
from laborwatch.store.tables import country_of, documents, facts, indicators

FACET_NAMES = ("indicator", "country", "subdivision", "good", "actor", "source")
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_DATE = re.compile(DATE_PATTERN)


# What is said of a date that names no day, wherever one is taken.
NOT_A_DATE = "not a date (YYYY, YYYY-MM or YYYY-MM-DD)"


def is_date(text: str) -> bool:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a real day: "2024-13-45"
    would compare as a string and silently keep nothing."""
    if not _DATE.match(text):
        return False
    year, month, day = (int(part) for part in (text + "-01-01").split("-")[:3])
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Facets:
    """What a search is narrowed to; None leaves a facet open."""

    indicator: str | None = None  # an indicator code
    country: str | None = None  # ISO 3166-1 alpha-2
    subdivision: str | None = None  # ISO 3166-2
    good: str | None = None  # a good's name in data/goods.csv
    actor: str | None = None  # an actor's name, any case
    source: str | None = None  # the site or publisher, any case
    published_from: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    published_to: str | None = None

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


# A facet holding fewer documents than this is listed once, as a subquery, rather
# than checked for each candidate: a rare actor with a common word would
# otherwise check every match of the word (see ``documents_within``).
FEW_DOCUMENTS = 5_000


def documents_within(
    database: Database, facets: Facets, codes: Iterable[str] = ()
) -> DocumentCondition | None:
    """The condition that a document has every facet asked for and carries every
    indicator code of ``codes``, for a search to apply to its candidates; None if
    nothing narrows.

    Each requirement is counted first (up to FEW_DOCUMENTS, by index): one held
    by few documents becomes ``id IN (those documents)``; one held by many, an
    EXISTS checked for each candidate, which finds the newest matches of a
    common word within a common facet after a few checks. Never a list of ids
    as parameters: a country holds hundreds of thousands of documents, more
    than SQLite (32,766 by default) or psycopg (65,535) take."""
    requirements = _requirements(facets, codes)
    if not requirements:
        return None
    with database.reading() as connection:
        few = [
            connection.execute(
                select(func.count()).select_from(query.limit(FEW_DOCUMENTS).subquery())
            ).scalar_one()
            < FEW_DOCUMENTS
            for query, _ in requirements
        ]

    def condition(document_id: ColumnElement[Any]) -> ColumnElement[bool]:
        return and_(
            *(
                document_id.in_(query)
                if is_few
                else exists(query.where(column == document_id))
                for (query, column), is_few in zip(requirements, few, strict=True)
            )
        )

    return condition


def newest_documents(
    database: Database, facets: Facets, limit: int = 20, offset: int = 0
) -> list[SearchHit]:
    """The documents that have every facet asked for, newest publication first (those
    with no date last), as hits with no snippet: the search page with no words."""
    within = documents_within(database, facets)
    query = (
        select(
            documents.c.id, documents.c.title, documents.c.published, documents.c.site
        )
        .where(within(documents.c.id) if within else true())
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


def _requirements(
    facets: Facets, codes: Iterable[str]
) -> list[tuple[Select[Any], ColumnElement[Any]]]:
    """The documents each facet (and each code of ``codes``) requires, as a query
    of their ids and the column of those ids, one per facet: each is found by an
    index (migration 0013)."""
    requirements: list[tuple[Select[Any], ColumnElement[Any]]] = []
    wanted = [facets.indicator] if facets.indicator else []
    for code in dict.fromkeys([*wanted, *codes]):
        requirements.append(
            (
                select(indicators.c.document_id).where(indicators.c.code == code),
                indicators.c.document_id,
            )
        )
    for kind, value in (
        ("place", facets.country),
        ("place", facets.subdivision),
        ("good", facets.good),
        ("actor", facets.actor),
    ):
        if value:
            condition = (
                country_of(facts.c.key) == value.upper()
                if value is facets.country
                else func.lower(facts.c.key) == value.lower()
            )
            requirements.append(
                (
                    select(facts.c.document_id).where(facts.c.kind == kind, condition),
                    facts.c.document_id,
                )
            )
    # A subquery of its own, so a search's documents (or the listing's) are
    # checked against it, not joined to it.
    about = documents.alias("about")
    if facets.source:
        requirements.append(
            (
                select(about.c.id).where(
                    func.lower(about.c.site) == facets.source.lower()
                ),
                about.c.id,
            )
        )
    dates = []
    if facets.published_from:
        dates.append(about.c.published >= facets.published_from)
    if facets.published_to:
        # Up to the end of a year or month given: "2024-05-03" sorts after
        # "2024-05" but before "2024-05-99".
        dates.append(about.c.published <= facets.published_to + "-99")
    if dates:
        requirements.append((select(about.c.id).where(*dates), about.c.id))
    return requirements


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
        # One query for the facts' facets, counted here: four round trips, each
        # reading the same rows, cost more than the counting.
        rows = connection.execute(
            select(facts.c.kind, facts.c.key, facts.c.document_id)
            .distinct()
            .where(
                facts.c.document_id.in_(ids),
                facts.c.kind.in_(["place", "good", "actor"]),
                facts.c.key.is_not(None),
            )
        ).all()
        documents_of: dict[tuple[str, str], set[str]] = {}
        for kind, key, document_id in rows:
            if kind == "place":
                documents_of.setdefault(("country", key[:2]), set()).add(document_id)
                if "-" in key:
                    documents_of.setdefault(("subdivision", key), set()).add(
                        document_id
                    )
            elif kind == "good":
                documents_of.setdefault(("good", key), set()).add(document_id)
        for name in ("country", "subdivision", "good"):
            counts[name] = _pairs(
                (value, len(found))
                for (facet, value), found in documents_of.items()
                if facet == name
            )
        counts["actor"] = _merged_case_variants(
            (key, document_id) for kind, key, document_id in rows if kind == "actor"
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
