"""Tables in SQLAlchemy Core. Migrations create them: keep both in step."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    func,
    literal_column,
)
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.schema import SchemaItem
from sqlalchemy.types import TypeEngine

metadata = MetaData()


# Column groups most tables repeat, each built afresh (a Column belongs to one table).
def _id() -> Column:  # type: ignore[type-arg]
    return Column("id", Integer, primary_key=True, autoincrement=True)


def _owned_by(
    name: str,
    type_: TypeEngine[Any] | type[TypeEngine[Any]],
    parent: str,
    primary_key: bool = False,
) -> Column:  # type: ignore[type-arg]
    """A reference to the row this one belongs to, deleted with it."""
    return Column(
        name,
        type_,
        ForeignKey(parent, ondelete="CASCADE"),
        nullable=False,
        primary_key=primary_key,
    )


def _document_id(primary_key: bool = False) -> Column:  # type: ignore[type-arg]
    return _owned_by("document_id", String(64), "documents.id", primary_key)


def _table(name: str, *items: SchemaItem) -> Table:
    return Table(name, metadata, *items)


def _document_rows(name: str, *items: SchemaItem) -> Table:
    """A table of rows found in a document, each with its own id, deleted with it."""
    return _table(name, _id(), _document_id(), *items)


def _span() -> tuple[Column, Column]:  # type: ignore[type-arg]
    """Where in the document's text a row's words stand, as character offsets."""
    return (
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
    )


def _time(name: str) -> Column:  # type: ignore[type-arg]
    return Column(name, DateTime(timezone=True), nullable=False)


def _choice(
    name: str, *values: str, length: int = 16, nullable: bool = False
) -> Column:  # type: ignore[type-arg]
    """A code column; its comment lists the values the code writes."""
    return Column(name, String(length), nullable=nullable, comment="|".join(values))


documents = _table(
    "documents",
    Column(
        "id", String(64), primary_key=True, comment="SHA-256 of the normalised text"
    ),
    Column("title", Text),
    Column("author", Text),
    Column("published", String(10), comment="ISO 8601 date"),
    Column("url", Text),
    Column("site", Text),
    Column("language", String(16)),
    Column("media_type", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("char_count", Integer, nullable=False),
    Column("page_starts", JSON, comment="character offset of each page's start"),
    Column("minhash", LargeBinary, nullable=False),
    _time("ingested_at"),
    Index("ix_documents_ingested_at", "ingested_at"),
)

document_sources = _document_rows(
    "document_sources",
    Column("location", Text, nullable=False),
    Column("content_id", String(64), nullable=False, comment="id of this copy's text"),
    _choice("relation", "original", "copy", "near_duplicate"),
    Column("similarity", Float),
    _time("seen_at"),
    UniqueConstraint("document_id", "location", "content_id"),
    Index("ix_document_sources_content_id", "content_id"),
)

sentences = _document_rows(
    "sentences",
    Column("position", Integer, nullable=False),
    *_span(),
    Column("page", Integer),
    Column("text", Text, nullable=False),
    UniqueConstraint("document_id", "position"),
)

minhash_bands = _table(
    "minhash_bands",
    Column("key", BigInteger, primary_key=True),
    _document_id(primary_key=True),
    Index("ix_minhash_bands_document_id", "document_id"),
)


analyses = _table(
    "analyses",
    _document_id(primary_key=True),
    Column("extractor_version", String(32), nullable=False),
    Column("analysed", Boolean, nullable=False),
    Column("note", Text),
    _time("analysed_at"),
)

indicators = _document_rows(
    "indicators",
    Column("sentence_position", Integer, nullable=False),
    Column("code", String(32), nullable=False),
    Column("cue", Text, nullable=False),
    *_span(),
    Column("confidence", Float, nullable=False),
    Column("model_confidence", Float),
    Column("rule", Text, nullable=False),
    Index("ix_indicators_document_id", "document_id"),
    Index("ix_indicators_code", "code"),
)

# Actors, places, goods, money, victims, dates, sources and denials: one row each,
# with ``key`` the normalised value facets filter on (a country or subdivision
# code, a good's name, a currency, an actor's name) and ``detail`` the JSON record.
facts = _document_rows(
    "facts",
    Column("sentence_position", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("key", Text),
    *_span(),
    Column("detail", JSON, nullable=False),
    # With kind and key, a facet's check of one document reads the index alone.
    Index("ix_facts_document_id", "document_id", "kind", "key"),
    Index("ix_facts_kind_key", "kind", "key"),
)


def country_of(key: ColumnElement[Any]) -> ColumnElement[Any]:
    """The country code of a place's key ("CN" of "CN-XJ"), written with constants
    rather than parameters: an engine uses the index below only for the same
    expression."""
    return func.substr(key, literal_column("1"), literal_column("2"))


# The facets' lookups (migration 0013): a country is the first two letters of a
# place's key; goods, actors and subdivisions match in any case, sources too.
Index("ix_facts_kind_country", facts.c.kind, country_of(facts.c.key))
Index("ix_facts_kind_lower_key", facts.c.kind, func.lower(facts.c.key))
Index("ix_documents_lower_site", func.lower(documents.c.site))
# Newest publication first, dateless last: the order of the search page without
# words. SQLite sorts NULL lowest and refuses NULLS LAST, so has its own index.
Index(
    "ix_documents_published", documents.c.published.desc().nulls_last(), documents.c.id
).ddl_if(dialect="postgresql")
Index(
    "ix_documents_published_sqlite", documents.c.published.desc(), documents.c.id
).ddl_if(dialect="sqlite")

incidents = _document_rows(
    "incidents",
    Column("detail", JSON, nullable=False),
    Index("ix_incidents_document_id", "document_id"),
)

lists = _table(
    "lists",
    Column("id", String(64), primary_key=True),
    Column("title", Text, nullable=False),
    Column("format", String(32), nullable=False),
    Column("publisher", Text, nullable=False),
    Column("published", Date),
    _time("loaded_at"),
    Column("checksum", String(64), nullable=False, comment="SHA-256 of the list files"),
    Column("sources", JSON, nullable=False),
    Column("entry_count", Integer, nullable=False),
)

list_entries = _table(
    "list_entries",
    _owned_by("list_id", String(64), "lists.id", primary_key=True),
    Column("entry_id", String(128), primary_key=True),
    Column("schema", String(32), nullable=False),
    Column("name", Text, nullable=False),
    Column("countries", JSON, nullable=False),
    Column("properties", JSON, nullable=False),
)

list_names = _table(
    "list_names",
    _id(),
    Column("list_id", String(64), nullable=False),
    Column("entry_id", String(128), nullable=False),
    Column("name", Text, nullable=False),
    _choice("kind", "name", "alias", "weak_alias"),
    ForeignKeyConstraint(
        ["list_id", "entry_id"],
        ["list_entries.list_id", "list_entries.entry_id"],
        ondelete="CASCADE",
    ),
    Index("ix_list_names_entry", "list_id", "entry_id"),
)

country_goods = _table(
    "country_goods",
    _id(),
    _owned_by("list_id", String(64), "lists.id"),
    Column("good", Text, nullable=False, comment="lower-cased DOL good name"),
    Column("country", String(2), nullable=False),
    Column("child_labour", Boolean, nullable=False),
    Column("forced_labour", Boolean, nullable=False),
    Column("forced_child_labour", Boolean, nullable=False),
    Column("derived_from", String(2)),
    Index("ix_country_goods_country_good", "country", "good"),
)

# Every load of a list that changed its files is an edition; the entries it
# added and removed are kept (not a copy of every entry: OpenSanctions-size lists
# run to hundreds of thousands), which is what a screening diff needs to say when
# an entry appeared. No foreign key to ``lists``: ``lists remove`` keeps history.
list_editions = _table(
    "list_editions",
    _id(),
    Column("list_id", String(64), nullable=False),
    Column("number", Integer, nullable=False, comment="1, 2, ... within its list"),
    Column("title", Text, nullable=False),
    Column("published", Date),
    _time("loaded_at"),
    Column("checksum", String(64), nullable=False),
    Column("entry_count", Integer, nullable=False),
    Column("added", Integer, nullable=False),
    Column("removed", Integer, nullable=False),
    Column(
        "baseline",
        Boolean,
        nullable=False,
        comment="no earlier edition stored to compare with: no changes recorded",
    ),
    UniqueConstraint("list_id", "number"),
)

list_edition_changes = _table(
    "list_edition_changes",
    _owned_by("edition_id", Integer, "list_editions.id", primary_key=True),
    Column("entry_id", String(128), primary_key=True),
    _choice("change", "added", "removed", length=8),
    Column("schema", String(32), nullable=False),
    Column("name", Text, nullable=False),
    Index("ix_list_edition_changes_entry", "entry_id"),
)

screenings = _table(
    "screenings",
    _id(),
    _time("created_at"),
    Column("input_name", Text, nullable=False),
    Column("input_checksum", String(64), nullable=False, comment="SHA-256 of the file"),
    Column("laborwatch_version", String(32), nullable=False),
    Column("extractor_version", String(32), nullable=False),
    Column(
        "lists", JSON, nullable=False, comment="id, edition date, checksum of each list"
    ),
    Column("config", JSON, nullable=False),
    _choice("status", "running", "complete", "failed", "interrupted"),
    Column("summary", JSON, nullable=False),
    # Which process runs it, and when it last stored rows: a reader tells a run
    # still going from one whose process is gone.
    Column("host", Text),
    Column("pid", Integer),
    Column("updated_at", DateTime(timezone=True)),
    Column("error", Text),
    # The run whose input this one screened again (``screenings rerun``); no
    # foreign key, so that adding it never made SQLite copy the table.
    Column("rerun_of", Integer),
    # Marked for ``rerun_watched`` (``laborwatch watch``): rerun on a schedule.
    Column("watched", Boolean, nullable=False, server_default=false()),
)

screening_rows = _table(
    "screening_rows",
    _owned_by("screening_id", Integer, "screenings.id", primary_key=True),
    Column("row", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("level", String(8), nullable=False),
    Column("result", JSON, nullable=False),
)

api_tokens = _table(
    "api_tokens",
    _id(),
    Column("name", Text, nullable=False, unique=True),
    _choice("role", "viewer", "editor", "admin"),
    Column(
        "token_sha256",
        String(64),
        nullable=False,
        unique=True,
        comment="never the token",
    ),
    _time("created_at"),
)

audit_log = _table(
    "audit_log",
    _id(),
    _time("at"),
    Column("who", Text, nullable=False),  # the token's name; "local" in an open app
    Column("action", Text, nullable=False),  # what was written: "screen"
    Column("detail", JSON, nullable=False),
)

feeds = _table(
    "feeds",
    _id(),
    Column("url", Text, nullable=False, unique=True),
    Column("name", Text),
    _time("added_at"),
    # The validators of the last full response, sent back as If-None-Match and
    # If-Modified-Since so an unchanged feed answers 304.
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_polled_at", DateTime(timezone=True)),
    _choice("last_status", "not_modified", "polled", "failed", nullable=True),
    Column("last_error", Text),
)

feed_items = _table(
    "feed_items",
    _id(),
    _owned_by("feed_id", Integer, "feeds.id"),
    Column("item_key", Text, nullable=False, comment="guid or id, else the link"),
    Column("url", Text, nullable=False),
    # No foreign key: the document may be the stored original of a duplicate,
    # and a feed's record of what it fetched outlives any one document.
    Column("document_id", String(64)),
    _time("fetched_at"),
    _choice(
        "status", "ingested", "duplicate", "skipped", "failed", "disallowed", "retry"
    ),
    Column("attempts", Integer, nullable=False),
    Column("error", Text),
    UniqueConstraint("feed_id", "item_key"),
)

# Each host's robots.txt as last read, so polls within a day (RFC 9309 allows a
# crawler to cache it that long) cost an unchanged feed one request, not two.
robots_files = _table(
    "robots_files",
    Column("origin", Text, primary_key=True, comment="scheme://host[:port]"),
    Column("status", Integer, nullable=False),
    Column("body", Text, nullable=False),
    _time("fetched_at"),
)

# Passes of ``laborwatch watch``; ``detail`` is the pass's JSON record.
watch_runs = _table(
    "watch_runs",
    _id(),
    _time("started_at"),
    _time("finished_at"),
    _choice("status", "unchanged", "changed", "failed"),
    Column("detail", JSON, nullable=False),
)
