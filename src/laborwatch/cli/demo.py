"""``laborwatch demo``: build a database from the sample reports and show it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from laborwatch.cli.ingest import print_summary, run_ingest
from laborwatch.cli.output import highlighted, settings_from, stderr, stdout
from laborwatch.cli.screen import print_table
from laborwatch.demo import demo_database_path, sample_data, sample_reports
from laborwatch.lists import load_list
from laborwatch.screen import Screening, screen_file
from laborwatch.screen.report import write_packs
from laborwatch.settings import database_url
from laborwatch.store import (
    count_documents,
    list_documents,
    open_database,
    search_sentences,
)
from laborwatch.store.evidence import count_indicators
from laborwatch.store.lists import save_list


def demo_command(
    ctx: typer.Context,
    serve: Annotated[
        bool,
        typer.Option(
            "--serve/--no-serve",
            help="End by serving the web app on the demo database until interrupted.",
        ),
    ] = True,
    port: Annotated[
        int, typer.Option(min=1, max=65535, help="Port for the web app.")
    ] = 8000,
    path: Annotated[
        Path | None,
        typer.Option(
            "--path",
            help="Where to create the demo database (a new file, or a folder for it). "
            "Default: a new temporary folder.",
        ),
    ] = None,
) -> None:
    """Build a fresh database from the bundled sample reports, offline, and show it."""
    database_path = demo_database_path(path)
    settings = replace(
        settings_from(ctx), database_url=database_url(str(database_path))
    )
    database = open_database(settings.database_url)
    stderr.print(
        f"Building the demo database at [bold]{escape(str(database_path))}[/bold]"
    )
    with sample_reports() as folder:
        summary = run_ingest(
            [str(folder)], database, settings, verbose=True, quiet=False
        )
    print_summary(summary)

    counts = count_documents(database)
    stdout.print(
        f"\nThe database holds {counts['documents']} documents, {counts['sentences']} "
        f"sentences and {counts['duplicates']} recorded duplicate(s)."
    )
    table = Table("id", "title", "published", "type", "sentences")
    for document in list_documents(database):
        table.add_row(
            document.id[:12],
            escape(document.title or ""),
            document.published or "",
            document.media_type,
            str(document.sentence_count),
        )
    stdout.print(table)

    indicator_counts = count_indicators(database)
    stdout.print("\nSentences carrying each indicator:")
    for code, count in indicator_counts.items():
        stdout.print(f"  {code:<22} {count:>3}  {'█' * count}")

    query = "passports OR quotas"
    stdout.print(f"\nSentences matching [bold]{query}[/bold]:")
    for hit in search_sentences(database, query, limit=5):
        stdout.print(highlighted(hit.snippet), style=None)
    with sample_data() as sample:
        for name in ("sample-sanctions.ftm.json", "sample-dol-goods.xml"):
            save_list(database, load_list(sample / "lists" / name))
        packs = database_path.with_name(f"{database_path.stem}-evidence-packs")
        stdout.print(
            "\nScreening the sample suppliers against the sample lists and reports:"
        )
        shown: list[Screening] = []
        run = screen_file(sample / "suppliers.csv", database, on_row=shown.append)
        print_table(shown)
        written = write_packs(packs, run, [s for s in shown if s.level != "none"])
    stdout.print(
        f"Evidence packs ({len(written)} files, HTML and PDF): {escape(str(packs))}",
        soft_wrap=True,
    )
    stdout.print(
        f"\nExplore it: laborwatch --db {escape(str(database_path))} docs list"
        f"\n            laborwatch --db {escape(str(database_path))} "
        "docs search cotton"
        f"\n            laborwatch --db {escape(str(database_path))} screenings list",
        soft_wrap=True,
    )
    if serve:
        import uvicorn

        from laborwatch.web import create_app

        stdout.print(
            f"\nServing the demo at http://127.0.0.1:{port}/ (Ctrl-C to stop)",
            soft_wrap=True,
        )
        uvicorn.run(
            create_app(settings), host="127.0.0.1", port=port, log_level="warning"
        )
