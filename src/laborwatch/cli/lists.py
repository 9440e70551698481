"""``laborwatch lists``: load, show and remove sanctions and trade lists."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from laborwatch.cli.options import JsonOption, ListId, base_url_option, format_option
from laborwatch.cli.output import open_from, print_json, print_table, stderr, stdout
from laborwatch.cli.plain_help import Typer
from laborwatch.errors import BadInput
from laborwatch.lists import FORMATS, load_list
from laborwatch.records import edition_record, list_record, load_record
from laborwatch.store.editions import list_history
from laborwatch.store.lists import (
    ListLoad,
    get_list,
    list_lists,
    remove_list,
    store_list,
)

app = Typer(help="Load, show and remove sanctions and trade lists.")


@app.command("load")
def load_command(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE",
            help="List files: OFAC sdn.csv or cons_prim.csv (or their folder), UN XML, "
            "BIS Denied Persons (tab-separated), OpenSanctions entities.ftm.json.",
        ),
    ],
    list_format: Annotated[
        str | None,
        format_option(f"One of {', '.join(FORMATS)}; detected when not given."),
    ] = None,
    list_id: Annotated[
        str | None,
        typer.Option("--id", help="Store under this list id (one FILE only)."),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            metavar="YYYY-MM-DD",
            help="The list's publication date, where its files do not say.",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Load lists, each replacing its previous version in one transaction.

    Each load records a new edition of its list (see lists history); files with
    the stored edition's checksum are reported unchanged and record none. A
    file that cannot be read whole leaves the stored version of its list in
    place, and the error names the file and line. What is read but dropped (an
    OpenSanctions date that is no date) is named in a warning.
    """
    if list_id is not None and not list_id.strip():
        raise BadInput("--id: an empty list id; give one, or leave --id out")
    if list_id and len(paths) > 1:
        raise typer.BadParameter("--id names one list; give one FILE")
    edition = _date(published) if published else None
    database = open_from(ctx)

    def stored() -> Iterator[ListLoad]:
        for path in paths:
            loaded = load_list(path, list_format, list_id)
            _warn(loaded.warnings)
            if edition:
                from dataclasses import replace

                loaded = replace(loaded, published=edition)
            yield store_list(database, loaded)

    _print_loads("loaded", stored(), as_json)


@app.command("show")
def show_command(
    ctx: typer.Context,
    list_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="One list's id.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Show the loaded lists, or one of them: edition date, checksum, entries."""
    database = open_from(ctx)
    summaries = [get_list(database, list_id)] if list_id else list_lists(database)
    if as_json:
        print_json({"lists": [list_record(summary) for summary in summaries]})
        return
    print_table(
        ("id", "title", "published", "entries", "loaded", "sha256"),
        (
            (
                summary.id,
                escape(summary.title),
                str(summary.published or "unknown"),
                str(summary.entry_count),
                summary.loaded_at.isoformat(timespec="minutes"),
                summary.checksum[:12],
            )
            for summary in summaries
        ),
        empty="No lists loaded. Load one with: laborwatch lists load FILE",
    )


@app.command("update")
def update_command(
    ctx: typer.Context,
    list_ids: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[ID]...", help="Lists to update; default: those loaded."
        ),
    ] = None,
    base_url: Annotated[
        str | None,
        base_url_option(
            "Fetch every file from this mirror (URL/FILE NAME) instead of the "
            "publishers' sites."
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Download the current editions from the publishers and load them.

    Each list is replaced only once its new files have been read whole.
    """
    from laborwatch.list_updates import update_list
    from laborwatch.lists.update import SOURCES

    database = open_from(ctx)
    wanted = list_ids or [s.id for s in list_lists(database) if s.id in SOURCES]
    if not wanted:
        raise typer.BadParameter(
            f"name the lists to fetch: {', '.join(sorted(SOURCES))}"
        )

    def updated() -> Iterator[ListLoad]:
        for list_id in wanted:
            load, warnings = update_list(database, list_id, base_url)
            _warn(warnings)
            yield load

    _print_loads("updated", updated(), as_json)


def _print_loads(verb: str, loads: Iterable[ListLoad], as_json: bool) -> None:
    """Report each load as it is stored; with --json, all of them once done."""
    records: list[dict[str, Any]] = []
    for load in loads:
        _warn_undated(load.summary.id, load.summary.published)
        if as_json:
            records.append(load_record(load))
        else:
            _report(verb, load)
    if as_json:
        print_json({"lists": records})


def _warn(warnings: Iterable[str]) -> None:
    for warning in warnings:
        stderr.print(f"warning: {escape(warning)}")


def _report(verb: str, load: ListLoad) -> None:
    summary, edition = load.summary, load.edition
    if edition is None:
        stderr.print(
            f"[bold]{summary.id}[/bold] unchanged: same files (sha256 "
            f"{summary.checksum[:12]}) as the stored edition, "
            f"published {summary.published or 'unknown'}"
        )
        return
    changes = (
        "first edition stored"
        if edition.baseline
        else f"{edition.added} added, {edition.removed} removed"
    )
    stderr.print(
        f"{verb} [bold]{summary.id}[/bold]: {summary.entry_count} entries, "
        f"published {summary.published or 'unknown'}, "
        f"sha256 {summary.checksum[:12]}, edition {edition.number} ({changes})"
    )


@app.command("history")
def history_command(
    ctx: typer.Context,
    list_id: ListId,
    as_json: JsonOption = False,
) -> None:
    """Show a list's editions, newest first, with the entries each added and
    removed.

    A first edition (the first load, the list as loaded before history was kept,
    or loaded again after lists remove) is a baseline: no changes are recorded
    for it. History is kept when the list is removed.
    """
    editions = list_history(open_from(ctx), list_id)
    if as_json:
        print_json({"editions": [edition_record(edition) for edition in editions]})
        return
    table = Table("edition", "published", "loaded", "entries", "added", "removed")
    for edition in editions:
        baseline = "(first)" if edition.baseline else None
        table.add_row(
            str(edition.number),
            str(edition.published or "unknown"),
            edition.loaded_at.isoformat(timespec="minutes"),
            str(edition.entry_count),
            baseline or str(edition.added),
            baseline or str(edition.removed),
        )
    stdout.print(table)


@app.command("remove")
def remove_command(
    ctx: typer.Context,
    list_id: ListId,
) -> None:
    """Remove a loaded list and its entries; its history (lists history) is kept."""
    summary = remove_list(open_from(ctx), list_id)
    stderr.print(f"removed {summary.id} ({summary.entry_count} entries)")


def _warn_undated(list_id: str, published: date | None) -> None:
    if published is None:
        stderr.print(
            f"warning: {escape(list_id)}: its files give no publication date, stored "
            "as unknown; give --published YYYY-MM-DD"
        )


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value}: not a date (YYYY-MM-DD)") from None
