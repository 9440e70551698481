"""``laborwatch feeds``: keep a list of RSS and Atom feeds and poll them."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from laborwatch.cli.options import json_option
from laborwatch.cli.output import (
    open_from,
    print_json,
    print_table,
    settings_from,
    stderr,
    stdout,
)
from laborwatch.cli.plain_help import Typer
from laborwatch.polling import FeedPoll, poll_feeds
from laborwatch.records import feed_record
from laborwatch.store.feeds import Feed, add_feed, list_feeds, remove_feed

app = Typer(help="Keep a list of RSS and Atom feeds and ingest what is new in them.")

JsonOption = Annotated[bool, json_option("Print JSON (see docs/feeds.md).")]


@app.command("add")
def add_command(
    ctx: typer.Context,
    url: Annotated[str, typer.Argument(metavar="URL", help="The feed's http(s) URL.")],
    name: Annotated[
        str | None, typer.Option("--name", help="A name to show in lists.")
    ] = None,
) -> None:
    """Add a feed to the list (nothing is fetched until feeds poll)."""
    feed = add_feed(open_from(ctx), url, name)
    stdout.print(f"Added feed {feed.id}: {escape(feed.url)}")


@app.command("list")
def list_command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """List the feeds, with how their last poll went."""
    feeds = list_feeds(open_from(ctx))
    if as_json:
        print_json([feed_record(feed) for feed in feeds])
        return
    print_table(
        ("id", "name", "url", "last polled", "status"),
        (_feed_row(feed) for feed in feeds),
        empty="No feeds. Add one with: laborwatch feeds add URL",
        box=None,
    )


def _feed_row(feed: Feed) -> tuple[str, ...]:
    polled = (
        feed.last_polled_at.strftime("%Y-%m-%d %H:%M") if feed.last_polled_at else ""
    )
    status = feed.last_status or "never polled"
    if feed.last_error:
        status += f": {feed.last_error}"
    return (
        str(feed.id),
        escape(feed.name or ""),
        escape(feed.url),
        polled,
        escape(status),
    )


@app.command("remove")
def remove_command(
    ctx: typer.Context,
    feed: Annotated[str, typer.Argument(metavar="URL|ID", help="The feed to remove.")],
) -> None:
    """Remove a feed and its record of items fetched; documents stay."""
    removed = remove_feed(open_from(ctx), feed)
    stdout.print(f"Removed feed {removed.id}: {escape(removed.url)}")


@app.command("poll")
def poll_command(
    ctx: typer.Context,
    feeds: Annotated[
        list[str] | None,
        typer.Option(
            "--feed", metavar="ID", help="Poll only this feed (id or URL); repeatable."
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Fetch each feed and ingest the articles of items not fetched before.

    Requests go one at a time, with a conditional GET (an unchanged feed answers
    304 and costs one request), robots.txt obeyed. A feed that fails gives one
    line and the others still poll; exit status 1 when any feed failed.
    """
    database = open_from(ctx)

    def report(poll: FeedPoll) -> None:
        for problem in poll.problems:
            stderr.print(escape(problem), soft_wrap=True)
        if not as_json:
            stdout.print(escape(poll_line(poll)), soft_wrap=True)

    polls = poll_feeds(database, settings_from(ctx), feeds, progress=report)
    if as_json:
        print_json({"feeds": [poll.record() for poll in polls]})
    elif not polls:
        stderr.print("No feeds. Add one with: laborwatch feeds add URL")
    if any(poll.status == "failed" for poll in polls):
        raise typer.Exit(1)


def poll_line(poll: FeedPoll) -> str:
    """``feed 2 https://…: polled, 3 new items, 2 ingested``."""
    line = f"feed {poll.feed_id} {poll.url}: "
    if poll.status == "failed":
        return line + f"failed ({poll.error})"
    if poll.status == "not_modified":
        return line + "not modified"
    return line + f"polled, {len(poll.events)} new items, {len(poll.ingested)} ingested"
