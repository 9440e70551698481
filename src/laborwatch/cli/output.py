"""Shared terminal output: consoles, JSON, progress bars and highlighted text."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from laborwatch.closing import Closing
from laborwatch.errors import LaborwatchError
from laborwatch.settings import Settings
from laborwatch.store import Database, open_database
from laborwatch.store.search import HIGHLIGHT_END, HIGHLIGHT_START

# Results go to stdout; progress, notes and errors to stderr, so pipes get data only.
stdout = Console(highlight=False, soft_wrap=False)
stderr = Console(stderr=True, highlight=False)


def settings_from(ctx: typer.Context) -> Settings:
    settings = ctx.find_root().obj
    assert isinstance(settings, Settings)
    return settings


def open_from(ctx: typer.Context) -> Database:
    return open_database(settings_from(ctx).database_url)


def print_table(
    columns: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    empty: str,
    **options: Any,
) -> None:
    """Print ``rows`` under ``columns`` (rich ``Table`` options as keywords), or
    the note ``empty`` on stderr where there is no row."""
    table = Table(*columns, **options)
    for row in rows:
        table.add_row(*row)
    if table.row_count:
        stdout.print(table)
    else:
        stderr.print(empty)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def write_output(data: str | bytes | Iterable[str], output: Path | None) -> None:
    """Write a result to ``output``, else to stdout. A workbook (bytes) is refused
    on a terminal, which would show binary noise: it needs a file or a pipe."""
    try:
        if output is not None:
            if isinstance(data, bytes):
                output.write_bytes(data)
            else:
                with output.open("w", encoding="utf-8", newline="") as file:
                    file.writelines([data] if isinstance(data, str) else data)
            return
    except OSError as err:
        raise LaborwatchError(f"{output}: cannot write ({err.strerror})") from None
    if isinstance(data, bytes):
        if sys.stdout.isatty():
            raise LaborwatchError(
                "--format xlsx: a workbook is binary; give -o FILE or redirect stdout"
            )
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.writelines([data] if isinstance(data, str) else data)


class ProgressBar(Closing):
    """One task's bar on stderr for a ``with`` block, gone after it; silent when
    stderr is no terminal."""

    def __init__(self, description: str, total: int | None = None) -> None:
        self.progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.fields[current]}", style="dim"),
            console=stderr,
            transient=True,
            disable=not stderr.is_terminal,
        )
        self.console = self.progress.console
        self.task = self.progress.add_task(description, total=total, current="")
        self.progress.start()

    def start(self, total: int) -> None:
        """Set the number of items, once known."""
        self.progress.update(self.task, total=total)

    def advance(self, current: str) -> None:
        """Count one item done, showing ``current`` (its name) beside the count."""
        self.progress.update(self.task, advance=1, current=current)

    def close(self) -> None:
        self.progress.stop()


def highlighted(snippet: str) -> Text:
    """A search snippet with its matches in bold yellow; the text itself unparsed."""
    text = Text()
    highlighting = False
    for part in snippet.replace(HIGHLIGHT_END, HIGHLIGHT_START).split(HIGHLIGHT_START):
        if part:
            text.append(part, style="bold yellow" if highlighting else None)
        highlighting = not highlighting
    return text
