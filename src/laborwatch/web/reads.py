"""What the API and the pages both read: search and browse with facet counts, an
entity, and the matcher over the loaded lists."""

from __future__ import annotations

import threading
from typing import Any

from fastapi import Request

from laborwatch.match import Matcher
from laborwatch.match import Query as NameQuery
from laborwatch.store import Database, search_documents, search_sentences
from laborwatch.store.facets import (
    Facets,
    documents_within,
    facet_counts,
    newest_documents,
)
from laborwatch.store.lists import list_lists, load_entries
from laborwatch.store.read_models import actor_mentions, co_mentioned
from laborwatch.store.search import SearchHit, describe_hits
from laborwatch.web.common import database

_FACET_DOCUMENTS = 200  # facets count over the best 200 matching documents


def run_search(
    db: Database, q: str, sentences: bool, limit: int, offset: int, facets: Facets
) -> tuple[list[SearchHit], dict[str, list[tuple[str, int]]]]:
    """The hits for a query within the facets, with their indicators and countries
    (``describe_hits``), and facet counts over all matches."""
    only = documents_within(db, facets)
    find = search_sentences if sentences else search_documents
    hits = describe_hits(db, find(db, q, limit=limit, offset=offset, only=only))
    matching = search_documents(
        db, q, limit=_FACET_DOCUMENTS, only=only, snippets=False
    )
    return hits, facet_counts(db, [hit.document_id for hit in matching])


def browse(
    db: Database, facets: Facets, offset: int
) -> tuple[list[SearchHit], dict[str, list[tuple[str, int]]]]:
    """The documents within the facets, newest first, 20 from ``offset``, described
    as search hits are, and facet counts over the newest of them."""
    hits = describe_hits(db, newest_documents(db, facets, limit=20, offset=offset))
    newest = newest_documents(db, facets, limit=_FACET_DOCUMENTS)
    return hits, facet_counts(db, [hit.document_id for hit in newest])


def entity_record(request: Request, name: str) -> dict[str, Any]:
    """An actor: its mentions across reports, its list hits, who it appears with."""
    db = database(request)
    mentions = actor_mentions(db, name)
    hits = matcher(request).match(NameQuery(name), limit=5)
    documents = list(dict.fromkeys(m["document_id"] for m in mentions))
    return {
        "name": name,
        "mentions": mentions,
        "list_hits": [hit.record() for hit in hits],
        "related": [
            {"name": other, "documents": n}
            for other, n in co_mentioned(db, documents, name)
        ],
    }


class Matchers:
    """The matcher over the loaded lists, rebuilt when their editions change.

    Lists are loaded and removed by other processes while the app runs; the lists
    table is small, so each request reads its (id, checksum, loaded at) rows and
    compares them with those the kept matcher was built from.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.editions: tuple[tuple[str, str, object], ...] | None = None
        self.matcher: Matcher | None = None

    def get(self, db: Database) -> Matcher:
        with self.lock:
            # Read before the entries: a list loaded in between changes the
            # editions again, so the next request rebuilds rather than keeps it.
            editions = tuple(
                (summary.id, summary.checksum, summary.loaded_at)
                for summary in list_lists(db)
            )
            if self.matcher is None or editions != self.editions:
                self.matcher = Matcher(load_entries(db))
                self.editions = editions
            return self.matcher


def matcher(request: Request) -> Matcher:
    return request.app.state.matchers.get(database(request))  # type: ignore[no-any-return]
