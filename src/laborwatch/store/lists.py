"""Storing sanctions lists: each load replaces its list whole, in one transaction,
and records the edition it loaded (see ``store.editions``)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Connection, delete, func, select, update

from laborwatch.lists.entry import CountryGood, ListEntry, LoadedList
from laborwatch.store.database import Database
from laborwatch.store.editions import (
    Edition,
    load_columns,
    record_edition,
    redate_latest,
)
from laborwatch.store.rows import from_row, row_by_id
from laborwatch.store.tables import country_goods, list_entries, list_names, lists

_BATCH = 5000


@dataclass(frozen=True)
class ListSummary:
    id: str
    title: str
    format: str
    publisher: str
    published: date | None
    loaded_at: datetime
    checksum: str
    sources: list[str]
    entry_count: int


@dataclass(frozen=True)
class ListLoad:
    """What a load stored: the list, and its new edition (None when the files
    were those of the stored edition: nothing was written but a date given)."""

    summary: ListSummary
    edition: Edition | None

    @property
    def unchanged(self) -> bool:
        return self.edition is None


def save_list(database: Database, loaded: LoadedList) -> ListSummary:
    """Store ``loaded`` (see ``store_list``) and return the list as stored."""
    return store_list(database, loaded).summary


def store_list(database: Database, loaded: LoadedList) -> ListLoad:
    """Replace the stored version of this list with ``loaded`` and record the
    edition, with the entries it added and removed; all or nothing.

    If anything fails (or the process dies) before the commit, the previous
    version of the list and its history stay as they were. Files with the
    checksum of the stored edition record no edition and rewrite nothing (a
    daily ``lists update`` of an unchanged list costs a read); only a
    publication date the user gives is applied to it.
    """
    now = datetime.now(UTC)
    with database.writing() as connection:
        current = connection.execute(
            select(lists.c.checksum, lists.c.published).where(
                lists.c.id == loaded.list_id
            )
        ).first()
        if current is not None and current.checksum == loaded.checksum:
            if loaded.published and loaded.published != current.published:
                connection.execute(
                    update(lists)
                    .where(lists.c.id == loaded.list_id)
                    .values(published=loaded.published)
                )
                redate_latest(connection, loaded.list_id, loaded.published)
            edition = None
        else:
            previous = (
                None if current is None else _stored_entries(connection, loaded.list_id)
            )
            edition = _replace(connection, loaded, now, previous)
    return ListLoad(get_list(database, loaded.list_id), edition)


def _stored_entries(connection: Connection, list_id: str) -> dict[str, tuple[str, str]]:
    """The list's stored entries: id to (schema, name)."""
    rows = connection.execute(
        select(
            list_entries.c.entry_id, list_entries.c.schema, list_entries.c.name
        ).where(list_entries.c.list_id == list_id)
    )
    return {row.entry_id: (row.schema, row.name) for row in rows}


def _replace(
    connection: Connection,
    loaded: LoadedList,
    now: datetime,
    previous: dict[str, tuple[str, str]] | None,
) -> Edition:
    connection.execute(delete(list_names).where(list_names.c.list_id == loaded.list_id))
    connection.execute(
        delete(list_entries).where(list_entries.c.list_id == loaded.list_id)
    )
    connection.execute(delete(lists).where(lists.c.id == loaded.list_id))
    connection.execute(
        lists.insert().values(
            id=loaded.list_id,
            format=loaded.format,
            publisher=loaded.publisher,
            sources=list(loaded.sources),
            **load_columns(loaded, now),
        )
    )
    entries = _unique(loaded.entries)
    for start in range(0, len(entries), _BATCH):
        batch = entries[start : start + _BATCH]
        connection.execute(
            list_entries.insert(),
            [
                {
                    "list_id": loaded.list_id,
                    "entry_id": entry.entry_id,
                    "schema": entry.schema,
                    "name": entry.name,
                    "countries": list(entry.countries),
                    "properties": _properties(entry),
                }
                for entry in batch
            ],
        )
        names = [
            {
                "list_id": loaded.list_id,
                "entry_id": entry.entry_id,
                "name": name,
                "kind": kind,
            }
            for entry in batch
            for name, kind in entry.names()
        ]
        if names:
            connection.execute(list_names.insert(), names)
    if loaded.country_goods:
        connection.execute(
            country_goods.insert(),
            [
                {"list_id": loaded.list_id, **dataclasses.asdict(pair)}
                for pair in loaded.country_goods
            ],
        )
    return record_edition(connection, loaded, entries, now, previous)


def load_country_goods(database: Database) -> list[tuple[str, CountryGood]]:
    """Every stored (list id, country-and-good) pair."""
    with database.reading() as connection:
        rows = connection.execute(select(country_goods)).all()
    return [(row.list_id, from_row(CountryGood, row)) for row in rows]


def _unique(entries: list[ListEntry]) -> list[ListEntry]:
    """One entry per id: a list that repeats an id keeps its first record."""
    seen: dict[str, ListEntry] = {}
    for entry in entries:
        seen.setdefault(entry.entry_id, entry)
    return list(seen.values())


def _properties(entry: ListEntry) -> dict[str, object]:
    fields = dataclasses.asdict(entry)
    for key in ("entry_id", "schema", "name"):
        fields.pop(key)
    return fields


def list_lists(database: Database) -> list[ListSummary]:
    with database.reading() as connection:
        rows = connection.execute(select(lists).order_by(lists.c.id)).all()
    return [ListSummary(**row._asdict()) for row in rows]


def get_list(database: Database, list_id: str) -> ListSummary:
    with database.reading() as connection:
        row = row_by_id(connection, lists, list_id, f"{list_id}: no such list loaded")
    return ListSummary(**row._asdict())


def remove_list(database: Database, list_id: str) -> ListSummary:
    summary = get_list(database, list_id)
    with database.writing() as connection:
        connection.execute(
            delete(country_goods).where(country_goods.c.list_id == list_id)
        )
        connection.execute(delete(list_names).where(list_names.c.list_id == list_id))
        connection.execute(
            delete(list_entries).where(list_entries.c.list_id == list_id)
        )
        connection.execute(delete(lists).where(lists.c.id == list_id))
    return summary


def load_entries(database: Database) -> list[tuple[str, ListEntry]]:
    """Every stored entry of every list, with its list id, for the matcher."""
    with database.reading() as connection:
        rows = connection.execute(
            select(
                *list_entries.c["list_id", "entry_id", "schema", "name", "properties"]
            )
        ).all()
    result = []
    for row in rows:
        properties = dict(row.properties)
        for key, value in properties.items():
            if isinstance(value, list):
                properties[key] = tuple(
                    tuple(v) if isinstance(v, list) else v for v in value
                )
        entry = ListEntry(
            entry_id=row.entry_id, schema=row.schema, name=row.name, **properties
        )
        result.append((row.list_id, entry))
    return result


def count_list_entries(database: Database) -> int:
    with database.reading() as connection:
        return connection.scalar(select(func.count()).select_from(list_entries)) or 0
