"""``laborwatch incidents``: the stored incidents, for reading or spreadsheets."""

from __future__ import annotations

import json
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from laborwatch.cli.options import (
    OutputOption,
    country_option,
    format_option,
    indicator_option,
)
from laborwatch.cli.output import open_from, stderr, stdout, write_output
from laborwatch.errors import BadInput
from laborwatch.export.incidents import incidents, incidents_csv, incidents_xlsx


class Format(StrEnum):
    table = "table"
    csv = "csv"
    xlsx = "xlsx"
    json = "json"


def incidents_command(
    ctx: typer.Context,
    country: Annotated[
        str | None,
        country_option("Only incidents placed in this country (code or name)."),
    ] = None,
    indicator: Annotated[
        str | None,
        indicator_option(
            "Only incidents reporting this indicator (e.g. debt_bondage)."
        ),
    ] = None,
    output_format: Annotated[
        Format, format_option("table, csv, xlsx or json.")
    ] = Format.table,
    output: OutputOption = None,
) -> None:
    """List stored incidents (a document's indicators with its places, goods,
    actors and victims), newest documents first (docs/incidents.md)."""
    if output is not None and output_format is Format.table:
        raise BadInput("--output: give --format csv, xlsx or json")
    database = open_from(ctx)
    records = incidents(database, country, indicator)
    if output_format is Format.csv:
        write_output(incidents_csv(records), output)
    elif output_format is Format.xlsx:
        write_output(incidents_xlsx(records, str(output or "stdout")), output)
    elif output_format is Format.json:
        write_output(_json_lines(records), output)
    else:
        _print_table(records)


def _json_lines(records: Iterator[dict[str, Any]]) -> Iterator[str]:
    """``{"incidents": [...]}`` written an incident at a time."""
    yield '{"incidents": ['
    for index, record in enumerate(records):
        yield ("," if index else "") + "\n" + json.dumps(record, ensure_ascii=False)
    yield "\n]}\n"


def _print_table(records: Iterator[dict[str, Any]]) -> None:
    table = Table("incident", "report", "published", "indicators", "where", "goods")
    for record in records:
        places = [*record.get("subdivisions", []), *record.get("countries", [])]
        table.add_row(
            str(record["id"]),
            escape(str(record.get("title") or record["document_id"])),
            str(record.get("published") or ""),
            ", ".join(record.get("indicators", [])),
            " ".join(places),
            escape(", ".join(record.get("goods", []))),
        )
    if table.row_count:
        stdout.print(table)
    else:
        stderr.print("No incidents stored here.")
