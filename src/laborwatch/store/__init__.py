"""Store: the database. SQLite by default, PostgreSQL for teams; same code for both."""

from laborwatch.store.database import Database, open_database
from laborwatch.store.documents import (
    DocumentSummary,
    SaveResult,
    SourceRecord,
    StoredDocument,
    count_documents,
    get_document,
    list_documents,
    record_if_stored,
    save_document,
)
from laborwatch.store.search import SearchHit, search_documents, search_sentences

__all__ = [
    "Database",
    "DocumentSummary",
    "SaveResult",
    "SearchHit",
    "SourceRecord",
    "StoredDocument",
    "count_documents",
    "get_document",
    "list_documents",
    "open_database",
    "record_if_stored",
    "save_document",
    "search_documents",
    "search_sentences",
]
