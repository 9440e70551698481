"""Search within facets, each hit described as a reader needs to judge it
(``search.describe_hits``: the indicator codes of its sentence and the countries
its document names)."""

from __future__ import annotations

from collections.abc import Iterable

from laborwatch.store.database import Database
from laborwatch.store.facets import Facets, documents_within
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
    # Each code narrows as the facet does: a document must carry all of them.
    only = documents_within(database, facets, codes)
    find = search_sentences if sentences else search_documents
    hits = find(database, query, limit=limit, offset=offset, only=only)
    return describe_hits(database, hits)
