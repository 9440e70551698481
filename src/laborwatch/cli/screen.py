"""``laborwatch screen`` and ``laborwatch screenings``: supplier screening."""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import IO, Annotated, Any, Literal

import typer
from rich.markup import escape
from rich.table import Table

from laborwatch.cli.options import ScreeningId, json_option
from laborwatch.cli.output import (
    ProgressBar,
    open_from,
    print_json,
    settings_from,
    stderr,
    stdout,
)
from laborwatch.cli.parallel import Cluster, Workers, check_parallel
from laborwatch.cli.plain_help import Typer
from laborwatch.errors import LaborwatchError
from laborwatch.screen import Screening, XlsxLimits, screen_file
from laborwatch.screen.diff import CHANGE_KEYS, diff_stored
from laborwatch.screen.export import (
    CsvExport,
    XlsxExport,
    stored_run,
    stored_screenings,
)
from laborwatch.screen.rerun import rerun_screening
from laborwatch.store.screenings import get_screening, list_screenings, set_watched

_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan", "none": "green"}
_TABLE_ROWS = 200  # beyond this, the terminal table lists flagged rows only,
_TABLE_FLAGGED = 2000  # up to this many in all


def _column(what: str) -> Any:
    """A ``--FIELD-column`` option, naming the header of the file's ``what``."""
    return typer.Option(help=f"Header of the {what} column.")


def screen_command(
    ctx: typer.Context,
    path: Annotated[
        Path, typer.Argument(metavar="FILE", help="Suppliers: a CSV or XLSX file.")
    ],
    as_json: Annotated[bool, json_option("Print the results as JSON.")] = False,
    csv_out: Annotated[
        Path | None,
        typer.Option("--csv", metavar="OUT", help="Write one CSV row per supplier."),
    ] = None,
    xlsx_out: Annotated[
        Path | None,
        typer.Option(
            "--xlsx",
            metavar="OUT",
            help="Write an XLSX sheet, one row per supplier (the CSV's columns).",
        ),
    ] = None,
    report: Annotated[
        Path | None,
        typer.Option(
            "--report",
            metavar="DIR",
            file_okay=False,  # refused before the run, not after it
            help="Write an HTML and PDF evidence pack per flagged supplier.",
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            metavar="TOML",
            help="Thresholds and rules (see docs/screening.md).",
        ),
    ] = None,
    name_column: Annotated[str | None, _column("supplier name")] = None,
    country_column: Annotated[str | None, _column("country")] = None,
    product_column: Annotated[str | None, _column("product")] = None,
    hs_column: Annotated[str | None, _column("HS code")] = None,
    address_column: Annotated[str | None, _column("address")] = None,
    parent_column: Annotated[str | None, _column("parent company")] = None,
    identifier_column: Annotated[
        str | None,
        typer.Option(help="Header of the identifier column (LEI, registration, IMO)."),
    ] = None,
    workers: Workers = 1,
    cluster: Cluster = None,
) -> None:
    """Screen suppliers against sanctions lists, the DOL list, rules and evidence.

    Each row gets a risk level (high, medium, low, none) and the reasons for it. The
    run is stored; laborwatch screenings show ID replays it.
    """
    columns = {
        field: value
        for field, value in (
            ("name", name_column),
            ("country", country_column),
            ("product", product_column),
            ("hs", hs_column),
            ("address", address_column),
            ("parent", parent_column),
            ("identifier", identifier_column),
        )
        if value
    }
    check_parallel(workers, cluster)
    database = open_from(ctx)
    shown: list[Screening] = []
    flagged: list[Screening] = []
    # Opened before the run, so an unwritable output stops it before it starts.
    csv_file = _open_output(csv_out, "w") if csv_out else None
    csv_export = CsvExport(csv_file) if csv_file else None
    xlsx_file = _open_output(xlsx_out, "wb") if xlsx_out else None
    xlsx_export = XlsxExport(xlsx_file, str(xlsx_out)) if xlsx_file else None
    if as_json:
        sys.stdout.write('{"rows": [')
    first = True
    unshown = 0

    def on_columns(taken: dict[str, str]) -> None:
        for field, header in taken.items():
            stderr.print(f"column {escape(repr(header))} read as {field}")

    def on_row(screening: Screening) -> None:
        nonlocal first, unshown
        bar.advance(screening.name[:30])
        if report and screening.level != "none":
            flagged.append(screening)
        flagged_room = screening.level != "none" and len(shown) < _TABLE_FLAGGED
        if len(shown) < _TABLE_ROWS or flagged_room:
            shown.append(screening)
        else:
            unshown += 1
        if csv_export:
            csv_export.write(screening)
        if xlsx_export:
            xlsx_export.write(screening)
        if as_json:
            sys.stdout.write(
                ("\n" if first else ",\n")
                + json.dumps(screening.record(), ensure_ascii=False)
            )
            first = False

    try:
        # The XLSX is saved whatever happens, keeping the rows written as the CSV
        # does; past Excel's row limit it raises once the run is stored complete.
        with ProgressBar("Screening") as bar, xlsx_export or nullcontext():
            run = screen_file(
                path,
                database,
                config_path=config,
                columns=columns,
                on_row=on_row,
                workers=workers,
                cluster=cluster,
                limits=XlsxLimits.from_settings(settings_from(ctx)),
                on_columns=on_columns,
            )
    finally:
        for file in (csv_file, xlsx_file):
            if file:
                file.close()
    if report:
        from laborwatch.screen.report import write_packs

        written = write_packs(report, run, flagged)
        stderr.print(
            f"wrote {len(written)} evidence pack files to {escape(str(report))}"
        )
    if as_json:
        tail = {key: value for key, value in run_record(run).items() if key != "rows"}
        sys.stdout.write("\n], " + json.dumps(tail, ensure_ascii=False)[1:] + "\n")
        return
    print_table(shown)
    if unshown:
        stderr.print(
            f"{unshown} more rows not shown: use --csv or --json for every row"
        )
    summary = run.summary
    stderr.print(
        f"screening {run.id}: {summary['rows']} rows — {summary['high']} high, "
        f"{summary['medium']} medium, {summary['low']} low, {summary['none']} none"
    )


