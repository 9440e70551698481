"""Screen: check supplier rows against lists, country-and-good risk and evidence.

``screen_file`` reads a CSV or XLSX file row by row, screens each row, hands it
to the caller and stores it, with the run's audit record: the input's checksum,
the list editions, the extractor version and the configuration.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import threading
import uuid
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from laborwatch.errors import LaborwatchError
from laborwatch.extract.pipeline import EXTRACTOR_VERSION
from laborwatch.parallel import open_executor, ordered_map
from laborwatch.screen.config import load_config
from laborwatch.screen.context import ScreeningContext, build_context
from laborwatch.screen.screening import Screening, screen_row
from laborwatch.screen.suppliers import SupplierRow, read_suppliers
from laborwatch.screen.xlsx import XlsxLimits
from laborwatch.store import Database, open_database
from laborwatch.store.lists import ListSummary, list_lists
from laborwatch.store.screenings import (
    append_rows,
    finish_screening,
    start_screening,
    stop_screening,
)
from laborwatch.version import __version__

__all__ = [
    "Screening",
    "ScreeningRun",
    "XlsxLimits",
    "run_screening",
    "screen_file",
]

logger = logging.getLogger(__name__)


_BATCH = 1000


@dataclass
class ScreeningRun:
    """A run: its id in the database and what was screened against."""

    id: int = 0
    created_at: str = ""
    input_name: str = ""
    input_checksum: str = ""
    lists: list[dict[str, Any]] = field(default_factory=list)
    config: dict[str, Any] = field(default_factory=dict)
    summary: dict[str, int] = field(default_factory=dict)
    # The header each field was read from, as the file writes it.
    columns: dict[str, str] = field(default_factory=dict)
    # The run whose input this one screened again, if a rerun.
    rerun_of: int | None = None


def screen_file(
    path: Path,
    database: Database,
    *,
    config_path: Path | None = None,
    columns: dict[str, str] | None = None,
    on_row: Callable[[Screening], None] | None = None,
    on_start: Callable[[int], None] | None = None,
    workers: int = 1,
    cluster: str | None = None,
    input_name: str | None = None,
    limits: XlsxLimits | None = None,
    on_columns: Callable[[dict[str, str]], None] | None = None,
) -> ScreeningRun:
    """Screen every row, passing each to ``on_row`` and storing it as it goes.

    Rows are read, screened and stored in batches, so memory stays flat however
    long the file is. With ``workers`` or ``cluster`` the batches are screened in
    other processes (see ``laborwatch.parallel``); each builds the lists' matcher
    once per run from the database, which it must therefore be able to reach.
    ``input_name`` is what the run records and errors name as the input (by
    default ``path``); ``on_start`` gets the stored run's id once it exists. A run
    stopped by an error is stored ``failed`` with it (``interrupted`` on Ctrl-C),
    keeping the rows it had, and the error is raised again. ``on_columns`` gets the
    header each field is read from, before any row is screened.
    """
    config = load_config(config_path)
    name = input_name or str(path)
    # Checks the header before anything is stored.
    taken: dict[str, str] = {}
    rows = read_suppliers(
        path, columns, name=name, limits=limits, on_columns=taken.update
    )
    first = next(rows, None)
    if on_columns:
        on_columns(dict(taken))
    run = ScreeningRun(
        columns=taken,
        input_name=name,
        input_checksum=_sha256(path),
        config=config,
    )
    all_rows = itertools.chain([first] if first else [], rows)
    return run_screening(
        run,
        all_rows,
        database,
        on_row=on_row,
        on_start=on_start,
        workers=workers,
        cluster=cluster,
    )


def run_screening(
    run: ScreeningRun,
    rows: Iterable[SupplierRow],
    database: Database,
    *,
    on_row: Callable[[Screening], None] | None = None,
    on_start: Callable[[int], None] | None = None,
    workers: int = 1,
    cluster: str | None = None,
) -> ScreeningRun:
    """Store ``run`` (its input and configuration set) against the lists loaded
    now, then screen ``rows`` into it as ``screen_file`` does; ``run`` gets its
    id, time, lists and summary."""
    run.created_at = datetime.now(UTC).isoformat()
    run.lists = [_list_record(summary) for summary in list_lists(database)]
    run.id = start_screening(
        database,
        {
            "created_at": datetime.fromisoformat(run.created_at),
            "input_name": run.input_name,
            "input_checksum": run.input_checksum,
            "laborwatch_version": __version__,
            "extractor_version": EXTRACTOR_VERSION,
            "lists": run.lists,
            "config": run.config,
            "rerun_of": run.rerun_of,
        },
    )
    try:
        if on_start:
            on_start(run.id)
        _screen_rows(run, database, run.config, rows, on_row, workers, cluster)
    except LaborwatchError as err:
        _stop(database, run.id, "failed", str(err))
        raise
    except (KeyboardInterrupt, SystemExit):
        _stop(database, run.id, "interrupted", "stopped by the user")
        raise
    except Exception as err:
        _stop(
            database,
            run.id,
            "failed",
            f"stopped by an internal error ({type(err).__name__})",
        )
        raise
    return run


def _stop(database: Database, screening_id: int, status: str, error: str) -> None:
    try:
        stop_screening(database, screening_id, status, error)
    except Exception:  # the database may be what failed: the first error matters
        logger.exception("screening %s: could not record that it stopped", screening_id)


def _screen_rows(
    run: ScreeningRun,
    database: Database,
    config: dict[str, Any],
    rows: Iterable[SupplierRow],
    on_row: Callable[[Screening], None] | None,
    workers: int,
    cluster: str | None,
) -> None:
    levels: Counter[str] = Counter()
    all_rows = iter(rows)
    chunks = iter(lambda: tuple(itertools.islice(all_rows, _BATCH)), ())
    with open_executor(workers, cluster) as (executor, slots):
        screened_batches: Iterator[list[Screening]]
        if executor is None:
            # This run's own context, passed down: nothing another run can see.
            context = build_context(database, config)
            screened_batches = (screen_rows(chunk, context) for chunk in chunks)
        else:
            # A fresh key per run: a worker serving several runs (a Dask worker
            # lives on) keeps each run's context apart, even where a database at
            # the same URL was recreated and numbers its runs from 1 again.
            run_key = f"{run.id}-{uuid.uuid4().hex}"
            batches = (
                _Batch(run_key, database.connection_url, config, chunk)
                for chunk in chunks
            )
            screened_batches = ordered_map(screen_batch, batches, executor, slots)
        for screened in screened_batches:
            for screening in screened:
                levels[screening.level] += 1
                if on_row:
                    on_row(screening)
            append_rows(database, run.id, [s.record() for s in screened])
    run.summary = {level: levels[level] for level in ("high", "medium", "low", "none")}
    run.summary["rows"] = sum(levels.values())
    finish_screening(database, run.id, run.summary)


def screen_rows(
    rows: Iterable[SupplierRow], context: ScreeningContext
) -> list[Screening]:
    """Screen rows against a run's context (no I/O)."""
    return [screen_row(row, context) for row in rows]


