"""Polling feeds: what is new in each feed is fetched once and ingested.

``poll_feeds`` polls the stored feeds one after another, each request after the
last (so never two at once to one host), and returns one ``FeedPoll`` each; it
prints nothing. A feed that fails (unreachable, an HTTP error, not a feed) is
recorded as failed and the others still poll. An article is fetched once: what
became of it is recorded by its item key (guid or id, else link), whatever it
was. Only a failure that may pass (connection refused, time-out, HTTP 5xx or
429) is tried again, on later polls, ``MAX_ATTEMPTS`` times in all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from laborwatch.ingest.feeds import (
    FeedEntry,
    Fetcher,
    FetchError,
    looks_like_html_response,
    parse_feed,
)
from laborwatch.ingest.html import read_html
from laborwatch.ingest.language import detect_language
from laborwatch.ingest.problems import InputError
from laborwatch.pipeline import IngestEvent, ingest_document
from laborwatch.settings import Settings
from laborwatch.store import Database
from laborwatch.store.feeds import (
    Feed,
    FeedItem,
    StoredRobots,
    find_feed,
    finish_poll,
    get_feed,
    known_items,
    list_feeds,
    record_item,
)
from laborwatch.urls import check_url

MAX_ATTEMPTS = 3
FeedStatus = Literal["not_modified", "polled", "failed"]


@dataclass
class FeedPoll:
    """One feed's poll: its status, an event per item fetched, and one line per
    problem (the feed's own, or an article's)."""

    feed_id: int | None
    url: str
    name: str | None
    status: FeedStatus = "polled"
    error: str | None = None
    events: list[IngestEvent] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    requests: int = 0

    @property
    def ingested(self) -> list[str]:
        return [
            event.document_id
            for event in self.events
            if event.outcome == "ingested" and event.document_id
        ]

    def record(self) -> dict[str, Any]:
        """The ``feeds poll --json`` shape of one feed (docs/feeds.md)."""
        return {
            "id": self.feed_id,
            "url": self.url,
            "name": self.name,
            "status": self.status,
            "ingested": self.ingested,
            "items": [
                {
                    "url": event.location,
                    "outcome": event.outcome,
                    "document_id": event.document_id,
                    "detail": event.detail,
                }
                for event in self.events
            ],
            "errors": self.problems,
            "requests": self.requests,
        }


def poll_feeds(
    database: Database,
    settings: Settings,
    feeds: Sequence[int | str] | None = None,
    progress: Callable[[FeedPoll], None] | None = None,
) -> list[FeedPoll]:
    """Poll the stored feeds (all, or those named by id or URL) in turn; call
    ``progress`` after each. robots.txt is read once per host and kept a day."""
    targets = (
        list_feeds(database)
        if feeds is None
        else [get_feed(database, str(feed)) for feed in feeds]
    )
    polls = []
    with Fetcher(settings, robots_cache=StoredRobots(database)) as fetcher:
        for feed in targets:
            poll = poll_feed(feed, database, settings, fetcher)
            polls.append(poll)
            if progress:
                progress(poll)
    return polls


def ingest_feed(url: str, database: Database, settings: Settings) -> FeedPoll:
    """Read one feed and ingest its articles (``ingest --feed``). A feed in the
    list is polled as ``feeds poll`` would; any other is read without keeping
    anything but the documents, each article fetched once in this call."""
    url = check_url(url)
    feed = find_feed(database, url) or Feed(id=None, url=url)
    with Fetcher(settings, robots_cache=StoredRobots(database)) as fetcher:
        return poll_feed(feed, database, settings, fetcher)


def poll_feed(
    feed: Feed, database: Database, settings: Settings, fetcher: Fetcher
) -> FeedPoll:
    """Poll one feed: a conditional GET, then each new item's article."""
    poll = FeedPoll(feed.id, feed.url, feed.name)
    before = fetcher.requests
    headers = {}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    try:
        response = fetcher.get(feed.url, headers)
        parsed = parse_feed(response) if response.status != 304 else None
    except FetchError as err:
        poll.status, poll.error = "failed", err.reason
        poll.problems.append(f"{feed.url}: {err.reason}")
        poll.requests = fetcher.requests - before
        if feed.id is not None:
            finish_poll(database, feed.id, "failed", error=err.reason)
        return poll
    capped = False
    if parsed is None:
        poll.status = "not_modified"
    else:
        known = known_items(database, feed.id) if feed.id is not None else {}
        done: dict[str, IngestEvent] = {}  # by URL: an article once per poll
        new = [
            entry
            for entry in parsed.entries
            if entry.key not in known or known[entry.key].status == "retry"
        ]
        if len(new) > settings.feed_max_items:
            capped = True
            poll.problems.append(
                f"{feed.url}: {len(new):,} new items, over the "
                f"{settings.feed_max_items:,} a poll fetches "
                "(LABORWATCH_FEED_MAX_ITEMS); the rest wait for the next poll"
            )
        for entry in new[: settings.feed_max_items]:
            item = known.get(entry.key)
            attempts = (item.attempts if item else 0) + 1
            known[entry.key] = _fetch_item(
                entry, attempts, poll, done, database, settings, fetcher
            )
    poll.requests = fetcher.requests - before
    if feed.id is not None:
        validators = None
        # A capped poll keeps no validators: the next one must read the feed
        # whole, not hear "not modified", to reach the items left for it.
        if parsed is not None and not capped:
            validators = (
                _validator(response.headers.get("etag")),
                _validator(response.headers.get("last-modified")),
            )
        finish_poll(database, feed.id, poll.status, validators=validators)
    return poll