def _open_output(path: Path, mode: Literal["w", "wb"]) -> IO[Any]:
    try:
        if mode == "w":
            return path.open("w", encoding="utf-8", newline="")
        return path.open("wb")
    except OSError as err:
        raise LaborwatchError(f"{path}: cannot write ({err.strerror})") from None


def run_record(run: Any) -> dict[str, Any]:
    return {
        "screening": run.id,
        "created_at": run.created_at,
        "input": {"name": run.input_name, "sha256": run.input_checksum},
        "columns": run.columns,
        "lists": run.lists,
        "summary": run.summary,
        "rows": [],
    }


def print_table(results: list[Screening]) -> None:
    table = Table("row", "supplier", "level", "reasons")
    for screening in results:
        style = _STYLE[screening.level]
        table.add_row(
            str(screening.row),
            escape(screening.name),
            f"[{style}]{screening.level}[/{style}]",
            escape("\n".join(screening.reasons)),
        )
    stdout.print(table)


screenings_app = Typer(help="Show, rerun and compare stored screening runs.")


@screenings_app.command("list")
def screenings_list(
    ctx: typer.Context,
    watched: Annotated[
        bool, typer.Option("--watched", help="Only the watched runs.")
    ] = False,
    as_json: Annotated[bool, json_option("Print JSON.")] = False,
) -> None:
    """List stored screening runs, newest first."""
    runs = list_screenings(open_from(ctx), watched=True if watched else None)
    if as_json:
        print_json({"screenings": [run.listing() for run in runs]})
        return
    table = Table(
        "id", "when", "input", "status", "rows", "high", "medium", "low", "watched"
    )
    for run in runs:
        table.add_row(
            str(run.id),
            run.created_at[:19],
            escape(run.input_name),
            run.status if run.complete else f"{run.status} (incomplete)",
            *(
                str(run.summary.get(key, 0))
                for key in ("rows", "high", "medium", "low")
            ),
            "watched" if run.watched else "",
        )
    stdout.print(table)


@screenings_app.command("watch")
def screenings_watch(
    ctx: typer.Context,
    screening_id: ScreeningId,
) -> None:
    """Mark a complete run as watched: laborwatch watch reruns it and reports
    what changed.

    Each pass reruns the newest run of its rerun chain, and the watch moves to
    the new run.
    """
    set_watched(open_from(ctx), screening_id, True)
    stderr.print(f"screening {screening_id} watched")


@screenings_app.command("unwatch")
def screenings_unwatch(
    ctx: typer.Context,
    screening_id: ScreeningId,
) -> None:
    """Stop watching a run."""
    set_watched(open_from(ctx), screening_id, False)
    stderr.print(f"screening {screening_id} no longer watched")


@screenings_app.command("show")
def screenings_show(
    ctx: typer.Context,
    screening_id: ScreeningId,
    as_json: Annotated[bool, json_option("Print JSON.")] = False,
) -> None:
    """Show a stored run: its input checksum, list editions, configuration, results."""
    database = open_from(ctx)
    if as_json:
        sys.stdout.write(
            json.dumps(
                stored_run(database, screening_id).record(),
                ensure_ascii=False,
                indent=2,
                default=str,
            )
            + "\n"
        )
        return
    stored = get_screening(database, screening_id)
    run = stored.run
    stdout.print(f"[bold]screening {run.id}[/bold] {run.created_at}")
    if run.rerun_of:
        stdout.print(f"rerun of screening {run.rerun_of}")
    if run.watched:
        stdout.print("watched (laborwatch watch reruns it)")
    stdout.print(f"input {escape(run.input_name)} sha256 {run.input_checksum}")
    stdout.print(
        f"laborwatch {run.laborwatch_version}, extractor {run.extractor_version}"
    )
    for item in run.lists:
        stdout.print(
            f"list {item['id']} edition {item['published'] or 'unknown'} sha256 {item['checksum'][:12]}"
        )
    if not run.complete:
        stdout.print(
            f"[bold]incomplete: {run.status}[/bold] after "
            f"{run.summary['rows']} rows: {escape(run.error or '')}"
        )
    print_table(list(stored_screenings(stored.results)))


