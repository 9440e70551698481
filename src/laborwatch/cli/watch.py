"""``laborwatch watch``: one pass of monitoring, for cron or a CI job."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from laborwatch.cli.options import base_url_option, json_option
from laborwatch.cli.output import open_from, print_json, settings_from, stderr, stdout
from laborwatch.errors import LaborwatchError
from laborwatch.watching import WatchPass, watch

# Exit statuses: cron mails, and CI fails, on anything but 0.
CHANGED = 3


def watch_command(
    ctx: typer.Context,
    feeds: Annotated[
        bool, typer.Option("--feeds/--no-feeds", help="Poll the feeds.")
    ] = True,
    lists: Annotated[
        bool,
        typer.Option(
            "--lists/--no-lists",
            help="Update the loaded lists laborwatch can fetch.",
        ),
    ] = True,
    list_ids: Annotated[
        list[str] | None,
        typer.Option("--list", metavar="ID", help="Update only this list; repeatable."),
    ] = None,
    base_url: Annotated[
        str | None,
        base_url_option("Fetch list files from this mirror (as lists update does)."),
    ] = None,
    screenings: Annotated[
        bool,
        typer.Option(
            "--screenings/--no-screenings", help="Rerun the watched screenings."
        ),
    ] = True,
    changes: Annotated[
        Path | None,
        typer.Option(
            "--changes",
            metavar="FILE",
            help="Append each change to FILE as a JSON line.",
        ),
    ] = None,
    as_json: Annotated[bool, json_option("Print the pass as JSON.")] = False,
) -> None:
    """Poll the feeds, update the lists, rerun the watched screenings, and say
    what changed (docs/monitoring.md).

    Exit status: 0 nothing changed, 3 something changed, 1 a step failed (the
    other steps still ran). Each pass is stored and shown at /watch.
    """
    if changes is not None:
        _check_writable(changes)
    database = open_from(ctx)
    done = watch(
        database,
        settings_from(ctx),
        feeds=feeds,
        lists=list_ids or lists,
        base_url=base_url,
        screenings=screenings,
        on_step=lambda step: stderr.print(f"watch: {step}…") if not as_json else None,
    )
    for line in done.errors:
        stderr.print(escape(line), soft_wrap=True)
    failed_write = False
    if changes is not None:
        try:
            _append_changes(changes, done)
        except OSError as err:
            # The pass is stored already: say so, and still print its summary.
            failed_write = True
            stderr.print(
                escape(
                    f"{changes}: cannot write the changes file ({err.strerror}); "
                    f"watch run {done.id} is stored (laborwatch serve, /watch)"
                ),
                soft_wrap=True,
            )
    if as_json:
        print_json(done.record())
    else:
        for line in summary_lines(done):
            stdout.print(escape(line), soft_wrap=True)
    if done.errors or failed_write:
        raise typer.Exit(1)
    if done.changes():
        raise typer.Exit(CHANGED)


def summary_lines(done: WatchPass) -> list[str]:
    """One line per change, then one for the pass."""
    lines = []
    for change in done.changes():
        if change["kind"] == "documents":
            lines.append(
                f"{len(change['documents'])} new document(s) from {change['feed']}"
            )
        elif change["kind"] == "list":
            lines.append(
                f"{change['list']} edition {change['edition']} "
                f"(published {change['published'] or 'unknown'}): "
                f"{change['added']} added, {change['removed']} removed"
            )
        else:
            names = ", ".join(s["name"] for s in change["suppliers"][:5])
            more = len(change["suppliers"]) - 5
            lines.append(
                f"screening {change['old']} → {change['new']}: "
                f"{change['changed']} supplier(s) changed ({names}"
                + (f", and {more} more" if more > 0 else "")
                + f"); laborwatch screenings diff {change['old']} {change['new']}"
            )
    lines.append(
        f"watch run {done.id}: {done.status} — {len(done.feeds)} feed(s) polled, "
        f"{len(done.lists)} list(s) updated, {len(done.screenings)} screening(s) "
        f"rerun, {len(done.errors)} error(s)"
    )
    return lines


def _check_writable(path: Path) -> None:
    """Refuse a changes file that cannot be appended to before any work is done."""
    try:
        with path.open("a", encoding="utf-8"):
            pass
    except OSError as err:
        raise LaborwatchError(
            f"{path}: cannot write the changes file ({err.strerror})"
        ) from None


def _append_changes(path: Path, done: WatchPass) -> None:
    stamp = {"watch_run": done.id, "at": done.started_at.isoformat()}
    lines = [
        json.dumps({**stamp, **change}, ensure_ascii=False) + "\n"
        for change in done.changes()
    ]
    lines += [
        json.dumps({**stamp, "kind": "error", "error": error}, ensure_ascii=False)
        + "\n"
        for error in done.errors
    ]
    with path.open("a", encoding="utf-8") as out:
        out.writelines(lines)
