"""``laborwatch export``: stored evidence for other tools (docs/export.md)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from laborwatch.cli.options import format_option, output_option
from laborwatch.cli.output import open_from, stderr
from laborwatch.errors import LaborwatchError
from laborwatch.store.database import Database

# Each returns how many documents and entities it wrote.
_Writer = Callable[[Database, TextIO], tuple[int, int]]
_Body = Callable[[TextIO], tuple[int, int]]


class Format(StrEnum):
    ftm = "ftm"


def export_command(
    ctx: typer.Context,
    output_format: Annotated[
        Format,
        format_option("ftm: FollowTheMoney entities as JSON lines (Aleph, ftm tools)."),
    ],
    output: Annotated[
        Path | None,
        output_option(
            "Write to FILE (replaced only once complete) instead of stdout.",
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Export stored documents, actors and places for other tools."""
    write = _ftm_writer()
    database = open_from(ctx)
    if output is None:
        counts = write(database, sys.stdout)
    else:
        counts = _write_file(output, lambda out: write(database, out))
    documents, entities = counts
    stderr.print(f"{entities} entities from {documents} documents")


def _ftm_writer() -> _Writer:
    try:
        from laborwatch.export.ftm import write_ftm
    except ImportError as err:
        if not (err.name or "").startswith("followthemoney"):
            raise
        raise LaborwatchError(
            "export --format ftm needs followthemoney: pip install 'laborwatch[ftm]'"
        ) from None
    return write_ftm


def _write_file(path: Path, write: _Body) -> tuple[int, int]:
    """Write beside ``path`` and rename once done, so a failed export never leaves
    half a file in place of a good one."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="\n") as out:
            counts = write(out)
        os.replace(partial, path)
    except OSError as err:
        partial.unlink(missing_ok=True)
        raise LaborwatchError(f"{path}: cannot write ({err.strerror})") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return counts
