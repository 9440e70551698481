"""Options several commands declare alike, each with the help its command gives."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from laborwatch.countries import country_code
from laborwatch.errors import BadInput, shown
from laborwatch.store.facets import NOT_A_DATE, is_date


def json_option(help: str = "Print JSON (see docs/cli.md).") -> Any:
    return typer.Option("--json", help=help)


def output_option(
    help: str = "Write to FILE, not stdout (xlsx needs a file or a pipe).",
    **options: Any,
) -> Any:
    return typer.Option("--output", "-o", metavar="FILE", help=help, **options)


def base_url_option(help: str) -> Any:
    return typer.Option("--base-url", metavar="URL", help=help)


def format_option(help: str) -> Any:
    return typer.Option("--format", help=help)


def country_option(help: str) -> Any:
    return typer.Option("--country", metavar="ISO2", help=help)


def indicator_option(help: str) -> Any:
    return typer.Option("--indicator", metavar="CODE", help=help)


JsonOption = Annotated[bool, json_option()]
OutputOption = Annotated[Path | None, output_option()]
# A stored screening run, by the id `screenings list` shows.
ScreeningId = Annotated[int, typer.Argument(metavar="ID")]
ListId = Annotated[str, typer.Argument(metavar="ID", help="The list's id.")]


def checked_country(option: str, name: str) -> str:
    """The ISO code of the country ``name`` given for ``option``; BadInput if none."""
    code = country_code(name)
    if code is None:
        raise BadInput(f"{option} {shown(name)}: not a country code or name")
    return code


def checked_date(option: str, value: str | None) -> str | None:
    """``value`` if it is a real YYYY, YYYY-MM or YYYY-MM-DD; BadInput if not."""
    if value is not None and not is_date(value):
        raise BadInput(f"{option} {shown(value)}: {NOT_A_DATE}")
    return value
