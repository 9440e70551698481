"""``laborwatch reanalyze``: re-run extraction over stored documents."""

from __future__ import annotations

from typing import Annotated

import typer

from laborwatch.cli.options import json_option
from laborwatch.cli.output import ProgressBar, open_from, print_json, stderr
from laborwatch.cli.parallel import Cluster, Workers, check_parallel
from laborwatch.extract.pipeline import EXTRACTOR_VERSION
from laborwatch.pipeline import reanalyze_documents


def reanalyze_command(
    ctx: typer.Context,
    everything: Annotated[
        bool,
        typer.Option(
            "--all", help="Re-analyse every document, not only out-of-date ones."
        ),
    ] = False,
    as_json: Annotated[bool, json_option("Print the counts as JSON.")] = False,
    workers: Workers = 1,
    cluster: Cluster = None,
) -> None:
    """Re-extract evidence for stored documents analysed by an older extractor.

    Each document's sentences and evidence are replaced in one transaction.
    """
    check_parallel(workers, cluster)
    database = open_from(ctx)
    with ProgressBar("Re-analysing") as bar:
        summary = reanalyze_documents(
            database,
            everything=everything,
            on_start=bar.start,
            on_document=lambda document_id: bar.advance(document_id[:12]),
            workers=workers,
            cluster=cluster,
        )
    if as_json:
        print_json(
            {
                "extractor_version": EXTRACTOR_VERSION,
                "analysed": summary.analysed,
                "up_to_date": summary.skipped,
            }
        )
    else:
        stderr.print(
            f"{summary.analysed} re-analysed, {summary.skipped} already up to date "
            f"(extractor version {EXTRACTOR_VERSION})"
        )
