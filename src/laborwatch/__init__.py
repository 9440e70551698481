"""laborwatch: sourced evidence of forced and child labour, and supply-chain screening.

The Python API mirrors the CLI::

    from laborwatch import Settings, open_database, ingest_paths, search_sentences

    settings = Settings.from_env()
    database = open_database(settings.database_url)
    summary = ingest_paths(["reports/"], database, settings)
    hits = search_sentences(database, "passports")
"""

from laborwatch.documents import Document, Sentence
from laborwatch.errors import LaborwatchError
from laborwatch.pipeline import IngestEvent, IngestSummary, ingest_paths
from laborwatch.settings import Settings
from laborwatch.store import (
    Database,
    count_documents,
    get_document,
    list_documents,
    open_database,
    search_documents,
    search_sentences,
)
from laborwatch.version import __version__

__all__ = [
    "Database",
    "Document",
    "IngestEvent",
    "IngestSummary",
    "LaborwatchError",
    "Sentence",
    "Settings",
    "__version__",
    "count_documents",
    "get_document",
    "ingest_paths",
    "list_documents",
    "open_database",
    "search_documents",
    "search_sentences",
]
