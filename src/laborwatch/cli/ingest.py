"""``laborwatch ingest``: read reports into the database."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from laborwatch.cli.options import json_option
from laborwatch.cli.output import (
    ProgressBar,
    open_from,
    print_json,
    settings_from,
    stderr,
)
from laborwatch.cli.parallel import Cluster, Workers, check_parallel
from laborwatch.ingest import SourceFile
from laborwatch.pipeline import OUTCOMES, IngestEvent, IngestSummary, ingest_paths
from laborwatch.polling import ingest_feed
from laborwatch.records import ingest_record
from laborwatch.settings import Settings
from laborwatch.store import Database
from laborwatch.urls import check_url

_STYLES = {
    "ingested": "green",
    "duplicate": "cyan",
    "skipped": "yellow",
    "failed": "red",
}


def ingest_command(
    ctx: typer.Context,
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[PATH]...",
            help="Files or folders (searched recursively); - reads standard input.",
            show_default=False,
        ),
    ] = None,
    feeds: Annotated[
        list[str] | None,
        typer.Option(
            "--feed",
            metavar="URL",
            help="Also read this RSS or Atom feed and ingest its articles "
            "(repeatable; see docs/feeds.md).",
        ),
    ] = None,
    as_json: Annotated[
        bool, json_option("Print every input's outcome and the counts as JSON.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also list each document ingested.")
    ] = False,
    workers: Workers = 1,
    cluster: Cluster = None,
) -> None:
    """Ingest text, Markdown, HTML, PDF and JSON Lines reports, and feeds' articles.

    Each document is stored once, with its sentences, in one transaction. Exact and
    near-duplicates are recorded against the stored original. Exit status 1 when
    any input failed; skipped inputs (empty, over the size limit) do not count.
    """
    if not paths and not feeds:
        raise typer.BadParameter("give a PATH or --feed URL")
    check_parallel(workers, cluster)
    # Before anything is read, so a bad URL stops the command with nothing stored.
    feeds = [check_url(url) for url in feeds or []]
    database = open_from(ctx)
    settings = settings_from(ctx)
    summary = IngestSummary()
    if paths:
        summary = run_ingest(
            paths,
            database,
            settings,
            verbose=verbose,
            quiet=as_json,
            workers=workers,
            cluster=cluster,
        )
    for url in feeds:
        poll = ingest_feed(url, database, settings)
        events = poll.events
        if poll.error:
            events = [IngestEvent(poll.url, "failed", detail=poll.error)]
        for event in events:
            summary.counts[event.outcome] += 1
            summary.events.append(event)
            if not as_json and (verbose or event.outcome != "ingested"):
                stderr.print(event_line(event), soft_wrap=True)
    if as_json:
        print_json(ingest_record(summary))
    else:
        print_summary(summary)
    if summary.failed:
        raise typer.Exit(1)


def run_ingest(
    paths: list[str],
    database: Database,
    settings: Settings,
    *,
    verbose: bool,
    quiet: bool,
    workers: int = 1,
    cluster: str | None = None,
) -> IngestSummary:
    """Ingest with a progress bar; report problems (and documents, if verbose)."""
    with ProgressBar("Ingesting") as bar:

        def on_start(sources: list[SourceFile]) -> None:
            bar.start(len(sources))

        def on_event(event: IngestEvent) -> None:
            if quiet or (event.outcome == "ingested" and not verbose):
                return
            bar.console.print(event_line(event), soft_wrap=True)

        def on_source_done(source: SourceFile) -> None:
            bar.advance(source.location[-40:])

        return ingest_paths(
            paths,
            database,
            settings,
            on_start=on_start,
            on_event=on_event,
            on_source_done=on_source_done,
            workers=workers,
            cluster=cluster,
        )


def event_line(event: IngestEvent) -> str:
    style = _STYLES[event.outcome]
    line = f"[{style}]{event.outcome:>9}[/{style}]  {escape(event.location)}"
    if event.detail:
        line += f": {escape(event.detail)}"
    elif event.title:
        line += f"  [dim]{escape(event.title)}[/dim]"
    return line


def print_summary(summary: IngestSummary) -> None:
    parts = [
        f"[{_STYLES[outcome]}]{summary.counts[outcome]} {outcome}[/{_STYLES[outcome]}]"
        for outcome in OUTCOMES
    ]
    stderr.print(", ".join(parts))
