"""Screen: check supplier rows against lists, country-and-good risk and evidence.

``screen_file`` reads a CSV or XLSX file row by row, screens each row, hands it
to the caller and stores it, with the run's audit record: the input's checksum,
the list editions, the extractor version and the configuration.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from laborwatch import __version__
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

__all__ = ["Screening", "ScreeningRun", "XlsxLimits", "screen_file"]

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
        created_at=datetime.now(UTC).isoformat(),
        input_name=name,
        input_checksum=_sha256(path),
        lists=[_list_record(summary) for summary in list_lists(database)],
        config=config,
    )
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
        },
    )
    try:
        if on_start:
            on_start(run.id)
        _screen_rows(run, database, config, first, rows, on_row, workers, cluster)
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
    first: SupplierRow | None,
    rows: Iterator[SupplierRow],
    on_row: Callable[[Screening], None] | None,
    workers: int,
    cluster: str | None,
) -> None:
    key = (database.connection_url, run.id)
    levels: Counter[str] = Counter()
    all_rows = itertools.chain([first] if first else [], rows)
    batches = (
        _Batch(key, config, batch)
        for batch in iter(lambda: tuple(itertools.islice(all_rows, _BATCH)), ())
    )
    with open_executor(workers, cluster) as (executor, slots):
        if executor is None:
            _CONTEXTS.clear()
            _CONTEXTS[key] = build_context(database, config)
        for screened in ordered_map(screen_batch, batches, executor, slots):
            for screening in screened:
                levels[screening.level] += 1
                if on_row:
                    on_row(screening)
            append_rows(database, run.id, [asdict(s) for s in screened])
    _CONTEXTS.clear()
    run.summary = {level: levels[level] for level in ("high", "medium", "low", "none")}
    run.summary["rows"] = sum(levels.values())
    finish_screening(database, run.id, run.summary)


@dataclass(frozen=True)
class _Batch:
    """Rows to screen, and which run's context (database URL, run id) they need."""

    context_key: tuple[str, int]
    config: dict[str, Any]
    rows: tuple[SupplierRow, ...]


# The context of the run being screened, kept per process: a worker builds it on
# its first batch of a run and reuses it for the rest.
_CONTEXTS: dict[tuple[str, int], ScreeningContext] = {}


def screen_batch(batch: _Batch) -> list[Screening]:
    """Screen a batch of rows: pure but for reading the database, so it can run
    in another process or on a Dask worker."""
    context = _CONTEXTS.get(batch.context_key)
    if context is None:
        for stale in _CONTEXTS.values():
            stale.database.close()
        _CONTEXTS.clear()
        database = open_database(batch.context_key[0], migrate=False)
        context = _CONTEXTS[batch.context_key] = build_context(database, batch.config)
    return [screen_row(row, context) for row in batch.rows]


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
