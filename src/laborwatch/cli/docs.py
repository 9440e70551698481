"""``laborwatch docs``: look at the stored documents."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from laborwatch.cli.output import highlighted, open_from, print_json, stdout
from laborwatch.cli.plain_help import Typer
from laborwatch.records import document_record, hit_record, summary_record
from laborwatch.store import (
    get_document,
    list_documents,
    search_documents,
    search_sentences,
)

app = Typer(help="List, show and search stored documents.", no_args_is_help=True)

JsonOption = Annotated[
    bool, typer.Option("--json", help="Print JSON (see docs/cli.md).")
]
LimitOption = Annotated[int, typer.Option(min=1, max=10_000, help="How many to show.")]
OffsetOption = Annotated[int, typer.Option(min=0, help="How many to skip first.")]


@app.command("list")
def list_command(
    ctx: typer.Context,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """List stored documents, most recently ingested first."""
    summaries = list_documents(open_from(ctx), limit=limit, offset=offset)
    if as_json:
        print_json({"documents": [summary_record(summary) for summary in summaries]})
        return
    table = Table("id", "title", "published", "lang", "sentences", "source")
    for summary in summaries:
        table.add_row(
            summary.id[:12],
            escape(summary.title or ""),
            summary.published or "",
            summary.language or "",
            str(summary.sentence_count),
            escape(summary.source),
        )
    stdout.print(table)


@app.command("show")
def show_command(
    ctx: typer.Context,
    document_id: Annotated[
        str, typer.Argument(metavar="ID", help="Document id or a prefix.")
    ],
    as_json: JsonOption = False,
) -> None:
    """Show one document: its metadata, sources and numbered sentences."""
    stored = get_document(open_from(ctx), document_id)
    if as_json:
        print_json(document_record(stored))
        return
    document = stored.document
    stdout.print(f"[bold]{escape(document.title or '(untitled)')}[/bold]")
    for label, value in (
        ("id", document.id),
        ("published", document.published),
        ("author", document.author),
        ("site", document.site),
        ("url", document.url),
        ("language", document.language),
        ("type", document.media_type),
        ("ingested", stored.ingested_at.isoformat(timespec="seconds")),
    ):
        if value:
            stdout.print(f"[dim]{label:>10}[/dim]  {escape(value)}")
    for source in stored.sources:
        note = source.relation.replace("_", "-")
        if source.similarity is not None:
            note += f", similarity {source.similarity:.2f}"
        stdout.print(
            f"[dim]{'source':>10}[/dim]  {escape(source.location)} [dim]({note})[/dim]"
        )
    stdout.print()
    for sentence in stored.sentences:
        page = f" p{sentence.page}" if sentence.page else ""
        stdout.print(
            f"[dim]{sentence.position:>4}{page}[/dim]  {escape(sentence.text)}"
        )


@app.command("search")
def search_command(
    ctx: typer.Context,
    query: Annotated[
        str,
        typer.Argument(
            help='Words to find; "quoted phrases", OR and -excluded words work.'
        ),
    ],
    sentences: Annotated[
        bool,
        typer.Option("--sentences", help="Return matching sentences, not documents."),
    ] = False,
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over stored documents or sentences."""
    search = search_sentences if sentences else search_documents
    hits = search(open_from(ctx), query, limit=limit, offset=offset)
    if as_json:
        print_json({"query": query, "hits": [hit_record(hit) for hit in hits]})
        return
    if not hits:
        stdout.print("No matches.")
        return
    for hit in hits:
        where = hit.document_id[:12]
        if hit.sentence_position is not None:
            where += f" #{hit.sentence_position}"
        stdout.print(f"[cyan]{where}[/cyan]  [bold]{escape(hit.title or '')}[/bold]")
        stdout.print(highlighted(hit.snippet))
        stdout.print()
