"""``laborwatch docs``: look at the stored documents."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from laborwatch.cli.analyze import print_evidence
from laborwatch.cli.options import (
    JsonOption,
    checked_country,
    checked_date,
    indicator_option,
)
from laborwatch.cli.output import highlighted, open_from, print_json, stdout
from laborwatch.cli.plain_help import Typer
from laborwatch.errors import BadInput
from laborwatch.extract.indicators import CODES
from laborwatch.records import (
    described_hit_record,
    stored_evidence_record,
    summary_record,
)
from laborwatch.store import get_document, list_documents
from laborwatch.store.evidence import load_evidence
from laborwatch.store.facets import Facets
from laborwatch.store.hits import search_within
from laborwatch.store.rows import MAX_OFFSET
from laborwatch.store.search import SearchHit

app = Typer(help="List, show and search stored documents.")

LimitOption = Annotated[int, typer.Option(min=1, max=10_000, help="How many to show.")]
OffsetOption = Annotated[
    int, typer.Option(min=0, max=MAX_OFFSET, help="How many to skip first.")
]


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
    text: Annotated[
        bool, typer.Option("--text", help="Also print every sentence, numbered.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Show one document's stored evidence: its metadata and sources, indicators
    with their cues and sentences, and its facts, each once with its count."""
    database = open_from(ctx)
    stored = get_document(database, document_id)
    evidence = load_evidence(database, stored)
    if as_json:
        print_json(stored_evidence_record(stored, evidence))
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
    print_evidence(document, evidence)
    if text:
        stdout.print()
        for sentence in stored.sentences:
            page = f" p{sentence.page}" if sentence.page else ""
            stdout.print(
                f"[dim]{sentence.position:>4}{page}[/dim]  {escape(sentence.text)}"
            )


IndicatorOption = Annotated[
    list[str] | None,
    indicator_option(
        "Only documents carrying this indicator (docs/indicators.md); "
        "repeat for documents carrying each."
    ),
]


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
    indicator: IndicatorOption = None,
    country: Annotated[
        str | None,
        typer.Option(
            metavar="ISO2",
            help="Only documents naming a place in this country (code or name).",
        ),
    ] = None,
    good: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="Only documents naming this good (cocoa)."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            metavar="DATE", help="Only documents published on or after DATE (2024-05)."
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            metavar="DATE", help="Only documents published up to the end of DATE."
        ),
    ] = None,
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over stored documents or sentences, narrowed as the web
    search's facets narrow it."""
    codes = [_indicator_code(code) for code in indicator or ()]
    facets = Facets(
        country=checked_country("--country", country) if country else None,
        good=good,
        published_from=checked_date("--since", since),
        published_to=checked_date("--until", until),
    )
    hits = search_within(
        open_from(ctx),
        query,
        facets,
        codes=codes,
        sentences=sentences,
        limit=limit,
        offset=offset,
    )
    if as_json:
        filters = {k: v for k, v in asdict(facets).items() if v}
        if codes:
            filters["indicator"] = codes
        print_json(
            {
                "query": query,
                "filters": filters,
                "hits": [described_hit_record(hit) for hit in hits],
            }
        )
        return
    if not hits:
        stdout.print("No matches.")
        return
    for hit in hits:
        print_hit(hit)


def print_hit(hit: SearchHit) -> None:
    """Title; date, countries and where; indicator codes; the highlighted text."""
    where = hit.document_id[:12]
    if hit.sentence_position is not None:
        where += f" #{hit.sentence_position}"
    about = [
        hit.published or "undated",
        ", ".join(hit.countries) or "no country",
        where,
    ]
    stdout.print(f"[bold]{escape(hit.title or '(untitled)')}[/bold]")
    stdout.print(f"[dim]{escape('  '.join(about))}[/dim]")
    if hit.indicators:
        stdout.print(Text(" ".join(hit.indicators), style="magenta"))
    stdout.print(highlighted(hit.snippet))
    stdout.print()


def _indicator_code(code: str) -> str:
    key = code.strip().lower().replace("-", "_").replace(" ", "_")
    if key not in CODES:
        raise BadInput(
            f"--indicator {code}: no such indicator code (see docs/indicators.md)"
        )
    return key
