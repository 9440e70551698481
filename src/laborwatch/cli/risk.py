"""``laborwatch risk-areas``: the register of areas and goods with evidence."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from laborwatch.cli.options import OutputOption, country_option, format_option
from laborwatch.cli.output import open_from, stderr, stdout, write_output
from laborwatch.errors import BadInput
from laborwatch.export.risk import register_csv, register_geojson, register_xlsx
from laborwatch.store.risk import RiskFilters, RiskRegister, risk_register


class Format(StrEnum):
    table = "table"
    csv = "csv"
    xlsx = "xlsx"
    geojson = "geojson"
    json = "json"


def risk_areas_command(
    ctx: typer.Context,
    country: Annotated[str | None, country_option("Only this country.")] = None,
    good: Annotated[
        str | None,
        typer.Option(
            "--good", metavar="NAME", help="Only this good (name or HS code)."
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE",
            help="Only evidence published on or after DATE (YYYY[-MM[-DD]]).",
        ),
    ] = None,
    min_sources: Annotated[
        int,
        typer.Option(
            "--min-sources", metavar="N", min=1, help="Rows with N+ sources only."
        ),
    ] = 1,
    output_format: Annotated[
        Format, format_option("table, csv, xlsx, geojson or json.")
    ] = Format.table,
    output: OutputOption = None,
    compare_dol: Annotated[
        bool,
        typer.Option(
            "--compare-dol",
            help="Say per row whether the loaded DOL list has its country and "
            "good, and list DOL pairs with no stored evidence.",
        ),
    ] = False,
) -> None:
    """List areas and goods with forced-labour evidence, and on how many
    independent sources (docs/risk-areas.md)."""
    if output is not None and output_format is Format.table:
        raise BadInput("--output: give --format csv, xlsx, geojson or json")
    register = risk_register(
        open_from(ctx), RiskFilters(country, good, since, min_sources), compare_dol
    )
    if output_format is Format.table:
        _print_table(register)
    elif output_format is Format.csv:
        write_output(register_csv(register), output)
    elif output_format is Format.xlsx:
        write_output(register_xlsx(register, str(output or "stdout")), output)
    else:
        data = (
            register_geojson(register)
            if output_format is Format.geojson
            else register.record()
        )
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _print_table(register: RiskRegister) -> None:
    if not register.rows:
        stderr.print("No rows: no stored evidence pairs a place with a good here.")
    else:
        compared = register.dol_without_evidence is not None
        table = Table(
            "country",
            "subdivision",
            "good",
            "strength",
            "sources",
            "docs",
            "evidence dates",
            "indicators",
            *(["DOL"] if compared else []),
        )
        for row in register.rows:
            dates = " to ".join(
                dict.fromkeys(d for d in (row.first_evidence, row.last_evidence) if d)
            )
            table.add_row(
                row.country,
                row.subdivision or "(all)",
                escape(f"{row.good} ({row.hs})" if row.hs else row.good),
                row.strength,
                str(row.sources),
                str(row.documents),
                dates or "undated",
                ", ".join(row.indicators),
                *([_yes(bool(row.dol))] if compared else []),
            )
        stdout.print(table)
    if register.dol_without_evidence:
        stdout.print("DOL list pairs with no stored evidence:")
        for pair in register.dol_without_evidence:
            stdout.print(f"  {pair.country}  {escape(pair.good)}  ({pair.list_id})")
