"""Watched screenings: rerun each against today's lists and evidence, and diff.

A run is watched with ``screenings watch ID``. ``rerun_watched`` reruns the
newest complete run of each watched run's rerun chain (the watched run and the
runs that reran it, and those that reran them): a rerun made by hand since
counts, so the same changes are not reported twice. The watch then moves to the
new run, so that ``screenings list --watched`` shows the runs the next pass
compares with; were the process to stop between the rerun and the move, the
next pass still starts from the chain's newest run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from laborwatch.errors import LaborwatchError
from laborwatch.screen.diff import diff_stored
from laborwatch.screen.rerun import rerun_screening
from laborwatch.screen.screening import Screening
from laborwatch.store import Database
from laborwatch.store.screenings import move_watch, rerun_links, watched_screenings


def rerun_watched(
    database: Database,
    *,
    on_row: Callable[[Screening], None] | None = None,
    workers: int = 1,
    cluster: str | None = None,
    errors: list[str] | None = None,
) -> list[tuple[int, int, dict[str, Any]]]:
    """Rerun every watched run's chain head; return (head, new run, their diff)
    for each, oldest watched first. The watch moves to each new run.

    With ``errors``, a run that cannot be rerun adds its one line there and the
    others still run; without, its error is raised."""
    heads = chain_heads(database, watched_screenings(database))
    done: list[tuple[int, int, dict[str, Any]]] = []
    for watched, head in heads:
        try:
            run = rerun_screening(
                database, head, on_row=on_row, workers=workers, cluster=cluster
            )
        except LaborwatchError as err:
            if errors is None:
                raise
            errors.append(f"screening {head}: {err}")
            continue
        move_watch(database, watched, run.id)
        done.append((head, run.id, diff_stored(database, head, run.id)))
    return done


def chain_heads(database: Database, ids: list[int]) -> list[tuple[int, int]]:
    """For each run of ``ids``: (that run, the newest complete run of its rerun
    chain), one per chain: two watched runs of one chain are rerun once."""
    children: dict[int, list[int]] = {}
    complete: set[int] = set()
    for run_id, rerun_of, is_complete in rerun_links(database):
        if rerun_of is not None:
            children.setdefault(rerun_of, []).append(run_id)
        if is_complete:
            complete.add(run_id)
    heads: list[tuple[int, int]] = []
    seen: set[int] = set()
    for run_id in ids:
        chain = _descendants(run_id, children)
        head = max((key for key in chain if key in complete), default=run_id)
        if head not in seen:
            seen.add(head)
            heads.append((run_id, head))
    return heads


def _descendants(run_id: int, children: dict[int, list[int]]) -> set[int]:
    found = {run_id}
    stack = [run_id]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:  # a loop cannot be stored, but never spin
                found.add(child)
                stack.append(child)
    return found
