"""Search within facets, each hit with what a reader needs to judge it: the
document's date and countries, and the indicator codes of its sentence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select

from laborwatch.extract.indicators import CODES
from laborwatch.store.database import Database
from laborwatch.store.facets import Facets, filter_documents
from laborwatch.store.search import SearchHit, search_documents, search_sentences
from laborwatch.store.tables import documents, facts, indicators


@dataclass(frozen=True)
class DescribedHit:
    """A search hit; ``indicators`` are its sentence's codes (a document hit: its
    document's), ``countries`` the document's, most mentioned first."""

    hit: SearchHit
    published: str | None
    countries: tuple[str, ...]
    indicators: tuple[str, ...]


def search_within(
    database: Database,
    query: str,
    facets: Facets,
    *,
    codes: Iterable[str] = (),
    sentences: bool = False,
    limit: int = 20,
    offset: int = 0,
) -> list[DescribedHit]:
    """The documents (or sentences) matching the query within the facets, and
    carrying every indicator code of ``codes`` besides, best first, described."""
    only = filter_documents(database, facets)
    # Each code narrows as the facet does: a document must carry all of them.
    for code in dict.fromkeys(codes):
        having = filter_documents(database, replace(facets, indicator=code))
        only = having if only is None or having is None else only & having
    find = search_sentences if sentences else search_documents
    hits = find(database, query, limit=limit, offset=offset, only=only)
    return describe_hits(database, hits)


def describe_hits(database: Database, hits: Sequence[SearchHit]) -> list[DescribedHit]:
    """Each hit with its document's date and countries and its indicator codes."""
    ids = sorted({hit.document_id for hit in hits})
    if not ids:
        return []
    with database.reading() as connection:
        published = {
            row.id: row.published
            for row in connection.execute(
                select(documents.c.id, documents.c.published).where(
                    documents.c.id.in_(ids)
                )
            )
        }
        places = connection.execute(
            select(facts.c.document_id, facts.c.key, facts.c.detail).where(
                facts.c.document_id.in_(ids),
                facts.c.kind == "place",
                facts.c.key.is_not(None),
            )
        ).all()
        coded = connection.execute(
            select(
                indicators.c.document_id,
                indicators.c.sentence_position,
                indicators.c.code,
            ).where(indicators.c.document_id.in_(ids))
        ).all()
    countries: dict[str, Counter[str]] = {}
    for document_id, key, detail in places:
        # Where goods go is not where the work is, as on the map.
        if (detail or {}).get("role") != "destination":
            countries.setdefault(document_id, Counter())[key[:2]] += 1
    by_document: dict[str, set[str]] = {}
    by_sentence: dict[tuple[str, int], set[str]] = {}
    for document_id, position, code in coded:
        by_document.setdefault(document_id, set()).add(code)
        by_sentence.setdefault((document_id, position), set()).add(code)
    described = []
    for hit in hits:
        found = (
            by_document.get(hit.document_id, set())
            if hit.sentence_position is None
            else by_sentence.get((hit.document_id, hit.sentence_position), set())
        )
        counted = countries.get(hit.document_id, Counter())
        described.append(
            DescribedHit(
                hit=hit,
                published=published.get(hit.document_id),
                countries=tuple(
                    code
                    for code, _ in sorted(
                        counted.items(), key=lambda pair: (-pair[1], pair[0])
                    )
                ),
                indicators=tuple(sorted(found, key=_code_order)),
            )
        )
    return described


def _code_order(code: str) -> tuple[int, str]:
    return (CODES.index(code) if code in CODES else len(CODES), code)