@screenings_app.command("rerun")
def screenings_rerun(
    ctx: typer.Context,
    screening_id: ScreeningId,
    workers: Workers = 1,
    cluster: Cluster = None,
) -> None:
    """Screen a run's input again against the lists and evidence stored now.

    The rows come from the stored run, so the file is not needed; the run's
    configuration is kept. The new run is stored linked to the first (rerun_of)
    and its id printed; laborwatch screenings diff ID NEW shows what changed.
    """
    check_parallel(workers, cluster)
    database = open_from(ctx)
    with ProgressBar("Screening") as bar:
        run = rerun_screening(
            database,
            screening_id,
            on_row=lambda screening: bar.advance(screening.name[:30]),
            workers=workers,
            cluster=cluster,
        )
    summary = run.summary
    stderr.print(
        f"screening {run.id} (rerun of {screening_id}): {summary['rows']} rows — "
        f"{summary['high']} high, {summary['medium']} medium, {summary['low']} low, "
        f"{summary['none']} none"
    )
    typer.echo(run.id)


@screenings_app.command("diff")
def screenings_diff(
    ctx: typer.Context,
    old_id: Annotated[int, typer.Argument(metavar="A", help="The earlier run.")],
    new_id: Annotated[int, typer.Argument(metavar="B", help="The later run.")],
    as_json: Annotated[bool, json_option("Print JSON.")] = False,
) -> None:
    """Show what changed from run A to run B, supplier by supplier.

    Suppliers are matched by row number and name. For each that changed: its
    level, the list hits and evidence new or dropped, each with its reason;
    suppliers with no change are only counted.
    """
    diff = diff_stored(open_from(ctx), old_id, new_id)
    if as_json:
        print_json(diff)
        return
    print_diff(diff)


def print_diff(diff: dict[str, Any]) -> None:
    old, new = diff["old"]["id"], diff["new"]["id"]
    stdout.print(f"[bold]screening {old} → {new}[/bold]")
    lists = diff["lists"]
    for item in lists["added"]:
        stdout.print(f"list {item['id']} loaded since ({_published(item)})")
    for item in lists["dropped"]:
        stdout.print(f"list {item['id']} no longer loaded")
    for item in lists["changed"]:
        stdout.print(
            f"list {item['id']} edition {_published(item['old'])} → "
            f"{_published(item['new'])}"
        )
    for supplier in diff["suppliers"]:
        stdout.print(
            f"\n[bold]row {supplier['row']}[/bold] {escape(supplier['name'])}"
            + ("" if supplier["change"] == "changed" else f" ({supplier['change']})")
        )
        level = supplier["level"]
        if level:
            stdout.print(f"  level {level['old'] or '-'} → {level['new'] or '-'}")
            # A reason the hits or evidence below give is said there, once.
            below = {
                item["reason"]
                for key in CHANGE_KEYS
                for item in supplier[key]
                if item.get("reason")
            }
            for reason in level["reasons"]:
                if reason not in below:
                    stdout.print(f"    {escape(reason)}")
        for key, sign in (("new_hits", "+"), ("dropped_hits", "-")):
            for hit in supplier[key]:
                note = f" ({hit['list_change']})" if hit["list_change"] else ""
                stdout.print(
                    f"  {sign} hit {hit['list']} entry {escape(str(hit['entry_id']))} "
                    f"{escape(repr(hit['name']))}{escape(note)}: {escape(hit['reason'])}"
                )
        for key, sign in (("new_evidence", "+"), ("dropped_evidence", "-")):
            for item in supplier[key]:
                stdout.print(
                    f"  {sign} evidence {escape(str(item['document']))}: "
                    f"{escape(item['reason'])}"
                )
        for key, sign in (("new_country_goods", "+"), ("dropped_country_goods", "-")):
            for item in supplier[key]:
                stdout.print(f"  {sign} country and good: {escape(item['reason'])}")
    changed = diff["changed"]
    stdout.print(
        f"\n{changed} supplier{'' if changed == 1 else 's'} changed, "
        f"{diff['unchanged']} unchanged"
    )


def _published(item: dict[str, Any]) -> str:
    return str(item.get("published") or "undated edition")
