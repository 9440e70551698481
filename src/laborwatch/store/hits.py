"""Search within facets, each hit described as a reader needs to judge it
(``search.describe_hits``: the indicator codes of its sentence and the countries
its document names)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from laborwatch.store.database import Database
from laborwatch.store.facets import Facets, filter_documents
from laborwatch.store.search import (
    SearchHit,
    describe_hits,
    search_documents,
    search_sentences,
)


def search_within(
    database: Database,
    query: str,
    facets: Facets,
    *,
    codes: Iterable[str] = (),
    sentences: bool = False,
    limit: int = 20,
    offset: int = 0,
) -> list[SearchHit]:
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