def _fetch_item(
    entry: FeedEntry,
    attempts: int,
    poll: FeedPoll,
    done: dict[str, IngestEvent],
    database: Database,
    settings: Settings,
    fetcher: Fetcher,
) -> FeedItem:
    """Fetch and ingest one item's article; record and return what became of it."""
    if entry.url is None:
        detail = entry.problem or "no http or https link"
        event = IngestEvent(entry.key, "failed", detail=detail)
        status = "failed"
    elif entry.url in done:
        event = done[entry.url]
        status = event.outcome
    else:
        event, status = _fetch_article(entry.url, attempts, database, settings, fetcher)
        done[entry.url] = event
    poll.events.append(event)
    if event.outcome in ("failed", "skipped"):
        poll.problems.append(f"{event.location}: {event.detail}")
    item = FeedItem(entry.key, entry.url or "", status, attempts, event.document_id)
    if poll.feed_id is not None:
        error = event.detail if event.outcome != "ingested" else None
        record_item(database, poll.feed_id, item, error)
    return item


def _fetch_article(
    url: str,
    attempts: int,
    database: Database,
    settings: Settings,
    fetcher: Fetcher,
) -> tuple[IngestEvent, str]:
    """The ingest event of one article, and the item status to record."""
    try:
        response = fetcher.get(url)
    except FetchError as err:
        if err.kind == "disallowed":
            return IngestEvent(url, "skipped", detail=err.reason), "disallowed"
        if err.kind == "retry" and attempts < MAX_ATTEMPTS:
            detail = f"{err.reason} (try {attempts} of {MAX_ATTEMPTS})"
            return IngestEvent(url, "failed", detail=detail), "retry"
        return IngestEvent(url, "failed", detail=err.reason), "failed"
    if not looks_like_html_response(response):
        kind = response.media_type or "unknown type"
        return IngestEvent(url, "failed", detail=f"not an HTML page ({kind})"), "failed"
    try:
        document = read_html(response.body, source=url)
    except InputError as err:
        return IngestEvent(url, err.kind, detail=err.reason), err.kind
    # The page's own canonical URL if it gives one, else the one fetched: it
    # names the publisher (risk register) as for any HTML page with a URL.
    document = replace(
        document,
        url=document.url or url,
        language=detect_language(document.text),
    )
    event = ingest_document(document, database, settings)
    return event, event.outcome


def _validator(value: str | None) -> str | None:
    """An ETag or Last-Modified worth sending back: printable ASCII, short."""
    if value and len(value) <= 1024 and all(" " <= c <= "~" for c in value):
        return value
    return None
