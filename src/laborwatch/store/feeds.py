"""Feeds to poll and the items fetched from each (``laborwatch feeds``).

A feed keeps the validators (ETag, Last-Modified) of its last full response and
how its last poll went; an item is recorded once fetched, whatever came of it, so
the next poll never fetches it again (``retry`` items excepted, a bounded number
of times: see ``laborwatch.polling``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, false, select, update

from laborwatch.errors import LaborwatchError, NotFound
from laborwatch.store.database import Database, insert_or_ignore
from laborwatch.store.editions import utc
from laborwatch.store.rows import from_row
from laborwatch.store.tables import feed_items, feeds, robots_files
from laborwatch.urls import check_url

# RFC 9309: a crawler should not use a cached robots.txt for more than a day.
ROBOTS_MAX_AGE = timedelta(hours=24)


@dataclass(frozen=True)
class Feed:
    """A feed in the list; ``id`` is None for one read once (``ingest --feed``)."""

    id: int | None
    url: str
    name: str | None = None
    added_at: datetime | None = None
    # The validators the feed last sent, sent back so an unchanged feed costs a 304.
    etag: str | None = None
    last_modified: str | None = None  # the Last-Modified header, as sent
    last_polled_at: datetime | None = None
    last_status: str | None = None  # not_modified, polled or failed
    last_error: str | None = None


@dataclass(frozen=True)
class FeedItem:
    """What became of an item already fetched."""

    key: str  # the entry's id, else its link (hashed when too long)
    url: str
    # ingested, duplicate, skipped, failed, disallowed (robots.txt) or retry
    status: str
    attempts: int
    document_id: str | None


def add_feed(database: Database, url: str, name: str | None = None) -> Feed:
    """Add a feed; refuse a URL that is not http(s) or already in the list."""
    url = check_url(url)
    with database.writing() as connection:
        existing = connection.scalar(select(feeds.c.id).where(feeds.c.url == url))
        if existing is not None:
            raise LaborwatchError(f"{url}: already in the feed list as feed {existing}")
        result = connection.execute(
            feeds.insert().values(
                url=url, name=(name or "").strip() or None, added_at=datetime.now(UTC)
            )
        )
        key = result.inserted_primary_key
        assert key is not None
        feed_id = int(key[0])
    return get_feed(database, str(feed_id))


def list_feeds(database: Database) -> list[Feed]:
    with database.reading() as connection:
        rows = connection.execute(select(feeds).order_by(feeds.c.id)).mappings()
        return [_feed(row) for row in rows]


def get_feed(database: Database, url_or_id: str) -> Feed:
    """The feed with this id (digits) or URL."""
    key = url_or_id.strip()
    # An id past any stored one (and past PostgreSQL's integer) is simply absent.
    if key.isdigit():
        condition = feeds.c.id == int(key) if len(key) <= 9 else false()
    else:
        condition = feeds.c.url == key
    with database.reading() as connection:
        row = connection.execute(select(feeds).where(condition)).mappings().first()
    if row is None:
        raise NotFound(f"{url_or_id}: no such feed (see laborwatch feeds list)")
    return _feed(row)


def find_feed(database: Database, url: str) -> Feed | None:
    """The stored feed with this URL, if any."""
    with database.reading() as connection:
        row = connection.execute(select(feeds).where(feeds.c.url == url)).mappings()
        found = row.first()
    return _feed(found) if found else None


def remove_feed(database: Database, url_or_id: str) -> Feed:
    """Remove a feed and its record of items; documents ingested from it stay."""
    feed = get_feed(database, url_or_id)
    with database.writing() as connection:
        connection.execute(delete(feed_items).where(feed_items.c.feed_id == feed.id))
        connection.execute(delete(feeds).where(feeds.c.id == feed.id))
    return feed


def known_items(database: Database, feed_id: int) -> dict[str, FeedItem]:
    """The items of a feed already fetched, by key."""
    query = select(feed_items).where(feed_items.c.feed_id == feed_id)
    with database.reading() as connection:
        return {
            row.item_key: FeedItem(
                row.item_key, row.url, row.status, row.attempts, row.document_id
            )
            for row in connection.execute(query)
        }


def record_item(
    database: Database,
    feed_id: int,
    item: FeedItem,
    error: str | None = None,
) -> None:
    """Record (or update, for an item tried again) what became of an item."""
    values: dict[str, Any] = {
        "url": item.url,
        "document_id": item.document_id,
        "fetched_at": datetime.now(UTC),
        "status": item.status,
        "attempts": item.attempts,
        "error": error,
    }
    with database.writing() as connection:
        changed = connection.execute(
            update(feed_items)
            .where(feed_items.c.feed_id == feed_id, feed_items.c.item_key == item.key)
            .values(**values)
        )
        if not changed.rowcount:
            # Another poll of the same feed may have recorded it meanwhile: the
            # first record stands.
            connection.execute(
                insert_or_ignore(connection, feed_items).values(
                    feed_id=feed_id, item_key=item.key, **values
                )
            )


def finish_poll(
    database: Database,
    feed_id: int,
    status: str,
    *,
    error: str | None = None,
    validators: tuple[str | None, str | None] | None = None,
) -> None:
    """Record how a poll went; ``validators`` (ETag, Last-Modified) replace the
    stored ones only after a full response, so a failed poll keeps them."""
    values: dict[str, Any] = {
        "last_polled_at": datetime.now(UTC),
        "last_status": status,
        "last_error": error,
    }
    if validators is not None:
        values["etag"], values["last_modified"] = validators
    with database.writing() as connection:
        connection.execute(update(feeds).where(feeds.c.id == feed_id).values(**values))


def _feed(row: Any) -> Feed:
    return from_row(Feed, row)


class StoredRobots:
    """robots.txt files kept in the database for ``ROBOTS_MAX_AGE``, so a poll
    soon after another costs an unchanged feed its one conditional request."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def load(self, origin: str) -> tuple[int, str] | None:
        with self.database.reading() as connection:
            row = connection.execute(
                select(robots_files).where(robots_files.c.origin == origin)
            ).first()
        if row is None or utc(row.fetched_at) < datetime.now(UTC) - ROBOTS_MAX_AGE:
            return None
        return row.status, row.body

    def save(self, origin: str, status: int, body: str) -> None:
        with self.database.writing() as connection:
            connection.execute(
                delete(robots_files).where(robots_files.c.origin == origin)
            )
            connection.execute(
                robots_files.insert().values(
                    origin=origin,
                    status=status,
                    body=body,
                    fetched_at=datetime.now(UTC),
                )
            )
