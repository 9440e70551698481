"""List history: each load that changed a list's files is an edition, with the
entries it added and removed relative to the edition before it.

Only the changes are kept, not a copy of each edition's entries: that is what a
screening diff needs ("entry added to OFAC SDN on DATE") and it stays small for
lists of hundreds of thousands of entries. An edition with no stored edition
before it (a list's first load, the list loaded before history was kept, or
loaded again after ``lists remove``) is a *baseline*: no changes are recorded for
it, so none are invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, func, select, update

from laborwatch.errors import NotFound
from laborwatch.lists.entry import ListEntry, LoadedList
from laborwatch.store.database import Database
from laborwatch.store.tables import list_edition_changes, list_editions

_BATCH = 5000


@dataclass(frozen=True)
class Edition:
    id: int
    list_id: str
    number: int
    title: str
    published: date | None
    loaded_at: datetime
    checksum: str
    entry_count: int
    added: int
    removed: int
    baseline: bool

    @property
    def day(self) -> date:
        """The edition's date: its publication date, else the day it was loaded."""
        return self.published or self.loaded_at.date()


@dataclass(frozen=True)
class EntryChange:
    """One entry an edition added or removed."""

    edition: Edition
    entry_id: str
    change: str  # added | removed
    schema: str
    name: str


def load_columns(loaded: LoadedList, loaded_at: datetime) -> dict[str, Any]:
    """What a list and each of its editions record of one load."""
    return {
        "title": loaded.title,
        "published": loaded.published,
        "loaded_at": loaded_at,
        "checksum": loaded.checksum,
        "entry_count": len(loaded.entries) + len(loaded.country_goods),
    }


def record_edition(
    connection: Connection,
    loaded: LoadedList,
    entries: list[ListEntry],
    loaded_at: datetime,
    previous: dict[str, tuple[str, str]] | None,
) -> Edition:
    """Store a new edition of ``loaded`` (its unique ``entries``), inside the
    caller's transaction. ``previous`` maps the entry ids stored before the load
    to their (schema, name); None when the list was not loaded (a baseline)."""
    number = (
        connection.scalar(
            select(func.max(list_editions.c.number)).where(
                list_editions.c.list_id == loaded.list_id
            )
        )
        or 0
    ) + 1
    changes: list[dict[str, Any]] = []
    if previous is not None:
        current = {entry.entry_id for entry in entries}
        changes.extend(
            {
                "entry_id": entry.entry_id,
                "change": "added",
                "schema": entry.schema,
                "name": entry.name,
            }
            for entry in entries
            if entry.entry_id not in previous
        )
        changes.extend(
            {"entry_id": key, "change": "removed", "schema": schema, "name": name}
            for key, (schema, name) in previous.items()
            if key not in current
        )
    added = sum(1 for change in changes if change["change"] == "added")
    values: dict[str, Any] = {
        "list_id": loaded.list_id,
        "number": number,
        **load_columns(loaded, loaded_at),
        "added": added,
        "removed": len(changes) - added,
        "baseline": previous is None,
    }
    key = connection.execute(
        list_editions.insert().values(**values)
    ).inserted_primary_key
    assert key is not None
    edition_id = int(key[0])
    for start in range(0, len(changes), _BATCH):
        connection.execute(
            list_edition_changes.insert(),
            [
                {"edition_id": edition_id, **change}
                for change in changes[start : start + _BATCH]
            ],
        )
    return Edition(id=edition_id, **values)


def redate_latest(connection: Connection, list_id: str, published: date) -> None:
    """Give the list's latest edition the publication date the user supplied."""
    latest = select(func.max(list_editions.c.number)).where(
        list_editions.c.list_id == list_id
    )
    connection.execute(
        update(list_editions)
        .where(list_editions.c.list_id == list_id)
        .where(list_editions.c.number == latest.scalar_subquery())
        .values(published=published)
    )


def list_history(database: Database, list_id: str) -> list[Edition]:
    """A list's editions, newest first; kept after the list is removed."""
    with database.reading() as connection:
        rows = connection.execute(
            select(list_editions)
            .where(list_editions.c.list_id == list_id)
            .order_by(list_editions.c.number.desc())
        ).all()
    if not rows:
        raise NotFound(f"{list_id}: no such list loaded, now or before")
    return [_edition(row._asdict()) for row in rows]


def edition_changes(database: Database, edition_id: int) -> list[tuple[str, ...]]:
    """An edition's changes as (change, entry id, schema, name), added first."""
    with database.reading() as connection:
        rows = connection.execute(
            select(*list_edition_changes.c["change", "entry_id", "schema", "name"])
            .where(list_edition_changes.c.edition_id == edition_id)
            .order_by(list_edition_changes.c.change, list_edition_changes.c.entry_id)
        ).all()
    return [tuple(row) for row in rows]


def entry_change(
    database: Database,
    list_id: str,
    entry_id: str,
    change: str,
    after: datetime | None,
    until: datetime | None,
) -> EntryChange | None:
    """The latest edition of ``list_id`` loaded after ``after`` and no later than
    ``until`` (either open when None) that ``change``d (added or removed) the
    entry ``entry_id``, or None."""
    query = (
        select(
            list_editions, list_edition_changes.c.schema, list_edition_changes.c.name
        )
        .join(
            list_edition_changes,
            list_edition_changes.c.edition_id == list_editions.c.id,
        )
        .where(list_editions.c.list_id == list_id)
        .where(list_edition_changes.c.entry_id == entry_id)
        .where(list_edition_changes.c.change == change)
        .order_by(list_editions.c.number.desc())
    )
    with database.reading() as connection:
        rows = [row._asdict() for row in connection.execute(query)]
    for row in rows:
        schema, name = row.pop("schema"), row.pop("name")
        edition = _edition(row)
        if (after is None or edition.loaded_at > after) and (
            until is None or edition.loaded_at <= until
        ):
            return EntryChange(edition, entry_id, change, schema, name)
    return None


def _edition(row: dict[str, Any]) -> Edition:
    row["loaded_at"] = utc(row["loaded_at"])
    return Edition(**row)


def utc(value: datetime) -> datetime:
    """``value`` as an aware UTC time: SQLite hands back naive ones, and every
    time stored here is UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value