@dataclass(frozen=True)
class _Batch:
    """Rows to screen in a worker, and the run whose context they need."""

    run_key: str  # the run's key among the worker's contexts
    database_url: str  # where the worker reads the run's context
    config: dict[str, Any]  # the run's screening configuration
    rows: tuple[SupplierRow, ...]


class _WorkerContexts:
    """The contexts of the runs a worker process screens, each built on the run's
    first batch there and kept for the rest.

    Keyed by run: one run never takes, clears or closes another's. Each context
    is built from a connection the worker opens and closes itself. Only the most
    recent few runs are kept, so a long-lived Dask worker does not grow without
    bound; a run whose context was dropped (more runs at once than that) builds
    it again on its next batch, slower but still right.
    """

    _KEEP = 4

    def __init__(self) -> None:
        self._contexts: OrderedDict[str, ScreeningContext] = OrderedDict()
        # Held while building, so the threads of one Dask worker build a run's
        # context once rather than each on its own.
        self._lock = threading.Lock()

    def get(self, batch: _Batch) -> ScreeningContext:
        with self._lock:
            context = self._contexts.get(batch.run_key)
            if context is None:
                database = open_database(batch.database_url, migrate=False)
                try:
                    context = build_context(database, batch.config)
                finally:
                    database.close()
                self._contexts[batch.run_key] = context
                while len(self._contexts) > self._KEEP:
                    self._contexts.popitem(last=False)
            self._contexts.move_to_end(batch.run_key)
            return context


# Used only in worker processes (``screen_batch`` runs there); a run screened in
# this process passes its context down instead.
_WORKER_CONTEXTS = _WorkerContexts()


def screen_batch(batch: _Batch) -> list[Screening]:
    """Screen a batch of rows in a worker process or on a Dask worker, with the
    run's context as built there (reading the database on the run's first batch)."""
    return screen_rows(batch.rows, _WORKER_CONTEXTS.get(batch))


def _list_record(summary: ListSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "title": summary.title,
        "published": summary.published.isoformat() if summary.published else None,
        "checksum": summary.checksum,
        "loaded_at": summary.loaded_at.isoformat(),
    }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
